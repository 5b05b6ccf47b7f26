"""The Excel reader: workbook samples against their golden files, and each quirk on its own."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import appendixparse
from appendixparse import (
    ConversionUnavailableError,
    CorruptFileError,
    EncryptedFileError,
    FileTooLargeError,
    NoAssessmentTableError,
)
from appendixparse.grid import Paragraph, Table
from appendixparse.options import Options
from appendixparse.readers import detect_format, libreoffice
from appendixparse.readers.xlsx import cell_text, format_number, read_xls, read_xlsx

from conftest import GOLDEN, REAL_TEXT, SAMPLES, shared_path
from golden import assert_golden, load_golden

WORKBOOK_SAMPLES = sorted(p.name for p in SAMPLES.glob("*.xlsx"))
MERGED = SAMPLES / "district-cam-lo-merged-cells.xlsx"
HEADERS = ["STT", "Các mục tiêu cụ thể", "Đánh giá mức độ hoàn thành", "Thực trạng/Giải pháp"]


def workbook(build: Callable[[openpyxl.Workbook], None]) -> bytes:
    """The bytes of a workbook that ``build`` fills in."""
    wb = openpyxl.Workbook()
    build(wb)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def assessment(ws: Any, first_row: int = 1) -> None:
    """A small assessment table on ``ws``: header, a section, two targets."""
    rows = [
        HEADERS,
        ["I", "CẢI CÁCH THỂ CHẾ", None, None],
        [1, "100% văn bản được ban hành đúng quy định", "Đã hoàn thành", "Đạt 100%."],
        [2, "Tỷ lệ hồ sơ trực tuyến đạt 50%", "Đang thực hiện", "Đạt 41,2%."],
    ]
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            ws.cell(first_row + offset, column, value)


def rows_of(table: Table) -> list[list[str]]:
    return [row.cells for row in table.rows]


# --- samples against their golden files ------------------------------------------------------


def test_every_workbook_sample_has_a_golden_file() -> None:
    assert len(WORKBOOK_SAMPLES) == 3
    for name in WORKBOOK_SAMPLES:
        assert (GOLDEN / f"{name}.json").exists(), name


@pytest.mark.parametrize("name", WORKBOOK_SAMPLES)
def test_workbook_sample_matches_golden(name: str) -> None:
    report = appendixparse.parse(SAMPLES / name)
    assert report.source.format == "xlsx"
    assert_golden(report, load_golden(GOLDEN / f"{name}.json"))


def test_real_appendix_workbook_gives_the_records_of_its_text_form() -> None:
    text = appendixparse.parse(REAL_TEXT)
    book = appendixparse.parse(SAMPLES / "appendix-quang-tri-district-2023.xlsx")
    fields = ("id", "section", "section_title", "stt", "target", "status_raw", "status", "notes")
    assert [r.model_dump(include=set(fields)) for r in book.records] == [
        r.model_dump(include=set(fields)) for r in text.records
    ]
    assert len(book.records) == 35
    statuses = [r.status for r in book.records]
    assert (statuses.count("completed"), statuses.count("in_progress")) == (10, 23)
    assert statuses.count("not_applicable") == 2
    assert (book.title, book.period, book.summary) == (text.title, text.period, text.summary)
    assert book.unparsed == []


def test_records_locate_their_sheet_and_row() -> None:
    report = appendixparse.parse(SAMPLES / "appendix-quang-tri-district-2023.xlsx")
    first = report.records[0].location.model_dump()
    assert first == {"sheet": "Phụ lục", "row": 16}


def test_notes_sheet_after_the_table_is_not_a_continuation() -> None:
    report = appendixparse.parse(MERGED)
    assert [r.id for r in report.records] == ["I.1", "I.2", "II.1", "II.2", "II.3", "III.1"]
    assert report.records[-1].notes == "Đạt 41,2% (1.236/3.000 hồ sơ)."


def test_notes_sheet_before_the_table_is_not_its_preamble() -> None:
    wb = openpyxl.load_workbook(MERGED)
    notes = wb["Ghi chú"]
    notes["A5"] = "Số liệu tính từ 01/01/2023 đến 30/6/2023"  # a period that is not the report's
    wb.move_sheet(notes, offset=-1)
    assert wb.sheetnames == ["Ghi chú", "Phụ lục"]
    buffer = io.BytesIO()
    wb.save(buffer)
    report = appendixparse.parse(buffer.getvalue())
    assert_golden(report, load_golden(GOLDEN / f"{MERGED.name}.json"))


def test_status_merged_over_two_rows_is_read_once() -> None:
    report = appendixparse.parse(MERGED)
    record = next(r for r in report.records if r.id == "II.1")
    assert record.status_raw == "Đã thực hiện"
    assert record.notes == "- Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,6%. - Không có hồ sơ quá hạn."


# --- the grid a workbook gives ----------------------------------------------------------------


def test_sheet_rows_above_the_table_become_paragraphs_and_the_motto_a_small_table() -> None:
    grid = read_xlsx(MERGED.read_bytes(), "m.xlsx")
    kinds = [(type(b).__name__, b.name) for b in grid.blocks]
    assert kinds[0] == ("Table", "Phụ lục")  # unit | national motto
    assert ("Paragraph", "Phụ lục") in kinds
    paragraphs = [b.text for b in grid.blocks if isinstance(b, Paragraph)]
    assert paragraphs[:2] == [
        "Phụ lục",
        "Đánh giá mức độ thực hiện các mục tiêu cụ thể theo Nghị quyết 76/NQ-CP ngày 15/7/2021",
    ]
    main = grid.tables[1]
    assert main.rows[0].cells[0] == "STT"
    assert main.rows[0].location.model_dump() == {"sheet": "Phụ lục", "row": 13}
    assert [t.name for t in grid.tables] == ["Phụ lục", "Phụ lục", "Ghi chú"]


def test_sub_numbers_stored_as_numbers_keep_their_rows() -> None:
    # Excel stores a typed "1.1" as the number 1.1, which the reader shows as "1,1": those rows
    # went to `unparsed` ("unrecognised STT") and their targets were lost.
    def build(wb: openpyxl.Workbook) -> None:
        for values in (
            HEADERS,
            ["I", "CẢI CÁCH THỂ CHẾ", None, None],
            [1, "Ban hành văn bản", "Đã thực hiện", "Đạt 100%."],
            [1.1, "Văn bản quy phạm pháp luật", "Đã thực hiện", None],
            [1.2, "Kiểm tra văn bản", "Đang thực hiện", "Đạt 50%."],
            [2, "Rà soát thủ tục", "Đang thực hiện", None],
        ):
            wb.active.append(values)

    report = appendixparse.parse(workbook(build))
    assert [(r.id, r.stt) for r in report.records] == [
        ("I.1", "1"),
        ("I.1.1", "1.1"),
        ("I.1.2", "1.2"),
        ("I.2", "2"),
    ]
    assert report.records[2].target == "Kiểm tra văn bản"
    assert report.unparsed == []


def test_formulas_never_computed_are_shown_not_read_as_empty() -> None:
    # A workbook written by a program (openpyxl, pandas) holds formulas without saved values:
    # an STT "=A3+1" read as empty joined its row to the target above, status and all.
    def build(wb: openpyxl.Workbook) -> None:
        for values in (
            HEADERS,
            ["I", "CẢI CÁCH THỂ CHẾ", None, None],
            [1, "Mục tiêu A", "Đã hoàn thành", "Đạt 100%."],
            ["=A3+1", "Mục tiêu B", "Đang thực hiện", "Đạt 50%."],
            [3, "Mục tiêu C", '=IF(D5="","Đã hoàn thành","")', None],
        ):
            wb.active.append(values)

    report = appendixparse.parse(workbook(build))
    assert [(r.id, r.target, r.status_raw) for r in report.records] == [
        ("I.1", "Mục tiêu A", "Đã hoàn thành"),
        ("I.3", "Mục tiêu C", '=IF(D5="","Đã hoàn thành","")'),
    ]
    assert [(u.text, u.reason) for u in report.unparsed] == [
        ("=A3+1 Mục tiêu B Đang thực hiện Đạt 50%.", "unrecognised STT")
    ]
    assert ("unknown_status", "I.3") in {(f.code, f.record) for f in report.flags}


def test_horizontal_merge_keeps_text_in_its_first_column() -> None:
    def build(wb: openpyxl.Workbook) -> None:
        ws = wb.active
        assessment(ws)
        ws.merge_cells("B2:D2")
        ws["A5"] = "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"
        ws.merge_cells("A5:D5")

    table = read_xlsx(workbook(build), "h.xlsx").tables[0]
    assert table.rows[1].cells == ["I", "CẢI CÁCH THỂ CHẾ", "", ""]
    assert table.rows[4].cells == ["II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", ""]


def test_vertical_merge_repeats_text_in_every_row() -> None:
    def build(wb: openpyxl.Workbook) -> None:
        ws = wb.active
        assessment(ws)
        ws["C4"] = None
        ws.merge_cells("C3:C4")

    table = read_xlsx(workbook(build), "v.xlsx").tables[0]
    assert [r.cells[2] for r in table.rows[2:4]] == ["Đã hoàn thành", "Đã hoàn thành"]


def test_values_hidden_under_a_merge_are_ignored() -> None:
    def build(wb: openpyxl.Workbook) -> None:
        ws = wb.active
        assessment(ws)
        ws.merge_cells("B2:D2")
        # openpyxl drops covered values on merge; put one back as other writers leave them.
        ws._cells.pop((2, 3), None)
        ws.cell(2, 3).value = "stale"

    table = read_xlsx(workbook(build), "s.xlsx").tables[0]
    assert table.rows[1].cells == ["I", "CẢI CÁCH THỂ CHẾ", "", ""]


def test_cells_read_as_the_user_sees_them() -> None:
    def build(wb: openpyxl.Workbook) -> None:
        ws = wb.active
        assessment(ws)
        values = [
            (0.5554, "0.00%"),
            (1381, "#,##0"),
            (dt.datetime(2023, 10, 14), "dd/mm/yyyy"),
            ("Dòng một\nDòng hai", "General"),
        ]
        for column, (value, number_format) in enumerate(values, start=1):
            ws.cell(5, column, value).number_format = number_format
        ws.cell(3, 4).alignment = openpyxl.styles.Alignment(wrap_text=True)

    table = read_xlsx(workbook(build), "f.xlsx").tables[0]
    assert table.rows[2].cells[0] == "1"  # an integer STT, plainly
    assert table.rows[-1].cells == ["55,54%", "1.381", "14/10/2023", "Dòng một\nDòng hai"]


def test_escaped_carriage_returns_become_line_breaks() -> None:
    assert cell_text("Dòng một_x000D_\nDòng hai") == "Dòng một\nDòng hai"
    assert cell_text("a\r\nb\rc") == "a\nb\nc"


NUMBER_FORMATS = [
    (0.5554, "0.00%", "55,54%"),
    (0.412, "0.0%", "41,2%"),
    (1, "0%", "100%"),
    (0.12345, "0.00%", "12,35%"),  # half up, from the decimal the user typed
    (3, "General", "3"),
    (3.0, "General", "3"),
    (0.5, "General", "0,5"),
    (1234567.891, "#,##0.00", "1.234.567,89"),
    (1381, "#,##0", "1.381"),
    (20000000, '#,##0" đồng"', "20.000.000 đồng"),
    (2.5, "0.##", "2,5"),
    (2, "0.##", "2"),
    (-5, "0;(0)", "(5)"),
    (-5, "0", "-5"),
    (0, '0;-0;"không"', "không"),
    (-0.001, "0", "0"),
    (1381, '_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)', "1.381"),
    (1500, "[$₫-42A] #,##0", "₫ 1.500"),
    (0.95, "[Red]0%", "95%"),
    (12345, "0.00E+00", "12345"),  # scientific shown as General
    (7, ";;;", ""),  # the "hide the value" format
    (42, "@", "42"),
    (1234000, "#,##0,", "1.234"),  # a trailing comma scales by a thousand
]


@pytest.mark.parametrize(("value", "number_format", "shown"), NUMBER_FORMATS)
def test_format_number(value: float, number_format: str, shown: str) -> None:
    assert format_number(value, number_format) == shown


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (dt.datetime(2023, 10, 14), "yyyy-mm-dd", "14/10/2023"),
        (dt.datetime(2023, 10, 14, 8, 30), "dd/mm/yyyy hh:mm", "14/10/2023 08:30"),
        (dt.datetime(2023, 10, 1), "mm/yyyy", "10/2023"),
        (dt.time(8, 30), "h:mm", "08:30"),
        (True, "General", "TRUE"),
    ],
)
def test_dates_and_other_values(value: object, number_format: str, shown: str) -> None:
    assert cell_text(value, number_format) == shown


def test_hidden_rows_and_columns_are_skipped_and_reported() -> None:
    def build(wb: openpyxl.Workbook) -> None:
        ws = wb.active
        ws.title = "Báo cáo"
        assessment(ws)
        ws["A5"], ws["B5"], ws["C5"] = 3, "Chỉ tiêu đã bỏ", "Đang thực hiện"
        ws.row_dimensions[5].hidden = True
        ws["E1"], ws["E3"] = "Cột ẩn", "ghi chú nội bộ"
        ws.column_dimensions["E"].hidden = True

    grid = read_xlsx(workbook(build), "hidden.xlsx")
    table = grid.tables[0]
    assert table.width == 4
    assert [r.location.row for r in table.rows] == [1, 2, 3, 4]
    found = {(u.reason, u.location.row, u.text) for u in grid.unplaced}
    assert found == {
        ("hidden row", 5, "3 Chỉ tiêu đã bỏ Đang thực hiện"),
        ("hidden column", 1, "Cột ẩn"),
        ("hidden column", 3, "ghi chú nội bộ"),
    }
    assert all(u.location.sheet == "Báo cáo" for u in grid.unplaced)
    report = appendixparse.parse(workbook(build))
    assert [r.id for r in report.records] == ["I.1", "I.2"]
    assert {u.reason for u in report.unparsed} == {"hidden row", "hidden column"}


def test_hidden_row_inside_the_table_does_not_split_it() -> None:
    def build(wb: openpyxl.Workbook) -> None:
        ws = wb.active
        assessment(ws)
        ws.insert_rows(4)
        ws.row_dimensions[4].hidden = True  # empty and hidden: not a visible blank row

    grid = read_xlsx(workbook(build), "gap.xlsx")
    assert len(grid.tables) == 1
    assert [r.location.row for r in grid.tables[0].rows] == [1, 2, 3, 5]


def test_hidden_sheets_are_skipped() -> None:
    def build(wb: openpyxl.Workbook) -> None:
        assessment(wb.active)
        lookup = wb.create_sheet("Danh mục")
        lookup["A1"], lookup["B1"], lookup["C1"] = "Đã hoàn thành", "Đang thực hiện", "x"
        lookup.sheet_state = "hidden"

    grid = read_xlsx(workbook(build), "hs.xlsx")
    assert {b.name for b in grid.blocks} == {"Sheet"}


def test_a_stray_far_cell_does_not_widen_the_table() -> None:
    def build(wb: openpyxl.Workbook) -> None:
        ws = wb.active
        assessment(ws)
        ws["XFD3"] = "x"

    table = read_xlsx(workbook(build), "far.xlsx").tables[0]
    assert table.width == 5
    assert table.rows[2].cells[-1] == "x"


def patch_sheet(data: bytes, *replacements: tuple[bytes, bytes]) -> bytes:
    """``data`` with the first sheet's XML edited, for what openpyxl will not write."""
    patched = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(patched, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                for old, new in replacements:
                    assert old in content, old
                    content = content.replace(old, new)
            target.writestr(info, content)
    return patched.getvalue()


def test_absurd_declared_dimensions_read_only_existing_cells() -> None:
    data = patch_sheet(
        workbook(lambda wb: assessment(wb.active)),
        (b'<dimension ref="A1:D4"/>', b'<dimension ref="A1:XFD1048576"/>'),
        (b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>'),
    )
    grid = read_xlsx(data, "dims.xlsx")
    assert [len(t.rows) for t in grid.tables] == [4]
    assert grid.tables[0].width == 4


def test_huge_merged_range_is_cut_at_the_last_filled_row() -> None:
    def build(wb: openpyxl.Workbook) -> None:
        assessment(wb.active)
        wb.active["E1"] = "Ghi chú"

    data = patch_sheet(
        workbook(build),
        (b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="E1:XFD1048576"/>'
                          b"</mergeCells>"),
    )  # fmt: skip
    table = read_xlsx(data, "merge.xlsx").tables[0]
    assert len(table.rows) == 4
    assert [r.cells[4] for r in table.rows] == ["Ghi chú"] * 4


def test_zip_bomb_is_refused_before_unpacking() -> None:
    options = Options(max_zip_uncompressed_bytes=10_000)
    with pytest.raises(FileTooLargeError, match=r"bomb\.xlsx: declares 25,346 bytes uncompressed"):
        read_xlsx(MERGED.read_bytes(), "bomb.xlsx", options)


def test_too_many_zip_entries_are_refused() -> None:
    with pytest.raises(FileTooLargeError, match="zip entries"):
        read_xlsx(MERGED.read_bytes(), "many.xlsx", Options(max_zip_entries=3))


def test_grid_cell_limit() -> None:
    with pytest.raises(FileTooLargeError, match="cells"):
        read_xlsx(MERGED.read_bytes(), "big.xlsx", Options(max_table_cells=20))


def test_short_legacy_cell_follows_the_rest_of_the_sheet() -> None:
    from appendixparse.text.encodings import from_unicode

    short = from_unicode("Hộ", "tcvn3")  # nothing in it proves TCVN3 on its own
    assert appendixparse.to_unicode(short, font=".VnTime") == short

    def build(wb: openpyxl.Workbook) -> None:
        wb.active["A1"] = from_unicode("Tổng số chỉ tiêu đã hoàn thành", "tcvn3")
        wb.active["A2"] = short
        for ref in ("A1", "A2"):
            wb.active[ref].font = openpyxl.styles.Font(name=".VnTime")

    grid = read_xlsx(workbook(build), "legacy.xlsx")
    assert [b.text for b in grid.blocks] == ["Tổng số chỉ tiêu đã hoàn thành", "Hộ"]


def test_tcvn3_cell_is_converted() -> None:
    raw = "Tæng sè chØ tiªu"
    if appendixparse.to_unicode(raw, font=".VnTime") == raw:
        pytest.skip("the TCVN3 tables of appendixparse.text.encodings are not in this branch")

    def build(wb: openpyxl.Workbook) -> None:
        wb.active["A1"] = raw
        wb.active["A1"].font = openpyxl.styles.Font(name=".VnTime")

    grid = read_xlsx(workbook(build), "tcvn3.xlsx")
    assert grid.blocks[0].text == "Tổng số chỉ tiêu"


# --- errors -------------------------------------------------------------------------------------


def test_workbook_without_assessment_table_names_its_sheets() -> None:
    def build(wb: openpyxl.Workbook) -> None:
        wb.active.title = "Danh sách"
        wb.active.append(["STT", "Họ và tên", "Chức vụ"])
        wb.active.append([1, "Nguyễn Văn A", "Chuyên viên"])
        other = wb.create_sheet("Tổng hợp")
        other.append(["Đơn vị", "Số lượng", "Tỷ lệ"])
        other.append(["Phòng Nội vụ", 3, 0.5])

    with pytest.raises(NoAssessmentTableError) as caught:
        appendixparse.parse(workbook(build))
    assert "Danh sách: STT | Họ và tên" in str(caught.value)
    assert "Tổng hợp: Đơn vị" in str(caught.value)


def test_workbook_with_only_text_names_its_sheets() -> None:
    def build(wb: openpyxl.Workbook) -> None:
        wb.active.title = "Ghi chú"
        wb.active["A1"] = "Không có bảng nào"

    with pytest.raises(NoAssessmentTableError, match="no table found in Ghi chú"):
        appendixparse.parse(workbook(build))


def test_real_lamdong_workbook_is_not_an_assessment() -> None:
    """A summary of comments on a draft plan: STT | organisation | comment | the reply. It has
    roman sections and numbered rows, but no target column and no status, so no records."""
    path = shared_path("real", "lamdong-ke-hoach-tuyen-truyen-cchc-2026-phuluc-gop-y.xlsx")
    grid = read_xlsx(path.read_bytes(), str(path))
    table = grid.tables[0]
    assert table.rows[0].cells[:2] == ["STT", "Tên cơ quan, đơn vị, địa phương"]
    assert table.rows[1].cells == ["I. CẤP SỞ, NGÀNH", "", "", ""]
    assert table.rows[2].cells[:3] == ["1", "Sở Nông nghiệp và Môi trường", "Thống nhất"]
    with pytest.raises(NoAssessmentTableError, match=r"Gop y: STT \| Tên cơ quan"):
        appendixparse.parse(path)


@pytest.mark.parametrize(
    ("data", "error", "reason"),
    [
        (b"PK\x03\x04" + b"\x00" * 40, CorruptFileError, "damaged or truncated"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            EncryptedFileError,
            "password",
        ),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, CorruptFileError, "Excel 97"),
    ],
)
def test_damaged_input_raises_a_clear_error(data: bytes, error: type, reason: str) -> None:
    with pytest.raises(error, match=f"bad.xlsx: .*{reason}"):
        read_xlsx(data, "bad.xlsx")


def test_truncated_workbook_is_corrupt() -> None:
    data = MERGED.read_bytes()
    with pytest.raises(CorruptFileError, match=r"cut\.xlsx"):
        read_xlsx(data[: len(data) // 2], "cut.xlsx")


def test_zip_without_workbook_is_corrupt() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(CorruptFileError, match="without an Excel workbook"):
        read_xlsx(buffer.getvalue(), "z.xlsx")


def test_garbled_workbook_part_is_corrupt() -> None:
    source = zipfile.ZipFile(io.BytesIO(MERGED.read_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = content[: len(content) // 2]
            archive.writestr(info, content)
    with pytest.raises(CorruptFileError, match=r"g\.xlsx"):
        read_xlsx(buffer.getvalue(), "g.xlsx")


def test_workbook_bytes_are_detected_as_xlsx() -> None:
    assert detect_format(MERGED.read_bytes(), "") == "xlsx"


# --- Excel 97 -----------------------------------------------------------------------------------


def test_xls_without_libreoffice_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libreoffice, "soffice", lambda *_: None)
    with pytest.raises(ConversionUnavailableError, match=r"old\.xls: \.xls files need LibreOffice"):
        read_xls(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old.xls")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_xls_sample_matches_golden(tmp_path: Path) -> None:
    # Through the library's own converter: it says what is missing (Calc) instead of failing.
    try:
        data = libreoffice.convert(MERGED.read_bytes(), str(MERGED), suffix=".xlsx", target="xls")
    except ConversionUnavailableError as exc:
        pytest.skip(exc.reason)
    xls = tmp_path / MERGED.with_suffix(".xls").name
    xls.write_bytes(data)
    report = appendixparse.parse(xls)
    expected = load_golden(GOLDEN / f"{MERGED.name}.json") | {"format": "xls"}
    assert_golden(report, expected)


# --- consolidation ------------------------------------------------------------------------------


def _rows(records: Any) -> list[dict[str, Any]]:
    if hasattr(records, "to_dict"):
        return records.to_dict("records")
    return [r if isinstance(r, dict) else r.model_dump() for r in records]


def test_consolidate_takes_workbooks_beside_text(tmp_path: Path) -> None:
    pytest.importorskip("appendixparse.consolidation")
    shutil.copy(MERGED, tmp_path)
    shutil.copy(REAL_TEXT, tmp_path)
    result = appendixparse.consolidate([tmp_path])
    units = {row["unit"] for row in _rows(result.records)}
    assert {"UBND huyện Cam Lộ"} <= units
    assert any(str(row["source"]).endswith(".xlsx") for row in _rows(result.records))


def test_entity_declarations_in_a_sheet_are_refused() -> None:
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(MERGED.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            part = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                part = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + part
            target.writestr(name, part)
    with pytest.raises(appendixparse.CorruptFileError, match="DTD or entities"):
        read_xlsx(out.getvalue(), "xxe.xlsx")
