"""The command line: parse, check, consolidate, text. Thin: arguments in, library calls, output
out."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import AppendixParseError
from .models import Flag

EXAMPLES = {
    "parse": "example: appendixparse parse phu-luc.docx --format table",
    "check": "example: appendixparse check bao-cao/*.docx",
    "consolidate": "example: appendixparse consolidate bao-cao/ -o tong-hop.xlsx",
    "text": "example: appendixparse text cong-van-2004.doc > cong-van-2004.txt",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="appendixparse",
        description="Read Vietnamese administrative-reform appendices into records and flags.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("parse", help="print one report", epilog=EXAMPLES["parse"])
    p.add_argument("file")
    p.add_argument("--format", choices=("json", "csv", "table"), default="json")
    p.add_argument("--input-format", help="force the input format (docx, pdf, text, xlsx, …)")

    c = commands.add_parser(
        "check", help="print the flags; exit 1 on any error flag", epilog=EXAMPLES["check"]
    )
    c.add_argument("files", nargs="+")

    k = commands.add_parser(
        "consolidate", help="many reports into one dataset", epilog=EXAMPLES["consolidate"]
    )
    k.add_argument("paths", nargs="+", help="files or folders (searched for documents)")
    k.add_argument("-o", "--output", required=True, help=".xlsx, .csv, .parquet or .json")
    k.add_argument("--catalogue", help="the province's targets as CSV or JSON")
    k.add_argument(
        "--jobs", type=_at_least(1, int), default=None, help="worker processes (default: cores)"
    )
    k.add_argument(
        "--time-limit",
        type=_at_least(0, float),
        default=None,
        metavar="SECONDS",
        help="give up on a document after this long (default: 60; 0: no limit)",
    )
    k.add_argument("--no-progress", action="store_true", help="no progress bar")

    t = commands.add_parser(
        "text",
        help="print the document as Unicode text (legacy TCVN3/VNI decoded)",
        epilog=EXAMPLES["text"],
    )
    t.add_argument("file")
    t.add_argument("--input-format", help="force the input format (docx, pdf, text, xlsx, …)")
    return parser


def _at_least(low: float, kind: type) -> Callable[[str], float]:
    """An argparse type: a number of ``kind`` no smaller than ``low``."""

    def convert(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}, not {text}")
        return value

    return convert


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")
    args = _parser().parse_args(argv)
    try:
        if args.command == "parse":
            return _parse(args)
        if args.command == "check":
            return _check(args)
        if args.command == "text":
            return _text(args)
        return _consolidate(args)
    except AppendixParseError as exc:
        print(f"appendixparse: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into head & co.
        sys.stderr.close()
        return 0


def _parse(args: argparse.Namespace) -> int:
    from .pipeline import parse
    from .tabular import RECORD_COLUMNS, record_rows, report_table

    report = parse(args.file, format=args.input_format)
    if args.format == "json":
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=RECORD_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(record_rows(report))
    else:
        print(report_table(report))
    if report.unparsed and args.format != "json":  # JSON lists them; the records alone do not
        first = report.unparsed[0]
        where = ", ".join(f"{k} {v}" for k, v in first.location.model_dump().items() if k != "bbox")
        print(
            f"appendixparse: {args.file}: {len(report.unparsed)} piece(s) of the table's text "
            f"could not be placed in a record, e.g. {where or 'in the table'}: "
            f"«{first.text[:80]}» ({first.reason}); --format json lists them all",
            file=sys.stderr,
        )
    return 0


def _text(args: argparse.Namespace) -> int:
    from .pipeline import read_text

    sys.stdout.write(read_text(args.file, format=args.input_format))
    return 0


def _check(args: argparse.Namespace) -> int:
    from .pipeline import parse

    errors = failed = 0
    counts = {"error": 0, "warning": 0, "info": 0}
    for file in args.files:
        try:
            report = parse(file)
        except AppendixParseError as exc:
            print(f"appendixparse: {exc}", file=sys.stderr)
            failed += 1
            continue
        print(_flag_block(file, report.flags))
        for flag in report.flags:
            counts[flag.severity] += 1
        errors += sum(flag.severity == "error" for flag in report.flags)
    read = len(args.files) - failed
    print(
        f"{read} file(s): {counts['error']} error(s), {counts['warning']} warning(s), "
        f"{counts['info']} note(s)" + (f"; {failed} unreadable" if failed else "")
    )
    if errors:
        return 1
    return 2 if failed and not read else 0


def _flag_block(file: str, flags: Sequence[Flag]) -> str:
    """One file's flags: a line per flag (severity, code, record), its message wrapped below."""
    import shutil
    import textwrap

    if not flags:
        return f"{file}: no flags\n"
    width = max(60, shutil.get_terminal_size((100, 24)).columns)
    code_width = max(len(f.code) for f in flags)
    lines = [f"{file}: {len(flags)} flag(s)"]
    for flag in flags:
        lines.append(f"  {flag.severity:<7}  {flag.code:<{code_width}}  {flag.record or '-'}")
        lines += textwrap.wrap(flag.message, width - 4, initial_indent="    ",
                               subsequent_indent="    ")  # fmt: skip
    return "\n".join(lines) + "\n"


def _consolidate(args: argparse.Namespace) -> int:
    from .consolidation import EXPORT_SUFFIXES, consolidate, export
    from .consolidation.batch import DOCUMENT_SUFFIXES

    output = Path(args.output)
    if output.suffix.lower() not in EXPORT_SUFFIXES:
        print(
            f"appendixparse: {output}: the output must end in {', '.join(EXPORT_SUFFIXES)}",
            file=sys.stderr,
        )
        return 2
    if problem := _unwritable(output):  # before minutes of parsing, not after
        print(f"appendixparse: {output}: cannot be written ({problem})", file=sys.stderr)
        return 2
    try:
        result = consolidate(
            args.paths,
            catalogue=args.catalogue,
            jobs=args.jobs,
            progress=not args.no_progress and sys.stderr.isatty(),
            time_limit=args.time_limit,
            exclude=[output],
        )
    except KeyboardInterrupt:  # the workers are stopped by then
        print("\nappendixparse: interrupted; nothing written", file=sys.stderr)
        return 130
    for item in result.errors.itertuples():
        print(f"appendixparse: {item.source}: {item.reason}", file=sys.stderr)
    if result.documents == 0 and len(result.errors) == 0:  # an empty folder is not unreadable
        print(
            f"appendixparse: no document ({', '.join(DOCUMENT_SUFFIXES)}) found in "
            f"{', '.join(args.paths)}",
            file=sys.stderr,
        )
        return 2
    if result.documents == 0:
        print("appendixparse: no input could be read", file=sys.stderr)
        return 2
    try:
        export(result, output)
    except OSError as exc:
        print(
            f"appendixparse: {output}: cannot be written ({exc.strerror or exc})", file=sys.stderr
        )
        return 2
    print(
        f"{result.units} unit(s), {result.documents} document(s), {len(result.records)} rows, "
        f"{len(result.flags)} flag(s), {len(result.errors)} unreadable file(s) → {output}"
    )
    return 0


def _unwritable(output: Path) -> str | None:
    """Why ``output`` cannot be written (its folder missing or read-only, it is a folder), or
    None."""
    import tempfile

    folder = output.parent
    if output.is_dir():
        return "it is a folder"
    if not folder.is_dir():
        return f"the folder {folder} does not exist"
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".appendixparse-"):
            pass
    except OSError as exc:
        return f"the folder {folder} is not writable: {exc.strerror or exc}"
    return None


if __name__ == "__main__":
    sys.exit(main())
