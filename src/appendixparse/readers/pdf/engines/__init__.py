"""PDF engines: the libraries that read a page's characters and rules, behind one small model.

Each engine opens a document, weighs a page before it is parsed (content size and drawing
operations, against :class:`~appendixparse.options.Options`) and reads it into a
:class:`_Drawn`: the page's characters (text, box, size, font, direction) in pdfplumber's
coordinates (points from the top-left corner of the page as displayed, /Rotate applied), the
cells of its ruled tables and how many images it shows. Everything after that — glyphs, lines,
words, tables, paragraphs — is shared, so both engines give the same records.

- ``pdfium`` (the default): pypdfium2's text page and page objects; ruled tables from the
  rules by :mod:`..rules`.
- ``pdfplumber``: pdfminer's layout through pdfplumber, ruled tables from pdfplumber's table
  finder; the reference engine the reader was designed on.
"""

from __future__ import annotations

from ....options import Options
from .model import _LINE_HYPHEN, Box, _Char, _Document, _Drawn

__all__ = ["_LINE_HYPHEN", "Box", "_Char", "_Document", "_Drawn", "_open_document"]


def _open_document(data: bytes, source: str, options: Options) -> _Document:
    """The document opened by the engine ``options.pdf_engine`` names."""
    if options.pdf_engine == "pdfplumber":
        from .pdfplumber import _PlumberDocument

        return _PlumberDocument(data, source, options)
    from .pdfium import _PdfiumDocument

    return _PdfiumDocument(data, source, options)
