"""Figures read by OCR in the checks: a doubtful reading decides nothing.

A figure read below the confidence threshold that decides a check (the notes figure that
measures a target, the target's threshold, a share out of range or mismatched) raises
``ocr_low_confidence`` and leaves the check ``not_measurable``. OCR confuses "," and "." in
numbers: an error that holds only under the scan's reading of them is not raised either; the
check is left ``not_measurable`` with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..models import Figure, Flag, Record
from ..text.figures import extract_figures
from .measure import Measurement, measure
from .wording import describe, figure_evidence

_SEPARATOR = re.compile(r"\d[.,]\d")
_SWAP = str.maketrans({",": ".", ".": ","})

FlagMaker = Callable[..., Flag]


def read_by_ocr(record: Record) -> bool:
    return any(f.confidence is not None for f in (*record.figures, *record.target_figures))


def _low(figures: Iterable[Figure], threshold: float) -> list[Figure]:
    return [f for f in figures if f.confidence is not None and f.confidence < threshold]


def _separated(figures: Iterable[Figure]) -> list[Figure]:
    return [f for f in figures if f.confidence is not None and _SEPARATOR.search(f.text)]


def _swapped(record: Record, figure: Figure) -> Record:
    """The record as it reads with the figure's "," and "." the other way round."""
    start, end = figure.span
    notes = record.notes[:start] + record.notes[start:end].translate(_SWAP) + record.notes[end:]
    return record.model_copy(
        update={"notes": notes, "figures": extract_figures(notes, field="notes")}
    )


def low_confidence_flag(
    flag: FlagMaker, record: Record, figures: list[Figure], check: str, threshold: float
) -> Flag:
    said = ", ".join(f'"{f.text}" ({f.confidence:.0f})' for f in figures)
    return flag(
        "ocr_low_confidence",
        record.id,
        f"Chỉ tiêu {record.id}: số liệu {said} đọc từ bản quét (OCR) với độ tin cậy dưới "
        f"{threshold:g}, nên không dùng để đối chiếu ({check}). Đề nghị kiểm tra với bản gốc.",
        f"Target {record.id}: {said} was read from a scan (OCR) with a confidence below "
        f"{threshold:g}, so it decides no check ({check}). Check it against the original.",
        check=check,
        threshold=threshold,
        figures=[{**figure_evidence(f), "confidence": f.confidence} for f in figures],
    )


def review_measurement(
    record: Record,
    result: Measurement,
    threshold: float,
    *,
    unit_rank: int | None,
    end_year: int | None,
) -> tuple[Measurement, list[Figure]]:
    """The measurement with OCR's doubtful readings taken out of it, and the low-confidence
    figures that decided it (for ``ocr_low_confidence``)."""
    if result.verdict == "unknown":
        return result, []
    deciding: list[Figure] = []
    for pair in result.pairs:
        if pair.verdict in ("met", "unmet"):
            deciding += [pair.figure, *pair.part.figures]
    low = _dedupe(_low(deciding, threshold))
    if low:
        result.verdict = "unknown"
        result.reason = "số liệu đọc từ bản quét (OCR) có độ tin cậy thấp: " + ", ".join(
            f'"{f.text}"' for f in low
        )
        result.reason_en = "a figure read from a scan (OCR) has a low confidence: " + ", ".join(
            f'"{f.text}"' for f in low
        )
        return result, low
    if record.status == "completed" and result.verdict == "unmet":  # an error flag would follow
        for figure in _separated(
            f for p in result.pairs if p.verdict == "unmet" for f in [p.figure]
        ):
            other = measure(_swapped(record, figure), unit_rank=unit_rank, end_year=end_year)
            if other.verdict != "unmet":
                result.verdict = "unknown"
                result.reason = (
                    f'số liệu "{figure.text}" đọc từ bản quét (OCR): không phân biệt chắc chắn '
                    'dấu "," và "."'
                )
                result.reason_en = (
                    f'"{figure.text}" was read from a scan (OCR), where "," and "." cannot be '
                    "told apart with certainty"
                )
                break
    return result, []


def review_figure_flags(
    record: Record,
    flags: list[Flag],
    check: Callable[[Record], list[Flag]],
    threshold: float,
    flag: FlagMaker,
) -> list[Flag]:
    """The flags of one figure check (``figure_out_of_range``, ``share_mismatch``) with those
    a doubtful OCR reading decides replaced by ``ocr_low_confidence`` or ``not_measurable``."""
    out: list[Flag] = []
    for found in flags:
        figures = _evidence_figures(record, found)
        low = _low(figures, threshold)
        if low:
            out.append(low_confidence_flag(flag, record, low, found.code, threshold))
            continue
        ambiguous = next(
            (
                f
                for f in _separated(figures)
                if not any(g.code == found.code for g in check(_swapped(record, f)))
            ),
            None,
        )
        if ambiguous is None:
            out.append(found)
            continue
        out.append(
            flag(
                "not_measurable",
                record.id,
                f"Chỉ tiêu {record.id}: không kết luận được ({found.code}) vì số liệu "
                f'"{ambiguous.text}" đọc từ bản quét (OCR), không phân biệt chắc chắn dấu "," '
                'và ".". Đề nghị kiểm tra với bản gốc.',
                f'Target {record.id}: no conclusion ({found.code}): "{ambiguous.text}" was read '
                'from a scan (OCR), where "," and "." cannot be told apart with certainty. '
                "Check it against the original.",
                check=found.code,
                figure={**figure_evidence(ambiguous), "confidence": ambiguous.confidence},
                reason=f'"," and "." may be swapped in "{ambiguous.text}" (OCR)',
            )
        )
    return out


def _evidence_figures(record: Record, found: Flag) -> list[Figure]:
    """The record's figures a flag's evidence names (by text and value)."""
    named = [v for k, v in found.evidence.items() if k in ("figure", "count", "total", "share")]
    keys = {(v.get("text"), v.get("value")) for v in named if isinstance(v, dict)}
    return [f for f in record.figures if (f.text, f.value) in keys]


def _dedupe(figures: list[Figure]) -> list[Figure]:
    seen: set[int] = set()
    out = []
    for f in figures:
        if id(f) not in seen:
            seen.add(id(f))
            out.append(f)
    return out


__all__ = ["describe", "low_confidence_flag", "read_by_ocr", "review_figure_flags",
           "review_measurement"]  # fmt: skip
