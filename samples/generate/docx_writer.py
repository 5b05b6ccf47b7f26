"""Write a unit's appendix as a Word document, the way offices lay it out."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .units import Unit

WIDTHS_CM = (1.2, 7.0, 3.2, 7.6)


def new_document(*, landscape: bool = False) -> Document:
    """A blank A4 document in Times New Roman 12, portrait or landscape."""
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    return doc


def add_motto_table(doc: Document, unit: Unit) -> None:
    """The national-motto header table: unit | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM."""
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = unit.unit_header or ""
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    doc.add_paragraph(f"Quảng Trị, {unit.place_date}").alignment = WD_ALIGN_PARAGRAPH.RIGHT


def add_preamble(doc: Document, unit: Unit) -> None:
    """Title lines, period and declared summary as paragraphs."""
    for line in unit.title_lines:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(line).bold = True
    if unit.period_line:
        doc.add_paragraph(unit.period_line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in unit.summary_lines:
        doc.add_paragraph(line)


def set_cell(cell, paragraphs: list[str]) -> None:
    """Put one paragraph per item in a cell."""
    cell.text = paragraphs[0] if paragraphs else ""
    for text in paragraphs[1:]:
        cell.add_paragraph(text)


def add_assessment_table(doc: Document, unit: Unit, *, repeat_header: bool = True):
    """The assessment table: a header row, merged section rows and target rows."""
    headers = unit.headers
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers):
        set_cell(cell, [text])
    if repeat_header:
        from docx.oxml import OxmlElement

        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))
    for section in unit.sections:
        cells = table.add_row().cells
        cells[0].text = section.numeral
        merged = cells[1].merge(cells[-1])
        merged.text = section.title
        for row in section.rows:
            cells = table.add_row().cells
            values = [row.stt, row.target, row.status]
            set_cell(cells[0], [values[0]])
            set_cell(cells[1], [values[1]])
            set_cell(cells[2], [values[2]] if values[2] else [])
            set_cell(cells[3], row.notes)
    set_widths(table, WIDTHS_CM)
    return table


def set_widths(table, widths_cm) -> None:
    """Fix column widths in the grid and every cell, so LibreOffice and Word agree."""
    table.autofit = False
    for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, widths_cm):
        grid_col.w = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)


def remove_borders(table) -> None:
    """Every border of ``table`` set to none (the "Table Grid" style draws them all)."""
    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblBorders")):
        properties.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "nil")
        borders.append(border)
    properties.append(borders)


def justify(table) -> None:
    """Every paragraph of every cell of ``table`` justified."""
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def add_signature(doc: Document) -> None:
    doc.add_paragraph()
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT."
    table.rows[0].cells[1].text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"


_FIXED_TIME = dt.datetime(2023, 10, 14, 8, 0, 0)
# Parts of python-docx's template that Word does not need: left out to keep samples small.
_UNUSED_PARTS = frozenset({"word/stylesWithEffects.xml", "docProps/thumbnail.jpeg"})
_UNUSED_REFERENCE = re.compile(
    rb"<(?:Relationship|Override)\b[^>]*(?:stylesWithEffects|thumbnail)[^>]*/>"
)


def save(doc: Document, path: Path) -> Path:
    """Save ``doc`` byte for byte the same on every run (fixed dates in the zip and properties),
    so regenerating the samples changes only what changed."""
    doc.core_properties.created = doc.core_properties.modified = _FIXED_TIME
    doc.core_properties.last_printed = _FIXED_TIME
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename in _UNUSED_PARTS:
                continue
            data = source.read(info.filename)
            if info.filename.endswith((".rels", "[Content_Types].xml")):
                data = _UNUSED_REFERENCE.sub(b"", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(fixed, data)
    return path


def write_docx(unit: Unit, path: Path, *, landscape: bool = False) -> Path:
    """The plain DOCX form of ``unit``: motto table, title, summary, table, signature."""
    doc = new_document(landscape=landscape)
    add_motto_table(doc, unit)
    add_preamble(doc, unit)
    add_assessment_table(doc, unit)
    add_signature(doc)
    return save(doc, path)
