"""Reports as flat rows and text: CSV rows with the report's unit and period, terminal tables."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Sequence
from typing import Any

from .models import Report, compact_json

__all__ = ["as_json", "report_csv_rows", "report_table", "text_table"]

as_json = compact_json


def report_csv_rows(report: Report) -> list[dict[str, Any]]:
    """The records as CSV rows: the report's unit and period first, then the record columns."""
    period = report.period
    context = {
        "unit": report.unit or "",
        "period_start": period.start.isoformat() if period and period.start else "",
        "period_end": period.end.isoformat() if period and period.end else "",
    }
    return [{**context, **row} for row in report.record_rows()]


def text_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], width: int = 0) -> str:
    """A plain-text table that fits the terminal: the last column takes what is left."""
    width = width or shutil.get_terminal_size((120, 24)).columns
    cells = [[str(v) if v is not None else "" for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, value in enumerate(row[:-1]):
            widths[i] = min(max(widths[i], len(value)), 40)
    used = sum(widths[:-1]) + 3 * (len(headers) - 1)
    widths[-1] = max(20, width - used)

    def line(values: Sequence[str]) -> str:
        return " | ".join(_fit(v, w) for v, w in zip(values, widths)).rstrip()

    out = [line(headers), "-+-".join("-" * w for w in widths)]
    out.extend(line(row) for row in cells)
    return "\n".join(out)


def _fit(value: str, width: int) -> str:
    value = " ".join(value.split())
    return value.ljust(width) if len(value) <= width else value[: width - 1] + "…"


def report_table(report: Report) -> str:
    """A report for reading in a terminal: who and when, the records, the declared summary
    against the counted statuses, and the flags."""
    period = report.period
    when = (
        f"{period.start or '?'} → {period.end or '?'}" if period and (period.start or period.end)
        else "-"
    )  # fmt: skip
    parts = [
        f"unit: {report.unit or '-'}    period: {when}    records: {len(report.records)}",
        text_table(
            ["id", "status", "status_raw", "figures", "target"],
            [(r.id, r.status, r.status_raw, len(r.figures), r.target) for r in report.records],
        ),
    ]
    counted = Counter(r.status for r in report.records)
    declared = report.summary
    summary_rows = [
        (name, getattr(declared, name) if declared else None, counted.get(name, 0))
        for name in ("completed", "in_progress", "not_started")
    ]
    total = sum(counted.values()) - counted.get("not_applicable", 0)
    summary_rows.insert(0, ("total", declared.total if declared else None, total))
    parts.append(
        text_table(
            ["summary", "declared", "counted"],
            [(n, "-" if d is None else d, c) for n, d, c in summary_rows],
        )
    )
    if report.flags:
        parts.append(
            text_table(
                ["severity", "code", "record", "message"],
                [(f.severity, f.code, f.record or "-", f.message) for f in report.flags],
            )
        )
    else:
        parts.append("flags: none")
    return "\n\n".join(parts)
