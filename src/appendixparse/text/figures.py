"""Figures in Vietnamese text: percentages, ratios of counted things, counts, thresholds.

The grammar, in the order it is applied:

1. The spans that never hold a figure are masked: web and e-mail addresses, standards such
   as "TCVN 9001 -2015" (``_MASK``, ``_DOMAIN_END``). Then ``_TOKEN`` walks the text once,
   left to right, and stops on every *number token* outside them: digits grouped by dots and
   commas, possibly joined by slashes ("1.381", "55,54", "111/238", "15/7/2021").
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
  30/6") or whose day exceeds its month ("30/6"); "m/yyyy" is always a date; "x/yyyy" with no
  noun after it is a citation ("Nghị định 61/2018"); "24/24", "24/7" alone mean round the clock.
- A count needs a noun of :data:`vocab.COUNT_UNITS` right after the number: bare numbers, and
  numbers with a decimal dot ("2.1 Văn bản …", a heading), are no counts. After "năm" only a
  year-like number is excluded ("năm 2023"), so "mỗi năm 20 lớp" is a count.
- The noun is reported as the vocabulary writes it, the longest that matches ("văn bản QPPL").
- "mức độ 4" is a level of online public service, not a count: never a figure.
- Durations ("15 ngày", "02 năm", "24/24 giờ") are not counts: time words are no units.
- "80% - 90%" with neither "từ" before nor a bare first number is two exact figures, since a
  dash there is as often a bullet as a range.

Every regular expression runs in linear time: quantifiers over digits are possessive, the
context checks look at a bounded window around each token (backwards, with ``REVERSE``), and
the masks never read a character twice. Input is expected in NFC, as the pipeline's cleaning
leaves it; vocabulary words in other forms are not recognised.

Speed: a call on the regex module costs about a microsecond whatever it does, about what the
rest of a number's classification costs, so the patterns run behind cheap tests that never
reject a text the pattern would match: what follows the number (:func:`_tail`), the last word
before it (:class:`_Before`), the literals a masked span must hold (``_MASK_HINT``).
Vocabulary alternations are compiled as trees (:func:`_phrases`).
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

import regex
from pydantic import TypeAdapter

from ..models import Figure
from . import vocabulary as vocab


@functools.cache
def _figure_list() -> TypeAdapter[list[Figure]]:
    """One validation call per text builds its Figures (cheaper than Figure(...) for each);
    the validator is built on first use, not at import."""
    return TypeAdapter(list[Figure])


FIELDS = ("notes", "target")
_WINDOW = 64  # characters of left context examined for qualifiers and exclusions
_FLAGS = regex.VERBOSE | regex.IGNORECASE | regex.V0
# Left-context patterns are matched backwards from the token (REVERSE), so each costs a few
# character tests per position rather than a trial of every phrase at every position.
_BACKWARD = _FLAGS | regex.REVERSE


def _phrases(words: tuple[str, ...], *, backward: bool = False, fold: bool = True) -> str:
    """A verbose-safe pattern that matches any of the phrases, the longest it can; a space
    matches any white space.

    The phrases are merged into a tree on their shared beginnings (on their shared endings
    for a ``backward`` pattern, which the REVERSE flag reads from the right), so the engine
    tests each character once instead of trying every phrase in turn: "tối thiểu|tối đa"
    becomes "tối\\s+(?:thiểu|đa)". A branch goes on before it may stop, so the longest phrase
    wins, as in a longest-first list. For a case-insensitive pattern the phrases are ``fold``ed
    first, so that no two branches can both match: "CC, VC" and "cán bộ" share their "c".
    """
    tree: dict[str, dict] = {}
    for phrase in {w.lower() for w in words} if fold else set(words):
        steps = [c for word in phrase.split() for c in (" ", *word)][1:]  # " " for white space
        node = tree
        for step in reversed(steps) if backward else steps:
            node = node.setdefault(step, {})
        node[""] = {}  # a phrase ends here

    def pattern(node: dict[str, dict]) -> str:
        branches = []
        for step in sorted(s for s in node if s):
            piece = r"\s+" if step == " " else regex.escape(step)
            rest = pattern(node[step])
            branches.append(rest + piece if backward else piece + rest)
        if not branches:
            return ""
        either = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{either})?" if "" in node else either

    return pattern(tree)


def _key(phrase: str) -> str:
    return " ".join(phrase.casefold().split())


# Alternations of vocabulary phrases used in the patterns below.
_DOMAINS = _phrases(vocab.WEB_DOMAINS)
_STANDARDS = _phrases(vocab.STANDARD_MARKERS, fold=False)  # in capitals only
_PERCENT_WORDS = _phrases(vocab.PERCENT_WORDS)
_UNITS = _phrases(vocab.COUNT_UNITS)
_TIME_WORDS = _phrases(vocab.TIME_UNITS)
_AT_LEAST_AFTER = _phrases(vocab.QUALIFIER_AFTER["at_least"])
_AT_MOST_AFTER = _phrases(vocab.QUALIFIER_AFTER["at_most"])
_QUALIFIERS = _phrases(
    tuple(p for ps in vocab.QUALIFIER_PHRASES.values() for p in ps), backward=True
)
_FILLERS = _phrases(vocab.FIGURE_FILLERS, backward=True)
_NOT_FIGURE_EXCEPT = _phrases(vocab.NOT_FIGURE_EXCEPT, backward=True)
_NOT_FIGURE = _phrases(vocab.NOT_FIGURE_BEFORE, backward=True)
_YEAR_WORDS = _phrases(vocab.YEAR_WORDS, backward=True)
_DATE_WORDS = _phrases(vocab.DATE_CONTEXT, backward=True)
_RANGE_OPENERS = _phrases(vocab.RANGE_OPENERS, backward=True)
_RANGE_WORDS = _phrases(tuple(w for w in vocab.RANGE_JOINERS if w.isalpha()))
_LIST_WORDS = _phrases(tuple(w for w in vocab.LIST_JOINERS if w.isalpha()))

# What a range's gap holds, besides white space: a cheap test before _RANGE_GAP.
_RANGE_JOINERS = frozenset(_key(w) for w in (*vocab.RANGE_JOINERS, "-", "–", "—"))
_JOINER_WORDS = max(len(j.split()) for j in _RANGE_JOINERS)
# The first words of QUALIFIER_AFTER: a cheap test before _AFTER_QUALIFIER (the pipeline's text
# has single spaces, so the word shows within a few characters of the figure when it follows).
_AFTER_HINT = re.compile(
    "|".join(re.escape(p.split()[0]) for ps in vocab.QUALIFIER_AFTER.values() for p in ps),
    re.IGNORECASE,
)
_AFTER_REACH = 16
_QUALIFIER_OF = {_key(p): q for q, ps in vocab.QUALIFIER_PHRASES.items() for p in ps}
_CANONICAL_UNITS = {_key(u): u for u in vocab.COUNT_UNITS}


@functools.lru_cache(maxsize=1024)
def _unit(noun: str) -> str | None:
    """The counted noun as the vocabulary writes it ("văn bản qppl" → "văn bản QPPL")."""
    return _CANONICAL_UNITS.get(_key(noun))


@functools.lru_cache(maxsize=1024)
def _qualifier(phrase: str) -> str:
    """The qualifier a phrase before a number means ("tối  thiểu" → "at_least")."""
    return _QUALIFIER_OF.get(_key(phrase), "exact")


# --- numbers ------------------------------------------------------------------------------

_NUMBER = regex.compile(
    r"""
    \A
    (?:
        (?P<int>\d{1,3}(?:\.\d{3})++    # thousands grouped by dots: 1.381, 1.234.567
          |\d{1,3}(?:[ ]\d{3})++)        #   or by spaces: 1 381 (no-break ones are cleaned)
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
    >>> parse_number("1.234,5"), parse_number("12 500")
    (1234.5, 12500.0)
    >>> parse_number("0,1")
    0.1
    >>> parse_number("14.7")
    14.7
    >>> parse_number("01")
    1.0
    >>> parse_number("1.2345") is None, parse_number("1,234.5") is None, parse_number("") is None
    (True, True, True)
    """
    if text.isascii() and text.isdigit():
        return float(text)  # the common case, without the pattern
    m = _NUMBER.match(text)
    if m is None:
        return None
    # The groups in the pattern's order, in one call: the regex module looks a name up slowly.
    grouped, frac, plain, cfrac, dfrac = m.groups()
    if grouped is not None:
        whole = grouped.replace(".", "").replace(" ", "")
    else:
        whole, frac = plain, cfrac or dfrac
    try:
        return float(f"{whole}.{frac}") if frac else float(whole)
    except ValueError:  # a digit of a script newer than Python's Unicode tables ("\U00016d70")
        return None


def parse_integer(text: str) -> int | None:
    """The value of a whole number ("1.381" → 1381, "09" → 9), or None.

    >>> parse_integer("265.456"), parse_integer("09"), parse_integer("1,5")
    (265456, 9, None)
    """
    value = parse_number(text)
    if value is None or "," in text or not value.is_integer():
        return None
    if _DOT_DECIMAL.search(text):
        return None
    return int(value)


def written_decimals(text: str) -> int:
    """How many decimals the number opening a figure's text is written with, as this grammar
    reads it: a share's precision.

    >>> written_decimals("20,6%"), written_decimals("77%"), written_decimals("14.7%")
    (1, 0, 1)
    >>> written_decimals("1.000%"), written_decimals("0,25 phần trăm")  # 1.000: thousands
    (0, 2)
    """
    token = _TOKEN.match(text)
    number = _NUMBER.match(token.group()) if token else None
    fraction = number and (number.group("frac") or number.group("cfrac") or number.group("dfrac"))
    return len(fraction) if fraction else 0


# --- spans that never hold a figure -------------------------------------------------------

# One pattern per kind of span, each run only on a text that holds one of its hints (literals
# one of which every match holds): most texts hold none. One alternation of the four scanned a
# text ~20x slower than the four alone, as the regex module cannot skip ahead to a literal.
# The patterns are compiled on first use (_mask), by the first text that holds a hint.
_MASKS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("://",), r"(?:https?|ftp)://\S++"),  # a web address with its scheme
    (("www.", "WWW.", "Www."), r"www\.\S++"),  # or starting "www."
    (("@",), r"(?<![\w.@+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++"),  # an e-mail address
    (
        vocab.STANDARD_MARKERS,  # a standard, in capitals: "TCVN 9001 -2015",
        rf"""
        (?<!\w)(?-i:{_STANDARDS})
        (?:[ ]?(?-i:{_STANDARDS}))*+        #   "TCVN ISO 9001:2015"
        [ ]?\d++(?:[.:]\d++)?+              #   its number
        (?:[ ]?[-:][ ]?\d{{4}}(?!\d))?+      #   and its year
        """,
    ),
)


@functools.cache
def _mask(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern, _FLAGS)


# A bare web address ("dichvucong.gov.vn") is found by its ending, then widened backwards
# over the name (see _masks): a forward pattern would re-read every word of the text.
_DOMAIN_END = regex.compile(
    rf"""
    \.(?-i:{_DOMAINS})(?![\w-])                 # ".vn", ".gov", ".com" ending a name
    (?:/\S*+)?+                                 # and the path after it
    """,
    _FLAGS,
)
# Any of the hints, found by the standard library's re faster than by "in" or by regex; and the
# domain endings, in a pattern of their own (a case-insensitive part makes _MASK_HINT 3x slower).
_MASK_HINT = re.compile("|".join(re.escape(h) for hints, _ in _MASKS for h in hints))
_DOMAIN_HINT = re.compile(r"\.(?:" + "|".join(map(re.escape, vocab.WEB_DOMAINS)) + ")", re.I)
# The name before a domain's ending, matched backwards from it.
_NAME_BEFORE = regex.compile(r"[\w.-]*+", _FLAGS | regex.REVERSE)
_YEAR = regex.compile(r"(?:19|20)\d\d")
_DOT_DECIMAL = regex.compile(r"\.\d{1,2}\Z")  # "14.7": a decimal dot, not thousands

# --- number tokens ---------------------------------------------------------------------------

_TOKEN = regex.compile(
    r"""
    (?:(?<!\w)                                  # not inside a word ("4G", "QH13"),
    |(?<=(?-i:\p{Ll}))(?=\d++(?:,\d++)?+[ ]?%))  # but a share glued to a word ("đạt99%")
    (?<!\p{L}-)                                 # nor after "letters-" ("Covid-19")
    (?<!\d[.,/])(?<!\d[ ]/)                     # nor inside a number glued to a word
    (?:\d{1,3}(?:[ ]\d{3})++(?:,\d++)?+(?![\d.,/]|[ ]?%)  # 1 000: thousands by spaces
    |\d++(?:[.,]\d++)*+)                        # digits grouped by dots and commas
    (?:[ ]?/[ ]?\d++(?:[.,]\d++)*+)*+           # more of them after slashes: x/y, d/m/y
    """,
    _FLAGS,
)

# --- what follows a token (matched where the token ends, with \G) ---------------------------

_TAIL = regex.compile(
    rf"""
    \G
    (?: (?P<document>(?-i:                      # an issuer's capitals after a slash or hyphen:
            [ ]?/[ ]?\p{{Lu}}                   #   "1226/ UBND-TH", "01/2018/TT-VPCP"
          | -\p{{Lu}}                           #   "01-NQ/TU"
        ))
      | (?P<glued>\p{{L}})                      # glued to a letter: "4G", "7h30", "2a"
      | (?P<percent>[ \u00a0]?                  # at most one space, then
            (?: [%％]                           #   the per-cent sign
              | (?:{_PERCENT_WORDS})(?!\w)      #   or the words: "95 phần trăm"
            )
        )
      | \s?                                     # one space at most, then
        (?: (?P<time>{_TIME_WORDS})(?!\w)       #   a time: "24/24 giờ" is no ratio
          | (?P<unit>{_UNITS})(?!\w)            #   or a counted noun, longest first
        )
    )?+
    """,
    _FLAGS,
)
_UNIT_GROUP = _TAIL.groupindex["unit"]  # read by number: a name is looked up slowly
# Most numbers are told apart by the character after them, or by the word after that, without
# _TAIL: a "%" makes a percent, a letter glues, and a word that begins none of the phrases _TAIL
# looks for leaves the tail empty. Words are runs of _LETTERS that are all letters (the class
# also takes numerals such as "²").
_LETTERS = re.compile(r"[^\W\d_]+")


def _first_words(*groups: tuple[str, ...]) -> frozenset[str]:
    words = {
        m.group() if m else "" for ps in groups for p in ps for m in [_LETTERS.match(p.lower())]
    }
    if "" in words:
        raise ValueError("every phrase that may follow a number must begin with a letter")
    return frozenset(words)


_TAIL_WORDS = _first_words(vocab.PERCENT_WORDS, vocab.TIME_UNITS, vocab.COUNT_UNITS)


def _tail(text: str, end: int) -> tuple[str | None, int, str | None]:
    """What follows the number that ends at ``end``: the name of the _TAIL group that matches
    (None for none), where the tail ends, and the counted noun as written."""
    after = text[end : end + 1]
    if after == "%" or after == "％":
        return "percent", end + 1, None
    if after.isalpha():
        return "glued", end + 1, None
    if after.isspace():
        word = _LETTERS.match(text, end + 1)
        if word and word.group().isalpha() and word.group().lower() not in _TAIL_WORDS:
            return None, end, None
    elif after not in "/-":
        return None, end, None  # the end of the text, or a mark such as "," or ")"
    m = _TAIL.match(text, end)
    assert m is not None  # _TAIL matches the empty string
    return m.lastgroup, m.end(), m.group(_UNIT_GROUP)


_AFTER_QUALIFIER = regex.compile(
    rf"""
    \G\s*
    (?: (?P<at_least>{_AT_LEAST_AFTER})         # "99% trở lên"
      | (?P<at_most>{_AT_MOST_AFTER})           # "5 người trở xuống"
    )
    (?!\w)
    """,
    _FLAGS,
)

# --- what precedes a token (matched backwards from the token, within _WINDOW) ---------------

# What may stand between a phrase and its number: colons, full stops and white space (every
# character of Unicode's White_Space, which regex's \s matches, and the few more str.isspace takes).
_GAP = ":." + "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
_ENDING_SPAN = 16  # characters of ``left`` kept: at least the longest last word of a phrase


@dataclass(frozen=True)
class _Before:
    """A pattern matched backwards from a number, behind a cheap test of what precedes it.

    A match ends in one of ``phrases`` followed by nothing but white space, colons and full
    stops, so the text before the number, past those characters (``left``, see :func:`_left`),
    ends with the last word of one of them. Most numbers fail that ``str.endswith`` test and
    never run the pattern, which costs about as much as the rest of their classification
    (and most texts never compile it).
    """

    source: str
    endings: tuple[str, ...]

    @classmethod
    def compile(cls, pattern: str, *phrases: tuple[str, ...]) -> _Before:
        # A phrase's ending is its last word, folded, without what _left skips ("" if nothing
        # is left, which makes every text pass the test).
        endings = {p.casefold().split()[-1].rstrip(_GAP) for ps in phrases for p in ps}
        if max(map(len, endings)) > _ENDING_SPAN:
            raise ValueError(f"a phrase's last word is longer than {_ENDING_SPAN} characters")
        return cls(pattern, tuple(sorted(endings)))

    @functools.cached_property
    def pattern(self) -> regex.Pattern[str]:
        """The pattern, compiled on first use."""
        return regex.compile(self.source, _BACKWARD)

    def search(self, text: str, start: int, left: str) -> regex.Match[str] | None:
        """The match that ends right before ``text[start]``, or None."""
        if not left.endswith(self.endings):
            return None
        return self.pattern.search(text, max(0, start - _WINDOW), start)


def _left(text: str, start: int) -> str:
    """The folded end of the text before ``start``, past white space, colons and full stops."""
    # Most numbers follow a single space: a slice one character longer than the span kept
    # holds the span then, and slicing and folding cost by the character in non-ASCII text.
    # (Folding maps each character on its own, to one or more: the fold of the span kept ends
    # with that of any shorter one.)
    reach = start - _ENDING_SPAN - 1  # (a conditional costs less than max)
    before = text[reach if reach > 0 else 0 : start].rstrip(_GAP)
    if len(before) < _ENDING_SPAN and reach > 0:
        # Past a gap longer than _WINDOW no pattern matches, so this slice holds every ending.
        before = text[max(0, start - _WINDOW - _ENDING_SPAN) : start].rstrip(_GAP)
    return before[-_ENDING_SPAN:].casefold()


_BEFORE_QUALIFIER = _Before.compile(
    rf"""
    (?<!\w)
    (?P<q>{_QUALIFIERS})                        # "tối thiểu", "cắt giảm ít nhất", "trên" …
    (?: [\s:,]+ (?:{_FILLERS}) (?!\w) )*+       # fillers: "tương ứng là", "đạt", "tỷ lệ"
    [\s:]*                                      # white space or a colon
    \Z                                          # right before the number
    """,
    tuple(p for ps in vocab.QUALIFIER_PHRASES.values() for p in ps),
    vocab.FIGURE_FILLERS,
)
_BEFORE_NOT_FIGURE = _Before.compile(
    rf"""
    (?<!\w)
    (?: (?P<ok>{_NOT_FIGURE_EXCEPT})            # "tổng số 33 chỉ tiêu": "the number of"
      | (?P<no>{_NOT_FIGURE})                   # "ngày 15/7", "số 12", "mức độ 4"
      | (?P<year>{_YEAR_WORDS})                 # "năm 2023" (only a year-like number)
    )
    [\s:.]*\Z                                   # right before the number
    """,
    vocab.NOT_FIGURE_EXCEPT,
    vocab.NOT_FIGURE_BEFORE,
    vocab.YEAR_WORDS,
)
_BEFORE_DATE = _Before.compile(
    rf"""
    (?<!\w)(?:{_DATE_WORDS})\s*\Z               # "đến 30/6", "trước 15/12": a day and month
    """,
    vocab.DATE_CONTEXT,
)
_BEFORE_RANGE = _Before.compile(
    rf"""
    (?<!\w)(?:{_RANGE_OPENERS})\s*\Z            # "từ 80% đến 90%"
    """,
    vocab.RANGE_OPENERS,
)

# --- between two figures ---------------------------------------------------------------------

_RANGE_GAP = regex.compile(
    rf"""
    \A\s*
    (?: (?P<word>{_RANGE_WORDS})(?!\w)          # "đến", "tới"
      | (?P<dash>[-–—])                         # or a dash
    )
    \s*\Z
    """,
    _FLAGS,
)
_LIST_GAP = regex.compile(
    rf"""
    \A\s*
    (?: ,\s*(?:{_LIST_WORDS})?                  # "30%, 20%", "30%, và 20%"
      | (?:{_LIST_WORDS})                       # "30% và 20%", "30% hoặc 20%"
    )
    \s*\Z
    """,
    _FLAGS,
)


@dataclass(slots=True)
class _Candidate:
    """A figure being built; ``bare`` numbers only survive as the first end of a range.

    ``span`` is a field, not a property of ``text_start`` and its end: validation reads every
    figure's, and a property costs a call.
    """

    kind: str
    value: float
    text: str  # the number as written, with its "%"
    text_start: int
    span: tuple[int, int]  # where ``text`` starts and ends
    end: int  # after the unit and any trailing qualifier
    lead: int  # where the qualifier words before it start
    left: str  # the end of the text before it (see _left)
    qualifier: str = "exact"
    numerator: int | None = None
    denominator: int | None = None
    unit: str | None = None
    ranged: bool = False


def _masks(text: str) -> list[tuple[int, int]]:
    """The spans of web and e-mail addresses and standards, by start (they may overlap)."""
    spans = []
    if _MASK_HINT.search(text) is not None:
        spans = [
            m.span()
            for hints, pattern in _MASKS
            if any(hint in text for hint in hints)
            for m in _mask(pattern).finditer(text)
        ]
    floor = 0
    for m in _DOMAIN_END.finditer(text) if _DOMAIN_HINT.search(text) else ():
        if m.start() < floor:
            continue
        # Widen backwards over the name, never past the previous domain: no character is read twice.
        name = _NAME_BEFORE.match(text, floor, m.start())
        assert name is not None  # _NAME_BEFORE matches the empty string
        start = name.start()
        if start < m.start() and text[start].isalnum():
            spans.append((start, m.end()))
        floor = m.end()
    spans.sort()
    return spans


def _not_figure_before(text: str, start: int, left: str, token: str) -> bool:
    """Whether the words before the token make it a date, year, article, level… number."""
    m = _BEFORE_NOT_FIGURE.search(text, start, left)
    if m is None or m.lastgroup == "ok":
        return False
    return m.lastgroup == "no" or _YEAR.fullmatch(token) is not None


def _is_date(day: int, month: int, text: str, start: int, left: str, has_unit: bool) -> bool:
    """Whether "day/month" (no year) is a date rather than a ratio."""
    if not (1 <= day <= 31 and 1 <= month <= 12) or has_unit:
        return False
    return day > month or _BEFORE_DATE.search(text, start, left) is not None


def _classify(text: str, start: int, end: int) -> _Candidate | None:
    """The candidate figure the token text[start:end] makes, or None."""
    follows, tail_end, noun = _tail(text, end)  # the alternatives are exclusive
    if follows == "document" or follows == "glued":
        return None
    token = text[start:end]
    left = _left(text, start)
    unit = _unit(noun) if noun is not None else None
    if "/" not in token:
        value = parse_number(token)
        if value is None:
            return None
        if follows == "percent":
            figure = text[start:tail_end]
            return _Candidate(
                "percent", value, figure, start, (start, tail_end), tail_end, start, left
            )
        if _not_figure_before(text, start, left, token) or (
            "." in token and _DOT_DECIMAL.search(token)
        ):
            return None  # "2.1 Văn bản …" is a heading number, not 2.1 documents
        kind, after = ("count", tail_end) if unit else ("bare", end)
        return _Candidate(kind, value, token, start, (start, end), after, start, left, unit=unit)
    parts = [p.strip() for p in token.split("/")]
    if len(parts) != 2 or follows in ("percent", "time"):
        return None  # "15/7/2021" and longer: dates; "x/y%": unknown; "24/24 giờ": a time
    numerator, denominator = parse_integer(parts[0]), parse_integer(parts[1])
    if numerator is None or denominator is None or denominator == 0:
        return None
    if _not_figure_before(text, start, left, token):
        return None
    year = _YEAR.fullmatch(parts[1]) is not None
    if year and (1 <= numerator <= 12 or _YEAR.fullmatch(parts[0]) or unit is None):
        return None  # "10/2023" (month/year), "2021/2022" (school year), "61/2018" (a decree)
    if unit is None and "/".join(parts) in vocab.ROUND_THE_CLOCK:
        return None  # "hoạt động 24/24"
    if _is_date(numerator, denominator, text, start, left, unit is not None):
        return None
    return _Candidate(
        "ratio",
        numerator / denominator,
        token,
        start,
        (start, end),
        tail_end if unit else end,
        start,
        left,
        numerator=numerator,
        denominator=denominator,
        unit=unit,
    )


def _qualify(text: str, cand: _Candidate) -> None:
    """Set the candidate's qualifier from the words around it."""
    m = _BEFORE_QUALIFIER.search(text, cand.text_start, cand.left)
    if m is not None:
        cand.qualifier = _qualifier(m.group("q"))
        cand.lead = m.start()
    after = None
    if _AFTER_HINT.search(text, cand.end, cand.end + _AFTER_REACH):
        after = _AFTER_QUALIFIER.match(text, cand.end)
    if after is not None:
        if cand.qualifier == "exact":
            cand.qualifier = after.lastgroup or "exact"
        cand.end = after.end()


def _may_join(gap: str) -> bool:
    """Whether the gap between two figures is one of :data:`_RANGE_JOINERS` between white space:
    a cheap test before _RANGE_GAP."""
    # Most gaps are a sentence long: counting up to a few words costs less than folding them
    # all (folding keeps the words: it turns no character into white space or into nothing).
    return len(gap.split(None, _JOINER_WORDS)) <= _JOINER_WORDS and _key(gap) in _RANGE_JOINERS


def _link(text: str, cands: list[_Candidate]) -> None:
    """Ranges and lists: pass qualifiers between neighbouring candidates."""
    for a, b in itertools.pairwise(cands):
        if b.kind == "bare":
            continue
        gap = text[a.end : b.lead]
        joiner = _RANGE_GAP.match(gap) if _may_join(gap) else None
        if joiner is not None and (
            (a.kind == "bare" and b.kind in ("percent", "count"))
            or (
                a.kind == b.kind
                and (
                    joiner.group("word")
                    or _BEFORE_RANGE.search(text, a.text_start, a.left) is not None
                )
            )
        ):
            if a.kind == "bare":
                a.kind, a.unit = b.kind, b.unit
            if a.qualifier == "exact":
                a.qualifier = "at_least"
            if b.qualifier == "exact":
                b.qualifier = "at_most"
            a.ranged = b.ranged = True
        elif (
            a.kind != "bare"
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
    cands = list(_target_candidates(text)) if field == "target" else _candidates(text)
    if not cands:
        return []
    # Read by attribute: cheaper than building a dict for each figure. Strict (a list, not the
    # cached tuple): the candidates hold the fields' own types, which lax validation converts.
    return _figure_list().validate_python(cands, from_attributes=True, strict=True)


@functools.lru_cache(maxsize=4096)
def _target_candidates(text: str) -> tuple[_Candidate, ...]:
    """:func:`_candidates` memoised for targets: a province's units report on the same
    targets, and the candidates are only read once found (each call validates new figures)."""
    return tuple(_candidates(text))


def _candidates(text: str) -> list[_Candidate]:
    """The figures of ``text`` before they become models, bare numbers left out."""
    masks: list[tuple[int, int]] | None = None  # looked for once a number is found
    at = 0  # the first mask that may still cover a token
    cands: list[_Candidate] = []
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        if masks is None:
            masks = _masks(text)
        while at < len(masks) and masks[at][1] <= start:
            at += 1
        if at < len(masks) and masks[at][0] <= start:
            continue  # inside an address or a standard
        cand = _classify(text, start, end)
        if cand is not None:
            _qualify(text, cand)
            cands.append(cand)
    if not cands:
        return []
    _link(text, cands)
    return [c for c in cands if c.kind != "bare"]
