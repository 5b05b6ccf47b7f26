"""How flags and verdicts write figures and numbers, in Vietnamese and in English."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..models import Figure, Threshold
from .messages import AND, QUALIFIERS, Text


def as_percent(f: Figure) -> float:
    """A percentage, or a ratio read as one."""
    if f.kind == "ratio":
        if f.numerator is not None and f.denominator:
            return f.numerator / f.denominator * 100
        return f.value * 100
    return f.value


def format_count(value: float, en: bool = False) -> str:
    """A count with its thousands grouped: "1.381" in Vietnamese, "1,381" in English."""
    text = f"{value:,.0f}" if value == int(value) else format_number(value, 2, en=True)
    return text if en else text.translate(str.maketrans(",.", ".,"))


def format_number(value: float, places: int = 2, en: bool = False) -> str:
    """A number as written in Vietnamese ("20,78"), or in English ("20.78")."""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    return text if en else text.replace(".", ",")


def describe(f: Figure, en: bool = False) -> str:
    """A figure as an officer reads it: "trên 80%", "9/10 = 90%"."""
    if f.kind == "ratio" and f.numerator is not None and f.denominator:
        return _ratio_words(f.qualifier, f.numerator, f.denominator, en)
    return _percent_words(f.qualifier, f.value, en)


@lru_cache(maxsize=4096)
def _ratio_words(qualifier: str, numerator: int, denominator: int, en: bool) -> str:
    """:func:`describe` of a ratio (memoised, as is :func:`_percent_words`: the same figures,
    "80%", "100%", come back in every report)."""
    percent = format_number(numerator / denominator * 100, 1, en)
    return f"{QUALIFIERS[qualifier][en]}{numerator}/{denominator} = {percent}%"


@lru_cache(maxsize=4096)
def _percent_words(qualifier: str, value: float, en: bool) -> str:
    return f"{QUALIFIERS[qualifier][en]}{format_number(value, 2, en)}%"


def describe_both(f: Figure) -> Text:
    """:func:`describe` in both languages."""
    return describe(f), describe(f, en=True)


def describe_threshold(threshold: Threshold, en: bool = False) -> str:
    """A threshold as an officer reads it: "tối thiểu 80%", "tối thiểu 80% và tối đa 90%"."""
    return AND[en].join(describe(f, en) for f in threshold.figures)


def threshold_both(threshold: Threshold) -> Text:
    """:func:`describe_threshold` in both languages."""
    return describe_threshold(threshold), describe_threshold(threshold, en=True)


def figure_evidence(f: Figure) -> dict[str, Any]:
    """A figure as flag evidence: its text, kind and value, and what else it states."""
    out: dict[str, Any] = {"text": f.text, "kind": f.kind, "value": f.value}
    if f.kind == "ratio":
        out.update(numerator=f.numerator, denominator=f.denominator)
    if f.unit:
        out["unit"] = f.unit
    if f.qualifier != "exact":
        out["qualifier"] = f.qualifier
    return out


def shorten(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters with "…"."""
    if len(text) > 2 * limit:
        # The one-line form of a prefix is a prefix of the one-line form: when it is already
        # too long, the long notes around it need not be split.
        head = " ".join(text[: 2 * limit].split())
        if len(head) > limit:
            return head[: limit - 1].rstrip() + "…"
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
