"""Lay a composed :class:`~compose.spec.Document` out in a format, as a producer would.

python-docx DOCX (LibreOffice turns those into PDF in a batch: :func:`convert_with_libreoffice`),
reportlab PDF drawn with or without ruling lines, openpyxl XLSX, tab-separated text, CSV and
Markdown pipe tables. The writers decide nothing the gold depends on.
"""

from __future__ import annotations

import csv
import io
import random
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

from .spec import PLACE_DATE, SIGNATURE, Column, Document

PAGES = {  # width, height in points
    "a4": (595.28, 841.89),
    "a4_landscape": (841.89, 595.28),
    "letter": (612.0, 792.0),
    "a3_landscape": (1190.55, 841.89),
}
WORD_FONTS = {
    "serif": "Times New Roman",
    "sans": "Arial",
    "dejavu_serif": "DejaVu Serif",
    "dejavu_sans": "DejaVu Sans",
}
TTF = {
    "serif": ("liberation2/LiberationSerif-Regular.ttf", "liberation2/LiberationSerif-Bold.ttf"),
    "sans": ("liberation2/LiberationSans-Regular.ttf", "liberation2/LiberationSans-Bold.ttf"),
    "dejavu_serif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
    "dejavu_sans": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
}
FONT_ROOT = Path("/usr/share/fonts/truetype")
SHARES = {"stt": 0.06, "target": 0.30, "status": 0.15, "notes": 0.34, "extra": 0.13, "tick": 0.08}


def write(doc: Document, folder: Path, stem: str) -> Path:
    """Write ``doc`` into ``folder``; LibreOffice PDFs come out as their DOCX, to convert."""
    fmt = doc.spec.format
    if fmt in ("docx", "lo_pdf"):
        return write_docx(doc, folder / f"{stem}.docx")
    if fmt in ("pdf_ruled", "pdf_unruled"):
        return write_pdf(doc, folder / f"{stem}.pdf", ruled=fmt == "pdf_ruled")
    if fmt == "xlsx":
        return write_xlsx(doc, folder / f"{stem}.xlsx")
    writer: Callable[[Document], str] = {"tsv": tsv_text, "csv": csv_text, "markdown": md_text}[fmt]
    path = folder / f"{stem}.{doc.spec.suffix}"
    path.write_bytes(encode(writer(doc), doc.spec.encoding))
    return path


def encode(text: str, encoding: str) -> bytes:
    if encoding == "nfd":
        return unicodedata.normalize("NFD", text).encode("utf-8")
    if encoding == "utf-16":
        return text.encode("utf-16")  # with its BOM
    return text.encode(encoding)


def _form(doc: Document) -> Callable[[str], str]:
    form = "NFD" if doc.spec.encoding == "nfd" and doc.spec.format.startswith("pdf") else "NFC"
    return lambda text: unicodedata.normalize(form, text)


# ------------------------------------------------------------------------------------- text


def _preamble_lines(doc: Document, *, motto_cells: bool, sep: str) -> list[str]:
    lines: list[str] = []
    if doc.motto:
        left, right = doc.motto
        if motto_cells:
            for i in range(max(len(left), len(right))):
                a = left[i] if i < len(left) else ""
                b = right[i] if i < len(right) else ""
                lines.append(f"{a}{sep}{b}")
        else:
            lines += [*left, *right]
        lines.append(PLACE_DATE)
    lines += doc.unit_lines
    lines += doc.title_lines
    if doc.period_line:
        lines.append(doc.period_line)
    lines += doc.summary_lines
    return lines


def _signature_lines(sep: str) -> list[str]:
    return [f"{a}{sep}{sep}{b}" for a, b in SIGNATURE]


def tsv_text(doc: Document) -> str:
    """Tab-separated, as Word exports a document: several paragraphs in <p> blocks."""

    def cell(paragraphs: list[str]) -> str:
        if len(paragraphs) <= 1:
            return paragraphs[0] if paragraphs else ""
        return "".join(f"<p>{p}</p>" for p in paragraphs)

    out = _preamble_lines(doc, motto_cells=True, sep="\t")
    out += ["\t".join(r) for r in doc.header_rows()]
    out += ["\t".join(cell(c) for c in row.cells) for row in doc.rows]
    if doc.signature:
        out += ["", *_signature_lines("\t")]
    return "\n".join(out) + "\n"


def csv_text(doc: Document) -> str:
    """Excel's "Save as CSV": comma or semicolon, cells of several lines quoted."""
    delimiter = random.Random(doc.spec.seed).choice([",", ";"])
    buffer = io.StringIO()
    w = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    width = len(doc.columns)
    if doc.motto:
        left, right = doc.motto
        for i in range(max(len(left), len(right))):
            row = [left[i] if i < len(left) else "", "", right[i] if i < len(right) else ""]
            w.writerow(row + [""] * (width - 3))
        w.writerow([PLACE_DATE] + [""] * (width - 1))
    for line in [*doc.unit_lines, *doc.title_lines, doc.period_line, *doc.summary_lines]:
        if line:
            w.writerow([line] + [""] * (width - 1))
    for r in doc.header_rows():
        w.writerow(r)
    for row in doc.rows:
        w.writerow(["\n".join(c) for c in row.cells])
    if doc.signature:
        w.writerow([""] * width)
        for a, b in SIGNATURE:
            w.writerow([a] + [""] * (width - 2) + [b])
    return buffer.getvalue()


def md_text(doc: Document) -> str:
    """A Markdown export (a chat tool, a wiki): bold unit and section rows, italic period."""
    rng = random.Random(doc.spec.seed + 3)
    bold = rng.choice(["**{}**", "__{}__"])
    out: list[str] = []
    if doc.motto:
        left, right = doc.motto
        out += [bold.format(t) for t in left] + [""] + [bold.format(t) for t in right] + [""]
        out += [f"*{PLACE_DATE}*", ""]
    for line in doc.unit_lines:
        out += [bold.format(line), ""]
    for line in doc.title_lines:
        out += [bold.format(line), ""]
    if doc.period_line:
        out += [f"*{doc.period_line}*", ""]
    for line in doc.summary_lines:
        out += [line, ""]

    def cell(paragraphs: list[str], strong: bool) -> str:
        text = "<br>".join(p.replace("|", "\\|") for p in paragraphs)
        return bold.format(text) if strong and text else text

    header = doc.header_rows()
    if len(header) == 2:  # a pipe table has one header row: the lower one decides
        header = [[lo or up for up, lo in zip(header[0], header[1])]]
    out.append("| " + " | ".join(header[0]) + " |")
    out.append("|" + "|".join("---" for _ in header[0]) + "|")
    for row in doc.rows:
        out.append("| " + " | ".join(cell(c, row.bold) for c in row.cells) + " |")
    if doc.signature:
        out += [
            "",
            *(f"{bold.format(a)}                {bold.format(b)}" for a, b in SIGNATURE[:1]),
        ]
        out += [f"{a}                {b}" for a, b in SIGNATURE[1:]]
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------------------- DOCX


def write_docx(doc: Document, path: Path) -> Path:
    from docx import Document as Word
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    form = (lambda t: unicodedata.normalize("NFD", t)) if doc.spec.encoding == "nfd" else str
    word = Word()
    section = word.sections[0]
    width, height = PAGES[doc.spec.page]
    section.page_width, section.page_height = Pt(width), Pt(height)
    if width > height:
        section.orientation = WD_ORIENT.LANDSCAPE
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Pt(42))
    style = word.styles["Normal"]
    style.font.name = WORD_FONTS[doc.spec.font]
    style.font.size = Pt(12)

    def para(text: str, *, bold: bool = False, centre: bool = False) -> None:
        p = word.add_paragraph()
        p.add_run(form(text)).bold = bold
        if centre:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    if doc.motto:
        table = word.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        _set(left, doc.motto[0], form, bold=True)
        _set(right, doc.motto[1], form, bold=True)
        word.add_paragraph(form(PLACE_DATE)).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for line in doc.unit_lines:
        para(line, bold=True, centre=True)
    for line in doc.title_lines:
        para(line, bold=True, centre=True)
    if doc.period_line:
        para(doc.period_line, centre=True)
    for line in doc.summary_lines:
        para(line)

    header = doc.header_rows()
    table = word.add_table(rows=len(header), cols=len(doc.columns))
    table.style = "Table Grid"
    for r, texts in enumerate(header):
        for c, text in enumerate(texts):
            if text:
                _set(table.rows[r].cells[c], [text], form, bold=True)
        tr_pr = table.rows[r]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))
    if len(header) == 2:
        for c, col in enumerate(doc.columns):
            if not col.group:
                top = table.cell(0, c)
                top.merge(table.cell(1, c))
        spans: dict[str, list[int]] = {}
        for c, col in enumerate(doc.columns):
            if col.group:
                spans.setdefault(col.group, []).append(c)
        for group, cols in spans.items():
            merged = table.cell(0, cols[0]).merge(table.cell(0, cols[-1]))
            _set(merged, [group], form, bold=True)
    for row in doc.rows:
        cells = table.add_row().cells
        if row.merged:
            merged = cells[0].merge(cells[-1])
            _set(merged, row.cells[0], form, bold=True)
            continue
        for cell, paragraphs in zip(cells, row.cells):
            if paragraphs:
                _set(cell, paragraphs, form, bold=row.bold)
    if doc.signature:
        word.add_paragraph()
        sign = word.add_table(rows=len(SIGNATURE), cols=2)
        for r, (a, b) in enumerate(SIGNATURE):
            _set(sign.rows[r].cells[0], [a], form, bold=r == 0)
            _set(sign.rows[r].cells[1], [b], form, bold=r == 0)
    word.core_properties.title = "Phụ lục"
    word.save(str(path))
    return path


def _set(cell, paragraphs: list[str], form: Callable[[str], str], *, bold: bool = False) -> None:
    cell.text = ""
    first = cell.paragraphs[0]
    for i, text in enumerate(paragraphs):
        p = first if i == 0 else cell.add_paragraph()
        p.add_run(form(text)).bold = bold


def convert_with_libreoffice(docs: list[Path], out: Path) -> list[Path]:
    """Convert DOCX files to PDF in one LibreOffice run; returns the PDFs."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not on the PATH")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="compose-lo-") as profile:
        command = [
            exe, f"-env:UserInstallation=file://{profile}", "--headless",
            "--convert-to", "pdf", "--outdir", str(out), *map(str, docs),
        ]  # fmt: skip
        subprocess.run(command, capture_output=True, timeout=900, check=True)
    return [out / f"{d.stem}.pdf" for d in docs]


# ------------------------------------------------------------------------------------- XLSX


def write_xlsx(doc: Document, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    width = len(doc.columns)
    r = 1
    if doc.motto:
        left, right = doc.motto
        for i in range(max(len(left), len(right))):
            if i < len(left):
                ws.cell(r, 1, left[i]).font = Font(bold=True)
            if i < len(right):
                ws.cell(r, max(3, width - 1), right[i]).font = Font(bold=True)
            r += 1
        ws.cell(r, max(3, width - 1), PLACE_DATE)
        r += 2
    for line in [*doc.unit_lines, *doc.title_lines]:
        ws.cell(r, 1, line).font = Font(bold=True)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        r += 1
    for line in [doc.period_line, *doc.summary_lines]:
        if line:
            ws.cell(r, 1, line)
            r += 1
    r += 1
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    header = doc.header_rows()
    top = r
    for texts in header:
        for c, text in enumerate(texts, start=1):
            cell = ws.cell(r, c, text or None)
            cell.font, cell.border, cell.alignment = Font(bold=True), border, wrap
        r += 1
    if len(header) == 2:
        for c, col in enumerate(doc.columns, start=1):
            if not col.group:
                ws.merge_cells(start_row=top, start_column=c, end_row=top + 1, end_column=c)
        groups: dict[str, list[int]] = {}
        for c, col in enumerate(doc.columns, start=1):
            if col.group:
                groups.setdefault(col.group, []).append(c)
        for cols in groups.values():
            ws.merge_cells(start_row=top, start_column=cols[0], end_row=top, end_column=cols[-1])
    for row in doc.rows:
        for c, paragraphs in enumerate(row.cells, start=1):
            cell = ws.cell(r, c, "\n".join(paragraphs) or None)
            cell.border, cell.alignment = border, wrap
            if row.bold:
                cell.font = Font(bold=True)
        if row.merged:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        r += 1
    if doc.signature:
        r += 1
        for a, b in SIGNATURE:
            ws.cell(r, 2, a)
            ws.cell(r, width, b)
            r += 1
    wb.save(str(path))
    return path


# -------------------------------------------------------------------------------------- PDF


def write_pdf(doc: Document, path: Path, *, ruled: bool) -> Path:
    """Draw ``doc`` with reportlab; two passes so that page numbers can say "n/N"."""
    pages = _draw(doc, io.BytesIO(), ruled=ruled, pages=0)
    with path.open("wb") as out:
        _draw(doc, out, ruled=ruled, pages=pages)
    return path


def _fonts(key: str) -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = f"C-{key}", f"C-{key}-Bold"
    if regular not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(regular, str(FONT_ROOT / TTF[key][0])))
        pdfmetrics.registerFont(TTFont(bold, str(FONT_ROOT / TTF[key][1])))
    return regular, bold


def _draw(doc: Document, out: io.BytesIO, *, ruled: bool, pages: int) -> int:
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    spec = doc.spec
    form = _form(doc)
    regular, bold = _fonts(spec.font)
    width, height = PAGES[spec.page]
    left, right = 42.0, width - 42.0
    top_y, bottom_y = height - 48.0, 48.0
    total = right - left
    pad = 3.0 if ruled else 0.0
    gutter = 0.0 if ruled else 10.0
    shares = [SHARES[c.role] for c in doc.columns]
    usable = total - gutter * (len(shares) - 1)
    xs: list[tuple[float, float]] = []
    x = left
    for share in shares:
        w = usable * share / sum(shares)
        xs.append((x, x + w))
        x += w + gutter
    size, leading, row_gap = 10.0, 12.5, 5.0 if not ruled else 2.0

    def wrap(text: str, font: str, cell: tuple[float, float]) -> list[str]:
        return simpleSplit(text, font, size, cell[1] - cell[0] - 2 * pad) if text else []

    c = canvas.Canvas(out, pagesize=(width, height), invariant=1)
    c.setTitle("Phụ lục")
    number = 1

    def furniture() -> None:
        c.setFont(regular, 9)
        if spec.page_numbers == "bottom":
            c.drawCentredString(width / 2, 26, f"Trang {number}/{pages}")
        elif spec.page_numbers == "top":
            c.drawCentredString(width / 2, height - 26, f"- {number} -")

    def new_page() -> float:
        nonlocal number
        furniture()
        c.showPage()
        number += 1
        return top_y

    y = top_y
    if doc.motto:
        c.setFont(bold, 12)
        # each text wraps in its cell, as Word wraps it: the unit's never runs into the motto
        left_lines = [p for ln in doc.motto[0] for p in simpleSplit(ln, bold, 12, total * 0.38)]
        right_lines = [p for ln in doc.motto[1] for p in simpleSplit(ln, bold, 12, total * 0.56)]
        for i in range(max(len(left_lines), len(right_lines))):
            if i < len(left_lines):
                c.drawCentredString(left + total * 0.2, y, form(left_lines[i]))
            if i < len(right_lines):
                c.drawCentredString(left + total * 0.68, y, form(right_lines[i]))
            y -= 15
        c.setFont(regular, 12)
        y -= 6
        c.drawRightString(right, y, form(PLACE_DATE))
        y -= 24
    c.setFont(bold, 12)
    for line in [*doc.unit_lines, *doc.title_lines]:
        for part in simpleSplit(line, bold, 12, total):
            c.drawCentredString((left + right) / 2, y, form(part))
            y -= 15
    c.setFont(regular, 12)
    if doc.period_line:
        c.drawCentredString((left + right) / 2, y, form(doc.period_line))
        y -= 15
    y -= 4
    for line in doc.summary_lines:
        for part in simpleSplit(line, regular, 12, total):
            c.drawString(left, y, form(part))
            y -= 15
    y -= 10

    header_rows = doc.header_rows()
    centred_header = spec.pdf_header != "left_aligned"

    def header_cells(texts: list[str]) -> list[tuple[list[str], tuple[float, float]]]:
        cells = []
        for i, text in enumerate(texts):
            if not text:
                continue
            span = xs[i]
            j = i + 1
            while len(header_rows) == 2 and texts is header_rows[0] and j < len(texts):
                if texts[j] or not doc.columns[j].group or not doc.columns[i].group:
                    break
                span = (span[0], xs[j][1])
                j += 1
            cells.append((wrap(text, bold, span), span))
        return cells

    def draw_header(y: float) -> float:
        c.setFont(bold, size)
        heights = [
            max((len(t) for t, _ in header_cells(texts)), default=1) * leading + 2 * pad
            for texts in header_rows
        ]
        for r, texts in enumerate(header_rows):
            cells = header_cells(texts)
            for lines_of, (x0, x1) in cells:
                for k, text in enumerate(lines_of):
                    ty = y - pad - (k + 1) * leading + 3
                    if centred_header:
                        c.drawCentredString((x0 + x1) / 2, ty, form(text))
                    else:
                        c.drawString(x0 + pad, ty, form(text))
            h = heights[r]
            if ruled:
                if r == 0 and len(header_rows) == 2:
                    # a cell merged down both header rows is as tall as the two together
                    both = sum(heights)
                    for i, col in enumerate(doc.columns):
                        if not col.group:
                            c.rect(xs[i][0], y - both, xs[i][1] - xs[i][0], both)
                    for i, col in enumerate(doc.columns):
                        if col.group and (i == 0 or doc.columns[i - 1].group != col.group):
                            j = i
                            while (
                                j + 1 < len(doc.columns) and doc.columns[j + 1].group == col.group
                            ):
                                j += 1
                            c.rect(xs[i][0], y - h, xs[j][1] - xs[i][0], h)
                elif r == 1:
                    for i, col in enumerate(doc.columns):
                        if col.group:
                            c.rect(xs[i][0], y - h, xs[i][1] - xs[i][0], h)
                else:
                    for x0, x1 in [xs[i] for i in range(len(xs))]:
                        c.rect(x0, y - h, x1 - x0, h)
            y -= h
        return y - row_gap

    def draw_row(cells: list[list[str]], font: str, y: float, centre: list[bool]) -> float:
        c.setFont(font, size)
        lines = max((len(t) for t in cells), default=1) or 1
        h = lines * leading + 2 * pad
        for index, (texts, (x0, x1)) in enumerate(zip(cells, xs)):
            for k, text in enumerate(texts):
                ty = y - pad - (k + 1) * leading + 3
                if centre[index]:
                    c.drawCentredString((x0 + x1) / 2, ty, form(text))
                else:
                    c.drawString(x0 + pad, ty, form(text))
            if ruled:
                c.rect(x0, y - h, x1 - x0, h)
        return y - h

    def draw_merged(text: str, y: float) -> float:
        c.setFont(bold, size)
        lines = simpleSplit(text, bold, size, total - 2 * pad)
        h = len(lines) * leading + 2 * pad
        for k, line in enumerate(lines):
            c.drawString(left + pad, y - pad - (k + 1) * leading + 3, form(line))
        if ruled:
            c.rect(left, y - h, total, h)
        return y - h

    header_h = (len(header_rows) * 2 + 1) * leading
    if y - header_h < bottom_y + 3 * leading:
        y = new_page()
    y = draw_header(y)
    centre = [col.role in ("stt", "status", "tick") for col in doc.columns]
    for row in doc.rows:
        font = bold if row.bold else regular
        if row.merged:
            if y - 2 * leading < bottom_y:
                y = new_page()
                if spec.pdf_header == "repeated":
                    y = draw_header(y)
            y = draw_merged(row.cells[0][0], y) - row_gap
            continue
        remaining = [
            [line for p in paragraphs for line in wrap(p, font, xs[i])]
            for i, paragraphs in enumerate(row.cells)
        ]
        while True:
            room = int((y - bottom_y - 2 * pad) // leading)
            if max(len(t) for t in remaining) <= room:
                y = draw_row(remaining, font, y, centre) - row_gap
                break
            if room < 3 or row.kind != "record":  # the row starts on the next page
                y = new_page()
            else:  # broken by the page break: the rest continues on the next page, STT empty
                draw_row([t[:room] for t in remaining], font, y, centre)
                remaining = [
                    [] if doc.columns[i].role == "stt" else t[room:]
                    for i, t in enumerate(remaining)
                ]
                y = new_page()
            if spec.pdf_header == "repeated":
                y = draw_header(y)
    if doc.signature:
        y -= 24
        if y < bottom_y + 4 * 15:
            y = new_page()
        for k, (a, b) in enumerate(SIGNATURE):
            c.setFont(bold if k == 0 else regular, 11)
            c.drawCentredString(left + total * 0.2, y, form(a))
            c.drawCentredString(left + total * 0.75, y, form(b))
            y -= 15 if k < 1 else 40
    furniture()
    c.showPage()
    c.save()
    return number


__all__ = ["Column", "convert_with_libreoffice", "write"]
