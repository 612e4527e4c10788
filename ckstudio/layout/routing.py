"""Routes for C-K links that go around boxes instead of through them.

A link leaves its concept by the right side, runs along a free horizontal
lane to the right edge of C-space, crosses the gutter in a smooth S, and
reaches its knowledge item along a free lane from the left. "Free" is read
from a grid of thin rows: for each row, how far right the C boxes in it
reach and how far left the K boxes start. Finding a lane costs a few rows'
look-ups, so routing stays linear in the size of the map.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

Point = tuple[float, float]
Segment = tuple[str | float, ...]


@dataclass(frozen=True, slots=True)
class Area:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def middle(self) -> float:
        return self.y + self.h / 2


class Lanes:
    """Which thin horizontal rows are free of boxes, to the right or left of a point."""

    def __init__(self, boxes: Iterable[Area], step: float, clearance: float) -> None:
        boxes = list(boxes)
        self.step = step
        self.clearance = clearance
        self.top = min((b.y for b in boxes), default=0.0) - clearance
        bottom = max((b.y + b.h for b in boxes), default=0.0) + clearance
        count = int((bottom - self.top) / step) + 1
        self.max_right = [-math.inf] * count
        self.min_left = [math.inf] * count
        self.spans: list[list[tuple[float, float]]] = [[] for _ in range(count)]  # per row
        for box in boxes:
            left, right = box.x - clearance, box.right + clearance
            for row in range(self.row(box.y - clearance), self.row(box.y + box.h + clearance) + 1):
                self.max_right[row] = max(self.max_right[row], right)
                self.min_left[row] = min(self.min_left[row], left)
                self.spans[row].append((left, right))
        self.lefts: list[list[float]] = []
        self.rights: list[list[float]] = []
        for spans in self.spans:
            lefts, rights = _merged(spans)
            self.lefts.append(lefts)
            self.rights.append(rights)

    def row(self, y: float) -> int:
        return math.floor((y - self.top) / self.step)

    def y_of(self, row: int) -> float:
        return self.top + (row + 0.5) * self.step

    def _inside(self, row: int) -> bool:
        return 0 <= row < len(self.spans)

    def _covers(self, row: int, x: float) -> bool:
        if not self._inside(row):
            return False
        index = bisect.bisect_right(self.lefts[row], x) - 1
        return index >= 0 and self.rights[row][index] >= x

    def lane(self, y: float, column: float, free: Callable[[int], bool]) -> float | None:
        """The y of the nearest free row, reached by a vertical at `column` that hits no box.

        None when no such row exists (then the caller draws a direct curve).
        """
        start = self.row(y)
        if free(start):
            return y
        for direction in (-1, 1):
            row = start + direction
            while self._inside(row) or row in (-1, len(self.spans)):
                if self._covers(row, column):
                    break
                if free(row):
                    return self.y_of(row)
                row += direction
        return None

    def free_right_of(self, x: float) -> Callable[[int], bool]:
        """Rows where no box reaches right of `x`."""
        return lambda row: not self._inside(row) or self.max_right[row] <= x

    def free_left_of(self, x: float) -> Callable[[int], bool]:
        """Rows where no box starts left of `x`."""
        return lambda row: not self._inside(row) or self.min_left[row] >= x


def _merged(spans: list[tuple[float, float]]) -> tuple[list[float], list[float]]:
    """Overlapping spans joined: sorted, disjoint, so one bisection answers "is x covered"."""
    lefts: list[float] = []
    rights: list[float] = []
    for left, right in sorted(spans):
        if rights and left <= rights[-1]:
            rights[-1] = max(rights[-1], right)
        else:
            lefts.append(left)
            rights.append(right)
    return lefts, rights


def rounded(points: list[Point], radius: float) -> tuple[Point, list[Segment]]:
    """A polyline whose corners are rounded, as a start point and segments."""
    points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    segments: list[Segment] = []
    for before, corner, after in zip(points, points[1:], points[2:], strict=False):
        into = _toward(corner, before, radius)
        out = _toward(corner, after, radius)
        segments.append(("L", *into))
        segments.append(("C", *corner, *corner, *out))
    segments.append(("L", *points[-1]))
    return points[0], segments


def _toward(corner: Point, other: Point, radius: float) -> Point:
    dx, dy = other[0] - corner[0], other[1] - corner[1]
    length = math.hypot(dx, dy)
    r = min(radius, length / 2)
    return (corner[0] + dx / length * r, corner[1] + dy / length * r) if length else corner


def reverse(start: Point, segments: list[Segment]) -> tuple[Point, list[Segment]]:
    """The same path walked from its end to its start."""
    ends = [start] + [(s[-2], s[-1]) for s in segments]
    flipped: list[Segment] = []
    for index in range(len(segments) - 1, -1, -1):
        segment, target = segments[index], ends[index]
        if segment[0] == "C":
            flipped.append(("C", segment[3], segment[4], segment[1], segment[2], *target))
        else:
            flipped.append(("L", *target))
    return ends[-1], flipped


def end_direction(start: Point, segments: list[Segment]) -> tuple[Point, Point]:
    """The path's last point and a point just before it, for an arrowhead."""
    last = segments[-1]
    tip = (last[-2], last[-1])
    if last[0] == "C":
        return tip, (last[3], last[4])
    before = start if len(segments) == 1 else (segments[-2][-2], segments[-2][-1])
    return tip, before
