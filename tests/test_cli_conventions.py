"""The command line's conventions: exit codes, one-line errors, no traceback, ever.

Exit codes: 0 done, 1 error flags (check), 2 bad input or usage, 130 interrupted.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import appendixparse
from appendixparse import InputNotFoundError, cli
from appendixparse.cli import main

from conftest import REAL_TEXT, SAMPLES

REAL_DOCX = SAMPLES / "appendix-quang-tri-district-2023.docx"
CHECKS = SAMPLES / "checks-district-hai-lang.txt"  # a report with error flags


def _run(*argv: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "appendixparse", *argv],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_version_through_python_m() -> None:
    done = _run("--version")
    assert done.returncode == 0
    assert done.stdout.decode().strip() == f"appendixparse {appendixparse.__version__}"


def test_parse_reads_standard_input() -> None:
    done = _run("parse", "-", stdin=REAL_DOCX.read_bytes())
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert len(report["records"]) == 35 and report["unit"] == "UBND huyện Gio Linh"


def test_parse_writes_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bao-cao.json"
    assert main(["parse", str(REAL_TEXT), "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))["records"]) == 35
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.json"]  # no temporary left


def test_parse_csv_has_a_bom_and_the_unit_and_period(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(REAL_DOCX), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert len(rows) == 35
    assert list(rows[0])[:4] == ["unit", "period_start", "period_end", "id"]
    assert {r["unit"] for r in rows} == {"UBND huyện Gio Linh"}
    assert {(r["period_start"], r["period_end"]) for r in rows} == {("2021-11-15", "2023-10-14")}


def test_parse_table_shows_summary_and_flags(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(CHECKS), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "summary" in out and "declared" in out and "counted" in out
    assert "completed_below_target" in out and "figure_out_of_range" in out


TEXT, DOCX = str(REAL_TEXT), str(REAL_DOCX)
USAGE_ERRORS = [
    (["parse", "--fromat", "table", TEXT], "unknown option --fromat (did you mean --format?)"),
    (["check", TEXT, "--severty", "error"], "unknown option --severty (did you mean --severity?)"),
    (["parse", "/no/such/phu-luc.docx"], "/no/such/phu-luc.docx: no such file or folder"),
    (["check", "/no/such/*.docx"], "/no/such/*.docx: no file matches"),
    (["consolidate", DOCX, "no/such/dir", "-o", "x.xlsx"], "no/such/dir: no such file or folder"),
    (["consolidate", DOCX, "-o", "x.txt"], "the output must end in"),
    (["pars", TEXT], "invalid choice: 'pars'"),
]


@pytest.mark.parametrize(("argv", "expected"), USAGE_ERRORS)
def test_usage_errors_exit_2_with_one_line(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert expected in _one_line(captured.err)
    assert captured.out == ""


def test_a_missing_path_fails_before_any_work(tmp_path: Path, monkeypatch) -> None:
    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("a document was read before the missing path was reported")

    monkeypatch.setattr("appendixparse.consolidation.core.parse_files", no_work)
    with pytest.raises(InputNotFoundError) as caught:
        appendixparse.consolidate([REAL_DOCX, tmp_path / "khong-co"])
    assert isinstance(caught.value, FileNotFoundError)
    assert str(tmp_path / "khong-co") in str(caught.value)


def test_check_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(CHECKS)]) == 1  # error flags
    assert main(["check", str(REAL_TEXT)]) == 0  # warnings and notes only
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    capsys.readouterr()
    assert main(["check", str(bad)]) == 2  # nothing could be read
    assert "hong.docx" in _one_line(capsys.readouterr().err)


def test_check_takes_folders_globs_and_a_severity(capsys: pytest.CaptureFixture[str]) -> None:
    pattern = str(SAMPLES / "checks-*.txt")
    assert main(["check", pattern, "--severity", "error"]) == 1
    out = capsys.readouterr().out
    assert out.count("checks-") == 3
    assert "warning " not in out and "info " not in out and "error " in out
    assert main(["check", str(SAMPLES / "consolidate")]) in (0, 1)
    assert "huyen-hai-lang.txt" in capsys.readouterr().out


def test_interrupt_is_exit_130_without_traceback(monkeypatch, capsys) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("appendixparse.pipeline.parse", interrupted)
    assert main(["parse", str(REAL_TEXT)]) == 130
    assert "interrupted" in _one_line(capsys.readouterr().err)


def test_sigint_during_a_run_is_exit_130(tmp_path: Path) -> None:
    for n in range(400):
        (tmp_path / f"bao-cao-{n}.txt").write_bytes(REAL_TEXT.read_bytes())
    process = subprocess.Popen(
        [sys.executable, "-m", "appendixparse", "check", str(tmp_path), "--verbose"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    first = process.stderr.readline()  # the first file's timing: the run is under way
    assert b"read in" in first
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    if process.returncode == 0:
        pytest.skip("the run ended before the signal was sent")
    assert process.returncode == 130
    lines = err.decode().strip().splitlines()
    assert "Traceback" not in err.decode() and lines[-1] == "appendixparse: interrupted"


def test_a_full_disk_is_one_line(monkeypatch, tmp_path: Path, capsys) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device", str(tmp_path / "tong-hop.xlsx"))

    monkeypatch.setattr("appendixparse.consolidation.export", full)
    argv = ["consolidate", str(REAL_TEXT), "-o", str(tmp_path / "tong-hop.xlsx")]
    assert main(argv) == 2
    assert "No space left on device" in _one_line(capsys.readouterr().err)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_standard_output_on_a_full_device() -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "appendixparse", "parse", str(REAL_TEXT)],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    assert done.returncode == 2
    assert "No space left on device" in _one_line(done.stderr.decode())


def test_a_closed_pipe_is_no_error() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "appendixparse", "parse", str(REAL_TEXT)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.read(10)  # like head: read a little, then close
    process.stdout.close()
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0
    assert b"Traceback" not in err


def test_a_read_only_output_is_refused_before_work(monkeypatch, tmp_path: Path, capsys) -> None:
    # As root a chmod does not stop writing: the folder's refusal is simulated.
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.NamedTemporaryFile", refuse)
    argv = ["consolidate", str(REAL_TEXT), "-o", str(tmp_path / "tong-hop.xlsx")]
    assert main(argv) == 2
    assert "not writable" in _one_line(capsys.readouterr().err)


def test_quiet_prints_nothing_and_verbose_times_each_file(tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.json"
    assert main(["-q", "consolidate", str(REAL_TEXT), "-o", str(out)]) == 0
    assert capsys.readouterr() == ("", "")
    assert main(["check", str(REAL_TEXT), "--verbose"]) == 0
    assert "read in" in capsys.readouterr().err


def test_completion_script_names_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", "bash"]) == 0
    script = capsys.readouterr().out
    assert "complete -o filenames -F _appendixparse appendixparse" in script
    for command in ("parse", "check", "consolidate", "--severity", "--output"):
        assert command in script
    bash = subprocess.run(["bash", "-n"], input=script.encode(), check=False)
    assert bash.returncode == 0


def test_library_errors_name_the_problem(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError):
        appendixparse.parse(tmp_path / "khong-co.docx")
    with pytest.raises(TypeError, match="path, bytes or a binary file object, not int"):
        appendixparse.parse(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="open it 'rb'"), REAL_TEXT.open(encoding="utf-8") as text:
        appendixparse.parse(text)  # type: ignore[arg-type]


def test_report_to_json_is_what_parse_prints(tmp_path: Path) -> None:
    report = appendixparse.parse(REAL_TEXT)
    path = tmp_path / "r.json"
    assert json.loads(report.to_json(str(path))) == json.loads(path.read_text(encoding="utf-8"))
    assert json.loads(report.to_json())["records"][0]["id"] == "I.1"


def test_frames_carry_real_types() -> None:
    import pandas as pd

    frame = appendixparse.parse(REAL_TEXT).to_dataframe()
    assert isinstance(frame["status"].dtype, pd.CategoricalDtype)
    assert list(frame["status"].cat.categories) == list(appendixparse.models.STATUS_ORDER)
    assert frame["id"].dtype == "string" and frame["figure_count"].dtype == "Int64"
    records = appendixparse.consolidate([REAL_TEXT]).records
    assert str(records["period_start"].dtype).startswith("datetime64")
    assert str(records["period_end"].dtype).startswith("datetime64")
    assert list(records["status"].cat.categories)[-1] == "missing"
    assert records["value"].dtype == "Float64" and records["match_score"].dtype == "Float64"
    assert records["target"].dtype == "string"


def test_every_command_and_option_is_in_the_cli_reference() -> None:
    reference = (SAMPLES.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    parser = cli._parser()
    for name, sub in cli._subparsers(parser).items():
        assert f"## appendixparse {name}" in reference
        for option in cli._options_of(sub):
            assert option in reference, f"{name} {option} is not in docs/cli.md"
    for option in cli._options_of(parser):
        assert option in reference
