"""Word habits the samples do not cover, each in a document built here: layout frames, lists."""

from __future__ import annotations

import datetime as dt

import appendixparse
from appendixparse.readers.docx import read_docx
from test_docx import make_docx, p, tbl, tc, tr

HEADER = ("STT", "Mục tiêu", "Đánh giá mức độ hoàn thành", "Thực trạng/Giải pháp")
TARGETS = [("1", "Mục tiêu A", "Đã hoàn thành", "Đạt 100%"),
           ("2", "Mục tiêu B", "Đang thực hiện", "Đạt 50%")]  # fmt: skip
TITLE = ("Phụ lục", "KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU")
PERIOD = "(Số liệu đánh giá tính từ 15/11/2021 đến 14/10/2023)"


def span(columns: int) -> str:
    return f'<w:gridSpan w:val="{columns}"/>'


def assessment_table() -> str:
    rows = [tr(*(tc(p(h)) for h in HEADER)), tr(tc(p("I")), tc(p("CẢI CÁCH THỂ CHẾ"), span(3)))]
    rows += [tr(*(tc(p(v)) for v in target)) for target in TARGETS]
    return tbl(*rows, columns=4)


def title_block() -> str:
    return "".join(p(t) for t in TITLE) + p(PERIOD)


def assert_targets(report: appendixparse.Report) -> None:
    assert [(r.id, r.target, r.status_raw, r.notes) for r in report.records] == [
        (f"I.{stt}", target, status, notes) for stt, target, status, notes in TARGETS
    ]


# --- layout frames ----------------------------------------------------------------------------


def test_table_in_a_one_column_frame_is_the_documents_table() -> None:
    frame = tbl(tr(tc(title_block() + assessment_table() + "<w:p/>")), columns=1)
    report = appendixparse.parse(make_docx(p("UBND HUYỆN GIO LINH") + frame))
    assert_targets(report)
    assert report.title == " / ".join(TITLE)
    assert report.period is not None and report.period.end == dt.date(2023, 10, 14)
    assert report.unit == "UBND huyện Gio Linh"


def test_frame_rows_around_a_header_table_keep_their_tables() -> None:
    frame = tbl(
        tr(tc(p("UBND XÃ CAM HIẾU")), tc(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))),
        tr(tc(title_block() + assessment_table() + "<w:p/>", span(2))),
        tr(tc(p("Nơi nhận:")), tc(p("CHỦ TỊCH"))),
        columns=2,
    )
    grid = read_docx(make_docx(frame), "t.docx")
    assert [len(t.rows) for t in grid.tables] == [1, 2 + len(TARGETS), 1]
    assert grid.tables[0].rows[0].cells[0] == "UBND XÃ CAM HIẾU"
    report = appendixparse.parse(make_docx(frame))
    assert_targets(report)
    assert report.unit == "UBND xã Cam Hiếu"


# --- list numbering ---------------------------------------------------------------------------

DECIMAL_LIST = (
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
)


def numbered(num_id: int) -> str:
    return tc(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
              "</w:pPr></w:p>")  # fmt: skip


def test_lists_over_one_abstract_list_count_on_until_restarted() -> None:
    # Word counts per abstract list: numId 2 continues numId 1's 1, 2 with 3; numId 3 restarts
    # at 1 ("Restart at 1"), and numId 1 then continues that sequence.
    sections = [("I", [(1, "A"), (1, "B"), (2, "C")]), ("II", [(3, "D"), (3, "E"), (1, "F")])]
    rows = [tr(*(tc(p(h)) for h in HEADER))]
    for numeral, targets in sections:
        rows.append(tr(tc(p(numeral)), tc(p(f"PHẦN {numeral}"), span(3))))
        rows += [tr(numbered(num), tc(p(t)), tc(p("Đạt")), tc(p("x"))) for num, t in targets]
    report = appendixparse.parse(make_docx(tbl(*rows, columns=4), numbering=DECIMAL_LIST))
    assert [(r.id, r.target) for r in report.records] == [
        ("I.1", "A"), ("I.2", "B"), ("I.3", "C"), ("II.1", "D"), ("II.2", "E"), ("II.3", "F"),
    ]  # fmt: skip
    assert not [f for f in report.flags if f.code == "duplicate_id"]


# --- the preamble -----------------------------------------------------------------------------


def soft_broken(*parts: str) -> str:
    """One paragraph whose parts are separated by typed line breaks (Shift+Enter)."""
    runs = "<w:br/>".join(f'<w:t xml:space="preserve">{t}</w:t>' for t in parts)
    return f"<w:p><w:r>{runs}</w:r></w:p>"


def test_period_sentence_broken_by_a_line_break() -> None:
    preamble = p("Phụ lục") + soft_broken("(Số liệu đánh giá tính từ", "15/11/2021 đến 14/10/2023)")
    report = appendixparse.parse(make_docx(preamble + assessment_table()))
    assert report.period is not None
    assert (report.period.start, report.period.end) == (
        dt.date(2021, 11, 15),
        dt.date(2023, 10, 14),
    )
    assert report.title == "Phụ lục"


def test_summary_in_a_table_of_one_row_per_count() -> None:
    counts = [("1", "Tổng số chỉ tiêu", "3"), ("2", "Số chỉ tiêu đã hoàn thành", "1"),
              ("3", "Số chỉ tiêu đang thực hiện", "2")]  # fmt: skip
    summary = tbl(*(tr(*(tc(p(c)) for c in row)) for row in counts), columns=3)
    report = appendixparse.parse(make_docx(title_block() + summary + assessment_table()))
    assert report.summary is not None
    assert (report.summary.total, report.summary.completed, report.summary.in_progress) == (3, 1, 2)
    assert report.summary.not_started is None


def test_summary_in_a_table_of_labels_over_counts() -> None:
    labels = ("Tổng số chỉ tiêu", "Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện")
    summary = tbl(tr(*(tc(p(t)) for t in labels)), tr(*(tc(p(c)) for c in "4121")), columns=4)
    report = appendixparse.parse(make_docx(title_block() + summary + assessment_table()))
    assert report.summary is not None
    assert report.summary.model_dump() == {
        "total": 4, "completed": 1, "in_progress": 2, "not_started": 1,
    }  # fmt: skip


# --- runs -------------------------------------------------------------------------------------

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def test_alternate_content_symbols_and_equations_keep_their_text() -> None:
    alternate = (
        f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="w14">{{}}</mc:Choice>'
        "<mc:Fallback>{{}}</mc:Fallback></mc:AlternateContent>"
    )
    status = "<w:p>" + alternate.replace("{}", "<w:r><w:t>Đã hoàn thành</w:t></w:r>") + "</w:p>"
    symbols = (
        '<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> tỷ lệ </w:t>'
        '<w:sym w:font="Symbol" w:char="F0B3"/><w:t xml:space="preserve"> 80%</w:t>'
        '<w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="Webdings" w:char="F021"/></w:r>'
        "</w:p>"
    )
    equation = (
        '<w:p><w:r><w:t xml:space="preserve">Đạt </w:t></w:r>'
        f'<m:oMath xmlns:m="{MATH}"><m:f><m:num><m:r><m:t>111</m:t></m:r></m:num>'
        "<m:den><m:r><m:t>238</m:t></m:r></m:den></m:f></m:oMath></w:p>"
    )
    table = tbl(
        tr(*(tc(p(h)) for h in HEADER)),
        tr(tc(p("1")), tc(p("Mục tiêu A")), tc(status), tc(symbols + equation)),
        columns=4,
    )
    grid = read_docx(make_docx(table), "t.docx")
    assert grid.tables[0].rows[1].cells[2:] == ["Đã hoàn thành", "• tỷ lệ ≥ 80%✓\nĐạt 111/238"]
    report = appendixparse.parse(make_docx(table))
    assert report.records[0].status == "completed"


def test_hidden_text_is_left_out() -> None:
    def run(text: str, props: str = "") -> str:
        return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'

    hidden = "<w:p>" + run("Đang thực hiện ", "<w:vanish/>") + run("Đã hoàn thành") + "</w:p>"
    shown = "<w:p>" + run("Chưa thực hiện", '<w:vanish w:val="0"/>') + "</w:p>"
    table = tbl(
        tr(*(tc(p(h)) for h in HEADER)),
        tr(tc(p("1")), tc(p("Mục tiêu A")), tc(hidden), tc(p("x"))),
        tr(tc(p("2")), tc(p("Mục tiêu B")), tc(shown), tc(p("y"))),
        columns=4,
    )
    report = appendixparse.parse(make_docx(table))
    assert [(r.status_raw, r.status) for r in report.records] == [
        ("Đã hoàn thành", "completed"),
        ("Chưa thực hiện", "not_started"),
    ]


# --- statuses ticked under status-phrase columns ----------------------------------------------


def test_status_ticked_in_columns_under_a_merged_header() -> None:
    # "Mức độ hoàn thành" over "Hoàn thành | Đang thực hiện | Chưa thực hiện", an "x" in one:
    # the notes column was taken for the status column ("Đạt 50%" read as completed).
    choices = ("Hoàn thành", "Đang thực hiện", "Chưa thực hiện")
    vmerge_start, vmerge = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    header = tr(
        tc(p("STT"), vmerge_start),
        tc(p("Nội dung"), vmerge_start),
        tc(p("Mức độ hoàn thành"), span(3)),
        tc(p("Kết quả thực hiện"), vmerge_start),
    )
    lower = tr(
        tc(p(""), vmerge), tc(p(""), vmerge), *(tc(p(c)) for c in choices), tc(p(""), vmerge)
    )
    targets = [  # STT, target, the three status cells, notes
        ("1", "Mục tiêu A", ("x", "", ""), "Đạt 100%"),
        ("2", "Mục tiêu B", ("", "X", ""), "Đạt 50%"),
        ("3", "Mục tiêu C", ("", "", "✓"), ""),
        ("4", "Mục tiêu D", ("x", "x", ""), ""),
    ]
    rows = [header, lower, tr(tc(p("I")), tc(p("CẢI CÁCH THỂ CHẾ"), span(5)))]
    for stt, target, marks, notes in targets:
        rows.append(tr(tc(p(stt)), tc(p(target)), *(tc(p(m)) for m in marks), tc(p(notes))))
    report = appendixparse.parse(make_docx(title_block() + tbl(*rows, columns=6)))
    assert [(r.id, r.status_raw, r.status, r.notes, r.extra) for r in report.records] == [
        ("I.1", "Hoàn thành", "completed", "Đạt 100%", {"Hoàn thành": "x"}),
        ("I.2", "Đang thực hiện", "in_progress", "Đạt 50%", {"Đang thực hiện": "X"}),
        ("I.3", "Chưa thực hiện", "not_started", "", {"Chưa thực hiện": "✓"}),
        ("I.4", "Hoàn thành; Đang thực hiện", "unknown", "", {c: "x" for c in choices[:2]}),
    ]
    assert ("unknown_status", "I.4") in {(f.code, f.record) for f in report.flags}
