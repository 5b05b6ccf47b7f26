"""The figure that measures a target, as a percentage: the checks' choice, as one number."""

from __future__ import annotations

from ..checks.measure import measure
from ..models import Record


def measuring_value(record: Record, *, end_year: int | None = None) -> float | None:
    """The notes figure measuring ``record``'s target, as a percentage, or None.

    The checks decide which figure measures the target (same measure, same subject, the latest
    year up to ``end_year``, shares of a breakdown excluded) and the record carries their
    measurement; where the target has several thresholds, the first one's figure. A ratio
    counts as a percentage (09/10 → 90.0). None where no figure measures it, or the target
    sets no threshold. A record the checks have not measured (built by hand) is measured here.
    """
    measurement = record.measurement
    if measurement is None:
        measurement = measure(record, end_year=end_year)
    return measurement.value
