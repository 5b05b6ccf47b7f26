"""Find the assessment table by its header words, give each column a role, lay out its rows.

The steps, each a small function: pick the header row (:func:`header_roles`), resolve a
two-row header (the lower row decides), join table parts that continue the table (split
tables, repeated headers after page breaks), drop repeated header and column-number rows, and
hand on the body rows aligned to the columns, with the text above the table as the preamble.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import NoAssessmentTableError
from ..grid import Grid, Paragraph, Row, Table
from ..models import Location, Unparsed
from ..text.cleaning import clean, fold
from ..text.numbering import looks_like_numbering, parse_section
from ..text.status import match_status, named_status
from .vocabulary import (
    CONTINUATION_MARKERS,
    EXTRA_HEADERS,
    HEADER_WORDS,
    RESULT_HEADERS,
    SIGNATURE_OPENERS,
    STRONG_STATUS_HEADERS,
    WEAK_STATUS_HEADERS,
)

# "choice": one of several columns headed by a status phrase, ticked on the row that has it.
ROLES = ("stt", "target", "status", "choice", "notes", "extra")
_MAX_TICK = 5  # the longest mark that ticks a column ("x", "✓", "Có")
_HEADER_SCAN_ROWS = 8  # a header sits within a table's first rows
_MAX_SUBHEADER_CELL = 80
_MAX_HEADER_CELL = 300  # longer cells are body text: no need to look for header words

_ROLE_WORDS = {
    role: [(w, re.compile(rf"(?<!\w){re.escape(w)}(?!\w)")) for w in words]
    for role, words in HEADER_WORDS.items()
    if role != "stt"
}
_STT_HEADERS = frozenset(HEADER_WORDS["stt"])
_CONTINUATION_MARKERS = frozenset(fold(m) for m in CONTINUATION_MARKERS)  # "(Tiếp theo)"
_NUMBERED_TEXT = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]?\s+\w")
_COLUMN_NUMBER = re.compile(r"^\(?[0-9]{1,2}\)?(?:\s*[=+\-x*/]\s*\(?[0-9]{1,2}\)?)*$|^\(?[A-Z]\)?$")


@dataclass(slots=True)
class Column:
    """A column of the assessment table: its position, role and (cleaned) header text."""

    index: int
    role: str
    header: str


@dataclass(slots=True)
class BodyRow:
    """A row below the header, its cells aligned to the layout's columns."""

    cells: list[str]
    location: Location


@dataclass(slots=True)
class PreambleLine:
    """A line of text above the table; ``table``, ``column`` and ``row`` (0-based in its table)
    say where a header table held it."""

    text: str
    table: int | None = None
    column: int | None = None
    row: int | None = None


@dataclass(slots=True)
class Layout:
    """The assessment table laid out: columns, body rows, the preamble and what did not fit."""

    columns: list[Column]
    rows: list[BodyRow]
    preamble: list[PreambleLine] = field(default_factory=list)
    unparsed: list[Unparsed] = field(default_factory=list)

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
                m = pattern.search(candidate)
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


def _repeats_header(cells: list[str], header_keys: set[tuple[str, ...]]) -> bool:
    """A body row that is a header again (after a page break) or the column-number row."""
    if any(len(c) > _MAX_HEADER_CELL for c in cells):
        return False
    if cells and looks_like_numbering(cells[0]) and not is_column_numbers(cells):
        return False
    return _row_key(cells) in header_keys or bool(header_roles(cells)) or is_column_numbers(cells)


def is_column_numbers(cells: list[str]) -> bool:
    """A row of column numbers ("(1) | (2) | (3)") that Vietnamese tables put under headers."""
    filled = 0
    for cell in cells:
        text = clean(cell)  # each cell cleaned once; the first that is no number decides
        if not text:
            continue
        if not _COLUMN_NUMBER.match(text):
            return False
        filled += 1
    return filled >= 3


def find_layout(grid: Grid, source: str) -> Layout:
    """Lay out the assessment table of ``grid``; raise NoAssessmentTableError when there is none."""
    found = _find_header(grid)
    if found is None:
        raise NoAssessmentTableError(source, _no_table_reason(grid))
    block_index, table, header_at = found
    header_end, columns = _resolve_header(table.rows, header_at)

    # Blocks of another named part (another Excel sheet) are neither preamble nor continuation.
    preamble = _preamble([b for b in grid.blocks[:block_index] if b.name == table.name])
    for number, row in enumerate(table.rows[:header_at]):
        preamble.extend(_row_lines(row, table.index, number))
    layout = Layout(columns=columns, rows=[], preamble=preamble, unparsed=list(grid.unplaced))
    header_keys = {_row_key(r.cells) for r in table.rows[header_at:header_end]}

    ended = _add_rows(layout, table.rows[header_end:], list(range(len(columns))), header_keys)
    pending: list[Paragraph] = []
    for block in [] if ended else grid.blocks[block_index + 1 :]:
        # Another named part (sheet) continues the table only where it repeats the header.
        other_part = block.name != table.name
        if isinstance(block, Paragraph):
            pending.append(block)
            continue
        mapping, rows = _continuation(block, layout, header_keys, headed_only=other_part)
        if mapping is None:
            if other_part:
                pending = []
                continue
            break
        layout.unparsed.extend(
            Unparsed(text=clean(p.text), location=p.location, reason="text between table parts")
            for p in pending
            if clean(p.text) and fold(p.text) not in _CONTINUATION_MARKERS
        )
        pending = []
        if _add_rows(layout, rows, mapping, header_keys):
            break
    _settle_status_column(layout)
    _settle_stt_columns(layout)
    return layout


def _find_header(grid: Grid) -> tuple[int, Table, int] | None:
    """The first table with an assessment header whose rows state statuses, else the first
    table with such a header (a summary table of counts above the appendix has the words too).

    A later table repeating the first one's header is a part of it, never another choice.
    """
    first: tuple[int, Table, int] | None = None
    for block_index, block in enumerate(grid.blocks):
        if not isinstance(block, Table):
            continue
        for row_index, row in enumerate(block.rows[:_HEADER_SCAN_ROWS]):
            if roles := header_roles(row.cells):
                if first and _row_key(row.cells) == _row_key(first[1].rows[first[2]].cells):
                    return first  # the first table's header repeated: a part of that table
                found = (block_index, block, row_index)
                choices = [i for i, c in enumerate(row.cells) if named_status(c) is not None]
                choices = choices if len(choices) >= 2 else []
                if _states_statuses(block.rows[row_index + 1 :], roles, choices):
                    return found
                first = first or found  # a later row may head the table that states them
    return first


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


def _no_table_reason(grid: Grid) -> str:
    tables = grid.tables
    if not tables:
        names = ", ".join(dict.fromkeys(b.name for b in grid.blocks if b.name is not None))
        where = f" in {names}" if names else ""
        return (
            f"no table found{where} (an assessment table has STT, target and status/notes columns)"
        )
    heads = "; ".join(
        (t.name or f"table {t.index}")
        + ": "
        + " | ".join(clean(c)[:40] for c in t.rows[0].cells if clean(c))
        for t in tables[:8]
        if t.rows
    )
    return f"no assessment table among {len(tables)} table(s) found ({heads})"


def _resolve_header(rows: list[Row], header_at: int) -> tuple[int, list[Column]]:
    """Columns from the header row and any sub-header rows under it; returns (end, columns)."""
    texts = [clean(c) for c in rows[header_at].cells]
    end = header_at + 1
    while end < len(rows) and end - header_at <= 2 and _is_subheader(rows[end].cells, texts):
        lower = [clean(c) for c in rows[end].cells]
        texts = [_under(texts, lower, i) for i in range(max(len(texts), len(lower)))]
        end += 1
    while end < len(rows) and is_column_numbers(rows[end].cells):
        end += 1
    return end, _columns(texts)


def _under(upper: list[str], lower: list[str], i: int) -> str:
    """Column ``i``'s header from two header rows: the lower row decides under a cell spanning
    several columns (the next upper cell is empty); under a cell of its own, the lower text
    is the rest of it (a header wrapped over two lines, as a PDF can give it)."""
    above = upper[i] if i < len(upper) else ""
    below = lower[i] if i < len(lower) else ""
    if not above or not below or above == below:
        return below or above
    spans = i + 1 < len(upper) and not upper[i + 1]
    return below if spans else f"{above} {below}"


def _is_subheader(cells: list[str], upper: list[str]) -> bool:
    texts = [clean(c) for c in cells]
    filled = [(i, t) for i, t in enumerate(texts) if t]
    if not filled or any(len(t) > _MAX_HEADER_CELL for _, t in filled):
        return False
    first = texts[0] if texts else ""
    if first and first != (upper[0] if upper else "") and looks_like_numbering(first):
        return False
    target = next((i for i, t in enumerate(upper) if header_role(t) == "target"), None)
    if target is not None and target < len(texts) and _NUMBERED_TEXT.match(texts[target]):
        return False  # "1. Rà soát …": a numbered target in a table without an STT column
    if all(len(t) <= _MAX_SUBHEADER_CELL for _, t in filled) and any(
        header_role(t) is not None or (i < len(upper) and not upper[i]) or t == upper[i]
        for i, t in filled
        if i < len(upper)
    ):
        return True
    # The rest of header cells wrapped over two lines ("ST" over "T": a PDF read without rules
    # starts a row where the STT column has text), each under a cell of its own; a row
    # continued after a page break has no STT, a body row a number. A long header's rest
    # (the notes column's explanation in a narrow column) can be longer than a sub-header.
    stt = next((i for i, t in enumerate(upper) if header_role(t) == "stt"), 0)
    label = texts[stt] if stt < len(texts) else ""
    if not label or looks_like_numbering(label) or is_column_numbers(cells):
        return False
    if _is_lettered_section(texts, upper, stt):
        return False
    return all(i < len(upper) and upper[i] and _under(upper, texts, i) != t for i, t in filled)


def _is_lettered_section(texts: list[str], upper: list[str], stt: int) -> bool:
    """A section row lettered "A" under the header ("A | CẢI CÁCH THỂ CHẾ | | "), rather than
    the header's second line: a title of several words in capitals, nothing else in the row."""
    target = next((i for i, t in enumerate(upper) if header_role(t) == "target"), stt + 1)
    title = texts[target] if target < len(texts) else ""
    others = [t for i, t in enumerate(texts) if t and i not in (stt, target)]
    found = parse_section(texts[stt], title)
    return found is not None and len(found[1].split()) >= 2 and not others


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
    """Make exactly one column the status column: the one whose cells hold status words."""

    def status_share(col: Column) -> float:
        values = [r.cells[col.index] for r in layout.rows if r.cells[col.index].strip()]
        if not values:
            return 0.0
        return sum(match_status(v) is not None for v in values) / len(values)

    candidates = [c for c in layout.columns if c.role in ("status", "status?")]
    strong = [c for c in candidates if c.role == "status"]
    chosen = strong[0] if strong else None
    ticked = any(c.role == "choice" for c in layout.columns)
    if chosen is None and not ticked:  # where statuses are ticked, no text column holds them
        pool = candidates or [c for c in layout.columns if c.role in ("notes", "extra")]
        scored = [(status_share(c), c) for c in pool]
        scored = [s for s in scored if s[0] >= 0.5]
        chosen = max(scored, key=lambda s: s[0])[1] if scored else None
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
            clean(r.cells[col.index])
            for r in layout.rows
            if r.cells[col.index].strip() and not r.cells[left.index].strip()
        ]
        if values and sum(map(looks_like_numbering, values)) >= 0.8 * len(values):
            col.role = "stt"


def _unnamed(index: int) -> str:
    """The header given to a column whose header cell is empty."""
    return f"Cột {index + 1}"


def _row_key(cells: list[str]) -> tuple[str, ...]:
    return tuple(key for key in map(fold, cells) if key)


def is_signature(cells: list[str]) -> bool:
    """A row of the signature block under a table ("NGƯỜI LẬP BIỂU | | THỦ TRƯỞNG ĐƠN VỊ")."""
    filled = [fold(c) for c in cells if fold(c)]
    return bool(filled) and all(
        any(f == w or f.startswith(w + " ") for w in SIGNATURE_OPENERS) for f in filled
    )


def _add_rows(
    layout: Layout, rows: list[Row], mapping: list[int], header_keys: set[tuple[str, ...]]
) -> bool:
    """Add the body rows of a table part; True when a signature block ended the table there
    (it and what follows it are no part of the table)."""
    width = len(layout.columns)
    for row in rows:
        if is_signature(row.cells):
            return True
        if _repeats_header(row.cells, header_keys):
            continue
        cells = [""] * width
        overflow: list[str] = []
        for position, text in enumerate(row.cells):
            target = mapping[position] if position < len(mapping) else None
            if target is None or target >= width:
                if clean(text):
                    overflow.append(text)
            elif cells[target]:
                cells[target] += "\n" + text
            else:
                cells[target] = text
        if not any(c.strip() for c in cells) and not overflow:
            continue
        layout.rows.append(BodyRow(cells=cells, location=row.location))
        layout.unparsed.extend(
            Unparsed(
                text=clean(t), location=row.location, reason="cell outside the table's columns"
            )
            for t in overflow
        )
    return False


def _continuation(
    table: Table, layout: Layout, header_keys: set[tuple[str, ...]], *, headed_only: bool = False
) -> tuple[list[int] | None, list[Row]]:
    """How a later table continues the assessment table: (column map, rows), or (None, []).

    With ``headed_only`` (a table of another sheet) only a table repeating the header does.
    """
    rows = table.rows
    for at, row in enumerate(rows[:_HEADER_SCAN_ROWS]):
        if headed_only and _row_key(row.cells) not in header_keys:
            continue
        if _repeats_header(row.cells, header_keys) and not is_column_numbers(row.cells):
            end, columns = _resolve_header(rows, at)
            return _map_columns(columns, layout.columns), rows[end:]
    if headed_only:
        return None, []
    first = next((r for r in rows if any(clean(c) for c in r.cells)), None)
    if first is None:
        return None, []
    stt = clean(first.cells[0]) if first.cells else ""
    target = layout.index_of("target")
    if not layout.index_of("stt") and target and target[0] < len(first.cells):
        # No STT column: the number opens the target cell ("1. Tỷ lệ …", "I. CẢI CÁCH …").
        text = clean(first.cells[target[0]])
        stt = text.split()[0] if _NUMBERED_TEXT.match(text) or parse_section(text) else ""
    title = clean(first.cells[target[0]]) if target and target[0] < len(first.cells) else ""
    if stt and not looks_like_numbering(stt) and not parse_section(stt, title):
        return None, []  # ("C." opens a part lettered in capitals: "C. | CẢI CÁCH …")
    # Without a header the columns are taken in order. A part as wide as the table may open
    # with a row broken from the last part (no STT); a wider one (a stray empty column, an
    # added one) must open with a number, and what lies beyond the table's columns goes to
    # unparsed. A narrower part, or a wider one without a number, is some other table.
    if table.width < len(layout.columns) or (table.width > len(layout.columns) and not stt):
        return None, []
    return list(range(len(layout.columns))), rows


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
    return [
        PreambleLine(text=t, table=table_index, column=j, row=row_index)
        for j, cell in enumerate(row.cells)
        for t in _split_lines(cell)
    ]


def _split_lines(text: str) -> list[str]:
    return [c for c in (clean(t) for t in text.split("\n")) if c]
