"""Indicator tables: generated forms and scoring tables read exactly, planted errors flagged
and nothing else; the layout's and checks' edge cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import appendixparse
from appendixparse.checks.flags import SEVERITY
from appendixparse.checks.indicators import CODES as INDICATOR_CODES
from appendixparse.table.indicators import indicator_role
from appendixparse.text.values import read_value, value_decimals

from conftest import GOLDEN, SAMPLES, shared_path

INDICATOR_SAMPLES = sorted(SAMPLES.glob("indicators-*"))
FIELDS = (
    "id", "form", "form_title", "stt", "parent", "name", "unit", "value", "value_raw",
    "maximum", "columns", "notes",
)  # fmt: skip


def _indicators(report: appendixparse.Report) -> list[dict]:
    return [{k: getattr(i, k) for k in FIELDS} for i in report.indicators]


def test_there_are_samples_in_each_format() -> None:
    assert {p.suffix for p in INDICATOR_SAMPLES} >= {".docx", ".pdf", ".xlsx"}


@pytest.mark.parametrize("path", INDICATOR_SAMPLES, ids=lambda p: p.name)
def test_sample_reads_exactly(path: Path) -> None:
    expected = json.loads((GOLDEN / f"{path.name}.json").read_text(encoding="utf-8"))
    report = appendixparse.parse(path)
    assert report.records == []
    got = _indicators(report)
    assert [i["id"] for i in got] == [i["id"] for i in expected["indicators"]]
    for have, want in zip(got, expected["indicators"]):
        assert have == want, have["id"]
    flags = [{"code": f.code, "record": f.record} for f in report.flags]
    assert flags == expected["flags"]


def test_every_indicator_code_is_registered() -> None:
    assert set(INDICATOR_CODES) <= set(SEVERITY)
    assert SEVERITY["indicator_unit_mismatch"] == "warning"


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("STT", "stt"),
        ("Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)", "name"),
        ("Đơn vị tính", "unit"),
        ("ĐVT", "unit"),
        ("Số liệu", "value"),
        ("Năm 2025 (tính từ 01/7/2025 đến 31/7/2025)", "value"),
        ("Ghi chú", "notes"),
        ("Điểm tối đa (Điểm chuẩn)", "maximum"),
        ("Điểm tự đánh giá", "score"),
        ("Điểm thẩm định", "appraised"),
        ("Tài liệu kiểm chứng", "notes"),
        ("NHÓM CHỈ TIÊU", "group"),
        ("CHỈ SỐ", "name"),
        ("ĐIỂM ĐÁNH GIÁ (18 / 18)", "score"),
        ("Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "name"),
        ("Nội dung", None),
    ],
)
def test_header_roles(header: str, role: str | None) -> None:
    assert indicator_role(header) == role


REAL_TSV = GOLDEN / "lamdong-cchc-2025-phuluc-bao-cao.docx.indicators.tsv"


def _real_expected() -> list[tuple[str, str, str | None, str, float | None]]:
    rows = []
    for line in REAL_TSV.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        id_, name, unit, raw, value = line.split("\t")
        rows.append((id_, name, unit or None, raw, float(value) if value else None))
    return rows


def test_real_lamdong_appendix_every_row() -> None:
    """Lâm Đồng's 2025 statistical appendix: nine tables, seven forms, every row as written."""
    path = shared_path("real", "lamdong-cchc-2025-phuluc-bao-cao.docx")
    report = appendixparse.parse(path)
    got = [(i.id, i.name, i.unit, i.value_raw, i.value) for i in report.indicators]
    assert got == _real_expected()
    assert report.records == []
    by_id = {i.id: i for i in report.indicators}
    # Tables 3 and 4 are one form: the second part opens at 3.2.2, under 3.2 of table 3.
    assert by_id["3:3.2.2"].parent == "3:3.2" and by_id["3:3.2.2"].location.table == 4
    assert by_id["7:4.2.2"].parent == "7:4.2" and by_id["7:4.2.2"].location.table == 9
    assert {i.form_title for i in report.indicators if i.form == "3"} == {
        "Cải cách thủ tục hành chính"
    }
    assert by_id["3:1.4"].parent == "3:1" and by_id["1:3"].value is None
    # The document's arithmetic holds everywhere but for the share above 100%.
    assert [(f.code, f.record) for f in report.flags] == [("indicator_out_of_range", "4:1.2")]


def test_real_word97_template() -> None:
    """The Ministry's blank Word 97 form: bulleted rows ('-', '+') numbered under their row,
    a year as the value column, no values, no flags."""
    path = shared_path("real", "lamdong-nq76-soket-phuluc-bo-sung-so-lieu.doc")
    from appendixparse.readers.libreoffice import soffice

    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    report = appendixparse.parse(path)
    assert len(report.indicators) == 119
    assert {i.form for i in report.indicators} == {str(n) for n in range(1, 8)}
    assert all(i.value is None for i in report.indicators)
    assert report.flags == []
    by_id = {i.id: i for i in report.indicators}
    assert by_id["1:2.2.1"].stt == "+" and by_id["1:2.2.1"].parent == "1:2.2"
    assert by_id["1:2.2"].unit == "%"  # "Tỷ lệ xử lý vấn đề qua kiểm tra (%)"
    assert by_id["6:4.3"].parent == "6:4"  # '+' straight under a number
    assert by_id["2:1.1.1"].name == "Nghị quyết của Hội đồng nhân dân cấp tỉnh"
    assert by_id["2:1.1"].name == "Chia theo tên loại văn bản quy phạm pháp luật"


def _unit_report(unit: str, changes: dict[str, float]) -> appendixparse.Report:
    report = appendixparse.parse(SAMPLES / "indicators-province-forms.docx")
    report.unit = unit
    report.source.path = f"{unit}.docx"
    for ind in report.indicators:
        if ind.id in changes:
            ind.value = changes[ind.id]
    return report


def test_consolidated_indicators(tmp_path: Path) -> None:
    a = _unit_report("UBND xã Cam Hiếu", {})
    b = _unit_report("UBND xã Gio Mỹ", {"1:2.1": 55, "1:2.2": 44, "2:3.1.1": 1000})
    result = appendixparse.consolidate([a, b])
    assert len(result.records) == 0 and len(result.matrix.columns) == 0  # no target missing
    long = result.indicators
    assert len(long) == 2 * len(a.indicators)
    assert list(long.columns[:5]) == ["unit", "unit_label", "period_start", "period_end", "id"]
    matrix = result.indicator_matrix
    assert list(matrix.columns) == [
        "name", "unit_of_measure", "UBND xã Cam Hiếu", "UBND xã Gio Mỹ", "Toàn tỉnh",
    ]  # fmt: skip
    province = matrix["Toàn tỉnh"]
    assert province["1:2.1"] == 100 and province["1:2.2"] == 89  # counts summed
    assert province["1:2"] == round(89 / 100 * 100, 2)  # a rate from the summed parts
    assert province["2:2"] != province["2:2"]  # a rate without parts: none (NaN)
    assert province["1:4"] != province["1:4"]  # a coded answer is not summed
    assert province["2:3.1"] == round((193457 * 2) / (195197 + 1000) * 100, 2)
    out = tmp_path / "tong-hop.csv"
    appendixparse.consolidation.export(result, out)
    written = (tmp_path / "tong-hop.indicators.csv").read_text(encoding="utf-8-sig")
    assert written.splitlines()[0].startswith("unit,unit_label,period_start,period_end,id,")
    appendixparse.consolidation.export(result, tmp_path / "tong-hop.xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "tong-hop.xlsx")["Chỉ tiêu thống kê"]
    assert [c.value for c in sheet[1]][-1] == "Toàn tỉnh"


def test_mixed_document_holds_both_kinds(tmp_path: Path) -> None:
    """An assessment appendix followed by an indicator form: records and indicators both."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("Phụ lục")
    table = doc.add_table(rows=3, cols=4)
    for r, cells in enumerate(
        [
            ("STT", "Mục tiêu", "Đánh giá mức độ hoàn thành", "Thực trạng/Giải pháp"),
            ("1", "Hoàn thành kế hoạch CCHC", "Đã hoàn thành", "Đạt 100%"),
            ("2", "Tỷ lệ hồ sơ trực tuyến đạt 80%", "Đang thực hiện", "Đạt 70%"),
        ]
    ):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    doc.add_paragraph("Biểu mẫu 3")
    doc.add_paragraph("Cải cách thủ tục hành chính")
    form = doc.add_table(rows=3, cols=4)
    for r, cells in enumerate(
        [
            ("STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"),
            ("1.", "Số TTHC công bố mới", "Thủ tục", "247"),
            ("2.", "Tỷ lệ TTHC một cửa", "%", "100"),
        ]
    ):
        for c, text in enumerate(cells):
            form.cell(r, c).text = text
    path = tmp_path / "mixed.docx"
    doc.save(str(path))
    report = appendixparse.parse(path)
    assert [r.id for r in report.records] == ["1", "2"]
    assert [(i.id, i.value) for i in report.indicators] == [("3:1", 247.0), ("3:2", 100.0)]
    assert report.indicators[0].form_title == "Cải cách thủ tục hành chính"


def test_ticked_forms_and_counts_by_status_are_no_indicator_tables() -> None:
    """'Nội dung chỉ tiêu | Hoàn thành | Đang thực hiện' names an indicator and a value word,
    but columns headed by statuses are ticked (or count statuses): the assessment's."""
    text = (
        "Tổng số chỉ tiêu\tĐã hoàn thành\tĐang thực hiện\n35\t18\t17\n\n"
        "STT\tNội dung chỉ tiêu\tHoàn thành\tĐang thực hiện\tChưa thực hiện\tGhi chú\n"
        "1\tBan hành kế hoạch\tx\t\t\t\n2\tRà soát văn bản\t\tx\t\t\n"
    ).encode()
    report = appendixparse.parse(text, format="text")
    assert report.indicators == []
    assert [r.status for r in report.records] == ["completed", "in_progress"]


def _docx(tmp_path: Path, blocks: list[str | list[tuple[str, ...]]]) -> Path:
    """A DOCX of paragraphs (str) and tables (lists of rows), in order."""
    from docx import Document

    doc = Document()
    for block in blocks:
        if isinstance(block, str):
            doc.add_paragraph(block)
            continue
        table = doc.add_table(rows=len(block), cols=len(block[0]))
        for r, cells in enumerate(block):
            for c, text in enumerate(cells):
                table.cell(r, c).text = text
    path = tmp_path / "form.docx"
    doc.save(str(path))
    return path


FORM_ROWS = [
    ("STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"),
    ("1.", "Tổng số VBQPPL do địa phương ban hành", "Văn bản", "249", ""),
    ("1.1.", "Số VBQPPL do cấp tỉnh ban hành", "Văn bản", "174", "gồm 10 nghị quyết"),
    ("1.2.", "Số VBQPPL do cấp xã ban hành", "Văn bản", "75", ""),
    ("2.", "Tỷ lệ xử lý VBQPPL sau rà soát", "%", "90,5", ""),
    ("2.1.", "Tổng số VBQPPL cần phải xử lý sau rà soát", "Văn bản", "200", ""),
    ("2.2.", "Số VBQPPL đã được xử lý xong", "Văn bản", "181", ""),
]
FORM_EXPECTED = [
    ("2:1", None, "Văn bản", 249.0, ""),
    ("2:1.1", "2:1", "Văn bản", 174.0, "gồm 10 nghị quyết"),
    ("2:1.2", "2:1", "Văn bản", 75.0, ""),
    ("2:2", None, "%", 90.5, ""),
    ("2:2.1", "2:2", "Văn bản", 200.0, ""),
    ("2:2.2", "2:2", "Văn bản", 181.0, ""),
]


@pytest.mark.parametrize(
    "order", [(0, 1, 2, 3, 4), (0, 1, 3, 2, 4), (1, 0, 2, 3, 4), (0, 4, 1, 3, 2), (4, 3, 2, 1, 0)]
)
def test_columns_in_any_order(tmp_path: Path, order: tuple[int, ...]) -> None:
    rows = [tuple(row[i] for i in order) for row in FORM_ROWS]
    report = appendixparse.parse(_docx(tmp_path, ["Biểu mẫu 2", "Cải cách thể chế", rows]))
    got = [(i.id, i.parent, i.unit, i.value, i.notes) for i in report.indicators]
    assert got == FORM_EXPECTED
    assert report.flags == []  # 174 + 75 = 249; 181/200 = 90,5%


def test_continued_without_a_header_and_a_planted_sum(tmp_path: Path) -> None:
    """A form broken into two tables, the second without a header: one form; the sum is then
    checked across the break."""
    first = [*FORM_ROWS[:3]]
    second = [(stt, name, unit, "76" if stt == "1.2." else value, note)
              for stt, name, unit, value, note in FORM_ROWS[3:]]  # fmt: skip
    report = appendixparse.parse(_docx(tmp_path, ["Biểu mẫu 2", "Cải cách thể chế", first, second]))
    assert [i.id for i in report.indicators] == [e[0] for e in FORM_EXPECTED]
    assert report.indicators[2].location.table == 2
    assert [(f.code, f.record) for f in report.flags] == [("indicator_sum_mismatch", "2:1")]
    assert report.flags[0].evidence["sum"] == 250


def test_no_form_lines_ids_are_the_stt(tmp_path: Path) -> None:
    report = appendixparse.parse(_docx(tmp_path, ["PHỤ LỤC SỐ LIỆU", FORM_ROWS]))
    assert [i.id for i in report.indicators] == [e[0][2:] for e in FORM_EXPECTED]
    assert report.indicators[1].parent == "1" and report.indicators[0].form is None
    assert report.title == "PHỤ LỤC SỐ LIỆU"


@given(st.integers(min_value=-(10**9), max_value=10**9), st.integers(min_value=0, max_value=2))
def test_vietnamese_numbers_read_back(number: int, decimals: int) -> None:
    """A value written the Vietnamese way (dots grouping thousands, a decimal comma, a sign)
    reads back as the number, with its written decimals."""
    value = number / 10**decimals
    text = f"{abs(value):,.{decimals}f}".translate(str.maketrans(",.", ".,"))
    text = ("-" if value < 0 else "") + text
    assert read_value(text) == pytest.approx(value)
    assert value_decimals(text) == decimals


@given(st.text(max_size=30))
def test_any_cell_reads_without_error(text: str) -> None:
    result = read_value(text)
    assert result is None or isinstance(result, float)


def test_form_from_the_sheet_name(tmp_path: Path) -> None:
    """An Excel form without a 'Biểu mẫu' line: the sheet's name gives the form."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Biểu mẫu 05"
    for row in FORM_ROWS:
        sheet.append(list(row))
    path = tmp_path / "bieu-mau.xlsx"
    book.save(path)
    report = appendixparse.parse(path)
    assert [i.id for i in report.indicators][:2] == ["5:1", "5:1.1"]
    assert report.indicators[0].form == "5" and report.indicators[0].form_title is None


def test_cli_consolidates_indicator_appendices(tmp_path: Path, capsys) -> None:
    """A folder of indicator appendices alone consolidates (exit 0), its rows beside the CSV."""
    from appendixparse.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("indicators-province-forms.docx", "indicators-scoring.xlsx"):
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    out = tmp_path / "tong-hop.csv"
    assert main(["consolidate", str(folder), "-o", str(out)]) == 0
    assert "2 document(s)" in capsys.readouterr().out
    rows = (tmp_path / "tong-hop.indicators.csv").read_text(encoding="utf-8-sig").splitlines()
    goldens = [
        GOLDEN / f"{n}.json" for n in ("indicators-province-forms.docx", "indicators-scoring.xlsx")
    ]
    count = sum(len(json.loads(g.read_text(encoding="utf-8"))["indicators"]) for g in goldens)
    assert len(rows) == 1 + count


@pytest.mark.parametrize("path", INDICATOR_SAMPLES, ids=lambda p: p.name)
def test_every_indicator_cell_is_accounted_for(path: Path) -> None:
    """Every non-empty body cell of the indicator tables ends up in an indicator's fields."""
    from appendixparse.pipeline import load
    from appendixparse.readers import read
    from appendixparse.table.indicators import find_indicator_tables
    from appendixparse.text.cleaning import clean, fold

    data, _ = load(path)
    grid, _ = read(data, str(path))
    report = appendixparse.parse(path)
    parts: list[str] = []
    for i in report.indicators:
        parts += [i.stt, i.name, i.unit or "", i.value_raw, i.notes, *i.columns.values()]
    placed = fold("\n".join(parts))
    cells = [c for p in find_indicator_tables(grid).parts for r in p.rows for c in r.cells]
    missing = [clean(c) for c in cells if clean(c) and fold(c) not in placed]
    assert cells and not missing, missing[:5]
