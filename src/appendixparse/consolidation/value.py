"""The figure that measures a target, as a percentage: the checks' choice, as one number."""

from __future__ import annotations

from ..checks.measure import measure
from ..models import Record


def measuring_value(record: Record, *, end_year: int | None = None) -> float | None:
    """The notes figure measuring ``record``'s target, as a percentage, or None.

    The checks decide which figure measures the target (same measure, same subject, the latest
    year up to ``end_year``, shares of a breakdown excluded); where the target has several
    thresholds, the first one's figure. A ratio counts as a percentage (09/10 → 90.0). None
    where no figure measures it, or the target sets no threshold.
    """
    for pair in measure(record, end_year=end_year).pairs:
        figure = pair.figure
        if figure.kind == "percent":
            return figure.value
        if figure.kind == "ratio" and figure.numerator is not None and figure.denominator:
            return round(100 * figure.numerator / figure.denominator, 2)
    return None
