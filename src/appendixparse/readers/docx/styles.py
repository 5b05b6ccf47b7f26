"""Fonts and list numbering by style, read from the styles part once per distinct part.

Only what the walk uses is taken from each ``w:style``: its font for Latin text (``w:hAnsi``
before ``w:ascii``; a theme font counts as set, to no name), ``w:basedOn``, whether it is the
default paragraph style, and the list a paragraph style numbers; plus the document default font
(``w:docDefaults``). A style's font through its ``basedOn`` chain is worked out when the walk
first asks for it.

A province's files share a template, so style sheets are kept in a :class:`StyleCache` by the
SHA-256 of the styles part's bytes (and the document's namespace, which names the elements):
the next file with the same part skips parsing it. The cache is a pure memo — a sheet is a
function of those bytes alone — and holds at most a few sheets.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.parts.styles import StylesPart

from .names import Names, child_val, first, to_int
from .package import WordPackage

_CACHE_SIZE = 16


class StyleSheet:
    """Fonts by style id (with ``basedOn`` chains), the default font and paragraph style, and the
    list each paragraph style numbers."""

    def __init__(self, root: Any | None, n: Names) -> None:
        self.default_font: str | None = None
        self.default_paragraph_style: str | None = None
        self.numbering_of_style: dict[str, tuple[str, int]] = {}
        self._raw: dict[str, tuple[str | None, str | None, bool]] = {}  # id -> font, basedOn, set
        self._fonts: dict[str, str | None] = {}  # resolved chains, filled as the walk asks
        if root is None:
            return
        defaults = first(root, n.docDefaults)
        if defaults is not None:
            default = first(defaults, n.rPrDefault)
            rpr = first(default, n.rPr) if default is not None else None
            if rpr is not None:
                found, font = run_font(rpr, n)
                self.default_font = font if found else None
        for style in root.iterchildren(n.style):
            style_id = style.get(n.styleId)
            if not style_id:
                continue
            rpr = first(style, n.rPr)
            found, font = run_font(rpr, n) if rpr is not None else (False, None)
            based = first(style, n.basedOn)
            self._raw[style_id] = (font, based.get(n.val) if based is not None else None, found)
            if style.get(n.type) == "paragraph" and style.get(n.default) in ("1", "true", "on"):
                self.default_paragraph_style = style_id
            ppr = first(style, n.pPr)
            num_pr = first(ppr, n.numPr) if ppr is not None else None
            if num_pr is not None:
                num_id = child_val(num_pr, n.numId, n)
                if num_id:
                    self.numbering_of_style[style_id] = (
                        num_id,
                        to_int(child_val(num_pr, n.ilvl, n)),
                    )

    def font(self, style_id: str | None) -> tuple[bool, str | None]:
        """(whether the style chain sets a font, that font) for ``style_id``."""
        if not style_id:
            return False, None
        if style_id in self._fonts:
            return True, self._fonts[style_id]
        seen: set[str] = set()
        current: str | None = style_id
        while current and current not in seen and current in self._raw:
            seen.add(current)
            font, based, found = self._raw[current]
            if found:
                self._fonts[style_id] = font
                return True, font
            current = based
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
        """The style sheet of ``package``'s styles part, parsed only when not seen before."""
        part = package.related(RT.STYLES)
        if part is None:
            return StyleSheet(None, n)
        key = (hashlib.sha256(part.blob).digest(), n.ns)
        with self._lock:
            sheet = self._sheets.get(key)
            if sheet is not None:
                self._sheets.move_to_end(key)
                return sheet
        styles = package.parsed(part, StylesPart)
        sheet = StyleSheet(styles.element if styles is not None else None, n)
        with self._lock:
            self._sheets[key] = sheet
            while len(self._sheets) > self.size:
                self._sheets.popitem(last=False)
        return sheet


SHARED_STYLES = StyleCache()  # a pure memo (see StyleCache): no result depends on its contents


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
