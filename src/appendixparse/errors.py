"""The exceptions appendixparse raises: one root, a few kinds of bad input."""

from __future__ import annotations

from os import PathLike

__all__ = [
    "AppendixParseError",
    "ConversionUnavailableError",
    "CorruptFileError",
    "EncryptedFileError",
    "FileTooLargeError",
    "InputNotFoundError",
    "NoAssessmentTableError",
    "ScannedDocumentError",
    "UnsupportedFormatError",
]


class AppendixParseError(Exception):
    """A document could not be read. The message names the file and the reason."""

    def __init__(self, source: str | PathLike[str] | None, reason: str) -> None:
        self.source = str(source) if source is not None else "<bytes>"
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")


class UnsupportedFormatError(AppendixParseError):
    """The bytes are not a format appendixparse reads (or not the one claimed)."""


class ConversionUnavailableError(UnsupportedFormatError):
    """A legacy format (.doc, .xls) needs LibreOffice, which is not installed."""


class CorruptFileError(AppendixParseError):
    """The file claims a known format but is damaged, truncated or inconsistent."""


class EncryptedFileError(AppendixParseError):
    """The file is protected by a password."""


class ScannedDocumentError(AppendixParseError):
    """The document has no text layer (a scan or photograph)."""


class NoAssessmentTableError(AppendixParseError):
    """The document was read, but holds no table with the assessment header words."""


class FileTooLargeError(AppendixParseError):
    """The file exceeds a safety limit (size, pages, zip entries, drawing operations...)."""


class InputNotFoundError(AppendixParseError, FileNotFoundError):
    """The path names no file or folder (also a :class:`FileNotFoundError`)."""

    def __init__(self, source: str | PathLike[str] | None, reason: str = "no such file or folder"):
        AppendixParseError.__init__(self, source, reason)
        self.filename = self.source
