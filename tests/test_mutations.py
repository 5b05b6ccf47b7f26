"""Mutated samples: truncated, bytes flipped, zip parts removed — a report or a typed error."""

from __future__ import annotations

import importlib.util
import io
import random
import zipfile
from pathlib import Path

import pytest

import appendixparse

from conftest import SAMPLES
from helpers import TIME_GUARD_S, time_guard

BASES = [
    p
    for p in sorted(SAMPLES.glob("*"))
    if p.suffix in {".docx", ".pdf", ".xlsx"}
    and importlib.util.find_spec(f"appendixparse.readers.{p.suffix[1:]}") is not None
][:6]


def _mutations(data: bytes, seed: int) -> dict[str, bytes]:
    rng = random.Random(seed)
    flipped = bytearray(data)
    for _ in range(20):
        at = rng.randrange(len(flipped))
        flipped[at] ^= 1 << rng.randrange(8)
    out = {
        "truncated-half": data[: len(data) // 2],
        "truncated-tail": data[:-200],
        "flipped-bits": bytes(flipped),
        "zeroed-middle": data[: len(data) // 3]
        + bytes(len(data) // 3)
        + data[2 * len(data) // 3 :],
    }
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            for victim in [n for n in source.namelist() if n.endswith(".xml")][:4]:
                buffer = io.BytesIO()
                with zipfile.ZipFile(buffer, "w") as target:
                    for item in source.infolist():
                        if item.filename != victim:  # by name: writestr moves a ZipInfo
                            target.writestr(item.filename, source.read(item.filename))
                out[f"without-{victim.replace('/', '_')}"] = buffer.getvalue()
    return out


@pytest.mark.skipif(not BASES, reason="no DOCX/PDF/XLSX samples with a reader yet")
@pytest.mark.parametrize("base", BASES, ids=lambda p: p.name)
def test_mutated_sample(base: Path) -> None:
    for name, data in _mutations(base.read_bytes(), seed=len(base.name)).items():
        with time_guard(TIME_GUARD_S):
            try:
                report = appendixparse.parse(data)
            except appendixparse.AppendixParseError as exc:
                assert exc.reason, name
            else:
                assert isinstance(report.records, list), name
