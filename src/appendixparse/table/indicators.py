"""Indicator tables: statistical forms ("Biểu mẫu 3": STT | Chỉ tiêu | Đơn vị tính | Số liệu |
Ghi chú) and scoring tables (TT | Tiêu chí | Điểm tối đa | Điểm tự đánh giá | Điểm thẩm định),
found by their header roles and read into :class:`~appendixparse.models.Indicator` rows.

The steps, each a small function:

1. :func:`find_indicator_tables` walks the grid's blocks. A table is an indicator table when a
   row among its first ones names an indicator column and a value, unit or score column
   (:func:`indicator_role`, whatever their order), possibly over a second header row that
   decides under a cell spanning several columns ("Kết quả thống kê" over "Đơn vị tính | Số
   liệu"), and when its value column holds numbers (or nothing, under a header that only a
   form has: "Số liệu", a year, "Đơn vị tính"), never status words, and no two columns are
   headed by statuses ("Hoàn thành | Đang thực hiện": a ticked form, or counts by status).
2. The form comes from the last "Biểu mẫu 3" line (:data:`FORM_OPENERS`) between the previous
   table and this one, or in the rows above the header; its title is the text after the
   number, or the lines after the form line. A table with no form line of its own that repeats
   the previous indicator table's header, or that opens with a number and is as wide, continues
   it (a form broken over pages: the second part starts at "3.2.2.").
3. :func:`build_indicators` numbers the rows: an arabic STT ("3.2.2.") is its own key and its
   parent the longest prefix seen; bullets ("-", "+"), an empty STT with a name, and an STT
   repeated by a merged cell are children of the row above, numbered in order ("2.1", "2.1.1");
   a bullet of a mark already open is that row's sibling, of another mark its child;
   a roman numeral (or a letter with a title in capitals) opens a section whose numeral
   prefixes its rows' keys. A separate group column ("NHÓM CHỈ TIÊU | CHỈ SỐ") or a second
   indicator column under the same header ("Chia theo tên loại … | Nghị quyết của HĐND …")
   makes a group row above the rows it holds. A row with neither STT nor name continues the
   row above (a row broken over a page).

Edge cases: a value "-" is no value (``value`` null, ``value_raw`` "-"); a form without a unit
column takes "%" from a name ending in "(%)"; a scoring table's rows have the unit "điểm", and
its maximum in ``maximum`` as well as in ``columns``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..grid import Grid, Paragraph, Row, Table
from ..models import Indicator
from ..text.cleaning import clean, fold, join, remark
from ..text.numbering import parse_section, parse_stt
from ..text.status import match_status, named_status
from ..text.values import read_value
from .layout import PreambleLine, _preamble, is_column_numbers
from .vocabulary import (
    FORM_OPENERS,
    HEADER_WORDS,
    INDICATOR_HEADER_WORDS,
    NO_VALUE_MARKS,
    SCORE_UNIT,
    STRONG_VALUE_HEADERS,
    UNNAMED_COLUMN,
)

_HEADER_SCAN_ROWS = 8
_MAX_HEADER_CELL = 200
_NUMERIC_SHARE = 0.6  # of the filled value cells, for a table to hold values
# Each role's header words as word tuples ("đơn vị tính" → ("đơn", "vị", "tính")), matched
# against the n-grams of a header's folded words: set look-ups, not a pattern per word.
_ROLE_WORDS = {
    role: frozenset(tuple(w.split()) for w in words)
    for role, words in INDICATOR_HEADER_WORDS.items()
}
_NAME_WORDS = tuple(
    w for role in ("name", "group") for w in INDICATOR_HEADER_WORDS[role]
)  # a header row holds one of them
_LONGEST_WORD = max(len(w) for words in _ROLE_WORDS.values() for w in words)
_STT_HEADERS = frozenset(HEADER_WORDS["stt"])
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_FORM = re.compile(
    r"^(?P<opener>{})\s*(?P<number>\d{{1,3}}[a-z]?|[IVX]{{1,5}})(?![\w/])\s*[.:\-–]?\s*(?P<rest>.*)$".format(
        "|".join(re.escape(o) for o in sorted(FORM_OPENERS, key=len, reverse=True))
    ),
    re.IGNORECASE,
)
_PERCENT_NAME = re.compile(r"\(\s*%\s*\)\s*$")
_VALUE_ROLES = ("score", "value")
_OTHER_ROLES = ("maximum", "appraised", "other")


@dataclass(slots=True)
class IndicatorColumn:
    """A column of an indicator table: position, role and (cleaned) header text."""

    index: int
    role: str  # stt, group, name, name2, unit, value, score, maximum, appraised, notes, other
    header: str


@dataclass(slots=True)
class IndicatorPart:
    """One table of indicators (or a part continuing the previous one) and its form."""

    block: int
    table: Table
    columns: list[IndicatorColumn]
    rows: list[Row]
    form: str | None = None
    form_title: str | None = None
    continues: bool = False
    first_line: int | None = None  # the block of its form line, where it has one

    def cell(self, row: Row, role: str) -> str:
        """The text of the first column with ``role`` in ``row`` ("" when none)."""
        for col in self.columns:
            if col.role == role:
                return row.cells[col.index] if col.index < len(row.cells) else ""
        return ""

    def has(self, role: str) -> bool:
        return any(c.role == role for c in self.columns)


@dataclass(slots=True)
class IndicatorTables:
    """The indicator tables of a document, and what lies above the first of them."""

    parts: list[IndicatorPart] = field(default_factory=list)
    preamble: list[PreambleLine] = field(default_factory=list)

    @property
    def blocks(self) -> set[int]:
        """The grid positions of the tables read as indicators."""
        return {p.block for p in self.parts}


@lru_cache(maxsize=4096)
def indicator_role(text: str) -> str | None:
    """The role an indicator table's header cell names, or None (memoised: a province's forms
    share their headers, and every table's header row is tried).

    >>> indicator_role("Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo)"), indicator_role("ĐVT")
    ('name', 'unit')
    >>> indicator_role("Điểm tối đa (Điểm chuẩn)"), indicator_role("Điểm tự đánh giá")
    ('maximum', 'score')
    >>> indicator_role("Năm 2025 (tính từ 01/7/2025)"), indicator_role("NHÓM CHỈ TIÊU")
    ('value', 'group')
    """
    if not text or len(text) > _MAX_HEADER_CELL:
        return None
    full = fold(text)
    if not full:
        return None
    main = fold(text.split("(")[0]) or full
    if main in _STT_HEADERS:
        return "stt"
    words = main.split()
    grams = {
        tuple(words[i : i + n])
        for n in range(1, _LONGEST_WORD + 1)
        for i in range(len(words) - n + 1)
    }
    for role, phrases in _ROLE_WORDS.items():
        if not grams.isdisjoint(phrases):
            return role
    if _YEAR.search(main) and len(main.split()) <= 4:
        return "value"  # "Năm 2025", "2024"
    return None


def find_indicator_tables(grid: Grid) -> IndicatorTables:
    """The indicator tables of ``grid`` in document order, continuations joined to their form."""
    found = IndicatorTables()
    lines: list[tuple[int, str]] = []  # (block, text) of paragraphs since the last table
    previous: IndicatorPart | None = None
    for position, block in enumerate(grid.blocks):
        if isinstance(block, Paragraph):
            lines.extend((position, t) for t in _lines(block.text, ocr=grid.ocr))
            continue
        part = _indicator_part(position, block, lines, previous)
        lines = []
        if part is None:
            previous = None
            continue
        if not found.parts:
            start = part.first_line if part.first_line is not None else position
            found.preamble = _preamble(
                [b for b in grid.blocks[:start] if b.name == block.name or b.name is None]
            )
        found.parts.append(part)
        previous = part
    return found


def _lines(text: str, *, ocr: bool = False) -> list[str]:
    """The cleaned lines of ``text``; ``ocr``: read from a scan, whose marks OCR misreads
    ("Biếu mẫu 2"), so a form's opener is written with its own marks where only they differ."""
    lines = [c for c in (clean(t) for t in text.split("\n")) if c]
    return [remark(t, FORM_OPENERS) for t in lines] if ocr else lines


def _indicator_part(
    position: int, table: Table, lines: list[tuple[int, str]], previous: IndicatorPart | None
) -> IndicatorPart | None:
    header = _find_header(table)
    form_at = _form_line(lines)
    if header is None:
        if previous is None or form_at is not None or not _continues(table, previous):
            return None
        return IndicatorPart(
            block=position,
            table=table,
            columns=previous.columns,
            rows=list(table.rows),
            form=previous.form,
            form_title=previous.form_title,
            continues=True,
        )
    header_at, header_end, columns = header
    above = [(position, t) for r in table.rows[:header_at] for t in _row_texts(r)]
    form_at = _form_line(lines) or _form_line(above)
    part = IndicatorPart(block=position, table=table, columns=columns, rows=table.rows[header_end:])
    if form_at is not None:
        source, at = form_at
        part.form, part.form_title = _form_of(source, at)
        part.first_line = source[at][0]
    elif table.name and _FORM.match(clean(table.name)):
        part.form, part.form_title = _form_of([(position, clean(table.name))], 0)
    elif previous is not None and _same_header(previous, columns):
        part.form, part.form_title, part.continues = previous.form, previous.form_title, True
    return part


def _row_texts(row: Row) -> list[str]:
    ocr = row.confidence is not None
    return [t for c in dict.fromkeys(row.cells) for t in _lines(c, ocr=ocr)]


def _form_line(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], int] | None:
    """The last form line ("Biểu mẫu 3") among ``lines``, as (lines, position)."""
    for at in range(len(lines) - 1, -1, -1):
        if _FORM.match(lines[at][1]):
            return lines, at
    return None


def _form_of(lines: list[tuple[int, str]], at: int) -> tuple[str, str | None]:
    """The form's number and title from its line and the lines after it."""
    m = _FORM.match(lines[at][1])
    assert m is not None
    title = clean(m.group("rest")) or join(t for _, t in lines[at + 1 :])
    return m.group("number").upper().lstrip("0") or "0", title or None


def _same_header(previous: IndicatorPart, columns: list[IndicatorColumn]) -> bool:
    return [(c.role, fold(c.header)) for c in previous.columns] == [
        (c.role, fold(c.header)) for c in columns
    ]


def _continues(table: Table, previous: IndicatorPart) -> bool:
    """A table without a header continues ``previous`` when it is as wide and opens with a
    numbered row."""
    if table.width != previous.table.width:
        return False
    first = next((r for r in table.rows if any(clean(c) for c in r.cells)), None)
    if first is None:
        return False
    stt = next((c.index for c in previous.columns if c.role == "stt"), None)
    return stt is not None and parse_stt(first.cells[stt]) is not None


def _find_header(table: Table) -> tuple[int, int, list[IndicatorColumn]] | None:
    """(header row, first body row, columns) when ``table`` is an indicator table."""
    for at, row in enumerate(table.rows[:_HEADER_SCAN_ROWS]):
        if any(len(c) > _MAX_HEADER_CELL for c in row.cells):
            continue
        text = clean(" ".join(row.cells)).lower()  # most rows name no indicator column at all
        if not any(word in text for word in _NAME_WORDS):
            continue
        roles = {indicator_role(c) for c in row.cells}
        if not roles & {"name", "group"}:
            continue
        texts = [clean(c) for c in row.cells]
        end = at + 1
        while end < len(table.rows) and end - at <= 2 and _is_subheader(table.rows[end], texts):
            lower = [clean(c) for c in table.rows[end].cells]
            texts = [_under(texts, lower, i) for i in range(max(len(texts), len(lower)))]
            end += 1
        while end < len(table.rows) and is_column_numbers(table.rows[end].cells):
            end += 1
        columns = _columns(texts)
        if _holds_values(columns, table.rows[end:]):
            return at, end, columns
    return None


def _is_subheader(row: Row, upper: list[str]) -> bool:
    """A second header row: short cells, no numbered first cell unless it repeats the upper
    one, and a cell naming a role or under an upper cell that spans (is empty)."""
    texts = [clean(c) for c in row.cells]
    filled = [(i, t) for i, t in enumerate(texts) if t]
    if not filled or any(len(t) > _MAX_HEADER_CELL for _, t in filled):
        return False
    if texts[0] and texts[0] != (upper[0] if upper else "") and parse_stt(texts[0]):
        return False
    if any(read_value(t) is not None for _, t in filled if t not in upper):
        return False
    return any(
        indicator_role(t) is not None or (i < len(upper) and not upper[i]) for i, t in filled
    )


def _under(upper: list[str], lower: list[str], i: int) -> str:
    above = upper[i] if i < len(upper) else ""
    below = lower[i] if i < len(lower) else ""
    if not below or above == below:
        return above
    if not above or indicator_role(below) is not None:
        return below
    return f"{above} {below}"


def _columns(texts: list[str]) -> list[IndicatorColumn]:
    columns: list[IndicatorColumn] = []
    seen: set[str] = set()
    for index, text in enumerate(texts):
        role = indicator_role(text) or ("name2" if "name" in seen and not text else "other")
        if role == "name2" and columns[-1].role not in ("name", "name2"):
            role = "other"
        if role == "name" and "name" in seen:
            role = "name2"
        elif (
            (role in ("stt", "unit", "group") and role in seen)
            or (role in _VALUE_ROLES and seen & set(_VALUE_ROLES))
            or (role in ("maximum", "appraised") and role in seen)
        ):
            role = "other"
        seen.add(role)
        columns.append(
            IndicatorColumn(
                index=index, role=role, header=text or UNNAMED_COLUMN.format(number=index + 1)
            )
        )
    if "stt" not in seen and columns and columns[0].role == "other":
        columns[0].role = "stt"
    return columns


def _holds_values(columns: list[IndicatorColumn], rows: list[Row]) -> bool:
    """True when the columns make an indicator table and ``rows`` fit it: the value column
    holds numbers (or is empty under a form's header), no column holds status words."""
    roles = {c.role for c in columns}
    value = next((c for c in columns if c.role in _VALUE_ROLES), None)
    if value is None or not roles & {"name", "group"}:
        return False
    if sum(named_status(c.header) is not None for c in columns) >= 2:
        return False  # "Hoàn thành | Đang thực hiện": statuses to tick, or counted by status
    # The cheap test first: the value column's numbers; then no column of status words.
    cells = [clean(r.cells[value.index]) for r in rows if value.index < len(r.cells)]
    filled = [c for c in cells if c]
    if not filled:
        strong = fold(value.header)
        if not (
            "unit" in roles
            or value.role == "score"
            or any(w in strong for w in STRONG_VALUE_HEADERS)
            or bool(_YEAR.search(strong))
        ):
            return False
    else:
        numbers = sum(read_value(c) is not None or c in NO_VALUE_MARKS for c in filled)
        if numbers < _NUMERIC_SHARE * len(filled):
            return False
    for col in columns:
        if col.role in ("stt", "name", "name2", "group", "unit"):
            continue
        cells = [clean(r.cells[col.index]) for r in rows if col.index < len(r.cells)]
        cells = [c for c in cells if c]
        if cells and sum(match_status(c) is not None for c in cells) * 2 >= len(cells):
            return False
    return True


# ---------------------------------------------------------------------------------- rows


@dataclass(slots=True)
class _Group:
    """A group row opened by a group column or a first indicator column: its label, the key
    of the row it sits under (None at the top) and its own key."""

    label: str
    anchor: str | None
    key: str


@dataclass(slots=True)
class _Numbering:
    """The numbering state of one form, carried into the parts that continue it."""

    section: str | None = None
    keys: set[str] = field(default_factory=set)
    last: str | None = None  # the key of the last row numbered in the document's own terms
    last_stt: str | None = None  # and its STT as written
    children: dict[str | None, int] = field(default_factory=dict)  # derived numbers taken
    chain: list[tuple[str, str]] = field(default_factory=list)  # open bullet rows: (mark, key)
    group: _Group | None = None


def build_indicators(tables: IndicatorTables) -> list[Indicator]:
    """Every indicator row of the tables, in document order."""
    indicators: list[Indicator] = []
    state = _Numbering()
    for part in tables.parts:
        if not part.continues:
            state = _Numbering()
        header_key = tuple(fold(c.header) for c in part.columns)
        for row in part.rows:
            if not _is_repeat(row, header_key):
                _add_row(indicators, part, row, state)
    return indicators


def _is_repeat(row: Row, header_key: tuple[str, ...]) -> bool:
    """A header repeated after a page break, or the column-number row."""
    if is_column_numbers(row.cells):
        return True
    return tuple(fold(c) for c in row.cells[: len(header_key)]) == header_key


@dataclass(slots=True)
class _Cells:
    """One body row's cells by role, cleaned."""

    stt: str
    name: str
    group: str
    value: str
    notes: str


def _cells(part: IndicatorPart, row: Row) -> _Cells:
    name = clean(part.cell(row, "name"))
    inner = clean(part.cell(row, "name2"))
    group = clean(part.cell(row, "group"))
    if inner and inner != name:
        group, name = name, inner  # a second indicator column: the first names the group
    elif group and not name:
        name, group = group, ""  # a group column's own row
    return _Cells(
        stt=clean(part.cell(row, "stt")),
        name=name,
        group=group,
        value=clean(part.cell(row, _value_role(part))),
        notes=join(row.cells[c.index] for c in part.columns if c.role == "notes"),
    )


def _add_row(indicators: list[Indicator], part: IndicatorPart, row: Row, st: _Numbering) -> None:
    if not any(clean(c) for c in row.cells):
        return
    cells = _cells(part, row)
    if not cells.stt and not cells.name:
        if indicators:  # the rest of a row broken over a page
            last = indicators[-1]
            last.notes = join([last.notes, cells.notes])
            if not last.value_raw and cells.value:
                last.value_raw, last.value = cells.value, read_value(cells.value)
        return
    emit = _Emitter(indicators, part, row, st)
    section = parse_section(cells.stt, cells.name) if cells.stt else None
    stt = parse_stt(cells.stt) if cells.stt else None
    if section and stt is None:
        st.section, st.last, st.last_stt, st.chain, st.group = section[0], None, None, [], None
        emit(section[0], cells.stt, None, cells)
        return
    if part.has("group") and not cells.group and stt is None:
        # the group column's own row ("Nhóm 1 | | 10"): a group at the top
        key = _derived(st.section, st)
        st.last, st.last_stt, st.chain = key, None, []
        st.group = _Group(label=cells.name, anchor=st.section, key=key)
        emit(key, cells.stt, st.section, cells)
        return
    repeated = bool(cells.stt) and cells.stt == st.last_stt  # an STT cell merged over rows
    if cells.group:
        anchor = st.last if repeated or not part.has("group") else st.section
        if not (st.group and st.group.label == cells.group and st.group.anchor == anchor):
            key = _derived(anchor, st)
            st.group = _Group(label=cells.group, anchor=anchor, key=key)
            group_cells = _Cells(stt="", name=cells.group, group="", value="", notes="")
            emit(key, "", anchor, group_cells, group=True)
    elif st.group and not repeated and stt is not None:
        st.group = None
    if stt is not None and stt.kind == "arabic" and not repeated:
        key = _prefixed(st.section, stt.key)
        parent = _parent_of(key, st)
        if parent is None and st.group and cells.group:
            parent = st.group.key
        st.last, st.last_stt, st.chain = key, cells.stt, []
        emit(key, stt.text, parent, cells)
        return
    mark = "letter" if stt is not None and stt.kind == "letter" else cells.stt
    marks = [m for m, _ in st.chain]
    if cells.group and st.group:
        anchor, st.chain = st.group.key, []
    else:
        if mark in marks:  # a sibling of an open bullet row: close the rows below it
            st.chain = st.chain[: marks.index(mark)]
        anchor = (
            st.chain[-1][1] if st.chain else st.last or (st.group.key if st.group else st.section)
        )
    if stt is not None and stt.kind == "letter":
        key = f"{anchor}.{stt.key}" if anchor else stt.key
    else:
        key = _derived(anchor, st)
    st.chain.append((mark, key))
    emit(key, stt.text if stt is not None and not repeated else cells.stt, anchor, cells)


def _value_role(part: IndicatorPart) -> str:
    return "score" if part.has("score") else "value"


def _prefixed(section: str | None, key: str) -> str:
    return f"{section}.{key}" if section else key


def _parent_of(key: str, st: _Numbering) -> str | None:
    """The longest prefix of ``key`` already seen, else the open section."""
    pieces = key.split(".")
    for cut in range(len(pieces) - 1, 0, -1):
        candidate = ".".join(pieces[:cut])
        if candidate in st.keys:
            return candidate
    return st.section if st.section and key != st.section else None


def _derived(anchor: str | None, st: _Numbering) -> str:
    """The next free number under ``anchor`` ("2.1", "2.2" … under "2")."""
    number = st.children.get(anchor, 0)
    while True:
        number += 1
        key = f"{anchor}.{number}" if anchor else str(number)
        if key not in st.keys:
            st.children[anchor] = number
            return key


@dataclass(slots=True)
class _Emitter:
    """Appends the indicators of one body row (and of the group rows it opens)."""

    indicators: list[Indicator]
    part: IndicatorPart
    row: Row
    st: _Numbering

    def __call__(
        self, key: str, stt: str, parent: str | None, cells: _Cells, *, group: bool = False
    ) -> None:
        part, row = self.part, self.row
        prefix = f"{part.form}:" if part.form else ""
        unit = None if group else clean(part.cell(row, "unit")) or None
        if unit is None and not group:
            if part.has("score"):
                unit = SCORE_UNIT
            elif not part.has("unit") and _PERCENT_NAME.search(cells.name):
                unit = "%"
        columns = {
            c.header: clean(row.cells[c.index]) if c.index < len(row.cells) else ""
            for c in part.columns
            if c.role in _OTHER_ROLES and not group
        }
        self.indicators.append(
            Indicator(
                id=prefix + key,
                form=part.form,
                form_title=part.form_title,
                stt=stt.rstrip("."),
                parent=prefix + parent if parent else None,
                name=cells.name,
                unit=unit,
                value=read_value(cells.value),
                value_raw=cells.value,
                maximum=None if group else read_value(part.cell(row, "maximum")),
                columns=columns,
                notes=cells.notes,
                location=row.location.model_copy(),
            )
        )
        self.st.keys.add(key)


__all__ = [
    "IndicatorColumn",
    "IndicatorPart",
    "IndicatorTables",
    "build_indicators",
    "find_indicator_tables",
    "indicator_role",
]
