"""The composer's benchmark: random documents from fixed seeds, the share read exactly.

    python benchmarks/bench_compose.py --count 2000 [--start 0] [--show 5] [--axis format=csv]

A document is read exactly when its records (ids, targets, notes, extra), statuses, notes
figures, summary, unit, period and sections equal the spec's gold, nothing is left unparsed,
and its flags are exactly those the spec plants. Prints the share by axis value, so that a
weak axis shows, and the first failures of each part.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from common import SAMPLES

sys.path.insert(0, str(SAMPLES))

from compose import AXES, compose, differences, random_spec

from appendixparse import parse


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--batch", type=int, default=200, help="documents composed at a time")
    ap.add_argument("--show", type=int, default=3, help="failures shown per part")
    ap.add_argument("--axis", action="append", default=[], help="fix an axis: name=value")
    args = ap.parse_args(argv)
    fixed = dict(a.split("=", 1) for a in args.axis)
    total: Counter[tuple[str, str]] = Counter()
    exact: Counter[tuple[str, str]] = Counter()
    parts: Counter[str] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    ok = 0
    started = time.perf_counter()
    seeds = list(range(args.start, args.start + args.count))
    for at in range(0, len(seeds), args.batch):
        specs = [random_spec(s, **fixed) for s in seeds[at : at + args.batch]]
        with tempfile.TemporaryDirectory(prefix="bench-compose-") as tmp:
            for doc, path in compose(specs, Path(tmp)):
                try:
                    diffs = differences(parse(path), doc.gold)
                except Exception as exc:  # a refused document is a failure like any other
                    diffs = {"error": [f"{type(exc).__name__}: {exc}"]}
                for axis, value in doc.spec.axes().items():
                    total[axis, value] += 1
                    exact[axis, value] += not diffs
                ok += not diffs
                for part, lines in diffs.items():
                    parts[part] += 1
                    if len(shown[part]) < args.show:
                        shown[part].append(f"seed {doc.spec.seed}: {lines[0][:300]}")
    seconds = time.perf_counter() - started
    n = len(seeds)
    print(f"read exactly: {ok}/{n} = {ok / n:.2%} ({seconds:.0f} s)")
    print("failed parts: " + ", ".join(f"{p} {c}" for p, c in parts.most_common()) or "none")
    for axis, values in AXES.items():
        cells = [
            f"{v} {exact[axis, v] / total[axis, v]:.1%} ({total[axis, v]})"
            for v in values
            if total[axis, v]
        ]
        print(f"{axis:13} " + "; ".join(cells))
    for part, lines in shown.items():
        print(f"-- {part}")
        for line in lines:
            print("   " + line)
    return 0 if ok == n else 1


if __name__ == "__main__":
    raise SystemExit(main())
