"""Bad files: how long each takes to be answered, the slowest one, and peak memory."""

from __future__ import annotations

import sys
import time
import tracemalloc

from common import ROOT, row

import appendixparse

sys.path.insert(0, str(ROOT / "tests"))
from bad.catalogue import CATALOGUE


def main() -> None:
    results = []
    print(row("bad file", "seconds", "peak MB", "answer", widths=(30, 10, 10, 40)))
    for bad in CATALOGUE:
        data = bad.make()
        tracemalloc.start()
        start = time.perf_counter()
        try:
            appendixparse.parse(data, format=None)
            answer = "report"
        except appendixparse.AppendixParseError as exc:
            answer = type(exc).__name__
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        results.append((seconds, bad.name, peak))
        print(row(bad.name, f"{seconds:.3f}", f"{peak:.1f}", answer, widths=(30, 10, 10, 40)))
    slowest = max(results)
    print(
        f"\nslowest: {slowest[1]} in {slowest[0]:.2f} s; "
        f"highest peak: {max(r[2] for r in results):.1f} MB (tracemalloc, inputs included)"
    )


if __name__ == "__main__":
    main()
