"""DOCX reader: docs/s and peak memory, against python-docx's bare reading of the same files.

The baseline is what any python-docx user would write to get the text out: ``Document(path)``
and every cell's ``.text``. Ours is the reader alone (``read_docx``: tables, merges, tracked
changes, numbering, legacy fonts) and the whole ``appendixparse.parse`` (records, figures,
checks). The ratio compares total time over the same files; the aim is 1.5x or less.

    python benchmarks/bench_docx.py            # the samples, and ../shared/real/*.docx if there
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable
from pathlib import Path

from common import ROOT, SAMPLES, peak_memory_mb, row

import appendixparse
from appendixparse.readers.docx import read_docx

SHARED = Path(os.environ.get("APPENDIXPARSE_SHARED") or ROOT.parent / "shared")


def python_docx_bare(path: Path) -> int:
    """python-docx: open the document and read every paragraph's and every cell's text."""
    import docx

    document = docx.Document(str(path))
    chars = sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        for table_row in table.rows:
            for cell in table_row.cells:
                chars += len(cell.text)
    return chars


def ours_reader(path: Path) -> int:
    grid = read_docx(path.read_bytes(), str(path))
    return len(grid.blocks)


def ours_parse(path: Path) -> int:
    try:
        return len(appendixparse.parse(path).records)
    except appendixparse.NoAssessmentTableError:
        return 0


def total_seconds(function: Callable[[Path], object], files: list[Path], rounds: int) -> float:
    """Best of ``rounds`` passes over all ``files`` (the best resists other load on the machine)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for path in files:
            function(path)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    samples = sorted(SAMPLES.glob("*.docx"))
    real = sorted((SHARED / "real").glob("*.docx")) if (SHARED / "real").is_dir() else []
    print(row("docx file", "ours docs/s", "parse docs/s", "peak MB", widths=(46, 13, 14, 10)))
    for path in samples + real:
        print(
            row(
                path.name[:44],
                f"{1 / total_seconds(ours_reader, [path], 7):.1f}",
                f"{1 / total_seconds(ours_parse, [path], 7):.1f}",
                f"{peak_memory_mb(lambda p=path: ours_parse(p)):.1f}",
                widths=(46, 13, 14, 10),
            )
        )
    for label, files in (("samples", samples), ("real lamdong files", real)):
        if not files:
            continue
        for function in (python_docx_bare, ours_reader, ours_parse):
            function(files[0])  # warm imports
        base = total_seconds(python_docx_bare, files, 5)
        reader = total_seconds(ours_reader, files, 5)
        parse = total_seconds(ours_parse, files, 5)
        print(
            f"\n{label} ({len(files)} files): python-docx bare {len(files) / base:.1f} docs/s; "
            f"read_docx {len(files) / reader:.1f} docs/s ({reader / base:.2f}x the baseline's "
            f"time); parse {len(files) / parse:.1f} docs/s ({parse / base:.2f}x)"
        )
        theirs = peak_memory_mb(lambda f=files: [python_docx_bare(p) for p in f])
        ours = peak_memory_mb(lambda f=files: [ours_parse(p) for p in f])
        print(f"peak Python memory (tracemalloc, all files in turn): python-docx {theirs:.1f} MB, "
              f"parse {ours:.1f} MB")  # fmt: skip
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS (lxml's C memory included): {rss:.0f} MB")


if __name__ == "__main__":
    main()
