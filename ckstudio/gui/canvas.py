"""The map canvas: a view of the scene with zoom, pan, keys, gestures and in-place typing.

Keys that only make sense on the map (Tab, Enter, F2, Delete, arrows, Space)
are actions bound to this widget (see `actions`), so they never fire while
the user types in the inspector. Typing a letter on a selected node opens
its editor with that letter, as in Freeplane and XMind.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsScene, QGraphicsView, QWidget

from ckstudio.gui import interactions
from ckstudio.gui.editing import MapEditor
from ckstudio.gui.inplace import MIN_WIDTH, NodeTextEditor
from ckstudio.gui.mapitem import MapItem, Marks
from ckstudio.gui.mapscene import MapScene
from ckstudio.gui.qtfonts import register_fonts

ZOOM_STEP = 1.2
MIN_ZOOM, MAX_ZOOM = 0.001, 6.0  # fitting 10,000 concepts in a window needs ~0.002
DEFAULT_ZOOM = 1.5  # 11-point map text at about 16 pixels: readable on a projector
FIT_MAX_ZOOM = 2.5  # a tiny map fitted to the window is not blown up beyond this
ROUTING_SLICE = 0.008  # seconds of link routing per turn of the event loop
PAN_STEP = 80  # pixels per Ctrl+arrow
REFUSED = QColor("#D1242F")
DROP = QColor("#1A7F37")  # green: where the node will go (blue is the selection)


class MapCanvas(QGraphicsView):
    """Shows a MapScene and turns keys and gestures into MapEditor verbs."""

    zoom_changed = Signal(float)

    def __init__(self, editor: MapEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.scene_model: MapScene = editor.scene
        self.selection = editor.selection
        self.marks = Marks()
        self._graphics = QGraphicsScene(self)
        self._graphics.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.map_item = MapItem(self.scene_model, self.selection, self.marks)
        self._graphics.addItem(self.map_item)
        self.setScene(self._graphics)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # Whole frames: a strip exposed by scrolling would miss the long edges and
        # links that cross it with both ends outside (a frame costs a few ms).
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self._interaction: interactions.Interaction | None = None
        self._dirty = False
        self._router = QTimer(self)
        self._router.setInterval(0)
        self._router.timeout.connect(self._route_some)
        self.text_editor = NodeTextEditor(self.viewport())
        self.text_editor.finished.connect(self._editing_finished)
        self._new_nodes: set[str] = set()
        self.scene_model.changed.connect(self._scene_changed)
        editor.stack.indexChanged.connect(self.refresh)
        editor.edit_requested.connect(self.start_editing)
        self.selection.changed.connect(self._selection_changed)
        self.refresh()
        self.reading_zoom = DEFAULT_ZOOM
        self.set_zoom(DEFAULT_ZOOM)

    # -- following the scene ---------------------------------------------------------

    def _scene_changed(self) -> None:
        if not self._dirty:
            self._dirty = True
            QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        """Lay the map out again if it changed, and show it (called after every command)."""
        self._dirty = False
        self.map_item.refresh()
        rect = self.map_item.boundingRect()
        margin = 200.0
        self.setSceneRect(rect.adjusted(-margin, -margin, margin, margin))
        if self.scene_model.pending_links():
            self._router.start()
        self._reposition_editor()
        if self.text_editor.is_open:
            self._show_editor()  # the node may have moved far (orientation switched)
        self.viewport().update()

    def _route_some(self) -> None:
        more = self.scene_model.route_some(ROUTING_SLICE)
        if not more:
            self._router.stop()
        self.map_item.update()

    def _selection_changed(self) -> None:
        self.map_item.update()
        current = self.selection.current
        if current is not None:
            self.ensure_shown(current)

    def ensure_shown(self, ref: str) -> None:
        box = self.scene_model.box(ref)
        if box is not None:
            self.ensureVisible(QRectF(box.x, box.y, box.w, box.h), 40, 40)

    # -- zoom and pan ----------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float) -> None:
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        self.setTransform(self.transform().fromScale(zoom, zoom))
        self._reposition_editor()
        self.zoom_changed.emit(zoom)

    def zoom_by(self, factor: float) -> None:
        self.set_zoom(self.zoom * factor)

    def zoom_in(self) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.zoom_by(ZOOM_STEP)
        self.setTransformationAnchor(anchor)

    def zoom_out(self) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.zoom_by(1 / ZOOM_STEP)
        self.setTransformationAnchor(anchor)

    def actual_size(self) -> None:
        """Back to the reading size: the map's text at the height the user chose."""
        self.set_zoom(self.reading_zoom)

    def set_text_pixels(self, pixels: float) -> None:
        """Choose the reading size by the height in pixels of the map's text."""
        self.reading_zoom = min(MAX_ZOOM, max(MIN_ZOOM, pixels / self.scene_model.style.text_size))

    def fit_all(self) -> None:
        self._fit(self.map_item.boundingRect())

    def fit_selection(self) -> None:
        rects = [self.scene_model.box(r) for r in self.selection.ids]
        boxes = [QRectF(b.x, b.y, b.w, b.h) for b in rects if b is not None]
        if not boxes:
            self.fit_all()
            return
        united = boxes[0]
        for box in boxes[1:]:
            united = united.united(box)
        self._fit(united.adjusted(-30, -30, 30, 30))

    def _fit(self, rect: QRectF) -> None:
        if rect.isEmpty():
            return
        view = self.viewport().rect()
        zoom = min(view.width() / rect.width(), view.height() / rect.height()) * 0.96
        self.set_zoom(min(zoom, FIT_MAX_ZOOM))
        self.centerOn(rect.center())

    def scroll_by(self, dx: int, dy: int) -> None:
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy)
        self._reposition_editor()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)
        self._reposition_editor()

    # -- keys ------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers()
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        pan = {Qt.Key.Key_Left: (-PAN_STEP, 0), Qt.Key.Key_Right: (PAN_STEP, 0),
               Qt.Key.Key_Up: (0, -PAN_STEP), Qt.Key.Key_Down: (0, PAN_STEP)}  # fmt: skip
        if control and event.key() in pan:
            self.scroll_by(*pan[event.key()])
            return
        if event.key() == Qt.Key.Key_Escape and self._interaction is not None:
            self._interaction.cancel()
            self._interaction = None
            return
        text = event.text()
        plain = not (
            modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        )
        if plain and text and text.isprintable() and not text.isspace():
            current = self.selection.current
            if current is not None and self.editor.space_of(current) is not None:
                self.start_editing(current, text)
                return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        return False  # Tab adds a child here; it does not move the focus

    # -- typing in a node ------------------------------------------------------------

    def start_editing(self, ref: str, initial: str = "") -> None:
        """Open the text box over the node: with its text (F2), or with `initial`
        (typing on a selected node replaces its text, as in Freeplane)."""
        if self.text_editor.is_open:
            self.text_editor.close_editor(True)
        space = self.editor.space_of(ref)
        if space is None:
            return
        self.refresh()
        self.ensure_shown(ref)
        if not self.editor.doc.node(space, ref).text and not initial:
            self._new_nodes.add(ref)
        text = initial or self.editor.doc.node(space, ref).text
        self._style_editor()
        self.marks.typing = ref
        self.text_editor.open(ref, text, select_all=not initial)
        self._reposition_editor()
        self._show_editor()

    def _show_editor(self) -> None:
        """Scroll so that the whole text box is in view (a new node near an edge)."""
        box = self.text_editor.geometry()
        area = self.viewport().rect().adjusted(20, 20, -20, -20)
        dx = max(0, box.right() - area.right()) or min(0, box.left() - area.left())
        dy = max(0, box.bottom() - area.bottom()) or min(0, box.top() - area.top())
        if dx or dy:
            self.scroll_by(dx, dy)

    def _style_editor(self) -> None:
        font = QFont(register_fonts())
        style = self.scene_model.style
        font.setPixelSize(max(12, round(style.text_size * self.zoom)))
        self.text_editor.setFont(font)

    def _reposition_editor(self) -> None:
        ref = self.text_editor.ref
        if ref is None:
            return
        box = self.scene_model.box(ref)
        if box is None:
            return
        top_left = self.mapFromScene(box.x, box.y)
        width = max(MIN_WIDTH, round(box.w * self.zoom))
        self.text_editor.setFixedWidth(width)
        self.text_editor.move(top_left)

    def _editing_finished(self, ref: str, text: str, accepted: bool, then: str) -> None:
        is_new = ref in self._new_nodes
        self._new_nodes.discard(ref)
        self.marks.typing = None
        if not self.text_editor.closed_by_focus:  # a click elsewhere keeps its focus
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        if accepted and text.strip():
            self.editor.set_text(ref, text)
            self.refresh()
            self.ensure_shown(ref)  # its final box, wider than the empty one
        elif is_new:
            self.editor.cancel_new(ref)  # Esc, or nothing typed: the new node leaves no trace
            return
        if then == "child" and self.editor.space_of(ref) is not None:
            self.selection.set([ref])
            self.editor.add_child()

    # -- mouse -----------------------------------------------------------------------

    def drag_distance(self) -> int:
        return QApplication.startDragDistance()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        point = self.mapToScene(event.position().toPoint())
        ref = self.scene_model.node_at(point.x(), point.y())
        modifiers = event.modifiers()
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
        button = event.button()
        if button == Qt.MouseButton.MiddleButton:
            self._interaction = interactions.Pan(self, event)
        elif button == Qt.MouseButton.RightButton:
            if ref is not None and ref not in self.selection:
                self.selection.set([ref])
            return  # the context menu follows
        elif ref is not None:
            self._press_on_node(event, ref, control, shift, alt)
        else:
            link = self.link_at(point.x(), point.y())
            if link is not None:
                self.selection.toggle(link) if control else self.selection.set([link])
            elif control or shift:
                self._interaction = interactions.RubberBand(self, event)
            else:
                self._interaction = interactions.Pan(self, event)

    def _press_on_node(self, event: QMouseEvent, ref: str, control: bool, shift: bool, alt: bool):
        if alt:
            self.selection.set([ref])
            self._interaction = interactions.DragLink(self, event, ref)
        elif control:
            self.selection.toggle(ref)
        elif shift:
            self.selection.add([ref])
        else:
            if ref not in self.selection:
                self.selection.set([ref])
            else:  # pressed again: it becomes the current one, the others stay
                self.selection.set([*[i for i in self.selection.ids if i != ref], ref])
            self._interaction = interactions.DragNodes(self, event, self.editor.selected_nodes())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._interaction is not None:
            self._interaction.move(event)
            return
        point = self.mapToScene(event.position().toPoint())
        hovered = self.scene_model.node_at(point.x(), point.y())
        if hovered != self.marks.hovered:
            self.marks.hovered = hovered
            self.map_item.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        interaction = self._interaction
        if interaction is not None and event.button() == interaction.button:
            self._interaction = None  # only the button that began the gesture ends it
            interaction.release(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        point = self.mapToScene(event.position().toPoint())
        ref = self.scene_model.node_at(point.x(), point.y())
        if ref is not None and event.button() == Qt.MouseButton.LeftButton:
            self._interaction = None
            self.selection.set([ref])
            self.start_editing(ref)
        elif ref is None and event.button() == Qt.MouseButton.LeftButton:
            self.fit_all()

    def leaveEvent(self, event) -> None:
        if self.marks.hovered is not None:
            self.marks.hovered = None
            self.map_item.update()
        super().leaveEvent(event)

    def link_at(self, x: float, y: float) -> str | None:
        """The routed link passing within a few pixels of the point, if any."""
        return self.map_item.link_at(x, y, 5.0 / max(self.zoom, 1e-6))

    # -- feedback over the map -------------------------------------------------------

    def clear_marks(self) -> None:
        hovered, typing = self.marks.hovered, self.marks.typing
        self.marks.__init__()
        self.marks.hovered, self.marks.typing = hovered, typing
        self.update_marks()

    def update_marks(self) -> None:
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        marks = self.marks
        pixel = 1.0 / max(self.zoom, 1e-6)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if marks.drop_box is not None:
            painter.setPen(QPen(DROP, 3 * pixel, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(marks.drop_box.adjusted(-5, -5, 5, 5), 8, 8)
        if marks.drop_line is not None:
            painter.setPen(QPen(DROP, 4 * pixel))
            painter.drawLine(marks.drop_line)
        if marks.refused is not None:
            painter.setPen(QPen(REFUSED, 3 * pixel))
            box = marks.refused.adjusted(-5, -5, 5, 5)
            painter.drawRoundedRect(box, 8, 8)
            painter.drawLine(box.topLeft(), box.bottomRight())
            painter.drawLine(box.topRight(), box.bottomLeft())
        if marks.link_line is not None:
            painter.setPen(QPen(DROP, 2 * pixel, Qt.PenStyle.DashLine))
            painter.drawLine(marks.link_line)
        if marks.link_target is not None:
            painter.setPen(QPen(DROP, 3 * pixel))
            painter.drawRoundedRect(marks.link_target.adjusted(-5, -5, 5, 5), 8, 8)
        if marks.rubber is not None:
            fill = QColor(DROP)
            fill.setAlpha(40)
            painter.setPen(QPen(DROP, pixel))
            painter.setBrush(fill)
            painter.drawRect(marks.rubber)
