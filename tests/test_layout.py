"""Layout on hand-made grids: header roles, two-row headers, column numbers, split tables."""

from __future__ import annotations

import pytest

from appendixparse.errors import NoAssessmentTableError
from appendixparse.grid import Grid, Paragraph, Row, Table
from appendixparse.models import Location
from appendixparse.table.layout import find_layout, header_role, is_column_numbers
from appendixparse.table.records import build_records

HEADER_ROLES = [
    ("STT", "stt"),
    ("Số TT", "stt"),
    ("TT", "stt"),
    ("Các mục tiêu cụ thể đến năm 2025", "target"),
    ("Nội dung", "target"),
    ("Chỉ tiêu", "target"),
    ("Đánh giá mức độ hoàn thành đến 14/10/2023 (Đã hoàn thành, Đang thực hiện)", "status"),
    ("Mức độ hoàn thành", "status"),
    ("Thực trạng/Giải pháp (Nêu rõ kết quả đạt được… hoàn thành mục tiêu)", "notes"),
    ("Kết quả thực hiện", "notes"),
    ("Giải pháp", "notes"),
    ("Ghi chú", "extra"),
    ("Đơn vị chủ trì", "extra"),
    ("TTHC", None),
    ("", None),
    ("MỤC TIÊU", "target"),
    ("ĐÁNH GIÁ", "status"),
    ("mu\u0323c tie\u0302u", "target"),  # NFD
]


@pytest.mark.parametrize(("text", "role"), HEADER_ROLES)
def test_header_role(text: str, role: str | None) -> None:
    assert header_role(text) == role


def test_column_numbers_row() -> None:
    assert is_column_numbers(["(1)", "(2)", "(3)", "(4)"])
    assert is_column_numbers(["1", "2", "3", "4=2/3"])
    assert not is_column_numbers(["1", "100% hồ sơ", "Đạt", ""])


def _table(rows: list[list[str]], index: int = 1) -> Table:
    return Table(
        rows=[Row(cells=r, location=Location(table=index, row=i + 1)) for i, r in enumerate(rows)],
        index=index,
    )


def _records(*blocks: Paragraph | Table):
    layout = find_layout(Grid(blocks=list(blocks), format="test"), "test")
    return layout, build_records(layout)


_TICKED = ["Nội dung tiêu chí", "Đạt", "Không đạt", "Kết quả đạt được"]  # no STT column


def _two_parts(first: list[list[str]], second: list[list[str]], header: list[str] = _TICKED):
    """The records of a table a page break cut in two, its header repeated atop each part."""
    return _records(_table([header, *first], index=1), _table([header, *second], index=2))[1]


def test_two_row_header_lower_row_decides_and_notes_columns_join() -> None:
    table = _table([
        ["STT", "Mục tiêu", "Đánh giá", "Thực trạng/Giải pháp", "", "Ghi chú"],
        ["", "", "", "Kết quả", "Giải pháp", ""],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["I", "CẢI CÁCH THỂ CHẾ", "", "", "", ""],
        ["1", "100% văn bản", "Đã hoàn thành", "Đạt 100%", "Duy trì", "Sở Tư pháp"],
    ])  # fmt: skip
    layout, built = _records(table)
    assert [c.role for c in layout.columns] == [
        "stt",
        "target",
        "status",
        "notes",
        "notes",
        "extra",
    ]
    (record,) = built.records
    assert record.notes == "Đạt 100% Duy trì"
    assert record.extra == {"Ghi chú": "Sở Tư pháp"}
    assert record.status == "completed"


def test_columns_in_any_order_status_last() -> None:
    table = _table([
        ["Nội dung", "TT", "Kết quả thực hiện", "Tiến độ"],
        ["100% hồ sơ", "1", "đạt 99%", "Đang thực hiện"],
        ["Rà soát TTHC", "2", "xong", "Hoàn thành"],
    ])  # fmt: skip
    layout, built = _records(table)
    assert [c.role for c in layout.columns] == ["target", "stt", "notes", "status"]
    assert [(r.id, r.status) for r in built.records] == [("1", "in_progress"), ("2", "completed")]


def test_weak_status_header_without_status_words_is_notes() -> None:
    table = _table([
        ["STT", "Chỉ tiêu", "Tình hình thực hiện", "Đánh giá"],
        ["1", "A", "đã triển khai nhiều văn bản", "Đạt"],
    ])  # fmt: skip
    layout, built = _records(table)
    assert [c.role for c in layout.columns] == ["stt", "target", "notes", "status"]
    assert built.records[0].status == "completed"


def test_table_split_in_two_with_repeated_header_and_paragraph_between() -> None:
    header = ["STT", "Mục tiêu", "Đánh giá", "Kết quả"]
    first = _table([header, ["I", "THỂ CHẾ", "", ""], ["1", "A", "Đạt", "x"]], 2)
    second = _table([header, ["2", "B", "Chưa đạt", "y"], ["", "B tiếp", "", "y2"]], 3)
    motto = _table([["UBND HUYỆN GIO LINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]], 1)
    signature = _table([["Nơi nhận:", "TM. UBND"]], 4)
    layout, built = _records(
        motto, Paragraph("Phụ lục"), first, Paragraph("Trang 2"), second, signature
    )
    assert [r.id for r in built.records] == ["I.1", "I.2"]
    assert built.records[1].target == "B B tiếp"
    assert built.records[1].notes == "y y2"
    assert [u.text for u in layout.unparsed] == ["Trang 2"]
    assert layout.preamble[0].text == "UBND HUYỆN GIO LINH"


def test_part_without_header_but_one_column_wider_continues_the_table() -> None:
    # A part after a page break with a stray extra column was taken for another table: its
    # targets were dropped without a word in unparsed.
    first = _table([["STT", "Mục tiêu", "Đánh giá", "Kết quả"], ["1", "A", "Đạt", "x"]], 1)
    second = _table([["2", "B", "Chưa đạt", "y", ""], ["3", "C", "Đạt", "z", "lạc cột"]], 2)
    layout, built = _records(first, second)
    assert [(r.id, r.target, r.notes) for r in built.records] == [
        ("1", "A", "x"),
        ("2", "B", "y"),
        ("3", "C", "z"),
    ]
    assert [(u.text, u.reason) for u in layout.unparsed] == [
        ("lạc cột", "cell outside the table's columns")
    ]


def test_other_tables_after_the_assessment_table_are_left_alone() -> None:
    first = _table([["STT", "Mục tiêu", "Đánh giá", "Kết quả"], ["1", "A", "Đạt", "x"]], 1)
    wider = _table([["", "Nơi nhận:", "", "TM. ỦY BAN NHÂN DÂN", ""]], 2)
    narrower = _table([["1", "Văn bản kèm theo"]], 3)
    for after in (wider, narrower):
        layout, built = _records(first, after)
        assert [r.id for r in built.records] == ["1"]
        assert layout.unparsed == []


def test_columns_headed_by_status_phrases_are_ticked_choices() -> None:
    table = _table([
        ["STT", "Mục tiêu", "Đánh giá", "", "Kết quả"],
        ["", "", "Đã hoàn thành", "Chưa hoàn thành", ""],
        ["1", "A", "✓", "", "đạt 100%"],
        ["2", "B", "", "x", "Đạt 40%"],
        ["3", "C", "", "", ""],
        ["4", "D", "-", "0", ""],
    ])  # fmt: skip
    layout, built = _records(table)
    assert [c.role for c in layout.columns] == ["stt", "target", "choice", "choice", "notes"]
    assert [(r.status_raw, r.status) for r in built.records] == [
        ("Đã hoàn thành", "completed"),
        ("Chưa hoàn thành", "in_progress"),
        ("", "unknown"),
        ("", "unknown"),  # a dash and a nought tick nothing
    ]


def test_one_column_headed_by_a_status_phrase_is_no_choice() -> None:
    table = _table([["STT", "Mục tiêu", "Hoàn thành", "Kết quả"], ["1", "A", "Đạt", "x"]])
    layout, built = _records(table)
    assert "choice" not in [c.role for c in layout.columns]
    assert built.records[0].status == "completed"


def test_stt_header_over_two_columns_numerals_in_one_numbers_in_the_other() -> None:
    # Every target row went to unparsed and the section titles were lost.
    table = _table([
        ["STT", "", "Nội dung", "Đánh giá", "Kết quả"],
        ["I", "CẢI CÁCH THỂ CHẾ", "", "", ""],
        ["", "1", "A", "Đã hoàn thành", "đạt 100%"],
        ["", "2", "B", "Đang thực hiện", "đạt 50%"],
        ["", "", "B tiếp", "", "còn lại"],
        ["II", "CẢI CÁCH TTHC", "", "", ""],
        ["", "1", "C", "Đã hoàn thành", ""],
    ])  # fmt: skip
    layout, built = _records(table)
    assert [c.role for c in layout.columns][:2] == ["stt", "stt"]
    assert [(s.numeral, s.title) for s in built.sections] == [
        ("I", "CẢI CÁCH THỂ CHẾ"),
        ("II", "CẢI CÁCH TTHC"),
    ]
    assert [(r.id, r.stt, r.target, r.notes) for r in built.records] == [
        ("I.1", "1", "A", "đạt 100%"),
        ("I.2", "2", "B B tiếp", "đạt 50% còn lại"),
        ("II.1", "1", "C", ""),
    ]
    assert built.unparsed == [] and layout.unparsed == []


def test_unnamed_column_of_text_beside_the_stt_stays_extra() -> None:
    table = _table([
        ["STT", "", "Nội dung", "Đánh giá", "Kết quả"],
        ["1", "Lĩnh vực nội vụ", "A", "Đã hoàn thành", ""],
        ["2", "Lĩnh vực tư pháp", "B", "Đang thực hiện", ""],
    ])  # fmt: skip
    layout, built = _records(table)
    assert [c.role for c in layout.columns][:2] == ["stt", "extra"]
    assert [r.extra for r in built.records] == [
        {"Cột 2": "Lĩnh vực nội vụ"},
        {"Cột 2": "Lĩnh vực tư pháp"},
    ]


def test_table_without_stt_column_takes_numbers_from_the_targets() -> None:
    # "Nội dung | Tiến độ | Kết quả": every row went to unparsed.
    table = _table([
        ["Nội dung", "Tiến độ", "Kết quả"],
        ["I. CẢI CÁCH THỂ CHẾ", "", ""],
        ["1. Ban hành văn bản", "Đã hoàn thành", "đạt 100%"],
        ["2. Kiểm tra văn bản", "Đang thực hiện", "đạt 50%"],
        ["", "", "còn lại"],
        ["II. CẢI CÁCH TTHC", "", ""],
        ["Rà soát TTHC", "Đã hoàn thành", ""],
        ["Công khai TTHC", "Chưa thực hiện", ""],
    ])  # fmt: skip
    _, built = _records(table)
    assert [(s.numeral, s.title) for s in built.sections] == [
        ("I", "CẢI CÁCH THỂ CHẾ"),
        ("II", "CẢI CÁCH TTHC"),
    ]
    assert [(r.id, r.stt, r.target, r.status, r.notes) for r in built.records] == [
        ("I.1", "1", "Ban hành văn bản", "completed", "đạt 100%"),
        ("I.2", "2", "Kiểm tra văn bản", "in_progress", "đạt 50% còn lại"),
        ("II.1", "1", "Rà soát TTHC", "completed", ""),  # unnumbered: by place
        ("II.2", "2", "Công khai TTHC", "not_started", ""),
    ]
    assert built.unparsed == []


def test_continuation_marker_between_table_parts_is_page_furniture() -> None:
    header = ["STT", "Mục tiêu", "Đánh giá", "Kết quả"]
    first = _table([header, ["1", "A", "Đạt", "x"]], 1)
    second = _table([header, ["2", "B", "Chưa đạt", "y"]], 2)
    for marker in ("(Tiếp theo)", "Tiếp theo:", "(tiếp theo trang trước)"):
        layout, built = _records(first, Paragraph(marker), second)
        assert [r.id for r in built.records] == ["1", "2"]
        assert layout.unparsed == [], marker
    layout, _ = _records(first, Paragraph("Ghi chú: số liệu tạm tính"), second)
    assert [u.text for u in layout.unparsed] == ["Ghi chú: số liệu tạm tính"]


def test_parts_lettered_in_capitals_are_sections() -> None:
    # Sections lettered A, B: not read as sections, so ids repeated ("1", "2", "1" …).
    table = _table([
        ["STT", "Mục tiêu", "Đánh giá", "Kết quả"],
        ["A", "CẢI CÁCH THỂ CHẾ", "", ""],
        ["1", "Ban hành văn bản", "Đã hoàn thành", ""],
        ["B.", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", ""],
        ["1", "Rà soát TTHC", "Đang thực hiện", ""],
        ["a)", "Công khai TTHC", "Đã hoàn thành", ""],
    ])  # fmt: skip
    _, built = _records(table)
    assert [(s.numeral, s.title) for s in built.sections] == [
        ("A", "CẢI CÁCH THỂ CHẾ"),
        ("B", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
    ]
    assert [r.id for r in built.records] == ["A.1", "B.1", "B.1.a"]


def test_sub_items_and_merged_section_row() -> None:
    table = _table([
        ["STT", "Mục tiêu", "Đánh giá", "Kết quả"],
        ["II. CẢI CÁCH TTHC", "", "", ""],
        ["1", "Nhóm chỉ tiêu", "", ""],
        ["1.1", "A", "Đạt", ""],
        ["a)", "B", "Chưa đạt", ""],
        ["Tổng cộng", "", "", ""],
    ])  # fmt: skip
    _, built = _records(table)
    # "1 | Nhóm chỉ tiêu" is a group row (a title, no status, 1.1 under it): no record (#14).
    assert [r.id for r in built.records] == ["II.1.1", "II.1.a"]
    assert built.sections[0].title == "CẢI CÁCH TTHC"
    assert [u.text for u in built.unparsed] == ["Tổng cộng"]


def test_no_assessment_table_names_the_tables_found() -> None:
    grid = Grid(blocks=[_table([["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"]])], format="test")
    with pytest.raises(NoAssessmentTableError, match=r"table 1: STT \| Chỉ tiêu"):
        find_layout(grid, "x.docx")


def test_stt_and_target_merged_down_make_one_record() -> None:
    table = _table([
        ["STT", "Mục tiêu", "Đánh giá", "Kết quả"],
        ["1", "100% hồ sơ", "Đạt", "Năm 2022: 100%"],
        ["1", "100% hồ sơ", "Đạt", "Năm 2023: 100%"],
        ["2", "B", "Chưa đạt", "x"],
    ])  # fmt: skip
    _, built = _records(table)
    assert [r.id for r in built.records] == ["1", "2"]
    assert built.records[0].notes == "Năm 2022: 100% Năm 2023: 100%"
    assert built.records[0].status_raw == "Đạt"


def test_inline_numbered_row_broken_over_two_table_parts_goes_on() -> None:
    # No STT column: the targets open with their numbers; the part after a page break opens
    # with the rest of target 2, which is no target 3 (composed LibreOffice PDF seed 1209).
    built = _two_parts([
        ["Phần I. CẢI CÁCH THỂ CHẾ", "", "", ""],
        ["1. Ban hành văn bản", "X", "", "Đã ban hành 12 văn bản"],
        ["2. Nâng cao chất", "", "X", "- Kết quả: Đã thực"],
    ], [
        ["lượng đội ngũ cán bộ", "", "", "hiện 60 lớp tập huấn"],
        ["3. Số hóa hồ sơ", "X", "", "Đạt 80%"],
    ])  # fmt: skip
    assert [r.id for r in built.records] == ["I.1", "I.2", "I.3"]
    assert built.records[1].target == "Nâng cao chất lượng đội ngũ cán bộ"
    assert built.records[1].notes == "- Kết quả: Đã thực hiện 60 lớp tập huấn"


def test_inline_numbered_row_whose_rest_comes_as_two_rows_goes_on() -> None:
    # The rest of a row the page break cut may come as several rows atop the next part (its
    # notes' last line, then its target's): all go on until a numbered row (composed
    # LibreOffice PDF seed 261 read "D.7.b" for "D.2.b").
    built = _two_parts([
        ["I. CẢI CÁCH THỂ CHẾ", "", "", ""],
        ["1. Ban hành văn bản", "X", "", "Đã ban hành 12 văn bản"],
        ["a) Đổi mới phương thức làm việc của cơ quan hành", "X", "", "Đã họp 19 cuộc, đã"],
    ], [
        ["", "", "", "triển khai."],
        ["chính nhà nước", "", "", ""],
        ["b) Số hóa hồ sơ", "X", "", "Đạt 80%"],
    ])  # fmt: skip
    assert [r.id for r in built.records] == ["I.1", "I.1.a", "I.1.b"]
    assert built.records[1].target == "Đổi mới phương thức làm việc của cơ quan hành chính nhà nước"
    assert built.records[1].notes == "Đã họp 19 cuộc, đã triển khai."


def test_section_row_without_stt_column_broken_over_two_parts_keeps_its_title() -> None:
    # No STT column: the rest of a section's title atop the next part is no target (composed
    # LibreOffice PDF seed 201 read a section "CẢI CÁCH CHẾ" and a target "ĐỘ CÔNG VỤ").
    built = _two_parts([
        ["I. CẢI CÁCH THỂ CHẾ", "", "", ""],
        ["1. Ban hành văn bản", "X", "", "Đã ban hành 12 văn bản"],
        ["II. CẢI CÁCH CHẾ", "", "", ""],
    ], [
        ["ĐỘ CÔNG VỤ", "", "", ""],
        ["1. Tuyển dụng công chức", "X", "", "Đạt 100%"],
    ])  # fmt: skip
    assert [r.id for r in built.records] == ["I.1", "II.1"]
    assert [s.title for s in built.sections] == ["CẢI CÁCH THỂ CHẾ", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ"]
    assert built.records[1].target == "Tuyển dụng công chức"


def test_unnumbered_targets_numbered_by_their_place() -> None:
    # Targets that never open with a number are counted, across table parts too.
    header = ["Nội dung", "Đánh giá", "Kết quả thực hiện"]
    first = _table([header, ["Ban hành văn bản", "Đạt", "Đã ban hành"]], index=1)
    second = _table([header, ["Số hóa hồ sơ", "Đạt", "Đạt 80%"]], index=2)
    _, built = _records(first, second)
    assert [r.target for r in built.records] == ["Ban hành văn bản", "Số hóa hồ sơ"]


def test_section_row_broken_over_two_table_parts_keeps_its_title() -> None:
    # LibreOffice lets a row break across pages: the rest of a section's title opens the next
    # part (composed LibreOffice PDF seed 1642).
    header = ["STT", "Nội dung", "Đánh giá", "Kết quả thực hiện"]
    first = _table([
        header,
        ["A.", "CẢI CÁCH THỂ CHẾ", "", ""],
        ["1", "Ban hành văn bản", "Đạt", "Đã ban hành 12 văn bản"],
        ["B.", "XÂY DỰNG CHÍNH", "", ""],
    ], index=1)  # fmt: skip
    second = _table([
        ["", "QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", "", ""],
        ["1", "Số hóa hồ sơ", "Đạt", "Đạt 80%"],
    ], index=2)  # fmt: skip
    _, built = _records(first, second)
    assert [(s.numeral, s.title) for s in built.sections] == [
        ("A", "CẢI CÁCH THỂ CHẾ"),
        ("B", "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ"),
    ]
    assert [r.id for r in built.records] == ["A.1", "B.1"]
    assert not built.unparsed


def test_header_wrapped_beside_a_header_centred_over_both_rows_is_joined() -> None:
    # An unruled PDF's two header rows: the target's header wraps into the lower row, and the
    # status header beside it, centred over both rows, is read in the lower row only: the
    # empty upper cell beside the target is no span (composed seeds 2778, 3967 lost every
    # target to an "extra" column headed "năm 2030").
    table = _table([
        ["Số", "Các mục tiêu cụ thể đến", "", "Kết quả thực hiện"],
        ["TT", "năm 2030", "Tình hình thực hiện", "Kết quả đạt được"],
        ["1", "Tỷ lệ hồ sơ đạt 80%", "Hoàn thành", "Đạt 85%"],
    ])  # fmt: skip
    layout, built = _records(table)
    assert [c.role for c in layout.columns] == ["stt", "target", "status", "notes"]
    assert layout.columns[1].header == "Các mục tiêu cụ thể đến năm 2030"
    assert built.records[0].target == "Tỷ lệ hồ sơ đạt 80%"


def test_lower_header_row_still_decides_under_a_spanning_group() -> None:
    # "Kết quả thực hiện" over "Năm 2022" | "Năm 2023": a span, the lower row decides.
    table = _table([
        ["STT", "Mục tiêu", "Đánh giá", "Kết quả thực hiện", ""],
        ["", "", "", "Năm 2022", "Năm 2023"],
        ["1", "Tỷ lệ hồ sơ đạt 80%", "Đạt", "Đạt 82%", "Đạt 85%"],
    ])  # fmt: skip
    layout, _ = _records(table)
    assert [c.header for c in layout.columns][3:] == ["Năm 2022", "Năm 2023"]


def test_signers_note_in_a_cell_of_its_own_is_part_of_the_signature_block() -> None:
    # An unruled PDF's signature block on a page of its own, "(Ký tên, đóng dấu)" cut into the
    # next column: the block, not the rest of the last target (composed seed 4635 read
    # "… đạt tối thiểu 80% NGƯỜI LẬP BIỂU (Ký, ghi rõ họ tên)").
    from appendixparse.table.layout import is_signature

    assert is_signature(["", "NGƯỜI LẬP BIỂU (Ký, ghi rõ họ tên)", "", "THỦ TRƯỞNG ĐƠN VỊ",
                         "(Ký tên, đóng dấu)"])  # fmt: skip
    assert not is_signature(["(Ký tên, đóng dấu)"])  # a note alone is no block
    assert not is_signature(["THỦ TRƯỞNG ĐƠN VỊ", "Đạt 80%"])


def test_of_two_weak_status_columns_the_one_of_bare_status_phrases_is_the_status() -> None:
    # "Kết quả thực hiện" over "Tình hình thực hiện" (the results, each opening "Đã thực
    # hiện …") | "Tiến độ thực hiện" (the statuses): both columns' cells open with status words;
    # the one whose cells are nothing but a status is the status (composed seeds 8383, 8390).
    table = _table([
        ["STT", "Mục tiêu", "Kết quả thực hiện", ""],
        ["", "", "Tình hình thực hiện", "Tiến độ thực hiện"],
        ["1", "Sắp xếp tổ chức bộ máy", "Đã thực hiện 43 cơ quan trong kỳ.", "Đã thực hiện"],
        ["2", "Hoàn thiện văn bản", "Đã thực hiện 22 văn bản trong kỳ.", "Đang thực hiện"],
    ])  # fmt: skip
    layout, built = _records(table)
    assert [c.role for c in layout.columns] == ["stt", "target", "notes", "status"]
    assert [r.status for r in built.records] == ["completed", "in_progress"]
    assert built.records[0].notes == "Đã thực hiện 43 cơ quan trong kỳ."


def test_ocr_header_read_with_misread_marks_is_found_and_the_grid_is_left_as_read() -> None:
    # Marks misread by OCR ("Đănh giá") are set right for finding the header, but on copies:
    # the reader's grid, which the accounting reports rows from, keeps the cells it read.
    rows = [
        ["STT", "Nội dung", "Đănh giá", "Kết quả"],
        ["1", "Rà soát TTHC", "Hoàn thành", "xong"],
    ]
    table = Table(
        rows=[
            Row(cells=list(r), confidence=[(90.0,)] * len(r), location=Location(table=1, row=i))
            for i, r in enumerate(rows, 1)
        ]
    )
    grid = Grid(blocks=[table], format="pdf", ocr=True)
    layout = find_layout(grid, "scan.pdf")
    assert [c.role for c in layout.columns] == ["stt", "target", "status", "notes"]
    assert [(r.id, r.status) for r in build_records(layout).records] == [("1", "completed")]
    assert [r.cells for r in table.rows] == rows
