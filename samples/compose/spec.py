"""A document's spec as independent axes, the content it implies, and the gold it implies.

:func:`random_spec` draws one value per axis from a seed; :func:`build` turns a spec into a
:class:`Document` — preamble lines, header rows, body rows — and its gold (the records, statuses,
notes figures and flags the parser must give), computed from the spec's own data, never from
the parser. The writers (``writers.py``) only lay a Document out in a format.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field
from typing import Any

# ---------------------------------------------------------------------------------- the axes

AXES: dict[str, tuple[str, ...]] = {
    "unit": ("district", "district_two_lines", "commune", "town", "city", "department"),
    "programme": ("nq76", "ctcchc", "province_plan"),
    "columns": ("standard", "notes_first", "extra_middle", "plan_actual"),
    "extra": ("none", "ghi_chu", "don_vi", "both"),
    "header_rows": ("one", "two"),
    "sections": ("roman", "roman_dot", "phan", "lettered", "merged", "none"),
    "stt": ("restart", "straight", "dotted", "letters", "groups"),
    "status": ("thuc_hien", "hoan_thanh", "trien_khai", "dat", "explained", "ticks2", "ticks3"),
    "notes": ("plain", "bullets", "paragraphs", "giai_phap"),
    "summary": (
        "standard",
        "ontime_late",
        "trong_do",
        "split_in_progress",
        "ratio",
        "bare",
        "criteria",
        "unreadable",
        "none",
    ),
    "preamble": ("motto_table", "motto_lines", "title_only"),
    "period": ("dates", "months", "until", "none"),
    "signature": ("none", "signature"),
    "plant": ("none", "summary_mismatch", "below_target", "share_mismatch", "missing_status"),
    "format": (
        "docx",
        "lo_pdf",
        "pdf_ruled",
        "pdf_unruled",
        "xlsx",
        "tsv",
        "csv",
        "markdown",
    ),
    "page": ("a4", "a4_landscape", "letter", "a3_landscape"),
    "pdf_header": ("first_page", "repeated", "left_aligned"),
    "page_numbers": ("bottom", "top", "none"),
    "font": ("serif", "sans", "dejavu_serif", "dejavu_sans"),
    "encoding": ("utf-8", "utf-8-sig", "utf-16", "nfd"),
}
# How often a value is drawn where not uniformly (LibreOffice is slow: a few of those).
WEIGHTS: dict[str, dict[str, float]] = {
    "format": {"lo_pdf": 0.15, "pdf_ruled": 1.5, "pdf_unruled": 2.0},
}


@dataclass(frozen=True)
class Spec:
    """One document: a value per axis, the sizes, and the seed the content is drawn from."""

    seed: int
    unit: str = "district"
    programme: str = "nq76"
    columns: str = "standard"
    extra: str = "none"
    header_rows: str = "one"
    sections: str = "roman"
    stt: str = "restart"
    status: str = "thuc_hien"
    notes: str = "plain"
    summary: str = "standard"
    preamble: str = "motto_table"
    period: str = "dates"
    signature: str = "none"
    plant: str = "none"
    format: str = "docx"
    page: str = "a4"
    pdf_header: str = "first_page"
    page_numbers: str = "bottom"
    font: str = "serif"
    encoding: str = "utf-8"
    n_sections: int = 3
    rows_per_section: int = 4

    def axes(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if k in AXES}

    @property
    def suffix(self) -> str:
        return {
            "docx": "docx", "lo_pdf": "pdf", "pdf_ruled": "pdf", "pdf_unruled": "pdf",
            "xlsx": "xlsx", "tsv": "txt", "csv": "csv", "markdown": "md",
        }[self.format]  # fmt: skip


def random_spec(seed: int, **fixed: str) -> Spec:
    """A spec with every axis drawn from ``seed`` (``fixed`` axes given)."""
    rng = random.Random(seed)
    values: dict[str, Any] = {}
    for axis, choices in AXES.items():
        weights = [WEIGHTS.get(axis, {}).get(c, 1.0) for c in choices]
        values[axis] = rng.choices(choices, weights)[0]
    values["n_sections"] = rng.randint(2, 5)
    values["rows_per_section"] = rng.randint(2, 7)
    values.update(fixed)
    return Spec(seed=seed, **values)


# ------------------------------------------------------------------------------- the content

UNITS: dict[str, tuple[list[str], str]] = {  # header lines, the normalised unit
    "district": (["UBND HUYỆN LỆ THỦY"], "UBND huyện Lệ Thủy"),
    "district_two_lines": (["ỦY BAN NHÂN DÂN", "HUYỆN QUẢNG NINH"], "UBND huyện Quảng Ninh"),
    "commune": (["UBND XÃ VĨNH THÁI"], "UBND xã Vĩnh Thái"),
    "town": (["UBND THỊ XÃ BA ĐỒN"], "UBND thị xã Ba Đồn"),
    "city": (["UBND THÀNH PHỐ ĐỒNG HỚI"], "UBND thành phố Đồng Hới"),
    "department": (["UBND TỈNH QUẢNG BÌNH", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ"], "Sở Kế hoạch và Đầu tư"),
}
PROGRAMMES = {
    "nq76": (
        "KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU CẢI CÁCH HÀNH CHÍNH",
        "theo Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ",
        "đến năm 2025",
    ),
    "ctcchc": (
        "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH TỔNG THỂ CẢI CÁCH HÀNH CHÍNH",
        "giai đoạn 2021 - 2030 trên địa bàn",
        "đến năm 2030",
    ),
    "province_plan": (
        "KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2023",
        "(Kèm theo Kế hoạch số 1103/KH-UBND ngày 20/01/2023 của UBND tỉnh)",
        "trong năm 2023",
    ),
}
SECTION_TITLES = (
    "CẢI CÁCH THỂ CHẾ",
    "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
    "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC",
    "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
    "CẢI CÁCH TÀI CHÍNH CÔNG",
    "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ",
)
ROMANS = ("I", "II", "III", "IV", "V", "VI")
LETTERS = ("A", "B", "C", "D", "E", "G")
SUB_LETTERS = "abcdđeg"
GROUP_TITLES = (
    "Nhóm mục tiêu về thể chế",
    "Tiêu chí về hạ tầng số",
    "Nhóm nhiệm vụ về dịch vụ công",
    "Nhóm chỉ tiêu về nhân lực",
)
# Targets with a threshold: (text with {p} for the threshold, the measured thing).
MEASURED = (
    ("Tỷ lệ hồ sơ giải quyết đúng hạn đạt tối thiểu {p}%", "Tỷ lệ hồ sơ giải quyết đúng hạn"),
    ("Mức độ hài lòng của người dân, doanh nghiệp đạt trên {p}%", "Mức độ hài lòng"),
    (
        "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt tối thiểu {p}%",
        "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    ),
    (
        "Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn theo quy định đạt tối thiểu {p}%",
        "Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn",
    ),
    (
        "Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công đạt tối thiểu {p}%",
        "Tỷ lệ thanh toán trực tuyến",
    ),
)
# Targets without a threshold, and what the notes report on them (a count and its noun).
PLAIN = (
    ("Hoàn thiện hệ thống văn bản quy phạm pháp luật thuộc thẩm quyền", "văn bản"),
    ("Rà soát, đơn giản hóa thủ tục hành chính nội bộ", "thủ tục"),
    ("Sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả", "cơ quan"),
    ("Đổi mới phương thức làm việc của cơ quan hành chính nhà nước", "cuộc họp"),
    ("Nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "lớp tập huấn"),
    ("Triển khai cơ chế tự chủ tài chính đối với đơn vị sự nghiệp công lập", "đơn vị"),
    ("Xây dựng kho dữ liệu dùng chung của địa phương", "cơ sở dữ liệu"),
)
SOLUTIONS = (
    "tiếp tục rà soát, đơn giản hóa quy trình",
    "tăng cường kiểm tra, giám sát việc thực hiện",
    "đẩy mạnh tuyên truyền đến người dân",
    "bố trí kinh phí để triển khai",
)
# The status words by vocabulary: completed, in_progress, not_started.
VOCABULARIES: dict[str, dict[str, tuple[str, ...]]] = {
    "thuc_hien": {
        "completed": ("Đã thực hiện",),
        "in_progress": ("Đang thực hiện",),
        "not_started": ("Chưa thực hiện",),
    },
    "hoan_thanh": {
        "completed": ("Hoàn thành", "Đã hoàn thành"),
        "in_progress": ("Chưa hoàn thành", "Cơ bản hoàn thành"),
        "not_started": ("Chưa triển khai",),
    },
    "trien_khai": {
        "completed": ("Đã hoàn thành",),
        "in_progress": ("Đang triển khai",),
        "not_started": ("Chưa triển khai",),
    },
    "dat": {
        "completed": ("Đạt", "Đã đạt"),
        "in_progress": ("Chưa đạt", "Không đạt"),
        "not_started": ("Chưa thực hiện",),
    },
    "explained": {
        "completed": ("Đã hoàn thành (đúng tiến độ)",),
        "in_progress": ("Đang thực hiện (dự kiến hoàn thành năm 2024)",),
        "not_started": ("Chưa thực hiện (chờ hướng dẫn)",),
    },
}
NOT_APPLICABLE = ("Cấp tỉnh", "(cấp tỉnh thực hiện)", "Không thuộc thẩm quyền")
TICKS2 = ("Đạt", "Không đạt")
TICKS3 = ("Hoàn thành", "Đang thực hiện", "Chưa thực hiện")
HEADERS: dict[str, tuple[str, ...]] = {
    "stt": ("STT", "TT", "Số TT"),
    "target": (
        "Các mục tiêu cụ thể {horizon}",
        "Mục tiêu",
        "Chỉ tiêu",
        "Nội dung",
        "Nhiệm vụ",
        "Nội dung mục tiêu, chỉ tiêu",
    ),
    "status": (
        "Đánh giá mức độ hoàn thành (Đã hoàn thành, Đang thực hiện)",
        "Mức độ hoàn thành",
        "Đánh giá",
        "Tiến độ thực hiện",
        "Tình hình thực hiện",
    ),
    "notes": (
        "Thực trạng/Giải pháp (Nêu rõ kết quả đạt được và đề xuất giải pháp)",
        "Kết quả thực hiện",
        "Kết quả đạt được",
        "Tình hình thực hiện",
        "Giải pháp thực hiện",
    ),
}
EXTRA_COLUMNS = {
    "ghi_chu": ("Ghi chú", ("", "Phòng Nội vụ theo dõi", "")),
    "don_vi": ("Đơn vị chủ trì", ("Phòng Nội vụ", "Văn phòng HĐND và UBND", "Phòng Tư pháp")),
}
SIGNATURE = (
    ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ"),
    ("(Ký, ghi rõ họ tên)", "(Ký tên, đóng dấu)"),
    ("Nguyễn Văn An", "Trần Thị Bình"),
)
PLACE_DATE = "Quảng Bình, ngày 14 tháng 10 năm 2023"


@dataclass
class Column:
    role: str  # stt, target, status, notes, extra, tick
    header: str
    group: str = ""  # the upper header cell over it in a two-row header ("" for none)


@dataclass
class BodyRow:
    """A row of the table: ``kind`` section / group / record; ``cells`` one list of
    paragraphs per column; ``merged`` a section row written in one cell across the row."""

    kind: str
    cells: list[list[str]]
    merged: bool = False
    bold: bool = False


@dataclass
class Document:
    spec: Spec
    motto: tuple[list[str], list[str]] | None  # left lines, right lines (table or lines)
    unit_lines: list[str]  # the unit as lines of the preamble where there is no motto table
    title_lines: list[str]
    period_line: str | None
    summary_lines: list[str]
    columns: list[Column]
    rows: list[BodyRow]
    signature: bool
    gold: dict[str, Any] = field(default_factory=dict)

    @property
    def two_row_header(self) -> bool:
        return any(c.group for c in self.columns)

    def header_rows(self) -> list[list[str]]:
        """The header as rows of text: a group cell's text in its first column, "" after."""
        if not self.two_row_header:
            return [[c.header for c in self.columns]]
        upper, lower = [], []
        for i, c in enumerate(self.columns):
            if c.group:
                first = i == 0 or self.columns[i - 1].group != c.group
                upper.append(c.group if first else "")
                lower.append(c.header)
            else:
                upper.append(c.header)
                lower.append("")
        return [upper, lower]


def _number(value: float) -> str:
    """A percentage written the Vietnamese way: "97,5", "100"."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def build(spec: Spec) -> Document:
    """The document a spec describes, with its gold."""
    rng = random.Random(spec.seed * 7919 + 1)
    horizon = PROGRAMMES[spec.programme][2]
    columns = _columns(spec, rng, horizon)
    stt_column = any(c.role == "stt" for c in columns)
    sections = spec.sections
    n_sections = spec.n_sections if sections != "none" else 1

    rows: list[BodyRow] = []
    records: list[dict[str, Any]] = []
    gold_sections: list[dict[str, str]] = []
    planted: list[tuple[str, str | None]] = []
    straight = 0
    plant_done = False
    titles = rng.sample(SECTION_TITLES, n_sections)

    def cells_for(values: dict[str, list[str]]) -> list[list[str]]:
        return [list(values.get(_key(c), [])) for c in columns]

    for s in range(n_sections):
        numeral = None
        if sections != "none":
            numeral = (LETTERS if sections == "lettered" else ROMANS)[s]
            title = titles[s]
            gold_sections.append({"numeral": numeral, "title": title})
            rows.append(_section_row(spec, numeral, title, columns, stt_column))
        for count in range(1, spec.rows_per_section + 1):
            straight += 1
            number = straight if spec.stt == "straight" else count
            kind = spec.stt
            group = kind == "groups" and rng.random() < 0.4
            children = 0
            if kind in ("dotted", "letters") and rng.random() < 0.35:
                children = rng.randint(2, 3)
            if group:
                children = rng.randint(2, 3)
            prefix = f"{numeral}." if numeral else ""
            if group:
                title = rng.choice(GROUP_TITLES)
                values = {"stt": [f"{number}."], "target": [title]}
                if not stt_column:
                    values["target"] = [f"{number}. {title}"]
                rows.append(BodyRow("group", cells_for(values), bold=True))
            else:
                record, values = _record(spec, rng, columns, str(number), prefix, stt_column)
                if not plant_done and spec.plant != "none" and _plant(spec, rng, record, values):
                    planted.append(_planted(spec.plant, record["id"]))
                    plant_done = True
                rows.append(BodyRow("record", cells_for(values)))
                records.append(record)
            for k in range(children):
                if kind == "letters":
                    label, key = f"{SUB_LETTERS[k]})", f"{number}.{SUB_LETTERS[k]}"
                else:
                    label, key = f"{number}.{k + 1}", f"{number}.{k + 1}"
                record, values = _record(spec, rng, columns, label, prefix, stt_column, key=key)
                rows.append(BodyRow("record", cells_for(values)))
                records.append(record)

    doc = Document(
        spec=spec,
        motto=None,
        unit_lines=[],
        title_lines=[],
        period_line=None,
        summary_lines=[],
        columns=columns,
        rows=rows,
        signature=spec.signature == "signature",
    )
    _preamble(doc, rng)
    summary, summary_lines, summary_flag = _summary(spec, rng, records, planted)
    doc.summary_lines = summary_lines
    if summary_flag:
        planted.append(("not_measurable", None))
    if spec.plant == "summary_mismatch" and summary is not None and not plant_done:
        planted.append(("summary_count_mismatch", None))
    unit_gold = UNITS[spec.unit][1] if spec.preamble != "title_only" else None
    doc.gold = {
        "unit": unit_gold,
        "period": _period_gold(spec),
        "summary": summary,
        "sections": gold_sections,
        "records": records,
        "flags": sorted(planted, key=lambda f: (f[0], f[1] or "")),
    }
    return doc


def _key(column: Column) -> str:
    return column.header if column.role in ("extra", "tick") else column.role


def _columns(spec: Spec, rng: random.Random, horizon: str) -> list[Column]:
    pick = {role: rng.choice(words).format(horizon=horizon) for role, words in HEADERS.items()}
    if pick["status"] == "Tình hình thực hiện" and pick["notes"] == "Tình hình thực hiện":
        pick["notes"] = "Kết quả thực hiện"
    if spec.status == "ticks2":
        target = Column("target", rng.choice(("Tiêu chí", "Nội dung tiêu chí")))
        ticks = [Column("tick", t) for t in TICKS2]
        notes = Column("notes", rng.choice(("Kết quả thực hiện", "Kết quả đạt được")))
        return [target, *ticks, notes]  # no STT column: the numbers lead the criteria
    stt, target = Column("stt", pick["stt"]), Column("target", pick["target"])
    status, notes = Column("status", pick["status"]), Column("notes", pick["notes"])
    extras = [Column("extra", EXTRA_COLUMNS[e][0]) for e in _extras(spec)]
    if spec.status == "ticks3":
        ticks = [Column("tick", t) for t in TICKS3]
        return [stt, target, *ticks, notes, *extras]
    if spec.columns == "plan_actual":
        # "STT | Chỉ tiêu | Kế hoạch | Thực hiện | Đánh giá": Thực hiện is the results column.
        return [
            stt,
            Column("target", "Chỉ tiêu"),
            Column("extra", "Kế hoạch"),
            Column("notes", "Thực hiện"),
            Column("status", "Đánh giá"),
            *extras,
        ]
    if spec.header_rows == "two":
        group = "Kết quả thực hiện" if pick["notes"] != "Kết quả thực hiện" else "Kết quả"
        status.group = notes.group = group
        if spec.columns == "notes_first":
            return [stt, target, notes, status, *extras]
        return [stt, target, status, notes, *extras]
    if spec.columns == "notes_first":
        return [stt, target, notes, status, *extras]
    if spec.columns == "extra_middle" and extras:
        return [stt, target, extras[0], status, notes, *extras[1:]]
    return [stt, target, status, notes, *extras]


def _extras(spec: Spec) -> list[str]:
    return {
        "none": [],
        "ghi_chu": ["ghi_chu"],
        "don_vi": ["don_vi"],
        "both": ["don_vi", "ghi_chu"],
    }[spec.extra]


def _section_row(
    spec: Spec, numeral: str, title: str, columns: list[Column], stt_column: bool
) -> BodyRow:
    style = spec.sections
    cells: list[list[str]] = [[] for _ in columns]
    target = next(i for i, c in enumerate(columns) if c.role == "target")
    if not stt_column or style == "merged":
        label = f"{numeral}. {title}" if style != "phan" else f"Phần {numeral}. {title}"
        cells[0 if style == "merged" else target] = [label]
        return BodyRow("section", cells, merged=style == "merged" and stt_column, bold=True)
    stt = next(i for i, c in enumerate(columns) if c.role == "stt")
    label = {"roman": numeral, "roman_dot": f"{numeral}.", "phan": f"Phần {numeral}"}.get(
        style, numeral if style != "lettered" else f"{numeral}."
    )
    cells[stt] = [label]
    cells[target] = [title]
    return BodyRow("section", cells, bold=True)


def _status_of(spec: Spec, rng: random.Random) -> tuple[str, str]:
    """(meaning, status cell) of a record."""
    roll = rng.random()
    if spec.status in ("ticks2",):
        return ("completed", "Đạt") if roll < 0.6 else ("in_progress", "Không đạt")
    if roll < 0.06 and spec.status != "ticks3":
        return "not_applicable", rng.choice(NOT_APPLICABLE)
    meaning = "completed" if roll < 0.5 else "in_progress" if roll < 0.9 else "not_started"
    if spec.status == "ticks3":
        return meaning, TICKS3[("completed", "in_progress", "not_started").index(meaning)]
    return meaning, rng.choice(VOCABULARIES[spec.status][meaning])


def _record(
    spec: Spec,
    rng: random.Random,
    columns: list[Column],
    label: str,
    prefix: str,
    stt_column: bool,
    *,
    key: str | None = None,
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """A target row's gold record and its cells by column key."""
    meaning, status = _status_of(spec, rng)
    figures: list[dict[str, Any]] = []
    measured = meaning in ("completed", "in_progress") and rng.random() < 0.6
    if measured:
        text, thing = rng.choice(MEASURED)
        threshold = rng.choice((80, 90, 95, 100)) if "trên" not in text else rng.choice((80, 90))
        target = text.format(p=threshold)
        if meaning == "completed":
            value = threshold + (0 if threshold == 100 else rng.choice((0.5, 2, 5.5)))
            value = min(value, 100.0) if "trên" not in text else threshold + 2.5
        else:
            value = threshold - rng.choice((3, 7.5, 12))
        written = _number(value)
        result = [f"{thing} đạt {written}%."]
        figures.append({"kind": "percent", "text": f"{written}%", "value": round(value, 4)})
    else:
        target, noun = rng.choice(PLAIN)
        n = rng.randint(2, 60)
        result = [f"Đã thực hiện {n} {noun} trong kỳ."] if meaning != "not_started" else []
        if result:
            figures.append({"kind": "count", "text": str(n), "value": float(n)})
        if meaning == "not_applicable":
            result, figures = [], []
    solution = rng.choice(SOLUTIONS)
    notes_style = spec.notes
    if not result:
        paragraphs = [f"Giải pháp: {solution}."] if meaning == "not_started" else []
    elif notes_style == "bullets":
        paragraphs = [f"- {result[0]}", f"- {solution[:1].upper()}{solution[1:]}."]
    elif notes_style == "paragraphs":
        paragraphs = [result[0], f"Thời gian tới, {solution}."]
    elif notes_style == "giai_phap":
        paragraphs = [f"- Kết quả: {result[0]}", f"- Giải pháp: {solution}."]
    else:
        paragraphs = [result[0]]
    values: dict[str, list[str]] = {"target": [target], "notes": paragraphs}
    stt_text = label
    if stt_column:
        values["stt"] = [label if "." in label or label.endswith(")") else f"{label}."]
        if rng.random() < 0.5 and label.isdigit():
            values["stt"] = [label]
    else:
        values["target"] = [f"{label}. {target}" if label[-1] != ")" else f"{label} {target}"]
    extra: dict[str, str] = {}
    if spec.status in ("ticks2", "ticks3"):
        ticked = status
        values[ticked] = ["X"]
        extra[ticked] = "X"
    else:
        values["status"] = [status]
    for name in _extras(spec) if spec.status != "ticks2" else []:
        header, choices = EXTRA_COLUMNS[name]
        text = rng.choice(choices)
        if text:
            values[header] = [text]
            extra[header] = text
    if spec.columns == "plan_actual" and spec.status not in ("ticks2", "ticks3"):
        plan = rng.choice(("Năm 2023", "Quý IV/2023", "Hằng năm"))
        values["Kế hoạch"] = [plan]
        extra["Kế hoạch"] = plan
    record = {
        "id": f"{prefix}{key or label}".rstrip(")"),
        "stt": stt_text,
        "target": target,
        "status_raw": status,
        "status": meaning,
        "notes": " ".join(paragraphs),
        "figures": figures,
        "extra": extra,
    }
    return record, values


def _plant(spec: Spec, rng: random.Random, record: dict[str, Any], values: dict) -> bool:
    """Plant the spec's flag in this record when it fits; True when planted."""
    plant = spec.plant
    if plant == "below_target":
        fig = record["figures"][0] if record["figures"] else None
        if record["status"] != "completed" or fig is None or fig["kind"] != "percent":
            return False
        text = record["target"]
        threshold = int(text.rsplit(" ", 1)[-1].rstrip("%"))
        value = threshold - 10
        old = fig["text"]
        fig.update(text=f"{value}%", value=float(value))
        _replace_notes(record, values, old, f"{value}%")
        return True
    if plant == "share_mismatch":
        figs = record["figures"]
        if record["status"] not in ("completed", "in_progress") or not figs:
            return False
        if figs[0]["kind"] != "count":
            return False
        # "12.450 hồ sơ … trên tổng số 20.100 hồ sơ, đạt 68,5%": 12.450/20.100 is 61,9%.
        sentence = "Đã số hóa 12.450 hồ sơ trên tổng số 20.100 hồ sơ, đạt 68,5%."
        values["notes"] = [*values["notes"], sentence]
        record["notes"] = " ".join(values["notes"])
        record["figures"] += [
            {"kind": "count", "text": "12.450", "value": 12450.0},
            {"kind": "count", "text": "20.100", "value": 20100.0},
            {"kind": "percent", "text": "68,5%", "value": 68.5},
        ]
        return True
    if plant == "missing_status":
        if spec.status in ("ticks2", "ticks3") or record["status"] == "not_applicable":
            return False
        values["status"] = []
        record.update(status_raw="", status="unknown")
        return True
    return False


def _replace_notes(record: dict[str, Any], values: dict, old: str, new: str) -> None:
    values["notes"] = [p.replace(old, new) for p in values["notes"]]
    record["notes"] = " ".join(values["notes"])


def _planted(plant: str, record: str) -> tuple[str, str | None]:
    return {
        "below_target": ("completed_below_target", record),
        "share_mismatch": ("share_mismatch", record),
        "missing_status": ("missing_status", record),
    }[plant]


def _preamble(doc: Document, rng: random.Random) -> None:
    spec = doc.spec
    lines, _ = UNITS[spec.unit]
    motto = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    if spec.preamble == "motto_table":
        doc.motto = (list(lines), motto)
    elif spec.preamble == "motto_lines":
        doc.unit_lines = [*lines, *motto]
    heading, second, _ = PROGRAMMES[spec.programme]
    doc.title_lines = ["PHỤ LỤC", heading, second]
    doc.period_line = {
        "dates": "(Số liệu đánh giá tính từ 15/11/2021 đến 14/10/2023)",
        "months": "(Số liệu tính từ tháng 01/2023 đến tháng 9/2023)",
        "until": "(Số liệu tính đến ngày 30/9/2023)",
        "none": None,
    }[spec.period]


def _period_gold(spec: Spec) -> dict[str, str | None] | None:
    return {
        "dates": {"start": "2021-11-15", "end": "2023-10-14"},
        "months": {"start": "2023-01-01", "end": "2023-09-30"},
        "until": {"start": None, "end": "2023-09-30"},
        "none": None,
    }[spec.period]


def _two(n: int, rng: random.Random) -> str:
    return f"{n:02d}" if rng.random() < 0.5 else str(n)


def _summary(
    spec: Spec, rng: random.Random, records: list[dict[str, Any]], planted: list
) -> tuple[dict[str, int | None] | None, list[str], bool]:
    """(gold summary, the lines that declare it, whether an info flag says it is unreadable)."""
    statuses = [r["status"] for r in records]
    total = sum(s != "not_applicable" for s in statuses)
    done = statuses.count("completed")
    going = statuses.count("in_progress")
    idle = statuses.count("not_started")
    if spec.plant == "summary_mismatch":
        done += 1  # the declared count is off by one: the planted flag
    phrasing = spec.summary
    noun = "tiêu chí" if spec.status == "ticks2" else "chỉ tiêu"
    gold: dict[str, int | None] = {
        "total": None, "completed": None, "in_progress": None, "not_started": None,
    }  # fmt: skip
    t = lambda n: _two(n, rng)  # noqa: E731
    if phrasing == "none":
        return None, [], False
    if phrasing == "unreadable":
        return None, [f"Tổng số {noun}: {t(total)} {noun}, trong đó đã hoàn thành và đang "
                      f"thực hiện: {t(done + going)} {noun}."], True  # fmt: skip
    if phrasing == "standard":
        lines = [
            f"1. Tổng số {noun}: {t(total)} {noun}",
            f"2. Số {noun} đã hoàn thành: {t(done)}",
            f"3. Số {noun} đang thực hiện: {t(going)}",
        ]
        gold.update(total=total, completed=done, in_progress=going)
        if idle:
            lines.append(f"4. Số {noun} chưa thực hiện: {t(idle)}")
            gold["not_started"] = idle
        return gold, lines, False
    if phrasing == "ontime_late" and done >= 2:
        late = rng.randint(1, done - 1)
        gold.update(total=total, completed=done, in_progress=going)
        return (
            gold,
            [
                f"Tổng số {t(total)} {noun}; trong đó: hoàn thành đúng hạn {t(done - late)} "
                f"{noun}, hoàn thành chậm {t(late)} {noun}; đang thực hiện {t(going)} {noun}."
            ],
            False,
        )
    if phrasing == "trong_do" and done >= 2:
        late = rng.randint(1, done - 1)
        gold.update(total=total, completed=done, in_progress=going)
        return (
            gold,
            [
                f"- Tổng số {noun}: {t(total)}.",
                f"- Đã hoàn thành: {t(done)} (trong đó {t(late)} {noun} hoàn thành chậm).",
                f"- Đang thực hiện: {t(going)}.",
            ],
            False,
        )
    if phrasing == "split_in_progress" and going >= 2:
        part = rng.randint(1, going - 1)
        gold.update(total=total, completed=done, in_progress=going)
        return (
            gold,
            [
                f"Tổng số {noun}: {t(total)}; đã hoàn thành {t(done)}; đang thực hiện "
                f"{t(going - part)}; chưa hoàn thành {t(part)}."
            ],
            False,
        )
    if phrasing == "ratio":
        gold.update(total=total, completed=done)
        return gold, [f"Kết quả: đã hoàn thành {t(done)}/{t(total)} {noun}."], False
    if phrasing == "bare":
        gold.update(completed=done, in_progress=going)
        return gold, [f"Hoàn thành {t(done)} {noun}, đang thực hiện {t(going)} {noun}."], False
    if phrasing == "criteria":
        gold.update(total=total, completed=done)
        return gold, [f"Kết quả tự đánh giá: đạt {t(done)}/{t(total)} tiêu chí."], False
    # A phrasing whose condition fails (too few completed) falls back to the standard one.
    gold.update(total=total, completed=done, in_progress=going)
    return (
        gold,
        [f"Tổng số {noun}: {t(total)}; đã hoàn thành: {t(done)}; đang thực hiện: {t(going)}."],
        False,
    )
