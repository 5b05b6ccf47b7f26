"""The labelled table for figures.py: phrases and the figures each must yield, by hand.

Every expectation here was written by reading the phrase, never copied from the parser's
output. ``REAL_CASES`` holds every number-bearing phrase of the real Quảng Trị appendix
(samples/appendix-quang-tri-district-2023.txt: the title block, the summary, and each target
and notes cell); ``OTHER_CASES`` phrases typical of other Vietnamese reports (budget,
satisfaction surveys, personnel, digital services, thresholds); ``NONE_CASES`` phrases whose
numbers are no figures (dates, document numbers, standards, years, addresses, list numbers).
``FIGURES_XFAIL`` holds the known failures (marked xfail(strict=True) in the tests).

A figure's ``text`` is the number as written, with its "%" for a percent, without the
qualifier words and without the counted noun (which goes in ``unit``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Expected:
    """One figure a phrase must yield."""

    kind: str
    value: float
    text: str
    qualifier: str = "exact"
    unit: str | None = None
    numerator: int | None = None
    denominator: int | None = None


def P(text: str, value: float, qualifier: str = "exact") -> Expected:
    """A percent."""
    return Expected("percent", value, text, qualifier)


def R(text: str, num: int, den: int, unit: str | None = None, q: str = "exact") -> Expected:
    """A ratio num/den."""
    return Expected("ratio", num / den, text, q, unit, num, den)


def C(text: str, value: float, unit: str, qualifier: str = "exact") -> Expected:
    """A count with its noun."""
    return Expected("count", value, text, qualifier, unit)


Case = tuple[str, str, tuple[Expected, ...]]  # id, phrase, the figures in order

# --- the real appendix ------------------------------------------------------------------------

REAL_CASES: list[Case] = [
    (
        "real-title-resolutions",
        "Đánh giá mức độ thực hiện các mục tiêu cụ thể theo Nghị quyết 76/NQ-CP ngày 15/7/2021 "
        "của Chính phủ và",
        (),
    ),
    (
        "real-title-province",
        "Nghị quyết số 01-NQ/TU ngày 04/11/2021 của Ban Thường vụ Tỉnh ủy Quảng Trị",
        (),
    ),
    ("real-period", "(Số liệu đánh giá tính từ 15/11/2021 đến 14/10/2023)", ()),
    ("real-summary-total", "1. Tổng số chỉ tiêu: 33 chỉ tiêu", (C("33", 33, "chỉ tiêu"),)),
    (
        "real-summary-completed",
        "2. Chỉ tiêu đã hoàn thành đến 14/10/2023: 10 chỉ tiêu",
        (C("10", 10, "chỉ tiêu"),),
    ),
    (
        "real-summary-in-progress",
        "3. Chỉ tiêu đang thực hiện: 23 chỉ tiêu.",
        (C("23", 23, "chỉ tiêu"),),
    ),
    ("real-header-target", "Các mục tiêu cụ thể đến năm 2025", ()),
    (
        "real-header-status",
        "Đánh giá mức độ hoàn thành đến 14/10/2023 (Đã hoàn thành, Đang thực hiện)",
        (),
    ),
    (
        "real-header-notes",
        "Thực trạng/Giải pháp (Nếu rõ kết quả đạt được của cơ quan, đơn vị và đề xuất giải pháp "
        "đảm bảo hoàn thành mục tiêu vào năm 2025)",
        (),
    ),
    (
        "real-I.1-target",
        "100% văn bản quy phạm pháp luật (VBQPPL) của HĐND và UBND tỉnh được ban hành đúng pháp "
        "luật, đồng bộ, thống nhất theo các văn bản chủ đạo của Trung ương",
        (P("100%", 100),),
    ),
    (
        "real-I.1-notes",
        "100% văn bản quy phạm pháp luật (VBQPPL) của HĐND và UBND huyện được ban hành đúng pháp "
        "luật, đồng bộ, thống nhất theo các văn bản chủ đạo của Trung ương và có tính khả thi "
        "cao, công khai, dễ tiếp cận. Trong 02 năm, đã ban hành 10 văn bản QPPL.",
        (P("100%", 100), C("10", 10, "văn bản QPPL")),
    ),
    (
        "real-I.2-target",
        "Hoàn thành 100% nội dung theo dõi thi hành pháp luật hàng năm theo Kế hoạch được phê "
        "duyệt",
        (P("100%", 100),),
    ),
    (
        "real-I.2-notes",
        "Các Kế hoạch theo dõi thi hành pháp luật năm 2021, 2022 đã hoàn thành 100% Kế hoạch đề "
        "ra. Năm 2023, đã thực hiện 80% kế hoạch, 20% nội dung còn lại đang thực hiện",
        (P("100%", 100), P("80%", 80), P("20%", 20)),
    ),
    (
        "real-I.3-target",
        "Thực hiện xử lý 100% văn bản QPPL cần được xử lý hoặc kiến nghị xử lý sau kiểm tra, rà "
        "soát",
        (P("100%", 100),),
    ),
    (
        "real-I.3-notes",
        "Đối với năm 2021, 2022, 100% văn bản QPPL đã được xử lý theo đúng quy định. Năm 2023, đã "
        "xử lý được 09/10 văn bản QPPL. 01 văn bản đang xử lý theo quy định.",
        (P("100%", 100), R("09/10", 9, 10, "văn bản QPPL"), C("01", 1, "văn bản")),
    ),
    (
        "real-II.1-target",
        "100% TTHC cấp tỉnh, cấp huyện, cấp xã, bao gồm TTHC của các cơ quan ngành dọc đã được "
        "phê duyệt theo Quyết định số 1291/QĐ/TTg ngày 07/10/2019 của Thủ tướng Chính phủ (trừ "
        "các TTHC đặc thù đã được phê duyệt thực hiện theo hình thức khác của cấp có thẩm quyền)",
        (P("100%", 100),),
    ),
    (
        "real-II.1-notes",
        "- Giải pháp: Bố trí 01 biên chế thực hiện công việc tiếp nhận và trả kết quả đối với "
        "lĩnh vực BHXH.",
        (C("01", 1, "biên chế"),),
    ),
    (
        "real-II.2-target",
        "100% hồ sơ tiếp nhận được cập nhật vào phần mềm một cửa điện tử của tỉnh",
        (P("100%", 100),),
    ),
    (
        "real-II.2-notes",
        "- Đạt kết quả 100% hồ sơ TTHC của các ngành, lĩnh vực tiếp nhận được cập nhật vào phần "
        "mềm Một cửa của tỉnh.",
        (P("100%", 100),),
    ),
    (
        "real-II.3-target",
        "100% TTHC, danh mục TTHC thuộc thẩm quyền giải quyết của các cấp chính quyền trên địa "
        "bàn tỉnh được công bố đầy đủ, kịp thời",
        (P("100%", 100),),
    ),
    (
        "real-II.4-target",
        "100% cơ quan chuyên môn cấp tỉnh, UBND cấp huyện, UBND cấp xã công khai tiến độ, kết quả "
        "giải quyết hồ sơ TTHC trên Cổng Dịch vụ công, Cổng thông tin điện tử của tỉnh",
        (P("100%", 100),),
    ),
    (
        "real-II.4-notes",
        "100% hồ sơ TTHC hành đã được cập nhật lên hệ thống Một cửa tỉnh, cổng dịch vụ công tỉnh, "
        "cổng dịch vụ công Quốc gia",
        (P("100%", 100),),
    ),
    (
        "real-II.5-target",
        "90% thủ tục hành chính nội bộ giữa cơ quan hành chính nhà nước được công bố, công khai "
        "và cập nhật kịp thời",
        (P("90%", 90),),
    ),
    (
        "real-II.5-notes",
        "90% thủ tục hành chính nội bộ giữa cơ quan hành chính nhà nước được công bố, công khai "
        "và cập nhật kịp thời thông qua việc duy trì, cập nhật các quy trình theo chuẩn ISO TCVN "
        "9001 -2015",
        (P("90%", 90),),
    ),
    (
        "real-II.6-target",
        "Năm 2022, số hóa kết quả giải quyết thủ tục hành chính đang còn hiệu lực và có giá trị "
        "sử dụng thuộc thẩm quyền giải quyết của cấp tỉnh, cấp huyện, cấp xã đạt tỷ lệ tối thiểu "
        "tương ứng là 30%, 20%, 15%; các năm tiếp theo, mỗi năm tăng tối thiểu 20% đối với mỗi "
        "cấp hành chính, đến năm 2025 đạt tỷ lệ 100% để đảm bảo việc kết nối",
        (
            P("30%", 30, "at_least"),
            P("20%", 20, "at_least"),
            P("15%", 15, "at_least"),
            P("20%", 20, "increase_at_least"),
            P("100%", 100),
        ),
    ),
    (
        "real-II.6-notes",
        "Năm 2023 việc số hóa kết quả giải quyết thủ tục hành chính đang còn hiệu lực và có giá "
        "trị sử dụng thuộc thẩm quyền giải quyết của cấp huyện, cấp xã đạt trên 80% (theo số "
        "liệu thống kê trên hệ thống Một cửa tỉnh)",
        (P("80%", 80, "above"),),
    ),
    (
        "real-II.7-target",
        "80% người dân, doanh nghiệp khi thực hiện thủ tục hành chính không phải cung cấp lại các "
        "thông tin, giấy tờ, tài liệu đã được chấp nhận",
        (P("80%", 80),),
    ),
    (
        "real-II.8-target",
        "Rà soát, đơn giản hóa TTHC, cắt giảm ít nhất 25% thời gian giải quyết TTHC so với quy "
        "định",
        (P("25%", 25, "reduce_at_least"),),
    ),
    (
        "real-II.8-notes",
        "UBND huyện đã có công văn số 1226/ UBND-TH ngày 08/8/2023 đề xuất cấp có thẩm quyền rà "
        "soát, cắt giảm, đơn giản hóa TTHC với tỷ lệ 25% so với tổng số TTHC thuộc thẩm quyền "
        "giải quyết nhằm tạo thuận lợi",
        (P("25%", 25),),
    ),
    (
        "real-II.9-target",
        "Tỷ lệ số lượng hồ sơ TTHC được giải quyết đúng hạn và trước hạn hàng năm đạt từ 99% trở "
        "lên",
        (P("99%", 99, "at_least"),),
    ),
    (
        "real-II.9-notes",
        "Tỷ lệ số lượng hồ sơ TTHC được giải quyết đúng hạn và trước hạn tại UBND huyện, UBND các "
        "xã, thị trấn đạt trên 99% (theo số liệu thống kê của trên hệ thống Một cửa tỉnh)",
        (P("99%", 99, "above"),),
    ),
    (
        "real-II.10-target",
        "Tối thiểu 80% hồ sơ giải quyết thủ tục hành chính được luân chuyển trong nội bộ giữa các "
        "cơ quan có thẩm quyền giải quyết",
        (P("80%", 80, "at_least"),),
    ),
    (
        "real-II.10-notes",
        "Trên 80% hồ sơ giải quyết thủ tục hành chính được luân chuyển trong nội bộ giữa các cơ "
        "quan có thẩm quyền giải quyết",
        (P("80%", 80, "above"),),
    ),
    (
        "real-II.11-target",
        "100% thủ tục hành chính của tỉnh có đủ điều kiện, được cung cấp DVC trực tuyến toàn "
        "trình. Trong số đó, ít nhất 80% thủ tục hành chính được tích hợp, cung cấp trên cổng "
        "Dịch vụ công quốc gia.",
        (P("100%", 100), P("80%", 80, "at_least")),
    ),
    (
        "real-II.11-notes",
        "Theo quyết định 1103/QĐ-UBND ngày 30/5/2023 của UBND tỉnh cấp huyện đã thực hiện 111/238 "
        "TTHC đã được cung cấp toàn trình; 127/238 TTHC đã được cung cấp một phần; cấp xã đã "
        "thực hiện 63/124 TTHC đã được cung cấp toàn trình; 61/124 TTHC đã được cung cấp một "
        "phần; có ít nhất 80% TTHC được tích hợp, cung cấp trên cổng Dịch vụ công quốc gia.",
        (
            R("111/238", 111, 238, "TTHC"),
            R("127/238", 127, 238, "TTHC"),
            R("63/124", 63, 124, "TTHC"),
            R("61/124", 61, 124, "TTHC"),
            P("80%", 80, "at_least"),
        ),
    ),
    (
        "real-II.12-target",
        "Tỷ lệ hồ sơ giải quyết DVC trực tuyến mức toàn trình trên tổng số hồ sơ đạt tối thiểu "
        "50%.",
        (P("50%", 50, "at_least"),),
    ),
    (
        "real-II.12-notes",
        "Tỷ lệ hồ sơ giải quyết DVC trực tuyến mức toàn trình trên tổng số hồ sơ đạt tối thiểu "
        "55,54% (năm 2023). (Theo số liệu thống kê trên hệ thống Một cửa tỉnh)",
        (P("55,54%", 55.54, "at_least"),),
    ),
    (
        "real-II.13-target",
        "Tối thiểu 80% thủ tục hành chính có yêu cầu nghĩa vụ tài chính, được triển khai thanh "
        "toán trực tuyến, trong số đó, tỷ lệ giao dịch thanh toán trực tuyến đạt từ 30% trở lên.",
        (P("80%", 80, "at_least"), P("30%", 30, "at_least")),
    ),
    (
        "real-II.13-notes",
        "UBND huyện đã chỉ đạo nâng cao tỷ lệ thanh toán trên địa bàn huyện, so với năm 2021, "
        "2022 tỷ lệ thanh toán trực tuyến đạt 0%, đến nay tỷ lệ thanh toán trực tuyến trên địa "
        "bàn huyện đạt 14.7% (Theo số liệu thống kê trên hệ thống Một cửa tỉnh)",
        (P("0%", 0), P("14.7%", 14.7)),
    ),
    (
        "real-II.14-target",
        "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính đạt tối "
        "thiểu 90%. Trong đó, mức độ hài lòng về giải quyết các thủ tục hành chính lĩnh vực đất "
        "đai, xây dựng, đầu tư đạt tối thiểu 85%.",
        (P("90%", 90, "at_least"), P("85%", 85, "at_least")),
    ),
    (
        "real-II.14-notes",
        "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính đạt 100% "
        "(Theo số liệu thống kê trên hệ thống Một cửa tỉnh)",
        (P("100%", 100),),
    ),
    (
        "real-III.1-target",
        "Giảm tối thiểu 10% biên chế sự nghiệp hưởng lương từ ngân sách nhà nước so với năm 2021",
        (P("10%", 10, "reduce_at_least"),),
    ),
    (
        "real-III.1-notes",
        "Do sáp nhập Ban QLDA ĐTXD&PTQĐ với Trung tâm PTCCN&KC nên năm 2022 giảm 01 đơn vị tự "
        "đảm bản chi thường xuyên",
        (C("01", 1, "đơn vị"),),
    ),
    (
        "real-III.2-target",
        "Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà "
        "nước đạt tối thiểu 90%; mức độ hài lòng của người dân về dịch vụ y tế, giáo dục công lập "
        "đạt tối thiểu 85%",
        (P("90%", 90, "at_least"), P("85%", 85, "at_least")),
    ),
    (
        "real-III.2-notes",
        "Mức độ hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính "
        "nhà nước đạt 95%; mức độ hài lòng của người dân về dịch vụ y tế, giáo dục công lập đạt "
        "90%.",
        (P("95%", 95), P("90%", 90)),
    ),
    (
        "real-IV.1-target",
        "100% CBCCVV ứng dụng CNTT thành thạo trong xử lý công việc;",
        (P("100%", 100),),
    ),
    (
        "real-IV.1-notes",
        "100% cơ quan, đơn vị, địa phương thực hiện quy trình xử lý, giải quyết hồ sơ, văn bản "
        "trên môi trường mạng.",
        (P("100%", 100),),
    ),
    (
        "real-IV.2-target",
        "Tối thiểu 95% CBCCVV được đánh giá mức độ hoàn thành nhiệm vụ theo hiệu quả công việc.",
        (P("95%", 95, "at_least"),),
    ),
    (
        "real-IV.2-notes-2021-district",
        "Năm 2021: + Công chức cấp huyện và đơn vị sự nghiệp: có 1.381 CC, VC được đánh giá, "
        "trong đó: Hoàn thành xuất sắc nhiệm vụ 287 người, chiếm tỷ lệ 20,8%; Hoàn thành tốt "
        "nhiệm vụ: 1.032 người, chiếm tỷ lệ 74,7%; Hoàn thành nhiệm vụ 61 người, chiếm tỷ lệ "
        "4,4%; Không hoàn thành nhiệm vụ: 01 người, chiếm tỷ lệ 0,1%.",
        (
            C("1.381", 1381, "CC, VC"),
            C("287", 287, "người"),
            P("20,8%", 20.8),
            C("1.032", 1032, "người"),
            P("74,7%", 74.7),
            C("61", 61, "người"),
            P("4,4%", 4.4),
            C("01", 1, "người"),
            P("0,1%", 0.1),
        ),
    ),
    (
        "real-IV.2-notes-2021-commune",
        "+ Cán bộ, công chức cấp xã: Tổng số CBCC cấp xã được đánh giá là 357 người, trong đó: "
        "Hoàn thành xuất sắc nhiệm vụ 70 người, chiếm tỷ lệ 19,6%; Hoàn thành tốt nhiệm vụ: 275 "
        "người, chiếm tỷ lệ 77%; Hoàn thành nhiệm vụ 06 người, chiếm tỷ lệ 1,7%; Không hoàn "
        "thành nhiệm vụ: 06 người, chiếm tỷ lệ 1,7%.",
        (
            C("357", 357, "người"),
            C("70", 70, "người"),
            P("19,6%", 19.6),
            C("275", 275, "người"),
            P("77%", 77),
            C("06", 6, "người"),
            P("1,7%", 1.7),
            C("06", 6, "người"),
            P("1,7%", 1.7),
        ),
    ),
    (
        "real-IV.2-notes-2022-district",
        "Năm 2022: + Công chức cấp huyện và đơn vị sự nghiệp: có 1.387 CC, VC được đánh giá, "
        "trong đó: Hoàn thành xuất sắc nhiệm vụ 285 người, chiếm tỷ lệ 20,6%; Hoàn thành tốt "
        "nhiệm vụ: 1.040 người, chiếm tỷ lệ 75%; Hoàn thành nhiệm vụ 56 người, chiếm tỷ lệ 4%; "
        "Không hoàn thành nhiệm vụ: 06 người, chiếm tỷ lệ 0,4%.",
        (
            C("1.387", 1387, "CC, VC"),
            C("285", 285, "người"),
            P("20,6%", 20.6),
            C("1.040", 1040, "người"),
            P("75%", 75),
            C("56", 56, "người"),
            P("4%", 4),
            C("06", 6, "người"),
            P("0,4%", 0.4),
        ),
    ),
    (
        "real-IV.2-notes-2022-commune",
        "+ Cán bộ, công chức cấp xã: Tổng số CBCC cấp xã được đánh giá là 352 người, trong đó: "
        "Hoàn thành xuất sắc nhiệm vụ 73 người, chiếm tỷ lệ 20,7%; Hoàn thành tốt nhiệm vụ: 271 "
        "người, chiếm tỷ lệ 77%; Hoàn thành nhiệm vụ 05 người, chiếm tỷ lệ 1,4%; Không hoàn "
        "thành nhiệm vụ: 03 người, chiếm tỷ lệ 0,9%.",
        (
            C("352", 352, "người"),
            C("73", 73, "người"),
            P("20,7%", 20.7),
            C("271", 271, "người"),
            P("77%", 77),
            C("05", 5, "người"),
            P("1,4%", 1.4),
            C("03", 3, "người"),
            P("0,9%", 0.9),
        ),
    ),
    (
        "real-IV.3-target",
        "100% cơ quan hành chính nhà nước và đơn vị sự nghiệp thuộc tỉnh bố trí công chức, viên "
        "chức đúng vị trí việc làm, khung năng lực đã được phê duyệt.",
        (P("100%", 100),),
    ),
    (
        "real-IV.4-target",
        "100% cán bộ, công chức được bồi dưỡng theo chức danh quy định",
        (P("100%", 100),),
    ),
    (
        "real-IV.4-notes",
        "Từ năm 2022 đến 10/2023 đã cử hơn 450 lượt cán bộ, công chức, viên chức tham gia các "
        "lớp đào tạo, bồi dưỡng",
        (C("450", 450, "lượt", "above"),),
    ),
    (
        "real-IV.5-target",
        "100% cán bộ, công chức cấp xã đạt chuẩn trình độ cao đẳng, đại học theo quy định",
        (P("100%", 100),),
    ),
    (
        "real-IV.5-notes",
        "95,1% CB, CC đạt chuẩn; 4,9% CB, CC chưa đạt chuẩn chủ yếu cán bộ đoàn thể đặc biệt là "
        "Chủ tịch Hội Cựu chiến binh.",
        (P("95,1%", 95.1), P("4,9%", 4.9)),
    ),
    (
        "real-V.1-target",
        "Tối thiểu 20% đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên.",
        (P("20%", 20, "at_least"),),
    ),
    (
        "real-V.2-target",
        "100% đơn vị sự nghiệp kinh tế và sự nghiệp khác, có đủ điều kiện, hoàn thành việc chuyển "
        "đổi thành công ty cổ phần",
        (P("100%", 100),),
    ),
    (
        "real-VI.1-target",
        "Hệ thống báo cáo của địa phương được kết nối liên thông, chia sẻ dữ liệu với Hệ thống "
        "thông tin báo cáo quốc gia đúng quy định; 100% báo cáo của các sở, ngành, UBND cấp huyện "
        "báo cáo lên hệ thống báo cáo của tỉnh đúng quy định.",
        (P("100%", 100),),
    ),
    (
        "real-VI.1-notes",
        "Hệ thống báo cáo trên trang vpcp.baocaochinhphu.vn ; Định kỳ 100% báo cáo theo yêu cầu "
        "được giao báo cáo trên hệ thống báo cáo của tỉnh tại địa chỉ: "
        "https://bcktxh.quangtri.gov.vn",
        (P("100%", 100),),
    ),
    (
        "real-VI.2-target",
        "Thực hiện Hệ thống thông tin phục vụ họp và xử lý công việc cho Ủy ban nhân dân tỉnh và "
        "100% UBND cấp huyện thực hiện họp thông qua hệ thống này",
        (P("100%", 100),),
    ),
    (
        "real-VI.2-notes",
        "Thực hiện Hệ thống thông tin phục vụ họp và xử lý công việc cho Ủy ban nhân dân tỉnh; "
        "100% các cuộc họp theo yêu cầu cấp trên đều được thực hiện qua hệ thống họp trực tuyến",
        (P("100%", 100),),
    ),
    (
        "real-VI.3-target",
        "100% người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến được cấp định danh và xác "
        "thực điện tử thông suốt",
        (P("100%", 100),),
    ),
    (
        "real-VI.3-notes",
        "Hiện nay, 100% người dân, doanh nghiệp có sử dụng dịch vụ công trực tuyến đều được cấp "
        "và kết nối sử dụng mã định danh qua phần mềm VNID, tài khoản dịch vụ công đăng ký trên "
        "cổng dịch vụ công quốc gia tại địa chỉ dichvucong.gov.vn ; các tài khoản được xác thực",
        (P("100%", 100),),
    ),
    (
        "real-VI.4-target",
        "Ít nhất 80% các hệ thống thông tin của địa phương có liên quan đến người dân, doanh "
        "nghiệp đã đưa vào vận hành, khai thác được kết nối",
        (P("80%", 80, "at_least"),),
    ),
    (
        "real-VI.5-target",
        "Trên 95% hồ sơ công việc tại cấp tỉnh, trên 90% hồ sơ công việc tại cấp huyện, trên 80% "
        "hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc "
        "phạm vi bí mật nhà nước)",
        (P("95%", 95, "above"), P("90%", 90, "above"), P("80%", 80, "above")),
    ),
    (
        "real-VI.5-notes",
        "Đã triển khai thực hiện và kết quả trên 90% hồ sơ công việc tại cấp huyện, trên 80% hồ "
        "sơ công việc tại cấp xã được xử lý trên môi trường mạng",
        (P("90%", 90, "above"), P("80%", 80, "above")),
    ),
    (
        "real-VI.6-target",
        "100% dịch vụ công trực tuyến toàn trình được cung cấp trên nhiều phương tiện truy cập "
        "khác nhau, bao gồm cả thiết bị di động.",
        (P("100%", 100),),
    ),
    (
        "real-VI.6-notes",
        "100% dịch vụ công trực tuyến toàn trình được cung cấp trên nhiều phương tiện truy cập "
        "khác nhau, bao gồm cả thiết bị di động. Cụ thể là 111/238 TTHC đủ điều kiện và được cung "
        "cấp toàn trình",
        (P("100%", 100), R("111/238", 111, 238, "TTHC")),
    ),
    (
        "real-VI.7-target",
        "Tỷ lệ hồ sơ nộp qua mạng và giải quyết theo dịch vụ công trực tuyến mức độ 4 trên tổng "
        "số hồ sơ toàn tỉnh đạt tối thiểu 50%.",
        (P("50%", 50, "at_least"),),
    ),
    (
        "real-VI.7-notes",
        "Tỷ lệ hồ sơ nộp qua mạng và giải quyết theo dịch vụ công trực tuyến mức độ 4 trên tổng "
        "số hồ sơ toàn huyện đạt 80,6%",
        (P("80,6%", 80.6),),
    ),
    (
        "real-VI.8-target",
        "Ít nhất 50% hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi "
        "trường số",
        (P("50%", 50, "at_least"),),
    ),
    (
        "real-VI.8-notes",
        "Trên 50% hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi "
        "trường số và hệ thống thông tin của cơ quan quản lý",
        (P("50%", 50, "above"),),
    ),
]

# --- other reports ------------------------------------------------------------------------------

OTHER_CASES: list[Case] = [
    # budget
    (
        "budget-revenue",
        "Tổng thu ngân sách ước thực hiện đến ngày 25/02/2026 là 8.063 tỷ đồng, đạt 24,88% dự "
        "toán Trung ương",
        (C("8.063", 8063, "tỷ đồng"), P("24,88%", 24.88)),
    ),
    (
        "budget-disbursed-of-plan",
        "Lũy kế giải ngân đến hết ngày 25/02/2026 là 230.473 triệu đồng/13.203.300 triệu đồng; "
        "đạt 1,75% kế hoạch năm.",
        (
            C("230.473", 230473, "triệu đồng"),
            C("13.203.300", 13203300, "triệu đồng"),
            P("1,75%", 1.75),
        ),
    ),
    ("budget-over-plan", "Giải ngân vốn đầu tư công đạt 105% kế hoạch", (P("105%", 105),)),
    (
        "budget-growth",
        "Thu ngân sách tăng 12,5% so với cùng kỳ",
        (P("12,5%", 12.5),),
    ),
    ("budget-cut", "Chi thường xuyên giảm 3,2% so với năm 2022", (P("3,2%", 3.2),)),
    (
        "budget-approx",
        "Kinh phí thực hiện khoảng 1,5 tỷ đồng",
        (C("1,5", 1.5, "tỷ đồng", "approx"),),
    ),
    (
        "budget-in-dong",
        "Dự toán giao 2.350.000.000 đồng",
        (C("2.350.000.000", 2350000000, "đồng"),),
    ),
    ("budget-savings", "tiết kiệm 10% chi thường xuyên", (P("10%", 10),)),
    ("budget-near", "Tỷ lệ giải ngân đạt gần 95%", (P("95%", 95, "approx"),)),
    (
        "budget-at-most",
        "tổng kinh phí tối đa 500 triệu đồng",
        (C("500", 500, "triệu đồng", "at_most"),),
    ),
    (
        "budget-autonomy-band-70",
        "Số ĐVSN tự bảo đảm từ 70% - dưới 100% chi thường xuyên",
        (P("70%", 70, "at_least"), P("100%", 100, "below")),
    ),
    (
        "budget-autonomy-band-10",
        "Số ĐVSN tự bảo đảm từ 10% - dưới 30% chi thường xuyên",
        (P("10%", 10, "at_least"), P("30%", 30, "below")),
    ),
    (
        "budget-autonomous-units",
        "có 25 đơn vị tự bảo đảm chi thường xuyên, chiếm 12,3%",
        (C("25", 25, "đơn vị"), P("12,3%", 12.3)),
    ),
    (
        "budget-two-units",
        "có 02 đơn vị tự bảo đảm chi thường xuyên và chi đầu tư",
        (C("02", 2, "đơn vị"),),
    ),
    (
        "budget-part-autonomy",
        "05 đơn vị tự bảo đảm một phần chi thường xuyên",
        (C("05", 5, "đơn vị"),),
    ),
    # satisfaction surveys
    ("survey-sipas", "Chỉ số SIPAS năm 2023 đạt 85,92%", (P("85,92%", 85.92),)),
    (
        "survey-forms",
        "Đã phát 1.200 phiếu khảo sát, thu về 1.150 phiếu (đạt 95,8%)",
        (C("1.200", 1200, "phiếu"), C("1.150", 1150, "phiếu"), P("95,8%", 95.8)),
    ),
    ("survey-above", "Mức độ hài lòng đạt trên 98%", (P("98%", 98, "above"),)),
    (
        "survey-opinions",
        "có 4.512 ý kiến đánh giá, trong đó 4.480 ý kiến hài lòng, chiếm 99,29%",
        (C("4.512", 4512, "ý kiến"), C("4.480", 4480, "ý kiến"), P("99,29%", 99.29)),
    ),
    ("survey-below", "Tỷ lệ người dân không hài lòng dưới 2%", (P("2%", 2, "below"),)),
    (
        "survey-par-index-points",
        "Chỉ số PAR INDEX năm 2022 đạt 87,45 điểm, tăng 2,31 điểm so với năm 2021",
        (C("87,45", 87.45, "điểm"), C("2,31", 2.31, "điểm")),
    ),
    (
        "survey-feedback",
        "Tiếp nhận 56 phản ánh, kiến nghị, đã xử lý 54/56 phản ánh, kiến nghị",
        (C("56", 56, "phản ánh, kiến nghị"), R("54/56", 54, 56, "phản ánh, kiến nghị")),
    ),
    ("survey-words", "Tỷ lệ hài lòng 95 phần trăm", (P("95 phần trăm", 95),)),
    ("survey-space-sign", "mức độ hài lòng đạt 99,5 %", (P("99,5 %", 99.5),)),
    ("survey-rank-rise", "tăng 5 bậc so với năm trước", ()),
    # personnel
    (
        "staff-quota",
        "Tổng số biên chế được giao là 1.245 biên chế, đã sử dụng 1.198 biên chế",
        (C("1.245", 1245, "biên chế"), C("1.198", 1198, "biên chế")),
    ),
    (
        "staff-streamlined",
        "tinh giản 37 người, đạt 10,2% so với biên chế giao năm 2015",
        (C("37", 37, "người"), P("10,2%", 10.2)),
    ),
    (
        "staff-training",
        "Đã cử 125 lượt cán bộ tham gia 06 lớp bồi dưỡng",
        (C("125", 125, "lượt"), C("06", 6, "lớp")),
    ),
    ("staff-recruited", "Tuyển dụng 45 viên chức", (C("45", 45, "viên chức"),)),
    (
        "staff-qualified-share",
        "Có 98,5% cán bộ, công chức cấp xã đạt chuẩn",
        (P("98,5%", 98.5),),
    ),
    (
        "staff-communes-ratio",
        "có 12/15 xã đạt chuẩn về trình độ",
        (R("12/15", 12, 15, "xã"),),
    ),
    (
        "staff-departments",
        "sắp xếp giảm 3 phòng chuyên môn",
        (C("3", 3, "phòng chuyên môn"),),
    ),
    (
        "staff-appointed",
        "đã bổ nhiệm 05 lãnh đạo cấp sở và tương đương",
        (C("05", 5, "lãnh đạo"),),
    ),
    (
        "staff-bodies",
        "quy định chức năng, nhiệm vụ đối với 14 sở, ngành, 12 chi cục và 62 đơn vị sự nghiệp",
        (C("14", 14, "sở, ngành"), C("12", 12, "chi cục"), C("62", 62, "đơn vị")),
    ),
    (
        "staff-deputies-excess",
        "số lượng cấp phó vượt quy định 02 người",
        (C("02", 2, "người"),),
    ),
    (
        "staff-deputies-max",
        "bố trí không quá 03 cấp phó",
        (C("03", 3, "cấp phó", "at_most"),),
    ),
    ("staff-headcount", "số lượng 15 cán bộ", (C("15", 15, "cán bộ"),)),
    ("staff-million", "Dân số 1.234.567 người", (C("1.234.567", 1234567, "người"),)),
    ("staff-comrades", "cử 03 đồng chí tham gia", (C("03", 3, "đồng chí"),)),
    ("staff-at-least-two", "bố trí tối thiểu 02 người", (C("02", 2, "người", "at_least"),)),
    # procedures and one-stop shops
    (
        "tthc-received",
        "Trong năm, đã tiếp nhận 15.234 hồ sơ, giải quyết đúng hạn 15.100 hồ sơ",
        (C("15.234", 15234, "hồ sơ"), C("15.100", 15100, "hồ sơ")),
    ),
    (
        "tthc-conference",
        "Tổ chức 03 hội nghị tập huấn cho 250 đại biểu",
        (C("03", 3, "hội nghị"), C("250", 250, "đại biểu")),
    ),
    (
        "tthc-decisions",
        "Ban hành 12 quyết định công bố 156 TTHC",
        (C("12", 12, "quyết định"), C("156", 156, "TTHC")),
    ),
    (
        "tthc-inspected",
        "kiểm tra 20 cơ quan, đơn vị",
        (C("20", 20, "cơ quan, đơn vị"),),
    ),
    ("tthc-leaflets", "phát hành 5.000 tờ rơi", (C("5.000", 5000, "tờ rơi"),)),
    ("tthc-news", "đăng tải 320 tin, bài", (C("320", 320, "tin, bài"),)),
    (
        "tthc-tasks-ratio",
        "Có 6/21 nhiệm vụ chưa hoàn thành còn trong hạn",
        (R("6/21", 6, 21, "nhiệm vụ"),),
    ),
    (
        "tthc-tasks-plan",
        "hoàn thành 11/49 nhiệm vụ kế hoạch đề ra (đạt 22,45% kế hoạch)",
        (R("11/49", 11, 49, "nhiệm vụ"), P("22,45%", 22.45)),
    ),
    (
        "tthc-ranking-units",
        "có 11/15 đơn vị xếp loại Tốt, 03/15 đơn vị xếp loại Khá, 01/15 đơn vị xếp loại Trung bình",
        (
            R("11/15", 11, 15, "đơn vị"),
            R("03/15", 3, 15, "đơn vị"),
            R("01/15", 1, 15, "đơn vị"),
        ),
    ),
    (
        "tthc-ranking-communes",
        "cấp xã có 26/124 đơn vị xếp loại Tốt, 80/124 đơn vị xếp loại Khá",
        (R("26/124", 26, 124, "đơn vị"), R("80/124", 80, 124, "đơn vị")),
    ),
    (
        "tthc-tasks-on-time",
        "Tổng số nhiệm vụ được giao là 21, nhiệm vụ đã hoàn thành đúng hạn là 15/21 nhiệm vụ",
        (R("15/21", 15, 21, "nhiệm vụ"),),
    ),
    (
        "tthc-inspection-plan",
        "tổ chức kiểm tra tại 29 cơ quan, đơn vị, địa phương (gồm: 04 cơ quan chuyên môn cấp tỉnh "
        "và 25 đơn vị cấp xã)",
        (C("29", 29, "cơ quan, đơn vị"), C("04", 4, "cơ quan"), C("25", 25, "đơn vị")),
    ),
    ("tthc-quota-bare", "Tổng số biên chế được giao: 9.818 (cấp tỉnh: 3.585; cấp xã: 6.233)", ()),
    ("tthc-on-time", "Giải quyết 98,5% hồ sơ đúng hạn", (P("98,5%", 98.5),)),
    ("tthc-late", "hồ sơ trễ hạn chiếm 1,5%", (P("1,5%", 1.5),)),
    (
        "tthc-late-share",
        "Số hồ sơ giải quyết trước và đúng hạn là 120.088 (tỷ lệ 95,53%), số hồ sơ giải quyết trễ "
        "hạn là 5.624 (tỷ lệ 4,47%).",
        (P("95,53%", 95.53), P("4,47%", 4.47)),
    ),
    ("tthc-bare-ratio", "Năm 2023, đã xử lý được 09/10", (R("09/10", 9, 10),)),
    ("tthc-criteria", "đạt 3/5 tiêu chí", (R("3/5", 3, 5, "tiêu chí"),)),
    ("tthc-communes-share", "100% xã, phường thực hiện", (P("100%", 100),)),
    ("tthc-as-of-date", "Đến 30/6/2024, 100% TTHC được công khai", (P("100%", 100),)),
    (
        "tthc-as-of-day-month",
        "Tính đến 30/9, đã giải quyết 1.532 hồ sơ",
        (C("1.532", 1532, "hồ sơ"),),
    ),
    (
        "tthc-targets-met",
        "Đạt 100% (12/12 chỉ tiêu)",
        (P("100%", 100), R("12/12", 12, 12, "chỉ tiêu")),
    ),
    ("tthc-duration", "giảm 2,5 ngày so với quy định", ()),
    ("tthc-time-cut", "thời gian giải quyết rút ngắn 30% so với quy định", (P("30%", 30),)),
    (
        "tthc-simplified",
        "đơn giản hóa 120 TTHC, cắt giảm 25% chi phí",
        (C("120", 120, "TTHC"), P("25%", 25)),
    ),
    ("tthc-cut-count", "cắt giảm 50 TTHC", (C("50", 50, "TTHC"),)),
    (
        "tthc-options",
        "kiến nghị 35 phương án đơn giản hóa",
        (C("35", 35, "phương án"),),
    ),
    ("tthc-total-count", "Tổng số 33 chỉ tiêu", (C("33", 33, "chỉ tiêu"),)),
    (
        "tthc-of-total",
        "111 TTHC trên tổng số 238 TTHC",
        (C("111", 111, "TTHC"), C("238", 238, "TTHC")),
    ),
    ("tthc-year-then-count", "năm 2024 có 150 hồ sơ", (C("150", 150, "hồ sơ"),)),
    ("tthc-numbered-item", "1) 50 hồ sơ được số hóa", (C("50", 50, "hồ sơ"),)),
    ("tthc-bracket-number", "(1) 100% TTHC được công khai", (P("100%", 100),)),
    ("tthc-bullet-plus", "+ 95% hồ sơ được số hóa", (P("95%", 95),)),
    (
        "tthc-rise-from-to",
        "tỷ lệ tăng từ 80% lên 90%",
        (P("80%", 80), P("90%", 90)),
    ),
    ("tthc-days-cut", "giảm từ 15 ngày xuống 10 ngày", ()),
    (
        "tthc-recently",
        "Gần đây, 90% hồ sơ được giải quyết trước hạn",
        (P("90%", 90),),
    ),
    (
        "tthc-on-that-basis",
        "Trên cơ sở đó, 85% cơ quan đã triển khai",
        (P("85%", 85),),
    ),
    (
        "tthc-year-breakdown",
        "đạt 100% (năm 2022: 95%)",
        (P("100%", 100), P("95%", 95)),
    ),
    ("tthc-two-decimals-comma", "đạt 100,00%", (P("100,00%", 100),)),
    ("tthc-per-person", "mức hỗ trợ 1.000.000 đồng/người", (C("1.000.000", 1000000, "đồng"),)),
    ("tthc-rural-criteria", "đạt 30/30 tiêu chí", (R("30/30", 30, 30, "tiêu chí"),)),
    ("tthc-yearly-classes", "mỗi năm 20 lớp tập huấn", (C("20", 20, "lớp tập huấn"),)),
    ("tthc-year-like-ratio", "đạt 150/2000 hồ sơ", (R("150/2000", 150, 2000, "hồ sơ"),)),
    ("tthc-third-of-communes", "1/3 số xã", (R("1/3", 1, 3),)),
    ("tthc-score-of-ten", "đạt 8/10 điểm", (R("8/10", 8, 10, "điểm"),)),
    ("tthc-year-sized-count", "năm 2023 có 2023 hồ sơ", (C("2023", 2023, "hồ sơ"),)),
    (
        "tthc-round-the-clock-communes",
        "24/24 xã có bộ phận một cửa",
        (R("24/24", 24, 24, "xã"),),
    ),
    # digital services
    (
        "digital-online-share",
        "tỷ lệ hồ sơ trực tuyến toàn trình đạt 86,98% (265.456/305.194 hồ sơ)",
        (P("86,98%", 86.98), R("265.456/305.194", 265456, 305194, "hồ sơ")),
    ),
    (
        "digital-payment",
        "có 124/124 TTHC có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực tuyến "
        "(đạt 100%)",
        (R("124/124", 124, 124, "TTHC"), P("100%", 100)),
    ),
    (
        "digital-digitised",
        "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 89,94%; tỷ lệ khai thác, sử dụng lại "
        "thông tin, dữ liệu số hóa đạt 92,64%.",
        (P("89,94%", 89.94), P("92,64%", 92.64)),
    ),
    (
        "digital-stations",
        "toàn tỉnh có 5.887 trạm BTS 4G và 1.099 trạm 5G",
        (C("5.887", 5887, "trạm"), C("1.099", 1099, "trạm")),
    ),
    (
        "digital-centres",
        "Trung tâm Phục vụ hành chính công tại 124/124 xã, phường, đặc khu đã đi vào nề nếp",
        (R("124/124", 124, 124, "xã, phường, đặc khu"),),
    ),
    (
        "digital-round-the-clock",
        "Cổng thông tin điện tử hoạt động thông suốt 24/24 giờ trong ngày và 07 ngày trong tuần",
        (),
    ),
    ("digital-24-7", "Hệ thống hoạt động 24/7", ()),
    (
        "digital-signatures",
        "cấp 2.315 chữ ký số cho cán bộ",
        (C("2.315", 2315, "chữ ký số"),),
    ),
    (
        "digital-accounts",
        "đã kích hoạt 45.678 tài khoản định danh điện tử mức độ 2",
        (C("45.678", 45678, "tài khoản"),),
    ),
    (
        "digital-services",
        "cung cấp 1.024 dịch vụ công trực tuyến",
        (C("1.024", 1024, "dịch vụ công"),),
    ),
    (
        "digital-e-documents",
        "Tỷ lệ văn bản điện tử gửi nhận trên môi trường mạng đạt 98,7%",
        (P("98,7%", 98.7),),
    ),
    ("digital-speed", "Tốc độ truy cập tăng 2 lần", (C("2", 2, "lần"),)),
    (
        "digital-users",
        "đang phục vụ khoảng 2.000 người dùng thường xuyên và 200 người dùng vãng lai",
        (C("2.000", 2000, "người dùng", "approx"), C("200", 200, "người dùng")),
    ),
    (
        "digital-video-points",
        "kết nối 248 điểm cầu cấp xã (124 đảng ủy cấp xã và 124 Ủy ban nhân dân cấp xã)",
        (C("248", 248, "điểm cầu"), C("124", 124, "ủy ban nhân dân")),
    ),
    (
        "digital-certificates",
        "cấp tỉnh có 4.834 chứng thư chữ ký số, cấp xã có 7.291 chứng thư",
        (C("4.834", 4834, "chứng thư chữ ký số"), C("7.291", 7291, "chứng thư")),
    ),
    (
        "tthc-feedback-no-comma",
        "Đã tiếp nhận 306 phản ánh kiến nghị, đã xử lý 306 phản ánh kiến nghị",
        (C("306", 306, "phản ánh kiến nghị"), C("306", 306, "phản ánh kiến nghị")),
    ),
    (
        "tthc-drafts",
        "thẩm định 11 văn bản QPPL, góp ý 12 dự thảo văn bản QPPL",
        (C("11", 11, "văn bản QPPL"), C("12", 12, "dự thảo")),
    ),
    (
        "digital-payment-ratio",
        "Tỷ lệ thanh toán trực tuyến đạt 45,6% (1.234/2.706 hồ sơ)",
        (P("45,6%", 45.6), R("1.234/2.706", 1234, 2706, "hồ sơ")),
    ),
    (
        "digital-over-plan",
        "Số hóa 100% hồ sơ, đạt 120% kế hoạch",
        (P("100%", 100), P("120%", 120)),
    ),
    (
        "digital-visits",
        "trên 1.000 lượt truy cập",
        (C("1.000", 1000, "lượt", "above"),),
    ),
    (
        "digital-firms",
        "gần 500 doanh nghiệp",
        (C("500", 500, "doanh nghiệp", "approx"),),
    ),
    (
        "digital-online-files",
        "tiếp nhận trên 2.000 hồ sơ trực tuyến",
        (C("2.000", 2000, "hồ sơ", "above"),),
    ),
    (
        "digital-visitors-approx",
        "gần 1.000 lượt người",
        (C("1.000", 1000, "lượt người", "approx"),),
    ),
    ("digital-english-decimal", "tỷ lệ lỗi đạt 0.25%", (P("0.25%", 0.25),)),
    ("digital-two-decimals", "đạt 14.70%", (P("14.70%", 14.7),)),
    ("digital-space-sign", "đạt 100 %", (P("100 %", 100),)),
    ("digital-half-percent", "chiếm 0,5%", (P("0,5%", 0.5),)),
    # thresholds: qualifiers, lists and ranges
    (
        "range-from-to",
        "đạt từ 80% đến 90%",
        (P("80%", 80, "at_least"), P("90%", 90, "at_most")),
    ),
    (
        "range-bare-first",
        "từ 80 đến 90%",
        (P("80", 80, "at_least"), P("90%", 90, "at_most")),
    ),
    (
        "range-dash",
        "đạt 80-90% số hồ sơ",
        (P("80", 80, "at_least"), P("90%", 90, "at_most")),
    ),
    (
        "range-bare-below",
        "tự bảo đảm từ 70 - dưới 100% chi thường xuyên",
        (P("70", 70, "at_least"), P("100%", 100, "below")),
    ),
    ("per-year-bare", "tổ chức 3/năm", ()),
    (
        "range-counts",
        "mỗi lớp từ 10 đến 15 người",
        (C("10", 10, "người", "at_least"), C("15", 15, "người", "at_most")),
    ),
    (
        "list-respectively",
        "tỷ lệ tương ứng là 95%, 90% và 85%",
        (P("95%", 95), P("90%", 90), P("85%", 85)),
    ),
    (
        "list-at-least-levels",
        "tối thiểu đạt 100%, 90%, 70% tương ứng cấp tỉnh, huyện, xã",
        (P("100%", 100, "at_least"), P("90%", 90, "at_least"), P("70%", 70, "at_least")),
    ),
    (
        "list-at-least-and",
        "lần lượt đạt tối thiểu 60%, 50% và 40%",
        (P("60%", 60, "at_least"), P("50%", 50, "at_least"), P("40%", 40, "at_least")),
    ),
    (
        "list-three-levels",
        "100% hồ sơ công việc tại cấp tỉnh, 80% tại cấp huyện và 60% tại cấp xã",
        (P("100%", 100), P("80%", 80), P("60%", 60)),
    ),
    ("after-or-more-count", "từ 5 người trở lên", (C("5", 5, "người", "at_least"),)),
    ("after-or-less", "tỷ lệ từ 50% trở xuống", (P("50%", 50, "at_most"),)),
    ("after-or-more", "đạt 95% trở lên", (P("95%", 95, "at_least"),)),
    ("after-or-more-capitals", "ĐẠT 95% TRỞ LÊN", (P("95%", 95, "at_least"),)),
    ("q-not-over", "không quá 5%", (P("5%", 5, "at_most"),)),
    ("q-not-exceed", "không vượt quá 10% tổng số", (P("10%", 10, "at_most"),)),
    ("q-not-under", "không dưới 70%", (P("70%", 70, "at_least"),)),
    ("q-not-lower", "không thấp hơn 80%", (P("80%", 80, "at_least"),)),
    ("q-not-yet", "chưa đến 50%", (P("50%", 50, "below"),)),
    ("q-lower-than", "thấp hơn 60%", (P("60%", 60, "below"),)),
    ("q-about", "khoảng 70% hồ sơ", (P("70%", 70, "approx"),)),
    ("q-nearly", "xấp xỉ 99%", (P("99%", 99, "approx"),)),
    ("q-more-or-less", "Trên dưới 50% hồ sơ", (P("50%", 50, "approx"),)),
    ("q-capitals", "CẮT GIẢM ÍT NHẤT 25% THỜI GIAN", (P("25%", 25, "reduce_at_least"),)),
    ("q-capitals-count", "ÍT NHẤT 5 NGƯỜI", (C("5", 5, "người", "at_least"),)),
    ("q-not-fewer", "không ít hơn 3 lớp", (C("3", 3, "lớp", "at_least"),)),
    (
        "q-reduce-cost",
        "cắt giảm tối thiểu 20% chi phí tuân thủ",
        (P("20%", 20, "reduce_at_least"),),
    ),
    ("q-reduce-staff", "giảm ít nhất 5% biên chế", (P("5%", 5, "reduce_at_least"),)),
    (
        "q-increase",
        "tăng ít nhất 10% so với năm trước",
        (P("10%", 10, "increase_at_least"),),
    ),
    (
        "q-increase-points",
        "mỗi năm tăng tối thiểu 5 điểm",
        (C("5", 5, "điểm", "increase_at_least"),),
    ),
    ("q-higher", "cao hơn 3% so với cùng kỳ", (P("3%", 3, "above"),)),
    ("q-more-than", "nhiều hơn 200 hồ sơ", (C("200", 200, "hồ sơ", "above"),)),
    ("q-growth-over-100", "tăng 120% so với năm 2022", (P("120%", 120),)),
    ("q-at-most", "tối đa 10% hồ sơ trễ hạn", (P("10%", 10, "at_most"),)),
    ("q-below-target", "tỷ lệ hồ sơ trễ hạn dưới 1%", (P("1%", 1, "below"),)),
    ("q-above-target", "trên 70% người dân có danh tính số", (P("70%", 70, "above"),)),
    (
        "target-by-2025",
        "Đến năm 2025, 80% hồ sơ được xử lý trên môi trường mạng",
        (P("80%", 80),),
    ),
    (
        "target-at-least-30",
        "Ít nhất 30% TTHC được cắt giảm thời gian",
        (P("30%", 30, "at_least"),),
    ),
    (
        "target-yearly",
        "Hàng năm, tối thiểu 50% cơ quan được kiểm tra",
        (P("50%", 50, "at_least"),),
    ),
    (
        "target-satisfaction",
        "Tỷ lệ hài lòng đạt từ 90% trở lên",
        (P("90%", 90, "at_least"),),
    ),
    (
        "target-reduce-units",
        "giảm tối thiểu 5% số đơn vị sự nghiệp công lập so với năm 2021",
        (P("5%", 5, "reduce_at_least"),),
    ),
    (
        "target-increase-count",
        "tăng tối thiểu 10% số lượng",
        (P("10%", 10, "increase_at_least"),),
    ),
    (
        "target-2030",
        "Đến năm 2030, có ít nhất 90% doanh nghiệp sử dụng hóa đơn điện tử",
        (P("90%", 90, "at_least"),),
    ),
    # a share typed (or read by OCR) without the space before it
    ("glued-share", "Tỷ lệ hồ sơ giải quyết đúng hạn đạt99,6%", (P("99,6%", 99.6),)),
    (
        "glued-threshold",
        "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn đạt từ99% trở lên",
        (P("99%", 99, "at_least"),),
    ),
    ("glued-range", "đạt từ80% đến90%", (P("80%", 80, "at_least"), P("90%", 90, "at_most"))),
    # thousands grouped by spaces (no-break ones, as some producers write them)
    ("space-thousands", "đã giải quyết 1 000 hồ sơ", (C("1 000", 1000, "hồ sơ"),)),
    ("space-thousands-then-share", "Số văn bản: 12 100% được công khai", (P("100%", 100),)),
]

# --- numbers that are no figures ---------------------------------------------------------

NONE_CASES: list[Case] = [
    ("doc-decision", "Quyết định số 1291/QĐ-TTg ngày 07/10/2019 của Thủ tướng Chính phủ", ()),
    ("doc-circular", "Thông tư số 01/2018/TT-VPCP ngày 23/11/2018", ()),
    ("doc-decree", "Nghị định số 361/2025/NĐ-CP ngày 31/12/2025", ()),
    ("doc-party-plan", "Kế hoạch số 28-KH/TU ngày 16/01/2026 của Tỉnh ủy", ()),
    ("doc-politburo", "Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị", ()),
    ("doc-ampersand", "Văn bản số 4756/BTP-KTVB&QLXLVPHC ngày 05/8/2025", ()),
    ("doc-report", "Báo cáo số 33/BC-UBND ngày 20/01/2026", ()),
    ("doc-law", "Luật số 80/2015/QH13", ()),
    ("code-percent", "khóa QH13%, mã ISO9001%", ()),  # a capital's code glued to its number
    ("doc-lower-issuer", "Quyết định 12/qđ-ubnd", ()),
    ("doc-spaced", "Công văn số 1226/ UBND-TH ngày 08/8/2023", ()),
    ("doc-decision-no-so", "Quyết định 1103/QĐ-UBND ngày 30/5/2023", ()),
    ("doc-local-regulation", "số 12/2023/QĐ-UBND", ()),
    ("std-iso", "áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015", ()),
    ("std-qcvn", "QCVN 01:2021/BXD", ()),
    ("std-tcvn-dash", "theo chuẩn ISO TCVN 9001 -2015", ()),
    ("year-period", "giai đoạn 2021 - 2025", ()),
    ("year-period-tight", "giai đoạn 2021-2030", ()),
    ("month-year", "Từ năm 2022 đến 10/2023", ()),
    ("months", "trong 6 tháng đầu năm 2024", ()),
    ("quarter", "Quý I/2024", ()),
    ("day-month-after-word", "đến ngày 30/6", ()),
    ("day-month-deadline", "hạn chót 15/12", ()),
    ("day-of-month", "trước ngày 15 hằng tháng", ()),
    ("month-of-year", "tháng 12 năm 2025", ()),
    ("school-year", "năm học 2023/2024", ()),
    (
        "url-query",
        "địa chỉ https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html"
        "?ma_thu_tuc=1.000123",
        (),
    ),
    ("email-phone", "Email: cchc@quangtri.gov.vn, điện thoại 0233.3852.123", ()),
    ("list-arabic", "1. Kết quả thực hiện", ()),
    ("list-letter", "a) Về cải cách thể chế", ()),
    ("list-nested", "2.1. Cải cách thủ tục hành chính", ()),
    ("list-deep", "1.4.1. Số TTHC được công bố", ()),
    ("article", "Điều 5 Nghị định số 361/2025/NĐ-CP", ()),
    ("clause", "điểm a khoản 2 Điều 8", ()),
    ("covid", "phòng, chống dịch Covid-19", ()),
    ("criterion", "tiêu chí 2.3", ()),
    ("version", "Khung kiến trúc chính quyền số phiên bản 4.0", ()),
    ("level-4", "dịch vụ công trực tuyến mức độ 3, mức độ 4", ()),
    ("rank", "xếp thứ 12/63 tỉnh, thành phố", ()),
    ("index-year", "Chỉ số PAPI 2023", ()),
    ("network", "công nghệ 4G, 5G", ()),
    ("date-full", "ngày 15/7/2021", ()),
    ("date-bare", "15/7/2021", ()),
    ("years-list", "năm 2021, 2022", ()),
    ("round", "Đợt 1 năm 2024", ()),
    ("clock", "lúc 14h30 ngày 12/3/2024", ()),
    ("hotline", "hotline 1900.1234", ()),
    ("year-span-days", "từ 01/01 đến 31/12", ()),
    ("day-month-plain", "ngày 2/9", ()),
    ("appendix-number", "Phụ lục 2", ()),
    ("form-number", "theo Mẫu số 01", ()),
    ("directive", "Chỉ thị 23/CT-TTg", ()),
    ("round-month-year", "Đợt 1/2024", ()),
    ("quarter-number", "quý 3/2023", ()),
    ("year-dash-spaced", "giai đoạn 2021 – 2025", ()),
    ("heading-decimal-unit", "2.1 Văn bản quy phạm pháp luật", ()),
    ("heading-decimal-procedures", "1.3 Thủ tục hành chính", ()),
    ("doc-short-citation", "theo Nghị định 61/2018 của Chính phủ", ()),
    ("doc-short-citation-107", "Nghị định 107/2021", ()),
    ("round-the-clock-bare", "hoạt động 24/24", ()),
    ("years-school-spaced", "năm học 2023 / 2024", ()),
]

# Known failures: phrases the grammar does not read yet, kept visible (xfail, strict).
FIGURES_XFAIL: list[Case] = [
    (
        "scale-word",
        "đã số hóa 1,2 triệu hồ sơ",
        (C("1,2 triệu", 1_200_000, "hồ sơ"),),
    ),
]

CASES: list[Case] = REAL_CASES + OTHER_CASES + NONE_CASES


def matches(found: Any, expected: Expected) -> bool:
    """Whether a found Figure is the expected one (value within 1e-9, the rest exact)."""
    return (
        found.kind == expected.kind
        and found.text == expected.text
        and found.qualifier == expected.qualifier
        and found.unit == expected.unit
        and found.numerator == expected.numerator
        and found.denominator == expected.denominator
        and math.isclose(found.value, expected.value, rel_tol=1e-9, abs_tol=1e-9)
    )


def score(found: list[Any], expected: tuple[Expected, ...]) -> int:
    """How many found figures match an expected one, each expected figure used once."""
    left = list(expected)
    hits = 0
    for figure in found:
        for i, want in enumerate(left):
            if matches(figure, want):
                hits += 1
                del left[i]
                break
    return hits
