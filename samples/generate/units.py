"""The data every generated sample is made from, and the expected report it implies.

A unit is plain data: its header, title lines, declared summary and sections of rows, each row
with the status the generator *means* (``expect``), so golden files come from this data and
never from the parser. The real Quảng Trị appendix enters as data read from its text form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent
REAL_TEXT = SAMPLES / "appendix-quang-tri-district-2023.txt"

DEFAULT_HEADERS = (
    "STT",
    "Các mục tiêu cụ thể đến năm 2025",
    "Đánh giá mức độ hoàn thành (Đã hoàn thành, Đang thực hiện)",
    "Thực trạng/Giải pháp (Nêu rõ kết quả đạt được và đề xuất giải pháp)",
)


@dataclass
class Row:
    """A target row: notes may hold several paragraphs (one string each)."""

    stt: str
    target: str
    status: str
    notes: list[str] = field(default_factory=list)
    expect: str = "in_progress"  # the normalised status the row means
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Section:
    numeral: str
    title: str
    rows: list[Row]


@dataclass
class Unit:
    """One unit's appendix as data."""

    name: str  # the sample's file stem
    unit_header: str | None  # left cell of the motto table, lines split by "\n"
    unit: str | None  # the normalised unit the report must give
    title_lines: list[str]
    period_line: str | None
    period: tuple[str, str] | None
    summary_lines: list[str]
    summary: dict[str, int | None] | None
    sections: list[Section]
    headers: tuple[str, ...] = DEFAULT_HEADERS
    place_date: str = "ngày 14 tháng 10 năm 2023"

    def records(self) -> list[tuple[Section, Row]]:
        return [(s, r) for s in self.sections for r in s.rows]


_TAGS = re.compile(r"</?(?:p|i|b)>")


def paragraphs(cell: str) -> list[str]:
    """A text-export cell's paragraphs: its <p> blocks, else the cell itself."""
    if "<p>" in cell:
        parts = re.split(r"</p>\s*<p>", cell)
        return [_TAGS.sub("", p).strip() for p in parts if _TAGS.sub("", p).strip()]
    return [cell.strip()] if cell.strip() else []


_REAL_EXPECT = {
    "Đã thực hiện": "completed",
    "Đang thực hiện": "in_progress",
    "(cấp tỉnh thực hiện)": "not_applicable",
    "Cấp tỉnh": "not_applicable",
}


def real_appendix() -> Unit:
    """The Quảng Trị appendix as data, from its text form: rows continued after page breaks
    (an empty STT cell) are joined to the row above, as Word holds them in one row."""
    lines = REAL_TEXT.read_text(encoding="utf-8").splitlines()
    sections: list[Section] = []
    for line in lines[12:]:
        if "\t" not in line:
            continue
        stt, target, status, notes = [*line.split("\t"), "", "", ""][:4]
        if stt and not stt.isdigit():
            sections.append(Section(stt, target, []))
        elif stt:
            sections[-1].rows.append(
                Row(stt, target, status, paragraphs(notes), _REAL_EXPECT[status])
            )
        else:
            row = sections[-1].rows[-1]
            row.target = f"{row.target} {target}".strip() if target else row.target
            row.notes += paragraphs(notes)
    header = lines[11].split("\t")
    return Unit(
        name="appendix-quang-tri-district-2023",
        unit_header="UBND HUYỆN GIO LINH",
        unit="UBND huyện Gio Linh",
        title_lines=lines[2:5],
        period_line=lines[5],
        period=("2021-11-15", "2023-10-14"),
        summary_lines=lines[7:10],
        summary={"total": 33, "completed": 10, "in_progress": 23, "not_started": None},
        sections=sections,
        headers=(header[0], header[1], header[2], _TAGS.sub("", header[3])),
    )


def _invented(name: str, unit_header: str, unit: str, **changes: object) -> Unit:
    base = Unit(
        name=name,
        unit_header=unit_header,
        unit=unit,
        title_lines=[
            "Phụ lục",
            "Đánh giá mức độ thực hiện các mục tiêu cụ thể theo Nghị quyết 76/NQ-CP ngày 15/7/2021",
        ],
        period_line="(Số liệu đánh giá tính từ 15/11/2021 đến 14/10/2023)",
        period=("2021-11-15", "2023-10-14"),
        summary_lines=[
            "1. Tổng số chỉ tiêu: 6 chỉ tiêu",
            "2. Chỉ tiêu đã hoàn thành: 3 chỉ tiêu",
            "3. Chỉ tiêu đang thực hiện: 3 chỉ tiêu",
        ],
        summary={"total": 6, "completed": 3, "in_progress": 3, "not_started": None},
        sections=[
            Section(
                "I",
                "CẢI CÁCH THỂ CHẾ",
                [
                    Row(
                        "1",
                        "100% văn bản quy phạm pháp luật được ban hành đúng pháp luật",
                        "Đã hoàn thành",
                        ["Đã ban hành 05/05 văn bản QPPL đúng quy định."],
                        "completed",
                    ),
                    Row(
                        "2",
                        "Thực hiện xử lý 100% văn bản QPPL cần được xử lý sau kiểm tra",
                        "Đang thực hiện",
                        ["Năm 2023, đã xử lý được 08/10 văn bản QPPL."],
                        "in_progress",
                    ),
                ],
            ),
            Section(
                "II",
                "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
                [
                    Row(
                        "1",
                        "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn đạt từ 99% trở lên",
                        "Đã thực hiện",
                        [
                            "- Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,6%.",
                            "- Không có hồ sơ quá hạn.",
                        ],
                        "completed",
                    ),
                    Row(
                        "2",
                        "Mức độ hài lòng của người dân đạt tối thiểu 90%",
                        "Đang triển khai",
                        ["Mức độ hài lòng đạt 87,5% (theo khảo sát năm 2023)."],
                        "in_progress",
                    ),
                    Row(
                        "3",
                        "Tối thiểu 80% hồ sơ được luân chuyển bằng phương thức điện tử",
                        "Đạt",
                        ["Đạt 85% hồ sơ luân chuyển điện tử."],
                        "completed",
                    ),
                ],
            ),
            Section(
                "III",
                "XÂY DỰNG CHÍNH QUYỀN SỐ",
                [
                    Row(
                        "1",
                        "Tỷ lệ hồ sơ nộp trực tuyến đạt tối thiểu 50%",
                        "Chưa hoàn thành",
                        ["Đạt 41,2% (1.236/3.000 hồ sơ)."],
                        "in_progress",
                    ),
                ],
            ),
        ],
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def invented_units() -> list[Unit]:
    """Invented units for the quirk samples: a district, a department and a commune."""
    return [
        _invented("district-cam-lo", "UBND HUYỆN CAM LỘ", "UBND huyện Cam Lộ"),
        _invented("department-noi-vu", "UBND TỈNH QUẢNG TRỊ\nSỞ NỘI VỤ", "Sở Nội vụ"),
        _invented("commune-cam-hieu", "UBND HUYỆN CAM LỘ\nUBND XÃ CAM HIẾU", "UBND xã Cam Hiếu"),
    ]


def expected_report(unit: Unit, fmt: str) -> dict[str, object]:
    """The golden JSON a sample of ``unit`` must give, from the data alone."""

    def clean(parts: list[str]) -> str:
        return " ".join(" ".join(p.split()) for p in parts if p.strip())

    return {
        "format": fmt,
        "title": " / ".join(unit.title_lines),
        "unit": unit.unit,
        "period": {"start": unit.period[0], "end": unit.period[1]} if unit.period else None,
        "summary": unit.summary,
        "sections": [{"numeral": s.numeral, "title": s.title} for s in unit.sections],
        "records": [
            {
                "id": f"{s.numeral}.{r.stt}",
                "section": s.numeral,
                "section_title": s.title,
                "stt": r.stt,
                "target": clean([r.target]),
                "status_raw": clean([r.status]),
                "status": r.expect,
                "notes": clean(r.notes),
                "extra": r.extra,
            }
            for s, r in unit.records()
        ],
        "unparsed": [],
    }
