"""The accounting of a document's table rows: every row of every table ends somewhere, once.

A silently missing row makes a unit look as if it never reported, so each stage that takes a
table row says what became of it (a :class:`~.layout.RowFate`): a record (its id), an
indicator, a header, a section or group row, ``unparsed`` (with the reason), preamble text,
an empty row, or a table outside the assessment table (a signature block). :class:`Accounting`
gathers them and names the rows that ended nowhere, or in more than one place::

    from appendixparse.pipeline import account
    accounting = account("bao-cao.docx")
    assert accounting.complete, accounting.problems()

A stage that takes rows (records, indicators, group rows) adds its fates to the ones the
layout gave; the test suite asserts completeness over every sample.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..grid import Grid, Table
from .layout import RowFate

__all__ = ["FATES", "Accounting", "RowFate"]

FATES = (
    "record",
    "indicator",
    "header",
    "section",
    "group",
    "unparsed",
    "preamble",
    "empty",
    "outside",
)


@dataclass(slots=True)
class Accounting:
    """The fates of a grid's table rows, keyed by (block, row) — see :class:`~.layout.RowFate`."""

    grid: Grid
    fates: list[RowFate] = field(default_factory=list)

    def add(self, fates: Iterable[RowFate]) -> None:
        self.fates.extend(fates)

    def rows(self) -> list[tuple[int, int]]:
        """Every table row of the grid, as (block, row)."""
        return [
            (index, number)
            for index, block in enumerate(self.grid.blocks)
            if isinstance(block, Table)
            for number in range(len(block.rows))
        ]

    def of(self, block: int, row: int) -> list[RowFate]:
        """The fates of one row (exactly one when all is well)."""
        return [f for f in self.fates if (f.block, f.row) == (block, row)]

    def problems(self) -> list[str]:
        """One line per row that ended nowhere, in more than one place, or in an unknown way."""
        counts = Counter((f.block, f.row) for f in self.fates)
        problems = []
        for block, row in self.rows():
            count = counts.pop((block, row), 0)
            if count != 1:
                table = self.grid.blocks[block]
                assert isinstance(table, Table)
                cells = " | ".join(
                    c.strip()[:30].strip() for c in table.rows[row].cells if c.strip()
                )
                kinds = ", ".join(f.kind for f in self.of(block, row)) or "nothing"
                problems.append(f"table {table.index} row {row + 1} ({cells!r}): {kinds}")
        problems.extend(f"block {b} row {r}: no such table row" for (b, r) in counts)
        problems.extend(f"{f}: unknown fate" for f in self.fates if f.kind not in FATES)
        return problems

    @property
    def complete(self) -> bool:
        """True when every table row has exactly one fate."""
        return not self.problems()

    def count(self, kind: str) -> int:
        """How many rows ended as ``kind``."""
        return sum(f.kind == kind for f in self.fates)
