"""Samples for consolidation: invented units reporting on the real appendix's targets.

Each unit starts from the real Quảng Trị appendix's catalogue (35 targets in six sections) and
gets its own statuses and notes from a seeded generator, then the quirk it exists for: a target
dropped, an extra row, continuous renumbering, reordered columns, typos in the target text,
rows reordered, other header wording, a second copy of the same unit. Every row remembers the
catalogue target it reports on, so the expected matrix comes from this data, never from the
parser. The samples live in ``samples/consolidate/``: most are tab-separated text in the real
appendix's layout (the quirks of column order and page breaks are written there), some are
DOCX (docx_writer), PDF (that DOCX converted by LibreOffice) and XLSX (xlsx_samples); one file
is a cover letter, not an appendix.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .docx_writer import write_docx
from .units import DEFAULT_HEADERS, Row, Section, Unit, expected_report, real_appendix
from .xlsx_samples import write_real as write_xlsx

FOLDER = "consolidate"
GOLDEN_MATRIX = "consolidate-matrix.json"
PERIOD_LINE = "(Số liệu đánh giá tính từ 15/11/2021 đến 14/10/2023)"
TITLE_LINES = [
    "Phụ lục",
    "Đánh giá mức độ thực hiện các mục tiêu cụ thể theo Nghị quyết 76/NQ-CP ngày 15/7/2021 "
    "của Chính phủ và Nghị quyết số 01-NQ/TU ngày 04/11/2021 của Ban Thường vụ Tỉnh ủy Quảng Trị",
]
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")

# Column roles of the default layout, in the order of DEFAULT_HEADERS.
DEFAULT_ROLES = ("stt", "target", "status", "notes")

STATUS_WORDS = {
    "completed": ("Đã hoàn thành", "Hoàn thành", "Đã thực hiện", "Đạt"),
    "in_progress": ("Đang thực hiện", "Đang triển khai", "Chưa hoàn thành"),
    "not_started": ("Chưa thực hiện", "Chưa triển khai"),
    "not_applicable": ("Không thuộc thẩm quyền", "Cấp tỉnh", "(cấp tỉnh thực hiện)"),
}


@dataclass
class Entry:
    """A row of a unit's table and the catalogue target it reports on (None: an extra row)."""

    target_id: str | None
    row: Row
    page_break: bool = False  # the last notes paragraph continues on a row with an empty STT


@dataclass
class Plan:
    """An invented unit: where it comes from and how its table departs from the catalogue."""

    file: str
    header: str
    unit: str
    seed: int
    kind: str = "district"  # district, department, commune
    headers: tuple[str, ...] = DEFAULT_HEADERS
    roles: tuple[str, ...] = DEFAULT_ROLES
    edit: Callable[[list[tuple[Section, list[Entry]]]], None] | None = None
    fmt: str = "text"  # text, docx, pdf (a DOCX converted by LibreOffice) or xlsx


# --- the catalogue -------------------------------------------------------------------------


def catalogue_rows() -> list[dict[str, str]]:
    """The real appendix's targets as the shipped catalogue has them (section titles as
    corrected there: the appendix writes "CÁI CÁCH CHẾ ĐỘ CÔNG VỤ")."""
    return [
        {
            "id": f"{s.numeral}.{r.stt}",
            "section": s.numeral,
            "section_title": s.title.replace("CÁI CÁCH", "CẢI CÁCH"),
            "stt": r.stt,
            "target": " ".join(r.target.split()),
        }
        for s, r in real_appendix().records()
    ]


def _base_sections(plan: Plan) -> list[tuple[Section, list[Entry]]]:
    """The catalogue's sections with this unit's statuses and notes."""
    rng = random.Random(plan.seed)
    words = {k: v[plan.seed % len(v)] for k, v in STATUS_WORDS.items()}
    out = []
    for section in real_appendix().sections:
        title = section.title.replace("CÁI CÁCH", "CẢI CÁCH")
        entries = []
        for real in section.rows:
            target_id = f"{section.numeral}.{real.stt}"
            status = _status(plan, target_id, real.expect, rng)
            row = Row(
                real.stt, " ".join(real.target.split()), words[status], _notes(status, rng), status
            )
            entries.append(Entry(target_id, row))
        out.append((Section(section.numeral, title, []), entries))
    return out


# Targets a commune or a department has no part in.
_COMMUNE_NA = {"II.3", "II.6", "III.1", "IV.3", "V.1", "V.2", "V.3", "VI.1", "VI.2", "VI.4"}
_DEPARTMENT_NA = {"II.3", "IV.5", "V.3"}
_COMMUNE_NOT_STARTED = {"II.13", "VI.8"}


def _status(plan: Plan, target_id: str, real: str, rng: random.Random) -> str:
    flip = rng.random()
    if plan.kind == "commune":
        if target_id in _COMMUNE_NA:
            return "not_applicable"
        if target_id in _COMMUNE_NOT_STARTED:
            return "not_started"
    if plan.kind == "department" and target_id in _DEPARTMENT_NA:
        return "not_applicable"
    if real == "not_applicable":
        return real
    if flip < 0.3:
        return "in_progress" if real == "completed" else "completed"
    return real


def _notes(status: str, rng: random.Random) -> list[str]:
    if status == "completed":
        return [
            rng.choice(
                [
                    "Đạt 100% kế hoạch đề ra.",
                    f"Đã hoàn thành {(n := rng.randint(5, 40))}/{n} nhiệm vụ theo kế hoạch.",
                    f"Tỷ lệ đạt {rng.choice(['100', '98,5', '99,2'])}%, hoàn thành chỉ tiêu.",
                ]
            )
        ]
    if status == "in_progress":
        done = rng.randint(40, 94)
        return rng.choice(
            [
                [f"Đến nay đạt {done}%; tiếp tục triển khai trong năm 2024."],
                [
                    f"Đã thực hiện {done}/{done + rng.randint(3, 30)} nhiệm vụ, "
                    "phấn đấu hoàn thành trong năm 2025."
                ],
                [
                    f"- Kết quả: đạt {done},{rng.randint(1, 9)}%.",
                    "- Giải pháp: tăng cường kiểm tra, đôn đốc các cơ quan, đơn vị.",
                ],
            ]
        )
    if status == "not_started":
        return ["Chưa triển khai do chưa có hướng dẫn của cấp trên."]
    return ["Nhiệm vụ do cấp tỉnh thực hiện."]


# --- the quirks ---------------------------------------------------------------------------


def _entries(sections: list[tuple[Section, list[Entry]]], numeral: str) -> list[Entry]:
    return next(entries for section, entries in sections if section.numeral == numeral)


def _renumber(entries: list[Entry], start: int = 1) -> int:
    for number, entry in enumerate(entries, start=start):
        entry.row.stt = str(number)
    return start + len(entries)


def drop_target(sections: list[tuple[Section, list[Entry]]]) -> None:
    """II.7 left out, and the rows below it renumbered (II.8 is written "7")."""
    entries = _entries(sections, "II")
    entries[:] = [e for e in entries if e.target_id != "II.7"]
    _renumber(entries)


EXTRA_ROWS = {
    "III": Row(
        "3",
        "Sắp xếp, sáp nhập thôn, tổ dân phố không đủ tiêu chuẩn theo Nghị quyết của HĐND tỉnh",
        "Đã hoàn thành",
        ["Đã sáp nhập 12 thôn thành 5 thôn mới."],
        "completed",
    ),
    "VI": Row(
        "9",
        "Duy trì hoạt động của Tổ công nghệ số cộng đồng tại các thôn, khu phố",
        "Đang thực hiện",
        ["Đã thành lập 118/125 tổ."],
        "in_progress",
    ),
}


def extra_rows(sections: list[tuple[Section, list[Entry]]]) -> None:
    """Two local targets the catalogue does not have, at the end of sections III and VI."""
    for numeral, row in EXTRA_ROWS.items():
        _entries(sections, numeral).append(Entry(None, replace(row, notes=list(row.notes))))


def continuous_numbers(sections: list[tuple[Section, list[Entry]]]) -> None:
    """STT counted 1…35 through the whole table instead of restarting in every section."""
    start = 1
    for _, entries in sections:
        start = _renumber(entries, start)


_TYPOS = {
    "I.2": [("theo dõi", "theo doi"), ("pháp luật", "pháp luât")],
    "II.2": [("phần mềm", "phầm mềm"), ("điện tử", "điên tử")],
    "II.9": [("Tỷ lệ", "Tỉ lệ"), ("đúng hạn", "dúng hạn"), ("trở lên", "trở nên")],
    "II.14": [("hài lòng", "hài lõng"), ("doanh nghiệp", "doanh nhiệp")],
    "IV.2": [("Tối thiểu", "Tối thiếu"), ("nhiệm vụ", "nhiêm vụ")],
    "V.1": [("đơn vị", "đơn vi"), ("tự bảo đảm", "tự đảm bảo")],
    "VI.3": [("trực tuyến", "trực tuyên"), ("người dân", "ngừơi dân")],
    "VI.7": [("nộp qua mạng", "nộp qua mang"), ("dịch vụ", "dich vu")],
}


def typos(sections: list[tuple[Section, list[Entry]]]) -> None:
    """Misspelt words in some targets, the way a hurried retyping leaves them."""
    for _, entries in sections:
        for entry in entries:
            for wrong, right in _TYPOS.get(entry.target_id or "", []):
                assert wrong in entry.row.target, (entry.target_id, wrong)
                entry.row.target = entry.row.target.replace(wrong, right, 1)


def reorder_rows(sections: list[tuple[Section, list[Entry]]]) -> None:
    """Rows of sections II and VI in another order, numbered in the new order."""
    orders = {"II": [3, 1, 2, 5, 4, 6, 7, 8, 9, 10, 12, 11, 14, 13], "VI": [3, 6, 7, 1, 2, 4, 5, 8]}
    for numeral, order in orders.items():
        entries = _entries(sections, numeral)
        by_stt = {e.row.stt: e for e in entries}
        entries[:] = [by_stt[str(n)] for n in order]
        _renumber(entries)


def page_breaks(sections: list[tuple[Section, list[Entry]]]) -> None:
    """Rows whose last notes paragraph continues after a page break (an empty STT cell)."""
    for _, entries in sections:
        for entry in entries:
            if len(entry.row.notes) > 1:
                entry.page_break = True


def ghi_chu(sections: list[tuple[Section, list[Entry]]]) -> None:
    """A "Ghi chú" column filled in on a few rows."""
    for target_id, note in (("I.1", "Số liệu đến 30/9/2023"), ("III.2", "Khảo sát năm 2023")):
        for _, entries in sections:
            for entry in entries:
                if entry.target_id == target_id:
                    entry.row.extra = {"Ghi chú": note}


def second_copy(sections: list[tuple[Section, list[Entry]]]) -> None:
    """The corrected copy a unit sends again: two statuses changed."""
    for _, entries in sections:
        for entry in entries:
            if entry.target_id in ("I.1", "VI.6"):
                entry.row.status, entry.row.expect = "Đã hoàn thành", "completed"
                entry.row.notes = ["Đạt 100% kế hoạch đề ra (số liệu bổ sung)."]


def _both(*edits: Callable[[list[tuple[Section, list[Entry]]]], None]):
    def edit(sections: list[tuple[Section, list[Entry]]]) -> None:
        for step in edits:
            step(sections)

    return edit


PLANS = [
    Plan("huyen-huong-hoa", "UBND HUYỆN HƯỚNG HÓA", "UBND huyện Hướng Hóa", 1),
    Plan(
        "huyen-huong-hoa-lan-2", "UBND HUYỆN HƯỚNG HÓA", "UBND huyện Hướng Hóa", 1, edit=second_copy
    ),
    Plan("huyen-hai-lang", "UBND HUYỆN HẢI LĂNG", "UBND huyện Hải Lăng", 2, edit=drop_target),
    Plan("huyen-vinh-linh", "UBND HUYỆN VĨNH LINH", "UBND huyện Vĩnh Linh", 3, edit=extra_rows),
    Plan(
        "huyen-trieu-phong",
        "UBND HUYỆN TRIỆU PHONG",
        "UBND huyện Triệu Phong",
        4,
        edit=continuous_numbers,
        fmt="xlsx",
    ),
    Plan(
        "thi-xa-quang-tri",
        "UBND THỊ XÃ QUẢNG TRỊ",
        "UBND thị xã Quảng Trị",
        5,
        headers=(
            DEFAULT_HEADERS[0],
            DEFAULT_HEADERS[2],
            DEFAULT_HEADERS[1],
            DEFAULT_HEADERS[3],
            "Ghi chú",
        ),
        roles=("stt", "status", "target", "notes", "extra"),
        edit=ghi_chu,
    ),
    Plan("huyen-dakrong", "UBND HUYỆN ĐAKRÔNG", "UBND huyện Đakrông", 6, edit=typos, fmt="docx"),
    Plan(
        "so-thong-tin-truyen-thong",
        "UBND TỈNH QUẢNG TRỊ\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "Sở Thông tin và Truyền thông",
        7,
        kind="department",
        edit=reorder_rows,
        fmt="docx",
    ),
    Plan(
        "xa-gio-my",
        "UBND HUYỆN GIO LINH\nUBND XÃ GIO MỸ",
        "UBND xã Gio Mỹ",
        8,
        kind="commune",
        fmt="pdf",
    ),
    Plan(
        "thanh-pho-dong-ha",
        "UBND THÀNH PHỐ ĐÔNG HÀ",
        "UBND thành phố Đông Hà",
        9,
        headers=("TT", "Nội dung chỉ tiêu", "Tiến độ thực hiện", "Kết quả đạt được", "Giải pháp"),
        roles=("stt", "target", "status", "notes:first", "notes:rest"),
        edit=page_breaks,
    ),
]

COVER_LETTER = """UBND HUYỆN GIO LINH
Số: 1502/UBND-NV
V/v gửi báo cáo đánh giá mức độ thực hiện mục tiêu cải cách hành chính

Kính gửi: Sở Nội vụ tỉnh Quảng Trị

UBND huyện Gio Linh gửi kèm theo đây Phụ lục đánh giá mức độ thực hiện các mục tiêu cụ thể
theo Nghị quyết 76/NQ-CP. Đề nghị Sở Nội vụ tổng hợp.
"""
COVER_LETTER_FILE = "cong-van-gui-kem.txt"


@dataclass
class Sample:
    """An invented unit's appendix: the Unit (for the report's golden) and its entries."""

    plan: Plan
    unit: Unit
    sections: list[tuple[Section, list[Entry]]] = field(default_factory=list)


def build(plan: Plan) -> Sample:
    """The unit of ``plan`` as data: its sections, statuses, notes and quirk."""
    sections = _base_sections(plan)
    if plan.edit:
        plan.edit(sections)
    counts = {s: 0 for s in STATUS_WORDS}
    for _, entries in sections:
        for entry in entries:
            counts[entry.row.expect] += 1
    total = counts["completed"] + counts["in_progress"] + counts["not_started"]
    summary_lines = [
        f"1. Tổng số chỉ tiêu: {total} chỉ tiêu",
        f"2. Chỉ tiêu đã hoàn thành: {counts['completed']} chỉ tiêu",
        f"3. Chỉ tiêu đang thực hiện: {counts['in_progress']} chỉ tiêu",
    ]
    summary: dict[str, int | None] = {
        "total": total,
        "completed": counts["completed"],
        "in_progress": counts["in_progress"],
        "not_started": None,
    }
    if counts["not_started"]:
        summary_lines.append(f"4. Chỉ tiêu chưa thực hiện: {counts['not_started']} chỉ tiêu")
        summary["not_started"] = counts["not_started"]
    unit = Unit(
        name=plan.file,
        unit_header=plan.header,
        unit=plan.unit,
        title_lines=TITLE_LINES,
        period_line=PERIOD_LINE,
        period=("2021-11-15", "2023-10-14"),
        summary_lines=summary_lines,
        summary=summary,
        sections=[replace(s, rows=[e.row for e in entries]) for s, entries in sections],
        headers=plan.headers,
    )
    return Sample(plan, unit, sections)


# --- writing -------------------------------------------------------------------------------


def _cells(roles: tuple[str, ...], row: Row, notes: list[str]) -> list[str]:
    def para(parts: list[str]) -> str:
        return "".join(f"<p>{p}</p>" for p in parts) if len(parts) > 1 else "".join(parts)

    values = {
        "stt": row.stt,
        "target": row.target,
        "status": row.status,
        "notes": para(notes),
        "notes:first": para(notes[:1]),
        "notes:rest": para(notes[1:]),
    }
    return [row.extra.get("Ghi chú", "") if r == "extra" else values[r] for r in roles]


def text_of(sample: Sample) -> str:
    """The sample as tab-separated text in the real appendix's layout."""
    plan, unit = sample.plan, sample.unit
    header = (unit.unit_header or "").split("\n")
    lines = [f"{h}\t{m}" for h, m in zip([*header, ""][:2], MOTTO, strict=True)]
    lines += [f"{h}\t" for h in header[2:]]
    lines += ["", *unit.title_lines, PERIOD_LINE, "", *unit.summary_lines, ""]
    lines.append("\t".join(plan.headers))
    for section, entries in sample.sections:
        title_at = plan.roles.index("target")
        cells = ["" for _ in plan.roles]
        cells[0], cells[title_at] = section.numeral, section.title
        lines.append("\t".join(cells))
        for entry in entries:
            notes = entry.row.notes
            if entry.page_break:
                lines.append("\t".join(_cells(plan.roles, entry.row, notes[:-1])))
                blank = Row("", "", "", [], extra={})
                lines.append("")  # the gap a page break leaves in a text export
                lines.append("\t".join(_cells(plan.roles, blank, notes[-1:])))
            else:
                lines.append("\t".join(_cells(plan.roles, entry.row, notes)))
    lines += ["", "Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT."]
    return "\n".join(lines) + "\n"


def expected_matrix(samples: list[Sample]) -> dict[str, object]:
    """The consolidation every sample together must give, from the data alone."""
    catalogue = [row["id"] for row in catalogue_rows()]

    def key(sample: Sample) -> tuple[str, str]:
        folded = unicodedata.normalize("NFD", sample.plan.unit.replace("Đ", "D").replace("đ", "d"))
        plain = "".join(c for c in folded if not unicodedata.combining(c)).lower()
        return plain, sample.plan.file

    columns: list[str] = []
    matrix: dict[str, dict[str, str]] = {target_id: {} for target_id in catalogue}
    flags: list[list[str | None]] = []
    # One unit, one column: of a unit's reports (one period here) the later file wins.
    latest = {sample.plan.unit: sample for sample in sorted(samples, key=key)}
    for sample in sorted(latest.values(), key=key):
        label = sample.plan.unit
        columns.append(label)
        reported = {e.target_id: e for _, entries in sample.sections for e in entries}
        for target_id in catalogue:
            entry = reported.get(target_id)
            matrix[target_id][label] = entry.row.expect if entry else "missing"
            if entry is None:
                flags.append([label, "missing_target", target_id])
        for _, entries in sample.sections:
            for entry in entries:
                if entry.target_id is None:
                    flags.append([label, "unmatched_row", None])
    twice = {s.plan.unit for s in samples if sum(t.plan.unit == s.plan.unit for t in samples) > 1}
    flags += [[label, "duplicate_unit", None] for label in columns if label in twice]
    return {
        "units": columns,
        "matrix": matrix,
        "flags": sorted(flags, key=lambda f: (columns.index(f[0]), f[1], f[2] or "")),
        "errors": [COVER_LETTER_FILE],
    }


def write(sample: Sample, folder: Path) -> Path:
    """The sample's file in its format."""
    plan = sample.plan
    if plan.fmt == "text":
        path = folder / f"{plan.file}.txt"
        path.write_text(text_of(sample), encoding="utf-8")
        return path
    if plan.fmt == "docx":
        return write_docx(sample.unit, folder / f"{plan.file}.docx")
    if plan.fmt == "xlsx":
        return write_xlsx(sample.unit, folder / f"{plan.file}.xlsx")
    return to_pdf(sample.unit, folder / f"{plan.file}.pdf")


def to_pdf(unit: Unit, path: Path) -> Path:
    """The unit's DOCX form, printed to PDF by LibreOffice."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise SystemExit("the PDF sample needs LibreOffice (soffice) on the PATH")
    with tempfile.TemporaryDirectory(prefix="consolidate-samples-") as tmp:
        work = Path(tmp)
        docx = write_docx(unit, work / f"{path.stem}.docx")
        command = [
            exe, f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
            "--convert-to", "pdf", "--outdir", str(work), str(docx),
        ]  # fmt: skip
        subprocess.run(command, capture_output=True, timeout=300, check=True)
        shutil.copyfile(work / f"{path.stem}.pdf", path)
    return path


def make(samples_dir: Path) -> list[tuple[Path, dict]]:
    """Write the consolidation samples and the expected matrix; return (sample, expected)."""
    folder = samples_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    samples = [build(plan) for plan in PLANS]
    made = []
    for sample in samples:
        path = write(sample, folder)
        made.append((path, expected_report(sample.unit, sample.plan.fmt)))
    (folder / COVER_LETTER_FILE).write_text(COVER_LETTER, encoding="utf-8")
    golden = samples_dir.parent / "tests" / "golden"
    golden.mkdir(parents=True, exist_ok=True)
    (golden / GOLDEN_MATRIX).write_text(
        json.dumps(expected_matrix(samples), ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    return made
