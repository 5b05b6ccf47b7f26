"""Issue 15: nothing silently lost — each mechanism on a generated document that reproduces it."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appendixparse import Options, consolidate, parse
from appendixparse.cli import main
from appendixparse.errors import (
    AppendixParseError,
    ConversionUnavailableError,
    NoAppendixFoundError,
    NoAssessmentTableError,
    ScannedDocumentError,
)
from appendixparse.grid import Grid, Paragraph, Row, Table
from appendixparse.pipeline import account
from appendixparse.readers.ole import OLE_MAGIC
from appendixparse.table.accounting import Accounting
from appendixparse.table.layout import RowFate, find_layout
from appendixparse.table.records import build_records

from bad.catalogue import _png
from conftest import SAMPLES

# --------------------------------------------------------------------------------------------
# A scan whose pages also carry drawn lines


def _scan_with_rules(pages: int = 3) -> bytes:
    """An image-only PDF with a form's ruled grid drawn over each page: ruled tables, no text."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, invariant=1)
    for _ in range(pages):
        c.drawImage(ImageReader(io.BytesIO(_png())), 50, 300, width=500, height=400)
        for y in range(300, 701, 50):
            c.line(50, y, 550, y)
        for x in (50, 100, 300, 450, 550):
            c.line(x, 300, x, 700)
        c.showPage()
    c.save()
    return out.getvalue()


def test_scan_with_drawn_rules_is_a_scan_not_a_document_without_table() -> None:
    with pytest.raises(ScannedDocumentError, match="no text layer") as caught:
        parse(_scan_with_rules(), format="pdf")
    assert "table 1" not in str(caught.value)


# --------------------------------------------------------------------------------------------
# Zero records is no appendix


ZERO_RECORDS = "Phụ lục\nSTT\tMục tiêu\tĐánh giá\tKết quả\n\tGhi chú: các đơn vị điền số liệu\t\t\n"


def test_a_table_that_gives_no_record_is_no_appendix(tmp_path: Path) -> None:
    path = tmp_path / "zero.txt"
    path.write_text(ZERO_RECORDS, encoding="utf-8")
    with pytest.raises(NoAppendixFoundError, match="no appendix found") as caught:
        parse(path)
    assert isinstance(caught.value, AppendixParseError)
    assert str(path) in str(caught.value)


def test_cli_exits_2_on_one_line_for_zero_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "zero.txt"
    path.write_text(ZERO_RECORDS, encoding="utf-8")
    assert main(["parse", str(path)]) == 2
    assert main(["check", str(path)]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2 and all(str(path) in line for line in lines)


def test_no_assessment_table_lists_a_few_tables_shortly() -> None:
    wide = [f"Cột tiêu đề số {i} của một bảng rất rộng" for i in range(30)]
    tables = [Table(rows=[Row(cells=wide), Row(cells=["1"] * 30)], index=i) for i in range(1, 21)]
    with pytest.raises(NoAssessmentTableError) as caught:
        find_layout(Grid(blocks=list(tables), format="test"), "x.docx")
    message = str(caught.value)
    assert "\n" not in message and len(message) < 400, len(message)
    assert "20 table(s)" in message and "table 1: Cột tiêu đề số 0" in message
    assert "table 4" not in message and "17 more" in message


# --------------------------------------------------------------------------------------------
# LibreOffice: a missing component, RTF, one start per batch

_FAKE_SOFFICE = """#!{python}
import json, os, shutil, sys
from pathlib import Path
args = sys.argv[1:]
with open({log!r}, "a") as log:
    log.write(json.dumps(args) + "\\n")
target = args[args.index("--convert-to") + 1]
out = Path(args[args.index("--outdir") + 1])
out.mkdir(parents=True, exist_ok=True)
for name in args[args.index("--outdir") + 2:]:
    shutil.copy({converted!r}, out / (Path(name).stem + "." + target))
"""


def _fake_soffice(folder: Path, converted: Path, *, markers: tuple[str, ...] = ()) -> Path:
    """A LibreOffice stand-in that logs each start and "converts" every file to ``converted``;
    ``markers`` are files put beside it (a LibreOffice program folder's ``sofficerc``…)."""
    folder.mkdir(parents=True, exist_ok=True)
    exe = folder / "soffice"
    log = folder / "starts.log"
    exe.write_text(
        _FAKE_SOFFICE.format(python=sys.executable, log=str(log), converted=str(converted))
    )
    exe.chmod(0o755)
    for marker in markers:
        (folder / marker).write_bytes(b"")
    return exe


def _starts(exe: Path) -> list[list[str]]:
    log = exe.parent / "starts.log"
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def _ole(stream: str, tag: int) -> bytes:
    """Bytes that read as an old Office file naming ``stream`` ("WordDocument", "Workbook")."""
    return OLE_MAGIC + bytes(504) + stream.encode("utf-16-le") + tag.to_bytes(4, "big")


def test_xls_without_calc_names_the_package(tmp_path: Path) -> None:
    exe = _fake_soffice(
        tmp_path / "program", SAMPLES / "docx-split-table.docx", markers=("sofficerc", "libswlo.so")
    )
    with pytest.raises(ConversionUnavailableError, match="libreoffice-calc") as caught:
        parse(_ole("Workbook", 1), format="xls", options=Options(libreoffice=str(exe)))
    assert "Calc" in caught.value.reason
    assert _starts(exe) == []  # known missing: LibreOffice is not started for nothing
    # Writer is there: a .doc is converted
    report = parse(_ole("WordDocument", 1), options=Options(libreoffice=str(exe)))
    assert report.source.format == "doc" and report.records


def test_rtf_is_converted_like_doc(tmp_path: Path) -> None:
    exe = _fake_soffice(tmp_path / "lo", SAMPLES / "docx-split-table.docx")
    report = parse(rb"{\rtf1\ansi Phu luc}", options=Options(libreoffice=str(exe)))
    assert report.source.format == "rtf" and len(report.records) == 6
    assert _starts(exe)[0][-1].endswith(".rtf")


def _rtf_escape(text: str) -> str:
    return "".join(ch if ord(ch) < 128 else f"\\u{ord(ch)}?" for ch in text)


def _rtf_table(rows: list[list[str]]) -> bytes:
    """An RTF document holding one table of ``rows`` (as Word writes it, Unicode escapes)."""
    edges = "".join(f"\\cellx{2000 * (i + 1)}" for i in range(len(rows[0])))
    body = "".join(
        f"\\trowd{edges}" + "".join(f"\\intbl {_rtf_escape(c)}\\cell " for c in row) + "\\row\n"
        for row in rows
    )
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n" + body + "}").encode()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_real_rtf_through_libreoffice(tmp_path: Path) -> None:
    path = tmp_path / "phu-luc.rtf"
    rows = [
        ["STT", "Mục tiêu", "Đánh giá", "Kết quả"],
        ["I", "CẢI CÁCH THỂ CHẾ", "", ""],
        ["1", "100% văn bản được rà soát", "Đã hoàn thành", "Đạt 100%"],
    ]
    path.write_bytes(_rtf_table(rows))
    report = parse(path)
    assert report.source.format == "rtf"
    assert [(r.id, r.status) for r in report.records] == [("I.1", "completed")]


def test_a_batch_of_doc_files_starts_libreoffice_once(tmp_path: Path) -> None:
    exe = _fake_soffice(tmp_path / "lo", SAMPLES / "docx-split-table.docx")
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    for number in range(12):
        (folder / f"don-vi-{number}.doc").write_bytes(_ole("WordDocument", number))
    (folder / "trung-lap.doc").write_bytes(_ole("WordDocument", 0))  # the same bytes again
    result = consolidate([folder], jobs=2, options=Options(libreoffice=str(exe)))
    assert result.documents + len(result.duplicates) == 13 and result.errors.empty
    starts = _starts(exe)
    assert len(starts) == 1
    assert sum(a.endswith(".doc") for a in starts[0]) == 12  # each content converted once


def test_a_file_the_batch_could_not_convert_is_tried_alone(tmp_path: Path) -> None:
    exe = _fake_soffice(tmp_path / "lo", tmp_path / "nothing.docx")  # converts to a missing file
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    (folder / "a.doc").write_bytes(_ole("WordDocument", 1))
    result = consolidate([folder], jobs=1, options=Options(libreoffice=str(exe)))
    assert list(result.errors["error"]) == ["CorruptFileError"]
    assert len(_starts(exe)) == 2  # the batch, then the file alone


def test_converted_dir_is_validated() -> None:
    with pytest.raises(ValueError, match="converted_dir must be a folder"):
        Options(converted_dir=3)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Table parts after a break

HEADER = ["STT", "Mục tiêu", "Đánh giá", "Kết quả"]
SECTION_I = [
    ["I", "CẢI CÁCH THỂ CHẾ", "", ""],
    ["1", "Ban hành kế hoạch rà soát văn bản", "Đã hoàn thành", "Ban hành 02 kế hoạch"],
    ["2", "100% văn bản được kiểm tra", "Đang thực hiện", "Đạt 80%"],
]
SECTION_II = [
    ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", ""],
    ["1", "Công bố thủ tục hành chính đúng hạn", "Đã hoàn thành", "Đạt 100%"],
    ["2", "Số hóa hồ sơ thủ tục hành chính", "Đang thực hiện", "Đạt 45%"],
]
IDS = ["I.1", "I.2", "II.1", "II.2"]


def _assert_accounted(source: Path | bytes, **kwargs: object) -> None:
    accounting = account(source, **kwargs)  # type: ignore[arg-type]
    assert accounting.complete, accounting.problems()


def test_blank_spreadsheet_row_before_a_section_keeps_the_section(tmp_path: Path) -> None:
    # A blank row ends a block of the sheet; the section row under it fills two cells and so
    # became a narrow table of its own, taken for "another table": section II was lost.
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["PHỤ LỤC ĐÁNH GIÁ"])
    for row in [HEADER, *SECTION_I, [], *SECTION_II]:
        sheet.append([c or None for c in row])
    path = tmp_path / "blank-row.xlsx"
    workbook.save(path)
    report = parse(path)
    assert [r.id for r in report.records] == IDS
    assert [s.numeral for s in report.sections] == ["I", "II"]
    _assert_accounted(path)


def _ruled_pdf(pages: list[list[list[str]]], *, empty_box_on: int | None = None) -> bytes:
    """A PDF of ruled tables, one per page (rows of cells); ``empty_box_on`` draws an empty
    boxed frame at the top of that page (0-based) above its table."""
    from reportlab.pdfgen import canvas

    from generate.pdf_samples import _fonts

    font, _ = _fonts()
    widths = [40, 200, 110, 150]
    out = io.BytesIO()
    c = canvas.Canvas(out, invariant=1)
    for number, rows in enumerate(pages):
        top = 780
        if number == empty_box_on:
            c.rect(40, 700, 500, 60)
            c.line(290, 700, 290, 760)
            top = 660
        y = top
        for row in rows:
            x = 40
            for width, text in zip(widths, row):
                c.rect(x, y - 24, width, 24)
                c.setFont(font, 8)
                c.drawString(x + 3, y - 15, text)
                x += width
            y -= 24
        c.showPage()
    c.save()
    return out.getvalue()


def test_empty_box_on_a_page_does_not_end_the_table() -> None:
    # An empty boxed "table" drawn on page 2 did not continue the table, so the layout stopped
    # there and every later part was dropped without a word.
    data = _ruled_pdf([[HEADER, *SECTION_I], SECTION_II], empty_box_on=1)
    report = parse(data, format="pdf")
    assert [r.id for r in report.records] == IDS
    assert report.unparsed == []
    _assert_accounted(data, format="pdf")


def test_a_signature_table_between_parts_is_told_not_lost() -> None:
    motto = Table(rows=[Row(cells=["UBND XÃ A", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])], index=1)
    first = Table(rows=[Row(cells=r) for r in [HEADER, *SECTION_I]], index=2)
    between = Table(rows=[Row(cells=["Người lập biểu", "Thủ trưởng đơn vị"])], index=3)
    second = Table(rows=[Row(cells=r) for r in SECTION_II], index=4)
    after = Table(rows=[Row(cells=["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"])], index=5)
    grid = Grid(blocks=[motto, first, between, second, after], format="test")
    layout = find_layout(grid, "x")
    built = build_records(layout)
    assert [r.id for r in built.records] == IDS
    assert [(u.text, u.reason) for u in layout.unparsed] == [
        ("Người lập biểu Thủ trưởng đơn vị", "table between table parts")
    ]
    accounting = Accounting(grid, [*layout.fates, *built.fates])
    assert accounting.complete, accounting.problems()
    assert [f.kind for f in accounting.fates if f.block == 4] == ["outside"]


def test_a_narrower_part_continues_only_with_the_next_number() -> None:
    first = Table(rows=[Row(cells=r) for r in [HEADER, *SECTION_I]], index=1)
    follows = Table(rows=[Row(cells=["3", "Rà soát quy chế"])], index=2)
    unrelated = Table(rows=[Row(cells=["1", "Văn bản kèm theo"])], index=2)
    for part, ids in ((follows, ["I.1", "I.2", "I.3"]), (unrelated, ["I.1", "I.2"])):
        layout = find_layout(Grid(blocks=[first, part], format="test"), "x")
        assert [r.id for r in build_records(layout).records] == ids


# --------------------------------------------------------------------------------------------
# A body row taken as the header

PLAN = (
    "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026\n"
    "STT\tNhiệm vụ\tSản phẩm\tThời gian hoàn thành\tChủ trì\tPhối hợp\n"
    "I\tCẢI CÁCH THỂ CHẾ\t\t\t\t\n"
    "1\tRà soát văn bản quy phạm pháp luật\tBáo cáo\tQuý I\tSở Tư pháp\tCác sở\n"
    "2\tTổng hợp nội dung đánh giá\tBáo cáo kết quả rà soát\tQuý II\tSở Nội vụ\tCác sở\n"
    "3\tKiểm tra việc thi hành văn bản\tKết luận kiểm tra\tQuý III\tSở Tư pháp\tUBND xã\n"
    "II\tCẢI CÁCH THỦ TỤC HÀNH CHÍNH\t\t\t\t\n"
    "1\tCông bố danh mục thủ tục hành chính\tQuyết định\tQuý I\tVăn phòng UBND\tCác sở\n"
)


def test_header_without_status_words_is_the_header_not_a_body_row_below(tmp_path: Path) -> None:
    # "2 | Tổng hợp nội dung … | Báo cáo kết quả …" has a target word and a notes word: it was
    # taken as the header, and section I with its first task went to the preamble.
    path = tmp_path / "ke-hoach.txt"
    path.write_text(PLAN, encoding="utf-8")
    report = parse(path)
    assert [r.id for r in report.records] == ["I.1", "I.2", "I.3", "II.1"]
    assert report.records[1].extra["Sản phẩm"] == "Báo cáo kết quả rà soát"
    assert report.records[1].extra["Chủ trì"] == "Sở Nội vụ"
    _assert_accounted(path)


def test_numbered_rows_above_a_header_further_down_are_told() -> None:
    table = Table(
        rows=[
            Row(cells=["1", "Tổng số chỉ tiêu", "33", ""]),
            Row(cells=HEADER),
            *(Row(cells=r) for r in SECTION_I),
        ],
        index=1,
    )
    layout = find_layout(Grid(blocks=[table], format="test"), "x")
    assert [(u.text, u.reason) for u in layout.unparsed] == [
        ("1 Tổng số chỉ tiêu 33", "row above the table's header")
    ]
    assert [r.id for r in build_records(layout).records] == ["I.1", "I.2"]


# --------------------------------------------------------------------------------------------
# Titles between tables


def _docx_of(blocks: list[str | list[list[str]]]) -> bytes:
    """A DOCX of paragraphs (str) and tables (rows of cells), in order."""
    from docx import Document

    document = Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            table = document.add_table(rows=len(block), cols=len(block[0]))
            for cells, row in zip(block, table.rows):
                for text, cell in zip(cells, row.cells):
                    cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


FORM_ROWS = [
    ["1", "Ban hành kế hoạch cải cách hành chính", "Đã hoàn thành", "Kế hoạch số 12"],
    ["2", "Kiểm tra công tác cải cách hành chính", "Đang thực hiện", "Kiểm tra 5 đơn vị"],
]


def test_titles_between_tables_are_the_sections_of_the_tables_below() -> None:
    # The titles went to unparsed as "text between table parts", and the second table's
    # records took the ids of the first's ("1", "2" twice).
    data = _docx_of([
        "PHỤ LỤC",
        [HEADER, *FORM_ROWS],
        "Biểu mẫu 2",
        "Cải cách thủ tục hành chính",
        [HEADER, *FORM_ROWS],
        "Cải cách tổ chức bộ máy",
        [HEADER, *FORM_ROWS],
    ])  # fmt: skip
    report = parse(data)
    assert [r.id for r in report.records] == ["1", "2", "2.1", "2.2", "3.1", "3.2"]
    assert [(s.numeral, s.title) for s in report.sections] == [
        ("2", "Cải cách thủ tục hành chính"),
        ("3", "Cải cách tổ chức bộ máy"),
    ]
    assert report.records[2].section_title == "Cải cách thủ tục hành chính"
    assert report.unparsed == []
    assert not [f for f in report.flags if f.code == "duplicate_id"]
    _assert_accounted(data)


def test_sections_inside_titled_parts_keep_ids_apart() -> None:
    data = _docx_of([
        "Biểu mẫu 1: Kết quả năm 2025",
        [HEADER, *SECTION_I],
        "Biểu mẫu 2: Kết quả năm 2026",
        [HEADER, *SECTION_I],
    ])  # fmt: skip
    report = parse(data)
    assert [r.id for r in report.records] == ["1.I.1", "1.I.2", "2.I.1", "2.I.2"]
    assert len({r.id for r in report.records}) == 4


def test_page_furniture_and_sentences_between_parts_are_no_titles() -> None:
    data = _docx_of([
        [HEADER, *SECTION_I],
        "Trang 2",
        "Ghi chú: số liệu tính đến ngày 30/6.",
        [HEADER, *SECTION_II],
    ])  # fmt: skip
    report = parse(data)
    assert [r.id for r in report.records] == IDS
    assert [u.text for u in report.unparsed] == ["Trang 2", "Ghi chú: số liệu tính đến ngày 30/6."]


# --------------------------------------------------------------------------------------------
# The accounting: every table row of every sample ends in exactly one place

_SAMPLE_FILES = sorted(
    p
    for p in SAMPLES.rglob("*")
    if p.suffix in (".docx", ".doc", ".pdf", ".txt", ".xlsx", ".xls") and p.is_file()
)


@pytest.mark.parametrize("path", _SAMPLE_FILES, ids=lambda p: str(p.relative_to(SAMPLES)))
def test_every_table_row_of_every_sample_is_accounted_for(path: Path) -> None:
    if path.suffix == ".doc" and shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    try:
        accounting = account(path)
    except NoAppendixFoundError:
        return  # a covering letter: nothing to account for
    assert accounting.complete, accounting.problems()
    report = parse(path)
    assert accounting.count("record") >= len(report.records)
    assert accounting.count("unparsed") <= len(report.unparsed)


def test_the_accounting_names_a_row_that_ended_nowhere() -> None:
    grid = Grid(blocks=[Table(rows=[Row(cells=HEADER), Row(cells=SECTION_I[1])])], format="t")
    accounting = Accounting(grid, [RowFate(0, 0, "header")])
    assert not accounting.complete
    assert accounting.problems() == [
        "table 1 row 2 ('1 | Ban hành kế hoạch rà soát văn | Đã hoàn thành | "
        "Ban hành 02 kế hoạch'): nothing"
    ]
    accounting.add([RowFate(0, 1, "record", "1"), RowFate(0, 1, "unparsed")])
    assert accounting.problems()[0].endswith("record, unparsed")


# --------------------------------------------------------------------------------------------
# Alignment judged per document

STATISTICS = [  # a statistics appendix of another programme: short rows, common words
    "Số thủ tục hành chính",
    "Tỷ lệ hồ sơ trực tuyến",
    "Số cán bộ công chức",
    "Dịch vụ công trực tuyến",
    "Số văn bản quy phạm",
    "Hồ sơ giải quyết đúng hạn",
    "Số đơn vị sự nghiệp",
    "Chữ ký số",
    "Kết nối liên thông",
    "Số hóa hồ sơ",
    "Cơ quan hành chính",
    "Biên chế công chức",
]


def test_a_report_of_another_programme_aligns_nothing(tmp_path: Path) -> None:
    lines = ["UBND HUYỆN A", "STT\tChỉ tiêu\tĐánh giá\tKết quả"]
    lines += [f"{n}\t{text}\tĐạt\t{n * 3} hồ sơ" for n, text in enumerate(STATISTICS, start=1)]
    path = tmp_path / "thong-ke.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = consolidate([path], jobs=1)
    assert set(result.records["status"]) == {"missing"}  # nothing guessed
    codes = list(result.flags["code"])
    assert codes.count("catalogue_mismatch") == 1
    assert "missing_target" not in codes and "unmatched_row" not in codes
    flag = result.flags[result.flags["code"] == "catalogue_mismatch"].iloc[0]
    assert flag["severity"] == "warning" and pd.isna(flag["id"])


def test_a_report_of_the_programme_still_aligns() -> None:
    # The small samples report six of the catalogue's targets in shortened words.
    result = consolidate([SAMPLES / "docx-split-table.docx"], jobs=1)
    assert (result.records["status"] != "missing").sum() == 6
    assert "catalogue_mismatch" not in set(result.flags["code"])


def test_forms_each_number_their_rows_the_first_one_too() -> None:
    # Forms numbered "Biểu mẫu 1 … 3", each restarting its hierarchical STT: the first form's
    # title is above the first table (the preamble), a later title may hold a comma.
    rows = [["1", "Ban hành kế hoạch", "Đạt", "x"], ["1.1", "Kế hoạch năm", "Đạt", "y"]]
    data = _docx_of([
        "Biểu mẫu 1",
        "Công tác chỉ đạo điều hành",
        [HEADER, *rows],
        "Biểu mẫu 2",
        "Cải cách thể chế",
        [HEADER, *rows],
        "Biểu mẫu 3",
        "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
        [HEADER, *rows],
    ])  # fmt: skip
    report = parse(data)
    assert [r.id for r in report.records] == ["1.1", "1.1.1", "2.1", "2.1.1", "3.1", "3.1.1"]
    assert [s.title for s in report.sections][2].endswith("Chính quyền điện tử, Chính quyền số")
    assert report.unparsed == []


# --------------------------------------------------------------------------------------------
# Whatever the breaks, no row is lost

_BREAKS = st.sampled_from(["none", "empty-box", "marker", "repeated-header", "blank-cells"])


@settings(max_examples=60, deadline=None)
@given(
    sizes=st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=4),
    cuts=st.lists(st.integers(min_value=1, max_value=12), max_size=4),
    breaks=st.lists(_BREAKS, min_size=4, max_size=4),
)
def test_parts_broken_anywhere_keep_every_row(
    sizes: list[int], cuts: list[int], breaks: list[str]
) -> None:
    numerals = ["I", "II", "III", "IV"]
    body: list[list[str]] = []
    expected: list[str] = []
    for numeral, size in zip(numerals, sizes):
        body.append([numeral, f"PHẦN {numeral} CẢI CÁCH", "", ""])
        for number in range(1, size + 1):
            body.append([str(number), f"Mục tiêu {numeral} {number}", "Đạt", "x"])
            expected.append(f"{numeral}.{number}")
    points = sorted({c for c in cuts if c < len(body)})
    pieces = [body[a:b] for a, b in zip([0, *points], [*points, len(body)])]
    blocks: list[Paragraph | Table] = []
    for number, (piece, kind) in enumerate(zip(pieces, [*breaks, "none"])):
        rows = [HEADER, *piece] if number == 0 or kind == "repeated-header" else piece
        blocks.append(Table(rows=[Row(cells=list(r)) for r in rows], index=len(blocks) + 1))
        if kind == "empty-box":
            blocks.append(Table(rows=[Row(cells=["", ""])], index=len(blocks) + 1))
        elif kind == "marker":
            blocks.append(Paragraph("(Tiếp theo)"))
        elif kind == "blank-cells":
            blocks.append(Table(rows=[Row(cells=["", "", "", ""])] * 2, index=len(blocks) + 1))
    grid = Grid(blocks=blocks, format="test")
    layout = find_layout(grid, "x")
    built = build_records(layout)
    assert [r.id for r in built.records] == expected
    accounting = Accounting(grid, [*layout.fates, *built.fates])
    assert accounting.complete, accounting.problems()


def test_after_a_stamp_box_a_part_opening_with_a_broken_row_continues() -> None:
    first = Table(rows=[Row(cells=r) for r in [HEADER, *SECTION_I]], index=1)
    stamp = Table(rows=[Row(cells=["Đã ký", ""])], index=2)
    second = Table(
        rows=[
            Row(cells=["", "(tiếp) văn bản", "", "còn lại"]),
            *(Row(cells=r) for r in SECTION_II),
        ],
        index=3,
    )
    layout = find_layout(Grid(blocks=[first, stamp, second], format="test"), "x")
    built = build_records(layout)
    assert [r.id for r in built.records] == IDS
    assert built.records[1].notes == "Đạt 80% còn lại"
    assert [u.reason for u in layout.unparsed] == ["table between table parts"]


def test_a_table_shaped_like_a_part_after_a_gap_is_told_when_its_numbering_restarts() -> None:
    first = Table(rows=[Row(cells=r) for r in [HEADER, *SECTION_I]], index=1)
    stamp = Table(rows=[Row(cells=["Đã ký", ""])], index=2)
    restarted = Table(rows=[Row(cells=r) for r in FORM_ROWS], index=3)
    grid = Grid(blocks=[first, stamp, restarted], format="test")
    layout = find_layout(grid, "x")
    built = build_records(layout)
    assert [r.id for r in built.records] == ["I.1", "I.2"]
    assert [u.text[:30] for u in layout.unparsed] == [
        "1 Ban hành kế hoạch cải cách h",
        "2 Kiểm tra công tác cải cách h",
    ]
    accounting = Accounting(grid, [*layout.fates, *built.fates])
    assert accounting.complete and accounting.count("outside") == 1
