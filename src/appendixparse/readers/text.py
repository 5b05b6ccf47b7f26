"""Plain text: decoding (UTF-8/16, cp1258, legacy fonts), then lines to paragraphs and tables.

Tables come tab-separated (Word's and Excel's export), as CSV (Excel's "Save as CSV", comma or
semicolon, quoted cells over several lines) or as Markdown or pipe tables.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from ..errors import CorruptFileError, FileTooLargeError, UnsupportedFormatError
from ..grid import Block, Grid, Paragraph, Row, Table
from ..models import Location
from ..options import DEFAULT_OPTIONS, Options
from ..text.encodings import guess_encoding, to_unicode

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\f|\v|\u2028|\u2029")
# Control characters that never occur in a real text document.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CELL_LINES = 200  # a quoted cell longer than this is a lone quote, not a cell
_SNIFF_LINES = 2000
_WIDE_ROW_CELLS = 3  # a row filling this many cells (the header) starts a padded table


# The CSV, pipe and Markdown patterns are compiled on first use: a tab-separated document (what
# Word and Excel export) needs none of them.
@functools.cache
def _quoted() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A quoted CSV cell (after spaces) up to its closing quote (``""`` inside is a quote),
    and the opening of one (matched in place: no copies)."""
    return re.compile(r'[ ]*"([^"]*(?:""[^"]*)*)"(?!")'), re.compile(r' *"')


@functools.cache
def _pipe() -> re.Pattern[str]:
    return re.compile(r"(?<!\\)\|")


@functools.cache
def _markdown_rule() -> re.Pattern[str]:
    return re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


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
            if _open_quote(text.split("\t")[-1]) and number - start < _MAX_CELL_LINES:
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


def _tab_rows(lines: list[str]) -> Iterator[tuple[int, list[str]]]:
    for number, line in _logical_lines(lines):
        yield number, line.split("\t")


def _split_csv(text: str, delimiter: str) -> list[str] | None:
    """The cells of one CSV record, or None while a quoted cell waits for its closing quote.

    As spreadsheets write it: a cell that opens with a quote runs to the matching quote
    (``""`` inside is a quote) and may hold delimiters and line breaks; other quotes are text.
    """
    cells: list[str] = []
    pos, end = 0, len(text)
    quoted, open_quote = _quoted()
    while True:
        if m := quoted.match(text, pos):
            stop = text.find(delimiter, m.end())
            stop = end if stop < 0 else stop
            cells.append(m.group(1).replace('""', '"') + text[m.end() : stop])
        elif open_quote.match(text, pos):
            return None  # the quoted cell goes on on the next line
        else:
            stop = text.find(delimiter, pos)
            stop = end if stop < 0 else stop
            cells.append(text[pos:stop])
        if stop >= end:
            return cells
        pos = stop + len(delimiter)


def _csv_rows(lines: list[str], delimiter: str) -> Iterator[tuple[int, list[str]]]:
    index = 0
    while index < len(lines):
        cells = _split_csv(lines[index], delimiter)
        last, quotes = index, lines[index].count('"')
        while cells is None and last + 1 < len(lines) and last - index < _MAX_CELL_LINES:
            last += 1
            quotes += lines[last].count('"')
            if quotes % 2 == 0:  # the open cell may have closed: split again
                cells = _split_csv("\n".join(lines[index : last + 1]), delimiter)
        if cells is None:  # a lone quote: the line is read as it stands
            last = index
            cells = lines[index].split(delimiter)
        yield index + 1, cells
        index = last + 1


def _pipe_rows(lines: list[str]) -> Iterator[tuple[int, list[str]]]:
    """Rows of a pipe or Markdown table; the ``|---|:--:|`` rule under its header is dropped.

    Markdown tables open and close every row with a pipe; those outer pipes are not cells.
    Bare pipe tables ("1 | Mục tiêu | Đạt") have none, and a row may start with an empty cell.
    """
    piped = [line.strip() for line in lines if "|" in line]
    outer = sum(line.startswith("|") for line in piped) * 2 > len(piped)
    rule, pipe = _markdown_rule(), _pipe()
    for number, line in enumerate(lines, start=1):
        if rule.match(line):
            continue
        stripped = line.strip()
        if "|" not in stripped:
            yield number, [line]
            continue
        if outer:
            stripped = stripped[1:] if stripped.startswith("|") else stripped
            if stripped.endswith("|") and not stripped.endswith("\\|"):
                stripped = stripped[:-1]
        yield number, [c.replace("\\|", "|").strip() for c in pipe.split(stripped)]


# Markdown emphasis around a run of text: **bold**, __bold__, *italic*, _italic_ (not a "* "
# bullet, not the "____" of a blank to fill in, not snake_case inside a word).
class _Emphasis(NamedTuple):
    strong: re.Pattern[str]
    emphasis: re.Pattern[str]
    underscored: re.Pattern[str]


@functools.cache
def _emphasis() -> _Emphasis:
    return _Emphasis(
        strong=re.compile(r"(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1"),
        emphasis=re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])"),
        underscored=re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\w_])"),
    )


def unemphasise(text: str) -> str:
    """Markdown text without its emphasis marks.

    >>> unemphasise("**I** | *(Số liệu tính đến 30/9/2023)* | __UBND XÃ CAM HIẾU__")
    'I | (Số liệu tính đến 30/9/2023) | UBND XÃ CAM HIẾU'
    >>> unemphasise("* mục một, 2 * 3 = 6, ký tên: ______")
    '* mục một, 2 * 3 = 6, ký tên: ______'
    """
    marks = _emphasis()
    for pattern in (marks.strong, marks.strong):  # twice: ***both*** and nested marks
        text = pattern.sub(lambda m: m.group(2), text)
    text = marks.emphasis.sub(r"\1", text)
    return marks.underscored.sub(r"\1", text)


def _delimiter(lines: list[str]) -> str:
    """The character separating a table's cells: a tab, or what a CSV or pipe table uses.

    Tab-separated text (Word's and Excel's) wins whenever two lines hold tabs. Otherwise the
    candidate splitting the most lines into the same number (at least three) of cells.
    """
    sample = [line for line in lines[:_SNIFF_LINES] if line.strip()]
    if sum("\t" in line for line in sample) >= 2:
        return "\t"
    best, best_score = "\t", 1
    for candidate in ("|", ";", ","):
        if candidate not in "".join(sample):
            continue
        if candidate == "|":
            rows = [cells for _, cells in _pipe_rows(sample)]
        else:
            rows = [cells for _, cells in _csv_rows(sample, candidate)]
        widths = Counter(len(cells) for cells in rows if len(cells) >= 3)
        if widths:
            score = widths.most_common(1)[0][1]
            if score > best_score:
                best, best_score = candidate, score
    return best


def _filled(cells: list[str]) -> int:
    return len(cells) - list(map(str.strip, cells)).count("")


def _pieces(rows: list[tuple[int, list[str]]]) -> list[list[tuple[int, list[str]]]]:
    """A run of table lines split where, after a blank-line gap, rows get fewer cells.

    Blank lines are often page breaks inside one table, whose rows all have its width; a
    narrower row after the gap (the signature table below the appendix) starts another table.
    Tables whose rows vary in width (trailing tabs trimmed) are never split.
    """
    pieces: list[list[tuple[int, list[str]]]] = []
    current: list[tuple[int, list[str]]] = []
    widths: set[int] = set()
    gap = False
    for number, cells in rows:
        if not _filled(cells):
            gap = bool(current)
            continue
        if gap and len(widths) == 1 and len(cells) < min(widths):
            pieces.append(current)
            current, widths = [], set()
        current.append((number, cells))
        widths.add(len(cells))
        gap = False
    if current:
        pieces.append(current)
    return pieces


def _piece_blocks(piece: list[tuple[int, list[str]]], index: int) -> list[Block]:
    """Blocks of one piece of table lines; tables are numbered from ``index``.

    A spreadsheet copied or saved as text pads every row to the same width, so its title
    lines come out as rows with one filled cell: above the first row filling three cells
    (the header), those become paragraphs and the other rows small tables, as in a workbook.
    """
    widths = {len(cells) for _, cells in piece}
    start = next((i for i, (_, c) in enumerate(piece) if _filled(c) >= _WIDE_ROW_CELLS), 0)
    if len(widths) > 1:
        start = 0
    blocks: list[Block] = []
    run: list[Row] = []
    for number, cells in piece[:start]:
        if _filled(cells) == 1:
            if run:
                blocks.append(Table(rows=run, index=index))
                index, run = index + 1, []
            text = next(c for c in cells if c.strip()).strip()
            blocks.append(Paragraph(text=text, location=Location(line=number)))
        else:
            run.append(Row(cells=cells, location=Location(line=number)))
    if run:
        blocks.append(Table(rows=run, index=index))
        index += 1
    rows = [Row(cells=cells, location=Location(line=number)) for number, cells in piece[start:]]
    if rows:
        blocks.append(Table(rows=rows, index=index))
    return blocks


def read_text(data: bytes, source: str, options: Options = DEFAULT_OPTIONS) -> Grid:
    """Read a text document: delimited lines become table rows, other lines paragraphs.

    Cells are separated by tabs (Word's and Excel's export), or by the commas or semicolons
    of a CSV file, or by the pipes of a Markdown table, whichever the lines show. Blank lines
    (page-break gaps) are skipped and do not end a table; a non-blank line with no delimiter
    ends the current table.
    """
    text = decode(data, source)
    if not text.strip():
        raise CorruptFileError(source, "the file is empty")
    lines = _LINE_BREAK.split(text)
    delimiter = _delimiter(lines)
    if delimiter == "\t":
        rows = _tab_rows(lines)
    elif delimiter == "|":
        rows = _pipe_rows(lines)
        if any(_markdown_rule().match(line) for line in lines[:_SNIFF_LINES]):
            rows = ((n, [unemphasise(c) for c in cells]) for n, cells in rows)
    else:
        rows = _csv_rows(lines, delimiter)
    blocks: list[Block] = []
    run: list[tuple[int, list[str]]] = []

    def end_run() -> None:
        for piece in _pieces(run):
            tables = sum(isinstance(b, Table) for b in blocks)
            blocks.extend(_piece_blocks(piece, tables + 1))
        run.clear()

    for number, cells in rows:
        length = sum(map(len, cells)) + len(cells)
        if length > options.max_line_chars:
            raise FileTooLargeError(
                source,
                f"line {number} has {length:,} characters (limit {options.max_line_chars:,})",
            )
        if not _filled(cells):
            if run:
                run.append((number, []))  # a gap in a table, perhaps a page break
        elif len(cells) > 1:
            run.append((number, cells))
        else:
            end_run()
            blocks.append(Paragraph(text=cells[0].strip(), location=Location(line=number)))
    end_run()
    return Grid(blocks=blocks, format="text")
