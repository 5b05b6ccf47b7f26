"""figures.py: the labelled table, property tests, and the real appendix's notes and targets."""

from __future__ import annotations

import datetime as dt
import doctest
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import appendixparse
from appendixparse import Figure
from appendixparse.text import figures
from appendixparse.text.cleaning import clean
from appendixparse.text.figures import extract_figures, parse_number
from figure_cases import CASES, FIGURES_XFAIL, Case, matches, score

from conftest import REAL_TEXT

# --- the labelled table ---------------------------------------------------------------------


def _check_case(phrase: str, expected: tuple) -> None:
    found = extract_figures(phrase)
    for f in found:
        assert phrase[f.span[0] : f.span[1]] == f.text
    got = [(f.kind, f.value, f.qualifier, f.text, f.unit) for f in found]
    assert len(found) == len(expected), got
    for figure, want in zip(found, expected, strict=True):
        assert matches(figure, want), (got, want)


@pytest.mark.parametrize(("phrase", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_labelled_phrase(phrase: str, expected: tuple) -> None:
    _check_case(phrase, expected)


@pytest.mark.xfail(strict=True, reason="known limitation, see FIGURES_XFAIL")
@pytest.mark.parametrize(
    ("phrase", "expected"), [c[1:] for c in FIGURES_XFAIL], ids=[c[0] for c in FIGURES_XFAIL]
)
def test_labelled_phrase_known_failure(phrase: str, expected: tuple) -> None:
    _check_case(phrase, expected)


def _precision_recall(cases: list[Case]) -> tuple[float, float]:
    hits = found = wanted = 0
    for _, phrase, expected in cases:
        got = extract_figures(phrase)
        hits += score(got, expected)
        found += len(got)
        wanted += len(expected)
    return hits / found, hits / wanted


def test_table_is_large_enough_and_ids_unique() -> None:
    ids = [c[0] for c in CASES + FIGURES_XFAIL]
    assert len(CASES) >= 150
    assert len(ids) == len(set(ids))


def test_table_holds_every_number_of_the_real_appendix() -> None:
    """Each number of the real appendix's title, summary and cells, with the character after
    it, occurs in a phrase of REAL_CASES (the STT column aside)."""
    from figure_cases import REAL_CASES

    phrases = [phrase for _, phrase, _ in REAL_CASES]
    lines = REAL_TEXT.read_text(encoding="utf-8").splitlines()
    pieces = [clean(cell) for line in lines for cell in line.split("\t")[1:]]
    pieces += [clean(line) for line in lines if "\t" not in line]
    checked = 0
    for piece in pieces:
        for m in re.finditer(r"\d+(?:[.,/]\d+)*%?", piece):
            context = piece[m.start() : m.end() + 1]
            assert any(context in p for p in phrases), context
            checked += 1
    assert checked > 150


def test_precision_and_recall_on_the_table() -> None:
    precision, recall = _precision_recall(CASES + FIGURES_XFAIL)
    assert precision >= 0.99
    assert recall >= 0.99


# --- helpers and API --------------------------------------------------------------------------


def test_doctests() -> None:
    result = doctest.testmod(figures)
    assert result.attempted > 5
    assert result.failed == 0


def test_unknown_field_is_an_error() -> None:
    with pytest.raises(ValueError, match="field"):
        extract_figures("100%", field="status")


def test_target_field_reads_the_same() -> None:
    text = "Tối thiểu 80% hồ sơ; 100% TTHC"
    assert extract_figures(text, field="target") == extract_figures(text, field="notes")


def test_empty_text() -> None:
    assert extract_figures("") == []


# --- property tests ---------------------------------------------------------------------------


def _vietnamese(whole: int, decimals: str) -> str:
    """``whole`` with dots grouping thousands, then a decimal comma and ``decimals``."""
    grouped = f"{whole:,}".replace(",", ".")
    return f"{grouped},{decimals}" if decimals else grouped


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**15),
    st.text(alphabet="0123456789", max_size=4),
)
def test_vietnamese_number_reads_back(whole: int, decimals: str) -> None:
    written = _vietnamese(whole, decimals)
    expected = float(f"{whole}.{decimals}") if decimals else float(whole)
    assert parse_number(written) == expected
    [figure] = extract_figures(f"đạt {written}%")
    assert figure.kind == "percent"
    assert figure.value == expected
    assert figure.text == f"{written}%"


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_vietnamese_count_reads_back(whole: int) -> None:
    written = _vietnamese(whole, "")
    [figure] = extract_figures(f"có {written} người")
    assert (figure.kind, figure.value, figure.unit, figure.text) == (
        "count",
        float(whole),
        "người",
        written,
    )


_DATE_PREFIXES = ("", "ngày ", "Ngày ", "đến ", "từ ", "Năm 2023, ", "tháng ", "trước ", "(")
_DATE_SUFFIXES = ("", ".", ",", " văn bản", " TTHC", " đã", ")", "; 100", " người")


@st.composite
def _dates(draw: st.DrawFn) -> str:
    day = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
    if draw(st.booleans()):
        d, m = f"{day.day:02d}", f"{day.month:02d}"
    else:
        d, m = str(day.day), str(day.month)
    return draw(st.sampled_from([f"{d}/{m}/{day.year}", f"{m}/{day.year}"]))


@settings(max_examples=300, deadline=None)
@given(_dates(), st.sampled_from(_DATE_PREFIXES), st.sampled_from(_DATE_SUFFIXES))
def test_a_date_never_yields_a_ratio_or_percent(date: str, prefix: str, suffix: str) -> None:
    text = prefix + date + suffix
    start = len(prefix)
    for figure in extract_figures(text):
        assert figure.kind not in ("ratio", "percent") or figure.span[0] >= start + len(date)
        assert figure.span[1] <= start or figure.span[0] >= start + len(date), figure


_PIECES = st.sampled_from(
    [
        "1", "09", "2023", "1.381", "55,54", "14.7", "/", "%", "-", " ", ",", ".", ":", "(", ")",
        " người", " TTHC", " văn bản", " trở lên", "tối thiểu ", "từ ", " đến ", "trên ",
        "ngày ", "năm ", "số ", "QĐ-UBND", "TCVN ", "ISO ", "https://a.gov.vn/", "mức độ ",
        "giảm ít nhất ", " và ", "phần trăm", "Đ", "\u00a0", "\n",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=40).map("".join)))
@example("\U00016d70")  # a Kirat Rai digit: regex's \d knows it, Python 3.11's float() does not
@example("đạt \U00016d70\U00016d71%")
def test_arbitrary_text_never_raises_and_spans_match(text: str) -> None:
    previous_end = 0
    for figure in extract_figures(text):
        start, end = figure.span
        assert text[start:end] == figure.text
        assert previous_end <= start < end
        previous_end = end
        if figure.kind == "ratio":
            assert figure.numerator is not None and figure.denominator
            assert figure.value == figure.numerator / figure.denominator


# --- the real appendix ------------------------------------------------------------------------

# Every percent and ratio in the real appendix's notes, by record, as written (by hand).
REAL_NOTES_PERCENTS_AND_RATIOS: dict[str, list[tuple[str, float]]] = {
    "I.1": [("100%", 100)],
    "I.2": [("100%", 100), ("80%", 80), ("20%", 20)],
    "I.3": [("100%", 100), ("09/10", 0.9)],
    "II.2": [("100%", 100)],
    "II.4": [("100%", 100)],
    "II.5": [("90%", 90)],
    "II.6": [("80%", 80)],
    "II.8": [("25%", 25)],
    "II.9": [("99%", 99)],
    "II.10": [("80%", 80)],
    "II.11": [
        ("111/238", 111 / 238),
        ("127/238", 127 / 238),
        ("63/124", 63 / 124),
        ("61/124", 61 / 124),
        ("80%", 80),
    ],
    "II.12": [("55,54%", 55.54)],
    "II.13": [("0%", 0), ("14.7%", 14.7)],
    "II.14": [("100%", 100)],
    "III.2": [("95%", 95), ("90%", 90)],
    "IV.1": [("100%", 100)],
    "IV.2": [
        *[("20,8%", 20.8), ("74,7%", 74.7), ("4,4%", 4.4), ("0,1%", 0.1)],  # 2021, district
        *[("19,6%", 19.6), ("77%", 77), ("1,7%", 1.7), ("1,7%", 1.7)],  # 2021, communes
        *[("20,6%", 20.6), ("75%", 75), ("4%", 4), ("0,4%", 0.4)],  # 2022, district
        *[("20,7%", 20.7), ("77%", 77), ("1,4%", 1.4), ("0,9%", 0.9)],  # 2022, communes
    ],
    "IV.5": [("95,1%", 95.1), ("4,9%", 4.9)],
    "VI.1": [("100%", 100)],
    "VI.2": [("100%", 100)],
    "VI.3": [("100%", 100)],
    "VI.5": [("90%", 90), ("80%", 80)],
    "VI.6": [("100%", 100), ("111/238", 111 / 238)],
    "VI.7": [("80,6%", 80.6)],
    "VI.8": [("50%", 50)],
}

# Things that are never figures, found independently of the grammar by plain patterns.
_NEVER = re.compile(
    r"""
      \d{1,2}/\d{1,2}/\d{4}            # a full date
    | (?<![\d/])\d{1,2}/\d{4}          # month/year
    | \d+\s?/\s?[A-ZĐ]                 # a document number: 1103/QĐ-UBND, 1226/ UBND-TH
    | \d+-[A-ZĐ]+/                     # 01-NQ/TU
    | (?:TCVN|ISO)\s\d+\s?-?\d*        # a standard
    | [Nn]ăm\s\d{4}                    # a year
    | (?<=\s)(?:19|20)\d\d(?=,)        # a year in a list: "2021, 2022"
    | mức\sđộ\s\d                      # a level
    """,
    re.VERBOSE,
)


@pytest.fixture(scope="module")
def real_report() -> appendixparse.Report:
    return appendixparse.parse(REAL_TEXT)


def test_real_notes_every_percent_and_ratio(real_report: appendixparse.Report) -> None:
    got = {
        r.id: [(f.text, f.value) for f in r.figures if f.kind in ("percent", "ratio")]
        for r in real_report.records
    }
    got = {k: v for k, v in got.items() if v}
    assert got.keys() == REAL_NOTES_PERCENTS_AND_RATIOS.keys()
    for record_id, expected in REAL_NOTES_PERCENTS_AND_RATIOS.items():
        texts = [t for t, _ in got[record_id]]
        assert texts == [t for t, _ in expected], record_id
        for (_, value), (_, want) in zip(got[record_id], expected, strict=True):
            assert value == pytest.approx(want, abs=1e-12), record_id


def test_real_every_percent_sign_is_read(real_report: appendixparse.Report) -> None:
    for record in real_report.records:
        for text, found in ((record.notes, record.figures), (record.target, record.target_figures)):
            ends = {f.span[1] for f in found if f.kind == "percent"}
            signs = {m.end() for m in re.finditer("%", text)}
            assert signs == ends, record.id


def test_real_no_date_document_year_or_standard(real_report: appendixparse.Report) -> None:
    never_seen = 0
    for record in real_report.records:
        for text, found in ((record.notes, record.figures), (record.target, record.target_figures)):
            for m in _NEVER.finditer(text):
                never_seen += 1
                for f in found:
                    assert f.span[1] <= m.start() or f.span[0] >= m.end(), (record.id, m[0], f)
    assert never_seen >= 15  # the patterns did find the dates, documents, years and standards


def test_real_figures_are_valid_models(real_report: appendixparse.Report) -> None:
    for record in real_report.records:
        for figure in record.figures + record.target_figures:
            assert Figure.model_validate(figure.model_dump()) == figure


def test_real_target_thresholds(real_report: appendixparse.Report) -> None:
    by_id = {r.id: r for r in real_report.records}
    ii6 = [(f.value, f.qualifier) for f in by_id["II.6"].target_figures]
    assert ii6 == [
        (30, "at_least"),
        (20, "at_least"),
        (15, "at_least"),
        (20, "increase_at_least"),
        (100, "exact"),
    ]
    assert [(f.value, f.qualifier) for f in by_id["II.8"].target_figures] == [
        (25, "reduce_at_least")
    ]
    assert [(f.value, f.qualifier) for f in by_id["II.9"].target_figures] == [(99, "at_least")]
    assert [f.qualifier for f in by_id["VI.5"].target_figures] == ["above"] * 3
    assert by_id["VI.7"].target_figures[0].value == 50  # "mức độ 4" is not a figure
    assert len(by_id["VI.7"].target_figures) == 1
