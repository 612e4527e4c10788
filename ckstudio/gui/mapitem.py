"""The one graphics item that paints the whole map, only where it is exposed.

Painting goes through the shared drawing (`painter.paint_item`) for what can
be read; when the map is zoomed out so far that text would be smaller than
a few pixels, it paints an overview instead: plain boxes by colour, straight
edges and links, no text (level of detail: a fitted 15,000-node map then
costs a few batched calls, not 40,000 item paints).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ckstudio.gui.mapscene import MapScene
from ckstudio.gui.painter import paint_item
from ckstudio.gui.selection import Selection
from ckstudio.layout.drawing import Path
from ckstudio.layout.spatial import BoxIndex
from ckstudio.layout.tidy import Box

MIN_TEXT_PIXELS = 4.0  # below this, text is not drawn (overview)
SELECTED = QColor("#1F6FEB")  # the selection (thick) and the node under the mouse (thin)
HALO = QColor(31, 111, 235, 90)
MAX_IMAGE_SIDE = 6000  # pixels: above, the overview is drawn directly, not cached
PENDING_ALPHA = 110  # links not routed yet are drawn as faint plain curves
FADE = 0.22  # opacity of nodes outside the highlighted themes
STRONG_FADE = 0.07  # ... when the themes filter the map ("fade strongly")
HEAT = QColor("#D55E00")  # vote heat: a warm halo under the voted cards (Okabe-Ito vermilion)
HEAT_LEVELS = 4  # the overview batches the heat in this many strengths


@dataclass
class Marks:
    """What the canvas shows over the map: hovered node and a drop target."""

    hovered: str | None = None
    drop_box: QRectF | None = None  # "into" this node
    drop_line: QLineF | None = None  # "before" / "after" a sibling
    refused: QRectF | None = None  # the node that would refuse the drop
    link_line: QLineF | None = None  # a link being dragged
    link_target: QRectF | None = None
    rubber: QRectF | None = None
    typing: str | None = None  # the node whose text box is open: its frame is the box's


class SceneItem(QGraphicsItem):
    """One item as large as a MapScene's map, painting it (the editor's, the audience's)."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__()
        self._scene = scene
        self._rect = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def _fit_scene(self) -> None:
        """Take the map's current size (after any change)."""
        width, height = self._scene.size()
        rect = QRectF(0, 0, width, height)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect

    def boundingRect(self) -> QRectF:
        return self._rect


class MapItem(SceneItem):
    """Paints `scene`'s map; reads the scene only, never the Document."""

    def __init__(self, scene: MapScene, selection: Selection, marks: Marks) -> None:
        super().__init__(scene)
        self._selection = selection
        self._marks = marks
        self._version = -1
        self._overview: _Overview | None = None
        self._overview_image: QImage | None = None
        self._overview_key: tuple[int, int, int] | None = None
        self._overview_due = False
        self._route_boxes: dict[str, Box] = {}
        self._link_index: BoxIndex | None = None
        self.refresh()

    def refresh(self) -> None:
        """Take the scene's current layout (after any change)."""
        self._fit_scene()
        self._forget()
        self.update()

    def _follow(self) -> None:
        """Drop what was computed from an older version of the scene."""
        if self._scene.version != self._version:
            self._forget()

    def _forget(self) -> None:
        """Drop what was computed from an older layout."""
        self._version = self._scene.version
        self._overview = None
        self._route_boxes = {}
        self._link_index = None

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene = self._scene
        self._follow()
        exposed = option.exposedRect
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        painter.fillRect(exposed, QColor(scene.style.background))
        if lod * scene.style.text_size < MIN_TEXT_PIXELS:
            self._paint_overview(painter, lod)
        else:
            self._paint_detail(painter, exposed)
        self._paint_selection(painter, exposed, lod)

    # -- reading distance ------------------------------------------------------------

    def _paint_detail(self, painter: QPainter, exposed: QRectF) -> None:
        scene = self._scene
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        x0, y0, x1, y1 = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        refs = scene.nodes_in(x0, y0, x1, y1)
        shown = set(refs)
        fade = self._fade_opacity()
        faded = {ref for ref in refs if scene.faded(ref)} if fade < 1.0 else set()
        for ref in refs:
            edge = scene.edge(ref)
            if edge is not None:
                painter.setOpacity(fade if ref in faded else 1.0)
                paint_item(painter, edge)
            for child in scene.children_shown(ref):  # edges to children out of view
                if child not in shown:
                    painter.setOpacity(fade if fade < 1.0 and scene.faded(child) else 1.0)
                    paint_item(painter, scene.edge(child))
        heat = scene.heat
        if heat:
            painter.setOpacity(1.0)
            for ref in refs:
                if ref in heat:
                    paint_heat(painter, scene.box(ref), heat[ref])
        for ref in refs:
            painter.setOpacity(fade if ref in faded else 1.0)
            paint_item(painter, scene.group(ref))
            mark = scene.mark(ref)
            if mark is not None:
                paint_item(painter, mark)
        painter.setOpacity(1.0)
        self._paint_links(painter, refs, x0, y0, x1, y1)
        for item in scene.decorations():
            paint_item(painter, item)

    def _paint_links(self, painter: QPainter, refs: list[str], x0, y0, x1, y1) -> None:
        """Routed links in view; the others as plain curves from the nodes in view."""
        scene = self._scene
        routes = scene.routes()
        fade = self._fade_opacity()
        for link_id in self._links_in(x0, y0, x1, y1):
            painter.setOpacity(fade if fade < 1.0 and scene.link_faded(link_id) else 1.0)
            for path in routes[link_id]:
                paint_item(painter, path)
        if scene.pending_links() or not scene.routable():
            for link_id, kind, concept, item in scene.links_near(refs):
                if link_id not in routes and _meets(concept, item, x0, y0, x1, y1):
                    painter.setOpacity(fade if fade < 1.0 and scene.link_faded(link_id) else 1.0)
                    painter.setPen(_pending_pen(scene.style.link_colors[kind]))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawPath(_plain_curve(concept, item))
        painter.setOpacity(1.0)

    def _fade_opacity(self) -> float:
        """How faded the nodes outside the highlighted themes are (1.0: no highlight)."""
        if not self._scene.theme_focus:
            return 1.0
        return STRONG_FADE if self._scene.strong_fade else FADE

    def _links_in(self, x0: float, y0: float, x1: float, y1: float) -> list[str]:
        """The routed links whose bounds meet the rectangle.

        Indexed once every link is routed; while routing goes on, the bounds
        of the links routed so far are scanned.
        """
        self._follow()
        scene = self._scene
        routes = scene.routes()
        for link_id, paths in routes.items():
            if link_id not in self._route_boxes:
                self._route_boxes[link_id] = _bounds(paths)
        if scene.pending_links():
            return [i for i, b in self._route_boxes.items()
                    if b.x <= x1 and b.x + b.w >= x0 and b.y <= y1 and b.y + b.h >= y0]  # fmt: skip
        if self._link_index is None:
            self._link_index = BoxIndex(self._route_boxes)
        return self._link_index.in_rect(x0, y0, x1, y1)

    def link_at(self, x: float, y: float, reach: float) -> str | None:
        """The routed link whose line passes within `reach` of the point, if any."""
        stroker = QPainterPathStroker()
        stroker.setWidth(2 * reach)
        routes = self._scene.routes()
        for link_id in self._links_in(x - reach, y - reach, x + reach, y + reach):
            if stroker.createStroke(qt_path(routes[link_id][0])).contains(QPointF(x, y)):
                return link_id
        return None

    # -- overview --------------------------------------------------------------------

    def _paint_overview(self, painter: QPainter, lod: float) -> None:
        """The zoomed-out map from an image made once per layout and zoom level.

        After an edit or a zoom the previous image is shown, stretched, for one
        frame while the new one is drawn just after it: on a big map drawing every
        box takes a tenth of a second, and a frame that late would stall typing.
        At that scale a stale frame cannot be told apart; the selection on top
        of it is always exact.
        """
        size = QSize(
            max(1, round(self._rect.width() * lod)), max(1, round(self._rect.height() * lod))
        )
        if size.width() > MAX_IMAGE_SIDE or size.height() > MAX_IMAGE_SIDE:
            # A long map just below reading size: no image that big, draw the boxes.
            if self._overview is None:
                self._overview = _Overview.of(self._scene)
            self._draw_overview(painter)
            return
        current = (self._scene.version, size.width(), size.height())
        if self._overview_image is None:
            self._draw_overview_image(lod)
        elif self._overview_key != current and not self._overview_due:
            self._overview_due = True
            QTimer.singleShot(0, self._scene, lambda: self._redraw_overview(lod))
        assert self._overview_image is not None
        painter.drawImage(self._rect, self._overview_image)

    def _redraw_overview(self, lod: float) -> None:
        self._overview_due = False
        self._follow()
        self._draw_overview_image(lod)
        self.update()

    def _draw_overview_image(self, lod: float) -> None:
        size = QSize(
            max(1, round(self._rect.width() * lod)), max(1, round(self._rect.height() * lod))
        )
        if self._overview is None:
            self._overview = _Overview.of(self._scene)
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(self._scene.style.background))
        image_painter = QPainter(image)
        image_painter.scale(lod, lod)
        self._draw_overview(image_painter)
        image_painter.end()
        self._overview_image = image
        self._overview_key = (self._scene.version, size.width(), size.height())

    def _draw_overview(self, painter: QPainter) -> None:
        assert self._overview is not None
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        overview = self._overview
        fade = self._fade_opacity()
        painter.setPen(Qt.PenStyle.NoPen)
        for level, rects in overview.heat.items():
            painter.setBrush(_heat_color(level / HEAT_LEVELS))
            painter.drawRects(rects)
        painter.setPen(QPen(QColor(self._scene.style.edge), 0))
        for faded, edges in overview.edges.items():  # a faded node's edge fades with it
            painter.setOpacity(fade if faded else 1.0)
            painter.drawLines(edges)
        for (color, faded), lines in overview.links.items():
            painter.setOpacity(fade if faded else 1.0)
            painter.setPen(QPen(QColor(color), 0))
            painter.drawLines(lines)
        for (fill, stroke, faded), rects in overview.boxes.items():
            painter.setOpacity(fade if faded else 1.0)
            painter.setPen(QPen(QColor(stroke), 0))
            painter.setBrush(QColor(fill))
            painter.drawRects(rects)
        painter.setOpacity(1.0)

    # -- selection and hover ---------------------------------------------------------

    def _paint_selection(self, painter: QPainter, exposed: QRectF, lod: float) -> None:
        scene = self._scene
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pixel = 1.0 / max(lod, 1e-6)
        hovered = self._marks.hovered
        hovered_box = scene.box(hovered) if hovered is not None else None
        if hovered_box is not None and hovered not in self._selection:
            painter.setPen(QPen(SELECTED, 1.5 * pixel))
            painter.drawRoundedRect(_grow(hovered_box, 3 * pixel), 6, 6)
        routes = scene.routes()
        for ref in self._selection.ids:
            box = scene.box(ref)
            if box is not None and ref != self._marks.typing:
                rect = _grow(box, 6 * pixel)  # a gap, then the frame: clear of thick borders
                if rect.intersects(exposed):
                    painter.setPen(QPen(SELECTED, 5.0 * pixel))
                    painter.drawRoundedRect(rect, 8, 8)
            elif ref in routes:  # a link: a halo under it, its own colour and dash on top
                painter.setPen(QPen(HALO, 9.0 * pixel))
                painter.drawPath(qt_path(routes[ref][0]))
                for path in routes[ref]:
                    paint_item(painter, path)
                painter.setBrush(Qt.BrushStyle.NoBrush)


class _Overview:
    """Batched primitives for the zoomed-out map, built once per layout."""

    def __init__(self) -> None:
        self.boxes: dict[tuple[str, str, bool], list[QRectF]] = {}  # by (fill, outline, faded)
        self.edges: dict[bool, list[QLineF]] = {}  # by faded (the child's, as in detail)
        self.links: dict[tuple[str, bool], list[QLineF]] = {}  # by (colour, faded)
        self.heat: dict[int, list[QRectF]] = {}  # vote halos by strength (1..HEAT_LEVELS)

    @classmethod
    def of(cls, scene: MapScene) -> _Overview:
        overview = cls()
        boxes = scene.boxes()
        focused = bool(scene.theme_focus)
        for ref, value in scene.heat.items():
            box = boxes.get(ref)
            if box is not None and value > 0:
                level = max(1, round(value * HEAT_LEVELS))
                grow = _heat_grow(value)
                overview.heat.setdefault(level, []).append(_grow(box, grow))
        for ref, box in boxes.items():
            rect = QRectF(box.x, box.y, box.w, box.h)
            card = scene.card(ref)
            faded = focused and scene.faded(ref)
            overview.boxes.setdefault((card.fill, card.stroke, faded), []).append(rect)
            parent = scene.parent_of(ref)
            if parent is not None and parent in boxes:
                overview.edges.setdefault(faded, []).append(_centre_line(boxes[parent], box))
        for link_id, kind, concept, item in scene.link_ends():
            line = QLineF(concept.x + concept.w, concept.y + concept.h / 2,
                          item.x, item.y + item.h / 2)  # fmt: skip
            key = (scene.style.link_colors[kind], focused and scene.link_faded(link_id))
            overview.links.setdefault(key, []).append(line)
        return overview


def _centre_line(a: Box, b: Box) -> QLineF:
    return QLineF(a.x + a.w / 2, a.y + a.h / 2, b.x + b.w / 2, b.y + b.h / 2)


def _heat_grow(value: float) -> float:
    """How far a halo reaches beyond its card, for a heat of 0..1 (map units)."""
    return 3.0 + 9.0 * value


def _heat_color(value: float) -> QColor:
    color = QColor(HEAT)
    color.setAlpha(round(50 + 130 * value))
    return color


def paint_heat(painter: QPainter, box: Box | None, value: float) -> None:
    """A concept's vote heat: a warm halo round its card, wider and stronger with more dots."""
    if box is None or value <= 0:
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_heat_color(value))
    grow = _heat_grow(value)
    painter.drawRoundedRect(_grow(box, grow), 6 + grow, 6 + grow)


def _grow(box: Box, by: float) -> QRectF:
    return QRectF(box.x - by, box.y - by, box.w + 2 * by, box.h + 2 * by)


def _bounds(paths: list[Path]) -> Box:
    xs: list[float] = []
    ys: list[float] = []
    for path in paths:
        xs.append(path.start[0])
        ys.append(path.start[1])
        for segment in path.segments:
            values = segment[1:]
            xs += values[0::2]  # type: ignore[arg-type]
            ys += values[1::2]  # type: ignore[arg-type]
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def _meets(a: Box, b: Box, x0: float, y0: float, x1: float, y1: float) -> bool:
    """Whether the rectangle spanning both boxes meets the exposed area."""
    left, right = min(a.x, b.x), max(a.x + a.w, b.x + b.w)
    top, bottom = min(a.y, b.y), max(a.y + a.h, b.y + b.h)
    return left <= x1 and right >= x0 and top <= y1 and bottom >= y0


def _pending_pen(color: str) -> QPen:
    faint = QColor(color)
    faint.setAlpha(PENDING_ALPHA)
    return QPen(faint, 1.2)


def _plain_curve(concept: Box, item: Box) -> QPainterPath:
    start = QPointF(concept.x + concept.w, concept.y + concept.h / 2)
    end = QPointF(item.x, item.y + item.h / 2)
    middle = (start.x() + end.x()) / 2
    path = QPainterPath(start)
    path.cubicTo(QPointF(middle, start.y()), QPointF(middle, end.y()), end)
    return path


def qt_path(path: Path) -> QPainterPath:
    """A drawing path as a Qt path (to hit-test or outline a link)."""
    shape = QPainterPath(QPointF(*path.start))
    for kind, *values in path.segments:
        if kind == "L":
            shape.lineTo(values[0], values[1])
        else:
            shape.cubicTo(*values)
    return shape
