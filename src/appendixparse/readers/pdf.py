"""PDF reader: ruled and unruled tables page by page, running headers left out, with provenance.

Each page is judged before pdfminer parses it (content size, drawing operations), then read
once through pdfplumber: ruled tables come from pdfplumber's table finder, and the text outside
them is rebuilt from the characters — lines, words (spaces from gaps), composed diacritics,
legacy TCVN3/VNI fonts converted. Lines that align in columns become unruled tables; the other
lines become paragraphs (wrapped lines joined). A table running over several pages is emitted
page by page, each part with the page's rows: the layout step joins the parts, drops repeated
headers, and a row broken by a page break continues in a row whose STT cell is empty.
"""

from __future__ import annotations

import bisect
import io
import itertools
import logging
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..encodings import to_unicode
from ..errors import (
    AppendixParseError,
    CorruptFileError,
    EncryptedFileError,
    FileTooLargeError,
    ScannedDocumentError,
)
from ..grid import Block, Grid, Paragraph, Row, Table
from ..limits import LIMITS
from ..models import Location, Unparsed

__all__ = ["read_pdf"]

# Distances are in units of the font size of the text concerned.
_SPACE_GAP = 0.15  # a gap between glyphs wider than this is a space between words
_SEGMENT_GAP = 0.8  # a gap wider than this separates text in different columns
_LINE_TOLERANCE = 0.35  # baselines closer than this are one line
_ROW_GAP = 0.9  # a blank wider than this between lines ends an unruled table…
_ROW_GAP_ALIGNED = 1.8  # …unless the next line sits in the table's columns
_ALIGN = 0.25  # edges closer than this are aligned
_RUNNING_BAND = 0.1  # running headers and footers sit in the outer tenth of the page
_MIN_RUNNING_PAGES = 2

_PAGE_NUMBER = re.compile(
    r"^(?:trang|page|tr\.)?\s*[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?"
    r"(?:\s*(?:/|of|trên|của)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_LIST_MARKER = re.compile(r"^(?:\d{1,2}[.)]|[-+•–*]|[a-zđ]\)|[IVX]{1,4}\.)$")
# Path construction, text showing and XObject painting: what makes pdfminer slow.
_OPERATORS = re.compile(rb"(?<![^\s\]\)>])(?:re|[lmcvyh]|Tj|TJ|'|\"|Do|BI)(?=[\s\[\(/<]|$)")
# Spacing accents some producers draw over a letter instead of a combining mark.
_SPACING_ACCENTS = {
    "\u00b4": "\u0301", "\u02ca": "\u0301", "\u0060": "\u0300", "\u02cb": "\u0300",
    "\u02dc": "\u0303", "\u02c6": "\u0302", "\u02d8": "\u0306", "\u02c0": "\u0309",
}  # fmt: skip
# TCVN3 layers where the producer mapped the byte of "ư" (0xAD, a soft hyphen in Latin-1) to a
# minus sign and that of "ã" (0xB7, a middle dot) to a bullet operator.
_TCVN3_QUIRKS = str.maketrans({"\u2212": "\u00ad", "\u2219": "\u00b7"})
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_STYLE_SUFFIX = re.compile(r"[,-]?(?:Bold|Italic|Oblique|Regular|MT|PS)$", re.IGNORECASE)
# What bytes 0x80-0x9F of a legacy 8-bit font come out as when read as Windows-1252.
_CP1252_EXTRAS = frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))


# --------------------------------------------------------------------------------------------
# Text model: glyphs → words → lines


@dataclass(slots=True)
class _Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str


@dataclass(slots=True)
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(slots=True)
class _Line:
    words: list[_Word]
    size: float
    top: float = 0.0
    bottom: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    segments: list[list[_Word]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.top = min(w.top for w in self.words)
        self.bottom = max(w.bottom for w in self.words)
        self.x0 = self.words[0].x0
        self.x1 = max(w.x1 for w in self.words)
        limit = _SEGMENT_GAP * self.size
        current = [self.words[0]]
        for word in self.words[1:]:
            if word.x0 - current[-1].x1 > limit:
                self.segments.append(current)
                current = []
            current.append(word)
        self.segments.append(current)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


class _Decoder:
    """Per font: is its text a legacy TCVN3/VNI layer, and which; decided from a sample."""

    def __init__(self) -> None:
        self.fonts: dict[str, tuple[str, bool] | None] = {}
        self.legacy = False  # any legacy font seen yet

    def learn(self, glyphs: Sequence[_Glyph]) -> None:
        samples: dict[str, list[str]] = {}
        for g in glyphs:
            if g.font not in self.fonts:
                samples.setdefault(g.font, []).append(g.text)
        for font, texts in samples.items():
            self.fonts[font] = self._decide(font, "".join(texts[:4000]))
            self.legacy = self.legacy or self.fonts[font] is not None

    @staticmethod
    def _decide(font: str, sample: str) -> tuple[str, bool] | None:
        if all(ord(c) < 128 for c in sample):
            return None
        plain = unicodedata.normalize("NFC", sample)
        quirked = sample.translate(_TCVN3_QUIRKS)
        # A legacy layer is 8-bit text: a letter of Unicode's Vietnamese ranges means Unicode.
        eight_bit = all(ord(c) < 256 or c in _CP1252_EXTRAS for c in quirked)
        if (
            eight_bit
            and quirked != sample
            and to_unicode(quirked, encoding="auto", font=font)
            != (unicodedata.normalize("NFC", quirked))
        ):
            return "tcvn3", True
        converted = to_unicode(sample, encoding="auto", font=font)
        if converted == plain:
            return None
        for encoding in ("tcvn3", "vni"):
            if to_unicode(sample, encoding=encoding, font=font) == converted:
                return encoding, False
        return "auto", False

    def text(self, glyphs: Sequence[_Glyph]) -> str:
        """The Unicode (NFC) text of a word's glyphs, legacy font runs converted."""
        if not self.legacy:
            return unicodedata.normalize("NFC", "".join([g.text for g in glyphs]))
        out: list[str] = []
        start = 0
        for i in range(1, len(glyphs) + 1):
            if i == len(glyphs) or glyphs[i].font != glyphs[start].font:
                run = "".join(g.text for g in glyphs[start:i])
                decision = self.fonts.get(glyphs[start].font)
                if decision is not None:
                    encoding, quirks = decision
                    if quirks:
                        run = run.translate(_TCVN3_QUIRKS)
                    run = to_unicode(run, encoding=encoding, font=glyphs[start].font)
                out.append(run)
                start = i
        return unicodedata.normalize("NFC", "".join(out))


def _font_hint(name: str) -> str:
    """A PDF font name as the font a document named: "FBHPFO+VnTimeHBold" → "VnTimeH" (the
    subset prefix and the style suffixes PDF producers add are dropped)."""
    name = _SUBSET_PREFIX.sub("", name)
    while True:
        shorter = _STYLE_SUFFIX.sub("", name)
        if shorter == name or not shorter:
            return name
        name = shorter


def _glyphs(chars: list[dict[str, Any]], orientation: str, turn: Any) -> tuple[list[_Glyph], int]:
    """pdfplumber's chars as glyphs, with separately drawn accents put on their letters; and
    how many chars had no Unicode mapping ("(cid:n)"). Only text running the page's way is
    kept (a label turned sideways in a header cell would break the lines)."""
    glyphs: list[_Glyph] = []
    marks: list[_Glyph] = []
    fonts: dict[str, str] = {}
    combining = unicodedata.combining
    unmapped = 0
    for c in chars:
        text = c.get("text") or ""
        if not text:
            continue
        if _direction(c["matrix"]) != orientation:
            continue
        if text.startswith("(cid:"):
            unmapped += 1
        size = c.get("size") or max(c["bottom"] - c["top"], 1.0)
        name = c.get("fontname") or ""
        font = fonts.get(name)
        if font is None:
            font = fonts[name] = _font_hint(str(name))
        if turn is None:
            glyph = _Glyph(text, c["x0"], c["x1"], c["top"], c["bottom"], size, font)
        else:
            # pdfminer's size of a turned glyph is its advance; its height across the line
            # is what a font size measures.
            x0, top, x1, bottom = turn(c["x0"], c["top"], c["x1"], c["bottom"])
            glyph = _Glyph(text, x0, x1, top, bottom, max(bottom - top, 1.0), font)
        if (combining(text[0]) and all(combining(ch) for ch in text)) or text in _SPACING_ACCENTS:
            marks.append(glyph)
        else:
            glyphs.append(glyph)
    if marks:
        _attach_marks(glyphs, marks)
    return glyphs, unmapped


def _attach_marks(glyphs: list[_Glyph], marks: list[_Glyph]) -> None:
    """Compose each accent drawn on its own with the letter under it (never twice)."""
    ordered = sorted(glyphs, key=lambda g: g.x0)
    starts = [g.x0 for g in ordered]
    widest = max((g.x1 - g.x0 for g in ordered), default=0.0)
    for mark in marks:
        lo = bisect.bisect_left(starts, mark.x0 - widest - mark.size)
        hi = bisect.bisect_right(starts, mark.x1 + 1)
        near = [
            b
            for b in ordered[lo:hi]
            if not b.text.isspace() and abs(b.bottom - mark.bottom) <= b.size
        ]
        width = mark.x1 - mark.x0
        best: _Glyph | None = None
        if width >= 0.5:
            scored = [(min(b.x1, mark.x1) - max(b.x0, mark.x0), b) for b in near]
            scored = [s for s in scored if s[0] >= 0.3 * width]
            best = max(scored, key=lambda s: s[0])[1] if scored else None
        if best is None:
            # A zero-width mark drawn after its letter (no shaping): the rightmost letter that
            # starts before it, if the mark is within reach of it.
            before = [b for b in near if b.x0 < mark.x0 - 0.01 and mark.x0 <= b.x1 + 0.5 * b.size]
            best = max(before, key=lambda b: b.x0) if before else None
        if best is None:
            glyphs.append(mark)  # an accent standing on its own: kept as it is
            continue
        base = best
        combining = _SPACING_ACCENTS.get(mark.text, mark.text)
        decomposed = unicodedata.normalize("NFD", base.text)
        if all(ch in decomposed for ch in combining):
            continue  # the letter already carries it: the producer drew it twice
        base.text = unicodedata.normalize("NFC", base.text + combining)


def _lines(glyphs: list[_Glyph], decoder: _Decoder) -> list[_Line]:
    """Glyphs grouped into lines (by baseline), then into words (by spaces and gaps)."""
    if not glyphs:
        return []
    ordered = sorted(glyphs, key=lambda g: (g.bottom, g.x0))
    groups: list[list[_Glyph]] = [[ordered[0]]]
    base = ordered[0].bottom
    for g in ordered[1:]:
        if g.bottom - base <= _LINE_TOLERANCE * g.size:
            groups[-1].append(g)
        else:
            groups.append([g])
            base = g.bottom
    lines = []
    for group in groups:
        group.sort(key=lambda g: g.x0)
        words = _words(group, decoder)
        if words:
            size = Counter(round(g.size, 1) for g in group).most_common(1)[0][0]
            lines.append(_Line(words=words, size=size))
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


def _words(glyphs: list[_Glyph], decoder: _Decoder) -> list[_Word]:
    words: list[_Word] = []
    current: list[_Glyph] = []

    def flush() -> None:
        if current:
            text = decoder.text(current)
            if text.strip():
                words.append(
                    _Word(
                        text=" ".join(text.split()),
                        x0=current[0].x0,
                        x1=max(g.x1 for g in current),
                        top=min(g.top for g in current),
                        bottom=max(g.bottom for g in current),
                    )
                )
            current.clear()

    space_at: float | None = None  # the middle of the last space glyph
    for g in glyphs:
        if g.text.isspace():
            space_at = (g.x0 + g.x1) / 2
            continue
        if space_at is not None and g.x0 >= space_at - 0.01:
            flush()  # a space drawn over the next letter (a ghost) separates nothing
        space_at = None
        if current:
            last = current[-1]
            if g.text == last.text and g.x0 - last.x0 < 0.5 * max(last.x1 - last.x0, 0.1):
                continue  # the same glyph drawn twice (fake bold, overprint)
            if g.x0 - last.x1 > _SPACE_GAP * min(g.size, last.size):
                flush()
        current.append(g)
    flush()
    return words


# --------------------------------------------------------------------------------------------
# Pages


@dataclass(slots=True)
class _RuledTable:
    bbox: tuple[float, float, float, float]
    rows: list[tuple[list[str], tuple[float, float, float, float]]]


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    tables: list[_RuledTable]
    lines: list[_Line]  # the text outside ruled tables
    glyphs: int = 0
    unmapped: int = 0  # glyphs without a Unicode mapping


def _operators(page_obj: Any) -> tuple[int, int]:
    """Count drawing/text operators and decoded bytes of a page's content, before parsing it.

    Content streams (and the form XObjects the page names) are inflated in chunks with a cap,
    so a decompression bomb stops at the limit.
    """
    from pdfminer.pdftypes import PDFStream, resolve1
    from pdfminer.psparser import LIT

    budget = LIMITS.max_pdf_content_bytes
    count = 0
    size = 0
    streams: list[Any] = [resolve1(s) for s in page_obj.contents]
    seen: set[int] = set()
    resources = resolve1(page_obj.resources) if page_obj.resources else {}
    xobjects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
    if isinstance(xobjects, dict):
        for ref in list(xobjects.values())[:200]:
            obj = resolve1(ref)
            if isinstance(obj, PDFStream) and resolve1(obj.get("Subtype")) == LIT("Form"):
                streams.append(obj)
    for stream in streams:
        if not isinstance(stream, PDFStream) or id(stream) in seen:
            continue
        seen.add(id(stream))
        tail = b""
        for chunk in _inflate(stream, budget - size + 1):
            size += len(chunk)
            data = tail + chunk
            cut = max(data.rfind(b" "), data.rfind(b"\n"))
            count += len(_OPERATORS.findall(data, 0, cut if cut > 0 else len(data)))
            tail = data[cut:] if cut > 0 else b""
            if size > budget or count > LIMITS.max_pdf_page_objects:
                return count, size  # enough to judge: no need to read the rest
        count += len(_OPERATORS.findall(tail))
    return count, size


def _inflate(stream: Any, cap: int) -> Iterator[bytes]:
    """The decoded bytes of a content stream, at most about ``cap`` of them."""
    from pdfminer.psparser import LIT

    if stream.data is not None:
        yield stream.data[:cap]
        return
    filters = stream.get_filters()
    flate = len(filters) == 1 and filters[0][0] in (LIT("FlateDecode"), LIT("Fl"))
    predictor = flate and isinstance(filters[0][1], dict) and "Predictor" in filters[0][1]
    if not flate or predictor:
        yield stream.get_data()[:cap]  # rare filters: pdfminer decodes them itself anyway
        return
    raw = stream.rawdata or b""
    if stream.decipher:
        raw = stream.decipher(stream.objid, stream.genno, raw, stream.attrs)
    inflater = zlib.decompressobj()
    produced = 0
    try:
        for at in range(0, len(raw), 1 << 16):
            piece = inflater.decompress(raw[at : at + (1 << 16)], max(cap - produced, 1))
            while piece:
                produced += len(piece)
                yield piece
                if produced >= cap:
                    return
                piece = inflater.decompress(inflater.unconsumed_tail, max(cap - produced, 1))
    except zlib.error:
        return  # pdfminer recovers what it can of a damaged stream


Box = tuple[float, float, float, float]


def _direction(matrix: Sequence[float]) -> str:
    """Which way a glyph runs, from its matrix: "upright", "down" (turned a quarter clockwise,
    as on a /Rotate 90 page), "up", "flip" (upside down) or "mirror" (right to left)."""
    a, b, _, d = matrix[:4]
    if abs(a) >= abs(b):
        if a >= 0:
            return "upright"
        return "flip" if d < 0 else "mirror"
    return "up" if b > 0 else "down"


def _orientation(chars: list[dict[str, Any]]) -> str:
    """The way most of the page's text runs (see :func:`_direction`)."""
    votes = Counter(_direction(c["matrix"]) for c in chars[:2000])
    return votes.most_common(1)[0][0] if votes else "upright"


def _turner(orientation: str, width: float, height: float) -> Any:
    """A function turning a box (x0, top, x1, bottom) so that the text reads left to right."""
    if orientation == "down":
        return lambda x0, top, x1, bottom: (top, width - x1, bottom, width - x0)
    if orientation == "up":
        return lambda x0, top, x1, bottom: (height - bottom, x0, height - top, x1)
    if orientation == "flip":
        return lambda x0, top, x1, bottom: (width - x1, height - bottom, width - x0, height - top)
    if orientation == "mirror":
        return lambda x0, top, x1, bottom: (width - x1, top, width - x0, bottom)
    return None


def _read_page(page: Any, number: int, decoder: _Decoder) -> _Page:
    """One page: its ruled tables (cell text by cell) and the lines of text outside them."""
    chars = page.chars
    orientation = _orientation(chars)
    width, height = float(page.width), float(page.height)
    turn = _turner(orientation, width, height)
    glyphs, unmapped = _glyphs(chars, orientation, turn)
    if orientation in ("up", "down"):
        width, height = height, width
    decoder.learn(glyphs)
    found: list[tuple[list[Box], list[Box], Box]] = []
    for t in page.find_tables():
        cells = [turn(*c) for c in t.cells] if turn else list(t.cells)
        rows = _row_boxes(cells)
        if len(rows) >= 2 and len({round(c[0], 1) for c in cells}) >= 2:
            box = (
                min(c[0] for c in cells),
                min(c[1] for c in cells),
                max(c[2] for c in cells),
                max(c[3] for c in cells),
            )
            found.append((cells, rows, box))
    inside: list[list[_Glyph]] = [[] for _ in found]
    outside: list[_Glyph] = []
    for g in glyphs:
        cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        for i, (_, _, (x0, top, x1, bottom)) in enumerate(found):
            if x0 <= cx <= x1 and top <= cy <= bottom:
                inside[i].append(g)
                break
        else:
            outside.append(g)
    tables = [
        _ruled_table(cells, rows, box, mine, decoder)
        for (cells, rows, box), mine in zip(found, inside)
    ]
    return _Page(
        number=number,
        width=width,
        height=height,
        tables=tables,
        lines=_lines(outside, decoder),
        glyphs=len(glyphs),
        unmapped=unmapped,
    )


def _row_boxes(cells: list[Box]) -> list[Box]:
    """The rows of a table from its cells: one per distinct cell top, down to the next one."""
    tops = sorted({round(c[1], 1) for c in cells})
    x0, x1 = min(c[0] for c in cells), max(c[2] for c in cells)
    bottom = max(c[3] for c in cells)
    return [(x0, top, x1, nxt) for top, nxt in zip(tops, [*tops[1:], bottom])]


def _ruled_table(
    cells: list[Box],
    row_boxes: list[Box],
    box: Box,
    glyphs: list[_Glyph],
    decoder: _Decoder,
) -> _RuledTable:
    """Cell texts of a ruled table: a cell merged across columns gives its text to the first
    column and "" to the others; one merged across rows gives it to every row it covers.

    A ruled row whose first column holds several entries (a table ruled between columns but
    not between rows) is split where each entry starts.
    """
    col_starts = sorted({round(c[0], 1) for c in cells})
    width = len(col_starts)
    row_tops = [b[1] for b in row_boxes]
    spans: list[list[str]] = [[""] * width for _ in row_boxes]  # cells merged over rows
    own: dict[tuple[int, int], list[_Line]] = {}  # cells of exactly one row: their lines
    glyphs = sorted(glyphs, key=lambda g: (g.top + g.bottom) / 2)
    middles = [(g.top + g.bottom) / 2 for g in glyphs]
    for x0, top, x1, bottom in cells:
        lo, hi = bisect.bisect_left(middles, top), bisect.bisect_right(middles, bottom)
        lines = _lines([g for g in glyphs[lo:hi] if x0 <= (g.x0 + g.x1) / 2 <= x1], decoder)
        if not lines:
            continue
        column = max(min(bisect.bisect_right(col_starts, round(x0, 1) + 0.5) - 1, width - 1), 0)
        covered = []
        for r in range(bisect.bisect_left(row_tops, top - 1), len(row_boxes)):
            if row_boxes[r][3] > bottom + 1:
                break
            covered.append(r)
        if len(covered) == 1:
            own[(covered[0], column)] = lines
        for r in covered:
            spans[r][column] = "\n".join(line.text for line in lines)

    rows: list[tuple[list[str], Box]] = []
    for r, row_box in enumerate(row_boxes):
        starts = _entry_starts(own.get((r, 0), []))
        if len(starts) < 2:
            rows.append((spans[r], _round_box(row_box)))
            continue
        bounds = [*starts[1:], row_box[3] + 1]
        for k, (top, bottom) in enumerate(zip([row_box[1], *starts[1:]], bounds)):
            texts = []
            for c in range(width):
                lines = own.get((r, c))
                if lines is None:
                    texts.append(spans[r][c] if k == 0 else "")
                    continue
                mine = [ln for ln in lines if top - 1 <= ln.top < bottom - 1]
                texts.append("\n".join(ln.text for ln in mine))
            rows.append((texts, _round_box((row_box[0], top, row_box[2], min(bottom, row_box[3])))))
    return _RuledTable(bbox=_round_box(box), rows=rows)


def _entry_starts(lines: list[_Line]) -> list[float]:
    """Where the entries of a first-column cell start, when it holds several: short labels
    on lines of their own, numbers among them ("1", "2", "II"; not a wrapped "Số / TT"), or
    blocks of lines with blank space between."""
    if len(lines) < 2:
        return []
    if (
        all(len(ln.text) <= 8 for ln in lines)
        and sum(any(ch.isdigit() for ch in ln.text) for ln in lines) >= 2
    ):
        return [ln.top for ln in lines]
    starts = [lines[0].top]
    for prev, line in itertools.pairwise(lines):
        if line.top - prev.bottom > 0.6 * line.size:
            starts.append(line.top)
    return starts if len(starts) > 1 else []


def _round_box(box: Box) -> Box:
    return (round(box[0], 2), round(box[1], 2), round(box[2], 2), round(box[3], 2))


# --------------------------------------------------------------------------------------------
# Running headers and footers


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _drop_running_lines(pages: list[_Page]) -> None:
    """Leave out page numbers and the lines repeated at the same place at the top or the
    bottom of several pages, working inwards from the page edge."""

    def outer(page: _Page) -> tuple[list[_Line], list[_Line]]:
        top = [ln for ln in page.lines if ln.bottom <= _RUNNING_BAND * page.height]
        bottom = [ln for ln in page.lines if ln.top >= (1 - _RUNNING_BAND) * page.height]
        return top, bottom[::-1]

    seen: Counter[tuple[str, str, int]] = Counter()
    for page in pages:
        top, bottom = outer(page)
        for where, lines in (("top", top), ("bottom", bottom)):
            for key in {(where, _mask(ln.text), round(ln.top / 3)) for ln in lines}:
                seen[key] += 1

    def running(where: str, line: _Line) -> bool:
        if len(line.segments) > 2:
            return False
        if _PAGE_NUMBER.match(line.text.strip()):
            return True
        if len(pages) < _MIN_RUNNING_PAGES:
            return False
        mask = _mask(line.text)
        near = round(line.top / 3)
        hits = max(seen[(where, mask, near + d)] for d in (-1, 0, 1))
        return hits >= _MIN_RUNNING_PAGES

    for page in pages:
        top, bottom = outer(page)
        drop: set[int] = set()
        for where, lines in (("top", top), ("bottom", bottom)):
            for line in lines:
                if not running(where, line):
                    break
                drop.add(id(line))
        if drop:
            page.lines = [ln for ln in page.lines if id(ln) not in drop]


# --------------------------------------------------------------------------------------------
# Unruled tables: lines whose text sits in aligned columns


@dataclass(slots=True)
class _Column:
    x0: float
    x1: float
    lefts: list[float]
    rights: list[float]
    centres: list[float]

    @classmethod
    def of(cls, x0: float, x1: float) -> _Column:
        return cls(x0, x1, [x0], [x1], [(x0 + x1) / 2])

    def add(self, x0: float, x1: float) -> None:
        self.x0, self.x1 = min(self.x0, x0), max(self.x1, x1)
        self.lefts.append(x0)
        self.rights.append(x1)
        self.centres.append((x0 + x1) / 2)

    def aligned(self, x0: float, x1: float, tolerance: float) -> bool:
        centre = (x0 + x1) / 2
        return (
            any(abs(x0 - v) <= tolerance for v in self.lefts)
            or any(abs(x1 - v) <= tolerance for v in self.rights)
            or any(abs(centre - v) <= tolerance for v in self.centres)
        )

    def copy(self) -> _Column:
        return _Column(self.x0, self.x1, list(self.lefts), list(self.rights), list(self.centres))


def _extent(seg: list[_Word]) -> tuple[float, float]:
    return seg[0].x0, max(w.x1 for w in seg)


@dataclass(slots=True)
class _Run:
    """Lines being gathered into an unruled table, and the columns they define.

    Columns grow from the segments of the lines (text separated by wide gaps); a line whose
    segments share one column splits it (a two-row header under a merged cell), a segment
    across several columns is a merged cell when it starts where a column's text starts.
    Carried over a page break, the columns are frozen so that every part has the same width.
    """

    columns: list[_Column]
    lines: list[_Line] = field(default_factory=list)
    multi: int = 0  # lines with text in two or more columns
    carried: bool = False

    def overlapping(self, x0: float, x1: float) -> list[int]:
        return [i for i, c in enumerate(self.columns) if min(c.x1, x1) - max(c.x0, x0) > 0]

    def fits(self, line: _Line) -> bool:
        """Can ``line`` join the run? If so, it is added and the columns are updated."""
        tolerance = _ALIGN * line.size
        single = len(line.segments) == 1
        plan: list[tuple[tuple[float, float], list[int]]] = []
        for seg in line.segments:
            x0, x1 = _extent(seg)
            cols = self.overlapping(x0, x1)
            if not cols and self.carried:
                cols = self._nearest(x0, x1, _SEGMENT_GAP * line.size)
            if len(cols) > 1:
                # A merged cell (a section title) starts where a column's text starts.
                if self.multi < 2 or not any(
                    abs(x0 - v) <= tolerance for i in cols for v in self.columns[i].lefts
                ):
                    return False
                cols = []  # spans: it does not shape the columns
                plan.append(((x0, x1), [-1]))
                continue
            if single and (not cols or not self.columns[cols[0]].aligned(x0, x1, tolerance)):
                return False
            plan.append(((x0, x1), cols))
        shared = Counter(cols[0] for _, cols in plan if len(cols) == 1 and cols[0] >= 0)
        if self.carried and (any(n > 1 for n in shared.values()) or any(not c for _, c in plan)):
            return False
        for index in sorted((i for i, n in shared.items() if n > 1), reverse=True):
            self._split(index, [extent for extent, cols in plan if cols == [index]])
        for (x0, x1), cols in plan:
            if cols == [-1]:
                continue
            if cols and shared[cols[0]] == 1:
                self.columns[cols[0]].add(x0, x1)
            elif not cols:
                self.columns.append(_Column.of(x0, x1))
        self.columns.sort(key=lambda c: c.x0)
        self.lines.append(line)
        self.multi += not single
        return True

    def _nearest(self, x0: float, x1: float, reach: float) -> list[int]:
        distance = [(max(c.x0 - x1, x0 - c.x1), i) for i, c in enumerate(self.columns)]
        best = min(distance, default=None)
        return [best[1]] if best is not None and best[0] <= reach else []

    def _split(self, index: int, extents: list[tuple[float, float]]) -> None:
        """Split column ``index`` between the segments of one line that all fell in it."""
        old = self.columns.pop(index)
        extents.sort()
        cuts = [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(extents)]
        parts = [_Column.of(x0, x1) for x0, x1 in extents]
        for values, name in (
            (old.lefts, "lefts"),
            (old.rights, "rights"),
            (old.centres, "centres"),
        ):
            for v in values:
                getattr(parts[bisect.bisect_right(cuts, v)], name).append(v)
        parts[0].x0 = min(parts[0].x0, old.x0)
        parts[-1].x1 = max(parts[-1].x1, old.x1)
        self.columns[index:index] = parts

    def settle(self) -> None:
        """Merge neighbouring columns that never hold text on the same line (a centred header
        over left-aligned cells can look like a column of its own)."""
        if self.carried:
            return
        while len(self.columns) > 1:
            bounds = _bounds(self.columns)
            together = set()
            for line in self.lines:
                used = sorted(
                    {bisect.bisect_right(bounds, sum(_extent(seg)) / 2) for seg in line.segments}
                )
                together.update(itertools.pairwise(used))
            lonely = next(
                (i for i in range(len(self.columns) - 1) if (i, i + 1) not in together), None
            )
            if lonely is None:
                return
            a, b = self.columns[lonely], self.columns.pop(lonely + 1)
            a.x0, a.x1 = min(a.x0, b.x0), max(a.x1, b.x1)
            a.lefts += b.lefts
            a.rights += b.rights
            a.centres += b.centres


def _bounds(columns: list[_Column]) -> list[float]:
    return [(a.x1 + b.x0) / 2 for a, b in itertools.pairwise(columns)]


def _start_run(line: _Line) -> _Run:
    run = _Run(columns=[_Column.of(*_extent(seg)) for seg in line.segments])
    run.lines.append(line)
    run.multi = 1
    return run


def _carry(run: _Run) -> _Run:
    """A fresh run on the next page with the (frozen) columns of ``run``."""
    return _Run(columns=[c.copy() for c in run.columns], multi=max(run.multi, 2), carried=True)


def _gap_allows(run: _Run, line: _Line) -> bool:
    gap = line.top - run.lines[-1].bottom
    if gap <= _ROW_GAP * line.size:
        return True
    if gap > _ROW_GAP_ALIGNED * line.size or len(line.segments) < 2:
        return False
    tolerance = _ALIGN * line.size
    return all(
        any(any(abs(seg[0].x0 - v) <= tolerance for v in c.lefts) for c in run.columns)
        for seg in line.segments
    )


def _runs(lines: list[_Line], carried: _Run | None) -> list[_Line | _Run]:
    """Split a page's lines into unruled tables (runs) and the lines between them."""
    out: list[_Line | _Run] = []
    run: _Run | None = carried
    for line in lines:
        if run is not None and (not run.lines or _gap_allows(run, line)) and run.fits(line):
            continue
        if run is not None and run.lines:
            out.append(run)
        run = None
        if len(line.segments) > 1:
            run = _start_run(line)
        else:
            out.append(line)
    if run is not None and run.lines:
        out.append(run)
    for part in out:
        if isinstance(part, _Run):
            part.settle()
    return out


def _place(seg: list[_Word], bounds: list[float], size: float) -> list[tuple[int, str]]:
    """The column of each piece of a segment: a segment crossing a column boundary is split
    at a gap wider than a space there, else it is a merged cell and stays whole, in the column
    where it starts."""
    x0, x1 = _extent(seg)
    first, last = bisect.bisect_right(bounds, x0), bisect.bisect_right(bounds, x1)
    if first == last:
        return [(first, " ".join(w.text for w in seg))]
    pieces: list[tuple[int, str]] = []
    column, words = first, [seg[0].text]
    for prev, word in itertools.pairwise(seg):
        crossed = [b for b in bounds if prev.x1 <= b <= word.x0]
        if crossed and word.x0 - prev.x1 > 0.35 * size:
            pieces.append((column, " ".join(words)))
            column, words = bisect.bisect_right(bounds, crossed[-1]), []
        words.append(word.text)
    pieces.append((column, " ".join(words)))
    return pieces


def _run_rows(run: _Run, page: int) -> list[Row]:
    """The rows of an unruled table: a row starts after a wider blank, or where the first
    column has text again; cells hold their lines joined with "\\n"."""
    columns = run.columns
    bounds = _bounds(columns)
    placed: list[list[list[str]]] = []  # per line: per column, its pieces of text
    for line in run.lines:
        cells: list[list[str]] = [[] for _ in columns]
        for seg in line.segments:
            for column, text in _place(seg, bounds, line.size):
                cells[column].append(text)
        placed.append(cells)
    first_column = [bool(cells[0]) for cells in placed]
    gaps = [b.top - a.bottom for a, b in zip(run.lines, run.lines[1:])]
    tight = min(gaps, default=0.0)
    sizes = [ln.size for ln in run.lines]
    spaced = any(g > tight + 0.3 * s for g, s in zip(gaps, sizes[1:]))

    groups: list[list[int]] = []
    for i in range(len(run.lines)):
        if not groups:
            groups.append([i])
            continue
        has_first = any(first_column[j] for j in groups[-1])
        if spaced:
            new = gaps[i - 1] > tight + 0.3 * sizes[i] or (first_column[i] and has_first)
        else:
            new = first_column[i]
        if new:
            groups.append([i])
        else:
            groups[-1].append(i)

    rows: list[Row] = []
    x0, x1 = columns[0].x0, max(c.x1 for c in columns)
    for group in groups:
        cells = [
            "\n".join(" ".join(placed[i][c]) for i in group if placed[i][c])
            for c in range(len(columns))
        ]
        top, bottom = run.lines[group[0]].top, run.lines[group[-1]].bottom
        box = (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))
        rows.append(Row(cells=cells, location=Location(page=page, bbox=box)))
    return rows


# --------------------------------------------------------------------------------------------
# Paragraphs


def _paragraphs(lines: list[_Line], left: float, right: float) -> list[list[_Line]]:
    """Join lines that wrap into the next one: the next line's first word did not fit."""
    groups: list[list[_Line]] = []
    for line in lines:
        if groups and _continues(groups[-1][-1], line, left, right):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _continues(prev: _Line, line: _Line, left: float, right: float) -> bool:
    if len(prev.segments) > 1 or len(line.segments) > 1:
        return False
    if line.top - prev.bottom > 0.5 * prev.size or abs(line.size - prev.size) > 0.6:
        return False
    first = line.words[0]
    if _LIST_MARKER.match(first.text):
        return False
    left_slack, right_slack = prev.x0 - left, right - prev.x1
    centred = abs(left_slack - right_slack) < 0.3 * prev.size and left_slack > prev.size
    slack = left_slack + right_slack if centred else right_slack
    return slack < (first.x1 - first.x0) + 0.6 * prev.size


# --------------------------------------------------------------------------------------------
# The document


class _Builder:
    """Pages to blocks, in reading order, carrying an unruled table over page breaks."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.carried: _Run | None = None
        self.tables = 0

    def table(self, rows: list[Row]) -> None:
        self.tables += 1
        self.blocks.append(Table(rows=rows, index=self.tables))

    def page(self, page: _Page) -> None:
        left = min([ln.x0 for ln in page.lines] + [t.bbox[0] for t in page.tables], default=0)
        right = max([ln.x1 for ln in page.lines] + [t.bbox[2] for t in page.tables], default=0)
        items: list[tuple[float, int, Any]] = [(t.bbox[1], 0, t) for t in page.tables]
        items += [(ln.top, 1, ln) for ln in page.lines]
        items.sort(key=lambda item: (item[0], item[1]))
        pending: list[_Line] = []
        carried, self.carried = self.carried, None
        for _, kind, item in items:
            if kind == 1:
                pending.append(item)
                continue
            self.text(pending, page, left, right, carried)
            pending, carried = [], None
            self.table(
                [Row(cells, Location(page=page.number, bbox=box)) for cells, box in item.rows]
            )
        self.text(pending, page, left, right, carried, last=True)

    def text(
        self,
        lines: list[_Line],
        page: _Page,
        left: float,
        right: float,
        carried: _Run | None,
        *,
        last: bool = False,
    ) -> None:
        if not lines:
            return
        parts = _runs(lines, carried)
        loose: list[_Line] = []
        for n, part in enumerate(parts):
            if isinstance(part, _Line):
                loose.append(part)
                continue
            is_table = len(part.columns) >= 3 and (part.multi >= 2 or part.carried)
            # A two-column block heading the first page (the motto table beside the unit's
            # name) stays a table; elsewhere two columns of text are just lines.
            at_top = (
                page.number == 1
                and not any(isinstance(b, Table) for b in self.blocks)
                and all(ln.bottom <= _RUNNING_BAND * page.height for ln in loose)
                and all(
                    b.location.bbox is not None
                    and b.location.bbox[3] <= _RUNNING_BAND * page.height
                    for b in self.blocks
                )
            )
            if is_table or (at_top and len(part.columns) == 2):
                self.paragraphs(loose, page, left, right)
                loose = []
                self.table(_run_rows(part, page.number))
                if last and n == len(parts) - 1 and is_table:
                    self.carried = _carry(part)
            else:
                loose.extend(part.lines)
        self.paragraphs(loose, page, left, right)

    def paragraphs(self, lines: list[_Line], page: _Page, left: float, right: float) -> None:
        for group in _paragraphs(lines, left, right):
            text = " ".join(ln.text for ln in group)
            box = (
                round(min(ln.x0 for ln in group), 2),
                round(group[0].top, 2),
                round(max(ln.x1 for ln in group), 2),
                round(group[-1].bottom, 2),
            )
            self.blocks.append(Paragraph(text=text, location=Location(page=page.number, bbox=box)))


# --------------------------------------------------------------------------------------------
# Entry point


_quieted = False


def _quiet_pdfminer() -> None:
    """pdfminer logs warnings about damaged files; without a handler Python prints them on
    stderr. A NullHandler keeps them from the console while still passing them to the root
    logger when the application configures logging."""
    global _quieted
    if not _quieted:
        logging.getLogger("pdfminer").addHandler(logging.NullHandler())
        _quieted = True


def read_pdf(data: bytes, source: str) -> Grid:
    """Read a PDF's text layer into a grid: paragraphs and tables, each row with its page.

    Raises :class:`ScannedDocumentError` for image-only PDFs, :class:`EncryptedFileError`
    when a password is needed, :class:`FileTooLargeError` past the page limit (or when every
    page is too heavy to parse), :class:`CorruptFileError` for damaged files.
    """
    _quiet_pdfminer()
    try:
        return _read(data, source)
    except AppendixParseError:
        raise
    except RecursionError:
        raise CorruptFileError(
            source, "a damaged PDF (its objects refer to each other in a loop)"
        ) from None
    except Exception as exc:  # pdfminer raises many kinds of errors on damaged files
        raise CorruptFileError(source, f"a damaged PDF ({_describe(exc)})") from None


def _describe(exc: BaseException) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    text = str(inner).strip().splitlines()[0][:120] if str(inner).strip() else ""
    return f"{type(inner).__name__}: {text}" if text else type(inner).__name__


def _open(data: bytes, source: str) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    if b"%PDF-" not in data[:1024]:
        raise CorruptFileError(source, "not a PDF file (no %PDF header)")
    try:
        return pdfplumber.open(io.BytesIO(data), password="")
    except Exception as exc:
        inner = exc.args[0] if exc.args else None
        if isinstance(exc, PDFPasswordIncorrect) or isinstance(inner, PDFPasswordIncorrect):
            raise EncryptedFileError(
                source, "the PDF is protected by a password (or its encryption data is damaged)"
            ) from None
        raise CorruptFileError(source, f"a damaged PDF ({_describe(exc)})") from None


def _too_heavy(number: int, operators: int) -> str:
    if operators > LIMITS.max_pdf_page_objects:
        return (
            f"page {number} draws more than {LIMITS.max_pdf_page_objects:,} lines, shapes and "
            "pieces of text (limits.LIMITS.max_pdf_page_objects)"
        )
    return (
        f"page {number} holds more than {LIMITS.max_pdf_content_bytes:,} bytes of drawing "
        "instructions (limits.LIMITS.max_pdf_content_bytes)"
    )


def _read(data: bytes, source: str) -> Grid:
    pdf = _open(data, source)
    with pdf:
        pages = pdf.pages
        if not pages:
            raise CorruptFileError(source, "the PDF has no pages")
        if len(pages) > LIMITS.max_pdf_pages:
            raise FileTooLargeError(
                source,
                f"{len(pages)} pages, more than the limit of {LIMITS.max_pdf_pages} "
                "(limits.LIMITS.max_pdf_pages)",
            )
        decoder = _Decoder()
        read: list[_Page] = []
        unplaced: list[Unparsed] = []
        heavy: list[str] = []
        damaged: list[str] = []
        images = 0
        for number, page in enumerate(pages, start=1):
            try:
                operators, size = _operators(page.page_obj)
                if operators > LIMITS.max_pdf_page_objects or size > LIMITS.max_pdf_content_bytes:
                    heavy.append(_too_heavy(number, operators))
                    unplaced.append(
                        Unparsed(
                            text="",
                            location=Location(page=number),
                            reason=f"{heavy[-1]}: too heavy to read, the page was skipped",
                        )
                    )
                    continue
                read.append(_read_page(page, number, decoder))
                images += len(page.images)
            except AppendixParseError:
                raise
            except Exception as exc:
                damaged.append(f"page {number} is damaged ({_describe(exc)})")
                unplaced.append(
                    Unparsed(
                        text="",
                        location=Location(page=number),
                        reason=f"{damaged[-1]}: the page was skipped",
                    )
                )
            finally:
                page.close()
        if not read:
            if heavy:
                raise FileTooLargeError(source, f"{heavy[0]}: too heavy to read")
            raise CorruptFileError(source, damaged[0] if damaged else "no page could be read")
        if not any(p.lines or p.tables for p in read):
            raise ScannedDocumentError(
                source,
                "the PDF has no text layer: its pages hold only images (a scanned document?); "
                "run OCR on it first"
                if images
                else "the PDF has no text layer: its pages are blank or their text is drawn "
                "as shapes",
            )
        if sum(p.unmapped for p in read) > sum(p.glyphs for p in read) / 2:
            raise ScannedDocumentError(
                source,
                "the PDF's fonts carry no Unicode mapping, so its text layer cannot be read; "
                "run OCR on it or export it again",
            )
    _drop_running_lines(read)
    builder = _Builder()
    for content in read:
        builder.page(content)
    return Grid(blocks=builder.blocks, format="pdf", unplaced=unplaced)
