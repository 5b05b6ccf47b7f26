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

from dataclasses import dataclass
from typing import NamedTuple, Protocol

from ....options import Options

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
_LINE_HYPHEN = "\ufffe"


class _Char(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str  # the PDF font name as the engine gives it ("ABCDEF+TimesNewRoman")
    # "(cid:n)" stands for a character without a Unicode mapping, and _LINE_HYPHEN for a
    # hyphen ending a line whose code pdfium does not give: "-", or a soft hyphen (0xAD, which
    # is "ư" in a TCVN3 layer) — the decoder tells which from the font's encoding.
    direction: str  # "upright", "down", "up", "flip" or "mirror" (see text._direction)


@dataclass(slots=True)
class _Drawn:
    """One page as an engine read it."""

    width: float
    height: float
    chars: list[_Char]
    tables: list[list[Box]]  # the cells of each ruled table
    images: int


class _Document(Protocol):
    """An open PDF, page by page."""

    def __len__(self) -> int: ...

    def weigh(self, index: int) -> tuple[int, int]:
        """Drawing operations and decoded content bytes of page ``index``, before parsing it."""
        ...

    def read(self, index: int) -> _Drawn: ...

    def close(self) -> None: ...


def _open_document(data: bytes, source: str, options: Options) -> _Document:
    """The document opened by the engine ``options.pdf_engine`` names."""
    if options.pdf_engine == "pdfplumber":
        from .pdfplumber import _PlumberDocument

        return _PlumberDocument(data, source, options)
    from .pdfium import _PdfiumDocument

    return _PdfiumDocument(data, source, options)
