"""A sheet's cells placed as the user sees them, then cut into paragraphs and tables.

Merged ranges keep their top-left text, repeated in every visible row they cover and in their
first visible column; hidden rows and columns are left out, their text reported. The title rows
above a sheet's table (a row with a single filled cell) become paragraphs, a short two-cell block
such as the national-motto header a small table, and from the first row that fills three cells
(the header) on, the rows make one table. A visible blank row ends a block.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...errors import FileTooLargeError
from ...grid import Block, Paragraph, Row, Table
from ...models import Location, Unparsed
from ...options import Options
from ...text.cleaning import join
from .stream import SheetScan

_WIDE_ROW_CELLS = 3  # a row filling this many cells (the header) starts a sheet's main table


@dataclass(slots=True)
class Budget:
    """Counts cells against the safety limits across a workbook's sheets."""

    source: str
    options: Options
    text_cells: int = 0
    grid_cells: int = 0

    def add_text_cell(self) -> None:
        self.text_cells += 1
        if self.text_cells > self.options.max_table_cells:
            raise FileTooLargeError(
                self.source,
                f"the workbook holds more than {self.options.max_table_cells} filled cells",
            )

    def add_grid_cells(self, count: int) -> None:
        self.grid_cells += count
        if self.grid_cells > self.options.max_table_cells:
            raise FileTooLargeError(
                self.source,
                f"the workbook's tables span more than {self.options.max_table_cells} cells "
                "(merged ranges or far-apart cells)",
            )


@dataclass(slots=True)
class _Spans:
    """Hidden column ranges (min, max), 1-based and inclusive."""

    ranges: list[tuple[int, int]] = field(default_factory=list)

    def __contains__(self, column: object) -> bool:
        return any(lo <= column <= hi for lo, hi in self.ranges)  # type: ignore[operator]


@dataclass(slots=True)
class Sheet:
    """One sheet's cell texts by (row, column), before and after merges and hidden parts."""

    title: str
    cells: dict[int, dict[int, str]]  # row -> column -> text, visible cells only
    hidden: list[tuple[int, str, str]]  # (row, reason, text) of hidden cells holding text
    hidden_rows: set[int]
    columns: list[int] = field(default_factory=list)

    def hidden_text(self) -> list[Unparsed]:
        """One entry per row and reason for text the user cannot see."""
        grouped: dict[tuple[int, str], list[str]] = {}
        for row, reason, text in sorted(self.hidden, key=lambda h: (h[0], h[1])):
            grouped.setdefault((row, reason), []).append(text)
        return [
            Unparsed(text=join(texts), location=Location(sheet=self.title, row=row), reason=reason)
            for (row, reason), texts in grouped.items()
            if join(texts)
        ]

    def bands(self) -> Iterator[list[tuple[int, dict[int, str]]]]:
        """Runs of rows with text, split where a visible blank row lies between them."""
        band: list[tuple[int, dict[int, str]]] = []
        previous = None
        for row in sorted(self.cells):
            if previous is not None and not self._only_hidden_between(previous, row):
                yield band
                band = []
            band.append((row, self.cells[row]))
            previous = row
        if band:
            yield band

    def _only_hidden_between(self, upper: int, lower: int) -> bool:
        gap = lower - upper - 1
        if gap > len(self.hidden_rows):
            return False
        return all(r in self.hidden_rows for r in range(upper + 1, lower))

    def blocks(self, *, first_table: int, budget: Budget) -> list[Block]:
        """The sheet's paragraphs and tables, tables numbered from ``first_table``."""
        # Columns with text somewhere in the sheet: empty spacer columns and the gap to a
        # stray far-off cell vanish, and every table of the sheet keeps the same positions.
        self.columns = sorted({c for cells in self.cells.values() for c in cells})
        blocks: list[Block] = []
        for band in self.bands():
            widest = max(len(cells) for _, cells in band)
            threshold = min(_WIDE_ROW_CELLS, widest)
            start = next(
                (i for i, (_, cells) in enumerate(band) if len(cells) >= max(threshold, 2)),
                len(band),
            )
            run: list[tuple[int, dict[int, str]]] = []
            for row, cells in band[:start]:
                if len(cells) == 1:
                    if run:
                        blocks.append(self._table(run, first_table, budget))
                        first_table += 1
                        run = []
                    blocks.append(self._paragraph(row, next(iter(cells.values()))))
                else:
                    run.append((row, cells))
            if run:
                blocks.append(self._table(run, first_table, budget))
                first_table += 1
            if start < len(band):
                blocks.append(self._table(band[start:], first_table, budget))
                first_table += 1
        return blocks

    def _paragraph(self, row: int, text: str) -> Paragraph:
        return Paragraph(text=text, location=Location(sheet=self.title, row=row), name=self.title)

    def _table(self, rows: list[tuple[int, dict[int, str]]], index: int, budget: Budget) -> Table:
        used = sorted({c for _, cells in rows for c in cells})
        columns = [c for c in self.columns if used[0] <= c <= used[-1]]
        budget.add_grid_cells(len(columns) * len(rows))
        return Table(
            rows=[
                Row(
                    cells=[cells.get(c, "") for c in columns],
                    location=Location(sheet=self.title, row=row),
                )
                for row, cells in rows
            ],
            index=index,
            name=self.title,
        )


def place(scan: SheetScan, budget: Budget) -> Sheet:
    """Apply a scanned sheet's merged ranges and hidden rows and columns to its cells."""
    title, values, row_dims, col_dims, merges = (
        scan.title,
        scan.values,
        scan.row_dims,
        scan.col_dims,
        scan.merges,
    )
    hidden_rows = {int(r) for r, attrs in row_dims.items() if _is_true(attrs.get("hidden"))}
    hidden_cols = _Spans(
        [
            (int(attrs.get("min", 0)), int(attrs.get("max", attrs.get("min", 0))))
            for attrs in col_dims.values()
            if _is_true(attrs.get("hidden"))
        ]
    )
    sheet = Sheet(title=title, cells={}, hidden=[], hidden_rows=hidden_rows)
    if not values:
        return sheet
    last_row = max(values)
    last_col = max(max(cols) for cols in values.values())
    row_numbers = sorted(values)

    if len(merges) > budget.options.max_merged_ranges:
        raise FileTooLargeError(
            budget.source,
            f"sheet {title!r} has more than {budget.options.max_merged_ranges} merged ranges",
        )
    placed: dict[int, dict[int, str]] = {}
    for min_col, min_row, max_col, max_row in merges:
        # Only the top-left cell of a merged range counts; Excel hides the others' values.
        text = values.get(min_row, {}).pop(min_col, None)
        first, last = (
            bisect.bisect_left(row_numbers, min_row),
            bisect.bisect_right(row_numbers, max_row),
        )
        for r in row_numbers[first:last]:
            for c in [c for c in values[r] if min_col <= c <= max_col]:
                del values[r][c]
        if text is None:
            continue
        # A range reaching past the sheet's last filled row or column is cut there.
        max_row, max_col = min(max_row, last_row), min(max_col, last_col)
        budget.add_grid_cells(max(0, max_row - min_row + 1))
        visible_col = next((c for c in range(min_col, max_col + 1) if c not in hidden_cols), None)
        rows = [r for r in range(min_row, max_row + 1) if r not in hidden_rows]
        if visible_col is None or not rows:
            sheet.hidden.append((min_row, "hidden column" if rows else "hidden row", text))
            continue
        for r in rows:
            placed.setdefault(r, {})[visible_col] = text

    for r, cols in values.items():
        for c, text in cols.items():
            if r in hidden_rows:
                sheet.hidden.append((r, "hidden row", text))
            elif c in hidden_cols:
                sheet.hidden.append((r, "hidden column", text))
            else:
                placed.setdefault(r, {})[c] = text
    sheet.cells = {r: cols for r, cols in placed.items() if cols}
    return sheet


def _is_true(flag: object) -> bool:
    return str(flag).strip().lower() in ("1", "true")
