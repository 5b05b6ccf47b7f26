"""Find the assessment table by its header words, give each column a role, lay out its rows.

The steps, each a small function: pick the header row (:func:`header_roles`), resolve a
two-row header (the lower row decides), join table parts that continue the table (split
tables, repeated headers after page breaks), drop repeated header and column-number rows, and
hand on the body rows aligned to the columns, with the text above the table as the preamble.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..errors import NoAssessmentTableError
from ..grid import Block, Grid, Paragraph, Row, Table
from ..models import Location, Unparsed
from ..text.cleaning import clean, fold, join, remark
from ..text.numbering import is_column_numbers, looks_like_numbering, parse_section, parse_stt

__all__ = ["Layout", "RowFate", "find_layout", "header_role", "header_roles", "is_column_numbers"]
from ..text.status import match_status, named_status
from .vocabulary import (
    CONTINUATION_MARKERS,
    EXTRA_HEADERS,
    FORM_LABELS,
    HEADER_WORDS,
    PAGE_WORDS,
    RESULT_HEADERS,
    SIGNATURE_NOTES,
    SIGNATURE_OPENERS,
    STRONG_STATUS_HEADERS,
    UNNAMED_COLUMN,
    WEAK_STATUS_HEADERS,
)

# "choice": one of several columns headed by a status phrase, ticked on the row that has it.
ROLES = ("stt", "target", "status", "choice", "notes", "extra")
_MAX_TICK = 5  # the longest mark that ticks a column ("x", "✓", "Có")
_HEADER_SCAN_ROWS = 8  # a header sits within a table's first rows
_MAX_SUBHEADER_CELL = 80
_MAX_HEADER_CELL = 300  # longer cells are body text: no need to look for header words
_MAX_HEADING_WORDS = 12  # a title between table parts is short
_NUMBERS_BACK = 300  # rows looked back at for the last number (a section is shorter)

_ROLE_WORDS = {
    role: [(w, re.compile(rf"(?<!\w){re.escape(w)}(?!\w)")) for w in words]
    for role, words in HEADER_WORDS.items()
    if role != "stt"
}
_STT_HEADERS = frozenset(HEADER_WORDS["stt"])
_HEADER_PHRASES = (
    *(w for role, words in HEADER_WORDS.items() if role != "stt" for w in words),
    *EXTRA_HEADERS,
    *RESULT_HEADERS,
)
_SIGNATURE_OPENERS = frozenset(SIGNATURE_OPENERS)  # a cell that is one of them, or
_SIGNATURE_STARTS = tuple(w + " " for w in SIGNATURE_OPENERS)  # one that opens with one
_SIGNATURE_NOTES = frozenset(SIGNATURE_NOTES)
_SIGNATURE_NOTE_STARTS = tuple(w + " " for w in SIGNATURE_NOTES)
_CONTINUATION_MARKERS = frozenset(fold(m) for m in CONTINUATION_MARKERS)  # "(Tiếp theo)"
# A form's label over its table: "Biểu mẫu 2", "Biểu mẫu số 02: Cải cách thể chế", "Phụ lục III".
_FORM_LABEL = re.compile(
    rf"^(?:{'|'.join(re.escape(w) for w in FORM_LABELS)})\s+"
    r"(?P<number>\d{1,2}|[IVX]{1,5})(?![\w/])\s*[.:\-–]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
_NUMBERED_TEXT = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]?\s+\w")


@dataclass(slots=True)
class Column:
    """A column of the assessment table: its position, role and (cleaned) header text."""

    index: int
    role: str
    header: str


@dataclass(slots=True)
class BodyRow:
    """A row below the header, its cells aligned to the layout's columns.

    ``origin`` is (block, row): the table's position in the grid's blocks and the row's in the
    table (both 0-based), for the accounting; None for a row the layout made. ``heading``
    marks such a row: a title between table parts ("Cải cách thể chế", "Biểu mẫu 2") laid out
    as the section row of the part that follows it — (its numeral or None, its title), also
    written in the STT and target cells. ``numeric`` as in :class:`~appendixparse.grid.Row`,
    by column.
    """

    cells: list[str]
    location: Location
    numeric: frozenset[int] = frozenset()
    confidence: list[tuple[float, ...]] | None = None  # read by OCR: see grid.Row
    origin: tuple[int, int] | None = None
    heading: tuple[str | None, str] | None = None


@dataclass(frozen=True, slots=True)
class RowFate:
    """What became of one table row of the document (see :mod:`.accounting`): ``kind`` is
    "record", "indicator", "header", "section", "group", "unparsed", "preamble", "empty" or
    "outside"; ``detail`` the record's id, the section's numeral, the unparsed reason…"""

    block: int
    row: int
    kind: str
    detail: str = ""


@dataclass(slots=True)
class PreambleLine:
    """A line of text above the table; ``table``, ``column`` and ``row`` (0-based in its table)
    say where a table held it, ``alone`` that it was its row's only filled cell (a title row,
    as a spreadsheet or a text export gives the lines above the header)."""

    text: str
    table: int | None = None
    column: int | None = None
    row: int | None = None
    alone: bool = False


@dataclass(slots=True)
class Layout:
    """The assessment table laid out: columns, body rows, the preamble and what did not fit."""

    columns: list[Column]
    rows: list[BodyRow]
    preamble: list[PreambleLine] = field(default_factory=list)
    unparsed: list[Unparsed] = field(default_factory=list)
    fates: list[RowFate] = field(default_factory=list)
    """The fates of the table rows the layout itself placed (preamble, headers, empty rows,
    rows between or outside the table's parts); the body rows' fates come from the records."""

    def index_of(self, role: str) -> list[int]:
        """The positions of the columns with ``role``, left to right."""
        return [c.index for c in self.columns if c.role == role]


def header_role(text: str) -> str | None:
    """The role a header cell names, or None when it names none.

    The main text (before any parenthesis) decides; the role whose word appears first wins.

    >>> header_role("Thực trạng/Giải pháp (Nêu rõ kết quả ... hoàn thành mục tiêu)")
    'notes'
    >>> header_role("Số TT"), header_role("Ghi chú"), header_role("TTHC")
    ('stt', 'extra', None)
    """
    folded_full = fold(text)
    if not folded_full:
        return None
    main = fold(clean(text).split("(")[0]) or folded_full
    if main in _STT_HEADERS:
        return "stt"
    if any(w in main for w in EXTRA_HEADERS):
        return "extra"
    if any(main == w or main.startswith(w + " ") for w in RESULT_HEADERS):
        return "notes"
    if any(w in main for w in STRONG_STATUS_HEADERS):
        return "status"
    for candidate in (main, folded_full):
        best: tuple[int, int, str] | None = None
        for role, words in _ROLE_WORDS.items():
            for word, pattern in words:
                m = pattern.search(candidate) if word in candidate else None
                if m and (best is None or (m.start(), -len(word)) < best[:2]):
                    best = (m.start(), -len(word), role)
        if best:
            return best[2]
    return None


def header_roles(cells: list[str]) -> list[str | None] | None:
    """The roles of a row's cells when the row is an assessment header, else None.

    A header names a target column and a status or notes column, or columns headed by status
    phrases to tick ("Hoàn thành | Đang thực hiện | Chưa thực hiện").
    """
    roles = [header_role(c) for c in cells]
    named = set(roles)
    ticked = sum(named_status(c) is not None for c in cells if len(c) <= _MAX_HEADER_CELL) >= 2
    if "target" in named and (named & {"status", "notes"} or ticked):
        return roles
    return None


def _repeats_header(row: Row, header_keys: set[tuple[str, ...]]) -> bool:
    """A body row that is a header again (after a page break) or the column-number row."""
    cells = row.cells
    if any(len(c) > _MAX_HEADER_CELL for c in cells):
        return False
    if cells and _numbered(row, 0) and not is_column_numbers(cells):
        return False
    return _row_key(cells) in header_keys or bool(header_roles(cells)) or is_column_numbers(cells)


def _numbered(row: Row, index: int) -> bool:
    """Does the cell at ``index`` of ``row`` hold a row number (section numeral or STT)?"""
    text = row.cells[index] if index < len(row.cells) else ""
    return looks_like_numbering(text, number=index in row.numeric)


def find_layout(grid: Grid, source: str) -> Layout:
    """Lay out the assessment table of ``grid``; raise NoAssessmentTableError when there is none.

    Every later table is a part of the table when it continues it (:func:`_continuation`); one
    that does not (an empty box drawn on a page, a signature block, another kind of table) is
    stepped over, and the parts after it still continue the table — its rows with text go to
    ``unparsed`` when a part follows it. Titles between parts become the sections of the
    parts they head (:func:`_title`); other text between parts goes to ``unparsed``.
    """
    grid = _remark_headers(grid)
    found = _find_header(grid)
    if found is None:
        raise NoAssessmentTableError(source, _no_table_reason(grid))
    block_index, table, header_at = found
    header_end, columns = _resolve_header(table.rows, header_at)

    # Blocks of another named part (another Excel sheet) are neither preamble nor continuation.
    preamble = _preamble([b for b in grid.blocks[:block_index] if b.name == table.name])
    layout = Layout(columns=columns, rows=[], preamble=preamble, unparsed=list(grid.unplaced))
    for i, block in enumerate(grid.blocks[:block_index]):
        if isinstance(block, Table):
            kind = "preamble" if block.name == table.name else "outside"
            layout.fates.extend(RowFate(i, r, kind) for r in range(len(block.rows)))
    for number, row in enumerate(table.rows[:header_at]):
        preamble.extend(_row_lines(row, table.index, number))
        _place_above_header(layout, row, (block_index, number), "row above the table's header")
    layout.fates.extend(RowFate(block_index, r, "header") for r in range(header_at, header_end))
    header_keys = {_row_key(r.cells) for r in table.rows[header_at:header_end]}

    columns_in_order = list(range(len(columns)))
    ended = _add_rows(layout, table.rows, header_end, block_index, columns_in_order, header_keys)
    pending: list[Paragraph] = []
    skipped: list[tuple[int, Table]] = []  # tables since the last part that did not continue
    for index in range(block_index + 1, len(grid.blocks)):
        block = grid.blocks[index]
        if ended:  # a signature block ended the table: what follows is no part of it
            if isinstance(block, Table):
                layout.fates.extend(RowFate(index, r, "outside") for r in range(len(block.rows)))
            continue
        # Another named part (sheet) continues the table only where it repeats the header.
        other_part = block.name != table.name
        if isinstance(block, Paragraph):
            pending.append(block)
            continue
        if not any(clean(c) for r in block.rows for c in r.cells):
            layout.fates.extend(RowFate(index, r, "empty") for r in range(len(block.rows)))
            continue  # an empty box (a frame drawn on a page): no part, and no gap either
        section = _title(pending, layout)
        part = _continuation(
            block,
            layout,
            header_keys,
            headed_only=other_part,
            after_gap=bool(skipped),
            restart=section is not None,
        )
        if part is None:
            if other_part:
                pending = []
            skipped.append((index, block))
            continue
        for skipped_index, other in skipped:
            for number, row in enumerate(other.rows):
                _place_between(layout, row, (skipped_index, number), "table between table parts")
        skipped = []
        used = section[1] if section else []
        layout.unparsed.extend(
            Unparsed(text=clean(p.text), location=p.location, reason="text between table parts")
            for p in pending
            if clean(p.text) and fold(p.text) not in _CONTINUATION_MARKERS and p not in used
        )
        pending = []
        if section is not None:
            layout.rows.append(section[0])
        for number, row in enumerate(block.rows[: part.header_at]):
            _place_between(layout, row, (index, number), "row above a repeated header")
        layout.fates.extend(RowFate(index, r, "header") for r in range(part.header_at, part.body))
        ended = _add_rows(layout, block.rows, part.body, index, part.mapping, header_keys)
    for skipped_index, other in skipped:  # after the table: signature blocks, other tables
        if (
            other.name == table.name
            and other.width == len(layout.columns)
            and _is_numbered_row(_first_filled(other).cells)
        ):  # as wide and numbered like a part (on the table's sheet), numbering not going on
            for number, row in enumerate(other.rows):
                _place_between(layout, row, (skipped_index, number), _UNCONTINUED)
        else:
            layout.fates.extend(
                RowFate(skipped_index, r, "outside") for r in range(len(other.rows))
            )
    if any(r.heading for r in layout.rows):
        # Titled parts: the first part is one of them when a numbered title heads it too
        # ("Biểu mẫu 1" above the first table), else its ids would be the later ones'.
        above: list[Paragraph] = []
        for block in reversed(grid.blocks[:block_index]):
            if not isinstance(block, Paragraph) or block.name != table.name:
                break
            above.insert(0, block)
        if first := _title(above, layout, numbered_only=True):
            layout.rows.insert(0, first[0])
    _settle_status_column(layout)
    _settle_stt_columns(layout)
    return layout


def _title(
    pending: list[Paragraph], layout: Layout, *, numbered_only: bool = False
) -> tuple[BodyRow, list[Paragraph]] | None:
    """The title the paragraphs before a part give it, laid out as the part's section row,
    with the paragraphs it takes; None when the last of them is no title.

    A title is a section line ("II. CHI THƯỜNG XUYÊN"), a form's label ("Biểu mẫu 2",
    "Biểu mẫu số 2: Cải cách thể chế"), a form's label over a line of title (which may hold a
    comma: "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số"), or a short heading
    without sentence punctuation ("Cải cách thể chế"); page furniture ("Trang 2") and sentences
    ("Ghi chú: …") are not titles. With ``numbered_only``, only a title with a numeral is.
    """
    texts = [(p, clean(p.text)) for p in pending]
    texts = [(p, t) for p, t in texts if t and fold(t) not in _CONTINUATION_MARKERS]
    if not texts:
        return None
    last, text = texts[-1]
    used = [last]
    numeral: str | None = None
    label = _FORM_LABEL.match(texts[-2][1]) if len(texts) >= 2 else None
    if found := parse_section(text):
        numeral, text = found[0], found[1] or text  # "Phần II" alone is its own title
    elif form := _FORM_LABEL.match(text):
        numeral, text = _form_number(form.group("number")), clean(form.group("title"))
        if not text:
            text = clean(last.text)  # the label alone: it is the title too
    elif label and _is_heading(text, after_label=True):
        numeral = _form_number(label.group("number"))  # "Biểu mẫu 2" over "Cải cách thể chế"
        if extra := clean(label.group("title")):
            text = f"{extra} {text}"
        used.insert(0, texts[-2][0])
    elif numbered_only or not _is_heading(text):
        return None
    width = len(layout.columns)
    stt = (layout.index_of("stt") or [0])[0]
    target = (layout.index_of("target") or [min(stt + 1, width - 1)])[0]
    cells = [""] * width
    cells[stt] = numeral or ""
    cells[target] = text
    return BodyRow(cells=cells, location=last.location, heading=(numeral, text)), used


def _form_number(number: str) -> str:
    """A form's number as its records' ids carry it: "02" → "2", "III" as written."""
    return str(int(number)) if number.isdigit() else number.upper()


def _is_heading(text: str, *, after_label: bool = False) -> bool:
    """A short line without sentence punctuation, not page furniture: a heading. Under a
    form's label (``after_label``) a title may be longer and hold commas."""
    words = text.split()
    limit = _MAX_HEADING_WORDS * (2 if after_label else 1)
    if not 1 <= len(words) <= limit or not any(c.isalpha() for c in text):
        return False
    if fold(words[0]) in PAGE_WORDS or any(ch in text for ch in (";" if after_label else ":;,")):
        return False
    return not text.endswith((".", "?", "!")) and (text[0].isupper() or text[0].isdigit())


def _place_above_header(layout: Layout, row: Row, origin: tuple[int, int], reason: str) -> None:
    """A row of the table above its header: preamble text (the title rows of a table used as
    the page's frame), unless it is numbered like a body row — then it is told in
    ``unparsed`` rather than lost in the preamble."""
    if _is_numbered_row(row.cells):
        layout.unparsed.append(Unparsed(text=join(row.cells), location=row.location, reason=reason))
        layout.fates.append(RowFate(*origin, "unparsed", reason))
    else:
        layout.fates.append(RowFate(*origin, "preamble"))


def _place_between(layout: Layout, row: Row, origin: tuple[int, int], reason: str) -> None:
    """A row between the table's parts that belongs to none: ``unparsed`` when it has text."""
    text = join(row.cells)
    if text and fold(text) not in _CONTINUATION_MARKERS:
        layout.unparsed.append(Unparsed(text=text, location=row.location, reason=reason))
        layout.fates.append(RowFate(*origin, "unparsed", reason))
    else:
        layout.fates.append(RowFate(*origin, "empty"))


_UNCONTINUED = "table shaped like the table's parts, its numbering not going on from them"


def _first_filled(table: Table) -> Row:
    return next((r for r in table.rows if any(clean(c) for c in r.cells)), Row(cells=[]))


def _is_numbered_row(cells: list[str]) -> bool:
    """A row opening with an STT ("1", "II") and holding text beside it: a body row."""
    filled = [clean(c) for c in cells if clean(c)]
    return len(filled) >= 2 and looks_like_numbering(filled[0]) and not is_column_numbers(cells)


def _remark_headers(grid: Grid) -> Grid:
    """``grid`` with the header words of rows read by OCR, where they could head a table,
    written with their marks where their marks alone were misread ("Đănh giá" for "Đánh
    giá"); text-layer rows are as typed. The reader's grid is left as it read it (the
    accounting reports its rows as read), so the remarked rows are copies."""
    blocks: list[Block] = []
    changed = False
    for block in grid.blocks:
        if isinstance(block, Table) and any(
            r.confidence is not None for r in block.rows[:_HEADER_SCAN_ROWS]
        ):
            head = [_remark_row(r) for r in block.rows[:_HEADER_SCAN_ROWS]]
            block = replace(block, rows=[*head, *block.rows[_HEADER_SCAN_ROWS:]])
            changed = True
        blocks.append(block)
    return replace(grid, blocks=blocks) if changed else grid


def _remark_row(row: Row) -> Row:
    """``row`` with its short cells remarked as header words, where OCR read it."""
    if row.confidence is None:
        return row
    cells = [remark(c, _HEADER_PHRASES) if len(c) <= _MAX_HEADER_CELL else c for c in row.cells]
    return replace(row, cells=cells)


def _find_header(grid: Grid) -> tuple[int, Table, int] | None:
    """The first table with an assessment header whose rows state statuses, else the first
    table with such a header (a summary table of counts above the appendix has the words too).

    A later table repeating the first one's header is a part of it, never another choice.
    Within a table, the header is the first row that names its columns (:func:`_top_header`).
    """
    first: tuple[int, Table, int] | None = None
    for block_index, block in enumerate(grid.blocks):
        if not isinstance(block, Table):
            continue
        tried: set[int] = set()
        for candidate in range(min(len(block.rows), _HEADER_SCAN_ROWS)):
            if header_roles(block.rows[candidate].cells) is None:
                continue
            at = _top_header(block.rows, candidate)
            if at is None or at in tried:
                continue
            tried.add(at)
            row = block.rows[at]
            roles = header_roles(row.cells) or [header_role(c) for c in row.cells]
            if first and _row_key(row.cells) == _row_key(first[1].rows[first[2]].cells):
                return first  # the first table's header repeated: a part of that table
            found = (block_index, block, at)
            choices = [i for i, c in enumerate(row.cells) if named_status(c) is not None]
            choices = choices if len(choices) >= 2 else []
            if _states_statuses(block.rows[at + 1 :], roles, choices):
                return found
            first = first or found  # a later row may head the table that states them
    return first


def _top_header(rows: list[Row], at: int) -> int | None:
    """The header of a table whose row ``at`` has the assessment header words, or None.

    The header is the first row that names columns — STT and a target column beside it
    ("STT | Nhiệm vụ | Sản phẩm | Thời gian hoàn thành | Chủ trì | Phối hợp" has no status or
    notes words) — at the top of the table: a row above ``at`` that names them heads the table
    when the rows between are numbered body rows, and ``at`` is one of them ("1 | Tổng hợp
    nội dung … | Báo cáo kết quả …" holds the words by chance). A numbered row is never a
    header: with no such row above it, the table has no header there (None).
    """
    numbered = _is_numbered_row(rows[at].cells)
    for above in range(at):
        if _names_columns(rows[above].cells) and (
            numbered or any(_is_numbered_row(r.cells) for r in rows[above + 1 : at])
        ):
            return above
    return None if numbered else at


def _names_columns(cells: list[str]) -> bool:
    """A row naming columns: an STT header and a target header among short cells."""
    filled = [c for c in cells if clean(c)]
    if len(filled) < 3 or any(len(c) > _MAX_HEADER_CELL for c in filled):
        return False
    roles = {header_role(c) for c in filled}
    return {"stt", "target"} <= roles and not _is_numbered_row(cells)


def _states_statuses(rows: list[Row], roles: list[str | None], choices: list[int]) -> bool:
    """True when a column of ``rows`` other than STT and target holds status words in at least
    half its filled cells, or the rows tick one of the ``choices`` columns (headed by status
    phrases)."""
    for index, role in enumerate(roles):
        if role in ("stt", "target"):
            continue
        values = [r.cells[index] for r in rows if index < len(r.cells) and r.cells[index].strip()]
        if values and sum(match_status(v) is not None for v in values) * 2 >= len(values):
            return True
    return bool(choices) and _ticks_one(rows, choices)


def _ticks_one(rows: list[Row], choices: list[int]) -> bool:
    """True when the rows that fill any of the ``choices`` columns mostly tick just one of them
    with a short mark ("x", "✓"); a table of counts, or of text, fills them otherwise."""
    ticks = filled = 0
    for row in rows:
        marks = [row.cells[i].strip() for i in choices if i < len(row.cells)]
        marks = [m for m in marks if m]
        if marks:
            filled += 1
            ticks += len(marks) == 1 and len(marks[0]) <= _MAX_TICK and not marks[0].isdigit()
    return filled > 0 and ticks * 2 >= filled


_LISTED_TABLES = 3  # tables named in a "no assessment table" message
_LISTED_HEAD = 60  # characters of each table's first row in it


def _no_table_reason(grid: Grid) -> str:
    tables = grid.tables
    if not tables:
        names = ", ".join(dict.fromkeys(b.name for b in grid.blocks if b.name is not None))
        where = f" in {names}" if names else ""
        return (
            f"no table found{where} (an assessment table has STT, target and status/notes columns)"
        )
    heads: list[str] = []
    for t in [t for t in tables if any(clean(c) for r in t.rows for c in r.cells)]:
        if len(heads) == _LISTED_TABLES:
            break
        first = next(r for r in t.rows if any(clean(c) for c in r.cells))
        head = " | ".join(clean(c) for c in first.cells if clean(c))
        if len(head) > _LISTED_HEAD:
            head = head[: _LISTED_HEAD - 1].rstrip() + "…"
        heads.append(f"{t.name or f'table {t.index}'}: {head}")
    listed = "; ".join(heads)
    more = len(tables) - len(heads)
    if more and heads:
        listed += f"; {more} more"
    return f"no assessment table among {len(tables)} table(s) found ({listed or 'all empty'})"


def _resolve_header(rows: list[Row], header_at: int) -> tuple[int, list[Column]]:
    """Columns from the header row and any sub-header rows under it; returns (end, columns)."""
    texts = [clean(c) for c in rows[header_at].cells]
    end = header_at + 1
    while end < len(rows) and end - header_at <= 2 and _is_subheader(rows[end], texts):
        lower = [clean(c) for c in rows[end].cells]
        texts = [_under(texts, lower, i) for i in range(max(len(texts), len(lower)))]
        end += 1
    while end < len(rows) and is_column_numbers(rows[end].cells):
        end += 1
    return end, _columns(texts)


def _under(upper: list[str], lower: list[str], i: int) -> str:
    """Column ``i``'s header from two header rows: the lower row decides under a cell spanning
    several columns (the next upper cell is empty); under a cell of its own, the lower text
    is the rest of it (a header wrapped over two lines, as a PDF can give it).

    A next upper cell may be empty only because its header, centred over both rows, was read
    in the lower one ("Các mục tiêu cụ thể đến" | "" over "năm 2030" | "Tình hình thực hiện"):
    where the lower text names no role, the upper names one and the next lower cell another,
    there is no span and the lower text is the rest of the upper.
    """
    above = upper[i] if i < len(upper) else ""
    below = lower[i] if i < len(lower) else ""
    if not above or not below or above == below:
        return below or above
    spans = i + 1 < len(upper) and not upper[i + 1]
    if spans and header_role(below) is None and (role := header_role(above)) is not None:
        beside = header_role(lower[i + 1]) if i + 1 < len(lower) else None
        spans = beside is None or beside == role
    return below if spans else f"{above} {below}"


def _is_subheader(row: Row, upper: list[str]) -> bool:
    cells = row.cells
    texts = [clean(c) for c in cells]
    filled = [(i, t) for i, t in enumerate(texts) if t]
    if not filled or any(len(t) > _MAX_HEADER_CELL for _, t in filled):
        return False
    first = texts[0] if texts else ""
    if first and first != (upper[0] if upper else "") and _numbered(row, 0):
        return False
    target = next((i for i, t in enumerate(upper) if header_role(t) == "target"), None)
    if target is not None and target < len(texts) and _NUMBERED_TEXT.match(texts[target]):
        return False  # "1. Rà soát …": a numbered target in a table without an STT column
    # (A header wrapped over two lines, "ST" over "T", is the PDF reader's to join.)
    return all(len(t) <= _MAX_SUBHEADER_CELL for _, t in filled) and any(
        header_role(t) is not None or (i < len(upper) and not upper[i]) or t == upper[i]
        for i, t in filled
        if i < len(upper)
    )


def _columns(texts: list[str]) -> list[Column]:
    columns: list[Column] = []
    seen: set[str] = set()
    for index, text in enumerate(texts):
        role = header_role(text)
        if role is None:
            role = "extra"
        elif role in ("stt", "target") and role in seen:
            role = "extra"  # a second STT or target column is kept, not merged
        if role == "status" and any(w in fold(text) for w in WEAK_STATUS_HEADERS):
            role = "status?"  # settled by the column's content
        seen.add(role)
        columns.append(Column(index=index, role=role, header=text or _unnamed(index)))
    if "stt" not in seen and columns and columns[0].role == "extra":
        columns[0].role = "stt"
    choices = [c for c in columns if c.role in ("extra", "status", "status?", "notes")]
    choices = [c for c in choices if named_status(c.header) is not None]
    if len(choices) >= 2:  # "Hoàn thành | Đang thực hiện | Chưa thực hiện", ticked with an "x"
        for col in choices:
            col.role = "choice"
    return columns


def _settle_status_column(layout: Layout) -> None:
    """Make exactly one column the status column: the one whose cells hold status words.

    Of several columns a status word heads ("Tình hình thực hiện" | "Tiến độ thực hiện", a weak
    one too), the one whose cells open with status words, then the one whose cells are nothing
    but a status phrase ("Đã thực hiện", where the other holds "Đã thực hiện 43 cơ quan …"),
    then one a strong word heads, else the first.
    """

    def cells(col: Column) -> list[str]:
        return [r.cells[col.index] for r in layout.rows if r.cells[col.index].strip()]

    def status_share(col: Column) -> float:
        values = cells(col)
        if not values:
            return 0.0
        return sum(match_status(v) is not None for v in values) / len(values)

    def bare_share(col: Column) -> float:
        values = cells(col)
        return sum(named_status(v) is not None for v in values) / len(values) if values else 0.0

    candidates = [c for c in layout.columns if c.role in ("status", "status?")]
    strong = [c for c in candidates if c.role == "status"]
    chosen = strong[0] if strong else None
    if strong and len(candidates) > 1:  # the first strong one on a tie
        chosen = max(candidates, key=lambda c: (status_share(c), bare_share(c), c.role == "status"))
    ticked = any(c.role == "choice" for c in layout.columns)
    if chosen is None and not ticked:  # where statuses are ticked, no text column holds them
        pool = candidates or [c for c in layout.columns if c.role in ("notes", "extra")]
        scored = [c for c in pool if status_share(c) >= 0.5]
        chosen = max(scored, key=lambda c: (status_share(c), bare_share(c))) if scored else None
    for col in layout.columns:
        if col is chosen:
            col.role = "status"
        elif col.role in ("status", "status?"):
            col.role = "notes"


def _settle_stt_columns(layout: Layout) -> None:
    """An unnamed column right of the STT column that holds numbers is STT too: an "STT" header
    spanning two columns, the section numerals in one and the targets' numbers in the other."""
    for left, col in zip(layout.columns, layout.columns[1:]):
        if left.role != "stt" or col.role != "extra" or col.header != _unnamed(col.index):
            continue
        values = [  # on the rows without a section numeral (those hold the section's title)
            looks_like_numbering(clean(r.cells[col.index]), number=col.index in r.numeric)
            for r in layout.rows
            if r.cells[col.index].strip() and not r.cells[left.index].strip()
        ]
        if values and sum(values) >= 0.8 * len(values):
            col.role = "stt"


def _unnamed(index: int) -> str:
    """The header given to a column whose header cell is empty."""
    return UNNAMED_COLUMN.format(number=index + 1)


def _row_key(cells: list[str]) -> tuple[str, ...]:
    return tuple(key for key in map(fold, cells) if key)


def is_signature(cells: list[str]) -> bool:
    """A row of the signature block under a table ("NGƯỜI LẬP BIỂU | | THỦ TRƯỞNG ĐƠN VỊ"), a
    signer's note in a cell of its own too ("THỦ TRƯỞNG ĐƠN VỊ | (Ký tên, đóng dấu)")."""
    signed = False
    for cell in cells:  # folded one by one: the first cell that opens no signature decides
        key = fold(cell)
        if not key:
            continue
        if key in _SIGNATURE_OPENERS or key.startswith(_SIGNATURE_STARTS):
            signed = True
        elif key not in _SIGNATURE_NOTES and not key.startswith(_SIGNATURE_NOTE_STARTS):
            return False
    return signed


def _add_rows(
    layout: Layout,
    rows: list[Row],
    start: int,
    block: int,
    mapping: list[int],
    header_keys: set[tuple[str, ...]],
) -> bool:
    """Lay out ``rows[start:]`` (of the table at ``block`` in the grid) on the columns; True
    when a signature block ended the table there (it and the rows after it are "outside":
    no part of the table)."""
    width = len(layout.columns)
    for number in range(start, len(rows)):
        row = rows[number]
        if is_signature(row.cells):
            layout.fates.extend(RowFate(block, n, "outside") for n in range(number, len(rows)))
            return True
        if _repeats_header(row, header_keys):
            layout.fates.append(RowFate(block, number, "header"))
            continue
        cells = [""] * width
        confidence: list[tuple[float, ...]] | None = [()] * width if row.confidence else None
        numeric: set[int] = set()
        overflow: list[str] = []
        for position, text in enumerate(row.cells):
            target = mapping[position] if position < len(mapping) else None
            if target is None or target >= width:
                if clean(text):
                    overflow.append(text)
                continue
            if cells[target]:
                cells[target] += "\n" + text
                numeric.discard(target)  # joined text is no longer the one number
            else:
                cells[target] = text
                if position in row.numeric:
                    numeric.add(target)
            if confidence is not None and row.confidence and position < len(row.confidence):
                confidence[target] += row.confidence[position]
        reason = "cell outside the table's columns"
        layout.unparsed.extend(
            Unparsed(text=clean(t), location=row.location, reason=reason) for t in overflow
        )
        if not any(c.strip() for c in cells):
            kind = "unparsed" if overflow else "empty"
            layout.fates.append(RowFate(block, number, kind, reason if overflow else ""))
            continue
        layout.rows.append(
            BodyRow(
                cells=cells,
                location=row.location,
                numeric=frozenset(numeric),
                origin=(block, number),
                confidence=confidence,
            )
        )
    return False


@dataclass(slots=True)
class _Part:
    """How a later table continues the assessment table: its columns' positions in the table,
    and where its header rows start and its body rows start (both 0 without a header)."""

    mapping: list[int]
    header_at: int = 0
    body: int = 0


def _continuation(
    table: Table,
    layout: Layout,
    header_keys: set[tuple[str, ...]],
    *,
    headed_only: bool = False,
    after_gap: bool = False,
    restart: bool = False,
) -> _Part | None:
    """How a later table continues the assessment table, or None when it does not.

    A part repeating the header continues it. Without a header the columns are taken in order:
    a part as wide as the table may open with a row broken from the last part (no STT); a
    wider one (a stray empty column, an added one) must open with a number, and what lies
    beyond the table's columns goes to unparsed; a narrower one (a section row a spreadsheet's
    blank row set apart, "II | CHI THƯỜNG XUYÊN") must open with the number that comes next
    in the table. With ``headed_only`` (a table of another sheet) only a table repeating the
    header does; ``after_gap`` (another table came between) asks a part without a header for
    the next number too; after a title (``restart``) numbering may start again at "1".
    """
    rows = table.rows
    for at, row in enumerate(rows[:_HEADER_SCAN_ROWS]):
        if headed_only and _row_key(row.cells) not in header_keys:
            continue
        if _repeats_header(row, header_keys) and not is_column_numbers(row.cells):
            end, _ = _resolve_header(rows, at)
            # Under a header repeated as it was, only the rows the first header had are its
            # rows: the next may be the rest of a row the page break cut ("- Giải pháp: …").
            if _row_key(row.cells) in header_keys:
                end = next(
                    (
                        k
                        for k in range(at + 1, end)
                        if _row_key(rows[k].cells) not in header_keys
                        and not is_column_numbers(rows[k].cells)
                    ),
                    end,
                )
            end, columns = _resolve_header(rows[:end], at)
            return _Part(_map_columns(columns, layout.columns), at, end)
    if headed_only:
        return None
    first = next((r for r in rows if any(clean(c) for c in r.cells)), None)
    if first is None:
        return None
    stt = clean(first.cells[0]) if first.cells else ""
    target = layout.index_of("target")
    in_target = not layout.index_of("stt") and bool(target) and target[0] < len(first.cells)
    if in_target:
        # No STT column: the number opens the target cell ("1. Tỷ lệ …", "I. CẢI CÁCH …").
        text = clean(first.cells[target[0]])
        stt = text.split()[0] if _NUMBERED_TEXT.match(text) or parse_section(text) else ""
    title = clean(first.cells[target[0]]) if target and target[0] < len(first.cells) else ""
    if stt and not (in_target or _numbered(first, 0)) and not parse_section(stt, title):
        return None  # ("C." opens a part lettered in capitals: "C. | CẢI CÁCH …")
    width = len(layout.columns)
    # The first numbered row tells whether the numbering goes on (rows broken from the last
    # part, without an STT, may come before it).
    if in_target:
        number = stt
    else:
        numbered = next((r for r in rows if r.cells and clean(r.cells[0])), first)
        number = clean(numbered.cells[0]) if numbered.cells else ""
        title = clean(numbered.cells[1]) if len(numbered.cells) > 1 else ""
    next_number = bool(number) and _comes_next(number, title, layout, restart=restart)
    if after_gap and not next_number:
        return None
    if table.width < width and not next_number:
        return None
    if table.width > width and not stt:
        return None
    return _Part(list(range(width)))


def _comes_next(stt: str, title: str, layout: Layout, *, restart: bool = False) -> bool:
    """Whether a row numbered ``stt`` follows the table's rows so far: the next section
    numeral, or the next target number (in the last section, or the first of a new one);
    with ``restart``, also any section numeral and "1"."""
    if section := parse_section(stt, title):
        last_section = next((f[0] for n in _numbers_back(layout) if (f := parse_section(n))), None)
        if last_section is None or restart:
            return True  # the first section of a table whose first part had none
        return _section_rank(section[0]) == _section_rank(last_section) + 1
    number = parse_stt(stt)
    if number is None or number.kind != "arabic":
        return False
    if restart and number.key == "1":
        return True
    arabic = (parse_stt(n) for n in _numbers_back(layout))
    last = next((a for a in arabic if a is not None and a.kind == "arabic"), None)
    if last is None:
        return number.key == "1"
    head, _, tail = last.key.rpartition(".")
    upper, _, lower = number.key.rpartition(".")
    if upper == head and lower.isdigit() and tail.isdigit() and int(lower) == int(tail) + 1:
        return True  # "2.3" after "2.2", "4" after "3"
    top = last.key.split(".")[0]
    return "." not in number.key and number.key.isdigit() and int(number.key) == int(top) + 1


def _numbers_back(layout: Layout) -> Iterator[str]:
    """The STT cells of the table's last rows that have one, the last first (as far back as
    _NUMBERS_BACK rows: a long table's parts are each judged in constant time)."""
    target = layout.index_of("target")
    in_target = not layout.index_of("stt") and bool(target)  # numbered in the target cell
    column = target[0] if in_target else (layout.index_of("stt") or [0])[0]
    for row in itertools.islice(reversed(layout.rows), _NUMBERS_BACK):
        if row.heading is None and (text := clean(row.cells[column])):
            if not in_target:
                yield text
            elif _NUMBERED_TEXT.match(text) or parse_section(text):
                yield text.split()[0]


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _section_rank(numeral: str) -> int:
    """A section numeral's place: "IV" → 4, "B" → 2."""
    if all(ch in _ROMAN_VALUES for ch in numeral):
        values = [_ROMAN_VALUES[ch] for ch in numeral]
        return sum(-v if v < n else v for v, n in zip(values, [*values[1:], 0]))
    return ord(numeral[0]) - ord("A") + 1


def _map_columns(part: list[Column], main: list[Column]) -> list[int]:
    """Map a continuation part's columns onto the main columns by role and header text."""
    mapping: list[int] = []
    used: set[int] = set()
    for col in part:
        same_role = [
            m for m in main if m.role == col.role or (col.role == "status?" and m.role == "status")
        ]
        exact = [m for m in same_role if fold(m.header) == fold(col.header) and m.index not in used]
        pick = next(iter(exact or [m for m in same_role if m.index not in used]), None)
        mapping.append(pick.index if pick else len(main))
        if pick:
            used.add(pick.index)
    return mapping


def _preamble(blocks: list[Paragraph | Table]) -> list[PreambleLine]:
    lines: list[PreambleLine] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.extend(PreambleLine(text=t) for t in _split_lines(block.text))
        else:
            for number, row in enumerate(block.rows):
                lines.extend(_row_lines(row, block.index, number))
    return lines


def _row_lines(row: Row, table_index: int, row_index: int) -> list[PreambleLine]:
    alone = sum(bool(clean(c)) for c in row.cells) == 1
    return [
        PreambleLine(text=t, table=table_index, column=j, row=row_index, alone=alone)
        for j, cell in enumerate(row.cells)
        for t in _split_lines(cell)
    ]


def _split_lines(text: str) -> list[str]:
    return [c for c in (clean(t) for t in text.split("\n")) if c]
