"""One unit's report as consolidated rows: one per catalogue target, plus the report's flags."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..checks.flags import record_flags
from ..checks.measure import unit_rank
from ..checks.messages import render
from ..checks.registry import RECORD_CODES, make_flag
from ..models import Flag, Record, Report, Summary
from ..tabular import as_json
from .align import Alignment, Fit, align, programme_fit
from .catalogue import Catalogue
from .indicators import indicator_rows
from .value import measuring_value


@dataclass
class Document:
    """A consolidated report, before it takes its place (and its label) among the others."""

    unit: str
    unit_from: str  # "document" or "file name"
    source: str
    format: str | None
    period_start: str | None
    period_end: str | None
    summary: Summary | None
    rows: list[dict[str, Any]] = field(default_factory=list)  # catalogue order
    flags: list[dict[str, Any]] = field(default_factory=list)
    unmatched: int = 0
    label: str = ""
    indicators: list[dict[str, Any]] = field(default_factory=list)  # long rows


def document_of(report: Report, catalogue: Catalogue, source: str) -> Document:
    """Align ``report`` to ``catalogue``: rows for every target (``missing`` where none reports
    on it), its flags mapped to catalogue ids, ``unmatched_row`` and ``missing_target`` flags;
    a report that does not look like the catalogue's programme aligns nothing and has one
    ``catalogue_mismatch`` flag instead."""
    unit = report.unit or Path(source).stem
    period = report.period
    doc = Document(
        unit=unit,
        unit_from="document" if report.unit else "file name",
        source=source,
        format=report.source.format,
        period_start=period.start.isoformat() if period and period.start else None,
        period_end=period.end.isoformat() if period and period.end else None,
        summary=report.summary,
    )
    doc.indicators = indicator_rows(
        report, unit=unit, source=source, period=(doc.period_start, doc.period_end)
    )
    fit = programme_fit(report.records, catalogue)
    alignment = align(report.records, catalogue) if fit.fits else Alignment()
    target_of = alignment.target_of()
    catalogue_id = {report.records[i].id: catalogue.targets[p].id for i, p in target_of.items()}
    # An id several rows share ("2" in every section of a table numbered A, B, C) cannot say
    # which target a flag naming it is about: those rows' own flags are raised again, row by
    # row, from their measurements, and the other flags naming the id go to no target.
    shared = {i for i, n in Counter(r.id for r in report.records).items() if n > 1}
    flags = [
        (f, catalogue_id.get(f.record) if f.record is not None and f.record not in shared else None)
        for f in report.flags
        if f.record not in shared or f.code not in RECORD_CODES
    ]
    if shared:
        rank = unit_rank(report.unit)
        for i, record in enumerate(report.records):
            if record.id in shared:
                target_id = catalogue.targets[target_of[i]].id if i in target_of else None
                flags += [
                    (f, target_id)
                    for f in record_flags(record, unit_rank=rank, end_year=_year(doc.period_end))
                ]
    codes: dict[str, list[str]] = {}
    for flag, target_id in flags:
        doc.flags.append(_flag(doc, flag, target_id))
        if target_id:
            codes.setdefault(target_id, []).append(flag.code)

    if not report.records and report.indicators:
        return doc  # indicator tables alone: no target is missing from them
    if not fit.fits:  # one flag says it: no guessed rows, no flag per target or row
        doc.flags.append(_catalogue_mismatch(doc, fit, len(report.records), len(catalogue)))
    for position, target in enumerate(catalogue.targets):
        match = alignment.matches.get(position)
        if match is None:
            if fit.fits:
                doc.flags.append(_missing_target(doc, target.id, target.target))
                codes.setdefault(target.id, []).append("missing_target")
            doc.rows.append(_row(doc, target, None, None, codes.get(target.id, [])))
        else:
            record = report.records[match[0]]
            doc.rows.append(_row(doc, target, record, match[1], codes.get(target.id, [])))
    for index, closest, score in alignment.unmatched:
        doc.flags.append(_unmatched_row(doc, report.records[index], closest, score))
    doc.unmatched = len(alignment.unmatched) if fit.fits else len(report.records)
    return doc


def _row(
    doc: Document, target: Any, record: Record | None, score: float | None, codes: list[str]
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "unit": doc.unit,
        "unit_label": doc.unit,
        "period_start": doc.period_start,
        "period_end": doc.period_end,
        "id": target.id,
        "section": target.section,
        "section_title": target.section_title,
        "stt": target.stt,
        "target": target.target,
        "status": "missing",
        "status_raw": None,
        "value": None,
        "figures": None,
        "notes": None,
        "flags": ",".join(dict.fromkeys(codes)),
        "source": doc.source,
        "location": None,
        "row_id": None,
        "row_target": None,
        "match_score": score,
    }
    if record is not None:
        row.update(
            status=record.status,
            status_raw=record.status_raw,
            value=measuring_value(record, end_year=_year(doc.period_end)),
            figures=as_json([f.model_dump(mode="json") for f in record.figures]),
            notes=record.notes,
            location=as_json(record.location.model_dump(mode="json")),
            row_id=record.id,
            row_target=record.target,
        )
    return row


def _year(iso: str | None) -> int | None:
    return int(iso[:4]) if iso else None


def _flag(doc: Document, flag: Flag, target_id: str | None) -> dict[str, Any]:
    """A flag as a row of the flags table: ``target_id`` the catalogue's id it is about."""
    return {
        "unit": doc.unit,
        "unit_label": doc.unit,
        "source": doc.source,
        "code": flag.code,
        "severity": flag.severity,
        "id": target_id,
        "row_id": flag.record,
        "message": flag.message,
        "message_en": flag.message_en,
        "evidence": as_json(flag.evidence),
    }


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _missing_target(doc: Document, target_id: str, text: str) -> dict[str, Any]:
    flag = make_flag(
        "missing_target",
        None,
        {"target": target_id},
        unit=doc.unit,
        target_id=target_id,
        target=_short(text),
    )
    return _flag(doc, flag, target_id)


def _catalogue_mismatch(doc: Document, fit: Fit, rows: int, targets: int) -> dict[str, Any]:
    flag = make_flag(
        "catalogue_mismatch",
        None,
        {
            "targets_reported": fit.targets,
            "possible": fit.possible,
            "share": round(fit.share, 2),
            "rows": rows,
            "catalogue_targets": targets,
        },
        unit=doc.unit,
        targets=fit.targets,
        possible=fit.possible,
    )
    return _flag(doc, flag, None)


def _unmatched_row(
    doc: Document, record: Record, closest: str | None, score: float
) -> dict[str, Any]:
    near = render("unmatched_row.near", closest=closest, score=score) if closest else ""
    flag = make_flag(
        "unmatched_row",
        record.id,
        {
            "row": record.id,
            "target": record.target,
            "status": record.status,
            "closest": closest,
            "score": score,
        },
        record=record.id,
        unit=doc.unit,
        near=near,
        target=_short(record.target),
    )
    return _flag(doc, flag, None)
