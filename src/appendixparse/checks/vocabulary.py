"""Vietnamese words of the checks: which notes figure measures a target, and whether a
percentage is a share. All lower-case NFC; matched as whole words in lower-cased text."""

from __future__ import annotations

# Checks (flags.py, measure.py, clauses.py): the words that decide which notes figure measures
# a target, and whether a percentage is a share. All lower-case NFC; matched as whole words in
# lower-cased text (the white space inside a phrase matches any run of white space where a
# pattern is built from it).

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

# "N người, chiếm tỷ lệ P%": a share in a breakdown (never measures a target). The words end
# the text before the share, optionally followed by "là", a colon and one of the qualifiers.
CHECK_BREAKDOWN_WORDS: tuple[str, ...] = ("chiếm", "chiếm tỷ lệ", "chiếm tỉ lệ")

CHECK_BREAKDOWN_COPULA: tuple[str, ...] = ("là",)

CHECK_BREAKDOWN_QUALIFIERS: tuple[str, ...] = ("khoảng", "gần", "trên", "hơn", "dưới")

# A share that names its own base after it: "(trên|so với) (tổng) số <base>" ("chiếm 40% số
# đảng viên trẻ").
CHECK_BASE_OPENERS: tuple[str, ...] = ("trên", "so với")

CHECK_BASE_TOTAL: tuple[str, ...] = ("tổng",)

CHECK_BASE_NOUN: tuple[str, ...] = ("số",)

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

# Year markers in notes: "năm 2023" (also "năm 2021, 2022", "năm 2021 và năm 2022"), and words
# meaning "now" (the latest period).
CHECK_YEAR_WORD: str = "năm"

CHECK_YEAR_JOINERS: tuple[str, ...] = (",", "và", "-", "–")

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

# Between two threshold figures: a range ("từ 80% đến 90%"), the second its upper bound …
CHECK_RANGE_WORDS: tuple[str, ...] = ("đến", "tới", "-", "–")

# … or a list ("30%, 20% và 15%"): nothing but these between them.
CHECK_LIST_JOINERS: tuple[str, ...] = ("và",)

# Qualifying phrases skipped when reading the change word before a figure ("giảm tối thiểu 10%"
# is a reduction; "tăng lên tối đa 80%" states a level).
CHECK_QUALIFIER_PHRASES: tuple[str, ...] = ("tối thiểu", "ít nhất", "tối đa")

# Spellings of one word, compared as the first ("tỉ lệ" is "tỷ lệ").
CHECK_SPELLINGS: dict[str, str] = {"tỉ": "tỷ"}

# Lettered items ("a)", "b)") in Vietnamese order: no f, j, w, z, and đ after d. Some documents
# use the Latin a-z instead.
CHECK_LETTERS_VI: str = "abcdđeghiklmnopqrstuvxy"

# --- indicator tables (checks/indicators.py); matched on folded names and units -----------

# A rate row's name opens with one of these; a total's with the next; a count's with the last.
INDICATOR_RATE_OPENERS: tuple[str, ...] = ("tỷ lệ", "tỉ lệ")
INDICATOR_TOTAL_OPENERS: tuple[str, ...] = ("tổng số", "tổng")
INDICATOR_COUNT_OPENERS: tuple[str, ...] = ("số lượng", "tổng số", "số")

# Parts of a total named by their level ("Số VBQPPL do cấp tỉnh ban hành" / "… cấp xã …"):
# a total over two or more such children, one level each, is their sum.
INDICATOR_LEVEL_WORDS: tuple[str, ...] = (
    "cấp trung ương",
    "cấp tỉnh",
    "cấp huyện",
    "cấp xã",
)

# "Trong đó" opening a child's name (or closing the total's): its parts cannot exceed it.
INDICATOR_SUBSET_WORDS: tuple[str, ...] = ("trong đó", "trong số đó")

# A rate against a baseline elsewhere ("so với năm 2015") has no parts in the table; a growth
# rate may exceed 100%.
INDICATOR_BASELINE_WORDS: tuple[str, ...] = ("so với", "so cùng kỳ")
INDICATOR_GROWTH_WORDS: tuple[str, ...] = ("tăng", "tăng trưởng", "vượt", "gấp")

# Units of measure that are no counts: shares, scores, money, measures and durations.
INDICATOR_PERCENT_UNITS: tuple[str, ...] = ("%", "phần trăm", "tỷ lệ")
INDICATOR_NOT_COUNT_UNITS: tuple[str, ...] = (
    "điểm",
    "đồng",
    "triệu đồng",
    "tỷ đồng",
    "nghìn đồng",
    "ngàn đồng",
    "usd",
    "km",
    "m",
    "m2",
    "ha",
    "tấn",
    "kg",
    "giờ",
    "ngày",
    "tháng",
    "năm",
    "lần/năm",
    "ngày/hồ sơ",
)

# The unit of measure of a scoring table's rows.
INDICATOR_SCORE_UNIT = "điểm"

# A share of a base stated in its sentence: "12.450 hồ sơ … trên tổng số 20.100 hồ sơ, đạt
# 68,5%": the words before the base, and those between the base's noun and the share.
CHECK_ON_BASE_WORDS: tuple[str, ...] = ("trên tổng số", "trên tổng")
CHECK_BASE_SHARE_WORDS: tuple[str, ...] = (
    "đạt", "đạt tỷ lệ", "chiếm", "chiếm tỷ lệ", "chiếm tỉ lệ", "bằng", "đạt tỷ lệ là",
)  # fmt: skip
