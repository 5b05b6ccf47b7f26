"""Other projects' test files (../shared/peers/): each gives a report or a typed error, in time.

pdfplumber's and python-docx's test documents, mammoth's DOCX oddities and qpdf's damaged
PDFs are not appendices; what matters is that none crashes, hangs or escapes untyped.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import appendixparse

from conftest import SHARED
from helpers import TIME_GUARD_S, time_guard

PEERS = SHARED / "peers"
FILES = (
    sorted(p for p in PEERS.rglob("*") if p.suffix in {".pdf", ".docx"}) if PEERS.exists() else []
)


@pytest.mark.skipif(not FILES, reason="../shared/peers is absent")
@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_peer_file_gives_report_or_typed_error(path: Path) -> None:
    fmt = "pdf" if path.suffix == ".pdf" else "docx"
    if importlib.util.find_spec(f"appendixparse.readers.{fmt}") is None:
        pytest.skip(f"no {fmt} reader")
    with time_guard(TIME_GUARD_S):
        try:
            report = appendixparse.parse(path)
        except appendixparse.AppendixParseError as exc:
            assert str(path) in str(exc) and exc.reason
        else:
            assert report.source.format == fmt
