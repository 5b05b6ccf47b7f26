"""The consolidated dataset: documents in a fixed order, labelled, and their pandas frames."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..text.cleaning import fold
from .allocator import system_allocator
from .batch import Outcome
from .catalogue import Catalogue
from .collect import FLAG_FIELDS, INDICATOR_FIELDS, ROW_FIELDS, Collection, Entry, Table, sort_key
from .indicators import INDICATOR_COLUMNS, indicator_matrix, long_frame
from .labels import Lang

if TYPE_CHECKING:
    import pandas as pd

STATUSES = ("completed", "in_progress", "not_started", "not_applicable", "unknown", "missing")
RECORD_COLUMNS = (
    "unit", "unit_label", "period_start", "period_end", "id", "section", "section_title", "stt",
    "target", "status", "status_raw", "value", "figures", "notes", "flags", "source", "location",
    "row_id", "row_target", "match_score",
)  # fmt: skip
FLAG_COLUMNS = (
    "unit", "unit_label", "source", "code", "severity", "id", "row_id", "message", "message_en",
    "evidence",
)  # fmt: skip
ERROR_COLUMNS = ("source", "reason", "error")
DECLARED = ("total", "completed", "in_progress", "not_started")


@dataclass
class Consolidation:
    """Many units' reports side by side, target by target.

    - ``records``: one row per document and catalogue target (``status`` "missing" where the
      document has no row for it); columns in :data:`RECORD_COLUMNS`.
    - ``matrix``: targets (index ``id``) × documents (columns, by label), the status.
    - ``by_target``: per target, how many documents give each status, and the completion rate.
    - ``by_unit``: per document, its counts, declared summary and completion rate.
    - ``flags``: the documents' own flags and the consolidation's (``unmatched_row``,
      ``missing_target``, ``duplicate_unit``).
    - ``errors``: the inputs that could not be read (``source``, ``reason``, ``error``).
    - ``duplicates``: the reports left out because their unit sent a later one (``unit``,
      ``source``, ``period_start``, ``period_end``, ``kept``: the file consolidated instead).
    - ``catalogue``: the targets everything was aligned to.
    - ``indicators``: the indicator tables' rows, one per document and indicator (columns in
      :data:`~appendixparse.consolidation.indicators.INDICATOR_COLUMNS`); ``indicator_matrix``
      the indicators × documents with the province's figure (see that module), None when no
      document holds indicator tables. A document of indicator tables alone has no target
      rows (none is "missing") and no column in ``matrix`` or row in ``by_unit``.

    A unit is consolidated once: of several reports of one unit, the latest period wins (the
    later file, in path order, when periods agree); the others are listed in ``duplicates`` and
    flagged ``duplicate_unit`` on the one kept, never counted twice. ``unit_label`` names the
    unit's column.
    """

    records: pd.DataFrame
    matrix: pd.DataFrame
    by_target: pd.DataFrame
    by_unit: pd.DataFrame
    flags: pd.DataFrame
    errors: pd.DataFrame
    catalogue: pd.DataFrame
    duplicates: pd.DataFrame
    indicators: pd.DataFrame | None = None
    indicator_matrix: pd.DataFrame | None = None

    @property
    def documents(self) -> int:
        """How many documents were consolidated (those of indicator tables alone included)."""
        return len(self.by_unit) + len(self._indicator_only()[0])

    @property
    def units(self) -> int:
        """How many distinct units those documents come from."""
        units = {fold(u) for u in self.by_unit["unit"]} | self._indicator_only()[1]
        return len(units)

    def _indicator_only(self) -> tuple[set[str], set[str]]:
        """The sources, and folded units, of the documents of indicator tables alone."""
        if self.indicators is None or not len(self.indicators):
            return set(), set()
        known = set(self.by_unit["source"])
        rows = self.indicators[~self.indicators["source"].isin(known)]
        return set(rows["source"]), {fold(u) for u in rows["unit"]}

    def to_excel(self, path: str | os.PathLike[str], *, lang: Lang = "vi") -> Path:
        """Write the officer's workbook to ``path`` (.xlsx); see :func:`.exports.export`."""
        return self._export(path, ".xlsx", lang)

    def to_html(self, path: str | os.PathLike[str], *, lang: Lang = "vi") -> Path:
        """Write the self-contained HTML report to ``path`` (.html)."""
        return self._export(path, ".html", lang)

    def _export(self, path: str | os.PathLike[str], suffix: str, lang: Lang) -> Path:
        from .exports import export

        if Path(path).suffix.lower() != suffix:
            raise ValueError(f"{path}: the file must end in {suffix}")
        return export(self, path, lang=lang)

    def __repr__(self) -> str:
        return (
            f"<Consolidation: {self.units} unit(s), {self.documents} document(s), "
            f"{len(self.duplicates)} duplicate(s) left out, "
            f"{len(self.catalogue)} target(s), {len(self.flags)} flag(s), "
            f"{len(self.errors)} unreadable file(s)>"
        )


def build(collection: Collection, failures: list[Outcome], catalogue: Catalogue) -> Consolidation:
    """The frames of the consolidation of the documents in ``collection`` (settled here; the
    collection lets go of each column once it is in its frame)."""
    with system_allocator():
        return _build(collection, failures, catalogue)


def _build(collection: Collection, failures: list[Outcome], catalogue: Catalogue) -> Consolidation:
    import pandas as pd

    documents, indicator_only, left_out = collection.settle()
    # Flags and indicator rows in the order of the units' settled spelling.
    every = sorted(
        [*documents, *indicator_only],
        key=lambda e: sort_key(e.unit, e.source, e.period_start, e.period_end),
    )
    indicators = long_frame(
        dict(_columns(every, "indicators", INDICATOR_COLUMNS, INDICATOR_FIELDS))
    )
    flags = pd.DataFrame(
        {
            name: pd.Series(values)
            for name, values in _columns(every, "flags", FLAG_COLUMNS, FLAG_FIELDS)
        },
        columns=list(FLAG_COLUMNS),
    )
    ids = [t.id for t in catalogue.targets]
    statuses = [doc.rows.column(ROW_FIELDS.index("status")) for doc in documents]
    matrix = pd.DataFrame(
        [[of_doc[i] for of_doc in statuses] for i in range(len(ids))],
        index=pd.Index(ids, name="id"),
        columns=pd.Index([doc.label for doc in documents], name="unit"),
        dtype=object,
    )
    by_target = _by_target(statuses, catalogue)
    by_unit = _by_unit(documents, statuses, len(catalogue))
    records = pd.DataFrame(
        {
            name: _typed(name, pieces)
            for name, pieces in _pieces(documents, "rows", RECORD_COLUMNS, ROW_FIELDS)
        },
        columns=list(RECORD_COLUMNS),
    )
    errors = pd.DataFrame(
        [(o.source, o.reason, o.error) for o in sorted(failures, key=lambda o: o.source)],
        columns=list(ERROR_COLUMNS),
    )
    return Consolidation(
        records=records,
        matrix=matrix,
        by_target=by_target,
        by_unit=by_unit,
        flags=flags,
        errors=errors,
        catalogue=catalogue.frame(),
        indicators=indicators,
        indicator_matrix=indicator_matrix(indicators) if len(indicators) else None,
        duplicates=pd.DataFrame(
            [(d.unit, d.source, d.period_start, d.period_end, kept.source) for d, kept in left_out],
            columns=["unit", "source", "period_start", "period_end", "kept"],
        ),
    )


def _columns(
    documents: list[Entry], table: str, columns: tuple[str, ...], fields: tuple[str, ...]
) -> Iterator[tuple[str, list[Any]]]:
    """One of the documents' tables ("rows", "flags", "indicators"), column by column (see
    :func:`_pieces`)."""
    for name, pieces in _pieces(documents, table, columns, fields):
        values: list[Any] = []
        for piece in pieces:
            values.extend(piece)
        yield name, values


def _pieces(
    documents: list[Entry], table: str, columns: tuple[str, ...], fields: tuple[str, ...]
) -> Iterator[tuple[str, Iterator[Sequence[Any]]]]:
    """One of the documents' tables, column by column, each column's values a document at a
    time: a document's own fields repeated on each of its rows, its ``duplicate_unit`` flag
    first. Each column is let go of by the documents as it is read (read each column whole
    before the next)."""
    for name in columns:
        yield name, _column_pieces(documents, table, name, fields)


def _column_pieces(
    documents: list[Entry], table: str, name: str, fields: tuple[str, ...]
) -> Iterator[Sequence[Any]]:
    for doc in documents:
        held: Table = getattr(doc, table)
        extra = [doc.duplicate] if table == "flags" and doc.duplicate is not None else []
        own = {
            "unit": doc.unit, "unit_label": doc.label, "source": doc.source,
            "period_start": doc.period_start, "period_end": doc.period_end,
        }  # fmt: skip
        if name in own:
            yield [own[name]] * (held.count + len(extra))
        else:
            index = fields.index(name)
            yield [item[index] for item in extra]
            yield held.take(index)


TEXT_COLUMNS = tuple(
    c for c in RECORD_COLUMNS if c not in ("period_start", "period_end", "status", "value",
                                           "match_score")
)  # fmt: skip
_TEXT_BATCH = 2000  # values of a text column turned into Arrow at once


def _typed(name: str, pieces: Iterable[Sequence[Any]]) -> Any:
    """A column of the records frame with its real type: text as pandas strings, the period's
    dates as datetime64, ``status`` a categorical in the SPEC's order (then "missing"), the
    measured value and the match score as nullable floats."""
    import pandas as pd

    if name in TEXT_COLUMNS:
        return _text_column(pieces)
    column = pd.Series([value for piece in pieces for value in piece])
    if name in ("period_start", "period_end"):
        return pd.to_datetime(column, format="ISO8601")
    if name == "status":
        return pd.Categorical(column, categories=STATUSES)
    return column.astype("Float64")


def _text_column(pieces: Iterable[Sequence[Any]]) -> pd.Series:
    """A text column (pandas strings) from its documents' values, turned into Arrow a batch
    at a time: a column of distinct texts is twice as large as Python strings as in Arrow."""
    import pandas as pd
    import pyarrow as pa

    chunks: list[Any] = []
    batch: list[Any] = []
    for piece in pieces:
        batch.extend(piece)
        if len(batch) >= _TEXT_BATCH:
            chunks.append(pa.array(pd.array(batch, dtype="string")))
            batch = []
    chunks.append(pa.array(pd.array(batch, dtype="string")))
    arrays = [a for c in chunks for a in (c.chunks if isinstance(c, pa.ChunkedArray) else [c])]
    whole = pa.chunked_array(arrays, type=pa.large_string()).combine_chunks()
    return pd.Series(pd.array(whole, dtype="string"))


def completion_rate(counts: dict[str, int], total: int) -> float | None:
    """Completed as a percentage of the rows that apply and were reported (None when none)."""
    base = total - counts.get("not_applicable", 0) - counts.get("missing", 0)
    return round(100 * counts.get("completed", 0) / base, 1) if base else None


def _by_target(statuses: list[tuple[str, ...]], catalogue: Catalogue) -> pd.DataFrame:
    import pandas as pd

    rows = []
    for i, target in enumerate(catalogue.targets):
        counts = Counter(of_doc[i] for of_doc in statuses)
        rows.append({
            "id": target.id, "section": target.section, "target": target.target,
            **{s: counts.get(s, 0) for s in STATUSES}, "units": len(statuses),
            "completion_rate": completion_rate(counts, len(statuses)),
        })  # fmt: skip
    frame = pd.DataFrame(
        rows, columns=["id", "section", "target", *STATUSES, "units", "completion_rate"]
    )
    frame["completion_rate"] = frame["completion_rate"].astype("float64")
    return frame


def _by_unit(documents: list[Entry], statuses: list[tuple[str, ...]], targets: int) -> pd.DataFrame:
    import pandas as pd

    rows = []
    for doc, of_doc in zip(documents, statuses):
        counts = Counter(of_doc)
        rows.append({
            "unit_label": doc.label, "unit": doc.unit, "unit_from": doc.unit_from,
            "source": doc.source, "format": doc.format,
            "period_start": doc.period_start, "period_end": doc.period_end,
            **{s: counts.get(s, 0) for s in STATUSES}, "unmatched_rows": doc.unmatched,
            "flags": doc.flag_count, "completion_rate": completion_rate(counts, targets),
            **{f"declared_{k}": v for k, v in zip(DECLARED, doc.declared)},
        })  # fmt: skip
    columns = [
        "unit_label", "unit", "unit_from", "source", "format", "period_start", "period_end",
        *STATUSES, "unmatched_rows", "flags", "completion_rate",
        *(f"declared_{k}" for k in DECLARED),
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=columns)
    frame["completion_rate"] = frame["completion_rate"].astype("float64")
    for k in DECLARED:
        frame[f"declared_{k}"] = frame[f"declared_{k}"].astype("Int64")
    return frame
