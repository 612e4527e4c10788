"""The audience's map: read-only, in the projector style, never too small to read.

**The minimum text height.** Map text is never drawn smaller than 1/30 of
the screen's height: 24 pixels on a 1280 x 720 projector, 36 on a
1920 x 1080 one. What the back row can read is an angle, and the angle a
text makes is its share of the projected image's height divided by the
viewer's distance in image heights. At 1/30, a text's capitals (0.7 of its
size) subtend atan(0.7 / 30 / 5) = 16 minutes of arc from 5 image heights:
the least character height ANSI/HFES 100 allows, at the middle of the
4-6 image heights that audio-visual design gives the farthest viewer of
detailed material. With a 1.5 m high image: 5 cm text, read from 7.5 m
(1 cm of text per 1.5 m of distance). The rule is a share of the screen, so it holds in
logical pixels on any screen scaling: a 1920 x 1080 laptop at 150 % is a
1280 x 720 logical screen, its text 24 logical = 36 device pixels, 1/30 of
1080 again. When the map (or the branch shown) does not fit at that size,
the view does not zoom out further: it follows the facilitator's node.

**Bands for the overlays.** The window's overlays (timer, round, ranking)
are kept clear: the view frames into the largest part of its viewport that
a band across it per overlay leaves free, and blanks the bands, so no card
sits under an overlay and none shows through it.

The view paints its own `MapScene` (the audience's style and layout) on
the same Document; what it shows (all, C-space only, one branch) and which
node it follows are set by `ckstudio.gui.audience`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import product

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen, QTransform
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ckstudio.gui.mapitem import FADE, SELECTED, STRONG_FADE, SceneItem, paint_heat
from ckstudio.gui.mapscene import MapScene
from ckstudio.gui.painter import paint_item
from ckstudio.gui.selection import Selection
from ckstudio.layout.tidy import Box

TEXT_SHARE = 30  # map text is at least 1/30 of the screen's height
LARGEST = 1.6  # a small map fitted to the screen: text at most this times the minimum
MARGIN = 30.0  # drawing units around what is shown
BAND_EDGE = QColor("#C8C8C8")  # where the map stops, by the overlays' bands
ROUTING_SLICE = 0.008  # seconds of link routing per turn of the event loop


@dataclass(frozen=True, slots=True)
class ScreenInfo:
    """A screen as the view sizes text for it: logical pixels and device pixels per one."""

    width: int
    height: int
    ratio: float = 1.0

    @property
    def device_height(self) -> float:
        return self.height * self.ratio


def min_text_pixels(screen: ScreenInfo) -> float:
    """The least height of map text, in logical pixels, on this screen."""
    return screen.height / TEXT_SHARE


def text_device_pixels(text_size: float, zoom: float, screen: ScreenInfo) -> float:
    """How many device pixels high text of `text_size` drawing units is at `zoom`."""
    return text_size * zoom * screen.ratio


def free_rect(view: QRectF, covered: list[QRectF]) -> QRectF:
    """The largest rectangle of `view` clear of every covered one, each covered rectangle
    cut off by a band across the view (above, below, left or right of it)."""
    best, best_area = view, -1.0
    for sides in product(range(4), repeat=len(covered)):
        left, top, right, bottom = view.left(), view.top(), view.right(), view.bottom()
        for side, rect in zip(sides, covered, strict=True):
            if side == 0:
                top = max(top, rect.bottom())
            elif side == 1:
                bottom = min(bottom, rect.top())
            elif side == 2:
                left = max(left, rect.right())
            else:
                right = min(right, rect.left())
        area = max(0.0, right - left) * max(0.0, bottom - top)
        if area > best_area:
            best_area = area
            best = QRectF(left, top, max(0.0, right - left), max(0.0, bottom - top))
    return best


def place_window(
    start: float, length: float, low: float, high: float, target: tuple[float, float] | None
) -> float:
    """Where a window `length` long starts on one axis: moved the least from `start` to stay
    on the map [low, high] (centred on a map shorter than it), then to show `target` with
    some room around it (its start first when it is longer than the window)."""
    if high - low <= length:
        start = (low + high - length) / 2
    else:
        start = min(max(start, low), high - length)
    if target is None:
        return start
    first, last = target
    if last - first >= length:
        return first
    room = min(length / 5, (length - (last - first)) / 2)
    if first - room < start:
        return first - room
    if last + room > start + length:
        return last + room - length
    return start


class AudienceItem(SceneItem):
    """Paints the shown part of the audience's map, with the facilitator's selection."""

    def __init__(self, scene: MapScene, selection: Selection, shown: Callable[[str], bool]):
        super().__init__(scene)
        self._selection = selection
        self.shown = shown
        self.show_decorations: Callable[[str], bool] = lambda role: True

    def refresh(self) -> None:
        self._fit_scene()
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        scene, shown = self._scene, self.shown
        exposed = option.exposedRect
        painter.fillRect(exposed, QColor(scene.style.background))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        x0, y0, x1, y1 = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        refs = [r for r in scene.nodes_in(x0, y0, x1, y1) if shown(r)]
        fade = (STRONG_FADE if scene.strong_fade else FADE) if scene.theme_focus else 1.0
        seen = set(refs)
        for ref in refs:
            parent = scene.parent_of(ref)
            edges = [ref] if parent is not None and shown(parent) else []
            edges += [c for c in scene.children_shown(ref) if c not in seen and shown(c)]
            for child in edges:
                edge = scene.edge(child)
                if edge is not None:
                    painter.setOpacity(fade if scene.faded(child) else 1.0)
                    paint_item(painter, edge)
        heat = scene.heat  # a revealed vote, as on the facilitator's map
        painter.setOpacity(1.0)
        for ref in (r for r in refs if r in heat):
            paint_heat(painter, scene.box(ref), heat[ref])
        for ref in refs:
            painter.setOpacity(fade if scene.faded(ref) else 1.0)
            paint_item(painter, scene.group(ref))
        self._paint_links(painter, refs, fade)
        painter.setOpacity(1.0)
        for item in scene.decorations():
            if self.show_decorations(getattr(item, "role", "")):
                paint_item(painter, item)
        self._paint_selection(painter, painter.worldTransform().m11())

    def _paint_links(self, painter: QPainter, refs: list[str], fade: float) -> None:
        """Links between shown nodes: routed where routing is done, else left out
        until it is (the audience sees a finished map, not plain curves)."""
        scene, shown = self._scene, self.shown
        doc = scene.doc
        routes = scene.routes()
        for ref in refs:
            for link in doc.links_of(ref):
                if link.concept == ref and shown(link.knowledge) and link.id in routes:
                    painter.setOpacity(fade if scene.link_faded(link.id) else 1.0)
                    for path in routes[link.id]:
                        paint_item(painter, path)

    def _paint_selection(self, painter: QPainter, zoom: float) -> None:
        pixel = 1.0 / max(zoom, 1e-6)
        painter.setOpacity(1.0)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(SELECTED, 6.0 * pixel))
        for ref in self._selection.ids:
            box = self._scene.box(ref) if self.shown(ref) else None
            if box is not None:
                grow = 7 * pixel
                painter.drawRoundedRect(
                    QRectF(box.x - grow, box.y - grow, box.w + 2 * grow, box.h + 2 * grow), 9, 9
                )


class AudienceView(QGraphicsView):
    """A read-only view of the audience's MapScene: no gestures, no keys, no editor."""

    def __init__(self, scene: MapScene, selection: Selection, parent: QWidget | None = None):
        super().__init__(parent)
        self.scene_model = scene
        self.selection = selection
        self.screen_info = ScreenInfo(1280, 720, 1.0)
        self.k_shown = True
        self.branch: str | None = None  # the branch drilled into (None: the whole map)
        self.focus_ref: str | None = None  # the node kept in view
        self.group: frozenset[str] = frozenset()  # nodes framed together (a round's concepts)
        # The overlays' rectangles over the viewport, in its pixels: the map is framed clear.
        self.covered: Callable[[], list[QRectF]] = list
        self._free: QRectF | None = None  # the free area at the last framing
        self._graphics = QGraphicsScene(self)
        self._graphics.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.item = AudienceItem(scene, selection, self.shown)
        self.item.show_decorations = self._decoration_shown
        self._graphics.addItem(self.item)
        self.setScene(self._graphics)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setInteractive(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setBackgroundBrush(QColor(scene.style.background))
        self._branch_nodes: frozenset[str] = frozenset()
        self._dirty = False
        self._router = QTimer(self)
        self._router.setInterval(0)
        self._router.timeout.connect(self._route_some)
        scene.changed.connect(self._scene_changed)
        selection.changed.connect(self._selection_changed)
        self.refresh()

    # -- what is shown ---------------------------------------------------------------

    def shown(self, ref: str) -> bool:
        if self.branch is not None:
            return ref in self._branch_nodes
        return self.k_shown or self.scene_model.doc.has_node("c", ref)

    def _decoration_shown(self, role: str) -> bool:
        # Drilled into a branch, the space headers and the legend are far away: left out.
        return self.branch is None

    def set_k_shown(self, shown: bool) -> None:
        self.k_shown = shown
        self.refresh()

    def set_branch(self, ref: str | None) -> None:
        """Show only the branch under `ref` (None: the whole map), then frame it."""
        self.branch = ref
        self.refresh()

    def _space(self, ref: str) -> str | None:
        doc = self.scene_model.doc
        return "c" if doc.has_node("c", ref) else "k" if doc.has_node("k", ref) else None

    def _collect_branch(self) -> None:
        """The nodes of the branch, with the knowledge linked to it while K-space shows."""
        ref, doc = self.branch, self.scene_model.doc
        space = self._space(ref) if ref is not None else None
        if ref is None or space is None:
            self.branch, self._branch_nodes = None, frozenset()
            return
        nodes = set(doc.walk(space, ref))
        if space == "c" and self.k_shown:
            nodes |= {link.knowledge for node in list(nodes) for link in doc.links_of(node)}
        self._branch_nodes = frozenset(nodes)

    # -- following -------------------------------------------------------------------

    def set_screen(self, screen: ScreenInfo) -> None:
        self.screen_info = screen
        self.reframe()

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def min_zoom(self) -> float:
        return min_text_pixels(self.screen_info) / self.scene_model.style.text_size

    def follow(self, ref: str | None) -> None:
        """Keep `ref` in view (the facilitator's selected or newest node); a node outside the
        framed group ends the group's framing."""
        self.focus_ref = ref
        if ref not in self.group:
            self.group = frozenset()
        self.reframe()

    def _selection_changed(self) -> None:
        current = self.selection.current
        if current is not None and self._space(current) is not None:
            self.follow(current)

    def _scene_changed(self) -> None:
        if not self._dirty:
            self._dirty = True
            QTimer.singleShot(0, self, self.refresh)

    def refresh(self) -> None:
        """Take the audience scene's current layout and frame it again."""
        self._dirty = False
        self._collect_branch()
        self.item.refresh()
        if self.scene_model.pending_links():
            self._router.start()
        self.reframe()

    def _route_some(self) -> None:
        if not self.scene_model.route_some(ROUTING_SLICE):
            self._router.stop()
        self.item.update()

    def region(self) -> QRectF:
        """What the view frames: the shown nodes' boxes, a margin around them."""
        scene = self.scene_model
        if self.branch is not None:
            boxes = [scene.box(r) for r in self._branch_nodes]
        else:
            boxes = [b for r, b in scene.boxes().items() if self.shown(r)]
        found = [b for b in boxes if b is not None]
        if not found:
            return QRectF()
        left = min(b.x for b in found)
        top = min(b.y for b in found)
        right = max(b.x + b.w for b in found)
        bottom = max(b.y + b.h for b in found)
        if self.branch is None:
            top = 0.0  # the space headers above
        return QRectF(left, top, right - left, bottom - top).adjusted(
            -MARGIN, -MARGIN, MARGIN, MARGIN
        )

    def free_area(self) -> QRectF:
        """The part of the viewport the map is framed into: clear of the overlays (timer,
        round, results), each cut off with the band that leaves the most room; the whole
        viewport when what is left would be too cramped to frame into."""
        view = QRectF(self.viewport().rect())
        free = free_rect(view, [r for r in self.covered() if r.intersects(view)])
        if free.width() < view.width() / 3 or free.height() < view.height() / 3:
            return view
        return free

    def frame(self, refs: list[str]) -> None:
        """Frame these nodes together (a round's concepts) while they fit at the least text
        size, until the facilitator selects a node outside them; else follow the focus."""
        self.group = frozenset(refs)
        self.reframe()

    def reframe(self) -> None:
        """Fit what is shown when it fits at a readable size, else follow the group or the
        focus, always inside the free area (no card under an overlay)."""
        region = self.region()
        if region.isEmpty():
            self.viewport().update()
            return
        view = QRectF(self.viewport().rect())
        free = self._free = self.free_area()
        before = self.mapToScene(self.viewport().rect().center())
        fit = min(free.width() / region.width(), free.height() / region.height())
        least = self.min_zoom()
        zoom = min(max(fit, least), least * LARGEST)
        self.setTransform(QTransform.fromScale(zoom, zoom))
        # Room to scroll past the map's edges: the free area may sit off the view's centre.
        pad_x, pad_y = view.width() / zoom, view.height() / zoom
        self.setSceneRect(region.adjusted(-pad_x, -pad_y, pad_x, pad_y))
        target = None if fit >= least else self._target(free, zoom)
        # Where the free area's top-left now is in drawing units (the view kept its centre).
        start_x = before.x() + (free.left() - view.width() / 2) / zoom
        start_y = before.y() + (free.top() - view.height() / 2) / zoom
        x = place_window(
            start_x,
            free.width() / zoom,
            region.left(),
            region.right(),
            None if target is None else (target.left(), target.right()),
        )
        y = place_window(start_y, free.height() / zoom, region.top(), region.bottom(),
                         None if target is None else (target.top(), target.bottom()))  # fmt: skip
        center_x = x + (view.width() / 2 - free.left()) / zoom
        self.centerOn(QPointF(center_x, y + (view.height() / 2 - free.top()) / zoom))
        self.viewport().update()

    def _target(self, free: QRectF, zoom: float) -> QRectF | None:
        """What must be in the free area: the group when it fits there, else the focus."""
        boxes = [self._shown_box(ref) for ref in self.group]
        found = [b for b in boxes if b is not None]
        if found:
            left, top = min(b.x for b in found), min(b.y for b in found)
            right, bottom = max(b.x + b.w for b in found), max(b.y + b.h for b in found)
            group = QRectF(left, top, right - left, bottom - top)
            if group.width() * zoom <= free.width() and group.height() * zoom <= free.height():
                return group
        box = self._focus_box()
        return QRectF(box.x, box.y, box.w, box.h) if box is not None else None

    def _shown_box(self, ref: str) -> Box | None:
        if self._space(ref) is None or not self.shown(ref):
            return None
        visible = self.scene_model.visible_ref(ref)
        return self.scene_model.box(visible) if visible is not None else None

    def _focus_box(self) -> Box | None:
        for ref in (self.focus_ref, self.branch, self.scene_model.doc.root):
            box = self._shown_box(ref) if ref is not None else None
            if box is not None:
                return box
        return None

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        """The bands kept for the overlays in the background colour: the map ends at a
        straight edge, as at the screen's, never under the timer's or the panels' text."""
        free, view = self._free, QRectF(self.viewport().rect())
        if free is None or free == view:
            return
        painter.save()
        painter.resetTransform()
        brush = self.backgroundBrush()
        painter.fillRect(QRectF(0, 0, view.width(), free.top()), brush)
        painter.fillRect(QRectF(0, free.bottom(), view.width(), view.bottom() - free.bottom()),
                         brush)  # fmt: skip
        painter.fillRect(QRectF(0, free.top(), free.left(), free.height()), brush)
        painter.fillRect(QRectF(free.right(), free.top(), view.right() - free.right(),
                                free.height()), brush)  # fmt: skip
        painter.setPen(QPen(BAND_EDGE, 2))  # the map's edge, drawn: the map goes on past it
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(free.adjusted(-1, -1, 1, 1))
        painter.restore()

    def visible_scene_rect(self) -> QRectF:
        """The part of the map on screen, in drawing units."""
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.reframe()

    # Read-only: nothing the mouse or wheel does reaches the map.
    def wheelEvent(self, event) -> None:
        event.ignore()

    def mousePressEvent(self, event) -> None:
        event.ignore()

    def mouseDoubleClickEvent(self, event) -> None:
        event.ignore()
