"""Laid-out rows to records: sections, target rows, sub-items and continuation rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Group, Location, Record, Section, Unparsed
from ..text.cleaning import clean, fold, join
from ..text.numbering import Stt, parse_section, parse_stt
from ..text.status import normalise_status
from .layout import BodyRow, Layout
from .vocabulary import NOT_TICKED


@dataclass(slots=True)
class _Draft:
    """A record being assembled: the raw parts of each column, in document order."""

    id: str
    stt: Stt
    section: Section | None
    location: Location
    parts: dict[int, list[str]] = field(default_factory=dict)

    def add(self, cells: list[str]) -> None:
        for index, text in enumerate(cells):
            if not text.strip():
                continue
            column = self.parts.setdefault(index, [])
            # A cell merged over several rows is seen again in each: keep it once.
            if not column or column[-1].strip() != text.strip():
                column.append(text)


@dataclass(slots=True)
class Assembled:
    """What the rows gave: records, the sections met, and text that fits nowhere."""

    records: list[Record]
    sections: list[Section]
    unparsed: list[Unparsed]
    groups: list[Group] = field(default_factory=list)


def build_records(layout: Layout) -> Assembled:
    """Walk the body rows: sections open, numbered rows start records, rows without STT continue
    the record above; anything else goes to ``unparsed``."""
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
    section: Section | None = None
    parent: str | None = None  # the last arabic STT, for lettered sub-items

    rows = layout.rows if layout.index_of("stt") else _numbered(layout.rows, title_col)
    for row in rows:
        stt_col, stt_text = _stt_cell(row.cells, stt_cols)
        title_at = _section_title_at(row.cells, stt_col, title_col)
        if stt_text and (found := parse_section(stt_text, row.cells[title_at])):
            section = Section(numeral=found[0], title=found[1])
            sections.append(section)
            parent = None
            _place_rest(row.cells, stt_col, title_at, row.location, unparsed)
            continue
        stt = parse_stt(stt_text) if stt_text else None
        if stt is not None:
            cells = list(row.cells)
            cells[stt_col] = ""  # the STT is the record's number, not its text
            if _repeats(drafts, stt, section, cells, title_col):
                drafts[-1].add(cells)  # STT and target merged down over several rows
                continue
            if stt.kind == "arabic" and "." not in stt.key:
                parent = stt.key
            key = stt.key if stt.kind == "arabic" or parent is None else f"{parent}.{stt.key}"
            record_id = f"{section.numeral}.{key}" if section else key
            draft = _Draft(id=record_id, stt=stt, section=section, location=row.location)
            draft.add(cells)
            drafts.append(draft)
        elif not stt_text and drafts and drafts[-1].section is section:
            drafts[-1].add(row.cells)  # a row broken by a page break continues the record
        else:
            text = join(row.cells)
            if text:
                reason = "row with no target above it" if not stt_text else "unrecognised STT"
                unparsed.append(Unparsed(text=text, location=row.location, reason=reason))
    heads = {i for i, d in enumerate(drafts) if _is_group(d, drafts[i + 1 : i + 2], layout)}
    groups = [_group(drafts[i], layout) for i in sorted(heads)]
    records = [_finish(d, layout) for i, d in enumerate(drafts) if i not in heads]
    return Assembled(records, sections, unparsed, groups)


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


# A number that opens a target cell in a table without an STT column: "1.", "1.2.", "a)".
_LEADING_STT = re.compile(r"^\s*(?P<stt>(?:\d{1,3}(?:\.\d{1,3})*|[a-zđ])[.)]?)\s+(?=\S)")


def _numbered(rows: list[BodyRow], title_col: int) -> list[BodyRow]:
    """The rows of a table without an STT column, each given one as an extra last cell: the
    number that opens its target cell ("1. Ban hành …"), the section numeral of a section row
    ("I. CẢI CÁCH THỂ CHẾ"), or else its place among the targets of its section; a row whose
    target cell is empty gets none, and so continues the target above."""
    numbered: list[BodyRow] = []
    count = 0
    for row in rows:
        target = clean(row.cells[title_col])
        cells = list(row.cells)
        if target and parse_section(target):
            count = 0
            stt = target  # the section row: numeral and title in the STT cell
            cells[title_col] = ""
        elif target and (m := _LEADING_STT.match(target)) and parse_stt(m.group("stt")):
            count += 1
            stt = m.group("stt")
            cells[title_col] = target[m.end() :]
        elif target:
            count += 1
            stt = f"{count}."
        else:
            stt = ""
        numbered.append(BodyRow(cells=[*cells, stt], location=row.location))
    return numbered


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
