"""Styles read as the walk asks for them: found by their tags, the same fonts as a whole parse."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.parts.styles import StylesPart

from appendixparse.options import Options
from appendixparse.readers.docx import StyleCache, read_docx
from appendixparse.readers.docx.names import Names
from appendixparse.readers.docx.package import WordPackage
from appendixparse.readers.docx.styles import ParsedStyles, StyleSheet, read_styles
from appendixparse.readers.docx.stylescan import scan_styles
from test_docx import W, make_docx, p

from conftest import SAMPLES

ROOT = f'<w:styles xmlns:w="{W}">'
DEFAULTS = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr>'
    "</w:rPrDefault></w:docDefaults>"
)
LATENT = '<w:latentStyles w:count="1"><w:lsdException w:name="Normal"/></w:latentStyles>'


def style(style_id: str, inner: str = "", kind: str = "paragraph", extra: str = "") -> str:
    return f'<w:style w:type="{kind}" w:styleId="{style_id}"{extra}>{inner}</w:style>'


def fonts(name: str) -> str:
    return f'<w:rPr><w:rFonts w:ascii="{name}" w:hAnsi="{name}"/></w:rPr>'


def based(on: str) -> str:
    return f'<w:basedOn w:val="{on}"/>'


NUMBERED = '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr>'
STYLES = (
    style("Normal", fonts(".VnTime"), extra=' w:default="1"')
    + style("Heading", based("Normal") + fonts(".VnTimeH"))
    + style("Body", based("Heading"))  # a font two steps up its chain
    + style("Orphan", based("Missing"))
    + style("LoopA", based("LoopB"))
    + style("LoopB", based("LoopA"))
    + style("Theme", '<w:rPr><w:rFonts w:asciiTheme="minorHAnsi"/></w:rPr>')
    + style("Twice", NUMBERED)
    + style("Twice", fonts("VNI-Times"))  # the last one's font, the last list either numbers
    + style("List", based("Normal") + NUMBERED)
    + '<w:style w:type="character" w:styleId="Empty"/>'
    + style("Strong", fonts("Symbol"), kind="character")
    + style("", fonts("Nameless"))
)
IDS = ["Normal", "Heading", "Body", "Orphan", "LoopA", "LoopB", "Theme", "Twice", "List",
       "Empty", "Strong", "Missing", "", "Nameless"]  # fmt: skip

# Parts of Word's shape, which the scan indexes.
USUAL = {
    "plain": ROOT + DEFAULTS + LATENT + STYLES + "</w:styles>",
    "declared": "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\r\n"
    + ROOT + DEFAULTS + LATENT + "\n " + STYLES.replace("><w:style", ">\n  <w:style")
    + "\n</w:styles>\n",
    "byte-order mark": "\ufeff" + ROOT + DEFAULTS + STYLES + "</w:styles>",
    "no defaults": ROOT + LATENT + STYLES + "</w:styles>",
    "no styles": ROOT + DEFAULTS + "</w:styles>",
    "other prefix": (ROOT + DEFAULTS + STYLES + "</w:styles>").replace("w:", "x:")
    .replace("xmlns:w=", "xmlns:x="),
    "single quotes": ROOT + DEFAULTS + STYLES.replace('"', "'") + "</w:styles>",
    "other namespaces": ROOT.replace(">", ' xmlns:o="urn:o" o:a="1">') + DEFAULTS
    + style("Normal", '<o:x xmlns:w="urn:other"><w:rPr/></o:x>' + fonts("Mixed"))
    + "</w:styles>",
}  # fmt: skip
# Parts of other shapes, parsed whole: a style read by the scan would be read differently.
UNUSUAL = {
    "a comment between styles": ROOT + DEFAULTS + STYLES.replace("</w:style><w:style",
                                                                  "</w:style><!-- x --><w:style")
    + "</w:styles>",
    "a style inside another element": ROOT + DEFAULTS
    + "<w:latentStyles>" + style("Normal", fonts("Inner")) + "</w:latentStyles>"
    + style("Heading", fonts("Outer")) + "</w:styles>",
    "a prefix bound anew": ROOT + DEFAULTS
    + style("Normal", fonts("Other"), extra=' xmlns:w="urn:other"') + STYLES + "</w:styles>",
    "a prefix bound anew in the head": ROOT + DEFAULTS
    + '<u:x xmlns:u="urn:u"/>' + STYLES + "</w:styles>",
    "the default namespace": f'<w:styles xmlns:w="{W}" xmlns="{W}">' + DEFAULTS
    + '<style styleId="Normal"/>' + STYLES + "</w:styles>",
    "two prefixes": ROOT.replace(">", f' xmlns:v="{W}">') + DEFAULTS
    + '<v:style v:styleId="Normal">' + fonts("V") + "</v:style>" + STYLES + "</w:styles>",
    "a legacy encoding": '<?xml version="1.0" encoding="windows-1252"?>' + ROOT + DEFAULTS
    + style("Normal", fonts("Caf\xe9")) + "</w:styles>",
    "a reference in an id": ROOT + DEFAULTS + style("N&#111;rmal", fonts("Ref"))
    + STYLES + "</w:styles>",
    "a tab in an id": ROOT + DEFAULTS + style("Nor\tmal", fonts("Tab")) + STYLES
    + "</w:styles>",
    "text between styles": ROOT + DEFAULTS + STYLES.replace("</w:style><w:style",
                                                            "</w:style>x<w:style")
    + "</w:styles>",
    "defaults after the latent styles": ROOT + LATENT + DEFAULTS + STYLES + "</w:styles>",
    "two defaults": ROOT + DEFAULTS + DEFAULTS.replace("Arial", "Second") + STYLES
    + "</w:styles>",
    "a style after the last": ROOT + DEFAULTS + STYLES + "<w:x/></w:styles>",
    "another root": f'<w:numbering xmlns:w="{W}">' + DEFAULTS + STYLES + "</w:numbering>",
    "another namespace": '<w:styles xmlns:w="urn:not-word">' + DEFAULTS + STYLES
    + "</w:styles>",
    "truncated": ROOT + DEFAULTS + STYLES,
    "a style inside a style": ROOT + DEFAULTS
    + style("Normal", style("Inner", fonts("Inner"))) + "</w:styles>",
}  # fmt: skip


def with_styles(data: bytes, styles: str) -> bytes:
    """``data`` with its styles part replaced by ``styles`` exactly."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as original, zipfile.ZipFile(buffer, "w") as target:
        for info in original.infolist():
            if info.filename != "word/styles.xml":
                target.writestr(info, original.read(info))
        encoding = "cp1252" if "windows-1252" in styles else "utf-8"
        target.writestr("word/styles.xml", styles.encode(encoding))
    return buffer.getvalue()


def package_with(styles: str) -> WordPackage:
    """A package whose styles part is ``styles`` exactly."""
    return WordPackage(with_styles(make_docx(p("x"), styles=""), styles), "s.docx", Options())


def described(sheet: StyleSheet, ids: list[str]) -> list[Any]:
    return [sheet.default_font, sheet.default_paragraph_style] + [
        (i, sheet.font(i), sheet.numbering(i)) for i in ids
    ]


def both_ways(package: WordPackage, ids: list[str]) -> tuple[list[Any], list[Any]]:
    """The sheet as the reader reads it, and as a whole parse of the part reads it."""
    n, part = Names(W), package.related(RT.STYLES)
    assert part is not None
    parsed = package.parsed(part, StylesPart)
    whole = StyleSheet(ParsedStyles(parsed.element, n) if parsed is not None else None, n)
    return described(StyleSheet(read_styles(package, part, n), n), ids), described(whole, ids)


@pytest.mark.parametrize("shape", sorted(USUAL))
def test_a_part_of_words_shape_is_scanned_to_the_fonts_of_a_whole_parse(shape: str) -> None:
    package = package_with(USUAL[shape])
    part = package.related(RT.STYLES)
    assert part is not None and scan_styles(part.blob, W, "s.docx", "styles.xml") is not None
    scanned, whole = both_ways(package, IDS)
    assert scanned == whole


def test_chains_duplicates_and_defaults_read_as_word_reads_them() -> None:
    scanned, _ = both_ways(package_with(USUAL["plain"]), IDS)
    assert scanned[:2] == ["Arial", "Normal"]
    by_id = {i: (font, numbering) for i, font, numbering in scanned[2:]}
    assert by_id["Body"] == ((True, ".VnTimeH"), None)  # through Heading's basedOn
    assert by_id["Orphan"] == by_id["LoopA"] == by_id["Missing"] == ((False, None), None)
    assert by_id["Theme"] == ((True, None), None)
    assert by_id["Twice"] == ((True, "VNI-Times"), ("7", 1))
    assert by_id["List"] == ((True, ".VnTime"), ("7", 1))
    assert by_id["Nameless"] == ((False, None), None)


@pytest.mark.parametrize("shape", sorted(UNUSUAL))
def test_a_part_of_another_shape_is_parsed_whole(shape: str) -> None:
    package = package_with(UNUSUAL[shape])
    part = package.related(RT.STYLES)
    assert part is not None and scan_styles(part.blob, W, "s.docx", "styles.xml") is None
    ids = [*IDS, "Nrmal", "Nor mal", "Inner", "Outer", "Other", "Café"]
    scanned, whole = both_ways(package, ids)
    assert scanned == whole


def test_the_samples_templates_are_scanned_to_the_fonts_of_a_whole_parse() -> None:
    for path in sorted(SAMPLES.glob("*.docx"))[:3]:
        package = WordPackage(path.read_bytes(), path.name, Options())
        part = package.related(RT.STYLES)
        assert part is not None
        assert scan_styles(part.blob, W, path.name, "styles.xml") is not None
        parsed = package.parsed(part, StylesPart)
        assert parsed is not None
        ids = [s.get(f"{{{W}}}styleId") for s in parsed.element.iterchildren(f"{{{W}}}style")]
        scanned, whole = both_ways(package, [i for i in ids if i])
        assert scanned == whole and len(scanned) > 100


def test_only_the_styles_a_document_uses_are_parsed() -> None:
    # A style the document never uses is not parsed, so its damage costs no other font; a
    # damaged style it uses reads as missing (a whole parse would lose every font).
    part = ROOT + DEFAULTS + style("Legacy", fonts(".VnTime")) + style("Broken", "<w:rPr>")
    part += "</w:styles>"
    body = '<w:p><w:pPr><w:pStyle w:val="Legacy"/></w:pPr><w:r><w:t>Tû lÖ</w:t></w:r></w:p>'
    grid = read_docx(with_styles(make_docx(body, styles=""), part), "s.docx", styles=StyleCache())
    assert grid.blocks[0].text == "Tỷ lệ"  # type: ignore[union-attr]
    package = package_with(part)
    sheet = StyleSheet(read_styles(package, package.related(RT.STYLES), Names(W)), Names(W))
    assert sheet.font("Legacy") == (True, ".VnTime")
    assert sheet.font("Broken") == (False, None)
    assert sheet.default_font == "Arial"
