"""Tesseract through tesserocr: one engine per language setting, reused for every crop.

OpenMP is held to one thread before tesserocr loads (on a shared machine Tesseract's default
threads made it several times slower), and the engines are built once per document.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Where Debian, Fedora, Homebrew and source builds put the trained data.
_TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tesseract/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)
_DIGITS = "0123456789IVXivx."


@dataclass(slots=True)
class Word:
    """A word Tesseract read: its text, confidence (0–100) and box in the crop's pixels."""

    text: str
    confidence: float
    x0: int
    top: int
    x1: int
    bottom: int
    line: int  # which line of the crop it belongs to, from 0
    baseline: float | None = None  # the y of its line's baseline under it, where Tesseract has one


def tessdata(languages: tuple[str, ...]) -> str | None:
    """The folder holding ``<language>.traineddata`` for every language, or None."""
    candidates = [os.environ.get("TESSDATA_PREFIX", ""), *_TESSDATA_DIRS]
    for folder in candidates:
        if not folder:
            continue
        for path in (Path(folder), Path(folder) / "tessdata"):
            if all((path / f"{lang}.traineddata").is_file() for lang in languages):
                return str(path)
    return None


def _tesserocr() -> Any:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    import tesserocr

    return tesserocr


class Engines:
    """The two engines a page needs: text in the document's languages, and the STT column's
    numbers (English model, digits, roman numerals and "." only)."""

    def __init__(self, folder: str, languages: tuple[str, ...], dpi: float) -> None:
        tesserocr = _tesserocr()
        self._tesserocr = tesserocr
        self.dpi = dpi
        self.deadline: float | None = None  # time.monotonic() past which reading stops
        self.timed_out = False
        self.text = tesserocr.PyTessBaseAPI(
            path=folder, lang="+".join(languages), psm=tesserocr.PSM.SINGLE_BLOCK,
            oem=tesserocr.OEM.LSTM_ONLY,
        )  # fmt: skip
        self.numbers = tesserocr.PyTessBaseAPI(
            path=folder, lang="eng", psm=tesserocr.PSM.SINGLE_LINE, oem=tesserocr.OEM.LSTM_ONLY
        )
        self.numbers.SetVariable("tessedit_char_whitelist", _DIGITS)
        self.page = tesserocr.PyTessBaseAPI(
            path=folder, lang="+".join(languages), psm=tesserocr.PSM.AUTO,
            oem=tesserocr.OEM.LSTM_ONLY,
        )  # fmt: skip

    def close(self) -> None:
        for api in (self.text, self.numbers, self.page):
            api.End()

    def read(self, image: Any, kind: str = "text", dpi: float | None = None) -> list[Word]:
        """The words of a grey image (numpy, 0 ink): ``kind`` is "text" (a cell), "numbers"
        (an STT cell) or "page" (a whole page's loose text, laid out by Tesseract)."""
        api = {"text": self.text, "numbers": self.numbers, "page": self.page}[kind]
        timeout = 0
        if self.deadline is not None:
            timeout = int((self.deadline - time.monotonic()) * 1000)
            if timeout <= 0:
                self.timed_out = True
                return []
        height, width = image.shape
        api.SetImageBytes(image.tobytes(), width, height, 1, width)
        api.SetSourceResolution(int(dpi or self.dpi))
        if not api.Recognize(timeout=timeout):
            self.timed_out = self.timed_out or self.deadline is not None
            return []
        return _words(api, self._tesserocr)


def _words(api: Any, tesserocr: Any) -> list[Word]:
    level = tesserocr.RIL.WORD
    words: list[Word] = []
    iterator = api.GetIterator()
    if iterator is None:
        return words
    line = -1
    for item in tesserocr.iterate_level(iterator, level):
        if item.Empty(level):
            continue
        if line < 0 or item.IsAtBeginningOf(tesserocr.RIL.TEXTLINE):
            line += 1
        text = (item.GetUTF8Text(level) or "").strip()
        box = item.BoundingBox(level)
        if not text or box is None:
            continue
        x0, top, x1, bottom = box
        confidence = float(item.Confidence(level))
        words.append(Word(text, confidence, x0, top, x1, bottom, line, _baseline(item, level)))
    return words


def _baseline(item: Any, level: Any) -> float | None:
    """The y of the word's baseline at the middle of the word."""
    found = item.Baseline(level)
    if not found:
        return None
    (_, y1), (_, y2) = found
    return (y1 + y2) / 2
