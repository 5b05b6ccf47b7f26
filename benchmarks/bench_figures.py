"""Benchmark of figures.py: linear time on adversarial input, and its cost inside parse().

Run: python benchmarks/bench_figures.py
1. Inputs of 10, 100 and 1,000 kB made of digits, dots, commas, slashes and percent signs
   (random, and repeated patterns that would make a backtracking grammar blow up) — the time
   per kB must stay flat (no catastrophic backtracking).
2. appendixparse.parse on the real appendix with and without figure extraction (the latter
   with pipeline.extract_figures replaced by a function returning []; checks run in both):
   docs/s, and the share figure extraction adds: extract_figures alone over the document's
   notes and targets, against parse() without figure extraction (must stay under 20%).
3. Peak memory of extract_figures on the 1,000 kB input (tracemalloc).
"""

from __future__ import annotations

import gc
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from appendixparse import parse, pipeline
from appendixparse.figures import extract_figures

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "samples" / "appendix-quang-tri-district-2023.txt"
SIZES_KB = (10, 100, 1000)


def _random(alphabet: str) -> Callable[[int], str]:
    def make(n: int) -> str:
        rng = random.Random(n)
        return "".join(rng.choice(alphabet) for _ in range(n))

    return make


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


INPUTS: dict[str, Callable[[int], str]] = {
    "random 0-9 . , / %": _random("0123456789.,/%"),
    "random 0-9 . , / % space": _random("0123456789.,/% "),
    '"1.1.1.1…"': _repeat("1."),
    '"1/1/1/1…"': _repeat("1/"),
    '"1,1,1,1…"': _repeat("1,"),
    '"11111…"': _repeat("1"),
    '"1 / 1 / 1…"': _repeat("1 / "),
    '"tối thiểu 30%, …"': _repeat("tối thiểu 30%, "),
    '"từ 1 - 1 - 1…"': _repeat("từ 1 - "),
    '"a.b.c.…" (domain-like)': _repeat("a1."),
}


def _best_of(fn: Callable[[], object], repeat: int) -> float:
    """The best time of ``repeat`` calls, with the cyclic garbage collector off while timing
    (its full collections grow with the number of live objects, not with the grammar)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)


def linearity() -> None:
    print("1. Linear time: best seconds (and µs per kB) by input size, garbage collector off")
    print(f"   {'input':<28}" + "".join(f"{s:>8} kB        " for s in SIZES_KB) + "1000/10 per kB")
    for name, make in INPUTS.items():
        row, per_kb = [], []
        for size in SIZES_KB:
            text = make(size * 1024)
            seconds = _best_of(lambda t=text: extract_figures(t), 3 if size < 1000 else 2)
            per_kb.append(seconds / size * 1e6)
            row.append(f"{seconds:9.4f}s ({per_kb[-1]:5.0f})")
        print(f"   {name:<28}" + " ".join(row) + f"   {per_kb[-1] / per_kb[0]:5.2f}x")


def _no_figures(text: str, *, field: str = "notes") -> list:
    return []


def overhead(runs: int = 40) -> None:
    print(f"\n2. parse() on {REAL.name} ({REAL.stat().st_size / 1024:.1f} kB), {runs} runs each")
    print("   (with and without figures alternate, so load from other processes hits both alike)")
    parse(REAL)  # warm up: imports, compiled patterns
    real = pipeline.extract_figures
    with_figures, without = [], []
    for _ in range(runs):
        for patched, times in ((False, with_figures), (True, without)):
            pipeline.extract_figures = _no_figures if patched else real  # type: ignore[assignment]
            try:
                gc.collect()
                start = time.perf_counter()
                parse(REAL)
                times.append(time.perf_counter() - start)
            finally:
                pipeline.extract_figures = real
    pair_ratios = sorted(w / wo for w, wo in zip(with_figures, without, strict=True))
    with_figures.sort()
    without.sort()
    for label, times in (("with figures", with_figures), ("without figures", without)):
        med = statistics.median(times)
        print(
            f"   {label:<16} best {times[0] * 1e3:7.2f} ms  median {med * 1e3:7.2f} ms"
            f"  {1 / med:7.1f} docs/s"
        )
    added_best = with_figures[0] / without[0] - 1
    added_median = statistics.median(with_figures) / statistics.median(without) - 1
    report = parse(REAL)
    fields = [(r.notes, "notes") for r in report.records]
    fields += [(r.target, "target") for r in report.records]
    figures = sum(len(r.figures) + len(r.target_figures) for r in report.records)
    alone = []
    for _ in range(runs):
        start = time.perf_counter()
        for text, field in fields:
            extract_figures(text, field=field)
        alone.append(time.perf_counter() - start)
    print(
        f"   extract_figures alone: best {min(alone) * 1e3:.2f} ms for {len(fields)} fields,"
        f" {figures} figures"
    )
    print(
        f"   extract_figures alone is {min(alone) / without[0]:.1%} (best)"
        f" / {statistics.median(alone) / statistics.median(without):.1%} (median)"
        " of parse() without figure extraction"
    )
    print(
        f"   parse() with figures takes {added_best:+.1%} (best) / {added_median:+.1%} (median) /"
        f" {statistics.median(pair_ratios) - 1:+.1%} (median of back-to-back pairs) longer"
    )


def memory() -> None:
    text = INPUTS["random 0-9 . , / % space"](1000 * 1024)
    tracemalloc.start()
    found = extract_figures(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\n3. Peak memory on 1,000 kB: {peak / 2**20:.1f} MiB ({len(found)} figures found)")


if __name__ == "__main__":
    linearity()
    overhead()
    memory()
    sys.exit(0)
