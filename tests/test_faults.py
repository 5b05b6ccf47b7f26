"""Fault injection: a batch carries on past corrupt files, a worker that crashes, one that
sleeps past the time limit and one that runs out of memory; a run killed half-way leaves the
previous output whole, and a rerun gives every good document."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

import appendixparse
from appendixparse import Options
from appendixparse.consolidation import batch, export

from conftest import SAMPLES

GOOD = [
    SAMPLES / "appendix-quang-tri-district-2023.txt",
    *sorted((SAMPLES / "consolidate").glob("huyen-*.txt")),
    *sorted((SAMPLES / "consolidate").glob("thanh-pho-*.txt")),
]
pytestmark = pytest.mark.slow


def _folder(root: Path, good: int, corrupt: int) -> Path:
    folder = root / "bao-cao"
    folder.mkdir()
    for n in range(good):  # each a unit of its own, as the communes of a province are
        text = GOOD[n % len(GOOD)].read_text(encoding="utf-8")
        unit = text.replace("UBND ", f"UBND XÃ SỐ {n:03d} ", 1)
        (folder / f"don-vi-{n:03d}.txt").write_text(unit, encoding="utf-8")
    for n in range(corrupt):
        kind = n % 3
        name, data = [
            (f"hong-{n:02d}.docx", b"PK\x03\x04 truncated"),
            (f"rong-{n:02d}.pdf", b""),
            (f"anh-{n:02d}.pdf", b"\x89PNG\r\n\x1a\n" + bytes(100)),
        ][kind]
        (folder / name).write_bytes(data)
    return folder


def _faulty_parse(real):  # type: ignore[no-untyped-def]
    """parse, except for three files: one crashes its worker, one sleeps, one eats memory."""

    def parse(path, **kwargs):  # type: ignore[no-untyped-def]
        name = Path(path).name
        if name.startswith("crash"):
            os.kill(os.getpid(), signal.SIGSEGV)
        if name.startswith("sleep"):
            time.sleep(120)
        if name.startswith("memory"):
            hog = bytearray(3_000_000_000)
            return hog
        return real(path, **kwargs)

    return parse


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_a_batch_carries_on_past_every_fault(tmp_path: Path, monkeypatch) -> None:
    folder = _folder(tmp_path, good=177, corrupt=20)
    for name in ("crash.txt", "sleep.txt", "memory.txt"):
        shutil.copy(GOOD[0], folder / name)
    # Forked workers inherit the patched parse: the test hook that makes the faults.
    monkeypatch.setattr(batch, "parse", _faulty_parse(batch.parse))
    options = Options(start_method="fork", document_memory_bytes=500_000_000)
    result = appendixparse.consolidate([folder], jobs=2, time_limit=3, options=options)
    assert result.documents == 177
    errors = dict(zip((Path(s).name for s in result.errors["source"]), result.errors["error"]))
    assert len(errors) == 23
    assert errors["crash.txt"] == "WorkerCrashError"
    assert errors["sleep.txt"] == "TimeLimitError"
    assert errors["memory.txt"] == "MemoryLimitError"
    assert {errors[n] for n in errors if n.startswith(("hong", "rong", "anh"))} <= {
        "CorruptFileError",
        "UnsupportedFormatError",
    }
    out = tmp_path / "tong-hop.xlsx"
    export(result, out)
    book = load_workbook(out, read_only=True)
    assert len(list(book["Lỗi đọc tệp"].iter_rows(min_row=2))) == 23


def _consolidate(folder: Path, out: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "appendixparse", "-q", "consolidate", str(folder)]
    return subprocess.Popen(
        [*command, "-o", str(out), "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_a_run_killed_half_way_leaves_the_previous_output_whole(tmp_path: Path) -> None:
    folder = _folder(tmp_path, good=200, corrupt=20)
    out = tmp_path / "tong-hop.xlsx"
    first = _consolidate(folder, out)
    assert first.wait(timeout=600) == 0
    previous = out.read_bytes()
    for delay in (0.5, 1.5, 3.0):  # while reading, while tabulating, while writing
        run = _consolidate(folder, out)
        time.sleep(delay)
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=60)
        assert out.read_bytes() == previous or load_workbook(out, read_only=True)
    rerun = _consolidate(folder, out)
    assert rerun.wait(timeout=600) == 0
    book = load_workbook(out, read_only=True)
    units = list(book["Theo đơn vị"].iter_rows(min_row=2, values_only=True))
    assert len(units) == 200
    assert len(list(book["Lỗi đọc tệp"].iter_rows(min_row=2))) == 20
