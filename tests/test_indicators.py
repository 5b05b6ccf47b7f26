"""Indicator tables: generated forms and scoring tables read exactly, planted errors flagged
and nothing else; the layout's and checks' edge cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import appendixparse
from appendixparse.checks.indicators import CODES as INDICATOR_CODES
from appendixparse.checks.flags import SEVERITY
from appendixparse.table.indicators import indicator_role

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
