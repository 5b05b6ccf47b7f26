"""The pdfium engine: pypdfium2's text page for the characters, its page objects for the rules.

Coordinates are made pdfplumber's: points from the top-left corner of the page as displayed
(the page's /Rotate applied the way pdfminer applies it), a character's box spanning its
advance along the line and, across it, the font size from the font's descent below the
baseline. Characters pdfium generates (spaces and line breaks it infers) are left out: words
come from the gaps, as with pdfminer's characters; so are characters their clipping path hides
(a cell's text overflowing its cell, which the producer clips at the cell's rules). Each page is
weighed with pdfminer's objects before pdfium parses it (:func:`..guard._operators`), as the
pdfplumber engine does.
"""

from __future__ import annotations

import ctypes
import itertools
import re
from typing import Any

from ....errors import CorruptFileError, EncryptedFileError
from ....options import Options
from ..guard import _describe, _miner_pages, _operators
from ..rules import _ruled_cells
from ..text import _direction
from .model import _LINE_HYPHEN, _Char, _Drawn

_TEXT, _PATH, _IMAGE, _FORM = 1, 2, 3, 5  # FPDF_PAGEOBJ_*
_BEZIER, _MOVE = 1, 2  # FPDF_SEGMENT_*
_MAX_FORM_DEPTH = 8
_STRAIGHT = 0.01  # a piece whose ends differ by less than this across it is straight
_CLIP_SLACK = 0.5  # points a character's middle may stand outside its clip box and be shown

_SUBSET = re.compile(r"^[A-Z]{6}\+")

Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]  # left, top, right, bottom on the displayed page


def _times(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (row vectors, as in PDF: a point p goes to p·m·n)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _display(rotation: int, box: tuple[float, float, float, float]) -> tuple[Matrix, float, float]:
    """pdfminer's matrix from user space to the displayed page (y up), and the displayed
    page's width and height, for a page of ``box`` (the media box) turned ``rotation``."""
    x0, y0, x1, y1 = box
    if rotation == 90:
        return (0, -1, 1, 0, -y0, x1), y1 - y0, x1 - x0
    if rotation == 180:
        return (-1, 0, 0, -1, x1, y1), x1 - x0, y1 - y0
    if rotation == 270:
        return (0, 1, -1, 0, y1, -x0), y1 - y0, x1 - x0
    return (1, 0, 0, 1, -x0, -y0), x1 - x0, y1 - y0


class _PdfiumDocument:
    def __init__(self, data: bytes, source: str, options: Options) -> None:
        import pypdfium2 as pdfium

        self.options = options
        self.source = source
        self.miner = _miner_pages(data, source)  # for weighing; raises on encrypted files
        try:
            self.pdf = pdfium.PdfDocument(data, password="")
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise EncryptedFileError(
                    source, "the PDF is protected by a password (or its encryption data is damaged)"
                ) from None
            raise CorruptFileError(source, f"a damaged PDF ({_describe(exc)})") from None
        self.count = len(self.pdf)

    def __len__(self) -> int:
        return self.count

    def weigh(self, index: int) -> tuple[int, int]:
        if index < len(self.miner):
            return _operators(self.miner[index], self.options)
        import pypdfium2.raw as pdfium_c

        page = self.pdf[index]  # a page pdfminer does not see: pdfium's count of its objects
        try:
            return pdfium_c.FPDFPage_CountObjects(page.raw), 0
        finally:
            page.close()

    def read(self, index: int) -> _Drawn:
        page = self.pdf[index]
        try:
            rotation = page.get_rotation() % 360
            display, width, height = _display(rotation, page.get_mediabox())
            descents = _descents(self.miner[index]) if index < len(self.miner) else {}
            horizontal, vertical, images, image_area, clips = _drawing(page, display, height)
            textpage = page.get_textpage()
            try:
                chars = _chars(textpage, display, height, descents, clips)
            finally:
                textpage.close()
            return _Drawn(
                width=width,
                height=height,
                chars=chars,
                tables=_ruled_cells(horizontal, vertical),
                images=images,
                image_cover=image_area / (width * height) if width > 0 and height > 0 else 0.0,
            )
        finally:
            page.close()

    def close(self) -> None:
        self.pdf.close()


def _descents(page: Any) -> dict[str, float]:
    """The descent (below the baseline, per unit of font size, negative) of each font of a
    page, by font name without its subset prefix, as pdfminer takes it: from the font
    descriptor (a composite font's from its descendant's), a standard font's from its metrics.
    pdfium measures the font program instead, which moves a line's box by up to a quarter of
    the font size."""
    from pdfminer.fontmetrics import FONT_METRICS
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import literal_name

    out: dict[str, float] = {}
    resources = resolve1(page.resources) if page.resources else {}
    fonts = resolve1(resources.get("Font")) if isinstance(resources, dict) else None
    if not isinstance(fonts, dict):
        return out
    for ref in list(fonts.values())[:500]:
        spec = resolve1(ref)
        if not isinstance(spec, dict):
            continue
        name = spec.get("BaseFont")
        name = literal_name(resolve1(name)) if name is not None else ""
        if not isinstance(name, str):
            continue
        described = spec
        if literal_name(resolve1(spec.get("Subtype"))) == "Type0":
            descendants = resolve1(spec.get("DescendantFonts")) or None
            first = (
                resolve1(descendants[0]) if isinstance(descendants, list) and descendants else None
            )
            described = first if isinstance(first, dict) else {}
        descriptor = resolve1(described.get("FontDescriptor"))
        if isinstance(descriptor, dict):
            descent = resolve1(descriptor.get("Descent", 0))
        elif name in FONT_METRICS:
            descent = FONT_METRICS[name][0].get("Descent", 0)
        else:
            continue
        if isinstance(descent, (int, float)):
            out[_SUBSET.sub("", name)] = -abs(float(descent)) / 1000.0
    return out


def _chars(
    textpage: Any,
    display: Matrix,
    height: float,
    descents: dict[str, float],
    clips: dict[int, Box] | None = None,
) -> list[_Char]:
    """The page's characters, in pdfplumber's coordinates, generated ones left out, and
    those whose middle lies outside the clip box of their text object (``clips``, by the
    object's address: see :func:`_drawing`) too, as the page shows none of them.

    A character's box is pdfminer's: from its origin, its advance along the line (the font's
    width of it) and, across the line, the font size up from the font's descent
    (``descents``, by font name; pdfium's own measure for a font not named there).
    """
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters beyond the BMP: one by one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, k)) for k in range(count))
    # The text object of a character as an address (0 for a generated one): one call.
    object_at = _direct(
        pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int
    )
    # The origin of a character into two doubles given by address: one call, no conversions.
    origin_at = _direct(
        pdfium_c.FPDFText_GetCharOrigin,
        ctypes.c_int,
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.c_void_p,
        ctypes.c_void_p,
    )
    handle_of_page = ctypes.cast(raw, ctypes.c_void_p).value
    da, db, dc, dd, de, df = display
    unturned = (da, db, dc, dd) == (1, 0, 0, 1)
    plain = False
    matrix = pdfium_c.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    x_at, y_at = ctypes.addressof(ox), ctypes.addressof(oy)
    number = ctypes.c_float()
    one = ctypes.c_float(1.0)
    name = ctypes.create_string_buffer(256)
    fonts: dict[int, tuple[str, float]] = {}
    widths: dict[tuple[int, str], float] = {}
    out: list[_Char] = []
    current = None
    handle: Any = None
    key = 0
    font, direction, mapped = "", "upright", True
    along_x = along_y = 0.0
    across = (0.0, 0.0, 0.0, 0.0)
    rect, previous = pdfium_c.FS_RECTF(), pdfium_c.FS_RECTF()
    last_x = last_y = 0.0
    last_object = last_k = 0
    clips = clips or {}
    clip: Box | None = None
    for k in range(count):
        address = object_at(raw, k)
        if not address:
            continue
        char = text[k]
        if char == " " and pdfium_c.FPDFText_IsGenerated(raw, k):
            continue  # a space pdfium infers from a gap inside a text object
        if address != current:
            current = address
            clip = clips.get(address)
            obj = pdfium_c.FPDFText_GetTextObject(raw, k)
            pdfium_c.FPDFText_GetMatrix(raw, k, matrix)
            a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
            pdfium_c.FPDFTextObj_GetFontSize(obj, number)
            size = number.value
            handle = pdfium_c.FPDFTextObj_GetFont(obj)
            key = ctypes.cast(handle, ctypes.c_void_p).value or 0
            if key not in fonts:
                length = pdfium_c.FPDFFont_GetBaseFontName(handle, name, len(name))
                base = name.value.decode("utf-8", "replace") if length > 0 else ""
                descent = descents.get(_SUBSET.sub("", base))
                if descent is None:
                    ok = pdfium_c.FPDFFont_GetDescent(handle, ctypes.c_float(1000.0), number)
                    descent = number.value / 1000.0 if ok else 0.0
                fonts[key] = (base, descent)
            font, descent = fonts[key]
            along_x, along_y = a * size, b * size
            low_x, high_x = c * size * descent, c * size * (descent + 1)
            low_y, high_y = d * size * descent, d * size * (descent + 1)
            across = (
                min(low_x, high_x),
                max(low_x, high_x),
                min(low_y, high_y),
                max(low_y, high_y),
            )
            direction = _direction(_times((a, b, c, d, 0, 0), (da, db, dc, dd, 0, 0)))
            plain = unturned and b == 0 and c == 0 and a > 0
            mapped = not pdfium_c.FPDFText_HasUnicodeMapError(raw, k)
        origin_at(handle_of_page, k, x_at, y_at)
        x, y = ox.value, oy.value
        if char == "\ufffe" or char == "\x02":
            char = _LINE_HYPHEN  # pdfium's mark of a hyphen ending a line
        elif not mapped and pdfium_c.FPDFText_HasUnicodeMapError(raw, k):
            char = f"(cid:{ord(char)})"
        if out and x == last_x and y == last_y and address == last_object:
            # pdfium splits a ligature ("ﬁ") into its letters, each with the glyph's origin
            # and box; pdfminer has one character of the glyph's width.
            pdfium_c.FPDFText_GetLooseCharBox(raw, k, rect)
            pdfium_c.FPDFText_GetLooseCharBox(raw, last_k, previous)
            if _same_box(rect, previous):
                step_x = (rect.right if along_x > 0 else rect.left) - x if along_x else 0.0
                step_y = (rect.top if along_y > 0 else rect.bottom) - y if along_y else 0.0
                left, right, top, bottom = _box(x, y, step_x, step_y, across, display, height)
                out[-1] = out[-1]._replace(
                    text=out[-1].text + char, x0=left, x1=right, top=top, bottom=bottom
                )
                last_k = k
                continue
        width = widths.get((key, char))
        if width is None:
            code = ord("-") if char == _LINE_HYPHEN else ord(char[0])
            ok = pdfium_c.FPDFFont_GetGlyphWidth(handle, code, one, number)
            width = widths[(key, char)] = number.value if ok else 0.0
        if plain:  # upright text on an unturned page: the box directly
            left = x + de
            right = left + along_x * width
            top, bottom = height - (y + df + across[3]), height - (y + df + across[2])
        else:
            left, right, top, bottom = _box(
                x, y, along_x * width, along_y * width, across, display, height
            )
        if clip is not None and not _inside(clip, (left + right) / 2, (top + bottom) / 2):
            continue
        out.append(_Char(char, left, right, top, bottom, bottom - top or 1.0, font, direction))
        last_x, last_y, last_object, last_k = x, y, address, k
    return out


def _direct(function: Any, restype: Any, *argtypes: Any) -> Any:
    """A pdfium function called with plain addresses and numbers: pypdfium2's typed pointers
    cost a conversion at every call, which adds up over every character of a page."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    if address is None:
        raise RuntimeError("pdfium function not loaded")
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


def _inside(box: Box, x: float, y: float) -> bool:
    left, top, right, bottom = box
    return (
        left - _CLIP_SLACK <= x <= right + _CLIP_SLACK
        and top - _CLIP_SLACK <= y <= bottom + _CLIP_SLACK
    )


def _meet(a: Box | None, b: Box | None) -> Box | None:
    """The overlap of two clip boxes (None: no clip), empty boxes kept as such."""
    if a is None or b is None:
        return a or b
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def _clip_box(obj: Any, to_page: Matrix, height: float) -> Box | None:
    """The box around an object's clipping path on the displayed page, or None when it has
    none. A clipping path is the overlap of its paths, each in the content's space (the page's
    or the enclosing form's), so the box is the overlap of theirs, control points included:
    never smaller than what the page shows."""
    import pypdfium2.raw as pdfium_c

    clip = pdfium_c.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    a, b, c, d, e, f = to_page
    point_x, point_y = ctypes.c_float(), ctypes.c_float()
    box: Box | None = None
    for p in range(max(pdfium_c.FPDFClipPath_CountPaths(clip), 0)):
        xs: list[float] = []
        ys: list[float] = []
        for s in range(max(pdfium_c.FPDFClipPath_CountPathSegments(clip, p), 0)):
            segment = pdfium_c.FPDFClipPath_GetPathSegment(clip, p, s)
            if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, point_x, point_y):
                continue
            x, y = point_x.value, point_y.value
            xs.append(a * x + c * y + e)
            ys.append(height - (b * x + d * y + f))
        if xs:
            box = _meet(box, (min(xs), min(ys), max(xs), max(ys)))
    return box


def _same_box(a: Any, b: Any) -> bool:
    return (
        abs(a.left - b.left) < _STRAIGHT
        and abs(a.right - b.right) < _STRAIGHT
        and abs(a.top - b.top) < _STRAIGHT
        and abs(a.bottom - b.bottom) < _STRAIGHT
    )


def _box(
    x: float,
    y: float,
    step_x: float,
    step_y: float,
    across: tuple[float, float, float, float],
    display: Matrix,
    height: float,
) -> tuple[float, float, float, float]:
    """A character's box (left, right, top, bottom) on the displayed page, from its origin
    (x, y), its advance (step_x, step_y) and its extent across the line, in user space."""
    x0 = x + (step_x if step_x < 0 else 0.0) + across[0]
    x1 = x + (step_x if step_x > 0 else 0.0) + across[1]
    y0 = y + (step_y if step_y < 0 else 0.0) + across[2]
    y1 = y + (step_y if step_y > 0 else 0.0) + across[3]
    # A quarter turn maps a box to a box; y then counts from the top.
    da, db, dc, dd, de, df = display
    px0, py0 = da * x0 + dc * y0 + de, db * x0 + dd * y0 + df
    px1, py1 = da * x1 + dc * y1 + de, db * x1 + dd * y1 + df
    left, right = (px0, px1) if px0 <= px1 else (px1, px0)
    top, bottom = (height - py1, height - py0) if py0 <= py1 else (height - py0, height - py1)
    return left, right, top, bottom


def _drawing(
    page: Any, display: Matrix, height: float
) -> tuple[
    list[tuple[float, float, float]], list[tuple[float, float, float]], int, float, dict[int, Box]
]:
    """The horizontal (top, x0, x1) and vertical (x, top, bottom) pieces of the page's painted
    paths, inside form XObjects too, how many images the page shows, the area of the
    largest (an image fills the unit square its matrix maps: its area is the determinant),
    and the clip box of each clipped text object, by its address (a form's clip holds for
    what it draws)."""
    import pypdfium2.raw as pdfium_c

    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []
    images = 0
    largest = 0.0
    clips: dict[int, Box] = {}
    fm = pdfium_c.FS_MATRIX()
    point_x, point_y = ctypes.c_float(), ctypes.c_float()
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()

    def matrix_of(obj: Any) -> Matrix:
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, fm):
            return (1, 0, 0, 1, 0, 0)
        return (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f)

    def pieces(points: list[tuple[float, float]]) -> None:
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            if abs(y1 - y0) < _STRAIGHT:
                horizontal.append((height - y0, min(x0, x1), max(x0, x1)))
            elif abs(x1 - x0) < _STRAIGHT:
                vertical.append((x0, height - max(y0, y1), height - min(y0, y1)))

    def path(obj: Any, to_page: Matrix) -> None:
        if not pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
            return
        if fill_mode.value == 0 and not stroke.value:
            return
        a, b, c, d, e, f = _times(matrix_of(obj), to_page)
        points: list[tuple[float, float]] = []
        start: tuple[float, float] | None = None
        beziers = 0
        for s in range(pdfium_c.FPDFPath_CountSegments(obj)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj, s)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            pdfium_c.FPDFPathSegment_GetPoint(segment, point_x, point_y)
            x, y = point_x.value, point_y.value
            here = (a * x + c * y + e, b * x + d * y + f)
            if kind == _MOVE:
                pieces(points)
                points, start, beziers = [here], here, 0
                continue
            if kind == _BEZIER:
                beziers += 1
                if beziers % 3:
                    continue  # a control point: pdfminer keeps only where a curve ends
            points.append(here)
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                points.append(start)
        pieces(points)

    def walk(count: int, child: Any, to_page: Matrix, depth: int, outer: Box | None) -> None:
        nonlocal images, largest
        for i in range(count):
            obj = child(i)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == _TEXT:
                clip = _meet(outer, _clip_box(obj, to_page, height))
                if clip is not None:
                    clips[ctypes.cast(obj, ctypes.c_void_p).value or 0] = clip
            elif kind == _PATH:
                path(obj, to_page)
            elif kind == _IMAGE:
                images += 1
                a, b, c, d, _, _ = _times(matrix_of(obj), to_page)
                largest = max(largest, abs(a * d - b * c))
            elif kind == _FORM and depth < _MAX_FORM_DEPTH:
                inner = _times(matrix_of(obj), to_page)
                walk(
                    pdfium_c.FPDFFormObj_CountObjects(obj),
                    lambda j, obj=obj: pdfium_c.FPDFFormObj_GetObject(obj, j),
                    inner,
                    depth + 1,
                    _meet(outer, _clip_box(obj, to_page, height)),
                )

    raw = page.raw
    walk(
        pdfium_c.FPDFPage_CountObjects(raw),
        lambda i: pdfium_c.FPDFPage_GetObject(raw, i),
        display,
        0,
        None,
    )
    return horizontal, vertical, images, largest, clips
