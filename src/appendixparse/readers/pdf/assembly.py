"""Pages to blocks: running headers and footers left out, paragraphs, tables in reading order."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import partial
from typing import Any

from ...grid import Block, Paragraph, Row, Table
from ...models import Location
from ..vocabulary import PAGE_OF_WORDS, PAGE_WORDS
from .columns import ColumnModel
from .page import _Page
from .text import _join_lines, _Line
from .unruled import _ANCHOR, _carry, _model_runs, _Run, _run_rows, _runs

_HEADER_ROWS = 3  # a header read from a PDF can take this many rows (wrapped, two-row)
_RUNNING_BAND = 0.1  # running headers and footers sit in the outer tenth of the page
_MIN_RUNNING_PAGES = 2
_SAME_LINE = 85  # rapidfuzz ratio of a header's line read again by OCR…
_FUZZY_LINE = 3  # …when both are this long at least
_SHORT_HEADING = 5  # the STT column's heading, as OCR may misread it
_RUNNING_GAP = 0.9  # a running header or footer stands apart from the text by this much
_PAGE_NUMBER = re.compile(
    rf"^(?:{'|'.join(map(re.escape, PAGE_WORDS))})?\s*[-–—(\[]?\s*\d{{1,4}}\s*[-–—)\]]?"
    rf"(?:\s*(?:{'|'.join(map(re.escape, PAGE_OF_WORDS))})\s*\d{{1,4}})?$",
    re.IGNORECASE,
)
_LIST_MARKER = re.compile(r"^(?:\d{1,2}[.)]|[-+•–*]|[a-zđ]\)|[IVX]{1,4}\.)$")


# --------------------------------------------------------------------------------------------
# Running headers and footers


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _at(lines: list[_Line], k: int) -> _Line | None:
    return lines[k] if k < len(lines) else None


def _drop_running_lines(pages: list[_Page]) -> None:
    """Leave out page numbers and the lines repeated at the same place at the top or the
    bottom of several pages, working inwards from the page edge."""

    def edges(page: _Page) -> list[tuple[str, list[_Line], list[_Line]]]:
        """Each edge of the page: its lines from the edge inwards, and those of them in the
        outer band."""
        inwards = page.lines, page.lines[::-1]
        in_band = (
            lambda ln: ln.bottom <= _RUNNING_BAND * page.height,
            lambda ln: ln.top >= (1 - _RUNNING_BAND) * page.height,
        )
        return [
            (where, list(itertools.takewhile(test, inward)), inward)
            for where, inward, test in zip(("top", "bottom"), inwards, in_band)
        ]

    def key(where: str, line: _Line) -> tuple[str, str, int]:
        return where, _mask(line.text), round(line.top / 3)

    def count(counter: Counter[tuple[str, str, int]], where: str, line: _Line) -> int:
        _, mask, near = key(where, line)
        return max(counter[(where, mask, near + d)] for d in (-1, 0, 1))

    def repeated_at(where: str, line: _Line) -> bool:
        return count(repeated, where, line) >= _MIN_RUNNING_PAGES

    def apart(where: str, line: _Line, inner: _Line | None) -> bool:
        """Does a blank set ``line`` off the next line inwards?"""
        if inner is None:
            return True
        gap = inner.top - line.bottom if where == "top" else line.top - inner.bottom
        return gap >= _RUNNING_GAP * line.size

    repeated: Counter[tuple[str, str, int]] = Counter()
    for page in pages:
        for where, band, _ in edges(page):
            repeated.update({key(where, ln) for ln in band})

    # Only where they stand apart from the body do repeated lines count: the rest of a row
    # cut by the page break can read the same at the top of two pages; a repeated table
    # header below a running title is the body's.
    seen: Counter[tuple[str, str, int]] = Counter()
    for page in pages:
        for where, band, inward in edges(page):
            block = list(itertools.takewhile(partial(repeated_at, where), band))
            k = next(
                (k for k in range(len(block), 0, -1) if apart(where, block[k - 1], _at(inward, k))),
                0,
            )
            seen.update({key(where, ln) for ln in block[:k]})

    def running(where: str, line: _Line, inner: _Line | None) -> bool:
        if len(line.segments) > 2:
            return False
        if not apart(where, line, inner):
            return False  # set close to the text it borders: the body's own line
        if _PAGE_NUMBER.match(line.text.strip()):
            return True
        if len(pages) < _MIN_RUNNING_PAGES:
            return False
        return count(seen, where, line) >= _MIN_RUNNING_PAGES

    for page in pages:
        drop: set[int] = set()
        for where, band, inward in edges(page):
            for k, line in enumerate(band):
                if not running(where, line, _at(inward, k + 1)):
                    break
                drop.add(id(line))
        if drop:
            page.lines = [ln for ln in page.lines if id(ln) not in drop]


# --------------------------------------------------------------------------------------------
# Paragraphs


def _paragraphs(lines: list[_Line], left: float, right: float) -> list[list[_Line]]:
    """Join lines that wrap into the next one: the next line's first word did not fit."""
    groups: list[list[_Line]] = []
    for line in lines:
        if groups and _continues(groups[-1][-1], line, left, right):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _continues(prev: _Line, line: _Line, left: float, right: float) -> bool:
    if len(prev.segments) > 1 or len(line.segments) > 1:
        return False
    if line.top - prev.bottom > 0.5 * prev.size or abs(line.size - prev.size) > 0.6:
        return False
    first = line.words[0]
    if _LIST_MARKER.match(first.text):
        return False
    left_slack, right_slack = prev.x0 - left, right - prev.x1
    centred = abs(left_slack - right_slack) < 0.3 * prev.size and left_slack > prev.size
    if not centred and left_slack > 4 * prev.size and abs(line.x1 - prev.x1) > 0.6 * prev.size:
        return False  # a right-aligned line ("Quảng Trị, ngày …") wraps only to the right edge
    slack = left_slack + right_slack if centred else right_slack
    return slack < (first.x1 - first.x0) + 0.6 * prev.size


# --------------------------------------------------------------------------------------------
# The document


def _after_header(cells: list[str], header: list[str]) -> list[str] | None:
    """The cells' lines after those of ``header``, when every cell starts with the header's
    lines and some have more; else None."""
    if len(cells) != len(header) or not any(header):
        return None
    rest: list[str] = []
    for k, (cell, head) in enumerate(zip(cells, header)):
        lines, head_lines = cell.split("\n"), head.split("\n") if head else []
        same = len(lines) >= len(head_lines) and all(map(_same_line, lines, head_lines))
        # OCR reads the STT column's narrow heading as the number it looks like ("STT" as
        # "S11"): where every other cell is the header's, the first is too
        misread = k == 0 and len(head_lines) == 1 and len(lines[0]) <= _SHORT_HEADING
        if not same and not misread:
            return None
        rest.append("\n".join(lines[len(head_lines) :]))
    return rest if any(rest) and any(header[1:]) else None


def _same_line(line: str, head: str) -> bool:
    """Is ``line`` the header's line ``head`` again: the same, or nearly so where OCR read
    the page ("ST1T" for "STT" on a scan's repeated header)?"""
    if line == head:
        return True
    from rapidfuzz import fuzz

    return min(len(line), len(head)) >= _FUZZY_LINE and fuzz.ratio(line, head) >= _SAME_LINE


def _same_cell(cell: str, head: str) -> bool:
    lines, head_lines = cell.split("\n"), head.split("\n")
    return len(lines) == len(head_lines) and all(map(_same_line, lines, head_lines))


class _Builder:
    """Pages to blocks, in reading order, carrying an unruled table over page breaks."""

    def __init__(self, model: ColumnModel | None = None) -> None:
        self.model = model  # the columns of the document's unruled table, if it has one
        self.blocks: list[Block] = []
        self.carried: _Run | None = None
        self.tables = 0
        self.headers: list[list[list[str]]] = []  # the first rows of the tables met

    def table(self, rows: list[Row]) -> None:
        self.tables += 1
        self.blocks.append(Table(rows=self.split_header(rows), index=self.tables))

    def page(self, page: _Page) -> None:
        left = min([ln.x0 for ln in page.lines] + [t.bbox[0] for t in page.tables], default=0)
        right = max([ln.x1 for ln in page.lines] + [t.bbox[2] for t in page.tables], default=0)
        items: list[tuple[float, int, Any]] = [(t.bbox[1], 0, t) for t in page.tables]
        items += [(ln.top, 1, ln) for ln in page.lines]
        items.sort(key=lambda item: (item[0], item[1]))
        pending: list[_Line] = []
        carried, self.carried = self.carried, None
        for _, kind, item in items:
            if kind == 1:
                pending.append(item)
                continue
            self.text(pending, page, left, right, carried)
            pending, carried = [], None
            self.table(
                [Row(cells, Location(page=page.number, bbox=box)) for cells, box in item.rows]
            )
        self.text(pending, page, left, right, carried, last=True)

    def split_header(self, rows: list[Row]) -> list[Row]:
        """A header repeated on a later page, read together with the rest of the row the page
        break cut (no rule between them, no STT to tell them apart), is split from it."""
        if not rows:
            return rows
        for header in self.headers:
            if found := self._wrapped_again(rows, header[0]):
                return found
            for k, (row, head) in enumerate(zip(rows, header)):
                if len(row.cells) == len(head) and all(map(_same_cell, row.cells, head)):
                    continue
                rest = _after_header(row.cells, head)
                if rest is None:
                    break
                split = [Row(head, row.location), Row(rest, row.location)]
                return [*rows[:k], *split, *rows[k + 1 :]]
        # A header names its columns: its rows end at the first opening with a number (a
        # section's numeral, an STT: the body's), and a part without one has none to find again.
        named = list(
            itertools.takewhile(lambda r: not _ANCHOR.match(r.cells[0] if r.cells else ""), rows)
        )
        first = rows[0].cells
        if named and first[0] and sum(bool(c) for c in first) >= 2:
            self.headers.append([r.cells for r in named[:_HEADER_ROWS]])
        return rows

    @staticmethod
    def _wrapped_again(rows: list[Row], head: list[str]) -> list[Row] | None:
        """A header joined from its wrapped lines on an earlier page that comes back as rows
        of its lines again (the last one glued to the rest of a row the page break cut): the
        header as one row, then that rest."""
        for m in range(2, min(_HEADER_ROWS, len(rows)) + 1):
            columns = list(zip(*(r.cells for r in rows[: m - 1])))
            if len(columns) != len(head):
                return None
            before = [_join_lines([c for c in cells if c]) for cells in columns]
            if _after_header(head, before) is None:
                return None  # the rows so far are no first lines of the header
            combined = [_join_lines([a, b] if a and b else [a or b])
                        for a, b in zip(before, rows[m - 1].cells)]  # fmt: skip
            if len(combined) == len(head) and all(map(_same_cell, combined, head)):
                return [Row(head, rows[0].location), *rows[m:]]
            if (rest := _after_header(combined, head)) is not None:
                return [Row(head, rows[0].location), Row(rest, rows[m - 1].location), *rows[m:]]
        return None

    def text(
        self,
        lines: list[_Line],
        page: _Page,
        left: float,
        right: float,
        carried: _Run | None,
        *,
        last: bool = False,
    ) -> None:
        if not lines:
            return
        if self.model is not None:
            parts = _model_runs(lines, self.model, page.number, continued=carried is not None)
        else:
            parts = _runs(lines, carried)
        loose: list[_Line] = []
        for n, part in enumerate(parts):
            if isinstance(part, _Line):
                loose.append(part)
                continue
            is_table = len(part.columns) >= 3 and (part.multi >= 2 or part.carried)
            # A two-column block heading the first page (the motto table beside the unit's
            # name) stays a table; elsewhere two columns of text are just lines.
            at_top = (
                page.number == 1
                and not any(isinstance(b, Table) for b in self.blocks)
                and all(ln.bottom <= _RUNNING_BAND * page.height for ln in loose)
                and all(
                    isinstance(b, Paragraph)
                    and b.location.bbox is not None
                    and b.location.bbox[3] <= _RUNNING_BAND * page.height
                    for b in self.blocks
                )
            )
            if is_table or (at_top and len(part.columns) == 2):
                self.paragraphs(loose, page, left, right)
                loose = []
                self.table(_run_rows(part, page.number))
                if last and n == len(parts) - 1 and is_table:
                    self.carried = _carry(part)
            else:
                loose.extend(part.lines)
        self.paragraphs(loose, page, left, right)

    def paragraphs(self, lines: list[_Line], page: _Page, left: float, right: float) -> None:
        for group in _paragraphs(lines, left, right):
            text = _join_lines((ln.text for ln in group), " ")
            box = (
                round(min(ln.x0 for ln in group), 2),
                round(group[0].top, 2),
                round(max(ln.x1 for ln in group), 2),
                round(group[-1].bottom, 2),
            )
            self.blocks.append(Paragraph(text=text, location=Location(page=page.number, bbox=box)))
