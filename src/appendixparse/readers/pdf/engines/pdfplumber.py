"""The pdfplumber engine: pdfminer's characters and pdfplumber's table finder."""

from __future__ import annotations

from typing import Any

from ....options import Options
from ..guard import _open, _operators
from ..text import _direction
from . import _Char, _Drawn


class _PlumberDocument:
    def __init__(self, data: bytes, source: str, options: Options) -> None:
        self.pdf = _open(data, source)
        self.pages: list[Any] = self.pdf.pages
        self.options = options

    def __len__(self) -> int:
        return len(self.pages)

    def weigh(self, index: int) -> tuple[int, int]:
        return _operators(self.pages[index].page_obj, self.options)

    def read(self, index: int) -> _Drawn:
        page = self.pages[index]
        try:
            chars = []
            for c in page.chars:
                text = c.get("text") or ""
                if not text:
                    continue
                chars.append(
                    _Char(
                        text,
                        c["x0"],
                        c["x1"],
                        c["top"],
                        c["bottom"],
                        c.get("size") or max(c["bottom"] - c["top"], 1.0),
                        str(c.get("fontname") or ""),
                        _direction(c["matrix"]),
                    )
                )
            tables = [list(t.cells) for t in page.find_tables()]
            return _Drawn(
                width=float(page.width),
                height=float(page.height),
                chars=chars,
                tables=tables,
                images=len(page.images),
            )
        finally:
            page.close()

    def close(self) -> None:
        self.pdf.close()
