"""Nothing is lost: every non-empty cell of the assessment table ends up in the record field its
column fills (a target cell in a target, a notes cell in notes, an extra column's cell in the
record's extra under that header), a section numeral or title, or ``unparsed`` — accounted for
on every sample, whatever its format."""

from __future__ import annotations

import pytest

import appendixparse
from appendixparse.errors import UnsupportedFormatError
from appendixparse.pipeline import load
from appendixparse.readers import read
from appendixparse.table.layout import Layout, find_layout
from appendixparse.text.cleaning import clean, fold
from appendixparse.text.numbering import parse_stt
from appendixparse.text.vocabulary import SECTION_PREFIXES as PREFIXES

from conftest import SAMPLES

SAMPLE_FILES = sorted(
    p for p in SAMPLES.rglob("*") if p.suffix in {".txt", ".docx", ".pdf", ".xlsx"}
)


def _placed_by_role(report: appendixparse.Report, layout: Layout) -> dict[int, str]:
    """For each column of the layout, the folded text of the report's field that column fills,
    with what every column may also end in: section numerals and titles, and ``unparsed``."""
    # A section's numeral may follow a prefix word ("Phần II"), which numbers, not tells.
    anywhere = [f"{p} {s.numeral} {s.title}" for s in report.sections for p in ("", *PREFIXES)]
    anywhere += [f"{g.stt} {g.title}" for g in report.groups]  # group rows (#14)
    anywhere += [u.text for u in report.unparsed]
    fields: dict[str, list[str]] = {
        "stt": [r.stt for r in report.records],
        # without an STT column the number opens the target cell ("1. Rà soát …")
        "target": [t for r in report.records for t in (r.target, f"{r.stt} {r.target}")],
        "status": [r.status_raw for r in report.records],
        "notes": [r.notes for r in report.records],
    }
    placed = {}
    for column in layout.columns:
        if column.role in fields:
            texts = fields[column.role]
        else:  # extra and ticked columns: the record's extra under the column's header
            texts = [r.extra.get(column.header, "") for r in report.records]
        placed[column.index] = fold("\n".join([*texts, *anywhere]))
    return placed


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
    if report.indicators and not report.records:
        pytest.skip("indicator tables alone: their cells are checked in test_indicators.py")
    layout = find_layout(grid, str(path))
    placed = _placed_by_role(report, layout)  # punctuation aside: "II." is placed as "II"
    missing = [
        (row.location, layout.columns[i].role, clean(cell))
        for row in layout.rows
        for i, cell in enumerate(row.cells)
        if clean(cell) and fold(_as_stt(cell, i in row.numeric)) not in placed[i]
    ]
    assert not missing, missing[:5]
    cells = sum(1 for row in layout.rows for cell in row.cells if clean(cell))
    assert cells > 0


def _as_stt(cell: str, number: bool) -> str:
    """A number cell's STT as the record writes it ("1,2" → "1.2"); any other cell as it is."""
    stt = parse_stt(cell, number=True) if number else None
    return stt.text if stt else cell
