"""Cell values shown as Excel shows them, in Vietnamese number style: number formats, dates.

``format_number`` renders General, fixed decimals, thousands grouping, percent, literals and the
negative/zero sections of a number format with the decimal comma (1.381,5); scientific and
fraction formats fall back to General. Dates read dd/mm/yyyy, times hh:mm.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal

from ...text.encodings import to_unicode

__all__ = ["cell_text", "format_number", "raw_string"]

_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")  # OOXML's escape for control characters (_x000D_)
_LINE_BREAKS = re.compile(r"\r\n|\r|\x0b")


def raw_string(value: str) -> str:
    """A string cell with Excel's escapes (``_x000D_``) and line breaks undone."""
    if "_x" in value:
        value = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
    return _LINE_BREAKS.sub("\n", value)


def cell_text(value: object, number_format: str = "General", font: str | None = None) -> str:
    """A cell's text as Excel shows it (Vietnamese number style), legacy encodings converted.

    >>> cell_text(0.5554, "0.00%"), cell_text(1381, "#,##0"), cell_text(3, "General")
    ('55,54%', '1.381', '3')
    >>> cell_text(dt.datetime(2023, 10, 14), "dd/mm/yyyy"), cell_text("a\\r\\nb")
    ('14/10/2023', 'a\\nb')
    """
    if isinstance(value, str):
        return to_unicode(raw_string(value), encoding="auto", font=font)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return _format_datetime(value, number_format)
    if isinstance(value, dt.date):
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    if isinstance(value, dt.time):
        seconds = f":{value.second:02d}" if "s" in _plain(number_format).lower() else ""
        return f"{value.hour:02d}:{value.minute:02d}{seconds}"
    if isinstance(value, dt.timedelta):
        minutes = int(value.total_seconds() // 60)
        return f"{minutes // 60}:{minutes % 60:02d}"
    if isinstance(value, (int, float)):
        return format_number(value, number_format)
    return str(value)


def _format_datetime(value: dt.datetime, number_format: str) -> str:
    codes = _plain(number_format).lower()
    has_time = "h" in codes or "s" in codes
    has_date = "d" in codes or "y" in codes or ("m" in codes and not has_time)
    day = f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    if has_date and "d" not in codes:
        day = f"{value.month:02d}/{value.year:04d}"  # a month format ("mm/yyyy")
    clock = f"{value.hour:02d}:{value.minute:02d}" + (
        f":{value.second:02d}" if "s" in codes else ""
    )
    if has_time and not has_date:
        return clock
    if has_time:
        return f"{day} {clock}"
    return day


# One token of a number format section: a quoted literal, an escaped character, padding or
# fill, a bracketed code, "General", or any single character.
_FORMAT_TOKEN = re.compile(
    r"""
    "(?P<quoted>[^"]*)"?      # "người" — literal text
  | \\(?P<escaped>.)          # \- — one literal character
  | _.|\*.                    # _) padding, *- fill: nothing in plain text
  | \[(?P<bracket>[^\]]*)\]   # [Red], [>100], [$-42A], [$₫-42A]
  | (?P<general>general)      # the General format inside a section
  | (?P<char>.)
    """,
    re.VERBOSE | re.IGNORECASE | re.DOTALL,
)
_PLACEHOLDERS = frozenset("0#?")


def _sections(number_format: str) -> list[str]:
    """A number format's sections (positive; negative; zero; text), split outside quotes."""
    sections: list[str] = []
    current: list[str] = []
    quoted = False
    for char in number_format:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            sections.append("".join(current))
            current = []
        else:
            current.append(char)
    sections.append("".join(current))
    return sections


def _plain(number_format: str) -> str:
    """The format's codes without literals and bracketed parts, for spotting date and time codes."""
    return "".join(
        m.group("char") or ""
        for m in _FORMAT_TOKEN.finditer(number_format)
        if m.group("char") is not None
    )


def format_number(value: float, number_format: str = "General") -> str:
    """A number as Excel shows it with ``number_format``, in Vietnamese style (1.381,5).

    Handles General, fixed decimals, thousands grouping, percent, literals and the
    negative/zero sections; scientific and fraction formats fall back to General.

    >>> format_number(0.5554, "0.00%"), format_number(0.412, "0.0%"), format_number(1, "0%")
    ('55,54%', '41,2%', '100%')
    >>> format_number(1234567.891, "#,##0.00"), format_number(-5, '0" người";(0)')
    ('1.234.567,89', '(5)')
    >>> format_number(0.5), format_number(12.0), format_number(2.5, "0.##")
    ('0,5', '12', '2,5')
    """
    if not math.isfinite(value):
        return str(value)
    if not number_format or number_format == "General":
        return ("-" if value < 0 else "") + _general(abs(value))
    sections = _sections(number_format)
    sign = ""
    if value < 0 and len(sections) >= 2 and sections[1].strip():
        section, value = sections[1], -value
    elif value == 0 and len(sections) >= 3:
        section = sections[2]
    else:
        section = sections[0]
        if value < 0:
            sign, value = "-", -value
    before: list[str] = []
    after: list[str] = []
    pattern: list[str] = []
    general = False
    percent = 0
    for m in _FORMAT_TOKEN.finditer(section):
        literal = m.group("quoted")
        if literal is None:
            literal = m.group("escaped")
        if m.group("bracket") is not None:
            bracket = m.group("bracket")
            literal = bracket[1:].split("-")[0] if bracket.startswith("$") else None
        char = m.group("char")
        if m.group("general") is not None or char == "@":
            general = True
            continue
        if char is not None and not after and (char in _PLACEHOLDERS or (pattern and char in ".,")):
            pattern.append(char)
            continue
        if char == "%":
            percent += 1
        text = literal if literal is not None else (char or "")
        (after if pattern or general else before).append(text)
    body = "".join(pattern)
    if _is_special(section):
        return sign + _general(value)
    if general:
        number = _general(value * 100**percent)
    elif not body:
        return "".join(before)  # a format of literals only (";;;" hides the value)
    else:
        number = _fixed(value, body, percent)
    if sign and number.strip("0,.") == "":
        sign = ""  # -0,001 shown with no decimals is "0", not "-0"
    return f"{sign}{''.join(before)}{number}{''.join(after)}"


def _is_special(section: str) -> bool:
    """Scientific ("0.00E+00") and fraction ("# ?/?") formats: shown as General here."""
    plain = _plain(section).upper()
    return bool(re.search(r"[0#?]\s*E[+-]|[0#?]\s*/\s*[0#?]", plain))


def _general(value: float) -> str:
    if isinstance(value, int) or (float(value).is_integer() and abs(value) < 1e15):
        return str(int(value))
    text = f"{value:.10g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}E{exponent[0]}{int(exponent[1:]):02d}"
    return text.replace(".", ",")


def _fixed(value: float, body: str, percent: int = 0) -> str:
    """``value`` through a placeholder pattern such as "#,##0.00" (commas group thousands)."""
    scale = len(body) - len(body.rstrip(","))  # trailing commas divide by 1000 each
    body = body.rstrip(",")
    integer_part, _, decimal_part = body.partition(".")
    required = decimal_part.count("0")
    places = sum(decimal_part.count(c) for c in _PLACEHOLDERS)
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    exact = exact * Decimal(100) ** percent / Decimal(1000) ** scale
    rounded = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    digits, _, decimals = f"{rounded:f}".partition(".")
    decimals = decimals.rstrip("0").ljust(required, "0") if places else ""
    min_digits = integer_part.count("0")
    digits = digits.lstrip("0").rjust(min_digits, "0")
    if "," in integer_part:
        groups: list[str] = []
        while len(digits) > 3:
            digits, group = digits[:-3], digits[-3:]
            groups.insert(0, group)
        digits = ".".join([digits, *groups]) if digits else ".".join(groups)
    return f"{digits},{decimals}" if decimals else digits
