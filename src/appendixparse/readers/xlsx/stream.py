"""A workbook's parts read over SafeZip, each sheet's XML streamed with lxml's iterparse.

No openpyxl workbook is built: the sheets come in the workbook's order with their state, the
shared strings and the cell styles (number format, font) are read from their parts, and each
sheet gives its existing cells, row and column attributes and merged ranges in one streaming
pass. Values are read as openpyxl reads them with ``data_only=True`` (its date and number-format
helpers do the conversions): numbers as int or float, dates by their style's number format and
the workbook's 1900/1904 epoch, booleans, inline and shared strings (rich text runs joined,
phonetic runs left out). A formula its writing program never computed is shown as written
("=A3+1"), so that an STT computed by a formula is an unrecognised number rather than an empty
cell that would join its row to the target above.
"""

from __future__ import annotations

import io
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from ...errors import CorruptFileError
from ...text.encodings import LegacyDecoder
from .numformat import cell_text, raw_string

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_WORKBOOK = "xl/workbook.xml"
_STYLES = "xl/styles.xml"
_DEFAULT_FONT = "Calibri"  # what Excel and openpyxl assume without a style sheet
_MAX_COLUMN = 18278  # column "ZZZ"
_ROW, _CELL, _VALUE, _FORMULA = _MAIN + "row", _MAIN + "c", _MAIN + "v", _MAIN + "f"
_INLINE, _COL, _MERGES = _MAIN + "is", _MAIN + "col", _MAIN + "mergeCells"


@dataclass(slots=True)
class SheetPart:
    """A worksheet listed in the workbook: its title, state ("visible", "hidden", …) and part."""

    title: str
    state: str
    part: str


@dataclass(slots=True)
class SheetScan:
    """What one pass over a sheet's XML gives: texts by row and column, row attributes by row,
    column attributes by first column, merged ranges as (min_col, min_row, max_col, max_row)."""

    title: str
    values: dict[int, dict[int, str]] = field(default_factory=dict)
    row_dims: dict[str, dict[str, str]] = field(default_factory=dict)
    col_dims: dict[int, dict[str, str]] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)


class WorkbookParts:
    """The parts of a workbook, already inflated and judged (see ``read_xlsx``), by name."""

    def __init__(self, parts: dict[str, bytes], source: str) -> None:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

        self.parts = parts
        self.source = source
        workbook = self._xml(_WORKBOOK)
        properties = workbook.find(_MAIN + "workbookPr")
        date1904 = properties.get("date1904") if properties is not None else None
        self.epoch = CALENDAR_MAC_1904 if _on(date1904) else CALENDAR_WINDOWS_1900
        self.sheets = list(self._sheets(workbook))
        self.strings = self._shared_strings()
        self.styles = _CellStyles(self._xml(_STYLES) if _STYLES in parts else None)

    def _xml(self, name: str) -> Any:
        try:
            return etree.fromstring(self.parts[name], _parser())
        except (etree.XMLSyntaxError, KeyError) as exc:
            raise CorruptFileError(
                self.source, f"not a readable Excel workbook ({name}: {exc})"
            ) from None

    def _sheets(self, workbook: Any) -> Iterator[SheetPart]:
        """The worksheets in the workbook's order (chart sheets and missing parts skipped)."""
        targets: dict[str, tuple[str, str]] = {}
        rels = "xl/_rels/workbook.xml.rels"
        if rels in self.parts:
            for rel in self._xml(rels):
                if rel.get("TargetMode") == "External" or rel.get("Id") is None:
                    continue
                target = rel.get("Target") or ""
                path = target[1:] if target.startswith("/") else posixpath.normpath(
                    posixpath.join("xl", target)
                )  # fmt: skip
                targets[rel.get("Id")] = (path, rel.get("Type") or "")
        sheets = workbook.find(_MAIN + "sheets")
        for sheet in sheets.iterchildren(_MAIN + "sheet") if sheets is not None else ():
            rid = sheet.get(_RELS + "id")
            if not rid:
                continue
            if rid not in targets:
                raise CorruptFileError(
                    self.source, f"not a readable Excel workbook (no part for sheet {rid!r})"
                )
            path, kind = targets[rid]
            if path not in self.parts or "chartsheet" in kind:
                continue
            yield SheetPart(sheet.get("name") or "", sheet.get("state") or "visible", path)

    def _shared_strings(self) -> list[str]:
        name = None
        if "[Content_Types].xml" in self.parts:
            for override in self._xml("[Content_Types].xml").iterchildren(_TYPES + "Override"):
                if override.get("ContentType") == _SHARED_STRINGS:
                    name = (override.get("PartName") or "")[1:]
                    break
        if name is None or name not in self.parts:
            return []
        strings = []
        for _, item in _iterparse(self.parts[name], _MAIN + "si"):
            strings.append(_text(item).replace("x005F_", ""))
            _drop(item)
        return strings

    def values(self, sheet: SheetPart) -> Iterator[tuple[int, int, Any]]:
        """Every cell of ``sheet`` as (row, column, value) in document order, values unformatted."""
        cells, dims = _Cells(self), dict[str, dict[str, str]]()
        for _, element in _iterparse(self.parts[sheet.part], _ROW):
            yield from ((r, c, v) for r, c, v, _ in cells.row(element, dims))
            _drop(element)

    def scan(self, sheet: SheetPart, count_text_cell: Any) -> SheetScan:
        """One streaming pass over ``sheet``'s XML: its filled cells' texts, rows, columns and
        merged ranges; ``count_text_cell()`` is called for each filled cell."""
        from openpyxl.utils.cell import range_boundaries

        scan = SheetScan(title=sheet.title)
        strings: list[tuple[int, int, str, str | None]] = []  # decoded once the sheet is seen
        cells = _Cells(self)
        for _, element in _iterparse(self.parts[sheet.part], _ROW, _COL, _MERGES):
            tag = element.tag
            if tag == _ROW:
                for row, column, value, style_id in cells.row(element, scan.row_dims):
                    if value is None or value == "":
                        continue
                    number_format, font = self.styles.of(style_id)
                    if isinstance(value, str):
                        if value.strip():
                            count_text_cell()
                            strings.append((row, column, raw_string(value), font))
                        continue
                    text = cell_text(value, number_format, font)
                    if text.strip():
                        count_text_cell()
                        scan.values.setdefault(row, {})[column] = text
            elif tag == _COL:
                first = int(element.attrib["min"])
                if not 1 <= first <= _MAX_COLUMN:
                    raise ValueError(f"column {first} out of range")
                scan.col_dims[first] = dict(element.attrib)
            else:
                scan.merges = []
                for merged in element.iterchildren(_MAIN + "mergeCell"):
                    try:
                        scan.merges.append(range_boundaries(merged.get("ref")))
                    except (TypeError, ValueError):
                        continue  # a malformed range: the cells read as if unmerged
            _drop(element)
        # Legacy fonts are judged on the whole sheet: a short cell ("Có 6") follows the others.
        decoder = LegacyDecoder()
        decoder.observe_all((raw, font) for _, _, raw, font in strings)
        for row, column, raw, font in strings:
            scan.values.setdefault(row, {})[column] = decoder.convert(raw, font)
        return scan


class _Cells:
    """Cell values of a sheet's rows, as openpyxl reads them (row and column counters for cells
    without a reference included)."""

    def __init__(self, workbook: WorkbookParts) -> None:
        self.workbook = workbook
        self.row_number = 0

    def row(self, row: Any, dims: dict[str, dict[str, str]]) -> Iterator[tuple[int, int, Any, Any]]:
        from openpyxl.utils.cell import coordinate_to_tuple

        attrs = dict(row.attrib)
        if "r" in attrs:
            try:
                self.row_number = int(attrs["r"])
            except ValueError:
                number = float(attrs["r"])
                if not number.is_integer():
                    raise ValueError(f"{attrs['r']} is not a valid row number") from None
                self.row_number = int(number)
        else:
            self.row_number += 1
        if {k for k in attrs if not k.startswith("{")} - {"r", "spans"}:
            dims[str(self.row_number)] = attrs
        column = 0
        for cell in row:
            data_type = cell.get("t", "n")
            coordinate = cell.get("r")
            style: Any = cell.get("s", 0)
            if style:
                style = int(style)
            if coordinate:
                try:
                    row_number, column = coordinate_to_tuple(coordinate)
                except Exception as exc:  # openpyxl's CellCoordinatesException and ValueError
                    raise ValueError(f"bad cell reference {coordinate!r} ({exc})") from None
            else:
                column += 1
                row_number = self.row_number
            yield row_number, column, self._value(cell, data_type, style), style

    def _value(self, cell: Any, data_type: str, style: Any) -> Any:
        from openpyxl.utils.datetime import from_excel, from_ISO8601

        if data_type == "inlineStr":
            child = cell.find(_INLINE)
            value: Any = _text(child) if child is not None else None
        else:
            value = cell.findtext(_VALUE, None) or None
            if value is not None:
                if data_type == "n":
                    value = (
                        float(value)
                        if ("." in value or "E" in value or "e" in value)
                        else int(value)
                    )
                    styles = self.workbook.styles
                    if style in styles.dates:
                        try:
                            value = from_excel(
                                value, self.workbook.epoch, timedelta=style in styles.durations
                            )
                        except (OverflowError, ValueError):
                            value = "#VALUE!"  # a date serial past the calendar: Excel's error
                elif data_type == "s":
                    value = self.workbook.strings[int(value)]
                elif data_type == "b":
                    value = bool(int(value))
                elif data_type == "d":
                    value = from_ISO8601(value)
        if value is None and (formula := cell.find(_FORMULA)) is not None:
            value = f"={formula.text}" if formula.text else "=?"
        return value


class _CellStyles:
    """Number format and font name by cell style index, as openpyxl resolves them."""

    def __init__(self, root: Any | None) -> None:
        from openpyxl.styles.numbers import (
            BUILTIN_FORMATS,
            BUILTIN_FORMATS_MAX_SIZE,
            BUILTIN_FORMATS_REVERSE,
            is_date_format,
            is_timedelta_format,
        )

        self.dates: set[int] = set()
        self.durations: set[int] = set()
        self._styles: list[tuple[str, str | None]] = [("General", _DEFAULT_FONT)]
        xfs = root.find(_MAIN + "cellXfs") if root is not None else None
        records = list(xfs.iterchildren(_MAIN + "xf")) if xfs is not None else []
        if root is None or not records:
            return  # no cell styles: openpyxl's defaults stand
        custom: dict[int, str] = {}
        number_formats = root.find(_MAIN + "numFmts")
        for element in number_formats if number_formats is not None else ():
            if element.tag == _MAIN + "numFmt":
                custom[int(element.get("numFmtId"))] = element.get("formatCode")
        fonts_element = root.find(_MAIN + "fonts")
        fonts = [
            _child_val(font, "name")
            for font in (fonts_element if fonts_element is not None else ())
            if font.tag == _MAIN + "font"
        ]
        used: list[str] = []  # custom formats in order of first use (openpyxl's numbering)
        self._styles = []
        for index, xf in enumerate(records):
            format_id, font_id = int(xf.get("numFmtId", 0)), int(xf.get("fontId", 0))
            code: str | None
            if format_id in custom:
                code = custom[format_id]
                if code in BUILTIN_FORMATS_REVERSE:
                    format_id = BUILTIN_FORMATS_REVERSE[code]
                else:
                    if code not in used:
                        used.append(code)
                    format_id = used.index(code) + BUILTIN_FORMATS_MAX_SIZE
            else:
                code = BUILTIN_FORMATS.get(format_id)
            if is_date_format(code):
                self.dates.add(index)
            if is_timedelta_format(code):
                self.durations.add(index)
            if format_id < BUILTIN_FORMATS_MAX_SIZE:
                shown: str | None = BUILTIN_FORMATS.get(format_id, "General")
            else:
                offset = format_id - BUILTIN_FORMATS_MAX_SIZE
                shown = used[offset] if offset < len(used) else None
            if shown is None or not 0 <= font_id < len(fonts):
                self._styles.append(("General", None))  # a dangling reference
            else:
                self._styles.append((shown or "General", fonts[font_id]))

    def of(self, style_id: Any) -> tuple[str, str | None]:
        """(number format, font name) of cell style ``style_id``."""
        try:
            return self._styles[style_id or 0]
        except IndexError:
            return "General", None  # a dangling style reference


def _text(node: Any) -> str:
    """A string item's text as openpyxl gives it: its ``t``, then every run's ``t``."""
    plain: str | None = None
    runs: list[str | None] = []
    for element in node:
        name = _localname(element.tag)
        if name == "t":
            plain = element.text
        elif name == "r":
            text = None
            for part in element:
                if _localname(part.tag) == "t":
                    text = part.text
            runs.append(text)
    return "".join(t for t in [plain, *runs] if t is not None)


def _number(value: str) -> int | float:
    """A number cell's value, as openpyxl casts it."""
    return float(value) if "." in value or "E" in value or "e" in value else int(value)


def _localname(tag: str) -> str:
    return tag[tag.rfind("}") + 1 :]


def _child_val(element: Any, name: str) -> str | None:
    child = element.find(_MAIN + name)
    return child.get("val") if child is not None else None


def _on(value: str | None) -> bool:
    """An OOXML boolean as openpyxl reads it (absent, "0", "f" and "false" are false)."""
    return bool(value) and value not in ("false", "f", "0")


def _parser() -> Any:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        remove_comments=True, remove_pis=True,
    )  # fmt: skip


def _iterparse(data: bytes, *tags: str) -> Any:
    return etree.iterparse(
        io.BytesIO(data), events=("end",), tag=tags, resolve_entities=False, no_network=True,
        load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True,
    )  # fmt: skip


def _drop(element: Any) -> None:
    """Free a streamed element and the siblings read before it."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
