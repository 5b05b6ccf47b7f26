"""What the flags and measurements say, in Vietnamese and in English side by side.

Each entry is a pair of ``str.format`` templates, (Vietnamese, English), filled with the same
named values by :func:`render`. A value is a plain string or number, the same in both
languages, or a ``(Vietnamese, English)`` pair of its own (a figure described in each).
"""

from __future__ import annotations

Text = tuple[str, str]
Values = str | int | float | Text

MESSAGES: dict[str, Text] = {
    # ------------------------------------------------------------------ document checks
    "summary_count_mismatch": (
        "Phần tổng hợp khai báo {declared}, nhưng bảng đánh giá có {counted} "
        "(không tính {outside} chỉ tiêu do cấp tỉnh thực hiện/không áp dụng). "
        "Đề nghị sửa lại số liệu tổng hợp hoặc đánh giá từng chỉ tiêu.",
        "The summary declares {declared}, but the table counts {counted} "
        "({outside} not-applicable row(s) left out of the total). "
        "Correct the summary or the statuses.",
    ),
    "summary_count": ("{name} {count}", "{name} {count}"),
    "summary_not_read": (
        'Không đọc được phần tổng hợp số chỉ tiêu một cách chắc chắn ("{clause}": một số liệu '
        "ghi chung cho hai mức độ hoàn thành), nên không đối chiếu với bảng đánh giá. "
        "Đề nghị ghi riêng số chỉ tiêu đã hoàn thành, đang thực hiện, chưa thực hiện.",
        'The declared summary was not read ("{clause}" counts two statuses together); '
        "it is not checked against the table.",
    ),
    "duplicate_id": (
        'Số thứ tự {record} xuất hiện hai lần trong bảng (lần đầu: "{first}"). '
        "Đề nghị đánh số lại cho đúng.",
        'Row number {record} appears twice (first: "{first}"). Renumber the rows.',
    ),
    "numbering_gap": (
        "Số thứ tự nhảy cóc ở {where}: {sequence}, thiếu {missing}. "
        "Đề nghị kiểm tra có chỉ tiêu nào bị bỏ sót hay đánh số nhầm.",
        "Numbering skips in {where}: {sequence}, {missing} missing. "
        "Check for a left-out target or a numbering slip.",
    ),
    "numbering_gap.section": ("mục {section}", "section {section}"),
    "numbering_gap.table": ("bảng", "the table"),
    "numbering_gap.parent": ("{where}, các ý của {parent}", "{where}, sub-items of {parent}"),
    "numbering_gap.after": ("sau {after} là {stt}", "{stt} follows {after}"),
    "numbering_gap.start": ("bắt đầu bằng {stt}", "it starts at {stt}"),
    # -------------------------------------------------------------------- record checks
    "unknown_status": (
        'Chỉ tiêu {record}: mức đánh giá "{status_raw}" không thuộc các mức "Đã hoàn thành", '
        '"Đang thực hiện", "Chưa thực hiện" hoặc "Cấp tỉnh thực hiện". '
        "Đề nghị ghi lại đúng mức đánh giá.",
        'Target {record}: "{status_raw}" is not a known status '
        "(completed, in progress, not started, done by the province). Restate it.",
    ),
    "missing_status": (
        "Chỉ tiêu {record} chưa được đánh giá mức độ hoàn thành (ô đánh giá để trống). "
        "Đề nghị bổ sung.",
        "Target {record} has no status (the status cell is empty). Add one.",
    ),
    "figure_out_of_range.ratio": (
        'Chỉ tiêu {record}: số liệu "{text}" có tử số lớn hơn mẫu số '
        "({numerator} > {denominator}). Đề nghị kiểm tra lại số liệu.",
        'Target {record}: "{text}" has a numerator above its denominator '
        "({numerator} > {denominator}). Check the figure.",
    ),
    "figure_out_of_range.percent": (
        'Chỉ tiêu {record}: tỷ lệ "{figure}" vượt quá 100% ("{clause}"). '
        "Một tỷ lệ không thể lớn hơn 100%; đề nghị kiểm tra lại số liệu.",
        'Target {record}: the share "{figure}" is above 100% ("{clause}"). '
        "A share cannot exceed 100%; check it.",
    ),
    "share_mismatch": (
        "Chỉ tiêu {record}: {count} trên tổng số {total} là {computed}%, "
        'nhưng báo cáo ghi "{said}", lệch hơn {tolerance} điểm phần trăm. '
        "Đề nghị kiểm tra lại số liệu hoặc cách tính tỷ lệ.",
        "Target {record}: {count} of the total {total} is {computed}%, "
        "but the report says {said}, more than {tolerance} point off. "
        "Check the counts or the share.",
    ),
    "share_mismatch.breakdown": ("chiếm tỷ lệ {share}%", "{share}%"),
    "share_mismatch.based": ("{words} {share}%", "{share}%"),
    "completed_below_target": (
        'Chỉ tiêu {record} được đánh giá "{status_raw}", nhưng số liệu trong phần thực trạng '
        '({figure}: "{clause}") chưa đạt ngưỡng {threshold} của mục tiêu. '
        "Đề nghị đánh giá lại mức độ hoàn thành hoặc bổ sung số liệu đúng.",
        'Target {record} is marked completed ("{status_raw}"), but the notes figure {figure} '
        '("{clause}") falls short of the threshold {threshold}. '
        "Re-assess the status or correct the figure.",
    ),
    "in_progress_meets_target": (
        'Chỉ tiêu {record} được đánh giá "{status_raw}", nhưng phần thực trạng đã đạt ngưỡng '
        'của mục tiêu ({met}: "{clause}"). '
        'Đề nghị xem xét đánh giá "Đã hoàn thành" hoặc nêu rõ phần việc còn lại.',
        'Target {record} is marked in progress ("{status_raw}"), but its notes already meet '
        "the target ({met}). Consider marking it completed, or state what remains.",
    ),
    "in_progress_meets_target.pair": (
        "{figure} so với ngưỡng {threshold}",
        "{figure} against {threshold}",
    ),
    "not_measurable": (
        'Chỉ tiêu {record}: không đối chiếu được đánh giá "{status_raw}" với '
        "ngưỡng {thresholds}: {reason}.",
        'Target {record}: the status "{status_raw}" could not be checked against '
        "{thresholds}: {reason}.",
    ),
    "ocr_low_confidence": (
        "Chỉ tiêu {record}: số liệu {figures} đọc từ bản quét (OCR) với độ tin cậy dưới "
        "{threshold}, nên không dùng để đối chiếu ({check}). Đề nghị kiểm tra với bản gốc.",
        "Target {record}: {figures} was read from a scan (OCR) with a confidence below "
        "{threshold}, so it decides no check ({check}). Check it against the original.",
    ),
    "not_measurable.ocr_separator": (
        'Chỉ tiêu {record}: không kết luận được ({check}) vì số liệu "{text}" đọc từ bản quét '
        '(OCR), không phân biệt chắc chắn dấu "," và ".". Đề nghị kiểm tra với bản gốc.',
        'Target {record}: no conclusion ({check}): "{text}" was read from a scan (OCR), where '
        '"," and "." cannot be told apart with certainty. Check it against the original.',
    ),
    "reason.ocr_low_confidence": (
        "số liệu đọc từ bản quét (OCR) có độ tin cậy thấp: {figures}",
        "a figure read from a scan (OCR) has a low confidence: {figures}",
    ),
    "reason.ocr_separator": (
        'số liệu "{text}" đọc từ bản quét (OCR): không phân biệt chắc chắn dấu "," và "."',
        '"{text}" was read from a scan (OCR), where "," and "." cannot be told apart with '
        "certainty",
    ),
    # ------------------------------------------- why a measurement is unknown (its reason)
    "reason.no_measure_figure": (
        "phần thực trạng không nêu tỷ lệ (%) hay số liệu dạng x/y",
        "the notes give no percentage or x/y figure",
    ),
    "reason.all_excluded": (
        "không có số liệu nào đo mục tiêu ({why})",
        "no notes figure measures it ({why})",
    ),
    "reason.list_unpaired": (
        "mục tiêu có nhiều ngưỡng ({values}) nhưng phần thực trạng không nêu số liệu riêng "
        "cho từng ngưỡng",
        "the target has several thresholds ({values}) and the notes do not give one "
        "figure for each",
    ),
    "reason.disagree": (
        "có nhiều số liệu ({figures}) cho kết quả khác nhau, không rõ số nào đo mục tiêu",
        "several figures ({figures}) disagree and none is clearly the one",
    ),
    "reason.other_direction": (
        "mục tiêu đo {kind} nhưng phần thực trạng chỉ nêu {figures}",
        "the target measures {kind}, the notes give only {figures}",
    ),
    "reason.off_subject": (
        "số liệu trong phần thực trạng không nói về nội dung của mục tiêu",
        "the notes figures are not about what the target measures",
    ),
    "reason.unassigned": (
        "không xác định được số liệu nào ứng với từng ngưỡng của mục tiêu",
        "no notes figure could be matched to a threshold",
    ),
    "reason.undecided": (
        "số liệu {figure} không đủ để biết đã đạt {threshold} chưa",
        "{figure} cannot tell whether {threshold} is met",
    ),
    "reason.no_figure_for": (
        "phần thực trạng không nêu số liệu cho ngưỡng {threshold}",
        "the notes give no figure for {threshold}",
    ),
    "reason.excluded": ("{figures} {why}", "{figures}: {why}"),
    # --------------------------------------------------------------- consolidation's codes
    "missing_target": (
        "Báo cáo của {unit} không có dòng nào cho chỉ tiêu {target_id} "
        "(«{target}»); đề nghị đơn vị bổ sung đánh giá chỉ tiêu này.",
        "The report of {unit} has no row for target {target_id} "
        "(“{target}”); ask the unit to assess it.",
    ),
    "unmatched_row": (
        "Dòng {record} trong báo cáo của {unit} không khớp chỉ tiêu nào của danh mục"
        "{near}: «{target}»; kiểm tra lại nội dung hoặc bổ sung danh mục.",
        "Row {record} of {unit}'s report matches no catalogue target{near}: "
        "“{target}”; check its wording or extend the catalogue.",
    ),
    "unmatched_row.near": (
        " (gần nhất: {closest}, giống {score:g}%)",
        " (closest: {closest}, {score:g}% alike)",
    ),
    "duplicate_unit": (
        "{unit} gửi {reports} báo cáo; chỉ tổng hợp tệp {file} "
        "(kỳ đến {period}, bản mới nhất), không tổng hợp: {files}. "
        "Đề nghị xác nhận bản chính thức.",
        "{unit} sent {reports} reports; only {file} (period "
        "ending {period}, the latest) is consolidated, not: {files}. "
        "Confirm which one is official.",
    ),
    "duplicate_unit.more": ("{files} và {more} tệp khác", "{files} and {more} more"),
    "catalogue_mismatch": (
        "Báo cáo của {unit} không giống chương trình của danh mục: chỉ {targets} trong "
        "{possible} chỉ tiêu có dòng báo cáo sát nội dung, nên không dòng nào được ghép với "
        "danh mục; kiểm tra lại tệp (có thể là báo cáo khác) hoặc dùng danh mục phù hợp.",
        "The report of {unit} does not look like the catalogue's programme: only {targets} of "
        "{possible} targets have a row that says them closely, so no row was aligned; check "
        "the file (it may be another report) or use a fitting catalogue.",
    ),
    # ------------------------------------------------------------ indicator tables' checks
    "indicator": ("{word} {number} «{name}»{form}", "{word} {number} “{name}”{form}"),
    "indicator.word": ("Chỉ tiêu", "Indicator"),
    "indicator.criterion": ("Tiêu chí", "Criterion"),
    "indicator.form": (" (biểu mẫu {form})", " (form {form})"),
    "indicator_sum_mismatch": (
        "{label} ghi {value}, nhưng các số liệu thành phần ({parts}) cộng lại được {total}: "
        "kiểm tra lại số liệu.",
        "{label} states {value}, but its parts ({parts}) add up to {total}: check the figures.",
    ),
    "indicator_sum_mismatch.score": (
        "{label} ghi {value} điểm, nhưng điểm các tiêu chí thành phần ({parts}) cộng lại được "
        "{total}: kiểm tra lại điểm tự đánh giá.",
        "{label} is scored {value}, but its sub-criteria ({parts}) add up to {total}: check "
        "the self-assessment.",
    ),
    "indicator_sum_mismatch.subset": (
        "Các số 'trong đó' của {label} cộng lại được {total}, lớn hơn tổng số {value}: "
        "kiểm tra lại số liệu.",
        "The 'of which' parts of {label} add up to {total}, more than its total {value}: "
        "check the figures.",
    ),
    "indicator_rate_mismatch": (
        "{label} ghi {rate}%, nhưng {numerator}/{denominator} ({parts}) = {computed}%: "
        "kiểm tra lại tỷ lệ hoặc số liệu.",
        "{label} states {rate}%, but {numerator}/{denominator} ({parts}) = {computed}%: "
        "check the rate or the figures.",
    ),
    "indicator_out_of_range.share": (
        "{label} là một tỷ lệ nhưng ghi {value}%, vượt quá 100%: kiểm tra lại số liệu (có thể "
        "đã ghi số lượng thay cho tỷ lệ).",
        "{label} is a share but states {value}%, above 100%: check the figure (a count may "
        "have been written for the share).",
    ),
    "indicator_out_of_range.negative": (
        "{label} là số lượng nhưng ghi số âm ({value}).",
        "{label} is a count but states a negative number ({value}).",
    ),
    "indicator_out_of_range.score": (
        "{label} tự đánh giá {value} điểm, vượt điểm tối đa {maximum}.",
        "{label} is self-scored {value}, above its maximum {maximum}.",
    ),
    "indicator_unit_mismatch.percent": (
        "{label} là số lượng nhưng có đơn vị tính '{unit}'.",
        "{label} is named as a count but its unit is '{unit}'.",
    ),
    "indicator_unit_mismatch.decimals": (
        "{label} đếm số lượng ({unit}) nhưng ghi số lẻ {value}.",
        "{label} counts things ({unit}) but states a fraction {value}.",
    ),
}

# The declared counts of a summary, as the flag names them.
SUMMARY_NAMES: dict[str, Text] = {
    "total": ("tổng số chỉ tiêu", "total"),
    "completed": ("đã hoàn thành", "completed"),
    "in_progress": ("đang thực hiện", "in progress"),
    "not_started": ("chưa thực hiện", "not started"),
}

# Why a notes figure was dropped (``models.Excluded.reason``).
EXCLUDED: dict[str, Text] = {
    "breakdown": ("là tỷ lệ cơ cấu (chiếm tỷ lệ…)", "a share in a breakdown"),
    "not_done": ("là phần chưa đạt/còn lại", "the part not done"),
    "proposal": ("là mục tiêu/đề xuất, không phải kết quả", "an aim or a proposal, not a result"),
    "after_period": ("là số liệu của năm sau kỳ đánh giá", "for a year after the period"),
    "earlier_year": ("là số liệu của năm trước", "for an earlier year"),
    "other_measure": (
        "là số liệu về kinh phí/mức thực hiện kế hoạch, không đo mục tiêu",
        "about money or a plan's fulfilment, not the target",
    ),
}

# What a threshold measures (``models.Direction``), as "the target measures …" says it.
DIRECTIONS: dict[str, Text] = {
    "reduce": ("mức giảm", "a reduction"),
    "increase": ("mức tăng", "an increase"),
    "level": ("mức đạt được", "a level"),
}

# A figure's qualifier as the messages write it before the number ("tối thiểu 80%").
QUALIFIERS: dict[str, Text] = {
    "exact": ("", ""),
    "at_least": ("tối thiểu ", "at least "),
    "above": ("trên ", "above "),
    "below": ("dưới ", "below "),
    "at_most": ("tối đa ", "at most "),
    "approx": ("khoảng ", "about "),
    "reduce_at_least": ("giảm tối thiểu ", "a cut of at least "),
    "increase_at_least": ("tăng tối thiểu ", "a rise of at least "),
}

AND: Text = (" và ", " and ")  # joins the conditions of a range


def render(key: str, **values: Values) -> Text:
    """The entry ``key`` filled with ``values`` in both languages.

    >>> render("numbering_gap.after", after="2", stt="4")
    ('sau 2 là 4', '4 follows 2')
    >>> render("summary_count", name=SUMMARY_NAMES["total"], count=33)
    ('tổng số chỉ tiêu 33', 'total 33')
    """
    vi, en = MESSAGES[key]
    if not any(isinstance(v, tuple) for v in values.values()):
        return vi.format(**values), en.format(**values)
    return (
        vi.format(**{k: v[0] if isinstance(v, tuple) else v for k, v in values.items()}),
        en.format(**{k: v[1] if isinstance(v, tuple) else v for k, v in values.items()}),
    )


def join(separator: str, texts: list[Text]) -> Text:
    """Pairs joined language by language."""
    return separator.join(t[0] for t in texts), separator.join(t[1] for t in texts)
