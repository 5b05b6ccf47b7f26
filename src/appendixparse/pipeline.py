"""parse(): bytes → grid → layout → records → figures → checks → Report; read_text(): the grid
as plain text."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Mapping
from typing import Any, BinaryIO

from .checks.flags import run_checks, summary_not_read
from .errors import (
    AppendixParseError,
    CorruptFileError,
    FileTooLargeError,
    InputNotFoundError,
    NoAppendixFoundError,
    NoAssessmentTableError,
)
from .grid import Grid, Paragraph
from .models import Report, Source
from .options import DEFAULT_OPTIONS, Options
from .readers import read
from .table.accounting import Accounting
from .table.indicators import build_indicators, find_indicator_tables
from .table.layout import Layout, RowFate, find_layout
from .table.preamble import read_period, read_title, read_unit, summary_and_reason
from .table.records import build_records
from .text.confidence import with_confidence
from .text.figures import extract_figures

Input = str | os.PathLike[str] | bytes | bytearray | BinaryIO


def load(source: Input, options: Options = DEFAULT_OPTIONS) -> tuple[bytes, str | None]:
    """The bytes of ``source`` and its path (None for bytes and file objects without a name)."""
    if isinstance(source, (bytes, bytearray)):
        return bytes(source), None
    if isinstance(source, (str, os.PathLike)):
        return _read_file(source, options), str(source)
    if not callable(getattr(source, "read", None)):
        raise TypeError(
            f"parse() takes a path, bytes or a binary file object, not {type(source).__name__}"
        )
    data = source.read(options.max_file_bytes + 1)
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError("parse() takes a binary file object; this one gives text (open it 'rb')")
    name = getattr(source, "name", None)
    if len(data) > options.max_file_bytes:
        raise FileTooLargeError(name, f"more than {options.max_file_bytes:,} bytes")
    return data, str(name) if name is not None else None


def _read_file(source: str | os.PathLike[str], options: Options) -> bytes:
    """A regular file's bytes, never more than the size limit of them, whatever the file is."""
    limit = options.max_file_bytes
    try:
        info = os.stat(source)
        if stat.S_ISDIR(info.st_mode):
            raise CorruptFileError(source, "a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise CorruptFileError(source, "not a regular file (a device, a pipe or a socket)")
        if info.st_size > limit:
            raise FileTooLargeError(source, f"{info.st_size:,} bytes (limit {limit:,})")
        with open(source, "rb") as file:
            # read(n) reserves n bytes first: ask for the file's size, not the limit's.
            data = file.read(info.st_size + 1)
            if len(data) > info.st_size:  # it grew since stat(): the rest, up to the limit
                data += file.read(limit + 1 - len(data))
    except FileNotFoundError:
        raise InputNotFoundError(source, "no such file") from None
    except IsADirectoryError:
        raise CorruptFileError(source, "a folder, not a file") from None
    except OSError as exc:
        raise AppendixParseError(source, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise FileTooLargeError(source, f"more than {limit:,} bytes")
    return data


def read_text(
    source: Input,
    *,
    format: str | None = None,
    options: Options | Mapping[str, Any] | None = None,
) -> str:
    """The whole document as Unicode text in reading order: paragraphs, and table rows with
    their cells separated by tabs; legacy TCVN3/VNI text decoded run by run.

    Takes what :func:`parse` takes; needs no assessment table. Raises an
    :class:`AppendixParseError` subclass when the file cannot be read.
    """
    settings = Options.resolve(options)
    data, path = load(source, settings)
    grid, _ = read(data, path or "<bytes>", format, settings)
    return grid.text()


def parse(
    source: Input,
    *,
    format: str | None = None,
    options: Options | Mapping[str, Any] | None = None,
) -> Report:
    """Read one appendix (a path, bytes or a binary file object) into a :class:`Report`.

    ``format`` ("docx", "pdf", "text", …) overrides detection from the content; ``options``
    (an :class:`~appendixparse.options.Options` or a mapping of its settings) sets the limits.
    Raises an :class:`AppendixParseError` subclass when the file cannot be read.
    """
    return _run(source, format, Options.resolve(options))[0]


def account(
    source: Input,
    *,
    format: str | None = None,
    options: Options | Mapping[str, Any] | None = None,
) -> Accounting:
    """What became of every table row of ``source`` (see :mod:`appendixparse.table.accounting`):
    parse it as :func:`parse` does, and return the rows' fates instead of the report.

    >>> account("samples/docx-split-table.docx").complete
    True
    """
    return _run(source, format, Options.resolve(options))[1]


def _run(source: Input, format: str | None, settings: Options) -> tuple[Report, Accounting]:
    data, path = load(source, settings)
    name = path or "<bytes>"
    grid, fmt = read(data, name, format, settings)
    tables = find_indicator_tables(grid)
    indicators = build_indicators(tables)
    indicator_fates = [
        RowFate(block, row, "indicator")
        for block in sorted(tables.blocks)
        for row in range(len(getattr(grid.blocks[block], "rows", [])))
    ]
    if tables.parts:
        # The assessment table is looked for among the other tables (the indicator tables'
        # places kept as blank lines, so every row keeps its block's number); a document of
        # indicator tables alone has no records, and its preamble lies above its first form.
        rest = Grid(
            blocks=[Paragraph("") if i in tables.blocks else b for i, b in enumerate(grid.blocks)],
            format=grid.format,
            unplaced=grid.unplaced,
            ocr=grid.ocr,
        )
        try:
            layout = find_layout(rest, name)
        except NoAssessmentTableError:
            layout = Layout(
                columns=[], rows=[], preamble=tables.preamble, unparsed=list(grid.unplaced)
            )
    else:
        layout = find_layout(grid, name)
    assembled = build_records(layout)
    if not assembled.records and not indicators:
        raise NoAppendixFoundError(name, _no_record_reason(layout))
    accounting = Accounting(grid, [*layout.fates, *assembled.fates, *indicator_fates])
    for record, confidence in zip(assembled.records, assembled.confidence):
        record.figures = extract_figures(record.notes, field="notes")
        record.target_figures = extract_figures(record.target, field="target")
        if confidence is not None:  # read by OCR
            with_confidence(record.figures, record.notes, confidence["notes"])
            with_confidence(record.target_figures, record.target, confidence["target"])
    summary, unread = summary_and_reason(layout.preamble, ocr=grid.ocr)
    report = Report(
        source=Source(path=path, format=fmt, sha256=hashlib.sha256(data).hexdigest(), ocr=grid.ocr),
        title=read_title(layout.preamble),
        unit=read_unit(layout.preamble),
        period=read_period(layout.preamble),
        summary=summary,
        sections=assembled.sections,
        groups=assembled.groups,
        records=assembled.records,
        indicators=indicators,
        unparsed=[*layout.unparsed, *assembled.unparsed],
    )
    report.flags = run_checks(report, ocr_min_confidence=settings.ocr_min_confidence)
    if unread:
        report.flags.insert(0, summary_not_read(unread))
    return report, accounting


def _no_record_reason(layout: Layout) -> str:
    """Why a document whose assessment table gives no record holds no appendix."""
    header = " | ".join(c.header for c in layout.columns)
    header = header if len(header) <= 80 else header[:79].rstrip() + "…"
    rows = len(layout.rows)
    return (
        f"no appendix found: the table headed {header!r} gives no record "
        f"({rows} row(s) under its header, none numbered as a target)"
    )
