"""The figure that measures a target, as a percentage: a stand-in until the checks provide one."""

from __future__ import annotations

from ..models import Record


def measuring_value(record: Record) -> float | None:
    """The notes figure measuring ``record``'s target, as a percentage, or None.

    A simple rule for now: the first percentage in the notes, else the first ratio read as a
    percentage (08/10 → 80.0). The checks' own choice (same measure, same subject, latest year,
    shares excluded) will replace it.
    """
    for figure in record.figures:
        if figure.kind == "percent":
            return figure.value
    for figure in record.figures:
        if figure.kind == "ratio" and figure.numerator is not None and figure.denominator:
            return round(100 * figure.numerator / figure.denominator, 2)
    return None
