"""The command line through main(): output formats, one-line errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from appendixparse.cli import main

from conftest import REAL_TEXT


def test_parse_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(REAL_TEXT)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["records"]) == 35
    assert report["source"]["format"] == "text"
    assert len(report["source"]["sha256"]) == 64


def test_parse_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(REAL_TEXT), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 35
    assert rows[3]["id"] == "II.1" and rows[3]["status"] == "in_progress"


def test_parse_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(REAL_TEXT), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "VI.8" in out and "not_applicable" in out


BAD = {
    "empty.txt": b"",
    "notable.txt": "Báo cáo\nkhông có bảng\n".encode(),
    "random.bin": bytes(range(256)) * 20,
    "page.pdf": b"<!DOCTYPE html><html><body>not found</body></html>",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_unreadable_file_one_line_exit_2(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(BAD[name])
    assert main(["parse", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip().splitlines()
    assert len(err) == 1 and str(path) in err[0]
    assert "Traceback" not in captured.err


def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "/nonexistent/phu-luc.docx"]) == 2
    assert "no such file" in capsys.readouterr().err


@pytest.mark.parametrize("option", [["--jobs", "0"], ["--jobs", "-1"], ["--time-limit", "-5"]])
def test_consolidate_refuses_impossible_job_counts_and_time_limits(option, tmp_path, capsys):
    # They were accepted silently, as "the default" and "no limit".
    assert main(["consolidate", str(tmp_path), "-o", str(tmp_path / "th.xlsx"), *option]) == 2
    assert "must be at least" in capsys.readouterr().err
