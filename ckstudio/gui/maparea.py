"""The middle of the window: the map canvas, with the find bar under it.

New and Open give the window a new canvas; this widget swaps it in place and
points the find bar at it, so the bar (and what was typed in it) stays.

While themes are highlighted, a small banner over the map's top-left corner
says which ones, with "Show all" to clear them: a faded map must never look
like a map whose concepts went missing.
"""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ckstudio.gui.canvas import MapCanvas
from ckstudio.gui.findbar import FindBar
from ckstudio.gui.mapscene import MapScene

BANNER_MARGIN = 8  # pixels between the banner and the map's corner


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
        self._layout.insertWidget(0, canvas, 1)
        canvas.installEventFilter(self)  # the banner follows the map's moves and resizes
        self.find_bar.attach(canvas)
        self.banner.follow(canvas.scene_model)
        self._place_banner()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._canvas and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._place_banner()
        return super().eventFilter(watched, event)

    def _place_banner(self) -> None:
        if self._canvas is not None:
            corner = self._canvas.geometry().topLeft()
            self.banner.move(corner.x() + BANNER_MARGIN, corner.y() + BANNER_MARGIN)
            self.banner.raise_()
