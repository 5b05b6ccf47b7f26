"""Bad files: how long each takes to be answered, the slowest one, and peak memory; then the
peak memory of a large batch (5,000 documents by default, copies of samples/consolidate/).

    python benchmarks/bench_robustness.py [--batch 5000]   # --batch 0: the bad files alone
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from common import ROOT, row

import appendixparse

sys.path.insert(0, str(ROOT / "tests"))
from bad.catalogue import CATALOGUE


def batch(count: int) -> None:
    """Consolidate ``count`` documents on two processes in a fresh process; print its peaks."""
    import bench_consolidate

    with tempfile.TemporaryDirectory(prefix="bench-robustness-") as tmp:
        folder = Path(tmp, "bao-cao")
        folder.mkdir()
        bench_consolidate.copies(folder, count, (".txt", ".docx", ".pdf", ".xlsx"))
        out = Path(tmp, "tong-hop.xlsx")
        done = subprocess.run(
            [sys.executable, bench_consolidate.__file__, "--run", str(folder), "2", str(out)],
            capture_output=True, text=True, check=True, cwd=Path(__file__).parent,
        )  # fmt: skip
        r = json.loads(done.stdout.strip().splitlines()[-1])
    print(
        f"\n{count} documents on 2 processes: {r['seconds']:.0f} s, parent peak "
        f"{r['parent_mb']:.0f} MB, largest worker {r['worker_mb']:.0f} MB (ru_maxrss); "
        f"{r['rows']:.0f} rows, xlsx in {r['export_seconds']:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=5000, help="documents; 0 for none")
    args = parser.parse_args()
    bad_files()
    if args.batch:
        batch(args.batch)


def bad_files() -> None:
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
