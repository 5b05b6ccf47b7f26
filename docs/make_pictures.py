"""Pictures of the workbook's sheets and of the HTML report, for docs/: python docs/make_pictures.py

Consolidates the README batch, writes the workbook and the report, prints each sheet with
LibreOffice (a one-sheet copy of the workbook each, so one picture per sheet) and photographs the
report with headless Chromium. Needs LibreOffice, poppler's pdftoppm and Chromium.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import appendixparse

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
PICTURES = DOCS / "pictures"
BATCH = [
    ROOT / "samples" / "consolidate",
    ROOT / "samples" / "appendix-quang-tri-district-2023.docx",
]
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def _sheet_picture(workbook: Path, sheet: str, out: Path, work: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(workbook)
    for other in [s for s in book.sheetnames if s != sheet]:
        del book[other]
    single = work / f"{out.stem}.xlsx"
    book.save(single)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(work), str(single)],
        capture_output=True, timeout=300, check=True,
    )  # fmt: skip
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
         str(single.with_suffix(".pdf")), str(out.with_suffix(""))],
        check=True,
    )  # fmt: skip


def main() -> None:
    missing = [t for t in ("soffice", "pdftoppm", "chromium") if shutil.which(t) is None]
    if missing:
        sys.exit(f"make_pictures: install {', '.join(missing)} first")
    PICTURES.mkdir(exist_ok=True)
    province = appendixparse.consolidate(BATCH, jobs=1)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        workbook = province.to_excel(work / "tong-hop.xlsx")
        from openpyxl import load_workbook

        names = load_workbook(workbook, read_only=True).sheetnames
        for number, sheet in enumerate(names, start=1):
            _sheet_picture(workbook, sheet, PICTURES / f"sheet-{number}.png", work)
            print(f"docs/pictures/sheet-{number}.png: {sheet}")
        report = province.to_html(work / "tong-hop.html")
        subprocess.run(
            ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={work / 'chrome'}",
             f"--screenshot={PICTURES / 'report.png'}", "--window-size=1400,1100",
             report.as_uri()],
            capture_output=True, timeout=120, check=True,
        )  # fmt: skip
        print("docs/pictures/report.png: the HTML report")


if __name__ == "__main__":
    main()
