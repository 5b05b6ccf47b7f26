"""Title, unit, period and summary from the lines above the table."""

from __future__ import annotations

import datetime as dt

import pytest

from appendixparse.table.layout import PreambleLine
from appendixparse.table.preamble import (
    normalise_unit,
    read_period,
    read_summary,
    read_title,
    read_unit,
    summary_and_reason,
)


def lines(*texts: str) -> list[PreambleLine]:
    return [PreambleLine(text=t) for t in texts]


@pytest.mark.parametrize(
    ("raw", "unit"),
    [
        ("UBND HUYỆN GIO LINH", "UBND huyện Gio Linh"),
        ("ỦY BAN NHÂN DÂN HUYỆN CAM LỘ", "UBND huyện Cam Lộ"),
        ("UỶ BAN NHÂN DÂN XÃ CAM HIẾU", "UBND xã Cam Hiếu"),
        ("UBND THỊ XÃ QUẢNG TRỊ", "UBND thị xã Quảng Trị"),
        ("UBND TP ĐÔNG HÀ", "UBND thành phố Đông Hà"),
        ("UBND ĐẶC KHU CỒN CỎ", "UBND đặc khu Cồn Cỏ"),
        ("SỞ NỘI VỤ", "Sở Nội vụ"),
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở Nội vụ", "Sở Nội vụ"),
    ],
)
def test_normalise_unit(raw: str, unit: str) -> None:
    assert normalise_unit(raw) == unit


def test_unit_from_header_table_lowest_unit_line() -> None:
    preamble = [
        PreambleLine("UBND TỈNH QUẢNG TRỊ", table=1, column=0),
        PreambleLine("SỞ NỘI VỤ", table=1, column=0),
        PreambleLine("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", table=1, column=1),
    ]
    assert read_unit(preamble) == "Sở Nội vụ"


def test_unit_split_over_two_lines() -> None:
    preamble = [
        PreambleLine("ỦY BAN NHÂN DÂN", table=1, column=0),
        PreambleLine("HUYỆN GIO LINH", table=1, column=0),
    ]
    assert read_unit(preamble) == "UBND huyện Gio Linh"


@pytest.mark.parametrize(
    "line",
    [
        "UBND THÀNH PHỐ ĐỒNG HỚI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
        "UBND THÀNH PHỐ ĐỒNG HỚICỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "UBND thành phố Đồng Hới   Độc lập – Tự do – Hạnh phúc",
    ],
)
def test_unit_glued_to_the_motto(line: str) -> None:
    # A reader that kept the unit | motto header as one line (composed PDF seeds 78, 158)
    assert read_unit(lines(line, "PHỤ LỤC")) == "UBND thành phố Đồng Hới"


def test_unit_absent() -> None:
    assert read_unit(lines("Phụ lục", "Đánh giá mức độ thực hiện")) is None


def test_period_numeric_and_spelled() -> None:
    assert read_period(lines("(Số liệu đánh giá tính từ 15/11/2021 đến 14/10/2023)")).start == (
        dt.date(2021, 11, 15)
    )
    period = read_period(lines("Số liệu tính từ ngày 01 tháng 01 năm 2023 đến ngày 30/6/2023"))
    assert period is not None and (period.start, period.end) == (
        dt.date(2023, 1, 1),
        dt.date(2023, 6, 30),
    )
    assert read_period(lines("Nghị quyết 76/NQ-CP ngày 15/7/2021")) is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("(Số liệu tính từ tháng 11/2021 đến tháng 10/2023)", (2021, 11, 1), (2023, 10, 31)),
        ("Kỳ báo cáo: từ tháng 01 năm 2024 đến tháng 02 năm 2024", (2024, 1, 1), (2024, 2, 29)),
    ],
)
def test_period_in_whole_months(text: str, start: tuple, end: tuple) -> None:
    # A period given in months was not read, so two reviews of a unit looked like one.
    period = read_period(lines(text))
    assert period is not None and (period.start, period.end) == (dt.date(*start), dt.date(*end))


def test_period_until_now_ends_on_the_documents_date() -> None:
    preamble = lines(
        "Quảng Trị, ngày 14 tháng 10 năm 2023", "Phụ lục", "(Số liệu tính từ 15/11/2021 đến nay)"
    )
    period = read_period(preamble)
    assert period is not None
    assert (period.start, period.end) == (dt.date(2021, 11, 15), dt.date(2023, 10, 14))
    alone = read_period(lines("(Số liệu tính từ 15/11/2021 đến nay)"))
    assert alone is not None and (alone.start, alone.end) == (dt.date(2021, 11, 15), None)


def test_period_with_an_impossible_month_is_not_read() -> None:
    assert read_period(lines("từ tháng 13/2021 đến tháng 10/2023")) is None


def test_summary_in_three_lines_ignores_dates() -> None:
    summary = read_summary(
        lines(
            "1. Tổng số chỉ tiêu: 33 chỉ tiêu",
            "2. Chỉ tiêu đã hoàn thành đến 14/10/2023: 10 chỉ tiêu",
            "3. Chỉ tiêu đang thực hiện: 23 chỉ tiêu.",
        )
    )
    assert summary is not None
    assert (summary.total, summary.completed, summary.in_progress, summary.not_started) == (
        33, 10, 23, None,
    )  # fmt: skip


def test_a_scans_summary_words_are_found_where_their_marks_alone_differ() -> None:
    # OCR reads "Tổng số" "Tống số" and "chỉ tiêu" "chỉ tiều"; a typed preamble's words are
    # as they are written, so there the misspelt total is no total.
    preamble = lines(
        "1. Tống số chỉ tiều: 6 chỉ tiêu",
        "2. Chỉ tiêu đã hoàn thành: 3 chỉ tiêu",
        "3. Chỉ tiêu đang thực hiện: 3 chỉ tiêu",
    )
    scanned, _ = summary_and_reason(preamble, ocr=True)
    typed, _ = summary_and_reason(preamble)
    assert scanned is not None and typed is not None
    assert (scanned.total, scanned.completed, scanned.in_progress) == (6, 3, 3)
    assert (typed.total, typed.completed, typed.in_progress) == (None, 3, 3)


def test_summary_in_one_sentence_with_not_started() -> None:
    summary = read_summary(
        lines(
            "Tổng số 20 chỉ tiêu, trong đó: đã hoàn thành 12 chỉ tiêu; đang thực hiện "
            "6 chỉ tiêu; chưa thực hiện 2 chỉ tiêu."
        )
    )
    assert summary is not None
    assert (summary.total, summary.completed, summary.in_progress, summary.not_started) == (
        20, 12, 6, 2,
    )  # fmt: skip


def test_title_stops_at_period_and_skips_motto() -> None:
    title = read_title(
        lines(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Gio Linh, ngày 14 tháng 10 năm 2023",
            "PHỤ LỤC",
            "Đánh giá mức độ thực hiện các mục tiêu",
            "(Số liệu đánh giá tính từ 15/11/2021 đến 14/10/2023)",
            "1. Tổng số chỉ tiêu: 33 chỉ tiêu",
        )
    )
    assert title == "PHỤ LỤC / Đánh giá mức độ thực hiện các mục tiêu"


def test_unit_only_from_the_first_header_table() -> None:
    preamble = [
        PreambleLine("UBND TỈNH LÂM ĐỒNG", table=1, column=0),
        PreambleLine("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", table=1, column=1),
        PreambleLine("- UBND các xã, phường, đặc khu;", table=2, column=0),
    ]
    assert read_unit(preamble) == "UBND tỉnh Lâm Đồng"


def test_title_rows_inside_the_table_above_its_header() -> None:
    """Wherever the reader put the title lines: a spreadsheet or a text export holds them as
    rows of the table with one filled cell, above the header."""
    from appendixparse.grid import Grid, Row, Table
    from appendixparse.table.layout import find_layout

    rows = [
        ["", "PHỤ LỤC", "", ""],
        ["", "Đánh giá mức độ thực hiện các mục tiêu", "", ""],
        ["", "(Số liệu tính đến ngày 14/10/2023)", "", ""],
        ["STT", "Mục tiêu", "Đánh giá", "Kết quả"],
        ["1", "Ban hành văn bản", "Đã hoàn thành", "Đạt"],
    ]
    table = Table(rows=[Row(cells=r) for r in rows], index=1)
    layout = find_layout(Grid(blocks=[table], format="test"), "t")
    assert read_title(layout.preamble) == "PHỤ LỤC / Đánh giá mức độ thực hiện các mục tiêu"
    period = read_period(layout.preamble)
    assert period is not None and (period.start, period.end) == (None, dt.date(2023, 10, 14))
    # The same lines as paragraphs give the same title.
    as_paragraphs = [PreambleLine(text=r[1]) for r in rows[:3]]
    assert read_title(as_paragraphs) == read_title(layout.preamble)


@pytest.mark.parametrize(
    ("cell", "unit"),
    [
        (["UBND THÀNH PHỐ", "ĐỒNG HỚI"], "UBND thành phố Đồng Hới"),
        (["UBND THÀNH PHỐ ĐỒNG", "HỚI"], "UBND thành phố Đồng Hới"),
        (["UBND HUYỆN GIO LINH", "-------"], "UBND huyện Gio Linh"),
        (["UBND TỈNH QUẢNG TRỊ", "SỞ NỘI VỤ"], "Sở Nội vụ"),
        (["UBND HUYỆN", "Số: 12/BC-UBND"], "UBND huyện"),
    ],
)
def test_unit_wrapped_in_its_cell(cell: list[str], unit: str) -> None:
    # Word wraps a long unit in the header table's narrow cell
    preamble = [PreambleLine(text, table=1, column=0) for text in cell]
    assert read_unit(preamble) == unit
