"""The golden files themselves: a family of samples (one document in several formats) has one
expected report and, per sample, only what differs."""

from __future__ import annotations

import json

from conftest import SAMPLES
from golden import FAMILIES, GOLDEN, has_golden, load_golden


def test_each_family_member_differs_only_in_what_its_form_changes() -> None:
    for family in FAMILIES:
        shared = json.loads((GOLDEN / f"{family}.json").read_text(encoding="utf-8"))
        formats = json.loads((GOLDEN / f"{family}.formats.json").read_text(encoding="utf-8"))
        assert "format" not in shared
        members = {p.name for p in SAMPLES.glob(f"{family}*") if p.suffix != ".json"}
        assert set(formats) == members
        for name, differences in formats.items():
            assert not (GOLDEN / f"{name}.json").exists()  # no second copy of the data
            assert has_golden(name)
            expected = load_golden(GOLDEN / f"{name}.json")
            assert expected["format"] == differences["format"]
            assert [r["id"] for r in expected["records"]] == [r["id"] for r in shared["records"]]
            # The text export lacks the header table naming the unit, and has line numbers.
            allowed = {"format", "unit", "records"} if name.endswith(".txt") else {"format"}
            assert set(differences) <= allowed
