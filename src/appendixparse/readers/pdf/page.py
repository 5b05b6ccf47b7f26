"""One page as an engine drew it: its ruled tables and the lines of text outside them."""

from __future__ import annotations

from dataclasses import dataclass

from .engines import _Drawn
from .ruled import Box, _row_boxes, _ruled_table, _RuledTable
from .text import _Decoder, _Glyph, _glyphs, _Line, _lines, _orientation, _turner


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    tables: list[_RuledTable]
    lines: list[_Line]  # the text outside ruled tables
    glyphs: int = 0
    unmapped: int = 0  # glyphs without a Unicode mapping


def _read_page(drawn: _Drawn, number: int, decoder: _Decoder) -> _Page:
    """One page: its ruled tables (cell text by cell) and the lines of text outside them."""
    chars = drawn.chars
    orientation = _orientation(chars)
    width, height = drawn.width, drawn.height
    turn = _turner(orientation, width, height)
    glyphs, unmapped = _glyphs(chars, orientation, turn)
    if orientation in ("up", "down"):
        width, height = height, width
    decoder.learn(glyphs)
    found: list[tuple[list[Box], list[Box], Box]] = []
    for table in drawn.tables:
        cells = [turn(*c) for c in table] if turn else list(table)
        rows = _row_boxes(cells)
        # One row is enough: the rest of a table's last row, broken by the page break.
        if len({round(c[0], 1) for c in cells}) >= 2:
            box = (
                min(c[0] for c in cells),
                min(c[1] for c in cells),
                max(c[2] for c in cells),
                max(c[3] for c in cells),
            )
            found.append((cells, rows, box))
    inside: list[list[_Glyph]] = [[] for _ in found]
    outside: list[_Glyph] = []
    for g in glyphs:
        cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        for i, (_, _, (x0, top, x1, bottom)) in enumerate(found):
            if x0 <= cx <= x1 and top <= cy <= bottom:
                inside[i].append(g)
                break
        else:
            outside.append(g)
    tables = [
        _ruled_table(cells, rows, box, mine, decoder)
        for (cells, rows, box), mine in zip(found, inside)
    ]
    return _Page(
        number=number,
        width=width,
        height=height,
        tables=tables,
        lines=_lines(outside, decoder),
        glyphs=len(glyphs),
        unmapped=unmapped,
    )
