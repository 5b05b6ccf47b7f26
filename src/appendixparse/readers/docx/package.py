"""The Word package: SafeZip's guards first, then python-docx's parts and relationships.

python-docx's own ``Document()`` reads every part straight from the zip and insists on
``[Content_Types].xml``; here each part the reader needs is inflated through
:class:`~appendixparse.readers.safezip.SafeZip` (bounded, a lying zip refused) and refused when
it declares a DTD or entities, and only then handed to python-docx: ``DocumentPart``,
``StylesPart`` and ``NumberingPart`` parse it, and the relationships between them are
python-docx's (``part_related_by``). Content types are not consulted, as Word itself tolerates
packages that lack them:

- the main document is the package's ``officeDocument`` relationship when its part exists, else
  ``word/document.xml``, else the first ``…/document.xml``;
- styles and numbering are the document's first relationship of that kind (transitional or
  strict relationship URIs alike), else ``styles.xml``/``numbering.xml`` beside the document;
  a missing, damaged or refused styles or numbering part loses fonts and numbering, not text;
- external relationships are never followed.
"""

from __future__ import annotations

import posixpath
from typing import Any, TypeVar

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PACKAGE_URI, PackURI
from docx.opc.part import Part, XmlPart
from docx.package import Package
from docx.parts.document import DocumentPart
from lxml import etree

from ...errors import CorruptFileError
from ...options import Options
from ..safexml import parse_xml, refuse_dtd
from ..safezip import SafeZip

_DOCUMENT_PART = "word/document.xml"
# The document's related parts the reader reads, by the last word of their relationship type.
_RELATED = {"styles": (RT.STYLES, CT.WML_STYLES), "numbering": (RT.NUMBERING, CT.WML_NUMBERING)}

P = TypeVar("P", bound=XmlPart)


class WordPackage:
    """A .docx opened under the size and entity guards: its main document part, parsed, and the
    styles and numbering parts related to it, their bytes judged but not yet parsed."""

    def __init__(self, data: bytes, source: str, options: Options) -> None:
        self.source = source
        self.zip = SafeZip(data, source, options)
        self.opc = Package()
        uri = self._main_part()
        self.document: DocumentPart = self._parse(
            DocumentPart, uri, CT.WML_DOCUMENT_MAIN, self._guarded(uri)
        )
        for kind, (reltype, content_type) in _RELATED.items():
            self._relate(kind, reltype, content_type)

    @property
    def root(self) -> Any:
        """The main document's root element (``w:document``)."""
        return self.document.element

    def related(self, reltype: str) -> Part | None:
        """The document's part of ``reltype`` (bytes judged, not parsed), or None."""
        try:
            return self.document.part_related_by(reltype)
        except KeyError:
            return None

    def parsed(self, part: Part, part_class: type[P]) -> P | None:
        """``part`` parsed by python-docx as ``part_class``; None when it is not well-formed."""
        try:
            return self._parse(part_class, part.partname, part.content_type, part.blob)
        except CorruptFileError:
            return None

    def _parse(self, part_class: type[P], uri: PackURI, content_type: str, blob: bytes) -> P:
        try:
            return part_class.load(uri, content_type, blob, self.opc)
        except etree.XMLSyntaxError as exc:
            reason = f"the part {uri.membername!r} is not well-formed XML ({exc})"
            raise CorruptFileError(self.source, reason) from None

    def _guarded(self, uri: PackURI) -> bytes:
        """A part's bytes, inflated under the limits, refused when it declares a DTD."""
        blob = self.zip.read(uri.membername)
        refuse_dtd(blob, self.source, uri.membername)
        return blob

    def _main_part(self) -> PackURI:
        for kind, uri in self._relationships(PACKAGE_URI):
            if kind == "officeDocument" and uri.membername in self.zip:
                return uri
        if _DOCUMENT_PART in self.zip:
            return PackURI(f"/{_DOCUMENT_PART}")
        candidates = [n for n in self.zip.names() if n.endswith("/document.xml")]
        if not candidates:
            raise CorruptFileError(self.source, "a zip file without a Word document part")
        return PackURI(f"/{candidates[0]}")

    def _relate(self, kind: str, reltype: str, content_type: str) -> None:
        """Relate the document to its first part of ``kind`` (or the one beside it by name)."""
        found = [uri for k, uri in self._relationships(self.document.partname) if k == kind]
        uri = found[0] if found else PackURI(posixpath.join(self.document.partname.baseURI,
                                                            f"{kind}.xml"))  # fmt: skip
        if uri.membername not in self.zip:
            return
        try:
            blob = self._guarded(uri)
        except CorruptFileError:
            return  # a damaged or refused part loses fonts and numbering, not the text
        self.document.load_rel(reltype, Part(uri, content_type, blob, self.opc), f"{kind}")

    def _relationships(self, source: PackURI) -> list[tuple[str, PackURI]]:
        """``source``'s internal relationships as (last word of the type, target), in order."""
        rels = source.rels_uri.membername
        if rels not in self.zip:
            return []
        try:
            root = parse_xml(self.zip.read(rels), self.source, rels)
        except CorruptFileError:
            return []
        out = []
        for rel in root:
            if not isinstance(rel.tag, str) or not rel.tag.endswith("Relationship"):
                continue
            if rel.get("TargetMode") == "External":
                continue
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            out.append((kind, PackURI.from_rel_ref(source.baseURI, rel.get("Target") or "")))
        return out
