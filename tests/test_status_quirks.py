"""Status cells as other offices type them: look-alike letters and invisible characters."""

from __future__ import annotations

import pytest

import appendixparse
from appendixparse.text.cleaning import clean
from appendixparse.text.status import normalise_status

ETH = "\u00d0"  # "Ð", Icelandic eth: looks like "Đ" and is typed for it by some converters


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        (f"{ETH}ã thực hiện", "completed"),
        (f"{ETH}ạt 100%", "completed"),
        (f"{ETH}ang thực hiện", "in_progress"),
        (f"Chưa {ETH.lower()}ạt", "in_progress"),
        ("Đang thực hi\u00adện", "in_progress"),  # soft hyphen from a web page (&shy;)
        ("Đã hoàn th&shy;ành", "completed"),
        ("Chưa thự\u200cc hiện", "not_started"),  # zero-width non-joiner
        ("Đã\u2060 thực hiện", "completed"),  # word joiner
        ("Cấp tỉnh\ufeff", "not_applicable"),
    ],
)
def test_status_with_look_alike_or_invisible_characters(cell: str, status: str) -> None:
    assert normalise_status(clean(cell)) == status


def test_invisible_characters_leave_the_cleaned_text() -> None:
    assert clean("Đang thực hi\u00adện\u200d") == "Đang thực hiện"


def test_header_and_status_with_eth_in_a_text_table() -> None:
    text = (
        f"STT\tMục tiêu\t{ETH}ánh giá\tKết quả\n"
        f"1\tA\t{ETH}ã thực hiện\tx\n"
        f"2\tB\t{ETH}ANG THỰC HIỆN\ty\n"
    )
    report = appendixparse.parse(text.encode())
    assert [(r.id, r.status) for r in report.records] == [("1", "completed"), ("2", "in_progress")]
    assert report.records[0].status_raw == f"{ETH}ã thực hiện"  # the document's text is kept
    assert not [f for f in report.flags if f.code == "unknown_status"]
