"""Legacy Vietnamese encodings (TCVN3, VNI) and decomposed Unicode to NFC Unicode.

Before Unicode, Vietnamese was typed in 8-bit fonts: TCVN3/ABC (".VnTime", ".VnArial", and the
all-capital "H" fonts ".VnTimeH", ".VnArialH") and VNI ("VNI-Times", "VNI-Helve"). An office file
stores such text as the Latin-1 characters of the font's byte codes ("Céng hßa" is TCVN3 for
"Cộng hòa", "Coäng hoøa" is VNI for it). The font name is only a hint: many modern documents
name .VnTime or VNI-Times in their styles over text that is already Unicode. So the characters
decide, the font breaks ties:

The API, for every reader:

- :func:`to_unicode` converts one piece of text (``encoding="auto"`` decides from its characters,
  with ``font`` as the hint); text that is already Unicode comes back unchanged, NFC. Text whose
  characters say nothing either way ("hòa" is Unicode, and TCVN3 for "hũa") is left as it is.
- :class:`LegacyDecoder` decides for a whole document, and is what a reader with fonts (DOCX
  runs, PDF characters, XLSX cells) should use: :meth:`~LegacyDecoder.observe` every (text,
  font) first, then :meth:`~LegacyDecoder.convert` each, so a short run ("Có 6") with nothing
  telling in it follows what the document's other runs in fonts of that encoding say.
- :func:`guess_encoding`, :func:`looks_like_tcvn3`, :func:`looks_like_vni` judge text without a
  font; :func:`font_encoding` and :func:`is_caps_font` read font names; :func:`from_unicode`
  writes Unicode in a legacy encoding (for tests and sample documents).

TCVN3 has no codes for capitals with tone marks: the "H" fonts draw the lower-case codes as
capitals, so text decoded from an H font is upper-cased.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

__all__ = [
    "ENCODINGS",
    "LegacyDecoder",
    "font_encoding",
    "from_unicode",
    "guess_encoding",
    "is_caps_font",
    "looks_like_tcvn3",
    "looks_like_vni",
    "to_unicode",
]

ENCODINGS = ("tcvn3", "vni")

# --- the letters --------------------------------------------------------------------------

_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # none, sắc, huyền, hỏi, ngã, nặng
_BASES = "aăâeêioôơuưy"


def _toned(base: str, tone: int) -> str:
    return unicodedata.normalize("NFC", base + _TONES[tone])


# Every Vietnamese letter, lower case: 12 vowels x 6 tones, and đ.
VIETNAMESE_LOWER = "".join(_toned(b, t) for b in _BASES for t in range(6)) + "đ"
VIETNAMESE_LETTERS = VIETNAMESE_LOWER + VIETNAMESE_LOWER.upper()

# --- TCVN3 (TCVN 5712:1993, VN3) -----------------------------------------------------------

# Lower-case letters by code; the codes 0xA1-0xA7 are the capitals without tone marks.
_TCVN3_ROWS = {
    "a": "a\xb8\xb5\xb6\xb7\xb9",
    "ă": "\xa8\xbe\xbb\xbc\xbd\xc6",
    "â": "\xa9\xca\xc7\xc8\xc9\xcb",
    "e": "e\xd0\xcc\xce\xcf\xd1",
    "ê": "\xaa\xd5\xd2\xd3\xd4\xd6",
    "i": "i\xdd\xd7\xd8\xdc\xde",
    "o": "o\xe3\xdf\xe1\xe2\xe4",
    "ô": "\xab\xe8\xe5\xe6\xe7\xe9",
    "ơ": "\xac\xed\xea\xeb\xec\xee",
    "u": "u\xf3\xef\xf1\xf2\xf4",
    "ư": "\xad\xf8\xf5\xf6\xf7\xf9",
    "y": "y\xfd\xfa\xfb\xfc\xfe",
}
_TCVN3_DECODE: dict[str, str] = {
    code: _toned(base, tone)
    for base, codes in _TCVN3_ROWS.items()
    for tone, code in enumerate(codes)
    if ord(code) > 0x7F
}
_TCVN3_DECODE.update(
    {"\xae": "đ", "\xa1": "Ă", "\xa2": "Â", "\xa3": "Ê", "\xa4": "Ô", "\xa5": "Ơ", "\xa6": "Ư"}
)
_TCVN3_DECODE.update({"\xa7": "Đ"})
_TCVN3_ENCODE = {letter: code for code, letter in _TCVN3_DECODE.items()}
_TCVN3_TABLE = str.maketrans(_TCVN3_DECODE)

# --- VNI (VNI-Windows) ---------------------------------------------------------------------

# A vowel is written as its base letter followed by a mark character (upper case after a
# capital); i and ỵ with tones, đ, ơ and ư are single characters.
_VNI_TONE_MARKS = ("", "ù", "ø", "û", "õ", "ï")  # by tone, as in _TONES
_VNI_CIRCUMFLEX_MARKS = ("â", "á", "à", "å", "ã", "ä")  # â ê ô, then with each tone
_VNI_BREVE_MARKS = ("ê", "é", "è", "ú", "ü", "ë")  # ă, then with each tone
_VNI_SINGLE_LOWER = {"í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ñ": "đ"}
_VNI_HORN = {"ô": "ơ", "ö": "ư"}

_VNI_ENCODE: dict[str, str] = {"đ": "ñ", "ơ": "ô", "ư": "ö"}
for _tone in range(6):
    for _base in "aeouy":
        if _tone:
            _VNI_ENCODE[_toned(_base, _tone)] = _base + _VNI_TONE_MARKS[_tone]
    for _base, _plain in (("a", "â"), ("e", "ê"), ("o", "ô")):
        _VNI_ENCODE[_toned(_plain, _tone)] = _base + _VNI_CIRCUMFLEX_MARKS[_tone]
    _VNI_ENCODE[_toned("ă", _tone)] = "a" + _VNI_BREVE_MARKS[_tone]
    for _horn, _plain in _VNI_HORN.items():
        if _tone:
            _VNI_ENCODE[_toned(_plain, _tone)] = _horn + _VNI_TONE_MARKS[_tone]
for _code, _letter in _VNI_SINGLE_LOWER.items():
    _VNI_ENCODE[_letter] = _code  # i with tones and ỵ have single codes
for _letter, _code in list(_VNI_ENCODE.items()):
    _VNI_ENCODE[_letter.upper()] = _code.upper()

# Decoding: every code, plus variants typists produce ("yï" for ỵ, "iù" for í, a mark in the
# other case than its base letter); one regex pass, longest code first.
_VNI_DECODE: dict[str, str] = {code: letter for letter, code in _VNI_ENCODE.items()}
for _tone in range(1, 6):
    for _base in "iy":
        _letter = _toned(_base, _tone)
        _VNI_DECODE.setdefault(_base + _VNI_TONE_MARKS[_tone], _letter)
        _VNI_DECODE.setdefault((_base + _VNI_TONE_MARKS[_tone]).upper(), _letter.upper())
for _code, _letter in list(_VNI_DECODE.items()):
    if len(_code) == 2:
        _VNI_DECODE.setdefault(_code[0] + _code[1].swapcase(), _letter)


# The patterns below are compiled on first use: Unicode text, what most documents hold, needs
# none of them (the one test of _LEGACY_CHAR finds nothing to decode).
@functools.cache
def _vni_code() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(c) for c in sorted(_VNI_DECODE, key=len, reverse=True)))


# --- evidence -------------------------------------------------------------------------------

_LATIN1_LETTERS = {c for c in VIETNAMESE_LETTERS if 0xA0 <= ord(c) <= 0xFF}
_TCVN3_CODES = set(_TCVN3_DECODE)
_TONE_CODES = "".join(_VNI_TONE_MARKS[1:])
_CIRCUMFLEX_CODES = "".join(_VNI_CIRCUMFLEX_MARKS)
_BREVE_CODES = "".join(_VNI_BREVE_MARKS)
_VNI_CODES = {ch for code in _VNI_DECODE for ch in code}


def _marks(codes: str) -> str:
    """The VNI mark characters among ``codes`` that are Unicode letters too, both cases."""
    return "".join(sorted({c for c in codes + codes.upper() if c in _LATIN1_LETTERS}))


class _Signs(NamedTuple):
    """The patterns :func:`evidence` counts."""

    unicode_only: re.Pattern[str]
    tcvn3_tell: re.Pattern[str]
    not_tcvn3: re.Pattern[str]
    vni_tell: re.Pattern[str]
    not_vni: re.Pattern[str]
    vni_stray: re.Pattern[str]


@functools.cache
def _signs() -> _Signs:
    # Characters only Unicode Vietnamese has: letters beyond Latin-1 and the combining tone
    # marks of decomposed (NFD) text.
    unicode_only = "".join(sorted({c for c in VIETNAMESE_LETTERS if ord(c) > 0xFF}))
    unicode_only += "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"
    return _Signs(
        unicode_only=re.compile(f"[{unicode_only}]"),
        # TCVN3 codes that are no Vietnamese letter in Unicode ("µ", "§", "ß"): a TCVN3 tell.
        tcvn3_tell=re.compile("[" + "".join(sorted(_TCVN3_CODES - _LATIN1_LETTERS)) + "]"),
        # Latin-1 Vietnamese letters that TCVN3 never produces ("à", "Â", "Ú"): Unicode, not
        # TCVN3.
        not_tcvn3=re.compile("[" + "".join(sorted(_LATIN1_LETTERS - _TCVN3_CODES)) + "]"),
        # VNI: a vowel followed by its mark, or a VNI single letter that is no Vietnamese letter.
        vni_tell=re.compile(
            f"[aeoAEO][{_CIRCUMFLEX_CODES}{_CIRCUMFLEX_CODES.upper()}]"
            f"|[aA][{_BREVE_CODES}{_BREVE_CODES.upper()}]"
            f"|[aeiouyAEIOUYôöÔÖ][{_TONE_CODES}{_TONE_CODES.upper()}]"
            "|[" + "".join(sorted({c for c in _VNI_DECODE if len(c) == 1} - _LATIN1_LETTERS)) + "]"
        ),
        not_vni=re.compile("[" + "".join(sorted(_LATIN1_LETTERS - _VNI_CODES)) + "]"),
        # A VNI mark only ever follows the letter it marks: a tone after a vowel, a circumflex
        # after a, e or o, a breve after a. The same character after anything else ("Rà",
        # "thành", "rõ") is a Unicode letter, not a VNI mark: a sign against VNI.
        vni_stray=re.compile(
            rf"(?<![aeiouyôöAEIOUYÔÖ])[{_marks(_TONE_CODES)}]"
            rf"|(?<![aeoAEO])[{_marks(_CIRCUMFLEX_CODES)}]"
            rf"|(?<![aA])[{_marks(_BREVE_CODES)}]"
        ),
    )


# Characters no Vietnamese Unicode text has but TCVN3 or VNI text is full of: a quick first look.
_LEGACY_CHAR = re.compile(
    "["
    + "".join(sorted(c for c in (_TCVN3_CODES | _VNI_CODES) - _LATIN1_LETTERS if ord(c) > 0x7F))
    + "\uf020-\uf0ff]"
)
# Symbol-charset fonts store byte b as U+F000+b.
_PUA = re.compile("[\uf020-\uf0ff]")


def _unpua(text: str) -> str:
    return _PUA.sub(lambda m: chr(ord(m.group()) - 0xF000), text) if _PUA.search(text) else text


@dataclass(slots=True)
class Evidence:
    """What the characters of a text say: counts of Unicode-only and legacy-only signs."""

    unicode: int = 0
    tcvn3: int = 0
    vni: int = 0
    not_tcvn3: int = 0
    not_vni: int = 0

    def add(self, other: Evidence) -> None:
        self.unicode += other.unicode
        self.tcvn3 += other.tcvn3
        self.vni += other.vni
        self.not_tcvn3 += other.not_tcvn3
        self.not_vni += other.not_vni

    def verdict(self, encoding: str) -> str | None:
        """ "unicode", ``encoding``, or None when the characters do not tell."""
        legacy = self.tcvn3 if encoding == "tcvn3" else self.vni
        against = self.unicode + (self.not_tcvn3 if encoding == "tcvn3" else self.not_vni)
        if legacy > against:
            return encoding
        return "unicode" if against else None


def evidence(text: str) -> Evidence:
    """Count the signs of Unicode and of each legacy encoding in ``text``."""
    if text.isascii():
        return Evidence()
    text = _unpua(text)
    signs = _signs()
    return Evidence(
        unicode=len(signs.unicode_only.findall(text)),
        tcvn3=len(signs.tcvn3_tell.findall(text)),
        vni=len(signs.vni_tell.findall(text)),
        not_tcvn3=len(signs.not_tcvn3.findall(text)),
        not_vni=len(signs.not_vni.findall(text)) + len(signs.vni_stray.findall(text)),
    )


# --- fonts ----------------------------------------------------------------------------------

_TCVN3_FONT = re.compile(r"^\.?vn(?!i)", re.IGNORECASE)
_VNI_FONT = re.compile(r"^vni[-_ ]", re.IGNORECASE)


def font_encoding(font: str | None) -> str | None:
    """The legacy encoding a font name suggests: "tcvn3" (.VnTime…), "vni" (VNI-Times…) or None.

    >>> font_encoding(".VnTimeH"), font_encoding("VNI-Times"), font_encoding("UVnTime")
    ('tcvn3', 'vni', None)
    """
    if not font:
        return None
    name = font.strip()
    if _VNI_FONT.match(name):
        return "vni"
    if _TCVN3_FONT.match(name):
        return "tcvn3"
    return None


def is_caps_font(font: str | None) -> bool:
    """True for the TCVN3 capital fonts (".VnTimeH", ".VnArialH"): they draw every letter as a
    capital."""
    if font_encoding(font) != "tcvn3":
        return False
    return (font or "").strip().endswith("H")


# --- decoding -------------------------------------------------------------------------------


def _decode_tcvn3(text: str, *, caps: bool = False) -> str:
    text = _unpua(text).translate(_TCVN3_TABLE)
    return text.upper() if caps else text


def _decode_vni(text: str) -> str:
    return _vni_code().sub(lambda m: _VNI_DECODE[m.group()], _unpua(text))


def _decode(text: str, encoding: str, *, caps: bool = False) -> str:
    if encoding == "tcvn3":
        return _decode_tcvn3(text, caps=caps)
    if encoding == "vni":
        return _decode_vni(text)
    raise ValueError(f"unknown encoding {encoding!r}; use one of {ENCODINGS}")


# A Vietnamese syllable: onset, vowel nucleus (with glides), coda; at most one tone mark.
_NUCLEI = [
    "a",
    "ă",
    "â",
    "e",
    "ê",
    "i",
    "o",
    "ô",
    "ơ",
    "u",
    "ư",
    "y",
    "ai",
    "ao",
    "au",
    "ay",
    "âu",
    "ây",
    "eo",
    "êu",
    "ia",
    "iê",
    "iu",
    "oa",
    "oă",
    "oe",
    "oi",
    "ôi",
    "ơi",
    "oo",
    "ua",
    "uâ",
    "uê",
    "ui",
    "uô",
    "uơ",
    "ưa",
    "ưi",
    "ươ",
    "ưu",
    "uy",
    "yê",
    "iêu",
    "yêu",
    "oai",
    "oay",
    "oao",
    "oeo",
    "uây",
    "uôi",
    "ươi",
    "ươu",
    "uya",
    "uyê",
    "uyu",
]


@functools.cache
def _syllable() -> re.Pattern[str]:
    return re.compile(
        r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
        + "(?:" + "|".join(sorted(_NUCLEI, key=len, reverse=True)) + ")"
        + r"(?:ch|ng|nh|[cmnpt])?$"
    )  # fmt: skip


_TONE_MARKS = frozenset(_TONES[1:])
_WORD = re.compile(r"[^\W\d_]+")


def vietnamese_score(text: str) -> int:
    """Valid Vietnamese syllables with marks minus characters no Vietnamese text has."""
    score = 0
    syllable = _syllable()
    for word in _WORD.findall(text.lower()):
        if word.isascii():
            continue
        decomposed = unicodedata.normalize("NFD", word)
        tones = sum(c in _TONE_MARKS for c in decomposed)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
        score += 1 if tones <= 1 and syllable.match(base) else -1
    junk = sum(1 for c in text if 0xA0 < ord(c) <= 0xFF and c not in _LATIN1_LETTERS)
    return score - junk


def looks_like_tcvn3(text: str) -> bool:
    """True when ``text``'s characters read as TCVN3 codes (see :func:`guess_encoding`)."""
    return guess_encoding(text) == "tcvn3"


def looks_like_vni(text: str) -> bool:
    """True when ``text``'s characters read as VNI codes (see :func:`guess_encoding`)."""
    return guess_encoding(text) == "vni"


def _improves(text: str, encoding: str) -> bool:
    return vietnamese_score(_decode(text, encoding)) > vietnamese_score(text)


def guess_encoding(text: str) -> str | None:
    """The legacy encoding ``text`` is written in, judged from its characters alone, or None.

    Needs at least two legacy signs, no more Unicode signs, and a decoding that reads better.
    """
    first = _LEGACY_CHAR.search(text)
    if first is None or _LEGACY_CHAR.search(text, first.end()) is None:
        return None  # legacy text has more than one character no Unicode text has
    ev = evidence(text)
    scored = []
    for encoding in ENCODINGS:
        legacy = ev.tcvn3 if encoding == "tcvn3" else ev.vni
        if legacy >= 2 and ev.verdict(encoding) == encoding:
            scored.append((vietnamese_score(_decode(text, encoding)), encoding))
    if not scored:
        return None
    best_score, best = max(scored)
    return best if best_score > vietnamese_score(text) else None


_SAMPLE_RUNS = 400  # runs kept per font class to judge a class without signs

# --- the public conversion ------------------------------------------------------------------


def to_unicode(text: str, *, encoding: str = "auto", font: str | None = None) -> str:
    """Convert TCVN3 / VNI / NFD text to NFC Unicode; Unicode text comes back unchanged (NFC).

    ``encoding`` is ``"auto"`` (decide from the characters), ``"tcvn3"`` or ``"vni"`` (convert
    whatever the characters say); ``font`` is the run's font name, a hint only: it names the
    legacy encoding to use when the characters allow it (".VnTimeH" also means upper case).

    >>> to_unicode("Céng hßa x· héi chñ nghÜa ViÖt Nam", font=".VnTime")
    'Cộng hòa xã hội chủ nghĩa Việt Nam'
    >>> to_unicode("Coäng hoøa xaõ hoäi")
    'Cộng hòa xã hội'
    >>> to_unicode("Cộng hòa", font="VNI-Times")
    'Cộng hòa'
    """
    if not text:
        return text
    if encoding == "auto":
        decoder = LegacyDecoder()
        decoder.observe(text, font)
        return decoder.convert(text, font)
    caps = encoding == "tcvn3" and is_caps_font(font)
    return unicodedata.normalize("NFC", _decode(text, encoding, caps=caps))


def _judge(ev: Evidence, text: str, hint: str | None) -> str | None:
    """What ``text`` (whose signs are ``ev``) is: "unicode", "tcvn3", "vni", or None when its
    characters carry no sign either way.

    When its signs fit both legacy encodings (the two share many codes), the decoding that
    reads as better Vietnamese wins; on a tie, the font's ``hint``, then TCVN3.
    """
    legacy = [enc for enc in ENCODINGS if ev.verdict(enc) == enc]
    if len(legacy) == 1:
        return legacy[0]
    if legacy:
        scores = {enc: vietnamese_score(_decode(text, enc)) for enc in legacy}
        best = max(scores.values())
        tied = [enc for enc in legacy if scores[enc] == best]
        return hint if hint in tied else tied[0]
    # Signs against the other encoding ("é" after "H" is no VNI mark) say nothing of the
    # hinted one: only the hinted encoding's signs make the text Unicode.
    considered = [hint] if hint in ENCODINGS else list(ENCODINGS)
    if any(ev.verdict(enc) == "unicode" for enc in considered):
        return "unicode"
    return None


class LegacyDecoder:
    """Decide and convert the runs of one document, each with its font.

    Each run is decided from its own characters first, the font only a hint: a run in a font
    named like TCVN3 whose bytes are VNI is VNI. Observe every run first; then a run whose own
    characters do not tell (plain letters that exist in both Unicode and the legacy code, like
    "Có") follows the verdict of the other runs in its font, or else of all runs in a font of
    the same encoding. Runs in other fonts are converted only on strong evidence
    (:func:`guess_encoding`), or when the document's unhinted text as a whole is legacy. Text
    that is Unicode stays as it is, whatever its font says.
    """

    def __init__(self) -> None:
        self._by_hint: dict[str | None, Evidence] = {}
        self._by_font: dict[str, Evidence] = {}
        self._samples: dict[str | None, list[str]] = {}
        self._font_samples: dict[str, list[str]] = {}
        self._verdicts: dict[str | None, str] = {}
        self._font_verdicts: dict[str, str | None] = {}
        self._evidence: dict[str, Evidence] = {}

    def _evidence_of(self, text: str) -> Evidence:
        found = self._evidence.get(text)
        if found is None:
            found = self._evidence[text] = evidence(text)
        return found

    def observe(self, text: str, font: str | None = None) -> None:
        """Count ``text``'s evidence under its font and its font's encoding."""
        if not text or text.isascii():
            return
        hint = font_encoding(font)
        if hint is not None:  # the signs are counted for fonts named for an encoding
            ev = self._evidence_of(text)
            self._by_hint.setdefault(hint, Evidence()).add(ev)
            self._by_font.setdefault(font or "", Evidence()).add(ev)
        if font is not None:
            font_sample = self._font_samples.setdefault(font, [])
            if len(font_sample) < _SAMPLE_RUNS:
                font_sample.append(text)
            self._font_verdicts.pop(font, None)
        sample = self._samples.setdefault(hint, [])
        if len(sample) < _SAMPLE_RUNS:
            sample.append(text)
        self._verdicts.pop(hint, None)

    def observe_all(self, runs: Iterable[tuple[str, str | None]]) -> None:
        """Observe many (text, font) runs."""
        for text, font in runs:
            self.observe(text, font)

    def verdict(self, font: str | None) -> str:
        """What the document's runs in ``font`` are: "unicode", "tcvn3" or "vni".

        The runs in that very font decide when their characters tell; otherwise all runs in
        fonts of its encoding: legacy when their signs outweigh the Unicode ones, or, when none
        of them carries a sign either way, when decoding them reads as better Vietnamese. Runs
        in other fonts are legacy only when their text as a whole is (:func:`guess_encoding`).
        """
        hint = font_encoding(font)
        if font is not None:
            if font not in self._font_verdicts:
                sample = " ".join(self._font_samples.get(font, []))
                if hint is None:  # a font named for no encoding: legacy on strong evidence
                    own = guess_encoding(sample) if sample else None
                else:
                    own = _judge(self._by_font.get(font, Evidence()), sample, hint)
                self._font_verdicts[font] = own
            if (own := self._font_verdicts[font]) is not None:
                return own
        if hint not in self._verdicts:
            sample = " ".join(self._samples.get(hint, []))
            if hint is None:
                verdict = guess_encoding(sample) or "unicode"
            else:
                found = _judge(self._by_hint.get(hint, Evidence()), sample, hint)
                if found is None:
                    found = hint if sample and _improves(sample, hint) else "unicode"
                verdict = found
            self._verdicts[hint] = verdict
        return self._verdicts[hint]

    def encoding_of(self, text: str, font: str | None = None) -> str:
        """The encoding of one run: "unicode", "tcvn3" or "vni", decided from its characters,
        then from the document (see :meth:`verdict`)."""
        hint = font_encoding(font)
        document = self.verdict(font)
        if text.isascii():
            return document if hint is not None else "unicode"
        if hint is None:
            encoding = guess_encoding(text)
            if encoding is not None or document == "unicode":
                return encoding or "unicode"
            own = self._evidence_of(text).verdict(document)
            # A run with signs of the document's encoding, or one without a sign either way
            # in a font whose text is legacy (one embedded font is one encoding).
            font_is_legacy = font is not None and self._font_verdicts.get(font) == document
            return document if own == document or (own is None and font_is_legacy) else "unicode"
        ev = self._evidence_of(text)
        own = _judge(ev, text, hint)
        if own is None or own == document or own == "unicode":
            return document if own is None else own
        if document == "unicode":
            # Old-style tones ("hoà") look like VNI: a Unicode document needs more.
            signs = ev.tcvn3 if own == "tcvn3" else ev.vni
            return own if signs >= 2 and _improves(text, own) else "unicode"
        # The run's bytes say the other legacy encoding than its document's: they decide when
        # they read better that way.
        mine = vietnamese_score(_decode(text, own))
        return own if mine > vietnamese_score(_decode(text, document)) else document

    def convert(self, text: str, font: str | None = None) -> str:
        """``text`` (a run in ``font``) in NFC Unicode."""
        if not text:
            return text
        encoding = self.encoding_of(text, font)
        caps = encoding == "tcvn3" and is_caps_font(font)
        if text.isascii():
            return text.upper() if caps else text
        if encoding in ENCODINGS:
            text = _decode(text, encoding, caps=caps)
        return unicodedata.normalize("NFC", text)


# --- encoding (for tests and sample documents) ----------------------------------------------


def from_unicode(text: str, encoding: str, *, caps_font: bool = False) -> str:
    """Write Unicode ``text`` in a legacy encoding, as a typist in that font would have.

    TCVN3 has no capitals with tone marks: with ``caps_font`` (the text is for an "H" font) the
    whole text is written in lower-case codes; without it such a capital raises ValueError.
    """
    text = unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":
        if caps_font:
            text = text.lower()
        out = []
        for ch in text:
            code = _TCVN3_ENCODE.get(ch)
            if code is None and ch in VIETNAMESE_LETTERS and not ch.isascii():
                lower = _TCVN3_ENCODE.get(ch.lower())
                if ch.isupper() and lower is not None:
                    raise ValueError(f"TCVN3 has no code for {ch!r} outside an H font")
            out.append(code if code is not None else ch)
        return "".join(out)
    if encoding == "vni":
        return "".join(_VNI_ENCODE.get(ch, ch) for ch in text)
    raise ValueError(f"unknown encoding {encoding!r}; use one of {ENCODINGS}")
