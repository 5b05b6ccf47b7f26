"""Issue 19 (text speed): the cheap tests in front of the cleaning and checks patterns.

Each shortcut only decides when a pattern need not run (a substring test before a whole-word
pattern, an ASCII text skipping the invisible-character and NFC scans, the words of a fold
found by one pattern): on any text it must give what the pattern alone gives. These properties
compare each with its plain definition, on texts made of the vocabularies, cases, marks and
the odd characters the cleaning deals with.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from appendixparse.checks import vocabulary as check_vocab
from appendixparse.checks.clauses import (
    _breakdown_end,
    ends_a_breakdown,
    ends_with_word,
    find_words,
    has_word,
    starts_with_word,
    words_re,
)
from appendixparse.table.layout import is_signature
from appendixparse.table.vocabulary import SIGNATURE_NOTES, SIGNATURE_OPENERS
from appendixparse.text import cleaning

from helpers import cased_words

_WORD_LISTS: list[tuple[str, ...]] = [
    check_vocab.CHECK_NEGATIVE_WORDS,
    check_vocab.CHECK_QUALIFIER_PHRASES,
    check_vocab.CHECK_REDUCE_WORDS,
    check_vocab.CHECK_PROPOSAL_WORDS,
    check_vocab.CHECK_SUB_MARKERS,
    tuple(w for ws in check_vocab.CHECK_LEVELS.values() for w in ws),
]
_WORDS = sorted(
    {
        *(w for ws in _WORD_LISTS for w in ws),
        *check_vocab.CHECK_BREAKDOWN_WORDS,
        *check_vocab.CHECK_BREAKDOWN_COPULA,
        *check_vocab.CHECK_BREAKDOWN_QUALIFIERS,
        *SIGNATURE_OPENERS,
        *SIGNATURE_NOTES,
        "hoà",
        "uỷ",
        "Ð",
        "x_y",
        "²",
        "İ",
        "abc",
    }
)
_CASED_WORD = cased_words(_WORDS)
_MARKS = st.sampled_from(
    [" ", "  ", "\u00a0", "\n", "\t", ": ", ". ", ", ", "-", "(", ")", "%", "<p>", "&amp;",
     "\u00ad", "\u200c", "\ufeff", "o\u0300", "1", "2023"]
)  # fmt: skip
_TEXTS = st.lists(st.one_of(_CASED_WORD, _MARKS), max_size=14).map("".join)


def _plain_unmarked(text: str) -> str:
    if "<" in text:
        text = cleaning._TAG.sub(" ", text)
    if "&" in text:
        import html

        text = html.unescape(text)
    text = cleaning._INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def _plain_fold(text: str) -> str:
    text = _plain_unmarked(text).lower().replace("ð", "đ")
    text = cleaning._OLD_TONE.sub(lambda m: cleaning._OLD_TONES[m.group(1)], text)
    return " ".join(re.sub(r"[^\w\s]+", " ", text).split())


@settings(max_examples=800, deadline=None)
@given(_TEXTS)
@example("UỶ BAN; hoà_bình (x²)")
@example("plain ascii, text")
def test_fold_and_clean_match_their_plain_definitions(text: str) -> None:
    assert cleaning.fold(text) == _plain_fold(text)
    assert cleaning.clean(text) == " ".join(_plain_unmarked(text).split())


@settings(max_examples=800, deadline=None)
@given(_TEXTS.map(str.lower), st.sampled_from(_WORD_LISTS))
@example("giảm tối thiểu", check_vocab.CHECK_QUALIFIER_PHRASES)
def test_word_tests_match_their_patterns(text: str, words: tuple[str, ...]) -> None:
    pattern = words_re(words)
    assert has_word(words, text) == bool(pattern.search(text))
    assert find_words(words, text) == pattern.findall(text)
    assert starts_with_word(words, text) == bool(pattern.match(text.strip()))
    stripped = text.rstrip()
    assert ends_with_word(words, text) == any(
        m.end() == len(stripped) for m in pattern.finditer(stripped)
    )


@settings(max_examples=800, deadline=None)
@given(_TEXTS.map(str.lower))
@example("120 người, chiếm tỷ lệ là: khoảng ")
def test_breakdown_test_matches_its_pattern(text: str) -> None:
    assert ends_a_breakdown(text) == (_breakdown_end().search(text) is not None)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TEXTS, max_size=4))
@example(["", "NGƯỜI LẬP BIỂU", "", "THỦ TRƯỞNG ĐƠN VỊ"])
@example(["1", "NGƯỜI LẬP BIỂU"])
@example(["THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)"])
@example(["(Ký tên, đóng dấu)"])
def test_signature_rows_as_before(cells: list[str]) -> None:
    filled = [cleaning.fold(c) for c in cells if cleaning.fold(c)]

    def opens(f: str, words: tuple[str, ...]) -> bool:
        return any(f == w or f.startswith(w + " ") for w in words)

    plain = any(opens(f, SIGNATURE_OPENERS) for f in filled) and all(
        opens(f, SIGNATURE_OPENERS + SIGNATURE_NOTES) for f in filled
    )
    assert is_signature(cells) == plain
