"""What the officer reads, as data: sheet names, headings, status, severity, flag and error
labels, in Vietnamese (the default) and English (``--lang en``)."""

from __future__ import annotations

from typing import Literal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")

STATUS_LABELS: dict[Lang, dict[str, str]] = {
    "vi": {
        "completed": "Đã hoàn thành",
        "in_progress": "Đang thực hiện",
        "not_started": "Chưa thực hiện",
        "not_applicable": "Không áp dụng",
        "unknown": "Không rõ",
        "missing": "Không báo cáo",
    },
    "en": {
        "completed": "Completed",
        "in_progress": "In progress",
        "not_started": "Not started",
        "not_applicable": "Not applicable",
        "unknown": "Unknown",
        "missing": "Not reported",
    },
}
# Fill and font colours per status, as Excel's own "good / neutral / bad" styles.
STATUS_COLOURS = {
    "completed": ("C6EFCE", "006100"),
    "in_progress": ("FFEB9C", "9C5700"),
    "not_started": ("FFC7CE", "9C0006"),
    "not_applicable": ("D9D9D9", "404040"),
    "unknown": ("E4DFEC", "5B3F86"),
    "missing": ("F8CBAD", "833C0B"),
}
SEVERITY_LABELS: dict[Lang, dict[str, str]] = {
    "vi": {"error": "Lỗi", "warning": "Cảnh báo", "info": "Thông tin"},
    "en": {"error": "Error", "warning": "Warning", "info": "Note"},
}
SEVERITY_COLOURS = {
    "error": ("FFC7CE", "9C0006"),
    "warning": ("FFEB9C", "9C5700"),
    "info": ("DDEBF7", "1F4E78"),
}
# The border that marks a flagged cell of the matrix, by the worst severity of its flags.
SEVERITY_BORDERS = {"error": "C00000", "warning": "ED7D31"}

CODE_LABELS: dict[Lang, dict[str, str]] = {
    "vi": {
        "summary_count_mismatch": "Số tự khai không khớp số đếm",
        "completed_below_target": "Báo hoàn thành nhưng chưa đạt ngưỡng",
        "figure_out_of_range": "Số liệu vượt giới hạn",
        "share_mismatch": "Tỷ lệ không khớp số liệu",
        "in_progress_meets_target": "Đang thực hiện nhưng đã đạt ngưỡng",
        "unknown_status": "Đánh giá không rõ",
        "missing_status": "Thiếu đánh giá",
        "duplicate_id": "Trùng mã chỉ tiêu",
        "numbering_gap": "Số thứ tự bị nhảy",
        "not_measurable": "Không đối chiếu được",
        "ocr_low_confidence": "Số liệu quét có độ tin cậy thấp",
        "unmatched_row": "Dòng không khớp danh mục",
        "missing_target": "Thiếu chỉ tiêu",
        "duplicate_unit": "Đơn vị gửi nhiều báo cáo",
        "indicator_sum_mismatch": "Tổng không khớp các thành phần",
        "indicator_rate_mismatch": "Tỷ lệ không khớp tử số, mẫu số",
        "indicator_out_of_range": "Số liệu chỉ tiêu vượt giới hạn",
        "indicator_unit_mismatch": "Đơn vị tính không khớp số liệu",
    },
    "en": {
        "summary_count_mismatch": "Declared summary disagrees with the counts",
        "completed_below_target": "Completed, but short of the threshold",
        "figure_out_of_range": "Figure out of range",
        "share_mismatch": "Share disagrees with its counts",
        "in_progress_meets_target": "In progress, yet the threshold is met",
        "unknown_status": "Unknown status",
        "missing_status": "Missing status",
        "duplicate_id": "Duplicate id",
        "numbering_gap": "Numbering gap",
        "not_measurable": "Could not be checked",
        "ocr_low_confidence": "Scanned figure of low confidence",
        "unmatched_row": "Row matches no catalogue target",
        "missing_target": "Target not reported",
        "duplicate_unit": "Unit sent several reports",
        "indicator_sum_mismatch": "Total disagrees with its parts",
        "indicator_rate_mismatch": "Rate disagrees with its parts",
        "indicator_out_of_range": "Indicator out of range",
        "indicator_unit_mismatch": "Unit of measure disagrees with the value",
    },
}
ERROR_LABELS: dict[Lang, dict[str, str]] = {
    "vi": {
        "CorruptFileError": "Tệp hỏng hoặc không đọc được",
        "UnsupportedFormatError": "Định dạng không đọc được",
        "ConversionUnavailableError": "Thiếu LibreOffice để chuyển đổi tệp",
        "EncryptedFileError": "Tệp có mật khẩu",
        "ScannedDocumentError": "Bản quét chưa có lớp chữ",
        "NoAssessmentTableError": "Không có bảng đánh giá",
        "FileTooLargeError": "Tệp quá lớn hoặc quá phức tạp",
        "InputNotFoundError": "Không tìm thấy tệp",
        "FileNotFoundError": "Không tìm thấy tệp",
        "TimeLimitError": "Đọc quá thời gian cho phép",
        "MemoryLimitError": "Vượt giới hạn bộ nhớ",
        "WorkerCrashError": "Tiến trình đọc tệp bị dừng",
    },
    "en": {},
}
LOCATION_WORDS: dict[Lang, dict[str, str]] = {
    "vi": {"page": "trang", "table": "bảng", "row": "dòng", "line": "dòng", "sheet": "trang tính"},
    "en": {"page": "page", "table": "table", "row": "row", "line": "line", "sheet": "sheet"},
}

SHEET_NAMES: dict[Lang, dict[str, str]] = {
    "vi": {
        "matrix": "Tổng hợp",
        "detail": "Chi tiết",
        "targets": "Theo chỉ tiêu",
        "units": "Theo đơn vị",
        "flags": "Cảnh báo",
        "notes": "Thông tin",
        "duplicates": "Báo cáo trùng",
        "errors": "Lỗi đọc tệp",
    },
    "en": {
        "matrix": "Summary",
        "detail": "Details",
        "targets": "By target",
        "units": "By unit",
        "flags": "Flags",
        "notes": "Notes",
        "duplicates": "Duplicates",
        "errors": "Unreadable files",
    },
}

HEADINGS: dict[Lang, dict[str, str]] = {
    "vi": {
        "unit_label": "Đơn vị", "period_start": "Từ ngày", "period_end": "Đến ngày",
        "id": "Mã chỉ tiêu", "section": "Phần", "stt": "STT", "target": "Chỉ tiêu",
        "status": "Mức độ hoàn thành", "status_raw": "Đánh giá của đơn vị",
        "value": "Số liệu đo", "notes": "Thực trạng/Giải pháp", "flag_labels": "Cảnh báo",
        "row_id": "Mã dòng trong báo cáo", "row_target": "Chỉ tiêu theo báo cáo",
        "match_score": "Độ khớp (%)", "source": "Tệp", "place": "Vị trí trong tệp",
        "figures": "Số liệu (JSON, cho máy)", "location": "Vị trí (JSON, cho máy)",
        "flags": "Mã cảnh báo (cho máy)", "units": "Số đơn vị",
        "completion_rate": "Tỷ lệ hoàn thành", "behind": "Đơn vị chưa hoàn thành",
        "value_min": "Số liệu đo thấp nhất", "value_median": "Số liệu đo trung vị",
        "value_max": "Số liệu đo cao nhất",
        "declared_total": "Tổng số chỉ tiêu (tự khai)",
        "declared_completed": "Đã hoàn thành (tự khai)",
        "declared_in_progress": "Đang thực hiện (tự khai)",
        "declared_not_started": "Chưa thực hiện (tự khai)",
        "errors": "Số lỗi", "warnings": "Số cảnh báo",
        "duplicates": "Báo cáo trùng (không tổng hợp)",
        "severity": "Mức độ", "code": "Loại cảnh báo", "message": "Nội dung",
        "link": "Ô trong bảng tổng hợp", "reason": "Lý do", "error": "Loại lỗi",
        "kept": "Tệp được tổng hợp", "unit": "Đơn vị",
    },
    "en": {
        "unit_label": "Unit", "period_start": "From", "period_end": "To",
        "id": "Target id", "section": "Section", "stt": "No.", "target": "Target",
        "status": "Status", "status_raw": "Unit's assessment",
        "value": "Measured value", "notes": "Results / solutions", "flag_labels": "Flags",
        "row_id": "Row id in the report", "row_target": "Target as reported",
        "match_score": "Match (%)", "source": "File", "place": "Place in the file",
        "figures": "Figures (JSON, for machines)", "location": "Location (JSON, for machines)",
        "flags": "Flag codes (for machines)", "units": "Units",
        "completion_rate": "Completion rate", "behind": "Units not yet done",
        "value_min": "Lowest measured value", "value_median": "Median measured value",
        "value_max": "Highest measured value",
        "declared_total": "Targets (declared)", "declared_completed": "Completed (declared)",
        "declared_in_progress": "In progress (declared)",
        "declared_not_started": "Not started (declared)",
        "errors": "Errors", "warnings": "Warnings", "duplicates": "Duplicates left out",
        "severity": "Severity", "code": "Flag", "message": "Message",
        "link": "Cell in the summary", "reason": "Reason", "error": "Kind of error",
        "kept": "File consolidated", "unit": "Unit",
    },
}  # fmt: skip

TEXTS: dict[Lang, dict[str, str]] = {
    "vi": {
        "legend": "Chú giải",
        "error_border": "Viền đỏ: ô có lỗi cần xử lý",
        "warning_border": "Viền cam: ô có cảnh báo",
        "hover": "Di chuột vào ô để đọc cảnh báo; bấm vào ô để xem dòng chi tiết.",
        "count_row": "Số chỉ tiêu: {status}",
        "rate_row": "% hoàn thành",
        "chart_title": "Tỷ lệ hoàn thành theo đơn vị (%)",
        "open": "Xem",
        "title": "Tổng hợp đánh giá thực hiện các mục tiêu cải cách hành chính",
        "units_title": "Theo đơn vị",
        "flags_title": "Lỗi và cảnh báo",
        "all_units": "Tất cả đơn vị",
        "all_severities": "Mọi mức độ",
        "evidence": "Căn cứ",
        "generated": "Lập bởi appendixparse",
    },
    "en": {
        "legend": "Legend",
        "error_border": "Red border: a cell with an error to act on",
        "warning_border": "Orange border: a cell with a warning",
        "hover": "Hover over a cell to read its flags; click it to open its detail row.",
        "count_row": "Targets: {status}",
        "rate_row": "% completed",
        "chart_title": "Completion rate by unit (%)",
        "open": "Open",
        "title": "Consolidated assessment of the administrative-reform targets",
        "units_title": "By unit",
        "flags_title": "Errors and warnings",
        "all_units": "All units",
        "all_severities": "All severities",
        "evidence": "Evidence",
        "generated": "Made by appendixparse",
    },
}


def location_text(location: dict[str, object], lang: Lang = "vi") -> str:
    """Where a row sits in its file, in words: "trang 3", "bảng 2, dòng 5", "dòng 12".

    >>> location_text({"table": 2, "row": 5})
    'bảng 2, dòng 5'
    >>> location_text({"page": 3, "bbox": [1, 2, 3, 4]}, "en")
    'page 3'
    """
    words = LOCATION_WORDS[lang]
    parts = []
    for key in ("sheet", "page", "table", "row", "line"):
        value = location.get(key)
        if value is not None:
            parts.append(f"{words[key]} «{value}»" if key == "sheet" else f"{words[key]} {value}")
    return ", ".join(parts)
