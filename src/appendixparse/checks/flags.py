"""The flags: one small function per code, each a pure function of the report.

Most codes are simple counts (summary, statuses, numbering). The figure checks rest on one
decision, :func:`appendixparse.measure.measure`: which notes figure measures the target (that
module's docstring tells how).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

from ..models import Flag, FlagCode, Measurement, Record, Report, Severity
from ..text.figures import written_decimals
from ..text.patterns import alternatives, bounded
from . import vocabulary as vocab
from .clauses import (
    Placed,
    ends_a_breakdown,
    ends_with_word,
    has_word,
    lower,
    place,
)
from .measure import measure, unit_rank
from .messages import SUMMARY_NAMES, join, render
from .ocr import read_by_ocr, review
from .registry import REGISTRY, REPORT_CODES, make_flag
from .wording import (
    describe_both,
    figure_evidence,
    format_count,
    format_number,
    shorten,
    threshold_both,
)

# The codes a report raises, with their severities (consolidation's are in the registry).
SEVERITY: dict[FlagCode, Severity] = {code: REGISTRY[code][0] for code in REPORT_CODES}
CODES: tuple[FlagCode, ...] = REPORT_CODES
_RANK = {code: i for i, code in enumerate(CODES)}


OCR_MIN_CONFIDENCE = 80.0  # Options.ocr_min_confidence's default


def run_checks(report: Report, *, ocr_min_confidence: float = OCR_MIN_CONFIDENCE) -> list[Flag]:
    """Every flag the checks raise on ``report``, document-level first, then by record;
    figures read by OCR below ``ocr_min_confidence`` decide no check (see :mod:`.ocr`).

    Each record is measured here, once: its :class:`~appendixparse.models.Measurement` is set
    on it (``record.measurement``) for the flags and for consolidation to read.
    """
    flags: list[Flag] = []
    flags += summary_count_mismatch(report)
    flags += duplicate_id(report)
    flags += numbering_gap(report)
    rank = unit_rank(report.unit)
    end_year = report.period.end.year if report.period and report.period.end else None
    for record in report.records:
        placed = place(record.notes, record.figures)
        record.measurement = measure(record, unit_rank=rank, end_year=end_year, placed=placed)
        flags += record_flags(record, placed=placed, ocr_min_confidence=ocr_min_confidence)
    order = {r.id: i for i, r in reversed(list(enumerate(report.records)))}
    ordered = sorted(
        flags,
        key=lambda f: (f.record is not None, order.get(f.record or "", -1), _RANK[f.code]),
    )
    if not report.indicators:
        return ordered
    from .indicators import indicator_flags  # imported for the reports that have indicators

    return ordered + indicator_flags(report.indicators)  # after the records' flags


def record_flags(
    record: Record,
    *,
    unit_rank: int | None = None,
    end_year: int | None = None,
    placed: list[Placed] | None = None,
    ocr_min_confidence: float = OCR_MIN_CONFIDENCE,
) -> list[Flag]:
    """The flags one record raises on its own (codes of the registry's "record" stage): its
    status, and its figures against its target. The record's measurement is read; a record
    the checks have not measured is measured here (with ``unit_rank`` and ``end_year``).
    ``placed``: the notes figures already placed in their clauses."""
    if placed is None:
        placed = place(record.notes, record.figures)
    result = record.measurement
    if result is None:
        result = measure(record, unit_rank=unit_rank, end_year=end_year, placed=placed)
    if read_by_ocr(record):
        return review(
            record,
            result,
            ocr_min_confidence,
            unit_rank=unit_rank,
            end_year=end_year,
            figure_checks=(figure_out_of_range, share_mismatch),
            measured_checks=(completed_below_target, in_progress_meets_target, not_measurable),
            status_checks=(unknown_status, missing_status),
        )
    return [
        *unknown_status(record),
        *missing_status(record),
        *figure_out_of_range(record, placed),
        *share_mismatch(record, placed),
        *completed_below_target(record, result),
        *in_progress_meets_target(record, result),
        *not_measurable(record, result),
    ]


# ---------------------------------------------------------------------------- document checks


def count_statuses(records: Sequence[Record]) -> dict[str, int]:
    """The counts a summary should declare: ``not_applicable`` rows are outside the total."""
    statuses = Counter(r.status for r in records)
    return {
        "total": len(records) - statuses["not_applicable"],
        "completed": statuses["completed"],
        "in_progress": statuses["in_progress"],
        "not_started": statuses["not_started"],
    }


def summary_count_mismatch(report: Report) -> list[Flag]:
    """The declared summary against the counted statuses (one flag naming every difference)."""
    if report.summary is None:
        return []
    counted = count_statuses(report.records)
    declared = report.summary.model_dump()
    wrong = [k for k, v in declared.items() if v is not None and v != counted[k]]
    if not wrong:
        return []
    outside = sum(r.status == "not_applicable" for r in report.records)

    def counts(of: dict[str, Any]) -> tuple[str, str]:
        return join(
            "; ", [render("summary_count", name=SUMMARY_NAMES[k], count=of[k]) for k in wrong]
        )

    return [
        make_flag(
            "summary_count_mismatch",
            None,
            {
                "declared": {k: declared[k] for k in wrong},
                "counted": {k: counted[k] for k in wrong},
                "not_applicable": outside,
            },
            declared=counts(declared),
            counted=counts(counted),
            outside=outside,
        )
    ]


def summary_not_read(clause: str) -> Flag:
    """The info flag of a declared summary left unread: ``clause`` counts two statuses
    together ("đã hoàn thành và đang thực hiện: 17")."""
    return make_flag("not_measurable", None, {"clause": clause}, message="summary_not_read",
                     clause=clause)  # fmt: skip


def duplicate_id(report: Report) -> list[Flag]:
    """Every record whose id was already seen (the second and later occurrences)."""
    first: dict[str, Record] = {}
    flags = []
    for record in report.records:
        seen = first.get(record.id)
        if seen is None:
            first[record.id] = record
            continue
        flags.append(
            make_flag(
                "duplicate_id",
                record.id,
                {
                    "first_location": seen.location.model_dump(),
                    "location": record.location.model_dump(),
                },
                record=record.id,
                first=shorten(seen.target),
            )
        )
    return flags


_LETTERS_VI = vocab.CHECK_LETTERS_VI
_LETTERS_EN = "abcdefghijklmnopqrstuvwxyz"


def _item(record: Record) -> tuple[str, str | int] | None:
    """(parent path, item) of a record's number: "II.1.a" → ("1", "a"), "II.3" → ("", 3)."""
    rest = record.id
    if record.section and rest.startswith(record.section + "."):
        rest = rest[len(record.section) + 1 :]
    parent, _, last = rest.rpartition(".")
    if last.isdigit():
        return parent, int(last)
    if len(last) == 1 and last in _LETTERS_VI + _LETTERS_EN:
        return parent, last
    return None


def numbering_gap(report: Report) -> list[Flag]:
    """An STT that skips a number within its section (or within its parent's sub-items).

    Numbering that runs straight through the sections (1–9 under I, 10–18 under II) is a
    scheme, not a gap: a section's first number goes on from the last one of the section
    before. A group row ("2. Tiêu chí về hạ tầng", no status) is no record, but its children
    ("2.1", "2.2") carry its number, and so it counts as seen.
    """
    last: dict[tuple[str | None, str], str | int] = {}
    last_top: int | None = None  # the last top-level number, whatever its section
    flags = []
    for record in report.records:
        item = _item(record)
        if item is None:
            continue
        parent, number = item
        head = parent.split(".")[0]
        if head.isdigit():  # the group or target above a sub-item is seen
            top = last.get((record.section, ""))
            if not isinstance(top, int) or int(head) > top:
                last[(record.section, "")] = int(head)
            last_top = max(last_top or 0, int(head))
        key = (record.section, parent)
        prev = last.get(key)
        straight = isinstance(number, int) and last_top is not None and number > last_top
        if prev is None and not parent and straight:
            prev = last_top  # numbered straight through the sections
        if not parent and isinstance(number, int):
            last_top = number
        if prev is not None and type(prev) is type(number) and _before_or_same(number, prev):
            continue  # a repeat or disorder, not a gap (duplicate_id reports repeats)
        missing = [_label(parent, m) for m in _skipped(prev, number)]
        last[key] = number
        if not missing:
            continue
        where = (
            render("numbering_gap.section", section=record.section)
            if record.section
            else render("numbering_gap.table")
        )
        if parent:
            where = render("numbering_gap.parent", where=where, parent=parent)
        after = _label(parent, prev) if prev is not None else None
        sequence = (
            render("numbering_gap.after", after=after, stt=record.stt)
            if after
            else render("numbering_gap.start", stt=record.stt)
        )
        flags.append(
            make_flag(
                "numbering_gap",
                record.id,
                {"previous": after, "stt": record.stt, "missing": missing},
                where=where,
                sequence=sequence,
                missing=", ".join(missing),
            )
        )
    return flags


def _label(parent: str, item: str | int) -> str:
    """An item as written: "3", "1.2" under 1, "c)" for a letter."""
    if isinstance(item, str):
        return f"{item})"
    return f"{parent}.{item}" if parent else str(item)


def _before_or_same(cur: str | int, prev: str | int) -> bool:
    if isinstance(cur, int) and isinstance(prev, int):
        return cur <= prev
    for letters in (_LETTERS_VI, _LETTERS_EN):
        if isinstance(cur, str) and isinstance(prev, str) and cur in letters and prev in letters:
            return letters.index(cur) <= letters.index(prev)
    return False


def _skipped(prev: str | int | None, cur: str | int) -> list[str | int]:
    """The numbers skipped from ``prev`` (None: the start) to ``cur``; [] when none."""
    if isinstance(cur, int):
        start = prev + 1 if isinstance(prev, int) else 1
        return list(range(start, cur))
    if isinstance(prev, int):
        return []
    gaps: list[list[str | int]] = []
    for letters in (_LETTERS_VI, _LETTERS_EN):
        if cur in letters and (prev is None or prev in letters):
            start = letters.index(prev) + 1 if prev else 0
            gaps.append(list(letters[start : letters.index(cur)]))
    if not gaps or any(not g for g in gaps):
        return []  # the next letter in one of the alphabets
    return gaps[0]


# ------------------------------------------------------------------------------ record checks


def unknown_status(record: Record) -> list[Flag]:
    """A status cell whose words are not a known status."""
    if record.status != "unknown" or not record.status_raw:
        return []
    return [
        make_flag(
            "unknown_status",
            record.id,
            {"status_raw": record.status_raw},
            record=record.id,
            status_raw=shorten(record.status_raw),
        )
    ]


def missing_status(record: Record) -> list[Flag]:
    """An empty status cell."""
    if record.status != "unknown" or record.status_raw:
        return []
    return [
        make_flag("missing_status", record.id, {"target": shorten(record.target)}, record=record.id)
    ]


def figure_out_of_range(record: Record, placed: list[Placed] | None = None) -> list[Flag]:
    """A share above 100%, or a ratio whose numerator exceeds its denominator, in the notes.

    A percentage is a share when a share word ("tỷ lệ", "hài lòng", "chiếm") comes earlier in its
    clause or a noun follows it ("120% hồ sơ"); a percentage of a plan ("105% kế hoạch", "so với",
    "tỷ lệ giải ngân … 110%") or of growth ("tăng 120%") may exceed 100 and is left alone.
    """
    flags = []
    if placed is None:
        placed = place(record.notes, record.figures)
    for p in placed:
        f = p.figure
        if f.kind == "ratio" and f.numerator is not None and f.denominator is not None:
            if f.numerator > f.denominator and not _against_plan(p):
                flags.append(
                    make_flag(
                        "figure_out_of_range",
                        record.id,
                        {"figure": figure_evidence(f)},
                        message="figure_out_of_range.ratio",
                        record=record.id,
                        text=f.text,
                        numerator=f.numerator,
                        denominator=f.denominator,
                    )
                )
        elif f.kind == "percent" and f.value > 100 and _is_share(p) and not _is_plan_or_growth(p):
            flags.append(
                make_flag(
                    "figure_out_of_range",
                    record.id,
                    {"figure": figure_evidence(f), "context": shorten(p.clause, 200)},
                    message="figure_out_of_range.percent",
                    record=record.id,
                    figure=describe_both(f),
                    clause=shorten(p.clause, 90),
                )
            )
    return flags


def _is_share(p: Placed) -> bool:
    if has_word(vocab.CHECK_SHARE_WORDS, p.before):
        return True
    following = p.after.split()
    return bool(following) and following[0][:1].isalpha()


def _is_plan_or_growth(p: Placed) -> bool:
    if p.figure.qualifier == "increase_at_least":
        return True
    tail = " ".join(p.before.split()[-3:])
    return (
        _against_plan(p, 4)
        or has_word(vocab.CHECK_GROWTH_WORDS, tail)
        or has_word(vocab.CHECK_PLAN_SUBJECTS, p.before)
        # "bằng 130% năm 2022": a comparison with the base that follows
        or (ends_with_word(vocab.CHECK_COMPARISON_WORDS, p.before) and bool(p.after.strip(" .,;")))
    )


def _against_plan(p: Placed, words: int = 6) -> bool:
    """A plan, estimate or other period among the first words after the figure ("105% kế
    hoạch", "116% số phiếu dự kiến", "120/100 cán bộ theo kế hoạch")."""
    return has_word(vocab.CHECK_PLAN_WORDS, " ".join(p.after.split()[:words]))


def share_mismatch(record: Record, placed: list[Placed] | None = None) -> list[Flag]:
    """A share "N …, chiếm tỷ lệ P%" where N of the stated total differs from P by more than
    one unit of P's last written decimal (0.1 for "20,6%", 1 for "77%").

    The total is the last count before the share that opens a breakdown: one followed by
    "trong đó"/"gồm" before the next figure, or preceded by "tổng số" in its clause. A share
    whose base is stated in its sentence ("12.450 hồ sơ … trên tổng số 20.100 hồ sơ, đạt
    68,5%") is checked the same way.
    """
    if placed is None:
        placed = place(record.notes, record.figures)
    if not any(p.figure.kind == "percent" for p in placed):
        return []  # no share to check
    low = placed[0].low
    flags = []
    total: Placed | None = None
    for i, p in enumerate(placed):
        f = p.figure
        since = low[placed[i - 1].figure.span[1] if i else 0 : f.span[0]]
        if _SENTENCE_END.search(since) and not has_word(vocab.CHECK_TOTAL_AFTER, since):
            total = None  # a new sentence that opens no breakdown: the last one has ended
        if f.kind == "count":
            upto = placed[i + 1].figure.span[0] if i + 1 < len(placed) else len(low)
            gap = low[f.span[1] : upto]
            if has_word(vocab.CHECK_TOTAL_AFTER, gap) or has_word(
                vocab.CHECK_TOTAL_BEFORE, p.before
            ):
                total = p
            continue
        if f.kind != "percent":
            continue
        if based := _with_base(placed, i, low):
            part, base = based  # "12.450 hồ sơ … trên tổng số 20.100 hồ sơ, đạt 68,5%"
        else:
            if not ends_a_breakdown(p.before) or total is None:
                continue
            if not i or placed[i - 1] is total or placed[i - 1].figure.kind != "count":
                continue
            part = placed[i - 1]
            if not total.figure.value or _other_base(p, total):
                continue
            base = total
        total_value = base.figure.value
        actual = part.figure.value / total_value * 100
        unit = 10.0 ** -written_decimals(f.text)
        if abs(actual - f.value) <= unit + 1e-9:
            continue
        share = _both(format_number, f.value)
        if based is None:
            said = render("share_mismatch.breakdown", share=share)
        else:  # the report's own words: "đạt 68,5%"
            said = render(
                "share_mismatch.based", words=_after_noun(low, base, p).strip(" ,:"), share=share
            )
        flags.append(
            make_flag(
                "share_mismatch",
                record.id,
                {
                    "count": figure_evidence(part.figure),
                    "total": figure_evidence(base.figure),
                    "share": figure_evidence(f),
                    "computed": round(actual, 4),
                    "tolerance": unit,
                },
                record=record.id,
                count=_both(format_count, part.figure.value),
                total=_both(format_count, total_value),
                said=said,
                computed=_both(format_number, actual),
                share=_both(format_number, f.value),
                tolerance=_both(format_number, unit),
            )
        )
    return flags


def _both(write: Any, value: float) -> tuple[str, str]:
    """A number written the Vietnamese way and the English way."""
    return write(value), write(value, en=True)


_SENTENCE_END = re.compile(r"\.(?=\s|$)|\n")
# "… trên tổng số 20.100 hồ sơ": the base a count is a part of; ", đạt 68,5%": its share.
_ON_BASE = re.compile(rf"(?:{bounded(vocab.CHECK_ON_BASE_WORDS, space=None)})\s*$")
_BASE_SHARE = re.compile(
    r"^\s*,?\s*(?:{})\s*:?\s*$".format(
        "|".join(re.escape(w) for w in sorted(vocab.CHECK_BASE_SHARE_WORDS, key=len)[::-1])
    )
)


def _with_base(placed: list[Placed], i: int, low: str) -> tuple[Placed, Placed] | None:
    """(part, base) for the share ``placed[i]`` when the two counts before it, in its
    sentence, are a part and the base it is "trên tổng số" of, of the same noun."""
    if i < 2:
        return None
    part, base, share = placed[i - 2], placed[i - 1], placed[i]
    if part.figure.kind != "count" or base.figure.kind != "count" or not base.figure.value:
        return None
    between = low[part.figure.span[1] : base.figure.span[0]]
    if _SENTENCE_END.search(between) or not _ON_BASE.search(between):
        return None
    if not _BASE_SHARE.match(_after_noun(low, base, share)):
        return None
    nouns = [lower(f.figure.unit or "").split()[:1] for f in (part, base)]
    return (part, base) if nouns[0] and nouns[0] == nouns[1] else None


def _after_noun(low: str, base: Placed, share: Placed) -> str:
    """The words between a base count's noun and the share."""
    rest = low[base.figure.span[1] : share.figure.span[0]]
    noun = lower(base.figure.unit or "")
    at = rest.find(noun) if noun else -1
    return rest[at + len(noun) :] if at >= 0 else rest


@cache
def _named_base() -> re.Pattern[str]:
    """ "(trên|so với) (tổng) số <base>": the base a share names after it, in group 1."""
    return re.compile(
        rf"(?:(?:{alternatives(vocab.CHECK_BASE_OPENERS)})\s+)?"
        rf"(?:(?:{alternatives(vocab.CHECK_BASE_TOTAL)})\s+)?"
        rf"(?:{alternatives(vocab.CHECK_BASE_NOUN)})\s+(.+)"
    )


def _other_base(share: Placed, total: Placed) -> bool:
    """The share names its own base, and it is not the total's noun ("chiếm 40% số đảng viên
    trẻ" after a total of "200 cán bộ")."""
    head = share.after.strip(" :")
    base = _named_base().match(head)
    if base is None:
        return False
    unit = lower(total.figure.unit or "")
    return not (unit and has_word((unit,), base.group(1)))


# ------------------------------------------------------------------ the figure that measures


def completed_below_target(record: Record, result: Measurement) -> list[Flag]:
    """Status completed, but the notes figure that measures the target falls short of it."""
    if record.status != "completed" or result.verdict != "unmet":
        return []
    pair = next(p for p in result.pairs if p.verdict == "unmet")
    return [
        make_flag(
            "completed_below_target",
            record.id,
            measurement_evidence(result),
            record=record.id,
            status_raw=record.status_raw,
            figure=describe_both(pair.figure),
            clause=shorten(pair.clause, 90),
            threshold=threshold_both(result.thresholds[pair.threshold]),
        )
    ]


def in_progress_meets_target(record: Record, result: Measurement) -> list[Flag]:
    """Status in progress, but the notes figure that measures the target already meets it."""
    if record.status != "in_progress" or result.verdict != "met":
        return []
    met = [p for p in result.pairs if p.verdict == "met"]
    said = [
        render(
            "in_progress_meets_target.pair",
            figure=describe_both(p.figure),
            threshold=threshold_both(result.thresholds[p.threshold]),
        )
        for p in met
    ]
    return [
        make_flag(
            "in_progress_meets_target",
            record.id,
            measurement_evidence(result),
            record=record.id,
            status_raw=record.status_raw,
            met=join("; ", said),
            clause=shorten(met[0].clause, 90),
        )
    ]


def not_measurable(record: Record, result: Measurement) -> list[Flag]:
    """A completed or in-progress target with a threshold that the notes could not check."""
    if record.status not in ("completed", "in_progress") or result.verdict != "unknown":
        return []
    if not result.thresholds:
        return []
    return [
        make_flag(
            "not_measurable",
            record.id,
            measurement_evidence(result),
            record=record.id,
            status_raw=record.status_raw,
            thresholds=join(", ", [threshold_both(t) for t in result.thresholds]),
            reason=(result.reason, result.reason_en),
        )
    ]


def measurement_evidence(result: Measurement) -> dict[str, Any]:
    """A measurement as flag evidence: the thresholds, the figures paired with them, the
    figures dropped and why, and the reason when the verdict is unknown."""
    out: dict[str, Any] = {
        "thresholds": [
            {
                "figures": [figure_evidence(f) for f in t.figures],
                "direction": t.direction,
                **({"sub": True} if t.sub else {}),
                **({"level": t.level} if t.level else {}),
                **({"list": t.list_id} if t.list_id is not None else {}),
            }
            for t in result.thresholds
        ],
        "figures": [
            {
                "threshold": p.threshold,
                "figure": figure_evidence(p.figure),
                "verdict": p.verdict,
                "context": shorten(p.clause, 200),
            }
            for p in result.pairs
        ],
    }
    if result.excluded:
        out["excluded"] = [
            {"figure": figure_evidence(e.figure), "reason": e.reason} for e in result.excluded
        ]
    if result.reason_en:
        out["reason"] = result.reason_en
    return out


__all__ = [
    "CODES",
    "SEVERITY",
    "completed_below_target",
    "count_statuses",
    "duplicate_id",
    "figure_out_of_range",
    "in_progress_meets_target",
    "measurement_evidence",
    "missing_status",
    "not_measurable",
    "numbering_gap",
    "record_flags",
    "run_checks",
    "share_mismatch",
    "summary_count_mismatch",
    "unknown_status",
]
