"""Align a unit's rows to the catalogue: by text similarity within sections, then across them.

Units renumber, drop, add, reorder and retype rows, so a row's id alone cannot say which
target it reports on. Each row is scored against the catalogue's targets (rapidfuzz on the
folded text without tone marks, so typos and missing diacritics cost little); pairs are taken
greedily, best score first, within the row's section, then any row still alone against any
target still free, with a stricter threshold. An equal id adds a small bonus; an equal id with
near-identical text is taken at once (the common case, and the fast one).

Before any of that, the document is judged as a whole (:func:`programme_fit`): a short row
whose few words a long target happens to hold scores high, so a report of another programme (a
statistics appendix, another province's plan) would "align" to unrelated targets. A report
aligns only when enough of the catalogue's targets are each reported on by a row that says
them closely — in about as many words, or several words of its own all in the target.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ..models import Record
from .catalogue import Catalogue, text_key

__all__ = ["Alignment", "Fit", "align", "programme_fit", "similarity"]

SECTION_THRESHOLD = 65.0  # a row and a target of the same section
GLOBAL_THRESHOLD = 80.0  # a row and a target of different sections
SAME_STT_BONUS = 10.0
FAST_PATH = 90.0  # equal id and at least this similarity: matched without further search
SECTION_TITLE_THRESHOLD = 70.0
# The programme fit: a row reports closely on a target when word order aside they are alike
# (token_sort_ratio) at CLOSE_SCORE, or the target holds all but a few of the row's words
# (token_set_ratio at CONTAINED_SCORE) and the row has CONTAINED_WORDS distinct words of its own.
# A report fits the catalogue when the targets so reported on are PROGRAMME_SHARE of the
# targets it could report on (as many as the smaller of its rows and the catalogue). Measured
# on the samples (the least: a department's 10 rows, 0.4) and on a province's CCHC report of
# another programme (123 rows, 6 of 35 targets: 0.17).
CLOSE_SCORE = 70.0
CONTAINED_SCORE = 90.0
CONTAINED_WORDS = 6
PROGRAMME_SHARE = 0.3


def similarity(a: str, b: str, **_: object) -> float:
    """How alike two matching keys are, 0–100: word order ignored, and a text that keeps only
    some of the other's words (a shortened target) still scores high, a little less."""
    return max(fuzz.token_sort_ratio(a, b), fuzz.token_set_ratio(a, b) - 10.0)


@dataclass
class Alignment:
    """Which row reports on which target.

    ``matches`` maps a catalogue position to (row index, score); ``unmatched`` lists the rows
    no target took, with the closest target's id and score.
    """

    matches: dict[int, tuple[int, float]] = field(default_factory=dict)
    unmatched: list[tuple[int, str | None, float]] = field(default_factory=list)

    def target_of(self) -> dict[int, int]:
        """Row index → catalogue position, for the rows that matched."""
        return {row: position for position, (row, _) in self.matches.items()}


@dataclass(frozen=True, slots=True)
class Fit:
    """How a report fits the catalogue's programme: ``targets`` reported on closely, of the
    ``possible`` (the smaller of its rows and the catalogue's targets)."""

    targets: int
    possible: int

    @property
    def share(self) -> float:
        return self.targets / self.possible if self.possible else 1.0

    @property
    def fits(self) -> bool:
        """Whether the report looks like one on the catalogue's programme."""
        return self.share >= PROGRAMME_SHARE


def programme_fit(records: Sequence[Record], catalogue: Catalogue) -> Fit:
    """How ``records`` (one report's rows) fit the programme of ``catalogue``."""
    keys = [text_key(r.target) for r in records]
    possible = min(len(keys), len(catalogue))
    if not possible:
        return Fit(0, possible)
    close = process.cdist(keys, catalogue.keys, scorer=fuzz.token_sort_ratio)
    contained = process.cdist(keys, catalogue.keys, scorer=fuzz.token_set_ratio)
    reported: set[int] = set()
    for i, key in enumerate(keys):
        best = int(close[i].argmax())
        if close[i, best] >= CLOSE_SCORE:
            reported.add(best)
        elif len(set(key.split())) >= CONTAINED_WORDS:
            best = int(contained[i].argmax())
            if contained[i, best] >= CONTAINED_SCORE:
                reported.add(best)
    return Fit(len(reported), possible)


def align(records: Sequence[Record], catalogue: Catalogue) -> Alignment:
    """Match ``records`` (one unit's rows) to the targets of ``catalogue``."""
    result = Alignment()
    keys = [text_key(r.target) for r in records]
    free_rows = set(range(len(records)))
    free_targets = set(range(len(catalogue)))

    # The fast path: same id, near-identical text.
    for i, record in enumerate(records):
        position = catalogue.find(record.id)
        if position is None or position not in free_targets:
            continue
        score = similarity(keys[i], catalogue.keys[position])
        if score >= FAST_PATH:
            _take(result, free_rows, free_targets, i, position, score)

    sections = _section_map(records, catalogue)
    groups: dict[str | None, list[int]] = {}
    for i in sorted(free_rows):
        groups.setdefault(sections.get(records[i].section), []).append(i)
    for section, rows in groups.items():
        targets = sorted(
            p for p in free_targets if section is None or catalogue.targets[p].section == section
        )
        _greedy(result, records, keys, catalogue, rows, targets, SECTION_THRESHOLD, bonus=True)
        free_rows.difference_update(r for r, _ in result.matches.values())
        free_targets.difference_update(result.matches)

    # Rows placed under another section than the catalogue's.
    _greedy(
        result,
        records,
        keys,
        catalogue,
        sorted(free_rows),
        sorted(free_targets),
        GLOBAL_THRESHOLD,
        bonus=False,
    )
    taken = {r for r, _ in result.matches.values()}
    for i in range(len(records)):
        if i not in taken:
            result.unmatched.append((i, *_closest(keys[i], catalogue)))
    return result


def _take(
    result: Alignment,
    free_rows: set[int],
    free_targets: set[int],
    row: int,
    position: int,
    score: float,
) -> None:
    result.matches[position] = (row, round(score, 1))
    free_rows.discard(row)
    free_targets.discard(position)


def _greedy(
    result: Alignment,
    records: Sequence[Record],
    keys: list[str],
    catalogue: Catalogue,
    rows: list[int],
    targets: list[int],
    threshold: float,
    *,
    bonus: bool,
) -> None:
    """Take (row, target) pairs best first while both are free and the score clears the bar."""
    if not rows or not targets:
        return
    scores = process.cdist(
        [keys[i] for i in rows], [catalogue.keys[p] for p in targets], scorer=similarity
    )
    pairs = []
    for a, i in enumerate(rows):
        for b, p in enumerate(targets):
            score = float(scores[a, b])
            same = bonus and records[i].stt == catalogue.targets[p].stt
            effective = score + (SAME_STT_BONUS if same else 0.0)
            if effective >= threshold:
                pairs.append((-effective, -score, i, p, score))
    pairs.sort()
    used_rows: set[int] = set()
    used_targets: set[int] = set()
    for _, _, i, p, score in pairs:
        if i in used_rows or p in used_targets:
            continue
        used_rows.add(i)
        used_targets.add(p)
        result.matches[p] = (i, round(score, 1))


def _section_map(records: Sequence[Record], catalogue: Catalogue) -> dict[str | None, str | None]:
    """Each section of the unit's table → the catalogue section it stands for.

    The same numeral with a similar (or no) title; else the catalogue section with the most
    similar title; else the same numeral. Sections the catalogue lacks map to None (all).
    """
    titles = catalogue.section_titles
    mapping: dict[str | None, str | None] = {}
    for record in records:
        numeral = record.section
        if numeral in mapping:
            continue
        title = text_key(record.section_title or "")
        if numeral in titles and (
            not title
            or not titles[numeral]
            or fuzz.token_sort_ratio(title, text_key(titles[numeral] or "")) >= 60
        ):
            mapping[numeral] = numeral
            continue
        best = (
            process.extractOne(
                title,
                {s: text_key(t or "") for s, t in titles.items() if t},
                scorer=fuzz.token_sort_ratio,
                score_cutoff=SECTION_TITLE_THRESHOLD,
            )
            if title
            else None
        )
        if best is not None:
            mapping[numeral] = best[2]
        else:
            mapping[numeral] = numeral if numeral in titles else None
    return mapping


def _closest(key: str, catalogue: Catalogue) -> tuple[str | None, float]:
    best = process.extractOne(key, catalogue.keys, scorer=similarity)
    if best is None:
        return None, 0.0
    return catalogue.targets[best[2]].id, round(float(best[1]), 1)
