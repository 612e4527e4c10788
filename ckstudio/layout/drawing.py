"""The map drawing: positioned primitives that every renderer draws as they are.

Computed once from a session (see `ckmap`), then drawn by the SVG writer, the
Qt canvas and PNG export, and the PDF report. Renderers add nothing and
measure nothing: what one shows, the others show. Coordinates are in points
(1/72 inch), y growing downwards, as in SVG and Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Rect:
    """A box; `ref` names the concept, knowledge item or link it stands for."""

    x: float
    y: float
    w: float
    h: float
    fill: str
    stroke: str
    stroke_width: float = 1.0
    radius: float = 0.0
    dash: tuple[float, ...] = ()
    role: str = ""
    ref: str | None = None


@dataclass(frozen=True, slots=True)
class Text:
    """Lines of text; `y` is the first line's baseline, `line_height` the step down."""

    x: float
    y: float
    lines: tuple[str, ...]
    size: float
    color: str
    line_height: float
    bold: bool = False
    anchor: str = "start"  # or "middle", "end"
    role: str = ""
    ref: str | None = None


@dataclass(frozen=True, slots=True)
class Path:
    """A line from `start` through segments: ("L", x, y) or ("C", x1, y1, x2, y2, x, y).

    `fill` closes and fills the path (arrowheads are such filled paths).
    """

    start: Point
    segments: tuple[tuple[str | float, ...], ...]
    color: str
    width: float = 1.0
    dash: tuple[float, ...] = ()
    fill: str | None = None
    role: str = ""
    ref: str | None = None


@dataclass(frozen=True, slots=True)
class Group:
    """Items that belong to one thing (a concept's box, text and badges), drawn in order."""

    ref: str
    role: str
    items: tuple[Rect | Text | Path, ...]


Item = Rect | Text | Path | Group


@dataclass(frozen=True, slots=True)
class Drawing:
    width: float
    height: float
    background: str
    title: str
    font_family: str
    items: tuple[Item, ...] = field(default_factory=tuple)

    def boxes(self) -> dict[str, Rect]:
        """The main box of each concept and knowledge item, by id."""
        found: dict[str, Rect] = {}
        for item in self.items:
            if isinstance(item, Group) and item.role in ("c0", "concept", "knowledge", "pocket"):
                rect = next(i for i in item.items if isinstance(i, Rect))
                found[item.ref] = rect
        return found
