"""DOCX samples: the real appendix in Word form, and one invented unit per Word quirk.

Each sample is written from a unit's data (``units.py``), and its expected report comes from
that same data (``expected_report``), never from the parser. The quirks:

several tables (motto, references, signature, notes), a two-row header with notes split in
two columns, headers repeated after page breaks, merged cells (a section row merged across the
table, one status cell merged over several targets), a table split in parts with a paragraph
between, a nested table in a notes cell, extra columns in another order, tracked changes with
bullets and empty trailing rows, auto-numbered STT and bullets, TCVN3 and VNI twins of the
several-tables sample, a Unicode document whose styles name legacy fonts, and the real appendix
converted to Word 97 (.doc) when LibreOffice is installed.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from appendixparse.text.encodings import VIETNAMESE_LETTERS, from_unicode

from .docx_writer import (
    add_assessment_table,
    add_motto_table,
    add_preamble,
    add_signature,
    new_document,
    save,
    set_cell,
    set_widths,
    write_docx,
)
from .units import Section, Unit, expected_report, invented_units, real_appendix

__all__ = ["BUILDERS", "encode_document", "legacy_segments", "make", "with_summary"]

Sample = tuple[Path, dict]


def make(samples_dir: Path) -> list[Sample]:
    """Write every DOCX sample into ``samples_dir``; return (path, expected report) pairs."""
    made = [builder(samples_dir) for builder in BUILDERS]
    doc = real_doc(samples_dir)
    if doc is not None:
        made.append(doc)
    return made


def _units() -> dict[str, Unit]:
    return {u.name: u for u in invented_units()}


def _expected(unit: Unit, fmt: str = "docx", **changes: object) -> dict:
    expected = expected_report(unit, fmt)
    expected.update(changes)
    return expected


def with_summary(unit: Unit) -> Unit:
    """``unit`` with its declared summary recounted from the rows' meant statuses."""
    expects = [r.expect for _, r in unit.records()]
    done, doing = expects.count("completed"), expects.count("in_progress")
    total = done + doing + expects.count("not_started")
    return replace(
        unit,
        summary_lines=[
            f"1. Tổng số chỉ tiêu: {total} chỉ tiêu",
            f"2. Chỉ tiêu đã hoàn thành: {done} chỉ tiêu",
            f"3. Chỉ tiêu đang thực hiện: {doing} chỉ tiêu",
        ],
        summary={"total": total, "completed": done, "in_progress": doing, "not_started": None},
    )


# --- low-level helpers -------------------------------------------------------------------------


def table_of(doc, rows: list[list[object]], widths: tuple[float, ...]):
    """A bordered table; each cell a string or a list of paragraphs (None: left empty)."""
    table = doc.add_table(rows=len(rows), cols=len(widths))
    table.style = "Table Grid"
    for cells, values in zip(table.rows, rows):
        for cell, value in zip(cells.cells, values):
            if value is None:
                continue
            set_cell(cell, value if isinstance(value, list) else [value])
    set_widths(table, widths)
    return table


def mark_header(row) -> None:
    """Mark a table row as a header row Word repeats on every page."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def section_row(table, section: Section, *, whole_row: bool = False) -> None:
    """A section row: numeral | title merged across the rest, or all in one merged cell."""
    cells = table.add_row().cells
    if whole_row:
        merged = cells[0].merge(cells[-1])
        merged.text = f"{section.numeral}. {section.title}"
    else:
        cells[0].text = section.numeral
        cells[1].merge(cells[-1]).text = section.title


def target_row(table, values: list[object]) -> list:
    """A target row from its cell values (strings or lists of paragraphs)."""
    cells = table.add_row().cells
    for cell, value in zip(cells, values):
        set_cell(cell, value if isinstance(value, list) else [value] if value else [])
    return cells


def _paragraph_xml(inner: str) -> str:
    return f"<w:p {nsdecls('w')}>{inner}</w:p>"


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


_AUTHOR = 'w:author="Phòng Nội vụ" w:date="2023-10-10T08:00:00Z"'


def _revision(kind: str, inner: str, rid: int) -> str:
    """A tracked insertion or deletion ("ins", "del") around ``inner``."""
    return f'<w:{kind} w:id="{rid}" {_AUTHOR}>{inner}</w:{kind}>'


def _deleted_mark(rid: int) -> str:
    """Paragraph properties marking the paragraph mark itself as deleted."""
    return f'<w:pPr><w:rPr><w:del w:id="{rid}" {_AUTHOR}/></w:rPr></w:pPr>'


def _deleted_run(text: str) -> str:
    return f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r>'


def replace_cell_xml(cell, paragraphs_xml: list[str]) -> None:
    """Replace a cell's paragraphs by raw WordprocessingML paragraphs."""
    tc = cell._tc
    for p in tc.findall(qn("w:p")):
        tc.remove(p)
    for xml in paragraphs_xml:
        tc.append(parse_xml(xml))


# --- the real appendix ---------------------------------------------------------------------


def real(samples_dir: Path) -> Sample:
    unit = real_appendix()
    path = write_docx(unit, samples_dir / f"{unit.name}.docx")
    return path, _expected(unit)


def real_doc(samples_dir: Path) -> Sample | None:
    """The real appendix as Word 97, converted by LibreOffice (None when it is missing)."""
    from appendixparse.readers.libreoffice import convert, soffice

    if soffice() is None:
        return None
    unit = real_appendix()
    docx_path = samples_dir / f"{unit.name}.docx"
    if not docx_path.exists():
        write_docx(unit, docx_path)
    path = samples_dir / f"{unit.name}.doc"
    path.write_bytes(convert(docx_path.read_bytes(), str(docx_path), suffix=".docx", target="doc"))
    return path, _expected(unit, "doc")


# --- several tables ------------------------------------------------------------------------

REFERENCES = [
    ["Văn bản căn cứ", "Số, ký hiệu"],
    ["Nghị quyết của Chính phủ về Chương trình tổng thể CCHC 2021-2030", "76/NQ-CP"],
    ["Kế hoạch CCHC giai đoạn 2021-2025 của tỉnh", "1103/KH-UBND"],
]


def several_tables_doc(unit: Unit):
    """Motto table, title, a references table, the assessment table, signature, a notes table."""
    doc = new_document()
    add_motto_table(doc, unit)
    add_preamble(doc, unit)
    table_of(doc, REFERENCES, (12.0, 6.0))
    doc.add_paragraph()
    add_assessment_table(doc, unit)
    add_signature(doc)
    doc.add_paragraph()
    table_of(doc, [["Ghi chú:", "Số liệu tính đến ngày 14/10/2023; đơn vị: %"]], (3.0, 15.0))
    return doc


def several_tables(samples_dir: Path) -> Sample:
    unit = replace(_units()["district-cam-lo"], name="docx-several-tables")
    path = samples_dir / f"{unit.name}.docx"
    save(several_tables_doc(unit), path)
    return path, _expected(unit)


# --- two-row header, notes in two columns ---------------------------------------------------

TWO_ROW_HEADERS = (
    "STT",
    "Mục tiêu cụ thể đến năm 2025",
    "Mức độ hoàn thành",
    "Kết quả đạt được",
    "Giải pháp thực hiện",
)


def _split_notes(notes: list[str]) -> tuple[list[str], list[str]]:
    return notes[:1], notes[1:]


def two_row_header(samples_dir: Path) -> Sample:
    base = _units()["department-noi-vu"]
    unit = replace(base, name="docx-two-row-header", headers=TWO_ROW_HEADERS)
    doc = new_document(landscape=True)
    add_motto_table(doc, unit)
    add_preamble(doc, unit)
    widths = (1.2, 7.0, 3.0, 7.0, 6.5)
    table = table_of(
        doc,
        [
            [
                "STT",
                "Mục tiêu cụ thể đến năm 2025",
                "Mức độ hoàn thành",
                "Thực trạng/Giải pháp",
                None,
            ],
            [None, None, None, "Kết quả đạt được", "Giải pháp thực hiện"],
            ["(1)", "(2)", "(3)", "(4)", "(5)"],
        ],
        widths,
    )
    for column in range(3):
        table.cell(0, column).merge(table.cell(1, column))
    table.cell(0, 3).merge(table.cell(0, 4))
    for section in unit.sections:
        section_row(table, section)
        for row in section.rows:
            results, solutions = _split_notes(row.notes)
            target_row(table, [row.stt, row.target, row.status, results, solutions])
    set_widths(table, widths)
    add_signature(doc)
    path = samples_dir / f"{unit.name}.docx"
    save(doc, path)
    return path, _expected(unit)


# --- header repeated after page breaks -------------------------------------------------------


def repeated_header(samples_dir: Path) -> Sample:
    unit = replace(_units()["commune-cam-hieu"], name="docx-repeated-header")
    doc = new_document()
    add_motto_table(doc, unit)
    add_preamble(doc, unit)
    table = add_assessment_table(doc, unit)
    numbers = ["(1)", "(2)", "(3)", "(4)"]
    header = table.rows[0]._tr
    # Column numbers under the header, and the header typed again before sections II and III
    # (as a document pasted together from pages), each with its column numbers.
    body = list(table.rows)
    first_numbers = copy.deepcopy(header)
    for tc, text in zip(first_numbers.findall(qn("w:tc")), numbers):
        _set_tc_text(tc, text)
    header.addnext(first_numbers)
    section_starts = [r._tr for r in body if r.cells[0].text in ("II", "III")]
    for tr in section_starts:
        tr.addprevious(copy.deepcopy(header))
        tr.addprevious(copy.deepcopy(first_numbers))
    mark_header(table.rows[0])
    path = samples_dir / f"{unit.name}.docx"
    add_signature(doc)
    save(doc, path)
    return path, _expected(unit)


def _set_tc_text(tc, text: str) -> None:
    for p in tc.findall(qn("w:p")):
        tc.remove(p)
    tc.append(parse_xml(_paragraph_xml(_run(text))))


# --- merged cells: a whole-row section, one status merged over several targets -----------------


def merged_cells(samples_dir: Path) -> Sample:
    base = _units()["district-cam-lo"]
    sections = copy.deepcopy(base.sections)
    # Section II: targets 2 and 3 share one merged status cell.
    sections[1].rows[1] = replace(
        sections[1].rows[1], status="Đang triển khai", expect="in_progress"
    )
    sections[1].rows[2] = replace(
        sections[1].rows[2], status="Đang triển khai", expect="in_progress"
    )
    unit = with_summary(replace(base, name="docx-merged-cells", sections=sections))
    doc = new_document()
    add_motto_table(doc, unit)
    add_preamble(doc, unit)
    table = table_of(doc, [list(unit.headers)], (1.2, 7.0, 3.2, 7.6))
    mark_header(table.rows[0])
    for section in unit.sections:
        section_row(table, section, whole_row=section.numeral != "III")
        first = None
        for index, row in enumerate(section.rows):
            merged = section.numeral == "II" and index >= 1
            status = row.status if not merged or index == 1 else None
            cells = target_row(table, [row.stt, row.target, status, row.notes])
            if merged and index == 1:
                first = cells[2]
            elif merged and first is not None:
                first.merge(cells[2])
    set_widths(table, (1.2, 7.0, 3.2, 7.6))
    add_signature(doc)
    path = samples_dir / f"{unit.name}.docx"
    save(doc, path)
    return path, _expected(unit)


# --- a table split in parts ------------------------------------------------------------------

BETWEEN_PARTS = "(Tiếp theo)"


def split_table(samples_dir: Path) -> Sample:
    unit = replace(_units()["department-noi-vu"], name="docx-split-table")
    widths = (1.2, 7.0, 3.2, 7.6)
    doc = new_document()
    add_motto_table(doc, unit)
    add_preamble(doc, unit)
    parts = [unit.sections[:1], unit.sections[1:2], unit.sections[2:]]
    for number, sections in enumerate(parts):
        if number == 1:
            doc.add_paragraph()  # Word needs a paragraph between two tables
        if number == 2:
            doc.add_paragraph(BETWEEN_PARTS)
        header = [list(unit.headers)] if number != 1 else []
        table = table_of(doc, header, widths) if header else _empty_table(doc, widths)
        for section in sections:
            section_row(table, section)
            for row in section.rows:
                target_row(table, [row.stt, row.target, row.status, row.notes])
        set_widths(table, widths)
    add_signature(doc)
    path = samples_dir / f"{unit.name}.docx"
    save(doc, path)
    # "(Tiếp theo)" is page furniture: nothing is lost between the parts.
    return path, _expected(unit, unparsed=[])


def _empty_table(doc, widths: tuple[float, ...]):
    table = doc.add_table(rows=0, cols=len(widths))
    table.style = "Table Grid"
    return table


# --- a nested table in a notes cell -----------------------------------------------------------

NESTED = [["Năm", "Mức độ hài lòng"], ["2022", "85%"], ["2023", "87,5%"]]
NESTED_AFTER = "Nguồn: kết quả khảo sát của Sở Nội vụ."


def nested_table(samples_dir: Path) -> Sample:
    base = _units()["commune-cam-hieu"]
    sections = copy.deepcopy(base.sections)
    row = sections[1].rows[1]
    nested_text = [t for r in NESTED for t in r]
    sections[1].rows[1] = replace(row, notes=[*row.notes, *nested_text, NESTED_AFTER])
    unit = replace(base, name="docx-nested-table", sections=sections)
    doc = new_document()
    add_motto_table(doc, unit)
    add_preamble(doc, unit)
    writer_unit = replace(unit, sections=base.sections)
    table = add_assessment_table(doc, writer_unit)
    notes_cell = next(r.cells[3] for r in table.rows if r.cells[1].text == row.target)
    inner = notes_cell.add_table(rows=len(NESTED), cols=2)
    inner.style = "Table Grid"
    for cells, values in zip(inner.rows, NESTED):
        for cell, value in zip(cells.cells, values):
            cell.text = value
    notes_cell.add_paragraph(NESTED_AFTER)
    add_signature(doc)
    path = samples_dir / f"{unit.name}.docx"
    save(doc, path)
    return path, _expected(unit)


# --- extra columns, another order -------------------------------------------------------------

EXTRA_HEADERS = (
    "TT",
    "Nội dung chỉ tiêu",
    "Đơn vị chủ trì",
    "Kết quả thực hiện",
    "Giải pháp",
    "Ghi chú",
    "Mức độ hoàn thành",
)
LEADS = ["Phòng Tư pháp", "Phòng Tư pháp", "Văn phòng HĐND-UBND", "Phòng Nội vụ",
         "Văn phòng HĐND-UBND", "Phòng Văn hóa - Thông tin"]  # fmt: skip
REMARKS = {2: "Theo báo cáo quý III", 5: "Số liệu tạm tính"}


def extra_columns(samples_dir: Path) -> Sample:
    base = _units()["district-cam-lo"]
    sections = copy.deepcopy(base.sections)
    number = 0
    for section in sections:
        for i, row in enumerate(section.rows):
            extra = {"Đơn vị chủ trì": LEADS[number]}
            if number in REMARKS:
                extra["Ghi chú"] = REMARKS[number]
            section.rows[i] = replace(row, extra=extra)
            number += 1
    unit = replace(base, name="docx-extra-columns", sections=sections, headers=EXTRA_HEADERS)
    widths = (1.0, 6.0, 3.0, 5.5, 4.5, 2.5, 3.0)
    doc = new_document(landscape=True)
    add_motto_table(doc, unit)
    add_preamble(doc, unit)
    table = table_of(doc, [list(EXTRA_HEADERS)], widths)
    mark_header(table.rows[0])
    for section in unit.sections:
        section_row(table, section)
        for row in section.rows:
            results, solutions = _split_notes(row.notes)
            target_row(
                table,
                [row.stt, row.target, row.extra["Đơn vị chủ trì"], results, solutions,
                 row.extra.get("Ghi chú", ""), row.status],
            )  # fmt: skip
    set_widths(table, widths)
    add_signature(doc)
    path = samples_dir / f"{unit.name}.docx"
    save(doc, path)
    return path, _expected(unit)


# --- tracked changes, bullets, empty trailing rows --------------------------------------------


def tracked_changes(samples_dir: Path) -> Sample:
    base = _units()["department-noi-vu"]
    unit = replace(base, name="docx-tracked-changes")
    doc = new_document()
    add_motto_table(doc, unit)
    add_preamble(doc, unit)
    table = add_assessment_table(doc, unit)
    rows = {r.cells[1].text: r for r in table.rows}
    first, second = unit.sections[0].rows[0], unit.sections[0].rows[1]
    # I.1: the status was changed from "Đang thực hiện" to "Đã hoàn thành"; the notes
    # paragraph was split mid-word and the split undone (a deleted paragraph mark).
    row = rows[first.target]
    replace_cell_xml(
        row.cells[2],
        [_paragraph_xml(_revision("del", _deleted_run("Đang thực hiện"), 1)
                        + _revision("ins", _run(first.status), 2))],
    )  # fmt: skip
    head, tail = first.notes[0][:28], first.notes[0][28:]
    replace_cell_xml(
        row.cells[3],
        [
            _paragraph_xml(_deleted_mark(3) + _run(head)),
            _paragraph_xml(_run(tail)),
        ],
    )
    # I.2: words inserted and deleted inside the notes, a paragraph inserted, one deleted.
    row = rows[second.target]
    note = second.notes[0]  # "Năm 2023, đã xử lý được 08/10 văn bản QPPL."
    before, after = note.split("08/10")
    replace_cell_xml(
        row.cells[3],
        [
            _paragraph_xml(
                _run(before)
                + _revision("del", _deleted_run("07/10"), 4)
                + _revision("ins", _run("08/10"), 5)
                + _run(after)
            ),
            _paragraph_xml(_deleted_mark(6) + _revision("del", _deleted_run("Số liệu cũ, bỏ."), 7)),
        ],
    )
    # A target row added and then deleted: gone once the changes are accepted.
    gone = copy.deepcopy(rows[second.target]._tr)
    gone.get_or_add_trPr().append(parse_xml(f'<w:del {nsdecls("w")} w:id="8" {_AUTHOR}/>'))
    for tc in gone.findall(qn("w:tc")):
        _set_tc_text(tc, "Hàng đã xóa")
    rows[second.target]._tr.addnext(gone)
    # Empty rows left at the end of the table.
    for _ in range(3):
        table.add_row()
    path = samples_dir / f"{unit.name}.docx"
    add_signature(doc)
    save(doc, path)
    return path, _expected(unit)


# --- auto-numbered STT and bullets --------------------------------------------------------------

_ABSTRACT_ID = 90


def _numbering_part(doc):
    return doc.part.numbering_part.element


def _add_list(doc, fmt: str, text: str) -> int:
    """A new list definition (one level) and a list of it; returns the list's numId."""
    numbering = _numbering_part(doc)
    abstract_id = _ABSTRACT_ID + len(numbering.findall(qn("w:abstractNum")))
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        "</w:lvl></w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return _add_num(doc, abstract_id)


def _add_num(doc, abstract_id: int) -> int:
    numbering = _numbering_part(doc)
    num_id = 900 + len(numbering.findall(qn("w:num")))
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    return num_id


def _number_paragraph(paragraph, num_id: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def auto_numbering(samples_dir: Path) -> Sample:
    base = _units()["commune-cam-hieu"]
    unit = replace(base, name="docx-auto-numbering")
    doc = new_document()
    add_motto_table(doc, unit)
    add_preamble(doc, unit)
    table = table_of(doc, [list(unit.headers)], (1.2, 7.0, 3.2, 7.6))
    mark_header(table.rows[0])
    stt_list = _add_list(doc, "decimal", "%1.")
    bullets = _add_list(doc, "bullet", "-")
    abstract_of_stt = _numbering_part(doc).find(qn("w:num") + f'[@{qn("w:numId")}="{stt_list}"]')
    abstract_id = int(abstract_of_stt.find(qn("w:abstractNumId")).get(qn("w:val")))
    for section in unit.sections:
        section_row(table, section)
        num_id = _add_num(doc, abstract_id)  # the STT restarts in every section
        for row in section.rows:
            typed_bullets = all(p.startswith("- ") for p in row.notes)
            notes = [p[2:] for p in row.notes] if typed_bullets else row.notes
            cells = target_row(table, ["", row.target, row.status, notes])
            _number_paragraph(cells[0].paragraphs[0], num_id)
            if typed_bullets:
                for paragraph in cells[3].paragraphs:
                    _number_paragraph(paragraph, bullets)
    set_widths(table, (1.2, 7.0, 3.2, 7.6))
    add_signature(doc)
    path = samples_dir / f"{unit.name}.docx"
    save(doc, path)
    return path, _expected(unit)


# --- legacy font encodings ------------------------------------------------------------------

_UPPER = "".join(
    sorted({c for c in VIETNAMESE_LETTERS if c.isupper()} | set("BCDFGHJKLMNPQRSTVWXZ"))
)
_UPPER_STRETCH = re.compile(rf"[{_UPPER}]+(?:[\s\-–,.:;()/&]+[{_UPPER}]+)*")
LEGACY_FONTS = {"tcvn3": (".VnTime", ".VnTimeH"), "vni": ("VNI-Times", "VNI-Times")}


def legacy_segments(text: str, encoding: str, font: str | None = None) -> list[tuple[str, str]]:
    """``text`` as runs of (legacy codes, font), the way a typist of that era wrote it; ``font``
    names the font instead of the encoding's usual one (a font named for the other encoding).

    TCVN3 has no capitals with tone marks: a stretch of capitals holding one is typed in the
    "H" font, in lower-case codes.
    """
    usual, caps_font = LEGACY_FONTS[encoding]
    font = font or usual
    if encoding == "vni":
        return [(from_unicode(text, "vni"), font)]
    segments: list[tuple[str, str]] = []
    at = 0
    for m in _UPPER_STRETCH.finditer(text):
        stretch = m.group()
        try:
            from_unicode(stretch, "tcvn3")
            continue  # no toned capital: the ordinary font writes it
        except ValueError:
            pass
        if m.start() > at:
            segments.append((from_unicode(text[at : m.start()], "tcvn3"), font))
        segments.append((from_unicode(stretch, "tcvn3", caps_font=True), caps_font))
        at = m.end()
    if at < len(text):
        segments.append((from_unicode(text[at:], "tcvn3"), font))
    return segments


def encode_document(doc, encoding: str) -> None:
    """Rewrite every run of ``doc``'s body in a legacy encoding and font, in place.

    TCVN3 "ư" (code 0xAD) is stored as a soft hyphen element, as Word and LibreOffice store it.
    """
    font, _ = LEGACY_FONTS[encoding]
    _set_style_font(doc, "Normal", font)
    for run in list(doc.element.body.iter(qn("w:r"))):
        _set_run_font(run, font)
        current = run
        while current is not None and (t := current.find(qn("w:t"))) is not None:
            current = _encode_text(current, t, encoding)


# A document typed over the years by several hands: each paragraph in one of these
# (encoding, font) pairs, in turn; VNI bytes under a font named like TCVN3 ("VNSTCVN3") too.
MIXED_LEGACY = (
    ("tcvn3", ".VnTime"),
    ("vni", "VNSTCVN3"),
    ("vni", "VNI-Times"),
    ("tcvn3", ".VnTime"),
    ("vni", "VNSTCVN3"),
)


def encode_document_mixed(doc) -> None:
    """Rewrite ``doc``'s body in TCVN3 and VNI by turns, paragraph by paragraph (see
    :data:`MIXED_LEGACY`), in place."""
    _set_style_font(doc, "Normal", ".VnTime")
    for number, paragraph in enumerate(doc.element.body.iter(qn("w:p"))):
        encoding, font = MIXED_LEGACY[number % len(MIXED_LEGACY)]
        for run in list(paragraph.iter(qn("w:r"))):
            _set_run_font(run, font)
            current = run
            while current is not None and (t := current.find(qn("w:t"))) is not None:
                current = _encode_text(current, t, encoding, font)


def _encode_text(run, t, encoding: str, font: str | None = None):
    """Replace the text element ``t`` of ``run`` by runs of legacy codes; return the run that
    holds what followed ``t`` (None when nothing did)."""
    rpr = run.find(qn("w:rPr"))
    parent = run.getparent()
    # Move the run's children after ``t`` into a run of their own, so ``t`` ends its run.
    later = list(run)[list(run).index(t) + 1 :]
    rest = None
    if later:
        rest = OxmlElement("w:r")
        if rpr is not None:
            rest.append(copy.deepcopy(rpr))
        for child in later:
            rest.append(child)
        run.addnext(rest)
    run.remove(t)
    anchor = run
    for codes, run_font in legacy_segments(t.text or "", encoding, font):
        new = OxmlElement("w:r")
        if rpr is not None:
            new.append(copy.deepcopy(rpr))
        _set_run_font(new, run_font)
        pieces = codes.split("\xad") if encoding == "tcvn3" else [codes]
        for i, piece in enumerate(pieces):
            if i:
                new.append(OxmlElement("w:softHyphen"))
            if piece:
                element = OxmlElement("w:t")
                element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                element.text = piece
                new.append(element)
        anchor.addnext(new)
        anchor = new
    if len(run) <= (1 if rpr is not None else 0):
        parent.remove(run)
    return rest


def _set_run_font(run, font: str) -> None:
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        run.insert(0, rpr)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), font)


def _set_style_font(doc, style_name: str, font: str) -> None:
    style = doc.styles[style_name]
    style.font.name = font
    fonts = style.element.rPr.find(qn("w:rFonts"))
    fonts.set(qn("w:cs"), font)


def _legacy_twin(samples_dir: Path, encoding: str) -> Sample:
    unit = replace(_units()["district-cam-lo"], name=f"docx-{encoding}")
    doc = several_tables_doc(unit)
    encode_document(doc, encoding)
    path = samples_dir / f"{unit.name}.docx"
    save(doc, path)
    return path, _expected(unit)


def tcvn3(samples_dir: Path) -> Sample:
    return _legacy_twin(samples_dir, "tcvn3")


def vni(samples_dir: Path) -> Sample:
    return _legacy_twin(samples_dir, "vni")


def font_trap(samples_dir: Path) -> Sample:
    """Unicode text under styles and runs that name VNI-Times and .VnTime, as in real files."""
    unit = replace(_units()["district-cam-lo"], name="docx-font-trap")
    doc = several_tables_doc(unit)
    _set_style_font(doc, "Normal", "VNI-Times")
    body = doc.element.body
    for table_number, tbl in enumerate(body.iter(qn("w:tbl"))):
        if table_number in (0, 2):  # the motto table and the assessment table
            for run in tbl.iter(qn("w:r")):
                _set_run_font(run, ".VnTime" if table_number == 0 else ".VnTimeH")
    path = samples_dir / f"{unit.name}.docx"
    save(doc, path)
    return path, _expected(unit)


BUILDERS: list[Callable[[Path], Sample]] = [
    real,
    several_tables,
    two_row_header,
    repeated_header,
    merged_cells,
    split_table,
    nested_table,
    extra_columns,
    tracked_changes,
    auto_numbering,
    tcvn3,
    vni,
    font_trap,
]
