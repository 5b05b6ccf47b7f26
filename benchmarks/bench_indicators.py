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

from appendixparse import parse
from appendixparse.checks.indicators import indicator_flags
from appendixparse.options import DEFAULT_OPTIONS
from appendixparse.readers import read
from appendixparse.table.indicators import build_indicators, find_indicator_tables
from appendixparse.table.layout import find_layout

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


ASSESSMENT = (
    "appendix-quang-tri-district-2023.txt",
    "appendix-quang-tri-district-2023.docx",
    "appendix-quang-tri-district-2023.xlsx",
)


def _grids(paths: list[Path]) -> list:
    return [read(p.read_bytes(), str(p), None, DEFAULT_OPTIONS)[0] for p in paths]


def share_of_parse(paths: list[Path], rounds: int) -> float:
    """The indicator search's time as a share of parse() on the same documents (median of
    paired rounds)."""
    grids = _grids(paths)
    shares = []
    for _ in range(rounds):
        start = time.perf_counter()
        for path in paths:
            parse(path)
        whole = time.perf_counter() - start
        start = time.perf_counter()
        for grid in grids:
            indicator_flags(build_indicators(find_indicator_tables(grid)))
        shares.append((time.perf_counter() - start) / whole)
    return statistics.median(shares)


def main(rounds: int = 30) -> None:
    paths = [*(SAMPLES / n for n in ASSESSMENT), *sorted(SAMPLES.glob("checks-*.txt"))]
    assessment = _grids(paths)
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
            indicator_flags(build_indicators(tables))
            find_layout(grid, "x")
        ratios.append((time.perf_counter() - start) / plain)
    start = time.perf_counter()
    count = 0
    for _ in range(rounds):
        for grid in forms:
            indicators = build_indicators(find_indicator_tables(grid))
            indicator_flags(indicators)
            count += len(indicators)
    elapsed = time.perf_counter() - start
    print(
        f"assessment layout with the indicator search / without: "
        f"{statistics.median(ratios):.3f}x (median of {rounds} paired rounds)"
    )
    print(f"indicator forms: {count / elapsed:.0f} indicator rows/s (found, built and checked)")
    share = share_of_parse(paths, max(5, rounds // 3))
    print(f"the indicator search is {share:.1%} of parse() on the assessment appendices")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
