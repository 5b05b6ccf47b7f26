"""PDF reader: ruled and unruled tables page by page, running headers left out, with provenance.

Each page is judged before pdfminer parses it (content size, drawing operations), then read
once through pdfplumber: ruled tables come from pdfplumber's table finder, and the text outside
them is rebuilt from the characters — lines, words (spaces from gaps), composed diacritics,
legacy TCVN3/VNI fonts converted. Lines that align in columns become unruled tables; the other
lines become paragraphs (wrapped lines joined). A table running over several pages is emitted
page by page, each part with the page's rows: the layout step joins the parts, drops repeated
headers, and a row broken by a page break continues in a row whose STT cell is empty.
"""

from __future__ import annotations

import logging

from ...errors import (
    AppendixParseError,
    CorruptFileError,
    FileTooLargeError,
    ScannedDocumentError,
)
from ...grid import Grid
from ...models import Location, Unparsed
from ...options import DEFAULT_OPTIONS, Options
from .assembly import _Builder, _drop_running_lines
from .guard import _describe, _open, _operators, _too_heavy
from .page import _Page, _read_page
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
    pdf = _open(data, source)
    with pdf:
        pages = pdf.pages
        if not pages:
            raise CorruptFileError(source, "the PDF has no pages")
        if len(pages) > options.max_pdf_pages:
            raise FileTooLargeError(
                source,
                f"{len(pages)} pages, more than the limit of {options.max_pdf_pages} "
                "(Options.max_pdf_pages)",
            )
        decoder = _Decoder()
        read: list[_Page] = []
        unplaced: list[Unparsed] = []
        heavy: list[str] = []
        damaged: list[str] = []
        images = 0
        painted = 0
        for number, page in enumerate(pages, start=1):
            try:
                operators, size = _operators(page.page_obj, options)
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
                read.append(_read_page(page, number, decoder))
                images += len(page.images)
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
            finally:
                page.close()
        if not read:
            if heavy:
                raise FileTooLargeError(source, f"{heavy[0]}: too heavy to read")
            raise CorruptFileError(source, damaged[0] if damaged else "no page could be read")
        if not any(p.lines or p.tables for p in read):
            raise ScannedDocumentError(
                source,
                "the PDF has no text layer: its pages hold only images (a scanned document?); "
                "run OCR on it first"
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
    _drop_running_lines(read)
    builder = _Builder()
    for content in read:
        builder.page(content)
    return Grid(blocks=builder.blocks, format="pdf", unplaced=unplaced)
