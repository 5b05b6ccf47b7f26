"""The text reader's own quirks: quoted multi-line cells, page-break gaps, decoding."""

from __future__ import annotations

import pytest

import appendixparse
from appendixparse.readers.text import decode, read_text

HEADER = "STT\tMục tiêu\tĐánh giá\tKết quả\n"


def test_quoted_multiline_cell_from_a_spreadsheet_export() -> None:
    text = HEADER + 'I\tTHỂ CHẾ\t\t\n1\tA\tĐạt\t"dòng một\ndòng ""hai"""\n2\tB\tChưa đạt\tx\n'
    report = appendixparse.parse(text.encode())
    assert [r.notes for r in report.records] == ['dòng một dòng "hai"', "x"]
    assert report.records[1].location.line == 5


def test_a_lone_quote_does_not_swallow_the_table() -> None:
    text = HEADER + '1\tA\tĐạt\t"Một cửa\n2\tB\tĐạt\tx\n'
    grid = read_text(text.encode(), "t.txt")
    assert len(grid.tables[0].rows) >= 2


def test_blank_lines_do_not_end_the_table_but_text_lines_do() -> None:
    text = HEADER + "1\tA\tĐạt\tx\n\n\n2\tB\tĐạt\ty\nNơi nhận:\n- Lưu VT\n"
    grid = read_text(text.encode(), "t.txt")
    assert len(grid.tables) == 1 and len(grid.tables[0].rows) == 3
    assert [p.text for p in grid.blocks[1:]] == ["Nơi nhận:", "- Lưu VT"]


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01\x02\x03" * 100, bytes(range(0, 32)) * 50],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(appendixparse.UnsupportedFormatError, match="binary"):
        decode(data, "x.txt")


def test_to_dataframe_one_row_per_record() -> None:
    report = appendixparse.parse((HEADER + "1\tA\tĐạt\tx\n2\tB\tChưa đạt\ty\n").encode())
    frame = report.to_dataframe()
    assert list(frame["id"]) == ["1", "2"]
    assert list(frame["status"]) == ["completed", "in_progress"]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_font_bytes_in_a_text_file(encoding: str) -> None:
    from appendixparse.text.encodings import from_unicode

    from conftest import REAL_TEXT

    def typeable(char: str) -> str:  # TCVN3 plain text has no capitals with tone marks
        try:
            from_unicode(char, encoding)
        except ValueError:
            return char.lower()
        return char

    text = "".join(map(typeable, REAL_TEXT.read_text(encoding="utf-8")))
    legacy = from_unicode(text, encoding).encode("cp1252", errors="replace")
    expected = appendixparse.parse(text.encode("utf-8"))
    again = appendixparse.parse(legacy)
    assert [r.id for r in again.records] == [r.id for r in expected.records]
    assert [r.status for r in again.records] == [r.status for r in expected.records]
    assert again.records[0].target == expected.records[0].target


def test_a_comma_in_a_typed_stt_is_no_decimal_point() -> None:
    """Only a spreadsheet's number cells show "1.2" as "1,2"; typed text means what it says."""
    text = (
        "STT\tMục tiêu\tĐánh giá\tKết quả\n"
        "1\tBan hành văn bản\tĐã hoàn thành\tĐạt\n"
        "1.1\tRà soát văn bản\tĐã hoàn thành\tĐạt\n"
        "1,2\tHệ thống hóa văn bản\tĐang thực hiện\tĐạt 41,2%\n"
    )
    report = appendixparse.parse(text.encode())
    assert [r.id for r in report.records] == ["1", "1.1"]
    assert [u.reason for u in report.unparsed] == ["unrecognised STT"]
