"""Figures in their text: the clause and sentence around each one, and whole-word matching."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from ..models import Figure
from ..text.patterns import alternatives, bounded
from . import vocabulary as vocab


@dataclass(slots=True, eq=False)  # not frozen: a frozen dataclass is three times slower to make
class Placed:
    """A figure with the clause it sits in: from the previous clause break to the next one
    (read it, do not change it: the checks share one list per record)."""

    figure: Figure
    start: int
    end: int
    text: str
    low: str
    sentence: int = 0  # where its sentence starts
    head: str = ""  # the sentence's words before its first figure, when that is another figure

    @property
    def about(self) -> str:
        """What the figure is about: its clause, after the subject its sentence opens with
        ("Hồ sơ được số hóa đạt 100% ở cấp huyện và 60% ở cấp xã": both are about "hồ sơ")."""
        return f"{self.head} {self.clause}" if self.head else self.clause

    @property
    def before(self) -> str:
        return self.low[self.start : self.figure.span[0]]

    @property
    def after(self) -> str:
        return self.low[self.figure.span[1] : self.end]

    @property
    def clause(self) -> str:
        return self.text[self.start : self.end].strip(" ,;.")


# Sentence breaks: ";", "!", "?", a full stop before a space, a line break.
_STRONG = re.compile(r"[;!?\n]|\.(?=\s|$)")


def place(text: str, figures: Iterable[Figure]) -> list[Placed]:
    """Each figure with its clause. Between two figures the clause break is the last sentence
    break, else the last comma, between them; the first starts at its sentence.

    The checks place a record's notes figures once and hand the list to every check.
    """
    return _place(text, sorted(figures, key=lambda f: f.span))


def _place(text: str, figs: list[Figure]) -> list[Placed]:
    low = lower(text)
    starts = [f.span[0] for f in figs]
    # The sentence breaks, found once: each is one character. A full stop right before a
    # figure or at the end of a gap between two figures ends the gap's clause too ("đạt.80%").
    marks = [m.start() for m in _STRONG.finditer(text)]
    sentences = [0, *(k + 1 for k in marks)]
    out = []
    for i, f in enumerate(figs):
        lo = figs[i - 1].span[1] if i else 0
        first, last = f.span
        j = bisect_left(marks, first) - 1  # the last break before the figure
        brk = marks[j] if j >= 0 and marks[j] >= lo else -1
        if first - 1 >= lo and text[first - 1] == ".":
            brk = first - 1
        if brk >= 0:
            start = brk + 1
        elif i and (comma := text.rfind(",", lo, first)) >= 0:
            start = comma + 1
        else:
            start = lo
        hi = figs[i + 1].span[0] if i + 1 < len(figs) else len(text)
        k = bisect_left(marks, last)  # the first break after it
        brk = marks[k] if k < len(marks) and marks[k] < hi else -1
        if brk < 0 and hi - 1 >= last and text[hi - 1] == ".":
            brk = hi - 1
        if brk >= 0:
            end = brk
        elif i + 1 < len(figs) and (comma := text.rfind(",", last, hi)) >= 0:
            end = comma
        else:
            end = hi
        sentence = sentences[bisect_right(sentences, first) - 1]
        first = bisect_left(starts, sentence)
        head = text[sentence : starts[first]].strip() if first < i else ""
        out.append(Placed(f, start, end, text, low, sentence, head))
    return out


@cache
def _breakdown_end() -> re.Pattern[str]:
    return re.compile(
        rf"(?:{bounded(vocab.CHECK_BREAKDOWN_WORDS)})"
        rf"\s*(?:(?:{alternatives(vocab.CHECK_BREAKDOWN_COPULA)})\s*)?:?"
        rf"\s*(?:{alternatives(vocab.CHECK_BREAKDOWN_QUALIFIERS)})?\s*$"
    )


@cache
def _breakdown_openers() -> tuple[str, ...]:
    """The first word of each breakdown phrase: one of them is in any text the pattern matches."""
    return tuple({word.split()[0] for word in vocab.CHECK_BREAKDOWN_WORDS})


def ends_a_breakdown(before: str) -> bool:
    """Whether ``before`` (lower case) ends with the words that open a share in a breakdown:
    "N người, chiếm tỷ lệ P%", "chiếm khoảng", "chiếm tỉ lệ là:"."""
    if not contains_any(_breakdown_openers(), before):
        return False
    return _breakdown_end().search(before) is not None


@lru_cache(maxsize=1024)
def lower(text: str) -> str:
    """Lower case with the same length as ``text``, so figure spans index both (memoised: a
    record's target and notes are lowered by several checks)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # "İ" and the like


@lru_cache(maxsize=256)
def words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern matching any of ``words`` as a whole word, the longest first."""
    return re.compile(rf"(?:{bounded(words, space=None)})(?!\w)")


def contains_any(words: Iterable[str], text: str) -> bool:
    """Whether one of ``words`` occurs in ``text`` at all, whole word or not: a plain substring
    test, which every whole-word match needs, to spare the pattern most texts."""
    return any(map(text.__contains__, words))


def has_word(words: tuple[str, ...], text: str) -> bool:
    """Whether one of ``words`` occurs in ``text`` as a whole word."""
    return contains_any(words, text) and words_re(words).search(text) is not None


def find_words(words: tuple[str, ...], text: str) -> list[str]:
    """The whole-word occurrences of ``words`` in ``text``, in order."""
    return words_re(words).findall(text) if contains_any(words, text) else []


def starts_with_word(words: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` opens with one of ``words``."""
    return contains_any(words, text) and words_re(words).match(text.strip()) is not None


def ends_with_word(words: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` ends with one of ``words``."""
    if not contains_any(words, text):
        return False
    text = text.rstrip()
    return any(m.end() == len(text) for m in words_re(words).finditer(text))
