"""The officer's workbook and the HTML report, read as an officer would: on the README batch."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

import appendixparse

from conftest import SAMPLES

README_BATCH = [SAMPLES / "consolidate", SAMPLES / "appendix-quang-tri-district-2023.docx"]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def province() -> appendixparse.consolidation.Consolidation:
    return appendixparse.consolidate(README_BATCH, jobs=1)


@pytest.fixture(scope="module")
def book(province, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("workbook") / "tong-hop.xlsx"
    province.to_excel(path)
    return load_workbook(path)


def _matrix_cells(book) -> dict[tuple[str, str], object]:  # type: ignore[no-untyped-def]
    sheet = book["Tổng hợp"]
    header = [c.value for c in sheet[1]]
    cells = {}
    for row in sheet.iter_rows(min_row=2, max_row=36):
        for unit, cell in zip(header[3:], row[3:]):
            cells[unit, row[0].value] = cell
    return cells


def test_every_error_and_warning_is_marked_on_its_cell(province, book) -> None:
    cells = _matrix_cells(book)
    shown = province.flags[province.flags["severity"].isin(["error", "warning"])]
    on_targets = shown[shown["id"].notna()]
    assert len(on_targets) > 10
    for flag in on_targets.itertuples():
        cell = cells[flag.unit_label, flag.id]
        assert cell.border.left.style == "thick", (flag.unit_label, flag.id, flag.code)
        assert cell.comment is not None and flag.message[:60] in cell.comment.text
    errors = shown[shown["severity"] == "error"]
    for flag in errors.itertuples():
        if isinstance(flag.id, str):
            assert cells[flag.unit_label, flag.id].border.left.color.rgb.endswith("C00000")


def test_each_matrix_cell_links_to_its_detail_row(book) -> None:
    detail = book["Chi tiết"]
    header = [c.value for c in detail[1]]
    unit_at, id_at = header.index("Đơn vị"), header.index("Mã chỉ tiêu")
    for (unit, target), cell in list(_matrix_cells(book).items())[:60]:
        location = cell.hyperlink.location
        assert location.startswith("'Chi tiết'!A")
        row = detail[int(location.rsplit("A", 1)[1])]
        assert (row[unit_at].value, row[id_at].value) == (unit, target)


def test_matrix_has_totals_a_completion_row_and_a_legend(province, book) -> None:
    sheet = book["Tổng hợp"]
    labels = [sheet.cell(r, 3).value for r in range(37, sheet.max_row + 1)]
    assert "Số chỉ tiêu: Đã hoàn thành" in labels and "% hoàn thành" in labels
    assert "Chú giải" in labels and "Viền đỏ: ô có lỗi cần xử lý" in labels
    rate_row = 37 + labels.index("% hoàn thành")
    assert sheet.cell(rate_row, 4).number_format == "0.0%"
    first_unit = sheet.cell(1, 4).value
    expected = province.by_unit.set_index("unit_label").at[first_unit, "completion_rate"]
    assert sheet.cell(rate_row, 4).value == pytest.approx(expected / 100)


def test_nothing_is_clipped_rows_and_headers_fit(book) -> None:
    for sheet in book.worksheets:
        header_height = sheet.row_dimensions[1].height
        assert header_height and header_height >= 15, sheet.title
        for cell in sheet[1]:
            if cell.value:
                assert cell.alignment.wrap_text, (sheet.title, cell.value)
    detail = book["Chi tiết"]
    header = [c.value for c in detail[1]]
    notes = header.index("Thực trạng/Giải pháp") + 1
    for row in range(2, 40):
        cell = detail.cell(row, notes)
        assert cell.alignment.wrap_text and cell.alignment.vertical == "top"
        lines = len(str(cell.value or "")) / (detail.column_dimensions[cell.column_letter].width)
        assert detail.row_dimensions[row].height >= 15 * min(lines, 25), row


def test_detail_prints_on_a4_landscape_with_real_dates_and_percentages(book) -> None:
    detail = book["Chi tiết"]
    assert detail.page_setup.orientation == "landscape" and str(detail.page_setup.paperSize) == "9"
    assert detail.print_title_rows == "$1:$1"
    header = [c.value for c in detail[1]]
    start = detail.cell(2, header.index("Từ ngày") + 1)
    assert isinstance(start.value, dt.datetime) and start.number_format == "DD/MM/YYYY"
    value = detail.cell(2, header.index("Số liệu đo") + 1)
    assert value.number_format == "0.0%"
    machine = [c.column_letter for c in detail[1] if "(JSON" in str(c.value)]
    assert machine and all(detail.column_dimensions[col].hidden for col in machine)
    assert header.index("Số liệu (JSON, cho máy)") > header.index("Vị trí trong tệp")


def test_one_unit_one_column_and_the_duplicate_listed(province, book) -> None:
    assert province.units == province.documents == 10
    assert set(province.by_target["units"]) == {10}  # "Số đơn vị"
    listed = [r for r in book["Báo cáo trùng"].iter_rows(min_row=2, values_only=True)]
    assert [Path(r[1]).name for r in listed] == ["huyen-huong-hoa.txt"]
    assert Path(listed[0][4]).name == "huyen-huong-hoa-lan-2.txt"


def test_flags_sheet_errors_first_in_vietnamese_linked_to_their_cell(province, book) -> None:
    sheet = book["Cảnh báo"]
    rows = list(sheet.iter_rows(min_row=2))
    severities = [r[0].value for r in rows]
    assert severities == sorted(severities, key=["Lỗi", "Cảnh báo"].index)
    assert "Thông tin" not in severities and len(list(book["Thông tin"].iter_rows(min_row=2)))
    codes = {r[1].value for r in rows}
    assert "Báo hoàn thành nhưng chưa đạt ngưỡng" in codes and "completed_below_target" not in codes
    linked = [r for r in rows if r[7].hyperlink is not None]
    assert linked and all(r[7].hyperlink.location.startswith("'Tổng hợp'!") for r in linked)
    places = {r[6].value for r in rows}
    assert any("trang" in str(p) for p in places) and any("bảng" in str(p) for p in places)


def test_units_sheet_has_declared_and_counted_and_a_chart(book) -> None:
    sheet = book["Theo đơn vị"]
    header = [c.value for c in sheet[1]]
    for heading in ("Tổng số chỉ tiêu (tự khai)", "Đã hoàn thành", "Tỷ lệ hoàn thành", "Số lỗi"):
        assert heading in header
    assert len(sheet._charts) == 1


def test_targets_sheet_names_units_behind_and_measured_values(book) -> None:
    sheet = book["Theo chỉ tiêu"]
    header = [c.value for c in sheet[1]]
    behind = header.index("Đơn vị chưa hoàn thành")
    low, high = header.index("Số liệu đo thấp nhất"), header.index("Số liệu đo cao nhất")
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert any(r[behind] for r in rows)
    measured = [r for r in rows if r[low] is not None]
    assert measured and all(r[low] <= r[high] for r in measured)


def test_english_workbook(province, tmp_path: Path) -> None:
    path = province.to_excel(tmp_path / "summary.xlsx", lang="en")
    book = load_workbook(path, read_only=True)
    assert book.sheetnames[:2] == ["Summary", "Details"]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_workbook_converts_to_pdf_with_its_headers(province, tmp_path: Path) -> None:
    import pdfplumber

    path = province.to_excel(tmp_path / "tong-hop.xlsx")
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True, timeout=300, check=False,
    )  # fmt: skip
    pdf = tmp_path / "tong-hop.pdf"
    if not pdf.exists():
        pytest.skip(f"LibreOffice could not convert the workbook: {done.stderr[-200:]!r}")
    with pdfplumber.open(pdf) as document:
        first = document.pages[0].extract_text() or ""
    assert "Mã chỉ tiêu" in first and "Chỉ tiêu" in first


# --- the HTML report --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report_html(province, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return province.to_html(tmp_path_factory.mktemp("html") / "tong-hop.html")


def test_the_report_is_self_contained(report_html: Path) -> None:
    text = report_html.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    for reference in ('src="http', "src='http", 'href="http', "@import", "url(", "<link", "<img"):
        assert reference not in text


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_the_report_in_a_headless_browser(province, report_html: Path, tmp_path: Path) -> None:
    from lxml import html

    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
    ]  # fmt: skip
    done = subprocess.run(
        [*command, "--dump-dom", report_html.as_uri()], capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-500:]
    dom = html.fromstring(done.stdout)
    cells = dom.xpath('//table[@id="heat"]//td[@data-status]')
    assert len(cells) == province.units * len(province.catalogue)
    errors = province.flags[province.flags["severity"] == "error"]
    shown = dom.xpath('//table[@id="flags"]//tr[@data-severity="error"]')
    assert len(shown) == len(errors) > 0
    messages = " ".join(row.text_content() for row in shown)
    for message in errors["message"]:
        assert message[:50] in messages
    marked = dom.xpath('//td[contains(@class, "flag-error")]')
    assert len(marked) >= len(set(zip(errors["unit_label"], errors["id"].dropna())))
    shot = tmp_path / "report.png"
    subprocess.run(
        [*command, f"--screenshot={shot}", "--window-size=1400,1000", report_html.as_uri()],
        capture_output=True,
        timeout=120,
    )
    assert shot.exists() and shot.stat().st_size > 10_000


def test_json_export_is_one_object_of_every_table(province, tmp_path: Path) -> None:
    from appendixparse.consolidation import export

    document = json.loads(export(province, tmp_path / "x.json").read_text(encoding="utf-8"))
    assert set(document) == {"records", "flags", "units", "errors", "duplicates"}
    assert len(document["duplicates"]) == 1 and len(document["units"]) == 10
