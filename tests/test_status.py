"""Status words: the SPEC's vocabulary, longest phrase first, any case or Unicode form."""

from __future__ import annotations

import unicodedata

import pytest

from appendixparse.text.status import normalise_status

CASES = [
    ("Đã hoàn thành", "completed"),
    ("Hoàn thành", "completed"),
    ("ĐÃ THỰC HIỆN", "completed"),
    ("Đạt", "completed"),
    ("Đã đạt", "completed"),
    ("Đã thực hiện (đạt 100%)", "completed"),
    ("- Đã thực hiện.", "completed"),
    ("Đang thực hiện", "in_progress"),
    ("Đang triển khai", "in_progress"),
    ("Chưa hoàn thành", "in_progress"),
    ("Cơ bản hoàn thành", "in_progress"),
    ("Chưa đạt", "in_progress"),
    ("Không đạt", "in_progress"),
    ("Chưa thực hiện", "not_started"),
    ("Chưa triển khai", "not_started"),
    ("Cấp tỉnh", "not_applicable"),
    ("(cấp tỉnh thực hiện)", "not_applicable"),
    ("Không áp dụng", "not_applicable"),
    ("Không thuộc thẩm quyền", "not_applicable"),
    ("Tốt", "unknown"),
    ("Đạtđược", "unknown"),
    ("", "unknown"),
]


@pytest.mark.parametrize(("cell", "status"), CASES)
def test_status(cell: str, status: str) -> None:
    assert normalise_status(cell) == status
    assert normalise_status(unicodedata.normalize("NFD", cell)) == status
