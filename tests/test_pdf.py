"""The PDF reader: golden samples, the real appendix against its text form, page provenance,
running headers, diacritics and spaces, legacy TCVN3 layers, and bad or hostile PDFs."""

from __future__ import annotations

import io
import itertools
import shutil
import subprocess
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import appendixparse
from appendixparse.errors import (
    AppendixParseError,
    CorruptFileError,
    EncryptedFileError,
    FileTooLargeError,
    ScannedDocumentError,
)
from appendixparse.grid import Grid, Paragraph, Table
from appendixparse.options import DEFAULT_OPTIONS, Options
from appendixparse.readers import pdf as pdf_reader
from appendixparse.readers.pdf import read_pdf
from appendixparse.text.encodings import to_unicode

from conftest import GOLDEN, REAL_TEXT, SAMPLES, shared_path
from generate.pdf_samples import units
from golden import assert_golden, load_golden
from helpers import time_guard, write_pdf

PDF_SAMPLES = sorted(SAMPLES.glob("*.pdf"))
REAL = "appendix-quang-tri-district-2023"
REAL_PDFS = [SAMPLES / f"{REAL}{s}.pdf" for s in ("", "-landscape", "-unruled")]
FIELDS = ("id", "section", "section_title", "stt", "target", "status_raw", "status", "notes")


_grids: dict[bytes, Grid] = {}
_reports: dict[Path, appendixparse.Report] = {}


def _cached_read_pdf(data: bytes, source: str, options: Options = DEFAULT_OPTIONS) -> Grid:
    """read_pdf, once per file: the tests below look at the grid and the report of a sample."""
    if options != DEFAULT_OPTIONS:
        return read_pdf(data, source, options)
    if data not in _grids:
        _grids[data] = read_pdf(data, source, options)
    return _grids[data]


@pytest.fixture(autouse=True, scope="module")
def _read_each_sample_once() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_reader, "read_pdf", _cached_read_pdf)
        yield


def report_of(path: Path) -> appendixparse.Report:
    if path not in _reports:
        _reports[path] = appendixparse.parse(path)
    return _reports[path]


def grid_of(path: Path) -> Grid:
    return _cached_read_pdf(path.read_bytes(), str(path))


def all_text(grid: Grid) -> str:
    parts = []
    for block in grid.blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text)
        else:
            parts.extend(cell for row in block.rows for cell in row.cells)
    return "\n".join(parts)


def page_texts(path: Path) -> list[str]:
    """Each page's text as poppler's pdftotext reads it: a witness independent of pdfminer."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [" ".join(unicodedata.normalize("NFC", p).split()) for p in pages]


# --------------------------------------------------------------------------------------------
# Samples


def test_samples_exist() -> None:
    names = {p.name for p in PDF_SAMPLES}
    assert {f"{REAL}.pdf", f"{REAL}-landscape.pdf", f"{REAL}-unruled.pdf"} <= names
    assert len(PDF_SAMPLES) >= 7


@pytest.mark.parametrize("path", PDF_SAMPLES, ids=lambda p: p.name)
def test_golden(path: Path) -> None:
    assert_golden(report_of(path), load_golden(GOLDEN / f"{path.name}.json"))


@pytest.mark.parametrize("path", REAL_PDFS, ids=lambda p: p.name)
def test_real_appendix_gives_the_records_of_its_text_form(path: Path) -> None:
    text_form = report_of(REAL_TEXT)
    pdf_form = report_of(path)
    assert len(pdf_form.records) == 35
    for want, got in zip(text_form.records, pdf_form.records, strict=True):
        for name in FIELDS:
            assert getattr(got, name) == getattr(want, name), (want.id, name)
    assert pdf_form.summary == text_form.summary
    assert pdf_form.period == text_form.period
    assert pdf_form.sections == text_form.sections
    assert pdf_form.unparsed == []


@pytest.mark.parametrize("path", REAL_PDFS, ids=lambda p: p.name)
def test_each_record_carries_the_page_where_its_row_starts(path: Path) -> None:
    report = report_of(path)
    texts = page_texts(path)
    pages = [r.location.page for r in report.records]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == len(texts)
    for record in report.records:
        location = record.location
        assert location.page is not None and location.bbox is not None
        x0, top, x1, bottom = location.bbox
        assert 0 <= x0 < x1 and 0 <= top < bottom
        opening = " ".join(record.target.split()[:4])
        assert opening in texts[location.page - 1], (record.id, location.page)


@pytest.mark.parametrize("path", REAL_PDFS, ids=lambda p: p.name)
def test_rows_broken_by_page_breaks_continue_with_an_empty_stt(path: Path) -> None:
    grid = grid_of(path)
    # Every page after the first opens its table part with the rest of a broken row.
    parts = [t for t in grid.tables if t.width == 4]
    continued = [
        t
        for t in parts[1:]
        if any(not r.cells[0].strip() and any(c.strip() for c in r.cells) for r in t.rows[:2])
    ]
    assert len(continued) >= 2
    by_id = {r.id: r for r in report_of(path).records}
    assert by_id["II.1"].target.endswith("một cửa liên thông cấp huyện, cấp xã;")
    assert by_id["II.1"].notes.endswith("tiếp nhận và trả kết quả đối với lĩnh vực BHXH.")


def test_each_page_gives_its_own_table_part_and_repeated_headers_go() -> None:
    path = SAMPLES / f"{REAL}.pdf"
    grid = grid_of(path)
    parts = [t for t in grid.tables if t.width == 4]
    assert [t.rows[0].location.page for t in parts] == list(range(1, len(page_texts(path)) + 1))
    assert all(t.rows[0].cells[0] == "STT" for t in parts)  # Word repeats the header row
    for record in report_of(path).records:
        assert "Các mục tiêu cụ thể" not in record.target + record.notes


def test_landscape_samples_have_landscape_pages() -> None:
    import pdfplumber

    for name in (f"{REAL}-landscape.pdf", "department-noi-vu-landscape.pdf"):
        with pdfplumber.open(SAMPLES / name) as pdf:
            assert all(p.width > p.height for p in pdf.pages)


def test_multi_line_cells_keep_their_lines() -> None:
    header = grid_of(SAMPLES / f"{REAL}.pdf").tables[1].rows[0].cells
    assert header[2].split("\n")[:2] == ["Đánh giá mức", "độ hoàn thành"]


def test_preamble_becomes_paragraphs_and_the_motto_a_two_column_table() -> None:
    grid = grid_of(SAMPLES / "department-noi-vu-landscape.pdf")
    motto = grid.blocks[0]
    assert isinstance(motto, Table) and motto.width == 2
    left = [line for row in motto.rows for line in row.cells[0].split("\n")]
    assert left == ["UBND TỈNH QUẢNG TRỊ", "SỞ NỘI VỤ"]
    texts = [b.text for b in grid.blocks if isinstance(b, Paragraph)]
    assert "1. Tổng số chỉ tiêu: 6 chỉ tiêu" in texts
    assert "(Số liệu đánh giá tính từ 15/11/2021 đến 14/10/2023)" in texts


def test_a_wrapped_title_line_is_one_paragraph() -> None:
    title = units()[REAL].title_lines[1]
    for path in (SAMPLES / f"{REAL}.pdf", SAMPLES / f"{REAL}-unruled.pdf"):
        texts = [b.text for b in grid_of(path).blocks if isinstance(b, Paragraph)]
        assert title in texts


def test_running_header_footer_and_page_numbers_are_left_out() -> None:
    path = SAMPLES / f"{REAL}-unruled.pdf"
    pages = page_texts(path)
    assert "Trang 2/" in pages[1] and "Phụ lục đánh giá Nghị quyết" in pages[1]
    text = all_text(grid_of(path))
    assert "Trang " not in text
    assert "Phụ lục đánh giá Nghị quyết" not in text


BODY = [
    ["I", "THỂ CHẾ", "", "", ""],
    ["1", "Ban hành 100% văn bản đúng quy định của pháp luật hiện hành", "Đạt",
     "Đã ban hành 12/12 văn bản", "Tiếp tục rà soát"],
    ["2", "Xử lý văn bản sau kiểm tra", "Chưa đạt", "Xử lý 8/10 văn bản", "Đôn đốc các đơn vị"],
    ["3", "Rà soát", "Đạt", "Xong", ""],
    ["II", "THỦ TỤC HÀNH CHÍNH", "", "", ""],
    ["1", "Giải quyết đúng hạn 99% hồ sơ", "Đang thực hiện", "Đạt 97%, cao hơn năm trước",
     "Nâng cao năng lực"],
]  # fmt: skip
EXPECTED_BODY = [
    ("I.1", "completed", "Ban hành 100% văn bản đúng quy định của pháp luật hiện hành"),
    ("I.2", "in_progress", "Xử lý văn bản sau kiểm tra"),
    ("I.3", "completed", "Rà soát"),
    ("II.1", "in_progress", "Giải quyết đúng hạn 99% hồ sơ"),
]


def _table_pdf(
    header: list[list[tuple[float, str]]],
    columns: list[tuple[float, float]],
    *,
    rules: bool,
    row_gap: float,
    stt_right: bool = False,
) -> bytes:
    """A table drawn as text: header lines of (centre, text), body rows wrapped in
    ``columns``; with ``rules``, only a frame, a line under the header and lines between
    columns (none between rows)."""
    from reportlab.lib.utils import simpleSplit

    def draw(c, font: str) -> None:
        c.setFont(font, 10)
        y = 760.0
        for line in header:
            for centre, text in line:
                c.drawCentredString(centre, y, text)
            y -= 12
        under_header = y + 2
        y -= 8
        for row in BODY:
            height = 1
            for index, (text, (x0, x1)) in enumerate(zip(row, columns)):
                for k, part in enumerate(simpleSplit(text, font, 10, x1 - x0) if text else []):
                    if index == 0 and stt_right:
                        c.drawRightString(x1, y - 12 * k, part)
                    else:
                        c.drawString(x0, y - 12 * k, part)
                    height = max(height, k + 1)
            y -= 12 * height + row_gap
        if rules:
            left, right = columns[0][0] - 3, columns[-1][1] + 3
            c.rect(left, y + 8, right - left, 772 - (y + 8))
            c.line(left, under_header, right, under_header)
            for x0, _ in columns[1:]:
                c.line(x0 - 3, y + 8, x0 - 3, 772)

    return _canvas_pdf(draw)


COLUMNS = [(40.0, 65.0), (75.0, 230.0), (240.0, 320.0), (330.0, 450.0), (460.0, 560.0)]


def _body_of(data: bytes) -> list[tuple[str, str, str]]:
    report = appendixparse.parse(data)
    assert report.unparsed == []
    return [(r.id, r.status, r.target) for r in report.records]


def test_unruled_table_with_a_two_row_header_under_a_merged_cell() -> None:
    header = [
        [(52, "TT"), (152, "Nội dung"), (280, "Mức độ"), (445, "Thực trạng/Giải pháp")],
        [(280, "hoàn thành"), (390, "Kết quả"), (510, "Giải pháp")],
    ]
    data = _table_pdf(header, COLUMNS, rules=False, row_gap=6, stt_right=True)
    assert _body_of(data) == EXPECTED_BODY
    first = appendixparse.parse(data).records[0]
    assert first.notes == "Đã ban hành 12/12 văn bản Tiếp tục rà soát"


def test_table_ruled_between_columns_only_is_split_into_its_rows() -> None:
    header = [
        [(52, "Số"), (152, "Nội dung"), (280, "Đánh giá"), (390, "Kết quả"), (510, "Giải pháp")],
        [(52, "TT")],
    ]
    for gap in (0, 4):
        data = _table_pdf(header, COLUMNS, rules=True, row_gap=gap)
        grid = read_pdf(data, "t.pdf")
        assert grid.tables and grid.tables[0].rows[0].cells[0] == "Số\nTT"
        assert _body_of(data) == EXPECTED_BODY


# --------------------------------------------------------------------------------------------
# Text exactly as printed


def test_text_is_nfc_with_no_split_or_doubled_diacritics() -> None:
    for path in PDF_SAMPLES:
        for record in report_of(path).records:
            for value in (record.target, record.status_raw, record.notes):
                assert unicodedata.normalize("NFC", value) == value
                assert not any(unicodedata.combining(ch) for ch in value), path.name
                decomposed = unicodedata.normalize("NFD", value)
                assert not any(
                    unicodedata.combining(a) and a == b for a, b in itertools.pairwise(decomposed)
                )


def _canvas_pdf(draw: Callable, **options) -> bytes:
    from reportlab.pdfgen import canvas

    from generate.pdf_samples import _fonts

    regular, _ = _fonts()
    out = io.BytesIO()
    c = canvas.Canvas(out, invariant=1, **options)
    draw(c, regular)
    c.showPage()
    c.save()
    return out.getvalue()


def paragraphs_of(data: bytes) -> list[str]:
    return [b.text for b in read_pdf(data, "t.pdf").blocks if isinstance(b, Paragraph)]


def test_decomposed_letters_drawn_as_separate_marks_are_composed() -> None:
    def draw(c, font: str) -> None:
        c.setFont(font, 12)
        c.drawString(72, 700, unicodedata.normalize("NFD", "Việt Nam thực hiện được"))

    assert paragraphs_of(_canvas_pdf(draw)) == ["Việt Nam thực hiện được"]


def test_glyphs_and_accents_drawn_twice_are_kept_once() -> None:
    def draw(c, font: str) -> None:
        c.setFont(font, 12)
        for dx in (0, 0.3):  # fake bold: the same line drawn twice, a hair apart
            c.drawString(72 + dx, 700, "Cải cách hành chính")
        c.drawString(72, 650, "Thiết")
        width = c.stringWidth("Thiế", font, 12)
        c.drawString(72 + width - 4, 650, "\u0301")  # an acute over the "ế" that has one

    assert paragraphs_of(_canvas_pdf(draw)) == ["Cải cách hành chính", "Thiết"]


def test_spaces_between_words_come_from_gaps_and_letters_stay_together() -> None:
    def draw(c, font: str) -> None:
        x = 72.0
        c.setFont(font, 12)
        for word in ("Đánh", "giá", "mức", "độ"):  # no space characters, only gaps
            c.drawString(x, 700, word)
            x += c.stringWidth(word, font, 12) + 3
        text = c.beginText(72, 650)
        text.setFont(font, 12)
        text.setCharSpace(0.8)  # letter-spaced heading
        text.textOut("Hoàn thành")
        c.drawText(text)

    assert paragraphs_of(_canvas_pdf(draw)) == ["Đánh giá mức độ", "Hoàn thành"]


def test_turned_pages_read_the_same() -> None:
    turned = shared_path("peers", "pdf", "nics-background-checks-2015-11-rotated.pdf")
    upright = shared_path("peers", "pdf", "nics-background-checks-2015-11.pdf")
    rows = [
        [[row.cells for row in t.rows] for t in read_pdf(p.read_bytes(), str(p)).tables]
        for p in (turned, upright)
    ]
    assert rows[0] == rows[1] and len(rows[0][0]) > 10


# --------------------------------------------------------------------------------------------
# Legacy TCVN3 text layers

TCVN3_WORDS = ("Thông tư", "Ngân hàng Nhà nước", "Quỹ bảo lãnh tín dụng", "doanh nghiệp nhỏ và vừa")


def _tcvn3_known() -> bool:
    return to_unicode("Th\u00abng t\u00ad", encoding="tcvn3") == "Thông tư"


def test_legacy_tcvn3_layer_is_converted() -> None:
    path = shared_path("real", "legacy-tcvn3-mpi-2006-tt01.pdf")
    text = all_text(read_pdf(path.read_bytes(), str(path)))
    if not _tcvn3_known():
        pytest.xfail("the TCVN3 tables of encodings.py are not on this branch yet")
    for word in TCVN3_WORDS:
        assert word in text
    assert "\u2212" not in text and "\u2219" not in text


def test_producer_quirks_of_tcvn3_layers_reach_encodings() -> None:
    # The producer mapped TCVN3 "ư" (0xAD) to a minus sign and "ã" (0xB7) to a bullet operator.
    def draw(c, font: str) -> None:
        c.setFont(font, 12)
        c.drawString(72, 700, "Nh\u00b8 n\u2212íc x\u2219 héi")  # "Nhá nước xã hội" as TCVN3

    assert paragraphs_of(_canvas_pdf(draw)) == ["Nhá nước xã hội"]


def test_unicode_minus_signs_stay_where_the_layer_is_unicode() -> None:
    def draw(c, font: str) -> None:
        c.setFont(font, 12)
        c.drawString(72, 700, "Nhiệt độ \u2212 5 độ")

    assert paragraphs_of(_canvas_pdf(draw)) == ["Nhiệt độ \u2212 5 độ"]


# --------------------------------------------------------------------------------------------
# Bad and hostile PDFs


def test_image_only_pdf_has_no_text_layer() -> None:
    from bad.catalogue import _png

    def draw(c, font: str) -> None:
        from reportlab.lib.utils import ImageReader

        c.drawImage(ImageReader(io.BytesIO(_png())), 72, 400, width=300, height=300)

    with pytest.raises(ScannedDocumentError, match="no text layer"):
        read_pdf(_canvas_pdf(draw), "scan.pdf")


def _text(c, font: str) -> None:
    c.setFont(font, 12)
    c.drawString(72, 700, "Phụ lục đánh giá")


def test_encrypted_pdf_opens_with_an_empty_password() -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    data = _canvas_pdf(_text, encrypt=StandardEncryption("", ownerPassword="chu-so-huu"))
    assert b"/Encrypt" in data
    assert paragraphs_of(data) == ["Phụ lục đánh giá"]


def test_encrypted_pdf_needing_a_password_is_refused() -> None:
    data = _canvas_pdf(_text, encrypt="mat-khau")
    with pytest.raises(EncryptedFileError, match="password") as caught:
        read_pdf(data, "kin.pdf")
    assert "kin.pdf" in str(caught.value)


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n1 0 obj <</Type /Catalog>> garbage",
        b"not a pdf at all",
        b"%PDF-1.7\n" + bytes(64),
    ],
    ids=["garbage", "no-header", "zeros"],
)
def test_damaged_pdf_raises_corrupt_file_error(data: bytes) -> None:
    with pytest.raises(CorruptFileError) as caught:
        read_pdf(data, "hong.pdf")
    assert "hong.pdf" in str(caught.value)


def test_truncated_sample_raises_corrupt_file_error() -> None:
    data = (SAMPLES / "district-cam-lo.pdf").read_bytes()
    with pytest.raises(CorruptFileError):
        read_pdf(data[: len(data) // 3], "cut.pdf")


def _peer_files(folder: str) -> list[Path]:
    from conftest import SHARED

    return sorted((SHARED / "peers" / folder).glob("*.pdf"))


@pytest.mark.parametrize("path", _peer_files("broken"), ids=lambda p: p.name)
def test_broken_pdfs_give_a_grid_or_a_typed_error(path: Path) -> None:
    with time_guard(20):
        try:
            grid = read_pdf(path.read_bytes(), str(path))
        except AppendixParseError as exc:
            assert str(path) in str(exc) and exc.reason
        else:
            assert isinstance(grid, Grid)


def test_peer_pdf_with_a_user_password_is_refused() -> None:
    path = shared_path("peers", "pdf", "password-example.pdf")
    with pytest.raises(EncryptedFileError):
        read_pdf(path.read_bytes(), str(path))


def _raw_pdf(contents: list[bytes]) -> bytes:
    """A minimal PDF, one page per content stream (compressed), Helvetica as font F1."""
    pages = len(contents)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(pages)), pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, content in enumerate(contents):
        stream = zlib.compress(content)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % (5 + 2 * i)
        )
        objects.append(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream
            + b"\nendstream"
        )
    return write_pdf(objects)


TEXT_PAGE = b"BT /F1 12 Tf 72 700 Td (Bao cao tong hop) Tj ET"
HEAVY_PAGE = (
    b"".join(
        b"%d %d 2 2 re\n%d %d l\n" % (i % 500, i % 700, (i * 7) % 500, (i * 3) % 700)
        for i in range(100_000)
    )
    + b"S\n"
)  # 200,000 drawing operators


def test_a_page_too_heavy_for_pdfminer_is_judged_before_parsing() -> None:
    data = _raw_pdf([HEAVY_PAGE])
    assert len(data) < 1_000_000  # compressed, the page looks harmless
    with time_guard(20), pytest.raises(FileTooLargeError, match="max_pdf_page_objects"):
        read_pdf(data, "nang.pdf")


def test_a_heavy_page_among_others_is_skipped_with_a_note() -> None:
    with time_guard(20):
        grid = read_pdf(_raw_pdf([TEXT_PAGE, HEAVY_PAGE, TEXT_PAGE]), "nang.pdf")
    assert [(b.text, b.location.page) for b in grid.blocks] == [
        ("Bao cao tong hop", 1),
        ("Bao cao tong hop", 3),
    ]
    [note] = grid.unplaced
    assert note.location.page == 2 and "page 2" in note.reason and "skipped" in note.reason


def test_page_count_limit() -> None:
    data = (SAMPLES / f"{REAL}.pdf").read_bytes()
    with pytest.raises(FileTooLargeError, match="6 pages"):
        read_pdf(data, "dai.pdf", Options(max_pdf_pages=3))


def test_content_size_limit() -> None:
    with pytest.raises(FileTooLargeError, match="max_pdf_content_bytes"):
        data = _raw_pdf([TEXT_PAGE + b"\n%" + b"x" * 5_000])
        read_pdf(data, "to.pdf", Options(max_pdf_content_bytes=1_000))
