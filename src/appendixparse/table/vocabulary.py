"""Vietnamese words of the table stage: column-header words, continuation markers, and the
preamble's unit, title and summary words."""

from __future__ import annotations

# In a form with one column per status, ticked with "x", "✓"…: what a cell holds that ticks
# nothing (besides dashes and full stops).
NOT_TICKED: tuple[str, ...] = ("0", "không", "k")

# Lines Word users type between the parts of a table broken over pages: page furniture, not
# text lost between the parts (matched whole, folded).
CONTINUATION_MARKERS: tuple[str, ...] = (
    "tiếp theo",
    "tiếp",
    "tiếp theo trang trước",
    "tiếp theo phụ lục",
    "phụ lục tiếp theo",
)

# The signature block under a table ("NGƯỜI LẬP BIỂU … THỦ TRƯỞNG ĐƠN VỊ", "TM. ỦY BAN NHÂN
# DÂN", "KT. CHỦ TỊCH"): a row whose every filled cell opens with one of these ends the table
# (matched folded, at the start of the cell).
SIGNATURE_OPENERS: tuple[str, ...] = (
    "người lập biểu",
    "người lập bảng",
    "người tổng hợp",
    "thủ trưởng đơn vị",
    "thủ trưởng cơ quan",
    "tm ủy ban nhân dân",
    "tm uỷ ban nhân dân",
    "tm ubnd",
    "kt chủ tịch",
    "kt giám đốc",
    "nơi nhận",
    "xác nhận của",
)

# Column roles by header words. A header takes the role whose word appears earliest in its
# main text (before any parenthesis); ties go to the longer word.
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "tt", "số tt", "số thứ tự"),
    "target": ("mục tiêu", "chỉ tiêu", "nội dung", "nhiệm vụ", "tiêu chí"),
    "status": ("đánh giá", "mức độ hoàn thành", "tiến độ", "tình hình thực hiện"),
    "notes": ("thực trạng", "kết quả", "giải pháp", "nêu rõ", "nếu rõ"),
}

# Headers of the results column, notes whatever follows ("STT | Chỉ tiêu | Kế hoạch | Thực
# hiện | Đánh giá": "Thực hiện" holds what was done, "Đánh giá" the status). Matched at the
# start of the header only: "Thời gian thực hiện", "Đơn vị thực hiện" are no results.
RESULT_HEADERS: tuple[str, ...] = ("thực hiện",)

# Status words that decide a header wherever they stand in it ("the more specific wins"): a
# two-row header read as one cell ("Kết quả thực hiện / Mức độ hoàn thành") is the status.
STRONG_STATUS_HEADERS: tuple[str, ...] = ("mức độ hoàn thành",)

# Headers that are always "extra", whatever else they contain.
EXTRA_HEADERS: tuple[str, ...] = (
    "ghi chú",
    "đơn vị chủ trì",
    "đơn vị thực hiện",
    "cơ quan chủ trì",
)

# Status-role headers that only mean status when the column holds status words.
WEAK_STATUS_HEADERS: tuple[str, ...] = ("tiến độ", "tình hình thực hiện")

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

# Abbreviations written in capitals inside a unit's name ("Văn phòng HĐND và UBND tỉnh").
UNIT_ACRONYMS: tuple[str, ...] = ("ubnd", "hđnd", "mttq", "bhxh", "cntt", "tw")

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
    "completed": ("đã hoàn thành", "hoàn thành", "đã thực hiện", "đã đạt", "đạt"),
    "in_progress": (
        "đang thực hiện",
        "đang triển khai",
        "chưa hoàn thành",
        "chưa đạt",
        "không đạt",
    ),
    "not_started": ("chưa thực hiện", "chưa triển khai"),
}

SUMMARY_NOUNS: tuple[str, ...] = ("chỉ tiêu", "mục tiêu", "nhiệm vụ", "nội dung", "tiêu chí")
