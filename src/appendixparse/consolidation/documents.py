"""One unit's report as consolidated rows: one per catalogue target, plus the report's flags."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..checks.flags import RECORD_CODES, record_flags
from ..checks.measure import unit_rank
from ..models import Record, Report, Summary
from ..tabular import as_json
from .align import align
from .catalogue import Catalogue
from .value import measuring_value

WARNING = "warning"


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


def document_of(report: Report, catalogue: Catalogue, source: str) -> Document:
    """Align ``report`` to ``catalogue``: rows for every target (``missing`` where none reports
    on it), its flags mapped to catalogue ids, ``unmatched_row`` and ``missing_target`` flags."""
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
    alignment = align(report.records, catalogue)
    target_of = alignment.target_of()
    catalogue_id = {report.records[i].id: catalogue.targets[p].id for i, p in target_of.items()}
    # An id several rows share ("2" in every section of a table numbered A, B, C) cannot say
    # which target a flag naming it is about: those rows' own flags are raised again, row by
    # row, and the other flags naming the id go to no target.
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
        doc.flags.append(
            _flag(
                doc,
                flag.code,
                flag.severity,
                target_id,
                flag.record,
                flag.message,
                flag.message_en,
                flag.evidence,
            )
        )
        if target_id:
            codes.setdefault(target_id, []).append(flag.code)

    for position, target in enumerate(catalogue.targets):
        match = alignment.matches.get(position)
        if match is None:
            doc.flags.append(_missing_target(doc, target.id, target.target))
            codes.setdefault(target.id, []).append("missing_target")
            doc.rows.append(_row(doc, target, None, None, codes.get(target.id, [])))
        else:
            record = report.records[match[0]]
            doc.rows.append(_row(doc, target, record, match[1], codes.get(target.id, [])))
    for index, closest, score in alignment.unmatched:
        doc.flags.append(_unmatched_row(doc, report.records[index], closest, score))
    doc.unmatched = len(alignment.unmatched)
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


def _flag(
    doc: Document,
    code: str,
    severity: str,
    target_id: str | None,
    row_id: str | None,
    message: str,
    message_en: str,
    evidence: dict[str, Any],
) -> dict[str, Any]:
    return {
        "unit": doc.unit,
        "unit_label": doc.unit,
        "source": doc.source,
        "code": code,
        "severity": severity,
        "id": target_id,
        "row_id": row_id,
        "message": message,
        "message_en": message_en,
        "evidence": as_json(evidence),
    }


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _missing_target(doc: Document, target_id: str, text: str) -> dict[str, Any]:
    return _flag(
        doc,
        "missing_target",
        WARNING,
        target_id,
        None,
        f"Báo cáo của {doc.unit} không có dòng nào cho chỉ tiêu {target_id} "
        f"(«{_short(text)}»); đề nghị đơn vị bổ sung đánh giá chỉ tiêu này.",
        f"The report of {doc.unit} has no row for target {target_id} "
        f"(“{_short(text)}”); ask the unit to assess it.",
        {"target": target_id},
    )


def _unmatched_row(
    doc: Document, record: Record, closest: str | None, score: float
) -> dict[str, Any]:
    near_vi = f" (gần nhất: {closest}, giống {score:g}%)" if closest else ""
    near_en = f" (closest: {closest}, {score:g}% alike)" if closest else ""
    return _flag(
        doc,
        "unmatched_row",
        WARNING,
        None,
        record.id,
        f"Dòng {record.id} trong báo cáo của {doc.unit} không khớp chỉ tiêu nào của danh mục"
        f"{near_vi}: «{_short(record.target)}»; kiểm tra lại nội dung hoặc bổ sung danh mục.",
        f"Row {record.id} of {doc.unit}'s report matches no catalogue target{near_en}: "
        f"“{_short(record.target)}”; check its wording or extend the catalogue.",
        {
            "row": record.id,
            "target": record.target,
            "status": record.status,
            "closest": closest,
            "score": score,
        },
    )


_LISTED = 3  # other files named in a duplicate_unit message
_EVIDENCE = 20  # other files listed in its evidence: a unit sent 500 times stays readable


def duplicate_flag(doc: Document, others: list[Document]) -> dict[str, Any]:
    """The ``duplicate_unit`` flag of ``doc``, one of several reports of one unit for one period."""
    names = [Path(d.source).name for d in others[:_LISTED]]
    more = len(others) - len(names)
    files = ", ".join(names) + (f" và {more} tệp khác" if more else "")
    files_en = ", ".join(names) + (f" and {more} more" if more else "")
    return _flag(
        doc,
        "duplicate_unit",
        WARNING,
        None,
        None,
        f"{doc.unit} có {len(others) + 1} báo cáo cùng kỳ; tệp {Path(doc.source).name} được "
        f"tổng hợp ở cột «{doc.label}», các tệp khác: {files}. Đề nghị xác định bản chính thức.",
        f"{doc.unit} sent {len(others) + 1} reports for the same period; "
        f"{Path(doc.source).name} is consolidated as “{doc.label}”, the others: {files_en}. "
        "Decide which one is official.",
        {
            "sources": [doc.source, *(d.source for d in others[:_EVIDENCE])],
            "reports": len(others) + 1,
            "label": doc.label,
        },
    )
