"""PDF benchmark on the PDF samples: speed of each engine against pdfplumber's bare table
extraction and against pypdfium2's bare text extraction, and how many records come out whole
from pdfplumber's (and camelot's) tables against ours.

    python benchmarks/bench_pdf.py [--repeat 7] [--no-camelot]

(a) time, per document and in total: ``appendixparse.parse`` (the whole pipeline) with the
    pdfium engine and with the pdfplumber engine, against ``page.extract_tables()`` over the
    same pages (pdfplumber's defaults) and against pypdfium2's ``get_text_range()`` of every
    page (the floor: text with no boxes). The four run interleaved, ``--repeat`` rounds in one
    process; each ratio is the median of the rounds' paired ratios (CPU time);
(b) whole records: a record is whole when one row holds its STT, target, status and notes
    exactly as the document has them (the golden file says what they are). pdfplumber's and
    camelot's tables are page by page: a row broken by a page break is not whole there.
Prints peak memory (tracemalloc, one parse of each document, each engine).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import appendixparse
from appendixparse.options import Options
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


def bare_text(data: bytes) -> int:
    """pypdfium2's text of every page: the floor of any reading of the text layer."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        total = 0
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            total += len(textpage.get_text_range())
            textpage.close()
            page.close()
        return total
    finally:
        pdf.close()


_MEMORY_CHILD = """
import sys, tracemalloc
import appendixparse, pdfplumber, pypdfium2  # the imports, before the baseline
from appendixparse.options import Options


def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) / 1024
    return 0.0


data = open(sys.argv[1], "rb").read()
try:
    open("/proc/self/clear_refs", "w").write("5")  # the peak RSS from here on (Linux)
except OSError:
    pass
before = status("VmRSS")
tracemalloc.start()
appendixparse.parse(data, options=Options(pdf_engine=sys.argv[2]))
peak = tracemalloc.get_traced_memory()[1]
print(status("VmHWM"), status("VmHWM") - before, peak / 2**20)
"""


def twelve_pages_memory() -> str:
    """Peak memory of one parse of a 12-page appendix (the 6-page sample twice over), each
    engine in a fresh process: the peak RSS while parsing, its growth over the RSS after the
    imports, and the Python heap's peak (tracemalloc; pdfium's own memory is not in it)."""
    import subprocess
    import tempfile

    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(SAMPLES / "appendix-quang-tri-district-2023.pdf")
    twelve = pdfium.PdfDocument.new()
    twelve.import_pages(source)
    twelve.import_pages(source)
    lines = ["peak memory of one parse of a 12-page appendix, a fresh process each:"]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "twelve.pdf"
        twelve.save(path)
        for engine in ("pdfium", "pdfplumber"):
            out = subprocess.run(
                [sys.executable, "-c", _MEMORY_CHILD, str(path), engine],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            rss, growth, heap = (float(v) for v in out)
            lines.append(
                f"  {engine:10} peak RSS {rss:5.0f} MiB, of which the parse {growth:4.0f} MiB "
                f"(over the imports), Python heap peak {heap:4.1f} MiB"
            )
    return "\n".join(lines)


def cpu(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-camelot", action="store_true")
    args = parser.parse_args(argv)
    paths = samples()
    if not paths:
        raise SystemExit("no PDF samples: run samples/make_samples.py pdf")
    pdfium_options = Options(pdf_engine="pdfium")
    plumber_options = Options(pdf_engine="pdfplumber")
    runs = {
        "pdfium": lambda data: appendixparse.parse(data, options=pdfium_options),
        "plumber": lambda data: appendixparse.parse(data, options=plumber_options),
        "tables": bare_tables,
        "text": bare_text,
    }
    datas = [p.read_bytes() for p in paths]
    times: dict[str, list[list[float]]] = {name: [[] for _ in paths] for name in runs}
    for _ in range(args.repeat):  # interleaved: every round runs everything on every file
        for i, data in enumerate(datas):
            for name, fn in runs.items():
                times[name][i].append(cpu(lambda fn=fn, data=data: fn(data)))

    def ratio(a: str, b: str, i: int | None = None) -> float:
        """The median of the rounds' paired ratios a/b (one file, or all files summed)."""
        if i is not None:
            return statistics.median(x / y for x, y in zip(times[a][i], times[b][i]))
        sums = [
            (
                sum(times[a][f][r] for f in range(len(paths))),
                sum(times[b][f][r] for f in range(len(paths))),
            )
            for r in range(args.repeat)
        ]
        return statistics.median(x / y for x, y in sums)

    print(f"CPU time, {args.repeat} interleaved rounds, medians of paired ratios")
    print("  pdfium / plumber: appendixparse.parse with each engine (reader, layout, records,")
    print("  figures, checks); tables: pdfplumber's bare page.extract_tables(); text: pypdfium2's")
    print("  bare get_text_range() of every page")
    head = (
        f"{'sample':52} {'pages':>5} {'tables s':>8} {'pdfium/tables':>13} {'plumber/tables':>14}"
    )
    print(head + f" {'pdfium/text':>11}")
    pages_total = 0
    for i, path in enumerate(paths):
        import pypdfium2 as pdfium

        pages = len(pdfium.PdfDocument(datas[i]))
        pages_total += pages
        tables_s = statistics.median(times["tables"][i])
        print(
            f"{path.name:52} {pages:5d} {tables_s:8.3f} {ratio('pdfium', 'tables', i):13.2f} "
            f"{ratio('plumber', 'tables', i):14.2f} {ratio('pdfium', 'text', i):11.1f}"
        )
    total_tables = sum(statistics.median(t) for t in times["tables"])
    print(
        f"{'all':52} {pages_total:5d} {total_tables:8.3f} {ratio('pdfium', 'tables'):13.2f} "
        f"{ratio('plumber', 'tables'):14.2f} {ratio('pdfium', 'text'):11.1f}"
    )
    total_ours = sum(statistics.median(t) for t in times["pdfium"])
    print(
        f"docs/s with pdfium: {len(paths) / total_ours:.2f} "
        f"({pages_total / total_ours:.1f} pages/s)"
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
        ours = whole_in_report(appendixparse.parse(data, options=pdfium_options), expected)
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

    print()
    for engine, options in (("pdfium", pdfium_options), ("pdfplumber", plumber_options)):
        tracemalloc.start()
        peak = 0
        for path in paths:
            tracemalloc.reset_peak()
            appendixparse.parse(path, options=options)
            peak = max(peak, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        print(f"peak memory, {engine} (tracemalloc, largest one document): {peak / 2**20:.1f} MiB")
    print(twelve_pages_memory())
    try:
        import resource

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"max RSS of the process: {rss / 1024:.0f} MiB")
    except ImportError:  # not on Windows
        pass


if __name__ == "__main__":
    main(sys.argv[1:])
