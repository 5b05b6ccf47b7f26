"""WordprocessingML names (transitional or strict) and the small element helpers every part uses."""

from __future__ import annotations

from typing import Any

TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"


class Names:
    """Clark names of the WordprocessingML elements and attributes the reader looks at."""

    def __init__(self, ns: str) -> None:
        w = f"{{{ns}}}"
        self.ns = ns
        self.del_ = w + "del"
        for name in (
            "body", "p", "r", "t", "tab", "ptab", "br", "cr", "noBreakHyphen", "softHyphen",
            "tbl", "tr", "tc", "trPr", "tcPr", "gridSpan", "vMerge",
            "hMerge", "gridBefore", "gridAfter", "pPr", "rPr", "pStyle", "rStyle", "rFonts",
            "numPr", "ilvl", "numId", "ins", "moveTo", "moveFrom", "hyperlink",
            "smartTag", "sdt", "sdtContent", "customXml", "fldSimple", "dir", "bdo",
            "cellDel", "style", "styleId", "basedOn", "docDefaults", "rPrDefault", "type",
            "default", "val", "ascii", "hAnsi", "asciiTheme", "hAnsiTheme", "abstractNum",
            "abstractNumId", "num", "lvl", "start", "numFmt", "lvlText", "lvlRestart",
            "lvlOverride", "startOverride", "suff", "sym", "char", "font", "vanish",
        ):  # fmt: skip
            setattr(self, name, w + name)
        math = ("http://schemas.openxmlformats.org/officeDocument/2006/math",
                "http://purl.oclc.org/ooxml/officeDocument/math")  # fmt: skip
        self.equations = frozenset(f"{{{m}}}{e}" for m in math for e in ("oMath", "oMathPara"))
        self.equation_text = frozenset(f"{{{m}}}t" for m in math)
        self.fraction = frozenset(f"{{{m}}}f" for m in math)
        self.fraction_parts = frozenset(f"{{{m}}}{e}" for m in math for e in ("num", "den"))
        mc = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
        self.alternate, self.choice = mc + "AlternateContent", mc + "Choice"
        self.txbxContent = w + "txbxContent"
        self.drawings = frozenset({w + "drawing", w + "pict", self.alternate})
        self.run_containers = frozenset(
            w + n
            for n in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple",
                      "dir", "bdo")
        )  # fmt: skip

    # Declared for the type checker; set in __init__ from the names above.
    body: str
    p: str
    r: str
    t: str
    tab: str
    ptab: str
    br: str
    cr: str
    noBreakHyphen: str
    softHyphen: str
    tbl: str
    tr: str
    tc: str
    trPr: str
    tcPr: str
    gridSpan: str
    vMerge: str
    hMerge: str
    gridBefore: str
    gridAfter: str
    pPr: str
    rPr: str
    pStyle: str
    rStyle: str
    rFonts: str
    numPr: str
    ilvl: str
    numId: str
    ins: str
    moveTo: str
    moveFrom: str
    hyperlink: str
    smartTag: str
    sdt: str
    sdtContent: str
    customXml: str
    fldSimple: str
    dir: str
    bdo: str
    cellDel: str
    style: str
    styleId: str
    basedOn: str
    docDefaults: str
    rPrDefault: str
    type: str
    default: str
    val: str
    ascii: str
    hAnsi: str
    asciiTheme: str
    hAnsiTheme: str
    abstractNum: str
    abstractNumId: str
    num: str
    lvl: str
    start: str
    numFmt: str
    lvlText: str
    lvlRestart: str
    lvlOverride: str
    startOverride: str
    suff: str
    sym: str
    char: str
    font: str
    vanish: str


def namespace_of(root: Any) -> str:
    """The namespace of an element's tag ("" for none)."""
    tag = root.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def first(element: Any, tag: str) -> Any | None:
    """The first child of ``element`` with ``tag`` (faster than lxml's ``find``)."""
    for child in element.iterchildren(tag):
        return child
    return None


def child_val(element: Any, tag: str, n: Names) -> str | None:
    """The ``w:val`` of ``element``'s first child with ``tag``, None when there is none."""
    child = first(element, tag)
    return child.get(n.val) if child is not None else None


def to_int(value: str | None) -> int:
    """An integer attribute, 0 when absent or not a number."""
    try:
        return int(value) if value is not None else 0
    except ValueError:
        return 0
