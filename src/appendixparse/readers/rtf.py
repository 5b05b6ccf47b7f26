"""Rich Text Format (.rtf) documents, common among legacy government files: LibreOffice converts
them to .docx, read as such (legacy font encodings included)."""

from __future__ import annotations

from ..grid import Grid
from ..options import DEFAULT_OPTIONS, Options
from .docx import read_docx
from .libreoffice import convert

__all__ = ["read_rtf"]


def read_rtf(data: bytes, source: str, options: Options = DEFAULT_OPTIONS) -> Grid:
    """Read an RTF document by converting it to .docx with LibreOffice (headless).

    Raises ConversionUnavailableError when LibreOffice (or its Writer) is not installed.
    """
    converted = convert(data, source, suffix=".rtf", target="docx", options=options)
    grid = read_docx(converted, source, options)
    grid.format = "rtf"
    return grid
