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

from conftest import GOLDEN, SAMPLES

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
