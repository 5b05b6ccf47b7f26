"""The STT column of a scan: numbers read wrong put right by the sequence around them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Protocol

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
          "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX")  # fmt: skip
_ARABIC = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{1,3})*\.?$")
# What a roman numeral's strokes are read as when the model misses them ("H", "Il", "HÌ").
_ROMAN_LOOKALIKE = re.compile(r"^[IVXLHUNMW][IVXLlivxHUNMW1|!]{0,4}\.?$")
_ARABIC_LOOKALIKE = re.compile(r"^[0-9lI|!OoSsZzB]{1,3}\.?$")
_HEADING_NUMERAL = 4  # a heading's first cell this short holds its numeral, however read
_SURE = 85.0  # a roman numeral read at this confidence or above is taken as read


class NumberSequence:
    """The STT cells of a document in order, each misread one put right from the sequence.

    A cell read as an arabic number is never changed. A roman numeral read with confidence is
    taken; one read doubtfully, or strokes that are no numeral ("H" after "I"), become the next
    section numeral; a cell that looks like digits but is none becomes the next number.

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
        self, holder: list[str] | _Worded, text: str, confidence: float, *, heading: bool = False
    ) -> None:
        """Note ``text`` read at ``confidence`` for ``holder``, which shows it as read until
        :meth:`settle`."""
        if isinstance(holder, list):
            holder[0] = text
        else:
            holder.text = text
        self.items.append(_Reading(holder, text, confidence, heading))

    def settle(self, sequence: NumberSequence) -> None:
        """Put every reading right by ``sequence`` (which carries on from earlier pages)."""
        for item in self.items:
            value = sequence.fix(item.text, item.confidence, heading=item.heading)
            if isinstance(item.holder, list):
                item.holder[0] = value
            else:
                item.holder.text = value


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
