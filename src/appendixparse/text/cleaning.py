"""Text cleaning shared by every field: HTML out, white space collapsed, NFC, and folding."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Only real HTML tag names are removed, so "<5%" or "< 10 ngày" survive.
_TAG = re.compile(
    r"</?(?:p|i|b|u|em|strong|span|div|br|font|sup|sub|li|ul|ol|a|table|tr|td|th|h[1-6]|s|strike)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
# A fold's words: runs of word characters (punctuation and white space both separate them).
_WORD = re.compile(r"\w+")
# Invisible characters that never separate words (soft hyphen, zero-width joiners, BOM):
# inside a word ("hi\u00adện" from a web page) they would split it when matching.
# Looked for before they are removed: str.translate costs ~8 µs on every cell.
_INVISIBLE_CHARS = "\u00ad\u200c\u200d\u2060\ufeff"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# Old-style tone placement ("hoà", "uỷ") folded to the new style ("hòa", "ủy") at word end.
_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_TONE = re.compile(r"({})(?!\w)".format("|".join(_OLD_TONES)))


@lru_cache(maxsize=4096)
def clean(text: str) -> str:
    """Clean one piece of cell text: tags removed, entities decoded, spaces collapsed, NFC.

    Memoised (a pure function): a parse cleans the same cells again and again, an STT cell
    as it is read, numbered and checked for column numbers.

    >>> clean("<p>Năm 2021:</p>\\n<p>+ đạt&nbsp;100%</p>")
    'Năm 2021: + đạt 100%'
    """
    return " ".join(_unmarked(text).split()) if text else ""


def _unmarked(text: str) -> str:
    """``text`` without tags, entities and invisible characters, in NFC; spaces as they were."""
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    if text.isascii():  # nothing invisible, and already in NFC
        return text
    if any(map(text.__contains__, _INVISIBLE_CHARS)):
        text = _INVISIBLE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def join(parts: Iterable[str]) -> str:
    """Clean each part and join the non-empty ones with one space, in order."""
    return " ".join(p for p in (clean(x) for x in parts) if p)


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """A key for matching words: cleaned, lower case, punctuation as spaces, 'đ' kept.

    Memoised like :func:`clean`: header, status and signature cells are folded by several steps.

    The look-alike "Ð" (U+00D0, Icelandic eth, which some converters and keyboards write for
    "Đ") folds to "đ".

    >>> fold("  (Cấp TỈNH thực hiện) ")
    'cấp tỉnh thực hiện'
    >>> fold("UỶ BAN NHÂN DÂN; hoà")
    'ủy ban nhân dân hòa'
    """
    return " ".join(fold_words(text))


def fold_words(text: str) -> list[str]:
    """The words of :func:`fold`, in order: ``fold(text) == " ".join(fold_words(text))``.

    >>> fold_words("Cấp tỉnh, cấp xã")
    ['cấp', 'tỉnh', 'cấp', 'xã']
    """
    # clean() but for its white space: the words are the runs of word characters
    text = _unmarked(text).lower().replace("ð", "đ")
    text = _OLD_TONE.sub(lambda m: _OLD_TONES[m.group(1)], text)
    return _WORD.findall(text)


def strip_accents(text: str) -> str:
    """Vietnamese text without tone and vowel marks ("đ" becomes "d"), for fuzzy keys."""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in text if not unicodedata.combining(c))


def _bare(text: str) -> str:
    """``text`` lower case without its tone and vowel marks, a character for a character
    ("đ" kept)."""
    return "".join(unicodedata.normalize("NFD", c)[0] for c in text.lower())


def remark(text: str, phrases: tuple[str, ...]) -> str:
    """``text`` with each run of words that is one of ``phrases`` (lower case) but for its
    marks written with the phrase's, its case kept, longest phrases first: OCR's misread
    marks put right where the words are known.

    >>> remark("1. Tống số chỉ tiều: 6", ("tổng số", "chỉ tiêu"))
    '1. Tổng số chỉ tiêu: 6'
    """
    text = unicodedata.normalize("NFC", text)
    bare = _bare(text)
    if len(bare) != len(text):  # a character NFC cannot compose: left as it is
        return text
    out = list(text)
    for pattern, phrase in _remark_patterns(phrases):
        for m in pattern.finditer(bare):
            at = m.start()
            out[at : m.end()] = [
                c.upper() if out[at + i].isupper() else c for i, c in enumerate(phrase)
            ]
    return "".join(out)


@lru_cache(maxsize=64)
def _remark_patterns(phrases: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each of ``phrases`` with the pattern of its words unmarked, the longest first (built
    once for a vocabulary, not for every cell)."""
    return tuple(
        (re.compile(r"(?<!\w)" + r"\s".join(map(re.escape, _bare(p).split())) + r"(?!\w)"), p)
        for p in sorted(set(phrases), key=lambda p: (-len(p), p))
    )
