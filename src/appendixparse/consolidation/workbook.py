"""The province's workbook: what an officer reads without help, in Vietnamese (or English).

Sheets: the targets × units matrix ("Tổng hợp": statuses coloured, flagged cells bordered by
severity with the messages as comments, each cell linked to its detail row, totals and the
completion rate per unit, a legend); the records ("Chi tiết": wrapped, dated, printable on A4
landscape, the machine-readable JSON in hidden last columns); per target and per unit (with a
bar chart of completion); the errors and warnings, then the info notes, each linked to its
cell; the reports left out as duplicates; the files that could not be read.

Written with openpyxl's write-only mode (rows streamed, styles built once and copied). The
long sheets' rows, which carry no comment, go into the sheet's XML as text, a row at a time
(:class:`_Raw`): the same cells openpyxl would write, without a cell object for each.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape as xml_escape

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

if TYPE_CHECKING:
    import pandas as pd

    from .frames import Consolidation

__all__ = ["write_workbook"]

_LINE_HEIGHT = 15.0  # points per line of 11-point text
_MAX_ROW_HEIGHT = 409.0  # Excel's limit
_TEXT_WIDTH, _MIN_WIDTH, _MAX_WIDTH = 60.0, 8.0, 40.0
_EXCEL_CELL_LIMIT = 32767
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters XML cannot hold
_A4 = 9  # the paper size code of A4 in SpreadsheetML
_DATE_FORMAT = "DD/MM/YYYY"
_PERCENT_FORMAT = "0.0%"
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
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
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    writer = _Writer(book, lang)
    detail_row = {
        (unit, target): number
        for number, (unit, target) in enumerate(
            zip(result.records["unit_label"], result.records["id"]), start=2
        )
    }
    flags = _flags_view(result, lang)
    writer.matrix(result, flags, detail_row)
    writer.detail(result, flags)
    writer.targets(result)
    writer.units(result, flags)
    writer.flag_sheet("flags", flags[flags["severity"] != "info"], result)
    writer.flag_sheet("notes", flags[flags["severity"] == "info"], result)
    if len(result.duplicates):
        writer.duplicates(result)
    writer.errors(result)
    if result.indicator_matrix is not None:
        from .indicators import write_indicator_sheet

        write_indicator_sheet(writer, result.indicator_matrix, Column)
    book.save(path)


def _flags_view(result: Consolidation, lang: Lang) -> pd.DataFrame:
    """The flags, worst first, with their labels, place in the file and matrix cell (only the
    columns the sheets show: the flags' other columns are not copied)."""
    flags = result.flags[["unit_label", "source", "code", "severity", "id", "row_id"]]
    text = result.flags["message" if lang == "vi" else "message_en"]
    if not len(flags):
        return flags.assign(rank=[], label=[], place=[], text=[])
    cells = set(zip(flags["unit_label"], flags["id"]))
    places = {
        (unit, target): _place(source, location, lang)
        for unit, target, source, location in zip(
            result.records["unit_label"],
            result.records["id"],
            result.records["source"],
            result.records["location"],
        )
        if (unit, target) in cells
    }
    flags = flags.assign(
        rank=flags["severity"].map(_SEVERITY_RANK),
        label=flags["code"].map(lambda c: CODE_LABELS[lang].get(c, c)),
        place=[
            places.get((u, t)) or Path(str(s)).name
            for u, t, s in zip(flags["unit_label"], flags["id"], flags["source"])
        ],
        text=text,
    )
    return flags.sort_values(["rank", "unit_label", "id"], kind="stable", na_position="last")


def _place(source: Any, location: Any, lang: Lang) -> str:
    name = Path(str(source)).name
    if not isinstance(location, str) or not location:
        return name
    where = location_text(json.loads(location), lang)
    return f"{name}, {where}" if where else name


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
    if value is None:
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
        self._raw_sheets: set[Any] = set()

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

    def raw_cell(
        self,
        ws: Any,
        value: Any,
        *,
        fill: str | None = None,
        wrap: bool = False,
        number_format: str | None = None,
    ) -> tuple[str | None, Any] | None:
        """A cell of a :class:`_Raw` row: (its style id, or None when unstyled; its value as
        Excel takes it), or None when the value is of a kind only a cell object writes."""
        from openpyxl.styles import is_date_format

        key = (fill, wrap, None, number_format, False)
        if key not in self._style_ids:
            style = self._style(ws, key)
            self._style_ids[key] = str(self.book._cell_styles.add(style)) if any(style) else None
        value = _text(value)
        if isinstance(value, datetime) and not (number_format and is_date_format(number_format)):
            return None  # openpyxl would give the cell a date format of its own
        if value is not None and not isinstance(value, _RAW_TYPES):
            return None
        return self._style_ids[key], value

    def raw_row(self, ws: Any, cells: list[tuple[str | None, Any]], height: float) -> None:
        """Append a row of :meth:`raw_cell` cells ``height`` points tall."""
        if height not in self._heights:
            from openpyxl.worksheet.dimensions import RowDimension

            attributes = dict(RowDimension(ws, index=1, ht=height))
            self._heights[height] = "".join(f' {k}="{v}"' for k, v in attributes.items())
        if ws not in self._raw_sheets:
            _take_raw_rows(ws)
            self._raw_sheets.add(ws)
        ws.append(_Raw(cells, self._heights[height], self.book.epoch))

    def sheet(self, name: str, columns: Sequence[Column], *, freeze: str = "A2") -> Any:
        """A new sheet with its header row: widths, wrapped bold headings tall enough to read,
        frozen panes, A4 landscape one page wide, the header repeated on every printed page."""
        from openpyxl.utils import get_column_letter

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
        header = []
        for text in headings:
            cell = self.cell(ws, text, wrap=True)
            cell.font, cell.fill = self._header
            header.append(cell)
        ws.append(header)
        return ws

    def rows(self, ws: Any, columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> int:
        """Append ``rows`` (values, or (value, fill key) for coloured cells); return the count."""
        count = 0
        for count, values in enumerate(rows, start=1):
            cells = []
            height = 1
            for column, value in zip(columns, values):
                fill = None
                if isinstance(value, tuple):
                    value, fill = value
                if column.wrap and not column.hidden:
                    height = max(height, _lines(value, column.width))
                cells.append((value, fill, column))
            tall = min(_LINE_HEIGHT * height + 2, _MAX_ROW_HEIGHT)
            raw = [
                self.raw_cell(ws, v, fill=f, wrap=c.wrap, number_format=c.number_format)
                for v, f, c in cells
            ]
            if all(cell is not None for cell in raw):
                self.raw_row(ws, raw, tall)  # type: ignore[arg-type]
                continue
            ws.row_dimensions[count + 1].height = tall
            ws.append([
                self.cell(ws, v, fill=f, wrap=c.wrap, number_format=c.number_format)
                for v, f, c in cells
            ])  # fmt: skip
        return count

    @staticmethod
    def finish(ws: Any, columns: Sequence[Column], rows: int) -> None:
        from openpyxl.utils import get_column_letter

        ws.auto_filter.ref = f"A1:{get_column_letter(max(len(columns), 1))}{rows + 1}"

    # --- sheets ---------------------------------------------------------------------------

    def matrix(
        self,
        result: Consolidation,
        flags: pd.DataFrame,
        detail_row: dict[tuple[str, str], int],
    ) -> None:
        from openpyxl.comments import Comment
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.hyperlink import Hyperlink

        units = [str(c) for c in result.matrix.columns]
        columns = [
            Column("id", 11), Column("section", 7), Column("target", _TEXT_WIDTH, wrap=True),
            *(Column(u, max(14.0, min(24.0, len(u) * 0.6 + 4))) for u in units),
        ]  # fmt: skip
        ws = self.sheet("matrix", columns, freeze="D2")
        detail = self.names["detail"]
        by_cell: dict[tuple[str, str], list[Any]] = defaultdict(list)
        for flag in _tuples(flags):
            if flag.severity != "info" and isinstance(flag.id, str):
                by_cell[flag.unit_label, flag.id].append(flag)
        catalogue: Any = result.catalogue.set_index("id")
        statuses = result.matrix.to_numpy().tolist()
        for number, (target, row) in enumerate(zip(result.matrix.index, statuses), start=2):
            text = catalogue.at[target, "target"]
            out = [
                self.cell(ws, target),
                self.cell(ws, catalogue.at[target, "section"]),
                self.cell(ws, text, wrap=True),
            ]
            for unit, status in zip(units, row):
                found = sorted(by_cell.get((unit, target), []), key=lambda f: f.rank)
                cell = self.cell(
                    ws,
                    self.statuses.get(status, status),
                    fill=status,
                    border=found[0].severity if found else None,
                )
                if found:
                    body = "\n\n".join(
                        f"{SEVERITY_LABELS[self.lang][f.severity]}: {f.text}" for f in found
                    )
                    cell.comment = Comment(body[:30000], "appendixparse", height=220, width=380)
                if (unit, target) in detail_row:
                    cell.hyperlink = Hyperlink(
                        ref=f"{get_column_letter(len(out) + 1)}{number}",
                        location=f"'{detail}'!A{detail_row[unit, target]}",
                    )
                out.append(cell)
            ws.row_dimensions[number].height = min(
                _LINE_HEIGHT * _lines(text, _TEXT_WIDTH) + 2, _MAX_ROW_HEIGHT
            )
            ws.append(out)
        last = len(statuses) + 1
        self.finish(ws, columns, last - 1)
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

    def detail(self, result: Consolidation, flags: pd.DataFrame) -> None:
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

        def rows() -> Iterable[list[Any]]:
            for r in _tuples(records):
                codes = [c for c in str(r.flags or "").split(",") if c]
                yield [
                    r.unit_label, r.period_start, r.period_end, r.id, r.section, r.stt,
                    r.target, (self.statuses.get(str(r.status), r.status), str(r.status)),
                    r.status_raw, _share(r.value), r.notes,
                    "\n".join(labels.get(c, c) for c in dict.fromkeys(codes)) or None,
                    r.row_id, r.row_target, r.match_score, Path(str(r.source)).name,
                    _place("", r.location, self.lang).lstrip(", ") or None,
                    r.figures, r.location, r.flags or None,
                ]  # fmt: skip

        self.finish(ws, columns, self.rows(ws, columns, rows()))

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
        for unit, target, status, value in zip(
            records["unit_label"], records["id"], records["status"], records["value"]
        ):
            if status in behind_statuses:
                behind[target].append(str(unit))
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

    def units(self, result: Consolidation, flags: pd.DataFrame) -> None:
        from openpyxl.chart import BarChart, Reference

        severities: dict[str, dict[str, int]] = defaultdict(lambda: {"error": 0, "warning": 0})
        for unit, severity in zip(flags.get("unit_label", []), flags.get("severity", [])):
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

    def flag_sheet(self, name: str, flags: pd.DataFrame, result: Consolidation) -> None:
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.hyperlink import Hyperlink

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
        for count, f in enumerate(_tuples(flags), start=1):
            column, row = unit_column.get(str(f.unit_label)), target_row.get(f.id)
            link = (
                Hyperlink(
                    ref=f"H{count + 1}", location=f"'{matrix}'!{get_column_letter(column)}{row}"
                )
                if column and row
                else None
            )
            values = [
                (labels.get(f.severity, f.severity), f.severity, False), (f.label, None, True),
                (f.unit_label, None, True), (f.id, None, False), (f.row_id, None, False),
                (f.text, None, True), (f.place, None, True),
            ]  # fmt: skip
            height = max(_lines(f.text, 70), _lines(f.label, 26), _lines(f.unit_label, 24))
            tall = min(_LINE_HEIGHT * height + 2, _MAX_ROW_HEIGHT)
            raw = [self.raw_cell(ws, v, fill=fill, wrap=wrap) for v, fill, wrap in values]
            if link is not None:
                raw.append(self.raw_cell(ws, self.texts["open"]))
            if all(cell is not None for cell in raw):
                if link is not None:
                    ws._hyperlinks.append(link)  # as openpyxl does when it writes the cell
                self.raw_row(ws, raw, tall)  # type: ignore[arg-type]
                continue
            out = [self.cell(ws, v, fill=fill, wrap=wrap) for v, fill, wrap in values]
            if link is not None:
                out.append(self.cell(ws, self.texts["open"]))
                out[-1].hyperlink = link
            ws.row_dimensions[count + 1].height = tall
            ws.append(out)
        self.finish(ws, columns, count)

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


_RAW_TYPES = (str, int, float, datetime)  # bool is an int


class _Raw(list[tuple[str | None, Any]]):
    """A row that goes into its sheet's XML as text: its cells (style id, value) written as
    openpyxl writes them (inline strings, numbers, booleans, dates as serial numbers)."""

    __slots__ = ("epoch", "height")

    def __init__(self, cells: list[tuple[str | None, Any]], height: str, epoch: Any) -> None:
        super().__init__(cells)
        self.height = height
        self.epoch = epoch

    def xml(self, number: int) -> str:
        """The row's ``<row>`` element, as row ``number`` of the sheet."""
        from openpyxl.compat import safe_string
        from openpyxl.utils import get_column_letter
        from openpyxl.utils.datetime import to_excel

        parts = [f'<row r="{number}"{self.height}>']
        for index, (style, value) in enumerate(self, start=1):
            letter = get_column_letter(index)
            if value is None and style is None:
                continue
            head = f'<c r="{letter}{number}"' + (f' s="{style}"' if style is not None else "")
            if value is None:
                parts.append(f'{head} t="n"/>')
            elif isinstance(value, str):
                if not value:
                    parts.append(f'{head} t="inlineStr"/>')
                    continue
                space = ' xml:space="preserve"' if value != value.strip() else ""
                text = xml_escape(value, {"\r": "&#13;"})
                parts.append(f'{head} t="inlineStr"><is><t{space}>{text}</t></is></c>')
            elif isinstance(value, bool):
                parts.append(f'{head} t="b"><v>{safe_string(value)}</v></c>')
            elif isinstance(value, datetime):
                parts.append(f'{head} t="n"><v>{safe_string(to_excel(value, self.epoch))}</v></c>')
            else:
                parts.append(f'{head} t="n"><v>{safe_string(value)}</v></c>')
        parts.append("</row>")
        return "".join(parts)


def _take_raw_rows(ws: Any) -> None:
    """Let the write-only sheet ``ws`` take :class:`_Raw` rows beside its rows of cells (it
    writes them through its own XML stream, at their place)."""
    from lxml import etree

    ws._get_writer()
    writer = ws._writer
    to_row, write_row = ws._values_to_row, writer.write_row
    parser = etree.XMLParser(resolve_entities=False, huge_tree=True)

    def values_to_row(values: Any, number: int) -> Any:
        return values if isinstance(values, _Raw) else to_row(values, number)

    def write(xf: Any, row: Any, number: int) -> None:
        if isinstance(row, _Raw):
            xf.write(etree.fromstring(row.xml(number).encode("utf-8"), parser))
        else:
            write_row(xf, row, number)

    ws._values_to_row = values_to_row
    writer.write_row = write


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


def _tuples(frame: Any) -> Iterator[Any]:
    """A frame's rows as named tuples (typed loosely: pandas cells can be anything)."""
    yield from frame.itertuples(index=False)


def _share(percentage: Any) -> float | None:
    """A percentage (55.54) as the fraction Excel's percent format shows (0.5554)."""
    return None if _missing(percentage) else float(percentage) / 100
