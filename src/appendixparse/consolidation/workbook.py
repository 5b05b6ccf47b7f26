"""The province's workbook: what an officer reads without help, in Vietnamese (or English).

Sheets: the targets × units matrix ("Tổng hợp": statuses coloured, flagged cells bordered by
severity with the messages as comments, each cell linked to its detail row, totals and the
completion rate per unit, a legend); the records ("Chi tiết": wrapped, dated, printable on A4
landscape, the machine-readable JSON in hidden last columns); per target and per unit (with a
bar chart of completion); the errors and warnings, then the info notes, each linked to its
cell; the reports left out as duplicates; the files that could not be read.

Written with openpyxl's write-only mode by :class:`.sheetwriter.SheetWriter` (styles built
once, rows given column by column and written as text).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from .allocator import system_allocator
from .labels import (
    CODE_LABELS,
    ERROR_LABELS,
    SEVERITY_LABELS,
    Lang,
    location_text,
)
from .sheetwriter import Column, SheetWriter, line_count
from .sheetxml import ABSENT

if TYPE_CHECKING:
    import pandas as pd

    from .frames import Consolidation

__all__ = ["write_workbook"]

_TEXT_WIDTH = 60.0  # the target column's width
_DATE_FORMAT = "DD/MM/YYYY"
_PERCENT_FORMAT = "0.0%"
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
_SLICE = 250  # rows of a long sheet turned into Python values at once
_STATUSES = ("completed", "in_progress", "not_started", "not_applicable", "unknown", "missing")


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

        write_indicator_sheet(writer, result.indicator_matrix)


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


class _Writer(SheetWriter):
    """The workbook's sheets, each from the consolidation."""

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
                max(line_count(text, 70), line_count(label, 26), line_count(unit, 24))
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
