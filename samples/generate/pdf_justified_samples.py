"""PDF samples of Word tables without borders whose cell paragraphs are justified, exported by
LibreOffice: the wide spaces of a narrow column's justified lines look like column gaps, and a
word broken after its hyphen at a cell's line end ("UBND-" / "TH") must join again.

    python samples/make_samples.py pdf_justified
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .docx_variations import Variation, write_variation
from .units import Unit, expected_report, real_appendix

# (sample stem, column widths in cm): the plain widths, and a status column narrow enough
# that its header's first line ("Đánh giá mức") is cut at its spaces and the notes column
# breaks "1226/ UBND-TH" after the hyphen.
SAMPLES = (
    ("appendix-quang-tri-district-2023-justified-borderless", (1.2, 7.0, 3.2, 7.6)),
    ("appendix-quang-tri-district-2023-justified-narrow", (1.2, 7.0, 2.4, 8.4)),
)


def write_justified_docx(unit: Unit, path: Path, widths: tuple[float, ...]) -> Path:
    """The DOCX form of ``unit`` with a borderless assessment table, every cell justified."""
    return write_variation(unit, path, Variation(borderless=True, justified=True, widths_cm=widths))


def make(samples_dir: Path) -> list[tuple[Path, dict]]:
    """Write the justified PDF samples into ``samples_dir``; return (path, expected) pairs."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise SystemExit("the PDF samples need LibreOffice (soffice) on the PATH")
    unit = real_appendix()
    made: list[tuple[Path, dict]] = []
    with tempfile.TemporaryDirectory(prefix="pdf-justified-") as tmp:
        work = Path(tmp)
        docs = [write_justified_docx(unit, work / f"{stem}.docx", w) for stem, w in SAMPLES]
        command = [
            exe, f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
            "--convert-to", "pdf", "--outdir", str(work / "out"), *map(str, docs),
        ]  # fmt: skip
        subprocess.run(command, capture_output=True, timeout=300, check=True)
        for stem, _ in SAMPLES:
            target = samples_dir / f"{stem}.pdf"
            shutil.copyfile(work / "out" / f"{stem}.pdf", target)
            made.append((target, expected_report(unit, "pdf")))
    return made
