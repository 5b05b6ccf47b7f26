"""Characters to text: glyphs to NFC words and lines, legacy TCVN3/VNI fonts, orientation."""

from __future__ import annotations

import bisect
import operator
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ...text.encodings import LegacyDecoder
from ..symbols import SYMBOL_BULLETS
from .engines import _LINE_HYPHEN

if TYPE_CHECKING:
    from .engines import _Char

# Distances are in units of the font size of the text concerned.
_SPACE_GAP = 0.15  # a gap between glyphs wider than this is a space between words
_SEGMENT_GAP = 0.8  # a gap wider than this separates text in different columns
_LINE_TOLERANCE = 0.35  # baselines closer than this are one line
# Spacing accents some producers draw over a letter instead of a combining mark.
_SPACING_ACCENTS = {
    "\u00b4": "\u0301", "\u02ca": "\u0301", "\u0060": "\u0300", "\u02cb": "\u0300",
    "\u02dc": "\u0303", "\u02c6": "\u0302", "\u02d8": "\u0306", "\u02c0": "\u0309",
}  # fmt: skip
# TCVN3 layers where the producer mapped the byte of "ư" (0xAD, a soft hyphen in Latin-1) to a
# minus sign and that of "ã" (0xB7, a middle dot) to a bullet operator.
_TCVN3_QUIRKS = str.maketrans({"\u2212": "\u00ad", "\u2219": "\u00b7"})
# A word broken after its hyphen at a line's end: a letter, then "-" ending the line ("UBND-"),
# while the next line starts with a letter ("TH ngày …"). A "-" after a space (a bullet, a
# range "80% -") or after a digit ("2021-") and a line going on with a digit ("Covid-" / "19")
# keep their line break.
_HYPHEN_END = re.compile(r"[^\W\d_][-\u2010]$")
_LETTER_START = re.compile(r"^[^\W\d_]")
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


def _join_lines(texts: Iterable[str], separator: str = "\n") -> str:
    """Lines of one cell or paragraph joined with ``separator``, except that a word broken
    after its hyphen ("UBND-" / "TH") is joined again with no separator."""
    out: list[str] = []
    for text in texts:
        if out and _HYPHEN_END.search(out[-1]) and _LETTER_START.match(text):
            out[-1] += text
        else:
            out.append(text)
    return separator.join(out)


class _Decoder:
    """The document's text through the package's one :class:`LegacyDecoder`, page by page.

    A page's runs (a word's glyphs in one font) are observed before any is converted, so a
    short run follows what the document's other runs in its font say. What is the PDF's own
    is the TCVN3 quirk: a font whose "ư" and "ã" codes the producer mapped to a minus sign and
    a bullet operator has them mapped back before its text is judged.
    """

    def __init__(self) -> None:
        self.decoder = LegacyDecoder()
        self.quirky: dict[str, bool] = {}  # per font: does it carry the TCVN3 quirk
        self.legacy = False  # any text yet that a legacy font could have written

    def learn(self, glyphs: Sequence[_Glyph]) -> None:
        """Observe a page's runs: glyphs in text order, cut at spaces and font changes."""
        samples: dict[str, list[str]] = {}
        for g in glyphs:
            if g.font not in self.quirky and g.text != _LINE_HYPHEN:
                samples.setdefault(g.font, []).append(g.text)
        for font, texts in samples.items():
            self.quirky[font] = self._quirky(font, "".join(texts[:4000]))
        runs: list[tuple[str, str]] = []
        start = 0
        for i in range(1, len(glyphs) + 1):
            if (
                i == len(glyphs)
                or glyphs[i].font != glyphs[start].font
                or glyphs[i].text.isspace()
                or glyphs[i - 1].text.isspace()
            ):
                runs.append(self._run(glyphs[start:i]))
                start = i
        for text, font in runs:
            if not text.isascii():
                self.legacy = True
                self.decoder.observe(text, font)

    def _quirky(self, font: str, sample: str) -> bool:
        quirked = sample.translate(_TCVN3_QUIRKS)
        # A legacy layer is 8-bit text: a letter of Unicode's Vietnamese ranges means Unicode.
        eight_bit = all(ord(c) < 256 or c in _CP1252_EXTRAS for c in quirked)
        if not eight_bit or quirked == sample:
            return False
        judge = LegacyDecoder()
        judge.observe(quirked, font)
        return judge.encoding_of(quirked, font) != "unicode"

    def _run(self, glyphs: Sequence[_Glyph]) -> tuple[str, str]:
        text = "".join(g.text for g in glyphs)
        font = glyphs[0].font
        if self.quirky.get(font):
            text = text.translate(_TCVN3_QUIRKS)
        if _LINE_HYPHEN in text:  # pdfium's mark of a hyphen ending a line
            bare = text.replace(_LINE_HYPHEN, "")
            tcvn3 = not bare.isascii() and self.decoder.encoding_of(bare, font) == "tcvn3"
            text = text.replace(_LINE_HYPHEN, "\u00ad" if tcvn3 else "-")  # TCVN3's "ư" byte
        return text, font

    def text(self, glyphs: Sequence[_Glyph]) -> str:
        """The Unicode (NFC) text of a word's glyphs, legacy font runs converted."""
        if not self.legacy:
            text = "".join([g.text for g in glyphs])
            if _LINE_HYPHEN in text:
                text = text.replace(_LINE_HYPHEN, "-")
            return unicodedata.normalize("NFC", text)
        out: list[str] = []
        start = 0
        for i in range(1, len(glyphs) + 1):
            if i == len(glyphs) or glyphs[i].font != glyphs[start].font:
                out.append(self.decoder.convert(*self._run(glyphs[start:i])))
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


def _glyphs(chars: Sequence[_Char], orientation: str, turn: Any) -> tuple[list[_Glyph], int]:
    """An engine's characters as glyphs, with separately drawn accents put on their letters;
    and how many had no Unicode mapping ("(cid:n)"). Only text running the page's way is kept
    (a label turned sideways in a header cell would break the lines)."""
    glyphs: list[_Glyph] = []
    marks: list[_Glyph] = []
    fonts: dict[str, str] = {}
    combining = unicodedata.combining
    unmapped = 0
    for c in chars:
        text = c.text
        if not text or c.direction != orientation:
            continue
        if text.startswith("(cid:"):
            unmapped += 1
        elif "\uf000" <= text[0] <= "\uf0ff":
            text = SYMBOL_BULLETS.get(text, text)  # a symbol font's bullet
        font = fonts.get(c.font)
        if font is None:
            font = fonts[c.font] = _font_hint(c.font)
        if turn is None:
            glyph = _Glyph(text, c.x0, c.x1, c.top, c.bottom, c.size, font)
        else:
            # pdfminer's size of a turned glyph is its advance; its height across the line
            # is what a font size measures.
            x0, top, x1, bottom = turn(c.x0, c.top, c.x1, c.bottom)
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


_by_x0 = operator.attrgetter("x0")


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
        group.sort(key=_by_x0)
        words = _words(group, decoder)
        if words:
            first = group[0].size
            if all(g.size == first for g in group):
                size = round(first, 1)
            else:
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
                        x1=max([g.x1 for g in current]),
                        top=min([g.top for g in current]),
                        bottom=max([g.bottom for g in current]),
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
# Orientation: which way the text runs


def _direction(matrix: Sequence[float]) -> str:
    """Which way a glyph runs, from its matrix: "upright", "down" (turned a quarter clockwise,
    as on a /Rotate 90 page), "up", "flip" (upside down) or "mirror" (right to left)."""
    a, b, _, d = matrix[:4]
    if abs(a) >= abs(b):
        if a >= 0:
            return "upright"
        return "flip" if d < 0 else "mirror"
    return "up" if b > 0 else "down"


def _orientation(chars: Sequence[_Char]) -> str:
    """The way most of the page's text runs (see :func:`_direction`)."""
    votes = Counter(c.direction for c in chars[:2000])
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
