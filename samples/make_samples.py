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
GENERATORS = ("docx", "pdf", "pdf_justified", "xlsx", "checks", "consolidate", "compose")


def write_golden(sample: Path, expected: dict) -> Path:
    """Write ``expected`` as the golden file of ``sample``."""
    GOLDEN.mkdir(parents=True, exist_ok=True)
    path = GOLDEN / f"{sample.name}.json"
    path.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
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
