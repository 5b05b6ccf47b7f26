"""A scan's numbers whose marks Tesseract drops: the dots of a hierarchical STT ("1.2." read as
"12.") and a value's decimal comma or thousands dots ("12,49" read as "1249"), seen in the ink
and put back; hierarchical STT numbers put right by the numbers around them; a form's opener
whose marks alone were misread. Units on small synthetic inputs, and the indicator forms'
scans (which skip where OCR is not installed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from appendixparse import Options, parse
from appendixparse.grid import Grid, Paragraph, Row, Table
from appendixparse.readers.pdf import ocr
from appendixparse.readers.pdf.ocr.glyphs import fit, number_shape
from appendixparse.readers.pdf.ocr.levels import mend_levels
from appendixparse.readers.pdf.ocr.numerals import NumberReadings, NumberSequence, mend
from appendixparse.table.indicators import build_indicators, find_indicator_tables
from scans import compare, make_scan

FORMS = Path(__file__).resolve().parent.parent / "samples" / "indicators-province-forms.pdf"
DIGIT, DOT, COMMA = "9", ".", ","


def _ink(shape: str, *, mark_above: bool = False) -> np.ndarray:
    """A grey image of ``shape``: each "9" a digit-sized block of ink 10 by 18 pixels, each
    "." a 3-pixel dot on the baseline, each "," a comma reaching under it; ``mark_above``: a
    mark over the first glyph, as a letter's accent."""
    image = np.full((40, 12 + 14 * len(shape)), 255, dtype=np.uint8)
    x, base = 6, 28
    for c in shape:
        if c == DIGIT:
            image[base - 18 : base, x : x + 10] = 0
            x += 12
        elif c == DOT:
            image[base - 3 : base, x : x + 3] = 0
            x += 6
        elif c == COMMA:
            image[base - 3 : base + 3, x : x + 3] = 0
            x += 6
    if mark_above:
        image[base - 24 : base - 21, 8:12] = 0
    return image


@pytest.mark.parametrize("shape", ["9.9.", "9.9.9.", "99,99", "9.999", "99.999.999", "9."])
def test_a_numbers_marks_are_seen_in_its_ink(shape: str) -> None:
    assert number_shape(_ink(shape)) == shape


def test_digits_the_ink_runs_together_count_as_many_as_they_are_wide() -> None:
    image = _ink("9.9")
    image[10:28, 30:44] = 0  # a second digit's block run into a third
    assert number_shape(image) == "9.99"


def test_ink_with_a_mark_over_it_is_no_number() -> None:
    assert number_shape(_ink("99", mark_above=True)) is None
    assert number_shape(np.full((20, 20), 255, dtype=np.uint8)) is None


@pytest.mark.parametrize(
    ("read", "shape", "numbering", "meant"),
    [
        ("12.", "9.9.", True, "1.2."),  # an STT's dots lost
        ("3.12.", "9.9.9.", True, "3.1.2."),
        ("2:2:", "9.9.", True, "2.2."),  # dots read as colons
        ("1249", "99,99", False, "12,49"),  # a decimal comma lost
        ("475", "99.9", False, "47,5"),  # a dot before one digit is no thousands separator
        ("2372", "9.999", False, "2.372"),  # a thousands dot lost
        ("99,10", "99.99", False, "99,10"),  # a mark read stays as read
        ("-3", "9", False, "-3"),
        ("443.", "9.9.", True, None),  # digits that do not fit their ink: left to the sequence
        ("K2", "9.9.", True, None),
        ("1249", None, False, None),
    ],
)  # fmt: skip
def test_a_readings_digits_take_the_marks_its_ink_shows(
    read: str, shape: str | None, numbering: bool, meant: str | None
) -> None:
    assert fit(read, shape, numbering=numbering) == meant


def _mended(readings: list[tuple[str, float, str | None]]) -> list[str]:
    """The STT column read as ``readings`` (text, confidence, ink's shape), put in sequence."""
    rows = [[text] for text, _, _ in readings]
    page = NumberReadings()
    for row, (text, confidence, shape) in zip(rows, readings, strict=True):
        page.add(row, text, confidence, shape=shape)
    page.settle(NumberSequence())
    mend([page])
    return [row[0] for row in rows]


def test_hierarchical_numbers_misread_are_put_right_by_their_neighbours() -> None:
    read = [
        ("STT", 93, None), ("1.", 70, "9."), ("2.", 92, "9."),
        ("ĐANG", 7, "9.9."),  # "2.1.": no number read, a number's ink
        ("22", 60, None),  # "2.2.": its dots lost, in the ink too
        ("3.", 94, "9."), ("8.1.", 53, "9.9."),  # "3.1.": a digit misread
        ("K2", 45, "9.9."), ("Khải K", 0, "9.9.9."), ("3.2.2.", 95, "9.9.9."),  # a run of two
        ("4.", 84, "9."), ("5.", 92, "9."), ("5.1.", 81, "9.9."), ("5.3.", 40, "9.9."),
        ("6.", 94, "9."),
    ]  # fmt: skip
    assert _mended(read) == [
        "STT", "1.", "2.", "2.1.", "2.2.", "3.", "3.1.", "3.2.", "3.2.1.", "3.2.2.",
        "4.", "5.", "5.1.", "5.2.", "6.",
    ]  # fmt: skip


def test_a_number_that_follows_on_or_fits_its_ink_stays_as_read() -> None:
    # "3.2.2." after "3.1." skips 3.2 and 3.2.1 but is read surely and fits its ink
    read = [("3.", 95, "9."), ("3.1.", 95, "9.9."), ("3.2.2.", 95, "9.9.9."), ("4.", 95, "9.")]
    assert _mended(read) == ["3.", "3.1.", "3.2.2.", "4."]
    # two ways on from "1.1." to "2." ("1.2" or "1.1.1"): no one value for the unread one
    read = [("1.", 95, "9."), ("1.1.", 95, "9.9."), ("", 0, None), ("2.", 95, "9.")]
    assert _mended(read) == ["1.", "1.1.", "", "2."]
    # a number read elsewhere in the numbering is not made again
    read = [("1.", 95, "9."), ("1.1.", 95, "9.9."), ("12", 60, None), ("1.3.", 95, "9.9.")]
    read += [("1.2.", 95, "9.9.")]
    assert _mended(read)[2] == "12"


def test_a_number_hardly_read_between_two_read_is_the_one_between_whatever_its_inks_count() -> None:
    # the degraded scan of indicators-scoring.pdf: "1.1.1" read as "ĐÀ)" at 0.06 with ink
    # seen as "9.9", and "3" read as "Kỷ" at 29 at the end; "1.1.2" was made "1.1.1" before
    read = [
        ("TT", 97, "999"), ("1", 97, "9"), ("1.1", 96, "9.9"), ("ĐÀ)", 0.06, "9.9"),
        ("1.1.2", 78, "9.9.9"), ("1.2", 80, "9.9"), ("1.2.1", 38, "9.9.9"), ("1.2.2", 96, "9.9.9"),
        ("1.3", 96, "9.9"), ("2", 97, "9"), ("2.1", 96, "9.9"), ("2.2", 97, "9.9"), ("Kỷ", 29, "9"),
    ]  # fmt: skip
    assert _mended(read) == [
        "TT", "1", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.1", "1.2.2", "1.3", "2", "2.1", "2.2", "3",
    ]  # fmt: skip
    # a repeated header's "STT" read "SIT" at 44, ink without dots, between "2." and "2.2."
    read = [("2.", 95, "9."), ("SIT", 44, "9999"), ("2.2.", 95, "9.9.")]
    assert _mended(read)[1] == "SIT"
    # read surely, it stays as read
    read = [("1.", 95, "9."), ("1.1.", 95, "9.9."), ("ĐÀ)", 82, "9.9"), ("1.1.2.", 95, "9.9.9.")]
    assert _mended(read)[2] == "ĐÀ)"
    # the last reading: only where its ink fits one number that may follow
    assert _mended([("1.", 95, "9."), ("1.1.", 95, "9.9."), ("Kỷ", 20, "9.9.")])[2] == "1.2."
    assert _mended([("1.", 95, "9."), ("1.1.", 95, "9.9."), ("Kỷ", 20, "9.9.9.9")])[2] == "Kỷ"


def test_a_first_number_the_next_one_contradicts_is_put_right() -> None:
    read = [("STT", 91, None), ("4.", 50, "9."), ("2.", 95, "9."), ("2.1.", 95, "9.9.")]
    assert _mended(read) == ["STT", "1.", "2.", "2.1."]


def test_a_doubtful_section_numeral_over_its_sub_numbers_is_a_number() -> None:
    read = [("6.", 95, "9."), ("I.", 26, "9."), ("1.1.", 80, "9.9."), ("1.2.", 90, "9.9.")]
    assert _mended(read) == ["6.", "1.", "1.1.", "1.2."]
    read = [("I.", 96, None), ("1.", 95, "9."), ("2.", 95, "9.")]
    assert _mended(read) == ["I.", "1.", "2."]


def test_runs_longer_than_three_are_left_as_read() -> None:
    class R:
        def __init__(self, value: str) -> None:
            self.value, self.shape, self.confidence = value, None, 90.0

    readings = [R(v) for v in ("1.", "1.1.", "x", "y", "z", "w", "1.6.")]
    assert mend_levels(readings) == []


def _form_grid(opener: str, *, ocr: bool) -> Grid:
    header = Row(["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu"])
    body = [
        Row(["1.", "Thống kê TTHC", "", ""]),
        Row(["1.1.", "Số TTHC công bố mới", "Thủ tục", "247"]),
    ]
    if ocr:
        for row in [header, *body]:
            row.confidence = [tuple(90.0 for _ in c.split()) for c in row.cells]
    blocks = [Paragraph(opener), Paragraph("Cải cách thủ tục hành chính"), Table([header, *body])]
    return Grid(blocks=list(blocks), format="pdf", ocr=ocr)


def test_a_scans_form_opener_whose_marks_are_misread_names_its_form() -> None:
    found = build_indicators(find_indicator_tables(_form_grid("Biếu mẫu 2", ocr=True)))
    assert [(i.id, i.form, i.form_title) for i in found][:1] == [
        ("2:1", "2", "Cải cách thủ tục hành chính")
    ]
    # a text layer's words are as typed: "Biếu" is no opener there
    typed = build_indicators(find_indicator_tables(_form_grid("Biếu mẫu 2", ocr=False)))
    assert [i.id for i in typed][:1] == ["1"]


def _ocr_missing() -> str | None:
    return ocr.missing(Options(ocr_languages=("vie", "eng")))


@pytest.mark.slow
@pytest.mark.skipif(_ocr_missing() is not None, reason=f"OCR is not installed: {_ocr_missing()}")
@pytest.mark.parametrize(("dpi", "degraded"), [(200, False), (150, True)])
def test_an_indicator_forms_scan_reads_its_twins_ids_and_values(dpi: int, degraded: bool) -> None:
    twin = parse(FORMS)
    got = parse(make_scan(FORMS.read_bytes(), dpi=dpi, degraded=degraded))
    result = compare(got, twin)
    assert result.indicators == result.twin_indicators == 40
    assert result.extra_errors == []


SCORING = FORMS.with_name("indicators-scoring.pdf")


@pytest.mark.slow
@pytest.mark.skipif(_ocr_missing() is not None, reason=f"OCR is not installed: {_ocr_missing()}")
def test_a_score_sheets_turned_scan_reads_its_twins_ids_and_values() -> None:
    twin = parse(SCORING)
    got = parse(make_scan(SCORING.read_bytes(), dpi=200, degraded=True))
    result = compare(got, twin)
    assert result.indicators == result.twin_indicators == 12
    assert result.extra_errors == []


def _cell(column: int, row: int, text: str, confidence: float, height: int = 17) -> object:
    from appendixparse.readers.pdf.ocr.engine import Word
    from appendixparse.readers.pdf.ocr.page import _CellRead

    words = [Word(t, confidence, 0, 0, 10, height, 0) for t in text.split()]
    return _CellRead(row, row, column, column, None, (0, 0, 10, height), words)


def test_a_short_doubtful_reading_in_a_column_of_numbers_is_read_again() -> None:
    from appendixparse.readers.pdf.ocr.page import _misread_numbers

    scores = [_cell(3, r, t, c) for r, (t, c) in enumerate([("3", 97), ("1,5", 96), ("P2", 25)])]
    scores += [_cell(3, 4, "2", 96), _cell(3, 5, "ĐẶT)", 97)]  # read surely: as read
    scores += [_cell(3, 6, "", 0)]  # inked, but nothing read
    names = [_cell(1, r, t, 30) for r, t in enumerate(["Báo cáo", "Kiểm tra", "Có", "Rà soát"])]
    found = _misread_numbers([*scores, *names])  # type: ignore[list-item]
    assert [(cell.r0, height) for cell, height in found] == [(2, 17), (6, 17)]


def test_a_numbers_digits_height_is_its_tallest_glyphs() -> None:
    from appendixparse.readers.pdf.ocr.glyphs import digit_height

    assert digit_height(_ink("99,9")) == 18
    assert digit_height(np.full((20, 20), 255, dtype=np.uint8)) == 0
