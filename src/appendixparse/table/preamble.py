"""The text above the table: title block, reporting unit, period and declared summary."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from itertools import pairwise

from ..models import Period, Summary
from ..text.cleaning import fold, remark
from ..text.patterns import bounded
from .layout import PreambleLine
from .vocabulary import (
    DATE_WORDS,
    DOCUMENT_NUMBER_OPENER,
    MOTTO_WORDS,
    NAME_JOINERS,
    PEOPLES_COMMITTEE,
    PERIOD_END_OPENERS,
    PERIOD_FROM,
    PERIOD_NOW,
    PERIOD_UNTIL,
    PERIOD_UNTIL_AFTER,
    PERIOD_UNTIL_BEFORE,
    SUMMARY_LINE_OPENERS,
    SUMMARY_NOUNS,
    SUMMARY_PART_OF,
    SUMMARY_WORDS,
    TITLE_OPENERS,
    UNIT_ABBREVIATIONS,
    UNIT_ACRONYMS,
    UNIT_LEVELS,
    UNIT_OPENERS,
)

_DAY, _MONTH_WORD, _YEAR = DATE_WORDS["day"], DATE_WORDS["month"], DATE_WORDS["year"]
_TO = "|".join(PERIOD_UNTIL)
_DATE = (
    rf"(?:{_DAY}\s*)?(\d{{1,2}})\s*(?:/|-|\.|\s+{_MONTH_WORD}\s+)\s*(\d{{1,2}})"
    rf"\s*(?:/|-|\.|\s+{_YEAR}\s+)\s*(\d{{4}})"
)
_UNTIL = rf"(?:(?:{PERIOD_UNTIL_BEFORE}\s+)?(?:{_TO})(?:\s+{PERIOD_UNTIL_AFTER})?|-|–)"
_PERIOD = re.compile(rf"{PERIOD_FROM}\s*{_DATE}\s*{_UNTIL}\s*{_DATE}", re.IGNORECASE)
# "từ tháng 11/2021 đến tháng 10/2023": a period in whole months, first day to last.
_MONTH = rf"{_MONTH_WORD}\s*(\d{{1,2}})\s*(?:/|-|\.|\s+{_YEAR}\s+)\s*(\d{{4}})"
_MONTHS = re.compile(rf"{PERIOD_FROM}\s*{_MONTH}\s*{_UNTIL}\s*{_MONTH}", re.IGNORECASE)
_SINCE = re.compile(rf"{PERIOD_FROM}\s*{_DATE}\s*(?:{_TO})\s+{PERIOD_NOW}\b", re.IGNORECASE)
# "(Số liệu tính đến ngày 14/10/2023)": a period known by its end alone.
_PERIOD_END = re.compile(
    rf"(?:{'|'.join(PERIOD_END_OPENERS)})\b[^\d.;()]{{0,40}}?(?:{_TO})"
    rf"(?:\s+{PERIOD_UNTIL_AFTER})?\s*{_DATE}",
    re.IGNORECASE,
)
_COUNT = re.compile(r"(?<![\d/.,\-])(\d{1,3})(?![\d/%]|[.,]\d)")
_PLACE_DATE = re.compile(rf"^[^,]{{2,40}},\s*{_DAY}\b", re.IGNORECASE)
_MAX_TITLE_LINES = 6
_ABBREVIATIONS = UNIT_ABBREVIATIONS
_UBND = PEOPLES_COMMITTEE[:2]


def read_period(lines: Sequence[PreambleLine]) -> Period | None:
    """The period from "tính từ 15/11/2021 đến 14/10/2023" (or "từ ngày … tháng … năm …"),
    "từ tháng 11/2021 đến tháng 10/2023" (whole months), "từ 15/11/2021 đến nay" (ending on
    the document's date, when the preamble gives it), or "tính đến ngày 14/10/2023" (its end).

    The sentence may be broken over two lines (a line break typed in it, a wrapped line).
    """
    texts = [line.text for line in lines]
    candidates = texts + [f"{a} {b}" for a, b in pairwise(texts)]
    readings: tuple[tuple[re.Pattern[str], Callable[[list[int]], tuple]], ...] = (
        (_PERIOD, lambda n: (dt.date(n[2], n[1], n[0]), dt.date(n[5], n[4], n[3]))),
        (_MONTHS, lambda n: (dt.date(n[1], n[0], 1), _month_end(n[3], n[2]))),
        (_SINCE, lambda n: (dt.date(n[2], n[1], n[0]), _document_date(texts))),
        (_PERIOD_END, lambda n: (None, dt.date(n[2], n[1], n[0]))),
    )
    for pattern, dates in readings:
        for text in candidates:
            if m := pattern.search(text):
                try:
                    start, end = dates([int(g) for g in m.groups()])
                except (ValueError, calendar.IllegalMonthError):
                    continue  # not a date ("31/2/2023")
                return Period(start=start, end=end)
    return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _document_date(texts: list[str]) -> dt.date | None:
    """The date of the place-and-date line ("Quảng Trị, ngày 14 tháng 10 năm 2023")."""
    for text in texts:
        if _PLACE_DATE.match(text) and (m := re.search(_DATE, text, re.IGNORECASE)):
            try:
                day, month, year = (int(g) for g in m.groups())
                return dt.date(year, month, day)
            except ValueError:
                return None
    return None


def read_summary(lines: Sequence[PreambleLine]) -> Summary | None:
    """The declared counts ("1. Tổng số chỉ tiêu: 33 chỉ tiêu", "đang thực hiện: 23"); see
    :func:`summary_and_reason` for how they are read and when none is."""
    return summary_and_reason(lines)[0]


def summary_and_reason(
    lines: Sequence[PreambleLine], *, ocr: bool = False
) -> tuple[Summary | None, str | None]:
    """The declared summary, and the clause that kept it from being read where the preamble
    states one that cannot be read with confidence (None when there is no such clause).

    Each line is cut into clauses at ";", "," and sentence ends; a clause naming one status
    kind gives its count: the first number after the status words ("đã hoàn thành: 10",
    "hoàn thành đúng hạn 08 chỉ tiêu"), else the one before them ("10 chỉ tiêu đã hoàn
    thành"). "N/M" is N of a total M ("hoàn thành 12/20 chỉ tiêu"). Within a line, clauses of
    the same kind add up ("hoàn thành đúng hạn 08 …, hoàn thành chậm 03" = 11; "đang thực hiện
    05; chưa hoàn thành 04" = 9), except a "trong đó …" part of the count before it ("đã hoàn
    thành: 15 (trong đó 02 … chậm)" = 15). Across lines the first reading of a kind stays.
    A small table may hold the counts: a row per count ("1 | Tổng số chỉ tiêu | 33") or a row
    of labels over a row of counts. A clause with one count for two kinds ("đã hoàn thành và
    đang thực hiện: 17") cannot be read: then no summary is, and the reason says so.

    ``ocr``: the preamble was read from a scan, whose marks OCR misreads ("Tống số"); there
    the summary's words are also found where their marks alone differ.
    """
    found: dict[str, int] = {}
    for text in [line.text for line in lines] + _table_statements(lines):
        if ocr:
            text = remark(text, _SUMMARY_PHRASES)
        in_line: dict[str, int] = {}
        previous: str | None = None
        text = _PART_OF.sub(" ", text)
        for clause in re.split(r"[;,]|\.\s", text):
            folded = fold(clause)
            if not any(n in folded for n in SUMMARY_NOUNS) and not found and not in_line:
                continue
            kinds = _summary_kinds(folded)
            if len(kinds) > 1 and "total" not in kinds and _COUNT.search(clause):
                return None, clause.strip()  # one count for two statuses: not read
            kind = kinds[0] if kinds else None
            if kind is None:
                continue
            count, of_total = _summary_count(clause)
            if count is None:
                continue
            part = kind == previous and SUMMARY_PART_OF in folded
            previous = kind
            if part:
                continue
            in_line[kind] = in_line.get(kind, 0) + count
            if of_total is not None and "total" not in in_line:
                in_line["total"] = of_total
        for kind, count in in_line.items():
            found.setdefault(kind, count)
    return (Summary(**found) if found else None), None


_SUMMARY_PHRASES = (
    *SUMMARY_NOUNS,
    SUMMARY_PART_OF,
    *(w for kind in SUMMARY_WORDS.values() for w in kind),
)


# "(trong đó 02 chỉ tiêu hoàn thành chậm)": a part of the count before it, read no further.
_PART_OF = re.compile(
    r"\(\s*" + r"\s+".join(map(re.escape, SUMMARY_PART_OF.split())) + r"\b[^)]*\)", re.IGNORECASE
)
_RATIO_COUNT = re.compile(r"(?<![\d/.,\-])(\d{1,3})\s*/\s*(\d{1,3})(?![\d/%]|[.,]\d)")


def _table_statements(lines: Sequence[PreambleLine]) -> list[str]:
    """The preamble's table rows as "cell: cell: cell", and each cell over the one below it as
    "label: count"."""
    rows: dict[tuple[int, int], dict[int, str]] = {}
    for line in lines:
        if line.table is not None and line.row is not None and line.column is not None:
            cells = rows.setdefault((line.table, line.row), {})
            cells[line.column] = " ".join(filter(None, (cells.get(line.column), line.text)))
    statements = [": ".join(cells[c] for c in sorted(cells)) for cells in rows.values()]
    for (table, row), upper in rows.items():
        lower = rows.get((table, row + 1), {})
        statements.extend(f"{upper[c]}: {lower[c]}" for c in sorted(upper) if c in lower)
    return statements


def _summary_kinds(folded: str) -> list[str]:
    """The kinds a clause names, in the order of :data:`SUMMARY_WORDS`' checks; a negation
    ("chưa hoàn thành") is matched first and masked, so that it does not read as "hoàn thành"."""
    kinds: list[str] = []
    for kind, word, pattern in _kind_patterns():
        if word in folded and pattern.search(folded):  # the substring first: most clauses lack it
            if kind not in kinds:
                kinds.append(kind)
            folded = pattern.sub(" ", folded)
    return kinds


@functools.cache
def _kind_patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(kind, word, whole-word pattern) in :func:`_summary_kinds`' order; each pattern opens
    with its word and looks behind it after (the regex engine skips to the word's first letter
    instead of trying a look-behind at every position)."""
    return tuple(
        (kind, word, re.compile(rf"{bounded([word], space=None)}(?!\w)"))
        for kind in ("total", "not_started", "in_progress", "completed")
        for word in sorted(SUMMARY_WORDS[kind], key=len, reverse=True)
    )


@functools.cache
def _status_word_patterns() -> tuple[re.Pattern[str], ...]:
    """The status words of :data:`SUMMARY_WORDS` as whole words, case ignored, any run of
    non-word characters between their parts (made once; see :func:`_kind_patterns`)."""
    gap = r"\W+"
    return tuple(
        re.compile(rf"{bounded([word], space=gap)}(?!\w)", re.IGNORECASE)
        for words in SUMMARY_WORDS.values()
        for word in words
    )


def _summary_count(clause: str) -> tuple[int | None, int | None]:
    """(count, total it is of) of a clause: the first number after its status words, else the
    last one before them; "N/M" gives N of M."""
    ends = [m.end() for pattern in _status_word_patterns() for m in pattern.finditer(clause)]
    at = min(ends) if ends else 0
    for part in (clause[at:], clause[:at]):
        ratio = _RATIO_COUNT.search(part)
        counts: list[tuple[int, int, int | None]] = [
            (m.start(), int(m.group(1)), None) for m in _COUNT.finditer(part)
        ]
        if ratio:
            counts.append((ratio.start(), int(ratio.group(1)), int(ratio.group(2))))
        if counts:
            counts.sort()
            pick = counts[0] if part is not clause[:at] or at == 0 else counts[-1]
            return pick[1], pick[2]
    return None, None


def read_title(lines: Sequence[PreambleLine]) -> str | None:
    """The title lines ("Phụ lục", what is evaluated, the resolutions) joined by " / ".

    They are lines of their own: paragraphs, or table rows with one filled cell (the title rows
    of a sheet or of a text export, above the header or in a table of their own)."""
    free = [ln.text for ln in lines if ln.table is None or ln.alone]
    start = next((i for i, t in enumerate(free) if fold(t).startswith(TITLE_OPENERS)), None)
    if start is None:
        start = next((i for i, t in enumerate(free) if not _is_furniture(t)), None)
    if start is None:
        return None
    title: list[str] = []
    for text in free[start : start + _MAX_TITLE_LINES]:
        period = any(p.search(text) for p in (_PERIOD, _MONTHS, _SINCE, _PERIOD_END))
        if period or _is_summary_line(text) or (title and _is_furniture(text)):
            break
        title.append(text)
    return " / ".join(title) or None


def _is_summary_line(text: str) -> bool:
    folded = fold(text)
    return bool(re.match(r"^\d{1,2}\s", folded)) or folded.startswith(SUMMARY_LINE_OPENERS)


def _is_furniture(text: str) -> bool:
    """Lines of the motto block, the place and date, the document number: never the title."""
    folded = fold(text)
    return (
        any(folded.startswith(fold(w)) for w in MOTTO_WORDS)
        or bool(_PLACE_DATE.match(text))
        or folded.startswith(DOCUMENT_NUMBER_OPENER)
        or set(text.strip()) <= set("-–_*=. ")
        or _unit_start(folded) is not None
    )


def read_unit(lines: Sequence[PreambleLine]) -> str | None:
    """The reporting unit, normalised ("UBND huyện Gio Linh", "Sở Nội vụ").

    The left cell of a header table decides; its lowest unit line is the unit itself (the line
    above names the body it belongs to). Otherwise the first unit lines of the preamble, the
    lowest of those written one under the other.
    """
    first_table = next((ln.table for ln in lines if ln.table is not None), None)
    # Only the first header table: later ones (recipient lists, notes) name other bodies.
    header_cell = [ln.text for ln in lines if ln.table == first_table and ln.column == 0]
    if first_table is not None and (units := _unit_lines(header_cell)):
        return _with_place(normalise_unit(units[-1]), units[:-1])
    free = [ln.text for ln in lines if ln.table is None][:8]
    start = next((i for i, t in enumerate(free) if _unit_start(fold(t))), None)
    if start is None:
        return None
    # Unit lines one under the other ("UBND TỈNH QUẢNG TRỊ" / "SỞ TƯ PHÁP"): as in a header
    # table, the lowest is the unit, the ones above name the body it belongs to.
    end = start + 1
    while end < len(free) and (_unit_start(fold(free[end])) or _level_start(fold(free[end]))):
        end += 1
    if units := _unit_lines(free[start:end]):
        return _with_place(normalise_unit(units[-1]), units[:-1])
    return None


def _with_place(unit: str, parents: list[str]) -> str:
    """A unit named by its level alone takes the place of the body above it at that level:
    "BAN CHỈ HUY QUÂN SỰ HUYỆN" under "UBND HUYỆN GIO LINH" is Gio Linh's, not every district's."""
    level = next((lv for lv in UNIT_LEVELS if unit.lower().endswith(" " + lv)), None)
    for parent in reversed(parents) if level else []:
        words = normalise_unit(parent).split()
        i = 0
        while i < len(words):
            found = _level_start(" ".join(words[i:]).lower())
            if found is not None and found == level and i + len(found.split()) < len(words):
                return " ".join([unit, *words[i + len(found.split()) :]])
            i += len(found.split()) if found else 1
    return unit


def _unit_lines(texts: list[str]) -> list[str]:
    units: list[str] = []
    for i, text in enumerate(texts):
        text = _before_motto(text)
        folded = fold(text)
        opener = _unit_start(folded)
        if opener is None:
            continue
        rest = folded[len(opener) :].strip()
        if not rest and i + 1 < len(texts) and _level_start(fold(texts[i + 1])):
            text = f"{text} {texts[i + 1]}"  # "ỦY BAN NHÂN DÂN" / "HUYỆN GIO LINH"
        elif not rest:
            continue
        elif i + 1 < len(texts) and _wraps_place(rest, texts[i + 1]):
            text = f"{text} {texts[i + 1]}"  # "UBND THÀNH PHỐ" / "ĐỒNG HỚI"
        units.append(text)
    return units


def _wraps_place(rest: str, following: str) -> bool:
    """Does ``following`` end the place a unit line's ``rest`` (after its opener) began: the
    rest a level with a word or none after it ("thành phố", "thành phố đồng"), the next line
    a word or two in capitals that open no unit or level ("ĐỒNG HỚI", "HỚI")?"""
    level = _level_start(rest)
    if level is None or len(rest[len(level) :].split()) > 1:
        return False
    words = following.split()
    folded = fold(following)
    return (
        0 < len(words) <= 2
        and following.isupper()
        and _level_start(folded) is None
        and not _is_furniture(following)  # a unit's opener, the motto, a number
    )


def _before_motto(text: str) -> str:
    """A line cut where the national motto begins: a reader that kept the unit | motto header
    as one line ("UBND HUYỆN X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", at times with no space
    between the two) leaves the unit in front."""
    found = _motto_pattern().search(unicodedata.normalize("NFC", text))
    return text[: found.start()].rstrip() if found and found.start() else text


@functools.cache
def _motto_pattern() -> re.Pattern[str]:
    mottos = ([w for w in motto.split() if w not in "-–"] for motto in MOTTO_WORDS)
    return re.compile("|".join(r"[\W_]*".join(map(re.escape, m)) for m in mottos), re.IGNORECASE)


def _unit_start(folded: str) -> str | None:
    for opener in sorted(UNIT_OPENERS, key=len, reverse=True):
        if folded == opener or folded.startswith(opener + " "):
            return opener
    return None


def _level_start(folded: str) -> str | None:
    words = folded.split()
    if words and words[0] in _ABBREVIATIONS:
        return words[0]
    for level in UNIT_LEVELS:
        if folded == level or folded.startswith(level + " "):
            return level
    return None


def normalise_unit(text: str) -> str:
    """Write a unit the usual way: "UBND", the level in lower case, places in title case.

    >>> normalise_unit("UBND HUYỆN GIO LINH"), normalise_unit("SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    ('UBND huyện Gio Linh', 'Sở Giáo dục và Đào tạo')
    >>> normalise_unit("ỦY BAN NHÂN DÂN XÃ CAM HIẾU")
    'UBND xã Cam Hiếu'
    """
    folded = re.sub(r"\s+", " ", text.replace(".", " ").strip().lower())
    opener = _unit_start(folded) or ""
    rest = folded[len(opener) :].strip()
    head = "UBND" if opener in PEOPLES_COMMITTEE else opener[:1].upper() + opener[1:]
    return " ".join(w for w in [head, _name(rest, capitalise_first=head != "UBND")] if w)


def _name(rest: str, *, capitalise_first: bool) -> str:
    """A body's name or a place: level words lower, places title case, "và" and "-" kept."""
    words = rest.split()
    out: list[str] = []
    i = 0
    in_place = False
    capitalise_next = capitalise_first
    while i < len(words):
        word = words[i]
        if word in _ABBREVIATIONS:
            word = _ABBREVIATIONS[word]
        level = _level_start(" ".join(words[i:]))
        if level and (in_place or not capitalise_next or not out):
            out.append(level if word not in _ABBREVIATIONS.values() else word)
            i += len(level.split()) if word == words[i] else 1
            in_place = True
            capitalise_next = False
            continue
        if all(part in UNIT_ACRONYMS for part in word.split("-")):
            out.append(word.upper())
        elif in_place or capitalise_next:
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(word)
        capitalise_next = word in NAME_JOINERS
        i += 1
    return " ".join(out)
