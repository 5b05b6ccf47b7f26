"""Where each ``w:style`` of a styles part sits in its bytes, so that only the styles a document
uses are parsed.

Word's own template carries some 160 styles in 340 KB, of which a document uses a handful; the
reader needs a few properties of those. :func:`scan_styles` finds the style elements by their
tags, without parsing the part, and reads from each start tag the attributes every document
needs (``w:styleId``, ``w:type``, ``w:default``); :meth:`StyleIndex.elements` parses one
style's element (safe parsing, as every part) when the walk first asks for it, and
``w:docDefaults`` is parsed at once.

The scan takes only a part of the usual shape and gives None for anything else, which is then
parsed whole as before, so that a style reads the same either way: UTF-8 (declared or not), one
prefix bound to the document's namespace on the ``styles`` root and never declared again below
it, no comment, CDATA section, processing instruction or DTD after the declaration, attribute
values the scan can read literally (no reference, no tab or line break, which XML would
rewrite), the root's children ``docDefaults`` first, then whatever else (the latent styles),
then the ``style`` elements one after the other with only white space between them and after
the last until the root's end tag. A style is thereby a child of the root, as in the parse.

What a scan does not see is the well-formedness of the styles it never parses: a part damaged
only in styles the document does not use keeps its other fonts (a part read whole loses them
all), and a style whose own element is damaged is read as missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ...errors import CorruptFileError
from ..safexml import parse_xml

_PROLOG = re.compile(
    rb"""
    (?:\xef\xbb\xbf)?                        # a UTF-8 byte-order mark
    (?:<\?xml(?P<declaration>[^<>?]*)\?>)?   # the XML declaration
    [ \t\r\n]*
    <(?P<root>[^ \t\r\n/<>]+)                # the root element's start tag
    (?P<attributes>(?:[ \t\r\n]+[^ \t\r\n=/<>"']+[ \t\r\n]*=[ \t\r\n]*(?:"[^"<]*"|'[^'<]*'))*)
    [ \t\r\n]*(?P<empty>/?)>
    """,
    re.VERBOSE,
)
_ENCODING = re.compile(rb"""encoding[ \t\r\n]*=[ \t\r\n]*["'](?P<name>[^"']*)["']""")
_ATTRIBUTE = re.compile(
    rb"""
    [ \t\r\n]+(?P<name>[^ \t\r\n=/<>"']+)    # a name,
    [ \t\r\n]*=[ \t\r\n]*                    # an equals sign,
    (?:"(?P<double>[^"<]*)"|'(?P<single>[^'<]*)')  # a quoted value
    """,
    re.VERBOSE,
)
_UNREADABLE = re.compile(rb"[&\t\r\n]")  # what XML would rewrite in an attribute value
_BLANK = re.compile(rb"[ \t\r\n]*")
# A start tag's attributes and its end, after its name.
_TAG_REST = rb"(?P<attributes>(?:" + _ATTRIBUTE.pattern + rb")*)[ \t\r\n]*(?P<empty>/?)>"


@dataclass(slots=True)
class StyleIndex:
    """A styles part's ``docDefaults`` element, parsed, and its ``style`` elements by
    ``w:styleId`` as byte ranges, parsed when asked for."""

    data: bytes
    source: str
    part: str
    root_start: bytes  # the root's start tag, which declares the prefixes a style uses
    root_end: bytes
    defaults: Any | None = None
    default_paragraph_style: str | None = None
    ranges: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def elements(self, style_id: str) -> list[Any]:
        """The parsed ``w:style`` elements with ``style_id``, in the part's order; a damaged one
        is left out."""
        found = []
        for start, end in self.ranges.get(style_id, ()):
            element = self.parse(self.data[start:end])
            if element is not None:
                found.append(element)
        return found

    def parse(self, fragment: bytes) -> Any | None:
        """A root child, parsed inside a copy of the root (for its namespace declarations)."""
        try:
            root = parse_xml(self.root_start + fragment + self.root_end, self.source, self.part)
        except CorruptFileError:
            return None
        return root[0] if len(root) == 1 else None


def scan_styles(data: bytes, ns: str, source: str, part: str) -> StyleIndex | None:
    """The styles part ``data`` indexed without parsing it; None when it is not of the usual
    shape (see the module docstring), for it to be parsed whole."""
    prolog = _PROLOG.match(data)
    if prolog is None or prolog.group("empty"):
        return None
    encoding = _ENCODING.search(prolog.group("declaration") or b"")
    if encoding is not None and encoding.group("name").lower() not in (b"utf-8", b"utf8"):
        return None
    prefix = _prefix_of(prolog.group("attributes"), ns.encode())
    if prefix is None or prolog.group("root") != prefix + b":styles":
        return None
    body = prolog.end()
    tags = _Tags(prefix)
    index = StyleIndex(data, source, part, data[prolog.start("root") - 1 : body], tags.root_end)
    first_style = tags.style_start.search(data, body)
    if first_style is not None:
        head_end = first_style.start()
    elif (last := tags.closing.search(data, body)) is not None:
        head_end = last.start()
    else:
        return None
    if not _read_head(index, data, body, head_end, tags):
        return None
    end = head_end  # of the last style read: the next starts after white space only
    start: re.Match[bytes] | None = None  # the start tag of the style being read
    for token in tags.style_tokens.finditer(data, head_end):
        if token.group("attributes") is None:  # an end tag
            if start is None:
                return None
            end = token.end()
            if not _index_style(index, start, tags, end):
                return None
            start = None
        elif start is not None or token.start() != _after_blank(data, end):
            return None  # a style inside a style, or something else between two
        elif token.group("empty"):
            if not _index_style(index, token, tags, token.end()):
                return None
            end = token.end()
        else:
            start = token
    if start is not None or tags.closing.match(data, _after_blank(data, end)) is None:
        return None
    return index


class _Tags:
    """The patterns of the tags the scan looks for, and the attribute names it reads, under the
    part's prefix."""

    def __init__(self, prefix: bytes) -> None:
        w = re.escape(prefix) + b":"
        self.style_start = re.compile(b"<" + w + rb"style[ \t\r\n/>]")
        self.style_tokens = re.compile(
            b"<" + w + b"style" + _TAG_REST + b"|</" + w + rb"style[ \t\r\n]*>", re.VERBOSE
        )
        self.defaults_start = re.compile(b"<" + w + rb"docDefaults[ \t\r\n/>]")
        self.defaults = re.compile(b"<" + w + b"docDefaults" + _TAG_REST, re.VERBOSE)
        self.defaults_end = re.compile(b"</" + w + rb"docDefaults[ \t\r\n]*>")
        self.root_end = b"</" + prefix + b":styles>"
        self.closing = re.compile(b"</" + w + rb"styles[ \t\r\n]*>[ \t\r\n]*\Z")
        self.style_id = prefix + b":styleId"
        self.type = prefix + b":type"
        self.default = prefix + b":default"


def _after_blank(data: bytes, position: int) -> int:
    """Where the white space at ``position`` ends."""
    blank = _BLANK.match(data, position)
    return blank.end() if blank is not None else position


def _prefix_of(attributes: bytes, ns: bytes) -> bytes | None:
    """The one prefix the root binds to ``ns``; None when there is none, several, or the default
    namespace is ``ns`` too."""
    prefixes = []
    for attribute in _ATTRIBUTE.finditer(attributes):
        name = attribute.group("name")
        value = attribute.group("double")
        value = attribute.group("single") if value is None else value
        if (name == b"xmlns" and value == ns) or _UNREADABLE.search(value):
            return None
        if name.startswith(b"xmlns:") and value == ns:
            prefixes.append(name[6:])
    return prefixes[0] if len(prefixes) == 1 else None


def _read_head(index: StyleIndex, data: bytes, start: int, end: int, tags: _Tags) -> bool:
    """Parse the ``docDefaults`` that the root's children before the styles (``data[start:end]``)
    start with; False when they hold one elsewhere or declare a namespace (a part of another
    shape), or it is damaged."""
    if data.find(b"xmlns", start, end) >= 0:
        return False  # a prefix bound anew, or a style under another prefix
    found = [m.start() for m in tags.defaults_start.finditer(data, start, end)]
    if not found:
        return True  # no defaults among the root's children
    first = _after_blank(data, start)
    tag = tags.defaults.match(data, first)
    if found != [first] or tag is None:
        return False
    if tag.group("empty"):
        close = tag.end()
    elif (closing := tags.defaults_end.search(data, tag.end(), end)) is not None:
        close = closing.end()
    else:
        return False
    index.defaults = index.parse(data[first:close])
    return index.defaults is not None


def _index_style(index: StyleIndex, tag: re.Match[bytes], tags: _Tags, end: int) -> bool:
    """Add the style of start tag ``tag``, ending at ``end``, under its id; False when its
    attributes cannot be read literally or declare a namespace."""
    attributes = tag.group("attributes")
    if _UNREADABLE.search(attributes) or b"xmlns" in attributes:
        return False
    values: dict[bytes, bytes] = {}
    for attribute in _ATTRIBUTE.finditer(attributes):
        value = attribute.group("double")
        values[attribute.group("name")] = attribute.group("single") if value is None else value
    try:
        style_id = values.get(tags.style_id, b"").decode()
        kind = values.get(tags.type, b"").decode()
        default = values.get(tags.default, b"").decode()
    except UnicodeDecodeError:
        return False
    if not style_id:
        return True
    index.ranges.setdefault(style_id, []).append((tag.start(), end))
    if kind == "paragraph" and default in ("1", "true", "on"):
        index.default_paragraph_style = style_id
    return True
