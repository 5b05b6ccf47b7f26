"""Make every generated sample and its golden JSON (from the generator's data, not the parser).

    python samples/make_samples.py            # all formats
    python samples/make_samples.py docx pdf   # some of them

Each module ``generate/<name>_samples.py`` has ``make(samples_dir) -> list[(path, expected)]``.
PDF samples need LibreOffice (``soffice``) on the PATH.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLDEN = HERE.parent / "tests" / "golden"
GENERATORS = (
    "docx",
    "pdf",
    "pdf_justified",
    "xlsx",
    "checks",
    "consolidate",
    "indicator",
    "compose",
)


# Samples of one document in several formats: one expected file, ``<family>.json``, and each
# sample's differences from it in ``<family>.formats.json`` (tests/golden.py reads them).
FAMILIES = ("appendix-quang-tri-district-2023",)


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_golden(sample: Path, expected: dict) -> Path:
    """Write ``expected`` as the golden file of ``sample`` (or into its family's files)."""
    GOLDEN.mkdir(parents=True, exist_ok=True)
    family = next((f for f in FAMILIES if sample.name.startswith(f)), None)
    if family is None:
        path = GOLDEN / f"{sample.name}.json"
        _write_json(path, expected)
        return path
    path = GOLDEN / f"{family}.json"
    shared = {k: v for k, v in expected.items() if k != "format"}
    if path.exists() and json.loads(path.read_text(encoding="utf-8")) != shared:
        raise ValueError(f"{sample.name}: its data differs from {path.name}; say how there")
    _write_json(path, shared)
    formats_path = GOLDEN / f"{family}.formats.json"
    formats = json.loads(formats_path.read_text(encoding="utf-8")) if formats_path.exists() else {}
    formats[sample.name] = {"format": expected["format"]}
    _write_json(formats_path, dict(sorted(formats.items())))
    return path


def main(names: list[str]) -> None:
    sys.path.insert(0, str(HERE))
    for name in names or GENERATORS:
        try:
            module = importlib.import_module(f"generate.{name}_samples")
        except ModuleNotFoundError:
            print(f"no generator for {name}", file=sys.stderr)
            continue
        for sample, expected in module.make(HERE):
            write_golden(sample, expected)
            print(f"{sample.relative_to(HERE)}")


if __name__ == "__main__":
    main(sys.argv[1:])
