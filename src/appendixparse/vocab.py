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
    "completed": ("đã hoàn thành", "hoàn thành", "đã thực hiện", "đã đạt"),
    "in_progress": ("đang thực hiện", "đang triển khai", "chưa hoàn thành"),
    "not_started": ("chưa thực hiện", "chưa triển khai"),
}
SUMMARY_NOUNS: tuple[str, ...] = ("chỉ tiêu", "mục tiêu", "nhiệm vụ", "nội dung")

# --------------------------------------------------------------------------------------------
# Figures (figures.py): qualifier words, unit nouns, and the words that mark a number as a
# date, a document number, a standard, a level or a year rather than a figure.
# Phrases are NFC, written as a report writes them (lower case but for acronyms such as "TTHC"),
# and matched ignoring case, except standards and web domains; a space in a phrase matches any
# run of white space. Where two phrases could match, the longer one wins.
# --------------------------------------------------------------------------------------------

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

# ---------------------------------------------------------------------------------------------
# Checks (checks.py, measure.py): the words that decide which notes figure measures a target,
# and whether a percentage is a share. All lower-case NFC; matched as whole words in lower-cased
# text.
# ---------------------------------------------------------------------------------------------

# Words that make a percentage a share of something, which cannot exceed 100%.
CHECK_SHARE_WORDS: tuple[str, ...] = (
    "tỷ lệ",
    "tỉ lệ",
    "chiếm",
    "hài lòng",
    "bao phủ",
    "phủ sóng",
    "tham gia",
)
# A percentage of a plan, an estimate or another period ("đạt 105% kế hoạch", "116% số phiếu dự
# kiến", "130% năm trước") may exceed 100%: words among the few just after it. So may a ratio
# x/y followed by them ("120/100 cán bộ theo kế hoạch": done against planned).
CHECK_PLAN_WORDS: tuple[str, ...] = (
    "kế hoạch",
    "kh",
    "dự toán",
    "dự kiến",
    "chỉ tiêu",
    "mục tiêu",
    "nhiệm vụ được giao",
    "so với",
    "so cùng kỳ",
    "cùng kỳ",
    "năm trước",
    "năm ngoái",
)
# ... and so may the rate of something measured against a plan, named earlier in the clause.
CHECK_PLAN_SUBJECTS: tuple[str, ...] = (
    "giải ngân",
    "thu ngân sách",
    "thu nội địa",
    "dự toán",
    "kế hoạch",
)
# Growth ("tăng 120%", "gấp") may exceed 100%: words just before it.
CHECK_GROWTH_WORDS: tuple[str, ...] = ("tăng", "gấp", "vượt", "tăng trưởng")
# A comparison with a base named after it ("bằng 130% năm 2022"): the word right before it.
CHECK_COMPARISON_WORDS: tuple[str, ...] = ("bằng",)
# Change directions: a target "giảm tối thiểu 10%" is met only by a reduction, not by a level.
CHECK_REDUCE_WORDS: tuple[str, ...] = ("giảm", "cắt giảm", "tiết kiệm")
CHECK_INCREASE_WORDS: tuple[str, ...] = ("tăng", "tăng thêm")
# ... but "tăng lên 80%", "giảm còn 5%" state the level reached.
CHECK_LEVEL_AFTER_CHANGE: tuple[str, ...] = ("lên", "xuống", "còn", "lên mức", "đến")

# "N người, chiếm tỷ lệ P%": a share in a breakdown (never measures a target).
CHECK_BREAKDOWN_WORDS: tuple[str, ...] = ("chiếm", "chiếm tỷ lệ", "chiếm tỉ lệ")
# A count followed by these (or preceded by "tổng số") is the total of a breakdown.
CHECK_TOTAL_AFTER: tuple[str, ...] = ("trong đó", "trong số đó", "gồm", "bao gồm")
CHECK_TOTAL_BEFORE: tuple[str, ...] = ("tổng số", "tổng cộng", "tổng")
# A threshold introduced by these is a part of the one before it ("Trong đó, … đạt tối thiểu 85%").
CHECK_SUB_MARKERS: tuple[str, ...] = ("trong đó", "trong số đó")
# Just after a notes figure: the part not done ("4,9% CB, CC chưa đạt chuẩn", "20% còn lại").
CHECK_NEGATIVE_WORDS: tuple[str, ...] = (
    "chưa",
    "còn lại",
    "không đạt",
    "không hoàn thành",
    "quá hạn",
    "trễ hạn",
)
# Just before a notes figure: it falls short of it ("chưa đạt 80%" reads as "dưới 80%").
CHECK_SHORT_OF_WORDS: tuple[str, ...] = (
    "chưa đạt",
    "chưa đạt được",
    "không đạt",
    "không đạt được",
)
# A notes figure about money or about a plan's fulfilment measures that, not a target that
# names none of these words: its clause's subject before it ("kinh phí giải ngân đạt 80%") …
CHECK_BUDGET_WORDS: tuple[str, ...] = (
    "kinh phí",
    "ngân sách",
    "giải ngân",
    "vốn",
    "dự toán",
    "thu nội địa",
)
# … or the base just after it ("đạt 90% kế hoạch" of classes, against "100% cán bộ được bồi dưỡng").
CHECK_PLAN_BASE_WORDS: tuple[str, ...] = ("kế hoạch", "kh", "dự toán", "dự kiến")
# Earlier in the sentence of a notes figure: an aim or a proposal, not a result.
CHECK_PROPOSAL_WORDS: tuple[str, ...] = (
    "đề xuất",
    "kiến nghị",
    "phấn đấu",
    "dự kiến",
    "mục tiêu",
    "đề ra mục tiêu",
)
# Just before a notes figure: it states a result ("đạt 80,6%", "tỷ lệ … 14.7%").
CHECK_RESULT_WORDS: tuple[str, ...] = ("đạt", "tỷ lệ", "tỉ lệ", "đạt được", "đạt kết quả")
# Year markers in notes: "năm 2023", and words meaning "now" (the latest period).
CHECK_YEAR_WORD: str = "năm"
CHECK_BASELINE_WORDS: tuple[str, ...] = ("so với",)  # "so với năm 2021": a baseline, not a period
CHECK_NOW_WORDS: tuple[str, ...] = ("đến nay", "hiện nay", "hiện tại", "đến thời điểm hiện tại")

# Administrative levels named in a threshold ("trên 90% hồ sơ … tại cấp huyện"), by rank.
CHECK_LEVELS: dict[str, tuple[str, ...]] = {
    "tỉnh": ("cấp tỉnh",),
    "huyện": ("cấp huyện",),
    "xã": ("cấp xã",),
}
CHECK_LEVEL_RANK: dict[str, int] = {"tỉnh": 3, "huyện": 2, "xã": 1}
# The reporting unit's level from its normalised name ("UBND huyện Gio Linh"), first match wins.
CHECK_UNIT_LEVEL_WORDS: tuple[tuple[str, str], ...] = (
    ("thị xã", "huyện"),
    ("thành phố", "huyện"),
    ("quận", "huyện"),
    ("huyện", "huyện"),
    ("thị trấn", "xã"),
    ("phường", "xã"),
    ("đặc khu", "xã"),
    ("xã", "xã"),
    ("sở", "tỉnh"),
    ("tỉnh", "tỉnh"),
)

# Abbreviations spelled out before comparing the words of a target and of its notes.
CHECK_ABBREVIATIONS: dict[str, str] = {
    "tthc": "thủ tục hành chính",
    "dvc": "dịch vụ công",
    "dvctt": "dịch vụ công trực tuyến",
    "vbqppl": "văn bản quy phạm pháp luật",
    "qppl": "quy phạm pháp luật",
    "cbccvc": "cán bộ công chức viên chức",
    "cbccvv": "cán bộ công chức viên chức",
    "cbcc": "cán bộ công chức",
    "ccvc": "công chức viên chức",
    "cb": "cán bộ",
    "cc": "công chức",
    "vc": "viên chức",
    "hcnn": "hành chính nhà nước",
    "cntt": "công nghệ thông tin",
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
}
# Words too common in targets and notes to say two texts speak of the same thing.
CHECK_STOPWORDS: frozenset[str] = frozenset(
    (
        "của", "và", "các", "được", "đã", "đạt", "trên", "dưới", "tối", "thiểu", "đa", "ít", "nhất",
        "từ", "trở", "lên", "là", "có", "cho", "với", "theo", "tại", "trong", "đó", "số", "những",
        "này", "đến", "năm", "hơn", "khoảng", "gần", "đều", "cả", "thì", "mà", "nên", "để", "về",
        "như", "hoặc", "bằng", "thực", "hiện", "việc", "đang", "sẽ", "còn", "không", "chưa", "một",
        "hai", "mỗi", "khi", "sau", "trước", "đối", "cấp",
    )
)  # fmt: skip
# ----------------------------------------------------------------------- end of the checks words
