"""Issue 15: nothing silently lost — each mechanism on a generated document that reproduces it."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from appendixparse import Options, consolidate, parse
from appendixparse.cli import main
from appendixparse.errors import (
    AppendixParseError,
    ConversionUnavailableError,
    NoAppendixFoundError,
    NoAssessmentTableError,
    ScannedDocumentError,
)
from appendixparse.grid import Grid, Row, Table
from appendixparse.readers.ole import OLE_MAGIC
from appendixparse.table.layout import find_layout

from bad.catalogue import _png
from conftest import SAMPLES

# --------------------------------------------------------------------------------------------
# A scan whose pages also carry drawn lines


def _scan_with_rules(pages: int = 3) -> bytes:
    """An image-only PDF with a form's ruled grid drawn over each page: ruled tables, no text."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, invariant=1)
    for _ in range(pages):
        c.drawImage(ImageReader(io.BytesIO(_png())), 50, 300, width=500, height=400)
        for y in range(300, 701, 50):
            c.line(50, y, 550, y)
        for x in (50, 100, 300, 450, 550):
            c.line(x, 300, x, 700)
        c.showPage()
    c.save()
    return out.getvalue()


def test_scan_with_drawn_rules_is_a_scan_not_a_document_without_table() -> None:
    with pytest.raises(ScannedDocumentError, match="no text layer") as caught:
        parse(_scan_with_rules(), format="pdf")
    assert "table 1" not in str(caught.value)


# --------------------------------------------------------------------------------------------
# Zero records is no appendix


ZERO_RECORDS = "Phụ lục\nSTT\tMục tiêu\tĐánh giá\tKết quả\n\tGhi chú: các đơn vị điền số liệu\t\t\n"


def test_a_table_that_gives_no_record_is_no_appendix(tmp_path: Path) -> None:
    path = tmp_path / "zero.txt"
    path.write_text(ZERO_RECORDS, encoding="utf-8")
    with pytest.raises(NoAppendixFoundError, match="no appendix found") as caught:
        parse(path)
    assert isinstance(caught.value, AppendixParseError)
    assert str(path) in str(caught.value)


def test_cli_exits_2_on_one_line_for_zero_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "zero.txt"
    path.write_text(ZERO_RECORDS, encoding="utf-8")
    assert main(["parse", str(path)]) == 2
    assert main(["check", str(path)]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2 and all(str(path) in line for line in lines)


def test_no_assessment_table_lists_a_few_tables_shortly() -> None:
    wide = [f"Cột tiêu đề số {i} của một bảng rất rộng" for i in range(30)]
    tables = [Table(rows=[Row(cells=wide), Row(cells=["1"] * 30)], index=i) for i in range(1, 21)]
    with pytest.raises(NoAssessmentTableError) as caught:
        find_layout(Grid(blocks=list(tables), format="test"), "x.docx")
    message = str(caught.value)
    assert "\n" not in message and len(message) < 400, len(message)
    assert "20 table(s)" in message and "table 1: Cột tiêu đề số 0" in message
    assert "table 4" not in message and "17 more" in message


# --------------------------------------------------------------------------------------------
# LibreOffice: a missing component, RTF, one start per batch

_FAKE_SOFFICE = """#!{python}
import json, os, shutil, sys
from pathlib import Path
args = sys.argv[1:]
with open({log!r}, "a") as log:
    log.write(json.dumps(args) + "\\n")
target = args[args.index("--convert-to") + 1]
out = Path(args[args.index("--outdir") + 1])
out.mkdir(parents=True, exist_ok=True)
for name in args[args.index("--outdir") + 2:]:
    shutil.copy({converted!r}, out / (Path(name).stem + "." + target))
"""


def _fake_soffice(folder: Path, converted: Path, *, markers: tuple[str, ...] = ()) -> Path:
    """A LibreOffice stand-in that logs each start and "converts" every file to ``converted``;
    ``markers`` are files put beside it (a LibreOffice program folder's ``sofficerc``…)."""
    folder.mkdir(parents=True, exist_ok=True)
    exe = folder / "soffice"
    log = folder / "starts.log"
    exe.write_text(
        _FAKE_SOFFICE.format(python=sys.executable, log=str(log), converted=str(converted))
    )
    exe.chmod(0o755)
    for marker in markers:
        (folder / marker).write_bytes(b"")
    return exe


def _starts(exe: Path) -> list[list[str]]:
    log = exe.parent / "starts.log"
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def _ole(stream: str, tag: int) -> bytes:
    """Bytes that read as an old Office file naming ``stream`` ("WordDocument", "Workbook")."""
    return OLE_MAGIC + bytes(504) + stream.encode("utf-16-le") + tag.to_bytes(4, "big")


def test_xls_without_calc_names_the_package(tmp_path: Path) -> None:
    exe = _fake_soffice(
        tmp_path / "program", SAMPLES / "docx-split-table.docx", markers=("sofficerc", "libswlo.so")
    )
    with pytest.raises(ConversionUnavailableError, match="libreoffice-calc") as caught:
        parse(_ole("Workbook", 1), format="xls", options=Options(libreoffice=str(exe)))
    assert "Calc" in caught.value.reason
    assert _starts(exe) == []  # known missing: LibreOffice is not started for nothing
    # Writer is there: a .doc is converted
    report = parse(_ole("WordDocument", 1), options=Options(libreoffice=str(exe)))
    assert report.source.format == "doc" and report.records


def test_rtf_is_converted_like_doc(tmp_path: Path) -> None:
    exe = _fake_soffice(tmp_path / "lo", SAMPLES / "docx-split-table.docx")
    report = parse(rb"{\rtf1\ansi Phu luc}", options=Options(libreoffice=str(exe)))
    assert report.source.format == "rtf" and len(report.records) == 6
    assert _starts(exe)[0][-1].endswith(".rtf")


def _rtf_escape(text: str) -> str:
    return "".join(ch if ord(ch) < 128 else f"\\u{ord(ch)}?" for ch in text)


def _rtf_table(rows: list[list[str]]) -> bytes:
    """An RTF document holding one table of ``rows`` (as Word writes it, Unicode escapes)."""
    edges = "".join(f"\\cellx{2000 * (i + 1)}" for i in range(len(rows[0])))
    body = "".join(
        f"\\trowd{edges}" + "".join(f"\\intbl {_rtf_escape(c)}\\cell " for c in row) + "\\row\n"
        for row in rows
    )
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n" + body + "}").encode()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_real_rtf_through_libreoffice(tmp_path: Path) -> None:
    path = tmp_path / "phu-luc.rtf"
    rows = [
        ["STT", "Mục tiêu", "Đánh giá", "Kết quả"],
        ["I", "CẢI CÁCH THỂ CHẾ", "", ""],
        ["1", "100% văn bản được rà soát", "Đã hoàn thành", "Đạt 100%"],
    ]
    path.write_bytes(_rtf_table(rows))
    report = parse(path)
    assert report.source.format == "rtf"
    assert [(r.id, r.status) for r in report.records] == [("I.1", "completed")]


def test_a_batch_of_doc_files_starts_libreoffice_once(tmp_path: Path) -> None:
    exe = _fake_soffice(tmp_path / "lo", SAMPLES / "docx-split-table.docx")
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    for number in range(12):
        (folder / f"don-vi-{number}.doc").write_bytes(_ole("WordDocument", number))
    (folder / "trung-lap.doc").write_bytes(_ole("WordDocument", 0))  # the same bytes again
    result = consolidate([folder], jobs=2, options=Options(libreoffice=str(exe)))
    assert result.documents == 13 and result.errors.empty
    starts = _starts(exe)
    assert len(starts) == 1
    assert sum(a.endswith(".doc") for a in starts[0]) == 12  # each content converted once


def test_a_file_the_batch_could_not_convert_is_tried_alone(tmp_path: Path) -> None:
    exe = _fake_soffice(tmp_path / "lo", tmp_path / "nothing.docx")  # converts to a missing file
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    (folder / "a.doc").write_bytes(_ole("WordDocument", 1))
    result = consolidate([folder], jobs=1, options=Options(libreoffice=str(exe)))
    assert list(result.errors["error"]) == ["CorruptFileError"]
    assert len(_starts(exe)) == 2  # the batch, then the file alone


def test_converted_dir_is_validated() -> None:
    with pytest.raises(ValueError, match="converted_dir must be a folder"):
        Options(converted_dir=3)  # type: ignore[arg-type]
