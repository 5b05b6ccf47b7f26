"""Guarding pdfminer: opening (password), each page weighed before parsing, error wording."""

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
# "/Name Do": the XObject a Do paints.
_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do(?=[\s\[\(/<]|$)")


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
    """Count the operators a page paints and the decoded bytes of its content, before parsing.

    A form XObject is painted each time a ``Do`` names it, so its operators count as often:
    forms that draw each other ten times over, a few levels deep, paint millions of operators
    from a few hundred bytes (a fan-out), and pdfminer would interpret every one. Each stream is
    inflated once, in chunks with a cap, so a decompression bomb stops at the limit; the count
    stops as soon as it passes the limit; a form that draws itself counts once.
    """
    from pdfminer.pdftypes import resolve1

    weigher = _Weigher(options)
    resources = resolve1(page_obj.resources) if page_obj.resources else {}
    count = sum(weigher.weigh(resolve1(s), resources, frozenset()) for s in page_obj.contents)
    return count, weigher.size


class _Weigher:
    """Operators painted by content streams, XObject expansions included (memoised)."""

    def __init__(self, options: Options) -> None:
        self.limit = options.max_pdf_page_objects
        self.budget = options.max_pdf_content_bytes
        self.size = 0
        self.painted: dict[int, int] = {}

    def weigh(self, stream: Any, resources: Any, drawing: frozenset[int]) -> int:
        from pdfminer.pdftypes import PDFStream, resolve1
        from pdfminer.psparser import LIT

        if not isinstance(stream, PDFStream) or id(stream) in drawing:
            return 0
        if id(stream) in self.painted:
            return self.painted[id(stream)]
        own, names = self._scan(stream)
        total = own
        if names and self.size <= self.budget:
            local = resolve1(stream.get("Resources")) or resources
            xobjects = resolve1(local.get("XObject")) if isinstance(local, dict) else None
            if isinstance(xobjects, dict):
                inner = drawing | {id(stream)}
                for name in names:
                    form = resolve1(xobjects.get(name))
                    if isinstance(form, PDFStream) and resolve1(form.get("Subtype")) == LIT("Form"):
                        total += self.weigh(form, local, inner)
                    if total > self.limit or self.size > self.budget:
                        break
        self.painted[id(stream)] = total
        return total

    def _scan(self, stream: Any) -> tuple[int, list[str]]:
        """The operators of one stream and the names its ``Do`` operators paint."""
        count = 0
        names: list[str] = []
        tail = b""
        for chunk in _inflate(stream, self.budget - self.size + 1):
            self.size += len(chunk)
            data = tail + chunk
            cut = max(data.rfind(b" "), data.rfind(b"\n"))
            body = data[: cut if cut > 0 else len(data)]
            count += len(_OPERATORS.findall(body))
            names += [n.decode("latin-1") for n in _DO.findall(body)]
            tail = data[cut:] if cut > 0 else b""
            if self.size > self.budget or count > self.limit:
                return count, names  # enough to judge: no need to read the rest
        count += len(_OPERATORS.findall(tail))
        names += [n.decode("latin-1") for n in _DO.findall(tail)]
        return count, names


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
