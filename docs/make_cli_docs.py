"""Write docs/cli.md from the command line's own --help texts: python docs/make_cli_docs.py."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

from appendixparse.cli import main

DOCS = Path(__file__).resolve().parent
COMMANDS = ("parse", "check", "consolidate", "completion")


def help_text(*argv: str) -> str:
    """What ``appendixparse ARGV --help`` prints, at a fixed width."""
    out = io.StringIO()
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"
    try:
        with contextlib.redirect_stdout(out):
            main([*argv, "--help"])
    finally:
        if previous is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = previous
    return out.getvalue().rstrip()


def cli_markdown() -> str:
    """The whole reference page."""
    parts = [
        "# Command-line reference",
        "",
        "Generated from `--help` by `python docs/make_cli_docs.py`; a test keeps it current.",
        "`python -m appendixparse` is the same program.",
        "",
        "| exit code | meaning |",
        "|---|---|",
        "| 0 | done (for `parse`, whatever the flags; a closed pipe such as `\\| head` too) |",
        "| 1 | `check` found an error flag |",
        "| 2 | bad input or usage: a missing path, an unknown option, an unreadable file, an "
        "output that cannot be written (full disk, read-only folder) |",
        "| 130 | interrupted (Ctrl-C) |",
        "",
        "Every error is one line on stderr naming the file and the reason, never a traceback.",
        "",
        "## appendixparse",
        "",
        "```text",
        help_text(),
        "```",
    ]
    for command in COMMANDS:
        parts += ["", f"## appendixparse {command}", "", "```text", help_text(command), "```"]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    (DOCS / "cli.md").write_text(cli_markdown(), encoding="utf-8")
    print("docs/cli.md written")
