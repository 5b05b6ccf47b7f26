"""Ruled tables: cell text from pdfplumber's cells, merged cells, rows holding several entries."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from .text import _Decoder, _Glyph, _join_lines, _Line, _lines

Box = tuple[float, float, float, float]


@dataclass(slots=True)
class _RuledTable:
    bbox: tuple[float, float, float, float]
    rows: list[tuple[list[str], tuple[float, float, float, float]]]


def _row_boxes(cells: list[Box]) -> list[Box]:
    """The rows of a table from its cells: one per distinct cell top, down to the next one."""
    tops = sorted({round(c[1], 1) for c in cells})
    x0, x1 = min(c[0] for c in cells), max(c[2] for c in cells)
    bottom = max(c[3] for c in cells)
    return [(x0, top, x1, nxt) for top, nxt in zip(tops, [*tops[1:], bottom])]


def _ruled_table(
    cells: list[Box],
    row_boxes: list[Box],
    box: Box,
    glyphs: list[_Glyph],
    decoder: _Decoder,
) -> _RuledTable:
    """Cell texts of a ruled table: a cell merged across columns gives its text to the first
    column and "" to the others; one merged across rows gives it to every row it covers.

    A ruled row whose first column holds several entries (a table ruled between columns but
    not between rows) is split where each entry starts.
    """
    col_starts = sorted({round(c[0], 1) for c in cells})
    width = len(col_starts)
    row_tops = [b[1] for b in row_boxes]
    spans: list[list[str]] = [[""] * width for _ in row_boxes]  # cells merged over rows
    own: dict[tuple[int, int], list[_Line]] = {}  # cells of exactly one row: their lines
    glyphs = sorted(glyphs, key=lambda g: (g.top + g.bottom) / 2)
    middles = [(g.top + g.bottom) / 2 for g in glyphs]
    for x0, top, x1, bottom in cells:
        lo, hi = bisect.bisect_left(middles, top), bisect.bisect_right(middles, bottom)
        lines = _lines([g for g in glyphs[lo:hi] if x0 <= (g.x0 + g.x1) / 2 <= x1], decoder)
        if not lines:
            continue
        column = max(min(bisect.bisect_right(col_starts, round(x0, 1) + 0.5) - 1, width - 1), 0)
        covered = []
        for r in range(bisect.bisect_left(row_tops, top - 1), len(row_boxes)):
            if row_boxes[r][3] > bottom + 1:
                break
            covered.append(r)
        if len(covered) == 1:
            own[(covered[0], column)] = lines
        for r in covered:
            spans[r][column] = _join_lines(line.text for line in lines)

    rows: list[tuple[list[str], Box]] = []
    for r, row_box in enumerate(row_boxes):
        starts = _entry_starts(own.get((r, 0), []))
        if len(starts) < 2:
            rows.append((spans[r], _round_box(row_box)))
            continue
        bounds = [*starts[1:], row_box[3] + 1]
        for k, (top, bottom) in enumerate(zip([row_box[1], *starts[1:]], bounds)):
            texts = []
            for c in range(width):
                cell_lines = own.get((r, c))
                if cell_lines is None:
                    texts.append(spans[r][c] if k == 0 else "")
                    continue
                mine = [ln for ln in cell_lines if top - 1 <= ln.top < bottom - 1]
                texts.append(_join_lines(ln.text for ln in mine))
            rows.append((texts, _round_box((row_box[0], top, row_box[2], min(bottom, row_box[3])))))
    return _RuledTable(bbox=_round_box(box), rows=rows)


def _entry_starts(lines: list[_Line]) -> list[float]:
    """Where the entries of a first-column cell start, when it holds several: short labels
    on lines of their own, numbers among them ("1", "2", "II"; not a wrapped "Số / TT"), or
    blocks of lines with blank space between."""
    if len(lines) < 2:
        return []
    if (
        all(len(ln.text) <= 8 for ln in lines)
        and sum(any(ch.isdigit() for ch in ln.text) for ln in lines) >= 2
    ):
        return [ln.top for ln in lines]
    starts = [lines[0].top]
    for prev, line in itertools.pairwise(lines):
        if line.top - prev.bottom > 0.6 * line.size:
            starts.append(line.top)
    return starts if len(starts) > 1 else []


def _round_box(box: Box) -> Box:
    return (round(box[0], 2), round(box[1], 2), round(box[2], 2), round(box[3], 2))
