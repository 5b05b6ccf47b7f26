"""Start-up (issue #19): what a fresh process imports, so that a slow import creeping back in
fails here, without timing anything.

``import appendixparse`` loads the errors alone; the public names are imported on first use. A
text parse imports no reader of another format, no pandas and no consolidation, and importing
the pipeline builds no pydantic validator (the first build loads pydantic's plugin machinery,
``importlib.metadata`` with it): schemas and validators are built on first use.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import appendixparse

from conftest import REAL_TEXT

# Libraries a text parse never needs: the other formats' readers, the DataFrames, OCR, fuzzy
# matching (consolidation).
HEAVY = (
    "pandas",
    "numpy",
    "openpyxl",
    "pdfplumber",
    "pdfminer",
    "pypdfium2",
    "lxml",
    "docx",
    "rapidfuzz",
    "PIL",
    "appendixparse.consolidation",
)


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_import_loads_the_errors_alone() -> None:
    modules = _modules_after("import appendixparse")
    ours = {m for m in modules if m.startswith("appendixparse")}
    assert ours == {"appendixparse", "appendixparse.errors"}
    assert not modules & {"pydantic", "pydantic_core", "regex", *HEAVY}


def test_the_pipeline_builds_no_validator_at_import() -> None:
    modules = _modules_after("import appendixparse.pipeline, appendixparse.cli")
    assert "pydantic.plugin._loader" not in modules
    assert "importlib.metadata" not in modules
    # Imported where they are used: zips, suggestions for a misspelt setting, CSV output.
    assert not modules & {"zipfile", "difflib", "csv"}
    assert not modules & set(HEAVY)


def test_a_text_parse_imports_no_other_format() -> None:
    code = (
        "import contextlib, io\n"
        "from appendixparse.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['parse', {str(REAL_TEXT)!r}]) == 0\n"
    )
    assert not _modules_after(code) & set(HEAVY)


def test_a_unicode_text_parse_compiles_no_legacy_pattern() -> None:
    # TCVN3 and VNI text is rare: its decoding and detection patterns wait for the first text
    # with a legacy character in it.
    code = (
        "from appendixparse import parse\n"
        "from appendixparse.text import encodings\n"
        f"parse({str(REAL_TEXT)!r})\n"
        "caches = (encodings._signs, encodings._vni_code, encodings._syllable)\n"
        "print(sum(c.cache_info().currsize for c in caches))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == ["0"]


def test_the_help_imports_no_pydantic() -> None:
    code = (
        "import contextlib, io\n"
        "from appendixparse.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--help'])\n"
    )
    assert "pydantic" not in _modules_after(code)


@pytest.mark.parametrize("name", sorted(appendixparse.__all__))
def test_every_public_name_resolves(name: str) -> None:
    value = getattr(appendixparse, name)
    assert name in dir(appendixparse)
    assert getattr(value, "__name__", name) == name
    assert value.__module__.startswith("appendixparse")


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Reprot'"):
        _ = appendixparse.Reprot  # type: ignore[attr-defined]
