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
    from .engine import tessdata
    from .numerals import NumberSequence, mend

    folder = tessdata(options.ocr_languages)
    assert folder is not None
    settings = _Settings(folder, options.ocr_languages, options.ocr_dpi, options.ocr_page_timeout_s)
    jobs = min(options.ocr_jobs, len(scans))
    if jobs > 1:
        read = _read_apart(data, scans, settings, jobs, options)
    else:
        read = _read_run(data, scans, settings)
    sequence = NumberSequence()  # the STT cells, in page order as if read one after another
    pages: list[OcrPage] = []
    unplaced: list[Unparsed] = []
    for scan, (page, timed_out) in zip(scans, read):
        page.numbers.settle(sequence)
        pages.append(page)
        if timed_out:
            unplaced.append(
                Unparsed(
                    text="",
                    location=Location(page=scan.number),
                    reason=f"page {scan.number}: OCR took longer than "
                    f"{options.ocr_page_timeout_s:g} s (Options.ocr_page_timeout_s); "
                    "the rest of the page was not read",
                )
            )
    mend(page.numbers for page in pages)
    return pages, unplaced


@dataclass(frozen=True, slots=True)
class _Settings:
    folder: str
    languages: tuple[str, ...]
    dpi: int
    page_timeout_s: float


class _PageReader:
    """The document open and Tesseract's engines built, once per process, for its pages."""

    def __init__(self, data: bytes, settings: _Settings) -> None:
        import pypdfium2

        from .engine import Engines

        self.settings = settings
        self.pdf = pypdfium2.PdfDocument(data)
        try:
            self.engines = Engines(settings.folder, settings.languages, settings.dpi)
        except BaseException:
            self.pdf.close()
            raise

    def read(self, scan: Scan) -> tuple[OcrPage, bool]:
        """One scanned page, and whether it ran out of time."""
        from . import image
        from .page import read_scan

        timeout = self.settings.page_timeout_s
        engines = self.engines
        engines.deadline = time.monotonic() + timeout if timeout else None
        engines.timed_out = False
        gray = image.render(self.pdf, scan.number - 1, self.settings.dpi)
        page = read_scan(gray, scan.number, scan.width, scan.height, engines)
        return page, engines.timed_out

    def close(self) -> None:
        self.engines.close()
        self.pdf.close()


def _read_apart(
    data: bytes, scans: list[Scan], settings: _Settings, jobs: int, options: Options
) -> list[tuple[OcrPage, bool]]:
    """The pages read on ``jobs`` processes, each given a run of consecutive pages (so each
    opens the document and builds its engines once); in page order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(scans) // jobs)
    runs = [scans[i : i + size] for i in range(0, len(scans), size)]
    context = multiprocessing.get_context(options.start_method)
    pool = ProcessPoolExecutor(max_workers=len(runs), mp_context=context)
    try:
        futures = [pool.submit(_read_run, data, run, settings) for run in runs]
        pages = [page for future in futures for page in future.result()]
    except BaseException:  # the document's time limit, Ctrl-C: stop the pages being read
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return pages


def _read_run(data: bytes, run: list[Scan], settings: _Settings) -> list[tuple[OcrPage, bool]]:
    reader = _PageReader(data, settings)
    try:
        return [reader.read(scan) for scan in run]
    finally:
        reader.close()


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
