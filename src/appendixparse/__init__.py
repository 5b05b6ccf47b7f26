"""appendixparse: Vietnamese administrative-reform appendices into typed records and flags."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    AppendixParseError,
    ConversionUnavailableError,
    CorruptFileError,
    EncryptedFileError,
    FileTooLargeError,
    InputNotFoundError,
    NoAssessmentTableError,
    ScannedDocumentError,
    UnsupportedFormatError,
)
from .models import Figure, Flag, Record, Report
from .options import Options
from .pipeline import parse
from .text.encodings import to_unicode

if TYPE_CHECKING:
    from .consolidation import consolidate

__version__ = "0.1.0"
__all__ = [
    "AppendixParseError",
    "ConversionUnavailableError",
    "CorruptFileError",
    "EncryptedFileError",
    "Figure",
    "FileTooLargeError",
    "Flag",
    "InputNotFoundError",
    "NoAssessmentTableError",
    "Options",
    "Record",
    "Report",
    "ScannedDocumentError",
    "UnsupportedFormatError",
    "consolidate",
    "parse",
    "to_unicode",
]


def __getattr__(name: str) -> Any:
    # consolidate() is imported on first use: a parse needs none of consolidation's imports.
    if name == "consolidate":
        from .consolidation import consolidate

        return consolidate
    raise AttributeError(f"module 'appendixparse' has no attribute {name!r}")
