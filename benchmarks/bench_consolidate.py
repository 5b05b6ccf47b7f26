"""Consolidation: 1,000 documents (copies of samples/consolidate/) on 1 and 2 processes.

Prints docs/s, the speed-up of 2 processes over 1, CPU seconds (parent + workers: on a machine
shared with other work the speed-up falls short of the CPU split), the time to write the
workbook, and peak memory: the parent's (ru_maxrss of the process) and the largest worker's
(ru_maxrss of its reaped children). Each run is a fresh Python process, so one run's memory
does not count in the next.

    python benchmarks/bench_consolidate.py                 # 1,000 documents, every format
    python benchmarks/bench_consolidate.py --count 300 --formats .txt
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import SAMPLES, row

FOLDER = SAMPLES / "consolidate"
WIDTHS = (11, 8, 9, 10, 11, 11, 8)


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run(folder: str, jobs: int, out: str) -> dict[str, float]:
    """One consolidation of ``folder`` on ``jobs`` processes, timed; called in a fresh process."""
    from appendixparse.consolidation import consolidate, export

    start = time.perf_counter()
    result = consolidate(folder, jobs=jobs)
    parsed = time.perf_counter() - start
    parent_cpu, worker_cpu = (
        _cpu_seconds(resource.RUSAGE_SELF),
        _cpu_seconds(resource.RUSAGE_CHILDREN),
    )
    start = time.perf_counter()
    export(result, out)
    exported = time.perf_counter() - start
    return {
        "documents": result.documents,
        "errors": len(result.errors),
        "rows": len(result.records),
        "seconds": parsed,
        "export_seconds": exported,
        "export_mb": Path(out).stat().st_size / 1e6,
        "parent_mb": _peak_mb(resource.RUSAGE_SELF),
        "worker_mb": _peak_mb(resource.RUSAGE_CHILDREN),
        "parent_cpu": parent_cpu,
        "worker_cpu": worker_cpu,
    }


def copies(target: Path, count: int, formats: tuple[str, ...]) -> int:
    """``count`` documents copied round-robin from the consolidation samples into ``target``."""
    sources = sorted(
        p for p in FOLDER.iterdir() if p.suffix in formats and not p.name.startswith("cong-van")
    )
    for n in range(count):
        source = sources[n % len(sources)]
        copy = target / f"{n:04d}-{source.name}"
        if source.suffix == ".txt":  # a unit of its own: a province of many communes
            text = source.read_text(encoding="utf-8")
            copy.write_text(
                text.replace("UBND HUYỆN", f"UBND XÃ {n:04d} HUYỆN", 1), encoding="utf-8"
            )
        else:
            shutil.copyfile(source, copy)
    return len(sources)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--formats", nargs="+", default=[".txt", ".docx", ".pdf", ".xlsx"])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--run", nargs=3, metavar=("FOLDER", "JOBS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        folder, jobs, out = args.run
        print(json.dumps(run(folder, int(jobs), out)))
        return

    with tempfile.TemporaryDirectory(prefix="bench-consolidate-") as tmp:
        folder = Path(tmp, "bao-cao")
        folder.mkdir()
        kinds = copies(folder, args.count, tuple(args.formats))
        print(f"{args.count} documents: copies of {kinds} samples ({' '.join(args.formats)})")
        print(row("processes", "docs/s", "seconds", "CPU s", "parent MB", "worker MB", "xlsx s",
                  widths=WIDTHS))  # fmt: skip
        results = {}
        for jobs in args.jobs:
            out = Path(tmp, f"tong-hop-{jobs}.xlsx")
            done = subprocess.run(
                [sys.executable, __file__, "--run", str(folder), str(jobs), str(out)],
                capture_output=True, text=True, check=True, cwd=Path(__file__).parent,
            )  # fmt: skip
            r = results[jobs] = json.loads(done.stdout.strip().splitlines()[-1])
            cpu = f"{r['parent_cpu']:.0f}" + (f"+{r['worker_cpu']:.0f}" if jobs > 1 else "")
            print(row(jobs, f"{r['documents'] / r['seconds']:.1f}", f"{r['seconds']:.1f}", cpu,
                      f"{r['parent_mb']:.0f}", f"{r['worker_mb']:.0f}" if jobs > 1 else "-",
                      f"{r['export_seconds']:.1f}", widths=WIDTHS))  # fmt: skip
        if 1 in results and len(results) > 1:
            best = max(j for j in results if j > 1)
            print(f"speed-up of {best} processes over 1: "
                  f"{results[1]['seconds'] / results[best]['seconds']:.2f}×")  # fmt: skip
        last = results[max(results)]
        print(f"{last['documents']:.0f} documents consolidated, {last['errors']:.0f} unreadable, "
              f"{last['rows']:.0f} rows; workbook {last['export_mb']:.1f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
