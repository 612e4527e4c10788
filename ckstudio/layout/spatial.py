"""A grid of boxes, to find what is under the mouse or inside the visible area fast.

The canvas asks "which boxes meet this rectangle?" at every paint and mouse
move; on a 15,000-node map a scan of every box would cost milliseconds each
time, a lookup in a few grid cells costs microseconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ckstudio.layout.tidy import Box

CELL = 256.0  # drawing units: a few boxes wide, so a box falls in one to four cells


class BoxGrid:
    """Boxes by id, bucketed in square cells of `CELL` drawing units."""

    def __init__(self, boxes: Mapping[str, Box]) -> None:
        self._boxes = boxes
        self._cells: dict[tuple[int, int], list[str]] = {}
        for ref, box in boxes.items():
            for cell in _cells(box.x, box.y, box.x + box.w, box.y + box.h):
                self._cells.setdefault(cell, []).append(ref)

    def in_rect(self, x0: float, y0: float, x1: float, y1: float) -> list[str]:
        """Ids of the boxes that meet the rectangle, each once, in no set order."""
        found: dict[str, None] = {}
        boxes = self._boxes
        for cell in _cells(x0, y0, x1, y1):
            for ref in self._cells.get(cell, ()):
                box = boxes[ref]
                if box.x <= x1 and box.x + box.w >= x0 and box.y <= y1 and box.y + box.h >= y0:
                    found[ref] = None
        return list(found)

    def at(self, x: float, y: float) -> str | None:
        """The id of the box under the point, if any."""
        hits = self.in_rect(x, y, x, y)
        return hits[0] if hits else None


def _cells(x0: float, y0: float, x1: float, y1: float) -> Iterable[tuple[int, int]]:
    for i in range(int(x0 // CELL), int(x1 // CELL) + 1):
        for j in range(int(y0 // CELL), int(y1 // CELL) + 1):
            yield i, j
