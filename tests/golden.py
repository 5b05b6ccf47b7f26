"""Golden comparison: a report against its expected JSON, field by field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from appendixparse.models import Report

DOCUMENT_FIELDS = ("title", "unit", "period", "summary", "sections", "unparsed")
RECORD_FIELDS = (
    "id", "section", "section_title", "stt", "target", "status_raw", "status", "notes", "extra",
)  # fmt: skip


def load_golden(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def compare(report: Report, expected: dict[str, Any]) -> list[str]:
    """Every difference between ``report`` and ``expected``, one line each ([] when equal).

    Only the keys present in ``expected`` are compared, so a golden file can leave out what
    its sample does not decide (figures in a reader's golden, for instance).
    """
    actual = report.model_dump(mode="json")
    diffs: list[str] = []
    if "format" in expected and actual["source"]["format"] != expected["format"]:
        diffs.append(f"format: {actual['source']['format']!r} != {expected['format']!r}")
    for key in DOCUMENT_FIELDS:
        if key in expected and actual[key] != expected[key]:
            diffs.append(f"{key}: {actual[key]!r} != {expected[key]!r}")
    if "records" in expected:
        got = [r["id"] for r in actual["records"]]
        want = [r["id"] for r in expected["records"]]
        if got != want:
            diffs.append(f"record ids: {got} != {want}")
        by_id = {r["id"]: r for r in actual["records"]}
        for rec in expected["records"]:
            have = by_id.get(rec["id"])
            if have is None:
                continue
            for key, value in rec.items():
                if have.get(key) != value:
                    diffs.append(f"{rec['id']}.{key}: {have.get(key)!r} != {value!r}")
    return diffs


def assert_golden(report: Report, expected: dict[str, Any]) -> None:
    diffs = compare(report, expected)
    assert not diffs, "\n".join(diffs[:30])
