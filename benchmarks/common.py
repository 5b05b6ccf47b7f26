"""Shared benchmark helpers: timing loops and peak memory."""

from __future__ import annotations

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
