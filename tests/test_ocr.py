"""Scanned PDFs read by OCR: image-only PDFs made from the samples at test time (tests/scans.py)
read like their text-layer twins; OCR's doubtful figures decide no check; without OCR
installed a scan is refused naming what to install.

The OCR tests skip, with the reason, where tesserocr, OpenCV, pypdfium2 or Tesseract's
Vietnamese and English data are absent. Each reads a page or two.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from appendixparse import OcrUnavailableError, Options, parse
from appendixparse.checks.flags import run_checks
from appendixparse.cli import main
from appendixparse.models import Figure, Period, Record, Report, Source
from appendixparse.readers.pdf import ocr
from appendixparse.text.confidence import with_confidence
from appendixparse.text.figures import extract_figures
from scans import compare, make_scan

pytestmark = pytest.mark.slow  # each test OCRs a page or two

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
RULED = SAMPLES / "appendix-quang-tri-district-2023.pdf"
UNRULED = SAMPLES / "appendix-quang-tri-district-2023-unruled.pdf"
NARROW = SAMPLES / "appendix-quang-tri-district-2023-justified-narrow.pdf"
BORDERLESS = SAMPLES / "appendix-quang-tri-district-2023-justified-borderless.pdf"
LEFT_HEADER = SAMPLES / "compose-unruled-left-header.pdf"
COMMUNE = SAMPLES / "commune-cam-hieu.pdf"
MARKS_APART = SAMPLES / "commune-cam-hieu-unruled-landscape-nfd.pdf"  # marks set beside letters
THIRD_PAGE_TURN = 0.7046828711600048  # the turn make_scan gives a degraded scan's third page


def _ocr_missing() -> str | None:
    return ocr.missing(Options(ocr_languages=("vie", "eng")))


needs_ocr = pytest.mark.skipif(
    _ocr_missing() is not None, reason=f"OCR is not installed: {_ocr_missing()}"
)


def _pages(pdf: Path, pages: list[int]) -> bytes:
    """A text PDF of some of ``pdf``'s pages (the twin of a scan of those pages)."""
    import pypdfium2

    source = pypdfium2.PdfDocument(pdf.read_bytes())
    out = pypdfium2.PdfDocument.new()
    out.import_pages(source, pages)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


# ----------------------------------------------------------------------------- reading scans


@needs_ocr
def test_a_clean_200_dpi_scan_reads_like_its_twin() -> None:
    twin_pdf = _pages(RULED, [0, 1])
    twin = parse(twin_pdf)
    got = parse(make_scan(twin_pdf, dpi=200))
    assert got.source.ocr and not twin.source.ocr
    result = compare(got, twin)
    assert (result.rows, result.statuses) == (len(twin.records), len(twin.records))
    assert result.figures == result.twin_figures, result.wrong_figures
    assert result.extra_errors == []
    assert (got.unit, got.period, got.summary) == (twin.unit, twin.period, twin.summary)
    figures = [f for r in got.records for f in r.figures]
    assert figures and all(f.confidence is not None and 0 <= f.confidence <= 100 for f in figures)
    assert all(f.confidence is None for r in twin.records for f in r.figures)


@needs_ocr
def test_a_degraded_150_dpi_scan_reads_every_row_and_raises_no_new_error() -> None:
    # Sections I and II (their numerals, thin and serifed, are the hard ones to read); a row
    # runs over the page break.
    twin_pdf = _pages(RULED, [0, 1])
    twin = parse(twin_pdf)
    got = parse(make_scan(twin_pdf, dpi=150, degraded=True, angle=1.4))
    result = compare(got, twin)
    assert result.rows == len(twin.records)
    assert result.statuses >= len(twin.records) - 1
    assert result.figures >= 0.95 * result.twin_figures, result.wrong_figures
    assert result.extra_errors == []


@needs_ocr
def test_an_unruled_scan_reads_like_its_twin() -> None:
    twin_pdf = _pages(UNRULED, [0])
    twin = parse(twin_pdf)
    got = parse(make_scan(twin_pdf, dpi=200))
    result = compare(got, twin)
    assert [r.id for r in got.records] == [r.id for r in twin.records]
    assert result.statuses == len(twin.records)
    assert result.figures == result.twin_figures, result.wrong_figures


@needs_ocr
def test_a_number_misread_surely_is_put_right_by_its_neighbours() -> None:
    # The degraded scan reads I.2's "2" as "5" (between "1" and "3"; no "2" read).
    twin_pdf = _pages(UNRULED, [0])
    twin = parse(twin_pdf)
    got = parse(make_scan(twin_pdf, dpi=200, degraded=True))
    assert [r.id for r in got.records] == [r.id for r in twin.records]


@needs_ocr
def test_a_number_hardly_read_is_the_next_one() -> None:
    # The degraded scan reads II.3's "3", the last of its section, as "2" at confidence 15.
    pdf = SAMPLES / "department-noi-vu-landscape.pdf"
    twin = parse(pdf)
    got = parse(make_scan(pdf.read_bytes(), dpi=150, degraded=True))
    result = compare(got, twin)
    assert [r.id for r in got.records] == [r.id for r in twin.records]
    assert result.extra_errors == []


def test_the_numbers_around_a_reading_leave_it_one_value() -> None:
    from appendixparse.readers.pdf.ocr.numerals import NumberReadings, NumberSequence, mend

    pages = [["I", "1", "2", "8"], ["STT", "4", "5", "II", "1", "đủ", "3", "1.1", "a)", "5"]]
    pages += [["1", "3", "3"]]  # a new table numbered again, or a gap: as read
    rows = [[[text] for text in page] for page in pages]
    readings = []
    for page in rows:
        readings.append(NumberReadings())
        for row in page:
            readings[-1].add(row, row[0], 97, heading=row[0] in ("I", "II"))
    sequence = NumberSequence()
    for page_readings in readings:
        page_readings.settle(sequence)
    mend(readings)
    assert [[row[0] for row in page] for page in rows] == [
        ["I", "1", "2", "3"],  # "8": its neighbours 2 and 4 (over the page's header) leave 3
        ["STT", "4", "5", "II", "1", "2", "3", "1.1", "a)", "5"],  # a word between 1 and 3
        ["1", "3", "3"],  # 3 is read already: no one value is left for the first
    ]


@needs_ocr
def test_a_scans_lines_are_spaced_as_the_text_layers() -> None:
    # A line's box is its baseline's, not its ink's: "đến" over "14/10/2023" in the narrow
    # status column made a wider gap than a cell's lines, which split the header in two.
    from appendixparse.readers.pdf import read_pdf

    twin_pdf = _pages(NARROW, [0, 1])
    scan = make_scan(twin_pdf, dpi=150)
    assert _headers(read_pdf(scan, "scan.pdf")) == _headers(read_pdf(twin_pdf, "twin.pdf"))
    twin = parse(twin_pdf)
    result = compare(parse(scan), twin)
    assert (result.rows, result.statuses) == (len(twin.records), len(twin.records))


@needs_ocr
def test_the_marks_over_the_next_lines_capitals_are_no_lost_number() -> None:
    # Page 1's last header line reads the accents over "CẢI CÁCH THỂ CHẾ" below it as a lone
    # "2", which glued to the header kept page 2's header from being found again.
    from appendixparse.readers.pdf import read_pdf

    twin_pdf = _pages(BORDERLESS, [0, 1])
    scan = make_scan(twin_pdf, dpi=200)
    assert _headers(read_pdf(scan, "scan.pdf")) == _headers(read_pdf(twin_pdf, "twin.pdf"))


def _headers(grid: object) -> list[list[str]]:
    from appendixparse.grid import Grid, Table

    assert isinstance(grid, Grid)
    return [block.rows[0].cells for block in grid.blocks if isinstance(block, Table)]


@needs_ocr
def test_a_section_numeral_the_page_layout_dropped_is_read_again() -> None:
    # Page 3's "III", left out by Tesseract's layout, reads "M" on its own: before a title in
    # capitals, the strokes of a numeral.
    twin = parse(_pages(UNRULED, [0, 2]))
    scan = make_scan(
        UNRULED.read_bytes(), dpi=150, degraded=True, pages=[0, 2], angle=THIRD_PAGE_TURN
    )
    assert [r.id for r in parse(scan).records] == [r.id for r in twin.records]


@needs_ocr
@pytest.mark.parametrize(("dpi", "degraded"), [(200, False), (150, True)])
def test_a_section_numeral_inside_its_titles_line_is_put_in_sequence(
    dpi: int, degraded: bool
) -> None:
    # Sections numbered in their titles' lines ("Phần III. CẢI CÁCH …"): page 2's "III" reads
    # "II" at 200 dpi, page 1's "II" "H." at 150 dpi degraded; as headings they are the next
    # numerals, so the rows under them keep their sections' ids.
    twin_pdf = _pages(LEFT_HEADER, [0, 1])
    twin = parse(twin_pdf)
    got = parse(make_scan(twin_pdf, dpi=dpi, degraded=degraded))
    assert [r.id for r in got.records] == [r.id for r in twin.records]


@needs_ocr
def test_a_lone_tick_the_page_layout_dropped_is_read_again() -> None:
    # Page 2's "X" ticks, alone in their status columns, are left out by Tesseract's layout.
    twin_pdf = _pages(LEFT_HEADER, [0, 1])
    twin = parse(twin_pdf)
    got = parse(make_scan(twin_pdf, dpi=200))
    assert [(r.stt, r.status) for r in got.records] == [(r.stt, r.status) for r in twin.records]


@needs_ocr
def test_ticks_read_doubtfully_in_a_column_of_ticks_read_surely_are_ticks() -> None:
    # At 150 dpi degraded three of page 2's "X" read at 55, 56 and as "b$": the rows' statuses
    # were lost and a summary_count_mismatch raised that the text layer does not have.
    twin_pdf = _pages(LEFT_HEADER, [0, 1])
    twin = parse(twin_pdf)
    got = parse(make_scan(twin_pdf, dpi=150, degraded=True))
    assert [(r.stt, r.status) for r in got.records] == [(r.stt, r.status) for r in twin.records]
    assert compare(got, twin).extra_errors == []


def test_a_doubtful_mark_takes_the_text_of_the_sure_marks_of_its_size_over_it() -> None:
    from appendixparse.readers.pdf.ocr.page import _column_mark, _Mark

    def mark(text: str, confidence: float, x0: int = 100, width: int = 20) -> _Mark:
        return _Mark(text, confidence, (x0, 0, x0 + width, 24), 0.0, 0.0)

    ticks = [mark("X", 91), mark("X", 82, x0=104)]
    assert _column_mark(mark("b$", 69), ticks) == "X"
    assert _column_mark(mark("X", 55), ticks[:1]) == ""  # one sure mark is no column
    assert _column_mark(mark("b$", 69, x0=300), ticks) == ""  # another place on the line
    assert _column_mark(mark("b$", 69, width=60), ticks) == ""  # ink of another size
    assert _column_mark(mark("b$", 69), [*ticks, mark("V", 90)]) == ""  # the marks disagree


@needs_ocr
def test_a_wrapped_cells_first_word_is_no_row_number_where_rows_are_numbered_in_the_cell() -> None:
    # "11. Mức độ …": the rows' numbers open their target cells, so the lone "80%" or "quyền"
    # opening a wrapped line is the cell's text, not a number to read again.
    twin_pdf = _pages(LEFT_HEADER, [0, 1])
    twin = parse(twin_pdf)
    got = parse(make_scan(twin_pdf, dpi=200))
    result = compare(got, twin)
    assert result.figures == result.twin_figures, result.wrong_figures


@needs_ocr
def test_a_degraded_scans_summary_is_read_though_its_marks_are_misread() -> None:
    # At 150 dpi degraded "Tổng số" reads "Tống số".
    twin = parse(COMMUNE.read_bytes())
    got = parse(make_scan(COMMUNE.read_bytes(), dpi=150, degraded=True))
    assert got.summary == twin.summary and twin.summary and twin.summary.total


@needs_ocr
def test_a_header_whose_marks_are_misread_still_names_its_columns() -> None:
    # Marks printed beside their letters read wrong ("Đănh giá mưt đđ hoan thanh", "Các mục
    # tiểu"): the header words are found where their marks alone differ.
    twin_pdf = _pages(MARKS_APART, [0])
    twin = parse(twin_pdf)
    got = parse(make_scan(twin_pdf, dpi=200))
    assert [r.id for r in got.records] == [r.id for r in twin.records]


@needs_ocr
def test_a_number_read_as_a_word_and_a_status_run_together() -> None:
    # At 150 dpi "11" reads "đủ" and "Đang thực hiện" "Đang thựchiện".
    twin_pdf = _pages(BORDERLESS, [2])
    twin = parse(twin_pdf)
    got = parse(make_scan(twin_pdf, dpi=150))
    numbered = [(r.stt, r.status) for r in twin.records if r.stt.isdigit() and int(r.stt) > 8]
    assert [(r.stt, r.status) for r in got.records][: len(numbered)] == numbered


@needs_ocr
def test_a_speck_between_two_columns_does_not_join_them() -> None:
    # A doubtful "_" between the target and the status of row 12 made them one segment.
    twin = parse(_pages(BORDERLESS, [2]))
    scan = make_scan(
        BORDERLESS.read_bytes(), dpi=150, degraded=True, pages=[2], angle=THIRD_PAGE_TURN
    )
    assert [(r.stt, r.status) for r in parse(scan).records] == [
        (r.stt, r.status) for r in twin.records
    ]


@pytest.mark.parametrize(
    ("read", "meant"),
    [("1/040", "1.040"), ("2/005,", "2.005,"), ("09/10", "09/10"), ("111/238", "111/238"),
     ("1/04/2023", "1/04/2023"), ("Trang 1\u20445", "Trang 1/5")],
)  # fmt: skip
def test_a_thousands_separator_read_as_a_slash_is_a_dot(read: str, meant: str) -> None:
    from appendixparse.readers.pdf.ocr.page import _normal

    assert _normal(read) == meant


@pytest.mark.parametrize(
    ("read", "status"),
    [("Đang thựchiện", "in_progress"), ("Đangthực hiên", "in_progress"),
     ("Đã thựchiện", "completed")],
)  # fmt: skip
def test_an_ocr_status_is_matched_with_its_words_run_together(read: str, status: str) -> None:
    from appendixparse.text.status import normalise_status_unmarked

    assert normalise_status_unmarked(read) == status


@pytest.mark.parametrize(
    ("read", "status"),
    [("Đang thuÈ hiển", "in_progress"), ("ĐathuÈ hiển", "completed"),
     ("Đã hoàn thanb, đúng hạn", "completed"), ("Chưa thục hiên", "not_started"),
     ("Đang thẩm định", "unknown"), ("Đạl", "unknown"), ("Chưa thuÈ", "unknown")],
)  # fmt: skip
def test_an_ocr_status_with_one_letter_misread_is_matched(read: str, status: str) -> None:
    # The NFD sample's scans read "thực" as "thuÈ" (statuses were 4/6); a phrase of eight
    # letters or more may have one letter wrong, a short one ("đạt") none.
    from appendixparse.text.status import normalise_status, normalise_status_unmarked

    assert normalise_status_unmarked(read) == status
    assert normalise_status(read) == "unknown"  # a text layer's cell is read as typed


@needs_ocr
def test_pages_read_on_two_processes_read_as_on_one() -> None:
    # Page 2 opens mid-section: its STT cells are put in sequence after page 1's, whichever
    # process read them.
    scan = make_scan(_pages(RULED, [0, 1]), dpi=200)
    alone = parse(scan)
    apart = parse(scan, options=Options(ocr_jobs=2))
    assert apart.to_json() == alone.to_json()
    assert [r.id for r in apart.records][:3] == ["I.1", "I.2", "I.3"]


@needs_ocr
def test_a_batch_of_fewer_documents_than_workers_reads_pages_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from appendixparse.consolidation import consolidate

    calls: list[int] = []
    read_apart = ocr._read_apart

    def spy(data: bytes, scans: list[ocr.Scan], settings: object, jobs: int, options: Options):  # type: ignore[no-untyped-def]
        calls.append(jobs)
        return read_apart(data, scans, settings, jobs, options)  # type: ignore[arg-type]

    monkeypatch.setattr(ocr, "_read_apart", spy)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(make_scan(_pages(RULED, [0, 1]), dpi=200))
    result = consolidate([scan], jobs=2)  # one document: it is read here, its pages on two
    assert calls == [2]
    assert result.documents == 1 and result.errors.empty
    alone = consolidate([scan], jobs=1)
    assert calls == [2]  # one process: no pages read apart
    assert result.records.equals(alone.records)


@needs_ocr
def test_a_typed_page_and_a_scanned_annex_are_both_read() -> None:
    import pypdfium2

    typed = pypdfium2.PdfDocument(_pages(RULED, [0]))
    scanned = pypdfium2.PdfDocument(make_scan(RULED.read_bytes(), dpi=200, pages=[1]))
    typed.import_pages(scanned)
    buffer = io.BytesIO()
    typed.save(buffer)
    got = parse(buffer.getvalue())
    twin = parse(_pages(RULED, [0, 1]))
    assert got.source.ocr
    assert [(r.id, r.status) for r in got.records] == [(r.id, r.status) for r in twin.records]
    by_page = {r.location.page: r for r in got.records}
    assert all(f.confidence is None for f in by_page[1].figures)
    assert all(f.confidence is not None for f in by_page[2].figures)


@needs_ocr
def test_a_page_out_of_time_is_noted_not_fatal() -> None:
    from appendixparse.readers.pdf import read_pdf

    scan = make_scan(_pages(RULED, [1]), dpi=150)
    grid = read_pdf(scan, "scan.pdf", Options(ocr_page_timeout_s=0.001))
    assert any("Options.ocr_page_timeout_s" in u.reason for u in grid.unplaced)


# ------------------------------------------------------------------------- OCR not installed


def test_without_tesserocr_a_scan_names_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(ocr._MODULES, "tesserocr_not_installed_here", "tesserocr")
    path = tmp_path / "scan.pdf"
    path.write_bytes(_blank_scan())
    with pytest.raises(OcrUnavailableError, match=r"pip install tesserocr .*appendixparse\[ocr\]"):
        parse(path)
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "scan.pdf" in err and "pip install" in err


def test_without_tesseract_data_a_scan_names_the_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    from appendixparse.readers.pdf.ocr import engine

    if any(ocr.importlib.util.find_spec(m) is None for m in ocr._MODULES):
        pytest.skip("the OCR packages are absent: the message names them first")
    monkeypatch.setenv("TESSDATA_PREFIX", "")
    monkeypatch.setattr(engine, "_TESSDATA_DIRS", ())
    with pytest.raises(OcrUnavailableError, match="apt install tesseract-ocr-vie"):
        parse(_blank_scan())


def _blank_scan() -> bytes:
    """An image-only page: what a scanner makes of a blank sheet."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (850, 1100), 255).save(buffer, "PDF", resolution=100)
    return buffer.getvalue()


def test_a_page_that_is_one_image_is_a_scan_a_small_picture_is_not() -> None:
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from appendixparse.options import Options
    from appendixparse.readers.pdf.engines import _open_document
    from appendixparse.readers.pdf.page import _read_page
    from appendixparse.readers.pdf.text import _Decoder

    def scan_like(pdf: bytes, engine: str) -> bool:
        document = _open_document(pdf, "scan.pdf", Options(pdf_engine=engine))  # type: ignore[arg-type]
        try:
            drawn = document.read(0)
            return ocr.is_scan(drawn, _read_page(drawn, 1, _Decoder()))
        finally:
            document.close()

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.drawImage(ImageReader(io.BytesIO(_blank_scan_png())), 72, 400, width=200, height=200)
    c.save()
    for engine in ("pdfium", "pdfplumber"):  # each engine measures the image's share
        assert scan_like(_blank_scan(), engine), engine
        assert not scan_like(buffer.getvalue(), engine), engine  # "no text layer", not OCR'd


def _blank_scan_png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (64, 64), 128).save(buffer, "PNG")
    return buffer.getvalue()


# ------------------------------------------------------------------------ confidence, checks


def _record(target: str, status: str, notes: str, confidence: float | None) -> Record:
    record = Record(
        id="II.12", stt="12", target=target, status_raw=status, status="completed", notes=notes
    )
    record.figures = extract_figures(notes, field="notes")
    record.target_figures = extract_figures(target, field="target")
    if confidence is not None:
        with_confidence(record.figures, notes, [confidence] * len(notes.split()))
        with_confidence(record.target_figures, target, [96.0] * len(target.split()))
    return record


def _checked(record: Record) -> list[tuple[str, str]]:
    report = Report(source=Source(format="pdf", sha256="0"), records=[record], period=Period())
    return [(f.code, f.severity) for f in run_checks(report)]


TARGET = "Tỷ lệ hồ sơ giải quyết trực tuyến đạt tối thiểu 80%"
NOTES = "Tỷ lệ hồ sơ giải quyết trực tuyến đạt 55,54%"


def test_a_low_confidence_figure_decides_no_check() -> None:
    assert ("completed_below_target", "error") in _checked(
        _record(TARGET, "Đã thực hiện", NOTES, None)
    )
    assert ("completed_below_target", "error") in _checked(
        _record(TARGET, "Đã thực hiện", NOTES, 95)
    )
    flags = _checked(_record(TARGET, "Đã thực hiện", NOTES, 41))
    assert ("completed_below_target", "error") not in flags
    assert ("ocr_low_confidence", "warning") in flags
    assert ("not_measurable", "info") in flags


def test_the_threshold_is_an_option() -> None:
    record = _record(TARGET, "Đã thực hiện", NOTES, 70)
    report = Report(source=Source(format="pdf", sha256="0"), records=[record], period=Period())
    assert "completed_below_target" in {f.code for f in run_checks(report, ocr_min_confidence=60)}
    assert "ocr_low_confidence" in {f.code for f in run_checks(report, ocr_min_confidence=80)}


def test_ocr_never_raises_an_error_on_its_reading_of_comma_and_dot() -> None:
    # "1,381" is 1.381 people; read as "1.381" the share is right. OCR cannot tell them apart.
    notes = "Tổng số 1,381 người được đánh giá, trong đó: 287 người, chiếm tỷ lệ 20,8%"
    target = "Tối thiểu 95% cán bộ được đánh giá"
    assert ("share_mismatch", "error") in _checked(_record(target, "Đã thực hiện", notes, None))
    flags = _checked(_record(target, "Đã thực hiện", notes, 95))
    assert not any(severity == "error" for _, severity in flags)
    assert ("not_measurable", "info") in flags


def test_a_figure_takes_the_lowest_confidence_of_its_words() -> None:
    text = "đạt 80,5 % hồ sơ"
    [figure] = with_confidence(extract_figures(text), text, [97, 91, 64, 95, 95])
    assert isinstance(figure, Figure) and figure.confidence == 64


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("STT", True),  # a repeated header's STT cell: never a row number
        ("TT", True),
        ("ST1T", True),
        ("Stt", True),
        ("11", False),
        ("IV", False),
        ("H", False),  # II read so
        ("hÌ", False),  # a numeral's strokes, marks and all (the landscape scan's section)
        ("ll", False),  # 11 read so
        ("S.", False),
    ],
)
def test_a_header_word_is_no_misread_number(text: str, word: bool) -> None:
    from appendixparse.readers.pdf.ocr.page import _is_word

    assert _is_word(text) is word


def test_a_scans_repeated_header_is_told_from_the_row_it_cut() -> None:
    # OCR reads a repeated header nearly as on the first page ("Cac" for "Các"), its STT
    # heading as the number it looks like ("S11" → "4"); the rest of the row the page break
    # cut, read with it, is split off (justified-narrow scan, page 5).
    from appendixparse.readers.pdf.assembly import _after_header

    header = ["STT", "Các mục tiêu cụ thể", "Đánh giá\nmức độ", "Thực trạng/Giải pháp"]
    cells = [
        "4",
        "Cac mục tiêu cụ thể\nđơn vị sự nghiệp",
        "Đánh giá\nmức độ\nhiện",
        "Thực trạng/Giải phap\nphân công",
    ]
    assert _after_header(cells, header) == ["", "đơn vị sự nghiệp", "hiện", "phân công"]
    assert _after_header(["Tỷ lệ hồ sơ", *cells[1:]], header) is None  # no STT heading misread
    assert _after_header(["4", "Tỷ lệ hồ sơ\nđơn vị", *cells[2:]], header) is None


def test_the_comparison_counts_indicator_rows_read_with_the_twins_value():
    # Indicator forms have no records: the scan benchmarks measure them by their rows' values.
    twin = parse(SAMPLES / "indicators-scoring.pdf")
    misread = twin.model_copy(deep=True)
    misread.indicators[0].value = (misread.indicators[0].value or 0) * 10 + 1  # "2,5" as "25"
    del misread.indicators[-1]
    full, worse = compare(twin, twin), compare(misread, twin)
    assert full.indicators == full.twin_indicators == len(twin.indicators) > 2
    assert worse.indicators == len(twin.indicators) - 2
