"""Mouse gestures on the canvas, one small class each (as orange-canvas-core does).

The canvas starts an interaction on a press and hands it the moves and the
release; the interaction draws its feedback through the canvas's marks and
ends in one call of the editing verbs, so a whole drag is one undo step.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, QLineF, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

from ckstudio.gui.editing import MapEditor
from ckstudio.gui.mapitem import Marks
from ckstudio.gui.mapscene import MapScene
from ckstudio.gui.selection import Selection
from ckstudio.layout.tidy import Box


class GestureHost(Protocol):
    """What a gesture needs of the canvas (the canvas itself imports the gestures)."""

    editor: MapEditor
    scene_model: MapScene
    selection: Selection
    marks: Marks

    def mapToScene(self, point: QPoint) -> QPointF: ...

    def viewport(self) -> QWidget: ...

    def scroll_by(self, dx: int, dy: int) -> None: ...

    def drag_distance(self) -> int: ...

    def clear_marks(self) -> None: ...

    def update_marks(self) -> None: ...


EDGE_SHARE = 0.25  # the part of a box near each end that means "before" / "after"
EDGE = 30  # pixels from the view's edge where a drag scrolls the view
SCROLL_STEP = 24


class Interaction:
    """A gesture in progress: the canvas forwards moves and the release."""

    def __init__(self, canvas: GestureHost, event: QMouseEvent) -> None:
        self.canvas = canvas
        self.start = event.position().toPoint()
        self.start_scene = canvas.mapToScene(self.start)
        self.button = event.button()

    def move(self, event: QMouseEvent) -> None:
        """Follow the mouse (feedback only)."""

    def release(self, event: QMouseEvent) -> None:
        """Finish: at most one edit."""

    def cancel(self) -> None:
        """Esc: drop the feedback, change nothing."""
        self.canvas.clear_marks()


class Pan(Interaction):
    """Drag on empty space (or with the middle button): the map follows the hand."""

    def __init__(self, canvas: GestureHost, event: QMouseEvent) -> None:
        super().__init__(canvas, event)
        self._last = self.start
        self.moved = False
        canvas.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def move(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        delta = point - self._last
        self._last = point
        if (point - self.start).manhattanLength() > 3:
            self.moved = True
        self.canvas.scroll_by(-delta.x(), -delta.y())

    def release(self, event: QMouseEvent) -> None:
        self.canvas.viewport().unsetCursor()
        if not self.moved and event.button() == Qt.MouseButton.LeftButton:
            self.canvas.selection.set([])  # a plain click on empty space

    def cancel(self) -> None:
        self.canvas.viewport().unsetCursor()


class RubberBand(Interaction):
    """Shift- or Ctrl-drag on empty space: select the nodes wholly inside the rectangle."""

    def __init__(self, canvas: GestureHost, event: QMouseEvent) -> None:
        super().__init__(canvas, event)
        self._adding = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)

    def _rect(self, event: QMouseEvent) -> QRectF:
        return QRectF(self.start_scene, self.canvas.mapToScene(event.position().toPoint()))

    def move(self, event: QMouseEvent) -> None:
        self.canvas.marks.rubber = self._rect(event).normalized()
        self.canvas.update_marks()

    def release(self, event: QMouseEvent) -> None:
        rect = self._rect(event).normalized()
        self.canvas.clear_marks()
        scene = self.canvas.scene_model
        found = [
            ref
            for ref in scene.nodes_in(rect.left(), rect.top(), rect.right(), rect.bottom())
            if rect.contains(_qrect(scene.box(ref)))  # wholly inside, not just touched
        ]
        found.sort(key=lambda r: (scene.box(r).y, scene.box(r).x))
        if self._adding:
            self.canvas.selection.add(found)
        else:
            self.canvas.selection.set(found)


class DragNodes(Interaction):
    """Drag selected nodes onto a node (into it) or beside one (before / after it).

    Refused, with the target outlined in red and the reason in the status bar:
    a node into its own subtree, a concept into K-space or knowledge into
    C-space. Beside C0 means into C0 (it has no siblings).
    """

    def __init__(self, canvas: GestureHost, event: QMouseEvent, refs: list[str]) -> None:
        super().__init__(canvas, event)
        self.pressed = refs[-1] if refs else None
        editor = canvas.editor
        space = editor.space_of(refs[-1])
        self.refs = [r for r in refs if editor.space_of(r) == space and r != editor.doc.root]
        self.space = space
        self.dragging = False
        self.drop: tuple[str | None, int] | None = None
        self.reason = ""

    def move(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if not self.dragging:
            if (point - self.start).manhattanLength() < self.canvas.drag_distance():
                return
            self.dragging = bool(self.refs)
            if not self.dragging:
                return
        _scroll_near_edges(self.canvas, point)
        self._aim(self.canvas.mapToScene(point))
        self.canvas.update_marks()

    def _aim(self, point: QPointF) -> None:
        canvas, marks = self.canvas, self.canvas.marks
        marks.drop_box = marks.drop_line = marks.refused = None
        self.drop, self.reason = None, ""
        target = canvas.scene_model.node_at(point.x(), point.y())
        if target is None or target in self.refs:
            return
        box = canvas.scene_model.box(target)
        assert box is not None
        zone = _zone(box, point, canvas.scene_model.orientation)
        editor = canvas.editor
        doc = editor.doc
        target_space = editor.space_of(target)
        if target_space != self.space:
            self.reason = QCoreApplication.translate(
                "DragNodes", "A concept stays in C-space and knowledge in K-space."
            )
        elif any(r in doc.ancestors(self.space, target) for r in self.refs):
            self.reason = QCoreApplication.translate(
                "DragNodes", "A node cannot go inside its own branch."
            )
        if self.reason:
            marks.refused = _qrect(box)
            canvas.editor.message.emit(self.reason)
            return
        if target == doc.root or zone == "into":
            self.drop = (target, len(doc.children(self.space, target)))
            marks.drop_box = _qrect(box)
            return
        parent = doc.node(self.space, target).parent
        position = doc.position(self.space, target) + (1 if zone == "after" else 0)
        self.drop = (parent, position)
        marks.drop_line = _side_line(box, zone, canvas.scene_model.orientation)

    def release(self, event: QMouseEvent) -> None:
        self.canvas.clear_marks()
        if not self.dragging:
            if self.pressed is not None:  # a click, not a drag: that node alone
                self.canvas.selection.set([self.pressed])
            return
        if self.drop is not None:
            parent, position = self.drop
            self.canvas.editor.move(self.refs, parent, position)
        elif self.reason:
            self.canvas.editor.message.emit(self.reason)


class DragLink(Interaction):
    """Alt-drag from a node to one in the other space: a link (C→K from a concept,
    K→C from a knowledge item)."""

    def __init__(self, canvas: GestureHost, event: QMouseEvent, source: str) -> None:
        super().__init__(canvas, event)
        self.source = source
        self.target: str | None = None

    def move(self, event: QMouseEvent) -> None:
        canvas = self.canvas
        point = canvas.mapToScene(event.position().toPoint())
        box = canvas.scene_model.box(self.source)
        if box is None:
            return
        origin = QPointF(box.x + box.w / 2, box.y + box.h / 2)
        canvas.marks.link_line = QLineF(origin, point)
        target = canvas.scene_model.node_at(point.x(), point.y())
        editor = canvas.editor
        other = editor.space_of(target) not in (None, editor.space_of(self.source))
        self.target = target if other else None
        target_box = canvas.scene_model.box(target) if self.target else None
        canvas.marks.link_target = _qrect(target_box) if target_box else None
        canvas.update_marks()

    def release(self, event: QMouseEvent) -> None:
        self.canvas.clear_marks()
        if self.target is None:
            return
        editor = self.canvas.editor
        if editor.space_of(self.source) == "c":
            editor.link(self.source, self.target, "c_to_k")
        else:
            editor.link(self.target, self.source, "k_to_c")


def _scroll_near_edges(canvas: GestureHost, point: QPoint) -> None:
    """Dragging close to an edge of the view moves the view, to reach a node out of sight."""
    area = canvas.viewport().rect()
    dx = -SCROLL_STEP if point.x() < EDGE else SCROLL_STEP if point.x() > area.width() - EDGE else 0
    dy = (
        -SCROLL_STEP if point.y() < EDGE else SCROLL_STEP if point.y() > area.height() - EDGE else 0
    )
    if dx or dy:
        canvas.scroll_by(dx, dy)


def _zone(box: Box, point: QPointF, orientation: str) -> str:
    """ "before", "into" or "after": where in the box the pointer is, along the siblings."""
    if orientation == "down":
        share = (point.x() - box.x) / box.w if box.w else 0.5
    else:
        share = (point.y() - box.y) / box.h if box.h else 0.5
    if share < EDGE_SHARE:
        return "before"
    if share > 1 - EDGE_SHARE:
        return "after"
    return "into"


def _side_line(box: Box, zone: str, orientation: str) -> QLineF:
    """The drop indicator: a bar on the side of the box where the node will go."""
    gap = 6.0
    if orientation == "down":
        x = box.x - gap if zone == "before" else box.x + box.w + gap
        return QLineF(x, box.y - 4, x, box.y + box.h + 4)
    y = box.y - gap if zone == "before" else box.y + box.h + gap
    return QLineF(box.x - 4, y, box.x + box.w + 4, y)


def _qrect(box: Box) -> QRectF:
    return QRectF(box.x, box.y, box.w, box.h)
