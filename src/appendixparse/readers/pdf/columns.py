"""The columns of a document's unruled table, from every page at once.

A table drawn without rules shows its columns only as the blank strips (gutters) that no
cell's text crosses. One line can mislead — a justified cell's wide spaces, a header centred
over two columns, a cell left empty — but over the whole table the gutters stay blank while
the columns fill. So the text of every line between the table's first and last rows, on every
page, is projected onto the x-axis: a gutter is a strip that at most a few lines cross, fewer
than cross the columns on either side of it. Section rows ("I. CẢI CÁCH THỂ CHẾ") are written
across the columns and are left out of the projection.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median

from ...text.vocabulary import SECTION_PREFIXES
from .text import _Line, _Word

_MIN_ROW_LINES = 3  # lines with text in three columns or more: fewer make no table
_MIN_COLUMNS = 3
_HEADING_LINES = 2  # a column's heading wraps over this many lines at most
_CROSSINGS = 0.05  # a gutter is crossed by at most this share of the table's lines…
_GUTTER = 0.5  # …and is at least this wide, in units of the text's font size
_ALIGN = 0.25  # edges closer than this (in font sizes) are aligned
_EVEN_GAPS = 0.2  # the gaps between the words of a justified line differ by less than this
_STRAY = 0.1  # the share of lines that may break a pattern (a signature, a wrapped title)

_PREFIX = "|".join(re.escape(p) for p in SECTION_PREFIXES)
_SECTION_ROW = re.compile(
    rf"^(?:(?:{_PREFIX})\s+)?(?:[IVX]{{1,4}}|[A-HJ-UWYZĐ])[.:]?(?:\s|$)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class ColumnModel:
    """Where the columns of a document's unruled table lie: their extents, left to right,
    and where the text of each starts on the lines that made the model."""

    extents: tuple[tuple[float, float], ...]
    lefts: tuple[tuple[float, ...], ...]
    first: tuple[int, float]  # (page, top) of the table's first line with three columns…
    last: tuple[int, float]  # …and of its last: no row of it starts above or below them

    def holds(self, page: int, line: _Line) -> bool:
        """Is ``line`` of ``page`` between the table's first and last lines?"""
        return self.first <= (page, line.top) <= self.last

    @property
    def bounds(self) -> list[float]:
        """The middle of each gutter: a point left of the first bound is in column 0."""
        return [(a[1] + b[0]) / 2 for a, b in zip(self.extents, self.extents[1:])]


def _extent(segment: list[_Word]) -> tuple[float, float]:
    return segment[0].x0, max(w.x1 for w in segment)


def document_columns(pages: Iterable[tuple[int, list[_Line]]]) -> ColumnModel | None:
    """The column model of the unruled table that the lines of ``pages`` (page number, lines)
    hold, or None when too few lines have text in three columns or more for a table to show."""
    placed = [(number, line) for number, page in pages for line in page]
    lines = [line for _, line in placed]
    rows = [i for i, line in enumerate(lines) if len(line.segments) >= _MIN_COLUMNS]
    if len(rows) < _MIN_ROW_LINES:
        return None
    band = [
        line
        for line in lines[rows[0] : rows[-1] + 1]
        if len(line.segments) >= 2 and not _SECTION_ROW.match(line.text)
    ]
    spans = [_extent(seg) for line in band for seg in line.segments]
    lo, hi = min(x0 for x0, _ in spans), max(x1 for _, x1 in spans)
    width = int(hi - lo) + 2
    # coverage[x]: how many segments cross the point lo + x (a difference array, 1 pt steps)
    steps = [0] * (width + 1)
    for x0, x1 in spans:
        steps[int(x0 - lo)] += 1
        steps[int(x1 - lo) + 1] -= 1
    coverage, running = [], 0
    for step in steps[:width]:
        running += step
        coverage.append(running)
    size = median(line.size for line in band)
    # A header centred over two columns crosses their gutter on every page it heads.
    pages_spanned = placed[rows[-1]][0] - placed[rows[0]][0] + 1
    limit = max(pages_spanned, int(_CROSSINGS * len(band)))
    cuts = [lo + (a + b) / 2 for a, b in _gutters(coverage, limit, _GUTTER * size)]
    cuts = _merge_lonely(_merge_justified(cuts, band, lo, hi), band)
    if len(cuts) + 1 < _MIN_COLUMNS:
        return None
    extents: list[list[float]] = [[hi, lo] for _ in range(len(cuts) + 1)]
    lefts: list[list[float]] = [[] for _ in extents]
    for x0, x1 in spans:
        index = bisect.bisect_right(cuts, (x0 + x1) / 2)
        extents[index][0] = min(extents[index][0], x0)
        right = cuts[index] if index < len(cuts) else x1
        extents[index][1] = max(extents[index][1], min(x1, right))
        lefts[index].append(x0)
    if any(not found for found in lefts):
        return None
    (first_page, first), (last_page, last) = placed[rows[0]], placed[rows[-1]]
    return ColumnModel(
        extents=tuple((a, b) for a, b in extents),
        lefts=tuple(tuple(v) for v in lefts),
        first=(first_page, first.top),
        last=(last_page, last.top),
    )


def _gutters(coverage: list[int], limit: int, narrowest: float) -> list[tuple[int, int]]:
    """The strips that fewer lines cross than cross the text on either side of them, at least
    ``narrowest`` wide: first those no line crosses, then, where none was found, those at
    most ``limit`` lines cross (a header centred over two columns, a cell's long word)."""
    found: list[tuple[int, int]] = []
    for level in range(limit + 1):
        for a, b in _strips(coverage, level, narrowest):
            if not any(a <= x <= b or x <= a <= y for x, y in found):
                found.append((a, b))
    return sorted(found)


def _strips(coverage: list[int], level: int, narrowest: float) -> list[tuple[int, int]]:
    """The strips crossed by at most ``level`` lines, inside the text and with more
    crossings on both sides than inside."""
    strips: list[tuple[int, int]] = []
    start: int | None = None
    for x, n in enumerate([*coverage, level + 1]):
        if n <= level and start is None:
            start = x
        elif n > level and start is not None:
            strips.append((start, x - 1))
            start = None
    # Strips too narrow for a gutter are no bounds of the text beside one either (a word's
    # end one point from a gutter leaves a sliver of it apart).
    inner = [
        (a, b) for a, b in strips if a > 0 and b < len(coverage) - 1 and b - a + 1 >= narrowest
    ]
    found: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(inner):
        left_end = inner[k - 1][1] + 1 if k else 0
        right_end = inner[k + 1][0] if k + 1 < len(inner) else len(coverage)
        inside = max(coverage[a : b + 1])
        # Crossed by some lines, a strip must be crossed by fewer than half as many lines as
        # the text on either side: a column of few cells has strips between its words.
        enough = 2 * inside + 1
        if min(max(coverage[left_end:a]), max(coverage[b + 1 : right_end])) >= enough:
            found.append((a, b))
    return found


def _merge_justified(cuts: list[float], lines: list[_Line], lo: float, hi: float) -> list[float]:
    """Leave out the cuts inside one justified column: justification widens every space of
    a line alike, so a narrow cell's words ("Đã   thực   hiện") leave blank strips as wide as
    gutters, the same on every line that says the same. A cut is inside a column when every
    line with text on both sides of it but a few is one evenly spaced run of words from the
    left edge of the text left of it to the right edge of the text right of it, and hardly any
    has text right of it alone."""
    cuts = list(cuts)
    k = 0
    while k < len(cuts):
        left = cuts[k - 1] if k else lo - 1
        right = cuts[k + 1] if k + 1 < len(cuts) else hi + 1
        if _one_justified_column(lines, left, cuts[k], right):
            del cuts[k]
            k = max(0, k - 1)
        else:
            k += 1
    return cuts


def _one_justified_column(lines: list[_Line], left: float, cut: float, right: float) -> bool:
    both: list[tuple[float, list[_Word]]] = []
    before: list[tuple[float, list[_Word]]] = []
    alone = touching = 0
    for line in lines:
        words = [w for w in line.words if left < (w.x0 + w.x1) / 2 < right]
        if not words:
            continue
        touching += 1
        after = sum((w.x0 + w.x1) / 2 > cut for w in words)
        if after == len(words):
            alone += 1  # text right of the cut alone: the columns hold text apart
        elif after:
            both.append((line.size, words))
        else:
            before.append((line.size, words))
    if len(both) < 2 or alone > _STRAY * touching:
        return False
    # Lines of two words show no justification (one gap is even whatever it is) without a
    # paragraph's last line, flush left, among them: the headings of two narrow columns
    # ("Đang | Chưa" over "thực | thực") are no justified cell.
    if not before and all(len(words) < 3 for _, words in both):
        return False
    x0 = min(words[0].x0 for _, words in both)
    x1 = max(words[-1].x1 for _, words in both)
    justified = 0
    for size, words in both:
        gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(words)]
        justified += (
            max(gaps) - min(gaps) <= _EVEN_GAPS * size
            and words[0].x0 - x0 <= _ALIGN * size
            and x1 - words[-1].x1 <= _ALIGN * size
        )
    # Every line of a justified column starts at its left edge, its last lines too; a tick
    # ("X") under the first of two headers sits in the middle of it.
    flush = sum(abs(words[0].x0 - x0) <= _ALIGN * size for size, words in before)
    return justified >= (1 - _STRAY) * len(both) and flush >= (1 - _STRAY) * len(before)


def _overlapped(
    extent: tuple[float, float], column: int, starts: list[float], ends: list[float], size: float
) -> range:
    """The columns a segment centred in ``column`` holds text in: its own, and those whose
    text it reaches into by more than half a letter (``starts`` and ``ends``: where each
    column's text starts and ends)."""
    x0, x1 = extent
    margin = 0.5 * size
    first = column
    while first > 0 and x0 < ends[first - 1] - margin:
        first -= 1
    last = column
    while last + 1 < len(starts) and x1 > starts[last + 1] + margin:
        last += 1
    return range(first, last + 1)


def _heads_empty(cuts: list[float], k: int, lines: list[_Line]) -> bool:
    """Is the text right of cut ``k`` the heading of a column left empty below: on the
    header's lines alone (the band's first two, and where they repeat), right of the text
    left of the cut, which has a heading of its own? A heading over a column of its own cells
    starts at or before them ("Đạt" left-aligned over a column of centred "X"); one centred
    over a wide column of short lines can stand right of them all, the column's only one."""
    # The header: the band's first line, and the next when it has no text in the first column
    # (a body row's first line has: its STT, or its target where no STT column is).
    header = {
        line.text
        for n, line in enumerate(lines[:_HEADING_LINES])
        if n == 0 or _extent(line.segments[0])[1] > cuts[0]
    }
    left: list[float] = []
    right: list[float] = []
    left_headed = False
    for line in lines:
        for seg in line.segments:
            x0, x1 = _extent(seg)
            column = bisect.bisect_right(cuts, (x0 + x1) / 2)
            if column == k:
                left.append(x1)
                left_headed = left_headed or line.text in header
            elif column == k + 1:
                if line.text not in header:
                    return False
                right.append(x0)
    return left_headed and bool(right) and min(right) > max(left)


def _merge_lonely(cuts: list[float], lines: list[_Line]) -> list[float]:
    """Leave out the cuts between two columns that never hold text on the same line: a
    header wider than its column's cells ("Đạt" over a column of "X") is no column of its
    own."""
    cuts = list(cuts)
    while cuts:
        placed = [
            (line, extent, bisect.bisect_right(cuts, sum(extent) / 2))
            for line in lines
            for extent in map(_extent, line.segments)
        ]
        starts, ends = [float("inf")] * (len(cuts) + 1), [float("-inf")] * (len(cuts) + 1)
        for _, (x0, x1), column in placed:
            starts[column], ends[column] = min(starts[column], x0), max(ends[column], x1)
        used: dict[int, set[int]] = {}
        for line, extent, column in placed:
            # A merged title across columns holds text in each ("Kết quả thực hiện" over
            # two, beside "Ghi chú" over a column left empty below).
            reached = _overlapped(extent, column, starts, ends, line.size)
            used.setdefault(id(line), set()).update(reached)
        together = {
            a
            for columns in used.values()
            for a, b in itertools.pairwise(sorted(columns))
            if b == a + 1
        }
        lonely = next(
            (k for k in range(len(cuts)) if k not in together and not _heads_empty(cuts, k, lines)),
            None,
        )
        if lonely is None:
            break
        del cuts[lonely]
    return cuts
