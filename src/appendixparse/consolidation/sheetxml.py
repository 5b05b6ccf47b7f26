"""A write-only sheet's rows as SpreadsheetML text, many rows at a time, beside rows of cells.

Made one at a time, tens of thousands of openpyxl cell objects (styled, then serialised by
lxml) take seconds. :class:`RowStream` takes over a write-only sheet's stream: rows of cells
still go through openpyxl, and blocks of rows given as text go straight into the sheet's file,
at their place. :func:`column_cells` writes a column's cells as openpyxl writes them (inline
strings, numbers, booleans, dates as serial numbers; ASCII with character references, since
the sheet's stream declares no encoding), so the file is the one openpyxl would write, byte
for byte.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Sequence
from datetime import datetime
from typing import IO, Any, Final

from lxml.etree import tostring, xmlfile
from openpyxl.compat import safe_string
from openpyxl.packaging.relationship import Relationship
from openpyxl.utils.datetime import to_excel as _serial_date
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.xml.constants import SHEET_MAIN_NS

__all__ = [
    "ABSENT", "Links", "RowStream", "attribute", "column_cells", "encode", "link", "row_text",
]  # fmt: skip


class _Absent:
    """No cell at all (not even an empty one) at this place of the row."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Final = _Absent()


class _Text:
    """A block of rows as text, and how many rows it holds."""

    __slots__ = ("data", "rows")

    def __init__(self, data: bytes, rows: int) -> None:
        self.data, self.rows = data, rows


class Links:
    """Links written as text (:func:`link`'s elements, encoded), many of them: an item of a
    sheet's list of links (``ws._hyperlinks``) beside openpyxl's Hyperlink objects."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data


class _SheetFile(WorksheetWriter):
    """openpyxl's sheet writer, its stream on a file object of its own, so that text can be
    written between the elements openpyxl writes."""

    _file: IO[bytes] | None = None
    _xf: Any = None

    def get_stream(self) -> Generator[Any, Any, None]:
        """openpyxl's stream (``WorksheetWriter.get_stream``), on ``self._file``."""
        self._file = open(self.out, "wb")  # noqa: SIM115 (closed in close())
        with xmlfile(self._file) as xf, xf.element("worksheet", xmlns=SHEET_MAIN_NS):
            self._xf = xf
            try:
                while True:
                    element = yield
                    if element is True:
                        yield xf
                    elif element is not None:
                        xf.write(element)
            except GeneratorExit:
                pass

    def write_text(self, xf: Any, data: bytes) -> None:
        """Write ``data`` (ASCII SpreadsheetML) into the stream at this place."""
        assert self._file is not None
        xf.flush()
        self._file.write(data)

    def write_hyperlinks(self) -> None:
        """The sheet's links (openpyxl's ``write_hyperlinks``), those given as :class:`Links`
        written as they are."""
        links = self.ws._hyperlinks
        if not any(isinstance(item, Links) for item in links):
            super().write_hyperlinks()
            return
        parts = [b"<hyperlinks>"]
        for item in links:
            if isinstance(item, Links):
                parts.append(item.data)
                continue
            if item.target:
                rel = Relationship(type="hyperlink", TargetMode="External", Target=item.target)
                self._rels.append(rel)
                item.id = rel.id
            parts.append(tostring(item.to_tree("hyperlink")))
        parts.append(b"</hyperlinks>")
        for part in parts:  # not joined: the matrix's links alone are a megabyte
            self.write_text(self._xf, part)
        links[:] = [item for item in links if not isinstance(item, Links)]  # written

    def close(self) -> None:
        """End the stream, then close its file (so that the workbook reads it whole)."""
        super().close()
        if self._file is not None:
            self._file.close()


class RowStream:
    """The rows of the write-only sheet ``ws``, from its first: rows of cells (``ws.append``,
    as openpyxl writes them) and blocks of rows as text (:meth:`write`). Made before the
    sheet's first row, once its columns, panes and page are set (they are written first)."""

    def __init__(self, ws: Any) -> None:
        self._ws = ws
        self.next_row = 1  # the number of the row written next
        ws._writer = self._writer = _SheetFile(ws)
        self._writer.write_top()
        self._rows = self._write_rows()
        next(self._rows)
        ws._rows = self._rows  # ws.append and ws.close go through it

    def append(self, cells: list[Any]) -> None:
        """Append a row of cells or values, as ``ws.append`` does."""
        self._ws.append(cells)

    def write(self, text: str, rows: int) -> None:
        """Append ``rows`` rows written as ``text`` (``<row>`` elements numbered from
        :attr:`next_row`)."""
        if rows:
            self._rows.send(_Text(encode(text), rows))

    def _write_rows(self) -> Generator[None, Any, None]:
        # openpyxl's WriteOnlyWorksheet._write_rows, which also takes blocks of text.
        writer, ws = self._writer, self._ws
        xf = writer.xf.send(True)
        with xf.element("sheetData"):
            try:
                while True:
                    row = yield
                    if isinstance(row, _Text):
                        writer.write_text(xf, row.data)
                        self.next_row += row.rows
                    else:
                        number = self.next_row
                        writer.write_row(xf, ws._values_to_row(row, number), number)
                        self.next_row += 1
            except GeneratorExit:
                pass
        writer.xf.send(None)


def encode(text: str) -> bytes:
    """``text`` as the sheet's stream holds it: ASCII, other characters as references."""
    return text.encode("ascii", "xmlcharrefreplace")


def _escaped(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def attribute(text: str) -> str:
    """``text`` as the value of an attribute, escaped as lxml escapes it."""
    return _escaped(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def column_cells(
    letter: str,
    first: int,
    values: Sequence[Any],
    styles: Sequence[str | None],
    epoch: datetime,
    dates: bool,
) -> list[str | None]:
    """The cells of column ``letter`` from row ``first`` on, one per value: its ``<c>``
    element, "" where there is no cell (:data:`ABSENT`, or no value and no style), or None
    where the value is of a kind only a cell object writes. ``styles``: each cell's style id
    (None: unstyled); ``dates``: whether the column's format shows dates (a datetime in
    another column takes a date format of its own: a cell object's)."""
    out: list[str | None] = []
    add = out.append
    for number, value, style in zip(range(first, first + len(values)), values, styles):
        head = f'<c r="{letter}{number}"' + ("" if style is None else f' s="{style}"')
        if value is None:
            add("" if style is None else f'{head} t="n"/>')
        elif isinstance(value, str):
            if not value:
                add(f'{head} t="inlineStr"/>')
            else:
                space = ' xml:space="preserve"' if value != value.strip() else ""
                add(f'{head} t="inlineStr"><is><t{space}>{_escaped(value)}</t></is></c>')
        elif isinstance(value, bool):
            add(f'{head} t="b"><v>{safe_string(value)}</v></c>')
        elif isinstance(value, datetime):
            add(_number(head, _serial_date(value, epoch)) if dates else None)
        elif isinstance(value, (int, float)):
            add(_number(head, value))
        elif value is ABSENT:
            add("")
        else:
            add(None)
    return out


def _number(head: str, value: Any) -> str:
    text = safe_string(value)  # "" for NaN and infinities
    return f'{head} t="n"><v>{text}</v></c>' if text else f'{head} t="n"><v/></c>'


def link(ref: str, location: str) -> str:
    """The ``<hyperlink>`` element of a link from cell ``ref`` to ``location`` in the
    workbook (``'Sheet'!A2``), as openpyxl writes it."""
    return f'<hyperlink ref="{attribute(ref)}" location="{attribute(location)}"/>'


def row_text(number: int, attributes: str, cells: Iterable[str]) -> str:
    """Row ``number``'s ``<row>`` element (``attributes``: its height's, as text) holding
    ``cells`` (:func:`column_cells`' elements)."""
    inside = "".join(cells)
    if not inside:
        return f'<row r="{number}"{attributes}/>'
    return f'<row r="{number}"{attributes}>{inside}</row>'
