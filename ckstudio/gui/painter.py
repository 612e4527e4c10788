"""Qt drawing of a map `Drawing`: the canvas and PNG export draw it as the SVG does.

The drawing is computed once by the layout; here nothing is added, moved or
measured, so the PNG, the canvas and the SVG (`ckstudio.layout.svg`) show the
same boxes, lines and line breaks. Each primitive follows the SVG writer's
conventions: SVG default caps and joins for boxes, round ones for lines,
dashes in drawing units, nonzero fill, text anchored at its baseline.
"""

from __future__ import annotations

import functools
import math

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)

from ckstudio.gui.qtfonts import drawing_font
from ckstudio.layout.drawing import Drawing, Group, Item, Path, Rect, Text

MAX_SIDE = 16384  # pixels; beyond this many viewers and QImage itself give up
MAX_PIXELS = 200_000_000  # 800 MB of ARGB32: more would exhaust ordinary machines
_app: QGuiApplication | None = None  # kept alive as long as the module


def paint_drawing(painter: QPainter, drawing: Drawing) -> None:
    """Draw the background, then every item in order (a Group's items in order)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    background = _color(drawing.background)
    if background is not None:
        painter.fillRect(QRectF(0, 0, drawing.width, drawing.height), background)
    for item in drawing.items:
        paint_item(painter, item)
    painter.restore()


def png_bytes(drawing: Drawing, scale: float = 1.0) -> bytes:
    """The drawing as PNG data, `scale` pixels per drawing unit.

    Bytes rather than a file, so the caller writes them atomically. Creates a
    QGuiApplication if none exists (Qt needs one for fonts); without a display
    the caller must set QT_QPA_PLATFORM=offscreen beforehand (the command line
    does, this module never touches the environment). The PNG records
    72 x `scale` dpi, so it prints at the drawing's true size.
    """
    image = render_image(drawing, scale)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise MemoryError("the PNG image could not be encoded")
    return bytes(data.data())


def render_image(drawing: Drawing, scale: float = 1.0) -> QImage:
    """The drawing painted on a new image, background first."""
    width, height = _image_size(drawing, scale)
    _application()
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise MemoryError(f"not enough memory for a {width} x {height} image")
    # The whole image, not just the drawing's area: the last row and column
    # of pixels straddle the drawing's edge when its size is fractional.
    background = _color(drawing.background)
    image.fill(QColor(Qt.GlobalColor.transparent) if background is None else background)
    dots_per_meter = round(72.0 * scale / 0.0254)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        paint_drawing(painter, drawing)
    finally:
        painter.end()
    return image


def _image_size(drawing: Drawing, scale: float) -> tuple[int, int]:
    """Pixel size of the image, refused early when no machine could hold it."""
    if not scale > 0 or not math.isfinite(scale):
        raise ValueError(f"the scale must be a positive number, not {scale}")
    # Rounded first so that 100 x 1.1 gives 110 pixels, not 111.
    width = max(1, math.ceil(round(drawing.width * scale, 6)))
    height = max(1, math.ceil(round(drawing.height * scale, 6)))
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise ValueError(
            f"a {width} x {height} pixel image is too large (at most {MAX_SIDE} pixels "
            f"a side and {MAX_PIXELS // 1_000_000} megapixels): try a smaller --scale"
        )
    return width, height


def _application() -> QGuiApplication:
    """The running Qt application, or a new one kept for the module's lifetime."""
    global _app
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing
    _app = QGuiApplication([])
    return _app


def paint_item(painter: QPainter, item: Item) -> None:
    """Draw one primitive of a drawing (a Group's items in order)."""
    if isinstance(item, Group):
        for child in item.items:
            paint_item(painter, child)
    elif isinstance(item, Rect):
        _rect(painter, item)
    elif isinstance(item, Text):
        _text(painter, item)
    else:
        _path(painter, item)


def _color(name: str | None) -> QColor | None:
    """The colour, or None for no paint ("none", as in SVG, or missing)."""
    if name is None or name == "none":
        return None
    color = QColor(name)
    if not color.isValid():
        raise ValueError(f"not a colour: {name!r}")
    return color


def _pen(color: str, width: float, dash: tuple[float, ...], rounded: bool) -> QPen:
    """A pen as SVG strokes: nothing when width is 0, dash lengths in drawing units."""
    stroke = _color(color)
    if stroke is None or width <= 0:
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(stroke, width)
    if rounded:
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    else:  # SVG's defaults
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        pen.setMiterLimit(4.0)
    if dash and any(d > 0 for d in dash):
        # SVG repeats an odd list to make it even; Qt counts in pen widths.
        pattern = dash * 2 if len(dash) % 2 else dash
        pen.setDashPattern([d / width for d in pattern])
    return pen


def _brush(color: str | None) -> QBrush:
    fill = _color(color)
    return QBrush(Qt.BrushStyle.NoBrush) if fill is None else QBrush(fill)


def _rect(painter: QPainter, rect: Rect) -> None:
    """A box; SVG caps the corner radius at half the width and half the height."""
    painter.setPen(_pen(rect.stroke, rect.stroke_width, rect.dash, rounded=False))
    painter.setBrush(_brush(rect.fill))
    box = QRectF(rect.x, rect.y, rect.w, rect.h)
    if rect.radius > 0:
        rx, ry = min(rect.radius, rect.w / 2), min(rect.radius, rect.h / 2)
        painter.drawRoundedRect(box, rx, ry)
    else:
        painter.drawRect(box)


def _path(painter: QPainter, path: Path) -> None:
    """Lines and cubic curves; closed and filled (nonzero, as SVG) when `fill` is set."""
    shape = QPainterPath(QPointF(*path.start))
    shape.setFillRule(Qt.FillRule.WindingFill)
    for kind, *values in path.segments:
        if kind == "L":
            shape.lineTo(values[0], values[1])
        elif kind == "C":
            shape.cubicTo(*values)
        else:
            raise ValueError(f"unknown path segment {kind!r}")
    if path.fill:
        shape.closeSubpath()
    painter.setPen(_pen(path.color, path.width, path.dash, rounded=True))
    painter.setBrush(_brush(path.fill))
    painter.drawPath(shape)


@functools.cache
def _font(size: float, bold: bool) -> tuple[QFont, float, QFontMetricsF]:
    """The font, scale factor and metrics for a text size, made once (the canvas
    paints text at every frame)."""
    font, factor = drawing_font(size, bold)
    return font, factor, QFontMetricsF(font)


def _text(painter: QPainter, text: Text) -> None:
    """Each line at its baseline, one `line_height` below the previous, anchored as in SVG.

    Drawn with an oversized font in a scaled-down painter (see `drawing_font`),
    so that widths are those the layout measured, to a fraction of a percent.
    """
    font, factor, metrics = _font(text.size, text.bold)
    shift = {"start": 0.0, "middle": 0.5, "end": 1.0}[text.anchor]
    painter.save()
    painter.translate(text.x, text.y)
    painter.scale(factor, factor)
    painter.setFont(font)
    color = _color(text.color)
    painter.setPen(QPen(QColor(0, 0, 0, 0) if color is None else color))
    for index, line in enumerate(text.lines):
        x = -shift * metrics.horizontalAdvance(line) if shift else 0.0
        painter.drawText(QPointF(x, index * text.line_height / factor), line)
    painter.restore()
