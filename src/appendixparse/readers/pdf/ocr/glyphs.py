"""The marks between a number's digits, seen in its ink: where Tesseract drops the dots of a
hierarchical STT ("1.2." read as "12.") or a value's decimal comma ("12,49" read as "1249"),
the ink still shows a dot- or comma-sized glyph on the baseline between two digits.

:func:`number_shape` reads a crop's glyphs as a shape ("9.9." for "2.1.", "99,99" for
"12,49": a ``9`` per digit-sized glyph, its marks as seen); :func:`fit` writes a reading's
digits into a shape. Everything works on 8-bit grey numpy arrays (0 ink, 255 paper).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_MARK_HEIGHT = 0.45  # a mark is at most this share of the digits' height high…
_MARK_WIDTH = 0.6  # …and this share of it wide
_MARK_LOW = 0.55  # its top below this share of the digits' height: on the baseline
_MARK_AREA = 0.015  # of the digits' height squared: less ink than this is a speck
_COMMA_DROP = 0.1  # a mark reaching this share of the height under the baseline is a comma
_COMMA_TALL = 1.3  # or one this many times taller than wide
_DIGIT_WIDE = 0.85  # a glyph wider than this many heights is digits run together
_DIGIT_WIDTH = 0.6  # a digit's width in heights, where no glyph is a lone digit
_ABOVE = 0.25  # ink this share of the height over the digits' tops is a letter's mark
_TALL = 0.6  # a glyph this share of the tallest high is a digit (or a letter)
_SHAPE = re.compile(r"^9+(?:[.,]9+)*[.,]?$")
_DIGITS = re.compile(r"[0-9]")
_SEPARATED = re.compile(r"^[-+]?[0-9]+(?:[.,][0-9]+)*[.,]?%?$")


@dataclass(frozen=True, slots=True)
class _Glyph:
    x0: int
    top: int
    x1: int
    bottom: int
    area: int


def number_shape(gray: Any) -> str | None:
    """The shape of the number in ``gray`` (one line of ink): a ``9`` per digit-sized glyph
    left to right, and each dot or comma on the baseline between or after them; None when its
    glyphs make no number's shape (letters with marks over them, glyphs run together, specks
    above the line)."""
    glyphs = _glyphs(gray)
    if not glyphs:
        return None
    return shape_of(glyphs)


def digit_height(gray: Any) -> int:
    """The height of the tallest glyphs in ``gray`` (a number's digits), 0 where blank."""
    glyphs = _glyphs(gray)
    if not glyphs:
        return 0
    tallest = max(g.bottom - g.top for g in glyphs)
    return _median([g.bottom - g.top for g in glyphs if g.bottom - g.top >= _TALL * tallest])


def shape_of(glyphs: list[_Glyph]) -> str | None:
    """The shape of glyphs given left to right (see :func:`number_shape`). Digits the ink runs
    together count as many as the glyph is digits wide; a leading dash (a sign) is passed.

    >>> g = _Glyph
    >>> shape_of([g(0, 0, 10, 20, 150), g(12, 17, 15, 20, 9), g(17, 0, 27, 20, 150)])
    '9.9'
    >>> shape_of([g(0, 0, 10, 20, 150), g(12, 17, 15, 24, 14), g(17, 0, 27, 20, 150)])
    '9,9'
    >>> shape_of([g(0, 0, 21, 20, 300), g(23, 17, 26, 20, 9), g(28, 0, 38, 20, 150)])
    '99.9'
    >>> shape_of([g(0, 0, 10, 20, 150), g(12, 2, 15, 5, 9), g(17, 0, 27, 20, 150)]) is None
    True
    """
    tallest = max(g.bottom - g.top for g in glyphs)
    tall = [g for g in glyphs if g.bottom - g.top >= _TALL * tallest]
    height = _median([g.bottom - g.top for g in tall])
    tops, bases = sorted(g.top for g in tall), sorted(g.bottom for g in tall)
    top, base = tops[len(tops) // 2], bases[len(bases) // 2]  # a mark over one is passed
    narrow = [g.x1 - g.x0 for g in tall if g.x1 - g.x0 <= _DIGIT_WIDE * height]
    width = max(narrow) if narrow else _DIGIT_WIDTH * height  # a "1" is narrower
    out = []
    for n, g in enumerate(glyphs):
        if g.bottom - g.top >= _TALL * tallest:
            if g.top < top - _ABOVE * height:
                return None  # a letter with its mark over it
            out.append("9" * max(1, round((g.x1 - g.x0) / width)))
        elif g.area >= _MARK_AREA * height * height and not (n == 0 and _dash(g, top, height)):
            mark = _mark(g, top, base, height)
            if mark is None:
                return None
            out.append(mark)
    shape = "".join(out)
    return shape if _SHAPE.match(shape) else None


def _mark(g: _Glyph, top: int, base: int, height: int) -> str | None:
    """A dot or a comma for a mark on the baseline, None for ink that is neither."""
    drop = g.bottom - base
    low = g.top >= top + _MARK_LOW * height
    small = g.bottom - g.top <= _MARK_HEIGHT * height + max(drop, 0)
    if not (low and small and g.x1 - g.x0 <= _MARK_WIDTH * height):
        return None
    tall = g.bottom - g.top >= _COMMA_TALL * (g.x1 - g.x0)
    return "," if drop >= _COMMA_DROP * height and tall else "."


def _dash(g: _Glyph, top: int, height: int) -> bool:
    """A minus sign: a flat stroke about the middle of the digits' height."""
    middle = (g.top + g.bottom) / 2
    flat = g.x1 - g.x0 >= 1.5 * (g.bottom - g.top)
    return flat and top + 0.3 * height <= middle <= top + 0.8 * height


def _median(values: list[int]) -> int:
    """The lower median: of two glyphs, the digit's height, not its marked neighbour's."""
    return sorted(values)[(len(values) - 1) // 2]


def _glyphs(gray: Any) -> list[_Glyph]:
    """The connected pieces of ink in ``gray``, left to right, pieces over one another (a
    broken stroke) taken as one."""
    import cv2
    import numpy as np

    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    if not np.any(ink):
        return []
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    pieces = sorted(
        (int(x), int(y), int(x + w), int(y + h), int(a))
        for x, y, w, h, a in stats[1:count].tolist()
    )
    merged: list[list[int]] = []
    for x0, top, x1, bottom, area in pieces:
        last = merged[-1] if merged else None
        if last is not None and _overlap(last, x0, x1) > 0.5 and _near(last, top, bottom):
            last[:] = [last[0], min(last[1], top), max(last[2], x1), max(last[3], bottom),
                       last[4] + area]  # fmt: skip
        else:
            merged.append([x0, top, x1, bottom, area])
    return [_Glyph(*m) for m in merged]


def _near(glyph: list[int], top: int, bottom: int) -> bool:
    """Pieces over one another close enough to be one glyph's strokes."""
    gap = max(top - glyph[3], glyph[1] - bottom)
    return gap <= 0.2 * max(glyph[3] - glyph[1], bottom - top)


def _overlap(glyph: list[int], x0: int, x1: int) -> float:
    """How much of the narrower of two x ranges the other covers."""
    shared = min(glyph[2], x1) - max(glyph[0], x0)
    return shared / max(min(glyph[2] - glyph[0], x1 - x0), 1)


def fit(text: str, shape: str | None, *, numbering: bool = False) -> str | None:
    """``text``'s digits written with the marks ``shape`` shows, when they are as many as its
    digit glyphs: the marks Tesseract read stay, those it dropped are put back as the ink
    shows them. ``numbering``: an STT, whose marks are dots (a reading's ":" is one too);
    else a value, where a dot before a last group of other than three digits is no thousands
    separator but the decimal comma. None when the digits do not fit, or ``text`` holds more
    than digits, marks and a sign.

    >>> fit("12.", "9.9.", numbering=True), fit("2:2:", "9.9.", numbering=True)
    ('1.2.', '2.2.')
    >>> fit("1249", "99,99"), fit("475", "99.9"), fit("2372", "9.999"), fit("99,10", "99.99")
    ('12,49', '47,5', '2.372', '99,10')
    >>> fit("443.", "9.9.", numbering=True), fit("K2", "9.9."), fit("12", None)
    (None, None, None)
    """
    allowed = r"[0-9.,:;]*" if numbering else r"[0-9.,]*"
    m = re.fullmatch(rf"([-+]?)({allowed})(%?)", text)
    if shape is None or m is None:
        return None
    sign, body, percent = m.groups()
    digits = _DIGITS.findall(body)
    if not digits or len(digits) != shape.count("9"):
        return None
    read, seen = _marks(body), _marks(shape)
    out: list[str] = []
    for at, digit in enumerate(digits):
        out.append(digit)
        mark = read.get(at) if read.get(at) in (".", ",") else seen.get(at)
        if mark is None and at in read and numbering:
            mark = "."  # "2:2:" for "2.2."
        if mark is not None:
            out.append("." if numbering else mark)
    body = "".join(out)
    if not numbering:
        body = _decimal(body, read)
    return sign + body + percent


def _marks(text: str) -> dict[int, str]:
    """The mark after each digit of ``text``, by the digit's place."""
    out: dict[int, str] = {}
    at = -1
    for c in text:
        if c.isdigit():
            at += 1
        elif at >= 0:
            out.setdefault(at, c)
    return out


def _decimal(body: str, read: dict[int, str]) -> str:
    """A dot the reading had not, before a last group of other than three digits, is the
    decimal comma ("47.5" seen for "47,5"): a thousands separator has three after it."""
    m = re.search(r"\.([0-9]+)$", body)
    if m is None or len(m.group(1)) == 3 or "," in body:
        return body
    place = sum(c.isdigit() for c in body[: m.start()]) - 1
    if read.get(place) == ".":
        return body
    return body[: m.start()] + "," + m.group(1)


def separated(text: str) -> bool:
    """A number as a table cell writes it: digits, maybe with dots or commas between them.

    >>> separated("1249"), separated("17.454.000"), separated("Hồ sơ")
    (True, True, False)
    """
    return bool(_SEPARATED.match(text))
