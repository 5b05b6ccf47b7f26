"""The page model every PDF engine fills: a page's characters, the cells of its ruled tables
and its images, in pdfplumber's coordinates (points from the top-left of the page as shown)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Protocol

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
    image_cover: float = 0.0  # the share of the page its largest image covers (0–1)


class _Document(Protocol):
    """An open PDF, page by page."""

    def __len__(self) -> int: ...

    def weigh(self, index: int) -> tuple[int, int]:
        """Drawing operations and decoded content bytes of page ``index``, before parsing it."""
        ...

    def read(self, index: int) -> _Drawn: ...

    def close(self) -> None: ...
