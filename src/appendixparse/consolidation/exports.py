"""Write a consolidation by the output's extension: .xlsx workbook, .html report, .csv,
.parquet, .json. Every file appears whole or not at all (written beside it, then renamed).

- ``.xlsx``: the officer's workbook (:mod:`.workbook`); ``.html``: one self-contained report
  (:mod:`.html`).
- ``.json``: one object ``{"records", "flags", "units", "errors", "duplicates"}``.
- ``.csv`` and ``.parquet``: the records in the named file, and beside it the other tables as
  siblings: ``NAME.flags.csv``, ``NAME.units.csv``, ``NAME.errors.csv``,
  ``NAME.duplicates.csv`` (likewise ``.parquet``). The CSV files are UTF-8 with a BOM.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..atomic import atomic_path
from .labels import LANGS, Lang

if TYPE_CHECKING:
    import pandas as pd

    from .frames import Consolidation

__all__ = ["EXPORT_SUFFIXES", "SIBLINGS", "export", "sibling_paths"]

EXPORT_SUFFIXES = (".xlsx", ".html", ".csv", ".parquet", ".json")
SIBLINGS = ("flags", "units", "errors", "duplicates")
"""The tables written beside a .csv or .parquet file of records, by the name they take."""


def export(result: Consolidation, path: str | os.PathLike[str], *, lang: Lang = "vi") -> Path:
    """Write ``result`` to ``path``, the format by its extension (see :data:`EXPORT_SUFFIXES`);
    ``lang`` ("vi" or "en") is the language of the workbook and the HTML report.

    Raises ValueError for another extension or language, OSError when a file cannot be written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise ValueError(f"{path}: the output must end in {', '.join(EXPORT_SUFFIXES)}")
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    if suffix == ".xlsx":
        from .workbook import write_workbook

        _atomic(path, lambda temporary: write_workbook(result, temporary, lang))
    elif suffix == ".html":
        from .html import write_html

        _atomic(path, lambda temporary: write_html(result, temporary, lang))
    elif suffix == ".json":
        _atomic(path, lambda temporary: _write_json(result, temporary))
    else:
        tables = tables_of(result, text=suffix == ".csv")  # Parquet keeps dates and categories
        write: Callable[[pd.DataFrame, Path], None] = (
            _write_csv if suffix == ".csv" else _write_parquet
        )
        for name, target in sibling_paths(path).items():
            with atomic_path(target) as temporary:
                write(tables[name], temporary)
    return path


def sibling_paths(path: Path) -> dict[str, Path]:
    """The files a .csv or .parquet export writes: "records" at ``path``, the others beside."""
    return {
        "records": path,
        **{name: path.with_name(f"{path.stem}.{name}{path.suffix}") for name in SIBLINGS},
    }


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    with atomic_path(path) as temporary:
        write(temporary)


def tables_of(result: Consolidation, *, text: bool = True) -> dict[str, pd.DataFrame]:
    """The tables of a consolidation as the exports write them (``text``: dates and statuses
    as text, for CSV and JSON)."""
    return {
        "records": text_view(result.records) if text else result.records,
        "flags": result.flags,
        "units": _dates_as_text(result.by_unit) if text else result.by_unit,
        "errors": result.errors,
        "duplicates": result.duplicates,
    }


def text_view(records: pd.DataFrame) -> pd.DataFrame:
    """The records as the text exports write them: dates as ISO text, statuses as text."""
    return _dates_as_text(records.astype({"status": "object"}))


def _dates_as_text(frame: pd.DataFrame) -> pd.DataFrame:
    view = frame.copy()
    for column in ("period_start", "period_end"):
        if column in view and hasattr(view[column], "dt"):
            view[column] = view[column].dt.strftime("%Y-%m-%d").astype("object")
    return view


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(path, index=False, encoding="utf-8-sig")


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    frame.to_parquet(path, index=False, engine="pyarrow")


def _write_json(result: Consolidation, path: Path) -> None:
    """One JSON object of every table, UTF-8, Vietnamese kept readable."""
    document: dict[str, Any] = {
        name: json.loads(frame.to_json(orient="records", force_ascii=False))
        for name, frame in tables_of(result).items()
    }
    with open(path, "w", encoding="utf-8") as out:
        json.dump(document, out, ensure_ascii=False, indent=1)
