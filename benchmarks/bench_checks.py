"""Benchmark the checks: run_checks() on parsed reports, in reports per second and peak memory.

    python benchmarks/bench_checks.py [rounds]

Parsing (and figure extraction) happens once, outside the timing: only the checks are measured.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

from appendixparse import parse
from appendixparse.checks.flags import run_checks

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def main(rounds: int = 200) -> None:
    files = [
        SAMPLES / "appendix-quang-tri-district-2023.txt",
        *sorted(SAMPLES.glob("checks-*.txt")),
    ]
    reports = [parse(f) for f in files]
    records = sum(len(r.records) for r in reports)
    start = time.perf_counter()
    flags = 0
    for _ in range(rounds):
        for report in reports:
            flags += len(run_checks(report))
    elapsed = time.perf_counter() - start
    tracemalloc.start()  # a separate pass: tracing slows Python code several times over
    for report in reports:
        run_checks(report)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    docs = rounds * len(reports)
    print(
        f"{docs} reports ({records} records each round, {flags // rounds} flags) "
        f"in {elapsed:.2f}s: {docs / elapsed:.0f} docs/s, "
        f"{rounds * records / elapsed:.0f} records/s, peak {peak / 1e6:.1f} MB (tracemalloc)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
