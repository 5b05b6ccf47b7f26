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

# A form's label over its table, between the parts of a document ("Biểu mẫu 2"), longest first.
FORM_LABELS: tuple[str, ...] = (
    "biểu mẫu số",
    "biểu mẫu",
    "mẫu biểu số",
    "mẫu biểu",
    "phụ lục số",
    "phụ lục",
    "biểu số",
    "biểu",
    "mẫu số",
    "mẫu",
)

# Page furniture between table parts: "Trang 2" is not a title (the first word, folded).
PAGE_WORDS: tuple[str, ...] = ("trang", "page")

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
# A signer's note in a cell of its own beside a signature opener ("(Ký tên, đóng dấu)", "(Ký,
# ghi rõ họ tên)"): part of the block, but no block by itself (matched folded, at the start).
SIGNATURE_NOTES: tuple[str, ...] = ("ký", "đã ký")

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

# "(trong đó 02 chỉ tiêu hoàn thành chậm)": a part of the count before it, not a count of its own.
SUMMARY_PART_OF = "trong đó"

# Dates and periods as the preamble writes them: "ngày 15 tháng 11 năm 2021", "từ … đến hết …",
# "từ 15/11/2021 đến nay", "(Số liệu tính đến ngày 14/10/2023)".
DATE_WORDS: dict[str, str] = {"day": "ngày", "month": "tháng", "year": "năm"}
PERIOD_FROM = "từ"
PERIOD_UNTIL: tuple[str, ...] = ("đến", "tới")
PERIOD_UNTIL_BEFORE = "cho"  # "cho đến …"
PERIOD_UNTIL_AFTER = "hết"  # "đến hết …"
PERIOD_NOW = "nay"  # "đến nay": the document's date
PERIOD_END_OPENERS: tuple[str, ...] = ("tính", "số liệu", "kỳ báo cáo")

# Lines that open the declared summary, and the document number ("Số: 12/BC-UBND").
SUMMARY_LINE_OPENERS: tuple[str, ...] = ("tổng số", "số liệu")
DOCUMENT_NUMBER_OPENER = "số "

# Units: level abbreviations, the people's committee (written "UBND"), the words that join
# two names ("Sở Giáo dục và Đào tạo").
UNIT_ABBREVIATIONS: dict[str, str] = {"tp": "thành phố", "tx": "thị xã", "tt": "thị trấn"}
PEOPLES_COMMITTEE: tuple[str, ...] = ("ubnd", "ủy ban nhân dân", "uỷ ban nhân dân")
NAME_JOINERS: tuple[str, ...] = ("và", "-", "–", "&")

# The header given to a column whose header cell is empty ("Cột 3").
UNNAMED_COLUMN = "Cột {number}"

# --- indicator tables (statistical forms and scoring tables) -----------------------------

# Column roles of an indicator table by header words (folded, matched as whole words in the
# header's main text, before any parenthesis). The roles are tried in this order, so that
# "Điểm tối đa" is a maximum before "điểm" makes it a score, and "Nhóm chỉ tiêu" a group
# before "chỉ tiêu" makes it the indicator's name.
INDICATOR_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "maximum": ("điểm tối đa", "điểm chuẩn", "thang điểm", "điểm tối da"),
    "appraised": ("thẩm định", "điểm thẩm định", "điểm hội đồng"),
    "score": ("tự đánh giá", "điểm đánh giá", "tự chấm", "điểm tự chấm", "điểm"),
    "unit": ("đơn vị tính", "đvt", "đơn vị đo"),
    "notes": (
        "ghi chú",
        "tài liệu kiểm chứng",
        "minh chứng",
        "giải trình",
        "nguồn số liệu",
        "thuyết minh",
    ),
    "group": ("nhóm chỉ tiêu", "nhóm tiêu chí", "nhóm chỉ số"),
    "name": ("chỉ tiêu", "chỉ tiêu thống kê", "tiêu chí", "chỉ số", "lĩnh vực", "tên chỉ tiêu"),
    "value": ("số liệu", "kết quả", "giá trị", "thực hiện", "số lượng", "kỳ báo cáo", "lũy kế"),
}

# Value headers that alone make a table an indicator table, even with every value cell empty
# (a form sent out blank); "kết quả" alone needs numbers in its column.
STRONG_VALUE_HEADERS: tuple[str, ...] = ("số liệu", "giá trị")

# "Biểu mẫu 3", "Biểu số 03", "Phụ lục 3", "Mẫu số 3": the line naming an indicator form.
FORM_OPENERS: tuple[str, ...] = ("biểu mẫu số", "biểu mẫu", "biểu số", "biểu", "mẫu số", "phụ lục")

# The unit of measure of a scoring table's rows.
SCORE_UNIT = "điểm"

# What a value cell holds for "no figure" (besides nothing).
NO_VALUE_MARKS: tuple[str, ...] = ("-", "–", "—", "…")
