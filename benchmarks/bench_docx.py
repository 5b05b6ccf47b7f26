"""DOCX reader against python-docx's bare reading of the same files, paired in one process.

The baseline is what any python-docx user would write to get the table text out:
``Document(...)`` and every cell's ``.text`` (``for table in doc.tables: for row in table.rows:
for cell in row.cells: cell.text``). Ours is the reader alone (``read_docx``: tables, merges,
tracked changes, numbering, legacy fonts), with the style sheets kept across files as in a
batch, and again with each file's styles parsed afresh (a cold cache). The ratios are medians
of paired, interleaved timings (ours / baseline); the aim is 1.0x or less. Then the whole
``appendixparse.parse`` per file, and peak memory.

    python benchmarks/bench_docx.py            # the samples, and ../shared/real/*.docx if there
"""

from __future__ import annotations

import io
import os
import resource
from pathlib import Path

from common import ROOT, SAMPLES, paired_ratios, peak_memory_mb, rate, row

import appendixparse
from appendixparse.readers.docx import StyleCache, read_docx

SHARED = Path(os.environ.get("APPENDIXPARSE_SHARED") or ROOT.parent / "shared")


def python_docx_bare(data: bytes) -> int:
    """python-docx: open the document and read every cell's text."""
    import docx

    document = docx.Document(io.BytesIO(data))
    chars = 0
    for table in document.tables:
        for table_row in table.rows:
            for cell in table_row.cells:
                chars += len(cell.text)
    return chars


def ours_reader(data: bytes) -> int:
    return len(read_docx(data, "bench.docx").blocks)


def ours_cold(data: bytes) -> int:
    return len(read_docx(data, "bench.docx", styles=StyleCache(1)).blocks)


def ours_parse(data: bytes) -> int:
    try:
        return len(appendixparse.parse(data, format="docx").records)
    except appendixparse.NoAssessmentTableError:
        return 0


def main() -> None:
    samples = sorted(SAMPLES.glob("*.docx"))
    real = sorted((SHARED / "real").glob("*.docx")) if (SHARED / "real").is_dir() else []
    for label, files in (("samples", samples), ("real files", real)):
        if not files:
            continue
        datas = [p.read_bytes() for p in files]
        warm, per_file = paired_ratios(ours_reader, python_docx_bare, datas)
        cold, _ = paired_ratios(ours_cold, python_docx_bare, datas)
        print(f"\n{label} ({len(files)} files), read_docx / python-docx bare, median paired ratio:")
        print(f"  style sheets kept across files: {warm:.2f}x;  each file's parsed afresh: "
              f"{cold:.2f}x")  # fmt: skip
        print(row("  docx file", "read/bare", "parse docs/s", "peak MB", widths=(48, 11, 14, 9)))
        for index, path in enumerate(files):
            data = datas[index]
            print(
                row(
                    f"  {path.name[:44]}",
                    f"{per_file[index]:.2f}x",
                    f"{rate(lambda d=data: ours_parse(d), min_seconds=0.3):.1f}",
                    f"{peak_memory_mb(lambda d=data: ours_parse(d)):.1f}",
                    widths=(48, 11, 14, 9),
                )
            )
        theirs = peak_memory_mb(lambda d=datas: [python_docx_bare(x) for x in d])
        ours = peak_memory_mb(lambda d=datas: [ours_parse(x) for x in d])
        print(f"  peak Python memory (tracemalloc, all files in turn): python-docx {theirs:.1f} MB,"
              f" parse {ours:.1f} MB")  # fmt: skip
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS (lxml's C memory included): {rss:.0f} MB")


if __name__ == "__main__":
    main()
