"""Every flag code, with its severity and the stage that raises it, and the one way to build a
:class:`~appendixparse.models.Flag`."""

from __future__ import annotations

from typing import Any, Literal, get_args

from ..models import Flag, FlagCode, Severity
from .messages import Values, render

Stage = Literal["document", "record", "consolidation"]

# In the order a report lists a record's flags (document-level ones come first).
REGISTRY: dict[FlagCode, tuple[Severity, Stage]] = {
    "summary_count_mismatch": ("error", "document"),
    "completed_below_target": ("error", "record"),
    "figure_out_of_range": ("error", "record"),
    "share_mismatch": ("error", "record"),
    "in_progress_meets_target": ("warning", "record"),
    "unknown_status": ("warning", "record"),
    "missing_status": ("warning", "record"),
    "duplicate_id": ("error", "document"),
    "numbering_gap": ("warning", "document"),
    "not_measurable": ("info", "record"),
    "unmatched_row": ("warning", "consolidation"),
    "missing_target": ("warning", "consolidation"),
    "duplicate_unit": ("warning", "consolidation"),
}
assert set(REGISTRY) == set(get_args(FlagCode)), "models.FlagCode and the registry differ"

SEVERITY: dict[FlagCode, Severity] = {code: severity for code, (severity, _) in REGISTRY.items()}
# The codes a report raises (its checks), in the order flags are sorted.
REPORT_CODES: tuple[FlagCode, ...] = tuple(
    c for c, (_, s) in REGISTRY.items() if s != "consolidation"
)
# The codes one record raises on its own (``flags.record_flags``).
RECORD_CODES: tuple[FlagCode, ...] = tuple(c for c, (_, s) in REGISTRY.items() if s == "record")
CONSOLIDATION_CODES: tuple[FlagCode, ...] = tuple(
    c for c, (_, s) in REGISTRY.items() if s == "consolidation"
)


def make_flag(
    code: FlagCode,
    record: str | None,
    evidence: dict[str, Any],
    /,
    *,
    message: str | None = None,
    **values: Values,
) -> Flag:
    """The flag ``code`` on ``record`` (None: the document), its messages rendered from the
    message table (entry ``message``, else ``code``) with ``values``."""
    vi, en = render(message or code, **values)
    return Flag(
        code=code,
        severity=SEVERITY[code],
        record=record,
        message=vi,
        message_en=en,
        evidence=evidence,
    )
