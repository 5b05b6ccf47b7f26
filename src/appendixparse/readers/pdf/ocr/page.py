"""A scanned page to the PDF reader's page model: ruled tables read cell by cell, the rest of
the page read as loose lines (which the unruled reader then gathers into tables)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ....text.vocabulary import SECTION_PREFIXES
from ..page import _Page
from ..ruled import _RuledTable
from ..text import _join_lines, _Line, _Word
from . import glyphs
from . import image as img
from .engine import Engines, Word
from .numerals import NumberReadings, numeral_like

_MARGIN = 0.12  # a crop keeps this much (in inches) of paper around its ink
_INSET = 3  # pixels left out inside a rule, past its centre line
_STT_SHARE = 0.12  # a first column narrower than this share of its table holds numbers
_NUMBER_SCALE = 2.0  # STT crops are enlarged this much before reading
_SURE_NUMBER = 80.0  # an STT read at this confidence is not read again
_NUMBER_COLUMN = 3  # a column with this many numbers at least…
_NUMBER_SHARE = 0.6  # …and this share of its cells numbers holds numbers
_SHORT_VALUE = 6  # a reading this short in such a column may be a number misread
_NUMBER_HEIGHT = (0.7, 1.4)  # its digits' height to the column's numbers', for a number
# Letters no numeral's strokes are misread as: a reading with one of them is words.
_WORDLIKE = re.compile(r"[A-GJKOPQRSTYZa-hjkm-uwyzđĐ]")
_INK_HEIGHT = 0.75  # the median word's ink is about three quarters of the font size
_DESCENT = 0.22  # a text layer's line box reaches this share of the font size under the baseline
_SPECK_CONFIDENCE = 60.0  # a mark read below this, no sign a list or a figure uses, is a speck
_SIGNS = frozenset("-+–—•*%()")
_NUMBER_INK = 0.45  # a number's ink is at least this share of the font size high
_NUMBERING = re.compile(r"^(?:[0-9]{1,3}(?:\.[0-9]{1,3})*\.?|[IVX]{1,6}\.?)$")
_LETTERED = re.compile(r"^[a-zđ][.)]?$")
_SECTION_WORDS = frozenset(p.lower() for p in SECTION_PREFIXES)
_MARK_APART = 1.5  # a dropped mark stands this many font sizes from any word read
_MARK_JOIN = 0.3  # ink this close (in font sizes) is one mark
_MARK_WIDTH = 1.5  # a mark is at most this many font sizes wide
_MARK_COLUMN = 2  # a doubtful mark under this many marks read surely alike is one of them
_MARK_SIZE = 0.3  # …when its ink's width and height are within this share of theirs


@dataclass(slots=True)
class OcrWord:
    """A word read on a page: its text, confidence (0–100), box in PDF points."""

    text: str
    confidence: float
    box: tuple[float, float, float, float]


@dataclass(slots=True)
class OcrPage:
    """A scanned page read: its page model, every word with its confidence, and its STT
    readings, which :meth:`NumberReadings.settle` puts in the document's sequence."""

    page: _Page
    words: list[OcrWord]
    numbers: NumberReadings


def read_scan(
    gray: Any,
    number: int,
    width: float,
    height: float,
    engines: Engines,
) -> OcrPage:
    """One page image (grey numpy array at ``engines.dpi``) as a :class:`_Page` of ``width`` by
    ``height`` points, with every word read and its confidence; its STT cells as read, to be
    put in sequence."""

    dpi = engines.dpi
    ink = img.binarize(gray)
    angle = img.skew_angle(ink)
    if abs(angle) >= 0.05:
        gray = img.rotate(gray, angle, 255)
        ink = img.binarize(gray)
    clean = _speckle_free(ink)
    scale = 72.0 / dpi
    words: list[OcrWord] = []
    numbers = NumberReadings()
    tables: list[_RuledTable] = []
    loose = gray.copy()
    outside = clean.copy()
    for grid in img.find_tables(ink, dpi):
        tables.append(_read_table(gray, clean, grid, engines, scale, words, numbers))
        x0, top, x1, bottom = grid.box
        loose[max(top - 4, 0) : bottom + 5, max(x0 - 4, 0) : x1 + 5] = 255
        outside[max(top - 4, 0) : bottom + 5, max(x0 - 4, 0) : x1 + 5] = 0
    lines: list[_Line] = []
    if outside.any():
        lines, inks = _loose_lines(loose, engines, scale, words)
        lines = _recover_numbers(lines, inks, loose, outside, engines, scale)
        lines = _recover_marks(lines, loose, outside, engines, scale, words)
        _fix_line_numbers(lines, inks, loose, engines, scale, numbers)
    page = _Page(number=number, width=width, height=height, tables=tables, lines=lines)
    return OcrPage(page=page, words=words, numbers=numbers)


def _speckle_free(ink: Any) -> Any:
    """The ink without isolated specks (noise), for finding where a crop's text is."""
    import cv2

    return cv2.medianBlur(ink, 3)


def _trim(
    clean: Any, x0: int, top: int, x1: int, bottom: int, margin: int
) -> tuple[int, ...] | None:
    """The box of the ink inside a region, with ``margin`` pixels around it; None if blank."""
    import numpy as np

    region = clean[top:bottom, x0:x1]
    if region.size == 0:
        return None
    rows = np.flatnonzero(region.any(axis=1))
    cols = np.flatnonzero(region.any(axis=0))
    if rows.size == 0 or (rows[-1] - rows[0] < 3 and cols[-1] - cols[0] < 3):
        return None
    return (
        max(x0 + int(cols[0]) - margin, 0),
        max(top + int(rows[0]) - margin, 0),
        x0 + int(cols[-1]) + 1 + margin,
        top + int(rows[-1]) + 1 + margin,
    )


def _crop(gray: Any, box: tuple[int, ...], inner: tuple[int, int, int, int]) -> Any:
    """``box`` of the page, with whatever lies outside ``inner`` (the cell) made paper."""
    import numpy as np

    x0, top, x1, bottom = box
    out = np.full((bottom - top, x1 - x0), 255, dtype=np.uint8)
    ix0, itop, ix1, ibottom = (
        max(inner[0], x0),
        max(inner[1], top),
        min(inner[2], x1),
        min(inner[3], bottom),
    )
    out[itop - top : ibottom - top, ix0 - x0 : ix1 - x0] = gray[itop:ibottom, ix0:ix1]
    return out


def _read_table(
    gray: Any,
    clean: Any,
    grid: img.Grid,
    engines: Engines,
    scale: float,
    words: list[OcrWord],
    numbers: NumberReadings,
) -> _RuledTable:
    import cv2

    rows, cols = len(grid.ys) - 1, len(grid.xs) - 1
    parent = {(r, c): (r, c) for r in range(rows) for c in range(cols)}

    def find(cell: tuple[int, int]) -> tuple[int, int]:
        while parent[cell] != cell:
            parent[cell] = parent[parent[cell]]
            cell = parent[cell]
        return cell

    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and not grid.vertical[r][c]:
                parent[find((r, c + 1))] = find((r, c))
            if r + 1 < rows and not grid.horizontal[r][c]:
                parent[find((r + 1, c))] = find((r, c))
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for cell in parent:
        groups.setdefault(find(cell), []).append(cell)
    table_width = grid.xs[-1] - grid.xs[0]
    stt_column = (grid.xs[1] - grid.xs[0]) < _STT_SHARE * table_width
    margin = max(int(_MARGIN * engines.dpi), 4)
    texts: list[list[str]] = [[""] * cols for _ in range(rows)]
    stt: list[tuple[int, str, float, str | None]] = []  # (row, text, confidence, shape)
    headings: set[int] = set()  # rows whose cells after the first are one merged cell
    read: list[_CellRead] = []  # the other cells, their words yet to be placed
    for cells in groups.values():
        r0, r1 = min(r for r, _ in cells), max(r for r, _ in cells)
        c0, c1 = min(c for _, c in cells), max(c for _, c in cells)
        inner = (
            grid.xs[c0] + _INSET,
            grid.ys[r0] + _INSET,
            grid.xs[c1 + 1] - _INSET + 1,
            grid.ys[r1 + 1] - _INSET + 1,
        )
        box = _trim(clean, *inner, margin)
        if box is None:
            continue
        if c0 == 1 and c1 == cols - 1 and r0 == r1 and cols > 2:
            headings.add(r0)
        crop = _crop(gray, box, inner)
        if stt_column and c0 == 0 and c1 == 0:
            text, conf, shape = _read_number(crop, engines, cv2)
            stt.append((r0, text, conf, shape))
            for r in range(r0, r1 + 1):
                texts[r][c0] = text
        else:
            found = _restore_marks(engines.read(crop), crop)
            read.append(_CellRead(r0, r1, c0, c1, crop, box, found))
    for misread, height in _misread_numbers(read):
        misread.found = _read_value_again(misread, height, engines, cv2) or misread.found
    for done in read:
        words.extend(_placed(word, done.box, scale) for word in done.found)
        for r in range(done.r0, done.r1 + 1):
            texts[r][done.c0] = _cell_text(done.found)
    for r, text, conf, shape in sorted(stt, key=lambda s: s[0]):
        numbers.add(texts[r], text, conf, heading=r in headings, shape=shape)
    out_rows = []
    for r in range(rows):
        row_box = (
            round(grid.xs[0] * scale, 2),
            round(grid.ys[r] * scale, 2),
            round(grid.xs[-1] * scale, 2),
            round(grid.ys[r + 1] * scale, 2),
        )
        out_rows.append((texts[r], row_box))
    x0, top, x1, bottom = grid.box
    return _RuledTable(
        bbox=(
            round(x0 * scale, 2),
            round(top * scale, 2),
            round(x1 * scale, 2),
            round(bottom * scale, 2),
        ),
        rows=out_rows,
    )


@dataclass(slots=True)
class _CellRead:
    """A table cell read as text: its rows and columns, its crop and the crop's box on the
    page, and the words read in it."""

    r0: int
    r1: int
    c0: int
    c1: int
    crop: Any
    box: tuple[int, ...]
    found: list[Word]


def _misread_numbers(cells: list[_CellRead]) -> list[tuple[_CellRead, int]]:
    """The cells of a column of numbers (a value or score column) read doubtfully as no
    number ("P2", "ĐẶT)" for "2", "2,5"), or not read though inked, each with the height of
    the numbers read in its column."""
    columns: dict[int, list[_CellRead]] = {}
    for cell in cells:
        if cell.c0 == cell.c1:
            columns.setdefault(cell.c0, []).append(cell)
    out = []
    for column in columns.values():
        numbers = [c for c in column if glyphs.separated(_cell_text(c.found))]
        filled = sum(bool(c.found) for c in column)
        if len(numbers) < _NUMBER_COLUMN or len(numbers) < _NUMBER_SHARE * filled:
            continue
        heights = sorted(w.bottom - w.top for c in numbers for w in c.found)
        height = heights[len(heights) // 2]
        out += [
            (c, height)
            for c in column
            if not glyphs.separated(text := _cell_text(c.found))
            and len(text) <= _SHORT_VALUE
            and min((w.confidence for w in c.found), default=0.0) < _SURE_NUMBER
        ]
    return out


def _read_value_again(
    cell: _CellRead, height: int, engines: Engines, cv2: Any
) -> list[Word] | None:
    """A number misread as text, read again by the digits engine and written with the marks
    its ink shows, where its digits are as high as the column's (no speck, no letter) and every
    reading of them that fits the ink agrees; None otherwise."""
    ink = _tight(cell.crop, cell.found)
    shape = glyphs.number_shape(ink)
    if (
        shape is None
        or not _NUMBER_HEIGHT[0] <= glyphs.digit_height(ink) / height <= _NUMBER_HEIGHT[1]
    ):
        return None
    readings = _DigitReadings(cell.crop, engines, cv2).every()
    # the digits engine's dots are the ink's to place
    fits = [(glyphs.fit("".join(c for c in n if c.isdigit()), shape), conf) for n, conf in readings]
    fitted = {text for text, _ in fits if text is not None}
    if len(fitted) != 1:
        return None
    text, confidence = next((t, c) for t, c in fits if t is not None)
    f = cell.found
    if not f:  # nothing read: the crop's box
        return [Word(text, confidence, 0, 0, cell.crop.shape[1], cell.crop.shape[0], 0)]
    x0, top = min(w.x0 for w in f), min(w.top for w in f)
    x1, bottom = max(w.x1 for w in f), max(w.bottom for w in f)
    return [Word(text, confidence, x0, top, x1, bottom, 0, f[0].baseline)]


def _placed(word: Word, box: tuple[int, ...], scale: float) -> OcrWord:
    x0, top = box[0], box[1]
    return OcrWord(
        text=_normal(word.text),
        confidence=word.confidence,
        box=(
            (x0 + word.x0) * scale,
            (top + word.top) * scale,
            (x0 + word.x1) * scale,
            (top + word.bottom) * scale,
        ),
    )


# Look-alikes Tesseract's model writes for what documents type: "Trang 1⁄5" is "Trang 1/5".
_LOOKALIKES = str.maketrans({"\u2044": "/", "\u2215": "/"})
# A thousands separator read as "/" ("1/040" for 1.040): no denominator starts with 0.
_SLASHED_THOUSANDS = re.compile(r"(?<![\d/])(\d{1,3})/(0\d\d)(?![\d/])")


def _normal(text: str) -> str:
    """A word as Tesseract read it, in the text layer's terms.

    >>> _normal("1/040"), _normal("09/10"), _normal("1/04/2023"), _normal("111/238")
    ('1.040', '09/10', '1/04/2023', '111/238')
    """
    text = unicodedata.normalize("NFC", text).translate(_LOOKALIKES)
    return _SLASHED_THOUSANDS.sub(r"\1.\2", text) if "/" in text else text


def _unmarked(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _cell_text(found: list[Word]) -> str:
    lines: dict[int, list[str]] = {}
    for word in found:
        lines.setdefault(word.line, []).append(_normal(word.text))
    return _join_lines(" ".join(ws) for _, ws in sorted(lines.items()))


_NUMBER_LOOKALIKES = frozenset("IVXLCDMivxlcdmOoSsBZzg")  # roman numerals; 1, 0, 5, 8, 2, 9


def _read_number(crop: Any, engines: Engines, cv2: Any) -> tuple[str, float, str | None]:
    """An STT cell, the confidence of its reading, and the shape of its ink
    (:func:`glyphs.number_shape`, "9.9." for "2.1."): read as text first; a doubtful reading,
    or one that is no number ("H", "HÌ"), is read again with the English model held to digits
    and roman numerals (as it is, then enlarged: each misses some), the surest number kept.
    Where the ink shows a number's dots, the reading's digits take them ("12." is "1.2."),
    and a reading whose digits do not fit gives way to a reading of the digits that does."""
    found = engines.read(crop)
    digits = _DigitReadings(crop, engines, cv2)
    text, conf = _first_number(found, digits)
    shape = glyphs.number_shape(_tight(crop, found))
    fitted = glyphs.fit(text, shape, numbering=True)
    if fitted is not None:
        return fitted, conf, shape
    if shape is not None and "." in shape:
        for number, number_conf in digits.every():
            fitted = glyphs.fit(number, shape, numbering=True)
            if fitted is not None:
                return fitted, number_conf, shape
    return text, conf, shape


class _DigitReadings:
    """A crop read by the digits engine at each scale, each once, when asked for."""

    _SCALES = (1.0, _NUMBER_SCALE, 3.0)

    def __init__(self, crop: Any, engines: Engines, cv2: Any) -> None:
        self.padded = cv2.copyMakeBorder(crop, 20, 20, 20, 20, cv2.BORDER_CONSTANT, value=255)
        self.engines, self.cv2 = engines, cv2
        self.read: dict[float, tuple[str, float]] = {}

    def at(self, scale: float) -> tuple[str, float]:
        """The digits read at ``scale``, and their lowest confidence."""
        if scale not in self.read:
            image = self.padded
            if scale != 1.0:
                image = self.cv2.resize(
                    image, None, fx=scale, fy=scale, interpolation=self.cv2.INTER_CUBIC
                )
            words = self.engines.read(image, "numbers", dpi=self.engines.dpi * scale)
            number = "".join(w.text for w in words)
            self.read[scale] = (number, min((w.confidence for w in words), default=0.0))
        return self.read[scale]

    def every(self) -> list[tuple[str, float]]:
        """The readings at every scale, the surest first."""
        return sorted((self.at(s) for s in self._SCALES), key=lambda r: -r[1])


def _first_number(found: list[Word], digits: _DigitReadings) -> tuple[str, float]:
    """The number an STT cell's text reading stands for, or the digits engine's."""
    text = _cell_text(found)
    conf = min((w.confidence for w in found), default=0.0)
    plausible = bool(_NUMBERING.match(text) or _LETTERED.match(text))
    if text and conf >= _SURE_NUMBER and (plausible or len(text) > 2):
        return text, conf  # a number, a letter, or a header ("STT", "Số TT")
    best = (text, conf) if plausible else ("", -1.0)
    if not plausible and _is_word(text):
        return text, conf  # a header's word ("STT", "TT"), however doubtful: no number
    if not plausible and _WORDLIKE.search(_unmarked(text)):
        best = ("", _SURE_NUMBER - 0.01)  # word-like: only a sure number replaces it
    for scale in (1.0, _NUMBER_SCALE):
        number, number_conf = digits.at(scale)
        if number and _NUMBERING.match(number) and number_conf > best[1]:
            best = (number, number_conf)
            if number_conf >= _SURE_NUMBER:
                break
    return best if best[0] else (text, conf)


def _tight(image: Any, found: list[Word], pad: int = 3) -> Any:
    """The part of ``image`` the words found cover, ``pad`` pixels around: the ink of a
    number without the rules' remnants at a cell's edges."""
    if not found:
        return image
    height, width = image.shape
    x0, top = max(min(w.x0 for w in found) - pad, 0), max(min(w.top for w in found) - pad, 0)
    x1 = min(max(w.x1 for w in found) + pad, width)
    bottom = min(max(w.bottom for w in found) + pad, height)
    return image[top:bottom, x0:x1]


def _restore_marks(found: list[Word], image: Any) -> list[Word]:
    """The words of ``image`` with the dots and commas of their numbers the ink shows but
    Tesseract dropped ("1249" for "12,49", "2372" for "2.372") put back."""
    for word in found:
        if not glyphs.separated(word.text) or sum(c.isdigit() for c in word.text) < 2:
            continue
        shape = glyphs.number_shape(_tight(image, [word]))
        fitted = glyphs.fit(word.text, shape)
        if fitted is not None:
            word.text = fitted
    return found


def _recover_numbers(
    lines: list[_Line],
    inks: list[tuple[float, float]],
    gray: Any,
    ink: Any,
    engines: Engines,
    scale: float,
) -> list[_Line]:
    """Lone numbers Tesseract's page layout dropped (an unruled table's STT column): ink at
    the left of a line, before its first word and where the rows' numbers stand, read on its
    own; kept when it is a number, or a section numeral's strokes before a title in capitals.
    Ink too low to be a number (the marks over the next line's capitals) is passed; a line's
    band is its ink as well as its box (two lines Tesseract read as one)."""
    import cv2

    out: list[_Line] = []
    margin = max(int(_MARGIN * engines.dpi / 2), 3)
    rows = [ln.x0 for ln in lines if len(ln.segments) >= 3]
    left = min(rows) if rows else None
    for line, (ink_top, ink_bottom) in zip(lines, inks, strict=True):
        right = int((line.x0 - 0.5 * line.size) / scale)
        top = int(min(line.top, ink_top) / scale) - 2
        bottom = int(max(line.bottom, ink_bottom) / scale) + 2
        box = _trim(ink, 0, max(top, 0), max(right, 0), bottom, margin) if right > 0 else None
        if (
            box is None
            or box[2] - box[0] > 3 * (bottom - top)
            or (box[3] - box[1] - 2 * margin) * scale < _NUMBER_INK * line.size
            or (left is not None and (box[0] + margin) * scale > left + 2 * line.size)
        ):
            out.append(line)
            continue
        band = (0, max(top, 0), max(right, 0), bottom)  # the neighbour lines' ink left out
        text, _, _ = _read_number(_crop(gray, box, band), engines, cv2)
        heading = line.text.isupper() and numeral_like(text)
        if not text or not (_NUMBERING.match(text) or _LETTERED.match(text) or heading):
            out.append(line)
            continue
        x0, x1 = (box[0] + margin) * scale, (box[2] - margin) * scale
        word = _Word(text, x0, x1, line.top, line.bottom)
        out.append(_Line(words=[word, *line.words], size=line.size))
    return out


def _recover_marks(
    lines: list[_Line],
    gray: Any,
    ink: Any,
    engines: Engines,
    scale: float,
    words: list[OcrWord],
) -> list[_Line]:
    """Lone marks Tesseract's page layout dropped (an "X" ticking a status column): ink in a
    line's band, about a character wide and high, well apart from every word read, read on
    its own; kept when it is one to three letters or digits read with confidence, or when it
    is read doubtfully in a column of such marks (:func:`_column_mark`)."""
    import numpy as np

    marks: list[tuple[int, _Mark]] = []  # (line, mark) of every lone ink read on its own
    for at, line in enumerate(lines):
        top, bottom = int(line.top / scale), int(line.bottom / scale)
        band = ink[max(top, 0) : bottom]
        if band.size == 0:
            continue
        covered = np.zeros(band.shape[1], dtype=bool)
        gap = int(_MARK_APART * line.size / scale)
        spans = [
            (w.box[0], w.box[2]) for w in words if w.box[3] > line.top and w.box[1] < line.bottom
        ]
        for x0, x1 in [*spans, *((w.x0, w.x1) for w in line.words)]:  # and numbers recovered
            covered[max(int(x0 / scale) - gap, 0) : int(x1 / scale) + gap] = True
        columns = band.any(axis=0) & ~covered
        for x0, x1 in _runs(columns, int(_MARK_JOIN * line.size / scale)):
            box = _trim(ink, x0, max(top, 0), x1, bottom, 2)
            if (
                box is None
                or (box[2] - box[0] - 4) * scale > _MARK_WIDTH * line.size
                or (box[3] - box[1] - 4) * scale < _NUMBER_INK * line.size
            ):
                continue
            pad = int(0.1 * engines.dpi)
            inner = (box[0], box[1], box[2], box[3])
            outer = (max(box[0] - pad, 0), max(box[1] - pad, 0), box[2] + pad, box[3] + pad)
            read = engines.read(_crop(gray, outer, inner))
            text, confidence = (read[0].text, read[0].confidence) if len(read) == 1 else ("", 0.0)
            marks.append((at, _Mark(text, confidence, box, x0 * scale, x1 * scale)))
    sure = [m for _, m in marks if m.sure]
    found: dict[int, list[_Word]] = {}
    for at, mark in marks:
        text = mark.text if mark.sure else _column_mark(mark, sure)
        if text:
            line = lines[at]
            found.setdefault(at, []).append(_Word(text, mark.x0, mark.x1, line.top, line.bottom))
    return [
        _Line(words=sorted([*line.words, *found[at]], key=lambda w: w.x0), size=line.size)
        if at in found
        else line
        for at, line in enumerate(lines)
    ]


@dataclass(slots=True)
class _Mark:
    """A lone ink read on its own: what was read, how surely, its box (pixels) and its span
    on the line (points)."""

    text: str
    confidence: float
    box: tuple[int, ...]
    x0: float
    x1: float

    @property
    def sure(self) -> bool:
        """One to three letters or digits read with confidence."""
        return (
            1 <= len(self.text) <= 3
            and self.text.isalnum()
            and self.confidence >= _SPECK_CONFIDENCE
        )


def _column_mark(mark: _Mark, sure: list[_Mark]) -> str:
    """What a doubtfully read mark is in a column of marks: the text of the marks read surely
    over the same place of other lines, as large as it, where at least ``_MARK_COLUMN`` agree
    and none says otherwise ("" when they do not). A ticked status column's "X" read at 55
    or as "b$" among "X"s read at 80 and more is an "X"."""
    width, height = mark.box[2] - mark.box[0], mark.box[3] - mark.box[1]
    column = [
        m
        for m in sure
        if m.box[0] < mark.box[2]
        and mark.box[0] < m.box[2]
        and abs((m.box[2] - m.box[0]) - width) <= _MARK_SIZE * width
        and abs((m.box[3] - m.box[1]) - height) <= _MARK_SIZE * height
    ]
    texts = {m.text for m in column}
    return texts.pop() if len(texts) == 1 and len(column) >= _MARK_COLUMN else ""


def _runs(columns: Any, join: int) -> list[tuple[int, int]]:
    """The runs of true columns, runs less than ``join`` apart taken as one."""
    import numpy as np

    at = np.flatnonzero(columns)
    runs: list[tuple[int, int]] = []
    for x in at.tolist():
        if runs and x - runs[-1][1] <= join:
            runs[-1] = (runs[-1][0], x + 1)
        else:
            runs.append((x, x + 1))
    return runs


def _fix_line_numbers(
    lines: list[_Line],
    inks: list[tuple[float, float]],
    gray: Any,
    engines: Engines,
    scale: float,
    numbers: NumberReadings,
) -> None:
    """The numbers opening the rows of an unruled table: the lone short word before the
    other columns, at the left of the rows, read again when doubtful and put in sequence; a
    line of two parts whose second is in capitals is a section heading. A section's numeral
    inside its title's text ("Phần III. CẢI CÁCH …") is read again and put in sequence too."""
    import cv2

    rows = [ln for ln in lines if len(ln.segments) >= 3]
    # a table whose status column Tesseract dropped still has its two text columns
    left = min(
        (ln.x0 for ln in rows or [ln for ln in lines if len(ln.segments) >= 2]), default=None
    )
    if left is None:
        return
    dpi = engines.dpi
    # Rows numbered inside their first cell ("11. Mức độ …"): no STT column, and a lone word
    # first is the end of a wrapped cell ("80%", "quyền"), no number.
    within = sum(
        len(ln.segments[0]) > 1 and bool(_NUMBERING.match(ln.segments[0][0].text)) for ln in rows
    )
    alone = sum(len(ln.segments[0]) == 1 for ln in rows)
    for n, line in enumerate(lines):
        first = line.segments[0]
        if first[0].x0 <= left + 2 * line.size and _titled_numeral(first):
            _fix_titled_numeral(line, gray, engines, scale, numbers)
            continue
        if (
            not rows
            or within > alone
            or len(line.segments) < 2
            or len(first) != 1
            or len(first[0].text) > 5
            or first[0].x0 > left + 2 * line.size
        ):
            continue
        word = first[0]
        rest = " ".join(w.text for seg in line.segments[1:] for w in seg)
        heading = len(line.segments) == 2 and rest.isupper()
        pad = 0.1 * dpi
        ink_top, ink_bottom = inks[n]
        x0, top = int(word.x0 / scale - pad), int(min(line.top, ink_top) / scale - pad / 2)
        x1, bottom = int(word.x1 / scale + pad), int(max(line.bottom, ink_bottom) / scale + pad / 2)
        inner = (max(x0, 0), max(top, 0), x1, bottom)
        crop = _crop(gray, inner, inner)
        text, conf, shape = _read_number(crop, engines, cv2)
        numbers.add(word, text or word.text, conf, heading=heading, shape=shape)


def _fix_titled_numeral(
    line: _Line, gray: Any, engines: Engines, scale: float, numbers: NumberReadings
) -> None:
    """A section's numeral inside its title's line, read again on its own (half way to the
    words beside it, the line's own height: no ink of the lines above or below) and put in
    sequence as a heading's; a reading that is no numeral leaves the page layout's."""
    import cv2

    words = line.segments[0]
    word = words[1]
    x0 = int((words[0].x1 + word.x0) / 2 / scale)
    x1 = int((word.x1 + words[2].x0) / 2 / scale)
    inner = (max(x0, 0), max(int(line.top / scale) - 2, 0), x1, int(line.bottom / scale) + 2)
    text, conf, _ = _read_number(_crop(gray, inner, inner), engines, cv2)
    if not (_NUMBERING.match(text) or numeral_like(text)):
        text, conf = word.text, 0.0
    numbers.add(word, text, conf, heading=True)


def _titled_numeral(words: list[_Word]) -> bool:
    """A section's heading naming its numeral inside the title's text: a section word, then
    a numeral's strokes, then the title ("Phần II. CẢI CÁCH …" read for "Phần III")."""
    return (
        len(words) >= 3
        and words[0].text.lower() in _SECTION_WORDS
        and numeral_like(words[1].text.rstrip(":"))
    )


def _is_word(text: str) -> bool:
    """A word, no number misread: two letters or more that neither a roman numeral has nor
    a digit is misread as ("STT", "TT" heading the column on a repeated header; "ST1T")."""
    return sum(c.isalpha() and c not in _NUMBER_LOOKALIKES for c in _unmarked(text)) >= 2


def _speck(word: OcrWord) -> bool:
    """A doubtful mark no text would set alone ("_", "'", "|"): a scan's speck, which between
    two columns would join their text into one."""
    return (
        word.confidence < _SPECK_CONFIDENCE
        and not any(c.isalnum() for c in word.text)
        and not any(c in _SIGNS for c in word.text)
    )


def _loose_lines(
    loose: Any, engines: Engines, scale: float, words: list[OcrWord]
) -> tuple[list[_Line], list[tuple[float, float]]]:
    """The text outside the ruled tables, read by Tesseract as a page, regrouped into lines
    across the page (a row of an unruled table is one line, whatever Tesseract's blocks).

    A line's box is the text layer's: the font size high, from its descent under the
    baseline, not its ink (accents over capitals, a "y" or a "(" would make the gaps between
    a cell's lines vary as the text layer's never do); the top and bottom of each line's ink
    beside them."""
    found = engines.read(loose, "page")
    placed = [(_placed(w, (0, 0), scale), w.baseline) for w in found]
    words.extend(w for w, _ in placed)
    placed = [p for p in placed if not _speck(p[0])]
    placed.sort(key=lambda p: ((p[0].box[1] + p[0].box[3]) / 2, p[0].box[0]))
    groups: list[list[tuple[OcrWord, float | None]]] = []
    for word, baseline in placed:
        middle = (word.box[1] + word.box[3]) / 2
        if groups:
            last = groups[-1]
            top = min(w.box[1] for w, _ in last)
            bottom = max(w.box[3] for w, _ in last)
            if top <= middle <= bottom:
                last.append((word, baseline))
                continue
        groups.append([(word, baseline)])
    # The font size, from the median word's ink.
    heights = sorted(w.box[3] - w.box[1] for w, _ in placed)
    size = round(max(heights[len(heights) // 2] / _INK_HEIGHT, 4.0), 1) if heights else 10.0
    out: list[tuple[_Line, tuple[float, float]]] = []
    for group in groups:
        group.sort(key=lambda p: p[0].box[0])
        ink = min(w.box[1] for w, _ in group), max(w.box[3] for w, _ in group)
        top, bottom = ink
        bases = sorted(b for _, b in group if b is not None)
        if bases:
            bottom = bases[len(bases) // 2] * scale + _DESCENT * size
            top = bottom - size
        words_of = [_Word(w.text, w.box[0], w.box[2], top, bottom) for w, _ in group]
        out.append((_Line(words=words_of, size=size), ink))
    out.sort(key=lambda pair: (pair[0].top, pair[0].x0))
    return [line for line, _ in out], [ink for _, ink in out]
