"""Which notes figure measures a target's thresholds, and the verdict: met, unmet or unknown.

It works in four steps.

1. **Thresholds.** The target's percentages and ratios become *parts*, each with the clause it
   sits in: a range ("từ 80% đến 90%") is one part with two conditions; a list ("tương ứng là
   30%, 20%, 15%") is one part per figure, marked as a list; a part introduced by "trong đó" /
   "trong số đó" is a *sub-threshold* of the part before it; a part whose clause names one
   administrative level ("tại cấp huyện") carries that level. A "giảm"/"tăng" threshold measures
   a change, every other one a level.
2. **Candidates.** A notes percentage or ratio is dropped, with the reason kept as evidence, when
   it is a share in a breakdown ("N người, chiếm tỷ lệ P%", or ratios over one denominator that
   add up to it: "111/238 … toàn trình; 127/238 … một phần"), the part not done ("4,9% … chưa đạt
   chuẩn", "20% … còn lại"), an aim or a proposal ("đề xuất", "phấn đấu" earlier in its
   sentence), about money or a plan's fulfilment where the target speaks of neither ("kinh phí
   giải ngân đạt 80%", "đạt 90% kế hoạch"), or the figure of a year after the period. Where the
   remaining ones belong to several years ("Năm 2021, 2022 … 100%. Năm 2023 … 80%"; "đến nay",
   "hiện nay" are the latest), only the latest year's are kept. A candidate must measure the
   same direction as the threshold (a reduction for "giảm tối thiểu 10%") and be about the same
   thing: share a word with it (abbreviations spelled out, common words ignored), stand alone
   with its year ("Năm 2023: 92%") or follow "đạt"/"tỷ lệ".
3. **Pairing.** One part: the candidate that shares clearly more words with the target, or any
   candidate when all of them give the same verdict; otherwise it is ambiguous. Several parts:
   each candidate goes to the part whose *own* words (those no other part has: "cấp huyện",
   "đất đai, xây dựng") it shares most; a list pairs in order with a list of the same length in
   the notes, and a list without one makes the record not measurable.
4. **Verdict.** A figure is an interval ("trên 80%" is (80, ∞), "đạt 80%" is [80, 80]) and a
   threshold a condition ("tối thiểu 80%" and a bare "80%" are ≥ 80, "trên 80%" is > 80): *met*
   when the interval lies inside, *unmet* when outside, undecided otherwise. So "trên 80%" meets
   both "tối thiểu 80%" and "trên 80%"; "đạt 80%" does not meet "trên 80%"; "trên 70%" says
   nothing about "tối thiểu 80%". The record is *unmet* when any paired part is unmet, *met* when
   every part is met or excused (a sub-threshold whose main part is met; a level above the
   unit's — read from the unit's name, else the highest level the notes speak of), and
   otherwise not measurable, with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any

from ..models import (
    Direction,
    Excluded,
    Exclusion,
    Figure,
    Measurement,
    Pairing,
    PairVerdict,
    Record,
    Threshold,
    Verdict,
)
from ..text.cleaning import fold, fold_words
from ..text.patterns import alternatives, bounded
from . import vocabulary as vocab
from .clauses import (
    Placed,
    contains_any,
    ends_a_breakdown,
    ends_with_word,
    find_words,
    has_word,
    lower,
    place,
    words_re,
)
from .messages import AND, DIRECTIONS, EXCLUDED, Text, join, render
from .wording import as_percent, describe, describe_both


@dataclass(slots=True)
class Part:
    """A threshold of the target: its conditions (two for a range) and its clause."""

    figures: list[Figure]
    clause: str
    direction: Direction
    sub: bool = False  # introduced by "trong đó": a part of the part before it
    main: int | None = None  # the index of that part
    level: str | None = None  # "tỉnh", "huyện", "xã" when the clause names one
    list_id: int | None = None  # parts of one list ("30%, 20%, 15%") share it
    start: int = 0  # where its clause starts in the target
    threshold: Threshold | None = None  # the part as a model, made on first use

    def model(self) -> Threshold:
        """The part as the output's :class:`~appendixparse.models.Threshold` (made once: a
        part is shared by every record of its target, and so is its model)."""
        if self.threshold is None:
            self.threshold = Threshold(
                figures=self.figures,
                clause=self.clause,
                direction=self.direction,
                sub=self.sub,
                main=self.main,
                level=self.level,
                list_id=self.list_id,
            )
        return self.threshold

    def describe(self) -> Text:
        """The threshold as an officer reads it: "tối thiểu 80%", "tối thiểu 80% và tối đa 90%"."""
        return (
            AND[0].join(describe(f) for f in self.figures),
            AND[1].join(describe(f, True) for f in self.figures),
        )


@dataclass(slots=True)
class Candidate:
    """A notes figure that may measure the target."""

    placed: Placed
    direction: Direction
    year: int | None
    stated: Figure | None = None  # the figure as its words read it, when they qualify it

    @property
    def figure(self) -> Figure:
        return self.stated or self.placed.figure

    words: frozenset[str] | None = None  # set by :meth:`about` on first use

    def about(self) -> frozenset[str]:
        """The words of what it is about (:func:`_bag` of the placed figure's ``about``)."""
        if self.words is None:
            self.words = _bag(self.placed.about)
        return self.words


@dataclass(slots=True)
class Pair:
    """A threshold part with the notes figure that measures it, and the verdict."""

    part: Part
    figure: Figure
    clause: str
    verdict: PairVerdict


@dataclass(slots=True)
class _Result:
    """The measurement while it is worked out (:func:`measure` returns it as a model)."""

    verdict: Verdict
    parts: list[Part] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    reason: str = ""
    reason_en: str = ""
    excluded: list[Excluded] = field(default_factory=list)

    def explain(self, key: str, **values: Any) -> None:
        """Set the reason from the message table's ``reason.<key>``."""
        self.reason, self.reason_en = render(f"reason.{key}", **values)

    def model(self) -> Measurement:
        index = {id(p): i for i, p in enumerate(self.parts)}
        return Measurement(
            verdict=self.verdict,
            value=_value(self.pairs),
            thresholds=[p.model() for p in self.parts],
            pairs=[
                Pairing(
                    threshold=index[id(p.part)], figure=p.figure, clause=p.clause, verdict=p.verdict
                )
                for p in self.pairs
            ],
            excluded=self.excluded,
            reason=self.reason,
            reason_en=self.reason_en,
        )


def _value(pairs: list[Pair]) -> float | None:
    """The figure of the first pair that has one, as a percentage (a ratio 09/10 → 90.0)."""
    for pair in pairs:
        figure = pair.figure
        if figure.kind == "percent":
            return figure.value
        if figure.kind == "ratio" and figure.numerator is not None and figure.denominator:
            return round(100 * figure.numerator / figure.denominator, 2)
    return None


def measure(
    record: Record,
    *,
    unit_rank: int | None = None,
    end_year: int | None = None,
    placed: list[Placed] | None = None,
) -> Measurement:
    """Which notes figure measures each of the target's thresholds, and whether it is met.

    ``unit_rank`` (3 province, 2 district, 1 commune) excuses thresholds of higher levels;
    ``end_year`` (the period's last year) drops figures of later years as plans; ``placed``:
    the notes figures already placed in their clauses (else they are placed here).
    """
    return _measure(record, unit_rank, end_year, placed).model()


def _measure(
    record: Record, unit_rank: int | None, end_year: int | None, placed: list[Placed] | None
) -> _Result:
    parts = threshold_parts(record)
    if not parts:
        return _Result("unknown")
    if not any(_is_measure(f) for f in record.figures):
        result = _Result("unknown", parts=parts)  # no candidate, nothing excluded
        result.explain("no_measure_figure")
        return result
    candidates, excluded = notes_candidates(record, end_year=end_year, placed=placed)
    result = _Result("unknown", parts=parts, excluded=excluded)
    if not candidates:
        result.explain("all_excluded", why=_why_excluded(excluded))
        return result
    if any(p.list_id is not None for p in parts) and not _pair_lists(parts, candidates, result):
        listed = next(p for p in parts if p.list_id is not None).list_id
        result.explain(
            "list_unpaired", values=join(", ", [p.describe() for p in parts if p.list_id == listed])
        )
        return result
    rest = [p for p in parts if p.list_id is None]
    used = {id(p.figure) for p in result.pairs}
    free = [c for c in candidates if id(c.figure) not in used]
    if len(parts) == 1:
        _pair_single(parts[0], free, record.target, result)
    elif rest:
        _pair_by_own_words(parts, rest, free, result)
    return _conclude(result, unit_rank, record.notes)


def _why_excluded(excluded: list[Excluded]) -> Text:
    """Why each notes figure was dropped, at most three examples a reason.

    >>> from appendixparse.models import Figure
    >>> f = Figure(kind="percent", value=25, text="25%", span=(0, 3))
    >>> _why_excluded([Excluded(figure=f, reason="proposal")])[0]
    '25% là mục tiêu/đề xuất, không phải kết quả'
    """
    by_reason: dict[Exclusion, list[str]] = {}
    for item in excluded:
        by_reason.setdefault(item.reason, []).append(item.figure.text)
    parts = []
    for reason, texts in by_reason.items():
        shown = ", ".join(texts[:3]) + ("…" if len(texts) > 3 else "")
        parts.append(render("reason.excluded", figures=shown, why=EXCLUDED[reason]))
    return join("; ", parts)


def threshold_parts(record: Record) -> list[Part]:
    """The target's thresholds (percentages and ratios) as parts, in order (see the module).

    The parts are memoised by the target and its figures (a province's units report on the
    same targets) and shared: read them, do not change them.
    """
    figures = [f for f in record.target_figures if _is_measure(f)]
    if not figures:
        return []
    return list(_parts(record.target, _Figures(figures)))


class _Figures:
    """Figures as a memo's key: equal when every field of every figure is (models do not hash)."""

    __slots__ = ("figures", "key")

    def __init__(self, figures: list[Figure]) -> None:
        self.figures = figures
        self.key = tuple(tuple(f.__dict__.values()) for f in figures)

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Figures) and self.key == other.key


@lru_cache(maxsize=4096)
def _parts(text: str, figures: _Figures) -> tuple[Part, ...]:
    """:func:`threshold_parts` of ``text`` and its measuring ``figures``."""
    low = lower(text)
    parts: list[Part] = []
    prev_end = 0
    next_list = 0
    for p in place(text, figures.figures):
        f = p.figure
        gap = low[prev_end : f.span[0]] if parts else ""
        prev_end = f.span[1]
        if parts and gap.strip() in vocab.CHECK_RANGE_WORDS and f.qualifier == "at_most":
            parts[-1].figures.append(f)  # a range: one part, two conditions
            parts[-1].clause = text[parts[-1].start : p.end]
            continue
        part = Part([f], p.clause, _direction(f, p.before), start=p.start)
        if parts and _list_gap().fullmatch(gap):
            if parts[-1].list_id is None:
                parts[-1].list_id = next_list
                next_list += 1
            part.list_id = parts[-1].list_id
        if parts and has_word(vocab.CHECK_SUB_MARKERS, gap):
            part.sub = True
            part.main = next(i for i in range(len(parts) - 1, -1, -1) if not parts[i].sub)
        levels = {_LEVEL_OF[w] for w in find_words(_LEVEL_WORDS, lower(p.clause))}
        part.level = levels.pop() if len(levels) == 1 else None
        parts.append(part)
    if len(parts) == 1:
        parts[0].clause = text
    return tuple(parts)


def notes_candidates(
    record: Record, *, end_year: int | None = None, placed: list[Placed] | None = None
) -> tuple[list[Candidate], list[Excluded]]:
    """The notes figures that may measure the target, and the ones dropped with their reason."""
    text = record.notes
    if placed is None:
        placed = place(text, record.figures)
    low = placed[0].low if placed else lower(text)
    target_low = lower(record.target)
    breakdown_ratios = _breakdown_ratios(record.figures)
    marks = _year_marks(low)
    kept: list[Candidate] = []
    excluded: list[Excluded] = []

    def drop(p: Placed, reason: Exclusion) -> None:
        excluded.append(Excluded(figure=p.figure, reason=reason))

    for p in placed:
        f = p.figure
        if not _is_measure(f):
            continue
        if (f.kind == "percent" and ends_a_breakdown(p.before)) or id(f) in breakdown_ratios:
            drop(p, "breakdown")
            continue
        head = " ".join(p.after.split()[:6])
        negative = set(find_words(vocab.CHECK_NEGATIVE_WORDS, head))
        if negative and not any(has_word((w,), target_low) for w in negative):
            drop(p, "not_done")
        elif has_word(vocab.CHECK_PROPOSAL_WORDS, low[p.sentence : f.span[0]]):
            drop(p, "proposal")
        elif _other_measure(p, head, target_low):
            drop(p, "other_measure")
        elif (
            (year := _year_of(p, marks)) is not None
            and end_year is not None
            and end_year < year < _NOW
        ):
            drop(p, "after_period")
        else:
            stated = None
            if f.qualifier == "exact" and ends_with_word(vocab.CHECK_SHORT_OF_WORDS, p.before):
                stated = f.model_copy(update={"qualifier": "below"})  # "chưa đạt 80%"
            kept.append(Candidate(p, _direction(f, p.before), year, stated))
    years = {c.year for c in kept if c.year is not None}
    if years:
        latest = max(years)
        for c in kept:
            if c.year != latest:
                drop(c.placed, "earlier_year")
        kept = [c for c in kept if c.year == latest]
    return kept, excluded


def _other_measure(p: Placed, head: str, target_low: str) -> bool:
    """A figure about money or a plan's fulfilment, where the target speaks of neither."""
    for words, where in (
        (vocab.CHECK_BUDGET_WORDS, p.before),
        (vocab.CHECK_PLAN_BASE_WORDS, " ".join(head.split()[:3])),
    ):
        if has_word(words, where) and not has_word(words, target_low):
            return True
    return False


def _breakdown_ratios(figures: Iterable[Figure]) -> set[int]:
    """Ratios over one denominator whose numerators add up to it ("111/238", "127/238")."""
    by_den: dict[int, list[Figure]] = {}
    for f in figures:
        if f.kind == "ratio" and f.numerator is not None and f.denominator:
            by_den.setdefault(f.denominator, []).append(f)
    out: set[int] = set()
    for den, group in by_den.items():
        if len(group) > 1 and sum(f.numerator or 0 for f in group) == den:
            out.update(id(f) for f in group)
    return out


def _pair_lists(parts: list[Part], candidates: list[Candidate], result: _Result) -> bool:
    """Pair each target list, in order, with a list of as many figures in the notes."""
    notes_lists = _runs(candidates)
    for list_id in sorted({p.list_id for p in parts if p.list_id is not None}):
        members = [p for p in parts if p.list_id == list_id]
        match = next((run for run in notes_lists if len(run) == len(members)), None)
        if match is None:
            return False
        notes_lists.remove(match)
        for part, cand in zip(members, match, strict=True):
            result.pairs.append(_pair(part, cand))
    return True


def _runs(candidates: list[Candidate]) -> list[list[Candidate]]:
    """Candidates written as a list ("35%, 25% và 20%"): runs of two or more."""
    runs: list[list[Candidate]] = []
    for c in candidates:
        if runs and _list_gap().fullmatch(
            c.placed.low[runs[-1][-1].figure.span[1] : c.figure.span[0]]
        ):
            runs[-1].append(c)
        else:
            runs.append([c])
    return [r for r in runs if len(r) > 1]


def _pair_single(part: Part, candidates: list[Candidate], target: str, result: _Result) -> None:
    """One threshold: the candidate clearly closest to the target, or all when they agree."""
    target_words = _bag(target)
    fitting = [
        c for c in candidates
        if c.direction == part.direction and _relevant(c, target_words)
    ]  # fmt: skip
    if not fitting:
        _explain_none(part, candidates, result)
        return
    chosen = _choose(fitting, target_words, part)
    if chosen is None:
        result.explain("disagree", figures=join(", ", [describe_both(c.figure) for c in fitting]))
        return
    result.pairs.append(_pair(part, chosen))


def _explain_none(part: Part, candidates: list[Candidate], result: _Result) -> None:
    if candidates and all(c.direction != part.direction for c in candidates):
        result.explain(
            "other_direction",
            kind=DIRECTIONS[part.direction],
            figures=join(", ", [describe_both(c.figure) for c in candidates]),
        )
    else:
        result.explain("off_subject")


def _choose(candidates: list[Candidate], words: Set[str], part: Part) -> Candidate | None:
    """The candidate sharing clearly more words with ``words``, or the first when all agree."""
    if len(candidates) == 1:
        return candidates[0]
    scored = sorted(candidates, key=lambda c: -len(c.about() & words))
    best, second = (len(c.about() & words) for c in scored[:2])
    if best >= 2 and best >= 1.5 * second and best - second >= 2:
        return scored[0]
    verdicts = {_verdict(c.figure, part) for c in candidates}
    if len(verdicts) == 1 and verdicts != {"undecided"}:
        return scored[0]
    return None


def _pair_by_own_words(
    parts: list[Part], rest: list[Part], candidates: list[Candidate], result: _Result
) -> None:
    """Several thresholds: each candidate to the part whose own words it shares most."""
    bags = [_bag(p.clause) for p in parts]
    own = []
    for i, bag in enumerate(bags):
        others = set().union(*(b for j, b in enumerate(bags) if j != i))
        own.append(bag - others)
    assigned: dict[int, list[Candidate]] = {}
    loose = []
    for c in candidates:
        words = c.about()
        scores = [
            len(words & own[i]) if parts[i] in rest and parts[i].direction == c.direction else -1
            for i in range(len(parts))
        ]
        best = max(scores)
        if best > 0 and scores.count(best) == 1:
            assigned.setdefault(scores.index(best), []).append(c)
        else:
            loose.append(c)
    if (
        not assigned
        and len(loose) == len(rest)
        and all(c.direction == p.direction for c, p in zip(loose, rest, strict=True))
    ):
        for i, c in zip((parts.index(p) for p in rest), loose, strict=True):
            assigned[i] = [c]  # as many figures as thresholds, none closer to another: in order
    for i, group in sorted(assigned.items()):
        chosen = _choose(group, own[i] | bags[i], parts[i])
        if chosen is not None:
            result.pairs.append(_pair(parts[i], chosen))
    if not result.pairs:
        result.explain("unassigned")


def _pair(part: Part, candidate: Candidate) -> Pair:
    return Pair(part, candidate.figure, candidate.placed.clause, _verdict(candidate.figure, part))


def _conclude(result: _Result, rank: int | None, notes: str) -> _Result:
    """The record's verdict from its pairs (see the module docstring, step 4). ``rank``: the
    unit's level; where it is unknown, the highest level ``notes`` speak of (read only when a
    threshold names a level)."""
    verdicts = {id(p.part): p.verdict for p in result.pairs}
    parts = result.parts
    if rank is None and any(p.level for p in parts):
        rank = _notes_rank(notes)

    def excused(i: int) -> bool:
        part = parts[i]
        if part.level and rank is not None and vocab.CHECK_LEVEL_RANK[part.level] > rank:
            return True
        return part.sub and part.main is not None and verdicts.get(id(parts[part.main])) == "met"

    if any(p.verdict == "unmet" and not excused(parts.index(p.part)) for p in result.pairs):
        result.verdict = "unmet"
        return result
    open_parts = [i for i, p in enumerate(parts) if verdicts.get(id(p)) != "met" and not excused(i)]
    if not open_parts and "met" in verdicts.values():
        result.verdict = "met"
        return result
    result.verdict = "unknown"
    if not result.reason:
        part = parts[open_parts[0]] if open_parts else parts[0]
        pair = next((p for p in result.pairs if p.part is part), None)
        if pair is not None and pair.verdict == "undecided":
            result.explain(
                "undecided", figure=describe_both(pair.figure), threshold=part.describe()
            )
        else:
            result.explain("no_figure_for", threshold=part.describe())
    return result


# A figure as an interval of the true value, a threshold as a condition on it.
_INF = float("inf")


def _interval(f: Figure) -> tuple[float, bool, float, bool]:
    """(low, low open, high, high open) of the value a notes figure states."""
    v = round(as_percent(f), 6)
    q = f.qualifier
    if q in ("at_least", "reduce_at_least", "increase_at_least"):
        return v, False, _INF, True
    if q == "above":
        return v, True, _INF, True
    if q == "below":
        return -_INF, True, v, True
    if q == "at_most":
        return -_INF, True, v, False
    return v, False, v, False


def _condition(f: Figure) -> tuple[float, bool, float, bool]:
    """The values that meet a threshold: those the figure states when it bounds them ("trên",
    "dưới", "tối đa"); else it is met at or above it, a bare "100%" too (SPEC)."""
    if f.qualifier in ("above", "below", "at_most"):
        return _interval(f)
    return round(as_percent(f), 6), False, _INF, True


def _verdict(f: Figure, part: Part) -> PairVerdict:
    """The verdict, "met", "unmet" or "undecided": the figure's interval against every condition."""
    lo, lo_open, hi, hi_open = _interval(f)
    result: PairVerdict = "met"
    for cond in part.figures:
        c_lo, c_lo_open, c_hi, c_hi_open = _condition(cond)
        if f.qualifier == "approx" and lo in (c_lo, c_hi):
            return "undecided"  # "khoảng 80%" against 80%
        above_floor = lo > c_lo or (lo == c_lo and (lo_open or not c_lo_open))
        below_ceiling = hi < c_hi or (hi == c_hi and (hi_open or not c_hi_open))
        if above_floor and below_ceiling:
            continue
        under = hi < c_lo or (hi == c_lo and (hi_open or c_lo_open))
        over = lo > c_hi or (lo == c_hi and (lo_open or c_hi_open))
        if under or over:
            return "unmet"
        result = "undecided"
    return result


# ------------------------------------------------------------------------ years, directions, levels


_NOW = 9999  # "đến nay", "hiện nay": later than any year
_LEVEL_OF = {word: level for level, words in vocab.CHECK_LEVELS.items() for word in words}
_LEVEL_WORDS = tuple(_LEVEL_OF)


@cache
def _list_gap() -> re.Pattern[str]:
    """What may stand between the figures of a list ("30%, 20% và 15%")."""
    joiner = alternatives(vocab.CHECK_LIST_JOINERS)
    return re.compile(rf"\s*(?:,|{joiner}|,\s*(?:{joiner}))?\s*")


@cache
def _years() -> re.Pattern[str]:
    """ "năm 2023", "năm 2021, 2022", "năm 2021 và năm 2022": the years in group 1."""
    year = alternatives((vocab.CHECK_YEAR_WORD,))
    joiner = alternatives(vocab.CHECK_YEAR_JOINERS)
    return re.compile(
        rf"(?:{bounded((vocab.CHECK_YEAR_WORD,))})\s+((?:19|20)\d\d(?:\s*(?:{joiner})\s*(?:{year}\s+)?(?:19|20)\d\d)*)(?!\d)"
    )


@cache
def _year_after() -> re.Pattern[str]:
    """ "(năm 2023)" right after a figure."""
    year = alternatives((vocab.CHECK_YEAR_WORD,))
    return re.compile(rf"\s*\(?\s*{year}\s+((?:19|20)\d\d)(?!\d)")


def _year_marks(low: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of each "năm 2021, 2022" (the latest of a list) and each "đến nay"."""
    marks = []
    for m in _years().finditer(low):
        end = m.start()
        while end and low[end - 1].isspace():
            end -= 1
        if any(low.endswith(w, 0, end) for w in vocab.CHECK_BASELINE_WORDS):
            continue  # "so với năm 2021": a baseline, not the period of what follows
        marks.append((m.start(), m.end(), max(int(y) for y in re.findall(r"\d{4}", m.group(1)))))
    if contains_any(vocab.CHECK_NOW_WORDS, low):
        for m in words_re(vocab.CHECK_NOW_WORDS).finditer(low):
            marks.append((m.start(), m.end(), _NOW))
    return sorted(marks)


def _year_of(p: Placed, marks: list[tuple[int, int, int]]) -> int | None:
    """The year a notes figure belongs to: "(năm 2023)" right after it, else the last before."""
    follows = _year_after().match(p.low, p.figure.span[1])
    if follows:
        return int(follows.group(1))
    before = [year for start, _, year in marks if start < p.figure.span[0]]
    return before[-1] if before else None


def _direction(f: Figure, before: str) -> Direction:
    """What a figure measures, "reduce", "increase" or "level": from its qualifier or the words
    just before it ("giảm 12%"; but "tăng lên 80%" states a level)."""
    if f.qualifier == "reduce_at_least":
        return "reduce"
    if f.qualifier == "increase_at_least":
        return "increase"
    return _direction_of(" ".join(before.split()[-4:]))


@lru_cache(maxsize=4096)
def _direction_of(tail: str) -> Direction:
    """:func:`_direction` of the last words before a figure (memoised: "đạt", "tỷ lệ đạt",
    "giảm" open the figures of every report)."""
    if contains_any(vocab.CHECK_QUALIFIER_PHRASES, tail):
        tail = " ".join(words_re(vocab.CHECK_QUALIFIER_PHRASES).sub(" ", tail).split())
    if ends_with_word(vocab.CHECK_LEVEL_AFTER_CHANGE, tail):
        return "level"
    if has_word(vocab.CHECK_REDUCE_WORDS, tail):
        return "reduce"
    if has_word(vocab.CHECK_INCREASE_WORDS, tail):
        return "increase"
    return "level"


def _relevant(c: Candidate, target_words: Set[str]) -> bool:
    """About the same thing: a shared word, a clause that is nothing but the figure and its
    year ("Năm 2023: 92%"), or the figure follows "đạt" / "tỷ lệ"."""
    if c.about() & target_words or not _bag(c.placed.clause):
        return True
    return has_word(vocab.CHECK_RESULT_WORDS, " ".join(c.placed.before.split()[-4:]))


def unit_rank(unit: str | None) -> int | None:
    """3 for a province-level body, 2 for a district, 1 for a commune, None when unknown."""
    if not unit:
        return None
    folded = fold(unit)
    for word, level in vocab.CHECK_UNIT_LEVEL_WORDS:
        if has_word((word,), folded):
            return vocab.CHECK_LEVEL_RANK[level]
    return None


def _notes_rank(notes: str) -> int | None:
    """The highest administrative level the notes speak of ("cấp huyện, cấp xã" → 2)."""
    low = lower(notes)
    ranks = [
        vocab.CHECK_LEVEL_RANK[level]
        for level, words in vocab.CHECK_LEVELS.items()
        if has_word(words, low)
    ]
    return max(ranks) if ranks else None


def _is_measure(f: Figure) -> bool:
    return f.kind == "percent" or (f.kind == "ratio" and bool(f.denominator or f.value))


@lru_cache(maxsize=4096)
def _bag(text: str) -> frozenset[str]:
    """The words of ``text`` that say what it is about, and their adjacent pairs.

    Memoised: a province's units report on the same targets, so a batch meets each target's
    text (and many notes phrases) again and again; the bags are pure functions of the text.
    """
    tokens = fold_words(text)
    abbreviations, spellings = vocab.CHECK_ABBREVIATIONS, vocab.CHECK_SPELLINGS
    if not abbreviations.keys().isdisjoint(tokens):
        tokens = [w for t in tokens for w in abbreviations.get(t, t).split()]
    if not spellings.keys().isdisjoint(tokens):
        tokens = [spellings.get(w, w) for w in tokens]
    stopwords = vocab.CHECK_STOPWORDS
    words = [
        w for w in tokens if w not in stopwords and (w.isalpha() or not any(map(str.isdigit, w)))
    ]
    return frozenset(words).union(map(" ".join, pairwise(words)))


__all__ = [
    "Candidate",
    "Measurement",
    "Pair",
    "Part",
    "measure",
    "notes_candidates",
    "threshold_parts",
    "unit_rank",
]
