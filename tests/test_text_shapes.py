"""Text files in the shapes other units send: CSV from Excel, Markdown and pipe tables,
spreadsheet copies padded with tabs, signature tables below the table."""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata

import appendixparse
from appendixparse.readers.text import read_text

TITLE = ["Phụ lục", "Đánh giá mức độ thực hiện các mục tiêu cụ thể theo Nghị quyết 76/NQ-CP"]
PERIOD = "(Số liệu đánh giá tính từ 15/11/2021 đến 14/10/2023)"
NOTES = '- Năm 2022: 30%\n- Năm 2023: "41,2%"'  # two paragraphs, and quotes
HEADER = ["STT", "Các mục tiêu cụ thể", "Đánh giá mức độ hoàn thành", "Thực trạng/Giải pháp"]
ROWS = [
    ["I", "CẢI CÁCH THỂ CHẾ", "", ""],
    ["1", "100% văn bản được ban hành đúng quy định", "Đã thực hiện", "Đạt 100%; đúng hạn"],
    ["2", "Tỷ lệ hồ sơ trực tuyến đạt 50%", "Đang thực hiện", NOTES],
    ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", ""],
    ["1", "Giảm 20% thời gian giải quyết, đúng hạn", "Chưa thực hiện", ""],
]
EXPECTED = [
    ("I.1", "completed", "Đạt 100%; đúng hạn"),
    ("I.2", "in_progress", '- Năm 2022: 30% - Năm 2023: "41,2%"'),
    ("II.1", "not_started", ""),
]
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def records_of(report: appendixparse.Report) -> list[tuple[str, str, str]]:
    return [(r.id, r.status, r.notes) for r in report.records]


def excel_csv(delimiter: str, *, width: int = 4) -> str:
    """What Excel's "Save as CSV" writes: every row padded to the sheet's width, CRLF."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for line in [*TITLE, PERIOD, ""]:
        writer.writerow([line] + [""] * (width - 1))
    for row in [HEADER, *ROWS]:
        writer.writerow(row)
    return out.getvalue()


def cp1258(text: str) -> bytes:
    """Text in Windows-1258: vowel letters precomposed, tone marks written after them."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def test_excel_csv_with_commas_utf8_bom_and_multiline_cells() -> None:
    report = appendixparse.parse(codecs.BOM_UTF8 + excel_csv(",").encode())
    assert records_of(report) == EXPECTED
    assert [s.numeral for s in report.sections] == ["I", "II"]
    assert report.records[0].target == "100% văn bản được ban hành đúng quy định"
    assert report.records[2].target == "Giảm 20% thời gian giải quyết, đúng hạn"
    assert report.title == " / ".join(TITLE)
    assert report.period is not None and report.period.start.isoformat() == "2021-11-15"
    assert report.unparsed == []


def test_excel_csv_with_semicolons_in_cp1258() -> None:
    report = appendixparse.parse(cp1258(excel_csv(";")))
    assert records_of(report) == EXPECTED
    assert report.title == " / ".join(TITLE)


def test_csv_row_locations_count_the_lines_of_multiline_cells() -> None:
    grid = read_text(excel_csv(",").encode(), "t.csv")
    main = grid.tables[-1]
    # Four lines above the header; the second target's notes span two lines.
    assert [r.location.line for r in main.rows] == [5, 6, 7, 8, 10, 11]


def test_markdown_table() -> None:
    lines = [*TITLE, "", "| " + " | ".join(HEADER) + " |", "|---|:---|:---:|---|"]
    lines += ["| " + " | ".join(c.replace("\n", " ") for c in row) + " |" for row in ROWS]
    report = appendixparse.parse("\n".join(lines).encode())
    assert [(r.id, r.status) for r in report.records] == [(i, s) for i, s, _ in EXPECTED]
    assert report.records[1].notes == '- Năm 2022: 30% - Năm 2023: "41,2%"'
    assert report.title == " / ".join(TITLE)


def test_bare_pipe_table_keeps_an_empty_first_cell() -> None:
    lines = [" | ".join(HEADER), " | ".join(ROWS[0]), " | ".join(ROWS[1])]
    lines.append(" | " + " | ".join(["page two of the target", "", "more notes"]))
    report = appendixparse.parse("\n".join(lines).encode())
    assert [(r.id, r.target, r.notes) for r in report.records] == [
        ("I.1", "100% văn bản được ban hành đúng quy định page two of the target",
         "Đạt 100%; đúng hạn more notes"),
    ]  # fmt: skip
    assert report.unparsed == []


def test_spreadsheet_copy_pads_title_lines_with_tabs() -> None:
    # Copying the sheet's whole range from Excel gives every line all its tabs.
    lines = [line + "\t\t\t" for line in [*TITLE, PERIOD, "", "1. Tổng số chỉ tiêu: 3 chỉ tiêu"]]
    lines += ["\t".join(c.replace("\n", " ") for c in row) for row in [HEADER, *ROWS]]
    report = appendixparse.parse("\n".join(lines).encode())
    assert report.title == " / ".join(TITLE)
    assert report.summary is not None and report.summary.total == 3
    assert [(r.id, r.status) for r in report.records] == [(i, s) for i, s, _ in EXPECTED]


def test_long_padded_preamble_still_finds_the_header() -> None:
    preamble = ["UBND HUYỆN GIO LINH\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\t"]
    preamble += [f"{line}\t\t\t" for line in ["", *TITLE, PERIOD, "", "Dòng", "Dòng", "Dòng"]]
    preamble += [f"Dòng {n}\t\t\t" for n in range(6)]
    lines = preamble + ["\t".join(c.replace("\n", " ") for c in row) for row in [HEADER, *ROWS]]
    report = appendixparse.parse("\n".join(lines).encode())
    assert [r.id for r in report.records] == [i for i, _, _ in EXPECTED]
    assert report.unit == "UBND huyện Gio Linh"


def test_signature_table_below_the_table_is_not_a_continuation() -> None:
    body = ["\t".join(c.replace("\n", " ") for c in row) for row in [HEADER, *ROWS]]
    signature = ["", "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN", "- Như trên;\tCHỦ TỊCH", "\t"]
    signature.append("\tNguyễn Văn An")
    report = appendixparse.parse("\n".join(body + signature).encode())
    last = report.records[-1]
    assert (last.id, last.target, last.notes) == (
        "II.1",
        "Giảm 20% thời gian giải quyết, đúng hạn",
        "",
    )
    assert report.unparsed == []


def test_page_break_gap_inside_the_table_still_continues_it() -> None:
    body = ["\t".join(c.replace("\n", " ") for c in row) for row in [HEADER, *ROWS[:2]]]
    body += ["", "\f", "\tđến năm 2025\t\tcòn tiếp", "\t".join(ROWS[2])]
    report = appendixparse.parse("\n".join(body).encode())
    first = report.records[0]
    assert first.target == "100% văn bản được ban hành đúng quy định đến năm 2025"
    assert first.notes == "Đạt 100%; đúng hạn còn tiếp"


def test_wider_rows_after_a_gap_stay_in_the_table() -> None:
    body = ["\t".join(c.replace("\n", " ") for c in row) for row in [HEADER, *ROWS[:2]]]
    body += ["", "\t".join(ROWS[3]) + "\t", "\t".join(ROWS[4]) + "\t"]  # a stray trailing tab
    report = appendixparse.parse("\n".join(body).encode())
    assert [r.id for r in report.records] == ["I.1", "II.1"]
