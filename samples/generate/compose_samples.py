"""Samples of the document classes the composer (samples/compose/) found the library missing,
each written from a fixed spec, with its golden taken from that spec (never from the parser).

    python samples/make_samples.py compose

The golden has the usual shape (tests/golden.py) plus ``figures`` (each record's notes figures:
kind, text, value) and ``flags`` ([code, record] pairs), which tests/test_compose.py checks.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# (sample stem, seed, fixed axes): one class of document each.
CLASSES: tuple[tuple[str, int, dict[str, str]], ...] = (
    ("compose-unruled-sections", 7, {"format": "pdf_unruled", "sections": "roman",
     "pdf_header": "first_page", "page_numbers": "top", "status": "thuc_hien",
     "n_sections": 4, "rows_per_section": 6, "notes": "paragraphs"}),
    ("compose-unruled-left-header", 12, {"format": "pdf_unruled", "sections": "phan",
     "pdf_header": "left_aligned", "status": "ticks2", "page": "a4_landscape"}),
    ("compose-summary-ontime-late", 3, {"format": "tsv", "summary": "ontime_late",
     "status": "thuc_hien", "plant": "none"}),
    ("compose-summary-trong-do", 5, {"format": "docx", "summary": "trong_do",
     "status": "hoan_thanh", "plant": "none", "n_sections": 3, "rows_per_section": 5}),
    ("compose-summary-split-in-progress", 8, {"format": "tsv", "summary": "split_in_progress",
     "status": "trien_khai", "plant": "none"}),
    ("compose-summary-ratio", 9, {"format": "csv", "summary": "ratio", "plant": "none"}),
    ("compose-summary-unreadable", 10, {"format": "tsv", "summary": "unreadable",
     "plant": "none"}),
    ("compose-straight-numbering", 11, {"format": "docx", "stt": "straight",
     "sections": "roman", "plant": "none"}),
    ("compose-group-rows", 13, {"format": "docx", "stt": "groups", "plant": "none",
     "status": "dat"}),
    ("compose-plan-actual", 14, {"format": "docx", "columns": "plan_actual",
     "status": "thuc_hien", "extra": "none", "plant": "none"}),
    ("compose-criteria-ticked", 15, {"format": "docx", "status": "ticks2",
     "summary": "criteria", "plant": "none"}),
    ("compose-markdown", 16, {"format": "markdown", "sections": "roman", "plant": "none",
     "preamble": "motto_table"}),
    ("compose-signature-after-csv", 17, {"format": "csv", "signature": "signature",
     "plant": "none"}),
    ("compose-share-with-base", 18, {"format": "tsv", "plant": "share_mismatch",
     "status": "thuc_hien"}),
)  # fmt: skip


def golden_of(gold: dict[str, Any], fmt: str) -> dict[str, Any]:
    """The golden file of a composed document, from its spec's gold."""
    records = [{k: v for k, v in r.items() if k != "figures"} for r in gold["records"]]
    return {
        "format": fmt,
        "unit": gold["unit"],
        "period": gold["period"],
        "summary": gold["summary"],
        "sections": gold["sections"],
        "records": records,
        "unparsed": [],
        "figures": {r["id"]: r["figures"] for r in gold["records"]},
        "flags": [list(f) for f in gold["flags"]],
    }


def make(samples_dir: Path) -> list[tuple[Path, dict[str, Any]]]:
    sys.path.insert(0, str(samples_dir))
    from compose import build, random_spec, write

    made = []
    for stem, seed, axes in CLASSES:
        doc = build(random_spec(seed, **axes))
        path = write(doc, samples_dir, stem)
        fmt = {"docx": "docx", "xlsx": "xlsx"}.get(path.suffix[1:], "pdf")
        if path.suffix in (".txt", ".csv", ".md"):
            fmt = "text"
        made.append((path, golden_of(doc.gold, fmt)))
    return made
