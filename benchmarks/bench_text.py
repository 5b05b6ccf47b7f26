"""Text pipeline: docs/s, the stages' shares of a parse, start-up, and `-X importtime`'s top ten.

    python benchmarks/bench_text.py [seconds]

1. docs/s and peak memory of ``parse`` on every text sample.
2. The real appendix, paired in one process (the variants alternate, so load from other
   processes hits all alike; medians of per-round times, CPU time of this process):
   - the whole parse, with the memos (the checks' word bags and lowered fields, cleaned and
     folded cells) kept (a batch meets the same targets again and again) and cleared before
     every parse (every document new);
   - the shares of the whole parse: reading, layout and records, figure extraction (the
     figures issue's aim, measured against the whole parse), and the checks.
3. Start-up: ``import appendixparse`` and ``appendixparse parse`` on the real appendix in a
   fresh process (best of several runs, wall and CPU), as this shell runs Python and with a
   bytecode cache (what an installed package has: with ``PYTHONDONTWRITEBYTECODE`` set and no
   ``__pycache__`` beside the sources, every run compiles the package's modules again), and
   `-X importtime`'s ten modules of the largest own time in that parse (the smallest of five
   runs each).
"""

from __future__ import annotations

import gc
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

from common import SAMPLES, peak_memory_mb, rate, row

import appendixparse
from appendixparse import pipeline
from appendixparse.checks import clauses, wording
from appendixparse.checks import measure as measure_module
from appendixparse.checks.flags import run_checks
from appendixparse.options import DEFAULT_OPTIONS
from appendixparse.readers import read
from appendixparse.table import indicators as indicators_module
from appendixparse.table.layout import find_layout
from appendixparse.table.records import build_records
from appendixparse.text import cleaning
from appendixparse.text import figures as figures_module
from appendixparse.text.figures import extract_figures

REAL = SAMPLES / "appendix-quang-tri-district-2023.txt"


def fresh_seconds(
    args: list[str], runs: int = 7, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Best wall time and best CPU time of ``python args`` run as a fresh process."""
    best_wall = best_cpu = float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], check=True, capture_output=True, env=env)
        best_wall = min(best_wall, time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_cpu = min(best_cpu, cpu)
    return best_wall, best_cpu


def cached_bytecode(folder: str) -> dict[str, str]:
    """The environment with bytecode written to and read from ``folder`` (the sources' own
    folders untouched), as an installed package has it."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": folder}


def import_top_ten(
    args: list[str], runs: int = 5, env: dict[str, str] | None = None
) -> list[tuple[str, float, float]]:
    """(module, own ms, cumulative ms) of the ten modules ``python args`` spends the most own
    import time in, each the smallest of ``runs`` fresh processes."""
    own: dict[str, float] = {}
    cumulative: dict[str, float] = {}
    line = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|\s*(\S+)")
    for _ in range(runs):
        err = subprocess.run(
            [sys.executable, "-X", "importtime", *args],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stderr
        for m in line.finditer(err):
            name = m.group(3)
            own[name] = min(own.get(name, float("inf")), int(m.group(1)) / 1000)
            cumulative[name] = min(cumulative.get(name, float("inf")), int(m.group(2)) / 1000)
    top = sorted(own, key=lambda n: -own[n])[:10]
    return [(n, own[n], cumulative[n]) for n in top]


def _cpu(function: Callable[[], object]) -> float:
    start = time.process_time()
    function()
    return time.process_time() - start


def paired(variants: dict[str, Callable[[], object]], seconds: float) -> dict[str, float]:
    """Median CPU seconds of each variant, the variants run in turn until ``seconds`` pass."""
    for function in variants.values():
        function()  # warm up: imports, compiled patterns, schemas
    times: dict[str, list[float]] = {name: [] for name in variants}
    end = time.perf_counter() + seconds
    gc.collect()
    while time.perf_counter() < end or min(len(t) for t in times.values()) < 20:
        for name, function in variants.items():
            times[name].append(_cpu(function))
    return {name: statistics.median(ts) for name, ts in times.items()}


def main(seconds: float = 10.0) -> None:
    print("1. Text samples")
    print(row("text sample", "docs/s", "peak MB"))
    for path in sorted(SAMPLES.glob("*.txt")):
        print(
            row(
                path.name[:42],
                f"{rate(lambda p=path: appendixparse.parse(p)):.1f}",
                f"{peak_memory_mb(lambda p=path: appendixparse.parse(p)):.1f}",
            )
        )

    print(f"\n2. {REAL.name}, paired in one process, medians of CPU time")
    data = REAL.read_bytes()
    grid, _ = read(data, str(REAL), None, DEFAULT_OPTIONS)
    layout = find_layout(grid, str(REAL))
    report = appendixparse.parse(REAL)
    fields = [(r.notes, "notes") for r in report.records]
    fields += [(r.target, "target") for r in report.records]

    def forget() -> None:
        measure_module._bag.cache_clear()
        measure_module._parts.cache_clear()
        measure_module._direction_of.cache_clear()
        wording._ratio_words.cache_clear()
        wording._percent_words.cache_clear()
        indicators_module.indicator_role.cache_clear()
        figures_module._target_candidates.cache_clear()
        cleaning.clean.cache_clear()
        cleaning.fold.cache_clear()
        clauses.lower.cache_clear()

    def distinct() -> None:
        forget()
        appendixparse.parse(REAL)

    def checks() -> None:
        forget()
        run_checks(report)

    times = paired(
        {
            "parse": lambda: appendixparse.parse(REAL),
            "parse, every document new": distinct,
            "reading (bytes to grid)": lambda: read(data, str(REAL), None, DEFAULT_OPTIONS),
            "layout and records": lambda: build_records(find_layout(grid, str(REAL))),
            "figure extraction": lambda: [extract_figures(t, field=f) for t, f in fields],
            "checks (run_checks)": checks,
            "records alone (build_records)": lambda: build_records(layout),
        },
        seconds,
    )
    whole = times["parse, every document new"]
    for name, value in times.items():
        share = "" if name.startswith("parse") else f"{value / whole:6.1%} of a parse"
        print(f"   {name:<32} {value * 1e3:7.2f} ms {1 / value:8.1f} /s   {share}")
    print(
        f"   figure extraction is {times['figure extraction'] / whole:.1%} of the whole parse "
        f"(the figures issue's aim, measured against the whole parse: under 20%)"
    )
    assert pipeline.extract_figures is extract_figures  # nothing patched

    print("\n3. Start-up (fresh processes; best of 7)")
    probe = "import sys, appendixparse; print('pandas' in sys.modules)"
    imported = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    print(f"   pandas imported by `import appendixparse`: {imported}")
    command = ["-m", "appendixparse.cli", "parse", str(REAL)]
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as folder:
        cached = cached_bytecode(folder)
        subprocess.run([sys.executable, *command], check=True, capture_output=True, env=cached)
        print(f"   {'':<38} {'as run':>23}   {'bytecode cached':>23}")
        for label, args in (
            ("python -c pass", ["-c", "pass"]),
            ("import pydantic.main (BaseModel)", ["-c", "import pydantic.main"]),
            ("import appendixparse.models", ["-c", "import appendixparse.models"]),
            ("import appendixparse", ["-c", "import appendixparse"]),
            ("appendixparse parse <real .txt>", command),
        ):
            wall, cpu = fresh_seconds(args)
            cached_wall, cached_cpu = fresh_seconds(args, env=cached)
            print(
                f"   {label:<38} {wall:.3f} s wall {cpu:.3f} CPU"
                f"   {cached_wall:.3f} s wall {cached_cpu:.3f} CPU"
            )
        print(
            "\n   `python -X importtime -m appendixparse.cli parse <real .txt>` (bytecode cached),"
        )
        print("   top ten by own time (ms):")
        for name, own, cumulative in import_top_ten(command, env=cached):
            print(f"   {own:8.1f} own {cumulative:8.1f} cumulative  {name}")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 10.0)
