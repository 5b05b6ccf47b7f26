"""The checks' data: one registry of flag codes, the message table, the vocabulary, and the one
measurement every record carries (read by consolidation, never recomputed)."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path
from typing import get_args

import pytest

from appendixparse import consolidate, parse
from appendixparse.checks import flags as flags_module
from appendixparse.checks import measure as measure_module
from appendixparse.checks import vocabulary as vocab
from appendixparse.checks.measure import measure, threshold_parts
from appendixparse.checks.messages import MESSAGES, render
from appendixparse.checks.registry import (
    CONSOLIDATION_CODES,
    RECORD_CODES,
    REGISTRY,
    REPORT_CODES,
    SEVERITY,
)
from appendixparse.consolidation import load_catalogue
from appendixparse.consolidation.documents import document_of
from appendixparse.models import Figure, FlagCode, Record, Report
from appendixparse.text.figures import extract_figures

from conftest import REAL_TEXT, SAMPLES

CHECKS = Path(flags_module.__file__).parent
VIETNAMESE = re.compile("[àáâãèéêìíòóôõùúýăđĩũơưạ-ỹ]", re.IGNORECASE)


def test_the_registry_holds_every_code_of_the_model_once():
    assert set(REGISTRY) == set(get_args(FlagCode))
    assert set(REPORT_CODES) | set(CONSOLIDATION_CODES) == set(REGISTRY)
    assert set(RECORD_CODES) <= set(REPORT_CODES)
    assert set(CONSOLIDATION_CODES) == {
        "unmatched_row",
        "missing_target",
        "duplicate_unit",
        "catalogue_mismatch",  # issue 15: a report of another programme aligns nothing
    }
    assert SEVERITY["duplicate_id"] == "error" and SEVERITY["unmatched_row"] == "warning"


def test_every_code_has_a_message_in_both_languages():
    for code in REGISTRY:
        keys = [k for k in MESSAGES if k == code or k.startswith(code + ".")]
        assert keys, code
    for key, (vi, en) in MESSAGES.items():
        names_vi = {f for _, f, _, _ in string.Formatter().parse(vi) if f}
        names_en = {f for _, f, _, _ in string.Formatter().parse(en) if f}
        assert names_en <= names_vi | {"near"}, key  # the English says no more than the Vietnamese
        assert not VIETNAMESE.search(en.replace("«", "")), key


def test_render_fills_each_language_with_its_own_value():
    vi, en = render("reason.undecided", figure=("khoảng 80%", "about 80%"), threshold="80%")
    assert vi == "số liệu khoảng 80% không đủ để biết đã đạt 80% chưa"
    assert en == "about 80% cannot tell whether 80% is met"


def _strings(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


@pytest.mark.parametrize("path", sorted(CHECKS.glob("*.py")), ids=lambda p: p.name)
def test_no_vietnamese_word_in_the_checks_code(path: Path):
    """Vietnamese words sit in vocabulary.py and messages.py only (docstrings may quote them)."""
    if path.name in ("vocabulary.py", "messages.py"):
        return
    found = [(line, text) for line, text in _strings(path) if VIETNAMESE.search(text)]
    assert not found, found


def test_every_vocabulary_entry_is_used():
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in CHECKS.glob("*.py") if p.name != "vocabulary.py"
    )
    names = [n for n in dir(vocab) if n.startswith("CHECK_")]
    unused = [n for n in names if not re.search(rf"\b{n}\b", source)]
    assert not unused


def _threshold(target: str) -> str:
    record = Record(
        id="1", stt="1", target=target, status_raw="", status="unknown", notes="",
        target_figures=extract_figures(target, field="target"),
    )  # fmt: skip
    (part,) = threshold_parts(record)
    return part.direction


@pytest.mark.parametrize(
    ("target", "direction"),
    [
        # "tối đa" is one phrase: skipped whole, "lên" is the word before it, a level is stated
        ("Tỷ lệ hồ sơ trễ hạn tăng lên tối đa 5%", "level"),
        ("Tỷ lệ hồ sơ trễ hạn giảm xuống tối đa 5%", "level"),
        ("Tỷ lệ hồ sơ trễ hạn tăng tối đa 5%", "increase"),
        ("Chi phí giảm tối đa 5%", "reduce"),
        ("Chi phí giảm ít nhất 5%", "reduce"),
        ("Tỷ lệ hồ sơ đạt tối thiểu 80%", "level"),
    ],
)
def test_qualifier_phrases_are_skipped_whole_before_the_change_word(target, direction):
    assert _threshold(target) == direction


# --------------------------------------------------------------------------- measure once


def test_parse_measures_every_record_and_flags_read_the_measurement():
    report = parse(REAL_TEXT)
    assert all(r.measurement is not None for r in report.records)
    by_id = {r.id: r for r in report.records}
    for flag in report.flags:
        if flag.code in ("completed_below_target", "in_progress_meets_target"):
            wanted = "unmet" if flag.code == "completed_below_target" else "met"
            assert by_id[flag.record].measurement.verdict == wanted
    assert by_id["I.1"].measurement.value == 100.0


def test_measurement_survives_json_and_is_the_one_measure_gives():
    report = parse(REAL_TEXT)
    again = Report.model_validate_json(report.model_dump_json())
    end = report.period.end.year
    for record, loaded in zip(report.records, again.records, strict=True):
        assert loaded.measurement == record.measurement
        fresh = measure(record, unit_rank=2, end_year=end)
        assert fresh == record.measurement


def test_consolidation_reads_the_measurement_and_never_measures_again(monkeypatch):
    catalogue = load_catalogue()
    report = parse(REAL_TEXT)
    expected = document_of(report, catalogue, str(REAL_TEXT))

    def refuse(*args, **kwargs):
        raise AssertionError("measured again")

    monkeypatch.setattr(flags_module, "measure", refuse)
    monkeypatch.setattr(measure_module, "measure", refuse)
    monkeypatch.setattr("appendixparse.consolidation.value.measure", refuse)
    got = document_of(report, catalogue, str(REAL_TEXT))
    assert got.rows == expected.rows and got.flags == expected.flags
    assert any(row["value"] is not None for row in got.rows)


def test_a_record_built_by_hand_is_measured_when_consolidated():
    """A Report made in code (no checks run) still gets its values."""
    report = parse(REAL_TEXT)
    bare = report.model_copy(
        update={"records": [r.model_copy(update={"measurement": None}) for r in report.records]}
    )
    result = consolidate([bare, SAMPLES / "consolidate"], jobs=1)
    assert result.records["value"].notna().any()


def test_flag_codes_outside_the_registry_are_refused():
    with pytest.raises(ValueError):
        Report.model_validate(
            {
                "source": {"format": "text", "sha256": "0"},
                "flags": [{"code": "no_such_code", "severity": "error", "message": "x",
                           "message_en": "x"}],
            }
        )  # fmt: skip


def test_figure_in_a_measurement_is_a_figure():
    record = parse(REAL_TEXT).records[0]
    assert isinstance(record.measurement.pairs[0].figure, Figure)


# ------------------------------------------- clauses: one scan of the breaks, as slice by slice


def _place_by_slices(text: str, figs: list[Figure]) -> list[tuple[int, int, int, str]]:
    """The clauses as the checks first found them: every gap between figures searched anew."""
    from appendixparse.checks.clauses import _STRONG

    starts = [f.span[0] for f in figs]
    sentences = [0, *(m.end() for m in _STRONG.finditer(text))]
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
        import bisect

        sentence = sentences[bisect.bisect_right(sentences, f.span[0]) - 1]
        first = bisect.bisect_left(starts, sentence)
        head = text[sentence : starts[first]].strip() if first < i else ""
        out.append((start, end, sentence, head))
    return out


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_BITS = ["đạt", " ", ".", ". ", ",", ";", "!", "?", "\n", "80%", "9/10", "12 người", "tỷ lệ",
         "năm 2023", "(", ")", "x.", ".80%", "5%.", "a"]  # fmt: skip


@given(st.lists(st.sampled_from(_BITS), max_size=30).map("".join))
def test_place_finds_the_clauses_the_slices_found(text):
    from appendixparse.checks.clauses import place

    figs = sorted(extract_figures(text, field="notes"), key=lambda f: f.span)
    got = [(p.start, p.end, p.sentence, p.head) for p in place(text, figs)]
    assert got == _place_by_slices(text, figs)


def test_memoised_targets_give_each_record_its_own_figures():
    # Targets are memoised (a province's units share them): the figures of one record are
    # new objects, and a threshold carries the figures of its own record (an OCR confidence).
    target = "Tỷ lệ hồ sơ đạt tối thiểu 80%"
    first, second = (extract_figures(target, field="target") for _ in range(2))
    assert first == second and first[0] is not second[0]
    read = [f.model_copy(update={"confidence": 61.0}) for f in second]
    records = [
        Record(id="1", stt="1", target=target, status_raw="", status="unknown", notes="",
               target_figures=figures)
        for figures in (first, read)
    ]  # fmt: skip
    confidences = [threshold_parts(r)[0].figures[0].confidence for r in records]
    assert confidences == [None, 61.0]
