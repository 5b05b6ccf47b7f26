"""Vietnamese words of the text stage: status phrases, section words, and the figure grammar's
qualifiers, units and the words that make a number no figure."""

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

# Section rows: "I", "II." , "Phần I", "Mục II".
SECTION_PREFIXES: tuple[str, ...] = ("phần", "mục", "chương")

# Figures (figures.py): qualifier words, unit nouns, and the words that mark a number as a
# date, a document number, a standard, a level or a year rather than a figure.
# Phrases are NFC, written as a report writes them (lower case but for acronyms such as "TTHC"),
# and matched ignoring case, except standards and web domains; a space in a phrase matches any
# run of white space. Where two phrases could match, the longer one wins.

# Words right before a figure (after any FIGURE_FILLERS) that qualify it, by qualifier.
QUALIFIER_PHRASES: dict[str, tuple[str, ...]] = {
    "reduce_at_least": (
        "giảm tối thiểu",
        "giảm ít nhất",
        "giảm thêm tối thiểu",
        "giảm thêm ít nhất",
        "cắt giảm tối thiểu",
        "cắt giảm ít nhất",
    ),
    "increase_at_least": (
        "tăng tối thiểu",
        "tăng ít nhất",
        "tăng thêm tối thiểu",
        "tăng thêm ít nhất",
    ),
    "at_least": (
        "tối thiểu",
        "ít nhất",
        "không dưới",
        "không ít hơn",
        "không thấp hơn",
        "tối thiểu là",
    ),
    "above": ("trên", "hơn", "cao hơn", "nhiều hơn"),
    "below": ("dưới", "thấp hơn", "ít hơn", "chưa đến", "chưa tới", "không đến", "không tới"),
    "at_most": ("tối đa", "không quá", "không vượt quá", "nhiều nhất", "tối đa là"),
    "approx": ("khoảng", "gần", "xấp xỉ", "ước khoảng", "ước đạt", "ước tính", "trên dưới"),
}

# Words right after a figure that qualify it ("đạt từ 99% trở lên").
QUALIFIER_AFTER: dict[str, tuple[str, ...]] = {
    "at_least": ("trở lên",),
    "at_most": ("trở xuống",),
}

# Words that may stand between a qualifier and its figure ("tối thiểu tương ứng là 30%").
FIGURE_FILLERS: tuple[str, ...] = (
    "là",
    "đạt",
    "đạt được",
    "tương ứng",
    "tương ứng là",
    "tỷ lệ",
    "tỉ lệ",
    "mức",
    "ở mức",
    "bằng",
    "được",
    "có",
    "còn",
)

# A range: "từ 80% đến 90%", "từ 70% - dưới 100%", "80-90%".
RANGE_OPENERS: tuple[str, ...] = ("từ",)

RANGE_JOINERS: tuple[str, ...] = ("đến", "tới", "-", "–", "—")

# Items of a list share the qualifier written before the first: "tối thiểu 30%, 20%, 15%".
LIST_JOINERS: tuple[str, ...] = (",", "và", "hoặc", ", và")

# Words for "per cent" written out after a number.
PERCENT_WORDS: tuple[str, ...] = ("phần trăm",)

# Nouns that make a number a count ("287 người"), and may follow a ratio ("111/238 TTHC").
# Durations (ngày, tháng, năm, giờ, tuần) are deliberately absent: they are not counted things.
COUNT_UNITS: tuple[str, ...] = (
    # people and posts
    "người",
    "người dân",
    "người dùng",
    "đồng chí",
    "lãnh đạo",
    "lượt",
    "lượt người",
    "cán bộ",
    "công chức",
    "viên chức",
    "CC, VC",
    "CB, CC",
    "CB, CC, VC",
    "CBCC",
    "CBCCVC",
    "CBCCVV",
    "CCVC",
    "biên chế",
    "cấp phó",
    "đại biểu",
    "học viên",
    "doanh nghiệp",
    "hộ",
    "hộ gia đình",
    "tổ chức",
    # documents and procedures
    "văn bản",
    "văn bản QPPL",
    "văn bản quy phạm pháp luật",
    "TTHC",
    "thủ tục",
    "thủ tục hành chính",
    "hồ sơ",
    "hồ sơ TTHC",
    "dịch vụ công",
    "DVC",
    "DVCTT",
    "quyết định",
    "kế hoạch",
    "báo cáo",
    "quy trình",
    "phiếu",
    "ý kiến",
    "kiến nghị",
    "phản ánh",
    "phản ánh, kiến nghị",
    "phản ánh kiến nghị",
    "dự thảo",
    "phương án",
    "tiêu chí",
    "giao dịch",
    "tài khoản",
    "chứng thư số",
    "chứng thư",
    "chứng thư chữ ký số",
    "tin",
    "tin bài",
    "tin, bài",
    "tờ rơi",
    "bài",
    "bài viết",
    "câu hỏi",
    # bodies and places
    "đơn vị",
    "cơ quan",
    "cơ quan, đơn vị",
    "sở",
    "sở, ngành",
    "chi cục",
    "phòng",
    "phòng chuyên môn",
    "đầu mối",
    "UBND",
    "ủy ban nhân dân",
    "xã",
    "phường",
    "xã, phường",
    "xã, phường, thị trấn",
    "xã, phường, đặc khu",
    "thị trấn",
    "huyện",
    "thôn",
    "tổ dân phố",
    "trường",
    "cơ sở",
    "điểm",
    "điểm cầu",
    "trạm",
    # work
    "nhiệm vụ",
    "chỉ tiêu",
    "mục tiêu",
    "nội dung",
    "cuộc",
    "cuộc họp",
    "cuộc kiểm tra",
    "cuộc thanh tra",
    "hội nghị",
    "lớp",
    "lớp tập huấn",
    "buổi",
    "đợt",
    "lần",
    "đoàn",
    "vụ",
    "vụ việc",
    # things
    "máy tính",
    "thiết bị",
    "camera",
    "hệ thống",
    "phần mềm",
    "cơ sở dữ liệu",
    "chữ ký số",
    # money
    "đồng",
    "nghìn đồng",
    "ngàn đồng",
    "triệu đồng",
    "tỷ đồng",
    "tỉ đồng",
)

# Words right before a number that make it no figure at all: dates, years, document and
# article numbers, levels ("mức độ 4" is a level of online service, not a count).
NOT_FIGURE_BEFORE: tuple[str, ...] = (
    "ngày",
    "tháng",
    "quý",
    "tuần",
    "số",
    "điều",
    "khoản",
    "điểm",
    "mục",
    "phụ lục",
    "biểu",
    "biểu mẫu",
    "mẫu",
    "mức độ",
    "cấp độ",
    "mức",
    "lần thứ",
    "thứ",
    "hạng",
    "giai đoạn",
    "phiên bản",
    "version",
    "khóa",
    "tcvn",
    "iso",
    "qcvn",
)

# …except after these, where "số" is part of "the number of" ("tổng số 33 chỉ tiêu").
NOT_FIGURE_EXCEPT: tuple[str, ...] = ("tổng số", "với số", "có số", "dân số")

# Words after which a four-digit 19xx/20xx number is a year ("năm 2023"); other numbers after
# them may be counts ("mỗi năm 20 lớp").
YEAR_WORDS: tuple[str, ...] = ("năm", "năm học", "niên độ")

# "x/y" without a noun that means "round the clock", not a ratio ("hoạt động 24/24").
ROUND_THE_CLOCK: tuple[str, ...] = ("24/24", "24/7")

# Words a short while before "d/m" that make it a date ("đến 30/6", "trước 15/12").
DATE_CONTEXT: tuple[str, ...] = (
    "ngày",
    "hôm",
    "đến",
    "tới",
    "từ",
    "kể từ",
    "trước",
    "sau",
    "vào",
    "hạn",
    "đầu",
    "cuối",
    "hết",
    "tính đến",
)

# Nouns after "x/y" that make it a time, not a ratio ("24/24 giờ").
TIME_UNITS: tuple[str, ...] = ("giờ", "h", "ngày", "tháng", "năm", "tuần", "phút")

# Standards whose numbers are never figures ("TCVN 9001 -2015", "ISO 9001:2015").
STANDARD_MARKERS: tuple[str, ...] = ("TCVN", "QCVN", "ISO", "IEC")

# Top-level domains of bare web addresses ("dichvucong.gov.vn").
WEB_DOMAINS: tuple[str, ...] = ("vn", "com", "net", "org", "gov", "edu", "info", "io", "int")
