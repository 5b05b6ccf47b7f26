"""Word documents (.docx, and .doc through LibreOffice) to a Grid.

The package is opened through python-docx after the size and entity guards
(:mod:`.package`); fonts by style come from the styles part, kept across files that share it
(:mod:`.styles`); list numbering is drawn as Word draws it (:mod:`.numbering`); the walk reads
the element tree for what python-docx has no API for — tracked changes, content controls,
alternate content, layout frames, legacy font encodings (:mod:`.walk`).
"""

from __future__ import annotations

from ...errors import UnsupportedFormatError
from ...grid import Grid
from ...options import DEFAULT_OPTIONS, Options
from ..ole import has_stream, is_ole
from .numbering import read_numbering
from .package import WordPackage
from .styles import SHARED_STYLES, StyleCache
from .walk import DocumentReader, document_names

__all__ = ["StyleCache", "read_doc", "read_docx"]


def read_docx(
    data: bytes,
    source: str,
    options: Options = DEFAULT_OPTIONS,
    *,
    styles: StyleCache | None = None,
) -> Grid:
    """Read a .docx file's body into a Grid of paragraphs and tables, in document order.

    ``styles`` keeps parsed style sheets across calls (one per process is shared otherwise); it
    changes the speed, never the result. Raises CorruptFileError when the file is not a readable
    Word document.
    """
    package = WordPackage(data, source, options)
    n = document_names(package.root, source)
    sheet = (styles if styles is not None else SHARED_STYLES).sheet(package, n)
    reader = DocumentReader(package.root, n, sheet, read_numbering(package, n), source, options)
    return reader.grid("docx")


def read_doc(data: bytes, source: str, options: Options = DEFAULT_OPTIONS) -> Grid:
    """Read a Word 97 (.doc) file by converting it to .docx with LibreOffice (headless).

    Raises ConversionUnavailableError when LibreOffice is not installed.
    """
    from ..libreoffice import convert

    if is_ole(data) and not has_stream(data, "WordDocument"):
        raise UnsupportedFormatError(source, "an old Office file with no Word document in it")
    converted = convert(data, source, suffix=".doc", target="docx", options=options)
    grid = read_docx(converted, source, options)
    grid.format = "doc"
    return grid
