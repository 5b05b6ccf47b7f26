"""The Excel reader's own streaming of the workbook's parts, checked against openpyxl."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest

from appendixparse.options import Options
from appendixparse.readers.xlsx import _check_archive as workbook_parts
from appendixparse.readers.xlsx import read_xlsx
from appendixparse.readers.xlsx.stream import WorkbookParts

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def variety(epoch_1904: bool = False) -> bytes:
    """A workbook of every kind of value, written by openpyxl."""
    wb = openpyxl.Workbook()
    if epoch_1904:
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["STT", "Nội dung", 0.5554, dt.datetime(2023, 10, 14, 8, 30)])
    ws.append([1, True, dt.time(13, 45), dt.timedelta(hours=30)])
    ws.append([2, "=A2+1", 1234567.891, -5])
    ws.append([3, dt.date(2024, 2, 29), 1e20, "x\r\ny"])
    ws["C1"].number_format = "0.00%"
    ws["D2"].number_format = "[h]:mm:ss"
    ws["C3"].number_format = "#,##0.00"
    ws.merge_cells("B5:D6")
    ws["B5"] = "gộp"
    wb.create_sheet("Hai")["B2"] = "ô"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def workbooks() -> list[bytes]:
    return [variety(), variety(epoch_1904=True)] + [
        p.read_bytes() for p in sorted(SAMPLES.rglob("*.xlsx"))
    ]


@pytest.mark.parametrize("data", workbooks())
def test_values_are_openpyxls_read_only_values(data: bytes) -> None:
    workbook = WorkbookParts(workbook_parts(data, "w.xlsx", Options()), "w.xlsx")
    theirs = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    assert [s.title for s in workbook.sheets] == theirs.sheetnames
    for sheet, their_sheet in zip(workbook.sheets, theirs.worksheets):
        ours = [
            (r, c, v)
            for r, c, v in workbook.values(sheet)
            if v is not None and not (isinstance(v, str) and v.startswith("="))
        ]
        expected = [
            (cell.row, cell.column, cell.value)
            for row in their_sheet.iter_rows()
            for cell in row
            if getattr(cell, "value", None) is not None
        ]
        assert ours == expected
    theirs.close()


def test_no_openpyxl_workbook_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("load_workbook called")

    monkeypatch.setattr(openpyxl, "load_workbook", refuse)
    grid = read_xlsx(variety(), "v.xlsx")
    assert grid.tables[0].rows[0].cells == ["STT", "Nội dung", "55,54%", "14/10/2023 08:30:00"]
