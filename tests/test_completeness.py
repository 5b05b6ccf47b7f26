"""Nothing is lost: every non-empty cell of the assessment table ends up in a record field,
a section title or ``unparsed`` — accounted for on every sample, whatever its format. In an
indicator appendix the table the assessment layout would take is an indicator table: its
cells end up in the indicators' fields."""

from __future__ import annotations

import pytest

import appendixparse
from appendixparse.errors import UnsupportedFormatError
from appendixparse.pipeline import load
from appendixparse.readers import read
from appendixparse.table.indicators import find_indicator_tables
from appendixparse.table.layout import find_layout
from appendixparse.text.cleaning import clean, fold

from conftest import SAMPLES

SAMPLE_FILES = sorted(
    p for p in SAMPLES.rglob("*") if p.suffix in {".txt", ".docx", ".pdf", ".xlsx"}
)


def _placed_text(report: appendixparse.Report) -> str:
    parts = [f"{s.numeral} {s.title}" for s in report.sections]
    for r in report.records:
        parts += [r.stt, r.target, r.status_raw, r.notes, *r.extra.values()]
    parts += [u.text for u in report.unparsed]
    for i in report.indicators:
        parts += [i.stt, i.name, i.unit or "", i.value_raw, i.notes, *i.columns.values()]
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
    rows = [r.cells for part in find_indicator_tables(grid).parts for r in part.rows]
    try:
        layout = find_layout(grid, str(path))
        rows += [r.cells for r in layout.rows]
    except appendixparse.NoAssessmentTableError:
        assert report.indicators  # a scoring table alone: only its indicators
    placed = fold(_placed_text(report))  # punctuation aside: "II." is placed as section "II"
    missing = [
        clean(cell) for cells in rows for cell in cells if clean(cell) and fold(cell) not in placed
    ]
    assert not missing, missing[:5]
    cells = sum(1 for cells in rows for cell in cells if clean(cell))
    assert cells > 0
