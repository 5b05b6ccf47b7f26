"""The consolidated dataset: documents in a fixed order, labelled, and their pandas frames."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..text.cleaning import fold, strip_accents
from .batch import Outcome
from .catalogue import Catalogue
from .documents import Document, duplicate_flag
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

    @property
    def documents(self) -> int:
        """How many documents were consolidated."""
        return len(self.by_unit)

    @property
    def units(self) -> int:
        """How many distinct units those documents come from."""
        return int(self.by_unit["unit"].map(fold).nunique()) if len(self.by_unit) else 0

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


def sort_key(doc: Document) -> tuple[Any, ...]:
    """Units alphabetically (tone marks ignored first), then period, then file."""
    path = Path(doc.source)
    return (
        strip_accents(fold(doc.unit)), fold(doc.unit), doc.period_start or "",
        doc.period_end or "", str(path.parent), path.stem, path.suffix,
    )  # fmt: skip


def label(documents: list[Document]) -> list[tuple[Document, Document]]:
    """Keep one report per unit in ``documents`` (sorted; changed in place), label it, and
    return the (left out, kept) pairs: the latest period wins, then the later file."""
    by_unit: dict[str, list[Document]] = {}
    for doc in documents:
        # Case, tone placement and spacing apart: "Đakrông" and "Đa Krông" are one place.
        by_unit.setdefault(fold(doc.unit).replace(" ", ""), []).append(doc)
    for docs in by_unit.values():
        # One unit written two ways ("Hướng Hoá", "Hướng Hóa") is one unit: one spelling (the
        # most used, else the first) names all its columns and rows.
        spelling = Counter(d.unit for d in docs).most_common(1)[0][0]  # ties: the first
        for doc in docs:
            if doc.unit != spelling:
                doc.unit = spelling
                for row in doc.rows:
                    row["unit"] = spelling
                for flag in doc.flags:
                    flag["unit"] = spelling
    left_out: list[tuple[Document, Document]] = []
    for docs in by_unit.values():
        # Sorted by unit, then period, then file: the last is the latest period's later file.
        kept = max(
            enumerate(docs),
            key=lambda item: (item[1].period_end or "", item[1].period_start or "", item[0]),
        )[1]
        kept.label = kept.unit
        others = [d for d in docs if d is not kept]
        if others:
            kept.flags.insert(0, duplicate_flag(kept, others))
            left_out.extend((doc, kept) for doc in others)
    dropped = {id(doc) for doc, _ in left_out}
    documents[:] = [doc for doc in documents if id(doc) not in dropped]
    for doc in documents:
        for item in (*doc.rows, *doc.flags):
            item["unit_label"] = doc.label
    return left_out


def build(
    documents: list[Document], failures: list[Outcome], catalogue: Catalogue
) -> Consolidation:
    """The frames of the consolidation of ``documents`` (sorted and labelled here)."""
    import pandas as pd

    documents = sorted(documents, key=sort_key)
    left_out = label(documents)
    records = pd.DataFrame(
        [row for doc in documents for row in doc.rows], columns=list(RECORD_COLUMNS)
    )
    records = typed_records(records)
    flags = pd.DataFrame(
        [flag for doc in documents for flag in doc.flags], columns=list(FLAG_COLUMNS)
    )
    errors = pd.DataFrame(
        [(o.source, o.reason, o.error) for o in sorted(failures, key=lambda o: o.source)],
        columns=list(ERROR_COLUMNS),
    )
    ids = [t.id for t in catalogue.targets]
    labels = [doc.label for doc in documents]
    matrix = pd.DataFrame(
        [[doc.rows[i]["status"] for doc in documents] for i in range(len(ids))],
        index=pd.Index(ids, name="id"),
        columns=pd.Index(labels, name="unit"),
        dtype=object,
    )
    return Consolidation(
        records=records,
        matrix=matrix,
        by_target=_by_target(documents, catalogue),
        by_unit=_by_unit(documents, len(catalogue)),
        flags=flags,
        errors=errors,
        catalogue=catalogue.frame(),
        duplicates=pd.DataFrame(
            [(d.unit, d.source, d.period_start, d.period_end, kept.source) for d, kept in left_out],
            columns=["unit", "source", "period_start", "period_end", "kept"],
        ),
    )


TEXT_COLUMNS = tuple(
    c for c in RECORD_COLUMNS if c not in ("period_start", "period_end", "status", "value",
                                           "match_score")
)  # fmt: skip


def typed_records(records: pd.DataFrame) -> pd.DataFrame:
    """The records frame with its real types: text as pandas strings, the period's dates as
    datetime64, ``status`` a categorical in the SPEC's order (then "missing"), the measured
    value and the match score as nullable floats."""
    import pandas as pd

    records = records.astype({c: "string" for c in TEXT_COLUMNS})
    for column in ("period_start", "period_end"):
        records[column] = pd.to_datetime(records[column], format="ISO8601")
    records["status"] = pd.Categorical(records["status"], categories=STATUSES)
    return records.astype({"value": "Float64", "match_score": "Float64"})


def completion_rate(counts: dict[str, int], total: int) -> float | None:
    """Completed as a percentage of the rows that apply and were reported (None when none)."""
    base = total - counts.get("not_applicable", 0) - counts.get("missing", 0)
    return round(100 * counts.get("completed", 0) / base, 1) if base else None


def _by_target(documents: list[Document], catalogue: Catalogue) -> pd.DataFrame:
    import pandas as pd

    rows = []
    for i, target in enumerate(catalogue.targets):
        counts = Counter(doc.rows[i]["status"] for doc in documents)
        rows.append({
            "id": target.id, "section": target.section, "target": target.target,
            **{s: counts.get(s, 0) for s in STATUSES}, "units": len(documents),
            "completion_rate": completion_rate(counts, len(documents)),
        })  # fmt: skip
    frame = pd.DataFrame(
        rows, columns=["id", "section", "target", *STATUSES, "units", "completion_rate"]
    )
    frame["completion_rate"] = frame["completion_rate"].astype("float64")
    return frame


def _by_unit(documents: list[Document], targets: int) -> pd.DataFrame:
    import pandas as pd

    rows = []
    for doc in documents:
        counts = Counter(row["status"] for row in doc.rows)
        summary = doc.summary.model_dump() if doc.summary else {}
        rows.append({
            "unit_label": doc.label, "unit": doc.unit, "unit_from": doc.unit_from,
            "source": doc.source, "format": doc.format,
            "period_start": doc.period_start, "period_end": doc.period_end,
            **{s: counts.get(s, 0) for s in STATUSES}, "unmatched_rows": doc.unmatched,
            "flags": len(doc.flags), "completion_rate": completion_rate(counts, targets),
            **{f"declared_{k}": summary.get(k) for k in DECLARED},
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
