"""Benchmark the indicator-table stage: what looking for indicator tables costs an assessment
appendix, and how fast indicator forms are read.

    python benchmarks/bench_indicators.py [rounds]

Each document is read once (the reader is not timed); then, paired and interleaved round by
round, the layout step is timed with and without the indicator search
(:func:`find_indicator_tables` + :func:`build_indicators` + the indicator checks), and the
median of the paired ratios is reported.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from appendixparse.checks.flags import SEVERITY
from appendixparse.checks.indicators import indicator_flags
from appendixparse.options import DEFAULT_OPTIONS
from appendixparse.readers import read
from appendixparse.table.indicators import build_indicators, find_indicator_tables
from appendixparse.table.layout import find_layout

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _grids(paths: list[Path]) -> list:
    return [read(p.read_bytes(), str(p), None, DEFAULT_OPTIONS)[0] for p in paths]


def main(rounds: int = 30) -> None:
    assessment = _grids(
        [
            SAMPLES / "appendix-quang-tri-district-2023.txt",
            SAMPLES / "appendix-quang-tri-district-2023.docx",
            SAMPLES / "appendix-quang-tri-district-2023.xlsx",
            *sorted(SAMPLES.glob("checks-*.txt")),
        ]
    )
    forms = _grids(sorted(p for p in SAMPLES.glob("indicators-*") if p.suffix != ".pdf"))
    ratios = []
    for _ in range(rounds):
        start = time.perf_counter()
        for grid in assessment:
            find_layout(grid, "x")
        plain = time.perf_counter() - start
        start = time.perf_counter()
        for grid in assessment:
            tables = find_indicator_tables(grid)
            indicator_flags(build_indicators(tables), SEVERITY)
            find_layout(grid, "x")
        ratios.append((time.perf_counter() - start) / plain)
    start = time.perf_counter()
    count = 0
    for _ in range(rounds):
        for grid in forms:
            indicators = build_indicators(find_indicator_tables(grid))
            indicator_flags(indicators, SEVERITY)
            count += len(indicators)
    elapsed = time.perf_counter() - start
    print(
        f"assessment layout with the indicator search / without: "
        f"{statistics.median(ratios):.3f}x (median of {rounds} paired rounds)"
    )
    print(f"indicator forms: {count / elapsed:.0f} indicator rows/s (found, built and checked)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
