"""Guarding the engines: opening (password), each page weighed before parsing, error wording."""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from typing import Any

from ...errors import CorruptFileError, EncryptedFileError
from ...options import Options

# Path construction, text showing and XObject painting: what makes pdfminer slow.
_OPERATORS = re.compile(rb"(?<![^\s\]\)>])(?:re|[lmcvyh]|Tj|TJ|'|\"|Do|BI)(?=[\s\[\(/<]|$)")


def _describe(exc: BaseException) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    text = str(inner).strip().splitlines()[0][:120] if str(inner).strip() else ""
    return f"{type(inner).__name__}: {text}" if text else type(inner).__name__


def _open(data: bytes, source: str) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    if b"%PDF-" not in data[:1024]:
        raise CorruptFileError(source, "not a PDF file (no %PDF header)")
    try:
        return pdfplumber.open(io.BytesIO(data), password="")
    except Exception as exc:
        inner = exc.args[0] if exc.args else None
        if isinstance(exc, PDFPasswordIncorrect) or isinstance(inner, PDFPasswordIncorrect):
            raise EncryptedFileError(
                source, "the PDF is protected by a password (or its encryption data is damaged)"
            ) from None
        raise CorruptFileError(source, f"a damaged PDF ({_describe(exc)})") from None


def _miner_pages(data: bytes, source: str) -> list[Any]:
    """pdfminer's pages of a document, to weigh them before an engine parses them."""
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    if b"%PDF-" not in data[:1024]:
        raise CorruptFileError(source, "not a PDF file (no %PDF header)")
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
        return list(PDFPage.create_pages(document))
    except PDFPasswordIncorrect:
        raise EncryptedFileError(
            source, "the PDF is protected by a password (or its encryption data is damaged)"
        ) from None
    except RecursionError:
        raise CorruptFileError(
            source, "a damaged PDF (its objects refer to each other in a loop)"
        ) from None
    except Exception as exc:
        raise CorruptFileError(source, f"a damaged PDF ({_describe(exc)})") from None


def _too_heavy(number: int, operators: int, options: Options) -> str:
    if operators > options.max_pdf_page_objects:
        return (
            f"page {number} draws more than {options.max_pdf_page_objects:,} lines, shapes and "
            "pieces of text (Options.max_pdf_page_objects)"
        )
    return (
        f"page {number} holds more than {options.max_pdf_content_bytes:,} bytes of drawing "
        "instructions (Options.max_pdf_content_bytes)"
    )


def _operators(page_obj: Any, options: Options) -> tuple[int, int]:
    """Count drawing/text operators and decoded bytes of a page's content, before parsing it.

    Content streams (and the form XObjects the page names) are inflated in chunks with a cap,
    so a decompression bomb stops at the limit.
    """
    from pdfminer.pdftypes import PDFStream, resolve1
    from pdfminer.psparser import LIT

    budget = options.max_pdf_content_bytes
    count = 0
    size = 0
    streams: list[Any] = [resolve1(s) for s in page_obj.contents]
    seen: set[int] = set()
    resources = resolve1(page_obj.resources) if page_obj.resources else {}
    xobjects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
    if isinstance(xobjects, dict):
        for ref in list(xobjects.values())[:200]:
            obj = resolve1(ref)
            if isinstance(obj, PDFStream) and resolve1(obj.get("Subtype")) == LIT("Form"):
                streams.append(obj)
    for stream in streams:
        if not isinstance(stream, PDFStream) or id(stream) in seen:
            continue
        seen.add(id(stream))
        tail = b""
        for chunk in _inflate(stream, budget - size + 1):
            size += len(chunk)
            data = tail + chunk
            cut = max(data.rfind(b" "), data.rfind(b"\n"))
            count += len(_OPERATORS.findall(data, 0, cut if cut > 0 else len(data)))
            tail = data[cut:] if cut > 0 else b""
            if size > budget or count > options.max_pdf_page_objects:
                return count, size  # enough to judge: no need to read the rest
        count += len(_OPERATORS.findall(tail))
    return count, size


def _inflate(stream: Any, cap: int) -> Iterator[bytes]:
    """The decoded bytes of a content stream, at most about ``cap`` of them."""
    from pdfminer.psparser import LIT

    if stream.data is not None:
        yield stream.data[:cap]
        return
    filters = stream.get_filters()
    flate = len(filters) == 1 and filters[0][0] in (LIT("FlateDecode"), LIT("Fl"))
    predictor = flate and isinstance(filters[0][1], dict) and "Predictor" in filters[0][1]
    if not flate or predictor:
        yield stream.get_data()[:cap]  # rare filters: pdfminer decodes them itself anyway
        return
    raw = stream.rawdata or b""
    if stream.decipher:
        raw = stream.decipher(stream.objid, stream.genno, raw, stream.attrs)
    inflater = zlib.decompressobj()
    produced = 0
    try:
        for at in range(0, len(raw), 1 << 16):
            piece = inflater.decompress(raw[at : at + (1 << 16)], max(cap - produced, 1))
            while piece:
                produced += len(piece)
                yield piece
                if produced >= cap:
                    return
                piece = inflater.decompress(inflater.unconsumed_tail, max(cap - produced, 1))
    except zlib.error:
        return  # pdfminer recovers what it can of a damaged stream
