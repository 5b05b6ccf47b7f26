"""Borderless Word tables with justified cells, exported by LibreOffice: a narrow column's wide
spaces are not column gaps, and a word broken after its hyphen at a line's end joins again.
The samples come from samples/generate/pdf_justified_samples.py (golden JSON from the data)."""

from __future__ import annotations

import pytest

import appendixparse
from appendixparse.grid import Table
from appendixparse.readers.pdf import read_pdf
from appendixparse.readers.pdf.text import _join_lines

from conftest import SAMPLES

BORDERLESS = SAMPLES / "appendix-quang-tri-district-2023-justified-borderless.pdf"
NARROW = SAMPLES / "appendix-quang-tri-district-2023-justified-narrow.pdf"


@pytest.mark.parametrize("path", [BORDERLESS, NARROW], ids=lambda p: p.name)
def test_justified_cells_keep_the_columns_of_the_table(path) -> None:
    grid = read_pdf(path.read_bytes(), path.name)
    tables = [b for b in grid.blocks if isinstance(b, Table)]
    # The motto table (two columns) and the assessment table's four columns on every page.
    assert {len(row.cells) for t in tables[1:] for row in t.rows} == {4}
    report = appendixparse.parse(path)
    by_id = {r.id: r for r in report.records}
    assert len(report.records) == 35 and report.unparsed == []
    assert by_id["II.3"].status_raw == "(cấp tỉnh thực hiện)"
    assert by_id["II.3"].status == "not_applicable"


def test_a_word_broken_after_its_hyphen_joins_again() -> None:
    report = appendixparse.parse(NARROW)
    notes = next(r.notes for r in report.records if r.id == "II.8")
    assert "1226/ UBND-TH ngày" in notes


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (
            ["công văn số 1226/ UBND-", "TH ngày 08/8/2023"],
            "công văn số 1226/ UBND-TH ngày 08/8/2023",
        ),
        (["Quyết định 1103/QĐ-", "UBND"], "Quyết định 1103/QĐ-UBND"),
        (["kết quả như sau:", "- Đạt 100%"], "kết quả như sau:\n- Đạt 100%"),
        (["tỷ lệ từ 80% -", "90%"], "tỷ lệ từ 80% -\n90%"),
        (["đạt từ 80% -", "đến 90%"], "đạt từ 80% -\nđến 90%"),
        (["phòng chống dịch Covid-", "19"], "phòng chống dịch Covid-\n19"),
        (["giai đoạn 2021-", "2025"], "giai đoạn 2021-\n2025"),
        (["Đạt-", "- Tiếp tục"], "Đạt-\n- Tiếp tục"),
        (["a", "b"], "a\nb"),
    ],
)
def test_only_a_hyphen_glued_to_a_letter_before_a_letter_joins_lines(
    lines: list[str], joined: str
) -> None:
    assert _join_lines(lines) == joined
    assert _join_lines(lines, " ") == joined.replace("\n", " ")
