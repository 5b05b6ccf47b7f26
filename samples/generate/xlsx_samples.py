"""Excel samples: the real appendix as a workbook, and two invented units with Excel quirks.

- ``appendix-quang-tri-district-2023.xlsx``: the real appendix laid out the way offices do it
  in Excel (motto block, merged title rows, one row per target, paragraphs as line breaks).
- ``district-cam-lo-merged-cells.xlsx``: merged cells everywhere (section rows across the
  table, a target and its status merged over the two rows of its notes) and a second sheet of
  numbered notes after the table's sheet, which must not be read as more targets.
- ``department-noi-vu-columns-reordered.xlsx``: columns in another order (status last, notes
  before it), an extra column of percentages stored as numbers with percent formats, integers
  as STT, and no blank rows between the preamble and the table.

Expected JSON comes from the units' data (``expected_report``), adapted only where the quirk
changes it (the extra column's values, as Excel shows them).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .units import Unit, expected_report, invented_units, real_appendix

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
_FIXED_TIME = (2023, 10, 14, 0, 0, 0)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_PLAIN = Alignment(wrap_text=False)  # long lines run over the empty cells to their right
_BOLD = Font(name="Times New Roman", bold=True)


class SheetWriter:
    """Writes rows top to bottom on one sheet, merging and styling as offices do."""

    def __init__(self, ws: Any, width: int) -> None:
        self.ws = ws
        self.width = width
        self.row = 1
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True

    def put(
        self,
        column: int,
        value: object,
        *,
        span: int = 1,
        bold: bool = False,
        align: Alignment | None = None,
    ) -> None:
        """Write ``value`` at ``column`` of the current row, merged over ``span`` columns."""
        cell = self.ws.cell(self.row, column, value)
        cell.alignment = align or (_CENTER if bold or span > 1 else _WRAP)
        cell.font = _BOLD if bold else Font(name="Times New Roman")
        if span > 1:
            self.ws.merge_cells(
                start_row=self.row,
                start_column=column,
                end_row=self.row,
                end_column=column + span - 1,
            )

    def line(
        self, text: str, *, bold: bool = False, merged: bool = True, align: Alignment | None = None
    ) -> None:
        """A line of text across the table (merged) or in column A only."""
        self.put(1, text, span=self.width if merged else 1, bold=bold, align=align)
        self.next()

    def cells(self, values: list[object]) -> None:
        for column, value in enumerate(values, start=1):
            if value not in (None, ""):
                self.put(column, value)
        self.next()

    def next(self, count: int = 1) -> None:
        self.row += count

    def merge_down(self, column: int, rows: int) -> None:
        """Merge the cell at ``column`` of the current row with the ``rows - 1`` rows below."""
        self.ws.merge_cells(
            start_row=self.row, start_column=column, end_row=self.row + rows - 1, end_column=column
        )

    def widths(self, widths: list[float]) -> None:
        for index, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width


def motto_block(w: SheetWriter, unit: Unit, *, blank_after: bool = True) -> None:
    """Unit lines on the left, the national motto on the right, then the place and date."""
    left = (unit.unit_header or "").split("\n")
    half = w.width // 2
    for i in range(max(len(left), len(MOTTO))):
        if i < len(left):
            w.put(1, left[i], span=half, bold=True)
        if i < len(MOTTO):
            w.put(half + 1, MOTTO[i], span=w.width - half, bold=True)
        w.next()
    w.put(half + 1, f"Quảng Trị, {unit.place_date}", span=w.width - half)
    w.next(2 if blank_after else 1)


def title_block(w: SheetWriter, unit: Unit, *, merged: bool = True, blanks: bool = True) -> None:
    """Title lines, period, and the declared summary, each line in its own row."""
    for text in unit.title_lines:
        w.line(text, bold=True, merged=merged, align=None if merged else _PLAIN)
    if unit.period_line:
        w.line(unit.period_line, merged=merged, align=None if merged else _PLAIN)
    if blanks:
        w.next()
    for text in unit.summary_lines:
        w.line(text, merged=False, align=_PLAIN)
    if blanks:
        w.next()


def signature_block(w: SheetWriter) -> None:
    """A blank row, then the recipients on the left and the signature on the right."""
    w.next()
    half = w.width // 2
    for left, right in (("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"), ("- Lưu: VT.", "CHỦ TỊCH")):
        w.put(1, left)
        w.put(half + 1, right, span=w.width - half, bold=True)
        w.next()


def stt_value(stt: str) -> object:
    """STT as Excel holds it: a number when it is one."""
    return int(stt) if stt.isdigit() else stt


def appendix_sheet(unit: Unit, *, notes_width: int) -> tuple[Workbook, SheetWriter]:
    """A workbook whose sheet "Phụ lục" holds the motto and title blocks and the header row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    w = SheetWriter(ws, 4)
    w.widths([6, 45, 18, notes_width])
    motto_block(w, unit)
    title_block(w, unit)
    for column, header in enumerate(unit.headers, start=1):
        w.put(column, header, bold=True)
    w.next()
    return wb, w


def write_real(unit: Unit, path: Path) -> Path:
    """The real appendix: one row per target, notes paragraphs as line breaks in the cell."""
    wb, w = appendix_sheet(unit, notes_width=70)
    for section in unit.sections:
        w.put(1, section.numeral, bold=True)
        w.put(2, section.title, span=3, bold=True, align=_LEFT)
        w.next()
        for row in section.rows:
            w.cells([stt_value(row.stt), row.target, row.status, "\n".join(row.notes)])
    signature_block(w)
    return save(wb, path)


def notes_sheet(wb: Workbook) -> None:
    """A sheet of numbered notes, as wide as the table: not a continuation of it."""
    w = SheetWriter(wb.create_sheet("Ghi chú"), 4)
    w.line("GHI CHÚ", bold=True)
    w.cells([1, "Số liệu tổng hợp từ báo cáo của các phòng, ban chuyên môn", "Phòng Nội vụ",
             dt.datetime(2023, 10, 14)])  # fmt: skip
    w.ws.cell(w.row - 1, 4).number_format = "dd/mm/yyyy"
    w.cells([2, "Tỷ lệ được làm tròn đến một chữ số thập phân", "Văn phòng HĐND và UBND", ""])


def write_merged(unit: Unit, path: Path) -> Path:
    """Section rows merged across the table (numeral apart, or numeral and title in one cell);
    a target whose notes take two rows has its target and status merged over both."""
    wb, w = appendix_sheet(unit, notes_width=60)
    for number, section in enumerate(unit.sections):
        if number == 0:
            w.put(1, section.numeral, bold=True)
            w.put(2, section.title, span=3, bold=True, align=_LEFT)
            w.next()
        else:
            w.line(f"{section.numeral}. {section.title}", bold=True, align=_LEFT)
        for row in section.rows:
            if len(row.notes) > 1:
                w.merge_down(2, len(row.notes))
                w.merge_down(3, len(row.notes))
                w.cells([stt_value(row.stt), row.target, row.status, row.notes[0]])
                for note in row.notes[1:]:
                    w.cells(["", "", "", note])
            else:
                w.cells([stt_value(row.stt), row.target, row.status, "\n".join(row.notes)])
    notes_sheet(wb)  # right after the table: nothing in between ends it
    return save(wb, path)


# The reordered unit's extra column: the share reached, stored as a number, and its format.
SHARES: dict[str, tuple[float, str]] = {
    "I.1": (1, "0%"),
    "I.2": (0.8, "0%"),
    "II.1": (0.996, "0.0%"),
    "II.2": (0.875, "0.0%"),
    "II.3": (0.85, "0%"),
    "III.1": (0.412, "0.00%"),
}
SHARE_HEADER = "Tỷ lệ đạt"
SHARE_TEXT = {"I.1": "100%", "I.2": "80%", "II.1": "99,6%", "II.2": "87,5%", "II.3": "85%",
              "III.1": "41,20%"}  # fmt: skip


def write_reordered(unit: Unit, path: Path) -> Path:
    """Columns STT | target | notes | share | status, no blank rows above the table."""
    stt, target, status, notes = unit.headers
    wb = Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    w = SheetWriter(ws, 5)
    w.widths([6, 45, 60, 12, 20])
    motto_block(w, unit, blank_after=False)
    title_block(w, unit, merged=False, blanks=False)
    for column, header in enumerate((stt, target, notes, SHARE_HEADER, status), start=1):
        w.put(column, header, bold=True)
    w.next()
    for section in unit.sections:
        w.cells([section.numeral, section.title])
        for row in section.rows:
            share, number_format = SHARES[f"{section.numeral}.{row.stt}"]
            w.cells([stt_value(row.stt), row.target, "\n".join(row.notes), share, row.status])
            ws.cell(w.row - 1, 4).number_format = number_format
    return save(wb, path)


def save(wb: Workbook, path: Path) -> Path:
    """Save with fixed timestamps, so regenerating an unchanged sample changes no byte."""
    buffer = io.BytesIO()
    wb.properties.creator = "appendixparse samples"
    wb.properties.created = dt.datetime(*_FIXED_TIME)
    wb.save(buffer)
    stamp = "2023-10-14T00:00:00Z"
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*", rf"\g<1>{stamp}", text)
                data = text.encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)
    return path


def _reordered_expected(unit: Unit) -> dict[str, Any]:
    expected = expected_report(unit, "xlsx")
    for record in expected["records"]:  # type: ignore[union-attr]
        record["extra"] = {SHARE_HEADER: SHARE_TEXT[record["id"]]}
    return expected


def make(samples_dir: Path) -> list[tuple[Path, dict[str, Any]]]:
    """Write the Excel samples into ``samples_dir``; return each with its expected report."""
    real = real_appendix()
    district, department = invented_units()[:2]
    out: list[tuple[Path, dict[str, Any]]] = []
    path = write_real(real, samples_dir / f"{real.name}.xlsx")
    out.append((path, expected_report(real, "xlsx")))
    path = write_merged(district, samples_dir / f"{district.name}-merged-cells.xlsx")
    out.append((path, expected_report(district, "xlsx")))
    path = write_reordered(department, samples_dir / f"{department.name}-columns-reordered.xlsx")
    out.append((path, _reordered_expected(department)))
    return out
