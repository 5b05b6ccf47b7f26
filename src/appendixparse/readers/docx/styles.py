"""Fonts and list numbering by style, read from the styles part as the walk asks for them.

Only what the walk uses is taken from each ``w:style``: its font for Latin text (``w:hAnsi``
before ``w:ascii``; a theme font counts as set, to no name), ``w:basedOn``, whether it is the
default paragraph style, and the list a paragraph style numbers; plus the document default font
(``w:docDefaults``). Of a style id given twice, the last style's font and ``basedOn`` count, and
the last list that one of them numbers. A style is read when the walk first asks for it, its
font through its ``basedOn`` chain worked out then: the part is not parsed whole but its styles
found by their tags (:mod:`.stylescan`), and only those a document uses parsed; a part of
another shape than Word's is parsed whole, to the same fonts.

A province's files share a template, so style sheets are kept in a :class:`StyleCache` by the
SHA-256 of the styles part's bytes (and the document's namespace, which names the elements):
the next file with the same part finds its styles read. The cache is a pure memo — a sheet is a
function of those bytes alone — and holds at most a few sheets.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Protocol

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.parts.styles import StylesPart

from .names import Names, child_val, first, to_int
from .package import WordPackage
from .stylescan import scan_styles

_CACHE_SIZE = 16


class StyleSource(Protocol):
    """A styles part's ``docDefaults`` element and its ``style`` elements by id."""

    @property
    def defaults(self) -> Any | None:
        """The root's first ``w:docDefaults`` child, or None."""

    @property
    def default_paragraph_style(self) -> str | None:
        """The id of the last paragraph style marked default, or None."""

    def elements(self, style_id: str) -> list[Any]:
        """The root's ``w:style`` children with ``style_id``, in order."""


class ParsedStyles:
    """A styles part parsed whole: its elements by style id."""

    def __init__(self, root: Any, n: Names) -> None:
        self.defaults = first(root, n.docDefaults)
        self.default_paragraph_style: str | None = None
        self._styles: dict[str, list[Any]] = {}
        for style in root.iterchildren(n.style):
            style_id = style.get(n.styleId)
            if not style_id:
                continue
            self._styles.setdefault(style_id, []).append(style)
            if style.get(n.type) == "paragraph" and style.get(n.default) in ("1", "true", "on"):
                self.default_paragraph_style = style_id

    def elements(self, style_id: str) -> list[Any]:
        """The ``w:style`` elements with ``style_id``, in the part's order."""
        return self._styles.get(style_id, [])


@dataclass(frozen=True, slots=True)
class _Style:
    """What the walk uses of a style: its own font (when ``found``), ``basedOn``, its list."""

    found: bool
    font: str | None
    based_on: str | None
    numbering: tuple[str, int] | None


class StyleSheet:
    """Fonts by style id (with ``basedOn`` chains), the default font and paragraph style, and the
    list each paragraph style numbers, each style read from ``styles`` when first asked for."""

    def __init__(self, styles: StyleSource | None, n: Names) -> None:
        self.n = n
        self.default_font: str | None = None
        self.default_paragraph_style: str | None = None
        self._source = styles
        self._styles: dict[str, _Style | None] = {}  # read as the walk asks
        self._fonts: dict[str, str | None] = {}  # resolved chains, likewise
        if styles is None:
            return
        self.default_paragraph_style = styles.default_paragraph_style
        defaults = styles.defaults
        if defaults is not None:
            default = first(defaults, n.rPrDefault)
            rpr = first(default, n.rPr) if default is not None else None
            if rpr is not None:
                found, font = run_font(rpr, n)
                self.default_font = font if found else None

    def _style(self, style_id: str) -> _Style | None:
        if style_id in self._styles:
            return self._styles[style_id]
        n = self.n
        elements = self._source.elements(style_id) if self._source is not None else []
        style = None
        if elements:
            last = elements[-1]
            rpr = first(last, n.rPr)
            found, font = run_font(rpr, n) if rpr is not None else (False, None)
            based = first(last, n.basedOn)
            numbering = None
            for element in reversed(elements):
                ppr = first(element, n.pPr)
                num_pr = first(ppr, n.numPr) if ppr is not None else None
                num_id = child_val(num_pr, n.numId, n) if num_pr is not None else None
                if num_pr is not None and num_id:
                    numbering = (num_id, to_int(child_val(num_pr, n.ilvl, n)))
                    break
            style = _Style(found, font, based.get(n.val) if based is not None else None, numbering)
        self._styles[style_id] = style
        return style

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        """(list id, level) that paragraphs of ``style_id`` are numbered in, or None."""
        style = self._style(style_id) if style_id else None
        return style.numbering if style is not None else None

    def font(self, style_id: str | None) -> tuple[bool, str | None]:
        """(whether the style chain sets a font, that font) for ``style_id``."""
        if not style_id:
            return False, None
        if style_id in self._fonts:
            return True, self._fonts[style_id]
        seen: set[str] = set()
        current: str | None = style_id
        while current and current not in seen and (style := self._style(current)) is not None:
            seen.add(current)
            if style.found:
                self._fonts[style_id] = style.font
                return True, style.font
            current = style.based_on
        return False, None


class StyleCache:
    """Style sheets by their styles part's SHA-256, the ``size`` most recently used kept.

    A pure memo: a sheet depends on the part's bytes and the namespace only, so a hit gives what
    parsing would. Pass one to :func:`~appendixparse.readers.docx.read_docx` to scope it; the
    reader otherwise shares one per process.
    """

    def __init__(self, size: int = _CACHE_SIZE) -> None:
        if size < 1:
            raise ValueError(f"a style cache holds at least one sheet, not {size}")
        self.size = size
        self._sheets: OrderedDict[tuple[bytes, str], StyleSheet] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._sheets)

    def sheet(self, package: WordPackage, n: Names) -> StyleSheet:
        """The style sheet of ``package``'s styles part, read only when not seen before."""
        part = package.related(RT.STYLES)
        if part is None:
            return StyleSheet(None, n)
        key = (hashlib.sha256(part.blob).digest(), n.ns)
        with self._lock:
            sheet = self._sheets.get(key)
            if sheet is not None:
                self._sheets.move_to_end(key)
                return sheet
        sheet = StyleSheet(read_styles(package, part, n), n)
        with self._lock:
            self._sheets[key] = sheet
            while len(self._sheets) > self.size:
                self._sheets.popitem(last=False)
        return sheet


SHARED_STYLES = StyleCache()  # a pure memo (see StyleCache): no result depends on its contents


def read_styles(package: WordPackage, part: Any, n: Names) -> StyleSource | None:
    """The styles of ``part``: found by their tags, or parsed whole when the part is of another
    shape than Word's; None when it is not well-formed."""
    scanned = scan_styles(part.blob, n.ns, package.source, part.partname.membername)
    if scanned is not None:
        return scanned
    parsed = package.parsed(part, StylesPart)
    return ParsedStyles(parsed.element, n) if parsed is not None else None


def run_font(rpr: Any, n: Names) -> tuple[bool, str | None]:
    """Whether ``rpr`` sets the font of Latin text, and the font (None for a theme font)."""
    fonts = first(rpr, n.rFonts)
    if fonts is None:
        return False, None
    if fonts.get(n.hAnsiTheme) is not None:
        return True, None
    if (font := fonts.get(n.hAnsi)) is not None:
        return True, font
    if fonts.get(n.asciiTheme) is not None:
        return True, None
    if (font := fonts.get(n.ascii)) is not None:
        return True, font
    return False, None
