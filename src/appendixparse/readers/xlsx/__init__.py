"""Excel workbooks (.xlsx, and .xls through LibreOffice): every visible sheet as the user sees it.

Each sheet becomes blocks named after it, like a page of a Word document (:mod:`.sheet`). Cells
read as shown: numbers through their number format with the Vietnamese decimal comma, dates as
dd/mm/yyyy (:mod:`.numformat`), merged ranges expanded as in the DOCX reader, hidden rows and
columns left out and reported. The workbook's parts are inflated under the zip guards and their
DTDs refused before anything parses them, and each sheet is streamed (:mod:`.stream`).
"""

from __future__ import annotations

import zipfile
import zlib

from ...errors import CorruptFileError, EncryptedFileError
from ...grid import Block, Grid, Table
from ...models import Unparsed
from ...options import DEFAULT_OPTIONS, Options
from ..libreoffice import convert
from ..ole import has_stream, is_ole
from ..safexml import refuse_dtd
from ..safezip import SafeZip
from .numformat import cell_text, format_number
from .sheet import Budget, place
from .stream import WorkbookParts

__all__ = ["cell_text", "format_number", "read_xls", "read_xlsx"]

# What a damaged sheet part raises: XML syntax errors (lxml's derive from SyntaxError), bad
# attribute values and numbers, references past a table, broken zip streams.
_DAMAGED_PART = (SyntaxError, ValueError, TypeError, KeyError, IndexError, EOFError, OSError,
                 zipfile.BadZipFile, zlib.error)  # fmt: skip


def read_xlsx(data: bytes, source: str, options: Options = DEFAULT_OPTIONS) -> Grid:
    """Read an .xlsx workbook into a Grid: one or more blocks per visible sheet, in order.

    Raises :class:`FileTooLargeError` for zip bombs and absurd sheets, :class:`CorruptFileError`
    for a workbook that cannot be read, :class:`EncryptedFileError` for a password-protected file.
    """
    parts = _check_archive(data, source, options)
    try:
        workbook = WorkbookParts(parts, source)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise CorruptFileError(source, f"not a readable Excel workbook ({exc})") from None
    blocks: list[Block] = []
    unplaced: list[Unparsed] = []
    budget = Budget(source, options)
    try:
        tables = 0
        for part in workbook.sheets:
            if part.state != "visible":
                continue  # hidden sheets usually hold lookup lists, not the appendix
            sheet = place(workbook.scan(part, budget.add_text_cell), budget)
            unplaced.extend(sheet.hidden_text())
            sheet_blocks = sheet.blocks(first_table=tables + 1, budget=budget)
            tables += sum(isinstance(b, Table) for b in sheet_blocks)
            blocks.extend(sheet_blocks)
    except _DAMAGED_PART as exc:
        raise CorruptFileError(source, f"a damaged Excel sheet ({exc})") from None
    return Grid(blocks=blocks, format="xlsx", unplaced=unplaced)


def read_xls(data: bytes, source: str, options: Options = DEFAULT_OPTIONS) -> Grid:
    """Read an Excel 97 (.xls) workbook: LibreOffice converts it to .xlsx, read as such.

    Raises :class:`ConversionUnavailableError` when LibreOffice is not installed.
    """
    converted = convert(data, source, suffix=".xls", target="xlsx", options=options)
    grid = read_xlsx(converted, source, options)
    grid.format = "xls"
    return grid


def _check_archive(data: bytes, source: str, options: Options) -> dict[str, bytes]:
    """The workbook's XML parts, inflated under the zip limits (a lying zip is caught) with DTDs
    and entities refused; what is not a workbook, and zip bombs, refused first."""
    if is_ole(data):
        if has_stream(data, "EncryptedPackage"):
            raise EncryptedFileError(source, "the workbook is protected by a password")
        raise CorruptFileError(source, "an Excel 97 (.xls) or other old Office file, not .xlsx")
    archive = SafeZip(data, source, options)  # entry count and declared sizes judged here
    parts = {}
    for name in archive.names():
        if name.endswith((".xml", ".rels", ".vml")):
            parts[name] = archive.read(name)
            refuse_dtd(parts[name], source, name)
    if "xl/workbook.xml" not in archive:
        raise CorruptFileError(source, "a zip archive without an Excel workbook inside")
    return parts
