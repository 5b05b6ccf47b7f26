"""Status normalisation: a cleaned status cell to one of the SPEC's status values."""

from __future__ import annotations

import re
from functools import lru_cache

from .cleaning import fold, strip_accents
from .vocabulary import STATUS_PHRASES

# (folded phrase, status), longest phrase first so "không đạt" wins over "đạt".
_PHRASES: list[tuple[str, str]] = sorted(
    ((fold(p), status) for status, phrases in STATUS_PHRASES.items() for p in phrases),
    key=lambda item: -len(item[0]),
)
_PATTERN = re.compile(r"^(?:{})(?!\w)".format("|".join(re.escape(p) for p, _ in _PHRASES)))
_BY_PHRASE = dict(_PHRASES)
_HEAD = 200  # a status phrase opens the cell: the rest is explanation


@lru_cache(maxsize=4096)
def match_status(text: str) -> str | None:
    """The status a cell states, or None; "" gives None too.

    The cell must start with a status phrase (case, Unicode form and stray punctuation
    ignored); what follows it is explanation.

    >>> match_status("(cấp tỉnh thực hiện)"), match_status("Không đạt"), match_status("Đạt 100%")
    ('not_applicable', 'in_progress', 'completed')
    >>> match_status("Đạtđược") is None
    True
    """
    m = _PATTERN.match(fold(text[:_HEAD]))
    return _BY_PHRASE[m.group(0)] if m else None


def named_status(text: str) -> str | None:
    """The status a header cell is exactly the phrase of ("Hoàn thành", "Đang thực hiện"), or
    None: the columns of a table where the status is ticked under one such header.

    >>> named_status("Đang thực hiện"), named_status("Thời gian hoàn thành")
    ('in_progress', None)
    """
    return _BY_PHRASE.get(fold(text))


_UNMARKED: list[tuple[str, str]] = sorted(
    ((strip_accents(p), s) for p, s in _PHRASES), key=lambda item: -len(item[0])
)
# OCR may also lose the space between a phrase's words ("thựchiện"): any space may be none.
_UNMARKED_PATTERN = re.compile(
    r"^(?:{})(?!\w)".format(
        "|".join(r"\s*".join(map(re.escape, p.split(" "))) for p, _ in _UNMARKED)
    )
)
_BY_UNMARKED = {p.replace(" ", ""): s for p, s in _UNMARKED}
_LONGEST_PHRASE = max(len(p.split()) for p, _ in _UNMARKED)  # in words


def normalise_status_unmarked(text: str) -> str:
    """The status of a cell read by OCR, whose tone marks may be lost or wrong and words run
    together: the phrases matched without marks or spaces ("Đang thực hiên", "Đang thựchiện"
    are in progress), else "unknown".

    >>> normalise_status_unmarked("Đang thưc hiên"), normalise_status_unmarked("Da thuc hien")
    ('in_progress', 'completed')
    >>> normalise_status_unmarked("Đang thựchiện"), normalise_status_unmarked("Đangthực hiện")
    ('in_progress', 'in_progress')
    """
    unmarked = strip_accents(fold(text[:_HEAD]))
    m = _UNMARKED_PATTERN.match(unmarked)
    if m:
        return _BY_UNMARKED[re.sub(r"\s", "", m.group(0))]
    return _one_letter_off(unmarked.split()) or "unknown"


_FUZZY_LETTERS = 8  # a phrase this long (its letters) may have one letter misread


def _one_letter_off(words: list[str]) -> str | None:
    """The status whose phrase the first words are but for one letter misread, added or lost
    ("Đã thuÈ hiển" for "Đã thực hiện"), spaces aside; None when no status's phrase is, or
    when the phrases of two statuses are. Phrases shorter than :data:`_FUZZY_LETTERS` letters
    ("đạt", "đã đạt") are too short for a letter to be wrong in them.

    >>> _one_letter_off("dang thue hien".split()), _one_letter_off("da thuc hien roi".split())
    ('in_progress', 'completed')
    >>> _one_letter_off("dat".split()) is None, _one_letter_off("chua thue".split()) is None
    (True, True)
    """
    from rapidfuzz.distance import Levenshtein  # OCR'd cells only

    heads = ["".join(words[:k]) for k in range(1, min(len(words), _LONGEST_PHRASE + 1) + 1)]
    found = {
        status
        for phrase, status in _BY_UNMARKED.items()
        if len(phrase) >= _FUZZY_LETTERS
        and any(Levenshtein.distance(phrase, head, score_cutoff=1) <= 1 for head in heads)
    }
    return found.pop() if len(found) == 1 else None


def normalise_status(text: str) -> str:
    """The record status for a cleaned status cell: a matched status or "unknown"."""
    return match_status(text) or "unknown"
