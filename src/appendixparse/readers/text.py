"""Plain and tab-separated text: decoding (UTF-8/16, cp1258, legacy fonts) and lines to blocks."""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..encodings import guess_encoding, to_unicode
from ..errors import CorruptFileError, FileTooLargeError, UnsupportedFormatError
from ..grid import Block, Grid, Paragraph, Row, Table
from ..limits import LIMITS
from ..models import Location

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\f|\v|\u2028|\u2029")
# Control characters that never occur in a real text document.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes, source: str) -> str:
    """Decode a text document's bytes: BOM, then UTF-8, UTF-16 without BOM, then cp1258.

    Raises :class:`UnsupportedFormatError` when the bytes are not text at all.
    """
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data[:4096]:
        text = _decode_utf16_without_bom(data, source)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_8bit(data)
    sample = text[:65536]
    if sample and len(_BINARY.findall(sample)) > max(2, len(sample) // 200):
        raise UnsupportedFormatError(source, "binary content, not a text document")
    return to_unicode(unicodedata.normalize("NFC", text))


def _decode_8bit(data: bytes) -> str:
    """An 8-bit file: TCVN3 or VNI bytes (typed in legacy fonts) or cp1258.

    Legacy-font text is the Windows-1252 characters of the font's codes, so the bytes are read
    that way first and the characters decide; otherwise cp1258, the Vietnamese Windows code
    page, which writes tones as combining marks.
    """
    as_fonts = data.decode("cp1252", errors="latin1_fallback")
    if encoding := guess_encoding(as_fonts):
        return to_unicode(as_fonts, encoding=encoding)
    return data.decode("cp1258", errors="replace")


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    """Bytes cp1252 leaves undefined (0x81, 0x8D, …) read as Latin-1, as legacy fonts do."""
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("latin1_fallback", _latin1_fallback)


def _decode_utf16_without_bom(data: bytes, source: str) -> str:
    head = data[:4096]
    even_zeros = head[0::2].count(0)
    odd_zeros = head[1::2].count(0)
    if max(even_zeros, odd_zeros) < len(head) // 4:
        raise UnsupportedFormatError(source, "binary content, not a text document")
    codec = "utf-16-be" if even_zeros > odd_zeros else "utf-16-le"
    return data.decode(codec, errors="replace")


def _open_quote(cell: str) -> bool:
    """A spreadsheet export's quoted cell still waiting for its closing quote."""
    return cell.startswith('"') and cell.count('"') % 2 == 1


def _logical_lines(lines: list[str]) -> list[tuple[int, str]]:
    """(first line number, text) per row, joining the lines of a quoted multi-line cell.

    Spreadsheet software exports a cell holding line breaks as ``"first\nsecond"``; such a
    cell is unquoted (``""`` back to ``"``) and keeps its breaks.
    """
    out: list[tuple[int, str]] = []
    pending: tuple[int, str] | None = None
    for number, line in enumerate(lines, start=1):
        if pending is not None:
            start, text = pending
            text = f"{text}\n{line}"
            if _open_quote(text.split("\t")[-1]) and number - start < 200:
                pending = (start, text)
                continue
            pending = None
            out.append((start, "\t".join(_unquote(c) for c in text.split("\t"))))
            continue
        if "\t" in line and _open_quote(line.split("\t")[-1]):
            pending = (number, line)
            continue
        out.append((number, line))
    if pending is not None:
        out.append(pending)
    return out


def _unquote(cell: str) -> str:
    if "\n" in cell and cell.startswith('"') and cell.endswith('"'):
        return cell[1:-1].replace('""', '"')
    return cell


def read_text(data: bytes, source: str) -> Grid:
    """Read a text document: tab-separated lines become table rows, other lines paragraphs.

    Blank lines (page-break gaps) are skipped and do not end a table; a non-blank line with no
    tab ends the current table.
    """
    text = decode(data, source)
    if not text.strip():
        raise CorruptFileError(source, "the file is empty")
    blocks: list[Block] = []
    table: Table | None = None
    for number, line in _logical_lines(_LINE_BREAK.split(text)):
        if not line.strip():
            continue
        if len(line) > LIMITS.max_line_chars:
            raise FileTooLargeError(
                source,
                f"line {number} has {len(line):,} characters (limit {LIMITS.max_line_chars:,})",
            )
        location = Location(line=number)
        if "\t" in line:
            if table is None:
                table = Table(rows=[], index=sum(isinstance(b, Table) for b in blocks) + 1)
                blocks.append(table)
            table.rows.append(Row(cells=line.split("\t"), location=location))
        else:
            table = None
            blocks.append(Paragraph(text=line.strip(), location=location))
    return Grid(blocks=blocks, format="text")
