"""An index of boxes, to find what is under the mouse or inside the visible area fast.

The canvas asks "which boxes meet this rectangle?" at every paint and mouse
move; on a 15,000-node map a scan of every box costs milliseconds each time.
Boxes sorted by their left edge answer with two binary searches and a scan
of the few columns in view, and sorting is the whole build (the index is
made again after every edit, so a cheap build matters as much as a fast query).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping

from ckstudio.layout.tidy import Box


class BoxIndex:
    """Boxes by id, sorted by left edge."""

    def __init__(self, boxes: Mapping[str, Box]) -> None:
        self._boxes = boxes
        order = sorted(boxes, key=lambda ref: boxes[ref].x)
        self._refs = order
        self._lefts = [boxes[ref].x for ref in order]
        self._widest = max((box.w for box in boxes.values()), default=0.0)

    def in_rect(self, x0: float, y0: float, x1: float, y1: float) -> list[str]:
        """Ids of the boxes that meet the rectangle, left to right."""
        start = bisect_left(self._lefts, x0 - self._widest)
        end = bisect_right(self._lefts, x1)
        boxes = self._boxes
        found = []
        for ref in self._refs[start:end]:
            box = boxes[ref]
            if box.x + box.w >= x0 and box.y <= y1 and box.y + box.h >= y0:
                found.append(ref)
        return found

    def at(self, x: float, y: float) -> str | None:
        """The id of the box under the point, if any."""
        hits = self.in_rect(x, y, x, y)
        return hits[0] if hits else None
