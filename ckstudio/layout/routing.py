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
from collections.abc import Iterable
from dataclasses import dataclass

Point = tuple[float, float]
MAX_DETOUR = 120  # rows a lane may be from its port (beyond: a direct curve)
SPREAD = 5  # free rows considered side by side for one lane
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
        self.boxes = boxes
        self.step = step
        self.clearance = clearance
        self.top = min((b.y for b in boxes), default=0.0) - clearance
        bottom = max((b.y + b.h for b in boxes), default=0.0) + clearance
        count = int((bottom - self.top) / step) + 1
        self.max_right = [-math.inf] * count
        self.min_left_negated = [-math.inf] * count  # negated: "free" is then "<=" too
        spans: list[list[tuple[float, float]]] = [[] for _ in range(count)]  # per row
        for box in boxes:
            left, right = box.x - clearance, box.right + clearance
            for row in range(self.row(box.y - clearance), self.row(box.y + box.h + clearance) + 1):
                self.max_right[row] = max(self.max_right[row], right)
                self.min_left_negated[row] = max(self.min_left_negated[row], -left)
                spans[row].append((left, right))
        self.used: dict[int, int] = {}  # links already routed along each row
        self.detour_steps = 0  # grid steps spent on detours (see `detour`)
        self.edges: list[float] | None = None  # box sides, for detours; made when needed
        self.lefts: list[list[float]] = []
        self.rights: list[list[float]] = []
        for row_spans in spans:
            lefts, rights = _merged(row_spans)
            self.lefts.append(lefts)
            self.rights.append(rights)

    def row(self, y: float) -> int:
        return math.floor((y - self.top) / self.step)

    def y_of(self, row: int) -> float:
        return self.top + (row + 0.5) * self.step

    def lane_right_of(self, y: float, column: float, x: float) -> float | None:
        """The nearest free lane where no box reaches right of `x` (see `_lane`)."""
        return self._lane(y, column, self.max_right, x)

    def lane_left_of(self, y: float, column: float, x: float) -> float | None:
        """The nearest free lane where no box starts left of `x` (see `_lane`)."""
        return self._lane(y, column, self.min_left_negated, -x)

    def _lane(self, y: float, column: float, reach: list[float], limit: float) -> float | None:
        """The y of a nearby free row, reached by a vertical at `column` that hits no box.

        A row is free when `reach[row] <= limit`; rows outside the boxes' span
        are free. Among the first few free rows the least used is taken, so
        links do not all pile on one line. None when no free row is near
        enough (the caller then draws a direct curve).
        """
        count = len(reach)
        start = self.row(y)
        if not 0 <= start < count or reach[start] <= limit:
            return y
        found: list[tuple[int, int, int]] = []
        for direction in (-1, 1):
            row, end = start + direction, start + direction * (MAX_DETOUR + 1)
            while row != end and 0 <= row < count and reach[row] > limit:
                row += direction
            if row == end or self._column_blocked(column, start + direction, row, direction):
                continue
            for lane in range(row, row + direction * SPREAD, direction):
                if not 0 <= lane < count or reach[lane] <= limit:
                    found.append((self.used.get(lane, 0), abs(lane - start), lane))
        if not found:
            return None
        _, _, lane = min(found)
        self.used[lane] = self.used.get(lane, 0) + 1
        return self.y_of(lane)

    def _column_blocked(self, x: float, first: int, stop: int, direction: int) -> bool:
        """Whether a box covers `x` in any row from `first` up to (not including) `stop`."""
        lefts, rights = self.lefts, self.rights
        for row in range(first, stop, direction):
            if 0 <= row < len(lefts):
                index = bisect.bisect_right(lefts[row], x) - 1
                if index >= 0 and rights[row][index] >= x:
                    return True
        return False


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


def rounded(points: list[Point], radius: float, keep: float = 0.0) -> tuple[Point, list[Segment]]:
    """A polyline whose corners are rounded, as a start point and segments.

    The first and last legs keep at least `keep` straight (for an arrowhead).
    """
    points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    segments: list[Segment] = []
    last = len(points) - 2
    for index, (before, corner, after) in enumerate(
        zip(points, points[1:], points[2:], strict=False)
    ):
        r_in = _room(corner, before, radius, keep if index == 0 else 0.0)
        r_out = _room(corner, after, radius, keep if index == last - 1 else 0.0)
        r = min(r_in, r_out)
        into = _toward(corner, before, r)
        out = _toward(corner, after, r)
        segments.append(("L", *into))
        segments.append(("C", *corner, *corner, *out))
    segments.append(("L", *points[-1]))
    return points[0], segments


def _room(corner: Point, other: Point, radius: float, keep: float) -> float:
    """How much of the leg from `corner` to `other` a bend may take."""
    length = math.hypot(other[0] - corner[0], other[1] - corner[1])
    return max(0.0, min(radius, length / 2, length - keep))


def _toward(corner: Point, other: Point, radius: float) -> Point:
    dx, dy = other[0] - corner[0], other[1] - corner[1]
    length = math.hypot(dx, dy)
    return (
        (corner[0] + dx / length * radius, corner[1] + dy / length * radius) if length else corner
    )


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
