"""figures.py's shortcuts: the cheap tests in front of its patterns, and the phrase trees.

The grammar is the patterns; the shortcuts only decide when a pattern need not run. Each must
therefore never reject a text that its pattern would match, whatever the text: that is what
these properties check, on texts made of the vocabulary, numbers, cases, white space and marks.
"""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from appendixparse.text import vocabulary as vocab
from appendixparse.text.figures import (
    _BEFORE_DATE,
    _BEFORE_NOT_FIGURE,
    _BEFORE_QUALIFIER,
    _BEFORE_RANGE,
    _FLAGS,
    _TAIL,
    _TOKEN,
    _WINDOW,
    _left,
    _phrases,
    _tail,
    extract_figures,
)

from helpers import cased_words

_WORDS = sorted(
    {
        *vocab.COUNT_UNITS,
        *vocab.TIME_UNITS,
        *vocab.PERCENT_WORDS,
        *vocab.FIGURE_FILLERS,
        *vocab.NOT_FIGURE_BEFORE,
        *vocab.NOT_FIGURE_EXCEPT,
        *vocab.YEAR_WORDS,
        *vocab.DATE_CONTEXT,
        *vocab.RANGE_OPENERS,
        *(p for ps in vocab.QUALIFIER_PHRASES.values() for p in ps),
        *(p for ps in vocab.QUALIFIER_AFTER.values() for p in ps),
        "đạt",
        "QĐ-UBND",
        "abc",
        "người²",
    }
)
_CASED_WORD = cased_words(_WORDS)
_NUMBERS = st.sampled_from(["1", "09", "30", "2023", "1.381", "55,54", "14.7", "111/238", "15/7"])
_MARKS = st.sampled_from(
    [" ", " ", "  ", "\u00a0", "\n", "\t", "\u2003", "\x1c", ": ", ". ", ", ", "-", "/", "%", "("]
)
_TEXTS = st.lists(st.one_of(_CASED_WORD, _NUMBERS, _MARKS), max_size=14).map("".join)


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
@example("TỐI THIỂU: 5; tối thiểu.\u2003 6; tỷ lệ 7; Ngày 8; tổng số: 9; Từ 10")
def test_left_context_tests_never_reject_a_match(text: str) -> None:
    for token in _TOKEN.finditer(text):
        start = token.start()
        left = _left(text, start)
        for before in (_BEFORE_QUALIFIER, _BEFORE_NOT_FIGURE, _BEFORE_DATE, _BEFORE_RANGE):
            full = before.pattern.search(text, max(0, start - _WINDOW), start)
            shortcut = before.search(text, start, left)
            assert (shortcut and shortcut.span()) == (full and full.span()), (text, start)


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
@example("có 5 người² và 7 NGƯỜI, 8 Văn bản QPPL")
@example("5\u00a0% 6 phần trăm 7 /QĐ 8-UBND 9 /2 10\x1cngười 11 giờ")
def test_tail_shortcut_agrees_with_the_pattern(text: str) -> None:
    for token in _TOKEN.finditer(text):
        m = _TAIL.match(text, token.end())
        follows, end, noun = _tail(text, token.end())
        assert follows == m.lastgroup, text
        if follows not in ("glued", "document"):
            assert (end, noun) == (m.end(), m.group("unit")), text


def _longest_first(words: tuple[str, ...]) -> str:
    """The plain alternation the phrase trees replace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in ordered)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(tuple),
    _TEXTS,
    st.booleans(),
)
def test_phrase_tree_matches_like_a_longest_first_list(
    words: tuple[str, ...], text: str, backward: bool
) -> None:
    flags = _FLAGS | (regex.REVERSE if backward else 0)
    tree = regex.compile(rf"(?<!\w)(?:{_phrases(words, backward=backward)})(?!\w)", flags)
    plain = regex.compile(rf"(?<!\w)(?:{_longest_first(words)})(?!\w)", flags)
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_phrase_tree_keeps_case_when_asked() -> None:
    standards = regex.compile(_phrases(("TCVN", "ISO"), fold=False))
    assert standards.fullmatch("TCVN") and not standards.fullmatch("tcvn")


def test_web_address_is_masked_whatever_the_case_of_www() -> None:
    # Found by a differential fuzz: "WWW." masked only when another hint was in the text.
    for address in ("www.baocao/80%", "WWW.baocao/80%", "Www.baocao/80%"):
        assert extract_figures(f"Xem tại {address} nhé") == []
    assert [f.text for f in extract_figures("Xem tại www.baocao; đạt 80%")] == ["80%"]
