"""Indicator samples: statistical forms and scoring tables, from data, in DOCX, PDF and XLSX.

- ``indicators-province-forms``: two forms ("Biểu mẫu 1", "Biểu mẫu 2") of the Ministry's
  indicator set with the two-row header "STT | Chỉ tiêu thống kê | Kết quả thống kê (Đơn vị
  tính | Số liệu) | Ghi chú", hierarchical STT, group rows, values written the Vietnamese way;
  form 2 is broken into two tables (DOCX, PDF), the second part opening at "3.2.2.". It plants
  a total that its levels do not make, a rate its parts contradict, a share above 100%, a
  negative count and a count with decimals, beside near misses that must raise nothing: a rate
  truncated rather than rounded, a rate against 2015, 0/0, a "Tổng số" with a child of another
  kind, coded answers, money.
- ``indicators-scoring``: a PAR Index self-assessment "TT | Lĩnh vực/Tiêu chí/Tiêu chí thành
  phần | Điểm tối đa | Điểm tự đánh giá | Điểm thẩm định | Tài liệu kiểm chứng", planting a
  self-score above its maximum and sub-criteria that do not add up to their criterion.
- ``indicators-score-sheet`` (DOCX): "NHÓM CHỈ TIÊU | CHỈ SỐ | ĐIỂM ĐÁNH GIÁ", no STT column,
  each group's cell merged down its rows.

Every row says which flags it plants; the golden JSON (``indicators``, ``flags``) is written
from this data alone: ids from the form and the STT, parents from the nesting of the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .docx_writer import new_document, save, set_cell

TITLE = (
    "PHỤ LỤC",
    "BIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH NĂM 2025",
    "CỦA ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
)
FORM_HEADER = (
    "STT",
    "Chỉ tiêu thống kê\n(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)",
    "Kết quả thống kê",
    "",
    "Ghi chú",
)
FORM_SUBHEADER = ("", "", "Đơn vị tính", "Số liệu", "")
SCORING_HEADER = (
    "TT",
    "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
    "Điểm tối đa (Điểm chuẩn)",
    "Điểm tự đánh giá",
    "Điểm thẩm định",
    "Tài liệu kiểm chứng",
)


@dataclass
class Row:
    """One indicator row as written, and the flags it plants."""

    stt: str
    name: str
    unit: str = ""
    value: str = ""
    notes: str = ""
    maximum: str = ""
    appraised: str = ""
    children: list[Row] = field(default_factory=list)
    plants: tuple[str, ...] = ()


@dataclass
class Form:
    """A form: its number and title, its rows, and where a second table takes over."""

    number: str | None
    title: str
    rows: list[Row]
    split_before: str | None = None  # the STT of the first row of the continuing table


@dataclass
class Document:
    name: str
    forms: list[Form]
    kind: str  # "form" or "scoring"


def R(stt: str, name: str, unit: str = "", value: str = "", *children: Row, **kw: object) -> Row:
    return Row(stt, name, unit, value, children=list(children), **kw)  # type: ignore[arg-type]


def province_forms() -> Document:
    form1 = Form(
        "1",
        "Công tác chỉ đạo điều hành CCHC",
        [
            R("1.", "Số văn bản chỉ đạo CCHC đã ban hành", "Văn bản", "82"),
            R(
                "2.",
                "Tỷ lệ hoàn thành Kế hoạch CCHC năm",
                "%",
                "95",  # 45/45 = 100%: planted
                R("2.1.", "Số nhiệm vụ đề ra trong kế hoạch", "Nhiệm vụ", "45"),
                R("2.2.", "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ", "45"),
                plants=("indicator_rate_mismatch",),
            ),
            R(
                "3.",
                "Kiểm tra CCHC",
                "",
                "",
                R("3.1.", "Số sở, ngành đã kiểm tra", "Cơ quan, đơn vị", "04"),
                R(
                    "3.2.",
                    "Tỷ lệ xử lý các vấn đề phát hiện qua kiểm tra",
                    "%",
                    "100",
                    R("3.2.1.", "Số vấn đề phát hiện qua kiểm tra", "Vấn đề", "0"),
                    R("3.2.2.", "Số vấn đề phát hiện đã xử lý xong", "Vấn đề", "0"),
                ),
            ),
            R("4.", "Khảo sát sự hài lòng của người dân, tổ chức", "Có = 1; Không = 0", "1"),
            R(
                "5.",
                "Tỷ lệ thực hiện Kế hoạch giải ngân vốn đầu tư công",
                "%",
                "51,8",
                R("5.1.", "Kế hoạch được giao", "Triệu đồng", "17.454.000"),
                R("5.2.", "Đã thực hiện", "Triệu đồng", "9.037.000"),
            ),
            R(
                "6.",
                "Số lớp tập huấn chuyên đề CCHC",
                "Lớp",
                "-3",
                plants=("indicator_out_of_range",),
            ),
        ],
    )
    form2 = Form(
        "2",
        "Cải cách thủ tục hành chính",
        [
            R(
                "1.",
                "Thống kê TTHC",
                "",
                "",
                R("1.1.", "Số TTHC công bố mới", "Thủ tục", "247"),
                R(
                    "1.2.",
                    "Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương",
                    "Thủ tục",
                    "2.372",
                    R("1.2.1.", "Số TTHC cấp tỉnh", "Thủ tục", "1.946"),
                    R("1.2.2.", "Số TTHC cấp xã", "Thủ tục", "426"),
                    R("1.2.3.", "Số TTHC ngành dọc", "Thủ tục", "420"),
                ),
                R(
                    "1.3.",
                    "Tổng số VBQPPL do địa phương ban hành",
                    "Văn bản",
                    "250",  # 174 + 75 = 249: planted
                    R("1.3.1.", "Số VBQPPL do cấp tỉnh ban hành", "Văn bản", "174"),
                    R("1.3.2.", "Số VBQPPL do cấp xã ban hành", "Văn bản", "75"),
                    plants=("indicator_sum_mismatch",),
                ),
            ),
            R(
                "2.",
                "Tỷ lệ UBND cấp xã đã hoàn thành việc sắp xếp các phòng chuyên môn",
                "%",
                "124",
                notes="Bao gồm các đặc khu",
                plants=("indicator_out_of_range",),
            ),
            R(
                "3.",
                "Kết quả giải quyết TTHC",
                "",
                "",
                R(
                    "3.1.",
                    "Tỷ lệ hồ sơ TTHC do các sở, ngành tiếp nhận được giải quyết đúng hạn",
                    "%",
                    "99,10",  # 99,1086: truncated, within 0,01
                    R("3.1.1.", "Tổng số hồ sơ TTHC đã giải quyết xong", "Hồ sơ", "195.197"),
                    R("3.1.2.", "Số hồ sơ TTHC giải quyết đúng hạn", "Hồ sơ", "193.457"),
                ),
                R(
                    "3.2.",
                    "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn",
                    "%",
                    "99,81",
                    R("3.2.1.", "Tổng số hồ sơ TTHC đã giải quyết xong", "Hồ sơ", "468.463"),
                    R("3.2.2.", "Số hồ sơ TTHC giải quyết đúng hạn", "Hồ sơ", "467.565"),
                ),
                R(
                    "3.3.",
                    "Tỷ lệ hồ sơ trực tuyến toàn trình",
                    "%",
                    "92,58",  # 419.218 / 462.814 = 90,58%: planted
                    R("3.3.1.", "Tổng số hồ sơ của DVCTT toàn trình", "Hồ sơ", "462.814"),
                    R("3.3.2.", "Số hồ sơ nộp trực tuyến của các DVCTT toàn trình", "Hồ sơ",
                      "419.218"),
                    plants=("indicator_rate_mismatch",),
                ),
            ),
            R(
                "4.",
                "Số người làm việc hưởng lương từ NSNN tại các đơn vị sự nghiệp công lập",
                "",
                "",
                R("4.1.", "Tổng số người làm việc được giao", "Người", "60.674"),
                R("4.2.", "Tổng số người làm việc có mặt tại thời điểm báo cáo", "Người", "60.082"),
                R("4.3.", "Số người đã tinh giản trong kỳ báo cáo", "Người", "47,5",
                  plants=("indicator_unit_mismatch",)),
                R("4.4.", "Tỷ lệ % đã tinh giản so với năm 2015", "%", "12,49"),
            ),
            R("5.", "Số cơ quan đã được phê duyệt vị trí việc làm", "Cơ quan, đơn vị", "-",
              notes="Chưa có hướng dẫn"),
        ],
        split_before="3.2.2.",
    )  # fmt: skip
    return Document("indicators-province-forms", [form1, form2], "form")


def scoring() -> Document:
    rows = [
        R(
            "1",
            "Công tác chỉ đạo, điều hành cải cách hành chính",
            "",
            "8",
            R(
                "1.1",
                "Kế hoạch cải cách hành chính năm",
                "",
                "3",
                R("1.1.1", "Ban hành kế hoạch đúng thời hạn", "", "1", maximum="1", appraised="1",
                  notes="Quyết định số 12/QĐ-UBND"),
                R("1.1.2", "Xác định đầy đủ nhiệm vụ", "", "2", maximum="2", appraised="1,5"),
                maximum="3",
                appraised="2,5",
            ),
            R(
                "1.2",
                "Báo cáo cải cách hành chính",
                "",
                "3",  # 1 + 1,5 = 2,5: planted
                R("1.2.1", "Số lượng báo cáo đủ và đúng thời hạn", "", "1", maximum="1",
                  appraised="1"),
                R("1.2.2", "Chất lượng báo cáo", "", "1,5", maximum="2", appraised="1"),
                maximum="3",
                appraised="2",
                plants=("indicator_sum_mismatch",),
            ),
            R("1.3", "Kiểm tra cải cách hành chính", "", "2", maximum="2", appraised="2"),
            maximum="8",
            appraised="6,5",
        ),
        R(
            "2",
            "Cải cách thể chế",
            "",
            "4,5",
            R("2.1", "Xây dựng và ban hành văn bản quy phạm pháp luật", "", "2", maximum="2",
              appraised="2"),
            R("2.2", "Rà soát, hệ thống hóa văn bản", "", "2,5", maximum="3", appraised="2,5"),
            maximum="5",
            appraised="4,5",
        ),
        R("3", "Cải cách thủ tục hành chính", "", "2,5", maximum="2", appraised="2",
          notes="Báo cáo số 45/BC-UBND", plants=("indicator_out_of_range",)),
    ]  # fmt: skip
    return Document("indicators-scoring", [Form(None, "", rows)], "scoring")


# --------------------------------------------------------------------------- expected


def _walk(rows: list[Row], parent: Row | None = None):  # type: ignore[no-untyped-def]
    for row in rows:
        yield row, parent
        yield from _walk(row.children, row)


def expected(doc: Document) -> dict:
    from appendixparse.text.values import read_value

    indicators: list[dict] = []
    flags: list[dict] = []
    for form in doc.forms:
        prefix = f"{form.number}:" if form.number else ""
        for row, parent in _walk(form.rows):
            stt = row.stt.rstrip(".")
            unit = row.unit or None
            if doc.kind == "scoring":
                unit = "điểm"
            columns: dict[str, str] = {}
            if doc.kind == "scoring":
                columns = {SCORING_HEADER[2]: row.maximum, SCORING_HEADER[4]: row.appraised}
            indicators.append(
                {
                    "id": prefix + stt,
                    "form": form.number,
                    "form_title": form.title or None,
                    "stt": stt,
                    "parent": prefix + parent.stt.rstrip(".") if parent else None,
                    "name": row.name,
                    "unit": unit,
                    "value": read_value(row.value),
                    "value_raw": row.value,
                    "maximum": read_value(row.maximum) if doc.kind == "scoring" else None,
                    "columns": columns,
                    "notes": row.notes,
                }
            )
            flags += [{"code": code, "record": prefix + stt} for code in row.plants]
    return {"records": [], "indicators": indicators, "flags": flags}


# --------------------------------------------------------------------------- writers


def _table_rows(doc: Document, form: Form) -> list[list[list[str]]]:
    """The body rows of each table of ``form`` (two when the form is split)."""
    parts: list[list[list[str]]] = [[]]
    for row, _ in _walk(form.rows):
        if form.split_before and row.stt == form.split_before:
            parts.append([])
        if doc.kind == "scoring":
            cells = [row.stt, row.name, row.maximum, row.value, row.appraised, row.notes]
        else:
            cells = [row.stt, row.name, row.unit, row.value, row.notes]
        parts[-1].append(cells)
    return parts


def _header(doc: Document) -> list[list[str]]:
    if doc.kind == "scoring":
        return [list(SCORING_HEADER)]
    return [list(FORM_HEADER), list(FORM_SUBHEADER)]


def write_docx(doc: Document, path: Path) -> Path:
    document = new_document()
    for line in TITLE:
        document.add_paragraph(line)
    for form in doc.forms:
        if form.number:
            document.add_paragraph(f"Biểu mẫu {form.number}")
            document.add_paragraph(form.title)
        for body in _table_rows(doc, form):
            header = _header(doc)
            table = document.add_table(rows=len(header) + len(body), cols=len(header[0]))
            table.style = "Table Grid"
            for r, cells in enumerate(header + body):
                for c, text in enumerate(cells):
                    if text:
                        set_cell(table.cell(r, c), text.split("\n"))
            if len(header) == 2:  # STT, name and notes merged down; the result across
                for c in (0, 1, 4):
                    table.cell(0, c).merge(table.cell(1, c))
                    set_cell(table.cell(0, c), header[0][c].split("\n"))
                table.cell(0, 2).merge(table.cell(0, 3))
                set_cell(table.cell(0, 2), [header[0][2]])
    return save(document, path)


def write_score_sheet(path: Path) -> tuple[Path, dict]:
    """A score sheet: "NHÓM CHỈ TIÊU | CHỈ SỐ | ĐIỂM ĐÁNH GIÁ", the group cell merged down."""
    groups = [
        ("Nhóm 1: Công khai, minh bạch", [("Chỉ số 1.1: Công khai TTHC", "2"),
                                          ("Chỉ số 1.2: Công khai kết quả giải quyết", "1,5")]),
        ("Nhóm 2: Tiến độ giải quyết", [("Chỉ số 2.1: Hồ sơ đúng hạn", "3")]),
    ]  # fmt: skip
    document = new_document()
    document.add_paragraph("BẢNG ĐIỂM ĐÁNH GIÁ CHẤT LƯỢNG GIẢI QUYẾT TTHC")
    count = sum(len(items) for _, items in groups)
    table = document.add_table(rows=1 + count, cols=3)
    table.style = "Table Grid"
    for c, text in enumerate(("NHÓM CHỈ TIÊU", "CHỈ SỐ", "ĐIỂM ĐÁNH GIÁ")):
        set_cell(table.cell(0, c), [text])
    indicators: list[dict] = []
    r = 1
    for g, (group, items) in enumerate(groups, start=1):
        top = r
        indicators.append(_score_sheet_row(str(g), None, group, ""))
        for i, (name, score) in enumerate(items, start=1):
            set_cell(table.cell(r, 1), [name])
            set_cell(table.cell(r, 2), [score])
            indicators.append(_score_sheet_row(f"{g}.{i}", str(g), name, score))
            r += 1
        set_cell(table.cell(top, 0), [group])
        if r - 1 > top:
            table.cell(top, 0).merge(table.cell(r - 1, 0))
    save(document, path)
    return path, {"records": [], "indicators": indicators, "flags": []}


def _score_sheet_row(key: str, parent: str | None, name: str, value: str) -> dict:
    from appendixparse.text.values import read_value

    return {
        "id": key,
        "form": None,
        "form_title": None,
        "stt": "",
        "parent": parent,
        "name": name,
        "unit": None if parent is None else "điểm",
        "value": read_value(value),
        "value_raw": value,
        "maximum": None,
        "columns": {},
        "notes": "",
    }


def write_pdf(doc: Document, path: Path) -> Path:
    """Ruled tables drawn by reportlab (platypus), the two-row header spanned as in DOCX."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from .pdf_samples import _fonts

    regular, bold = _fonts()
    style = ParagraphStyle("cell", fontName=regular, fontSize=9, leading=11)
    head = ParagraphStyle("head", fontName=bold, fontSize=9, leading=11)
    text = ParagraphStyle("text", fontName=regular, fontSize=11, leading=14)
    story: list = [Paragraph(line, text) for line in TITLE]
    widths = [45, 290, 70, 70, 70, 150] if doc.kind == "scoring" else [40, 330, 90, 90, 150]
    for form in doc.forms:
        if form.number:
            story += [Paragraph(f"Biểu mẫu {form.number}", text), Paragraph(form.title, text)]
        for body in _table_rows(doc, form):
            header = _header(doc)
            data = [[Paragraph(c.replace("\n", "<br/>"), head) for c in r] for r in header]
            data += [[Paragraph(c, style) for c in r] for r in body]
            commands = [
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
            if len(header) == 2:
                commands += [("SPAN", (c, 0), (c, 1)) for c in (0, 1, 4)]
                commands += [("SPAN", (2, 0), (3, 0))]
            story += [Table(data, colWidths=widths, style=TableStyle(commands)), Spacer(1, 12)]
    pdf = SimpleDocTemplate(str(path), pagesize=landscape(A4), invariant=1)
    pdf.build(story)
    return path


def write_xlsx(doc: Document, path: Path) -> Path:
    """One sheet per form: the form line and title above the table, merged two-row header."""
    from openpyxl import Workbook

    from .xlsx_samples import save as save_workbook

    book = Workbook()
    book.remove(book.active)
    for index, form in enumerate(doc.forms):
        sheet = book.create_sheet(f"Biểu mẫu {form.number}" if form.number else "Bảng điểm")
        lines = list(TITLE) if index == 0 else []
        if form.number:
            lines += [f"Biểu mẫu {form.number}", form.title]
        header = _header(doc)
        bodies = _table_rows(doc, form)
        rows: list[list[str]] = [[line] for line in lines] + [[]] + header
        rows += [cells for body in bodies for cells in body]
        for r, cells in enumerate(rows, start=1):
            for c, text in enumerate(cells, start=1):
                if text:
                    sheet.cell(row=r, column=c, value=text.replace("\n", " "))
        top = len(lines) + 2
        if len(header) == 2:
            for c in (1, 2, 5):
                sheet.merge_cells(start_row=top, start_column=c, end_row=top + 1, end_column=c)
            sheet.merge_cells(start_row=top, start_column=3, end_row=top, end_column=4)
    return save_workbook(book, path)


def documents() -> list[Document]:
    return [province_forms(), scoring()]


def make(samples_dir: Path) -> list[tuple[Path, dict]]:
    made: list[tuple[Path, dict]] = []
    for doc in documents():
        want = expected(doc)
        made.append((write_docx(doc, samples_dir / f"{doc.name}.docx"), want))
        made.append((write_pdf(doc, samples_dir / f"{doc.name}.pdf"), want))
        made.append((write_xlsx(doc, samples_dir / f"{doc.name}.xlsx"), want))
    made.append(write_score_sheet(samples_dir / "indicators-score-sheet.docx"))
    return made
