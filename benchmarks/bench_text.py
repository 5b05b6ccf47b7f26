"""Text reader: docs/s and peak memory on the text samples; CLI start-up with and without pandas."""

from __future__ import annotations

import resource
import subprocess
import sys
import time

from common import SAMPLES, peak_memory_mb, rate, row

import appendixparse


def cli_seconds(args: list[str], runs: int = 5) -> tuple[float, float]:
    """Best wall time and best CPU time of ``appendixparse`` run as a fresh process."""
    best_wall = best_cpu = float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "appendixparse.cli", *args],
            check=True,
            capture_output=True,
        )
        best_wall = min(best_wall, time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_cpu = min(best_cpu, cpu)
    return best_wall, best_cpu


def main() -> None:
    files = sorted(SAMPLES.glob("*.txt"))
    print(row("text sample", "docs/s", "peak MB"))
    for path in files:
        print(
            row(
                path.name[:42],
                f"{rate(lambda p=path: appendixparse.parse(p)):.1f}",
                f"{peak_memory_mb(lambda p=path: appendixparse.parse(p)):.1f}",
            )
        )
    real = SAMPLES / "appendix-quang-tri-district-2023.txt"
    probe = "import sys, appendixparse; print('pandas' in sys.modules)"
    imported = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    print(f"\npandas imported by `import appendixparse`: {imported}")
    wall, cpu = cli_seconds(["parse", str(real)])
    print(
        f"`appendixparse parse` on the real appendix, fresh process: {wall:.3f} s wall, "
        f"{cpu:.3f} s CPU"
    )
    no_pandas = rate(lambda: appendixparse.parse(real))
    import pandas  # noqa: F401  (what a notebook user has loaded already)

    with_pandas = rate(lambda: appendixparse.parse(real))
    print(
        f"in-process parse of the real appendix: {no_pandas:.1f} docs/s before importing "
        f"pandas, {with_pandas:.1f} docs/s after"
    )


if __name__ == "__main__":
    main()
