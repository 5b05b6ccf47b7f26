"""OCR benchmark: scans made from the real appendix's PDF forms, read against their twins.

    python benchmarks/bench_ocr.py [--forms base,unruled,...] [--rounds N]

For each form and each scan — 200 and 150 dpi, clean and degraded (±1.5° turn, blur, noise,
JPEG q75; tests/scans.py makes them) — prints the CPU seconds per page of the whole parse
(single-threaded: OMP_THREAD_LIMIT=1), the character accuracy of the records' target, status
and notes against the text-layer twin (1 - edit distance / length, over the records both
read), rows, statuses and figures read alike, error flags the twin does not raise, and the
peak resident memory of the process. Then the whole base scan read with its pages on one
process and on two (``Options.ocr_jobs``), wall time, paired.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import appendixparse  # noqa: E402
from appendixparse.models import Report  # noqa: E402
from scans import compare, make_scan  # noqa: E402

FORMS = {
    "base": "appendix-quang-tri-district-2023.pdf",
    "unruled": "appendix-quang-tri-district-2023-unruled.pdf",
    "landscape": "appendix-quang-tri-district-2023-landscape.pdf",
    "justified-narrow": "appendix-quang-tri-district-2023-justified-narrow.pdf",
    "justified-borderless": "appendix-quang-tri-district-2023-justified-borderless.pdf",
}
SCANS = [(200, False), (200, True), (150, False), (150, True)]


def char_accuracy(scan: Report, twin: Report) -> float:
    """1 - (edit distance / characters) over the text fields of the records both read."""
    from rapidfuzz.distance import Levenshtein

    by_id = {r.id: r for r in scan.records}
    errors = total = 0
    for record in twin.records:
        other = by_id.get(record.id)
        for name in ("target", "status_raw", "notes"):
            want = getattr(record, name)
            got = getattr(other, name) if other else ""
            errors += Levenshtein.distance(want, got)
            total += len(want)
    return 1 - errors / max(total, 1)


def main() -> None:
    import pypdfium2

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", default=",".join(FORMS))
    parser.add_argument(
        "--rounds", type=int, default=3, help="paired rounds of the 1- and 2-process scan (0: none)"
    )
    args = parser.parse_args()
    print(
        f"{'form':22}{'scan':>14}{'s/page':>8}{'chars':>8}{'rows':>7}{'status':>8}"
        f"{'figures':>10}  new errors"
    )
    for form in args.forms.split(","):
        data = (ROOT / "samples" / FORMS[form]).read_bytes()
        twin = appendixparse.parse(data)
        for dpi, degraded in SCANS:
            scan = make_scan(data, dpi=dpi, degraded=degraded)
            start = time.process_time()
            report = appendixparse.parse(scan, options={"ocr_dpi": 200})
            cpu = time.process_time() - start
            pages = len(report.records) and max((r.location.page or 0) for r in report.records)

            pages = len(pypdfium2.PdfDocument(scan))
            result = compare(report, twin)
            label = f"{dpi} dpi {'degraded' if degraded else 'clean'}"
            print(
                f"{form:22}{label:>14}{cpu / pages:8.2f}{char_accuracy(report, twin):8.3f}"
                f"{result.rows:>4}/{result.twin_rows:<3}{result.statuses:>5}/{result.twin_rows:<3}"
                f"{result.figures:>5}/{result.twin_figures:<4}  "
                f"{', '.join(f'{c} {r}' for c, r in result.extra_errors) or '-'}",
                flush=True,
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MB")
    if args.rounds:
        _parallel_pages(args.rounds)


def _parallel_pages(rounds: int) -> None:
    """Wall time of a whole scan read on one process and on two (Options.ocr_jobs), paired and
    interleaved: the median of the per-round ratios."""
    import statistics

    scan = make_scan((ROOT / "samples" / FORMS["base"]).read_bytes(), dpi=200)
    ratios = []
    for _ in range(rounds):
        walls = []
        for jobs in (1, 2):
            start = time.perf_counter()
            appendixparse.parse(scan, options={"ocr_jobs": jobs})
            walls.append(time.perf_counter() - start)
        ratios.append(walls[0] / walls[1])
        print(f"  whole scan: {walls[0]:.2f} s on one process, {walls[1]:.2f} s on two", flush=True)
    print(f"pages on two processes: {statistics.median(ratios):.2f}x faster (median of {rounds})")


if __name__ == "__main__":
    main()
