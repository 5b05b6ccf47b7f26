"""OCR across layouts: each sample PDF (but the real appendix's forms, which bench_ocr.py
reads) scanned at 200 dpi clean and 150 dpi degraded (tests/scans.py), each scan read against
its text-layer twin: rows, statuses and figures read alike, error flags the twin does not
raise, indicator rows read with the twin's id and value, whether the summary is the twin's,
and the rows the scan missed.

    python benchmarks/bench_ocr_samples.py [sample.pdf ...]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from appendixparse import parse  # noqa: E402
from scans import compare, make_scan  # noqa: E402

SAMPLES = ROOT / "samples"
SCANS = ((200, False), (150, True))


def main(names: list[str]) -> None:
    """Print one line per sample and scan."""
    if not names:
        names = [
            p.name
            for p in sorted(SAMPLES.glob("*.pdf"))
            if not p.name.startswith("appendix-quang-tri")
        ]
    for name in names:
        data = (SAMPLES / name).read_bytes()
        try:
            twin = parse(data)
        except Exception as error:  # a sample the text layer cannot read either
            print(f"{name}: twin {type(error).__name__}: {error}")
            continue
        for dpi, degraded in SCANS:
            label = f"{name} {dpi} dpi {'degraded' if degraded else 'clean'}"
            started = time.process_time()
            try:
                got = parse(make_scan(data, dpi=dpi, degraded=degraded))
            except Exception as error:
                print(f"{label}: {type(error).__name__}: {str(error)[:100]}", flush=True)
                continue
            c = compare(got, twin)
            read = {r.id for r in got.records}
            missing = [r.id for r in twin.records if r.id not in read]
            summary = "same" if got.summary == twin.summary else "differs"
            print(
                f"{label}: rows {c.rows}/{c.twin_rows} statuses {c.statuses}/{c.twin_rows} "
                f"figures {c.figures}/{c.twin_figures} "
                f"indicators {c.indicators}/{c.twin_indicators} new errors {c.extra_errors[:4]} "
                f"summary {summary} missing {missing[:8]} "
                f"({time.process_time() - started:.1f} s)",
                flush=True,
            )


if __name__ == "__main__":
    main(sys.argv[1:])
