"""PDF samples: the DOCX forms of the units exported by LibreOffice (ruled tables, portrait and
landscape), and unruled tables drawn as positioned text with reportlab (another producer: no
ruling lines, multi-line cells, rows broken across pages, running header, page numbers).

    python samples/make_samples.py pdf
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .docx_writer import write_docx
from .units import Unit, expected_report, invented_units, real_appendix

# (unit name, sample stem, landscape) for the LibreOffice exports.
LIBREOFFICE = (
    ("appendix-quang-tri-district-2023", "appendix-quang-tri-district-2023", False),
    ("appendix-quang-tri-district-2023", "appendix-quang-tri-district-2023-landscape", True),
    ("district-cam-lo", "district-cam-lo", False),
    ("department-noi-vu", "department-noi-vu-landscape", True),
    ("commune-cam-hieu", "commune-cam-hieu", False),
)
FONT_DIRS = ("/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/dejavu")
FONT_FILES = {
    "liberation2": ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    "dejavu": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
}


def units() -> dict[str, Unit]:
    return {u.name: u for u in [real_appendix(), *invented_units()]}


def make(samples_dir: Path) -> list[tuple[Path, dict]]:
    """Write every PDF sample into ``samples_dir``; return (path, expected report) pairs."""
    by_name = units()
    made = export_with_libreoffice(samples_dir, by_name)
    real = by_name["appendix-quang-tri-district-2023"]
    commune = by_name["commune-cam-hieu"]
    for unit, stem, options in (
        (real, "appendix-quang-tri-district-2023-unruled", Drawing()),
        (
            commune,
            "commune-cam-hieu-unruled-landscape-nfd",
            Drawing(landscape=True, repeat_header=True, form="NFD"),
        ),
    ):
        path = samples_dir / f"{stem}.pdf"
        draw_unruled(unit, path, options)
        made.append((path, expected_report(unit, "pdf")))
    return made


def export_with_libreoffice(samples_dir: Path, by_name: dict[str, Unit]) -> list[tuple[Path, dict]]:
    """DOCX forms written by docx_writer, converted to PDF by LibreOffice in one run."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise SystemExit("the PDF samples need LibreOffice (soffice) on the PATH")
    made: list[tuple[Path, dict]] = []
    with tempfile.TemporaryDirectory(prefix="pdf-samples-") as tmp:
        work = Path(tmp)
        docs = []
        for name, stem, landscape in LIBREOFFICE:
            docs.append(write_docx(by_name[name], work / f"{stem}.docx", landscape=landscape))
        command = [
            exe, f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
            "--convert-to", "pdf", "--outdir", str(work / "out"), *map(str, docs),
        ]  # fmt: skip
        subprocess.run(command, capture_output=True, timeout=300, check=True)
        for name, stem, _ in LIBREOFFICE:
            target = samples_dir / f"{stem}.pdf"
            shutil.copyfile(work / "out" / f"{stem}.pdf", target)
            made.append((target, expected_report(by_name[name], "pdf")))
    return made


# --------------------------------------------------------------------------------------------
# Unruled tables drawn with reportlab


@dataclass
class Drawing:
    """How an unruled sample is drawn."""

    landscape: bool = False
    repeat_header: bool = False  # draw the header row again on every page
    form: str = "NFC"  # the Unicode form of the text layer ("NFD": decomposed letters)
    size: float = 10.5
    leading: float = 13.0
    row_gap: float = 6.0


def _fonts() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for folder in FONT_DIRS:
        regular, bold = FONT_FILES[Path(folder).name]
        if (Path(folder) / regular).exists() and (Path(folder) / bold).exists():
            pdfmetrics.registerFont(TTFont("SampleSerif", str(Path(folder) / regular)))
            pdfmetrics.registerFont(TTFont("SampleSerif-Bold", str(Path(folder) / bold)))
            return "SampleSerif", "SampleSerif-Bold"
    raise SystemExit(f"no Vietnamese TrueType font in {FONT_DIRS}")


def draw_unruled(unit: Unit, path: Path, opt: Drawing) -> Path:
    """Draw ``unit`` as positioned text, no ruling line anywhere; two passes, so that the
    footer can say "Trang n/N"."""
    count = _draw(unit, io.BytesIO(), opt, pages=0)
    with path.open("wb") as out:
        _draw(unit, out, opt, pages=count)
    return path


def _draw(unit: Unit, out: BinaryIO, opt: Drawing, *, pages: int) -> int:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    regular, bold = _fonts()
    width, height = landscape(A4) if opt.landscape else A4
    left, right = 45.0, width - 45.0
    top_y, bottom_y = height - 50.0, 50.0
    total = right - left
    # STT | target | status | notes, with 12 pt gutters.
    shares = (0.055, 0.33, 0.165, 0.45)
    gutter = 12.0
    usable = total - gutter * 3
    xs: list[tuple[float, float]] = []
    x = left
    for share in shares:
        xs.append((x, x + usable * share))
        x += usable * share + gutter

    def form(text: str) -> str:
        return unicodedata.normalize(opt.form, text)

    def wrap(text: str, font: str, size: float, cell: tuple[float, float]) -> list[str]:
        return simpleSplit(text, font, size, cell[1] - cell[0]) if text else []

    c = canvas.Canvas(out, pagesize=(width, height), invariant=1)
    c.setTitle(f"Phụ lục - {unit.unit or unit.name}")
    number = 1

    def furniture() -> None:
        c.setFont(regular, 8)
        running = f"{unit.unit or ''} - Phụ lục đánh giá Nghị quyết 76/NQ-CP"
        c.drawCentredString(width / 2, height - 28, form(running))
        c.drawCentredString(width / 2, 28, f"Trang {number}/{pages}")

    y = top_y
    # The motto block as two columns of positioned text.
    c.setFont(bold, 12)
    header_lines = (unit.unit_header or "").split("\n")
    right_lines = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    centre_right = left + total * 0.7
    for i in range(max(len(header_lines), len(right_lines))):
        if i < len(header_lines) and header_lines[i]:
            c.drawString(left, y, form(header_lines[i]))
        if i < len(right_lines):
            c.drawCentredString(centre_right, y, form(right_lines[i]))
        y -= 15
    y -= 8
    c.setFont(regular, 12)
    c.drawRightString(right, y, form(f"Quảng Trị, {unit.place_date}"))
    y -= 26
    # Title, period and summary, wrapped to the text width.
    c.setFont(bold, 12)
    for line in unit.title_lines:
        for part in simpleSplit(line, bold, 12, total):
            c.drawCentredString((left + right) / 2, y, form(part))
            y -= 15
    c.setFont(regular, 12)
    if unit.period_line:
        c.drawCentredString((left + right) / 2, y, form(unit.period_line))
        y -= 15
    y -= 6
    for line in unit.summary_lines:
        c.drawString(left, y, form(line))
        y -= 15
    y -= 12

    size, leading = opt.size, opt.leading
    header = [wrap(h, bold, size, cell) for h, cell in zip(unit.headers, xs)]

    def draw_header(y: float) -> float:
        c.setFont(bold, size)
        for lines, (x0, x1) in zip(header, xs):
            for k, text in enumerate(lines):
                c.drawCentredString((x0 + x1) / 2, y - k * leading, form(text))
        return y - max(len(h) for h in header) * leading - opt.row_gap

    def draw_row(cells: list[list[str]], font: str, y: float) -> float:
        c.setFont(font, size)
        for index, (lines, (x0, x1)) in enumerate(zip(cells, xs)):
            for k, text in enumerate(lines):
                if index == 2:  # the status column is centred
                    c.drawCentredString((x0 + x1) / 2, y - k * leading, form(text))
                else:
                    c.drawString(x0, y - k * leading, form(text))
        return y - max(len(lines) for lines in cells) * leading

    def new_page(*, header: bool = True) -> float:
        nonlocal number
        furniture()
        c.showPage()
        number += 1
        return draw_header(top_y) if opt.repeat_header and header else top_y

    y = draw_header(y)
    rows: list[tuple[list[list[str]], str]] = []
    for section in unit.sections:
        rows.append(([[section.numeral], [section.title], [], []], bold))
        for row in section.rows:
            cells = [
                [row.stt],
                wrap(row.target, regular, size, xs[1]),
                wrap(row.status, regular, size, xs[2]),
                [line for note in row.notes for line in wrap(note, regular, size, xs[3])],
            ]
            rows.append((cells, regular))
    for cells, font in rows:
        remaining = cells
        while True:
            room = int((y - bottom_y) // leading)
            if max(len(lines) for lines in remaining) <= room:
                y = draw_row(remaining, font, y) - opt.row_gap
                break
            if room < 2:  # too little room: the row starts on the next page
                y = new_page()
                continue
            # Broken by the page break: the rest continues on the next page, STT empty.
            draw_row([lines[:room] for lines in remaining], font, y)
            remaining = [[], *(lines[room:] for lines in remaining[1:])]
            y = new_page()
    y -= 20
    if y < bottom_y + 40:
        y = new_page(header=False)
    c.setFont(bold, 11)
    c.drawString(left, y, form("Nơi nhận:"))
    c.drawCentredString(left + total * 0.75, y, form("TM. ỦY BAN NHÂN DÂN"))
    c.setFont(regular, 11)
    c.drawString(left, y - 14, form("- Sở Nội vụ;"))
    c.drawString(left, y - 28, form("- Lưu: VT."))
    furniture()
    c.showPage()
    c.save()
    return number
