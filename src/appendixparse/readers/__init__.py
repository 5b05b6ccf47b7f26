"""One reader per format, chosen from the file's content; each returns a neutral Grid."""

from __future__ import annotations

import importlib
import io

from ..errors import CorruptFileError, EncryptedFileError, UnsupportedFormatError
from ..grid import Grid
from ..options import DEFAULT_OPTIONS, Options
from .ole import has_stream, is_ole

__all__ = ["FORMATS", "detect_format", "read"]

# format -> (module in this package, function(data, source, options) -> Grid)
FORMATS: dict[str, tuple[str, str]] = {
    "text": ("text", "read_text"),
    "docx": ("docx", "read_docx"),
    "doc": ("docx", "read_doc"),
    "rtf": ("rtf", "read_rtf"),
    "pdf": ("pdf", "read_pdf"),
    "xlsx": ("xlsx", "read_xlsx"),
    "xls": ("xlsx", "read_xls"),
}


def detect_format(data: bytes, name: str = "") -> str:
    """Tell the format from the bytes themselves; the file name only breaks ties.

    Raises :class:`UnsupportedFormatError` for content no reader takes (HTML, images, other zips).
    """
    source = name or "<bytes>"
    if not data:
        raise CorruptFileError(source, "the file is empty")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_format(data, source)
    if is_ole(data):
        return _ole_format(data, name, source)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    if stripped.startswith((b"<!doctype html", b"<html", b"<?xml")):
        raise UnsupportedFormatError(source, "an HTML or XML page, not an appendix document")
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")):
        raise UnsupportedFormatError(source, "an image: appendixparse reads text, not pictures")
    return "text"


def _zip_format(data: bytes, source: str) -> str:
    import zipfile  # only for zips: a text parse never needs it

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CorruptFileError(source, f"a damaged or truncated zip/Office file ({exc})") from None
    if "word/document.xml" in names or any(n.endswith("/document.xml") for n in names):
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise UnsupportedFormatError(source, "a zip archive that is neither a Word nor an Excel file")


def _ole_format(data: bytes, name: str, source: str) -> str:
    if has_stream(data, "EncryptedPackage"):
        raise EncryptedFileError(source, "the Office file is protected by a password")
    if has_stream(data, "WordDocument"):
        return "doc"
    if has_stream(data, "Workbook") or has_stream(data, "Book"):
        return "xls"
    if name.lower().endswith(".xls"):
        return "xls"
    if name.lower().endswith(".doc"):
        return "doc"
    raise UnsupportedFormatError(source, "an old Office file that is neither Word nor Excel")


def read(
    data: bytes, source: str, format: str | None = None, options: Options = DEFAULT_OPTIONS
) -> tuple[Grid, str]:
    """Read ``data`` with the reader for ``format`` (detected when None); return grid and format."""
    fmt = format or detect_format(data, source)
    if fmt not in FORMATS:
        raise UnsupportedFormatError(
            source, f"unknown format {fmt!r}; use one of {sorted(FORMATS)}"
        )
    module_name, function_name = FORMATS[fmt]
    try:
        module = importlib.import_module(f"{__name__}.{module_name}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith(__name__):
            raise UnsupportedFormatError(source, f"no reader for {fmt} yet") from None
        raise
    grid: Grid = getattr(module, function_name)(data, source, options)
    return grid, fmt
