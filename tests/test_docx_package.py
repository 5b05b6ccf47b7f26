"""The DOCX reader's package access through python-docx, and its style-sheet memo."""

from __future__ import annotations

import gc
import io
import sys
import zipfile
from pathlib import Path

import pytest

from appendixparse.errors import CorruptFileError, FileTooLargeError
from appendixparse.options import Options
from appendixparse.readers.docx import StyleCache, read_docx
from appendixparse.readers.docx.package import WordPackage
from test_docx import W, make_docx, p

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FONT_STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
    '<w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>'
)
TCVN3_WORD = "Tû lÖ"  # "Tỷ lệ" typed in TCVN3


def test_python_docx_opens_the_package() -> None:
    from docx.parts.document import DocumentPart
    from docx.parts.styles import StylesPart

    read_docx(make_docx(p("x"), styles=FONT_STYLES), "a.docx")
    assert "docx" in sys.modules
    package = WordPackage(make_docx(p("x"), styles=FONT_STYLES), "a.docx", Options())
    assert isinstance(package.document, DocumentPart)
    styles = package.related(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
    )
    assert styles is not None and package.parsed(styles, StylesPart) is not None


def test_style_sheets_are_a_pure_memo() -> None:
    document = make_docx(p(TCVN3_WORD), styles=FONT_STYLES)
    plain = make_docx(p(TCVN3_WORD))  # no styles: no font, the text judged by its letters alone
    fresh = [read_docx(d, "a.docx", styles=StyleCache()) for d in (document, plain)]
    cache = StyleCache(size=1)
    for _ in range(2):
        assert [read_docx(d, "a.docx", styles=cache) for d in (document, plain)] == fresh
    assert fresh[0].blocks[0].text == "Tỷ lệ"
    assert len(cache) == 1


def test_style_cache_is_bounded_and_keyed_by_the_parts_bytes() -> None:
    cache = StyleCache(size=2)
    for font in ("A", "B", "C", "A"):
        styles = FONT_STYLES.replace(".VnTime", font)
        read_docx(make_docx(p("x"), styles=styles), "a.docx", styles=cache)
    assert len(cache) == 2
    with pytest.raises(ValueError, match="at least one"):
        StyleCache(size=0)


def test_samples_read_the_same_with_a_cold_and_a_warm_cache() -> None:
    shared = StyleCache()
    for path in sorted(SAMPLES.glob("*.docx")):
        data = path.read_bytes()
        cold = read_docx(data, path.name, styles=StyleCache(1))
        assert read_docx(data, path.name, styles=shared) == cold
        assert read_docx(data, path.name, styles=shared) == cold


def test_no_reference_cycle_keeps_parsed_parts_alive() -> None:
    data = (SAMPLES / "docx-auto-numbering.docx").read_bytes()
    gc.collect()
    read_docx(data, "a.docx", styles=StyleCache(1))
    assert gc.collect() == 0


def test_a_refused_or_broken_styles_part_loses_fonts_not_text() -> None:
    dtd = '<!DOCTYPE s [<!ENTITY e "x">]>'
    for styles in (dtd + f'<w:styles xmlns:w="{W}">{FONT_STYLES}</w:styles>',
                   f'<w:styles xmlns:w="{W}">{FONT_STYLES}'):  # fmt: skip
        buffer = io.BytesIO()
        with (
            zipfile.ZipFile(make_docx_buffer(p("Tỷ lệ"))) as source,
            zipfile.ZipFile(buffer, "w") as target,
        ):
            for info in source.infolist():
                target.writestr(info, source.read(info))
            target.writestr("word/styles.xml", styles)
        grid = read_docx(buffer.getvalue(), "a.docx", styles=StyleCache())
        assert grid.blocks[0].text == "Tỷ lệ"


def make_docx_buffer(body: str) -> io.BytesIO:
    return io.BytesIO(make_docx(body))


def test_guards_run_before_python_docx_sees_a_part() -> None:
    with pytest.raises(CorruptFileError, match="DTD"):
        read_docx(
            make_docx("", document=f'<!DOCTYPE d [<!ENTITY e "x">]><w:document xmlns:w="{W}"/>'),
            "entity.docx",
        )
    big = make_docx(p("x" * 5000))
    with pytest.raises(FileTooLargeError):
        read_docx(big, "big.docx", Options(max_xml_part_bytes=1000))


def test_relationship_targets_resolve_like_opc_part_names() -> None:
    buffer = io.BytesIO()
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="r" Type="{rel}" Target="/main/doc.xml"/></Relationships>',
        )
        archive.writestr("main/doc.xml", f'<w:document xmlns:w="{W}"><w:body>{p("here")}'
                                         "</w:body></w:document>")  # fmt: skip
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{p("not")}'
                                              "</w:body></w:document>")  # fmt: skip
    assert read_docx(buffer.getvalue(), "a.docx").blocks[0].text == "here"
