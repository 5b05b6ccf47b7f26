"""Rows written as SpreadsheetML text (consolidation/sheetxml.py) are the rows openpyxl writes."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment
from openpyxl.worksheet.hyperlink import Hyperlink

from appendixparse.consolidation.allocator import system_allocator
from appendixparse.consolidation.sheetxml import (
    ABSENT,
    Links,
    RowStream,
    column_cells,
    encode,
    link,
    row_text,
)

VALUES = [
    "plain", "  leading", "trailing ", "   ", "a\r\nb", "tab\there", "&<>\"'", "Đơn vị đạt",
    "😀 emoji", 0, -3, 2.5, 1e-300, 10**20, True, False, None,
]  # fmt: skip


def _sheet_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return etree.tostring(etree.fromstring(archive.read("xl/worksheets/sheet1.xml")),
                              method="c14n")  # fmt: skip


def _by_cells(path: Path, styled: bool) -> None:
    book = Workbook(write_only=True)
    ws = book.create_sheet("S")
    for number, value in enumerate(VALUES, start=1):
        cell = WriteOnlyCell(ws, value=value)
        if isinstance(value, str):
            cell.data_type = "s"
        if styled:
            cell.alignment = Alignment(vertical="top")
        ws.append([cell, WriteOnlyCell(ws, value=dt.datetime(2024, 5, number))])
    book.save(path)


def _by_text(path: Path, styled: bool) -> None:
    book = Workbook(write_only=True)
    ws = book.create_sheet("S")
    stream = RowStream(ws)
    style = None
    if styled:
        model = WriteOnlyCell(ws)
        model.alignment = Alignment(vertical="top")
        style = str(book._cell_styles.add(model._style))
    dates = [dt.datetime(2024, 5, n) for n in range(1, len(VALUES) + 1)]
    date_style = str(book._cell_styles.add(WriteOnlyCell(ws, value=dates[0])._style))
    a = column_cells("A", 1, VALUES, [style] * len(VALUES), book.epoch, dates=False)
    b = column_cells("B", 1, dates, [date_style] * len(dates), book.epoch, dates=True)
    rows = [row_text(n, "", cells) for n, cells in enumerate(zip(a, b), start=1)]
    stream.write("".join(rows), len(rows))
    book.save(path)


@pytest.mark.parametrize("styled", [False, True])
def test_rows_as_text_are_the_rows_openpyxl_writes(tmp_path: Path, styled: bool) -> None:
    _by_cells(tmp_path / "cells.xlsx", styled)
    _by_text(tmp_path / "text.xlsx", styled)
    assert _sheet_xml(tmp_path / "text.xlsx") == _sheet_xml(tmp_path / "cells.xlsx")
    back = [row[0].value for row in load_workbook(tmp_path / "text.xlsx")["S"].iter_rows()]
    assert back[4] == "a\r\nb" and back[1] == "  leading" and back[8] == "😀 emoji"


def test_a_value_only_a_cell_object_writes_is_left_to_one() -> None:
    epoch = dt.datetime(1899, 12, 30)
    values = [Decimal("1.5"), dt.datetime(2024, 1, 1), ABSENT, None]
    cells = column_cells("C", 5, values, [None, "1", "1", None], epoch, dates=False)
    assert cells == [None, None, "", ""]


def test_text_rows_and_cell_rows_keep_their_numbers_and_links(tmp_path: Path) -> None:
    book = Workbook(write_only=True)
    ws = book.create_sheet("S")
    stream = RowStream(ws)
    stream.append(["header"])
    stream.write(row_text(2, "", column_cells("A", 2, ["two"], [None], book.epoch, False)), 1)
    ws._hyperlinks.append(Links(encode(link("A2", "'Chi tiết'!A7"))))
    cell = WriteOnlyCell(ws, value="three")
    cell.hyperlink = Hyperlink(ref="", location="'S'!A1")
    stream.append([cell])
    assert stream.next_row == 4
    book.save(tmp_path / "x.xlsx")
    sheet = load_workbook(tmp_path / "x.xlsx")["S"]
    assert [sheet[f"A{n}"].value for n in (1, 2, 3)] == ["header", "two", "three"]
    assert sheet["A2"].hyperlink.location == "'Chi tiết'!A7"
    assert sheet["A3"].hyperlink.location == "'S'!A1"


def test_the_system_allocator_is_the_default_only_within_its_block() -> None:
    import pyarrow as pa

    before = pa.default_memory_pool().backend_name
    with pytest.raises(RuntimeError), system_allocator():
        assert pa.default_memory_pool().backend_name == "system"
        raise RuntimeError
    assert pa.default_memory_pool().backend_name == before
