"""Figures in Vietnamese text: percentages, ratios of counted things, counts, thresholds.

The grammar, in the order it is applied:

1. One scanner (``_SCAN``) walks the text once, left to right. It consumes whole the spans
   that never hold a figure (web and e-mail addresses, standards such as "TCVN 9001 -2015")
   and stops on every *number token*: digits grouped by dots and commas, possibly joined by
   slashes ("1.381", "55,54", "111/238", "15/7/2021").
2. Each token is classified by what follows it and what precedes it, within a short window:
   "%" or "phần trăm" makes a percent; "/" or "-" then a letter makes a document number
   ("1103/QĐ-UBND", "01-NQ/TU"); two numbers "x/y" make a ratio unless they read as a date;
   a number followed by a counted noun (:data:`vocab.COUNT_UNITS`) makes a count. Three
   slash-joined numbers are always a date. A number right after "ngày", "năm", "số",
   "mức độ" … (:data:`vocab.NOT_FIGURE_BEFORE`) is never a count or a ratio.
3. Qualifiers come from the words right before ("tối thiểu", "trên", "cắt giảm ít nhất" …,
   possibly with fillers such as "tương ứng là") or right after ("trở lên").
4. Ranges ("từ 80% đến 90%", "80-90%") make their ends ``at_least`` and ``at_most``; a list
   ("tối thiểu 30%, 20%, 15%") passes the first item's qualifier to the items that have none.

Decisions the SPEC leaves open:

- ``text`` is the number as written, with its "%" (or "phần trăm") for a percent, without the
  qualifier or the noun: "55,54%", "111/238", "1.381" (unit "CC, VC").
- A bare "x/y" is a ratio unless it is a plausible day/month that follows a date word ("đến
  30/6") or whose day exceeds its month ("30/6"); "m/yyyy" is always a date.
- "mức độ 4" is a level of online public service, not a count: never a figure.
- Durations ("15 ngày", "02 năm", "24/24 giờ") are not counts: time words are no units.
- "80% - 90%" with neither "từ" before nor a bare first number is two exact figures, since a
  dash there is as often a bullet as a range.

Every regular expression runs in linear time: quantifiers over digits are possessive, and the
context checks look at a bounded window around each token.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import regex

from . import vocab
from .models import Figure

FIELDS = ("notes", "target")
_WINDOW = 64  # characters of left context examined for qualifiers and exclusions
_FLAGS = regex.VERBOSE | regex.IGNORECASE | regex.V0


def _phrases(words: tuple[str, ...]) -> str:
    """A verbose-safe alternation of phrases, longest first; a space matches any white space."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in ordered)


# Alternations of vocabulary phrases used in the patterns below.
_DOMAINS = _phrases(vocab.WEB_DOMAINS)
_STANDARDS = _phrases(vocab.STANDARD_MARKERS)
_PERCENT_WORDS = _phrases(vocab.PERCENT_WORDS)
_UNITS = _phrases(vocab.COUNT_UNITS)
_TIME_WORDS = _phrases(vocab.TIME_UNITS)
_AT_LEAST_AFTER = _phrases(vocab.QUALIFIER_AFTER["at_least"])
_AT_MOST_AFTER = _phrases(vocab.QUALIFIER_AFTER["at_most"])
_QUALIFIER_GROUPS = "\n      | ".join(
    f"(?P<{name}>{_phrases(words)})" for name, words in vocab.QUALIFIER_PHRASES.items()
)
_FILLERS = _phrases(vocab.FIGURE_FILLERS)
_NOT_FIGURE_EXCEPT = _phrases(vocab.NOT_FIGURE_EXCEPT)
_NOT_FIGURE = _phrases(vocab.NOT_FIGURE_BEFORE)
_DATE_WORDS = _phrases(vocab.DATE_CONTEXT)
_RANGE_OPENERS = _phrases(vocab.RANGE_OPENERS)
_RANGE_WORDS = _phrases(tuple(w for w in vocab.RANGE_JOINERS if w.isalpha()))
_LIST_WORDS = _phrases(tuple(w for w in vocab.LIST_JOINERS if w.isalpha()))

# --- numbers ------------------------------------------------------------------------------

_NUMBER = regex.compile(
    r"""
    \A
    (?:
        (?P<int>\d{1,3}(?:\.\d{3})++)    # thousands grouped by dots: 1.381, 1.234.567
        (?:,(?P<frac>\d++))?+            #   with a decimal comma: 1.234,5
      | (?P<plain>\d++)                  # plain digits: 01, 287, 2023
        (?:
            ,(?P<cfrac>\d++)             #   decimal comma: 55,54, 0,1
          | \.(?P<dfrac>\d{1,2})         #   decimal dot of one or two digits: 14.7, 0.25
        )?+
    )
    \Z
    """,
    _FLAGS,
)


def parse_number(text: str) -> float | None:
    """The value of a number written the Vietnamese way, or None when it is not one.

    Dots group thousands and the comma is the decimal separator; a single dot followed by one
    or two digits is read as a decimal point, since "14.7%" occurs and cannot be 147.

    >>> parse_number("1.381")
    1381.0
    >>> parse_number("55,54")
    55.54
    >>> parse_number("1.234.567")
    1234567.0
    >>> parse_number("1.234,5")
    1234.5
    >>> parse_number("0,1")
    0.1
    >>> parse_number("14.7")
    14.7
    >>> parse_number("01")
    1.0
    >>> parse_number("1.2345") is None, parse_number("1,234.5") is None, parse_number("") is None
    (True, True, True)
    """
    m = _NUMBER.match(text)
    if m is None:
        return None
    if m.group("int") is not None:
        whole, frac = m.group("int").replace(".", ""), m.group("frac")
    else:
        whole, frac = m.group("plain"), m.group("cfrac") or m.group("dfrac")
    return float(f"{whole}.{frac}") if frac else float(whole)


def parse_integer(text: str) -> int | None:
    """The value of a whole number ("1.381" → 1381, "09" → 9), or None.

    >>> parse_integer("265.456"), parse_integer("09"), parse_integer("1,5")
    (265456, 9, None)
    """
    value = parse_number(text)
    if value is None or "," in text or not value.is_integer():
        return None
    if "." in text and regex.search(r"\.\d{1,2}\Z", text):  # "14.7": a decimal, not thousands
        return None
    return int(value)


# --- the scanner --------------------------------------------------------------------------

_SCAN = regex.compile(
    rf"""
    (?P<skip>                                  # spans that never hold a figure:
        (?:https?|ftp)://\S++                  #   a web address with its scheme
      | www\.\S++                              #   or starting "www."
      | (?<![\w.@+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++     # an e-mail address
      | (?<![\w.-])(?:[\w-]++\.)++(?:{_DOMAINS})(?![\w-])(?:/\S*+)?+   # "dichvucong.gov.vn"
      | (?<!\w)(?:{_STANDARDS})                 #   a standard: "TCVN 9001 -2015",
        (?:[ ]?(?:{_STANDARDS}))*+              #     "TCVN ISO 9001:2015"
        [ ]?\d++(?:[.:]\d++)?+                 #     its number
        (?:[ ]?[-:][ ]?\d{{4}}(?!\d))?+        #     and its year
    )
  | (?P<token>                                 # a number token:
        (?<!\w)                                #   not inside a word ("4G", "QH13")
        (?<!\p{{L}}-)                          #   nor after "letters-" ("Covid-19")
        \d++(?:[.,]\d++)*+                     #   digits grouped by dots and commas
        (?:[ ]?/[ ]?\d++(?:[.,]\d++)*+)*+      #   more of them after slashes: x/y, d/m/y
    )
    """,
    _FLAGS,
)

# --- what follows a token (matched at the token's end with \G) ----------------------------

_PERCENT_SIGN = regex.compile(
    rf"""
    \G[ \u00a0]?                 # at most one space before the sign
    (?: [%％]                    # the per-cent sign
      | (?:{_PERCENT_WORDS})(?!\w)        # or the words: "95 phần trăm"
    )
    """,
    _FLAGS,
)
_DOCUMENT_TAIL = regex.compile(
    r"""
    \G[ ]?                       # "1226/ UBND-TH", "01-NQ/TU", "01/2018/TT-VPCP"
    [/-][ ]?\p{L}                # a slash or hyphen, then the issuer's letters
    """,
    _FLAGS,
)
_LETTER_TAIL = regex.compile(
    r"""
    \G\p{L}                      # glued to a letter: "4G", "7h30", "2a"
    """,
    _FLAGS,
)
_UNIT = regex.compile(
    rf"""
    \G\s?                        # one space at most between number and noun
    (?P<unit>{_UNITS})            # a counted noun, longest first
    (?!\w)                       # ending a word
    """,
    _FLAGS,
)
_TIME_TAIL = regex.compile(
    rf"""
    \G\s?(?:{_TIME_WORDS})(?!\w)       # "24/24 giờ": a time, not a ratio
    """,
    _FLAGS,
)
_AFTER_QUALIFIER = regex.compile(
    rf"""
    \G\s*
    (?: (?P<at_least>{_AT_LEAST_AFTER})   # "99% trở lên"
      | (?P<at_most>{_AT_MOST_AFTER})     # "5 người trở xuống"
    )
    (?!\w)
    """,
    _FLAGS,
)

# --- what precedes a token (searched in a bounded window that ends at the token) ----------

_BEFORE_QUALIFIER = regex.compile(
    rf"""
    (?<!\w)
    (?: {_QUALIFIER_GROUPS} )                            # the qualifier words, one named group each
    (?: [\s:,]+ (?:{_FILLERS}) (?!\w) )*+      # fillers: "tương ứng là", "đạt", "tỷ lệ"
    [\s:]*                                    # white space or a colon
    \Z                                        # right before the number
    """,
    _FLAGS,
)
_BEFORE_NOT_FIGURE = regex.compile(
    rf"""
    (?<!\w)
    (?: (?P<ok>{_NOT_FIGURE_EXCEPT})             # "tổng số 33 chỉ tiêu": "số" as "the number of"
      | (?P<no>{_NOT_FIGURE})             # "ngày 15/7", "năm 2023", "số 12", "mức độ 4"
    )
    [\s:.]*\Z                    # right before the number
    """,
    _FLAGS,
)
_BEFORE_DATE = regex.compile(
    rf"""
    (?<!\w)(?:{_DATE_WORDS})\s*\Z      # "đến 30/6", "trước 15/12": a day and month
    """,
    _FLAGS,
)
_BEFORE_RANGE = regex.compile(
    rf"""
    (?<!\w)(?:{_RANGE_OPENERS})\s*\Z      # "từ 80% đến 90%"
    """,
    _FLAGS,
)

# --- between two figures ------------------------------------------------------------------

_RANGE_GAP = regex.compile(
    rf"""
    \A\s*
    (?: (?P<word>{_RANGE_WORDS})(?!\w)  # "đến", "tới"
      | (?P<dash>[-–—])          # or a dash
    )
    \s*\Z
    """,
    _FLAGS,
)
_LIST_GAP = regex.compile(
    rf"""
    \A\s*
    (?: ,\s*(?:{_LIST_WORDS})?         # "30%, 20%", "30%, và 20%"
      | (?:{_LIST_WORDS})              # "30% và 20%", "30% hoặc 20%"
    )
    \s*\Z
    """,
    _FLAGS,
)

_CANONICAL_UNITS = {" ".join(u.casefold().split()): u for u in vocab.COUNT_UNITS}


@dataclass
class _Candidate:
    """A figure being built; ``bare`` numbers only survive as the first end of a range."""

    kind: str
    value: float
    text_start: int
    text_end: int
    end: int  # after the unit and any trailing qualifier
    lead: int  # where the qualifier words before it start
    qualifier: str = "exact"
    numerator: int | None = None
    denominator: int | None = None
    unit: str | None = None
    opens_range: bool = False  # preceded by "từ"
    ranged: bool = False

    @property
    def bare(self) -> bool:
        return self.kind == "bare"


def _window(text: str, start: int) -> str:
    return text[max(0, start - _WINDOW) : start]


def _not_figure_before(text: str, start: int) -> bool:
    m = _BEFORE_NOT_FIGURE.search(_window(text, start))
    return m is not None and m.group("no") is not None


def _is_date(day: int, month: int, text: str, start: int, has_unit: bool) -> bool:
    """Whether "day/month" (no year) is a date rather than a ratio."""
    if not (1 <= day <= 31 and 1 <= month <= 12) or has_unit:
        return False
    return day > month or _BEFORE_DATE.search(_window(text, start)) is not None


def _unit(text: str, pos: int) -> tuple[str | None, int]:
    m = _UNIT.match(text, pos)
    if m is None:
        return None, pos
    return _CANONICAL_UNITS.get(" ".join(m.group("unit").casefold().split())), m.end()


def _classify(text: str, start: int, end: int) -> _Candidate | None:
    """The candidate figure the token text[start:end] makes, or None."""
    token = text[start:end]
    if _DOCUMENT_TAIL.match(text, end) or _LETTER_TAIL.match(text, end):
        return None
    parts = [p.strip() for p in token.split("/")]
    percent = _PERCENT_SIGN.match(text, end)
    if len(parts) == 1:
        value = parse_number(token)
        if value is None:
            return None
        if percent:
            return _Candidate("percent", value, start, percent.end(), percent.end(), start)
        if _not_figure_before(text, start):
            return None
        unit, unit_end = _unit(text, end)
        kind = "count" if unit else "bare"
        return _Candidate(kind, value, start, end, unit_end, start, unit=unit)
    if len(parts) != 2 or percent:
        return None  # "15/7/2021" and longer: dates; "x/y%": nothing we know
    numerator, denominator = parse_integer(parts[0]), parse_integer(parts[1])
    if numerator is None or denominator is None or denominator == 0:
        return None
    if _not_figure_before(text, start) or _TIME_TAIL.match(text, end):
        return None
    year = regex.fullmatch(r"(?:19|20)\d\d", parts[1]) is not None
    if year and (1 <= numerator <= 12 or regex.fullmatch(r"(?:19|20)\d\d", parts[0])):
        return None  # "10/2023" (month/year), "2021/2022" (a school or fiscal year)
    unit, unit_end = _unit(text, end)
    if _is_date(numerator, denominator, text, start, unit is not None):
        return None
    return _Candidate(
        "ratio",
        numerator / denominator,
        start,
        end,
        unit_end,
        start,
        numerator=numerator,
        denominator=denominator,
        unit=unit,
    )


def _qualify(text: str, cand: _Candidate) -> None:
    """Set the candidate's qualifier from the words around it."""
    window = _window(text, cand.text_start)
    m = _BEFORE_QUALIFIER.search(window)
    if m is not None:
        cand.qualifier = m.lastgroup or "exact"
        cand.lead = cand.text_start - len(window) + m.start()
    cand.opens_range = _BEFORE_RANGE.search(window) is not None
    after = _AFTER_QUALIFIER.match(text, cand.end)
    if after is not None:
        if cand.qualifier == "exact":
            cand.qualifier = after.lastgroup or "exact"
        cand.end = after.end()


def _link(text: str, cands: list[_Candidate]) -> None:
    """Ranges and lists: pass qualifiers between neighbouring candidates."""
    for a, b in itertools.pairwise(cands):
        if b.bare:
            continue
        gap = text[a.end : b.lead]
        joiner = _RANGE_GAP.match(gap)
        if joiner is not None and (
            a.bare or (a.kind == b.kind and (a.opens_range or joiner.group("word")))
        ):
            if a.bare:
                a.kind, a.unit = b.kind, b.unit
            if a.qualifier == "exact":
                a.qualifier = "at_least"
            if b.qualifier == "exact":
                b.qualifier = "at_most"
            a.ranged = b.ranged = True
        elif (
            not a.bare
            and a.kind == b.kind
            and a.qualifier != "exact"
            and not a.ranged
            and b.qualifier == "exact"
            and _LIST_GAP.match(text[a.end : b.text_start])
        ):
            b.qualifier = a.qualifier


def extract_figures(text: str, *, field: str = "notes") -> list[Figure]:
    """Every figure in ``text`` in order; ``field`` is "notes" or "target" (thresholds).

    Both fields are read with the same grammar (a bare percentage in a target is an ``exact``
    threshold, per the SPEC); ``field`` only names where the text came from.
    Dates, document numbers, standards, years, web addresses and list numbers yield nothing.

    >>> [(f.kind, f.value, f.qualifier) for f in extract_figures("đạt tối thiểu 55,54%")]
    [('percent', 55.54, 'at_least')]
    >>> [(f.text, f.unit) for f in extract_figures("có 1.381 CC, VC; 111/238 TTHC; 15/7/2021")]
    [('1.381', 'CC, VC'), ('111/238', 'TTHC')]
    """
    if field not in FIELDS:
        raise ValueError(f"field must be one of {FIELDS}, not {field!r}")
    if not text:
        return []
    cands: list[_Candidate] = []
    for m in _SCAN.finditer(text):
        if m.group("token") is None:
            continue
        cand = _classify(text, m.start(), m.end())
        if cand is not None:
            _qualify(text, cand)
            cands.append(cand)
    _link(text, cands)
    return [
        Figure(
            kind=c.kind,
            value=c.value,
            numerator=c.numerator,
            denominator=c.denominator,
            unit=c.unit,
            qualifier=c.qualifier,  # type: ignore[arg-type]
            text=text[c.text_start : c.text_end],
            span=(c.text_start, c.text_end),
        )
        for c in cands
        if not c.bare
    ]
