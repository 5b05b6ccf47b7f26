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


GOLDEN = Path(__file__).resolve().parent / "golden"
# A family: samples of one document in several formats share ``<family>.json``, and
# ``<family>.formats.json`` gives each sample's differences (its format, what its form lacks,
# per-record extras such as locations).
FAMILIES = ("appendix-quang-tri-district-2023",)


def _family_expected(sample: str) -> dict[str, Any] | None:
    for family in FAMILIES:
        differences = json.loads((GOLDEN / f"{family}.formats.json").read_text(encoding="utf-8"))
        if sample not in differences:
            continue
        expected = json.loads((GOLDEN / f"{family}.json").read_text(encoding="utf-8"))
        return with_differences(expected, differences[sample])
    return None


def with_differences(expected: dict[str, Any], differences: dict[str, Any]) -> dict[str, Any]:
    """``expected`` with a sample's ``differences``: fields replaced, and the per-record fields
    under ``records`` (by id) added to those records."""
    combined = {k: v for k, v in expected.items() if k != "records"}
    combined.update({k: v for k, v in differences.items() if k != "records"})
    per_record = differences.get("records", {})
    combined["records"] = [r | per_record.get(r["id"], {}) for r in expected["records"]]
    return combined


def has_golden(sample: str) -> bool:
    """Whether the sample named ``sample`` ("x.docx") has an expected report."""
    return (GOLDEN / f"{sample}.json").exists() or _family_expected(sample) is not None


def load_golden(path: Path) -> dict[str, Any]:
    """The expected report in ``path`` ("<sample>.json"), or the sample's family's."""
    if not path.exists() and (found := _family_expected(path.name.removesuffix(".json"))):
        return found
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
