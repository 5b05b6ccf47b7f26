"""DOCX and .doc reader: golden samples, the grid it hands on, legacy fonts, real documents."""

from __future__ import annotations

import io
import json
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import appendixparse
from appendixparse.errors import (
    ConversionUnavailableError,
    CorruptFileError,
    FileTooLargeError,
    NoAssessmentTableError,
    UnsupportedFormatError,
)
from appendixparse.grid import Grid, Paragraph
from appendixparse.options import Options
from appendixparse.readers import libreoffice
from appendixparse.readers.docx import read_doc, read_docx
from appendixparse.table.layout import find_layout

from conftest import GOLDEN, REAL_TEXT, SAMPLES, shared_path
from golden import assert_golden, has_golden, load_golden

# Every Word sample with a golden file (samples/generate/docx_samples.py writes both).
DOCX_SAMPLES = sorted(p.name for p in SAMPLES.glob("*.docx") if has_golden(p.name))
DOC_SAMPLES = sorted(p.name for p in SAMPLES.glob("*.doc") if has_golden(p.name))
QUIRKS = (
    "several-tables", "two-row-header", "repeated-header", "merged-cells", "split-table",
    "nested-table", "extra-columns", "tracked-changes", "auto-numbering", "tcvn3", "vni",
    "font-trap",
)  # fmt: skip
needs_soffice = pytest.mark.skipif(libreoffice.soffice() is None, reason="LibreOffice is absent")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_every_quirk_has_a_sample_with_a_golden_file() -> None:
    expected = {f"docx-{quirk}.docx" for quirk in QUIRKS} | {
        "appendix-quang-tri-district-2023.docx"
    }
    assert expected <= set(DOCX_SAMPLES)


@pytest.mark.parametrize("name", DOCX_SAMPLES)
def test_docx_golden(name: str) -> None:
    report = appendixparse.parse(SAMPLES / name)
    assert report.source.format == "docx"
    assert_golden(report, load_golden(GOLDEN / f"{name}.json"))


@needs_soffice
@pytest.mark.parametrize("name", DOC_SAMPLES)
def test_doc_golden(name: str) -> None:
    report = appendixparse.parse(SAMPLES / name)
    assert report.source.format == "doc"
    assert_golden(report, load_golden(GOLDEN / f"{name}.json"))


def _records(report: appendixparse.Report) -> list[tuple[str, str, str, str, str]]:
    return [(r.id, r.status, r.status_raw, r.target, r.notes) for r in report.records]


def test_real_appendix_docx_gives_the_records_of_its_text_form() -> None:
    text = appendixparse.parse(REAL_TEXT)
    docx = appendixparse.parse(SAMPLES / "appendix-quang-tri-district-2023.docx")
    assert len(docx.records) == 35
    assert _records(docx) == _records(text)
    assert (docx.title, docx.period, docx.summary, docx.sections) == (
        text.title,
        text.period,
        text.summary,
        text.sections,
    )
    assert docx.unit == "UBND huyện Gio Linh" and docx.unparsed == []


@pytest.mark.parametrize("twin", ["docx-tcvn3.docx", "docx-vni.docx", "docx-font-trap.docx"])
def test_legacy_twins_give_the_records_of_their_unicode_twin(twin: str) -> None:
    unicode_report = appendixparse.parse(SAMPLES / "docx-several-tables.docx")
    report = appendixparse.parse(SAMPLES / twin)
    assert _records(report) == _records(unicode_report)
    assert (report.title, report.unit, report.period, report.summary) == (
        unicode_report.title,
        unicode_report.unit,
        unicode_report.period,
        unicode_report.summary,
    )
    assert [s.title for s in report.sections] == ["CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
                                                  "XÂY DỰNG CHÍNH QUYỀN SỐ"]  # fmt: skip


def _document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def test_legacy_samples_really_are_legacy() -> None:
    tcvn3 = _document_xml(SAMPLES / "docx-tcvn3.docx")
    assert ".VnTimeH" in tcvn3 and "<w:softHyphen/>" in tcvn3 and "céng hßa" in tcvn3
    assert "Cộng" not in tcvn3
    vni = _document_xml(SAMPLES / "docx-vni.docx")
    assert "VNI-Times" in vni and "COÄNG HOØA" in vni and "Cộng" not in vni
    trap = _document_xml(SAMPLES / "docx-font-trap.docx")
    assert ".VnTime" in trap and "CỘNG HÒA" in trap


def test_locations_name_table_and_row() -> None:
    report = appendixparse.parse(SAMPLES / "docx-several-tables.docx")
    first = report.records[0]
    # motto table, references table, then the assessment table: header row, section row I
    assert first.location.model_dump() == {"table": 3, "row": 3}
    assert report.records[-1].location.table == 3


def test_split_table_rows_keep_their_part() -> None:
    report = appendixparse.parse(SAMPLES / "docx-split-table.docx")
    tables = [r.location.table for r in report.records]
    assert tables == [2, 2, 3, 3, 3, 4]


def test_tracked_changes_are_read_as_accepted() -> None:
    report = appendixparse.parse(SAMPLES / "docx-tracked-changes.docx")
    by_id = {r.id: r for r in report.records}
    assert by_id["I.1"].status_raw == "Đã hoàn thành"
    assert "QPPL đúng" in by_id["I.1"].notes  # a deleted paragraph mark joins the halves
    assert by_id["I.2"].notes == "Năm 2023, đã xử lý được 08/10 văn bản QPPL."
    assert "Hàng đã xóa" not in json.dumps(report.model_dump(mode="json"), ensure_ascii=False)


def test_merged_status_cell_gives_each_target_its_status() -> None:
    report = appendixparse.parse(SAMPLES / "docx-merged-cells.docx")
    by_id = {r.id: r for r in report.records}
    assert by_id["II.2"].status_raw == by_id["II.3"].status_raw == "Đang triển khai"
    grid = read_docx((SAMPLES / "docx-merged-cells.docx").read_bytes(), "merged")
    table = grid.tables[1]
    section_row = next(r for r in table.rows if r.cells[0] == "I. CẢI CÁCH THỂ CHẾ")
    assert section_row.cells == ["I. CẢI CÁCH THỂ CHẾ", "", "", ""]


def test_auto_numbering_is_drawn() -> None:
    grid = read_docx((SAMPLES / "docx-auto-numbering.docx").read_bytes(), "numbering")
    stt = [r.cells[0] for r in grid.tables[1].rows[1:]]
    assert stt == ["I", "1.", "2.", "II", "1.", "2.", "3.", "III", "1."]
    assert "- Không có hồ sơ quá hạn." in grid.tables[1].rows[5].cells[3]


def test_preamble_comes_first_in_document_order() -> None:
    grid = read_docx((SAMPLES / "docx-several-tables.docx").read_bytes(), "several")
    kinds = [type(b).__name__ for b in grid.blocks[:4]]
    assert kinds == ["Table", "Paragraph", "Paragraph", "Paragraph"]
    assert grid.blocks[0].rows[0].cells[0] == "UBND HUYỆN CAM LỘ"  # type: ignore[union-attr]
    assert "\n" in grid.blocks[0].rows[0].cells[1]  # type: ignore[union-attr]
    assert [t.index for t in grid.tables] == [1, 2, 3, 4, 5]


# --- hand-made documents: the grid, cell by cell ----------------------------------------------


def make_docx(
    body: str,
    *,
    styles: str | None = None,
    numbering: str | None = None,
    namespace: str = W,
    document: str | None = None,
) -> bytes:
    """A minimal Word package around ``body`` (WordprocessingML inside w:body)."""
    buffer = io.BytesIO()
    rels = ['<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/>']  # fmt: skip
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(rels)
            + "</Relationships>",
        )
        archive.writestr(
            "word/document.xml",
            document or f'<w:document xmlns:w="{namespace}"><w:body>{body}</w:body></w:document>',
        )
        if styles is not None:
            archive.writestr("word/styles.xml", f'<w:styles xmlns:w="{W}">{styles}</w:styles>')
        if numbering is not None:
            archive.writestr(
                "word/numbering.xml", f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>'
            )
    return buffer.getvalue()


def p(text: str, font: str | None = None) -> str:
    rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    return f'<w:p><w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def tc(content: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content or '<w:p/>'}</w:tc>"


def tr(*cells: str, props: str = "") -> str:
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def tbl(*rows: str, columns: int) -> str:
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in range(columns))
    return f"<w:tbl><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def cells_of(grid_rows: list) -> list[list[str]]:
    return [r.cells for r in grid_rows]


def test_grid_spans_and_vertical_merges() -> None:
    body = tbl(
        tr(tc(p("STT")), tc(p("Nội dung")), tc(p("Đánh giá")), tc(p("Kết quả"))),
        tr(tc(p("I")), tc(p("CẢI CÁCH"), '<w:gridSpan w:val="3"/>')),
        tr(tc(p("1")), tc(p("A")), tc(p("Đạt"), '<w:vMerge w:val="restart"/>'), tc(p("x"))),
        tr(tc(p("2")), tc(p("B")), tc("", "<w:vMerge/>"), tc(p("y"))),
        tr(tc(p("3")), tc(p("C")), tc(p("stray"), '<w:vMerge w:val="continue"/>'), tc(p("z"))),
        columns=4,
    )
    table = read_docx(make_docx(body), "t.docx").tables[0]
    assert cells_of(table.rows) == [
        ["STT", "Nội dung", "Đánh giá", "Kết quả"],
        ["I", "CẢI CÁCH", "", ""],
        ["1", "A", "Đạt", "x"],
        ["2", "B", "Đạt", "y"],
        ["3", "C", "Đạt", "z"],
    ]
    assert [r.location.model_dump() for r in table.rows[:2]] == [
        {"table": 1, "row": 1},
        {"table": 1, "row": 2},
    ]


def test_grid_before_after_and_columns_no_cell_starts_in() -> None:
    # A grid of 5 columns where no cell ever starts at column 2 (edges a hair apart in Word).
    body = tbl(
        tr(tc(p("a")), tc(p("b"), '<w:gridSpan w:val="2"/>'), tc(p("c")), tc(p("d"))),
        tr(tc(p("e")), tc(p("f"), '<w:gridSpan w:val="2"/>'), tc(p("g")),
           props='<w:gridAfter w:val="1"/>'),
        tr(tc(p("h"), '<w:gridSpan w:val="3"/>'), tc(p("i")), tc(p("j"))),
        tr(tc(p("k"), '<w:gridSpan w:val="2"/>'), tc(p("l")), tc(p("m")),
           props='<w:gridBefore w:val="1"/>'),
        columns=5,
    )  # fmt: skip
    table = read_docx(make_docx(body), "t.docx").tables[0]
    assert cells_of(table.rows) == [
        ["a", "b", "c", "d"],
        ["e", "f", "g", ""],
        ["h", "", "i", "j"],
        ["", "k", "l", "m"],
    ]


def test_paragraphs_nested_tables_and_content_controls_in_a_cell() -> None:
    nested = tbl(tr(tc(p("Năm")), tc(p("Tỷ lệ"))), tr(tc(p("2023")), tc(p("87,5%"))), columns=2)
    cell = (
        p("- Đoạn một;")
        + p("+ đoạn hai")
        + nested
        + "<w:sdt><w:sdtContent>" + p("Sau bảng") + "</w:sdtContent></w:sdt>"
        + "<w:p/>"
    )  # fmt: skip
    grid = read_docx(make_docx(tbl(tr(tc(p("1")), tc(cell)), columns=2)), "t.docx")
    assert (
        grid.tables[0].rows[0].cells[1]
        == "- Đoạn một;\n+ đoạn hai\nNăm\nTỷ lệ\n2023\n87,5%\nSau bảng"
    )
    assert len(grid.tables) == 1  # a nested table is part of its cell, not a table of its own


def test_tracked_changes_breaks_tabs_and_hyperlinks() -> None:
    para = (
        "<w:p>"
        '<w:r><w:t xml:space="preserve">Đã </w:t></w:r>'
        '<w:del w:id="1"><w:r><w:delText>không </w:delText></w:r></w:del>'
        '<w:ins w:id="2"><w:r><w:t xml:space="preserve">hoàn </w:t></w:r></w:ins>'
        '<w:moveFrom w:id="3"><w:r><w:t>cũ</w:t></w:r></w:moveFrom>'
        "<w:hyperlink><w:r><w:t>thành</w:t></w:r></w:hyperlink>"
        "<w:r><w:tab/><w:t>a</w:t><w:br/><w:t>b</w:t><w:noBreakHyphen/><w:t>c</w:t></w:r>"
        "<w:r><w:instrText> PAGE </w:instrText></w:r>"
        "</w:p>"
    )
    deleted_row = tr(tc(p("xóa")), props='<w:del w:id="4"/>')
    grid = read_docx(make_docx(para + tbl(tr(tc(p("giữ"))), deleted_row, columns=1)), "t.docx")
    assert grid.blocks[0] == Paragraph(text="Đã hoàn thành\ta\nb-c")
    assert cells_of(grid.tables[0].rows) == [["giữ"]]


def test_text_boxes_are_read_once_before_their_paragraph() -> None:
    def box(text: str) -> str:
        return f"<w:txbxContent>{p(text)}</w:txbxContent>"

    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    anchored = (
        f'<w:p><w:r><mc:AlternateContent xmlns:mc="{mc}">'
        f"<mc:Choice><w:drawing><x>{box('Phụ lục 01')}</x></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{box('Phụ lục 01')}</w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
        "<w:r><w:t>ĐÁNH GIÁ</w:t></w:r><w:r><w:pict><x><w:txbxContent><w:p><w:r><w:t>Mẫu</w:t>"
        f"<w:pict>{box('lồng')}</w:pict></w:r></w:p></w:txbxContent></x></w:pict></w:r></w:p>"
    )
    grid = read_docx(make_docx(anchored), "t.docx")
    assert [b.text for b in grid.blocks] == ["Phụ lục 01", "lồng", "Mẫu", "ĐÁNH GIÁ"]  # type: ignore[union-attr]


def test_legacy_runs_by_font_with_styles() -> None:
    styles = (
        '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" '
        'w:hAnsi="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr>'
        '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading"><w:basedOn w:val="Normal"/><w:rPr>'
        '<w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Modern"><w:rPr>'
        '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/></w:rPr></w:style>'
    )
    body = (
        p("Céng hßa x· héi chñ nghÜa ViÖt Nam")  # Normal: .VnTime
        + '<w:p><w:pPr><w:pStyle w:val="Heading"/></w:pPr><w:r><w:t>c¶i c¸ch</w:t></w:r></w:p>'
        + '<w:p><w:pPr><w:pStyle w:val="Modern"/></w:pPr><w:r><w:t>Cộng hòa</w:t></w:r></w:p>'
        + "<w:p><w:r><w:t>b</w:t><w:softHyphen/><w:t>íc</w:t></w:r></w:p>"
        + p("Coäng hoøa xaõ hoäi", "VNI-Times")
    )
    grid = read_docx(make_docx(body, styles=styles), "t.docx")
    assert [b.text for b in grid.blocks] == [  # type: ignore[union-attr]
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "CẢI CÁCH",
        "Cộng hòa",
        "bước",
        "Cộng hòa xã hội",
    ]


def test_numbering_formats_and_restarts() -> None:
    def level(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
        return (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
        )

    numbering = (
        '<w:abstractNum w:abstractNumId="1">'
        + level(0, "upperRoman", "%1.")
        + level(1, "decimal", "%2)")
        + level(2, "lowerLetter", "%3.", '<w:suff w:val="nothing"/>')
        + '</w:abstractNum><w:abstractNum w:abstractNumId="2">'
        + level(0, "bullet", "\uf0b7")
        + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
    )

    def item(text: str, num: int, level: int = 0) -> str:
        return (
            f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
            f"</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
        )

    styles = (
        '<w:style w:type="paragraph" w:styleId="ListBullet"><w:pPr><w:numPr>'
        '<w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
    )
    by_style = (
        '<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>styled</w:t></w:r></w:p>'
    )
    body = "".join(
        [item("A", 1), item("a", 1, 1), item("b", 1, 1), item("x", 1, 2), item("B", 1),
         item("c", 1, 1), item("dot", 2), by_style, item("bad", 9), item("off", 0)]
    )  # fmt: skip
    grid = read_docx(make_docx(body, numbering=numbering, styles=styles), "t.docx")
    assert [b.text for b in grid.blocks] == [  # type: ignore[union-attr]
        "I. A", "1) a", "2) b", "a.x", "II. B", "1) c", "• dot", "• styled", "bad", "off"
    ]  # fmt: skip


def test_strict_namespace_documents_are_read() -> None:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    data = make_docx(p("Phụ lục"), namespace=strict)
    assert read_docx(data, "strict.docx").blocks == [Paragraph(text="Phụ lục")]


# --- bad input ------------------------------------------------------------------------------


def test_no_assessment_table_names_the_file_and_the_tables_found(tmp_path: Path) -> None:
    body = tbl(tr(tc(p("UBND HUYỆN CAM LỘ")), tc(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))),
               columns=2) + p("Phụ lục") + tbl(tr(tc(p("Nơi nhận:")), tc(p("CHỦ TỊCH"))),
                                                columns=2)  # fmt: skip
    path = tmp_path / "no-table.docx"
    path.write_bytes(make_docx(body))
    with pytest.raises(NoAssessmentTableError) as caught:
        appendixparse.parse(path)
    message = str(caught.value)
    assert str(path) in message and "2 table(s)" in message
    assert "UBND HUYỆN CAM LỘ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in message
    assert "Nơi nhận: | CHỦ TỊCH" in message


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 truncated", "damaged"),
        (make_docx(p("x"))[:200], "damaged"),
    ],
)
def test_damaged_files_raise_corrupt_file_error(data: bytes, reason: str) -> None:
    with pytest.raises(CorruptFileError, match=reason):
        read_docx(data, "bad.docx")


def test_malformed_or_hostile_xml_raises_corrupt_file_error() -> None:
    broken = make_docx("", document=f'<w:document xmlns:w="{W}"><w:body>{p("x")}</w:bod>')
    with pytest.raises(CorruptFileError, match="not well-formed"):
        read_docx(broken, "broken.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "x">]>'
            f'<w:document xmlns:w="{W}"><w:body>{p("&e;")}</w:body></w:document>',
        )
    with pytest.raises(CorruptFileError, match="DTD"):
        read_docx(buffer.getvalue(), "entity.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(CorruptFileError, match="without a Word document"):
        read_docx(buffer.getvalue(), "book.docx")


def test_limits_are_enforced() -> None:
    # absurd spans and skips are cut down to the limit, not refused
    wide = tbl(
        tr(tc(p("a")), tc(p("b"), '<w:gridSpan w:val="2000000000"/>'), tc(p("c"))),
        tr(tc(p("d")), props='<w:gridBefore w:val="999999999"/>'),
        columns=3,
    )
    rows = read_docx(make_docx(wide), "wide.docx").tables[0].rows
    # cells start at columns 0, 1 and 1 + limit in the first row, at the limit in the second
    assert [r.cells for r in rows] == [["a", "b", "", "c"], ["", "", "d", ""]]
    inner = p("x")
    for _ in range(Options().max_nesting_depth + 2):
        inner = tbl(tr(tc(inner)), columns=1)
    with pytest.raises(FileTooLargeError, match="nested"):
        read_docx(make_docx(inner), "deep.docx")
    many = make_docx(tbl(tr(tc(p("a")), tc(p("b"))), tr(tc(p("c")), tc(p("d"))), columns=2))
    with pytest.raises(FileTooLargeError, match="table cells"):
        read_docx(many, "many.docx", Options(max_table_cells=3))


def test_ole_file_without_word_document_is_refused_before_conversion() -> None:
    with pytest.raises(UnsupportedFormatError, match="no Word document"):
        read_doc(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "garbage.doc")


def test_doc_without_libreoffice_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libreoffice, "soffice", lambda *_: None)
    with pytest.raises(ConversionUnavailableError, match=r"old\.doc: .*install it"):
        read_doc(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"), "old.doc"
        )


# --- real documents (../shared/real, skipped when absent) -------------------------------------


def _raw_paragraph_texts(path: Path) -> list[str]:
    root = etree.fromstring(_document_xml(path).encode("utf-8"))
    texts = []
    for para in root.iter(f"{{{W}}}p"):
        text = "".join(t.text or "" for t in para.iter(f"{{{W}}}t"))
        if text.strip():
            texts.append(text)
    return texts


@pytest.mark.parametrize(
    "name", ["lamdong-cchc-2026-q1-bao-cao.docx", "lamdong-cchc-2025-phuluc-bao-cao.docx"]
)
def test_unicode_under_legacy_font_names_comes_through_unchanged(name: str) -> None:
    path = shared_path("real", name)
    grid = read_docx(path.read_bytes(), str(path))
    ours = " ".join(_grid_text(grid).split())
    raw = [" ".join(unicodedata.normalize("NFC", t).split()) for t in _raw_paragraph_texts(path)]
    assert len(raw) > 300
    assert [t for t in raw if t not in ours] == []


def _grid_text(grid) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(
        b.text if isinstance(b, Paragraph) else "\n".join("\t".join(r.cells) for r in b.rows)
        for b in grid.blocks
    )


def test_lamdong_q1_names_vni_times_over_unicode() -> None:
    path = shared_path("real", "lamdong-cchc-2026-q1-bao-cao.docx")
    with zipfile.ZipFile(path) as archive:
        assert b"VNI-Times" in archive.read("word/styles.xml")  # the trap is really there
    text = _grid_text(read_docx(path.read_bytes(), str(path)))
    assert "6/21 nhiệm vụ chưa hoàn thành" in text and "22,45%" in text
    assert "ỦY BAN NHÂN DÂN" in text


def test_lamdong_statistics_appendix_reads_its_nine_tables() -> None:
    path = shared_path("real", "lamdong-cchc-2025-phuluc-bao-cao.docx")
    grid = read_docx(path.read_bytes(), str(path))
    assert [t.index for t in grid.tables] == list(range(1, 10))
    first = grid.tables[0]
    assert first.rows[0].cells[0] == "STT" and first.rows[1].cells[2:4] == [
        "Đơn vị tính",
        "Số liệu",
    ]
    assert first.rows[0].cells[3] == ""  # "Kết quả thống kê" spans two columns


REAL_DOCS = (
    "legacy-tcvn3-most-2004-phuluc3.doc",
    "legacy-vni-binhphuoc-2008-qd991.doc",
    "lamdong-nq76-soket-phuluc-bo-sung-so-lieu.doc",
)


@pytest.fixture(scope="module")
def real_docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Grid, Path]]:
    """The real .doc files converted by one LibreOffice run (a start costs seconds), then read.

    ``read_doc`` itself is exercised by the golden .doc sample; this is its conversion step
    batched, followed by the same ``read_docx``.
    """
    exe = libreoffice.soffice()
    if exe is None:
        pytest.skip("LibreOffice is absent")
    paths = [shared_path("real", name) for name in REAL_DOCS]
    work = tmp_path_factory.mktemp("doc")
    command = [
        exe, f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
        "--convert-to", "docx", "--outdir", str(work), *map(str, paths),
    ]  # fmt: skip
    subprocess.run(command, capture_output=True, timeout=300, check=False)
    grids = {}
    for path in paths:
        converted = work / f"{path.stem}.docx"
        assert converted.exists(), f"LibreOffice did not convert {path.name}"
        grids[path.name] = (read_docx(converted.read_bytes(), str(path)), path)
    return grids


def test_real_tcvn3_doc_is_converted(real_docs: dict[str, tuple[Grid, Path]]) -> None:
    grid, path = real_docs["legacy-tcvn3-most-2004-phuluc3.doc"]
    texts = [b.text for b in grid.blocks if isinstance(b, Paragraph)]
    assert "QUY TRÌNH TỔNG THỂ CÁC BƯỚC CÔNG VIỆC" in texts  # an H font, and "ư" a soft hyphen
    assert "I. Đánh giá cấp cơ sở" in texts
    assert grid.tables[0].rows[0].cells == [
        "TT",
        "Nội dung các bước công việc",
        "Thời hạn",
        "Đơn vị, cá nhân thực hiện",
    ]
    with pytest.raises(NoAssessmentTableError) as caught:
        find_layout(grid, str(path))
    assert str(path) in str(caught.value)
    assert "TT | Nội dung các bước công việc | Thời hạn" in str(caught.value)


def test_real_vni_doc_is_converted(real_docs: dict[str, tuple[Grid, Path]]) -> None:
    grid, path = real_docs["legacy-vni-binhphuoc-2008-qd991.doc"]
    texts = [b.text for b in grid.blocks if isinstance(b, Paragraph)]
    assert (
        texts[0].startswith("ỦY BAN NHÂN DÂN") and "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts[0]
    )
    assert "TỈNH BÌNH PHƯỚC" in texts[1] and "Độc lập - Tự do - Hạnh phúc" in texts[1]
    assert "QUYẾT ĐỊNH" in texts
    with pytest.raises(NoAssessmentTableError, match=r"1 table\(s\).*TM\. ỦY BAN NHÂN DÂN TỈNH"):
        find_layout(grid, str(path))


def test_real_unicode_doc_names_its_tables(real_docs: dict[str, tuple[Grid, Path]]) -> None:
    grid, path = real_docs["lamdong-nq76-soket-phuluc-bo-sung-so-lieu.doc"]
    assert len(grid.tables) == 7
    assert grid.tables[0].rows[0].cells[:2] == ["STT", "Chỉ tiêu"]
    with pytest.raises(NoAssessmentTableError, match=r"7 table\(s\).*STT \| Chỉ tiêu \| Năm 2025"):
        find_layout(grid, str(path))


def test_peer_docx_files_never_crash() -> None:
    folder = shared_path("peers", "docx")
    for path in sorted(folder.glob("*.docx")):
        try:
            appendixparse.parse(path)
        except appendixparse.AppendixParseError as exc:
            assert str(path) in str(exc)
