"""Indicator tables consolidated: one long row per unit and indicator, and an indicators × units
sheet ("Chỉ tiêu thống kê") with the province's figure beside them.

The province's figure: the sum of the units' values for a count (every unit reporting it);
for a rate, never a sum, but the rate of the summed numerator and denominator where the form
lists them (its two count children, as the checks read them), else nothing. Coded answers,
money and scores are summed only where they are counts (:func:`~appendixparse.checks.
indicators.is_count`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..checks.indicators import is_count, is_percent, parts_of_rate
from ..models import Indicator, Report
from .labels import INDICATOR_HEADINGS, INDICATOR_SHEET, PROVINCE

if TYPE_CHECKING:
    import pandas as pd

    from .sheetwriter import SheetWriter

INDICATOR_COLUMNS = (
    "unit", "unit_label", "period_start", "period_end", "id", "form", "form_title", "stt",
    "parent", "name", "value", "value_raw", "unit_of_measure", "notes", "source",
)  # fmt: skip


def indicator_rows(
    report: Report, *, unit: str, source: str, period: tuple[str | None, str | None]
) -> list[dict[str, Any]]:
    """The long rows of one report's indicators (``unit_label`` set later, with the others)."""
    return [
        {
            "unit": unit,
            "unit_label": unit,
            "period_start": period[0],
            "period_end": period[1],
            "id": i.id,
            "form": i.form,
            "form_title": i.form_title,
            "stt": i.stt,
            "parent": i.parent,
            "name": i.name,
            "value": i.value,
            "value_raw": i.value_raw,
            "unit_of_measure": i.unit,
            "notes": i.notes,
            "source": source,
        }
        for i in report.indicators
    ]


def long_frame(rows: list[dict[str, Any]] | dict[str, list[Any]]) -> pd.DataFrame:
    """The indicator rows (dicts, or lists by column) as a frame of :data:`INDICATOR_COLUMNS`."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(INDICATOR_COLUMNS))
    frame["value"] = frame["value"].astype("float64")
    return frame


def indicator_matrix(long: pd.DataFrame) -> pd.DataFrame:
    """Indicators (rows, in first-seen order) × unit labels (columns), the values; the name,
    unit of measure and the province's figure (:data:`PROVINCE`) beside them."""
    import pandas as pd

    labels = list(dict.fromkeys(long["unit_label"]))
    first = long.drop_duplicates("id").set_index("id")
    values = long.pivot_table(index="id", columns="unit_label", values="value", aggfunc="first")
    values = values.reindex(index=list(first.index), columns=labels)
    matrix = pd.DataFrame(
        {"name": first["name"], "unit_of_measure": first["unit_of_measure"]}, index=first.index
    )
    matrix = matrix.join(values)
    matrix[PROVINCE] = province_figures(first, values)
    matrix.index.name = "id"
    return matrix


def province_figures(first: pd.DataFrame, values: pd.DataFrame) -> list[float | None]:
    """For each indicator: the sum of a count, the rate of the summed parts, else None."""
    indicators = [
        Indicator(
            id=str(i),
            stt=str(row["stt"]),
            parent=row["parent"] if isinstance(row["parent"], str) else None,
            name=str(row["name"]),
            unit=row["unit_of_measure"] if isinstance(row["unit_of_measure"], str) else None,
            value=0.0,
        )
        for i, row in first.iterrows()
    ]
    sums: dict[str, float | None] = {}
    for ind in indicators:
        column = values.loc[ind.id]
        complete = bool(len(column)) and not column.isna().any()
        sums[ind.id] = float(column.sum()) if complete and is_count(ind) else None
    figures: list[float | None] = []
    for ind in indicators:
        if not is_percent(ind):
            figures.append(sums[ind.id])
            continue
        pair = parts_of_rate(ind, indicators)
        numerator, denominator = (sums[p.id] for p in pair) if pair else (None, None)
        if numerator is None or not denominator:
            figures.append(None)
        else:
            figures.append(round(numerator / denominator * 100, 2))
    return figures


def write_indicator_sheet(writer: SheetWriter, matrix: pd.DataFrame) -> None:
    """The workbook's sheet "Chỉ tiêu thống kê": indicators × units, the province's figure
    last, written by the workbook's ``writer``."""
    from .sheetwriter import Column  # openpyxl: only when a workbook is written

    lang = writer.lang if writer.lang in INDICATOR_SHEET else "vi"
    units = [str(c) for c in matrix.columns[2:]]
    headings = [*INDICATOR_HEADINGS[lang], *units]
    widths = [12, 70, 14, *[max(12, min(24, len(u) + 2)) for u in units]]
    columns = [
        Column(key=h, width=w, wrap=i == 1, number_format="#,##0.##" if i >= 3 else None)
        for i, (h, w) in enumerate(zip(headings, widths))
    ]
    ws = writer.sheet(INDICATOR_SHEET[lang], columns, freeze="D2")
    rows = [
        [index, *(None if _missing(v) else v for v in values)]
        for index, values in zip(matrix.index, matrix.astype(object).to_numpy().tolist())
    ]
    writer.rows(ws, columns, rows)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)
