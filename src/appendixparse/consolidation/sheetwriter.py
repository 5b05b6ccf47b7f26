"""A write-only workbook's sheets: styles built once, rows given column by column.

Rows go into the sheet's XML as text, many rows at a time (:mod:`.sheetxml`): the same cells
openpyxl would write, without a cell object for each; their comments and links are handed to
openpyxl as its cells' are. A row holding a value only a cell object writes goes as one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from copy import copy
from dataclasses import dataclass
from typing import Any

from .labels import (
    HEADINGS,
    SEVERITY_BORDERS,
    SEVERITY_COLOURS,
    SHEET_NAMES,
    STATUS_COLOURS,
    STATUS_LABELS,
    TEXTS,
    Lang,
)
from .sheetxml import ABSENT, Links, RowStream, column_cells, encode, link, row_text

__all__ = ["Column", "SheetWriter", "excel_value", "line_count"]

_LINE_HEIGHT = 15.0  # points per line of 11-point text
_MAX_ROW_HEIGHT = 409.0  # Excel's limit
_EXCEL_CELL_LIMIT = 32767
# What XML 1.0 cannot hold: control characters, lone surrogates, the non-characters U+FFFE/F
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_A4 = 9  # the paper size code of A4 in SpreadsheetML
_AUTHOR = "appendixparse"  # of the matrix's comments
_COMMENT_HEIGHT, _COMMENT_WIDTH = 220, 380
_BLOCK_CELLS = 4000  # cells whose text is held at once


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a sheet: its heading key, width, and how its cells look."""

    key: str
    width: float
    wrap: bool = False
    number_format: str | None = None
    hidden: bool = False


def excel_value(value: Any) -> Any:
    """A value Excel takes: None for missing, no control characters, no text past the limit."""
    if isinstance(value, str):
        if _ILLEGAL.search(value):
            value = _ILLEGAL.sub("", value)
        if len(value) > _EXCEL_CELL_LIMIT:
            value = value[: _EXCEL_CELL_LIMIT - 1] + "…"
        return value
    if value is None or isinstance(value, (int, bool)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if value.__class__.__name__ in ("NAType", "NaTType"):
        return None
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime()
    return value


def line_count(value: Any, width: float) -> int:
    """How many lines ``value`` takes wrapped in a column ``width`` characters wide."""
    if value is None or value is ABSENT:
        return 1
    text = str(value)
    per_line = max(width * 1.15, 1.0)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _comment(ref: str, text: str) -> Any:
    """The record openpyxl makes of a cell ``ref``'s comment ``text`` (CommentRecord.from_cell)."""
    from openpyxl.comments.comment_sheet import CommentRecord

    record = CommentRecord(ref=ref, author=_AUTHOR, height=_COMMENT_HEIGHT, width=_COMMENT_WIDTH)
    record.text.t = text
    return record


class SheetWriter:
    """Sheets of a write-only workbook, with every style built once."""

    def __init__(self, book: Any, lang: Lang) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.book = book
        self.lang = lang
        self.names = SHEET_NAMES[lang]
        self.headings = HEADINGS[lang]
        self.statuses = STATUS_LABELS[lang]
        self.texts = TEXTS[lang]
        self._alignment = {
            True: Alignment(wrap_text=True, vertical="top"),
            False: Alignment(vertical="top"),
        }
        self._fills = {
            key: (PatternFill("solid", fgColor=fill), Font(color=font))
            for key, (fill, font) in {**STATUS_COLOURS, **SEVERITY_COLOURS}.items()
        }
        self._borders = {
            key: Border(*(Side(style="thick", color=colour),) * 4)
            for key, colour in SEVERITY_BORDERS.items()
        }
        self._header = (Font(bold=True), PatternFill("solid", fgColor="DDEBF7"))
        self._bold = Font(bold=True)
        self._styles: dict[tuple[Any, ...], Any] = {}
        self._style_ids: dict[tuple[Any, ...], str | None] = {}
        self._heights: dict[float, str] = {}
        self._streams: dict[Any, RowStream] = {}

    # --- cells ----------------------------------------------------------------------------

    def cell(
        self,
        ws: Any,
        value: Any,
        *,
        fill: str | None = None,
        wrap: bool = False,
        border: str | None = None,
        number_format: str | None = None,
        bold: bool = False,
    ) -> Any:
        from openpyxl.cell import WriteOnlyCell

        value = excel_value(value)
        cell = WriteOnlyCell(ws, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # text, never a formula
        cell._style = copy(self._style(ws, (fill, wrap, border, number_format, bold)))
        return cell

    def _style(self, ws: Any, key: tuple[Any, ...]) -> Any:
        """The style array of cells that look as ``key`` says (built once)."""
        from openpyxl.cell import WriteOnlyCell

        fill, wrap, border, number_format, bold = key
        if key not in self._styles:
            model = WriteOnlyCell(ws)
            if fill in self._fills:
                model.fill, model.font = self._fills[fill]
            if bold:
                model.font = self._bold
            if border in self._borders:
                model.border = self._borders[border]
            if number_format:
                model.number_format = number_format
            model.alignment = self._alignment[wrap]
            self._styles[key] = model._style
        return self._styles[key]

    def _style_id(self, ws: Any, key: tuple[Any, ...]) -> str | None:
        """The id in the workbook of the style ``key`` (registered at its first use, as
        openpyxl registers a cell's), None when the style is the default one."""
        if key not in self._style_ids:
            style = self._style(ws, key)
            self._style_ids[key] = str(self.book._cell_styles.add(style)) if any(style) else None
        return self._style_ids[key]

    def _height(self, ws: Any, height: float) -> str:
        """A row's attributes ``height`` points tall, as openpyxl writes them."""
        if height not in self._heights:
            from openpyxl.worksheet.dimensions import RowDimension

            attributes = dict(RowDimension(ws, index=1, ht=height))
            self._heights[height] = "".join(f' {k}="{v}"' for k, v in attributes.items())
        return self._heights[height]

    def sheet(self, name: str, columns: Sequence[Column], *, freeze: str = "A2") -> Any:
        """A new sheet with its header row: widths, wrapped bold headings tall enough to read,
        frozen panes, A4 landscape one page wide, the header repeated on every printed page."""
        from openpyxl.utils import get_column_letter

        for done in self._streams:  # the sheet before is whole: its tail written, its file shut
            if not done.closed:
                done.close()
        ws = self.book.create_sheet(self.names.get(name, name))
        for i, column in enumerate(columns, start=1):
            dimension = ws.column_dimensions[get_column_letter(i)]
            dimension.width = column.width
            dimension.hidden = column.hidden
        ws.freeze_panes = freeze
        ws.print_title_rows = "1:1"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = _A4
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        headings = [self.headings.get(c.key) or self.statuses.get(c.key, c.key) for c in columns]
        lines = max((line_count(h, c.width) for h, c in zip(headings, columns)), default=1)
        ws.row_dimensions[1].height = _LINE_HEIGHT * lines + 4
        self._streams[ws] = RowStream(ws)
        header = []
        for text in headings:
            cell = self.cell(ws, text, wrap=True)
            cell.font, cell.fill = self._header
            header.append(cell)
        ws.append(header)
        return ws

    def rows(self, ws: Any, columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> int:
        """Append ``rows`` (values, or (value, fill key) for coloured cells); return the count."""
        width = len(columns)
        table: list[list[Any]] = [[] for _ in columns]
        fills: list[list[str | None]] = [[] for _ in columns]
        for values in rows:
            cells = list(values)[:width]
            cells += [ABSENT] * (width - len(cells))
            for column, value, fill in zip(table, cells, fills):
                if isinstance(value, tuple):
                    value, key = value
                    fill.append(key)
                else:
                    fill.append(None)
                column.append(value)
        coloured = {i: fill for i, fill in enumerate(fills) if any(f is not None for f in fill)}
        return self.table(ws, columns, table, fills=coloured)

    def table(
        self,
        ws: Any,
        columns: Sequence[Column],
        values: Sequence[Sequence[Any]],
        *,
        fills: Mapping[int, str | Sequence[str | None]] | None = None,
        borders: Mapping[int, Sequence[str | None]] | None = None,
        comments: Mapping[int, Sequence[str | None]] | None = None,
        links: Mapping[int, Sequence[str | None]] | None = None,
        lines: Sequence[int] | None = None,
    ) -> int:
        """Append rows given column by column (``values[i]``: column i's values, one a row,
        :data:`~.sheetxml.ABSENT` where the row has no such cell); return how many.

        By column index: ``fills`` its fill key, or each row's; ``borders`` each row's border
        key; ``comments`` each row's comment; ``links`` each row's place linked to. ``lines``:
        each row's height in lines (by default, that of its tallest wrapped visible cell).
        Rows go into the sheet as text, but a row holding a value only a cell object writes.
        """
        fills, borders = fills or {}, borders or {}
        comments, links = comments or {}, links or {}
        count = len(values[0]) if values else 0
        step = max(1, _BLOCK_CELLS // max(len(columns), 1))
        for start in range(0, count, step):
            cut = slice(start, start + step)
            self._block(
                ws,
                columns,
                [column[cut] for column in values],
                {j: f if f is None or isinstance(f, str) else f[cut] for j, f in fills.items()},
                {j: b[cut] for j, b in borders.items()},
                {j: c[cut] for j, c in comments.items()},
                {j: place[cut] for j, place in links.items()},
                None if lines is None else lines[cut],
            )
        return count

    def _block(
        self,
        ws: Any,
        columns: Sequence[Column],
        values: Sequence[Sequence[Any]],
        fills: Mapping[int, str | Sequence[str | None] | None],
        borders: Mapping[int, Sequence[str | None]],
        comments: Mapping[int, Sequence[str | None]],
        links: Mapping[int, Sequence[str | None]],
        lines: Sequence[int] | None,
    ) -> None:
        """Append a few rows of :meth:`table` (their text held at once)."""
        from openpyxl.comments import Comment
        from openpyxl.styles import is_date_format
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.hyperlink import Hyperlink

        stream = self._streams[ws]
        count = len(values[0]) if values else 0
        first = stream.next_row
        letters = [get_column_letter(i) for i in range(1, len(columns) + 1)]
        texts = [[excel_value(v) for v in column] for column in values]
        keys = [self._keys(i, c, count, fills, borders) for i, c in enumerate(columns)]
        self._register(ws, keys, texts)
        ids = self._style_ids
        cells = [
            column_cells(
                letter,
                first,
                column,
                [ids.get(k) for k in key] if isinstance(key, list) else [ids.get(key)] * count,
                self.book.epoch,
                bool(c.number_format and is_date_format(c.number_format)),
            )
            for letter, column, key, c in zip(letters, texts, keys, columns)
        ]
        if lines is None:
            wrapped = [
                [line_count(v, c.width) for v in column]
                for column, c in zip(values, columns)
                if c.wrap and not c.hidden
            ]
            lines = [max(1, *tall) for tall in zip(*wrapped)] if wrapped else [1] * count
        notes = sorted(comments.items())
        linked = sorted(links.items())
        pending: list[str] = []
        linking: list[str] = []
        for i, (row, height) in enumerate(zip(zip(*cells), lines)):
            number = first + i
            tall = min(_LINE_HEIGHT * height + 2, _MAX_ROW_HEIGHT)
            if None not in row:
                for j, texts_of in notes:
                    if (note := texts_of[i]) is not None:
                        ws._comments.append(_comment(f"{letters[j]}{number}", note))
                for j, places in linked:
                    if (place := places[i]) is not None:
                        linking.append(link(f"{letters[j]}{number}", place))
                pending.append(row_text(number, self._height(ws, tall), row))
                continue
            stream.write("".join(pending), len(pending))
            pending = []
            if linking:
                ws._hyperlinks.append(Links(encode("".join(linking))))
                linking = []
            out: list[Any] = []
            for j, (column, key, c) in enumerate(zip(values, keys, columns)):
                value = column[i]
                if value is ABSENT:
                    out.append(None)
                    continue
                fill, _, border, _, _ = key[i] if isinstance(key, list) else key
                cell = self.cell(
                    ws, value, fill=fill, wrap=c.wrap, border=border, number_format=c.number_format
                )
                if j in comments and comments[j][i] is not None:
                    cell.comment = Comment(
                        comments[j][i], _AUTHOR, height=_COMMENT_HEIGHT, width=_COMMENT_WIDTH
                    )
                if j in links and links[j][i] is not None:
                    cell.hyperlink = Hyperlink(ref=f"{letters[j]}{number}", location=links[j][i])
                out.append(cell)
            ws.row_dimensions[number].height = tall
            stream.append(out)
        stream.write("".join(pending), len(pending))
        if linking:
            ws._hyperlinks.append(Links(encode("".join(linking))))

    @staticmethod
    def _keys(
        index: int,
        column: Column,
        count: int,
        fills: Mapping[int, str | Sequence[str | None] | None],
        borders: Mapping[int, Sequence[str | None]],
    ) -> tuple[Any, ...] | list[tuple[Any, ...]]:
        """The style keys of a column's cells: one for all, or one a row."""
        fill, border = fills.get(index), borders.get(index)
        if (fill is None or isinstance(fill, str)) and border is None:
            return (fill, column.wrap, None, column.number_format, False)
        row_fills = [fill] * count if fill is None or isinstance(fill, str) else fill
        row_borders = border if border is not None else [None] * count
        return [
            (f, column.wrap, b, column.number_format, False) for f, b in zip(row_fills, row_borders)
        ]

    def _register(self, ws: Any, keys: list[Any], texts: list[list[Any]]) -> None:
        """Register the styles of ``keys`` in the order of their first cells, row by row, as
        openpyxl does when it writes cells (the workbook's style ids follow that order)."""
        wanted: set[tuple[Any, ...]] = set()
        for key, column in zip(keys, texts):
            if isinstance(key, list):
                wanted.update(k for k, v in zip(key, column) if v is not ABSENT)
            elif any(v is not ABSENT for v in column):
                wanted.add(key)
        wanted -= self._style_ids.keys()
        if not wanted:
            return
        varying = [
            (key, column)
            for key, column in zip(keys, texts)
            if isinstance(key, list) or any(v is ABSENT for v in column)
        ]
        for i in range(len(texts[0])):
            for key, column in zip(keys, texts) if i == 0 else varying:
                if column[i] is ABSENT:
                    continue
                k = key[i] if isinstance(key, list) else key
                if k in wanted:
                    self._style_id(ws, k)
                    wanted.discard(k)
            if not wanted:
                return

    @staticmethod
    def finish(ws: Any, columns: Sequence[Column], rows: int) -> None:
        from openpyxl.utils import get_column_letter

        ws.auto_filter.ref = f"A1:{get_column_letter(max(len(columns), 1))}{rows + 1}"
