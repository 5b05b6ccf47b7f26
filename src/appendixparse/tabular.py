"""Reports as flat rows: for CSV output, DataFrames and terminal tables."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from typing import Any

from .models import Report

RECORD_COLUMNS = (
    "id",
    "section",
    "section_title",
    "stt",
    "target",
    "status_raw",
    "status",
    "notes",
    "figures",
    "target_figures",
    "extra",
    "flags",
    "location",
)


def as_json(value: Any) -> str:
    """Compact JSON text, Vietnamese kept readable."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def record_rows(report: Report) -> list[dict[str, Any]]:
    """One flat dict per record; nested fields as JSON text, flag codes comma-separated."""
    codes: dict[str, list[str]] = {}
    for flag in report.flags:
        if flag.record:
            codes.setdefault(flag.record, []).append(flag.code)
    rows = []
    for record in report.records:
        data = record.model_dump(mode="json")
        for key in ("figures", "target_figures", "extra", "location"):
            data[key] = as_json(data[key])
        data["flags"] = ",".join(codes.get(record.id, []))
        rows.append({key: data[key] for key in RECORD_COLUMNS})
    return rows


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
    """A report's records as a terminal table."""
    return text_table(
        ["id", "status", "status_raw", "figures", "target"],
        [(r.id, r.status, r.status_raw, len(r.figures), r.target) for r in report.records],
    )
