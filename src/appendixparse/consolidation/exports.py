"""Write a consolidation by the output's extension: .xlsx workbook, .csv, .parquet, .json."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Sequence
from copy import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..atomic import atomic_path

if TYPE_CHECKING:
    import pandas as pd
from .frames import STATUSES, Consolidation

__all__ = ["EXPORT_SUFFIXES", "export"]

EXPORT_SUFFIXES = (".xlsx", ".csv", ".parquet", ".json")

# --- Vietnamese labels of the workbook (data, not code) ------------------------------------

STATUS_LABELS = {
    "completed": "Đã hoàn thành",
    "in_progress": "Đang thực hiện",
    "not_started": "Chưa thực hiện",
    "not_applicable": "Không áp dụng",
    "unknown": "Không rõ",
    "missing": "Không báo cáo",
}
# Fill and font colours per status, as Excel's own "good / neutral / bad" styles.
STATUS_COLOURS = {
    "completed": ("C6EFCE", "006100"),
    "in_progress": ("FFEB9C", "9C5700"),
    "not_started": ("FFC7CE", "9C0006"),
    "not_applicable": ("D9D9D9", "404040"),
    "unknown": ("E4DFEC", "5B3F86"),
    "missing": ("F8CBAD", "833C0B"),
}
SEVERITY_LABELS = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Thông tin"}
SEVERITY_COLOURS = {
    "error": ("FFC7CE", "9C0006"),
    "warning": ("FFEB9C", "9C5700"),
    "info": ("DDEBF7", "1F4E78"),
}
UNIT_FROM_LABELS = {"document": "văn bản", "file name": "tên tệp"}

SHEETS = ("Tổng hợp", "Chi tiết", "Theo chỉ tiêu", "Theo đơn vị", "Cảnh báo", "Lỗi đọc tệp")
COUNT_HEADINGS = {s: STATUS_LABELS[s] for s in STATUSES}
DETAIL_HEADINGS = {
    "unit_label": "Đơn vị", "period_start": "Từ ngày", "period_end": "Đến ngày",
    "id": "Mã chỉ tiêu", "section": "Phần", "stt": "STT", "target": "Chỉ tiêu",
    "status": "Mức độ hoàn thành", "status_raw": "Đánh giá của đơn vị",
    "value": "Số liệu đo (%)", "notes": "Thực trạng/Giải pháp", "flags": "Cảnh báo",
    "row_id": "Mã dòng trong báo cáo", "row_target": "Chỉ tiêu theo báo cáo",
    "match_score": "Độ khớp (%)", "figures": "Số liệu (JSON)", "source": "Tệp",
    "location": "Vị trí trong tệp",
}  # fmt: skip
TARGET_HEADINGS = {
    "id": "Mã chỉ tiêu", "section": "Phần", "target": "Chỉ tiêu", **COUNT_HEADINGS,
    "units": "Số đơn vị", "completion_rate": "Tỷ lệ hoàn thành (%)",
}  # fmt: skip
UNIT_HEADINGS = {
    "unit_label": "Đơn vị", "period_start": "Từ ngày", "period_end": "Đến ngày",
    **COUNT_HEADINGS, "unmatched_rows": "Dòng không khớp danh mục", "flags": "Số cảnh báo",
    "completion_rate": "Tỷ lệ hoàn thành (%)",
    "declared_total": "Tổng số chỉ tiêu (đơn vị tự khai)",
    "declared_completed": "Đã hoàn thành (tự khai)",
    "declared_in_progress": "Đang thực hiện (tự khai)",
    "declared_not_started": "Chưa thực hiện (tự khai)",
    "unit_from": "Tên đơn vị lấy từ", "format": "Định dạng", "source": "Tệp",
}  # fmt: skip
FLAG_HEADINGS = {
    "unit_label": "Đơn vị", "severity": "Mức độ", "code": "Mã cảnh báo", "id": "Mã chỉ tiêu",
    "row_id": "Mã dòng trong báo cáo", "message": "Nội dung", "source": "Tệp",
}  # fmt: skip
ERROR_HEADINGS = {"source": "Tệp", "reason": "Lý do", "error": "Loại lỗi"}

_MIN_WIDTH, _MAX_WIDTH, _TEXT_WIDTH = 8, 60, 70
_WIDE = {"target", "notes", "row_target", "message", "reason", "figures"}
_EXCEL_CELL_LIMIT = 32767
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def export(result: Consolidation, path: str | os.PathLike[str]) -> Path:
    """Write ``result`` to ``path``, the format by its extension (see :data:`EXPORT_SUFFIXES`).

    The .csv (UTF-8 with a BOM, so Excel shows Vietnamese), .parquet and .json hold the
    records; the .xlsx holds every sheet. The file appears whole or not at all (written
    beside it, then renamed). Raises ValueError for another extension, OSError when the file
    cannot be written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    writers = {
        ".xlsx": write_xlsx,
        ".csv": write_csv,
        ".parquet": write_parquet,
        ".json": write_json,
    }
    if suffix not in writers:
        raise ValueError(f"{path}: the output must end in {', '.join(EXPORT_SUFFIXES)}")
    with atomic_path(path) as temporary:
        writers[suffix](result, temporary)
    return path


def text_view(records: pd.DataFrame) -> pd.DataFrame:
    """The records as the text exports write them: dates as ISO text, statuses as text."""
    view = records.astype({"status": "object"})
    for column in ("period_start", "period_end"):
        view[column] = view[column].dt.strftime("%Y-%m-%d").astype("object")
    return view


def write_csv(result: Consolidation, path: Path) -> None:
    """The records as CSV, UTF-8 with a BOM."""
    text_view(result.records).to_csv(path, index=False, encoding="utf-8-sig")


def write_parquet(result: Consolidation, path: Path) -> None:
    """The records as Parquet (pyarrow)."""
    result.records.to_parquet(path, index=False, engine="pyarrow")


def write_json(result: Consolidation, path: Path) -> None:
    """The records as a JSON array of objects (UTF-8, Vietnamese kept readable)."""
    text_view(result.records).to_json(path, orient="records", force_ascii=False, indent=1)


# --- the workbook --------------------------------------------------------------------------


def write_xlsx(result: Consolidation, path: Path) -> None:
    """The workbook: the matrix, the records, the counts by target and unit, flags, errors."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = _SheetWriter(book)
    _matrix_sheet(sheet, result)
    sheet.frame("Chi tiết", result.records, DETAIL_HEADINGS, status="status")
    sheet.frame("Theo chỉ tiêu", result.by_target, TARGET_HEADINGS, freeze="D2")
    units = result.by_unit.assign(unit_from=result.by_unit["unit_from"].map(UNIT_FROM_LABELS))
    sheet.frame("Theo đơn vị", units, UNIT_HEADINGS, freeze="B2")
    sheet.frame("Cảnh báo", result.flags, FLAG_HEADINGS, severity="severity")
    sheet.frame("Lỗi đọc tệp", result.errors, ERROR_HEADINGS)
    book.save(path)


def _matrix_sheet(sheet: _SheetWriter, result: Consolidation) -> None:
    catalogue = result.catalogue.set_index("id")
    headers = ["Mã chỉ tiêu", "Phần", "Chỉ tiêu", *[str(c) for c in result.matrix.columns]]
    statuses = result.matrix.to_numpy().tolist()
    rows = [
        [target_id, catalogue.at[target_id, "section"], catalogue.at[target_id, "target"], *row]
        for target_id, row in zip(result.matrix.index, statuses, strict=True)
    ]
    widths = [12, 7, _TEXT_WIDTH, *[max(14, min(28, len(h) + 2)) for h in headers[3:]]]
    sheet.table(
        "Tổng hợp",
        headers,
        rows,
        widths,
        freeze="D2",
        status_columns=range(3, len(headers)),
        wrap_columns={2},
    )


class _SheetWriter:
    """Sheets of a write-only workbook: bold header, frozen panes, filter, widths, colours."""

    def __init__(self, book: Any) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        self.book = book
        self.bold = Font(bold=True)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")
        self.header_fill = PatternFill("solid", fgColor="DDEBF7")
        self._styles: dict[tuple[str | None, bool], Any] = {}
        self.fills = {
            key: (PatternFill("solid", fgColor=fill), Font(color=font))
            for key, (fill, font) in {**STATUS_COLOURS, **SEVERITY_COLOURS}.items()
        }

    def _style(self, ws: Any, key: str | None, wrap: bool) -> Any:
        # Setting fill and font hashes the style objects: slow over 100,000 cells. Each
        # combination is built once and its style array copied (openpyxl's own idiom).
        if (key, wrap) not in self._styles:
            from openpyxl.cell import WriteOnlyCell

            cell = WriteOnlyCell(ws)
            if key in self.fills:
                cell.fill, cell.font = self.fills[key]
            cell.alignment = self.wrap if wrap else self.top
            self._styles[key, wrap] = cell._style
        return self._styles[key, wrap]

    def frame(
        self,
        title: str,
        frame: Any,
        headings: dict[str, str],
        *,
        freeze: str = "A2",
        status: str | None = None,
        severity: str | None = None,
    ) -> None:
        """A frame's columns named in ``headings``, in that order, under those headings."""
        columns = [c for c in headings if c in frame.columns]
        data = frame[columns].astype(object).to_numpy().tolist()
        coloured: set[int] = set()
        for name, labels in ((status, STATUS_LABELS), (severity, SEVERITY_LABELS)):
            if name in columns:
                at = columns.index(name)
                coloured.add(at)
                for row in data:
                    row[at] = (row[at], labels.get(row[at], row[at]))
        widths = [
            _width(headings[c], [row[i] for row in data[:500]], c in _WIDE)
            for i, c in enumerate(columns)
        ]
        self.table(
            title,
            [headings[c] for c in columns],
            data,
            widths,
            freeze=freeze,
            status_columns=coloured,
        )

    def table(
        self,
        title: str,
        headers: Sequence[str],
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float],
        *,
        freeze: str,
        status_columns: Iterable[int] = (),
        wrap_columns: set[int] | None = None,
    ) -> None:
        """Write one sheet. A cell of a status column holds a status code, or (code, label)."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.utils import get_column_letter

        ws = self.book.create_sheet(title)
        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = freeze
        ws.print_title_rows = "1:1"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True  # printed one page wide
        header = []
        for text in headers:
            cell = WriteOnlyCell(ws, value=text)
            cell.font, cell.fill, cell.alignment = self.bold, self.header_fill, self.wrap
            header.append(cell)
        ws.append(header)
        status_at = set(status_columns)
        wrap_at = wrap_columns or set()
        for number, row in enumerate(rows, start=2):
            if wrap_at:  # Excel does not grow a row for wrapped text it did not lay out itself
                lines = max(math.ceil(len(str(row[i] or "")) / (widths[i] * 1.1)) for i in wrap_at)
                ws.row_dimensions[number].height = 15 * max(lines, 1)
            out = []
            for i, value in enumerate(row):
                key = None
                if i in status_at:  # a status code, or (code, label)
                    key, value = (
                        value
                        if isinstance(value, tuple)
                        else (value, STATUS_LABELS.get(value, value))
                    )
                value = _cell_value(value)
                if (
                    key in self.fills
                    or i in wrap_at
                    or (isinstance(value, str) and value[:1] == "=")
                ):
                    cell = WriteOnlyCell(ws, value=value)
                    if isinstance(value, str):
                        cell.data_type = "s"  # text, never a formula
                    cell._style = copy(self._style(ws, key, i in wrap_at))
                    value = cell
                out.append(value)
            ws.append(out)
        last = get_column_letter(max(len(headers), 1))
        ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"


def _cell_value(value: Any) -> Any:
    """A value Excel takes: no NaN, no control characters, no text beyond Excel's limit."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value.__class__.__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, str):
        value = _ILLEGAL.sub("", value)
        if len(value) > _EXCEL_CELL_LIMIT:
            value = value[: _EXCEL_CELL_LIMIT - 1] + "…"
    return value


def _width(heading: str, values: Sequence[Any], wide: bool) -> float:
    if wide:
        return _TEXT_WIDTH
    longest = max(
        [len(heading) * 0.8, *(len(str(_label(v))) for v in values if v is not None)], default=0
    )
    return max(_MIN_WIDTH, min(_MAX_WIDTH, longest + 2))


def _label(value: Any) -> Any:
    return value[1] if isinstance(value, tuple) else value
