"""Fuzzing the text reader: any bytes or text in, a report or an AppendixParseError out."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import appendixparse

HEADER = "STT\tMục tiêu\tĐánh giá\tThực trạng/Giải pháp\n"
CELL = st.lists(
    st.sampled_from([*"0123456789IVX.,/%-+()<>pà ạăâđêôơưĐÃáé", "<p>", "</p>", "Đạt", " "]),
    max_size=20,
).map("".join)


def _parse_or_error(data: bytes) -> appendixparse.Report | None:
    try:
        return appendixparse.parse(data)
    except appendixparse.AppendixParseError as exc:
        assert str(exc).startswith("<bytes>: ")
        return None


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    _parse_or_error(data)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(CELL, min_size=1, max_size=6), max_size=30))
def test_random_tables_keep_every_record_whole(rows: list[list[str]]) -> None:
    text = HEADER + "\n".join("\t".join(r) for r in rows)
    report = _parse_or_error(text.encode("utf-8"))
    if report is not None:
        for record in report.records:
            assert record.id and record.stt
            assert "<p>" not in record.notes
            assert record.status in {
                "completed", "in_progress", "not_started", "not_applicable", "unknown",
            }  # fmt: skip
