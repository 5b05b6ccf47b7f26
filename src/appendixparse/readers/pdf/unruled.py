"""Unruled tables: lines whose text sits in aligned columns, gathered into rows."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from ...grid import Row
from ...models import Location
from ...text.cleaning import clean
from ...text.numbering import is_column_numbers, looks_like_numbering, parse_section
from ...text.vocabulary import SECTION_PREFIXES
from .columns import _ALIGN, _EVEN_GAPS, _PREFIX, ColumnModel, _extent
from .text import _SEGMENT_GAP, _join_lines, _Line, _Word

_MAX_HEADER_CELL = 300  # longer cells are body text, not a header's wrapped rest
_WRAPPED_HEADER_LINES = 3  # a header cell wrapped over at most this many rows of its own
# Distances are in units of the font size of the text concerned.
_ROW_GAP = 0.9  # a blank wider than this between lines ends an unruled table…
_ROW_GAP_ALIGNED = 1.8  # …unless the next line sits in the table's columns


@dataclass(slots=True)
class _Column:
    x0: float
    x1: float
    lefts: list[float]
    rights: list[float]
    centres: list[float]

    @classmethod
    def of(cls, x0: float, x1: float) -> _Column:
        return cls(x0, x1, [x0], [x1], [(x0 + x1) / 2])

    def add(self, x0: float, x1: float) -> None:
        self.x0, self.x1 = min(self.x0, x0), max(self.x1, x1)
        self.lefts.append(x0)
        self.rights.append(x1)
        self.centres.append((x0 + x1) / 2)

    def aligned(self, x0: float, x1: float, tolerance: float) -> bool:
        centre = (x0 + x1) / 2
        return (
            any(abs(x0 - v) <= tolerance for v in self.lefts)
            or any(abs(x1 - v) <= tolerance for v in self.rights)
            or any(abs(centre - v) <= tolerance for v in self.centres)
        )

    def copy(self) -> _Column:
        return _Column(self.x0, self.x1, list(self.lefts), list(self.rights), list(self.centres))


@dataclass(slots=True)
class _Run:
    """Lines being gathered into an unruled table, and the columns they define.

    Columns grow from the segments of the lines (text separated by wide gaps); a line whose
    segments share one column splits it (a two-row header under a merged cell), a segment
    across several columns is a merged cell when it starts where a column's text starts.
    Carried over a page break, the columns are frozen so that every part has the same width.
    """

    columns: list[_Column]
    lines: list[_Line] = field(default_factory=list)
    multi: int = 0  # lines with text in two or more columns
    carried: bool = False
    span_lefts: list[float] = field(default_factory=list)  # where rows across the table start
    continued: set[int] = field(default_factory=set)  # lines that go on the line above's cell
    span_rows: list[int] = field(default_factory=list)  # the lines of rows across the table
    model: ColumnModel | None = None  # the document's columns, when the run is laid on them
    page_top: bool = False  # goes on from the page before: its first lines may end a row

    def overlapping(self, x0: float, x1: float) -> list[int]:
        return [i for i, c in enumerate(self.columns) if min(c.x1, x1) - max(c.x0, x0) > 0]

    def fits(self, line: _Line) -> bool:
        """Can ``line`` join the run? If so, it is added and the columns are updated."""
        tolerance = _ALIGN * line.size
        single = len(line.segments) == 1
        if single and self.columns and self._spans(line, tolerance):
            self.lines.append(line)
            return True
        plan: list[tuple[tuple[float, float], list[int]]] = []
        for seg in line.segments:
            x0, x1 = _extent(seg)
            cols = self.overlapping(x0, x1)
            if not cols and self.carried:
                cols = self._nearest(x0, x1, _SEGMENT_GAP * line.size)
            if len(cols) > 1:
                # A merged cell (a section title) starts where a column's text starts.
                if self.multi < 2 or not any(
                    abs(x0 - v) <= tolerance for i in cols for v in self.columns[i].lefts
                ):
                    return False
                cols = []  # spans: it does not shape the columns
                plan.append(((x0, x1), [-1]))
                continue
            if single and (not cols or not self.columns[cols[0]].aligned(x0, x1, tolerance)):
                return False
            plan.append(((x0, x1), cols))
        merged = self._justified(line, plan, tolerance)
        if merged:
            plan = [entry for k, entry in enumerate(plan) if k not in merged]
        shared = Counter(cols[0] for _, cols in plan if len(cols) == 1 and cols[0] >= 0)
        if self.carried and (any(n > 1 for n in shared.values()) or any(not c for _, c in plan)):
            return False
        for index in sorted((i for i, n in shared.items() if n > 1), reverse=True):
            self._split(index, [extent for extent, cols in plan if cols == [index]])
        for (x0, x1), cols in plan:
            if cols == [-1]:
                continue
            if cols and shared[cols[0]] == 1:
                self.columns[cols[0]].add(x0, x1)
            elif not cols:
                self.columns.append(_Column.of(x0, x1))
        self.columns.sort(key=lambda c: c.x0)
        if merged:
            line.segments = _merge_segments(line.segments, merged)
        self.lines.append(line)
        self.multi += not single
        return True

    def _spans(self, line: _Line, tolerance: float) -> bool:
        """A row written across the table from its left edge: a section row ("I. CẢI CÁCH
        THỂ CHẾ", "Phần II", "A. …") starting left of the first column's text (a centred
        header), or at its start and reaching past it, or the
        next line of such a row's wrapped text, starting where it starts."""
        x0, x1 = _extent(line.segments[0])
        first = self.columns[0]
        across = x0 < first.x0 - tolerance or (x0 <= first.x0 + tolerance and x1 > first.x1)
        if across and _SECTION_ANCHOR.match(line.text):
            self.span_lefts.append(x0)
            self.span_rows.append(len(self.lines))
            return True
        last = len(self.lines) - 1
        if (
            self.span_rows
            and self.span_rows[-1] == last
            and self.lines[last].top < line.top
            and abs(x0 - self.span_lefts[-1]) <= tolerance
            and not _ANCHOR.match(line.text)
        ):
            self.continued.add(len(self.lines))
            self.span_rows.append(len(self.lines))
            return True
        return False

    def _justified(
        self, line: _Line, plan: list[tuple[tuple[float, float], list[int]]], tolerance: float
    ) -> dict[int, int]:
        """Segments of ``line`` that are one cell's justified text: several segments in one
        known column, starting where the column's text starts, with the words evenly spaced
        (justification widens every space of a line alike, so a narrow column's gaps can pass
        for column gaps). Gives, for each segment to fold, the segment it joins; the others
        (a lower header row under a merged cell: "Kết quả   Giải pháp") split the column."""
        merged: dict[int, int] = {}
        by_column: dict[int, list[int]] = {}
        for k, (_, cols) in enumerate(plan):
            if len(cols) == 1 and cols[0] >= 0:
                by_column.setdefault(cols[0], []).append(k)
        for index, ks in by_column.items():
            if len(ks) < 2:
                continue
            column = self.columns[index]
            start = plan[ks[0]][0][0]
            known = sum(abs(start - v) <= tolerance for v in column.lefts)
            words = [w for k in ks for w in line.segments[k]]
            # A column seen once (a wrapped header's first line) vouches for a justified
            # line that fills it edge to edge with three words or more; a lower header row
            # under a merged cell neither starts nor ends where the merged text does.
            filled = (
                known == 1
                and len(words) >= 3
                and any(abs(plan[ks[-1]][0][1] - v) <= tolerance for v in column.rights)
            )
            if known < (1 if self.carried else 2) and not filled:
                continue
            gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(words)]
            if max(gaps) - min(gaps) > _EVEN_GAPS * line.size:
                continue
            merged.update((k, ks[0]) for k in ks[1:])
            plan[ks[0]] = ((start, plan[ks[-1]][0][1]), [index])
        return merged

    def _nearest(self, x0: float, x1: float, reach: float) -> list[int]:
        distance = [(max(c.x0 - x1, x0 - c.x1), i) for i, c in enumerate(self.columns)]
        best = min(distance, default=None)
        return [best[1]] if best is not None and best[0] <= reach else []

    def _split(self, index: int, extents: list[tuple[float, float]]) -> None:
        """Split column ``index`` between the segments of one line that all fell in it."""
        old = self.columns.pop(index)
        extents.sort()
        cuts = [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(extents)]
        parts = [_Column.of(x0, x1) for x0, x1 in extents]
        for values, name in (
            (old.lefts, "lefts"),
            (old.rights, "rights"),
            (old.centres, "centres"),
        ):
            for v in values:
                getattr(parts[bisect.bisect_right(cuts, v)], name).append(v)
        parts[0].x0 = min(parts[0].x0, old.x0)
        parts[-1].x1 = max(parts[-1].x1, old.x1)
        self.columns[index:index] = parts

    def settle(self) -> None:
        """Merge neighbouring columns that never hold text on the same line (a centred header
        over left-aligned cells can look like a column of its own)."""
        if self.carried:
            return
        while len(self.columns) > 1:
            bounds = _bounds(self.columns)
            together: set[tuple[int, int]] = set()
            for line in self.lines:
                used = sorted(
                    {bisect.bisect_right(bounds, sum(_extent(seg)) / 2) for seg in line.segments}
                )
                together.update(itertools.pairwise(used))
            lonely = next(
                (
                    i
                    for i in range(len(self.columns) - 1)
                    if (i, i + 1) not in together or self._one_column(i, bounds)
                ),
                None,
            )
            if lonely is None:
                return
            a, b = self.columns[lonely], self.columns.pop(lonely + 1)
            a.x0, a.x1 = min(a.x0, b.x0), max(a.x1, b.x1)
            a.lefts += b.lefts
            a.rights += b.rights
            a.centres += b.centres

    def _one_column(self, index: int, bounds: list[float]) -> bool:
        """Are columns ``index`` and ``index + 1`` one column whose justified lines were cut
        at their wide spaces? Every line with text in both is then evenly spaced and fills
        the pair from the first one's left edge to the second one's right edge."""
        a, b = self.columns[index], self.columns[index + 1]
        both = False
        for line in self.lines:
            words = [
                w
                for seg in line.segments
                if bisect.bisect_right(bounds, sum(_extent(seg)) / 2) in (index, index + 1)
                for w in seg
            ]
            if words and all(w.x0 >= a.x1 for w in words):
                # Text in the second alone ("Đạt | Không đạt" ticked with an "X" in either):
                # every line of one justified column starts at its left edge.
                return False
            if not words or all(w.x1 <= b.x0 for w in words):
                continue
            tolerance = _ALIGN * line.size
            gaps = [q.x0 - p.x1 for p, q in itertools.pairwise(words)]
            if (
                abs(words[0].x0 - a.x0) > tolerance
                or max(w.x1 for w in words) < b.x1 - tolerance
                or (gaps and max(gaps) - min(gaps) > _EVEN_GAPS * line.size)
            ):
                return False
            both = True
        return both


def _merge_segments(segments: list[list[_Word]], merged: dict[int, int]) -> list[list[_Word]]:
    """The segments with each folded segment appended to the one it joins."""
    out: dict[int, list[_Word]] = {}
    for k, seg in enumerate(segments):
        out.setdefault(merged.get(k, k), []).extend(seg)
    return list(out.values())


def _bounds(columns: list[_Column]) -> list[float]:
    return [(a.x1 + b.x0) / 2 for a, b in itertools.pairwise(columns)]


def _start_run(line: _Line) -> _Run:
    run = _Run(columns=[_Column.of(*_extent(seg)) for seg in line.segments])
    run.lines.append(line)
    run.multi = 1
    return run


def _carry(run: _Run) -> _Run:
    """A fresh run on the next page with the (frozen) columns of ``run``."""
    return _Run(columns=[c.copy() for c in run.columns], multi=max(run.multi, 2), carried=True)


def _gap_allows(run: _Run, line: _Line) -> bool:
    gap = line.top - run.lines[-1].bottom
    if gap <= _ROW_GAP * line.size:
        return True
    if gap > _ROW_GAP_ALIGNED * line.size or len(line.segments) < 2:
        return False
    tolerance = _ALIGN * line.size
    return all(
        any(any(abs(seg[0].x0 - v) <= tolerance for v in c.lefts) for c in run.columns)
        for seg in line.segments
    )


def _runs(lines: list[_Line], carried: _Run | None) -> list[_Line | _Run]:
    """Split a page's lines into unruled tables (runs) and the lines between them."""
    out: list[_Line | _Run] = []
    run: _Run | None = carried
    for line in lines:
        if run is not None and (not run.lines or _gap_allows(run, line)) and run.fits(line):
            continue
        if run is not None and run.lines:
            out.append(run)
        run = None
        if len(line.segments) > 1:
            run = _start_run(line)
        else:
            out.append(line)
    if run is not None and run.lines:
        out.append(run)
    for part in out:
        if isinstance(part, _Run):
            part.settle()
    return out


def _model_runs(
    lines: list[_Line], model: ColumnModel, page: int, *, continued: bool
) -> list[_Line | _Run]:
    """Split a page's lines into the parts of the document's unruled table (whose columns
    ``model`` gives) and the lines between them; the lines that are no part of it are read
    as before, on their own (a motto table above, a signature block below). ``continued``:
    the table went on to the foot of the page before, so the page's first lines (the rest of
    a row the page break cut) go on it."""
    out: list[_Line | _Run] = []
    run: _Run | None = (
        _Run(columns=_model_columns(model), carried=True, model=model, page_top=True)
        if continued
        else None
    )
    loose: list[_Line] = []

    def flush() -> None:
        if loose:
            out.extend(_runs(loose, None))
            loose.clear()

    for line in lines:
        if (
            run is not None
            and (not run.lines or _gap_allows(run, line))
            and _joins_model(run, line, model)
        ):
            run.lines.append(line)
            run.multi += len(line.segments) > 1
            continue
        if run is not None and run.lines:
            out.append(run)
        run = None
        if model.holds(page, line) and _starts_model_row(line, model):
            flush()
            run = _Run(columns=_model_columns(model), carried=True, model=model)
            run.lines.append(line)
            run.multi = 1
        else:
            loose.append(line)
    if run is not None and run.lines:
        out.append(run)
    flush()
    return out


def _model_columns(model: ColumnModel) -> list[_Column]:
    return [
        _Column(x0, x1, list(lefts), [x1], [(x0 + x1) / 2])
        for (x0, x1), lefts in zip(model.extents, model.lefts)
    ]


def _columns_of(seg: list[_Word], bounds: list[float]) -> tuple[int, int]:
    x0, x1 = _extent(seg)
    return bisect.bisect_right(bounds, x0), bisect.bisect_right(bounds, x1)


def _starts_model_row(line: _Line, model: ColumnModel) -> bool:
    """A line with text in two columns or more of the model, none of it across a gutter
    but where a merged cell starts."""
    if len(line.segments) < 2:
        return False
    used: set[int] = set()
    for seg in line.segments:
        if not _in_columns(seg, model, line.size):
            return False
        used.update(column for column, _ in _place(seg, model.bounds, line.size))
    return len(used) >= 2


def _in_columns(seg: list[_Word], model: ColumnModel, size: float) -> bool:
    """Does ``seg`` keep to the model's columns: within one, cut by a space at every gutter
    it crosses (text in two columns closer than a column gap), or a merged cell?"""
    first, last = _columns_of(seg, model.bounds)
    if first == last or (first == 0 and _is_anchor_alone(seg)):
        return True  # "Phần III" reaching past the STT column's narrow text
    if len(_place(seg, model.bounds, size)) == last - first + 1:
        return True
    return _opens_merged(seg, first, last, model, size)


def _is_anchor_alone(seg: list[_Word]) -> bool:
    """Is ``seg`` an STT or a section's numeral and nothing else ("1.2", "Phần III")?"""
    text = " ".join(w.text for w in seg)
    found = _ANCHOR.match(text)
    return found is not None and found.end() >= len(text.rstrip())


def _opens_merged(seg: list[_Word], first: int, last: int, model: ColumnModel, size: float) -> bool:
    """Is ``seg``, across columns ``first`` to ``last``, a merged cell: starting where the
    first one's text starts, or centred over them?"""
    x0, x1 = _extent(seg)
    tolerance = _ALIGN * size
    if any(abs(x0 - v) <= tolerance for v in model.lefts[first]):
        return True
    centre = (model.extents[first][0] + model.extents[last][1]) / 2
    return abs((x0 + x1) / 2 - centre) <= 2 * tolerance


def _joins_model(run: _Run, line: _Line, model: ColumnModel) -> bool:
    """Does ``line`` go on the model's table: a row, a cell's next line within one column,
    a merged cell, or a section row across the table?"""
    if len(line.segments) == 1:
        seg = line.segments[0]
        first, last = _columns_of(seg, model.bounds)
        if first == last or run._spans(line, _ALIGN * line.size):
            return True
        if len(_place(seg, model.bounds, line.size)) == last - first + 1:
            return True
        if _within_cell(seg, model, line.size):
            return True
        return last - first == 1 and _opens_merged(seg, first, last, model, line.size)
    if all(_in_columns(seg, model, line.size) for seg in line.segments):
        return True  # text in columns; in one, a justified line's words set wide apart
    return bool(_SECTION_ANCHOR.match(line.text)) and run._spans(line, _ALIGN * line.size)


def _within_cell(seg: list[_Word], model: ColumnModel, size: float) -> bool:
    """Does ``seg`` keep between the text of the columns beside its own, to half a letter: a
    header's line centred in a narrow column, a little wider than the column's cells?"""
    x0, x1 = _extent(seg)
    column = bisect.bisect_right(model.bounds, (x0 + x1) / 2)
    extents, margin = model.extents, 0.5 * size
    return (column == 0 or extents[column - 1][1] - margin < x0) and (
        column == len(extents) - 1 or x1 < extents[column + 1][0] + margin
    )


def _place(seg: list[_Word], bounds: list[float], size: float) -> list[tuple[int, str]]:
    """The column of each piece of a segment: a segment crossing a column boundary is split
    at a gap wider than a space there, else it is a merged cell and stays whole, in the column
    where it starts."""
    x0, x1 = _extent(seg)
    first, last = bisect.bisect_right(bounds, x0), bisect.bisect_right(bounds, x1)
    if first == last:
        return [(first, " ".join(w.text for w in seg))]
    pieces: list[tuple[int, str]] = []
    column, words = first, [seg[0].text]
    for n, (prev, word) in enumerate(itertools.pairwise(seg)):
        # "Phần" in a narrow STT column sits a space from its section's title, or reaches
        # a little past the column's text
        prefix = n == 0 and prev.text.lower() in _PREFIXES
        end = (prev.x0 + prev.x1) / 2 if prefix else prev.x1
        crossed = [b for b in bounds if end <= b <= word.x0]
        if crossed and (word.x0 - prev.x1 > 0.35 * size or prefix):
            pieces.append((column, " ".join(words)))
            column, words = bisect.bisect_right(bounds, crossed[-1]), []
        words.append(word.text)
    pieces.append((column, " ".join(words)))
    return pieces


# What opens a row's first cell: an STT ("1", "1.2.", "a)"), a section numeral ("II", "A.",
# "Phần II"), alone or before the text.
_ANCHOR = re.compile(
    rf"^(?:\d{{1,3}}(?:\.\d{{1,3}})*[.)]?|[a-zđ]\)|(?:(?:{_PREFIX})\s+)?[IVX]{{1,4}}[.:]?|[A-HJ-UWYZĐ]\.)(?:\s|$)",
    re.IGNORECASE,
)
_PREFIXES = frozenset(p.lower() for p in SECTION_PREFIXES)  # "Phần" wrapped above its "II"
_LABEL_WORDS = 5  # a header's lower row names its columns in as many words at most
_SHORT = 8  # an STT cell's line is at most this long ("1.2.3.", "Phần IV")
_SECTION_ANCHOR = re.compile(
    rf"^(?:(?:{_PREFIX})\s+)?(?:[IVX]{{1,4}}|[A-HJ-UWYZĐ])[.:]?\s+\w", re.IGNORECASE
)


def _centred_span(
    seg: list[_Word], column: int, taken: set[int], model: ColumnModel, size: float
) -> range:
    """The columns a header's text in ``column`` belongs to: the columns it is centred over
    when that is not its own alone (a merged cell's title centred over the columns under it,
    "Kết quả thực hiện" over "Tiến độ | Kết quả đạt được"); the grid puts a merged cell's text
    in the first of them. Columns ``taken`` by other text on the line are no part of it."""
    x0, x1 = _extent(seg)
    centre, tolerance = (x0 + x1) / 2, 2 * _ALIGN * size
    own = model.extents[column]
    if abs(centre - (own[0] + own[1]) / 2) <= 2 * tolerance:
        return range(column, column + 1)
    for first in range(len(model.extents)):
        for last in range(max(first, column), len(model.extents)):
            if first == last or not first <= column <= last or taken & set(range(first, last + 1)):
                continue
            span = (model.extents[first][0] + model.extents[last][1]) / 2
            if abs(centre - span) <= tolerance:
                return range(first, last + 1)
    return range(column, column + 1)


def _under_centred(placed: list[list[list[str]]], spans: list[list[range]], i: int) -> bool:
    """Does line ``i`` start the header's lower row: text in two columns or more under a
    merged title centred over them on a line above, none of it such a title itself?"""
    if spans[i] or any(placed[i][0]):
        return False
    used = {c for c, pieces in enumerate(placed[i]) if pieces}
    return any(len(used & set(span)) >= 2 for above in spans[:i] for span in above)


def _under_merged(placed: list[list[list[str]]], groups: list[list[int]], i: int) -> bool:
    """Does line ``i``, in the first row (the header) still, start the header's lower row:
    text under two columns side by side, the left one's heading above it and the right one's
    empty (cells written from the top: only under a merged cell does a column's heading start
    lower)?"""
    if len(groups) > 1 or any(placed[i][0]):
        return False
    if any(len(text.split()) > _LABEL_WORDS for pieces in placed[i] for text in pieces):
        return False  # a sentence: the rest of a row the page break cut, under the header
    above = [any(placed[j][c] for j in groups[0]) for c in range(len(placed[i]))]
    return any(
        placed[i][c] and placed[i][c + 1] and above[c] and not above[c + 1]
        for c in range(len(placed[i]) - 1)
    )


def _centred_header(lines: list[_Line], model: ColumnModel, bounds: list[float]) -> bool:
    """Are the header's cells centred in their columns rather than written from their left
    edges? Only in a centred header does text centred over several columns tell a merged
    cell (a left-aligned one can be so by chance)."""
    left = centre = 0
    for line in lines:
        if _ANCHOR.match(line.text):
            break
        tolerance = _ALIGN * line.size
        for seg in line.segments:
            x0, x1 = _extent(seg)
            first, last = bisect.bisect_right(bounds, x0), bisect.bisect_right(bounds, x1)
            if first != last:
                continue
            own = model.extents[first]
            at_left = abs(x0 - own[0]) <= tolerance
            in_middle = abs((x0 + x1) / 2 - (own[0] + own[1]) / 2) <= 2 * tolerance
            left += at_left and not in_middle
            centre += in_middle and not at_left
    return centre > left


def _holds_numbers(placed: list[list[list[str]]]) -> bool:
    """Whether the first column is an STT column: its lines are mostly short (numbers, the
    "STT" header, a section numeral)."""
    texts = [cells[0][0] for cells in placed if cells[0]]
    short = sum(len(t) <= _SHORT for t in texts)
    return not texts or short * 2 >= len(texts)


def _run_rows(run: _Run, page: int) -> list[Row]:
    """The rows of an unruled table: a row starts after a wider blank, or where the first
    column has text again; cells hold their lines joined with "\\n"."""
    columns = run.columns
    bounds = _bounds(columns)
    placed: list[list[list[str]]] = []  # per line: per column, its pieces of text
    spans: list[list[range]] = []  # per line: the columns of each merged title centred there
    centred = run.model is not None and _centred_header(run.lines, run.model, bounds)
    gaps = [b.top - a.bottom for a, b in zip(run.lines, run.lines[1:])]
    # A cell's lines set close, from the lower quartile: a scan's line boxes follow the ink,
    # and one pair overlapping would make the least gap no measure.
    tight = sorted(gaps)[len(gaps) // 4] if gaps else 0.0
    # The lines above the first numbered row; at a page's top, a repeated header names
    # several columns on its first line, the rest of a row cut by the page break may not.
    heading = not run.page_top or len(run.lines[0].segments) > 1
    for n, line in enumerate(run.lines):
        cells: list[list[str]] = [[] for _ in columns]
        # The header's lines name columns in a few words, set close; a longer text or a row's
        # blank ends it (the rest of a row the page break cut, under a repeated header).
        heading = (
            heading
            and (n == 0 or gaps[n - 1] <= tight + 0.3 * line.size)
            and not _ANCHOR.match(line.text)
            and line.segments[0][0].text.lower() not in _PREFIXES  # "Phần" over its "I"
            and all(len(seg) <= _LABEL_WORDS for seg in line.segments)
        )
        spans.append([])
        placings = [_place(seg, bounds, line.size) for seg in line.segments]
        for k, (seg, pieces) in enumerate(zip(line.segments, placings)):
            if heading and centred and run.model is not None and len(pieces) == 1:
                taken = {c for other in placings[:k] + placings[k + 1 :] for c, _ in other}
                span = _centred_span(seg, pieces[0][0], taken, run.model, line.size)
                pieces = [(span[0], pieces[0][1])]
                if len(span) > 1:
                    spans[-1].append(span)
            for column, text in pieces:
                cells[column].append(text)
        placed.append(cells)
    first_column = [bool(cells[0]) for cells in placed]
    if not _holds_numbers(placed):
        # The first column holds text (a table without an STT column, numbers leading the
        # targets): a row starts where that text starts with a number, not on each line.
        first_column = [bool(cells[0]) and bool(_ANCHOR.match(cells[0][0])) for cells in placed]
        if not any(first_column):
            first_column = [bool(cells[0]) for cells in placed]
    sizes = [ln.size for ln in run.lines]
    spaced = any(g > tight + 0.3 * s for g, s in zip(gaps, sizes[1:]))

    groups: list[list[int]] = []
    for i in range(len(run.lines)):
        if not groups:
            groups.append([i])
            continue
        has_first = any(first_column[j] for j in groups[-1])
        prefix = bool(placed[i - 1][0]) and placed[i - 1][0][-1].strip().lower() in _PREFIXES
        if i in run.continued or prefix:
            new = False  # the wrapped text of a row across the table; "Phần" over "II"
        elif run.model is not None and not centred and _under_merged(placed, groups, i):
            new = True  # the header's lower row, under a merged cell
        elif centred and len(groups) == 1 and _under_centred(placed, spans, i):
            new = True  # the header's lower row, under a merged title centred over it
        elif spaced:
            new = gaps[i - 1] > tight + 0.3 * sizes[i] or (first_column[i] and has_first)
        else:
            new = first_column[i]
        if new:
            groups.append([i])
        else:
            groups[-1].append(i)

    rows: list[Row] = []
    x0, x1 = columns[0].x0, max(c.x1 for c in columns)
    for group in groups:
        texts = [
            _join_lines(" ".join(placed[i][c]) for i in group if placed[i][c])
            for c in range(len(columns))
        ]
        top, bottom = run.lines[group[0]].top, run.lines[group[-1]].bottom
        box = (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))
        rows.append(Row(cells=texts, location=Location(page=page, bbox=box)))
    return _join_wrapped_header(rows) if len(columns) >= 3 else rows


def _join_wrapped_header(rows: list[Row]) -> list[Row]:
    """The table's first row with the rows that are the rest of its cells wrapped over more
    lines: narrow columns wrap a header ("ST" over "T"), and a line with text in the first
    column starts a row of its own."""
    rows = list(rows)
    for _ in range(_WRAPPED_HEADER_LINES - 1):
        if len(rows) < 2 or not _wraps(rows[0].cells, rows[1].cells):
            break
        upper, lower = rows[0], rows[1]
        cells = [
            _join_lines([u, w] if u and w else [u or w]) for u, w in zip(upper.cells, lower.cells)
        ]
        box = upper.location.bbox
        if box is not None and lower.location.bbox is not None:
            box = (box[0], box[1], box[2], lower.location.bbox[3])
        rows[:2] = [Row(cells=cells, location=Location(page=upper.location.page, bbox=box))]
    return rows


def _wraps(upper: list[str], lower: list[str]) -> bool:
    """Is ``lower`` the rest of ``upper``'s cells: text only under cells of their own (not
    under a cell spanning the next, empty one), never the same text, a first column with text
    that is no row number (a body row has one, a row continued after a page break has none),
    no column-number row and no lettered section ("A | CẢI CÁCH THỂ CHẾ")."""
    above = [clean(c) for c in upper]
    texts = [clean(c) for c in lower]
    filled = [(i, t) for i, t in enumerate(texts) if t]
    if not filled or len(above) != len(texts):
        return False
    if any(len(t) > _MAX_HEADER_CELL for t in above + texts):
        return False
    label = texts[0]
    if not label or looks_like_numbering(label) or is_column_numbers(texts):
        return False
    if _ANCHOR.match(label):  # "1. Tỷ lệ …": a numbered first column of text starts a row
        return False
    others = [t for _, t in filled[1:]]
    found = parse_section(label, others[0] if others else "")
    if found is not None and len(found[1].split()) >= 2 and len(others) <= 1:
        return False
    return all(
        above[i] and above[i] != t and (i + 1 == len(above) or above[i + 1]) for i, t in filled
    )
