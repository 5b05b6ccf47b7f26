"""The flags: one small function per code, each a pure function of the report.

Most codes are simple counts (summary, statuses, numbering). The figure checks rest on one
decision, :func:`measure`: which notes figure measures the target. It works in four steps.

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
   sentence), or the figure of a year after the period. Where the remaining ones belong to
   several years ("Năm 2021, 2022 … 100%. Năm 2023 … 80%"; "đến nay", "hiện nay" are the latest),
   only the latest year's are kept. A candidate must measure the same direction as the threshold
   (a reduction for "giảm tối thiểu 10%") and be about the same thing: share a word with it
   (abbreviations spelled out, common words ignored) or follow "đạt"/"tỷ lệ".
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
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any, Literal

from . import vocab
from .cleaning import fold
from .models import Figure, Flag, Record, Report

SEVERITY: dict[str, Literal["error", "warning", "info"]] = {
    "summary_count_mismatch": "error",
    "completed_below_target": "error",
    "figure_out_of_range": "error",
    "share_mismatch": "error",
    "in_progress_meets_target": "warning",
    "unknown_status": "warning",
    "missing_status": "warning",
    "duplicate_id": "error",
    "numbering_gap": "warning",
    "not_measurable": "info",
}
CODES: tuple[str, ...] = tuple(SEVERITY)


def run_checks(report: Report) -> list[Flag]:
    """Every flag the checks raise on ``report``, document-level first, then by record."""
    flags: list[Flag] = []
    flags += summary_count_mismatch(report)
    flags += duplicate_id(report)
    flags += numbering_gap(report)
    unit_rank = _unit_rank(report.unit)
    end_year = report.period.end.year if report.period and report.period.end else None
    for record in report.records:
        flags += unknown_status(record)
        flags += missing_status(record)
        flags += figure_out_of_range(record)
        flags += share_mismatch(record)
        result = measure(record, unit_rank=unit_rank, end_year=end_year)
        flags += completed_below_target(record, result)
        flags += in_progress_meets_target(record, result)
        flags += not_measurable(record, result)
    order = {r.id: i for i, r in reversed(list(enumerate(report.records)))}
    return sorted(
        flags,
        key=lambda f: (f.record is not None, order.get(f.record or "", -1), CODES.index(f.code)),
    )


def _flag(code: str, record: str | None, message: str, message_en: str, **evidence: Any) -> Flag:
    return Flag(
        code=code,
        severity=SEVERITY[code],
        record=record,
        message=message,
        message_en=message_en,
        evidence=evidence,
    )


# ---------------------------------------------------------------------------- document checks

_SUMMARY_VI = {
    "total": "tổng số chỉ tiêu",
    "completed": "đã hoàn thành",
    "in_progress": "đang thực hiện",
    "not_started": "chưa thực hiện",
}
_SUMMARY_EN = {
    "total": "total",
    "completed": "completed",
    "in_progress": "in progress",
    "not_started": "not started",
}


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
    said = "; ".join(f"{_SUMMARY_VI[k]} {declared[k]}" for k in wrong)
    found = "; ".join(f"{_SUMMARY_VI[k]} {counted[k]}" for k in wrong)
    said_en = "; ".join(f"{_SUMMARY_EN[k]} {declared[k]}" for k in wrong)
    found_en = "; ".join(f"{_SUMMARY_EN[k]} {counted[k]}" for k in wrong)
    return [
        _flag(
            "summary_count_mismatch",
            None,
            f"Phần tổng hợp khai báo {said}, nhưng bảng đánh giá có {found} "
            f"(không tính {outside} chỉ tiêu do cấp tỉnh thực hiện/không áp dụng). "
            "Đề nghị sửa lại số liệu tổng hợp hoặc đánh giá từng chỉ tiêu.",
            f"The summary declares {said_en}, but the table counts {found_en} "
            f"({outside} not-applicable row(s) left out of the total). "
            "Correct the summary or the statuses.",
            declared={k: declared[k] for k in wrong},
            counted={k: counted[k] for k in wrong},
            not_applicable=outside,
        )
    ]


def duplicate_id(report: Report) -> list[Flag]:
    """Every record whose id was already seen (the second and later occurrences)."""
    first: dict[str, Record] = {}
    flags = []
    for record in report.records:
        seen = first.get(record.id)
        if seen is None:
            first[record.id] = record
            continue
        where = seen.location.model_dump()
        flags.append(
            _flag(
                "duplicate_id",
                record.id,
                f"Số thứ tự {record.id} xuất hiện hai lần trong bảng (lần đầu: "
                f'"{_short(seen.target)}"). Đề nghị đánh số lại cho đúng.',
                f'Row number {record.id} appears twice (first: "{_short(seen.target)}"). '
                "Renumber the rows.",
                first_location=where,
                location=record.location.model_dump(),
            )
        )
    return flags


# Vietnamese lettered items skip f, j, w, z and put đ after d; some documents use a-z instead.
_LETTERS_VI = "abcdđeghiklmnopqrstuvxy"
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
    """An STT that skips a number within its section (or within its parent's sub-items)."""
    last: dict[tuple[str | None, str], str | int] = {}
    flags = []
    for record in report.records:
        item = _item(record)
        if item is None:
            continue
        parent, number = item
        key = (record.section, parent)
        prev = last.get(key)
        if prev is not None and type(prev) is type(number) and _before_or_same(number, prev):
            continue  # a repeat or disorder, not a gap (duplicate_id reports repeats)
        missing = [_label(parent, m) for m in _skipped(prev, number)]
        last[key] = number
        if not missing:
            continue
        where = f"mục {record.section}" if record.section else "bảng"
        where_en = f"section {record.section}" if record.section else "the table"
        if parent:
            where += f", các ý của {parent}"
            where_en += f", sub-items of {parent}"
        after = _label(parent, prev) if prev is not None else None
        flags.append(
            _flag(
                "numbering_gap",
                record.id,
                f"Số thứ tự nhảy cóc ở {where}: "
                f"{f'sau {after} là' if after else 'bắt đầu bằng'} {record.stt}, thiếu "
                f"{', '.join(missing)}. Đề nghị kiểm tra có chỉ tiêu nào bị bỏ sót hay đánh số "
                "nhầm.",
                f"Numbering skips in {where_en}: "
                f"{f'{record.stt} follows {after}' if after else f'it starts at {record.stt}'}, "
                f"{', '.join(missing)} missing. Check for a left-out target or a numbering slip.",
                previous=after,
                stt=record.stt,
                missing=missing,
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
        _flag(
            "unknown_status",
            record.id,
            f'Chỉ tiêu {record.id}: mức đánh giá "{_short(record.status_raw)}" không thuộc các '
            'mức "Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện" hoặc "Cấp tỉnh thực '
            'hiện". Đề nghị ghi lại đúng mức đánh giá.',
            f'Target {record.id}: "{_short(record.status_raw)}" is not a known status '
            "(completed, in progress, not started, done by the province). Restate it.",
            status_raw=record.status_raw,
        )
    ]


def missing_status(record: Record) -> list[Flag]:
    """An empty status cell."""
    if record.status != "unknown" or record.status_raw:
        return []
    return [
        _flag(
            "missing_status",
            record.id,
            f"Chỉ tiêu {record.id} chưa được đánh giá mức độ hoàn thành (ô đánh giá để trống). "
            "Đề nghị bổ sung.",
            f"Target {record.id} has no status (the status cell is empty). Add one.",
            target=_short(record.target),
        )
    ]


def figure_out_of_range(record: Record) -> list[Flag]:
    """A share above 100%, or a ratio whose numerator exceeds its denominator, in the notes.

    A percentage is a share when a share word ("tỷ lệ", "hài lòng", "chiếm") comes earlier in its
    clause or a noun follows it ("120% hồ sơ"); a percentage of a plan ("105% kế hoạch", "so với",
    "tỷ lệ giải ngân … 110%") or of growth ("tăng 120%") may exceed 100 and is left alone.
    """
    flags = []
    for p in _place(record.notes, record.figures):
        f = p.figure
        if f.kind == "ratio" and f.numerator is not None and f.denominator is not None:
            if f.numerator > f.denominator:
                flags.append(
                    _flag(
                        "figure_out_of_range",
                        record.id,
                        f'Chỉ tiêu {record.id}: số liệu "{f.text}" có tử số lớn hơn mẫu số '
                        f"({f.numerator} > {f.denominator}). Đề nghị kiểm tra lại số liệu.",
                        f'Target {record.id}: "{f.text}" has a numerator above its denominator '
                        f"({f.numerator} > {f.denominator}). Check the figure.",
                        figure=_fig(f),
                    )
                )
        elif f.kind == "percent" and f.value > 100 and _is_share(p) and not _is_plan_or_growth(p):
            flags.append(
                _flag(
                    "figure_out_of_range",
                    record.id,
                    f'Chỉ tiêu {record.id}: tỷ lệ "{_describe(f)}" vượt quá 100% '
                    f'("{_short(p.clause, 90)}"). Một tỷ lệ không thể lớn hơn 100%; đề nghị '
                    "kiểm tra lại số liệu.",
                    f'Target {record.id}: the share "{_describe(f, en=True)}" is above 100% '
                    f'("{_short(p.clause, 90)}"). A share cannot exceed 100%; check it.',
                    figure=_fig(f),
                    context=_short(p.clause, 200),
                )
            )
    return flags


def _is_share(p: _Placed) -> bool:
    if _has(vocab.CHECK_SHARE_WORDS, p.before):
        return True
    following = p.after.split()
    return bool(following) and following[0][:1].isalpha()


def _is_plan_or_growth(p: _Placed) -> bool:
    if p.figure.qualifier == "increase_at_least":
        return True
    head = " ".join(p.after.split()[:4])
    tail = " ".join(p.before.split()[-3:])
    return (
        _starts(vocab.CHECK_PLAN_WORDS, head)
        or _has(vocab.CHECK_GROWTH_WORDS, tail)
        or _has(vocab.CHECK_PLAN_SUBJECTS, p.before)
    )


def share_mismatch(record: Record) -> list[Flag]:
    """A share "N …, chiếm tỷ lệ P%" where N of the stated total differs from P by more than
    one unit of P's last written decimal (0.1 for "20,6%", 1 for "77%").

    The total is the last count before the share that opens a breakdown: one followed by
    "trong đó"/"gồm" before the next figure, or preceded by "tổng số" in its clause.
    """
    placed = _place(record.notes, record.figures)
    low = _lower(record.notes)
    flags = []
    total: _Placed | None = None
    for i, p in enumerate(placed):
        f = p.figure
        if f.kind == "count":
            upto = placed[i + 1].figure.span[0] if i + 1 < len(placed) else len(low)
            gap = low[f.span[1] : upto]
            if _has(vocab.CHECK_TOTAL_AFTER, gap) or _has(vocab.CHECK_TOTAL_BEFORE, p.before):
                total = p
            continue
        if f.kind != "percent" or not _BREAKDOWN_END.search(p.before) or total is None:
            continue
        part = placed[i - 1] if i else None
        if part is None or part is total or part.figure.kind != "count":
            continue
        if not total.figure.value:
            continue
        actual = part.figure.value / total.figure.value * 100
        unit = 10.0 ** -_decimals(f.text)
        if abs(actual - f.value) <= unit + 1e-9:
            continue
        n, t = _count(part.figure.value), _count(total.figure.value)
        n_en, t_en = _count(part.figure.value, en=True), _count(total.figure.value, en=True)
        flags.append(
            _flag(
                "share_mismatch",
                record.id,
                f"Chỉ tiêu {record.id}: {n} trên tổng số {t} là {_num(actual, 2)}%, nhưng báo cáo "
                f'ghi "chiếm tỷ lệ {_num(f.value)}%", lệch hơn {_num(unit)} điểm phần trăm. '
                "Đề nghị kiểm tra lại số liệu hoặc cách tính tỷ lệ.",
                f"Target {record.id}: {n_en} of the total {t_en} is "
                f"{_num(actual, 2, en=True)}%, but the report says {_num(f.value, en=True)}%, "
                f"more than {_num(unit, en=True)} point off. Check the counts or the share.",
                count=_fig(part.figure),
                total=_fig(total.figure),
                share=_fig(f),
                computed=round(actual, 4),
                tolerance=unit,
            )
        )
    return flags


_BREAKDOWN_END = re.compile(
    r"(?<!\w)chiếm(?:\s+t[ỷỉ]\s+lệ)?\s*(?:là\s*)?:?\s*(?:khoảng|gần|trên|hơn|dưới)?\s*$"
)


def _decimals(text: str) -> int:
    """Decimals written in a percentage's text: "20,6%" → 1, "77%" → 0, "14.7%" → 1."""
    found = re.findall(r"\d+(?:([.,])(\d+))?\s*%", text)
    if not found:
        return 0
    sep, digits = found[-1]
    if sep == "." and len(digits) == 3:
        return 0  # "1.000%": a thousands separator
    return len(digits)


# ------------------------------------------------------------------ the figure that measures


def completed_below_target(record: Record, result: Measurement) -> list[Flag]:
    """Status completed, but the notes figure that measures the target falls short of it."""
    if record.status != "completed" or result.verdict != "unmet":
        return []
    pair = next(p for p in result.pairs if p.verdict == "unmet")
    fig, thr = pair.figure, pair.part
    return [
        _flag(
            "completed_below_target",
            record.id,
            f'Chỉ tiêu {record.id} được đánh giá "{record.status_raw}", nhưng số liệu trong phần '
            f'thực trạng ({_describe(fig)}: "{_short(pair.clause, 90)}") chưa đạt ngưỡng '
            f"{thr.describe()} của mục tiêu. Đề nghị đánh giá lại mức độ hoàn thành hoặc bổ sung "
            "số liệu đúng.",
            f'Target {record.id} is marked completed ("{record.status_raw}"), but the notes '
            f'figure {_describe(fig, en=True)} ("{_short(pair.clause, 90)}") falls short of '
            f"the threshold {thr.describe(en=True)}. Re-assess the status or correct the figure.",
            **result.evidence(),
        )
    ]


def in_progress_meets_target(record: Record, result: Measurement) -> list[Flag]:
    """Status in progress, but the notes figure that measures the target already meets it."""
    if record.status != "in_progress" or result.verdict != "met":
        return []
    met = [p for p in result.pairs if p.verdict == "met"]
    said = "; ".join(f"{_describe(p.figure)} so với ngưỡng {p.part.describe()}" for p in met)
    said_en = "; ".join(
        f"{_describe(p.figure, en=True)} against {p.part.describe(en=True)}" for p in met
    )
    return [
        _flag(
            "in_progress_meets_target",
            record.id,
            f'Chỉ tiêu {record.id} được đánh giá "{record.status_raw}", nhưng phần thực trạng '
            f'đã đạt ngưỡng của mục tiêu ({said}: "{_short(met[0].clause, 90)}"). Đề nghị xem '
            'xét đánh giá "Đã hoàn thành" hoặc nêu rõ phần việc còn lại.',
            f'Target {record.id} is marked in progress ("{record.status_raw}"), but its notes '
            f"already meet the target ({said_en}). Consider marking it completed, or state what "
            "remains.",
            **result.evidence(),
        )
    ]


def not_measurable(record: Record, result: Measurement) -> list[Flag]:
    """A completed or in-progress target with a threshold that the notes could not check."""
    if record.status not in ("completed", "in_progress") or result.verdict != "unknown":
        return []
    if not result.parts:
        return []
    return [
        _flag(
            "not_measurable",
            record.id,
            f'Chỉ tiêu {record.id}: không đối chiếu được đánh giá "{record.status_raw}" với '
            f"ngưỡng {', '.join(p.describe() for p in result.parts)}: {result.reason}.",
            f'Target {record.id}: the status "{record.status_raw}" could not be checked against '
            f"{', '.join(p.describe(en=True) for p in result.parts)}: {result.reason_en}.",
            **result.evidence(),
        )
    ]


@dataclass
class Part:
    """A threshold of the target: its conditions (two for a range) and its clause."""

    figures: list[Figure]
    clause: str
    direction: str  # "level", "reduce" or "increase"
    sub: bool = False  # introduced by "trong đó": a part of the part before it
    main: int | None = None  # the index of that part
    level: str | None = None  # "tỉnh", "huyện", "xã" when the clause names one
    list_id: int | None = None  # parts of one list ("30%, 20%, 15%") share it
    start: int = 0  # where its clause starts in the target

    def describe(self, en: bool = False) -> str:
        """The threshold as an officer reads it: "tối thiểu 80%", "tối thiểu 80% và tối đa 90%"."""
        return (" and " if en else " và ").join(_describe(f, en) for f in self.figures)


@dataclass
class Candidate:
    """A notes figure that may measure the target."""

    placed: _Placed
    direction: str
    year: int | None

    @property
    def figure(self) -> Figure:
        return self.placed.figure


@dataclass
class Pair:
    """A threshold part with the notes figure that measures it, and the verdict."""

    part: Part
    figure: Figure
    clause: str
    verdict: str  # "met", "unmet" or "undecided"


@dataclass
class Measurement:
    """What the notes say about the target's thresholds."""

    verdict: Literal["met", "unmet", "unknown"]
    parts: list[Part] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    reason: str = ""
    reason_en: str = ""
    excluded: list[dict[str, Any]] = field(default_factory=list)

    def evidence(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "thresholds": [
                {
                    "figures": [_fig(f) for f in p.figures],
                    "direction": p.direction,
                    **({"sub": True} if p.sub else {}),
                    **({"level": p.level} if p.level else {}),
                    **({"list": p.list_id} if p.list_id is not None else {}),
                }
                for p in self.parts
            ],
            "figures": [
                {
                    "threshold": self.parts.index(p.part),
                    "figure": _fig(p.figure),
                    "verdict": p.verdict,
                    "context": _short(p.clause, 200),
                }
                for p in self.pairs
            ],
        }
        if self.excluded:
            out["excluded"] = self.excluded
        if self.reason_en:
            out["reason"] = self.reason_en
        return out


def measure(
    record: Record, *, unit_rank: int | None = None, end_year: int | None = None
) -> Measurement:
    """Which notes figure measures each of the target's thresholds, and whether it is met.

    ``unit_rank`` (3 province, 2 district, 1 commune) excuses thresholds of higher levels;
    ``end_year`` (the period's last year) drops figures of later years as plans.
    """
    parts = threshold_parts(record)
    if not parts:
        return Measurement("unknown")
    candidates, excluded = notes_candidates(record, end_year=end_year)
    result = Measurement("unknown", parts=parts, excluded=excluded)
    if not record.figures or not any(_is_measure(f) for f in record.figures):
        return _unknown(
            result,
            "phần thực trạng không nêu tỷ lệ (%) hay số liệu dạng x/y",
            "the notes give no percentage or x/y figure",
        )
    if not candidates:
        why = _why_excluded(excluded)
        why_en = _why_excluded(excluded, en=True)
        return _unknown(
            result,
            f"không có số liệu nào đo mục tiêu ({why})",
            f"no notes figure measures it ({why_en})",
        )
    if any(p.list_id is not None for p in parts) and not _pair_lists(parts, candidates, result):
        listed = next(p for p in parts if p.list_id is not None).list_id
        values = ", ".join(p.describe() for p in parts if p.list_id == listed)
        values_en = ", ".join(p.describe(en=True) for p in parts if p.list_id == listed)
        return _unknown(
            result,
            f"mục tiêu có nhiều ngưỡng ({values}) nhưng phần thực trạng không nêu số liệu riêng "
            "cho từng ngưỡng",
            f"the target has several thresholds ({values_en}) and the notes do not give one "
            "figure for each",
        )
    rest = [p for p in parts if p.list_id is None]
    used = {id(p.figure) for p in result.pairs}
    free = [c for c in candidates if id(c.figure) not in used]
    if len(parts) == 1:
        _pair_single(parts[0], free, record.target, result)
    elif rest:
        _pair_by_own_words(parts, rest, free, result)
    return _conclude(result, unit_rank if unit_rank is not None else _notes_rank(record.notes))


_EXCLUDED_VI = {
    "breakdown": "là tỷ lệ cơ cấu (chiếm tỷ lệ…)",
    "not_done": "là phần chưa đạt/còn lại",
    "proposal": "là mục tiêu/đề xuất, không phải kết quả",
    "after_period": "là số liệu của năm sau kỳ đánh giá",
    "earlier_year": "là số liệu của năm trước",
}
_EXCLUDED_EN = {
    "breakdown": "a share in a breakdown",
    "not_done": "the part not done",
    "proposal": "an aim or a proposal, not a result",
    "after_period": "for a year after the period",
    "earlier_year": "for an earlier year",
}


def _why_excluded(excluded: list[dict[str, Any]], en: bool = False) -> str:
    """Why each notes figure was dropped, at most three examples a reason.

    >>> _why_excluded([{"figure": {"text": "25%"}, "reason": "proposal"}])
    '25% là mục tiêu/đề xuất, không phải kết quả'
    """
    by_reason: dict[str, list[str]] = {}
    for item in excluded:
        by_reason.setdefault(item["reason"], []).append(item["figure"]["text"])
    parts = []
    for reason, texts in by_reason.items():
        shown = ", ".join(texts[:3]) + ("…" if len(texts) > 3 else "")
        if en:
            parts.append(f"{shown}: {_EXCLUDED_EN[reason]}")
        else:
            parts.append(f"{shown} {_EXCLUDED_VI[reason]}")
    return "; ".join(parts)


def _unknown(result: Measurement, reason: str, reason_en: str) -> Measurement:
    result.verdict = "unknown"
    result.reason, result.reason_en = reason, reason_en
    return result


def threshold_parts(record: Record) -> list[Part]:
    """The target's thresholds (percentages and ratios) as parts, in order (see the module)."""
    text = record.target
    low = _lower(text)
    parts: list[Part] = []
    prev_end = 0
    next_list = 0
    for p in _place(text, [f for f in record.target_figures if _is_measure(f)]):
        f = p.figure
        gap = low[prev_end : f.span[0]] if parts else ""
        prev_end = f.span[1]
        if parts and gap.strip() in ("đến", "tới", "-", "–") and f.qualifier == "at_most":
            parts[-1].figures.append(f)  # a range: one part, two conditions
            parts[-1].clause = text[parts[-1].start : p.end]
            continue
        part = Part([f], p.clause, _direction(f, p.before), start=p.start)
        if parts and re.fullmatch(r"\s*(?:,|và|,\s*và)?\s*", gap):
            if parts[-1].list_id is None:
                parts[-1].list_id = next_list
                next_list += 1
            part.list_id = parts[-1].list_id
        if parts and _has(vocab.CHECK_SUB_MARKERS, gap):
            part.sub = True
            part.main = next(i for i in range(len(parts) - 1, -1, -1) if not parts[i].sub)
        levels = [lv for lv, words in vocab.CHECK_LEVELS.items() if _has(words, _lower(p.clause))]
        part.level = levels[0] if len(levels) == 1 else None
        parts.append(part)
    if len(parts) == 1:
        parts[0].clause = text
    return parts


def notes_candidates(
    record: Record, *, end_year: int | None = None
) -> tuple[list[Candidate], list[dict[str, Any]]]:
    """The notes figures that may measure the target, and the ones dropped with their reason."""
    text = record.notes
    low = _lower(text)
    target_low = _lower(record.target)
    placed = _place(text, record.figures)
    breakdown_ratios = _breakdown_ratios(record.figures)
    marks = _year_marks(low)
    kept: list[Candidate] = []
    excluded: list[dict[str, Any]] = []

    def drop(p: _Placed, reason: str) -> None:
        excluded.append({"figure": _fig(p.figure), "reason": reason})

    for p in placed:
        f = p.figure
        if not _is_measure(f):
            continue
        head = " ".join(p.after.split()[:6])
        negative = [w for w in vocab.CHECK_NEGATIVE_WORDS if _has((w,), head)]
        year = _year_of(p, marks)
        if (f.kind == "percent" and _BREAKDOWN_END.search(p.before)) or id(f) in breakdown_ratios:
            drop(p, "breakdown")
        elif negative and not any(_has((w,), target_low) for w in negative):
            drop(p, "not_done")
        elif _has(vocab.CHECK_PROPOSAL_WORDS, low[p.sentence : f.span[0]]):
            drop(p, "proposal")
        elif year is not None and end_year is not None and end_year < year < _NOW:
            drop(p, "after_period")
        else:
            kept.append(Candidate(p, _direction(f, p.before), year))
    years = {c.year for c in kept if c.year is not None}
    if years:
        latest = max(years)
        for c in kept:
            if c.year != latest:
                drop(c.placed, "earlier_year")
        kept = [c for c in kept if c.year == latest]
    return kept, excluded


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


def _pair_lists(parts: list[Part], candidates: list[Candidate], result: Measurement) -> bool:
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
        if runs and re.fullmatch(
            r"\s*(?:,|và|,\s*và)?\s*",
            c.placed.low[runs[-1][-1].figure.span[1] : c.figure.span[0]],
        ):
            runs[-1].append(c)
        else:
            runs.append([c])
    return [r for r in runs if len(r) > 1]


def _pair_single(part: Part, candidates: list[Candidate], target: str, result: Measurement) -> None:
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
        figures = ", ".join(_describe(c.figure) for c in fitting)
        figures_en = ", ".join(_describe(c.figure, en=True) for c in fitting)
        result.reason = (
            f"có nhiều số liệu ({figures}) cho kết quả khác nhau, không rõ số nào đo mục tiêu"
        )
        result.reason_en = f"several figures ({figures_en}) disagree and none is clearly the one"
        return
    result.pairs.append(_pair(part, chosen))


def _explain_none(part: Part, candidates: list[Candidate], result: Measurement) -> None:
    if candidates and all(c.direction != part.direction for c in candidates):
        kind = {"reduce": "mức giảm", "increase": "mức tăng", "level": "mức đạt được"}
        kind_en = {"reduce": "a reduction", "increase": "an increase", "level": "a level"}
        result.reason = (
            f"mục tiêu đo {kind[part.direction]} nhưng phần thực trạng chỉ nêu "
            f"{', '.join(_describe(c.figure) for c in candidates)}"
        )
        result.reason_en = (
            f"the target measures {kind_en[part.direction]}, the notes give only "
            f"{', '.join(_describe(c.figure, en=True) for c in candidates)}"
        )
    else:
        result.reason = "số liệu trong phần thực trạng không nói về nội dung của mục tiêu"
        result.reason_en = "the notes figures are not about what the target measures"


def _choose(candidates: list[Candidate], words: set[str], part: Part) -> Candidate | None:
    """The candidate sharing clearly more words with ``words``, or the first when all agree."""
    if len(candidates) == 1:
        return candidates[0]
    scored = sorted(candidates, key=lambda c: -len(_bag(c.placed.about) & words))
    best, second = (len(_bag(c.placed.about) & words) for c in scored[:2])
    if best >= 2 and best >= 1.5 * second and best - second >= 2:
        return scored[0]
    verdicts = {_verdict(c.figure, part) for c in candidates}
    if len(verdicts) == 1 and verdicts != {"undecided"}:
        return scored[0]
    return None


def _pair_by_own_words(
    parts: list[Part], rest: list[Part], candidates: list[Candidate], result: Measurement
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
        words = _bag(c.placed.about)
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
        result.reason = "không xác định được số liệu nào ứng với từng ngưỡng của mục tiêu"
        result.reason_en = "no notes figure could be matched to a threshold"


def _pair(part: Part, candidate: Candidate) -> Pair:
    return Pair(part, candidate.figure, candidate.placed.clause, _verdict(candidate.figure, part))


def _conclude(result: Measurement, rank: int | None) -> Measurement:
    """The record's verdict from its pairs (see the module docstring, step 4)."""
    verdicts = {id(p.part): p.verdict for p in result.pairs}
    parts = result.parts

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
            result.reason = (
                f"số liệu {_describe(pair.figure)} không đủ để biết đã đạt {part.describe()} chưa"
            )
            result.reason_en = (
                f"{_describe(pair.figure, en=True)} cannot tell whether "
                f"{part.describe(en=True)} is met"
            )
        else:
            result.reason = f"phần thực trạng không nêu số liệu cho ngưỡng {part.describe()}"
            result.reason_en = f"the notes give no figure for {part.describe(en=True)}"
    return result


# A figure as an interval of the true value, a threshold as a condition on it.
_INF = float("inf")


def _interval(f: Figure) -> tuple[float, bool, float, bool]:
    """(low, low open, high, high open) of the value a notes figure states."""
    v = round(_percent(f), 6)
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
    """The values that meet a threshold: a bare "100%" is met at or above it (SPEC)."""
    t = round(_percent(f), 6)
    q = f.qualifier
    if q == "above":
        return t, True, _INF, True
    if q == "below":
        return -_INF, True, t, True
    if q == "at_most":
        return -_INF, True, t, False
    return t, False, _INF, True


def _verdict(f: Figure, part: Part) -> str:
    """The verdict, "met", "unmet" or "undecided": the figure's interval against every condition."""
    lo, lo_open, hi, hi_open = _interval(f)
    result = "met"
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


# ------------------------------------------------------------------------- text around figures


@dataclass(frozen=True)
class _Placed:
    """A figure with the clause it sits in: from the previous clause break to the next one."""

    figure: Figure
    start: int
    end: int
    text: str
    low: str
    sentence: int = 0  # where its sentence starts
    head: str = ""  # the sentence's words before its first figure, when that is another figure

    @property
    def about(self) -> str:
        """What the figure is about: its clause, after the subject its sentence opens with
        ("Hồ sơ được số hóa đạt 100% ở cấp huyện và 60% ở cấp xã": both are about "hồ sơ")."""
        return f"{self.head} {self.clause}" if self.head else self.clause

    @property
    def before(self) -> str:
        return self.low[self.start : self.figure.span[0]]

    @property
    def after(self) -> str:
        return self.low[self.figure.span[1] : self.end]

    @property
    def clause(self) -> str:
        return self.text[self.start : self.end].strip(" ,;.")


# Sentence breaks: ";", "!", "?", a full stop before a space, a line break.
_STRONG = re.compile(r"[;!?\n]|\.(?=\s|$)")


def _place(text: str, figures: Iterable[Figure]) -> list[_Placed]:
    """Each figure with its clause. Between two figures the clause break is the last sentence
    break, else the last comma, between them; the first starts at its sentence."""
    low = _lower(text)
    figs = sorted(figures, key=lambda f: f.span)
    starts = [f.span[0] for f in figs]
    sentences = _sentence_starts(low)
    out = []
    for i, f in enumerate(figs):
        lo = figs[i - 1].span[1] if i else 0
        gap = text[lo : f.span[0]]
        breaks = list(_STRONG.finditer(gap))
        if breaks:
            start = lo + breaks[-1].end()
        elif i and (comma := gap.rfind(",")) >= 0:
            start = lo + comma + 1
        else:
            start = lo
        hi = figs[i + 1].span[0] if i + 1 < len(figs) else len(text)
        gap = text[f.span[1] : hi]
        found = _STRONG.search(gap)
        if found:
            end = f.span[1] + found.start()
        elif i + 1 < len(figs) and (comma := gap.rfind(",")) >= 0:
            end = f.span[1] + comma
        else:
            end = hi
        sentence = sentences[bisect_right(sentences, f.span[0]) - 1]
        first = bisect_left(starts, sentence)
        head = text[sentence : starts[first]].strip() if first < i else ""
        out.append(_Placed(f, start, end, text, low, sentence, head))
    return out


@lru_cache(maxsize=1024)
def _sentence_starts(low: str) -> list[int]:
    """Where each sentence of ``low`` starts: 0 and the end of every sentence break."""
    return [0, *(m.end() for m in _STRONG.finditer(low))]


_NOW = 9999  # "đến nay", "hiện nay": later than any year
_YEARS = re.compile(
    r"(?<!\w)năm\s+((?:19|20)\d\d(?:\s*(?:,|và|-|–)\s*(?:năm\s+)?(?:19|20)\d\d)*)(?!\d)"
)


def _year_marks(low: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of each "năm 2021, 2022" (the latest of a list) and each "đến nay"."""
    marks = []
    for m in _YEARS.finditer(low):
        if any(low[: m.start()].rstrip().endswith(w) for w in vocab.CHECK_BASELINE_WORDS):
            continue  # "so với năm 2021": a baseline, not the period of what follows
        marks.append((m.start(), m.end(), max(int(y) for y in re.findall(r"\d{4}", m.group(1)))))
    for m in _words_re(vocab.CHECK_NOW_WORDS).finditer(low):
        marks.append((m.start(), m.end(), _NOW))
    return sorted(marks)


def _year_of(p: _Placed, marks: list[tuple[int, int, int]]) -> int | None:
    """The year a notes figure belongs to: "(năm 2023)" right after it, else the last before."""
    follows = re.match(r"\s*\(?\s*năm\s+((?:19|20)\d\d)(?!\d)", p.low[p.figure.span[1] :])
    if follows:
        return int(follows.group(1))
    before = [year for start, _, year in marks if start < p.figure.span[0]]
    return before[-1] if before else None


def _direction(f: Figure, before: str) -> str:
    """What a figure measures, "reduce", "increase" or "level": from its qualifier or the words
    just before it ("giảm 12%"; but "tăng lên 80%" states a level)."""
    if f.qualifier == "reduce_at_least":
        return "reduce"
    if f.qualifier == "increase_at_least":
        return "increase"
    tail = " ".join(
        w for w in before.split()[-4:] if w not in ("tối", "thiểu", "ít", "nhất", "tối đa")
    )
    if _ends(vocab.CHECK_LEVEL_AFTER_CHANGE, tail):
        return "level"
    if _has(vocab.CHECK_REDUCE_WORDS, tail):
        return "reduce"
    if _has(vocab.CHECK_INCREASE_WORDS, tail):
        return "increase"
    return "level"


def _relevant(c: Candidate, target_words: set[str]) -> bool:
    """About the same thing: a shared word, or the figure follows "đạt" / "tỷ lệ"."""
    if _bag(c.placed.about) & target_words:
        return True
    return _has(vocab.CHECK_RESULT_WORDS, " ".join(c.placed.before.split()[-4:]))


def _unit_rank(unit: str | None) -> int | None:
    """3 for a province-level body, 2 for a district, 1 for a commune, None when unknown."""
    if not unit:
        return None
    folded = fold(unit)
    for word, level in vocab.CHECK_UNIT_LEVEL_WORDS:
        if _has((word,), folded):
            return vocab.CHECK_LEVEL_RANK[level]
    return None


def _notes_rank(notes: str) -> int | None:
    """The highest administrative level the notes speak of ("cấp huyện, cấp xã" → 2)."""
    low = _lower(notes)
    ranks = [
        vocab.CHECK_LEVEL_RANK[level]
        for level, words in vocab.CHECK_LEVELS.items()
        if _has(words, low)
    ]
    return max(ranks) if ranks else None


# ------------------------------------------------------------------------------ small helpers


def _is_measure(f: Figure) -> bool:
    return f.kind == "percent" or (f.kind == "ratio" and bool(f.denominator or f.value))


def _percent(f: Figure) -> float:
    """A percentage, or a ratio read as one."""
    if f.kind == "ratio":
        if f.numerator is not None and f.denominator:
            return f.numerator / f.denominator * 100
        return f.value * 100
    return f.value


@lru_cache(maxsize=1024)
def _lower(text: str) -> str:
    """Lower case with the same length as ``text``, so figure spans index both."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # "İ" and the like


@lru_cache(maxsize=256)
def _words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _has(words: tuple[str, ...], text: str) -> bool:
    return bool(_words_re(words).search(text))


def _starts(words: tuple[str, ...], text: str) -> bool:
    found = _words_re(words).match(text.strip())
    return bool(found)


def _ends(words: tuple[str, ...], text: str) -> bool:
    return any(m.end() == len(text.rstrip()) for m in _words_re(words).finditer(text.rstrip()))


@lru_cache(maxsize=4096)
def _bag(text: str) -> frozenset[str]:
    """The words of ``text`` that say what it is about, and their adjacent pairs."""
    words: list[str] = []
    for token in fold(text).split():
        for word in vocab.CHECK_ABBREVIATIONS.get(token, token).split():
            word = "tỷ" if word == "tỉ" else word
            if word in vocab.CHECK_STOPWORDS or any(ch.isdigit() for ch in word):
                continue
            words.append(word)
    return frozenset(words) | frozenset(f"{a} {b}" for a, b in pairwise(words))


def _count(value: float, en: bool = False) -> str:
    """A count with its thousands grouped: "1.381" in Vietnamese, "1,381" in English."""
    text = f"{value:,.0f}" if value == int(value) else _num(value, 2, en=True)
    return text if en else text.translate(str.maketrans(",.", ".,"))


def _num(value: float, places: int = 2, en: bool = False) -> str:
    """A number as written in Vietnamese ("20,78"), or in English ("20.78")."""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    return text if en else text.replace(".", ",")


_QUALIFIER_VI = {
    "exact": "",
    "at_least": "tối thiểu ",
    "above": "trên ",
    "below": "dưới ",
    "at_most": "tối đa ",
    "approx": "khoảng ",
    "reduce_at_least": "giảm tối thiểu ",
    "increase_at_least": "tăng tối thiểu ",
}
_QUALIFIER_EN = {
    "exact": "",
    "at_least": "at least ",
    "above": "above ",
    "below": "below ",
    "at_most": "at most ",
    "approx": "about ",
    "reduce_at_least": "a cut of at least ",
    "increase_at_least": "a rise of at least ",
}


def _describe(f: Figure, en: bool = False) -> str:
    """A figure as an officer reads it: "trên 80%", "9/10 = 90%"."""
    words = (_QUALIFIER_EN if en else _QUALIFIER_VI).get(f.qualifier, "")
    if f.kind == "ratio" and f.numerator is not None and f.denominator:
        return f"{words}{f.numerator}/{f.denominator} = {_num(_percent(f), 1, en)}%"
    return f"{words}{_num(f.value, 2, en)}%"


def _fig(f: Figure) -> dict[str, Any]:
    out: dict[str, Any] = {"text": f.text, "kind": f.kind, "value": f.value}
    if f.kind == "ratio":
        out.update(numerator=f.numerator, denominator=f.denominator)
    if f.unit:
        out["unit"] = f.unit
    if f.qualifier != "exact":
        out["qualifier"] = f.qualifier
    return out


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


__all__ = [
    "CODES",
    "SEVERITY",
    "Measurement",
    "completed_below_target",
    "count_statuses",
    "duplicate_id",
    "figure_out_of_range",
    "in_progress_meets_target",
    "measure",
    "missing_status",
    "not_measurable",
    "notes_candidates",
    "numbering_gap",
    "run_checks",
    "share_mismatch",
    "summary_count_mismatch",
    "threshold_parts",
    "unknown_status",
]
