"""The real Quảng Trị appendix, text form: every field of every record against its golden file."""

from __future__ import annotations

import codecs
import unicodedata
from collections import Counter

import pytest

import appendixparse

from conftest import GOLDEN, REAL_TEXT
from golden import assert_golden, load_golden

EXPECTED = load_golden(GOLDEN / f"{REAL_TEXT.name}.json")


@pytest.fixture(scope="module")
def report() -> appendixparse.Report:
    return appendixparse.parse(REAL_TEXT)


def test_golden(report: appendixparse.Report) -> None:
    assert_golden(report, EXPECTED)


def test_counts_and_ids(report: appendixparse.Report) -> None:
    ids = [r.id for r in report.records]
    expected_ids = [
        f"{sec}.{n}"
        for sec, count in (("I", 3), ("II", 14), ("III", 2), ("IV", 5), ("V", 3), ("VI", 8))
        for n in range(1, count + 1)
    ]
    assert ids == expected_ids
    assert Counter(r.status for r in report.records) == {
        "completed": 10,
        "in_progress": 23,
        "not_applicable": 2,
    }
    assert report.summary is not None
    assert (report.summary.total, report.summary.completed, report.summary.in_progress) == (
        33,
        10,
        23,
    )
    assert report.period is not None
    assert str(report.period.start) == "2021-11-15" and str(report.period.end) == "2023-10-14"
    assert report.unparsed == []


def test_rows_continued_after_page_breaks_are_whole(report: appendixparse.Report) -> None:
    by_id = {r.id: r for r in report.records}
    assert by_id["II.1"].target.endswith(
        "Trung tâm Phục vụ Hành chính công và bộ phận một cửa, "
        "một cửa liên thông cấp huyện, cấp xã;"
    )
    assert by_id["II.1"].notes.endswith(
        "- Giải pháp: Bố trí 01 biên chế thực hiện công việc "
        "tiếp nhận và trả kết quả đối với lĩnh vực BHXH."
    )
    assert by_id["II.8"].notes.endswith(
        "nhằm tạo thuận lợi cho hoạt động sản xuất, kinh doanh của người dân, doanh nghiệp."
    )
    assert "; thông tin của người dân" in by_id["VI.4"].target
    # ... and nowhere else
    continued = ("Giải pháp: Bố trí 01", "tạo thuận lợi cho hoạt động", "tin của người dân, doanh")
    for record in report.records:
        for text in continued:
            hits = (record.target + record.notes).count(text)
            assert hits == (
                1
                if record.id in ("II.1", "II.8", "VI.4") and text in (record.target + record.notes)
                else 0
            )


def test_no_html_anywhere(report: appendixparse.Report) -> None:
    for record in report.records:
        for value in (record.target, record.status_raw, record.notes):
            assert "<p>" not in value and "</p>" not in value and "<i>" not in value


def _cp1258(text: str) -> bytes:
    """Encode NFC Vietnamese in cp1258: base letters it has precomposed, tones combining."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        for mark in marks:  # a base letter cp1258 has (â, ê, ô, ơ, ư, ă) plus the tone
            composed = unicodedata.normalize("NFC", base + mark)
            rest = "".join(m for m in marks if m != mark)
            try:
                out += composed.encode("cp1258") + rest.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            out += (base + "".join(marks)).encode("cp1258")
    return bytes(out)


VARIANTS = {
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-16-le-no-bom": lambda t: t.encode("utf-16-le"),
    "cp1258": _cp1258,
    "nfd": lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_same_records_from_every_encoding(variant: str, report: appendixparse.Report) -> None:
    text = REAL_TEXT.read_text(encoding="utf-8")
    again = appendixparse.parse(VARIANTS[variant](text))
    assert again.model_dump(exclude={"source"}) == report.model_dump(exclude={"source"})
