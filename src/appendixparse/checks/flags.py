"""The flags: one small function per code, each a pure function of the report.

Most codes are simple counts (summary, statuses, numbering). The figure checks rest on one
decision, :func:`appendixparse.measure.measure`: which notes figure measures the target (that
module's docstring tells how).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any, Literal

from ..models import Flag, Record, Report
from ..text.figures import written_decimals
from . import vocabulary as vocab
from .clauses import BREAKDOWN_END, Placed, ends_with_word, has_word, lower, place
from .measure import Measurement, measure, unit_rank
from .wording import describe, figure_evidence, format_count, format_number, shorten

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
    rank = unit_rank(report.unit)
    end_year = report.period.end.year if report.period and report.period.end else None
    for record in report.records:
        flags += record_flags(record, unit_rank=rank, end_year=end_year)
    order = {r.id: i for i, r in reversed(list(enumerate(report.records)))}
    return sorted(
        flags,
        key=lambda f: (f.record is not None, order.get(f.record or "", -1), CODES.index(f.code)),
    )


RECORD_CODES: tuple[str, ...] = (
    "unknown_status", "missing_status", "figure_out_of_range", "share_mismatch",
    "completed_below_target", "in_progress_meets_target", "not_measurable",
)  # fmt: skip


def record_flags(record: Record, *, unit_rank: int | None, end_year: int | None) -> list[Flag]:
    """The flags one record raises on its own (codes in :data:`RECORD_CODES`): its status, and
    its figures against its target."""
    result = measure(record, unit_rank=unit_rank, end_year=end_year)
    return [
        *unknown_status(record),
        *missing_status(record),
        *figure_out_of_range(record),
        *share_mismatch(record),
        *completed_below_target(record, result),
        *in_progress_meets_target(record, result),
        *not_measurable(record, result),
    ]


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


def summary_not_read(reason: str) -> Flag:
    """The info flag of a declared summary that was left unread (``reason`` says why)."""
    return _flag(
        "not_measurable",
        None,
        "Không đọc được phần tổng hợp số chỉ tiêu một cách chắc chắn (một số liệu ghi chung cho "
        "hai mức độ hoàn thành), nên không đối chiếu với bảng đánh giá. Đề nghị ghi riêng số "
        "chỉ tiêu đã hoàn thành, đang thực hiện, chưa thực hiện.",
        f"The declared summary was not read: {reason}; it is not checked against the table.",
        reason=reason,
    )


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
                f'"{shorten(seen.target)}"). Đề nghị đánh số lại cho đúng.',
                f'Row number {record.id} appears twice (first: "{shorten(seen.target)}"). '
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
            f'Chỉ tiêu {record.id}: mức đánh giá "{shorten(record.status_raw)}" không thuộc các '
            'mức "Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện" hoặc "Cấp tỉnh thực '
            'hiện". Đề nghị ghi lại đúng mức đánh giá.',
            f'Target {record.id}: "{shorten(record.status_raw)}" is not a known status '
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
            target=shorten(record.target),
        )
    ]


def figure_out_of_range(record: Record) -> list[Flag]:
    """A share above 100%, or a ratio whose numerator exceeds its denominator, in the notes.

    A percentage is a share when a share word ("tỷ lệ", "hài lòng", "chiếm") comes earlier in its
    clause or a noun follows it ("120% hồ sơ"); a percentage of a plan ("105% kế hoạch", "so với",
    "tỷ lệ giải ngân … 110%") or of growth ("tăng 120%") may exceed 100 and is left alone.
    """
    flags = []
    for p in place(record.notes, record.figures):
        f = p.figure
        if f.kind == "ratio" and f.numerator is not None and f.denominator is not None:
            if f.numerator > f.denominator and not _against_plan(p):
                flags.append(
                    _flag(
                        "figure_out_of_range",
                        record.id,
                        f'Chỉ tiêu {record.id}: số liệu "{f.text}" có tử số lớn hơn mẫu số '
                        f"({f.numerator} > {f.denominator}). Đề nghị kiểm tra lại số liệu.",
                        f'Target {record.id}: "{f.text}" has a numerator above its denominator '
                        f"({f.numerator} > {f.denominator}). Check the figure.",
                        figure=figure_evidence(f),
                    )
                )
        elif f.kind == "percent" and f.value > 100 and _is_share(p) and not _is_plan_or_growth(p):
            flags.append(
                _flag(
                    "figure_out_of_range",
                    record.id,
                    f'Chỉ tiêu {record.id}: tỷ lệ "{describe(f)}" vượt quá 100% '
                    f'("{shorten(p.clause, 90)}"). Một tỷ lệ không thể lớn hơn 100%; đề nghị '
                    "kiểm tra lại số liệu.",
                    f'Target {record.id}: the share "{describe(f, en=True)}" is above 100% '
                    f'("{shorten(p.clause, 90)}"). A share cannot exceed 100%; check it.',
                    figure=figure_evidence(f),
                    context=shorten(p.clause, 200),
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


def share_mismatch(record: Record) -> list[Flag]:
    """A share "N …, chiếm tỷ lệ P%" where N of the stated total differs from P by more than
    one unit of P's last written decimal (0.1 for "20,6%", 1 for "77%").

    The total is the last count before the share that opens a breakdown: one followed by
    "trong đó"/"gồm" before the next figure, or preceded by "tổng số" in its clause. A share
    whose base is stated in its sentence ("12.450 hồ sơ … trên tổng số 20.100 hồ sơ, đạt
    68,5%") is checked the same way.
    """
    placed = place(record.notes, record.figures)
    low = lower(record.notes)
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
            if not BREAKDOWN_END.search(p.before) or total is None:
                continue
            if not i or placed[i - 1] is total or placed[i - 1].figure.kind != "count":
                continue
            part = placed[i - 1]
            if not total.figure.value or _other_base(p, total):
                continue
            base = total
        total_value = base.figure.value
        said = f'"chiếm tỷ lệ {format_number(f.value)}%"'
        if based is not None:
            said = f'"{_after_noun(low, base, p).strip(" ,:")} {f.text}"'
        actual = part.figure.value / total_value * 100
        unit = 10.0 ** -written_decimals(f.text)
        if abs(actual - f.value) <= unit + 1e-9:
            continue
        n, t = format_count(part.figure.value), format_count(total_value)
        n_en, t_en = (
            format_count(part.figure.value, en=True),
            format_count(total_value, en=True),
        )
        flags.append(
            _flag(
                "share_mismatch",
                record.id,
                f"Chỉ tiêu {record.id}: {n} trên tổng số {t} là {format_number(actual, 2)}%, "
                f"nhưng báo cáo ghi {said}, lệch hơn "
                f"{format_number(unit)} điểm phần trăm. "
                "Đề nghị kiểm tra lại số liệu hoặc cách tính tỷ lệ.",
                f"Target {record.id}: {n_en} of the total {t_en} is "
                f"{format_number(actual, 2, en=True)}%, but the report says "
                f"{format_number(f.value, en=True)}%, "
                f"more than {format_number(unit, en=True)} point off. "
                "Check the counts or the share.",
                count=figure_evidence(part.figure),
                total=figure_evidence(base.figure),
                share=figure_evidence(f),
                computed=round(actual, 4),
                tolerance=unit,
            )
        )
    return flags


_SENTENCE_END = re.compile(r"\.(?=\s|$)|\n")
# "… trên tổng số 20.100 hồ sơ": the base a count is a part of; ", đạt 68,5%": its share.
_ON_BASE = re.compile(r"(?<!\w)trên\s+tổng(?:\s+số)?\s*$")
_BASE_SHARE = re.compile(r"^\s*,?\s*(?:đạt|chiếm|bằng)(?:\s+t[ỷỉ]\s+lệ)?\s*(?:là\s*)?:?\s*$")


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


def _other_base(share: Placed, total: Placed) -> bool:
    """The share names its own base, and it is not the total's noun ("chiếm 40% số đảng viên
    trẻ" after a total of "200 cán bộ")."""
    head = share.after.strip(" :")
    base = re.match(r"(?:trên\s+|so với\s+)?(?:tổng\s+)?số\s+(.+)", head)
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
    fig, thr = pair.figure, pair.part
    return [
        _flag(
            "completed_below_target",
            record.id,
            f'Chỉ tiêu {record.id} được đánh giá "{record.status_raw}", nhưng số liệu trong phần '
            f'thực trạng ({describe(fig)}: "{shorten(pair.clause, 90)}") chưa đạt ngưỡng '
            f"{thr.describe()} của mục tiêu. Đề nghị đánh giá lại mức độ hoàn thành hoặc bổ sung "
            "số liệu đúng.",
            f'Target {record.id} is marked completed ("{record.status_raw}"), but the notes '
            f'figure {describe(fig, en=True)} ("{shorten(pair.clause, 90)}") falls short of '
            f"the threshold {thr.describe(en=True)}. Re-assess the status or correct the figure.",
            **result.evidence(),
        )
    ]


def in_progress_meets_target(record: Record, result: Measurement) -> list[Flag]:
    """Status in progress, but the notes figure that measures the target already meets it."""
    if record.status != "in_progress" or result.verdict != "met":
        return []
    met = [p for p in result.pairs if p.verdict == "met"]
    said = "; ".join(f"{describe(p.figure)} so với ngưỡng {p.part.describe()}" for p in met)
    said_en = "; ".join(
        f"{describe(p.figure, en=True)} against {p.part.describe(en=True)}" for p in met
    )
    return [
        _flag(
            "in_progress_meets_target",
            record.id,
            f'Chỉ tiêu {record.id} được đánh giá "{record.status_raw}", nhưng phần thực trạng '
            f'đã đạt ngưỡng của mục tiêu ({said}: "{shorten(met[0].clause, 90)}"). Đề nghị xem '
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


__all__ = [
    "CODES",
    "SEVERITY",
    "completed_below_target",
    "count_statuses",
    "duplicate_id",
    "figure_out_of_range",
    "in_progress_meets_target",
    "missing_status",
    "not_measurable",
    "numbering_gap",
    "run_checks",
    "share_mismatch",
    "summary_count_mismatch",
    "unknown_status",
]
