"""figures.py after its speed-up gives what the grammar gave before it, on every sample's fields.

The "before" is the module as committed before the speed-up (``BEFORE``), read from git into a
temporary module for this run only: no golden is generated from the parser's output.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from types import ModuleType

import pytest

import appendixparse
from appendixparse import AppendixParseError
from appendixparse.figures import extract_figures
from figure_cases import CASES

from conftest import ROOT, SAMPLES

BEFORE = "45a400e"  # the last commit with the unoptimised figures.py
# The .doc converts through LibreOffice (slow) into the same fields as the .docx.
SKIPPED_SUFFIXES = {".doc", ".py"}


def _before_module() -> ModuleType:
    try:
        source = subprocess.run(
            ["git", "show", f"{BEFORE}:src/appendixparse/figures.py"],
            cwd=ROOT,
            capture_output=True,
            check=True,
            text=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip(f"git or commit {BEFORE} is unavailable")
    # A submodule of appendixparse, so that its relative imports (vocab, models) resolve.
    name = "appendixparse._figures_before"
    spec = importlib.util.spec_from_loader(name, loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "appendixparse"
    sys.modules[name] = module
    try:
        exec(compile(source, f"{BEFORE}:figures.py", "exec"), module.__dict__)
    finally:
        del sys.modules[name]
    return module


def _fields() -> list[tuple[str, str]]:
    """Every notes and target text of every sample that parses, and the labelled phrases."""
    fields = {(phrase, "notes") for _, phrase, _ in CASES}
    for path in sorted(SAMPLES.rglob("*")):
        if not path.is_file() or "generate" in path.parts or path.suffix in SKIPPED_SUFFIXES:
            continue
        try:
            report = appendixparse.parse(path)
        except AppendixParseError:
            continue  # a sample without an assessment table
        for record in report.records:
            fields.add((record.notes, "notes"))
            fields.add((record.target, "target"))
    return sorted(fields)


def test_output_is_unchanged_on_every_sample_field() -> None:
    before = _before_module()
    fields = _fields()
    assert len(fields) > 500
    with_figures = 0
    for text, field in fields:
        old = before.extract_figures(text, field=field)
        new = extract_figures(text, field=field)
        assert [f.model_dump() for f in new] == [f.model_dump() for f in old], text
        assert [f.model_fields_set for f in new] == [f.model_fields_set for f in old], text
        with_figures += bool(new)
    assert with_figures > 200  # the comparison is not vacuous
