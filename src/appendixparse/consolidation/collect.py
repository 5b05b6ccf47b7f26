"""The batch's store of consolidated documents: one kept per unit, its rows held as columns.

Documents arrive one at a time, in the workers' finishing order. Each is tabulated at once
into columns (a :class:`Table`: no dict per row or flag): the fields whose words recur (unit
names, target texts, statuses, flag codes, ids) as tuples of words shared with the documents
before it, the others (notes, figures, messages, evidence) packed and compressed until the
frames are built; the :class:`~.documents.Document` is dropped. Of several reports of one
unit only the one that would be kept (the latest period, then the later file) keeps its
columns; the others are remembered by the few fields the duplicates table and the
``duplicate_unit`` flag need, so the parent holds one unit's report once however many times
it is sent.

:meth:`Collection.settle` then applies the rule of :class:`~.frames.Consolidation`: one
spelling per unit (the most used, else the first), labels, the ``duplicate_unit`` flags and the
(left out, kept) pairs, exactly as if every document had been kept until the end.
"""

from __future__ import annotations

import pickle
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..checks.messages import render
from ..checks.registry import make_flag
from ..tabular import as_json
from ..text.cleaning import fold, strip_accents
from .documents import Document

__all__ = [
    "FLAG_FIELDS", "INDICATOR_FIELDS", "ROW_FIELDS", "Collection", "Entry", "Table", "sort_key",
]  # fmt: skip

# A document's own fields (unit, label, period, source) are not repeated on each of its rows.
ROW_FIELDS = (
    "id", "section", "section_title", "stt", "target", "status", "status_raw", "value",
    "figures", "notes", "flags", "location", "row_id", "row_target", "match_score",
)  # fmt: skip
FLAG_FIELDS = ("code", "severity", "id", "row_id", "message", "message_en", "evidence")
INDICATOR_FIELDS = (
    "id", "form", "form_title", "stt", "parent", "name", "value", "value_raw",
    "unit_of_measure", "notes",
)  # fmt: skip
# The fields whose words recur from document to document: held once, shared.
_SHARED_ROW = frozenset(("id", "section", "section_title", "stt", "target", "status",
                         "status_raw", "flags", "row_id"))  # fmt: skip
_SHARED_FLAG = frozenset(("code", "severity", "id", "row_id"))
_SHARED_INDICATOR = frozenset(("id", "form", "form_title", "stt", "parent", "name",
                               "unit_of_measure"))  # fmt: skip

_LISTED = 3  # other files named in a duplicate_unit message
_EVIDENCE = 20  # other files listed in its evidence: a unit sent 500 times stays readable


class Table:
    """One of a document's tables (rows, flags, indicators) as columns, in its fields' order:
    a column of shared words as a tuple, another packed (compressed) until it is read."""

    __slots__ = ("_columns", "count")

    def __init__(self, count: int = 0, columns: list[tuple[Any, ...] | bytes | None] | None = None):
        self.count = count
        self._columns = columns or []

    def column(self, index: int) -> tuple[Any, ...]:
        """The values of the field at ``index`` (one per row)."""
        if not self.count:
            return ()
        held = self._columns[index]
        if held is None:
            raise ValueError("this column was taken already")
        return pickle.loads(zlib.decompress(held)) if isinstance(held, bytes) else held

    def take(self, index: int) -> tuple[Any, ...]:
        """The values of the field at ``index``, which the table then lets go of."""
        values = self.column(index)
        if self.count:
            self._columns[index] = None
        return values


_EMPTY = Table()


@dataclass(slots=True, eq=False)
class Entry:
    """One document as the batch holds it: what orders it, chooses among its unit's reports
    and lists it as a duplicate; its rows, flags and indicators (columns of
    :data:`ROW_FIELDS`, :data:`FLAG_FIELDS`, :data:`INDICATOR_FIELDS`) only while kept."""

    unit: str
    unit_from: str
    source: str
    format: str | None
    period_start: str | None
    period_end: str | None
    declared: tuple[int | None, ...]  # the summary's total, completed, in_progress, not_started
    unmatched: int
    order: tuple[Any, ...]  # its place among the documents: sort key, then arrival
    rows: Table = _EMPTY
    flags: Table = _EMPTY
    indicators: Table = _EMPTY
    label: str = ""
    duplicate: tuple[Any, ...] | None = field(default=None)  # its duplicate_unit flag's fields

    @property
    def flag_count(self) -> int:
        """Its flags, the ``duplicate_unit`` flag included."""
        return self.flags.count + (self.duplicate is not None)


def sort_key(unit: str, source: str, period_start: str | None, period_end: str | None) -> tuple:
    """Units alphabetically (tone marks ignored first), then period, then file."""
    path = Path(source)
    return (
        strip_accents(fold(unit)), fold(unit), period_start or "", period_end or "",
        str(path.parent), path.stem, path.suffix,
    )  # fmt: skip


def _rank(entry: Entry) -> tuple[Any, ...]:
    """Of one unit's reports the highest is kept: the latest period, then the later file."""
    return (entry.period_end or "", entry.period_start or "", entry.order)


class Collection:
    """The documents of a batch as they arrive (see the module's docstring)."""

    def __init__(self) -> None:
        self._shared: dict[str, str] = {}
        # (indicator tables alone?, folded unit) → its documents, and the one kept so far
        self._groups: dict[tuple[bool, str], list[Entry]] = {}
        self._kept: dict[tuple[bool, str], Entry] = {}
        self._arrived = 0

    def __len__(self) -> int:
        return self._arrived

    def add(self, doc: Document) -> None:
        """Take ``doc`` in: tabulated if it is its unit's best report so far, else noted."""
        summary = doc.summary
        entry = Entry(
            unit=self._share(doc.unit),
            unit_from=self._share(doc.unit_from),
            source=doc.source,
            format=self._share(doc.format),
            period_start=self._share(doc.period_start),
            period_end=self._share(doc.period_end),
            declared=(
                (summary.total, summary.completed, summary.in_progress, summary.not_started)
                if summary
                else (None, None, None, None)
            ),
            unmatched=doc.unmatched,
            order=(
                *sort_key(doc.unit, doc.source, doc.period_start, doc.period_end),
                self._arrived,
            ),
        )
        self._arrived += 1
        # Case, tone placement and spacing apart: "Đakrông" and "Đa Krông" are one place.
        # Documents of indicator tables alone are kept among themselves, so that they never
        # displace a unit's assessment appendix.
        key = (not doc.rows and bool(doc.indicators), fold(doc.unit).replace(" ", ""))
        self._groups.setdefault(key, []).append(entry)
        kept = self._kept.get(key)
        if kept is not None and _rank(kept) >= _rank(entry):
            return
        if kept is not None:
            kept.rows = kept.flags = kept.indicators = _EMPTY
        entry.rows = self._columns(doc.rows, ROW_FIELDS, _SHARED_ROW)
        entry.flags = self._columns(doc.flags, FLAG_FIELDS, _SHARED_FLAG)
        entry.indicators = self._columns(doc.indicators, INDICATOR_FIELDS, _SHARED_INDICATOR)
        self._kept[key] = entry

    def _share(self, value: Any) -> Any:
        return self._shared.setdefault(value, value) if isinstance(value, str) else value

    def _columns(
        self, items: list[dict[str, Any]], fields: tuple[str, ...], shared: frozenset[str]
    ) -> Table:
        if not items:
            return _EMPTY
        share = self._share
        return Table(
            len(items),
            [
                tuple(share(item[name]) for item in items)
                if name in shared
                else zlib.compress(pickle.dumps(tuple(item[name] for item in items)), 1)
                for name in fields
            ],
        )

    def settle(self) -> tuple[list[Entry], list[Entry], list[tuple[Entry, Entry]]]:
        """(the assessments kept, the indicator-only documents kept, both in order; the
        (left out, kept) pairs), each unit under one spelling, labelled, its duplicates
        flagged on the one kept."""
        left_out: list[tuple[Entry, Entry]] = []
        kept_of: dict[bool, list[Entry]] = {False: [], True: []}
        for indicator_only in (False, True):
            groups = [
                (sorted(docs, key=lambda e: e.order), key)
                for key, docs in self._groups.items()
                if key[0] is indicator_only
            ]
            groups.sort(key=lambda item: item[0][0].order)  # by the group's first document
            for docs, key in groups:
                # One unit written two ways ("Hướng Hoá", "Hướng Hóa") is one unit: one
                # spelling (the most used, else the first) names all its columns and rows.
                spelling = Counter(d.unit for d in docs).most_common(1)[0][0]
                for doc in docs:
                    doc.unit = spelling
                kept = self._kept[key]
                kept.label = kept.unit
                others = [d for d in docs if d is not kept]
                if others:
                    kept.duplicate = _duplicate_flag(kept, others)
                    left_out.extend((doc, kept) for doc in others)
                kept_of[indicator_only].append(kept)
        assessed = sorted(kept_of[False], key=lambda e: e.order)
        return assessed, sorted(kept_of[True], key=lambda e: e.order), left_out


def _duplicate_flag(doc: Entry, others: list[Entry]) -> tuple[Any, ...]:
    """The fields (:data:`FLAG_FIELDS`) of the ``duplicate_unit`` flag of ``doc``, the report
    kept of several of one unit."""
    names = ", ".join(Path(d.source).name for d in others[:_LISTED])
    more = len(others) - len(others[:_LISTED])
    files = render("duplicate_unit.more", files=names, more=more) if more else names
    flag = make_flag(
        "duplicate_unit",
        None,
        {
            "sources": [doc.source, *(d.source for d in others[:_EVIDENCE])],
            "reports": len(others) + 1,
            "label": doc.label,
        },
        unit=doc.unit,
        reports=len(others) + 1,
        file=Path(doc.source).name,
        period=doc.period_end or "?",
        files=files,
    )
    return (flag.code, flag.severity, None, flag.record, flag.message, flag.message_en,
            as_json(flag.evidence))  # fmt: skip
