"""Both PDF engines give the same records: every PDF sample and every PDF of ../shared/ is
parsed with pdfium and with pdfplumber (the reference), and the reports compared field by
field, locations within 1 pt. A difference is a bug in one of them, or a known difference
written down in docs/formats.md. Hostile PDFs give typed errors with either engine."""

from __future__ import annotations

from pathlib import Path

import pytest

import appendixparse
from appendixparse.errors import AppendixParseError
from appendixparse.options import Options
from appendixparse.readers.pdf import read_pdf
from appendixparse.readers.pdf.rules import _ruled_cells

from conftest import GOLDEN, SAMPLES, SHARED
from golden import assert_golden, load_golden
from helpers import time_guard

ENGINES = ("pdfium", "pdfplumber")


def _shared(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (SHARED / folder).glob("*.pdf"))


PDFS = sorted(SAMPLES.glob("*.pdf")) + _shared("real", "peers/pdf")


def _outcome(path: Path, engine: str) -> list[dict] | str:
    """The records of a parse as plain data, or the kind of error it raised."""
    try:
        report = appendixparse.parse(path, options=Options(pdf_engine=engine))
    except AppendixParseError as exc:
        return type(exc).__name__
    return [r.model_dump() for r in report.records]


def _same_place(a: dict, b: dict) -> bool:
    if a["page"] != b["page"] or (a["bbox"] is None) != (b["bbox"] is None):
        return False
    return a["bbox"] is None or all(abs(x - y) <= 1 for x, y in zip(a["bbox"], b["bbox"]))


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_both_engines_give_the_same_records(path: Path) -> None:
    ours, reference = _outcome(path, "pdfium"), _outcome(path, "pdfplumber")
    if isinstance(ours, str) or isinstance(reference, str):
        # A document with no appendix in it: the same kind of refusal (issue-297-example.pdf,
        # whose page tree pdfminer cannot read and pdfium can, is refused either way).
        assert isinstance(ours, str) and isinstance(reference, str)
        return
    assert len(ours) == len(reference)
    for mine, theirs in zip(ours, reference):
        place, their_place = mine.pop("location"), theirs.pop("location")
        assert mine == theirs
        assert _same_place(place, their_place), (mine["id"], place, their_place)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.pdf")), ids=lambda p: p.name)
def test_golden_with_the_reference_engine(path: Path) -> None:
    # test_pdf.py checks the goldens with the default engine (pdfium).
    report = appendixparse.parse(path, options=Options(pdf_engine="pdfplumber"))
    assert_golden(report, load_golden(GOLDEN / f"{path.name}.json"))


def test_the_default_engine_is_pdfium() -> None:
    assert Options().pdf_engine == "pdfium"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("path", _shared("peers/broken"), ids=lambda p: p.name)
def test_hostile_pdfs_give_typed_errors_with_either_engine(path: Path, engine: str) -> None:
    with time_guard(20):
        try:
            read_pdf(path.read_bytes(), str(path), Options(pdf_engine=engine))
        except AppendixParseError as exc:
            assert str(path) in str(exc)


def test_cells_from_rules_with_a_thin_filled_rectangle_and_a_broken_rule() -> None:
    # A 2×2 grid: the middle column rule is a thin filled rectangle (its two sides 0.5 pt
    # apart snap to one rule); the bottom rule is drawn in two pieces 2 pt apart (joined).
    horizontal = [(10.0, 0.0, 100.0), (30.0, 0.0, 100.0), (50.0, 0.0, 49.0), (50.0, 51.0, 100.0)]
    vertical = [(0.0, 10.0, 50.0), (40.0, 10.0, 50.0), (40.5, 10.0, 50.0), (100.0, 10.0, 50.0)]
    [table] = _ruled_cells(horizontal, vertical)
    assert sorted(table) == [
        (0.0, 10.0, 40.25, 30.0),
        (0.0, 30.0, 40.25, 50.0),
        (40.25, 10.0, 100.0, 30.0),
        (40.25, 30.0, 100.0, 50.0),
    ]


def test_lone_cells_and_short_pieces_make_no_table() -> None:
    one_cell = [(10.0, 0.0, 100.0), (30.0, 0.0, 100.0)], [(0.0, 10.0, 30.0), (100.0, 10.0, 30.0)]
    assert _ruled_cells(*one_cell) == []
    specks = [(10.0, 0.0, 2.0), (30.0, 0.0, 2.0)], [(0.0, 10.0, 12.0), (1.0, 28.0, 30.0)]
    assert _ruled_cells(*specks) == []
