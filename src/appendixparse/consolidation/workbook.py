"""The province's workbook: what an officer reads without help, in Vietnamese (or English).

Sheets: the targets × units matrix ("Tổng hợp": statuses coloured, flagged cells bordered by
severity with the messages as comments, each cell linked to its detail row, totals and the
completion rate per unit, a legend); the records ("Chi tiết": wrapped, dated, printable on A4
landscape, the machine-readable JSON in hidden last columns); per target and per unit (with a
bar chart of completion); the errors and warnings, then the info notes, each linked to its
cell; the reports left out as duplicates; the files that could not be read.

Written with openpyxl's write-only mode (rows streamed, styles built once and copied). The
sheets' rows are given column by column (:meth:`_Writer.table`) and go into the sheet's XML
as text, many rows at a time (:mod:`.sheetxml`): the same cells openpyxl would write, without
a cell object for each; their comments and links are handed to openpyxl as its cells' are.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from copy import copy
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from .allocator import system_allocator
from .labels import (
    CODE_LABELS,
    ERROR_LABELS,
    HEADINGS,
    SEVERITY_BORDERS,
    SEVERITY_COLOURS,
    SEVERITY_LABELS,
    SHEET_NAMES,
    STATUS_COLOURS,
    STATUS_LABELS,
    TEXTS,
    Lang,
    location_text,
)
from .sheetxml import ABSENT, Links, RowStream, column_cells, encode, link, row_text

if TYPE_CHECKING:
    import pandas as pd

    from .frames import Consolidation

__all__ = ["write_workbook"]

_LINE_HEIGHT = 15.0  # points per line of 11-point text
_MAX_ROW_HEIGHT = 409.0  # Excel's limit
_TEXT_WIDTH, _MIN_WIDTH, _MAX_WIDTH = 60.0, 8.0, 40.0
_EXCEL_CELL_LIMIT = 32767
# What XML 1.0 cannot hold: control characters, lone surrogates, the non-characters U+FFFE/F
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_A4 = 9  # the paper size code of A4 in SpreadsheetML
_DATE_FORMAT = "DD/MM/YYYY"
_PERCENT_FORMAT = "0.0%"
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
_AUTHOR = "appendixparse"  # of the matrix's comments
_COMMENT_HEIGHT, _COMMENT_WIDTH = 220, 380
_SLICE = 250  # rows of a long sheet turned into Python values at once
_BLOCK_CELLS = 4000  # cells whose text is held at once
_STATUSES = ("completed", "in_progress", "not_started", "not_applicable", "unknown", "missing")


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a sheet: its heading key, width, and how its cells look."""

    key: str
    width: float
    wrap: bool = False
    number_format: str | None = None
    hidden: bool = False


def write_workbook(result: Consolidation, path: Path, lang: Lang = "vi") -> None:
    """Write the workbook of ``result`` to ``path`` (a temporary file: the caller renames it)."""
    with system_allocator():
        _write(result, path, lang)


def _write(result: Consolidation, path: Path, lang: Lang) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    _sheets(book, result, lang)  # its lookups let go of before the file is written
    book.save(path)


def _sheets(book: Any, result: Consolidation, lang: Lang) -> None:
    writer = _Writer(book, lang)
    flags = _flags_of(result, lang)
    detail_rows = _detail_rows(result.records)
    writer.matrix(result, flags, detail_rows)
    writer.detail(result)
    writer.targets(result)
    writer.units(result, flags)
    severities = flags.frame["severity"].to_numpy()[flags.order]
    for name, shown in (("flags", severities != "info"), ("notes", severities == "info")):
        writer.flag_sheet(name, flags, flags.order[shown], result, detail_rows)
    if len(result.duplicates):
        writer.duplicates(result)
    writer.errors(result)
    if result.indicator_matrix is not None:
        from .indicators import write_indicator_sheet

        write_indicator_sheet(writer, result.indicator_matrix, Column)


class _Places(Sequence[str | None]):
    """Places ``pattern`` names with each row's number (None: no place), made when read (the
    matrix's fourteen thousand links are not held as text at once)."""

    __slots__ = ("_numbers", "_pattern")

    def __init__(self, pattern: str, numbers: Sequence[int | None]) -> None:
        self._pattern, self._numbers = pattern, numbers

    def __len__(self) -> int:
        return len(self._numbers)

    @overload
    def __getitem__(self, index: int) -> str | None: ...
    @overload
    def __getitem__(self, index: slice) -> _Places: ...
    def __getitem__(self, index: int | slice) -> str | _Places | None:
        if isinstance(index, slice):
            return _Places(self._pattern, self._numbers[index])
        number = self._numbers[index]
        return None if number is None else self._pattern.format(number)


@dataclass(frozen=True, slots=True)
class _Flags:
    """The flags as the sheets show them: ``frame`` (the consolidation's), ``order`` its
    positions worst first (then by unit and target), ``text`` the column of the messages in
    the workbook's language. Labels and places are looked up a slice at a time, not copied
    into a frame of their own."""

    frame: pd.DataFrame
    order: Any
    text: str


def _flags_of(result: Consolidation, lang: Lang) -> _Flags:
    import pandas as pd

    frame = result.flags
    rank = frame["severity"].map(_SEVERITY_RANK)
    keys = pd.DataFrame(
        {"rank": rank.to_numpy(), "unit_label": frame["unit_label"].array, "id": frame["id"].array}
    )
    order = keys.sort_values(
        ["rank", "unit_label", "id"], kind="stable", na_position="last"
    ).index.to_numpy()
    return _Flags(frame, order, "message" if lang == "vi" else "message_en")


def _detail_rows(records: pd.DataFrame) -> dict[Any, dict[Any, int]]:
    """Where each record sits in the detail sheet: by unit, the row of each target (the last
    record of a unit and target, should there be two)."""
    rows: dict[Any, dict[Any, int]] = defaultdict(dict)
    pairs = records[["unit_label", "id"]]
    for start in range(0, len(pairs), _SLICE):
        part = pairs.iloc[start : start + _SLICE]
        numbers = range(start + 2, start + 2 + len(part))
        for number, unit, target in zip(numbers, *(part[c].tolist() for c in part.columns)):
            rows[_interned(unit)][_interned(target)] = number
    return rows


def _place(source: Any, location: Any, lang: Lang) -> str:
    name = _file_name(source)
    if not isinstance(location, str) or not location:
        return name
    where = location_text(json.loads(location), lang)
    return f"{name}, {where}" if where else name


def _interned(value: Any) -> Any:
    """``value``, one object for each text however often it is read from a frame."""
    return sys.intern(value) if type(value) is str else value


@lru_cache(maxsize=4096)
def _file_name(source: Any) -> str:
    """The name of the file at ``source`` (a batch names a few hundred files, many times)."""
    return Path(str(source)).name


def _text(value: Any) -> Any:
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


def _lines(value: Any, width: float) -> int:
    """How many lines ``value`` takes wrapped in a column ``width`` characters wide."""
    if value is None or value is ABSENT:
        return 1
    text = str(value)
    per_line = max(width * 1.15, 1.0)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


class _Writer:
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

        value = _text(value)
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
        lines = max((_lines(h, c.width) for h, c in zip(headings, columns)), default=1)
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
        texts = [[_text(v) for v in column] for column in values]
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
                [_lines(v, c.width) for v in column]
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

    # --- sheets ---------------------------------------------------------------------------

    def matrix(
        self, result: Consolidation, flags: _Flags, detail_rows: dict[Any, dict[Any, int]]
    ) -> None:
        units = [str(c) for c in result.matrix.columns]
        columns = [
            Column("id", 11), Column("section", 7), Column("target", _TEXT_WIDTH, wrap=True),
            *(Column(u, max(14.0, min(24.0, len(u) * 0.6 + 4))) for u in units),
        ]  # fmt: skip
        ws = self.sheet("matrix", columns, freeze="D2")
        detail = self.names["detail"]
        severity_labels = SEVERITY_LABELS[self.lang]
        # Each flagged cell's border (its worst flag's) and comment (its flags, worst first).
        marked: dict[tuple[str, str], list[str]] = {}
        shown = flags.frame[["unit_label", "id", "severity", flags.text]]
        for start in range(0, len(flags.order), _SLICE):
            part = shown.iloc[flags.order[start : start + _SLICE]]
            for unit, target, severity, text in zip(*(part[c].tolist() for c in part.columns)):
                if severity == "info" or not isinstance(target, str):
                    continue
                note = f"{severity_labels[severity]}: {text}"
                if (cell := marked.get((unit, target))) is None:
                    marked[_interned(unit), _interned(target)] = [severity, note]
                else:
                    cell[1] = f"{cell[1]}\n\n{note}"
        catalogue: Any = result.catalogue.set_index("id")
        targets = list(result.matrix.index)
        of_units = result.matrix.to_numpy().T.tolist()  # by unit, a status a target
        values: list[list[Any]] = [
            targets,
            [catalogue.at[t, "section"] for t in targets],
            [catalogue.at[t, "target"] for t in targets],
        ]
        fills: dict[int, list[str | None]] = {}
        borders: dict[int, list[str | None]] = {}
        comments: dict[int, list[str | None]] = {}
        links: dict[int, _Places] = {}
        for index, (unit, of_unit) in enumerate(zip(units, of_units), start=len(values)):
            values.append([self.statuses.get(s, s) for s in of_unit])
            fills[index] = of_unit
            found = [marked.get((unit, t)) for t in targets]
            borders[index] = [None if f is None else f[0] for f in found]
            comments[index] = [None if f is None else f[1][:30000] for f in found]
            rows = detail_rows.get(unit, {})
            links[index] = _Places(f"'{detail}'!A{{}}", [rows.get(t) for t in targets])
        self.table(ws, columns, values, fills=fills, borders=borders, comments=comments,
                   links=links)  # fmt: skip
        self.finish(ws, columns, len(targets))
        # Totals per status and the completion rate, per unit.
        by_unit: Any = result.by_unit.set_index("unit_label")
        for status in _STATUSES:
            label = self.texts["count_row"].format(status=self.statuses[status])
            counts = [int(by_unit.at[u, status]) if u in by_unit.index else 0 for u in units]
            ws.append([None, None, self.cell(ws, label, bold=True),
                       *(self.cell(ws, n, fill=status) for n in counts)])  # fmt: skip
        rates = [by_unit.at[u, "completion_rate"] if u in by_unit.index else None for u in units]
        ws.append([None, None, self.cell(ws, self.texts["rate_row"], bold=True),
                   *(self.cell(ws, _share(r), bold=True,
                               number_format=_PERCENT_FORMAT) for r in rates)])  # fmt: skip
        # The legend.
        ws.append([])
        ws.append([None, None, self.cell(ws, self.texts["legend"], bold=True)])
        for status in _STATUSES:
            ws.append([None, None, self.cell(ws, self.statuses[status], fill=status)])
        for severity in ("error", "warning"):
            ws.append([None, None, self.cell(ws, self.texts[f"{severity}_border"],
                                             border=severity)])  # fmt: skip
        ws.append([None, None, self.cell(ws, self.texts["hover"], wrap=True)])

    def detail(self, result: Consolidation) -> None:
        records = result.records
        labels = CODE_LABELS[self.lang]
        columns = [
            Column("unit_label", 24, wrap=True),
            Column("period_start", 11, number_format=_DATE_FORMAT),
            Column("period_end", 11, number_format=_DATE_FORMAT),
            Column("id", 9), Column("section", 7), Column("stt", 6),
            Column("target", 45, wrap=True), Column("status", 16),
            Column("status_raw", 18, wrap=True),
            Column("value", 10, number_format=_PERCENT_FORMAT),
            Column("notes", 60, wrap=True), Column("flag_labels", 24, wrap=True),
            Column("row_id", 10), Column("row_target", 30, wrap=True),
            Column("match_score", 9), Column("source", 24, wrap=True),
            Column("place", 18, wrap=True),
            Column("figures", 20, hidden=True), Column("location", 20, hidden=True),
            Column("flags", 20, hidden=True),
        ]  # fmt: skip
        ws = self.sheet("detail", columns, freeze="H2")
        count = 0
        for part in _slices(records):
            r = {name: part[name].tolist() for name in part.columns}
            codes = [[c for c in str(f or "").split(",") if c] for f in r["flags"]]
            statuses = [str(s) for s in r["status"]]
            values = [
                r["unit_label"], r["period_start"], r["period_end"], r["id"], r["section"],
                r["stt"], r["target"],
                [self.statuses.get(key, s) for key, s in zip(statuses, r["status"])],
                r["status_raw"], [_share(v) for v in r["value"]], r["notes"],
                ["\n".join(labels.get(c, c) for c in dict.fromkeys(cs)) or None for cs in codes],
                r["row_id"], r["row_target"], r["match_score"],
                [_file_name(s) for s in r["source"]],
                [_place("", where, self.lang).lstrip(", ") or None for where in r["location"]],
                r["figures"], r["location"], [f or None for f in r["flags"]],
            ]  # fmt: skip
            count += self.table(ws, columns, values, fills={7: statuses})
        self.finish(ws, columns, count)

    def targets(self, result: Consolidation) -> None:
        records = result.records
        columns = [
            Column("id", 11), Column("section", 7), Column("target", 50, wrap=True),
            *(Column(s, 11) for s in _STATUSES), Column("units", 9),
            Column("completion_rate", 12, number_format=_PERCENT_FORMAT),
            Column("behind", 40, wrap=True), Column("value_min", 12, number_format="0.0"),
            Column("value_median", 12, number_format="0.0"),
            Column("value_max", 12, number_format="0.0"),
        ]  # fmt: skip
        ws = self.sheet("targets", columns, freeze="D2")
        behind_statuses = {"in_progress", "not_started", "unknown", "missing"}
        behind = defaultdict(list)
        values = defaultdict(list)
        for part in _slices(records[["unit_label", "id", "status", "value"]]):
            for unit, target, status, value in zip(*(part[c].tolist() for c in part.columns)):
                if status in behind_statuses:
                    behind[target].append(_interned(str(unit)))
                if not _missing(value):
                    values[target].append(float(value))

        def rows() -> Iterable[list[Any]]:
            for t in _tuples(result.by_target):
                measured = sorted(values.get(t.id, []))
                yield [
                    t.id, t.section, t.target,
                    *((getattr(t, s), s) for s in _STATUSES), t.units,
                    _share(t.completion_rate),
                    "; ".join(behind.get(t.id, [])) or None,
                    measured[0] if measured else None,
                    _median(measured), measured[-1] if measured else None,
                ]  # fmt: skip

        self.finish(ws, columns, self.rows(ws, columns, rows()))

    def units(self, result: Consolidation, flags: _Flags) -> None:
        from openpyxl.chart import BarChart, Reference

        severities: dict[str, dict[str, int]] = defaultdict(lambda: {"error": 0, "warning": 0})
        frame = flags.frame
        for unit, severity in zip(frame["unit_label"].tolist(), frame["severity"].tolist()):
            if severity in ("error", "warning"):
                severities[unit][severity] += 1
        left_out = defaultdict(list)
        for unit, source in zip(result.duplicates["unit"], result.duplicates["source"]):
            left_out[unit].append(Path(str(source)).name)
        columns = [
            Column("unit_label", 28, wrap=True),
            Column("period_start", 11, number_format=_DATE_FORMAT),
            Column("period_end", 11, number_format=_DATE_FORMAT),
            Column("declared_total", 11), Column("declared_completed", 11),
            Column("declared_in_progress", 11), Column("declared_not_started", 11),
            *(Column(s, 11) for s in _STATUSES),
            Column("completion_rate", 12, number_format=_PERCENT_FORMAT),
            Column("errors", 8), Column("warnings", 10), Column("source", 28, wrap=True),
            Column("duplicates", 28, wrap=True),
        ]  # fmt: skip
        ws = self.sheet("units", columns, freeze="B2")
        import pandas as pd

        def rows() -> Iterable[list[Any]]:
            for u in _tuples(result.by_unit):
                yield [
                    u.unit_label, _date(u.period_start, pd), _date(u.period_end, pd),
                    u.declared_total, u.declared_completed, u.declared_in_progress,
                    u.declared_not_started, *((getattr(u, s), s) for s in _STATUSES),
                    _share(u.completion_rate),
                    severities[u.unit_label]["error"], severities[u.unit_label]["warning"],
                    Path(str(u.source)).name,
                    "\n".join(left_out.get(u.unit, [])) or None,
                ]  # fmt: skip

        count = self.rows(ws, columns, rows())
        self.finish(ws, columns, count)
        if count:
            rate = columns.index(next(c for c in columns if c.key == "completion_rate")) + 1
            chart = BarChart()
            chart.type = "bar"
            chart.title = self.texts["chart_title"]
            chart.legend = None
            chart.y_axis.numFmt = "0%"
            chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 1
            chart.add_data(Reference(ws, min_col=rate, min_row=1, max_row=count + 1),
                           titles_from_data=True)  # fmt: skip
            chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=count + 1))
            chart.height, chart.width = max(7.5, 0.8 * count + 3), 18
            ws.add_chart(chart, f"B{count + 4}")

    def flag_sheet(
        self,
        name: str,
        flags: _Flags,
        positions: Any,
        result: Consolidation,
        detail_rows: dict[Any, dict[Any, int]],
    ) -> None:
        """The sheet ``name`` of the flags at ``positions`` of their frame, in that order."""
        from openpyxl.utils import get_column_letter

        columns = [
            Column("severity", 11), Column("code", 26, wrap=True),
            Column("unit_label", 24, wrap=True), Column("id", 9), Column("row_id", 9),
            Column("message", 70, wrap=True), Column("place", 28, wrap=True),
            Column("link", 12),
        ]  # fmt: skip
        ws = self.sheet(name, columns, freeze="A2")
        matrix = self.names["matrix"]
        # Where each (unit, target) sits in the matrix: its row by target, its column by unit.
        unit_column = {u: i for i, u in enumerate(map(str, result.matrix.columns), start=4)}
        target_row = {t: i for i, t in enumerate(result.matrix.index, start=2)}
        labels = SEVERITY_LABELS[self.lang]
        count = 0
        code_labels = CODE_LABELS[self.lang]
        shown = ["unit_label", "source", "code", "severity", "id", "row_id", flags.text]
        for start in range(0, len(positions), _SLICE):
            part = flags.frame[shown].iloc[positions[start : start + _SLICE]]
            f = {name: part[name].tolist() for name in part.columns}
            f["text"] = f[flags.text]
            f["label"] = [code_labels.get(c, c) for c in f["code"]]
            f["place"] = self._places(result.records, f, detail_rows)
            places = [
                (unit_column.get(str(unit)), target_row.get(target))
                for unit, target in zip(f["unit_label"], f["id"])
            ]
            links = [
                f"'{matrix}'!{get_column_letter(column)}{row}" if column and row else None
                for column, row in places
            ]
            values = [
                [labels.get(s, s) for s in f["severity"]], f["label"], f["unit_label"], f["id"],
                f["row_id"], f["text"], f["place"],
                [ABSENT if link is None else self.texts["open"] for link in links],
            ]  # fmt: skip
            lines = [
                max(_lines(text, 70), _lines(label, 26), _lines(unit, 24))
                for text, label, unit in zip(f["text"], f["label"], f["unit_label"])
            ]
            count += self.table(ws, columns, values, fills={0: f["severity"]}, links={7: links},
                                lines=lines)  # fmt: skip
        self.finish(ws, columns, count)

    def _places(
        self, records: pd.DataFrame, flags: dict[str, list[Any]], rows: dict[Any, dict[Any, int]]
    ) -> list[str]:
        """Where each of ``flags`` (columns of a slice) points in its file: its record's file
        and place in it, else the flag's file."""
        found = [rows.get(u, {}).get(t) for u, t in zip(flags["unit_label"], flags["id"])]
        at = [number - 2 for number in found if number is not None]
        part = records[["source", "location"]].iloc[at]
        places = iter(
            [
                _place(s, where, self.lang)
                for s, where in zip(*(part[c].tolist() for c in part.columns))
            ]
        )
        return [
            (next(places) if number is not None else "") or _file_name(source)
            for number, source in zip(found, flags["source"])
        ]

    def duplicates(self, result: Consolidation) -> None:
        columns = [
            Column("unit", 28, wrap=True), Column("source", 36, wrap=True),
            Column("period_start", 11), Column("period_end", 11), Column("kept", 36, wrap=True),
        ]  # fmt: skip
        ws = self.sheet("duplicates", columns)
        rows = (
            [d.unit, d.source, d.period_start, d.period_end, d.kept]
            for d in _tuples(result.duplicates)
        )
        self.finish(ws, columns, self.rows(ws, columns, rows))

    def errors(self, result: Consolidation) -> None:
        columns = [
            Column("source", 40, wrap=True), Column("error", 30, wrap=True),
            Column("reason", 70, wrap=True),
        ]  # fmt: skip
        ws = self.sheet("errors", columns)
        kinds = ERROR_LABELS[self.lang]
        rows = (
            [e.source, kinds.get(str(e.error), e.error), e.reason] for e in _tuples(result.errors)
        )
        self.finish(ws, columns, self.rows(ws, columns, rows))


def _comment(ref: str, text: str) -> Any:
    """The record openpyxl makes of a cell ``ref``'s comment ``text`` (CommentRecord.from_cell)."""
    from openpyxl.comments.comment_sheet import CommentRecord

    record = CommentRecord(ref=ref, author=_AUTHOR, height=_COMMENT_HEIGHT, width=_COMMENT_WIDTH)
    record.text.t = text
    return record


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, pandas NA
    except TypeError:
        return True


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


def _date(value: Any, pd: Any) -> Any:
    return None if value is None or value == "" else pd.Timestamp(value).to_pydatetime()


def _slices(frame: pd.DataFrame) -> Iterator[pd.DataFrame]:
    """A long frame's rows, a slice at a time (a sheet's cells as Python values, a slice at a
    time, hold little memory)."""
    for start in range(0, len(frame), _SLICE):
        yield frame.iloc[start : start + _SLICE]


def _tuples(frame: Any) -> Iterator[Any]:
    """A frame's rows as named tuples (typed loosely: pandas cells can be anything)."""
    yield from frame.itertuples(index=False)


def _share(percentage: Any) -> float | None:
    """A percentage (55.54) as the fraction Excel's percent format shows (0.5554)."""
    return None if _missing(percentage) else float(percentage) / 100
