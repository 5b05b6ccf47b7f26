"""Nothing is lost: every non-empty cell of the assessment table ends up in a record field,
a section title or ``unparsed`` — accounted for on every sample, whatever its format."""

from __future__ import annotations

import pytest

import appendixparse
from appendixparse.errors import UnsupportedFormatError
from appendixparse.pipeline import load
from appendixparse.readers import read
from appendixparse.table.layout import find_layout
from appendixparse.text.cleaning import clean, fold
from appendixparse.text.vocabulary import SECTION_PREFIXES as PREFIXES

from conftest import SAMPLES

SAMPLE_FILES = sorted(
    p for p in SAMPLES.rglob("*") if p.suffix in {".txt", ".docx", ".pdf", ".xlsx"}
)


def _placed_text(report: appendixparse.Report) -> str:
    # A section's numeral may follow a prefix word ("Phần II"), which numbers, not tells.
    parts = [f"{p} {s.numeral} {s.title}" for s in report.sections for p in ("", *PREFIXES)]
    parts += [f"{g.stt} {g.title}" for g in report.groups]  # group rows (#14)
    for r in report.records:
        parts += [r.stt, r.target, r.status_raw, r.notes, *r.extra.values()]
    parts += [u.text for u in report.unparsed]
    return "\n".join(parts)


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: str(p.relative_to(SAMPLES)))
def test_every_cell_is_accounted_for(path) -> None:
    data, _ = load(path)
    try:
        grid, _ = read(data, str(path))
        report = appendixparse.parse(path)
    except UnsupportedFormatError as exc:
        pytest.skip(str(exc))
    except appendixparse.NoAssessmentTableError:
        pytest.skip("not an appendix")
    layout = find_layout(grid, str(path))
    placed = fold(_placed_text(report))  # punctuation aside: "II." is placed as section "II"
    missing = [
        (row.location, clean(cell))
        for row in layout.rows
        for cell in row.cells
        if clean(cell) and fold(cell) not in placed
    ]
    assert not missing, missing[:5]
    cells = sum(1 for row in layout.rows for cell in row.cells if clean(cell))
    assert cells > 0
