"""PDF layouts the samples do not cover: tables broken over pages by other producers (rows with
no space between them, rules between columns only, a row's last part alone on a page) and
preamble lines set without paragraph spacing. Expected values come from the drawn data."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import appendixparse
from appendixparse.grid import Grid, Paragraph, Row, Table
from appendixparse.models import Location
from appendixparse.readers.pdf import read_pdf
from appendixparse.table.layout import find_layout
from appendixparse.table.records import build_records

from generate.pdf_samples import Drawing, _fonts, draw_unruled, units
from generate.units import expected_report
from golden import assert_golden
from helpers import write_pdf

REAL = "appendix-quang-tri-district-2023"
HEADER = [["STT"], ["Nội dung"], ["Đánh giá"], ["Thực trạng/Giải pháp"]]
COLUMNS = [(40.0, 70.0), (76.0, 250.0), (256.0, 340.0), (346.0, 556.0)]
LEADING = 12.0


def _pages_pdf(pages: list[Callable]) -> bytes:
    """A PDF of A4 pages, each drawn by ``draw(canvas, font)``."""
    from reportlab.pdfgen import canvas

    regular, _ = _fonts()
    out = io.BytesIO()
    c = canvas.Canvas(out, invariant=1)
    for draw in pages:
        draw(c, regular)
        c.showPage()
    c.save()
    return out.getvalue()


def _ruled_part(rows: list[list[list[str]]], *, top: float = 780.0, row_rules: bool) -> Callable:
    """A page holding a table part: cells of lines, a frame and rules between columns, and
    rules between rows when ``row_rules``; rows follow each other with no space between."""

    def draw(c, font: str) -> None:
        c.setFont(font, 10)
        y = top
        bottoms = []
        for row in rows:
            height = max(len(lines) for lines in row)
            for lines, (x0, _) in zip(row, COLUMNS):
                for k, text in enumerate(lines):
                    c.drawString(x0 + 2, y - 10 - LEADING * k, text)
            y -= LEADING * height + 3
            bottoms.append(y)
        left, right = COLUMNS[0][0] - 3, COLUMNS[-1][1] + 3
        c.rect(left, y, right - left, top - y)
        for x0, _ in COLUMNS[1:]:
            c.line(x0 - 3, y, x0 - 3, top)
        if row_rules:
            for b in bottoms[:-1]:
                c.line(left, b, right, b)

    return draw


def _records(data: bytes) -> list[tuple[str, str, str, str]]:
    report = appendixparse.parse(data)
    assert report.unparsed == []
    return [(r.id, r.target, r.status_raw, r.notes) for r in report.records]


def test_rows_continued_under_a_repeated_header_with_no_space_between_rows(tmp_path: Path) -> None:
    # Word's default cells have no top or bottom margin: without ruling lines, only the STT
    # column tells rows apart, and the rest of a broken row (no STT) sits under the header.
    unit = units()[REAL]
    path = draw_unruled(unit, tmp_path / "t.pdf", Drawing(repeat_header=True, row_gap=0))
    assert_golden(appendixparse.parse(path), expected_report(unit, "pdf"))


def test_a_row_part_alone_on_the_last_page_is_kept() -> None:
    first = _ruled_part(
        [
            HEADER,
            [["I"], ["THỂ CHẾ"], [], []],
            [["1"], ["Ban hành 100% văn bản"], ["Đạt"], ["Đã ban hành 12/12 văn bản"]],
            [["2"], ["Xử lý văn bản", "sau kiểm tra"], ["Chưa đạt"], ["Xử lý 8/10 văn bản,"]],
        ],
        row_rules=True,
    )
    last = _ruled_part(
        [[[], ["của các sở, ngành"], [], ["còn 2 văn bản đang xử lý"]]], row_rules=True
    )
    data = _pages_pdf([first, last])
    assert _records(data) == [
        ("I.1", "Ban hành 100% văn bản", "Đạt", "Đã ban hành 12/12 văn bản"),
        (
            "I.2",
            "Xử lý văn bản sau kiểm tra của các sở, ngành",
            "Chưa đạt",
            "Xử lý 8/10 văn bản, còn 2 văn bản đang xử lý",
        ),
    ]


def test_a_repeated_header_ruled_together_with_the_rest_of_a_broken_row_is_split() -> None:
    # Rules between columns only: the header and the rest of the row broken by the page break
    # are one ruled row, and no STT tells them apart.
    first = _ruled_part(
        [
            HEADER,
            [["I"], ["THỂ CHẾ"], [], []],
            [["1"], ["Ban hành 100% văn bản"], ["Đạt"], ["Đã ban hành 12/12 văn bản"]],
            [["2"], ["Xử lý văn bản"], ["Chưa đạt"], ["Xử lý 8/10 văn bản,"]],
        ],
        row_rules=False,
    )
    second = _ruled_part(
        [
            HEADER,
            [[], ["sau kiểm tra"], [], ["còn 2 văn bản đang xử lý"]],
            [["3"], ["Rà soát văn bản"], ["Đạt"], ["Xong"]],
            [["4"], ["Hệ thống hóa"], ["Đạt"], ["Công bố kết quả"]],
        ],
        row_rules=False,
    )
    data = _pages_pdf([first, second])
    assert _records(data) == [
        ("I.1", "Ban hành 100% văn bản", "Đạt", "Đã ban hành 12/12 văn bản"),
        (
            "I.2",
            "Xử lý văn bản sau kiểm tra",
            "Chưa đạt",
            "Xử lý 8/10 văn bản, còn 2 văn bản đang xử lý",
        ),
        ("I.3", "Rà soát văn bản", "Đạt", "Xong"),
        ("I.4", "Hệ thống hóa", "Đạt", "Công bố kết quả"),
    ]


def _clipped_overflow(c, font: str) -> None:
    """A ruled table whose header cell holds one line more than its row has room for, drawn
    below the row's rule and clipped at the cell (LibreOffice's repeated header rows), over the
    first line of the cell under it, one point apart."""
    c.setFont(font, 10)
    top, rule, bottom = 780.0, 765.0, 735.0
    body = [["1"], ["Ban hành văn bản", "đúng thời hạn"], ["Đạt"], ["Đã ban hành 12/12"]]
    for (x0, _), text in zip(COLUMNS, ["STT", "Nội dung", "Đánh giá", "Thực trạng"]):
        c.drawString(x0 + 2, top - 10, text)
    c.saveState()
    cell = c.beginPath()
    cell.rect(COLUMNS[1][0] - 3, rule, COLUMNS[1][1] - COLUMNS[1][0] + 6, top - rule)
    c.clipPath(cell, stroke=0, fill=0)
    c.drawString(COLUMNS[1][0] + 2, rule - 8, "năm 2025")  # the page shows none of it
    c.restoreState()
    for (x0, _), lines in zip(COLUMNS, body):
        for k, text in enumerate(lines):
            c.drawString(x0 + 2, rule - 9 - LEADING * k, text)
    left, right = COLUMNS[0][0] - 3, COLUMNS[-1][1] + 3
    c.rect(left, bottom, right - left, top - bottom)
    c.line(left, rule, right, rule)
    for x0, _ in COLUMNS[1:]:
        c.line(x0 - 3, bottom, x0 - 3, top)


def test_text_its_clipping_path_hides_is_left_out() -> None:
    # Without the clip, "năm 2025" and "Ban hành văn bản" would make one line of interleaved
    # letters ("Ban 2hà0n2h5 ..."): their baselines are closer than a line's tolerance.
    assert _records(_pages_pdf([_clipped_overflow])) == [
        ("1", "Ban hành văn bản đúng thời hạn", "Đạt", "Đã ban hành 12/12")
    ]


def test_a_right_aligned_line_does_not_run_into_the_centred_line_under_it() -> None:
    # Lines set with no space between paragraphs: the place and date, right-aligned, then the
    # centred title.
    lines = [
        ("right", "Quảng Trị, ngày 14 tháng 10 năm 2023"),
        ("centre", "Phụ lục"),
        ("centre", "Đánh giá mức độ thực hiện các mục tiêu"),
        ("left", "1. Tổng số chỉ tiêu: 6 chỉ tiêu, trong đó có 2 chỉ tiêu do cấp tỉnh thực hiện"),
    ]

    def draw(c, font: str) -> None:
        c.setFont(font, 12)
        for k, (where, text) in enumerate(lines):
            y = 760 - 14 * k
            if where == "right":
                c.drawRightString(540, y, text)
            elif where == "centre":
                c.drawCentredString(298, y, text)
            else:
                c.drawString(56, y, text)

    data = _pages_pdf([draw])
    texts = [b.text for b in read_pdf(data, "t.pdf").blocks if isinstance(b, Paragraph)]
    assert texts == [text for _, text in lines]


def _text_part(rows: list[list[list[str]]], columns: list[tuple[float, float]]) -> Callable:
    """A page holding a table part drawn as text alone: no rules, no space between rows."""

    def draw(c, font: str) -> None:
        c.setFont(font, 10)
        y = 780.0
        for row in rows:
            for lines, (x0, _) in zip(row, columns):
                for k, text in enumerate(lines):
                    c.drawString(x0, y - LEADING * k, text)
            y -= LEADING * max(len(lines) for lines in row)

    return draw


def test_a_header_wrapped_over_two_lines_and_repeated_on_the_next_page() -> None:
    # Narrow columns wrap the header: "ST" over "T", "Mức độ hoàn" over "thành"; the next
    # page repeats both lines, then the rest of the broken row.
    columns = [(40.0, 58.0), (70.0, 230.0), (242.0, 400.0), (412.0, 480.0), (492.0, 556.0)]
    header = [
        ["ST", "T"],
        ["Nội dung"],
        ["Kết quả"],
        ["Mức độ hoàn", "thành"],
        ["Đơn vị chủ", "trì"],
    ]
    first = [
        header,
        [["I"], ["THỂ CHẾ"], [], [], []],
        [["1"], ["Ban hành 100% văn bản"], ["Đã ban hành 12/12"], ["Đạt"], ["Phòng Tư pháp"]],
        [["2"], ["Xử lý văn bản"], ["Xử lý 8/10 văn bản,"], ["Chưa hoàn"], ["Phòng Nội"]],
    ]
    second = [
        header,
        [[], ["sau kiểm tra"], ["còn 2 văn bản"], ["thành"], ["vụ"]],
        [["3"], ["Rà soát văn bản"], ["Xong"], ["Đạt"], ["Văn phòng"]],
    ]
    data = _pages_pdf([_text_part(first, columns), _text_part(second, columns)])
    report = appendixparse.parse(data)
    assert report.unparsed == []
    assert [(r.id, r.target, r.notes, r.status_raw, r.extra) for r in report.records] == [
        ("I.1", "Ban hành 100% văn bản", "Đã ban hành 12/12", "Đạt",
         {"Đơn vị chủ trì": "Phòng Tư pháp"}),
        ("I.2", "Xử lý văn bản sau kiểm tra", "Xử lý 8/10 văn bản, còn 2 văn bản",
         "Chưa hoàn thành", {"Đơn vị chủ trì": "Phòng Nội vụ"}),
        ("I.3", "Rà soát văn bản", "Xong", "Đạt", {"Đơn vị chủ trì": "Văn phòng"}),
    ]  # fmt: skip


def _layout_of(rows: list[list[str]]) -> tuple[list[tuple[str, str]], list[str]]:
    table = Table(
        rows=[Row(cells=r, location=Location(table=1, row=i + 1)) for i, r in enumerate(rows)],
        index=1,
    )
    layout = find_layout(Grid(blocks=[table], format="test"), "test")
    records = build_records(layout).records
    return [(c.role, c.header) for c in layout.columns], [r.id for r in records]


def test_layout_joins_a_wrapped_header_line_but_not_a_body_row() -> None:
    wrapped = [
        ["ST", "Nội dung", "Mức độ hoàn", "Thực trạng/Giải pháp", "", "Đơn vị chủ"],
        ["T", "", "thành", "Kết quả", "Giải pháp", "trì"],
        ["1", "Ban hành văn bản", "Đạt", "Xong", "Duy trì", "Phòng Tư pháp"],
    ]
    assert _layout_of(wrapped) == (
        [("stt", "ST T"), ("target", "Nội dung"), ("status", "Mức độ hoàn thành"),
         ("notes", "Kết quả"), ("notes", "Giải pháp"), ("extra", "Đơn vị chủ trì")],
        ["1"],
    )  # fmt: skip
    # A short first body row under the header is a row, whatever its STT column holds.
    body = [
        ["Nội dung", "TT", "Kết quả", "Tiến độ"],
        ["Rà soát", "1", "xong", "Hoàn thành"],
    ]
    assert _layout_of(body) == (
        [("target", "Nội dung"), ("stt", "TT"), ("notes", "Kết quả"), ("status", "Tiến độ")],
        ["1"],
    )


def _bullets_pdf(items: list[tuple[str, str]]) -> bytes:
    """Lines "<bullet> text" in Helvetica, each bullet drawn in a symbol font of its own as a
    byte whose ToUnicode entry is the given code point, as Word and LibreOffice write the glyphs
    of their symbol fonts (with their widths: pdfium leaves out text of no width)."""
    codes = [0x80 + k for k in range(len(items))]
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /B def "
        b"1 begincodespacerange <00> <FF> endcodespacerange "
        + b"%d beginbfchar " % len(items)
        + b" ".join(b"<%02X> <%04X>" % (c, ord(g)) for c, (g, _) in zip(codes, items))
        + b" endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    content = b"".join(
        b"BT /F2 12 Tf 72 %d Td <%02X> Tj /F1 12 Tf 6 0 Td (%s) Tj ET\n"
        % (700 - 30 * k, c, t.encode())
        for k, (c, (_, t)) in enumerate(zip(codes, items))
    )
    return write_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R /F2 7 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 128 /LastChar 130 "
            b"/Widths [350 350 350] /Encoding << /Differences [128 /bullet /bullet /bullet] >> "
            b"/ToUnicode 6 0 R >>",
        ]
    )


def test_symbol_font_bullets_read_as_the_bullets_they_show() -> None:
    # List bullets of Symbol, Wingdings (Word) and OpenSymbol (LibreOffice) come out of the
    # text layer as private-use code points; the DOCX reader gives the bullet itself.
    items = [("\uf0b7", "Hien nay"), ("\uf0a7", "Dat ket qua"), ("\uf0d8", "Tiep tuc")]
    texts = [b.text for b in read_pdf(_bullets_pdf(items), "t.pdf").blocks]
    assert texts == ["• Hien nay", "▪ Dat ket qua", "➢ Tiep tuc"]


def test_the_reader_joins_a_wrapped_header_and_nothing_else() -> None:
    from appendixparse.readers.pdf.unruled import _join_wrapped_header

    def rows(*cells: list[str]) -> list[Row]:
        return [Row(cells=c, location=Location(page=1)) for c in cells]

    header = ["ST", "Các mục tiêu", "Đánh giá", "Thực trạng (Nêu rõ"]
    rest = ["T", "cụ thể", "mức độ", "kết quả đạt được)"]
    joined = _join_wrapped_header(rows(header, rest, ["1", "Ban hành", "Đạt", "Xong"]))
    assert [r.cells for r in joined] == [
        ["ST\nT", "Các mục tiêu\ncụ thể", "Đánh giá\nmức độ",
         "Thực trạng (Nêu rõ\nkết quả đạt được)"],
        ["1", "Ban hành", "Đạt", "Xong"],
    ]  # fmt: skip
    for lower in (
        ["1", "Ban hành", "Đạt", "Xong"],  # a body row: it has a number
        ["", "của các sở", "", "còn 2 văn bản"],  # a row continued: no first column
        ["A", "CẢI CÁCH THỂ CHẾ", "", ""],  # a lettered section
        ["(1)", "(2)", "(3)", "(4)"],  # the column numbers
        ["T", "cụ thể", "mức độ", "Thực trạng (Nêu rõ"],  # the same text again
    ):
        assert len(_join_wrapped_header(rows(header, lower))) == 2, lower
    # The layout itself no longer joins such lines: the quirk lives in the PDF reader.
    long_rest = ["T", "2025", "mức độ", "kết quả đạt được của cơ quan, đơn vị " * 4]
    table = Table(rows=rows(header, long_rest, ["1", "Ban hành", "Đạt", "Xong"]), index=1)
    layout = find_layout(Grid(blocks=[table], format="pdf"), "t.pdf")
    assert layout.columns[0].header == "ST"
