"""The output contract as pydantic models: Report, Record, Figure, Flag and their parts."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_serializer

if TYPE_CHECKING:
    import pandas as pd

Status = Literal["completed", "in_progress", "not_started", "not_applicable", "unknown"]
Severity = Literal["error", "warning", "info"]
Qualifier = Literal[
    "exact",
    "at_least",
    "above",
    "below",
    "at_most",
    "approx",
    "reduce_at_least",
    "increase_at_least",
]


# The flag codes of the checks (a report's own) and of consolidation; their severities and
# stages are registered in ``checks.registry``.
FlagCode = Literal[
    "summary_count_mismatch",
    "completed_below_target",
    "figure_out_of_range",
    "share_mismatch",
    "in_progress_meets_target",
    "unknown_status",
    "missing_status",
    "duplicate_id",
    "numbering_gap",
    "not_measurable",
    "ocr_low_confidence",
    "indicator_sum_mismatch",
    "indicator_rate_mismatch",
    "indicator_out_of_range",
    "indicator_unit_mismatch",
    "unmatched_row",
    "missing_target",
    "duplicate_unit",
    "catalogue_mismatch",
]
Direction = Literal["level", "reduce", "increase"]  # what a threshold or a figure measures
Verdict = Literal["met", "unmet", "unknown"]  # a record's thresholds against its notes
PairVerdict = Literal["met", "unmet", "undecided"]  # one threshold against one figure
Exclusion = Literal[
    "breakdown", "not_done", "proposal", "after_period", "earlier_year", "other_measure"
]

RECORD_COLUMNS = (
    "id",
    "section",
    "section_title",
    "stt",
    "target",
    "status_raw",
    "status",
    "notes",
    "figures",
    "target_figures",
    "extra",
    "flags",
    "location",
)
"""The columns of a report's flat record rows (CSV, DataFrame), in order."""
STATUS_ORDER: tuple[str, ...] = get_args(Status)
"""The statuses in the SPEC's order: the categories of every status column."""


def compact_json(value: Any) -> str:
    """Compact JSON text, Vietnamese kept readable."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


class _Model(BaseModel):
    # Schemas are built on first use, not at import: a text parse needs only a few of them.
    model_config = ConfigDict(extra="forbid", validate_assignment=False, defer_build=True)


class Location(_Model):
    """Where a row or piece of text came from; only the keys that apply are present."""

    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    table: int | None = None
    row: int | None = None
    line: int | None = None
    sheet: str | None = None

    @model_serializer(mode="wrap")
    def _drop_empty(self, handler: Any) -> dict[str, Any]:
        return {k: v for k, v in handler(self).items() if v is not None}


class Source(_Model):
    """The file a report was read from."""

    path: str | None = None
    format: str
    sha256: str
    ocr: bool = False


class Period(_Model):
    """The evaluation period, from "tính từ … đến …"."""

    start: dt.date | None = None
    end: dt.date | None = None


class Summary(_Model):
    """The counts the report declares above its table."""

    total: int | None = None
    completed: int | None = None
    in_progress: int | None = None
    not_started: int | None = None


class Section(_Model):
    """A roman-numeral section of the table ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")."""

    numeral: str
    title: str


class Figure(_Model):
    """A number found in text: a percentage, a ratio of counted things or a count."""

    kind: str
    value: float
    numerator: int | None = None
    denominator: int | None = None
    unit: str | None = None
    qualifier: Qualifier = "exact"
    text: str
    span: tuple[int, int]
    confidence: float | None = None


class Group(_Model):
    """A group row: a number and a title, no status, above numbered children ("2. Tiêu chí về
    hạ tầng" over 2.1, 2.2). It is no record; its children carry its ``id`` in theirs."""

    id: str
    section: str | None = None
    stt: str
    title: str


class Threshold(_Model):
    """A threshold of a target: its conditions (two for a range) and the clause they sit in."""

    figures: list[Figure]
    clause: str
    direction: Direction
    sub: bool = False  # introduced by "trong đó": a part of the threshold ``main``
    main: int | None = None
    level: str | None = None  # the administrative level its clause names, when one
    list_id: int | None = None  # thresholds of one list ("30%, 20%, 15%") share it


class Pairing(_Model):
    """A threshold (its index) with the notes figure that measures it, and the verdict."""

    threshold: int
    figure: Figure
    clause: str
    verdict: PairVerdict


class Excluded(_Model):
    """A notes figure that does not measure the target, and why."""

    figure: Figure
    reason: Exclusion


class Measurement(_Model):
    """What the notes say about the target's thresholds: the checks' one measurement."""

    verdict: Verdict = "unknown"
    value: float | None = None  # the figure measuring the first paired threshold, as a percent
    thresholds: list[Threshold] = Field(default_factory=list)
    pairs: list[Pairing] = Field(default_factory=list)
    excluded: list[Excluded] = Field(default_factory=list)
    reason: str = ""  # why the verdict is unknown, in Vietnamese ...
    reason_en: str = ""  # ... and in English


class Record(_Model):
    """One target row of the assessment table."""

    id: str
    section: str | None = None
    section_title: str | None = None
    stt: str
    target: str
    status_raw: str
    status: Status
    notes: str
    figures: list[Figure] = Field(default_factory=list)
    target_figures: list[Figure] = Field(default_factory=list)
    extra: dict[str, str] = Field(default_factory=dict)
    location: Location = Field(default_factory=Location)
    measurement: Measurement | None = None  # set by the checks


class Indicator(_Model):
    """One row of an indicator table (a statistical form, or a scoring table's criterion)."""

    id: str
    form: str | None = None
    form_title: str | None = None
    stt: str
    parent: str | None = None
    name: str
    unit: str | None = None
    value: float | None = None
    value_raw: str = ""
    maximum: float | None = None
    columns: dict[str, str] = Field(default_factory=dict)
    notes: str = ""
    location: Location = Field(default_factory=Location)


class Flag(_Model):
    """A finding of the checks, with the evidence an officer needs to act on it."""

    code: FlagCode
    severity: Severity
    record: str | None = None
    message: str
    message_en: str
    evidence: dict[str, Any] = Field(default_factory=dict)


class Unparsed(_Model):
    """Text inside the table that could not be placed in a record."""

    text: str
    location: Location = Field(default_factory=Location)
    reason: str


class Report(_Model):
    """Everything read from one appendix."""

    source: Source
    title: str | None = None
    unit: str | None = None
    period: Period | None = None
    summary: Summary | None = None
    sections: list[Section] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    records: list[Record] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    unparsed: list[Unparsed] = Field(default_factory=list)

    def record_rows(self) -> list[dict[str, Any]]:
        """One flat dict per record (:data:`RECORD_COLUMNS`): nested fields as JSON text, the
        record's flag codes comma-separated."""
        codes: dict[str, list[str]] = {}
        for flag in self.flags:
            if flag.record:
                codes.setdefault(flag.record, []).append(flag.code)
        rows = []
        for record in self.records:
            data = record.model_dump(mode="json")
            for key in ("figures", "target_figures", "extra", "location"):
                data[key] = compact_json(data[key])
            data["flags"] = ",".join(codes.get(record.id, []))
            rows.append({key: data[key] for key in RECORD_COLUMNS})
        return rows

    def to_dataframe(self) -> pd.DataFrame:
        """The records as a pandas DataFrame, one row per record (pandas imported lazily).

        Text columns are pandas strings, ``status`` a categorical in the SPEC's order, and
        ``figure_count`` a nullable integer.
        """
        import pandas as pd

        frame = pd.DataFrame(self.record_rows(), columns=list(RECORD_COLUMNS))
        frame = frame.astype({c: "string" for c in RECORD_COLUMNS if c != "status"})
        frame["status"] = pd.Categorical(frame["status"], categories=STATUS_ORDER)
        frame["figure_count"] = pd.array([len(r.figures) for r in self.records], dtype="Int64")
        return frame

    def to_json(self, path: str | None = None, *, indent: int | None = 2) -> str:
        """The report as JSON text (what ``appendixparse parse`` prints); also written to
        ``path`` when given."""
        text = self.model_dump_json(indent=indent)
        if path is not None:
            with open(path, "w", encoding="utf-8") as out:
                out.write(text + "\n")
        return text
