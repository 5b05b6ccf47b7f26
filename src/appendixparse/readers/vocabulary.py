"""Vietnamese (and English) words the readers meet as page furniture: page numbers."""

from __future__ import annotations

# "Trang 3", "Page 3", "tr. 3", "3/12", "3 of 12", "3 trên 12", "3 của 12".
PAGE_WORDS: tuple[str, ...] = ("trang", "page", "tr.")
PAGE_OF_WORDS: tuple[str, ...] = ("/", "of", "trên", "của")
