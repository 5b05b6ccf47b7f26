"""Vietnamese words as data: status phrases, header words, section and unit words.

Every phrase here is written in lower-case NFC; matching code folds its input the same way
(see :func:`appendixparse.cleaning.fold`). Nothing in this module is code but data.
"""

from __future__ import annotations

# Status phrases by normalised status. Matched against the whole cleaned cell, longest first;
# a cell that starts with a phrase followed by explanation takes that phrase.
STATUS_PHRASES: dict[str, tuple[str, ...]] = {
    "completed": ("đã hoàn thành", "hoàn thành", "đã thực hiện", "đạt", "đã đạt"),
    "in_progress": (
        "đang thực hiện",
        "đang triển khai",
        "chưa hoàn thành",
        "cơ bản hoàn thành",
        "chưa đạt",
        "không đạt",
    ),
    "not_started": ("chưa thực hiện", "chưa triển khai"),
    "not_applicable": (
        "cấp tỉnh",
        "cấp tỉnh thực hiện",
        "không áp dụng",
        "không thuộc thẩm quyền",
    ),
}

# Column roles by header words. A header takes the role whose word appears earliest in its
# main text (before any parenthesis); ties go to the longer word.
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "tt", "số tt", "số thứ tự"),
    "target": ("mục tiêu", "chỉ tiêu", "nội dung", "nhiệm vụ"),
    "status": ("đánh giá", "mức độ hoàn thành", "tiến độ", "tình hình thực hiện"),
    "notes": ("thực trạng", "kết quả", "giải pháp", "nêu rõ", "nếu rõ"),
}
# Headers that are always "extra", whatever else they contain.
EXTRA_HEADERS: tuple[str, ...] = (
    "ghi chú",
    "đơn vị chủ trì",
    "đơn vị thực hiện",
    "cơ quan chủ trì",
)
# Status-role headers that only mean status when the column holds status words.
WEAK_STATUS_HEADERS: tuple[str, ...] = ("tiến độ", "tình hình thực hiện")

# Section rows: "I", "II." , "Phần I", "Mục II".
SECTION_PREFIXES: tuple[str, ...] = ("phần", "mục", "chương")

# The reporting unit: words that open a unit line, and level words written in lower case.
UNIT_OPENERS: tuple[str, ...] = (
    "ubnd",
    "ủy ban nhân dân",
    "uỷ ban nhân dân",
    "sở",
    "ban",
    "văn phòng",
    "thanh tra",
    "công an",
    "bộ chỉ huy",
    "đài",
    "trường",
    "ban quản lý",
    "kho bạc",
    "chi cục",
    "bảo hiểm xã hội",
)
UNIT_LEVELS: tuple[str, ...] = (
    "thành phố",
    "thị xã",
    "thị trấn",
    "đặc khu",
    "huyện",
    "quận",
    "phường",
    "tỉnh",
    "xã",
)
# Lines of the national-motto header that are never the unit or the title.
MOTTO_WORDS: tuple[str, ...] = (
    "cộng hòa xã hội chủ nghĩa việt nam",
    "cộng hoà xã hội chủ nghĩa việt nam",
    "độc lập - tự do - hạnh phúc",
    "độc lập – tự do – hạnh phúc",
    "độc lập tự do hạnh phúc",
)

TITLE_OPENERS: tuple[str, ...] = ("phụ lục", "biểu", "mẫu")

# The declared summary above the table, by the count it declares.
SUMMARY_WORDS: dict[str, tuple[str, ...]] = {
    "total": ("tổng số",),
    "completed": ("đã hoàn thành", "hoàn thành", "đã thực hiện", "đã đạt"),
    "in_progress": ("đang thực hiện", "đang triển khai", "chưa hoàn thành"),
    "not_started": ("chưa thực hiện", "chưa triển khai"),
}
SUMMARY_NOUNS: tuple[str, ...] = ("chỉ tiêu", "mục tiêu", "nhiệm vụ", "nội dung")
