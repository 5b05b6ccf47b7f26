"""OCR confidence to figures: each figure takes the lowest confidence of the words it spans."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from ..models import Figure

_WORD = re.compile(r"\S+")


def with_confidence(figures: list[Figure], text: str, words: Sequence[float]) -> list[Figure]:
    """``figures`` of ``text`` with their ``confidence`` set from ``words``, the confidence
    (0–100) of each whitespace-separated word of ``text`` in order: the lowest of the words a
    figure's span touches. NaN marks a word from a text layer: a figure of such words only
    keeps ``None``. Figures are changed in place and returned.

    >>> from appendixparse.text.figures import extract_figures
    >>> text = "đạt 55,54% và 111/238 hồ sơ"
    >>> figs = with_confidence(extract_figures(text), text, [96, 41, 90, 93, 95, 95])
    >>> [(f.text, f.confidence) for f in figs]
    [('55,54%', 41.0), ('111/238', 93.0)]
    """
    if not figures:
        return figures
    spans = [m.span() for m in _WORD.finditer(text)]
    known = [float(w) for w in words if not math.isnan(w)]
    floor = min(known, default=0.0)
    for figure in figures:
        start, end = figure.span
        touched = [
            float(words[i]) if i < len(words) else floor
            for i, (a, b) in enumerate(spans)
            if a < end and b > start
        ]
        read = [c for c in touched if not math.isnan(c)]
        if touched and not read:
            continue  # from a text layer
        figure.confidence = min(read, default=floor)
    return figures
