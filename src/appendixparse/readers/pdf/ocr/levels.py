"""Hierarchical STT numbers ("1.2.", "3.1.2.") of a scan put right by the numbers around them.

A number read after "3.1." can only be one of its successors: its first child "3.1.1", its
next sibling "3.2", or the next sibling of a level above ("4"). Where a run of readings does
not follow on, and exactly one run of successors leads from the number before it to the one
after it, each agreeing with its reading (the same digits with their dots lost, "12" for
"1.2"; the same levels but for one digit misread, "8.1" for "3.1"; or the ink's shape, "9.9."
for a reading that is no number), that run is what was written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from ....text.numbering import parse_stt

_LETTER = re.compile(r"^[a-zđA-ZĐ][.)]$")  # a lettered row: "a)", "b."
_RUN = 3  # readings at most in a run put right together
_SURE = 85.0  # a word read this surely in the STT column is a header ("STT"), passed
DOUBTFUL = 50.0  # a reading below this confidence is hardly read: the sequence decides

Key = tuple[int, ...]
# Before a section's first number: its successors are "1" (and "0.1"), so a first reading
# that the next one contradicts ("4" before "2.") is put right like any other.
_START: Key = (0,)


class Reading(Protocol):
    """What a run of STT readings needs of each: its value, confidence and ink's shape."""

    value: str
    confidence: float
    shape: str | None


def key(value: str) -> Key | None:
    """The levels of a number ("3.1.2." is (3, 1, 2)), None for anything else.

    >>> key("3.1.2."), key("12"), key("II"), key("")
    ((3, 1, 2), (12,), None, None)
    """
    stt = parse_stt(value)
    return tuple(map(int, stt.key.split("."))) if stt is not None and stt.kind == "arabic" else None


def successors(number: Key) -> list[Key]:
    """What may follow ``number``: its first child, then the next number at its level and at
    each level above.

    >>> successors((3, 1))
    [(3, 1, 1), (3, 2), (4,)]
    """
    out = [(*number, 1)]
    out += [(*number[:depth], number[depth] + 1) for depth in range(len(number) - 1, -1, -1)]
    return out


def follows(before: Key | None, number: Key) -> bool:
    """``number`` may follow ``before``: a successor, or a numbering started again at 1 (a
    form after another); at the start (:data:`_START`, or None) anything does."""
    return before in (None, _START) or number == (1,) or number in successors(before)


def agrees(reading: Reading, number: Key) -> bool:
    """``reading`` may be ``number`` misread: its digits with the dots lost or added ("12"
    for "1.2"), its levels with one digit misread ("8.1" for "3.1"); or, where the reading is
    no number or its digits do not fit its ink, the shape of its ink (any, where no shape was
    seen and nothing was read as digits).

    >>> class R:
    ...     def __init__(self, value, shape=None): self.value, self.shape = value, shape
    >>> agrees(R("12."), (1, 2)), agrees(R("8.1"), (3, 1)), agrees(R("443."), (4, 3))
    (True, True, False)
    >>> agrees(R("443.", "9.9."), (4, 3)), agrees(R("3.2.2.", "9.9.9."), (3, 1, 1))
    (True, False)
    >>> agrees(R("Khải K", "9.9.9."), (3, 2, 1)), agrees(R("Khải K", "9.9."), (3, 2, 1))
    (True, False)
    """
    written = ".".join(map(str, number))
    read = key(reading.value)
    if read is not None:
        if len(read) == len(number):
            if sum(a != b for a, b in zip(read, number, strict=True)) <= 1:
                return True
        elif _digits(reading.value) == _digits(written):
            return True
        if reading.shape is None or _shape(reading.value) == reading.shape.rstrip("."):
            return False  # digits that fit their ink: as read
    if reading.shape is not None:
        return reading.shape.rstrip(".") == _shape(written)
    return not _digits(reading.value)


def _shape(number: str) -> str:
    return re.sub(r"[0-9]", "9", number.rstrip("."))


def mend_levels(readings: Sequence[Reading]) -> list[tuple[int, str]]:
    """The readings of one section to put right, as (position, number written): each run of
    one to three readings that does not follow on from the number before it, where exactly
    one run of successors leads on to the number after it and agrees with every reading.
    Where all of them are plain numbers ("1", "2"), :func:`..numerals.mend` decides.

    >>> class R:
    ...     def __init__(self, value, shape=None):
    ...         self.value, self.shape, self.confidence = value, shape, 90.0
    >>> mend_levels([R(v) for v in ("1.", "1.1.", "12", "1.3.", "2.")])
    [(2, '1.2.')]
    >>> mend_levels([R("3.1."), R("K2", "9.9."), R("Khải K", "9.9.9."), R("3.2.2.")])
    [(1, '3.2.'), (2, '3.2.1.')]
    >>> mend_levels([R("4"), R("2."), R("2.1.")]), mend_levels([R("3."), R("4."), R("4.1.")])
    ([(0, '1.')], [])
    """
    taking = [k for k, r in enumerate(readings) if not _passed(r)]
    keys = [key(readings[k].value) for k in taking]
    out: list[tuple[int, str]] = []
    before: Key | None = _START
    at = 0
    while at < len(taking):
        own = keys[at]
        if own is not None and follows(before, own) and not _doubted(before, own, keys[at + 1 :]):
            before, at = own, at + 1
            continue
        read = _numbering(keys, at)
        run = _run(before, [readings[k] for k in taking[at : at + _RUN + 1]], keys[at:], read)
        if run is None and own is None:
            run = _bridge(before, readings[taking[at]], keys[at + 1 :], read)
        if run is None:
            before, at = own or before, at + 1
            continue
        end = at + len(run)
        after = readings[taking[end] if end < len(taking) else taking[at]]
        for offset, number in enumerate(run):
            reading = readings[taking[at + offset]]
            if key(reading.value) != number:
                out.append((taking[at + offset], _written(number, reading, after)))
        before, at = run[-1], end
    return out


def _doubted(before: Key | None, own: Key, later: list[Key | None]) -> bool:
    """A section's first number that is no first number ("4" for "1."), which the number
    after it does not follow."""
    after = later[0] if later else None
    return (
        before == _START
        and own not in successors(_START)
        and after is not None
        and (not follows(own, after))
    )


def _written(number: Key, reading: Reading, after: Reading) -> str:
    """``number`` as the document writes its numbers: with a trailing dot where the reading,
    its ink or the number after it has one."""
    dotted = any(t.endswith(".") for t in (reading.value, reading.shape or "", after.value))
    return ".".join(map(str, number)) + ("." if dotted else "")


def _run(
    before: Key | None, readings: list[Reading], keys: list[Key | None], read: set[Key]
) -> list[Key] | None:
    """The one run of successors of ``before``, as long as the shortest that leads on to the
    reading after it, agreeing with the readings it stands for and holding no number ``read``
    elsewhere in the section; None when there is none, or more than one."""
    if before is None:
        return None
    for length in range(1, min(_RUN, len(readings) - 1) + 1):
        after = keys[length]
        if after is None:
            continue
        found = [
            run
            for run in _runs(before, length)
            if after in successors(run[-1])
            and all(agrees(r, n) for r, n in zip(readings, run, strict=False))
            and not any(n in read and n != keys[k] for k, n in enumerate(run))
            and any(len(n) > 1 for n in (before, *run, after))  # plain numbers: numerals.mend
        ]
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return None


def _bridge(
    before: Key | None, reading: Reading, later: list[Key | None], read: set[Key]
) -> list[Key] | None:
    """A reading hardly read at all and no number, whose ink looks like a hierarchical
    number's (digits and dots), between ``before`` and a number read after it (``later[0]``)
    that exactly one successor of ``before`` leads on to: that successor, whatever the count
    of its ink's digits (ink read this badly is no surer than its letters). The section's
    last reading, with nothing after it: the one successor its ink's shape fits. None
    otherwise, for plain numbers (:func:`..numerals.mend` decides those) and for a number
    read elsewhere in the numbering.

    >>> class R:
    ...     def __init__(self, value, shape, confidence=5.0):
    ...         self.value, self.shape, self.confidence = value, shape, confidence
    >>> _bridge((1, 1), R("ĐÀ)", "9.9"), [(1, 1, 2)], set())  # "1.1.1" between 1.1 and 1.1.2
    [(1, 1, 1)]
    >>> _bridge((2, 2), R("Kỷ", "9"), [], set())  # the last: "3" after 2.2, as its ink reads
    [(3,)]
    >>> _bridge((1, 1), R("ĐÀ)", "9.9", 81.0), [(1, 1, 2)], set())  # read surely: as read
    >>> _bridge((1, 1), R("-", None), [(1, 2)], set())  # no number's ink
    >>> _bridge((2,), R("SIT", "9999"), [(2, 2)], set())  # a repeated header's "STT"
    """
    if (
        before is None
        or reading.shape is None
        or _digits(reading.value)
        or reading.confidence >= DOUBTFUL
    ):
        return None
    if later:
        after = later[0]
        if after is None or "." not in reading.shape.rstrip("."):
            return None  # no hierarchical number's ink: a repeated header's "STT" read "SIT"
        found = [n for n in successors(before) if after in successors(n)]
        ends = (before, *found, after)
    else:
        shape = _shape(reading.shape)
        found = [n for n in successors(before) if _shape(".".join(map(str, n))) == shape]
        ends = (before, *found)
    if len(found) != 1 or found[0] in read or all(len(n) == 1 for n in ends):
        return None
    return found


def _numbering(keys: list[Key | None], at: int) -> set[Key]:
    """The numbers read in the numbering that holds ``keys[at]``: from the "1" before it to
    the next "1" (a form numbered again after another)."""
    start = next((k for k in range(at, -1, -1) if keys[k] == (1,)), 0)
    end = next((k for k in range(at + 1, len(keys)) if keys[k] == (1,)), len(keys))
    return {k for k in keys[start:end] if k is not None}


def _runs(before: Key, length: int) -> list[list[Key]]:
    """Every run of ``length`` numbers, each a successor of the one before."""
    runs: list[list[Key]] = [[]]
    for _ in range(length):
        runs = [[*run, n] for run in runs for n in successors(run[-1] if run else before)]
    return runs


def _passed(reading: Reading) -> bool:
    """A header's word in the STT column ("STT" on a repeated header), read surely: no
    number and no number's shape; or a lettered row ("a)"), which is never a number."""
    return bool(_LETTER.match(reading.value)) or (
        not _digits(reading.value)
        and reading.confidence >= _SURE
        and (reading.shape is None or "." not in reading.shape)
        and reading.value.strip() != ""
    )


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


__all__ = ["DOUBTFUL", "agrees", "follows", "key", "mend_levels", "successors"]
