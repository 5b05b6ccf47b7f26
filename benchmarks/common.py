"""Shared benchmark helpers: timing loops and peak memory."""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def rate(function: Callable[[], Any], *, min_seconds: float = 1.0, min_runs: int = 3) -> float:
    """Calls per second of ``function``, run for at least ``min_seconds`` after one warm-up."""
    function()
    runs, start = 0, time.perf_counter()
    while runs < min_runs or time.perf_counter() - start < min_seconds:
        function()
        runs += 1
    return runs / (time.perf_counter() - start)


def peak_memory_mb(function: Callable[[], Any]) -> float:
    """Peak Python memory (tracemalloc) of one call, in MB."""
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def row(*values: object, widths: tuple[int, ...] = (44, 12, 12, 14)) -> str:
    """One aligned line of a results table."""
    return "".join(str(v).ljust(w) for v, w in zip(values, widths)).rstrip()


def paired_ratios(
    ours: Callable[[Any], Any],
    baseline: Callable[[Any], Any],
    items: list[Any],
    rounds: int = 15,
) -> tuple[float, dict[int, float]]:
    """Medians of paired time ratios ours/baseline, the two interleaved in this process.

    Each round times both on every item back to back, the order alternating between rounds so
    that drift and load fall on both alike; the times are CPU times of this process, which other
    processes on a shared machine disturb less than wall time. Garbage is collected before each
    timed call, so that freeing what one left in reference cycles is not charged to the other.
    Returns the median over rounds of the ratio of the
    totals over all items, and the median ratio per item (by index).
    """
    for item in items:  # warm imports and caches
        ours(item)
        baseline(item)
    totals: list[float] = []
    per_item: dict[int, list[float]] = {i: [] for i in range(len(items))}
    for number in range(rounds):
        spent = {"ours": 0.0, "baseline": 0.0}
        for index, item in enumerate(items):
            pair = [("ours", ours), ("baseline", baseline)]
            times = {}
            for name, function in pair if number % 2 == 0 else pair[::-1]:
                gc.collect()
                start = time.process_time()
                function(item)
                times[name] = time.process_time() - start
                spent[name] += times[name]
            per_item[index].append(times["ours"] / times["baseline"])
        totals.append(spent["ours"] / spent["baseline"])
    return statistics.median(totals), {i: statistics.median(r) for i, r in per_item.items()}
