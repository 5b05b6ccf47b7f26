"""The STT column of a scan: numbers read wrong put right by the sequence around them."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from .levels import DOUBTFUL, key, mend_levels

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
          "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX")  # fmt: skip
_ARABIC = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{1,3})*\.?$")
# What a roman numeral's strokes are read as when the model misses them ("H", "Il", "HÌ").
_ROMAN_LOOKALIKE = re.compile(r"^[IVXLHUNMW][IVXLlivxHUNMW1|!]{0,4}\.?$")
_ARABIC_LOOKALIKE = re.compile(r"^[0-9lI|!OoSsZzB]{1,3}\.?$")
_LETTER = re.compile(r"^[a-zđA-ZĐ][.)]$")  # a lettered row: "a)", "b."
_HEADING_NUMERAL = 4  # a heading's first cell this short holds its numeral, however read
_SURE = 85.0  # a roman numeral read at this confidence or above is taken as read


class NumberSequence:
    """The STT cells of a document in order, each misread one put right from the sequence.

    A cell read as an arabic number is not changed here, unless hardly read at all (below
    ``levels.DOUBTFUL``: then it is the next number); :func:`mend` puts one right that the numbers
    around it contradict, once the document is read. A roman numeral read with confidence is
    taken; one read doubtfully, or strokes that are no numeral ("H" after "I"), become the
    next section numeral; a cell that looks like digits but is none becomes the next number.

    >>> seq = NumberSequence()
    >>> [seq.fix(t, c) for t, c in [("I", 92), ("1", 97), ("l", 40), ("H", 60), ("1", 97),
    ...                              ("I", 70), ("IV", 96)]]
    ['I', '1', '2', 'II', '1', 'III', 'IV']
    >>> seq.fix("1", 97, heading=True), seq.fix("VII", 96, heading=True)
    ('V', 'VII')
    >>> NumberSequence().fix("II", 60, heading=True)  # the first heading of a document
    'I'
    >>> seq.fix("Vụ", 93, heading=True)
    'VIII'
    >>> seq.fix("1", 96), seq.fix("1", 15), seq.fix("7", 97)
    ('1', '2', '7')
    """

    def __init__(self) -> None:
        self.roman = 0  # the last section numeral's place in _ROMAN, from 1
        self.arabic: int | None = None

    def fix(self, text: str, confidence: float, *, heading: bool = False) -> str:
        """The number ``text`` (read at ``confidence``) stands for. ``heading``: the rest of
        the row is one merged cell (a section title), so a numeral is expected there: any
        reading of one to five strokes is the next numeral, unless it is a surely read
        numeral further on (a section left out)."""
        value = text.strip()
        bare = value.rstrip(".")
        if heading and self.roman < len(_ROMAN):
            plain = _plain(bare)
            further = bare in _ROMAN and _ROMAN.index(bare) > self.roman
            # Numbered rows before any heading: the scan starts inside a section, so the
            # first heading is taken as read; at the start it is I whatever it looks like.
            midway = self.roman == 0 and self.arabic is not None
            if further and (confidence >= _SURE or midway):
                self.roman, self.arabic = _ROMAN.index(bare) + 1, None
                return value
            if plain and len(plain) <= _HEADING_NUMERAL:  # "H", "1", "Vụ": a numeral's strokes
                self.roman, self.arabic = self.roman + 1, None
                return _ROMAN[self.roman - 1] + ("." if value.endswith(".") else "")
        if _ARABIC.match(value):
            head = bare.split(".")[0]
            if "." not in bare and head.isdigit():
                if confidence < DOUBTFUL and self.arabic is not None:
                    # hardly read at all ("3" as "2" at 15): the next number, as a lookalike is
                    self.arabic += 1
                    return str(self.arabic) + ("." if value.endswith(".") else "")
                self.arabic = int(head)
            return value
        plain = _plain(bare)
        if bare in _ROMAN and (confidence >= _SURE or _ROMAN.index(bare) == self.roman):
            self.roman, self.arabic = _ROMAN.index(bare) + 1, None
            return value
        if plain and _ROMAN_LOOKALIKE.match(plain) and self.roman < len(_ROMAN):
            self.roman, self.arabic = self.roman + 1, None
            return _ROMAN[self.roman - 1] + ("." if value.endswith(".") else "")
        if plain and _ARABIC_LOOKALIKE.match(plain):
            self.arabic = (self.arabic or 0) + 1
            return str(self.arabic) + ("." if value.endswith(".") else "")
        return value


class _Worded(Protocol):
    text: str


@dataclass(slots=True)
class _Reading:
    holder: list[str] | _Worded  # a table row's cells (the STT is the first) or a line's word
    text: str
    confidence: float
    heading: bool
    shape: str | None = None  # its ink's shape ("9.9." for "2.1."), where it was seen
    value: str = ""  # what the sequence made of it


@dataclass(slots=True)
class NumberReadings:
    """A page's STT readings in reading order, each kept with the cell or word it belongs in,
    so pages can be read apart (in other processes) and put in sequence afterwards, in page
    order, exactly as if they had been read one after the other.

    >>> row, later = ["H", "Cải cách"], ["1", "Tên"]
    >>> readings = NumberReadings()
    >>> readings.add(row, "H", 60, heading=True); readings.add(later, "1", 97)
    >>> seq = NumberSequence(); seq.fix("I", 95, heading=True)
    'I'
    >>> readings.settle(seq); row[0], later[0]
    ('II', '1')
    """

    items: list[_Reading] = field(default_factory=list)

    def add(
        self,
        holder: list[str] | _Worded,
        text: str,
        confidence: float,
        *,
        heading: bool = False,
        shape: str | None = None,
    ) -> None:
        """Note ``text`` read at ``confidence`` for ``holder``, which shows it as read until
        :meth:`settle`; ``shape``: its ink's (:func:`..glyphs.number_shape`)."""
        if isinstance(holder, list):
            holder[0] = text
        else:
            holder.text = text
        self.items.append(_Reading(holder, text, confidence, heading, shape))

    def settle(self, sequence: NumberSequence) -> None:
        """Put every reading right by ``sequence`` (which carries on from earlier pages)."""
        for item in self.items:
            item.value = sequence.fix(item.text, item.confidence, heading=item.heading)
            _show(item)


def mend(pages: Iterable[NumberReadings]) -> None:
    """Numbers misread surely ("3" as "8") or as a word ("11" as "đủ"), put right once every
    page is settled: a section's number whose neighbours leave exactly one value for it
    (``n - 1`` before, ``n + 1`` after), a value read nowhere else in the section, is that
    value. A number's neighbours are the numbers around it (a repeated header's "STT" between
    them is passed); a word's, the readings right beside it. A section numeral or a heading
    ends a section; a sub-number ("1.2") or a letter ("a)") is never changed.

    >>> page = NumberReadings()
    >>> rows = [[t] for t in ("I", "1", "5", "3", "STT", "4", "II", "1", "đủ", "3", "a)", "5")]
    >>> for row in rows:
    ...     page.add(row, row[0], 97, heading=row[0] in ("I", "II"))
    >>> page.settle(NumberSequence()); mend([page]); [row[0] for row in rows]
    ['I', '1', '2', '3', 'STT', '4', 'II', '1', '2', '3', 'a)', '5']
    """
    items = [item for readings in pages for item in readings.items]
    _arabic_ones(items)
    section: list[_Reading] = []
    for item in items:
        if item.heading or item.value.rstrip(".") in _ROMAN:
            _mend_section(section)
            section = []
        else:
            section.append(item)
    _mend_section(section)


def _arabic_ones(items: list[_Reading]) -> None:
    """A section numeral "I" read doubtfully in a row of its own (no heading) over a "1.1":
    the "1." its sub-numbers show it is."""
    for item, after in itertools.pairwise(items):
        if (
            not item.heading
            and item.value.rstrip(".") == "I"
            and item.confidence < _SURE
            and key(after.value) == (1, 1)
        ):
            item.value = "1" + ("." if item.value.endswith(".") else "")
            _show(item)


def _mend_section(section: list[_Reading]) -> None:
    for at, value in mend_levels(section):
        section[at].value = value
        _show(section[at])
    numbers = [_number(item.value) for item in section]
    read = set(numbers)
    for k in range(1, len(section) - 1):
        own = numbers[k]
        if own is not None:
            before = next((n for n in reversed(numbers[:k]) if n is not None), None)
            after = next((n for n in numbers[k + 1 :] if n is not None), None)
        elif _ARABIC.match(section[k].value) or _LETTER.match(section[k].value):
            continue
        else:
            before, after = numbers[k - 1], numbers[k + 1]
        if before is None or after != before + 2 or own == before + 1 or before + 1 in read:
            continue
        numbers[k] = before + 1
        read.add(before + 1)
        item = section[k]
        item.value = str(before + 1) + ("." if item.value.endswith(".") else "")
        _show(item)


def _number(value: str) -> int | None:
    bare = value.rstrip(".")
    return int(bare) if bare.isdigit() else None


def _show(item: _Reading) -> None:
    if isinstance(item.holder, list):
        item.holder[0] = item.value
    else:
        item.holder.text = item.value


def numeral_like(text: str) -> bool:
    """Strokes a section numeral may be read as ("M" for III, "H" for II), or the numeral.

    >>> numeral_like("M"), numeral_like("IV."), numeral_like("Ma")
    (True, True, False)
    """
    return bool(_ROMAN_LOOKALIKE.match(_plain(text.strip())))


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
