"""A unit's DOCX with the changes a Word user makes: landscape, no borders, justified cells,
another font, the header row not repeated, narrower columns."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from .docx_writer import (
    add_assessment_table,
    add_motto_table,
    add_preamble,
    add_signature,
    justify,
    new_document,
    remove_borders,
    save,
    set_widths,
)
from .units import Unit

NARROW_CM = (0.9, 5.5, 2.2, 6.0)  # "STT" wraps to "ST" / "T" in its column


@dataclass(frozen=True)
class Variation:
    """How a Word user changed the plain DOCX of a unit."""

    landscape: bool = False
    borderless: bool = False
    justified: bool = False
    font: tuple[str, float] | None = None  # the Normal style's font and size in points
    repeat_header: bool = True
    widths_cm: tuple[float, ...] | None = None


def _set_font(doc, name: str, size: float) -> None:
    """The Normal style in ``name`` at ``size`` points, for every script."""
    style = doc.styles["Normal"]
    style.font.name, style.font.size = name, Pt(size)
    properties = style.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.append(fonts)
    for script in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(script), name)


def write_variation(unit: Unit, path: Path, variation: Variation) -> Path:
    """The DOCX form of ``unit`` written by docx_writer, changed as ``variation`` says."""
    doc = new_document(landscape=variation.landscape)
    if variation.font:
        _set_font(doc, *variation.font)
    add_motto_table(doc, unit)
    add_preamble(doc, unit)
    table = add_assessment_table(doc, unit, repeat_header=variation.repeat_header)
    if variation.widths_cm:
        set_widths(table, variation.widths_cm)
    if variation.borderless:
        remove_borders(table)
    if variation.justified:
        justify(table)
    add_signature(doc)
    return save(doc, path)
