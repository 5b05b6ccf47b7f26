"""Precision and recall of figures.extract_figures on the labelled table (tests/figure_cases.py).

Run: python benchmarks/figures_accuracy.py [-v]   (-v lists every phrase that does not match)
A found figure counts as right when kind, value, text, qualifier, unit, numerator and
denominator all equal a labelled one; known failures (FIGURES_XFAIL) are counted too.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from appendixparse.text.figures import extract_figures
from figure_cases import (
    FIGURES_XFAIL,
    NONE_CASES,
    OTHER_CASES,
    REAL_CASES,
    Case,
    score,
)


def measure(cases: list[Case], verbose: bool = False) -> tuple[int, int, int]:
    """(right, found, labelled) figures over ``cases``; print the misses when ``verbose``."""
    right = found = labelled = 0
    for case_id, phrase, expected in cases:
        got = extract_figures(phrase)
        hits = score(got, expected)
        right, found, labelled = right + hits, found + len(got), labelled + len(expected)
        if verbose and not (hits == len(got) == len(expected)):
            print(f"  miss {case_id}: {phrase!r}")
            for f in got:
                print(f"       got  {f.kind} {f.value:g} {f.qualifier} {f.text!r} {f.unit}")
            for e in expected:
                print(f"       want {e.kind} {e.value:g} {e.qualifier} {e.text!r} {e.unit}")
    return right, found, labelled


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def main() -> int:
    verbose = "-v" in sys.argv[1:]
    groups = {
        "real appendix": REAL_CASES,
        "other reports": OTHER_CASES,
        "no figure": NONE_CASES,
        "known failures": FIGURES_XFAIL,
    }
    total = [0, 0, 0]
    heading = f"{'group':<16} {'phrases':>7} {'labelled':>8} {'found':>6} {'right':>6}"
    print(f"{heading}  precision  recall")
    for name, cases in groups.items():
        right, found, labelled = measure(cases, verbose)
        total = [total[0] + right, total[1] + found, total[2] + labelled]
        print(
            f"{name:<16} {len(cases):>7} {labelled:>8} {found:>6} {right:>6}"
            f"  {_ratio(right, found):9.4f}  {_ratio(right, labelled):6.4f}"
        )
    right, found, labelled = total
    phrases = sum(len(c) for c in groups.values())
    precision, recall = _ratio(right, found), _ratio(right, labelled)
    print(
        f"{'all':<16} {phrases:>7} {labelled:>8} {found:>6} {right:>6}"
        f"  {precision:9.4f}  {recall:6.4f}"
    )
    print(f"precision {precision:.4f}  recall {recall:.4f}")
    return 0 if precision >= 0.99 and recall >= 0.99 else 1


if __name__ == "__main__":
    sys.exit(main())
