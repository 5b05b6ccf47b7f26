"""The TCVN3 and VNI tables against an independent truth: real words typed byte by byte from
the published code charts (TCVN 5712:1993 "ABC" VN3, and VNI-Windows), never produced by the
package's own tables or their inverse.

TCVN3: one byte per letter (ă A8, â A9, ê AA, ô AB, ơ AC, ư AD, đ AE; á B8, à B5, ả B6, ã B7,
ạ B9; ế D5, ệ D6; í DD, ị DE; ò DF, ó E3; ộ E9; ờ EA, ớ ED; ủ F1, ú F3, ụ F4; ự F9, ứ F8; ỷ FB).
VNI: the base letter, then a mark byte (sắc F9, huyền F8, hỏi FB, ngã F5, nặng EF; the
circumflex E2 and with tones E1 E0 E5 E3 E4; the breve EA and E9 E8 FA FC EB); ơ F4, ư F6,
đ F1, Đ D1, ĩ F3, ị F2, ỉ E6; capitals' marks in upper case.
"""

from __future__ import annotations

import pytest

from appendixparse.text.encodings import from_unicode, to_unicode

TCVN3_WORDS = [
    (b"C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam",
     "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    (b"\xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c", "Độc lập - Tự do - Hạnh phúc"),
    (b"\xae\xb8nh gi\xb8 m\xf8c \xae\xe9 ho\xb5n th\xb5nh", "đánh giá mức độ hoàn thành"),
    (b"c\xb6i c\xb8ch th\xf1 t\xf4c h\xb5nh ch\xddnh", "cải cách thủ tục hành chính"),
    (b"ng\xad\xeai d\xa9n", "người dân"),
    (b"v\xa8n b\xb6n", "văn bản"),
    (b"ch\xd8 ti\xaau", "chỉ tiêu"),
    (b"k\xd5t qu\xb6 \xae\xb9t \xae\xad\xeec", "kết quả đạt được"),
    (b"t\xfb l\xd6 h\xe5 s\xac tr\xf9c tuy\xd5n", "tỷ lệ hồ sơ trực tuyến"),
    (b"\xf8ng d\xf4ng", "ứng dụng"),
    (b"Th\xf1 t\xad\xedng Ch\xddnh ph\xf1", "Thủ tướng Chính phủ"),
    (b"nhi\xd6m v\xf4", "nhiệm vụ"),
    (b"Qu\xb6ng Tr\xde", "Quảng Trị"),
    (b"\xae\xa8ng k\xfd", "đăng ký"),
]  # fmt: skip

VNI_WORDS = [
    (b"Co\xe4ng ho\xf8a xa\xf5 ho\xe4i chu\xfb ngh\xf3a Vie\xe4t Nam",
     "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    (b"\xd1o\xe4c la\xe4p - T\xf6\xef do - Ha\xefnh phu\xf9c", "Độc lập - Tự do - Hạnh phúc"),
    (b"Giai \xf1oa\xefn", "Giai đoạn"),
    (b"Ra\xf8 soa\xf9t", "Rà soát"),
    (b"Hoa\xf8n tha\xf8nh", "Hoàn thành"),
    (b"ng\xf6\xf4\xf8i da\xe2n", "người dân"),
    (b"va\xean ba\xfbn", "văn bản"),
    (b"quye\xe1t \xf1\xf2nh", "quyết định"),
    (b"U\xdbY BAN NHA\xc2N DA\xc2N T\xc6NH", "ỦY BAN NHÂN DÂN TỈNH"),
    (b"tr\xf6\xf4\xf8ng", "trường"),
    (b"\xf1a\xebc ba\xe9t cha\xfang nha\xe3n o\xe5n my\xf5 ky\xf8", "đặc bắt chẳng nhẫn ổn mỹ kỳ"),
]  # fmt: skip


@pytest.mark.parametrize(("codes", "text"), TCVN3_WORDS, ids=[t for _, t in TCVN3_WORDS])
def test_tcvn3_words_from_the_code_chart(codes: bytes, text: str) -> None:
    stored = codes.decode("latin-1")  # an office file stores the font's bytes as Latin-1 text
    assert to_unicode(stored, encoding="tcvn3") == text
    assert to_unicode(stored, encoding="tcvn3", font=".VnTime") == text
    assert from_unicode(text, "tcvn3") == stored


@pytest.mark.parametrize(("codes", "text"), VNI_WORDS, ids=[t for _, t in VNI_WORDS])
def test_vni_words_from_the_code_chart(codes: bytes, text: str) -> None:
    stored = codes.decode("latin-1")
    assert to_unicode(stored, encoding="vni") == text
    assert to_unicode(stored, font="VNI-Times") == text  # decided from the bytes themselves
    assert from_unicode(text, "vni") == stored


def test_longer_phrases_are_recognised_without_a_font() -> None:
    for codes, text in [*TCVN3_WORDS[:4], *VNI_WORDS[:2]]:
        assert to_unicode(codes.decode("latin-1")) == text
