"""Figures read by OCR in the checks: a doubtful reading decides nothing.

A figure read below the confidence threshold that decides a check (the notes figure that
measures a target, the target's threshold, a share out of range or mismatched) raises
``ocr_low_confidence`` and leaves the check ``not_measurable``. OCR confuses "," and "." in
numbers: an error that holds only under the scan's reading of them is not raised either; the
check is left ``not_measurable`` with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..models import Figure, Flag, Measurement, Record
from ..text.figures import extract_figures
from .clauses import Placed, place
from .measure import measure
from .messages import render
from .registry import make_flag
from .wording import figure_evidence

_SEPARATOR = re.compile(r"\d[.,]\d")
_SWAP = str.maketrans({",": ".", ".": ","})

FigureCheck = Callable[[Record, list[Placed]], list[Flag]]
MeasuredCheck = Callable[[Record, Measurement], list[Flag]]
StatusCheck = Callable[[Record], list[Flag]]


def read_by_ocr(record: Record) -> bool:
    """Was any figure of the record read by OCR?"""
    return any(f.confidence is not None for f in (*record.figures, *record.target_figures))


def review(
    record: Record,
    result: Measurement,
    threshold: float,
    *,
    unit_rank: int | None,
    end_year: int | None,
    figure_checks: Sequence[FigureCheck],
    measured_checks: Sequence[MeasuredCheck],
    status_checks: Sequence[StatusCheck],
) -> list[Flag]:
    """The flags of a record read by OCR: the checks of ``flags.record_flags`` with OCR's
    doubtful readings deciding none of them (the record's measurement is updated)."""
    result, low = _review_measurement(record, result, threshold, unit_rank, end_year)
    record.measurement = result
    flags = [f for check in status_checks for f in check(record)]
    placed = place(record.notes, record.figures)
    for figure_check in figure_checks:
        flags += _review_figure_flags(record, figure_check(record, placed), figure_check, threshold)
    flags += [f for measured in measured_checks for f in measured(record, result)]
    if low:
        flags.append(_low_confidence(record, low, "measure", threshold))
    return flags


def _low(figures: Iterable[Figure], threshold: float) -> list[Figure]:
    out: list[Figure] = []
    for f in figures:
        if f.confidence is not None and f.confidence < threshold and f not in out:
            out.append(f)
    return out


def _separated(figures: Iterable[Figure]) -> list[Figure]:
    return [f for f in figures if f.confidence is not None and _SEPARATOR.search(f.text)]


def _swapped(record: Record, figure: Figure) -> Record:
    """The record as it reads with the figure's "," and "." the other way round."""
    start, end = figure.span
    notes = record.notes[:start] + record.notes[start:end].translate(_SWAP) + record.notes[end:]
    return record.model_copy(
        update={
            "notes": notes,
            "figures": extract_figures(notes, field="notes"),
            "measurement": None,
        }
    )


def _low_confidence(record: Record, figures: list[Figure], check: str, threshold: float) -> Flag:
    said = ", ".join(f'"{f.text}" ({f.confidence:.0f})' for f in figures)
    return make_flag(
        "ocr_low_confidence",
        record.id,
        {
            "check": check,
            "threshold": threshold,
            "figures": [{**figure_evidence(f), "confidence": f.confidence} for f in figures],
        },
        record=record.id,
        figures=said,
        threshold=f"{threshold:g}",
        check=check,
    )


def _unknown(result: Measurement, message: str, **values: Any) -> Measurement:
    vi, en = render(message, **values)
    return result.model_copy(update={"verdict": "unknown", "reason": vi, "reason_en": en})


def _review_measurement(
    record: Record,
    result: Measurement,
    threshold: float,
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
            deciding += [pair.figure, *result.thresholds[pair.threshold].figures]
    low = _low(deciding, threshold)
    if low:
        said = ", ".join(f'"{f.text}"' for f in low)
        return _unknown(result, "reason.ocr_low_confidence", figures=said), low
    if record.status == "completed" and result.verdict == "unmet":  # an error would follow
        unmet = [p.figure for p in result.pairs if p.verdict == "unmet"]
        for figure in _separated(unmet):
            other = measure(_swapped(record, figure), unit_rank=unit_rank, end_year=end_year)
            if other.verdict != "unmet":
                return _unknown(result, "reason.ocr_separator", text=figure.text), []
    return result, []


def _review_figure_flags(
    record: Record, flags: list[Flag], check: FigureCheck, threshold: float
) -> list[Flag]:
    """The flags of one figure check (``figure_out_of_range``, ``share_mismatch``) with those
    a doubtful OCR reading decides replaced by ``ocr_low_confidence`` or ``not_measurable``."""
    out: list[Flag] = []
    for found in flags:
        figures = _evidence_figures(record, found)
        low = _low(figures, threshold)
        if low:
            out.append(_low_confidence(record, low, found.code, threshold))
            continue
        ambiguous = None
        for figure in _separated(figures):
            other = _swapped(record, figure)
            if not any(
                g.code == found.code for g in check(other, place(other.notes, other.figures))
            ):
                ambiguous = figure
                break
        if ambiguous is None:
            out.append(found)
            continue
        out.append(
            make_flag(
                "not_measurable",
                record.id,
                {
                    "check": found.code,
                    "figure": {**figure_evidence(ambiguous), "confidence": ambiguous.confidence},
                    "reason": f'"," and "." may be swapped in "{ambiguous.text}" (OCR)',
                },
                message="not_measurable.ocr_separator",
                record=record.id,
                check=found.code,
                text=ambiguous.text,
            )
        )
    return out


def _evidence_figures(record: Record, found: Flag) -> list[Figure]:
    """The record's figures a flag's evidence names (by text and value)."""
    named = [v for k, v in found.evidence.items() if k in ("figure", "count", "total", "share")]
    keys = {(v.get("text"), v.get("value")) for v in named if isinstance(v, dict)}
    return [f for f in record.figures if (f.text, f.value) in keys]
