"""Samples for the checks: invented units that plant every flag code, and a clean unit.

Each unit is written as tab-separated text in the real appendix's layout (header table, title,
period, declared summary, then STT | target | status | notes). Every row says which flags it
plants, so the golden JSON lists the expected flags ({code, record}) from this data alone:

- ``checks-district-hai-lang``: the figure checks (a completed target below its threshold, an
  in-progress one already meeting it, shares above 100%, a ratio over its denominator, a
  breakdown share that does not add up, thresholds the notes cannot check);
- ``checks-department-tu-phap``: the document checks (summary, statuses, duplicate and skipped
  numbers, sub-items);
- ``checks-commune-cam-thanh``: a clean unit full of near misses (double-rounded shares, "trên
  99%" against "từ 99% trở lên", the latest year, plan and growth percentages, a breakdown next
  to the real figure) that must raise nothing at warning or error level.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .units import Row, Section, Unit, expected_report

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
TITLE = [
    "Phụ lục",
    "Đánh giá mức độ thực hiện các mục tiêu cụ thể theo Nghị quyết 76/NQ-CP ngày 15/7/2021 của "
    "Chính phủ",
]
PERIOD = "(Số liệu đánh giá tính từ 15/11/2021 đến 14/10/2023)"


@dataclass
class Planted:
    """A unit and the flags it plants: (code, record id or None)."""

    unit: Unit
    flags: list[tuple[str, str | None]] = field(default_factory=list)


class _Builder:
    """Sections of rows, each row with the flags it plants."""

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.flags: list[tuple[str, str | None]] = []

    def section(self, numeral: str, title: str) -> None:
        self.sections.append(Section(numeral, title, []))

    def row(
        self, stt: str, target: str, status: str, notes: list[str], expect: str, *flags: str
    ) -> None:
        section = self.sections[-1]
        section.rows.append(Row(stt, target, status, notes, expect))
        self.flags += [(code, f"{section.numeral}.{stt}") for code in flags]


def _unit(name: str, header: str, unit: str, summary: tuple[int, int, int], b: _Builder) -> Unit:
    total, completed, in_progress = summary
    return Unit(
        name=name,
        unit_header=header,
        unit=unit,
        title_lines=TITLE,
        period_line=PERIOD,
        period=("2021-11-15", "2023-10-14"),
        summary_lines=[
            f"1. Tổng số chỉ tiêu: {total} chỉ tiêu",
            f"2. Chỉ tiêu đã hoàn thành đến 14/10/2023: {completed} chỉ tiêu",
            f"3. Chỉ tiêu đang thực hiện: {in_progress} chỉ tiêu.",
        ],
        summary={
            "total": total,
            "completed": completed,
            "in_progress": in_progress,
            "not_started": None,
        },
        sections=b.sections,
    )


def district_hai_lang() -> Planted:
    """The figure checks, each planted on its own row."""
    b = _Builder()
    b.section("I", "CẢI CÁCH THỂ CHẾ")
    b.row(
        "1",
        "100% văn bản quy phạm pháp luật (VBQPPL) của HĐND và UBND huyện được ban hành "
        "đúng pháp luật",
        "Đã hoàn thành",
        [
            "Năm 2023, đã ban hành 19/20 văn bản QPPL đúng quy định; 01 văn bản phải sửa đổi, bổ "
            "sung."
        ],
        "completed",
        "completed_below_target",
    )
    b.row(
        "2",
        "Thực hiện xử lý 100% văn bản QPPL cần được xử lý hoặc kiến nghị xử lý sau kiểm "
        "tra, rà soát",
        "Đang thực hiện",
        [
            "Năm 2021, 2022 đã xử lý 90% văn bản QPPL cần xử lý.",
            "Năm 2023, 100% văn bản QPPL cần xử lý đã được xử lý theo đúng quy định.",
        ],
        "in_progress",
        "in_progress_meets_target",
    )
    b.section("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
    b.row(
        "1",
        "Tỷ lệ số lượng hồ sơ TTHC được giải quyết đúng hạn và trước hạn hàng năm đạt từ "
        "99% trở lên",
        "Đã thực hiện",
        ["Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn và trước hạn đạt 98,7% (năm 2023)."],
        "completed",
        "completed_below_target",
    )
    b.row(
        "2",
        "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính đạt "
        "tối thiểu 90%",
        "Đã hoàn thành",
        [
            "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính đạt "
            "112% (theo kết quả khảo sát)."
        ],
        "completed",
        "figure_out_of_range",
    )
    b.row(
        "3",
        "Tối thiểu 80% hồ sơ giải quyết thủ tục hành chính được luân chuyển bằng phương "
        "thức điện tử",
        "Đang thực hiện",
        [
            "Trên 80% hồ sơ giải quyết thủ tục hành chính được luân chuyển bằng phương thức điện "
            "tử (theo số liệu trên hệ thống Một cửa điện tử của tỉnh)."
        ],
        "in_progress",
        "in_progress_meets_target",
    )
    b.row(
        "4",
        "Năm 2022, số hóa kết quả giải quyết TTHC thuộc thẩm quyền của cấp tỉnh, cấp "
        "huyện, cấp xã đạt tỷ lệ tối thiểu tương ứng là 30%, 20%, 15%",
        "Đã thực hiện",
        ["Năm 2023 việc số hóa kết quả giải quyết TTHC của cấp huyện, cấp xã đạt trên 60%."],
        "completed",
        "not_measurable",
    )
    b.row(
        "5",
        "Trên 80% hồ sơ công việc tại cấp huyện được xử lý trên môi trường mạng",
        "Đã hoàn thành",
        ["Đạt 80% hồ sơ công việc tại cấp huyện được xử lý trên môi trường mạng."],
        "completed",
        "completed_below_target",
    )
    b.section("III", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ")
    b.row(
        "1",
        "Tối thiểu 95% CBCCVC được đánh giá mức độ hoàn thành nhiệm vụ theo hiệu quả công việc",
        "Đã thực hiện",
        [
            "Năm 2023:",
            "+ Công chức, viên chức cấp huyện: có 420 CC, VC được đánh giá, trong đó: Hoàn thành "
            "xuất sắc nhiệm vụ 84 người, chiếm tỷ lệ 20%; Hoàn thành tốt nhiệm vụ: 300 người, "
            "chiếm tỷ lệ 80%; Hoàn thành nhiệm vụ 30 người, chiếm tỷ lệ 7,1%; Không hoàn thành "
            "nhiệm vụ: 06 người, chiếm tỷ lệ 1,4%.",
        ],
        "completed",
        "share_mismatch",
        "not_measurable",
    )
    b.row("2", "100% cán bộ, công chức được bồi dưỡng theo chức danh quy định", "Đã thực hiện",
          ["Năm 2023 đã bồi dưỡng 215/198 cán bộ, công chức theo chức danh quy định."],
          "completed", "figure_out_of_range")  # fmt: skip
    unit = _unit("checks-district-hai-lang", "UBND HUYỆN HẢI LĂNG", "UBND huyện Hải Lăng",
                 (9, 7, 2), b)  # fmt: skip
    return Planted(unit, b.flags)


def department_tu_phap() -> Planted:
    """The document checks: summary, statuses, duplicate and skipped numbers."""
    b = _Builder()
    b.section("I", "CẢI CÁCH THỂ CHẾ")
    b.row(
        "1",
        "100% văn bản quy phạm pháp luật do Sở tham mưu được ban hành đúng pháp luật",
        "Đã hoàn thành",
        ["100% văn bản QPPL do Sở tham mưu được ban hành đúng pháp luật."],
        "completed",
    )
    b.row(
        "2",
        "Hoàn thành 100% nội dung theo dõi thi hành pháp luật hàng năm theo Kế hoạch",
        "Đang thực hiện",
        ["Năm 2023, đã thực hiện 75% nội dung kế hoạch."],
        "in_progress",
    )
    b.row(
        "4",
        "Kiểm tra, rà soát văn bản QPPL theo thẩm quyền",
        "Đang thực hiện",
        ["Đã rà soát 45 văn bản, kiến nghị xử lý 03 văn bản."],
        "in_progress",
        "numbering_gap",
    )
    b.section("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
    b.row(
        "1",
        "100% hồ sơ tiếp nhận được cập nhật vào phần mềm một cửa điện tử của tỉnh",
        "Đang rà soát",
        ["Đang tổng hợp số liệu."],
        "unknown",
        "unknown_status",
    )
    b.row(
        "2",
        "Tối thiểu 80% hồ sơ được luân chuyển bằng phương thức điện tử",
        "",
        ["Chưa có số liệu thống kê."],
        "unknown",
        "missing_status",
    )
    b.row(
        "2",
        "100% TTHC của Sở được công khai trên Cổng Dịch vụ công của tỉnh",
        "Đã hoàn thành",
        ["100% TTHC của Sở được công khai trên Cổng Dịch vụ công của tỉnh."],
        "completed",
        "duplicate_id",
    )
    b.row(
        "3",
        "Rà soát, đơn giản hóa TTHC theo kế hoạch của tỉnh",
        "Không thuộc thẩm quyền",
        [],
        "not_applicable",
    )
    b.section("III", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ")
    b.row(
        "1",
        "Nâng cao chất lượng đội ngũ công chức, viên chức",
        "Đang thực hiện",
        ["Triển khai các nội dung sau:"],
        "in_progress",
    )
    b.row(
        "1.1",
        "Bồi dưỡng kiến thức quản lý nhà nước cho công chức",
        "Đã hoàn thành",
        ["Đã cử 12 công chức tham gia bồi dưỡng."],
        "completed",
    )
    b.row(
        "1.3",
        "Bồi dưỡng kỹ năng số cho công chức, viên chức",
        "Đang thực hiện",
        ["Đang xây dựng kế hoạch bồi dưỡng."],
        "in_progress",
        "numbering_gap",
    )
    # Declared 6 / 3 / 3; the table counts 9 / 3 / 4 (two unknown, one outside the total).
    unit = _unit("checks-department-tu-phap", "UBND TỈNH QUẢNG TRỊ\nSỞ TƯ PHÁP", "Sở Tư pháp",
                 (6, 3, 3), b)  # fmt: skip
    return Planted(unit, [("summary_count_mismatch", None), *b.flags])


def commune_cam_thanh() -> Planted:
    """A clean unit of near misses: no warning or error may be raised."""
    b = _Builder()
    b.section("I", "CẢI CÁCH THỂ CHẾ")
    b.row(
        "1",
        "100% văn bản quy phạm pháp luật của HĐND và UBND xã được ban hành đúng pháp luật",
        "Đã hoàn thành",
        [
            "Năm 2021, 2022 có 90% văn bản được ban hành đúng quy định.",
            "Năm 2023, 100% văn bản QPPL của HĐND, UBND xã được ban hành đúng pháp luật.",
        ],
        "completed",
    )
    b.row(
        "2",
        "Thực hiện xử lý 100% văn bản QPPL cần được xử lý sau kiểm tra, rà soát",
        "Đang thực hiện",
        [
            "Đối với năm 2021, 2022, 100% văn bản QPPL đã được xử lý theo đúng quy định. Năm "
            "2023, đã xử lý được 04/05 văn bản QPPL; 01 văn bản đang xử lý."
        ],
        "in_progress",
    )
    b.section("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
    b.row(
        "1",
        "Tỷ lệ số lượng hồ sơ TTHC được giải quyết đúng hạn và trước hạn đạt từ 99% trở lên",
        "Đã thực hiện",
        [
            "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn và trước hạn tại UBND xã đạt trên 99% "
            "(theo số liệu thống kê trên hệ thống Một cửa tỉnh)."
        ],
        "completed",
    )
    b.row(
        "2",
        "Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính "
        "nhà nước đạt tối thiểu 90%; mức độ hài lòng của người dân về dịch vụ y tế, giáo dục "
        "công lập đạt tối thiểu 85%",
        "Đã thực hiện",
        [
            "Mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước đạt "
            "96%; mức độ hài lòng của người dân về dịch vụ y tế, giáo dục công lập đạt 88,5%."
        ],
        "completed",
    )
    b.row(
        "3",
        "100% TTHC thuộc thẩm quyền được công bố và nhập vào cơ sở dữ liệu quốc gia về TTHC",
        "Cấp tỉnh",
        [],
        "not_applicable",
    )
    b.section("III", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ")
    b.row(
        "1",
        "Tối thiểu 95% CBCCVC được đánh giá mức độ hoàn thành nhiệm vụ theo hiệu quả công việc",
        "Đã thực hiện",
        [
            "Năm 2023: Tổng số CBCC cấp xã được đánh giá là 23 người, trong đó: Hoàn thành xuất "
            "sắc nhiệm vụ 05 người, chiếm tỷ lệ 21,7%; Hoàn thành tốt nhiệm vụ: 16 người, chiếm "
            "tỷ lệ 69,6%; Hoàn thành nhiệm vụ 02 người, chiếm tỷ lệ 8,7%.",
            "100% CBCC được đánh giá theo hiệu quả công việc.",
        ],
        "completed",
    )
    b.row(
        "2",
        "100% cán bộ, công chức cấp xã đạt chuẩn trình độ cao đẳng, đại học theo quy định",
        "Đang thực hiện",
        ["91,3% CB, CC đạt chuẩn; 8,7% CB, CC chưa đạt chuẩn, chủ yếu là cán bộ đoàn thể."],
        "in_progress",
    )
    b.row(
        "3",
        "Giảm tối thiểu 10% biên chế sự nghiệp hưởng lương từ ngân sách nhà nước so với năm 2021",
        "Đang thực hiện",
        ["So với năm 2021, đã giảm 5% biên chế sự nghiệp hưởng lương từ ngân sách."],
        "in_progress",
    )
    b.section("IV", "CÔNG TÁC CHỈ ĐẠO, TUYÊN TRUYỀN")
    b.row("1", "Tổ chức tuyên truyền cải cách hành chính theo kế hoạch hàng năm", "Đã hoàn thành",
          ["Đã tổ chức 12 hội nghị tuyên truyền, đạt 105% kế hoạch; số lượt người tham dự tăng "
           "120% so với năm 2022."], "completed")  # fmt: skip
    unit = _unit("checks-commune-cam-thanh", "UBND HUYỆN CAM LỘ\nUBND XÃ CAM THÀNH",
                 "UBND xã Cam Thành", (8, 5, 3), b)  # fmt: skip
    return Planted(unit, b.flags)


def write_text(unit: Unit, path: Path) -> None:
    """The unit as tab-separated text, laid out like the real appendix's text export."""
    lines: list[str] = []
    for i, left in enumerate((unit.unit_header or "").split("\n")):
        lines.append(f"{left}\t{MOTTO[i] if i < len(MOTTO) else ''}".rstrip("\t"))
    lines += ["", *unit.title_lines]
    if unit.period_line:
        lines.append(unit.period_line)
    lines += ["", *unit.summary_lines, "", "\t".join(unit.headers)]
    for section in unit.sections:
        lines.append(f"{section.numeral}\t{section.title}\t\t")
        for row in section.rows:
            notes = row.notes[0] if len(row.notes) == 1 else " ".join(
                f"<p>{p}</p>" for p in row.notes
            )  # fmt: skip
            lines.append("\t".join((row.stt, row.target, row.status, notes)))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def planted_units() -> list[Planted]:
    """Every checks unit with its planted flags."""
    return [district_hai_lang(), department_tu_phap(), commune_cam_thanh()]


def make(samples_dir: Path) -> list[tuple[Path, dict[str, object]]]:
    """Write each unit's text sample; its expected report lists the planted flags."""
    out = []
    for planted in planted_units():
        path = samples_dir / f"{planted.unit.name}.txt"
        write_text(planted.unit, path)
        expected = expected_report(planted.unit, "text")
        expected["flags"] = [{"code": code, "record": record} for code, record in planted.flags]
        out.append((path, expected))
    return out
