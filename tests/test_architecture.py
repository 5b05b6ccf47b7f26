"""The package's shape: no import cycle, file formats named only in the readers, Vietnamese
words only in the vocabulary and message modules.

The checks read the code, not the prose: docstrings and comments are free to quote formats and
Vietnamese (the doctests do), as are the comments inside verbose regexes. A Vietnamese word is
a run of two or more letters holding a letter only Vietnamese has, in a string literal or a
name; a letter inside a regex character class (``[a-zđ]``) is no word.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "appendixparse"

_VIETNAMESE = "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
VIETNAMESE_LETTERS = frozenset(_VIETNAMESE + _VIETNAMESE.upper())
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_CHARACTER_CLASS = re.compile(r"(?<!\\)\[(?:\\.|[^\]\\])*\]")
_REGEX_COMMENT = re.compile(r"(?m)(?<!\\)#.*$")

# Modules whose job is Vietnamese words or letters.
VIETNAMESE_HOMES = {
    "checks/messages.py": "flag messages, vi and en side by side",
    "checks/vocabulary.py": "the checks' words",
    "table/vocabulary.py": "header, preamble and unit words",
    "text/vocabulary.py": "status, figure and unit words",
    "readers/vocabulary.py": "page furniture",
    "consolidation/vocabulary.py": "the consolidation's words",
    "consolidation/labels.py": "what the officer reads, vi and en side by side",
    "consolidation/messages.py": "the consolidation's messages",
    "text/encodings.py": "the TCVN3 and VNI letter tables",
    "text/cleaning.py": "the tone-placement table (old and new style)",
}
# Modules that still hold Vietnamese words in code, each waiting for its move (issue #13):
# remove a module from here once its words live in a vocabulary or message module.
VIETNAMESE_PENDING: dict[str, str] = {}

_FORMAT_NAME = re.compile(
    r"(?<![a-z])(docx|xlsx|xls|pdf|excel|libreoffice|openpyxl|pdfplumber|lxml)(?![a-z])",
    re.IGNORECASE,
)
# Modules outside readers/ allowed to name file formats, and why.
FORMAT_NAMES_ALLOWED = {
    "cli.py": "the help names the formats a user can force (--input-format)",
    "options.py": "the readers' settings (max_pdf_pages, …), carried by the one Options",
    "consolidation/exports.py": "the output formats it writes (.xlsx, .csv, .parquet, .json)",
    "consolidation/workbook.py": "the officer's workbook it writes (.xlsx) and Excel's limits",
    "consolidation/sheetwriter.py": "the workbook's sheets it writes, within Excel's limits",
    "consolidation/frames.py": "to_excel(), an export",
    "consolidation/labels.py": "an error label naming the converter that is missing",
    "consolidation/batch.py": "the file suffixes a folder is searched for",
}


@functools.cache
def _parsed() -> tuple[tuple[str, ast.Module], ...]:
    return tuple(
        (path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(PACKAGE.rglob("*.py"))
    )


def _modules() -> Iterator[tuple[str, ast.Module]]:
    yield from _parsed()


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _code_texts(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """(line, text) of every string literal that is not a docstring, and of every name."""
    docstrings = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in docstrings:
                continue
            text = node.value
            if "\n" in text:  # a verbose regex: its comments are prose
                text = _REGEX_COMMENT.sub("", text)
            yield node.lineno, text
        elif isinstance(node, ast.Name):
            yield node.lineno, node.id
        elif isinstance(node, ast.Attribute):
            yield node.lineno, node.attr
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield node.lineno, node.name
        elif isinstance(node, ast.arg):
            yield node.lineno, node.arg


def vietnamese_words(tree: ast.Module) -> list[tuple[int, str]]:
    words = []
    for line, text in _code_texts(tree):
        for word in _LETTERS.findall(_CHARACTER_CLASS.sub(" ", text)):
            if VIETNAMESE_LETTERS & set(word):
                words.append((line, word))
    return words


def test_vietnamese_words_only_in_vocabulary_and_message_modules() -> None:
    misplaced = {
        name: words[:5]
        for name, tree in _modules()
        if name not in VIETNAMESE_HOMES
        and name not in VIETNAMESE_PENDING
        and (words := vietnamese_words(tree))
    }
    assert not misplaced, f"Vietnamese words outside the vocabulary modules: {misplaced}"


def test_every_pending_module_still_needs_its_move() -> None:
    done = [name for name, tree in _modules() if name in VIETNAMESE_PENDING]
    done = [name for name, tree in _modules() if name in done and not vietnamese_words(tree)]
    assert not done, f"no Vietnamese word left in {done}: remove them from VIETNAMESE_PENDING"


def test_the_word_finder_finds_words_not_letters() -> None:
    tree = ast.parse('A = "[a-zđ]"\nB = "đạt"\nC = r"""\n  x  # "người"\n"""\ndef f():\n    "Có"\n')
    assert vietnamese_words(tree) == [(2, "đạt")]


def test_no_module_outside_the_readers_names_a_file_format() -> None:
    named = {}
    for name, tree in _modules():
        if name.startswith("readers/") or name in FORMAT_NAMES_ALLOWED:
            continue
        hits = [(line, m.group()) for line, text in _code_texts(tree)
                for m in _FORMAT_NAME.finditer(text)]  # fmt: skip
        if hits:
            named[name] = hits[:5]
    assert not named, f"file formats named outside readers/: {named}"


def _imports(name: str, tree: ast.Module, modules: set[str]) -> set[str]:
    """The package's modules that ``name`` imports, anywhere in it (lazy imports included:
    a cycle broken at run time is still a cycle of knowledge), except under TYPE_CHECKING."""
    dotted = "appendixparse." + name.removesuffix(".py").replace("/", ".")
    package = dotted.removesuffix(".__init__") if name.endswith("__init__.py") else dotted
    package = package if name.endswith("__init__.py") else package.rsplit(".", 1)[0]
    dotted = dotted.removesuffix(".__init__")
    typing_only = {
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for child in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in modules else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in modules and m != dotted}


def test_no_import_cycle() -> None:
    trees = dict(_modules())

    def dotted(name: str) -> str:
        return ("appendixparse." + name.removesuffix(".py").replace("/", ".")).removesuffix(
            ".__init__"
        )

    modules = {dotted(n) for n in trees}
    graph = {dotted(n): _imports(n, tree, modules) for n, tree in trees.items()}
    assert graph["appendixparse.pipeline"] >= {
        "appendixparse.readers",
        "appendixparse.table.layout",
    }
    assert "appendixparse.consolidation" in graph["appendixparse"]  # a lazy import counts
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for imported in sorted(graph[module]):
            if state.get(imported) == 1:
                cycles.append([*path[path.index(imported) :], imported])
            elif imported not in state:
                visit(imported, [*path, imported])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles, " ; ".join(" → ".join(c) for c in cycles)


@pytest.mark.parametrize("name", sorted(VIETNAMESE_HOMES))
def test_listed_homes_exist_or_are_announced(name: str) -> None:
    # The checks helper is adding checks/messages.py; others may not exist yet either.
    assert name.endswith(("vocabulary.py", "messages.py")) or (PACKAGE / name).exists()
