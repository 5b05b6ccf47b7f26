"""XML from Office parts parsed safely: no DTD, no entity, no external reference is resolved."""

from __future__ import annotations

from typing import Any

from ..errors import CorruptFileError

_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY", b"<!doctype", b"<!entity")


def refuse_dtd(data: bytes, source: str, part: str) -> None:
    """Raise CorruptFileError when an XML part declares a DTD or entities."""
    if any(marker in data[:4096] for marker in _DTD_MARKERS) or b"<!ENTITY" in data:
        raise CorruptFileError(source, f"the part {part!r} declares a DTD or entities: refused")


def parse_xml(data: bytes, source: str, part: str) -> Any:
    """The lxml root element of an Office XML part.

    Office Open XML never carries a DTD, so any DOCTYPE or ENTITY declaration is refused
    outright (entity-expansion and external-entity payloads included); the parser itself is
    also set to resolve nothing and reach no network.
    """
    from lxml import etree

    refuse_dtd(data, source, part)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        reason = f"the part {part!r} is not well-formed XML ({exc})"
        raise CorruptFileError(source, reason) from None
