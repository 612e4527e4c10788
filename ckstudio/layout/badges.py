"""Badge shapes as paths, so every renderer draws them alike without special glyphs.

Shapes carry meaning beside colour (reach, knowledge status), for colour-blind
viewers and black-and-white prints.
"""

from __future__ import annotations

from collections.abc import Callable

from ckstudio.layout.drawing import Path

KAPPA = 0.5523  # control-point distance of a cubic quarter circle, per radius


def _circle_segments(cx: float, cy: float, r: float) -> tuple[tuple[float, ...], ...]:
    k = KAPPA * r
    return (
        ("C", cx + k, cy - r, cx + r, cy - k, cx + r, cy),
        ("C", cx + r, cy + k, cx + k, cy + r, cx, cy + r),
        ("C", cx - k, cy + r, cx - r, cy + k, cx - r, cy),
        ("C", cx - r, cy - k, cx - k, cy - r, cx, cy - r),
    )


def _circle(cx: float, cy: float, r: float, stroke: str, fill: str | None, width: float) -> Path:
    return Path((cx, cy - r), _circle_segments(cx, cy, r), stroke, width, fill=fill, role="badge")


def _polygon(points: list[tuple[float, float]], color: str) -> Path:
    segments = tuple(("L", x, y) for x, y in [*points[1:], points[0]])
    return Path(points[0], segments, color, 0.8, fill=color, role="badge")


def circle(cx: float, cy: float, size: float, color: str) -> list[Path]:
    return [_circle(cx, cy, size / 2, color, color, 0.8)]


def ring(cx: float, cy: float, size: float, color: str) -> list[Path]:
    return [_circle(cx, cy, size / 2 - 0.6, "#6E6E6E", color, 1.2)]


def triangle(cx: float, cy: float, size: float, color: str) -> list[Path]:
    r = size / 2
    return [_polygon([(cx, cy - r), (cx + r, cy + r * 0.85), (cx - r, cy + r * 0.85)], color)]


def diamond(cx: float, cy: float, size: float, color: str) -> list[Path]:
    r = size / 2 + 0.5
    return [_polygon([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)], color)]


def half(cx: float, cy: float, size: float, color: str) -> list[Path]:
    """A ring whose left half is filled: knowledge on its way."""
    r = size / 2 - 0.6
    k = KAPPA * r
    left = (
        ("C", cx - k, cy + r, cx - r, cy + k, cx - r, cy),
        ("C", cx - r, cy - k, cx - k, cy - r, cx, cy - r),
        ("L", cx, cy + r),
    )
    return [
        _circle(cx, cy, r, color, "#FFFFFF", 1.2),
        Path((cx, cy + r), left, color, 0.5, fill=color, role="badge"),
    ]


def alert(cx: float, cy: float, size: float, color: str) -> list[Path]:
    """A ring holding an exclamation mark: knowledge nobody has."""
    r = size / 2 - 0.6
    bar = Path((cx, cy - r * 0.55), (("L", cx, cy + r * 0.15),), color, 1.6, role="badge")
    dot = _circle(cx, cy + r * 0.5, 0.8, color, color, 0.4)
    return [_circle(cx, cy, r, color, "#FFFFFF", 1.2), bar, dot]


SHAPES: dict[str, Callable[[float, float, float, str], list[Path]]] = {
    "circle": circle,
    "ring": ring,
    "triangle": triangle,
    "diamond": diamond,
    "half": half,
    "alert": alert,
}


def badge(shape: str, cx: float, cy: float, size: float, color: str) -> list[Path]:
    return SHAPES[shape](cx, cy, size, color)


def arrowhead(
    tip: tuple[float, float], towards: tuple[float, float], size: float
) -> list[tuple[float, float]]:
    """The three corners of an arrowhead at `tip`, pointing away from `towards`."""
    dx, dy = tip[0] - towards[0], tip[1] - towards[1]
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / length, dy / length
    back = (tip[0] - ux * size, tip[1] - uy * size)
    half_width = size * 0.45
    return [
        tip,
        (back[0] - uy * half_width, back[1] + ux * half_width),
        (back[0] + uy * half_width, back[1] - ux * half_width),
    ]
