"""Legacy Vietnamese encodings: every letter through TCVN3 and VNI and back, detection, traps."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import appendixparse
from appendixparse.text.encodings import (
    VIETNAMESE_LOWER,
    LegacyDecoder,
    font_encoding,
    from_unicode,
    is_caps_font,
    looks_like_tcvn3,
    looks_like_vni,
    to_unicode,
)

LOWER = VIETNAMESE_LOWER
UPPER = VIETNAMESE_LOWER.upper()
MOTTO = "Cộng hòa xã hội chủ nghĩa Việt Nam"
MOTTO_TCVN3 = "Céng hßa x· héi chñ nghÜa ViÖt Nam"
MOTTO_VNI = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"
SENTENCES = [
    MOTTO,
    "Độc lập - Tự do - Hạnh phúc",
    "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn đạt từ 99% trở lên",
    "Mức độ hài lòng của người dân đạt tối thiểu 90%",
    "Đạt 41,2% (1.236/3.000 hồ sơ); khuyến khích, hướng dẫn, quyết định.",
]


def test_the_alphabet_is_complete() -> None:
    assert len(LOWER) == 12 * 6 + 1 == len(set(LOWER))
    assert all(unicodedata.is_normalized("NFC", c) for c in LOWER + UPPER)
    assert {"ằ", "ẵ", "ỡ", "ự", "ỵ", "đ"} <= set(LOWER)


@pytest.mark.parametrize("letter", list(LOWER + UPPER))
def test_every_letter_through_vni_and_back(letter: str) -> None:
    codes = from_unicode(letter, "vni")
    assert all(ord(c) <= 0xFF for c in codes)
    assert to_unicode(codes, encoding="vni") == letter
    assert to_unicode(codes, encoding="vni", font="VNI-Times") == letter


@pytest.mark.parametrize("letter", list(LOWER))
def test_every_lower_case_letter_through_tcvn3_and_back(letter: str) -> None:
    codes = from_unicode(letter, "tcvn3")
    assert len(codes) == 1 and ord(codes) <= 0xFF
    assert to_unicode(codes, encoding="tcvn3") == letter
    assert to_unicode(codes, encoding="tcvn3", font=".VnTime") == letter


@pytest.mark.parametrize("letter", list(UPPER))
def test_every_capital_through_a_tcvn3_h_font_and_back(letter: str) -> None:
    codes = from_unicode(letter, "tcvn3", caps_font=True)
    assert codes == from_unicode(letter.lower(), "tcvn3")  # the H fonts draw lower-case codes
    assert to_unicode(codes, encoding="tcvn3", font=".VnTimeH") == letter
    assert to_unicode(codes, encoding="tcvn3", font=".VnArialH") == letter


def test_whole_alphabets_round_trip_on_the_font_hint_alone() -> None:
    assert to_unicode(from_unicode(LOWER + UPPER, "vni"), font="VNI-Times") == LOWER + UPPER
    assert to_unicode(from_unicode(LOWER, "tcvn3"), font=".VnTime") == LOWER
    caps = from_unicode(UPPER, "tcvn3", caps_font=True)
    assert to_unicode(caps, font=".VnTimeH") == UPPER


def test_tcvn3_has_no_toned_capitals_outside_h_fonts() -> None:
    for letter in "ĂÂÊÔƠƯĐ":  # capitals without a tone mark have codes of their own
        assert to_unicode(from_unicode(letter, "tcvn3"), encoding="tcvn3") == letter
    with pytest.raises(ValueError, match="H font"):
        from_unicode("Ủy ban", "tcvn3")


@pytest.mark.parametrize("text", SENTENCES)
def test_sentences_round_trip_and_are_recognised(text: str) -> None:
    tcvn3 = from_unicode(text, "tcvn3")
    vni = from_unicode(text, "vni")
    assert to_unicode(tcvn3) == text and to_unicode(vni) == text  # no font, no encoding named
    assert looks_like_tcvn3(tcvn3) and not looks_like_vni(tcvn3)
    assert looks_like_vni(vni) and not looks_like_tcvn3(vni)
    assert not looks_like_tcvn3(text) and not looks_like_vni(text)


def test_ambiguous_text_stays_as_it_is_without_a_document() -> None:
    # "ã" is a Unicode letter and TCVN3 "ó": alone, nothing tells; the font does not decide.
    assert to_unicode("ã", font=".VnTime") == "ã"
    assert to_unicode("ã", encoding="tcvn3") == "ó"


def test_known_legacy_strings() -> None:
    assert to_unicode(MOTTO_TCVN3, font=".VnTime") == MOTTO
    assert to_unicode(MOTTO_VNI, font="VNI-Times") == MOTTO
    assert to_unicode("UÛY BAN NHAÂN DAÂN TÆNH BÌNH PHÖÔÙC") == "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC"
    assert (
        to_unicode("c¶i c¸ch thñ tôc hµnh chÝnh", font=".VnTimeH") == "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"
    )
    # TCVN3 "ư" is 0xAD, the soft hyphen
    assert to_unicode("c¸c b\xadíc c«ng viÖc", font=".VnTime") == "các bước công việc"
    # a symbol-charset font stores byte b as U+F000 + b
    pua = "".join(chr(0xF000 + ord(c)) if ord(c) > 0x7F else c for c in MOTTO_TCVN3)
    assert to_unicode(pua, encoding="tcvn3") == MOTTO


@pytest.mark.parametrize("font", [None, ".VnTime", ".VnTimeH", "VNI-Times", "UVnTime", "Arial"])
@pytest.mark.parametrize(
    "text",
    [
        MOTTO,
        "ĐÁNH GIÁ MỨC ĐỘ HOÀN THÀNH",
        "Có 6/21 nhiệm vụ chưa hoàn thành, đạt 22,45%",
        "hòa",
        "Có",
    ],
)
def test_unicode_comes_back_unchanged_whatever_the_font(text: str, font: str | None) -> None:
    assert to_unicode(text, font=font) == text
    assert to_unicode(unicodedata.normalize("NFD", text), font=font) == text


def test_plain_ascii_is_untouched_except_by_h_fonts_of_a_tcvn3_document() -> None:
    assert to_unicode("STT 1.2 (3)", font=".VnTime") == "STT 1.2 (3)"
    assert to_unicode("ubnd tinh", font="VNI-Times") == "ubnd tinh"
    assert to_unicode("ubnd", font=".VnTimeH") == "ubnd"  # nothing says the text is TCVN3
    assert to_unicode("ubnd", encoding="tcvn3", font=".VnTimeH") == "UBND"
    decoder = LegacyDecoder()
    decoder.observe_all([(MOTTO_TCVN3, ".VnTime"), ("ubnd", ".VnTimeH")])
    assert decoder.convert("ubnd", ".VnTimeH") == "UBND"
    assert decoder.convert("ubnd", ".VnTime") == "ubnd"


def test_public_api() -> None:
    assert appendixparse.to_unicode is to_unicode
    assert to_unicode("") == ""
    with pytest.raises(ValueError):
        to_unicode("abc", encoding="viscii")


def test_font_names() -> None:
    assert [
        font_encoding(f) for f in (".VnTime", ".VnArialH", "VnTime", "VNI-Times", "VNI-Helve")
    ] == [
        "tcvn3",
        "tcvn3",
        "tcvn3",
        "vni",
        "vni",
    ]
    assert [font_encoding(f) for f in ("UVnTime", "Times New Roman", "", None)] == [None] * 4
    assert is_caps_font(".VnTimeH") and is_caps_font(".VnArial NarrowH")
    assert not is_caps_font(".VnTime") and not is_caps_font("Arial") and not is_caps_font(None)


def test_document_decoder_short_runs_follow_the_document() -> None:
    # A Unicode document whose Normal style names VNI-Times: runs like "Có " carry no sign of
    # either encoding ("ó" is a Unicode letter and VNI "ĩ"), so the document decides.
    unicode_doc = LegacyDecoder()
    runs = [
        ("Có ", "VNI-Times"),
        ("6/21 nhiệm vụ chưa hoàn thành", "VNI-Times"),
        ("hoà", "VNI-Times"),
    ]
    unicode_doc.observe_all(runs)
    assert [unicode_doc.convert(t, f) for t, f in runs] == [t for t, _ in runs]
    # A VNI document: the same kind of run is VNI.
    vni_doc = LegacyDecoder()
    runs = [("ngh", "VNI-Times"), ("óa", "VNI-Times"), (MOTTO_VNI, "VNI-Times")]
    vni_doc.observe_all(runs)
    assert "".join(vni_doc.convert(t, f) for t, f in runs[:2]) == "nghĩa"
    assert vni_doc.verdict("VNI-Times") == "vni" and unicode_doc.verdict("VNI-Times") == "unicode"


def test_document_decoder_unhinted_runs_need_strong_evidence() -> None:
    decoder = LegacyDecoder()
    decoder.observe_all([("Điều 5 §2", "Times New Roman"), ("× 3", None)])
    assert decoder.convert("Điều 5 §2", "Times New Roman") == "Điều 5 §2"
    assert decoder.convert("× 3", None) == "× 3"
    legacy = LegacyDecoder()  # TCVN3 text whose font was changed to Times New Roman
    legacy.observe(MOTTO_TCVN3, "Times New Roman")
    assert legacy.convert(MOTTO_TCVN3, "Times New Roman") == MOTTO


_WORDS = st.lists(
    st.text(alphabet=LOWER + "bcdghklmnpqrstvx", min_size=1, max_size=7), min_size=1, max_size=8
)


@given(_WORDS)
def test_any_lower_case_text_round_trips(words: list[str]) -> None:
    text = " ".join(words)
    assert to_unicode(from_unicode(text, "tcvn3"), encoding="tcvn3") == text
    assert to_unicode(from_unicode(text, "vni"), encoding="vni") == text
    assert to_unicode(from_unicode(text.upper(), "vni"), encoding="vni") == text.upper()


# --- Unicode in, the same Unicode out ---------------------------------------------------------

LEGACY_FONT_HINTS = (".VnTime", ".VnTimeH", ".VnArial", "VNI-Times", "VNI-Helve", "VNSTCVN3")


def _sample_sentences() -> list[str]:
    """Every Vietnamese sentence the samples hold: the golden files' strings and the lines of
    the sample text documents, cut at sentence ends."""
    from conftest import GOLDEN, SAMPLES

    texts: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in sorted(GOLDEN.glob("*.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    for path in sorted(SAMPLES.rglob("*.txt")):
        data = path.read_bytes()  # composed samples may be UTF-16 (with a BOM)
        utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")
        texts.extend(data.decode("utf-16" if utf16 else "utf-8").splitlines())
    texts = [unicodedata.normalize("NFC", t) for t in texts]  # composed samples may be NFD
    sentences = {s.strip() for t in texts for s in re.split(r"(?<=[.;:!?])\s+|\n|\t", t)}
    return sorted(s for s in sentences if not s.isascii())


SAMPLE_SENTENCES = _sample_sentences()


def test_the_samples_give_many_sentences() -> None:
    assert len(SAMPLE_SENTENCES) > 500


@pytest.mark.parametrize("font", LEGACY_FONT_HINTS)
def test_every_unicode_sentence_of_the_samples_comes_back_unchanged(font: str) -> None:
    changed = [s for s in SAMPLE_SENTENCES if to_unicode(s, font=font) != s]
    assert not changed, changed[:10]


@pytest.mark.parametrize(
    ("text", "font"),
    [
        ("Rà soát", "VNI-Times"),  # "oá" is VNI "ố", but "à" after "R" is no VNI mark
        ("Hoàn thành", "VNI-Times"),
        ("Hoàn thành kế hoạch rà soát", "VNI-Times"),
        ("Đã hoàn thành", ".VnTime"),
    ],
)
def test_unicode_with_old_style_tones_is_not_vni(text: str, font: str) -> None:
    assert to_unicode(text, font=font) == text
