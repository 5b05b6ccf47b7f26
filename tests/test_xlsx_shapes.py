"""Workbooks in the shapes other units send: one sheet per section, a summary sheet first."""

from __future__ import annotations

import io

import openpyxl

import appendixparse

HEADER = ["STT", "Các mục tiêu cụ thể", "Đánh giá mức độ hoàn thành", "Thực trạng/Giải pháp"]
SECTIONS = {
    "I": ("CẢI CÁCH THỂ CHẾ", [[1, "100% văn bản", "Đã thực hiện", "Đạt 100%"]]),
    "II": (
        "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
        [[1, "Tỷ lệ hồ sơ trực tuyến 50%", "Đang thực hiện", "Đạt 41%"],
         [2, "Giảm 20% thời gian", "Chưa thực hiện", ""]],
    ),
}  # fmt: skip
EXPECTED = [("I.1", "completed"), ("II.1", "in_progress"), ("II.2", "not_started")]


def saved(wb: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def write_sections(ws: object, numerals: list[str]) -> None:
    for numeral in numerals:
        title, rows = SECTIONS[numeral]
        ws.append([numeral, title])  # type: ignore[attr-defined]
        for row in rows:
            ws.append(row)  # type: ignore[attr-defined]


def test_one_sheet_per_section_each_repeating_the_header() -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for numeral in SECTIONS:
        ws = wb.create_sheet(f"Phần {numeral}")
        ws.append([f"Phần {numeral}"])  # a title row above each sheet's table
        ws.append([])
        ws.append(HEADER)
        write_sections(ws, [numeral])
    report = appendixparse.parse(saved(wb))
    assert [(r.id, r.status) for r in report.records] == EXPECTED
    assert report.records[1].location.model_dump() == {"sheet": "Phần II", "row": 5}
    assert [s.numeral for s in report.sections] == ["I", "II"]


def test_a_later_sheet_with_another_table_is_not_read_as_targets() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    write_sections(ws, ["I", "II"])
    notes = wb.create_sheet("Ghi chú")
    notes.append(["STT", "Nội dung ghi chú", "Kết quả", "Ghi chú"])
    notes.append([1, "Số liệu tạm tính", "Đạt", ""])
    report = appendixparse.parse(saved(wb))
    assert [(r.id, r.status) for r in report.records] == EXPECTED


def test_summary_sheet_of_counts_before_the_appendix_sheet() -> None:
    wb = openpyxl.Workbook()
    summary = wb.active
    summary.title = "Tổng hợp"
    summary.append(["STT", "Nội dung", "Số chỉ tiêu", "Kết quả"])
    summary.append([1, "Tổng số chỉ tiêu", 3, None])
    summary.append([2, "Đã hoàn thành", 1, None])
    summary.append([3, "Đang thực hiện", 1, None])
    ws = wb.create_sheet("Phụ lục")
    ws.append(HEADER)
    write_sections(ws, ["I", "II"])
    report = appendixparse.parse(saved(wb))
    assert [(r.id, r.status) for r in report.records] == EXPECTED
    assert report.records[0].location.model_dump() == {"sheet": "Phụ lục", "row": 3}


def test_summary_table_above_the_appendix_in_a_text_file() -> None:
    lines = ["TT\tNội dung\tKết quả", "1\tTổng số chỉ tiêu\t3", "2\tĐã hoàn thành\t1", "Phụ lục"]
    lines += ["\t".join(HEADER), "I\tCẢI CÁCH THỂ CHẾ\t\t", "1\t100% văn bản\tĐã thực hiện\tx"]
    report = appendixparse.parse("\n".join(lines).encode())
    assert [(r.id, r.status) for r in report.records] == [("I.1", "completed")]


def test_repeated_header_part_with_statuses_does_not_replace_the_first_part() -> None:
    # Page 1's rows state statuses not in the list; page 2 repeats the header: still one table.
    lines = ["\t".join(HEADER), "1\tA\tTốt\tx", "Trang 2"]
    lines += ["\t".join(HEADER), "2\tB\tĐã thực hiện\ty", "3\tC\tĐã thực hiện\tz"]
    report = appendixparse.parse("\n".join(lines).encode())
    assert [(r.id, r.status) for r in report.records] == [
        ("1", "unknown"), ("2", "completed"), ("3", "completed"),
    ]  # fmt: skip


TICKS = ["Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện"]


def test_status_ticked_in_one_column_per_status() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Mục tiêu", "Đánh giá mức độ hoàn thành", None, None, "Thực trạng"])
    ws.append([None, None, *TICKS, None])
    for cells in ("A1:A2", "B1:B2", "C1:E1", "F1:F2"):
        ws.merge_cells(cells)
    ws.append(["I", "CẢI CÁCH THỂ CHẾ"])
    ws.append([1, "A", "x", None, None, "n1"])
    ws.append([2, "B", None, "X", None, "n2"])
    ws.append([3, "C", None, None, "✓", "n3"])
    ws.append([4, "D", "x", "x", None, "n4"])  # two ticks: the form does not say
    ws.append([5, "E", "-", None, None, "n5"])  # a dash is no tick
    report = appendixparse.parse(saved(wb))
    assert [(r.id, r.status, r.status_raw) for r in report.records] == [
        ("I.1", "completed", "Đã hoàn thành"),
        ("I.2", "in_progress", "Đang thực hiện"),
        ("I.3", "not_started", "Chưa thực hiện"),
        ("I.4", "unknown", "Đã hoàn thành; Đang thực hiện"),
        ("I.5", "unknown", ""),
    ]
    assert ("unknown_status", "I.4") in {(f.code, f.record) for f in report.flags}
    assert ("missing_status", "I.5") in {(f.code, f.record) for f in report.flags}
    assert report.records[1].extra == {"Đang thực hiện": "X"}
    assert report.records[0].notes == "n1"


def test_status_ticked_in_a_text_table_with_a_two_row_header() -> None:
    lines = [
        "STT\tMục tiêu\tĐánh giá\t\tKết quả",
        "\t\tĐạt\tChưa đạt\t",
        "1\tA\tx\t\tn1",
        "2\tB\t\tx\tn2",
    ]
    report = appendixparse.parse("\n".join(lines).encode())
    assert [(r.id, r.status, r.notes) for r in report.records] == [
        ("1", "completed", "n1"),
        ("2", "in_progress", "n2"),
    ]
