"""The catalogue of a province's targets: the one shipped with the package, or a user's CSV/JSON."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import AppendixParseError
from ..text.cleaning import clean, fold, strip_accents
from ..text.numbering import parse_section

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DEFAULT_CATALOGUE", "Catalogue", "CatalogueError", "Target", "load_catalogue"]

DEFAULT_CATALOGUE = "catalogue-nq76-quang-tri.csv"
COLUMNS = ("id", "section", "section_title", "stt", "target")


class CatalogueError(AppendixParseError):
    """A catalogue file is missing, unreadable or lacks the columns a catalogue needs."""


@dataclass(frozen=True, slots=True)
class Target:
    """One target of the catalogue: its id ("II.11"), section, STT and canonical text."""

    id: str
    section: str | None
    section_title: str | None
    stt: str
    target: str


@dataclass
class Catalogue:
    """The targets every unit reports on, in the order the province lists them."""

    targets: list[Target]
    source: str = "<catalogue>"
    _index: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    keys: list[str] = field(default_factory=list, init=False, repr=False)
    """Each target's text as a matching key (see :func:`text_key`), in catalogue order."""

    def __post_init__(self) -> None:
        self._index = {t.id: i for i, t in enumerate(self.targets)}
        self.keys = [text_key(t.target) for t in self.targets]  # once, shipped to workers

    def __len__(self) -> int:
        return len(self.targets)

    def find(self, target_id: str) -> int | None:
        """The target's position in catalogue order, or None when the catalogue lacks the id."""
        return self._index.get(target_id)

    @cached_property
    def section_titles(self) -> dict[str | None, str | None]:
        """Section numeral → title, in catalogue order."""
        titles: dict[str | None, str | None] = {}
        for t in self.targets:
            titles.setdefault(t.section, t.section_title)
        return titles

    def frame(self) -> pd.DataFrame:
        """The catalogue as a DataFrame with the columns id, section, section_title, stt, target."""
        import pandas as pd

        return pd.DataFrame(
            [[getattr(t, c) for c in COLUMNS] for t in self.targets], columns=list(COLUMNS)
        )


def text_key(text: str) -> str:
    """A target's text for fuzzy matching: folded, without tone marks ("Tỷ lệ" → "ty le")."""
    return strip_accents(fold(text))


def load_catalogue(source: Any = None) -> Catalogue:
    """A :class:`Catalogue` from ``source``.

    ``source`` is None (the shipped catalogue of the Quảng Trị appendix), a Catalogue, a path
    to a ``.csv`` or ``.json`` file, a pandas DataFrame or an iterable of mappings. Columns:
    ``id`` and ``target`` (required), ``section``, ``section_title``, ``stt`` (taken from the
    id when absent: "II.11" is section "II", STT "11"). Raises :class:`CatalogueError`.
    """
    if source is None:
        text = (
            resources.files("appendixparse")
            .joinpath("data")
            .joinpath(DEFAULT_CATALOGUE)
            .read_text(encoding="utf-8")
        )
        return _from_rows(_csv_rows(text), f"appendixparse/data/{DEFAULT_CATALOGUE}")
    if isinstance(source, Catalogue):
        return source
    if isinstance(source, (str, os.PathLike)):
        return _from_file(Path(source))
    if hasattr(source, "to_dict") and hasattr(source, "columns"):  # a pandas DataFrame
        return _from_rows(source.to_dict(orient="records"), "<DataFrame>")
    if isinstance(source, Iterable):
        return _from_rows(list(source), "<catalogue>")
    raise CatalogueError(None, f"a catalogue cannot be made from {type(source).__name__}")


def _from_file(path: Path) -> Catalogue:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogueError(path, f"the catalogue cannot be read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CatalogueError(path, "the catalogue is not UTF-8 text") from None
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CatalogueError(path, f"the catalogue is not valid JSON ({exc.msg})") from None
        rows = loaded.get("targets") if isinstance(loaded, dict) else loaded
        if not isinstance(rows, list):
            raise CatalogueError(
                path, 'a JSON catalogue is a list of targets or {"targets": [...]}'
            )
        return _from_rows(rows, str(path))
    if suffix in (".csv", ".txt", ".tsv"):
        return _from_rows(_csv_rows(text), str(path))
    raise CatalogueError(path, "a catalogue is a .csv or .json file")


def _csv_rows(text: str) -> list[dict[str, str]]:
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    if sample.count(";") > max(sample.count(","), sample.count("\t")):
        delimiter = ";"  # Excel's CSV in locales with a decimal comma
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


_ID = re.compile(r"^(?P<section>[IVXLC]+)\.(?P<stt>.+)$")


def _from_rows(rows: list[Any], source: str) -> Catalogue:
    targets: list[Target] = []
    seen: set[str] = set()
    for number, raw in enumerate(rows, start=1):
        if not isinstance(raw, Mapping):
            raise CatalogueError(source, f"entry {number} is not a row of named columns")
        row = {str(k).strip().lower(): _text(v) for k, v in raw.items() if k is not None}
        missing = [c for c in ("id", "target") if c not in row]
        if missing:
            raise CatalogueError(source, f"the catalogue has no {', '.join(missing)} column")
        target_id, text = row["id"], row["target"]
        if not target_id and not text:
            continue  # a blank line
        if not target_id or not text:
            raise CatalogueError(source, f"row {number}: every target needs an id and a text")
        if target_id in seen:
            raise CatalogueError(source, f"row {number}: the id {target_id} appears twice")
        seen.add(target_id)
        m = _ID.match(target_id)
        section = row.get("section") or (m.group("section") if m else None)
        if section and (found := parse_section(section)):
            section = found[0]
        stt = row.get("stt") or (m.group("stt") if m else target_id)
        targets.append(
            Target(target_id, section or None, row.get("section_title") or None, stt, text)
        )
    if not targets:
        raise CatalogueError(source, "the catalogue holds no target")
    return Catalogue(targets, source)


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):  # None or NaN
        return ""
    return clean(str(value))
