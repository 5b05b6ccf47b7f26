"""Compose documents, read them back and compare the report with the spec's gold."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .spec import Document, Spec, build
from .writers import convert_with_libreoffice, write


def compose(specs: list[Spec], folder: Path) -> list[tuple[Document, Path]]:
    """Write every spec's document into ``folder`` (LibreOffice PDFs converted in one run)."""
    folder.mkdir(parents=True, exist_ok=True)
    made: list[tuple[Document, Path]] = []
    for spec in specs:
        doc = build(spec)
        made.append((doc, write(doc, folder, f"compose-{spec.seed}")))
    office = [i for i, (doc, _) in enumerate(made) if doc.spec.format == "lo_pdf"]
    if office:
        pdfs = convert_with_libreoffice([made[i][1] for i in office], folder / "pdf")
        for i, pdf in zip(office, pdfs):
            made[i] = (made[i][0], pdf)
    return made


def actual(report: Any) -> dict[str, Any]:
    """The parts of a report the gold fixes, in the gold's shape."""
    data = report.model_dump(mode="json")
    return {
        "unit": data["unit"],
        "period": data["period"],
        "summary": data["summary"],
        "sections": data["sections"],
        "records": [
            {
                "id": r["id"],
                "stt": r["stt"],
                "target": r["target"],
                "status_raw": r["status_raw"],
                "status": r["status"],
                "notes": r["notes"],
                "figures": [
                    {"kind": f["kind"], "text": f["text"], "value": round(f["value"], 4)}
                    for f in r["figures"]
                ],
                "extra": r["extra"],
            }
            for r in data["records"]
        ],
        "flags": sorted(((f["code"], f["record"]) for f in data["flags"]), key=_flag_key),
        "unparsed": data["unparsed"],
    }


def _flag_key(flag: tuple[str, str | None]) -> tuple[str, str]:
    return flag[0], flag[1] or ""


def differences(report: Any, gold: dict[str, Any]) -> dict[str, list[str]]:
    """What differs, by part: records, statuses, figures, flags, document; {} when exact."""
    got = actual(report)
    diffs: dict[str, list[str]] = {}

    def add(part: str, text: str) -> None:
        diffs.setdefault(part, []).append(text)

    for key in ("unit", "period", "summary", "sections"):
        if got[key] != gold[key]:
            add("document", f"{key}: {got[key]!r} != {gold[key]!r}")
    if got["unparsed"]:
        add("document", f"unparsed: {[u['text'][:60] for u in got['unparsed']]}")
    want = {r["id"]: r for r in gold["records"]}
    have = {r["id"]: r for r in got["records"]}
    if [r["id"] for r in got["records"]] != [r["id"] for r in gold["records"]]:
        add("records", f"ids {[r['id'] for r in got['records']]} != {list(want)}")
    for rid, rec in want.items():
        mine = have.get(rid)
        if mine is None:
            continue
        for key in ("stt", "target", "notes", "extra", "status_raw"):
            if mine[key] != rec[key]:
                add("records", f"{rid}.{key}: {mine[key]!r} != {rec[key]!r}")
        if mine["status"] != rec["status"]:
            add("statuses", f"{rid}: {mine['status']!r} != {rec['status']!r}")
        if mine["figures"] != rec["figures"]:
            add("figures", f"{rid}: {mine['figures']} != {rec['figures']}")
    wanted = [tuple(f) for f in gold["flags"]]
    if got["flags"] != wanted:
        add("flags", f"{got['flags']} != {wanted}")
    return diffs
