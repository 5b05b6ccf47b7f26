"""PDF reader: ruled and unruled tables page by page, running headers left out, with provenance.

Each page is judged before it is parsed (content size, drawing operations), then read once by
the engine ``Options.pdf_engine`` names (:mod:`.engines`: pdfium, or pdfplumber as the
reference): ruled tables come from the page's rules, and the text outside them is rebuilt from
the characters — lines, words (spaces from gaps), composed diacritics,
legacy TCVN3/VNI fonts converted. Lines that align in columns become unruled tables; the other
lines become paragraphs (wrapped lines joined). A header wrapped over several lines by narrow
columns ("ST" over "T") is joined into one row here. A table running over several pages is
emitted page by page, each part with the page's rows; a header repeated on a later page and
read together with the rest of the row the page break cut (no rule between them) is split from
it here. The layout step joins the parts and drops repeated headers, as it does for every
format (DOCX tables split in two, sheets that repeat the header); a row broken by a page break
continues in a row whose STT cell is empty.
"""

from __future__ import annotations

import logging

from ...errors import (
    AppendixParseError,
    CorruptFileError,
    FileTooLargeError,
    OcrUnavailableError,
    ScannedDocumentError,
)
from ...grid import Grid
from ...models import Location, Unparsed
from ...options import DEFAULT_OPTIONS, Options
from .assembly import _Builder, _drop_running_lines
from .columns import document_columns
from .engines import _open_document
from .guard import _describe, _too_heavy
from .ocr import OcrPage, Scan, attach_confidence, is_scan, read_scans
from .page import _Page, _read_page
from .ruled import _RuledTable
from .text import _Decoder

__all__ = ["read_pdf"]


def _quiet_pdfminer() -> None:
    """pdfminer logs warnings about damaged files; without a handler Python prints them on
    stderr. A NullHandler keeps them from the console while still passing them to the root
    logger when the application configures logging."""
    logger = logging.getLogger("pdfminer")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())


def read_pdf(data: bytes, source: str, options: Options = DEFAULT_OPTIONS) -> Grid:
    """Read a PDF's text layer into a grid: paragraphs and tables, each row with its page.

    Raises :class:`ScannedDocumentError` for image-only PDFs, :class:`EncryptedFileError`
    when a password is needed, :class:`FileTooLargeError` past the page limit (or when every
    page is too heavy to parse), :class:`CorruptFileError` for damaged files.
    """
    _quiet_pdfminer()
    try:
        return _read(data, source, options)
    except AppendixParseError:
        raise
    except RecursionError:
        raise CorruptFileError(
            source, "a damaged PDF (its objects refer to each other in a loop)"
        ) from None
    except Exception as exc:  # pdfminer raises many kinds of errors on damaged files
        raise CorruptFileError(source, f"a damaged PDF ({_describe(exc)})") from None


def _read(data: bytes, source: str, options: Options) -> Grid:
    pdf = _open_document(data, source, options)
    try:
        pages = len(pdf)
        if not pages:
            raise CorruptFileError(source, "the PDF has no pages")
        if pages > options.max_pdf_pages:
            raise FileTooLargeError(
                source,
                f"{pages} pages, more than the limit of {options.max_pdf_pages} "
                "(Options.max_pdf_pages)",
            )
        decoder = _Decoder()
        read: list[_Page] = []
        unplaced: list[Unparsed] = []
        heavy: list[str] = []
        damaged: list[str] = []
        images = 0
        scans: list[Scan] = []
        painted = 0
        for number in range(1, pages + 1):
            try:
                operators, size = pdf.weigh(number - 1)
                painted += operators
                if painted > options.max_pdf_document_objects:
                    raise FileTooLargeError(
                        source,
                        f"its pages draw more than {options.max_pdf_document_objects:,} lines, "
                        "shapes and pieces of text in all (Options.max_pdf_document_objects)",
                    )
                if operators > options.max_pdf_page_objects or size > options.max_pdf_content_bytes:
                    heavy.append(_too_heavy(number, operators, options))
                    unplaced.append(
                        Unparsed(
                            text="",
                            location=Location(page=number),
                            reason=f"{heavy[-1]}: too heavy to read, the page was skipped",
                        )
                    )
                    continue
                drawn = pdf.read(number - 1)
                content = _read_page(drawn, number, decoder)
                if is_scan(drawn, content):
                    scans.append(Scan(number, content.width, content.height))
                read.append(content)
                images += drawn.images
            except AppendixParseError:
                raise
            except Exception as exc:
                damaged.append(f"page {number} is damaged ({_describe(exc)})")
                unplaced.append(
                    Unparsed(
                        text="",
                        location=Location(page=number),
                        reason=f"{damaged[-1]}: the page was skipped",
                    )
                )
        if not read:
            if heavy:
                raise FileTooLargeError(source, f"{heavy[0]}: too heavy to read")
            raise CorruptFileError(source, damaged[0] if damaged else "no page could be read")
        scanned = _read_scans(data, scans, read, unplaced, source, options)
        # Ruled tables with no text in any cell are the rules a scan carries (a form's lines
        # drawn over the page image, a scanner's frame): they are no text layer either.
        ocr_read = {s.page.number for s in scanned}  # their rules were found by OCR: content
        if not any(
            p.lines or (p.tables and p.number in ocr_read) or any(_has_text(t) for t in p.tables)
            for p in read
        ):
            raise ScannedDocumentError(
                source,
                "the PDF's pages are scanned images, and OCR read no text on them"
                if scanned
                else "the PDF has no text layer: its pages hold only images (a scanned "
                "document?); run OCR on it first"
                if images
                else "the PDF has no text layer: its pages are blank or their text is drawn "
                "as shapes",
            )
        if sum(p.unmapped for p in read) > sum(p.glyphs for p in read) / 2:
            raise ScannedDocumentError(
                source,
                "the PDF's fonts carry no Unicode mapping, so its text layer cannot be read; "
                "run OCR on it or export it again",
            )
    finally:
        pdf.close()
    _drop_running_lines(read)
    builder = _Builder(document_columns((p.number, p.lines) for p in read))
    for content in read:
        builder.page(content)
    attach_confidence(builder.blocks, scanned)
    return Grid(blocks=builder.blocks, format="pdf", unplaced=unplaced, ocr=bool(scanned))


def _read_scans(
    data: bytes,
    scans: list[Scan],
    read: list[_Page],
    unplaced: list[Unparsed],
    source: str,
    options: Options,
) -> list[OcrPage]:
    """OCR the scanned pages, each put in its place in ``read``. Without OCR installed, a
    document that is all scans is refused naming what to install; the scanned pages of one
    with a text layer elsewhere are noted as unplaced."""
    if not scans:
        return []
    try:
        pages, late = read_scans(data, scans, source, options)
    except OcrUnavailableError as exc:
        numbers = {s.number for s in scans}
        if not any(p.lines or p.tables for p in read if p.number not in numbers):
            raise
        unplaced.extend(
            Unparsed(text="", location=Location(page=n), reason=f"page {n}: {exc.reason}")
            for n in sorted(numbers)
        )
        return []
    unplaced.extend(late)
    by_number = {p.page.number: p.page for p in pages}
    read[:] = [by_number.get(p.number, p) for p in read]
    return pages


def _has_text(table: _RuledTable) -> bool:
    return any(cell.strip() for cells, _ in table.rows for cell in cells)
