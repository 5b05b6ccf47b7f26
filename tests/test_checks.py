"""The checks: each flag code on hand-built records, then the golden samples and the real appendix.

Records here carry figures built by hand (``F("trên 80%", "above")``: the snippet is found in the
text, its value read from it), so these tests pin the checks whatever figures.py extracts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appendixparse import parse
from appendixparse.checks.flags import (
    SEVERITY,
    numbering_gap,
    run_checks,
    share_mismatch,
    summary_count_mismatch,
)
from appendixparse.checks.measure import measure
from appendixparse.checks.wording import shorten
from appendixparse.cli import main
from appendixparse.models import Figure, Period, Record, Report, Source, Summary
from appendixparse.text.figures import extract_figures

from conftest import GOLDEN, REAL_TEXT, SAMPLES

# ------------------------------------------------------------------------------------ helpers


@dataclass
class F:
    """A figure to place in a text: the snippet as written (its first ``nth`` occurrence)."""

    snippet: str
    qualifier: str = "exact"
    nth: int = 0


def _figure(text: str, spec: F | str) -> Figure:
    spec = F(spec) if isinstance(spec, str) else spec
    start = -1
    for _ in range(spec.nth + 1):
        start = text.index(spec.snippet, start + 1)
    span = (start, start + len(spec.snippet))
    s = spec.snippet
    if s.endswith("%"):
        value = float(s[:-1].replace(",", "."))
        return Figure(kind="percent", value=value, qualifier=spec.qualifier, text=s, span=span)
    if m := re.fullmatch(r"(\d+)/(\d+)", s):
        a, b = int(m.group(1)), int(m.group(2))
        return Figure(kind="ratio", value=a / b, numerator=a, denominator=b, text=s, span=span,
                      qualifier=spec.qualifier)  # fmt: skip
    number, _, unit = s.partition(" ")
    value = float(number.replace(".", "").replace(",", "."))
    return Figure(kind="count", value=value, unit=unit or None, text=s, span=span,
                  qualifier=spec.qualifier)  # fmt: skip


def rec(
    target: str,
    status: str,
    notes: str,
    target_figs: tuple[F | str, ...] = (),
    figs: tuple[F | str, ...] = (),
    *,
    id: str = "I.1",
    status_raw: str | None = None,
) -> Record:
    section, _, stt = id.partition(".")
    raw = {"completed": "Đã hoàn thành", "in_progress": "Đang thực hiện"}.get(status, status)
    return Record(
        id=id,
        section=section,
        stt=stt,
        target=target,
        status=status,  # type: ignore[arg-type]
        status_raw=raw if status_raw is None else status_raw,
        notes=notes,
        figures=[_figure(notes, f) for f in figs],
        target_figures=[_figure(target, f) for f in target_figs],
    )


def report(*records: Record, summary: Summary | None = None, unit: str | None = None) -> Report:
    return Report(
        source=Source(format="text", sha256="0"),
        records=list(records),
        summary=summary,
        unit=unit,
        period=Period(start=None, end=None),
    )


def codes(flags: list) -> list[tuple[str, str | None]]:
    return [(f.code, f.record) for f in flags]


# ----------------------------------------------------- which figure measures, and is it met

T80 = "Tối thiểu 80% hồ sơ được luân chuyển bằng phương thức điện tử"
# (case, target, target figures, notes, notes figures, expected verdict)
MEASURES = [
    ("at_least met by đạt 80", T80, (F("80%", "at_least"),),
     "Tỷ lệ hồ sơ luân chuyển điện tử đạt 80%.", ("80%",), "met"),
    ("at_least met by trên 80", T80, (F("80%", "at_least"),),
     "Trên 80% hồ sơ được luân chuyển điện tử.", (F("80%", "above"),), "met"),
    ("at_least not met by 79,9", T80, (F("80%", "at_least"),),
     "Tỷ lệ hồ sơ luân chuyển điện tử đạt 79,9%.", ("79,9%",), "unmet"),
    ("trên 70 says nothing of 80", T80, (F("80%", "at_least"),),
     "Trên 70% hồ sơ được luân chuyển điện tử.", (F("70%", "above"),), "unknown"),
    ("bare 100 not met by 95,1", "100% cán bộ cấp xã đạt chuẩn", ("100%",),
     "95,1% CB, CC đạt chuẩn; 4,9% CB, CC chưa đạt chuẩn.", ("95,1%", "4,9%"), "unmet"),
    ("bare 100 met by 100", "100% cán bộ cấp xã đạt chuẩn", ("100%",),
     "100% cán bộ cấp xã đạt chuẩn.", ("100%",), "met"),
    ("above 80 met by 80,1", "Trên 80% hồ sơ xử lý trên môi trường mạng", (F("80%", "above"),),
     "Hồ sơ xử lý trên môi trường mạng đạt 80,1%.", ("80,1%",), "met"),
    ("above 80 not met by 80", "Trên 80% hồ sơ xử lý trên môi trường mạng", (F("80%", "above"),),
     "Hồ sơ xử lý trên môi trường mạng đạt 80%.", ("80%",), "unmet"),
    ("above 80 met by trên 80", "Trên 80% hồ sơ xử lý trên môi trường mạng",
     (F("80%", "above"),), "Trên 80% hồ sơ xử lý trên môi trường mạng.", (F("80%", "above"),),
     "met"),
    ("từ 99 trở lên met by trên 99", "Tỷ lệ hồ sơ đúng hạn đạt từ 99% trở lên",
     (F("99%", "at_least"),), "Tỷ lệ hồ sơ đúng hạn đạt trên 99%.", (F("99%", "above"),), "met"),
    ("ratio read as a percent", "Xử lý 100% văn bản QPPL sau kiểm tra", ("100%",),
     "Đã xử lý được 09/10 văn bản QPPL.", ("09/10",), "unmet"),
    ("latest year counts", "Xử lý 100% văn bản QPPL sau kiểm tra", ("100%",),
     "Đối với năm 2021, 2022, 100% văn bản QPPL đã được xử lý. Năm 2023, đã xử lý được 09/10 "
     "văn bản QPPL.", ("100%", "09/10"), "unmet"),
    ("latest year met", "Xử lý 100% văn bản QPPL sau kiểm tra", ("100%",),
     "Năm 2022 xử lý 90% văn bản QPPL. Năm 2023, 100% văn bản QPPL đã được xử lý.",
     ("90%", "100%"), "met"),
    ("đến nay is the latest", "Tỷ lệ thanh toán trực tuyến đạt từ 30% trở lên",
     (F("30%", "at_least"),), "So với năm 2021, 2022 tỷ lệ thanh toán trực tuyến đạt 40%, đến "
     "nay tỷ lệ thanh toán trực tuyến đạt 14.7%", ("40%", "14.7%"), "unmet"),
    ("(năm 2023) after the figure", "Tỷ lệ hồ sơ toàn trình đạt tối thiểu 50%",
     (F("50%", "at_least"),), "Năm 2022 đạt 40%. Tỷ lệ hồ sơ toàn trình đạt 55,54% (năm 2023).",
     ("40%", "55,54%"), "met"),
    ("the part still running is not the result", "Hoàn thành 100% nội dung kế hoạch",
     ("100%",), "Năm 2023, đã thực hiện 80% kế hoạch, 20% nội dung còn lại đang thực hiện",
     ("80%", "20%"), "unmet"),
    ("a breakdown share never measures", "Tối thiểu 95% CBCCVC được đánh giá",
     (F("95%", "at_least"),),
     "Có 400 CC, VC được đánh giá, trong đó: hoàn thành tốt 396 người, chiếm tỷ lệ 99%.",
     ("400 CC", "396 người", "99%"), "unknown"),
    ("ratios adding up to their denominator are a breakdown",
     "100% TTHC đủ điều kiện được cung cấp toàn trình", ("100%",),
     "111/238 TTHC đã được cung cấp toàn trình; 127/238 TTHC được cung cấp một phần.",
     ("111/238", "127/238"), "unknown"),
    ("a proposal is not a result", "Cắt giảm ít nhất 25% thời gian giải quyết TTHC",
     (F("25%", "reduce_at_least"),), "Đã đề xuất cắt giảm thời gian giải quyết TTHC với tỷ lệ 25%.",
     ("25%",), "unknown"),
    ("a reduction target needs a reduction", "Giảm tối thiểu 10% biên chế sự nghiệp",
     (F("10%", "reduce_at_least"),), "Biên chế sự nghiệp đạt 12%.", ("12%",), "unknown"),
    ("a reduction target met by giảm 12%", "Giảm tối thiểu 10% biên chế sự nghiệp",
     (F("10%", "reduce_at_least"),), "So với năm 2021, biên chế sự nghiệp giảm 12%.", ("12%",),
     "met"),
    ("tăng lên 85% is a level", T80, (F("80%", "at_least"),),
     "Tỷ lệ hồ sơ luân chuyển điện tử tăng lên 85%.", ("85%",), "met"),
    ("a range", "Tỷ lệ hồ sơ trực tuyến từ 80% đến 90%",
     (F("80%", "at_least"), F("90%", "at_most")), "Tỷ lệ hồ sơ trực tuyến đạt 95%.", ("95%",),
     "unmet"),
    ("a list, one figure each, in order",
     "Số hóa kết quả giải quyết TTHC cấp tỉnh, cấp huyện, cấp xã đạt tỷ lệ tối thiểu tương ứng "
     "là 30%, 20%, 15%", (F("30%", "at_least"), F("20%", "at_least"), F("15%", "at_least")),
     "Tỷ lệ số hóa cấp tỉnh, cấp huyện, cấp xã tương ứng đạt 35%, 25% và 15%.",
     ("35%", "25%", "15%"), "met"),
    ("a list, one figure short", "Số hóa cấp tỉnh, cấp huyện, cấp xã tương ứng là 30%, 20%, 15%",
     (F("30%", "at_least"), F("20%", "at_least"), F("15%", "at_least")),
     "Tỷ lệ số hóa cấp tỉnh, cấp huyện, cấp xã tương ứng đạt 35%, 25% và 10%.",
     ("35%", "25%", "10%"), "unmet"),
    ("a list against one figure", "Số hóa cấp tỉnh, cấp huyện, cấp xã tương ứng là 30%, 20%, 15%",
     (F("30%", "at_least"), F("20%", "at_least"), F("15%", "at_least")),
     "Năm 2023 việc số hóa cấp huyện, cấp xã đạt trên 80%.", (F("80%", "above"),), "unknown"),
    ("two thresholds, each its own figure",
     "Mức độ hài lòng đối với cơ quan hành chính nhà nước đạt tối thiểu 90%; mức độ hài lòng về "
     "dịch vụ y tế, giáo dục công lập đạt tối thiểu 85%",
     (F("90%", "at_least"), F("85%", "at_least")),
     "Mức độ hài lòng đối với cơ quan hành chính nhà nước đạt 95%; mức độ hài lòng về dịch vụ y "
     "tế, giáo dục công lập đạt 80%.", ("95%", "80%"), "unmet"),
    ("a sub-threshold rides on its main one",
     "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC đạt tối thiểu 90%. Trong "
     "đó, mức độ hài lòng lĩnh vực đất đai, xây dựng đạt tối thiểu 85%.",
     (F("90%", "at_least"), F("85%", "at_least")),
     "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính đạt 100%.",
     ("100%",), "met"),
    ("a sub-threshold unmet",
     "Tối thiểu 80% TTHC được thanh toán trực tuyến, trong số đó, tỷ lệ giao dịch thanh toán "
     "trực tuyến đạt từ 30% trở lên.", (F("80%", "at_least"), F("30%", "at_least")),
     "Đến nay tỷ lệ giao dịch thanh toán trực tuyến đạt 14.7%", ("14.7%",), "unmet"),
    ("figures that disagree and say the same", "100% hồ sơ được số hóa", ("100%",),
     "Hồ sơ được số hóa đạt 100% ở cấp huyện và 60% ở cấp xã.", ("100%", "60%"), "unknown"),
    ("figures that agree", T80, (F("80%", "at_least"),),
     "Đạt 85% hồ sơ luân chuyển điện tử (1.700/2.000 hồ sơ).", ("85%",), "met"),
    ("the figure that shares the target's words wins", "100% dịch vụ công trực tuyến toàn trình "
     "được cung cấp trên nhiều phương tiện truy cập, bao gồm cả thiết bị di động.", ("100%",),
     "100% dịch vụ công trực tuyến toàn trình được cung cấp trên nhiều phương tiện truy cập, bao "
     "gồm cả thiết bị di động. Cụ thể là 111/238 TTHC được cung cấp toàn trình",
     ("100%", "111/238"), "met"),
    ("khoảng at the threshold", T80, (F("80%", "at_least"),),
     "Khoảng 80% hồ sơ được luân chuyển điện tử.", (F("80%", "approx"),), "unknown"),
    ("trên 80 undecided by từ 75 trở lên", "Trên 80% hồ sơ xử lý trên môi trường mạng",
     (F("80%", "above"),), "Hồ sơ xử lý trên môi trường mạng đạt từ 75% trở lên.",
     (F("75%", "at_least"),), "unknown"),
    ("dưới 5 met by 3", "Tỷ lệ hồ sơ quá hạn dưới 5%", (F("5%", "below"),),
     "Tỷ lệ hồ sơ quá hạn là 3%.", ("3%",), "met"),
    ("tối đa 5 met by 5", "Tỷ lệ hồ sơ quá hạn tối đa 5%", (F("5%", "at_most"),),
     "Tỷ lệ hồ sơ quá hạn là 5%.", ("5%",), "met"),
    ("dưới 5 not met by 6", "Tỷ lệ hồ sơ quá hạn dưới 5%", (F("5%", "below"),),
     "Tỷ lệ hồ sơ quá hạn là 6%.", ("6%",), "unmet"),
    ("dưới 5 undecided by trên 2", "Tỷ lệ hồ sơ quá hạn dưới 5%", (F("5%", "below"),),
     "Tỷ lệ hồ sơ quá hạn trên 2%.", (F("2%", "above"),), "unknown"),
    ("a range met", "Tỷ lệ hồ sơ trực tuyến từ 80% đến 90%",
     (F("80%", "at_least"), F("90%", "at_most")), "Tỷ lệ hồ sơ trực tuyến đạt 85%.", ("85%",),
     "met"),
    ("no figure at all", T80, (F("80%", "at_least"),), "Đang triển khai thực hiện.", (), "unknown"),
    ("a year label and its figure, the latest counts", "Tỷ lệ hồ sơ trực tuyến đạt tối thiểu 90%",
     (F("90%", "at_least"),), "Năm 2022: 95%; năm 2023: 85%.", ("95%", "85%"), "unmet"),
    ("chưa đạt 80 falls short of 80", T80, (F("80%", "at_least"),),
     "Tỷ lệ hồ sơ luân chuyển điện tử chưa đạt 80%.", ("80%",), "unmet"),
    ("không đạt 80 falls short of 80", T80, (F("80%", "at_least"),),
     "Hồ sơ luân chuyển điện tử không đạt 80%, đang tiếp tục triển khai.", ("80%",), "unmet"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("target", "target_figs", "notes", "figs", "verdict"),
    [case[1:] for case in MEASURES],
    ids=[case[0] for case in MEASURES],
)
def test_measure(target, target_figs, notes, figs, verdict):
    record = rec(target, "in_progress", notes, target_figs, figs)
    assert measure(record).verdict == verdict


@pytest.mark.parametrize(
    ("target", "notes", "figs", "expected"),
    [
        # money and a plan's fulfilment do not measure a share of cadres trained
        ("100% cán bộ được đào tạo, bồi dưỡng",
         "Đã tổ chức 5 lớp bồi dưỡng cho 250 người, kinh phí giải ngân đạt 80%.", ("80%",), []),
        ("100% cán bộ được đào tạo, bồi dưỡng",
         "Tổ chức 10 lớp bồi dưỡng cán bộ, đạt 90% kế hoạch.", ("90%",), []),
        # ... but they do measure a target about a plan or a disbursement
        ("Hoàn thành 100% kế hoạch bồi dưỡng cán bộ",
         "Tổ chức 10 lớp bồi dưỡng cán bộ, đạt 90% kế hoạch.", ("90%",),
         [("completed_below_target", "I.1")]),
        ("Tỷ lệ giải ngân vốn đầu tư công đạt 100% kế hoạch", "Tỷ lệ giải ngân đạt 95%.", ("95%",),
         [("completed_below_target", "I.1")]),
    ],
)  # fmt: skip
def test_money_and_plan_figures_measure_only_their_own_targets(target, notes, figs, expected):
    record = rec(target, "completed", notes, ("100%",), figs)
    found = [f for f in run_checks(report(record)) if f.severity != "info"]
    assert codes(found) == expected


def test_thresholds_of_a_level_above_the_unit_are_excused():
    record = rec(
        "Trên 95% hồ sơ công việc tại cấp tỉnh, trên 90% hồ sơ công việc tại cấp huyện, trên 80% "
        "hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng",
        "in_progress",
        "Kết quả trên 90% hồ sơ công việc tại cấp huyện, trên 80% hồ sơ công việc tại cấp xã "
        "được xử lý trên môi trường mạng",
        (F("95%", "above"), F("90%", "above"), F("80%", "above")),
        (F("90%", "above"), F("80%", "above")),
    )
    assert measure(record, unit_rank=2).verdict == "met"  # a district
    assert measure(record).verdict == "met"  # unit unknown: the notes speak of cấp huyện at most
    assert measure(record, unit_rank=3).verdict == "unknown"  # a province body owes cấp tỉnh


def test_a_figure_after_the_period_is_a_plan():
    record = rec(T80, "in_progress", "Năm 2023 đạt 70%; năm 2025 đạt 85% hồ sơ.",
                 (F("80%", "at_least"),), ("70%", "85%"))  # fmt: skip
    assert measure(record, end_year=2023).verdict == "unmet"
    assert measure(record).verdict == "met"


# ------------------------------------------------------------------- flags on single records


def test_completed_below_target_names_figure_and_threshold():
    record = rec("100% cán bộ cấp xã đạt chuẩn", "completed", "95,1% CB, CC đạt chuẩn.",
                 ("100%",), ("95,1%",), id="I.1")  # fmt: skip
    [flag] = run_checks(report(record))
    assert (flag.code, flag.severity, flag.record) == ("completed_below_target", "error", "I.1")
    assert "95,1%" in flag.message and "100%" in flag.message and "Đã hoàn thành" in flag.message
    assert flag.evidence["figures"][0]["figure"]["value"] == 95.1
    assert flag.evidence["thresholds"][0]["figures"][0]["value"] == 100


def test_in_progress_meets_target_is_a_warning():
    record = rec(T80, "in_progress", "Trên 80% hồ sơ được luân chuyển điện tử.",
                 (F("80%", "at_least"),), (F("80%", "above"),), id="I.1")  # fmt: skip
    [flag] = run_checks(report(record))
    assert (flag.code, flag.severity, flag.record) == ("in_progress_meets_target", "warning", "I.1")
    assert "trên 80%" in flag.message and "tối thiểu 80%" in flag.message
    assert flag.message_en.startswith("Target I.1 is marked in progress")


def test_consistent_statuses_raise_nothing():
    done = rec(T80, "completed", "Đạt 85% hồ sơ.", (F("80%", "at_least"),), ("85%",), id="I.1")
    going = rec(T80, "in_progress", "Đạt 70% hồ sơ.", (F("80%", "at_least"),), ("70%",), id="I.2")
    assert run_checks(report(done, going)) == []


def test_not_measurable_says_why():
    record = rec("Giảm tối thiểu 10% biên chế", "completed", "Đã đề xuất giảm 10% biên chế.",
                 (F("10%", "reduce_at_least"),), ("10%",), id="I.1")  # fmt: skip
    [flag] = run_checks(report(record))
    assert (flag.code, flag.severity) == ("not_measurable", "info")
    assert "đề xuất" in flag.message
    assert flag.evidence["excluded"] == [
        {"figure": {"text": "10%", "kind": "percent", "value": 10.0}, "reason": "proposal"}
    ]


def test_no_threshold_no_measurement_flag():
    record = rec("Tổ chức tập huấn cho cán bộ", "completed", "Đạt 100% kế hoạch.", (), ("100%",))
    assert run_checks(report(record)) == []


SHARES = [
    # (notes, figures, flagged)
    ("Có 1.381 CC, VC được đánh giá, trong đó: Hoàn thành xuất sắc nhiệm vụ 287 người, chiếm tỷ "
     "lệ 20,8%; Hoàn thành tốt nhiệm vụ: 1.032 người, chiếm tỷ lệ 74,7%",
     ("1.381 CC", "287 người", "20,8%", "1.032 người", "74,7%"), False),
    ("Tổng số CBCC cấp xã được đánh giá là 352 người, trong đó: Hoàn thành tốt nhiệm vụ: 271 "
     "người, chiếm tỷ lệ 77%; Không hoàn thành nhiệm vụ: 03 người, chiếm tỷ lệ 0,9%.",
     ("352 người", "271 người", "77%", "03 người", "0,9%"), False),
    ("Có 1.387 CC, VC được đánh giá, trong đó: Hoàn thành xuất sắc 285 người, chiếm tỷ lệ 20,4%",
     ("1.387 CC", "285 người", "20,4%"), True),  # 20,55 is 0,15 away
    ("Có 400 CC, VC được đánh giá, trong đó: Hoàn thành tốt 300 người, chiếm tỷ lệ 80%.",
     ("400 CC", "300 người", "80%"), True),
    ("Hoàn thành tốt 300 người, chiếm tỷ lệ 80%.", ("300 người", "80%"), False),  # no total
    # the breakdown ended with its sentence: the next share is of another total
    ("Tổng số 50 xã, trong đó 45 xã đạt chuẩn, chiếm 90%. Số cán bộ được đào tạo 30 người, chiếm "
     "75% tổng số cán bộ.", ("50 xã", "45 xã", "90%", "30 người", "75%"), False),
    # a share of the base it names, not of the total
    ("Tổng số 200 cán bộ, trong đó 150 cán bộ nữ chiếm 75%, 50 cán bộ nam chiếm 25%; 20 người "
     "dưới 30 tuổi, chiếm tỷ lệ 40% số đảng viên trẻ.",
     ("200 cán bộ", "150 cán bộ", "75%", F("50 cán bộ", nth=1), "25%", "20 người", "40%"), False),
    ("Có 400 CC, VC được đánh giá. Trong đó: hoàn thành tốt 300 người, chiếm tỷ lệ 80%.",
     ("400 CC", "300 người", "80%"), True),
    ("Tổng số 200 cán bộ, trong đó 150 cán bộ nữ chiếm 70% tổng số cán bộ.",
     ("200 cán bộ", "150 cán bộ", "70%"), True),
]  # fmt: skip


@pytest.mark.parametrize(("notes", "figs", "flagged"), SHARES)
def test_share_mismatch(notes, figs, flagged):
    record = rec("Tối thiểu 95% CBCCVC được đánh giá", "completed", notes, (), figs, id="IV.2")
    flags = share_mismatch(record)
    assert bool(flags) is flagged
    if flagged:
        assert flags[0].evidence["computed"] == pytest.approx(
            flags[0].evidence["count"]["value"] / flags[0].evidence["total"]["value"] * 100,
            abs=1e-3,
        )


RANGES = [
    ("Mức độ hài lòng của người dân đạt 112%.", ("112%",), True),
    ("Tỷ lệ hồ sơ đúng hạn là 101,5%", ("101,5%",), True),
    ("Đạt 120% hồ sơ được số hóa", ("120%",), True),
    ("Giải ngân vốn đầu tư công đạt 105% kế hoạch.", ("105%",), False),
    ("Tỷ lệ giải ngân đạt 105% so với kế hoạch.", ("105%",), False),
    ("Số hồ sơ trực tuyến tăng 120% so với năm 2021.", ("120%",), False),
    ("Thu ngân sách đạt 120%.", ("120%",), False),
    ("Tỷ lệ giải ngân vốn đầu tư công đạt 110%.", ("110%",), False),
    ("Đã xử lý 12/10 văn bản.", ("12/10",), True),
    ("Đã xử lý 10/12 văn bản.", ("10/12",), False),
    # percentages of another period, of a target, of a planned number; done against planned
    ("Tỷ lệ hồ sơ trực tuyến đạt 65%, bằng 130% năm trước.", ("65%", "130%"), False),
    ("Tỷ lệ cán bộ tham gia đạt 100%; số lượt tham gia bằng 115% năm 2022.", ("100%", "115%"),
     False),
    ("Tỷ lệ hồ sơ trực tuyến đạt 65%, hoàn thành 130% mục tiêu đề ra.", ("65%", "130%"), False),
    ("Khảo sát 350 người tham gia, đạt 116% số phiếu dự kiến.", ("116%",), False),
    ("Đã bồi dưỡng 120/100 cán bộ theo kế hoạch (đạt 120%).", ("120/100", "120%"), False),
    ("Số hồ sơ trực tuyến: 150/125 hồ sơ kế hoạch, đạt 120%.", ("150/125", "120%"), False),
    ("Tỷ lệ hài lòng bằng 104%.", ("104%",), True),  # nothing compared with: a share
]  # fmt: skip


@pytest.mark.parametrize(("notes", "figs", "flagged"), RANGES)
def test_figure_out_of_range(notes, figs, flagged):
    record = rec("Nội dung", "completed", notes, (), figs, id="I.1")
    found = [f for f in run_checks(report(record)) if f.code == "figure_out_of_range"]
    assert bool(found) is flagged


def test_statuses():
    flags = run_checks(report(
        rec("Nội dung", "unknown", "", status_raw="Đang rà soát", id="I.1"),
        rec("Nội dung", "unknown", "", status_raw="", id="I.2"),
    ))  # fmt: skip
    assert codes(flags) == [("unknown_status", "I.1"), ("missing_status", "I.2")]
    assert "Đang rà soát" in flags[0].message
    assert {f.severity for f in flags} == {"warning"}


# --------------------------------------------------------------------------- document checks


def _statuses(*statuses: str) -> list[Record]:
    return [rec("Nội dung", s, "", id=f"I.{i}") for i, s in enumerate(statuses, 1)]


def test_summary_counts_leave_not_applicable_out():
    records = _statuses("completed", "in_progress", "in_progress", "not_applicable")
    fine = Summary(total=3, completed=1, in_progress=2)
    assert summary_count_mismatch(report(*records, summary=fine)) == []
    wrong = Summary(total=4, completed=1, in_progress=3)
    [flag] = summary_count_mismatch(report(*records, summary=wrong))
    assert (flag.code, flag.severity, flag.record) == ("summary_count_mismatch", "error", None)
    assert flag.evidence == {
        "declared": {"total": 4, "in_progress": 3},
        "counted": {"total": 3, "in_progress": 2},
        "not_applicable": 1,
    }
    assert "tổng số chỉ tiêu 4" in flag.message and "tổng số chỉ tiêu 3" in flag.message


def test_no_summary_no_flag():
    assert summary_count_mismatch(report(*_statuses("completed"))) == []


def _numbered(*ids: str) -> Report:
    records = []
    for rid in ids:
        section, stt = rid.split(".")[0], rid.rsplit(".", 1)[1]
        records.append(Record(id=rid, section=section, stt=stt, target="x", status_raw="Đạt",
                              status="completed", notes=""))  # fmt: skip
    return report(*records)


GAPS = [
    (("I.1", "I.2", "I.3", "II.1", "II.2"), []),
    (("I.1", "I.2", "I.4"), [("I.4", ["3"])]),
    (("I.2", "I.3"), [("I.2", ["1"])]),
    (("I.1", "I.1.1", "I.1.3", "I.2"), [("I.1.3", ["1.2"])]),
    (("I.1", "I.1.a", "I.1.b", "I.1.d", "I.2"), [("I.1.d", ["c)"])]),
    (("I.1", "I.1.a", "I.1.b", "I.1.c", "I.1.d", "I.1.đ", "I.1.e", "I.1.g"), []),
    (("I.1", "I.1.a", "I.1.b", "I.1.c", "I.1.d", "I.1.e", "I.1.f"), []),
    (("I.1", "I.2", "I.2"), []),  # a repeat is duplicate_id's business
]


@pytest.mark.parametrize(("ids", "expected"), GAPS)
def test_numbering_gap(ids, expected):
    flags = numbering_gap(_numbered(*ids))
    assert [(f.record, f.evidence["missing"]) for f in flags] == expected


def test_duplicate_id_and_order():
    flags = run_checks(_numbered("I.1", "I.2", "I.2", "I.4"))
    assert codes(flags) == [("duplicate_id", "I.2"), ("numbering_gap", "I.4")]
    assert flags[0].severity == "error"


def test_document_flags_come_first_and_severities_follow_the_spec():
    records = [
        rec("Nội dung", "unknown", "", status_raw="", id="I.1"),
        rec("Nội dung", "completed", "", id="I.3"),
    ]
    flags = run_checks(report(*records, summary=Summary(total=5)))
    assert codes(flags) == [
        ("summary_count_mismatch", None),
        ("missing_status", "I.1"),
        ("numbering_gap", "I.3"),
    ]
    assert all(f.severity == SEVERITY[f.code] for f in flags)


# ------------------------------------------------------------------------ the check command


def test_check_command_exits_1_on_an_error_flag(capsys):
    sample = SAMPLES / "checks-department-tu-phap.txt"
    assert main(["check", str(sample)]) == 1
    out = capsys.readouterr().out
    assert "summary_count_mismatch" in out and "duplicate_id" in out
    # the whole message, wrapped rather than cut, so the officer sees the evidence
    assert "Đề nghị sửa lại số liệu tổng hợp" in " ".join(out.split())
    assert out.rstrip().endswith("1 file(s): 2 error(s), 4 warning(s), 0 note(s)")


def test_check_command_exits_0_without_error_flags(capsys):
    clean = SAMPLES / "checks-commune-cam-thanh.txt"
    structure = SAMPLES / "checks-department-tu-phap.txt"
    assert main(["check", str(clean)]) == 0
    assert "checks-commune-cam-thanh.txt: no flags" in capsys.readouterr().out
    assert main(["check", str(clean), str(structure)]) == 1


def test_check_command_unreadable_file(capsys, tmp_path):
    missing = tmp_path / "khong-co.docx"
    assert main(["check", str(missing)]) == 2
    assert "khong-co.docx" in capsys.readouterr().err
    clean = SAMPLES / "checks-commune-cam-thanh.txt"
    assert main(["check", str(missing), str(clean)]) == 2  # a missing path: usage, before work
    assert "khong-co.docx: no such file or folder" in capsys.readouterr().err
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 truncated")
    assert main(["check", str(broken), str(clean)]) == 0  # what could be read has no error
    assert "1 unreadable" in capsys.readouterr().out


# ---------------------------------------------------------------- golden samples, real appendix

CHECK_SAMPLES = sorted(SAMPLES.glob("checks-*.txt"))


def _golden(sample):
    return json.loads((GOLDEN / f"{sample.name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("sample", CHECK_SAMPLES, ids=lambda p: p.stem)
def test_golden_planted_flags(sample):
    from golden import RECORD_FIELDS, assert_golden

    expected = _golden(sample)
    got = parse(sample)
    # golden.compare() matches records by id; a planted duplicate id needs them by position.
    assert_golden(got, {k: v for k, v in expected.items() if k != "records"})
    actual = [r.model_dump(mode="json") for r in got.records]
    assert [{k: r[k] for k in RECORD_FIELDS} for r in actual] == expected["records"]
    planted = {(f["code"], f["record"]) for f in expected["flags"]}
    raised = {(f.code, f.record) for f in got.flags}
    assert planted <= raised, f"missing: {planted - raised}"
    loud = {(f.code, f.record) for f in got.flags if f.severity != "info"}
    assert loud <= planted, f"unplanted: {loud - planted}"


def test_there_are_check_samples_for_every_code():
    # ocr_low_confidence needs a scan: tests/test_ocr.py raises it; the indicator checks'
    # codes are planted by the indicator samples (test_indicators.py).
    indicator_samples = sorted(SAMPLES.glob("indicators-*"))
    planted = {f["code"] for s in [*CHECK_SAMPLES, *indicator_samples] for f in _golden(s)["flags"]}
    assert planted == set(SEVERITY) - {"ocr_low_confidence"}


# The real appendix: in-progress targets whose notes already meet their thresholds (see
# docs/flags.md for why each is right) and the targets the notes cannot check.
REAL_MEETS = ["I.1", "II.9", "II.10", "II.14", "VI.1", "VI.2", "VI.3", "VI.5", "VI.6", "VI.7",
              "VI.8"]  # fmt: skip
REAL_NOT_MEASURABLE = ["II.1", "II.6", "II.7", "II.8", "II.11", "III.1", "IV.2", "IV.3", "IV.4",
                       "V.1", "V.2", "VI.4"]  # fmt: skip


def test_real_appendix_document_checks():
    flags = parse(REAL_TEXT).flags
    assert not [f for f in flags if f.code == "summary_count_mismatch"]  # 33 = 35 − 2
    assert not [f for f in flags if f.code in ("duplicate_id", "numbering_gap")]
    assert not [f for f in flags if f.code in ("unknown_status", "missing_status")]


def test_real_appendix_figure_checks():
    flags = parse(REAL_TEXT).flags
    loud = [(f.code, f.record) for f in flags if f.severity != "info"]
    assert loud == [("in_progress_meets_target", r) for r in REAL_MEETS]
    assert not [f for f in flags if f.code == "share_mismatch"]  # IV.2 adds up
    quiet = [f.record for f in flags if f.code == "not_measurable"]
    assert quiet == REAL_NOT_MEASURABLE  # I.2, I.3, II.13, IV.5: measured, below, consistent
    assert len(flags) == len(REAL_MEETS) + len(REAL_NOT_MEASURABLE)


def test_real_appendix_share_mismatch_when_a_share_is_wrong(tmp_path):
    """IV.2's shares add up; change two of them and each is caught with its own tolerance."""
    text = REAL_TEXT.read_text(encoding="utf-8")
    text = text.replace("chiếm tỷ lệ 20,8%", "chiếm tỷ lệ 22,8%").replace(
        "chiếm tỷ lệ 75%;", "chiếm tỷ lệ 73%;"
    )
    changed = tmp_path / "changed.txt"
    changed.write_text(text, encoding="utf-8")
    flags = [f for f in parse(changed).flags if f.code == "share_mismatch"]
    assert [(f.record, f.evidence["share"]["text"], f.evidence["tolerance"]) for f in flags] == [
        ("IV.2", "22,8%", 0.1),
        ("IV.2", "73%", 1.0),
    ]
    assert "287 trên tổng số 1.381 là 20,78%" in flags[0].message


# ------------------------------------------------------------------------------ never crashes

_PIECES = [
    "Tỷ lệ hồ sơ", "đạt", "trên", "tối thiểu", "từ", "trở lên", "đến", "dưới", "giảm", "tăng",
    "chiếm tỷ lệ", "trong đó", "Trong số đó,", "Năm 2021,", "năm 2022", "(năm 2023)", "đến nay",
    "chưa đạt", "còn lại", "đề xuất", "kế hoạch", "cấp huyện", "cấp xã", "cấp tỉnh", "người",
    "văn bản", "TTHC", ",", ";", ".", "và", "100%", "0%", "80%", "99,5%", "14.7%", "120%", "1.381",
    "287", "09/10", "12/10", "111/238", "0/0", "5/0", "ngày 08/8/2023", "1226/UBND-TH",
    "30%, 20%, 15%",
]  # fmt: skip


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    target=st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join),
    notes=st.lists(st.sampled_from(_PIECES), max_size=25).map(" ".join),
    status=st.sampled_from(["completed", "in_progress", "not_started", "unknown"]),
)
def test_checks_never_crash(target, notes, status):
    record = Record(
        id="I.1", section="I", stt="1", target=target, status=status, status_raw="x", notes=notes,
        figures=extract_figures(notes, field="notes"),
        target_figures=extract_figures(target, field="target"),
    )  # fmt: skip
    for flag in run_checks(report(record, unit="UBND huyện Gio Linh")):
        assert flag.severity == SEVERITY[flag.code] and flag.message and flag.message_en


@given(st.text(alphabet=" \n\tab,…", max_size=400), st.integers(min_value=2, max_value=120))
def test_shorten_reads_a_long_text_by_its_head(text: str, limit: int) -> None:
    """shorten on a long text (the head read alone) equals cutting its whole one-line form."""
    whole = " ".join(text.split())
    expected = whole if len(whole) <= limit else whole[: limit - 1].rstrip() + "…"
    assert shorten(text, limit) == expected
