"""Benchmark the Excel reader against openpyxl's read-only reading, paired in one process.

The baseline is openpyxl's cheapest full read: ``load_workbook(read_only=True, data_only=True)``
and every sheet's ``iter_rows(values_only=True)``. Ours is ``read_xlsx`` (merged ranges, hidden
rows and columns, number formats, legacy fonts). The ratios are medians of paired, interleaved
timings (ours / baseline) over the workbook samples; the aim is 1.3x or less. Then docs/s and
peak memory per workbook, for ``parse`` too, and on a large generated workbook, with openpyxl's
normal (not read-only) mode for comparison: it exposes merged cells and hidden rows directly.

    python benchmarks/bench_xlsx.py            # the samples, and a large generated workbook
    python benchmarks/bench_xlsx.py --rows 20000
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import openpyxl
from common import paired_ratios

from appendixparse import parse
from appendixparse.readers.xlsx import read_xlsx

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def large_workbook(rows: int) -> bytes:
    """An appendix-like sheet: a header, a section every 20 rows (merged), four columns."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Các mục tiêu cụ thể", "Đánh giá mức độ hoàn thành", "Thực trạng/Giải pháp"])
    for i in range(rows):
        if i % 20 == 0:
            ws.append([f"S{i // 20}", "CẢI CÁCH HÀNH CHÍNH"])
            ws.merge_cells(start_row=ws.max_row, start_column=2, end_row=ws.max_row, end_column=4)
        ws.append(
            [
                i % 20 + 1,
                f"Tỷ lệ hồ sơ TTHC số {i} được giải quyết đúng hạn đạt từ 99% trở lên",
                "Đang thực hiện" if i % 3 else "Đã hoàn thành",
                "- Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,6%.\n- Không có hồ sơ quá hạn.",
            ]
        )
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def normal_mode(data: bytes) -> int:
    """openpyxl's normal mode: load every cell object, then read values and formats."""
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    count = 0
    for ws in wb.worksheets:
        _ = ws.merged_cells.ranges
        for cell in ws._cells.values():
            _ = (cell.value, cell.number_format, cell.font.name)
            count += 1
    return count


def read_only_mode(data: bytes) -> int:
    """openpyxl's read-only mode: load the workbook, iterate every sheet's values."""
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    count = 0
    for ws in wb.worksheets:
        for values in ws.iter_rows(values_only=True):
            count += len(values)
    wb.close()
    return count


def ours_reader(data: bytes) -> int:
    return len(read_xlsx(data, "bench.xlsx").blocks)


def measure(name: str, fn: Callable[[bytes], object], data: bytes, seconds: float = 2.0) -> None:
    """Print runs per second and the peak traced memory of one run."""
    fn(data)  # warm up imports and caches
    runs, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds or runs < 3:
        fn(data)
        runs += 1
    elapsed = time.perf_counter() - start
    tracemalloc.start()
    fn(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{name:58s} {runs / elapsed:8.1f} docs/s  {1000 * elapsed / runs:8.1f} ms/doc  "
        f"peak {peak / 2**20:6.1f} MiB  ({len(data) // 1024} KiB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000, help="rows of the large workbook")
    args = parser.parse_args()
    files = sorted(SAMPLES.rglob("*.xlsx"))
    datas = [p.read_bytes() for p in files]
    total, per_file = paired_ratios(ours_reader, read_only_mode, datas, rounds=25)
    print(f"workbook samples ({len(files)}), read_xlsx / openpyxl read-only load and iteration, "
          f"median paired ratio: {total:.2f}x")  # fmt: skip
    for index, path in enumerate(files):
        print(f"  {path.name:50s} {per_file[index]:.2f}x")
    big = large_workbook(2000)
    total, _ = paired_ratios(ours_reader, read_only_mode, [big], rounds=7)
    print(f"a generated 2000-row workbook: {total:.2f}x\n")
    for path in files:
        data = path.read_bytes()
        measure(f"parse {path.name}", lambda d, p=path: parse(d), data)
        measure(f"read_xlsx {path.name}", lambda d: read_xlsx(d, "x.xlsx"), data)
        measure(f"openpyxl normal mode {path.name}", normal_mode, data)
    data = large_workbook(args.rows)
    label = f"{args.rows} rows"
    measure(f"parse large ({label})", lambda d: parse(d), data, seconds=5)
    measure(f"read_xlsx large ({label})", lambda d: read_xlsx(d, "x.xlsx"), data, seconds=5)
    measure(f"openpyxl normal mode large ({label})", normal_mode, data, seconds=5)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"max resident set size of the whole run: {rss / 1024:.0f} MiB", file=sys.stderr)


if __name__ == "__main__":
    main()
