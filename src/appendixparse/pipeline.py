"""parse(): bytes → grid → layout → records → figures → checks → Report."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Mapping
from typing import Any, BinaryIO

from .checks.flags import run_checks, summary_not_read
from .errors import AppendixParseError, CorruptFileError, FileTooLargeError, InputNotFoundError
from .models import Report, Source
from .options import DEFAULT_OPTIONS, Options
from .readers import read
from .table.layout import find_layout
from .table.preamble import read_period, read_title, read_unit, summary_and_reason
from .table.records import build_records
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
            data = file.read(limit + 1)  # the file may have grown since stat()
    except FileNotFoundError:
        raise InputNotFoundError(source, "no such file") from None
    except IsADirectoryError:
        raise CorruptFileError(source, "a folder, not a file") from None
    except OSError as exc:
        raise AppendixParseError(source, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise FileTooLargeError(source, f"more than {limit:,} bytes")
    return data


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
    settings = Options.resolve(options)
    data, path = load(source, settings)
    name = path or "<bytes>"
    grid, fmt = read(data, name, format, settings)
    layout = find_layout(grid, name)
    assembled = build_records(layout)
    for record in assembled.records:
        record.figures = extract_figures(record.notes, field="notes")
        record.target_figures = extract_figures(record.target, field="target")
    summary, unread = summary_and_reason(layout.preamble)
    report = Report(
        source=Source(path=path, format=fmt, sha256=hashlib.sha256(data).hexdigest()),
        title=read_title(layout.preamble),
        unit=read_unit(layout.preamble),
        period=read_period(layout.preamble),
        summary=summary,
        sections=assembled.sections,
        groups=assembled.groups,
        records=assembled.records,
        unparsed=[*layout.unparsed, *assembled.unparsed],
    )
    report.flags = run_checks(report)
    if unread:
        report.flags.insert(0, summary_not_read(unread))
    return report
