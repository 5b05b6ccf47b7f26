"""Issue 15: nothing silently lost — each mechanism on a generated document that reproduces it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from appendixparse import parse
from appendixparse.cli import main
from appendixparse.errors import (
    AppendixParseError,
    NoAppendixFoundError,
    NoAssessmentTableError,
    ScannedDocumentError,
)
from appendixparse.grid import Grid, Row, Table
from appendixparse.table.layout import find_layout

from bad.catalogue import _png

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


ZERO_RECORDS = (
    "Phụ lục\n"
    "STT\tMục tiêu\tĐánh giá\tKết quả\n"
    "\tGhi chú: các đơn vị điền số liệu\t\t\n"
)


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
    tables = [
        Table(rows=[Row(cells=wide), Row(cells=["1"] * 30)], index=i) for i in range(1, 21)
    ]
    with pytest.raises(NoAssessmentTableError) as caught:
        find_layout(Grid(blocks=list(tables), format="test"), "x.docx")
    message = str(caught.value)
    assert "\n" not in message and len(message) < 400, len(message)
    assert "20 table(s)" in message and "table 1: Cột tiêu đề số 0" in message
    assert "table 4" not in message and "17 more" in message
