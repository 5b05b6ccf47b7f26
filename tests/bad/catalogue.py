"""A catalogue of bad files, made on the fly: each with the error it must raise (or None when a
report must come out). Used by the robustness tests and the robustness benchmark."""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from appendixparse import errors

from helpers import write_pdf

HEADER_ROW = "STT\tMục tiêu\tĐánh giá\tKết quả\n"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(body: str, *, prolog: str = "", extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal DOCX whose document body is ``body`` (WordprocessingML inside <w:body>)."""
    xml = f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document {W}><w:body>{body}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return out.getvalue()


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{_p(text)}</w:tc>"


def _tbl(rows: list[list[str]]) -> str:
    return (
        "<w:tbl>"
        + "".join("<w:tr>" + "".join(_tc(c) for c in r) + "</w:tr>" for r in rows)
        + "</w:tbl>"
    )


GOOD_ROWS = [
    ["STT", "Mục tiêu", "Đánh giá", "Kết quả"],
    ["I", "THỂ CHẾ", "", ""],
    ["1", "A", "Đạt", "x"],
]


@cache
def good_docx() -> bytes:
    return _docx(_tbl(GOOD_ROWS))


@cache
def _zip_bomb() -> bytes:
    """A DOCX whose document.xml inflates to 100 MB of spaces (100 kB compressed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as member:
            member.write(f"<w:document {W}><w:body>".encode())
            block = b" " * (1 << 20)
            for _ in range(100):
                member.write(block)
            member.write(b"</w:body></w:document>")
    return out.getvalue()


def _zip_bomb_lying() -> bytes:
    """A zip bomb whose central directory lies about the size (declares 1 KB)."""
    data = bytearray(_zip_bomb())
    # Patch every central-directory and local header's uncompressed size of document.xml.
    name = b"word/document.xml"
    at = 0
    while (at := data.find(name, at + 1)) != -1:
        for header, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
            start = data.rfind(header, 0, at)
            if start != -1 and at - start in (30, 46):
                data[start + offset : start + offset + 4] = (1024).to_bytes(4, "little")
    return bytes(data)


def _many_entries() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", f"<w:document {W}><w:body/></w:document>")
        for i in range(6000):
            z.writestr(f"word/media/x{i}.bin", b"")
    return out.getvalue()


XXE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
)


def _pdf(draw: Callable, **canvas_args) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, **canvas_args)
    draw(c)
    c.save()
    return out.getvalue()


def _pdf_text(c) -> None:
    c.drawString(72, 720, "Bao cao khong co bang nao ca")


def _pdf_image_only(c) -> None:
    from reportlab.lib.utils import ImageReader

    png = _png()
    c.drawImage(ImageReader(io.BytesIO(png)), 72, 400, width=300, height=300)


def _png() -> bytes:
    raw = b"".join(b"\x00" + bytes([(x * y) % 256 for x in range(64)]) for y in range(64))

    def chunk(tag: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + tag + body + zlib.crc32(tag + body).to_bytes(4, "big")

    ihdr = (64).to_bytes(4, "big") * 2 + b"\x08\x00\x00\x00\x00"
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _pdf_table(c) -> None:
    y = 760
    for row in [*GOOD_ROWS]:
        for x, text in zip((40, 90, 300, 400), row):
            c.drawString(x, y, text.encode("ascii", "ignore").decode() or text)
        y -= 20


def _many_pages(c) -> None:
    for i in range(600):
        c.drawString(72, 720, f"page {i}")
        c.showPage()


def _heavy_page() -> bytes:
    """A one-page PDF whose content stream draws 300,000 lines."""
    ops = b"".join(
        b"%d %d m %d %d l S\n" % (i % 500, i % 700, (i * 7) % 500, (i * 3) % 700)
        for i in range(300_000)
    )
    stream = zlib.compress(ops)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    return write_pdf(objects)


def _xobject_fan_out(depth: int = 7, fan: int = 10) -> bytes:
    """A one-page PDF of a few hundred bytes whose form XObjects each draw the next ``fan``
    times: ``fan ** depth`` pieces of text and rectangles for pdfminer to interpret."""
    forms = []
    for level in range(depth):
        number = 6 + level
        if level < depth - 1:
            content = b"".join(
                b"q 1 0 0 1 %d 0 cm /F%d Do Q\n" % (i, level + 1) for i in range(fan)
            )
            resources = b"<< /XObject << /F%d %d 0 R >> >>" % (level + 1, number + 1)
        else:
            content = b"BT /F1 1 Tf 0 0 Td (x) Tj ET 0 0 1 1 re f\n"
            resources = b"<< /Font << /F1 4 0 R >> >>"
        forms.append(
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources %s /Length %d >>"
            b"\nstream\n%s\nendstream" % (resources, len(content), content)
        )
    page = b"/F0 Do\n"
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 5 0 R "
        b"/Resources << /XObject << /F0 6 0 R >> /Font << /F1 4 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(page), page),
        *forms,
    ])  # fmt: skip


@dataclass(frozen=True)
class BadFile:
    name: str
    make: Callable[[], bytes]
    error: type[errors.AppendixParseError] | None  # None: a report must come out
    needs: str = "text"  # the reader it exercises


CATALOGUE: list[BadFile] = [
    BadFile("empty.txt", lambda: b"", errors.CorruptFileError),
    BadFile("empty.docx", lambda: b"", errors.CorruptFileError),
    BadFile("empty.pdf", lambda: b"", errors.CorruptFileError),
    BadFile("random.bin", lambda: os.urandom(4096), errors.UnsupportedFormatError),
    BadFile("random-named.docx", lambda: bytes(range(256)) * 16, errors.UnsupportedFormatError),
    BadFile(
        "html-renamed.pdf",
        lambda: b"<!DOCTYPE html><html><body>404</body></html>",
        errors.UnsupportedFormatError,
    ),
    BadFile(
        "html-renamed.docx",
        lambda: b"<html><head></head><body>x</body></html>",
        errors.UnsupportedFormatError,
    ),
    BadFile("png-renamed.pdf", _png, errors.UnsupportedFormatError),
    BadFile("rtf-renamed.doc", lambda: rb"{\rtf1\ansi Phu luc}", errors.UnsupportedFormatError),
    BadFile(
        "ole-garbage.doc",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),
        errors.UnsupportedFormatError,
    ),
    BadFile(
        "zip-of-text.docx", lambda: _zip_with({"a.txt": b"hello"}), errors.UnsupportedFormatError
    ),
    BadFile("no-text-at-all.txt", lambda: b"\n\n   \n\t\n", errors.AppendixParseError),
    BadFile("one-enormous-line.txt", lambda: b"x" * 20_000_000, errors.FileTooLargeError),
    BadFile(
        "five-megabyte-line.txt",  # CSV sniffing copied the rest of the line at every cell
        lambda: ("Đã thực hiện, 111/238 TTHC; đạt 55,54% | " * 120_000).encode(),
        errors.NoAssessmentTableError,
    ),
    BadFile(
        "enormous-cell.txt",
        lambda: (HEADER_ROW + "1\tA\tĐạt\t" + "số liệu " * 500_000).encode(),
        None,
    ),
    BadFile(
        "tsv-without-assessment.txt", lambda: b"a\tb\tc\n1\t2\t3\n", errors.NoAssessmentTableError
    ),
    BadFile("header-only.txt", lambda: HEADER_ROW.encode(), None),
    BadFile(
        "truncated.docx",
        lambda: good_docx()[: len(good_docx()) // 2],
        errors.CorruptFileError,
        "docx",
    ),
    BadFile("zip-bomb.docx", _zip_bomb, errors.FileTooLargeError, "docx"),
    BadFile("zip-bomb-lying-sizes.docx", _zip_bomb_lying, errors.AppendixParseError, "docx"),
    BadFile("many-entries.docx", _many_entries, errors.FileTooLargeError, "docx"),
    BadFile(
        "xxe.docx",
        lambda: _docx(_tbl(GOOD_ROWS).replace("x</w:t>", "&xxe;</w:t>"), prolog=XXE),
        errors.CorruptFileError,
        "docx",
    ),
    BadFile(
        "billion-laughs.docx",
        lambda: _docx(_p("&lol4;"), prolog=LAUGHS),
        errors.CorruptFileError,
        "docx",
    ),
    BadFile(
        "no-document-part.docx",
        lambda: _zip_with(
            {"[Content_Types].xml": CONTENT_TYPES.encode(), "word/other.xml": b"<x/>"}
        ),
        errors.AppendixParseError,
        "docx",
    ),
    BadFile(
        "not-xml.docx",
        lambda: _zip_with(
            {
                "[Content_Types].xml": CONTENT_TYPES.encode(),
                "_rels/.rels": RELS.encode(),
                "word/document.xml": b"\x00\x01 not xml",
            }
        ),
        errors.CorruptFileError,
        "docx",
    ),
    BadFile(
        "no-table.docx",
        lambda: _docx(_p("Báo cáo") + _p("Không có bảng")),
        errors.NoAssessmentTableError,
        "docx",
    ),
    BadFile(
        "other-table.docx",
        lambda: _docx(_tbl([["Họ tên", "Chức vụ"], ["A", "B"]])),
        errors.NoAssessmentTableError,
        "docx",
    ),
    BadFile(
        "huge-gridspan.docx",
        lambda: _docx(
            _tbl(GOOD_ROWS).replace(
                "<w:tc><w:p><w:r><w:t>THỂ CHẾ",
                '<w:tc><w:tcPr><w:gridSpan w:val="2000000000"/></w:tcPr><w:p><w:r><w:t>THỂ CHẾ',
            )
        ),
        None,
        "docx",
    ),
    BadFile("deep-nesting.docx", lambda: _docx(_nested(60)), errors.AppendixParseError, "docx"),
    BadFile("truncated.pdf", lambda: _pdf(_pdf_table)[:400], errors.CorruptFileError, "pdf"),
    BadFile("no-table.pdf", lambda: _pdf(_pdf_text), errors.NoAssessmentTableError, "pdf"),
    BadFile("image-only.pdf", lambda: _pdf(_pdf_image_only), errors.ScannedDocumentError, "pdf"),
    BadFile(
        "encrypted.pdf",
        lambda: _pdf(_pdf_text, encrypt="mat-khau"),
        errors.EncryptedFileError,
        "pdf",
    ),
    BadFile("thousand-pages.pdf", lambda: _pdf(_many_pages), errors.FileTooLargeError, "pdf"),
    BadFile("heavy-page.pdf", _heavy_page, errors.AppendixParseError, "pdf"),
    BadFile("xobject-fan-out.pdf", _xobject_fan_out, errors.FileTooLargeError, "pdf"),
    BadFile("truncated.xlsx", lambda: good_docx()[:100], errors.CorruptFileError, "xlsx"),
]


def _zip_with(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def _nested(depth: int) -> str:
    inner = _p("x")
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>" + _p("")
    return inner
