"""The docs stay true: the JSON schema matches the models, every CLI command is documented."""

from __future__ import annotations

import importlib.util

from appendixparse.cli import EXAMPLES

from conftest import ROOT


def test_schema_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("make_schema", ROOT / "docs" / "make_schema.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    on_disk = (ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8")
    assert on_disk == module.schema_text(), "run: python docs/make_schema.py"


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in EXAMPLES:
        assert f"appendixparse {command}" in readme
