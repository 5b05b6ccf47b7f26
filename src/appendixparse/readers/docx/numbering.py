"""List numbering as Word draws it ("1.", "a)", "-", "•"): definitions from the numbering part,
counters kept per abstract list while the walk goes through the document."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.parts.numbering import NumberingPart

from .names import Names, child_val, first, to_int
from .package import WordPackage

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip
# Bullets drawn with symbol fonts, by their private-use code.
SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf076": "❖",
                  "\uf0a8": "◦", "\uf06c": "●", "\uf06e": "■", "\uf0e0": "➢"}  # fmt: skip
_LEVEL_REF = re.compile(r"%([1-9])")


def format_number(value: int, fmt: str) -> str:
    """``value`` in the list number format ``fmt`` ("lowerLetter", "upperRoman", …)."""
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while value > 0:
            value, rem = divmod(value - 1, 26)
            letters = chr(ord("a") + rem) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        out = ""
        for number, numeral in _ROMAN:
            while value >= number:
                out += numeral
                value -= number
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    suffix: str = "tab"


class Numbering:
    """List numbering as Word draws it: counters per list, reset by higher levels.

    Word counts per abstract list, not per ``w:num``: two lists over one abstract list continue
    one sequence (a table part pasted or split off keeps counting), and a ``w:num`` with a
    ``startOverride`` restarts that sequence where it is first used ("Restart at 1").
    """

    def __init__(self, root: Any | None, n: Names) -> None:
        self.n = n
        self.levels: dict[str, dict[int, _Level]] = {}
        self.counters: dict[str, dict[int, int]] = {}  # by abstract list
        self.abstract_of: dict[str, str] = {}  # num id -> abstract list id
        self.restarts: dict[str, set[int]] = {}  # num id -> levels it restarts when first used
        if root is None:
            return
        abstract: dict[str, dict[int, _Level]] = {}
        for element in root.iter(n.abstractNum):
            abstract[element.get(n.abstractNumId) or ""] = {
                to_int(lvl.get(n.ilvl)): self._level(lvl) for lvl in element.iter(n.lvl)
            }
        for num in root.iter(n.num):
            num_id = num.get(n.numId)
            base = child_val(num, n.abstractNumId, n)
            if num_id is None or base not in abstract:
                continue
            levels = dict(abstract[base])
            self.abstract_of[num_id] = base
            for override in num.iter(n.lvlOverride):
                ilvl = to_int(override.get(n.ilvl))
                level = first(override, n.lvl)
                if level is not None:
                    levels[ilvl] = self._level(level)
                start = child_val(override, n.startOverride, n)
                if start is not None and start.isdigit() and ilvl in levels:
                    self.restarts.setdefault(num_id, set()).add(ilvl)
                    old = levels[ilvl]
                    levels[ilvl] = _Level(int(start), old.fmt, old.text, old.restart, old.suffix)
            self.levels[num_id] = levels

    def _level(self, element: Any) -> _Level:
        n = self.n
        start = child_val(element, n.start, n)
        restart = child_val(element, n.lvlRestart, n)
        return _Level(
            start=int(start) if start and start.isdigit() else 1,
            fmt=child_val(element, n.numFmt, n) or "decimal",
            text=child_val(element, n.lvlText, n) or "",
            restart=int(restart) if restart and restart.isdigit() else None,
            suffix=child_val(element, n.suff, n) or "tab",
        )

    def label(self, num_id: str, ilvl: int) -> str:
        """The label of the next paragraph of list ``num_id`` at level ``ilvl`` ("" for none)."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(self.abstract_of.get(num_id, num_id), {})
        level = levels[ilvl]
        if ilvl in self.restarts.get(num_id, ()):
            self.restarts[num_id].discard(ilvl)
            counters.pop(ilvl, None)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            if levels.get(deeper, _Level()).restart != 0:
                del counters[deeper]
        if level.fmt == "none":
            return ""
        if level.fmt == "bullet":
            text = "".join(SYMBOL_BULLETS.get(c, "•" if "\uf000" <= c <= "\uf0ff" else c)
                           for c in level.text)  # fmt: skip
        else:

            def number(m: re.Match[str]) -> str:
                k = int(m.group(1)) - 1
                lv = levels.get(k, _Level())
                return format_number(counters.get(k, lv.start), lv.fmt)

            text = _LEVEL_REF.sub(number, level.text)
        text = text.strip()
        return f"{text} " if text and level.suffix != "nothing" else text


def read_numbering(package: WordPackage, n: Names) -> Numbering:
    """The numbering of ``package``'s numbering part, parsed by python-docx (none without one)."""
    part = package.related(RT.NUMBERING)
    parsed = package.parsed(part, NumberingPart) if part is not None else None
    return Numbering(parsed.element if parsed is not None else None, n)
