"""The neutral document model every reader produces: paragraphs and tables of text cells.

A reader turns its format into a :class:`Grid` — a sequence of blocks in document order, each
a :class:`Paragraph` or a :class:`Table` of :class:`Row` — and knows nothing about targets.
Cell text keeps the document's own line breaks ("\\n" between paragraphs); cleaning happens later.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Location, Unparsed


@dataclass(slots=True)
class Row:
    """One table row: the text of each grid column, and where the row came from.

    A cell spanning several columns (gridSpan, a merged range) holds its text in its first
    column and "" in the others; a cell spanning rows holds its text in every row it covers.
    ``numeric`` holds the positions of the cells that were numbers in a spreadsheet (shown as
    the sheet shows them, with the decimal comma: a "1.2" stored as a number reads "1,2").
    """

    cells: list[str]
    location: Location = field(default_factory=Location)
    numeric: frozenset[int] = frozenset()


@dataclass(slots=True)
class Table:
    """A table as the reader found it; ``index`` counts tables from 1 in document order.

    ``name`` is the named part of the document holding the table (an Excel sheet's title),
    None in formats without named parts.
    """

    rows: list[Row]
    index: int = 1
    name: str | None = None

    @property
    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


@dataclass(slots=True)
class Paragraph:
    """A line or paragraph of running text outside any table; ``name`` as in :class:`Table`."""

    text: str
    location: Location = field(default_factory=Location)
    name: str | None = None


Block = Paragraph | Table


@dataclass(slots=True)
class Grid:
    """A document's blocks in reading order, plus what the reader itself could not place."""

    blocks: list[Block]
    format: str
    unplaced: list[Unparsed] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def text(self) -> str:
        """The document as plain text in reading order: a line per paragraph (its own line
        breaks kept), a line per table row with its cells separated by tabs (a cell's line
        breaks become spaces, so that a row stays one line)."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                lines.append(block.text)
                continue
            for row in block.rows:
                lines.append("\t".join(" ".join(c.split("\n")) for c in row.cells))
        return "\n".join(lines) + ("\n" if lines else "")
