"""Scanned pages: found page by page, read offline with Tesseract's Vietnamese model.

A page with no text and an image over most of it is a scan. Its image is rendered (pypdfium2),
straightened, its ruled tables found with OpenCV and read cell by cell, the rest read as loose
lines; the result is the same page model the text layer gives (:class:`~..page._Page`), so
continuation rows, repeated headers, sections and unruled tables work alike. Every word keeps
Tesseract's confidence; :func:`attach_confidence` gives each table cell the confidence of its
words, which the figures read from it carry to the report.

tesserocr, OpenCV and pypdfium2 are imported only when a scan is met (the ``ocr`` extra).
"""

from __future__ import annotations

import importlib.util
import time
from dataclasses import dataclass
from typing import Any

from ....errors import OcrUnavailableError
from ....grid import Block, Table
from ....models import Location, Unparsed
from ....options import Options
from ..engines.model import _Drawn
from ..page import _Page
from .page import OcrPage, OcrWord

__all__ = ["OcrPage", "Scan", "attach_confidence", "is_scan", "missing", "read_scans"]

_IMAGE_SHARE = 0.5  # an image over this share of the page makes a page without text a scan
_MODULES = {"tesserocr": "tesserocr", "cv2": "opencv-python-headless", "numpy": "numpy",
            "pypdfium2": "pypdfium2"}  # fmt: skip


@dataclass(slots=True)
class Scan:
    """A page found to be a scan: its number (from 1) and size in points."""

    number: int
    width: float
    height: float


def is_scan(drawn: _Drawn, content: _Page) -> bool:
    """A page with no text of its own and an image over most of it."""
    if content.glyphs or content.lines:  # ruled tables without text are a scan's drawn rules
        return False
    return drawn.image_cover >= _IMAGE_SHARE


def missing(options: Options) -> str | None:
    """What must be installed before scans can be read, or None when everything is there."""
    from .engine import tessdata

    absent = [
        package for module, package in _MODULES.items() if not importlib.util.find_spec(module)
    ]
    if absent:
        return f"pip install {' '.join(absent)} (or pip install 'appendixparse[ocr]')"
    if tessdata(options.ocr_languages) is None:
        names = " ".join(f"tesseract-ocr-{lang}" for lang in options.ocr_languages)
        return f"Tesseract's data: apt install {names} (or set TESSDATA_PREFIX)"
    return None


def read_scans(
    data: bytes, scans: list[Scan], source: str, options: Options
) -> tuple[list[OcrPage], list[Unparsed]]:
    """Read the scanned pages of a PDF; pages that ran out of time are noted as unplaced.

    Raises :class:`OcrUnavailableError` naming what to install when OCR cannot run.
    """
    need = missing(options)
    if need is not None:
        numbers = ", ".join(str(s.number) for s in scans[:5]) + ("…" if len(scans) > 5 else "")
        raise OcrUnavailableError(
            source, f"page(s) {numbers} are scanned images; reading them needs OCR: {need}"
        )
    import pypdfium2

    from . import image
    from .engine import Engines, tessdata
    from .numerals import NumberSequence

    folder = tessdata(options.ocr_languages)
    assert folder is not None
    pdf = pypdfium2.PdfDocument(data)
    engines = Engines(folder, options.ocr_languages, options.ocr_dpi)
    sequence = NumberSequence()
    pages: list[OcrPage] = []
    unplaced: list[Unparsed] = []
    try:
        for scan in scans:
            deadline = (
                time.monotonic() + options.ocr_page_timeout_s
                if options.ocr_page_timeout_s
                else None
            )
            engines.deadline, engines.timed_out = deadline, False
            gray = image.render(pdf, scan.number - 1, options.ocr_dpi)
            read = _read_one(gray, scan, engines, sequence)
            del gray
            if engines.timed_out:
                unplaced.append(
                    Unparsed(
                        text="",
                        location=Location(page=scan.number),
                        reason=f"page {scan.number}: OCR took longer than "
                        f"{options.ocr_page_timeout_s:g} s (Options.ocr_page_timeout_s); "
                        "the rest of the page was not read",
                    )
                )
            pages.append(read)
    finally:
        engines.close()
        pdf.close()
    return pages, unplaced


def _read_one(gray: Any, scan: Scan, engines: Any, sequence: Any) -> OcrPage:
    from .page import read_scan

    return read_scan(gray, scan.number, scan.width, scan.height, engines, sequence)


def attach_confidence(blocks: list[Block], pages: list[OcrPage]) -> None:
    """Give every row of a table read from a scan the confidence of each word of its cells:
    the word read inside the row's box with the same text (in reading order), else the
    lowest confidence of the words it is made of, else the row's lowest."""
    by_page = {p.page.number: p.words for p in pages}
    for block in blocks:
        if not isinstance(block, Table):
            continue
        for row in block.rows:
            words = by_page.get(row.location.page or 0)
            if words is None or row.location.bbox is None:
                continue
            row.confidence = _row_confidence(row.cells, row.location.bbox, words)


def _row_confidence(
    cells: list[str], box: tuple[float, float, float, float], words: list[OcrWord]
) -> list[tuple[float, ...]]:
    x0, top, x1, bottom = box
    inside = [
        w
        for w in words
        if x0 - 2 <= (w.box[0] + w.box[2]) / 2 <= x1 + 2
        and top - 2 <= (w.box[1] + w.box[3]) / 2 <= bottom + 2
    ]
    floor = min((w.confidence for w in inside), default=0.0)
    used: set[int] = set()
    out: list[tuple[float, ...]] = []
    for cell in cells:
        confidences: list[float] = []
        for token in cell.split():
            match = next(
                (i for i, w in enumerate(inside) if i not in used and w.text == token), None
            )
            if match is not None:
                used.add(match)
                confidences.append(inside[match].confidence)
                continue
            parts = [w.confidence for w in inside if w.text and w.text in token]
            confidences.append(min(parts) if parts else floor)
        out.append(tuple(confidences))
    return out
