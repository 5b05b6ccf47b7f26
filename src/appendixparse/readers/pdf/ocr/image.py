"""Page images for OCR: rendering, deskewing, and the table rules found on a denoised copy.

Everything here works on 8-bit grey numpy arrays (0 ink, 255 paper) through OpenCV, imported
lazily by the caller's module. Coordinates are pixels of the deskewed page image.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

_MAX_SKEW = 3.0  # degrees: a scan turned further than this is not straightened
_SKEW_STEP = 0.1
_RULE_MIN = 0.25  # a horizontal rule spans a quarter of the table's width at least…
_VRULE_MIN = 0.6  # …a vertical rule this much of a row's height to separate its cells
_COLUMN_MIN = 0.3  # a column rule runs down this much of its table at least


@dataclass(slots=True)
class Grid:
    """A ruled table on the page image: the y of its horizontal rules, the x of its vertical
    rules, and which separators are really drawn (a merged cell has none between its parts).

    ``vertical[r][c]``: the rule left of column ``c + 1`` is drawn in row band ``r``;
    ``horizontal[r][c]``: the rule under row band ``r`` is drawn over column ``c``.
    """

    ys: list[int]
    xs: list[int]
    vertical: list[list[bool]]
    horizontal: list[list[bool]]

    @property
    def box(self) -> tuple[int, int, int, int]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]


def render(pdf: Any, index: int, dpi: float) -> Any:
    """Page ``index`` of a pypdfium2 document as a grey numpy image at ``dpi``."""
    import numpy as np

    page = pdf[index]
    try:
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        try:
            image = np.array(bitmap.to_numpy(), copy=True)
        finally:
            bitmap.close()
    finally:
        page.close()
    if image.ndim == 3:
        image = image[:, :, 0]
    return np.ascontiguousarray(image, dtype=np.uint8)


def binarize(gray: Any) -> Any:
    """Ink as 255 on 0 (Otsu's threshold on a lightly smoothed copy: a median filter would
    erase the one-pixel rules of a 150 dpi scan, and speckles never make a long rule)."""
    import cv2

    smooth = cv2.GaussianBlur(gray, (3, 3), 0)
    _, ink = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return ink


def skew_angle(ink: Any) -> float:
    """The angle (degrees, counter-clockwise positive) the page's lines are turned by: the one
    making the rows of ink sharpest (the projection profile's variance), on a small copy."""
    import cv2
    import numpy as np

    height, width = ink.shape
    scale = min(1.0, 800 / max(width, 1))
    small = cv2.resize(
        ink, (max(int(width * scale), 1), max(int(height * scale), 1)), interpolation=cv2.INTER_AREA
    )
    centre = (small.shape[1] / 2, small.shape[0] / 2)

    def score(angle: float) -> float:
        matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
        turned = cv2.warpAffine(
            small, matrix, (small.shape[1], small.shape[0]), flags=cv2.INTER_NEAREST, borderValue=0
        )
        profile = turned.sum(axis=1, dtype=np.float64)
        return float(np.var(np.diff(profile)))

    best = max(np.arange(-_MAX_SKEW, _MAX_SKEW + 1e-9, 0.5), key=score)
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, _SKEW_STEP)
    return float(max(fine, key=score))


def rotate(image: Any, angle: float, fill: int) -> Any:
    import cv2

    if abs(angle) < 0.05:
        return image
    height, width = image.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    return cv2.warpAffine(
        image,
        matrix,
        (width, height),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=fill,
    )


def _runs(mask: Any, minimum: int) -> list[tuple[int, int]]:
    """Runs of True in a 1-D boolean array, at least ``minimum`` long: (start, end)."""
    import numpy as np

    padded = np.concatenate(([False], mask, [False]))
    edges = np.flatnonzero(np.diff(padded.astype(np.int8)))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2]) if b - a >= minimum]


def find_tables(ink: Any, dpi: float) -> list[Grid]:
    """The ruled tables of a page: long horizontal and vertical strokes, grouped where they
    cross, each group's rules as a :class:`Grid`."""
    import cv2

    width = ink.shape[1]
    unit = max(int(dpi / 72), 1)  # pixels per point
    horizontal = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(width // 40, 20), 1))
    )
    vertical = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(14 * unit, 12)))
    )
    # Close small breaks (a scan's rules fade in places), then let the rules touch.
    horizontal = cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (9 * unit, 3)))
    vertical = cv2.dilate(vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 9 * unit)))
    lines = cv2.bitwise_or(horizontal, vertical)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
    grids: list[Grid] = []
    for label in range(1, count):
        x, y, w, h, _ = stats[label]
        if w < width * 0.2 or h < 8 * unit:
            continue
        region = labels[y : y + h, x : x + w] == label
        hmask = (horizontal[y : y + h, x : x + w] > 0) & region
        vmask = (vertical[y : y + h, x : x + w] > 0) & region
        grid = _grid(hmask, vmask, x, y, unit)
        if grid is not None:
            grids.append(grid)
    grids.sort(key=lambda g: g.ys[0])
    return grids


def _grid(hmask: Any, vmask: Any, x: int, y: int, unit: int) -> Grid | None:

    h, w = hmask.shape
    rows = _runs(hmask.sum(axis=1) > _RULE_MIN * w, 1)
    cols = _runs(vmask.sum(axis=0) > _COLUMN_MIN * h, 1)
    ys = [(a + b - 1) // 2 for a, b in rows]
    xs = [(a + b - 1) // 2 for a, b in cols]
    if len(ys) < 2 or len(xs) < 3:  # two columns at least
        return None
    vertical: list[list[bool]] = []
    for top, bottom in itertools.pairwise(ys):
        band = vmask[top + 2 : max(bottom - 1, top + 3), :]
        drawn = []
        for cx in xs[1:-1]:
            strip = band[:, max(cx - 2, 0) : cx + 3].any(axis=1)
            drawn.append(bool(strip.mean() >= _VRULE_MIN) if strip.size else False)
        vertical.append(drawn)
    horizontal_drawn: list[list[bool]] = []
    for cy in ys[1:-1]:
        band = hmask[max(cy - 2, 0) : cy + 3, :]
        drawn = []
        for left, right in itertools.pairwise(xs):
            strip = band[:, left + 2 : max(right - 1, left + 3)].any(axis=0)
            drawn.append(bool(strip.mean() >= 0.6) if strip.size else False)
        horizontal_drawn.append(drawn)
    return Grid(
        ys=[v + y for v in ys],
        xs=[v + x for v in xs],
        vertical=vertical,
        horizontal=horizontal_drawn,
    )
