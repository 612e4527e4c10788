"""The middle of the window: the map canvas, with the find bar under it.

New and Open give the window a new canvas; this widget swaps it in place and
points the find bar at it, so the bar (and what was typed in it) stays.

A map opens with all of it in view when its text stays readable so (`first_view`),
else with C0 and the top of the K-space: the two spaces side by side from the start.

While themes are highlighted, a small banner over the map's top-left corner
says which ones, with "Show all" to clear them: a faded map must never look
like a map whose concepts went missing.
"""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ckstudio.gui.canvas import MapCanvas
from ckstudio.gui.findbar import FindBar
from ckstudio.gui.mapscene import MapScene

BANNER_MARGIN = 8  # pixels between the banner and the map's corner
READABLE_PIXELS = 7.0  # text this high reads as a whole-map view (the report's floor, 7 pt)
LEAST_PIXELS = 5.0  # the first view never shrinks text below this (boxes without words)
FIRST_MARGIN = 30.0  # map units round what the first view shows


def first_view(canvas: MapCanvas) -> None:
    """The view a map opens with: the whole map when its text is at least READABLE_PIXELS
    high so (never larger than the reading size), else C0 and the top K root together
    (C0 first if even that does not fit with text of LEAST_PIXELS)."""
    view = canvas.viewport().rect()
    whole = canvas.map_item.boundingRect()
    scene = canvas.scene_model
    c0 = scene.box(scene.doc.root)
    if view.isEmpty() or whole.isEmpty() or c0 is None:
        return
    text = scene.style.text_size

    def fitting(rect: QRectF) -> float:
        """The zoom that shows `rect` whole, a little room left round it."""
        return min(view.width() / rect.width(), view.height() / rect.height()) * 0.96

    if fitting(whole) * text >= READABLE_PIXELS:
        canvas.set_zoom(min(fitting(whole), canvas.reading_zoom))
        canvas.centerOn(whole.center())
        return
    target = QRectF(c0.x, c0.y, c0.w, c0.h)
    k_roots = [b for b in map(scene.box, scene.doc.children("k", None)) if b is not None]
    if k_roots:
        top = min(k_roots, key=lambda b: (b.y, b.x))
        target = target.united(QRectF(top.x, top.y, top.w, top.h))
    target.adjust(-FIRST_MARGIN, -FIRST_MARGIN, FIRST_MARGIN, FIRST_MARGIN)
    zoom = min(fitting(target), canvas.reading_zoom)
    canvas.set_zoom(max(zoom, LEAST_PIXELS / text))
    canvas.centerOn(target.center())
    if zoom * text < LEAST_PIXELS:  # too far apart: C0 at least, the K-space beside it
        canvas.ensure_shown(scene.doc.root)


class FocusBanner(QFrame):
    """ "Highlighted: Structure, Flux [Show all]" over the map while a theme focus is on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("focusBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.label = QLabel()
        self.label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("showAllThemes")
        self.clear_button.setText(self.tr("Show all"))
        self.clear_button.setToolTip(self.tr("Clear the highlights: every concept shown again"))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the map keeps the keys
        self.clear_button.clicked.connect(self._clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 2, 2)
        layout.addWidget(self.label)
        layout.addWidget(self.clear_button)
        self._scene: MapScene | None = None
        self.hide()

    def follow(self, scene: MapScene) -> None:
        """Say the focus of this scene from now on (a new session has a new scene)."""
        if self._scene is not None:
            with suppress(RuntimeError):  # the old session's scene may be gone already
                self._scene.changed.disconnect(self.refresh)
        self._scene = scene
        scene.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        scene = self._scene
        focus = scene.theme_focus if scene is not None else frozenset()
        if not focus:
            self.hide()
            return
        assert scene is not None
        names = [theme.name for theme in scene.doc.themes if theme.id in focus]
        text = self.tr("Highlighted: {themes}").format(themes=", ".join(names))
        if scene.strong_fade:
            text += self.tr(" (the others almost hidden)")
        if text != self.label.text():
            self.label.setText(text)
            self.label.setToolTip(text)
        self.adjustSize()
        self.show()
        self.raise_()

    def _clear(self) -> None:
        if self._scene is not None:
            self._scene.set_theme_focus(frozenset(), self._scene.strong_fade)


class MapArea(QWidget):
    """The canvas of the open session above the find bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.find_bar = FindBar()
        self.banner = FocusBanner(self)
        self._canvas: MapCanvas | None = None
        self._first_view_due = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.find_bar)

    def show_canvas(self, canvas: MapCanvas) -> None:
        """Put this canvas in place of the previous one (which its owner deletes)."""
        if self._canvas is not None:
            self._layout.removeWidget(self._canvas)
            self._canvas.hide()
            self._canvas.removeEventFilter(self)
        self._canvas = canvas
        self._first_view_due = True
        self._layout.insertWidget(0, canvas, 1)
        canvas.installEventFilter(self)  # the banner follows the map's moves and resizes
        self.find_bar.attach(canvas)
        self.banner.follow(canvas.scene_model)
        self._place_banner()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._canvas and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._place_banner()
        # At its first showing the canvas has its size (not before: laid out on show).
        if watched is self._canvas and event.type() == QEvent.Type.Show and self._first_view_due:
            self._first_view_due = False
            first_view(self._canvas)
        return super().eventFilter(watched, event)

    def _place_banner(self) -> None:
        if self._canvas is not None:
            corner = self._canvas.geometry().topLeft()
            self.banner.move(corner.x() + BANNER_MARGIN, corner.y() + BANNER_MARGIN)
            self.banner.raise_()
