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
    NoAppendixFoundError,
    NoAssessmentTableError,
    OcrUnavailableError,
    ScannedDocumentError,
    UnsupportedFormatError,
)

if TYPE_CHECKING:
    from .consolidation import consolidate
    from .models import Figure, Flag, Record, Report
    from .options import Options
    from .pipeline import parse, read_text
    from .text.encodings import to_unicode

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
    "NoAppendixFoundError",
    "NoAssessmentTableError",
    "OcrUnavailableError",
    "Options",
    "Record",
    "Report",
    "ScannedDocumentError",
    "UnsupportedFormatError",
    "consolidate",
    "parse",
    "read_text",
    "to_unicode",
]


def __getattr__(name: str) -> Any:
    # The public names are imported on first use: ``import appendixparse`` costs no more than
    # the errors, and a command imports only what it runs (a text parse needs none of
    # consolidation's imports, ``appendixparse --help`` no pydantic).
    if name in ("Figure", "Flag", "Record", "Report"):
        from . import models

        return getattr(models, name)
    if name == "Options":
        from .options import Options

        return Options
    if name in ("parse", "read_text"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "to_unicode":
        from .text.encodings import to_unicode

        return to_unicode
    if name == "consolidate":
        from .consolidation import consolidate

        return consolidate
    raise AttributeError(f"module 'appendixparse' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
