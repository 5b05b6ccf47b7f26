"""The command line: parse, check, consolidate, text, completion. Thin: arguments in, library
calls, output out.

Exit codes, for every command: 0 done; 1 an error flag was found (``check``); 2 bad input or
usage (a missing path, an unknown option, an unreadable file, an output that cannot be
written); 130 interrupted (Ctrl-C). No traceback reaches the terminal for any of them, nor for a
full disk or a closed pipe (``| head``).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, NoReturn

from .errors import AppendixParseError

if TYPE_CHECKING:
    from pathlib import Path

    from .models import Flag, Report

PROG = "appendixparse"
EXAMPLES = {
    "parse": "example: appendixparse parse phu-luc.docx --format table",
    "check": "example: appendixparse check bao-cao/ --severity warning",
    "consolidate": "example: appendixparse consolidate bao-cao/ -o tong-hop.xlsx",
    "text": "example: appendixparse text cong-van-2004.doc -o cong-van-2004.txt",
    "completion": 'example: eval "$(appendixparse completion bash)"',
}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
STDIN = "-"


class UsageError(Exception):
    """A command line that cannot be carried out; printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, with one-line usage errors that suggest the nearest valid option."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def _parser() -> _Parser:
    from . import __version__

    parser = _Parser(
        prog=PROG,
        description="Read Vietnamese administrative-reform appendices into records and flags.",
        epilog="exit codes: 0 done, 1 error flags (check), 2 bad input or usage, 130 interrupted",
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _talk(parser, default=False)
    # The same options after the command ("parse x --quiet"), without overriding those before.
    talk = _Parser(add_help=False)
    _talk(talk, default=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def command(name: str, help: str) -> _Parser:
        return commands.add_parser(
            name, help=help, epilog=EXAMPLES[name], allow_abbrev=False, parents=[talk]
        )

    p = command("parse", "print one report")
    p.add_argument("file", help="the document; - reads it from standard input")
    p.add_argument("-f", "--format", choices=("json", "csv", "table"), default="json",
                   help="json (default): the report; csv: its records; table: to read")  # fmt: skip
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--input-format", help="force the input format (docx, pdf, text, xlsx, …)")
    p.add_argument("--jobs", type=_at_least(1, int), default=1,
                   help="processes reading a scanned PDF's pages at once (default: 1)")  # fmt: skip

    c = command("check", "print the flags; exit 1 on any error flag")
    c.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or glob patterns")
    c.add_argument("--severity", choices=tuple(SEVERITY_ORDER), default="info",
                   help="show flags of this severity and worse (default: info, all)")  # fmt: skip
    c.add_argument("--jobs", type=_at_least(1, int), default=1,
                   help="processes reading a scanned PDF's pages at once (default: 1)")  # fmt: skip

    k = command("consolidate", "many reports into one dataset")
    k.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched)")
    k.add_argument("-o", "--output", required=True, help=".xlsx, .html, .csv, .parquet or .json")
    k.add_argument("--catalogue", help="the province's targets as CSV or JSON")
    k.add_argument("--jobs", type=_at_least(1, int), default=None,
                   help="worker processes (default: cores)")  # fmt: skip
    k.add_argument("--time-limit", type=_at_least(0, float), default=None, metavar="SECONDS",
                   help="give up on a document after this long (default 60; 0: none)")  # fmt: skip
    k.add_argument("--no-progress", action="store_true", help="no progress bar")
    k.add_argument("--lang", choices=("vi", "en"), default="vi",
                   help="language of the workbook and the HTML report (default: vi)")  # fmt: skip

    t = command("text", "print the document as Unicode text (TCVN3/VNI decoded run by run)")
    t.add_argument("file", help="the document; - reads it from standard input")
    t.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    t.add_argument("--input-format", help="force the input format (docx, pdf, text, xlsx, …)")

    s = command("completion", "print a shell completion script")
    s.add_argument("shell", choices=("bash", "zsh"))
    return parser


def _talk(parser: argparse.ArgumentParser, default: object) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true", default=default,
                       help="print only errors on stderr")  # fmt: skip
    group.add_argument("-v", "--verbose", action="store_true", default=default,
                       help="progress and per-file timings on stderr")  # fmt: skip


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


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _options_of(parser: argparse.ArgumentParser) -> list[str]:
    return [o for a in parser._actions for o in a.option_strings]


def _arguments(parser: _Parser, argv: Sequence[str]) -> argparse.Namespace:
    """Parse ``argv``; an unknown option is a usage error naming the nearest valid one."""
    args, extras = parser.parse_known_args(argv)
    if extras:
        sub = _subparsers(parser).get(args.command, parser)
        unknown = next((e for e in extras if e.startswith("-") and e != STDIN), None)
        if unknown is None:
            raise UsageError(f"{sub.prog}: unexpected argument(s): {' '.join(extras)}")
        import difflib

        name = unknown.split("=", 1)[0]
        near = difflib.get_close_matches(name, _options_of(sub) + _options_of(parser), n=1)
        hint = f" (did you mean {near[0]}?)" if near else ""
        raise UsageError(f"{sub.prog}: unknown option {name}{hint}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")
    parser = _parser()
    try:
        args = _arguments(parser, sys.argv[1:] if argv is None else argv)
        run = {"parse": _parse, "check": _check, "consolidate": _consolidate, "text": _text}.get(
            args.command
        )
        code = run(args) if run else _completion(parser, args)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
        return code
    except UsageError as exc:
        _say(str(exc))
        return 2
    except AppendixParseError as exc:
        _say(f"{PROG}: {exc}")
        return 2
    except KeyboardInterrupt:
        _say(f"\n{PROG}: interrupted")
        return 130
    except BrokenPipeError:  # output piped into head & co.: the reader has what it wanted
        _silence_stdout()
        return 0
    except OSError as exc:  # a full disk, a read-only folder
        _silence_stdout()
        where = f"{exc.filename}: " if exc.filename else "standard output: "
        _say(f"{PROG}: {where}cannot be written ({exc.strerror or exc})")
        return 2
    except SystemExit as exit:  # --help and --version
        return int(exit.code or 0)


def _say(line: str) -> None:
    with contextlib.suppress(OSError, ValueError):  # stderr itself may be gone
        print(line, file=sys.stderr, flush=True)


def _silence_stdout() -> None:
    # Python flushes stdout at exit; point it at /dev/null so that flush cannot fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _existing(paths: Sequence[str], *, globs: bool) -> list[str]:
    """``paths`` with glob patterns expanded (for shells that do not, such as PowerShell);
    a path that does not exist is a usage error, before any work."""
    if globs:
        import glob  # for check and consolidate: a parse takes one path as it is
    found: list[str] = []
    for path in paths:
        if path == STDIN:
            found.append(path)
            continue
        if globs and glob.has_magic(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                raise UsageError(f"{PROG}: {path}: no file matches")
            found.extend(matches)
        elif os.path.exists(path):
            found.append(path)
        else:
            raise UsageError(f"{PROG}: {path}: no such file or folder")
    return found


def _read(path: str, input_format: str | None, verbose: bool, jobs: int = 1) -> Report:
    from .pipeline import parse

    started = time.perf_counter()
    source: str | bytes = sys.stdin.buffer.read() if path == STDIN else path
    report = parse(source, format=input_format, options={"ocr_jobs": jobs} if jobs > 1 else None)
    if verbose:
        _say(f"{PROG}: {path}: read in {time.perf_counter() - started:.2f} s")
    return report


@contextmanager
def _destination(output: str | None) -> Iterator[IO[str]]:
    """Standard output, or ``output`` written whole or not at all."""
    if output is None:
        yield sys.stdout
        return
    from pathlib import Path  # with tempfile (atomic_path): for a file output only

    from .atomic import atomic_path

    with atomic_path(Path(output)) as temporary, temporary.open("w", encoding="utf-8") as out:
        yield out


def _parse(args: argparse.Namespace) -> int:
    from .tabular import report_csv_rows, report_table

    [path] = _existing([args.file], globs=False)
    if args.output and (problem := _unwritable(args.output)):
        raise UsageError(f"{PROG}: {args.output}: cannot be written ({problem})")
    report = _read(path, args.input_format, args.verbose, args.jobs)
    with _destination(args.output) as out:
        if args.format == "json":
            out.write(report.to_json() + "\n")
        elif args.format == "csv":
            import csv

            rows = report_csv_rows(report)
            out.write("\ufeff")  # Excel on Windows reads UTF-8 only after a BOM
            writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["id"],
                                    lineterminator="\r\n")  # fmt: skip
            writer.writeheader()
            writer.writerows(rows)
        else:
            out.write(report_table(report) + "\n")
    if report.unparsed and args.format != "json" and not args.quiet:
        first = report.unparsed[0]
        where = ", ".join(f"{k} {v}" for k, v in first.location.model_dump().items() if k != "bbox")
        _say(
            f"{PROG}: {path}: {len(report.unparsed)} piece(s) of the table's text "
            f"could not be placed in a record, e.g. {where or 'in the table'}: "
            f"«{first.text[:80]}» ({first.reason}); --format json lists them all"
        )
    return 0


def _text(args: argparse.Namespace) -> int:
    from .pipeline import read_text

    [path] = _existing([args.file], globs=False)
    if args.output and (problem := _unwritable(args.output)):
        raise UsageError(f"{PROG}: {args.output}: cannot be written ({problem})")
    source: str | bytes = sys.stdin.buffer.read() if path == STDIN else path
    text = read_text(source, format=args.input_format)
    with _destination(args.output) as out:
        out.write(text)
    return 0


def _check(args: argparse.Namespace) -> int:
    from .consolidation.batch import find_documents

    files, missing = find_documents(_existing(args.paths, globs=True), ())
    for outcome in missing:
        _say(f"{PROG}: {outcome.source}: {outcome.reason}")
    if not files:
        raise UsageError(f"{PROG}: no document found in {', '.join(args.paths)}")
    shown = SEVERITY_ORDER[args.severity]
    errors = failed = 0
    counts = dict.fromkeys(SEVERITY_ORDER, 0)
    for file in files:
        try:
            report = _read(file, None, args.verbose, args.jobs)
        except AppendixParseError as exc:
            _say(f"{PROG}: {exc}")
            failed += 1
            continue
        flags = [f for f in report.flags if SEVERITY_ORDER[f.severity] <= shown]
        if flags or not args.quiet:
            print(_flag_block(file, flags))
        for flag in report.flags:
            counts[flag.severity] += 1
        errors += sum(flag.severity == "error" for flag in report.flags)
    read = len(files) - failed
    if not args.quiet:
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
    from pathlib import Path

    from .consolidation import EXPORT_SUFFIXES, consolidate, export
    from .consolidation.batch import DOCUMENT_SUFFIXES

    output = Path(args.output)
    if output.suffix.lower() not in EXPORT_SUFFIXES:
        raise UsageError(f"{PROG}: {output}: the output must end in {', '.join(EXPORT_SUFFIXES)}")
    if problem := _unwritable(output):  # before minutes of parsing, not after
        raise UsageError(f"{PROG}: {output}: cannot be written ({problem})")
    paths = _existing(args.paths, globs=True)
    try:
        result = consolidate(
            paths,
            catalogue=args.catalogue,
            jobs=args.jobs,
            progress=not (args.no_progress or args.quiet) and sys.stderr.isatty(),
            time_limit=args.time_limit,
            exclude=[output],
        )
    except KeyboardInterrupt:  # the workers are stopped by then
        _say(f"\n{PROG}: interrupted; nothing written")
        return 130
    for item in result.errors.itertuples():
        _say(f"{PROG}: {item.source}: {item.reason}")
    if result.documents == 0 and len(result.errors) == 0:  # an empty folder is not unreadable
        _say(f"{PROG}: no document ({', '.join(DOCUMENT_SUFFIXES)}) found in {', '.join(paths)}")
        return 2
    if result.documents == 0:
        _say(f"{PROG}: no input could be read")
        return 2
    export(result, output, lang=args.lang)
    if not args.quiet:
        print(
            f"{result.units} unit(s), {result.documents} document(s), {len(result.records)} rows, "
            f"{len(result.flags)} flag(s), {len(result.errors)} unreadable file(s) → {output}"
        )
    return 0


def _unwritable(path: str | Path) -> str | None:
    """Why ``path`` cannot be written (its folder missing or read-only, it is a folder), or
    None."""
    import tempfile
    from pathlib import Path

    output = Path(path)
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


def _completion(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """A bash (or zsh, through bashcompinit) completion script, made from the parser itself."""
    subs = _subparsers(parser)
    cases = "\n".join(
        f'        {name}) opts="{" ".join(_options_of(sub))}" ;;' for name, sub in subs.items()
    )
    script = f"""# appendixparse completion for bash; zsh: autoload -U bashcompinit && bashcompinit
_appendixparse() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" cmd="" opts="" w
    for w in "${{COMP_WORDS[@]:1:COMP_CWORD-1}}"; do
        case "$w" in -*) ;; *) cmd="$w"; break ;; esac
    done
    case "$cmd" in
{cases}
        *) COMPREPLY=($(compgen -W "{" ".join(subs)} {" ".join(_options_of(parser))}" -- "$cur"))
           return ;;
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}}
complete -o filenames -F _appendixparse appendixparse
"""
    if args.shell == "zsh":
        script = "autoload -U +X bashcompinit && bashcompinit\n" + script
    sys.stdout.write(script)
    return 0


if __name__ == "__main__":
    sys.exit(main())
