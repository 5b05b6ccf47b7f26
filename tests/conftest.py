"""Shared test fixtures: where samples, golden files and ../shared/ documents live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
# ../shared/ beside the repository; APPENDIXPARSE_SHARED points elsewhere (e.g. from a worktree).
SHARED = Path(os.environ.get("APPENDIXPARSE_SHARED") or ROOT.parent / "shared")
REAL_TEXT = SAMPLES / "appendix-quang-tri-district-2023.txt"

sys.path.insert(0, str(SAMPLES))  # the sample generators (samples/generate/) as a package


def shared_path(*parts: str) -> Path:
    """A file under ../shared/, or skip the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path
