"""The checks of indicator tables: the arithmetic a form carries between its rows.

Each check is a pure function of the report's indicators, and raises only where the names say
what the arithmetic is, so that a form's unrelated rows are never added up:

- ``indicator_sum_mismatch``: a "Tổng số …" total over two or more children told apart by
  their level ("… cấp tỉnh", "… cấp xã"; one level each, same unit) that do not add up to it
  (a child of another kind, "Số TTHC ngành dọc", is no part); children opening with "Trong
  đó" that add up to more than their total; in a scoring table, a criterion's self-assessed
  score that its sub-criteria's scores do not make (every sub-criterion scored).
- ``indicator_rate_mismatch``: a "Tỷ lệ …" row whose numerator and denominator are listed
  with it, off by more than one unit of its last written decimal ("99,10" tolerates 0.01,
  "100" 1). They are its two children, both counts (the first the denominator, as forms
  write them: "Tổng số hồ sơ" then "Số hồ sơ đúng hạn"), or else two siblings: one "Tổng số
  X" and one "Số X" about the same X as the rate. A rate against a baseline ("so với năm
  2015") or with a zero denominator is left alone.
- ``indicator_out_of_range``: a share ("%", "Tỷ lệ") above 100% (not a growth rate), a
  negative count, a self-assessed score above the criterion's maximum.
- ``indicator_unit_mismatch`` (warning): a "%" row named as a count ("Số …"), a count with
  decimals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..models import Flag, FlagCode, Indicator
from ..text.cleaning import fold
from ..text.values import value_decimals
from . import vocabulary as vocab
from .messages import Text, Values, render
from .registry import make_flag
from .wording import format_count, format_number, shorten

CODES: tuple[str, ...] = (
    "indicator_sum_mismatch",
    "indicator_rate_mismatch",
    "indicator_out_of_range",
    "indicator_unit_mismatch",
)
_EPSILON = 1e-9


def _words(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _opener(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"^(?:{alternatives})(?!\w)\s*")


_RATE = _opener(vocab.INDICATOR_RATE_OPENERS)
_TOTAL = _opener(vocab.INDICATOR_TOTAL_OPENERS)
_COUNT = _opener(vocab.INDICATOR_COUNT_OPENERS)
_SUBSET = _opener(vocab.INDICATOR_SUBSET_WORDS)
_SUBSET_AFTER = re.compile(
    r"(?:{})\s*$".format("|".join(re.escape(w) for w in vocab.INDICATOR_SUBSET_WORDS))
)
_LEVEL = _words(vocab.INDICATOR_LEVEL_WORDS)
_BASELINE = _words(vocab.INDICATOR_BASELINE_WORDS)
_GROWTH = _words(vocab.INDICATOR_GROWTH_WORDS)
_SUBJECT_WORDS = 2  # "hồ sơ", "văn bản": the words after the opener that name what is counted


def indicator_flags(indicators: Sequence[Indicator]) -> list[Flag]:
    """Every flag of the indicator checks, in the indicators' order."""
    tree = _Tree(indicators)
    flags: list[Flag] = []
    for ind in indicators:
        found = [
            *_sum_mismatch(ind, tree),
            *_rate_mismatch(ind, tree),
            *_out_of_range(ind),
            *_unit_mismatch(ind),
        ]
        flags += [
            make_flag(code, ind.id, evidence, message=key, **values)
            for code, key, values, evidence in found
        ]
    return flags


# (code, message entry, the message's values, evidence)
_Found = tuple[FlagCode, str, dict[str, Values], dict[str, Any]]


class _Tree:
    """Children of each indicator, in document order."""

    def __init__(self, indicators: Sequence[Indicator]) -> None:
        self.children: dict[str | None, list[Indicator]] = {}
        for ind in indicators:
            self.children.setdefault(ind.parent, []).append(ind)

    def of(self, ind: Indicator) -> list[Indicator]:
        return self.children.get(ind.id, [])

    def siblings(self, ind: Indicator) -> list[Indicator]:
        return [s for s in self.children.get(ind.parent, []) if s.id != ind.id]


def is_percent(ind: Indicator) -> bool:
    """A share: its unit is "%", or it has no unit and its name opens with "Tỷ lệ"."""
    if ind.unit is not None:
        return fold(ind.unit) in vocab.INDICATOR_PERCENT_UNITS or ind.unit.strip() == "%"
    return bool(_RATE.match(fold(ind.name)))


def is_count(ind: Indicator) -> bool:
    """A count of things: a unit of things ("Văn bản", "Người", "Hồ sơ"), not a share, a
    score, money, a measure or a coded answer ("Có = 1; Không = 0"); without a unit, a name
    opening with "Số", "Tổng số"."""
    if ind.unit is None:
        return bool(_COUNT.match(fold(ind.name))) and not _RATE.match(fold(ind.name))
    unit = fold(ind.unit)
    if "=" in ind.unit or not unit or is_percent(ind):
        return False
    return unit not in vocab.INDICATOR_NOT_COUNT_UNITS and not any(
        unit.endswith(" " + u) for u in vocab.INDICATOR_NOT_COUNT_UNITS
    )


def _is_score(ind: Indicator) -> bool:
    return ind.maximum is not None or (
        ind.unit is not None and fold(ind.unit) == vocab.INDICATOR_SCORE_UNIT
    )


def _same_unit(a: Indicator, b: Indicator) -> bool:
    return a.unit is None or b.unit is None or fold(a.unit) == fold(b.unit)


def _key(ind: Indicator) -> str:
    return ind.id.split(":", 1)[1] if ind.form and ":" in ind.id else ind.id


def _label(ind: Indicator, *, criterion: bool = False) -> Text:
    """How a message names an indicator: 'Chỉ tiêu 1.2 «Tỷ lệ …» (biểu mẫu 4)'."""
    form = render("indicator.form", form=ind.form) if ind.form else ("", "")
    word = render("indicator.criterion" if criterion else "indicator.word")
    return render("indicator", word=word, number=_key(ind), name=shorten(ind.name, 50), form=form)


def _lower(text: Text) -> Text:
    return text[0][0].lower() + text[0][1:], text[1][0].lower() + text[1][1:]


def _number(value: float) -> Text:
    return format_count(value), format_count(value, en=True)


# ------------------------------------------------------------------------------- sums


def _sum_mismatch(ind: Indicator, tree: _Tree) -> list[_Found]:
    if ind.value is None:
        return []
    children = [c for c in tree.of(ind) if c.value is not None]
    if not children:
        return []
    if _is_score(ind):
        if len(children) != len(tree.of(ind)):
            return []  # a sub-criterion not scored: nothing to add up
        return _equal_sum(ind, children, "score")
    if not is_count(ind):
        return []
    name = fold(ind.name)
    subset = [c for c in children if _SUBSET.match(fold(c.name))]
    if subset or _SUBSET_AFTER.search(name):
        parts = subset or [c for c in children if is_count(c) and _same_unit(ind, c)]
        total = sum(c.value or 0 for c in parts)
        if total > ind.value + _EPSILON:
            values: dict[str, Values] = {
                "label": _lower(_label(ind)),
                "total": _number(total),
                "value": _number(ind.value),
            }
            evidence = _evidence(ind, parts, total, "at_most")
            return [("indicator_sum_mismatch", "indicator_sum_mismatch.subset", values, evidence)]
        return []
    if not _TOTAL.match(name):
        return []
    levelled = [c for c in children if is_count(c) and _same_unit(ind, c) and len(_levels(c)) == 1]
    if len(levelled) < 2 or len({_levels(c)[0] for c in levelled}) != len(levelled):
        return []
    return _equal_sum(ind, levelled, "levels")


def _levels(ind: Indicator) -> list[str]:
    return sorted(set(_LEVEL.findall(fold(ind.name))))


def _equal_sum(ind: Indicator, parts: list[Indicator], kind: str) -> list[_Found]:
    assert ind.value is not None
    total = sum(c.value or 0 for c in parts)
    if abs(total - ind.value) <= _EPSILON * max(1.0, abs(ind.value)):
        return []
    score = kind == "score"
    values: dict[str, Values] = {
        "label": _label(ind, criterion=score),
        "value": _number(ind.value),
        "total": _number(total),
        "parts": ", ".join(_key(c) for c in parts),
    }
    key = "indicator_sum_mismatch.score" if score else "indicator_sum_mismatch"
    return [("indicator_sum_mismatch", key, values, _evidence(ind, parts, total, "equal"))]


def _evidence(ind: Indicator, parts: list[Indicator], total: float, rule: str) -> dict[str, Any]:
    return {
        "value": ind.value,
        "value_raw": ind.value_raw,
        "parts": {c.id: c.value for c in parts},
        "sum": total,
        "rule": rule,
    }


# ------------------------------------------------------------------------------- rates


def _rate_mismatch(ind: Indicator, tree: _Tree) -> list[_Found]:
    name = fold(ind.name)
    if ind.value is None or not _RATE.match(name) or not is_percent(ind):
        return []
    if _BASELINE.search(name):
        return []
    pair = _parts_of_rate(ind, tree)
    if pair is None:
        return []
    numerator, denominator = pair
    assert numerator.value is not None and denominator.value is not None
    if denominator.value <= 0:
        return []
    computed = numerator.value / denominator.value * 100
    places = value_decimals(ind.value_raw)
    tolerance = 10.0**-places
    if abs(computed - ind.value) <= tolerance + _EPSILON:
        return []
    shown = (
        format_number(computed, max(places, 2)),
        format_number(computed, max(places, 2), en=True),
    )
    values: dict[str, Values] = {
        "label": _label(ind),
        "rate": ind.value_raw,
        "numerator": _number(numerator.value),
        "denominator": _number(denominator.value),
        "parts": f"{_key(numerator)}/{_key(denominator)}",
        "computed": shown,
    }
    evidence = {
        "value": ind.value,
        "value_raw": ind.value_raw,
        "numerator": {"id": numerator.id, "value": numerator.value},
        "denominator": {"id": denominator.id, "value": denominator.value},
        "computed": round(computed, 6),
        "tolerance": tolerance,
    }
    return [("indicator_rate_mismatch", "indicator_rate_mismatch", values, evidence)]


def parts_of_rate(
    ind: Indicator, indicators: Sequence[Indicator]
) -> tuple[Indicator, Indicator] | None:
    """(numerator, denominator) of the rate ``ind`` among ``indicators``, or None."""
    return _parts_of_rate(ind, _Tree(indicators))


def _parts_of_rate(ind: Indicator, tree: _Tree) -> tuple[Indicator, Indicator] | None:
    """(numerator, denominator) of a rate, from its children or else its siblings."""
    children = tree.of(ind)
    if children:
        counts = [c for c in children if c.value is not None and not is_percent(c)]
        if len(children) != 2 or len(counts) != 2:
            return None
        denominator, numerator = counts
        if _TOTAL.match(fold(numerator.name)) and not _TOTAL.match(fold(denominator.name)):
            denominator, numerator = numerator, denominator
        return numerator, denominator
    subject = _subject(_RATE, ind.name)
    if not subject:
        return None
    siblings = [s for s in tree.siblings(ind) if s.value is not None and is_count(s)]
    totals = [s for s in siblings if _TOTAL.match(fold(s.name))]
    if len(totals) != 1 or _subject(_TOTAL, totals[0].name) != subject:
        return None
    counts = [s for s in siblings if s is not totals[0] and _subject(_COUNT, s.name) == subject]
    if len(counts) != 1:
        return None
    return counts[0], totals[0]


def _subject(opener: re.Pattern[str], name: str) -> tuple[str, ...]:
    """The words after a name's opener that say what is counted ("hồ sơ" in "Tổng số hồ sơ
    …"); empty when the name does not open so."""
    folded = fold(name)
    m = opener.match(folded)
    if not m:
        return ()
    return tuple(folded[m.end() :].split()[:_SUBJECT_WORDS])


# ------------------------------------------------------------------------------- ranges


def _out_of_range(ind: Indicator) -> list[_Found]:
    if ind.value is None:
        return []
    code: FlagCode = "indicator_out_of_range"
    if ind.maximum is not None:
        if ind.value <= ind.maximum + _EPSILON:
            return []
        values: dict[str, Values] = {
            "label": _label(ind, criterion=True),
            "value": (format_number(ind.value), format_number(ind.value, en=True)),
            "maximum": (format_number(ind.maximum), format_number(ind.maximum, en=True)),
        }
        evidence = {"value": ind.value, "maximum": ind.maximum, "rule": "score_above_maximum"}
        return [(code, "indicator_out_of_range.score", values, evidence)]
    raw = {"value": ind.value, "value_raw": ind.value_raw}
    if is_percent(ind) and ind.value > 100 + _EPSILON and not _GROWTH.search(fold(ind.name)):
        values = {"label": _label(ind), "value": ind.value_raw}
        return [(code, "indicator_out_of_range.share", values, {**raw, "rule": "share_above_100"})]
    if ind.value < 0 and is_count(ind):
        values = {"label": _label(ind), "value": ind.value_raw}
        evidence = {**raw, "rule": "negative_count"}
        return [(code, "indicator_out_of_range.negative", values, evidence)]
    return []


def _unit_mismatch(ind: Indicator) -> list[_Found]:
    if ind.value is None or ind.maximum is not None:
        return []
    code: FlagCode = "indicator_unit_mismatch"
    name = fold(ind.name)
    evidence: dict[str, Any] = {"unit": ind.unit, "value_raw": ind.value_raw}
    if ind.unit is not None and is_percent(ind) and _COUNT.match(name) and not _RATE.match(name):
        values: dict[str, Values] = {"label": _label(ind), "unit": ind.unit}
        evidence["rule"] = "percent_for_count"
        return [(code, "indicator_unit_mismatch.percent", values, evidence)]
    if is_count(ind) and not float(ind.value).is_integer():
        values = {"label": _label(ind), "unit": ind.unit or "", "value": ind.value_raw}
        evidence["rule"] = "count_with_decimals"
        return [(code, "indicator_unit_mismatch.decimals", values, evidence)]
    return []
