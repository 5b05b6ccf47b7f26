"""appendixparse: Vietnamese administrative-reform appendices into typed records and flags."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    AppendixParseError,
    ConversionUnavailableError,
    CorruptFileError,
    EncryptedFileError,
    FileTooLargeError,
    NoAppendixFoundError,
    NoAssessmentTableError,
    ScannedDocumentError,
    UnsupportedFormatError,
)
from .models import Figure, Flag, Record, Report
from .options import Options
from .pipeline import parse
from .text.encodings import to_unicode

if TYPE_CHECKING:
    from .consolidation import Consolidation

__version__ = "0.1.0"
__all__ = [
    "AppendixParseError",
    "ConversionUnavailableError",
    "CorruptFileError",
    "EncryptedFileError",
    "Figure",
    "FileTooLargeError",
    "Flag",
    "NoAppendixFoundError",
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


def consolidate(sources: Any, *, catalogue: Any = None, **options: Any) -> Consolidation:
    """Many units' reports into one dataset; see :func:`appendixparse.consolidation.consolidate`."""
    from .consolidation import consolidate as _consolidate

    return _consolidate(sources, catalogue=catalogue, **options)
