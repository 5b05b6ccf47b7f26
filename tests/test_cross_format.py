"""The real appendix in every format gives the records, figures and flags of its text form."""

from __future__ import annotations

from pathlib import Path

import pytest

import appendixparse

from conftest import REAL_TEXT, SAMPLES

pytestmark = pytest.mark.slow  # LibreOffice conversions

FORMS = sorted(p for p in SAMPLES.glob(f"{REAL_TEXT.stem}*") if p != REAL_TEXT)


def _content(report: appendixparse.Report) -> list[tuple]:
    return [
        (r.id, r.status, r.status_raw, r.target, r.notes, [f.model_dump() for f in r.figures])
        for r in report.records
    ]


@pytest.fixture(scope="module")
def text_form() -> appendixparse.Report:
    return appendixparse.parse(REAL_TEXT)


def test_there_are_forms_in_each_format() -> None:
    assert {p.suffix for p in FORMS} >= {".docx", ".pdf", ".xlsx"}


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_same_records_figures_and_flags(path: Path, text_form: appendixparse.Report) -> None:
    if path.suffix in (".doc", ".xls"):
        from appendixparse.readers.libreoffice import soffice

        if soffice() is None:
            pytest.skip("LibreOffice is not installed")
    report = appendixparse.parse(path)
    assert _content(report) == _content(text_form)
    assert [(f.code, f.record) for f in report.flags] == [
        (f.code, f.record) for f in text_form.flags
    ]
    assert (report.title, report.period, report.summary) == (
        text_form.title,
        text_form.period,
        text_form.summary,
    )
    assert report.unit == "UBND huyện Gio Linh"  # from the motto table the text form lacks
