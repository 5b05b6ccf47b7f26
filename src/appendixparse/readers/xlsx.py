"""Excel workbooks (.xlsx, and .xls through LibreOffice): every visible sheet as the user sees it.

Each sheet becomes blocks named after it, like a page of a Word document: the title rows above
its table (a row with a single filled cell) become paragraphs, a short two-cell block such as
the national-motto header becomes a small table, and from the first row that fills three cells
(the header) on, the rows make one table. A visible blank row ends a block. Cells read as shown:
numbers through their number format with the Vietnamese decimal comma, dates as dd/mm/yyyy,
merged ranges expanded as in the DOCX reader, hidden rows and columns left out and reported.
"""

from __future__ import annotations

import bisect
import datetime as dt
import io
import math
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..errors import CorruptFileError, EncryptedFileError, FileTooLargeError
from ..grid import Block, Grid, Paragraph, Row, Table
from ..models import Location, Unparsed
from ..options import DEFAULT_OPTIONS, Options
from ..text.cleaning import join
from ..text.encodings import LegacyDecoder, to_unicode
from .libreoffice import convert
from .ole import has_stream, is_ole
from .safexml import refuse_dtd
from .safezip import SafeZip

__all__ = ["cell_text", "format_number", "read_xls", "read_xlsx"]

_WIDE_ROW_CELLS = 3  # a row filling this many cells (the header) starts a sheet's main table
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")  # OOXML's escape for control characters (_x000D_)
_LINE_BREAKS = re.compile(r"\r\n|\r|\x0b")
# What a damaged sheet part raises inside openpyxl: XML syntax errors (lxml's and the standard
# library's both derive from SyntaxError), bad attribute values, broken zip streams.
_DAMAGED_PART = (SyntaxError, ValueError, TypeError, KeyError, IndexError, EOFError, OSError,
                 zipfile.BadZipFile, zlib.error)  # fmt: skip


def read_xlsx(data: bytes, source: str, options: Options = DEFAULT_OPTIONS) -> Grid:
    """Read an .xlsx workbook into a Grid: one or more blocks per visible sheet, in order.

    Raises :class:`FileTooLargeError` for zip bombs and absurd sheets, :class:`CorruptFileError`
    for what openpyxl cannot open, :class:`EncryptedFileError` for a password-protected file.
    """
    _check_archive(data, source, options)
    import openpyxl  # heavy: imported only when a workbook is read

    blocks: list[Block] = []
    unplaced: list[Unparsed] = []
    budget = _Budget(source, options)
    with warnings.catch_warnings():
        # openpyxl warns about features it drops (data validation, extensions): not our concern.
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on damaged parts
            raise CorruptFileError(source, f"not a readable Excel workbook ({exc})") from None
        try:
            tables = 0
            for worksheet in workbook.worksheets:
                if worksheet.sheet_state != "visible":
                    continue  # hidden sheets usually hold lookup lists, not the appendix
                sheet = _read_sheet(worksheet, budget)
                unplaced.extend(sheet.hidden_text())
                sheet_blocks = sheet.blocks(first_table=tables + 1, budget=budget)
                tables += sum(isinstance(b, Table) for b in sheet_blocks)
                blocks.extend(sheet_blocks)
        except _DAMAGED_PART as exc:
            raise CorruptFileError(source, f"a damaged Excel sheet ({exc})") from None
        finally:
            workbook.close()
    return Grid(blocks=blocks, format="xlsx", unplaced=unplaced)


def read_xls(data: bytes, source: str, options: Options = DEFAULT_OPTIONS) -> Grid:
    """Read an Excel 97 (.xls) workbook: LibreOffice converts it to .xlsx, read as such.

    Raises :class:`ConversionUnavailableError` when LibreOffice is not installed.
    """
    converted = convert(data, source, suffix=".xls", target="xlsx", options=options)
    grid = read_xlsx(converted, source, options)
    grid.format = "xls"
    return grid


def _check_archive(data: bytes, source: str, options: Options) -> None:
    """Refuse what is not a workbook, and zip bombs, before any part is unpacked."""
    if is_ole(data):
        if has_stream(data, "EncryptedPackage"):
            raise EncryptedFileError(source, "the workbook is protected by a password")
        raise CorruptFileError(source, "an Excel 97 (.xls) or other old Office file, not .xlsx")
    archive = SafeZip(data, source, options)  # entry count and declared sizes judged here
    for name in archive.names():
        if name.endswith((".xml", ".rels", ".vml")):
            # Inflated in bounded chunks (a lying zip is caught), DTDs and entities refused:
            # openpyxl's own parser is then only handed parts already judged safe.
            refuse_dtd(archive.read(name), source, name)
    if "xl/workbook.xml" not in archive:
        raise CorruptFileError(source, "a zip archive without an Excel workbook inside")


@dataclass(slots=True)
class _Budget:
    """Counts cells against the safety limits across a workbook's sheets."""

    source: str
    options: Options
    text_cells: int = 0
    grid_cells: int = 0

    def add_text_cell(self) -> None:
        self.text_cells += 1
        if self.text_cells > self.options.max_table_cells:
            raise FileTooLargeError(
                self.source,
                f"the workbook holds more than {self.options.max_table_cells} filled cells",
            )

    def add_grid_cells(self, count: int) -> None:
        self.grid_cells += count
        if self.grid_cells > self.options.max_table_cells:
            raise FileTooLargeError(
                self.source,
                f"the workbook's tables span more than {self.options.max_table_cells} cells "
                "(merged ranges or far-apart cells)",
            )


@dataclass(slots=True)
class _Spans:
    """Hidden column ranges (min, max), 1-based and inclusive."""

    ranges: list[tuple[int, int]] = field(default_factory=list)

    def __contains__(self, column: object) -> bool:
        return any(lo <= column <= hi for lo, hi in self.ranges)  # type: ignore[operator]


@dataclass(slots=True)
class _Sheet:
    """One sheet's cell texts by (row, column), before and after merges and hidden parts."""

    title: str
    cells: dict[int, dict[int, str]]  # row -> column -> text, visible cells only
    hidden: list[tuple[int, str, str]]  # (row, reason, text) of hidden cells holding text
    hidden_rows: set[int]
    columns: list[int] = field(default_factory=list)

    def hidden_text(self) -> list[Unparsed]:
        """One entry per row and reason for text the user cannot see."""
        grouped: dict[tuple[int, str], list[str]] = {}
        for row, reason, text in sorted(self.hidden, key=lambda h: (h[0], h[1])):
            grouped.setdefault((row, reason), []).append(text)
        return [
            Unparsed(text=join(texts), location=Location(sheet=self.title, row=row), reason=reason)
            for (row, reason), texts in grouped.items()
            if join(texts)
        ]

    def bands(self) -> Iterator[list[tuple[int, dict[int, str]]]]:
        """Runs of rows with text, split where a visible blank row lies between them."""
        band: list[tuple[int, dict[int, str]]] = []
        previous = None
        for row in sorted(self.cells):
            if previous is not None and not self._only_hidden_between(previous, row):
                yield band
                band = []
            band.append((row, self.cells[row]))
            previous = row
        if band:
            yield band

    def _only_hidden_between(self, upper: int, lower: int) -> bool:
        gap = lower - upper - 1
        if gap > len(self.hidden_rows):
            return False
        return all(r in self.hidden_rows for r in range(upper + 1, lower))

    def blocks(self, *, first_table: int, budget: _Budget) -> list[Block]:
        """The sheet's paragraphs and tables, tables numbered from ``first_table``."""
        # Columns with text somewhere in the sheet: empty spacer columns and the gap to a
        # stray far-off cell vanish, and every table of the sheet keeps the same positions.
        self.columns = sorted({c for cells in self.cells.values() for c in cells})
        blocks: list[Block] = []
        for band in self.bands():
            widest = max(len(cells) for _, cells in band)
            threshold = min(_WIDE_ROW_CELLS, widest)
            start = next(
                (i for i, (_, cells) in enumerate(band) if len(cells) >= max(threshold, 2)),
                len(band),
            )
            run: list[tuple[int, dict[int, str]]] = []
            for row, cells in band[:start]:
                if len(cells) == 1:
                    if run:
                        blocks.append(self._table(run, first_table, budget))
                        first_table += 1
                        run = []
                    blocks.append(self._paragraph(row, next(iter(cells.values()))))
                else:
                    run.append((row, cells))
            if run:
                blocks.append(self._table(run, first_table, budget))
                first_table += 1
            if start < len(band):
                blocks.append(self._table(band[start:], first_table, budget))
                first_table += 1
        return blocks

    def _paragraph(self, row: int, text: str) -> Paragraph:
        return Paragraph(text=text, location=Location(sheet=self.title, row=row), name=self.title)

    def _table(self, rows: list[tuple[int, dict[int, str]]], index: int, budget: _Budget) -> Table:
        used = sorted({c for _, cells in rows for c in cells})
        columns = [c for c in self.columns if used[0] <= c <= used[-1]]
        budget.add_grid_cells(len(columns) * len(rows))
        return Table(
            rows=[
                Row(
                    cells=[cells.get(c, "") for c in columns],
                    location=Location(sheet=self.title, row=row),
                )
                for row, cells in rows
            ],
            index=index,
            name=self.title,
        )


def _read_sheet(worksheet: Any, budget: _Budget) -> _Sheet:
    """Stream one sheet's cells, then apply its merged ranges and hidden rows and columns."""
    values, row_dims, col_dims, merges = _scan(worksheet, budget)
    hidden_rows = {int(r) for r, attrs in row_dims.items() if _is_true(attrs.get("hidden"))}
    hidden_cols = _Spans(
        [
            (int(attrs.get("min", 0)), int(attrs.get("max", attrs.get("min", 0))))
            for attrs in col_dims.values()
            if _is_true(attrs.get("hidden"))
        ]
    )
    sheet = _Sheet(title=worksheet.title, cells={}, hidden=[], hidden_rows=hidden_rows)
    if not values:
        return sheet
    last_row = max(values)
    last_col = max(max(cols) for cols in values.values())
    row_numbers = sorted(values)

    if len(merges) > budget.options.max_merged_ranges:
        raise FileTooLargeError(
            budget.source,
            f"sheet {worksheet.title!r} has more than {budget.options.max_merged_ranges} "
            "merged ranges",
        )
    placed: dict[int, dict[int, str]] = {}
    for min_col, min_row, max_col, max_row in merges:
        # Only the top-left cell of a merged range counts; Excel hides the others' values.
        text = values.get(min_row, {}).pop(min_col, None)
        first, last = (
            bisect.bisect_left(row_numbers, min_row),
            bisect.bisect_right(row_numbers, max_row),
        )
        for r in row_numbers[first:last]:
            for c in [c for c in values[r] if min_col <= c <= max_col]:
                del values[r][c]
        if text is None:
            continue
        # A range reaching past the sheet's last filled row or column is cut there.
        max_row, max_col = min(max_row, last_row), min(max_col, last_col)
        budget.add_grid_cells(max(0, max_row - min_row + 1))
        visible_col = next((c for c in range(min_col, max_col + 1) if c not in hidden_cols), None)
        rows = [r for r in range(min_row, max_row + 1) if r not in hidden_rows]
        if visible_col is None or not rows:
            sheet.hidden.append((min_row, "hidden column" if rows else "hidden row", text))
            continue
        for r in rows:
            placed.setdefault(r, {})[visible_col] = text

    for r, cols in values.items():
        for c, text in cols.items():
            if r in hidden_rows:
                sheet.hidden.append((r, "hidden row", text))
            elif c in hidden_cols:
                sheet.hidden.append((r, "hidden column", text))
            else:
                placed.setdefault(r, {})[c] = text
    sheet.cells = {r: cols for r, cols in placed.items() if cols}
    return sheet


def _scan(
    worksheet: Any, budget: _Budget
) -> tuple[
    dict[int, dict[int, str]], dict[str, dict], dict[str, dict], list[tuple[int, int, int, int]]
]:
    """One streaming pass over the sheet's XML: text cells, row and column attributes, merges.

    openpyxl's read-only worksheet hides row/column attributes and merged ranges, and pads
    rows to the declared dimension; its sheet parser gives all of them, for existing cells only.
    """
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell = super().parse_cell(element)
            if cell["value"] is None and (formula := element.find(FORMULA_TAG)) is not None:
                # A formula the writing program never computed (openpyxl, pandas): shown as
                # written, so an STT "=A3+1" is an unrecognised number rather than an empty
                # cell that would join its row to the target above.
                cell["value"] = f"={formula.text}" if formula.text else "=?"
            return cell

    workbook = worksheet.parent
    styles: dict[int, tuple[str, str | None]] = {}
    values: dict[int, dict[int, str]] = {}
    strings: list[tuple[int, int, str, str | None]] = []  # decoded once the sheet is seen
    with worksheet._get_source() as xml:
        parser = Parser(
            xml,
            worksheet._shared_strings,
            data_only=True,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        for row_number, cells in parser.parse():
            for cell in cells:
                value = cell["value"]
                if value is None or value == "":
                    continue
                style_id = cell["style_id"] or 0
                if style_id not in styles:
                    styled = ReadOnlyCell(worksheet, row_number, 1, None, "n", style_id)
                    try:
                        styles[style_id] = (styled.number_format or "General", styled.font.name)
                    except (IndexError, AttributeError, KeyError):
                        styles[style_id] = ("General", None)  # a dangling style reference
                number_format, font = styles[style_id]
                if isinstance(value, str):
                    if value.strip():
                        budget.add_text_cell()
                        strings.append((cell["row"], cell["column"], _raw_string(value), font))
                    continue
                text = cell_text(value, number_format, font)
                if text.strip():
                    budget.add_text_cell()
                    values.setdefault(cell["row"], {})[cell["column"]] = text
    # Legacy fonts are judged on the whole sheet: a short cell ("Có 6") follows the others.
    decoder = LegacyDecoder()
    decoder.observe_all((raw, font) for _, _, raw, font in strings)
    for row, column, raw, font in strings:
        values.setdefault(row, {})[column] = decoder.convert(raw, font)
    merges = []
    if parser.merged_cells is not None:
        for merged in parser.merged_cells.mergeCell:
            try:
                merges.append(range_boundaries(merged.ref))
            except (TypeError, ValueError):
                continue  # a malformed range: the cells read as if unmerged
    return values, parser.row_dimensions, parser.column_dimensions, merges


def _is_true(flag: object) -> bool:
    return str(flag).strip().lower() in ("1", "true")


def _raw_string(value: str) -> str:
    """A string cell with Excel's escapes (``_x000D_``) and line breaks undone."""
    if "_x" in value:
        value = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
    return _LINE_BREAKS.sub("\n", value)


def cell_text(value: object, number_format: str = "General", font: str | None = None) -> str:
    """A cell's text as Excel shows it (Vietnamese number style), legacy encodings converted.

    >>> cell_text(0.5554, "0.00%"), cell_text(1381, "#,##0"), cell_text(3, "General")
    ('55,54%', '1.381', '3')
    >>> cell_text(dt.datetime(2023, 10, 14), "dd/mm/yyyy"), cell_text("a\\r\\nb")
    ('14/10/2023', 'a\\nb')
    """
    if isinstance(value, str):
        return to_unicode(_raw_string(value), encoding="auto", font=font)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return _format_datetime(value, number_format)
    if isinstance(value, dt.date):
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    if isinstance(value, dt.time):
        seconds = f":{value.second:02d}" if "s" in _plain(number_format).lower() else ""
        return f"{value.hour:02d}:{value.minute:02d}{seconds}"
    if isinstance(value, dt.timedelta):
        minutes = int(value.total_seconds() // 60)
        return f"{minutes // 60}:{minutes % 60:02d}"
    if isinstance(value, (int, float)):
        return format_number(value, number_format)
    return str(value)


def _format_datetime(value: dt.datetime, number_format: str) -> str:
    codes = _plain(number_format).lower()
    has_time = "h" in codes or "s" in codes
    has_date = "d" in codes or "y" in codes or ("m" in codes and not has_time)
    day = f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    if has_date and "d" not in codes:
        day = f"{value.month:02d}/{value.year:04d}"  # a month format ("mm/yyyy")
    clock = f"{value.hour:02d}:{value.minute:02d}" + (
        f":{value.second:02d}" if "s" in codes else ""
    )
    if has_time and not has_date:
        return clock
    if has_time:
        return f"{day} {clock}"
    return day


# One token of a number format section: a quoted literal, an escaped character, padding or
# fill, a bracketed code, "General", or any single character.
_FORMAT_TOKEN = re.compile(
    r"""
    "(?P<quoted>[^"]*)"?      # "người" — literal text
  | \\(?P<escaped>.)          # \- — one literal character
  | _.|\*.                    # _) padding, *- fill: nothing in plain text
  | \[(?P<bracket>[^\]]*)\]   # [Red], [>100], [$-42A], [$₫-42A]
  | (?P<general>general)      # the General format inside a section
  | (?P<char>.)
    """,
    re.VERBOSE | re.IGNORECASE | re.DOTALL,
)
_PLACEHOLDERS = frozenset("0#?")


def _sections(number_format: str) -> list[str]:
    """A number format's sections (positive; negative; zero; text), split outside quotes."""
    sections: list[str] = []
    current: list[str] = []
    quoted = False
    for char in number_format:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            sections.append("".join(current))
            current = []
        else:
            current.append(char)
    sections.append("".join(current))
    return sections


def _plain(number_format: str) -> str:
    """The format's codes without literals and bracketed parts, for spotting date and time codes."""
    return "".join(
        m.group("char") or ""
        for m in _FORMAT_TOKEN.finditer(number_format)
        if m.group("char") is not None
    )


def format_number(value: float, number_format: str = "General") -> str:
    """A number as Excel shows it with ``number_format``, in Vietnamese style (1.381,5).

    Handles General, fixed decimals, thousands grouping, percent, literals and the
    negative/zero sections; scientific and fraction formats fall back to General.

    >>> format_number(0.5554, "0.00%"), format_number(0.412, "0.0%"), format_number(1, "0%")
    ('55,54%', '41,2%', '100%')
    >>> format_number(1234567.891, "#,##0.00"), format_number(-5, '0" người";(0)')
    ('1.234.567,89', '(5)')
    >>> format_number(0.5), format_number(12.0), format_number(2.5, "0.##")
    ('0,5', '12', '2,5')
    """
    if not math.isfinite(value):
        return str(value)
    if not number_format or number_format == "General":
        return ("-" if value < 0 else "") + _general(abs(value))
    sections = _sections(number_format)
    sign = ""
    if value < 0 and len(sections) >= 2 and sections[1].strip():
        section, value = sections[1], -value
    elif value == 0 and len(sections) >= 3:
        section = sections[2]
    else:
        section = sections[0]
        if value < 0:
            sign, value = "-", -value
    before: list[str] = []
    after: list[str] = []
    pattern: list[str] = []
    general = False
    percent = 0
    for m in _FORMAT_TOKEN.finditer(section):
        literal = m.group("quoted")
        if literal is None:
            literal = m.group("escaped")
        if m.group("bracket") is not None:
            bracket = m.group("bracket")
            literal = bracket[1:].split("-")[0] if bracket.startswith("$") else None
        char = m.group("char")
        if m.group("general") is not None or char == "@":
            general = True
            continue
        if char is not None and not after and (char in _PLACEHOLDERS or (pattern and char in ".,")):
            pattern.append(char)
            continue
        if char == "%":
            percent += 1
        text = literal if literal is not None else (char or "")
        (after if pattern or general else before).append(text)
    body = "".join(pattern)
    if _is_special(section):
        return sign + _general(value)
    if general:
        number = _general(value * 100**percent)
    elif not body:
        return "".join(before)  # a format of literals only (";;;" hides the value)
    else:
        number = _fixed(value, body, percent)
    if sign and number.strip("0,.") == "":
        sign = ""  # -0,001 shown with no decimals is "0", not "-0"
    return f"{sign}{''.join(before)}{number}{''.join(after)}"


def _is_special(section: str) -> bool:
    """Scientific ("0.00E+00") and fraction ("# ?/?") formats: shown as General here."""
    plain = _plain(section).upper()
    return bool(re.search(r"[0#?]\s*E[+-]|[0#?]\s*/\s*[0#?]", plain))


def _general(value: float) -> str:
    if isinstance(value, int) or (float(value).is_integer() and abs(value) < 1e15):
        return str(int(value))
    text = f"{value:.10g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}E{exponent[0]}{int(exponent[1:]):02d}"
    return text.replace(".", ",")


def _fixed(value: float, body: str, percent: int = 0) -> str:
    """``value`` through a placeholder pattern such as "#,##0.00" (commas group thousands)."""
    scale = len(body) - len(body.rstrip(","))  # trailing commas divide by 1000 each
    body = body.rstrip(",")
    integer_part, _, decimal_part = body.partition(".")
    required = decimal_part.count("0")
    places = sum(decimal_part.count(c) for c in _PLACEHOLDERS)
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    exact = exact * Decimal(100) ** percent / Decimal(1000) ** scale
    rounded = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    digits, _, decimals = f"{rounded:f}".partition(".")
    decimals = decimals.rstrip("0").ljust(required, "0") if places else ""
    min_digits = integer_part.count("0")
    digits = digits.lstrip("0").rjust(min_digits, "0")
    if "," in integer_part:
        groups: list[str] = []
        while len(digits) > 3:
            digits, group = digits[:-3], digits[-3:]
            groups.insert(0, group)
        digits = ".".join([digits, *groups]) if digits else ".".join(groups)
    return f"{digits},{decimals}" if decimals else digits
