"""Word documents (.docx, and .doc through LibreOffice) to a Grid, by walking the XML with lxml.

The walk reads ``word/document.xml`` directly (much faster than python-docx's object layer, and
exact about what Word shows):

- body paragraphs and tables in document order, content controls (``w:sdt``), custom XML and
  alternate content (its first choice) opened; equations read as text, Insert-Symbol characters
  (``w:sym``) as the characters they show; headers, footers, footnotes and comments left out;
- hidden text left out, as Word prints it; tracked changes read as accepted: insertions and
  moves in, deletions, moved-away text and deleted rows out, a deleted paragraph mark joins its
  paragraph to the next;
- tables on their grid: ``gridBefore``/``gridAfter`` skipped, a ``gridSpan`` cell's text in its
  first column and "" in the others (spans cut down to ``Options.max_grid_span``), a ``vMerge``
  cell's text in every row it covers, grid columns where no cell ever starts (edges a hair
  apart) dropped;
- a cell's paragraphs joined with "\\n", a nested table's cells read into the cell in order;
  a layout frame (a table used as a box around the appendix or its table) opened, its content
  read as the document's;
- list numbering drawn as Word draws it ("1.", "a)", "-", "•"), counted per abstract list, so
  an auto-numbered STT column or bulleted notes read as typed ones;
- legacy font encodings (TCVN3, VNI) decided per run from the characters, with the run's
  resolved font as a hint, over the whole document
  (:class:`~appendixparse.encodings.LegacyDecoder`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import CorruptFileError, FileTooLargeError, UnsupportedFormatError
from ..grid import Block, Grid, Paragraph, Row, Table
from ..models import Location
from ..options import DEFAULT_OPTIONS, Options
from ..text.encodings import LegacyDecoder, font_encoding
from .ole import has_stream, is_ole
from .safexml import parse_xml
from .safezip import SafeZip
from .symbols import SYMBOL_BULLETS

__all__ = ["read_doc", "read_docx"]

_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_DOCUMENT_PART = "word/document.xml"


def read_docx(data: bytes, source: str, options: Options = DEFAULT_OPTIONS) -> Grid:
    """Read a .docx file's body into a Grid of paragraphs and tables, in document order.

    Raises CorruptFileError when the file is not a readable Word document.
    """
    package = _Package(data, source, options)
    root = package.xml(package.document)
    return _DocumentReader(root, package, source, options).grid("docx")


def read_doc(data: bytes, source: str, options: Options = DEFAULT_OPTIONS) -> Grid:
    """Read a Word 97 (.doc) file by converting it to .docx with LibreOffice (headless).

    Raises ConversionUnavailableError when LibreOffice is not installed.
    """
    from .libreoffice import convert

    if is_ole(data) and not has_stream(data, "WordDocument"):
        raise UnsupportedFormatError(source, "an old Office file with no Word document in it")
    converted = convert(data, source, suffix=".doc", target="docx", options=options)
    grid = read_docx(converted, source, options)
    grid.format = "doc"
    return grid


# --- the package -----------------------------------------------------------------------------


class _Package:
    """The zip parts a reader needs: the main document, its styles and numbering."""

    def __init__(self, data: bytes, source: str, options: Options) -> None:
        self.source = source
        self.zip = SafeZip(data, source, options)
        self.document = self._main_part()
        self.related = self._relations(self.document)

    def xml(self, name: str) -> Any:
        return parse_xml(self.zip.read(name), self.source, name)

    def optional(self, kind: str) -> Any | None:
        """The part related to the document by ``kind`` ("styles", "numbering"), or None."""
        name = self.related.get(kind)
        if name is None or name not in self.zip:
            return None
        try:
            return self.xml(name)
        except CorruptFileError:
            return None  # a broken styles part loses fonts and numbering, not the text

    def _main_part(self) -> str:
        if "_rels/.rels" in self.zip:
            for kind, target in self._read_rels("_rels/.rels", ""):
                if kind == "officeDocument" and target in self.zip:
                    return target
        if _DOCUMENT_PART in self.zip:
            return _DOCUMENT_PART
        candidates = [n for n in self.zip.names() if n.endswith("/document.xml")]
        if not candidates:
            raise CorruptFileError(self.source, "a zip file without a Word document part")
        return candidates[0]

    def _relations(self, part: str) -> dict[str, str]:
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        found: dict[str, str] = {}
        if rels in self.zip:
            for kind, target in self._read_rels(rels, folder):
                found.setdefault(kind, target)
        for kind in ("styles", "numbering"):
            found.setdefault(kind, posixpath.join(folder, f"{kind}.xml"))
        return found

    def _read_rels(self, name: str, folder: str) -> list[tuple[str, str]]:
        try:
            root = self.xml(name)
        except CorruptFileError:
            return []
        out = []
        for rel in root:
            if not isinstance(rel.tag, str) or not rel.tag.endswith("Relationship"):
                continue
            if rel.get("TargetMode") == "External":
                continue
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            out.append((kind, posixpath.normpath(path)))
        return out


# --- the intermediate structure (text resolved after every run has been seen) ----------------


@dataclass(slots=True)
class _Para:
    """A paragraph's runs as (text, font); ``joins_next`` when its mark is a tracked deletion."""

    runs: list[tuple[str, str | None]] = field(default_factory=list)
    joins_next: bool = False


@dataclass(slots=True)
class _Cell:
    """A table cell's content: its paragraphs, nested tables' paragraphs included, in order."""

    paras: list[_Para] = field(default_factory=list)
    text: str | None = None  # resolved in the second pass


@dataclass(slots=True)
class _Table:
    index: int
    rows: list[list[_Cell | None]]  # by grid column; None under a span or past the row's end
    starts: set[int]  # grid columns where some cell starts


class _Names:
    """Clark names of the WordprocessingML elements and attributes the reader looks at."""

    def __init__(self, ns: str) -> None:
        w = f"{{{ns}}}"
        self.ns = ns
        self.del_ = w + "del"
        for name in (
            "body", "p", "r", "t", "tab", "ptab", "br", "cr", "noBreakHyphen", "softHyphen",
            "tbl", "tr", "tc", "trPr", "tcPr", "gridSpan", "vMerge",
            "hMerge", "gridBefore", "gridAfter", "pPr", "rPr", "pStyle", "rStyle", "rFonts",
            "numPr", "ilvl", "numId", "ins", "moveTo", "moveFrom", "hyperlink",
            "smartTag", "sdt", "sdtContent", "customXml", "fldSimple", "dir", "bdo",
            "cellDel", "style", "styleId", "basedOn", "docDefaults", "rPrDefault", "type",
            "default", "val", "ascii", "hAnsi", "asciiTheme", "hAnsiTheme", "abstractNum",
            "abstractNumId", "num", "lvl", "start", "numFmt", "lvlText", "lvlRestart",
            "lvlOverride", "startOverride", "suff", "sym", "char", "font", "vanish",
        ):  # fmt: skip
            setattr(self, name, w + name)
        math = ("http://schemas.openxmlformats.org/officeDocument/2006/math",
                "http://purl.oclc.org/ooxml/officeDocument/math")  # fmt: skip
        self.equations = frozenset(f"{{{m}}}{e}" for m in math for e in ("oMath", "oMathPara"))
        self.equation_text = frozenset(f"{{{m}}}t" for m in math)
        self.fraction = frozenset(f"{{{m}}}f" for m in math)
        self.fraction_parts = frozenset(f"{{{m}}}{e}" for m in math for e in ("num", "den"))
        mc = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
        self.alternate, self.choice = mc + "AlternateContent", mc + "Choice"
        self.txbxContent = w + "txbxContent"
        self.drawings = frozenset({w + "drawing", w + "pict", self.alternate})
        self.run_containers = frozenset(
            w + n
            for n in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple",
                      "dir", "bdo")
        )  # fmt: skip


# --- fonts and numbering from the styles -------------------------------------------------------


class _Styles:
    """Fonts by style id (with ``basedOn`` chains) and the document default font."""

    def __init__(self, root: Any | None, n: _Names) -> None:
        self.n = n
        self.default_font: str | None = None
        self.default_paragraph_style: str | None = None
        self._fonts: dict[str, str | None] = {}
        self._raw: dict[str, tuple[str | None, str | None, bool]] = {}  # id -> font, basedOn, set
        self.numbering_of_style: dict[str, tuple[str, int]] = {}
        if root is None:
            return
        defaults = _first(root, n.docDefaults)
        if defaults is not None:
            default = _first(defaults, n.rPrDefault)
            rpr = _first(default, n.rPr) if default is not None else None
            if rpr is not None:
                found, font = _rfonts(rpr, n)
                self.default_font = font if found else None
        for style in root.iterchildren(n.style):
            style_id = style.get(n.styleId)
            if not style_id:
                continue
            rpr = _first(style, n.rPr)
            found, font = _rfonts(rpr, n) if rpr is not None else (False, None)
            based = _first(style, n.basedOn)
            self._raw[style_id] = (font, based.get(n.val) if based is not None else None, found)
            if style.get(n.type) == "paragraph" and style.get(n.default) in ("1", "true", "on"):
                self.default_paragraph_style = style_id
            ppr = _first(style, n.pPr)
            num_pr = _first(ppr, n.numPr) if ppr is not None else None
            if num_pr is not None:
                num_id = _child_val(num_pr, n.numId, n)
                if num_id:
                    self.numbering_of_style[style_id] = (
                        num_id,
                        _int(_child_val(num_pr, n.ilvl, n)),
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


def _rfonts(rpr: Any, n: _Names) -> tuple[bool, str | None]:
    """Whether ``rpr`` sets the font of Latin text, and the font (None for a theme font)."""
    fonts = _first(rpr, n.rFonts)
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


def _first(element: Any, tag: str) -> Any | None:
    """The first child of ``element`` with ``tag`` (faster than lxml's ``find``)."""
    for child in element.iterchildren(tag):
        return child
    return None


def _inside(element: Any, tag: str, top: Any) -> bool:
    """Whether ``element`` has an ancestor with ``tag`` below ``top``."""
    for ancestor in element.iterancestors():
        if ancestor is top:
            return False
        if ancestor.tag == tag:
            return True
    return False


def _equation_text(element: Any, n: _Names) -> str:
    """The text of an equation, a fraction written "numerator/denominator"."""
    if element.tag in n.equation_text:
        return element.text or ""
    if element.tag in n.fraction:
        parts = [_equation_text(c, n) for c in element if c.tag in n.fraction_parts]
        return "/".join(parts)
    return "".join(_equation_text(c, n) for c in element)


def _deleted_row(tr: Any, n: _Names) -> bool:
    trpr = _first(tr, n.trPr)
    return trpr is not None and _first(trpr, n.del_) is not None


def _deleted_cell(tc: Any, n: _Names) -> bool:
    tcpr = _first(tc, n.tcPr)
    return tcpr is not None and _first(tcpr, n.cellDel) is not None


def _has_content(cell: Any, n: _Names) -> bool:
    """Whether a table cell holds any text or a table."""
    return any(t.text and t.text.strip() for t in cell.iter(n.t)) or _holds_table(cell, n)


def _holds_table(cell: Any, n: _Names) -> bool:
    return next(cell.iter(n.tbl), None) is not None


def _child_val(element: Any, tag: str, n: _Names) -> str | None:
    child = _first(element, tag)
    return child.get(n.val) if child is not None else None


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip
_LEVEL_REF = re.compile(r"%([1-9])")
# Characters of the Symbol font inserted with Insert > Symbol (w:sym), by their code.
_SYMBOL_FONT = {0xA3: "≤", 0xB3: "≥", 0xB1: "±", 0xB4: "×", 0xB8: "÷", 0xB9: "≠", 0xBB: "≈",
                0xAE: "→", 0xB7: "•", 0xA5: "∞", 0xBC: "…"}  # fmt: skip


def _symbol(char: str | None, font: str | None) -> str:
    """The text of a ``w:sym``: a Symbol-font character or a bullet, "" for other symbols."""
    try:
        code = int(char or "", 16)
    except ValueError:
        return ""
    low = code - 0xF000 if code >= 0xF000 else code
    if (font or "").lower().startswith("symbol") and low in _SYMBOL_FONT:
        return _SYMBOL_FONT[low]
    return SYMBOL_BULLETS.get(chr(0xF000 + low) if low < 0x100 else "", "")


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while value > 0:
            value, rem = divmod(value - 1, 26)
            letters = chr(ord("a") + rem) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        out = ""
        for number, numeral in _ROMAN:
            while value >= number:
                out += numeral
                value -= number
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    suffix: str = "tab"


class _Numbering:
    """List numbering as Word draws it: counters per list, reset by higher levels.

    Word counts per abstract list, not per ``w:num``: two lists over one abstract list continue
    one sequence (a table part pasted or split off keeps counting), and a ``w:num`` with a
    ``startOverride`` restarts that sequence where it is first used ("Restart at 1").
    """

    def __init__(self, root: Any | None, n: _Names) -> None:
        self.n = n
        self.levels: dict[str, dict[int, _Level]] = {}
        self.counters: dict[str, dict[int, int]] = {}  # by abstract list
        self.abstract_of: dict[str, str] = {}  # num id -> abstract list id
        self.restarts: dict[str, set[int]] = {}  # num id -> levels it restarts when first used
        if root is None:
            return
        abstract: dict[str, dict[int, _Level]] = {}
        for element in root.iter(n.abstractNum):
            abstract[element.get(n.abstractNumId) or ""] = {
                _int(lvl.get(n.ilvl)): self._level(lvl) for lvl in element.iter(n.lvl)
            }
        for num in root.iter(n.num):
            num_id = num.get(n.numId)
            base = _child_val(num, n.abstractNumId, n)
            if num_id is None or base not in abstract:
                continue
            levels = dict(abstract[base])
            self.abstract_of[num_id] = base
            for override in num.iter(n.lvlOverride):
                ilvl = _int(override.get(n.ilvl))
                level = _first(override, n.lvl)
                if level is not None:
                    levels[ilvl] = self._level(level)
                start = _child_val(override, n.startOverride, n)
                if start is not None and start.isdigit() and ilvl in levels:
                    self.restarts.setdefault(num_id, set()).add(ilvl)
                    old = levels[ilvl]
                    levels[ilvl] = _Level(int(start), old.fmt, old.text, old.restart, old.suffix)
            self.levels[num_id] = levels

    def _level(self, element: Any) -> _Level:
        n = self.n
        start = _child_val(element, n.start, n)
        restart = _child_val(element, n.lvlRestart, n)
        return _Level(
            start=int(start) if start and start.isdigit() else 1,
            fmt=_child_val(element, n.numFmt, n) or "decimal",
            text=_child_val(element, n.lvlText, n) or "",
            restart=int(restart) if restart and restart.isdigit() else None,
            suffix=_child_val(element, n.suff, n) or "tab",
        )

    def label(self, num_id: str, ilvl: int) -> str:
        """The label of the next paragraph of list ``num_id`` at level ``ilvl`` ("" for none)."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(self.abstract_of.get(num_id, num_id), {})
        level = levels[ilvl]
        if ilvl in self.restarts.get(num_id, ()):
            self.restarts[num_id].discard(ilvl)
            counters.pop(ilvl, None)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            if levels.get(deeper, _Level()).restart != 0:
                del counters[deeper]
        if level.fmt == "none":
            return ""
        if level.fmt == "bullet":
            text = "".join(SYMBOL_BULLETS.get(c, "•" if "\uf000" <= c <= "\uf0ff" else c)
                           for c in level.text)  # fmt: skip
        else:

            def number(m: re.Match[str]) -> str:
                k = int(m.group(1)) - 1
                lv = levels.get(k, _Level())
                return _format_number(counters.get(k, lv.start), lv.fmt)

            text = _LEVEL_REF.sub(number, level.text)
        text = text.strip()
        return f"{text} " if text and level.suffix != "nothing" else text


# --- the walk ----------------------------------------------------------------------------------


class _DocumentReader:
    def __init__(self, root: Any, package: _Package, source: str, options: Options) -> None:
        ns = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
        if ns not in (_TRANSITIONAL, _STRICT):
            raise CorruptFileError(source, "the document part is not WordprocessingML")
        self.n = n = _Names(ns)
        self.source = source
        self.options = options
        self.root = root
        self.styles = _Styles(package.optional("styles"), n)
        self.numbering = _Numbering(package.optional("numbering"), n)
        self.cells = 0
        self.tables = 0
        self.floating: list[_Para] = []  # text-box paragraphs met in the paragraph being read

    def grid(self, fmt: str) -> Grid:
        body = _first(self.root, self.n.body)
        if body is None:
            raise CorruptFileError(self.source, "the document has no body")
        items: list[_Para | _Table] = []
        self._blocks(body, items)
        return self._resolve(items, fmt)

    def _unwrapped(self, child: Any) -> Any | None:
        """What stands for a wrapper element, read in its place: a content control's content, a
        custom XML element's children, the first choice of content offered in two forms (the
        fallback repeats it); None for any other element."""
        n = self.n
        if child.tag == n.sdt:
            return _first(child, n.sdtContent)
        if child.tag == n.customXml:
            return child
        if child.tag == n.alternate:
            return _first(child, n.choice)
        return None

    # blocks

    def _blocks(self, parent: Any, out: list[_Para | _Table], frames: int = 0) -> None:
        n = self.n
        for child in parent:
            tag = child.tag
            if tag == n.p:
                para = self._para(child)
                if self.floating:  # text boxes anchored in the paragraph come before it
                    out.extend(self.floating)
                    self.floating = []
                out.append(para)
            elif tag == n.tbl:
                self._top_table(child, out, frames)
            elif (inner := self._unwrapped(child)) is not None:
                self._blocks(inner, out, frames)

    def _top_table(self, tbl: Any, out: list[_Para | _Table], frames: int) -> None:
        """Read a body-level table, or open it when it is a layout frame around other content."""
        parts = self._frame_parts(tbl) if frames < self.options.max_nesting_depth else None
        if parts is None:
            self.tables += 1
            out.append(self._table(tbl, self.tables, depth=frames))  # frames count as nesting
            return
        for part in parts:
            if isinstance(part, list):
                self.tables += 1
                out.append(self._table(tbl, self.tables, depth=frames, rows=part))
            else:
                self._blocks(part, out, frames + 1)

    def _frame_parts(self, tbl: Any) -> list[Any] | None:
        """A layout frame's parts in order: cells to read as body content and runs of rows that
        stay a table; None when ``tbl`` is a table of its own.

        Offices put a whole appendix, or its table, in a table used as a box or a border; read
        as a table, the assessment table would end up inside one of its cells. A table with one
        filled cell per row, some holding a table, is all frame; otherwise a row whose only cell
        holds a table is a frame row, and the rows between stay tables (a unit | motto header).
        """
        n = self.n
        rows = [tr for tr in self._children(tbl, n.tr) if not _deleted_row(tr, n)]
        cells_of = [
            [tc for tc in self._children(tr, n.tc) if not _deleted_cell(tc, n)] for tr in rows
        ]
        filled: list[Any] = []
        for cells in cells_of:
            in_row = [tc for tc in cells if _has_content(tc, n)]
            if len(in_row) > 1:
                break
            filled.extend(in_row)
        else:
            if any(_holds_table(tc, n) for tc in filled):
                return filled
        parts: list[Any] = []
        pending: list[Any] = []
        for tr, cells in zip(rows, cells_of):
            if len(cells) == 1 and _holds_table(cells[0], n):
                if pending:
                    parts.append(pending)
                    pending = []
                parts.append(cells[0])
            else:
                pending.append(tr)
        if pending:
            parts.append(pending)
        return parts if any(not isinstance(part, list) for part in parts) else None

    def _para(self, p: Any) -> _Para:
        n = self.n
        para = _Para()
        ppr = _first(p, n.pPr)
        style_id = None
        numbering: tuple[str, int] | None = None
        if ppr is not None:
            style_id = _child_val(ppr, n.pStyle, n)
            num_pr = _first(ppr, n.numPr)
            if num_pr is not None:
                num_id = _child_val(num_pr, n.numId, n)
                if num_id is not None:
                    numbering = (num_id, _int(_child_val(num_pr, n.ilvl, n)))
            mark = _first(ppr, n.rPr)
            if mark is not None and _first(mark, n.del_) is not None:
                para.joins_next = True
        style_id = style_id or self.styles.default_paragraph_style
        if numbering is None and style_id in self.styles.numbering_of_style:
            numbering = self.styles.numbering_of_style[style_id]
        found, font = self.styles.font(style_id)
        base_font = font if found else self.styles.default_font
        self._runs(p, base_font, para.runs)
        if numbering is not None and numbering[0] != "0":
            label = self.numbering.label(*numbering)
            if label:
                if not any(t.strip() for t, _ in para.runs):
                    label = label.rstrip()  # a number alone, as in an auto-numbered STT cell
                para.runs.insert(0, (label, None))
        return para

    def _runs(self, parent: Any, base_font: str | None, out: list[tuple[str, str | None]]) -> None:
        n = self.n
        for child in parent:
            tag = child.tag
            if tag == n.r:
                self._run(child, base_font, out)
            elif tag in n.run_containers:
                self._runs(child, base_font, out)
            elif (inner := self._unwrapped(child)) is not None:
                self._runs(inner, base_font, out)
            elif tag in n.equations and (text := _equation_text(child, n)):
                out.append((text, None))  # an equation ("111/238" typed as a fraction)

    def _run(self, r: Any, base_font: str | None, out: list[tuple[str, str | None]]) -> None:
        n = self.n
        font = base_font
        parts: list[str] = []
        for child in r:
            tag = child.tag
            if tag == n.t:
                if child.text:
                    parts.append(child.text)
            elif tag == n.rPr:
                hidden = _first(child, n.vanish)
                if hidden is not None and hidden.get(n.val) not in ("0", "false", "off"):
                    return  # hidden text (Font > Hidden): Word neither shows nor prints it
                found, own = _rfonts(child, n)
                if found:
                    font = own
                else:
                    style = _child_val(child, n.rStyle, n)
                    found, own = self.styles.font(style)
                    if found:
                        font = own
            elif tag in (n.tab, n.ptab):
                parts.append("\t")
            elif tag in (n.br, n.cr):
                parts.append("\n")
            elif tag == n.noBreakHyphen:
                parts.append("-")
            elif tag == n.sym:
                parts.append(_symbol(child.get(n.char), child.get(n.font)))
            elif tag == n.softHyphen and font_encoding(font) == "tcvn3":
                parts.append("\xad")  # TCVN3 "ư" is code 0xAD, which Word stores as a soft hyphen
            elif tag in n.drawings:
                self._text_boxes(child)
        if not parts:
            return
        text = "".join(parts)
        if out and out[-1][1] == font:
            out[-1] = (out[-1][0] + text, font)
        else:
            out.append((text, font))

    def _text_boxes(self, drawing: Any) -> None:
        """Collect the paragraphs of the text boxes in a drawing, once: of an alternate content
        only its first choice (the fallback repeats it)."""
        n = self.n
        if drawing.tag == n.alternate:
            choice = _first(drawing, n.choice)
            if choice is None:
                return
            drawing = choice
        for box in drawing.iter(n.txbxContent):
            if _inside(box, n.txbxContent, drawing):
                continue  # a box inside a box is read with the outer one
            holder = _Cell()
            self._cell_content(box, holder, depth=1)
            self.floating.extend(holder.paras)

    # tables

    def _table(self, tbl: Any, index: int, depth: int, rows: list[Any] | None = None) -> _Table:
        """Read ``tbl`` (or only its rows ``rows``) onto its grid."""
        n = self.n
        if depth > self.options.max_nesting_depth:
            raise FileTooLargeError(
                self.source, f"tables nested more than {self.options.max_nesting_depth} deep"
            )
        grid: list[list[_Cell | None]] = []
        starts: set[int] = set()
        above: dict[int, _Cell] = {}  # grid column -> the cell that starts there in the row above
        for tr in self._children(tbl, n.tr) if rows is None else rows:
            trpr = _first(tr, n.trPr)
            before = 0
            if trpr is not None:
                if _first(trpr, n.del_) is not None:
                    continue  # a deleted row, as accepted
                # A span past the limit is nonsense, not a reason to refuse: it is cut down.
                before = min(_int(_child_val(trpr, n.gridBefore, n)), self.options.max_grid_span)
            row: list[_Cell | None] = [None] * before
            current: dict[int, _Cell] = {}
            for tc in self._children(tr, n.tc):
                tcpr = _first(tc, n.tcPr)
                span, merge = 1, None
                if tcpr is not None:
                    if _first(tcpr, n.cellDel) is not None:
                        continue
                    span = _int(_child_val(tcpr, n.gridSpan, n))
                    span = min(max(span, 1), self.options.max_grid_span)
                    vmerge = _first(tcpr, n.vMerge)
                    if vmerge is not None:
                        merge = vmerge.get(n.val) or "continue"
                    hmerge = _first(tcpr, n.hMerge)
                    if hmerge is not None and (hmerge.get(n.val) or "continue") == "continue":
                        row.append(None)  # a legacy horizontal merge: part of the cell before
                        continue
                column = len(row)
                if merge == "continue":
                    cell = above.get(column) or _Cell()
                else:
                    cell = _Cell()
                    self._cell_content(tc, cell, depth)
                current[column] = cell
                starts.add(column)
                row.append(cell)
                row.extend([None] * (span - 1))
            self.cells += len(row)
            if self.cells > self.options.max_table_cells:
                raise FileTooLargeError(
                    self.source, f"more than {self.options.max_table_cells:,} table cells"
                )
            grid.append(row)
            above = current
        return _Table(index=index, rows=grid, starts=starts)

    def _children(self, parent: Any, tag: str) -> list[Any]:
        """``parent``'s children with ``tag``, looking through content controls and custom XML."""
        n = self.n
        found = []
        for child in parent:
            if child.tag == tag:
                found.append(child)
            elif child.tag == n.sdt:
                content = _first(child, n.sdtContent)
                if content is not None:
                    found.extend(self._children(content, tag))
            elif child.tag == n.customXml:
                found.extend(self._children(child, tag))
        return found

    def _cell_content(self, parent: Any, cell: _Cell, depth: int) -> None:
        n = self.n
        for child in parent:
            tag = child.tag
            if tag == n.p:
                para = self._para(child)
                if self.floating:
                    cell.paras.extend(self.floating)
                    self.floating = []
                cell.paras.append(para)
            elif tag == n.tbl:
                nested = self._table(child, 0, depth + 1)
                seen: set[int] = set()  # a vMerge cell is shared by the rows it covers
                for row in nested.rows:
                    for inner in row:
                        if inner is not None and id(inner) not in seen:
                            seen.add(id(inner))
                            cell.paras.extend(inner.paras)
            elif (inner := self._unwrapped(child)) is not None:
                self._cell_content(inner, cell, depth)

    # the second pass: text

    def _resolve(self, items: list[_Para | _Table], fmt: str) -> Grid:
        decoder = LegacyDecoder()
        for para in _all_paras(items):
            for text, font in para.runs:
                decoder.observe(text, font)

        def text_of(paras: list[_Para]) -> list[str]:
            texts: list[str] = []
            pending = ""
            for para in paras:
                pending += "".join(decoder.convert(t, f) for t, f in para.runs)
                if para.joins_next:
                    continue
                texts.append(pending)
                pending = ""
            if pending:
                texts.append(pending)
            return texts

        blocks: list[Block] = []
        run: list[_Para] = []

        def flush() -> None:
            for text in text_of(run):
                text = text.replace("\xad", "")
                if text.strip():
                    blocks.append(Paragraph(text=text))
            run.clear()

        for item in items:
            if isinstance(item, _Para):
                run.append(item)
                continue
            flush()
            if not item.rows:
                continue
            keep = sorted(item.starts)
            rows = []
            for number, row in enumerate(item.rows, start=1):
                cells = []
                for column in keep:
                    cell = row[column] if column < len(row) else None
                    if cell is None:
                        cells.append("")
                        continue
                    if cell.text is None:
                        lines = (t.replace("\xad", "") for t in text_of(cell.paras))
                        cell.text = "\n".join(t for t in lines if t.strip())
                    cells.append(cell.text)
                rows.append(Row(cells=cells, location=Location(table=item.index, row=number)))
            blocks.append(Table(rows=rows, index=item.index))
        flush()
        return Grid(blocks=blocks, format=fmt)


def _all_paras(items: list[_Para | _Table]) -> Iterator[_Para]:
    seen: set[int] = set()
    for item in items:
        if isinstance(item, _Para):
            yield item
            continue
        for row in item.rows:
            for cell in row:
                if cell is not None and id(cell) not in seen:
                    seen.add(id(cell))
                    yield from cell.paras


def _int(value: str | None) -> int:
    try:
        return int(value) if value is not None else 0
    except ValueError:
        return 0
