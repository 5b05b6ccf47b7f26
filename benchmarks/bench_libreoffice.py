""".doc files in a batch: one LibreOffice start for all of them, against one start per file.

Makes ``--count`` distinct .doc files (variants of the bundled appendix's DOCX, converted to
.doc in one LibreOffice call), then, interleaved over ``--rounds`` rounds:

- batch: ``parse_files`` over all of them (the batch converts them up front, in one start);
- per file: ``parse`` on ``--single`` of them, each conversion starting LibreOffice.

Prints the LibreOffice starts of each batch (counted by a wrapper around ``soffice``), the
seconds per file of both ways, and the median of the rounds' paired ratios.

    python benchmarks/bench_libreoffice.py                # 50 files, 3 of them one by one
    python benchmarks/bench_libreoffice.py --count 20 --rounds 1
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from common import SAMPLES, row

SOURCE = SAMPLES / "appendix-quang-tri-district-2023.docx"
WIDTHS = (8, 10, 16, 16, 10)


def _variant(number: int) -> bytes:
    """The bundled DOCX with its title numbered: distinct bytes, the same appendix."""
    out = io.BytesIO()
    with zipfile.ZipFile(SOURCE) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace("Phụ lục".encode(), f"Phụ lục {number}".encode(), 1)
            z.writestr(item, data)
    return out.getvalue()


def _make_docs(folder: Path, count: int, soffice: str) -> list[str]:
    sources = folder / "docx"
    sources.mkdir()
    for number in range(count):
        (sources / f"don-vi-{number:03d}.docx").write_bytes(_variant(number))
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
         "--convert-to", "doc", "--outdir", str(folder / "doc"),
         *map(str, sorted(sources.glob("*.docx")))],
        capture_output=True, check=True,
    )  # fmt: skip
    return sorted(str(p) for p in (folder / "doc").glob("*.doc"))


def _wrapper(folder: Path, soffice: str) -> tuple[str, Path]:
    """A script that logs each LibreOffice start, then runs the real one."""
    log = folder / "starts.log"
    script = folder / "soffice-counted"
    script.write_text(f'#!/bin/sh\necho start >> "{log}"\nexec "{soffice}" "$@"\n')
    script.chmod(0o755)
    return str(script), log


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50, help=".doc files in the batch")
    parser.add_argument("--single", type=int, default=3, help="files parsed one by one")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from appendixparse import Options, parse
    from appendixparse.consolidation.batch import parse_files

    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="bench-libreoffice-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        files = _make_docs(folder, args.count, soffice)
        print(f"{len(files)} .doc files made in {time.perf_counter() - start:.1f} s")
        exe, log = _wrapper(folder, soffice)
        options = Options(libreoffice=exe)
        print(row("round", "starts", "batch s/file", "alone s/file", "ratio", widths=WIDTHS))
        ratios = []
        for number in range(1, args.rounds + 1):
            log.write_text("")
            start = time.perf_counter()
            outcomes = list(parse_files(files, jobs=1, options=options))
            batch = (time.perf_counter() - start) / len(files)
            assert all(o.report is not None and o.report.records for o in outcomes), outcomes
            starts = len(log.read_text().splitlines())
            start = time.perf_counter()
            for path in files[: args.single]:
                assert parse(path, options=options).records
            alone = (time.perf_counter() - start) / args.single
            ratios.append(alone / batch)
            print(
                row(number, starts, f"{batch:.3f}", f"{alone:.3f}", f"{alone / batch:.1f}×",
                    widths=WIDTHS)
            )  # fmt: skip
        print(f"median: one start per file is {statistics.median(ratios):.1f}× slower per file")


if __name__ == "__main__":
    main()
