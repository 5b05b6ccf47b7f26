"""Ruled tables from rules: edges → intersections → cells → tables, pure functions over arrays.

The pdfium engine's table finder, built to find what pdfplumber's finds with its default
settings ("lines" strategies) from the same rules:

1. edges: the horizontal and vertical pieces of every painted path (a line, each side of a
   rectangle — a thin filled one too — each straight piece of a polyline), at least 1 pt long;
2. snapped: edges whose positions are within 3 pt of each other (chained) move to their mean,
   so the two sides of a thin rectangle become one rule; joined: pieces of one rule with gaps of
   at most 3 pt become one edge; edges shorter than 3 pt are dropped;
3. intersections: where a vertical edge meets a horizontal one, within 3 pt;
4. cells: from each intersection, the smallest rectangle whose four corners are intersections
   joined by edges;
5. tables: cells sharing corners, groups of two cells or more, top to bottom.
"""

from __future__ import annotations

import bisect
from typing import Any

import numpy as np

Box = tuple[float, float, float, float]  # x0, top, x1, bottom

_MIN_EDGE = 1.0  # pieces shorter than this are no rule at all
_SNAP = 3.0
_JOIN = 3.0
_MIN_LENGTH = 3.0
_INTERSECT = 3.0


def _snapped(edges: Any) -> Any:
    """``edges`` (rows of position, start, end) with positions chained within ``_SNAP`` moved
    to the mean of their edges."""
    if len(edges) == 0:
        return edges
    values = np.unique(edges[:, 0])
    cluster_of_value = np.concatenate(([0], np.cumsum(np.diff(values) > _SNAP)))
    cluster = cluster_of_value[np.searchsorted(values, edges[:, 0])]
    sums = np.bincount(cluster, weights=edges[:, 0])
    counts = np.bincount(cluster)
    out = edges.copy()
    out[:, 0] = (sums / counts)[cluster]
    return out


def _joined(edges: Any) -> list[tuple[float, float, float]]:
    """Edges on one line (the same position) with gaps of at most ``_JOIN`` made one, those of
    ``_MIN_LENGTH`` or more kept."""
    if len(edges) == 0:
        return []
    order = np.lexsort((edges[:, 1], edges[:, 0]))
    out: list[tuple[float, float, float]] = []
    position, start, end = (float(v) for v in edges[order[0]])
    for row in edges[order[1:]].tolist():
        if row[0] == position and row[1] <= end + _JOIN:
            end = max(end, row[2])
            continue
        out.append((position, start, end))
        position, start, end = row
    out.append((position, start, end))
    return [e for e in out if e[2] - e[1] >= _MIN_LENGTH]


def _merged(edges: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Edges (position, start, end) of one orientation, snapped and joined."""
    array = np.array([e for e in edges if e[2] - e[1] >= _MIN_EDGE], dtype=float).reshape(-1, 3)
    return _joined(_snapped(array))


def _intersections(
    horizontal: list[tuple[float, float, float]], vertical: list[tuple[float, float, float]]
) -> dict[tuple[float, float], tuple[set[int], set[int]]]:
    """Each point where a vertical edge meets a horizontal one: the edges through it
    (vertical, horizontal)."""
    if not horizontal or not vertical:
        return {}
    h = np.array(horizontal)
    v = np.array(vertical)
    meets = (
        (v[:, None, 1] <= h[None, :, 0] + _INTERSECT)
        & (v[:, None, 2] >= h[None, :, 0] - _INTERSECT)
        & (v[:, None, 0] >= h[None, :, 1] - _INTERSECT)
        & (v[:, None, 0] <= h[None, :, 2] + _INTERSECT)
    )
    points: dict[tuple[float, float], tuple[set[int], set[int]]] = {}
    for i, j in zip(*np.nonzero(meets)):
        point = (vertical[i][0], horizontal[j][0])
        through = points.setdefault(point, (set(), set()))
        through[0].add(int(i))
        through[1].add(int(j))
    return points


def _cells(points: dict[tuple[float, float], tuple[set[int], set[int]]]) -> list[Box]:
    """From each intersection, the smallest cell it is the top-left corner of: the nearest
    point below and the nearest to the right joined to it by edges, whose bottom-right corner
    is an intersection joined to both."""
    by_x: dict[float, list[float]] = {}
    by_y: dict[float, list[float]] = {}
    for x, y in sorted(points):
        by_x.setdefault(x, []).append(y)
        by_y.setdefault(y, []).append(x)

    def vertical(a: tuple[float, float], b: tuple[float, float]) -> bool:
        return bool(points[a][0] & points[b][0])

    def horizontal(a: tuple[float, float], b: tuple[float, float]) -> bool:
        return bool(points[a][1] & points[b][1])

    cells: list[Box] = []
    for x, y in sorted(points):
        ys, xs = by_x[x], by_y[y]
        below = [(x, b) for b in ys[bisect.bisect_right(ys, y) :]]
        right = [(r, y) for r in xs[bisect.bisect_right(xs, x) :]]
        found = None
        for down in below:
            if not vertical((x, y), down):
                continue
            for across in right:
                if not horizontal((x, y), across):
                    continue
                corner = (across[0], down[1])
                if corner in points and vertical(corner, across) and horizontal(corner, down):
                    found = (x, y, corner[0], corner[1])
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


def _tables(cells: list[Box]) -> list[list[Box]]:
    """Cells grouped into tables by shared corners; groups of two cells or more, in reading
    order of their top-left cell."""
    parent = list(range(len(cells)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            if corner in owner:
                parent[root(i)] = root(owner[corner])
            else:
                owner[corner] = i
    groups: dict[int, list[Box]] = {}
    for i, cell in enumerate(cells):
        groups.setdefault(root(i), []).append(cell)
    tables = [g for g in groups.values() if len(g) > 1]
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return tables


def _ruled_cells(
    horizontal: list[tuple[float, float, float]], vertical: list[tuple[float, float, float]]
) -> list[list[Box]]:
    """The cells of each ruled table drawn by ``horizontal`` edges (top, x0, x1) and
    ``vertical`` ones (x, top, bottom).

    >>> grid_h = [(10.0, 0.0, 100.0), (30.0, 0.0, 100.0), (50.0, 0.0, 100.0)]
    >>> grid_v = [(0.0, 10.0, 50.0), (40.0, 10.0, 50.0), (100.0, 10.0, 50.0)]
    >>> [table] = _ruled_cells(grid_h, grid_v)
    >>> sorted(table)  # doctest: +NORMALIZE_WHITESPACE
    [(0.0, 10.0, 40.0, 30.0), (0.0, 30.0, 40.0, 50.0),
     (40.0, 10.0, 100.0, 30.0), (40.0, 30.0, 100.0, 50.0)]
    """
    return _tables(_cells(_intersections(_merged(horizontal), _merged(vertical))))
