"""Laid-out rows to records: sections, target rows, sub-items and continuation rows."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ..models import Group, Location, Record, Section, Unparsed
from ..text.cleaning import clean, fold, join
from ..text.numbering import Stt, parse_section, parse_stt
from ..text.status import normalise_status, normalise_status_unmarked
from .layout import BodyRow, Layout, RowFate
from .vocabulary import NOT_TICKED


@dataclass(slots=True)
class _Draft:
    """A record being assembled: the raw parts of each column, in document order."""

    id: str
    stt: Stt
    section: Section | None
    location: Location
    parts: dict[int, list[str]] = field(default_factory=dict)
    # Read by OCR: per column, the confidence of each word of each part (NaN for the words
    # of a text layer, in a record a page break splits between a typed page and a scan).
    confidence: dict[int, list[tuple[float, ...]]] | None = None

    def add(self, cells: list[str], confidence: list[tuple[float, ...]] | None = None) -> None:
        if confidence is not None and self.confidence is None:
            self.confidence = {
                i: [_fit((), p, math.nan) for p in parts] for i, parts in self.parts.items()
            }
        for index, text in enumerate(cells):
            if not text.strip():
                continue
            column = self.parts.setdefault(index, [])
            # A cell merged over several rows is seen again in each: keep it once.
            if not column or column[-1].strip() != text.strip():
                column.append(text)
                if self.confidence is not None:
                    if confidence is None:
                        words = _fit((), text, math.nan)
                    else:
                        words = _fit(confidence[index] if index < len(confidence) else (), text)
                    self.confidence.setdefault(index, []).append(words)


@dataclass(slots=True)
class Assembled:
    """What the rows gave: records, the sections met, and text that fits nowhere."""

    records: list[Record]
    sections: list[Section]
    unparsed: list[Unparsed]
    groups: list[Group] = field(default_factory=list)
    # Per record, for those read by OCR: the confidence of each word of its target, status
    # and notes (the fields' words in order); None for records from a text layer.
    confidence: list[dict[str, tuple[float, ...]] | None] = field(default_factory=list)
    fates: list[RowFate] = field(default_factory=list)
    """What became of each body row of the grid (see :mod:`.accounting`)."""


def build_records(layout: Layout) -> Assembled:
    """Walk the body rows: sections open, numbered rows start records, rows without STT continue
    the record above; anything else goes to ``unparsed``.

    A title between table parts (a row with a ``heading``) opens a section too — numbered as it
    says ("Biểu mẫu 2"), else by its place among the sections — and the sections of the part
    under it carry its numeral in their records' ids ("2.I.1"), so that ids never collide
    across titled parts. A part that opens with a section row of the title's numeral (or a
    title without one) restates the title: the section row stands, the title is dropped.
    """
    target_cols = layout.index_of("target")
    if not layout.index_of("stt") and target_cols:  # no STT column: numbers lead the targets
        stt_cols, title_col = [len(layout.columns)], target_cols[0]
    else:
        stt_cols = layout.index_of("stt") or [0]
        last = len(layout.columns) - 1
        title_col = target_cols[0] if target_cols else min(stt_cols[-1] + 1, last)
    drafts: list[_Draft] = []
    sections: list[Section] = []
    unparsed: list[Unparsed] = []
    fates: list[RowFate] = []
    section: Section | None = None
    heading: Section | None = None  # the title over the current part, if any
    headings: list[Section] = []
    untitled = 0
    heading_free: str | None = None  # the numeral a heading without one was given
    parent: str | None = None  # the last arabic STT, for lettered sub-items

    owners: dict[int, int] = {}  # a record row's fate → its draft (for group rows)
    section_row: BodyRow | None = None  # the row above, when it opened a section

    def fate(row: BodyRow, kind: str, detail: str = "") -> None:
        if row.origin is not None:
            if kind == "record":
                owners[len(fates)] = len(drafts) - 1
            fates.append(RowFate(*row.origin, kind, detail))

    rows = layout.rows if layout.index_of("stt") else _numbered(layout.rows, title_col)
    for row in rows:
        above, section_row = section_row, None
        if row.heading is not None:
            numeral, title = row.heading
            if not headings:
                untitled = int(bool(drafts))  # a first part without a title counts as one
            heading_free = None
            if numeral is None:  # numbered by its part's place, as the titles before it are
                part = untitled + len(headings) + 1
                arabic = bool(headings) and headings[-1].numeral.isdigit()
                numeral = heading_free = _free_numeral(sections, part, arabic=arabic)
            section = heading = Section(numeral=numeral, title=title)
            sections.append(section)
            headings.append(section)
            parent = None
            continue
        stt_col, stt_text = _stt_cell(row.cells, stt_cols)
        if section is not None and above is not None and _ends_title(above, row, title_col):
            # a section row the page break cut: its title goes on atop the next part
            section = Section(
                numeral=section.numeral, title=join([section.title, row.cells[title_col]])
            )
            sections[-1] = section
            section_row = row
            fate(row, "section", section.numeral)
            continue
        title_at = _section_title_at(row.cells, stt_col, title_col)
        if stt_text and (found := parse_section(stt_text, row.cells[title_at])):
            section = Section(numeral=found[0], title=found[1])
            if (
                heading is not None
                and sections[-1] is heading
                and heading.numeral
                in (
                    found[0],
                    heading_free,
                )
            ):  # the part's own section row restates its title ("Phần II" over "II | …")
                sections.pop()
                headings.pop()
                heading = None
            sections.append(section)
            parent = None
            _place_rest(row.cells, stt_col, title_at, row.location, unparsed)
            fate(row, "section", section.numeral)
            section_row = row
            continue
        stt = parse_stt(stt_text, number=stt_col in row.numeric) if stt_text else None
        if stt is not None:
            cells = list(row.cells)
            cells[stt_col] = ""  # the STT is the record's number, not its text
            if _repeats(drafts, stt, section, cells, title_col):
                drafts[-1].add(cells, row.confidence)  # STT and target merged down
                fate(row, "record", drafts[-1].id)
                continue
            if stt.kind == "arabic" and "." not in stt.key:
                parent = stt.key
            key = stt.key if stt.kind == "arabic" or parent is None else f"{parent}.{stt.key}"
            record_id = f"{section.numeral}.{key}" if section else key
            if heading is not None and section is not heading:
                record_id = f"{heading.numeral}.{record_id}"
            draft = _Draft(id=record_id, stt=stt, section=section, location=row.location)
            draft.add(cells, row.confidence)
            drafts.append(draft)
            fate(row, "record", record_id)
        elif not stt_text and drafts and drafts[-1].section is section:
            drafts[-1].add(row.cells, row.confidence)  # a row broken by a page break goes on
            fate(row, "record", drafts[-1].id)
        else:
            text = join(row.cells)
            if text:
                reason = "row with no target above it" if not stt_text else "unrecognised STT"
                unparsed.append(Unparsed(text=text, location=row.location, reason=reason))
                fate(row, "unparsed", reason)
            else:
                fate(row, "empty")
    heads = {i for i, d in enumerate(drafts) if _is_group(d, drafts[i + 1 : i + 2], layout)}
    for at, owner in owners.items():  # a group row is no record: its rows are the group's
        if owner in heads:
            fates[at] = RowFate(fates[at].block, fates[at].row, "group", drafts[owner].id)
    groups = [_group(drafts[i], layout) for i in sorted(heads)]
    kept = [d for i, d in enumerate(drafts) if i not in heads]
    return Assembled(
        [_finish(d, layout) for d in kept],
        sections,
        unparsed,
        groups,
        [_confidence(d, layout) for d in kept],
        fates,
    )


def _group(draft: _Draft, layout: Layout) -> Group:
    title = join(p for i in layout.index_of("target") for p in draft.parts.get(i, []))
    section = draft.section.numeral if draft.section else None
    return Group(id=draft.id, section=section, stt=draft.stt.text, title=title)


def _is_group(draft: _Draft, following: list[_Draft], layout: Layout) -> bool:
    """A group row ("2. Tiêu chí về hạ tầng" above 2.1, 2.2): a title and nothing else, whose
    next row is numbered under it. It is no record; its children carry its number."""
    if not following or not following[0].id.startswith(draft.id + "."):
        return False
    said = {i for i, parts in draft.parts.items() if any(p.strip() for p in parts)}
    kept = set(layout.index_of("target")) | set(layout.index_of("stt"))
    return not (said - kept)


def _fit(words: tuple[float, ...], text: str, missing: float = 0.0) -> tuple[float, ...]:
    """One confidence per word of ``text`` (a reader's count can differ where a cell was
    edited: the missing ones take the lowest given, or ``missing``)."""
    count = len(clean(text).split())
    if len(words) == count:
        return words
    floor = min(words, default=missing)
    return (words + (floor,) * count)[:count]


def _confidence(draft: _Draft, layout: Layout) -> dict[str, tuple[float, ...]] | None:
    if draft.confidence is None:
        return None
    out: dict[str, tuple[float, ...]] = {}
    for role in ("target", "status", "notes"):
        words: tuple[float, ...] = ()
        for i in layout.index_of(role):
            for part, conf in zip(draft.parts.get(i, []), draft.confidence.get(i, [])):
                if clean(part):
                    words += conf
        out[role] = words
    return out


def _free_numeral(sections: list[Section], part: int, *, arabic: bool) -> str:
    """The numeral of the ``part``-th part of the table (arabic or roman), or the next one no
    section has taken yet."""
    used = {s.numeral for s in sections}
    while (str(part) if arabic else _roman(part)) in used:
        part += 1
    return str(part) if arabic else _roman(part)


def _roman(number: int) -> str:
    """A number in roman numerals.

    >>> _roman(14)
    'XIV'
    """
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out += letters
            number -= value
    return out


# A number that opens a target cell in a table without an STT column: "1.", "1.2.", "a)".
_LEADING_STT = re.compile(r"^\s*(?P<stt>(?:\d{1,3}(?:\.\d{1,3})*|[a-zđ])[.)]?)\s+(?=\S)")


def _numbered(rows: list[BodyRow], title_col: int) -> list[BodyRow]:
    """The rows of a table without an STT column, each given one as an extra last cell: the
    number that opens its target cell ("1. Ban hành …"), the section numeral of a section row
    ("I. CẢI CÁCH THỂ CHẾ"), or else its place among the targets of its section; a row whose
    target cell is empty gets none, and so continues the target above, as does a row opening
    a part of the table without a number (or the rows atop it before its first numbered one)
    after a target that opened with one (the rest of a row the page break cut), and a part's
    first row with text in its target cell alone under a section row (the rest of the
    section's title)."""
    numbered: list[BodyRow] = []
    count = 0
    inline = False  # the target above opened with its number
    section_above = False  # the row above is a section row
    top = False  # the rows atop a part, before its first numbered one
    for at, row in enumerate(rows):
        target = clean(row.cells[title_col])
        cells = list(row.cells)
        opens_part = at > 0 and _part_of(rows[at - 1]) != _part_of(row)
        # atop a part, until a row of it is numbered: where the page break cut a row, its
        # cells' rest may come as several rows ("triển khai." in the notes, then the target's)
        top = opens_part or (top and not numbered[-1].cells[-1])
        numbers_itself = False
        cut_title = section_above and opens_part and _ends_title(rows[at - 1], row, title_col)
        section_above = False
        if cut_title and not _LEADING_STT.match(target):
            stt = ""  # the rest of a section row the page break cut ("ĐỘ CÔNG VỤ")
        elif row.heading is not None:
            count = 0  # a title between parts: its part numbers its targets afresh
            stt = ""
        elif target and parse_section(target):
            count = 0
            stt = target  # the section row: numeral and title in the STT cell
            cells[title_col] = ""
            section_above = True
        elif target and (m := _LEADING_STT.match(target)) and parse_stt(m.group("stt")):
            count += 1
            stt = m.group("stt")
            cells[title_col] = target[m.end() :]
            numbers_itself = True
        elif target and not (inline and top):
            count += 1
            stt = f"{count}."
        else:
            stt = ""
        inline = numbers_itself or (inline and not stt)
        confidence = None
        if row.confidence is not None:
            confidence = [*row.confidence, ()]
            if confidence[title_col] and cells[title_col] != row.cells[title_col]:
                cut = len(clean(row.cells[title_col]).split()) - len(cells[title_col].split())
                confidence[title_col] = confidence[title_col][max(cut, 0) :]
        numbered.append(
            BodyRow(
                cells=[*cells, stt],
                location=row.location,
                numeric=row.numeric,
                confidence=confidence,
                origin=row.origin,
                heading=row.heading,
            )
        )
    return numbered


def _ends_title(above: BodyRow, row: BodyRow, title_col: int) -> bool:
    """Is ``row`` the rest of the section row ``above`` cut by a page break: the first row of
    the next part, with text in the title's column alone?"""
    return (
        _part_of(above) != _part_of(row)
        and bool(clean(row.cells[title_col]))
        and not any(clean(c) for i, c in enumerate(row.cells) if i != title_col)
    )


def _part_of(row: BodyRow) -> object:
    """The table part a row comes from: its block in the grid, or else its page."""
    return row.origin[0] if row.origin is not None else row.location.page


def _stt_cell(cells: list[str], stt_cols: list[int]) -> tuple[int, str]:
    """The first STT column with text in this row, and that text ("" when none has any)."""
    for index in stt_cols:
        if text := clean(cells[index]):
            return index, text
    return stt_cols[0], ""


def _section_title_at(cells: list[str], stt_col: int, title_col: int) -> int:
    """Where a section row's title is: the target column, or else the first cell with text
    between the STT and the target column (a title merged from an STT column of its own)."""
    if cells[title_col].strip() or title_col <= stt_col:
        return title_col
    between = range(stt_col + 1, title_col)
    return next((i for i in between if cells[i].strip()), title_col)


def _repeats(
    drafts: list[_Draft], stt: Stt, section: Section | None, cells: list[str], title_col: int
) -> bool:
    """True when a row repeats the STT and target of the record above (cells merged down)."""
    if not drafts or drafts[-1].stt != stt or drafts[-1].section is not section:
        return False
    target = cells[title_col].strip()
    parts = drafts[-1].parts.get(title_col, [])
    return bool(target) and bool(parts) and parts[-1].strip() == target


def _place_rest(
    cells: list[str], stt_col: int, title_col: int, location: Location, unparsed: list[Unparsed]
) -> None:
    """A section row's cells other than its numeral and title cannot be placed."""
    rest = [c for i, c in enumerate(cells) if i not in (stt_col, title_col)]
    text = join(rest)
    if text:
        unparsed.append(Unparsed(text=text, location=location, reason="text in a section row"))


def _finish(draft: _Draft, layout: Layout) -> Record:
    def text_of(role: str) -> str:
        return join(p for i in layout.index_of(role) for p in draft.parts.get(i, []))

    status_raw = text_of("status")
    status = normalise_status(status_raw)
    if status == "unknown" and draft.confidence is not None:
        status = normalise_status_unmarked(status_raw)  # OCR loses tone marks
    if not status_raw:
        # A form with one column per status ("Hoàn thành | Đang thực hiện | …"): the status is
        # the header of the column ticked; two ticks state no one status.
        ticked = [
            c.header
            for c in layout.columns
            if c.role == "choice" and _is_ticked(join(draft.parts.get(c.index, [])))
        ]
        if ticked:
            status_raw = "; ".join(ticked)
            status = normalise_status(status_raw) if len(ticked) == 1 else "unknown"
    extra = {  # the ticks too: their marks ("x", "✓", a date…) are the document's own
        col.header: join(draft.parts.get(col.index, []))
        for col in layout.columns
        if col.role in ("extra", "choice") and draft.parts.get(col.index)
    }
    return Record(
        id=draft.id,
        section=draft.section.numeral if draft.section else None,
        section_title=draft.section.title if draft.section else None,
        stt=draft.stt.text,
        target=text_of("target"),
        status_raw=status_raw,
        status=status,  # type: ignore[arg-type]
        notes=text_of("notes"),
        extra=extra,
        location=draft.location,
    )


def _is_ticked(cell: str) -> bool:
    """Whether a cell of a status-choice column is ticked: anything but dashes, "0", "không"."""
    return bool(cell.strip(" -–—.")) and fold(cell) not in NOT_TICKED
