"""Row numbering: roman section numerals, arabic and lettered STT, as written in appendices."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cleaning import clean
from .vocabulary import SECTION_PREFIXES

ROMAN = r"(?:X{1,2}(?:IX|IV|VI{0,3}|I{1,3})?|IX|IV|VI{0,3}|I{1,3})"
_PREFIX = "|".join(SECTION_PREFIXES)
# "II", "II.", "Phần II", "PHẦN II:", optionally followed by the title in the same cell.
_SECTION = re.compile(
    rf"^(?:(?:{_PREFIX})\s+)?(?P<numeral>{ROMAN})(?![\w])\s*[.:\-–)]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
# Parts lettered "A.", "B." (not I, V, X, which are numerals): sections when the title that goes
# with them is in capitals, as section titles are; "a)" in lower case numbers sub-items.
_LETTERED = re.compile(r"^(?P<numeral>[A-HJ-UWYZĐ])(?![\w])\s*[.:\-–)]?\s*(?P<title>.*)$")
_ARABIC = re.compile(r"^(?P<number>\d{1,3}(?:\.\d{1,3})*)\.?$")
# "1.2" shows as "1,2" where a spreadsheet stored the typed "1.2" as a number: it shows it with
# the decimal comma (the Vietnamese way), so in a number cell, and only there, a comma is a dot.
_DECIMAL = re.compile(r"^(?P<number>\d{1,3},\d{1,3})$")
_LETTER = re.compile(r"^(?P<letter>[a-zđ])[).]?$")
# A column-number cell: "(1)", "3", "4=2/3", "(A)".
_COLUMN_NUMBER = re.compile(r"^\(?[0-9]{1,2}\)?(?:\s*[=+\-x*/]\s*\(?[0-9]{1,2}\)?)*$|^\(?[A-Z]\)?$")


@dataclass(frozen=True, slots=True)
class Stt:
    """A target row's number: ``text`` as written (no trailing dot), ``key`` for the id."""

    text: str
    key: str
    kind: str  # "arabic" ("3", "1.2") or "letter" ("a)")


def parse_section(stt_cell: str, title_cell: str = "") -> tuple[str, str] | None:
    """(numeral, title) when a row opens a section, else None.

    The title is the rest of the STT cell (a merged section row) or the title cell.

    >>> parse_section("II", "CẢI CÁCH TTHC"), parse_section("III. CẢI CÁCH TỔ CHỨC")
    (('II', 'CẢI CÁCH TTHC'), ('III', 'CẢI CÁCH TỔ CHỨC'))
    >>> parse_section("Việc"), parse_section("1")
    (None, None)
    >>> parse_section("B", "CẢI CÁCH HÀNH CHÍNH"), parse_section("B", "Cán bộ")
    (('B', 'CẢI CÁCH HÀNH CHÍNH'), None)
    """
    text = clean(stt_cell)
    if m := _SECTION.match(text):
        numeral = m.group("numeral")
        if numeral != numeral.upper():
            return None  # lower-case i, v, x number sub-items, not sections
        return numeral, clean(m.group("title")) or clean(title_cell)
    if m := _LETTERED.match(text):
        title = clean(m.group("title")) or clean(title_cell)
        if title and title == title.upper() and any(c.isalpha() for c in title):
            return m.group("numeral"), title
    return None


def parse_stt(text: str, *, number: bool = False) -> Stt | None:
    """The STT of a target row ("3", "3.", "1.2", "a)"), or None; ``number`` says the cell was
    a spreadsheet number, whose "1,2" is the "1.2" typed.

    >>> parse_stt("3."), parse_stt("a)")
    (Stt(text='3', key='3', kind='arabic'), Stt(text='a)', key='a', kind='letter'))
    >>> parse_stt("1,2", number=True), parse_stt("1,2")
    (Stt(text='1.2', key='1.2', kind='arabic'), None)
    """
    text = clean(text)
    if number and (m := _DECIMAL.match(text)):
        text = m.group("number").replace(",", ".")
    if m := _ARABIC.match(text):
        number_text = m.group("number")
        return Stt(text=number_text, key=number_text, kind="arabic")
    if m := _LETTER.match(text):
        return Stt(text=text.rstrip("."), key=m.group("letter"), kind="letter")
    return None


def looks_like_numbering(text: str, *, number: bool = False) -> bool:
    """True for an STT cell of a section or target row (``number`` as in :func:`parse_stt`)."""
    return parse_section(text) is not None or parse_stt(text, number=number) is not None


def is_column_numbers(cells: list[str]) -> bool:
    """A row of column numbers ("(1) | (2) | (3)") that Vietnamese tables put under headers."""
    filled = 0
    for cell in cells:
        text = clean(cell)  # each cell cleaned once; the first that is no number decides
        if not text:
            continue
        if not _COLUMN_NUMBER.match(text):
            return False
        filled += 1
    return filled >= 3
