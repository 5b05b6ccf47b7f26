"""A unit gives the same records whatever a Word user changed before exporting it to PDF:
DOCX variations of the sample units, converted by LibreOffice, against the units' data."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import appendixparse
from appendixparse.grid import Grid, Row
from appendixparse.models import Location
from appendixparse.readers.pdf.assembly import _Builder
from appendixparse.readers.pdf.unruled import _join_wrapped_header
from appendixparse.table.layout import find_layout

from generate.docx_variations import NARROW_CM, Variation, write_variation
from generate.units import Unit, expected_report, invented_units, real_appendix

pytestmark = pytest.mark.slow  # LibreOffice converts every variation

ARIAL_10 = ("Arial", 10.0)
# (unit name, variation): the forms that once differed from the unit's data.
CASES = {
    # Arial 10 in a borderless, justified table: the status header's second line
    # ("hoàn   thành   (Đã") spaced so wide that it split the column, and with it every row.
    "cam-lo-borderless-justified-arial": (
        "district-cam-lo",
        Variation(borderless=True, justified=True, font=ARIAL_10),
    ),
    "real-borderless-justified-arial": (
        "appendix-quang-tri-district-2023",
        Variation(borderless=True, justified=True, font=ARIAL_10),
    ),
    # Narrow columns without borders: "STT" wraps to "ST" / "T", and the header's second row
    # (with the long rest of the notes header) came back as unparsed text on every page.
    "real-borderless-narrow": (
        "appendix-quang-tri-district-2023",
        Variation(borderless=True, widths_cm=NARROW_CM),
    ),
}


def _units() -> dict[str, Unit]:
    return {u.name: u for u in [real_appendix(), *invented_units()]}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every case's DOCX converted to PDF by LibreOffice in one run."""
    exe = shutil.which("soffice")
    if exe is None:
        pytest.skip("LibreOffice is not installed")
    work = tmp_path_factory.mktemp("variations")
    units = _units()
    docs = [write_variation(units[u], work / f"{c}.docx", v) for c, (u, v) in CASES.items()]
    command = [
        exe, f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
        "--convert-to", "pdf", "--outdir", str(work / "out"), *map(str, docs),
    ]  # fmt: skip
    subprocess.run(command, capture_output=True, timeout=300, check=True)
    return {case: work / "out" / f"{case}.pdf" for case in CASES}


def _records(items: list[dict]) -> list[tuple]:
    keys = ("id", "stt", "target", "status_raw", "status", "notes")
    return [tuple(item[k] for k in keys) for item in items]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("case", list(CASES))
def test_variation_gives_the_units_records(case: str, pdfs: dict[str, Path]) -> None:
    unit = _units()[CASES[case][0]]
    report = appendixparse.parse(pdfs[case])
    expected = expected_report(unit, "pdf")
    got = report.model_dump(mode="json")
    assert _records(got["records"]) == _records(expected["records"])
    assert got["unparsed"] == []
    assert got["summary"] == expected["summary"]


def _row(cells: list[str], number: int) -> Row:
    return Row(cells=cells, location=Location(page=1, bbox=(0, number * 10, 500, number * 10 + 9)))


def test_a_long_header_wrapped_over_two_rows_is_one_header() -> None:
    """ "ST" over "T": the lower row is the rest of each header cell, however long the notes
    header's rest is; repeated after a page break, it is left out again."""
    rest = (
        "kết quả đạt được của cơ quan, đơn vị và đề xuất giải pháp đảm bảo hoàn thành "
        "mục tiêu vào năm 2025)"
    )
    upper = ["ST", "Các mục tiêu cụ thể đến năm", "Đánh giá", "Thực trạng/Giải pháp (Nêu rõ"]
    lower = ["T", "2025", "mức độ hoàn thành (Đã hoàn thành, Đang thực hiện)", rest]
    parts = [
        [
            upper,
            lower,
            ["I", "CẢI CÁCH THỂ CHẾ", "", ""],
            ["1", "100% văn bản được ban hành đúng pháp luật", "Đã hoàn thành", "Đạt 100%."],
        ],
        [upper, lower, ["2", "Xử lý 100% văn bản QPPL sau kiểm tra", "Đang thực hiện", "Đạt 80%."]],
    ]
    # The PDF reader joins the wrapped lines (an unruled table's rows, page by page).
    builder = _Builder()
    for part in parts:
        rows = _join_wrapped_header([_row(cells, n) for n, cells in enumerate(part)])
        assert rows[0].cells[0] == "ST\nT" and len(rows) == len(part) - 1
        builder.table(rows)
    layout = find_layout(Grid(blocks=builder.blocks, format="pdf"), "wrapped.pdf")
    assert [c.role for c in layout.columns] == ["stt", "target", "status", "notes"]
    assert layout.columns[3].header.endswith(rest)
    assert [r.cells[0] for r in layout.rows] == ["I", "1", "2"]
    assert layout.unparsed == []
