"""appendixparse: Vietnamese administrative-reform appendices into typed records and flags."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Union

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
    from .consolidation import Consolidation

ConsolidationSource = Union[str, "os.PathLike[str]", Report]

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


def consolidate(
    sources: ConsolidationSource | Iterable[ConsolidationSource],
    *,
    catalogue: str | os.PathLike[str] | Any = None,
    jobs: int | None = None,
    progress: bool = False,
    time_limit: float | None = None,
    exclude: Iterable[str | os.PathLike[str]] = (),
    options: Options | Mapping[str, Any] | None = None,
) -> Consolidation:
    """Many units' reports into one dataset, target by target.

    ``sources``: files, folders (searched recursively) and parsed :class:`Report` objects, in
    any mix; ``catalogue``: the targets to align to (a CSV/JSON path; default: the bundled Quảng
    Trị catalogue); ``jobs``: worker processes (default: the CPUs); ``time_limit``: seconds per
    document (default ``options.document_timeout_s``; 0: none); ``progress``: a bar on stderr;
    ``exclude``: files to leave out; ``options``: the settings, held in every worker. See
    :func:`appendixparse.consolidation.consolidate`.
    """
    from .consolidation import consolidate as _consolidate

    return _consolidate(
        sources,
        catalogue=catalogue,
        jobs=jobs,
        progress=progress,
        time_limit=time_limit,
        exclude=exclude,
        options=options,
    )
