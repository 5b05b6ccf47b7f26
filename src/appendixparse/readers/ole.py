"""Old Office files (OLE compound documents): told apart by the streams they name."""

from __future__ import annotations

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def is_ole(data: bytes) -> bool:
    """Whether ``data`` is an OLE compound file (.doc, .xls, or an encrypted .docx/.xlsx)."""
    return data.startswith(OLE_MAGIC)


def has_stream(data: bytes, name: str) -> bool:
    """Whether the compound file names the stream ``name`` ("WordDocument", "Workbook", …).

    Stream names are stored in UTF-16-LE in the directory, so a byte search finds them without
    parsing the file; good enough to tell Word from Excel from a password-protected package.
    """
    return name.encode("utf-16-le") in data
