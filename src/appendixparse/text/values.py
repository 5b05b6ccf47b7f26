"""A table cell read as one Vietnamese number: an indicator's value, a score, a maximum.

The number grammar is :func:`appendixparse.text.figures.parse_number`'s (comma decimals, dot
thousands: "2.372" = 2372, "90,58" = 90.58, "17.454.000" = 17454000, "14.7" = 14.7). Around
it a cell may hold a sign ("-3", "−3"), a "%" and spaces grouping thousands ("17 454 000").
A dash alone ("-", "–"), an empty cell and any text are no value.
"""

from __future__ import annotations

import re

from .cleaning import clean
from .figures import parse_number, written_decimals

_SIGN = re.compile(r"^[-−–]\s*(?=\d)")
_SPACED_THOUSANDS = re.compile(r"^\d{1,3}(?: \d{3})+(?:,\d+)?$")


def _number_text(text: str) -> tuple[str, bool]:
    """The cell's number as the figure grammar reads it, and whether it was negative."""
    text = clean(text).replace("\u00a0", " ")
    text = text.removesuffix("%").strip()
    negative = bool(_SIGN.match(text))
    if negative:
        text = _SIGN.sub("", text)
    if _SPACED_THOUSANDS.match(text):
        text = text.replace(" ", ".")
    return text, negative


def read_value(text: str) -> float | None:
    """The number a value cell holds, or None.

    >>> read_value("2.372"), read_value("90,58"), read_value("17.454.000"), read_value("04")
    (2372.0, 90.58, 17454000.0, 4.0)
    >>> read_value("-"), read_value(""), read_value("Có"), read_value("-3"), read_value("100%")
    (None, None, None, -3.0, 100.0)
    """
    number, negative = _number_text(text)
    if not number:
        return None
    value = parse_number(number)
    if value is None:
        return None
    return -value if negative else value


def value_decimals(text: str) -> int:
    """How many decimals a value cell is written with ("99,10" → 2, "100" → 0).

    >>> value_decimals("99,10"), value_decimals("51,8"), value_decimals("2.372")
    (2, 1, 0)
    """
    number, _ = _number_text(text)
    return written_decimals(number) if number else 0
