"""PDF benchmark on the PDF samples: speed against pdfplumber's bare table extraction, and how
many records come out whole from pdfplumber's (and camelot's) tables against ours.

    python benchmarks/bench_pdf.py [--repeat 5] [--no-camelot]

(a) time: ``appendixparse.parse`` (the whole pipeline) against ``page.extract_tables()`` over
    the same pages (pdfplumber's defaults), best CPU time of ``--repeat`` runs per document;
(b) whole records: a record is whole when one row holds its STT, target, status and notes
    exactly as the document has them (the golden file says what they are). pdfplumber's and
    camelot's tables are page by page: a row broken by a page break is not whole there.
Prints docs/s and peak memory (tracemalloc, one parse of each document).
"""

from __future__ import annotations

import argparse
import io
import sys
import time
import tracemalloc
from pathlib import Path

import appendixparse
from appendixparse.text.cleaning import clean

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(ROOT / "tests"))
from golden import GOLDEN, has_golden, load_golden  # noqa: E402  (the tests' golden reader)


def samples() -> list[Path]:
    return sorted(p for p in SAMPLES.glob("*.pdf") if has_golden(p.name))


def expected_records(path: Path) -> list[dict]:
    return load_golden(GOLDEN / f"{path.name}.json")["records"]


def key(stt: str, target: str, status: str, notes: str) -> tuple[str, str, str, str]:
    return (clean(stt).rstrip("."), clean(target), clean(status), clean(notes))


def whole_in_rows(rows: list[list[str | None]], expected: list[dict]) -> int:
    """Expected records found whole in one row of (STT, target, status, notes) cells."""
    seen = {key(*[(c or "") for c in row[:4]]) for row in rows if len(row) >= 4}
    return sum(key(r["stt"], r["target"], r["status_raw"], r["notes"]) in seen for r in expected)


def whole_in_report(report: appendixparse.Report, expected: list[dict]) -> int:
    got = {(r.id, *key(r.stt, r.target, r.status_raw, r.notes)) for r in report.records}
    return sum(
        (r["id"], *key(r["stt"], r["target"], r["status_raw"], r["notes"])) in got for r in expected
    )


def bare_tables(data: bytes) -> list[list[list[str | None]]]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [t for page in pdf.pages for t in page.extract_tables()]


def camelot_rows(path: Path) -> list[list[str]] | None:
    try:
        import camelot
    except ImportError:
        return None
    tables = camelot.read_pdf(str(path), pages="all", flavor="lattice")
    return [list(row) for t in tables for row in t.df.itertuples(index=False)]


def best(fn, repeat: int) -> float:
    """The best CPU time of ``repeat`` runs (CPU time: steadier than wall time on a shared
    machine; the work is single-threaded, so both agree on an idle one)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-camelot", action="store_true")
    args = parser.parse_args(argv)
    paths = samples()
    if not paths:
        raise SystemExit("no PDF samples: run samples/make_samples.py pdf")

    print("CPU seconds, best of", args.repeat, "- bare: pdfplumber page.extract_tables();", end=" ")
    print("ours: appendixparse.parse (reader, layout, records, figures, checks)")
    print(f"{'sample':52} {'pages':>5} {'bare s':>7} {'ours s':>7} {'ratio':>5}")
    total_bare = total_ours = 0.0
    pages_total = 0
    for path in paths:
        data = path.read_bytes()
        bare = best(lambda data=data: bare_tables(data), args.repeat)
        ours = best(lambda data=data: appendixparse.parse(data), args.repeat)
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
        pages_total += pages
        total_bare += bare
        total_ours += ours
        print(f"{path.name:52} {pages:5d} {bare:7.3f} {ours:7.3f} {ours / bare:5.2f}")
    print(
        f"{'all':52} {pages_total:5d} {total_bare:7.3f} {total_ours:7.3f} "
        f"{total_ours / total_bare:5.2f}"
    )
    print(
        f"docs/s: ours {len(paths) / total_ours:.2f} ({pages_total / total_ours:.1f} pages/s), "
        f"bare extract_tables {len(paths) / total_bare:.2f}"
    )

    print()
    use_camelot = not args.no_camelot
    head = f"{'sample':52} {'records':>7} {'pdfplumber':>10} {'camelot':>8} {'ours':>5}"
    print("whole records (STT, target, status and notes in one row):")
    print(head)
    sums = [0, 0, 0, 0]
    camelot_missing = False
    for path in paths:
        data = path.read_bytes()
        expected = expected_records(path)
        plumber = whole_in_rows([row for t in bare_tables(data) for row in t], expected)
        rows = camelot_rows(path) if use_camelot else None
        camelot_missing = camelot_missing or (use_camelot and rows is None)
        cam = whole_in_rows(rows, expected) if rows is not None else None
        ours = whole_in_report(appendixparse.parse(data), expected)
        sums[0] += len(expected)
        sums[1] += plumber
        sums[2] += cam or 0
        sums[3] += ours
        cam_text = "-" if cam is None else str(cam)
        print(f"{path.name:52} {len(expected):7d} {plumber:10d} {cam_text:>8} {ours:5d}")
    cam_total = "-" if camelot_missing or not use_camelot else str(sums[2])
    print(f"{'all':52} {sums[0]:7d} {sums[1]:10d} {cam_total:>8} {sums[3]:5d}")
    if camelot_missing:
        print("camelot is not installed (pip install -e '.[benchmark]'): its column is empty")

    tracemalloc.start()
    peak = 0
    for path in paths:
        tracemalloc.reset_peak()
        appendixparse.parse(path)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
    tracemalloc.stop()
    print(f"\npeak memory (tracemalloc, largest one document): {peak / 2**20:.1f} MiB")
    try:
        import resource

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"max RSS of the process: {rss / 1024:.0f} MiB")
    except ImportError:  # not on Windows
        pass


if __name__ == "__main__":
    main(sys.argv[1:])
