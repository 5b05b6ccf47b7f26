"""appendixparse.read_text and ``appendixparse text``: the whole document as Unicode text,
legacy encodings decoded run by run, also where TCVN3 and VNI are mixed in one document."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

import appendixparse
from appendixparse.cli import main

from conftest import REAL_TEXT
from generate.docx_samples import (
    MIXED_LEGACY,
    _units,
    encode_document,
    encode_document_mixed,
    several_tables_doc,
)
from generate.docx_writer import save


def _document(tmp_path: Path, name: str, encode=None) -> Path:
    unit = replace(_units()["district-cam-lo"], name=name)
    doc = several_tables_doc(unit)
    if encode is not None:
        encode(doc)
    return save(doc, tmp_path / f"{name}.docx")


@pytest.fixture(scope="module")
def unicode_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _document(tmp_path_factory.mktemp("unicode"), "unicode")


def test_a_mixed_tcvn3_and_vni_document_decodes_to_its_unicode_source(
    tmp_path: Path, unicode_docx: Path
) -> None:
    mixed = _document(tmp_path, "mixed", encode_document_mixed)
    xml = zipfile.ZipFile(mixed).read("word/document.xml").decode("utf-8")
    # The document really mixes them: VNI bytes under a font named like TCVN3, TCVN3 bytes.
    assert all(f'w:ascii="{font}"' in xml for _, font in MIXED_LEGACY)
    assert "Coäng" in xml or "hoaøn" in xml  # VNI codes
    assert "Céng" in xml or "®" in xml  # TCVN3 codes
    source = appendixparse.read_text(unicode_docx)
    assert "Cộng hòa" in source or "CỘNG HÒA" in source
    assert appendixparse.read_text(mixed) == source


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_a_legacy_document_decodes_to_its_unicode_source(
    tmp_path: Path, unicode_docx: Path, encoding: str
) -> None:
    legacy = _document(tmp_path, encoding, lambda doc: encode_document(doc, encoding))
    assert appendixparse.read_text(legacy) == appendixparse.read_text(unicode_docx)


def test_text_is_paragraphs_and_tab_separated_rows_in_reading_order() -> None:
    text = appendixparse.read_text(REAL_TEXT)
    lines = text.splitlines()
    source = [ln for ln in REAL_TEXT.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert [ln.strip() for ln in lines if ln.strip()] == [ln.strip() for ln in source]
    assert any(ln.count("\t") >= 3 for ln in lines)  # the table's rows, cells by tabs
    assert text.endswith("\n")


def test_text_of_bytes_and_of_a_document_without_a_table() -> None:
    data = "Công văn số 12\nKính gửi: UBND huyện\n".encode()
    assert appendixparse.read_text(data) == "Công văn số 12\nKính gửi: UBND huyện\n"
    tcvn3 = "C«ng v¨n sè 12 cña UBND huyÖn".encode("latin-1")
    assert appendixparse.read_text(tcvn3) == "Công văn số 12 của UBND huyện\n"


def test_text_command(capsys: pytest.CaptureFixture[str], unicode_docx: Path) -> None:
    assert main(["text", str(unicode_docx)]) == 0
    assert capsys.readouterr().out == appendixparse.read_text(unicode_docx)
    assert main(["text", str(unicode_docx.with_name("missing.docx"))]) == 2
    assert "no such file" in capsys.readouterr().err
    out = unicode_docx.with_name("out.txt")
    assert main(["text", str(unicode_docx), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == appendixparse.read_text(unicode_docx)
