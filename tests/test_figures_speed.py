"""figures.py's speed-ups: each cheaper form must agree with the plainer one it replaces.

The plainer forms are written out here, as they were before, and compared on texts made of
the vocabulary, numbers, cases and every kind of white space.
"""

from __future__ import annotations

import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from appendixparse.text import vocabulary as vocab
from appendixparse.text.figures import (
    _BEFORE_DATE,
    _BEFORE_NOT_FIGURE,
    _BEFORE_QUALIFIER,
    _BEFORE_RANGE,
    _ENDING_SPAN,
    _GAP,
    _NUMBER,
    _RANGE_JOINERS,
    _WINDOW,
    _key,
    _left,
    _may_join,
)

from helpers import cased_words

_WORDS = sorted(
    {
        *vocab.RANGE_JOINERS,
        *vocab.LIST_JOINERS,
        *vocab.FIGURE_FILLERS,
        *vocab.NOT_FIGURE_BEFORE,
        *(p for ps in vocab.QUALIFIER_PHRASES.values() for p in ps),
        "đạt",
        "ĐẾN",
        "ß",
        "İ",
        "abc",
    }
)
_SPACES = st.sampled_from([" ", "  ", "\u00a0", "\n", "\t", "\u2003", "\x1c", ":", ".", ","])
_TEXTS = st.lists(
    st.one_of(cased_words(_WORDS), _SPACES, st.sampled_from(["5", "80%", "1.381", "-", "–"])),
    max_size=16,
).map("".join)
_BEFORES = (_BEFORE_QUALIFIER, _BEFORE_NOT_FIGURE, _BEFORE_DATE, _BEFORE_RANGE)


def _plain_left(text: str, start: int) -> str:
    """_left as it was: the whole window sliced and 32 characters folded."""
    before = text[max(0, start - _WINDOW - 32) : start].rstrip(_GAP)
    return before[-32:].casefold()


@settings(max_examples=600, deadline=None)
@given(_TEXTS, st.integers(min_value=0, max_value=40))
@example("tối thiểu" + " " * 40 + "5", 0)
@example("tỷ lệ:\u2003 ..  5%", 0)
def test_left_keeps_every_ending_the_plain_form_kept(text: str, pad: int) -> None:
    text = "x" * pad + text
    for start in range(len(text) + 1):
        left, plain = _left(text, start), _plain_left(text, start)
        assert plain.endswith(left)
        assert len(left) >= min(len(plain), _ENDING_SPAN)
        for before in _BEFORES:
            assert left.endswith(before.endings) == plain.endswith(before.endings)


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
@example(" đến ")
@example("\u2003ĐẾN\n")
@example("đến tới")
def test_may_join_agrees_with_the_folded_gap(gap: str) -> None:
    assert _may_join(gap) == (_key(gap) in _RANGE_JOINERS)


def test_folding_keeps_white_space_and_characters() -> None:
    # _may_join counts a gap's words before folding it: that holds because folding turns no
    # character into white space, no white space into another character, and none into "".
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        folded = char.casefold()
        assert folded and all(c.isspace() == char.isspace() for c in folded), hex(code)


def test_number_groups_in_the_order_parse_number_reads_them() -> None:
    assert list(_NUMBER.groupindex) == ["int", "frac", "plain", "cfrac", "dfrac"]
    assert [_NUMBER.groupindex[name] for name in _NUMBER.groupindex] == [1, 2, 3, 4, 5]
