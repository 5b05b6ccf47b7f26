"""The characters Word's symbol fonts draw, for the readers that meet them (DOCX, PDF).

List bullets of the symbol fonts (Symbol, Wingdings; LibreOffice's OpenSymbol) are stored as
private-use code points, U+F000 plus the font's byte: :data:`SYMBOL_BULLETS` gives the
character each one shows.
"""

from __future__ import annotations

SYMBOL_BULLETS: dict[str, str] = {
    "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf076": "❖",
    "\uf0a8": "◦", "\uf06c": "●", "\uf06e": "■", "\uf0e0": "➢",
}  # fmt: skip
