"""The walk over the main document's element tree: paragraphs and tables in document order.

python-docx has no API for what decides the text here, so the walk reads the lxml elements:

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
- legacy font encodings (TCVN3, VNI) decided per run from the characters, with the run's
  resolved font as a hint, over the whole document
  (:class:`~appendixparse.text.encodings.LegacyDecoder`), once every run has been seen.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ...errors import CorruptFileError, FileTooLargeError
from ...grid import Block, Grid, Paragraph, Row, Table
from ...models import Location
from ...options import Options
from ...text.encodings import LegacyDecoder, font_encoding
from ..symbols import SYMBOL_BULLETS
from .names import STRICT, TRANSITIONAL, Names, child_val, first, namespace_of, to_int
from .numbering import Numbering
from .styles import StyleSheet, run_font

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


def _inside(element: Any, tag: str, top: Any) -> bool:
    """Whether ``element`` has an ancestor with ``tag`` below ``top``."""
    for ancestor in element.iterancestors():
        if ancestor is top:
            return False
        if ancestor.tag == tag:
            return True
    return False


def _equation_text(element: Any, n: Names) -> str:
    """The text of an equation, a fraction written "numerator/denominator"."""
    if element.tag in n.equation_text:
        return element.text or ""
    if element.tag in n.fraction:
        parts = [_equation_text(c, n) for c in element if c.tag in n.fraction_parts]
        return "/".join(parts)
    return "".join(_equation_text(c, n) for c in element)


def _deleted_row(tr: Any, n: Names) -> bool:
    trpr = first(tr, n.trPr)
    return trpr is not None and first(trpr, n.del_) is not None


def _deleted_cell(tc: Any, n: Names) -> bool:
    tcpr = first(tc, n.tcPr)
    return tcpr is not None and first(tcpr, n.cellDel) is not None


def _has_content(cell: Any, n: Names) -> bool:
    """Whether a table cell holds any text or a table."""
    return any(t.text and t.text.strip() for t in cell.iter(n.t)) or _holds_table(cell, n)


def _holds_table(cell: Any, n: Names) -> bool:
    return next(cell.iter(n.tbl), None) is not None


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


def document_names(root: Any, source: str) -> Names:
    """The names of the main document's WordprocessingML flavour (transitional or strict).

    Raises CorruptFileError when the document part is something else.
    """
    ns = namespace_of(root)
    if ns not in (TRANSITIONAL, STRICT):
        raise CorruptFileError(source, "the document part is not WordprocessingML")
    return Names(ns)


class DocumentReader:
    """One document's walk: its blocks in order, then their text once every run has been seen."""

    def __init__(
        self,
        root: Any,
        n: Names,
        styles: StyleSheet,
        numbering: Numbering,
        source: str,
        options: Options,
    ) -> None:
        self.n = n
        self.source = source
        self.options = options
        self.root = root
        self.styles = styles
        self.numbering = numbering
        self.cells = 0
        self.tables = 0
        self.floating: list[_Para] = []  # text-box paragraphs met in the paragraph being read

    def grid(self, fmt: str) -> Grid:
        body = first(self.root, self.n.body)
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
            return first(child, n.sdtContent)
        if child.tag == n.customXml:
            return child
        if child.tag == n.alternate:
            return first(child, n.choice)
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
        ppr = first(p, n.pPr)
        style_id = None
        numbering: tuple[str, int] | None = None
        if ppr is not None:
            style_id = child_val(ppr, n.pStyle, n)
            num_pr = first(ppr, n.numPr)
            if num_pr is not None:
                num_id = child_val(num_pr, n.numId, n)
                if num_id is not None:
                    numbering = (num_id, to_int(child_val(num_pr, n.ilvl, n)))
            mark = first(ppr, n.rPr)
            if mark is not None and first(mark, n.del_) is not None:
                para.joins_next = True
        style_id = style_id or self.styles.default_paragraph_style
        if numbering is None:
            numbering = self.styles.numbering(style_id)
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
                hidden = first(child, n.vanish)
                if hidden is not None and hidden.get(n.val) not in ("0", "false", "off"):
                    return  # hidden text (Font > Hidden): Word neither shows nor prints it
                found, own = run_font(child, n)
                if found:
                    font = own
                else:
                    style = child_val(child, n.rStyle, n)
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
            choice = first(drawing, n.choice)
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
            trpr = first(tr, n.trPr)
            before = 0
            if trpr is not None:
                if first(trpr, n.del_) is not None:
                    continue  # a deleted row, as accepted
                # A span past the limit is nonsense, not a reason to refuse: it is cut down.
                before = min(to_int(child_val(trpr, n.gridBefore, n)), self.options.max_grid_span)
            row: list[_Cell | None] = [None] * before
            current: dict[int, _Cell] = {}
            for tc in self._children(tr, n.tc):
                tcpr = first(tc, n.tcPr)
                span, merge = 1, None
                if tcpr is not None:
                    if first(tcpr, n.cellDel) is not None:
                        continue
                    span = to_int(child_val(tcpr, n.gridSpan, n))
                    span = min(max(span, 1), self.options.max_grid_span)
                    vmerge = first(tcpr, n.vMerge)
                    if vmerge is not None:
                        merge = vmerge.get(n.val) or "continue"
                    hmerge = first(tcpr, n.hMerge)
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
                content = first(child, n.sdtContent)
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
