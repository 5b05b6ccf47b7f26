"""Any file in, a clear answer out: each bad file gives its typed error (or a report), within
a time guard, and the CLI prints one line and exits 2 for each error."""

from __future__ import annotations

import importlib.util
import os
import socket
from pathlib import Path

import pytest

import appendixparse
from appendixparse.cli import main

from bad.catalogue import CATALOGUE, BadFile
from helpers import TIME_GUARD_S, time_guard


def _reader_available(fmt: str) -> bool:
    return importlib.util.find_spec(f"appendixparse.readers.{fmt}") is not None


def test_catalogue_has_at_least_30_bad_files() -> None:
    assert len(CATALOGUE) >= 30


@pytest.fixture(params=CATALOGUE, ids=lambda b: b.name)
def bad_file(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[BadFile, Path]:
    bad: BadFile = request.param
    if not _reader_available(bad.needs):
        pytest.skip(f"no {bad.needs} reader")
    path = tmp_path / bad.name
    path.write_bytes(bad.make())
    return bad, path


def test_typed_error_or_report(bad_file: tuple[BadFile, Path]) -> None:
    bad, path = bad_file
    with time_guard(TIME_GUARD_S):
        if bad.error is None:
            report = appendixparse.parse(path)
            assert report.source.path == str(path)
        else:
            with pytest.raises(bad.error) as caught:
                appendixparse.parse(path)
            assert str(path) in str(caught.value)
            assert caught.value.reason


def test_cli_one_line_exit_2(
    bad_file: tuple[BadFile, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    bad, path = bad_file
    with time_guard(TIME_GUARD_S):
        code = main(["parse", str(path), "--format", "table"])
    captured = capsys.readouterr()
    if bad.error is None:
        assert code == 0
    else:
        assert code == 2
        lines = captured.err.strip().splitlines()
        assert len(lines) == 1 and str(path) in lines[0], captured.err


def test_batch_of_bad_and_good_files(tmp_path: Path) -> None:
    """Every good sample is consolidated, every bad file listed with its reason."""
    from appendixparse.consolidation import DOCUMENT_SUFFIXES
    from appendixparse.readers.libreoffice import soffice

    from conftest import SAMPLES

    bad_names = []  # the bad files a folder search picks up: those with a document's suffix
    for bad in CATALOGUE:
        if bad.error is not None and Path(bad.name).suffix in DOCUMENT_SUFFIXES:
            (tmp_path / bad.name).write_bytes(bad.make())
            bad_names.append(bad.name)
    if soffice() is None:  # an .doc would only fail for want of LibreOffice
        bad_names = [n for n in bad_names if not n.endswith((".doc", ".xls"))]
    good = sorted((SAMPLES / "consolidate").glob("huyen-*"))
    result = appendixparse.consolidate([tmp_path, *good], jobs=2)
    reported = {
        Path(source).name: reason
        for source, reason in result.errors[["source", "reason"]].itertuples(index=False)
    }
    for name in bad_names:
        assert reported.get(name), name
    good_sources = set(result.records["source"].map(lambda s: Path(s).name))
    left_out = {Path(s).name for s in result.duplicates["source"]}  # a unit sent twice: one kept
    assert {p.name for p in good} <= good_sources | left_out
    assert left_out == {"huyen-huong-hoa.txt"}


# --- paths that are not regular files: refused from their type, never read ------------------


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "ong.txt"
    os.mkfifo(path)  # a read would wait for a writer forever
    return path


def _socket(tmp_path: Path) -> Path:
    path = tmp_path / "o-cam.txt"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))  # the socket file stays after the socket is closed
    return path


def _folder(tmp_path: Path) -> Path:
    path = tmp_path / "bao-cao.txt"
    path.mkdir()
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda tmp: Path("/dev/zero"), "not a regular file"),
        (_fifo, "not a regular file"),
        (_socket, "not a regular file"),
        (_folder, "a folder, not a file"),
    ],
    ids=["character-device", "fifo", "socket", "folder-named-txt"],
)
def test_a_path_that_is_not_a_regular_file_is_refused(make, reason, tmp_path: Path) -> None:
    path = make(tmp_path)
    if not path.exists():
        pytest.skip(f"{path} is absent")
    with time_guard(TIME_GUARD_S), pytest.raises(appendixparse.CorruptFileError) as caught:
        appendixparse.parse(path)
    assert str(path) in str(caught.value) and reason in caught.value.reason
