"""Benchmark of figures.py: linear time on adversarial input, and its cost inside parse().

Run: python benchmarks/bench_figures.py
1. Inputs of 10, 100 and 1,000 kB made of digits, dots, commas, slashes and percent signs
   (random, and repeated patterns that would make a backtracking grammar blow up) — the time
   per kB must stay flat (no catastrophic backtracking).
2. appendixparse.parse on the real appendix with and without figure extraction and checks
   (pipeline.extract_figures and pipeline.run_checks replaced by functions returning []):
   docs/s, and what figure extraction adds: extract_figures alone over the document's notes
   and targets, against the reader-to-records pipeline (the issue's aim: under 20%), with the
   two costs no grammar can avoid, finding the number tokens and building the Figures.
3. Peak memory of extract_figures on the 1,000 kB input (tracemalloc).
"""

from __future__ import annotations

import gc
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from appendixparse import parse, pipeline
from appendixparse.text.figures import _TOKEN, _figure_list, extract_figures

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


def _no_checks(report: object) -> list:
    return []


def _timed_parse(figures: bool, checks: bool) -> float:
    pipeline.extract_figures = extract_figures if figures else _no_figures  # type: ignore[assignment]
    pipeline.run_checks = REAL_CHECKS if checks else _no_checks  # type: ignore[assignment]
    try:
        gc.collect()
        start = time.perf_counter()
        parse(REAL)
        return time.perf_counter() - start
    finally:
        pipeline.extract_figures = extract_figures
        pipeline.run_checks = REAL_CHECKS


REAL_CHECKS = pipeline.run_checks


def overhead(runs: int = 60) -> None:
    print(f"\n2. parse() on {REAL.name} ({REAL.stat().st_size / 1024:.1f} kB), {runs} runs each")
    print("   (the variants alternate, so load from other processes hits all alike; best times)")
    parse(REAL)  # warm up: imports, compiled patterns
    variants = {
        "reader to records (no figures, no checks)": (False, False),
        "with figures, no checks": (True, False),
        "with checks, no figures": (False, True),
        "whole parse (figures and checks)": (True, True),
    }
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, (figures, checks) in variants.items():
            times[name].append(_timed_parse(figures, checks))
    best = {name: min(ts) for name, ts in times.items()}
    for name, seconds in best.items():
        print(f"   {name:<42} {seconds * 1e3:7.2f} ms  {1 / seconds:7.1f} docs/s")

    report = parse(REAL)
    fields = [(r.notes, "notes") for r in report.records]
    fields += [(r.target, "target") for r in report.records]
    figures = [f for r in report.records for f in (*r.figures, *r.target_figures)]
    alone = _best_of(lambda: [extract_figures(t, field=f) for t, f in fields], runs)
    scan = _best_of(lambda: [list(_TOKEN.finditer(t)) for t, _ in fields], runs)
    dumped = [[f.model_dump() for f in found] for found in (r.figures for r in report.records)]
    dumped += [[f.model_dump() for f in r.target_figures] for r in report.records]
    build = _best_of(lambda: [_figure_list().validate_python(d) for d in dumped if d], runs)
    base = best["reader to records (no figures, no checks)"]
    print(
        f"   extract_figures alone: {alone * 1e3:.2f} ms for {len(fields)} fields,"
        f" {len(figures)} figures; of it, finding the number tokens {scan * 1e3:.2f} ms"
        f" and building the pydantic Figures {build * 1e3:.2f} ms"
    )
    print(
        f"   figure extraction adds {alone / base:.1%} to reader-to-records"
        f" ({(best['with figures, no checks'] / base - 1):+.1%} measured end to end);"
        f" it is {alone / best['whole parse (figures and checks)']:.1%} of the whole parse"
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
