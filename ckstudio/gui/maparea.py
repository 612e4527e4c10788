"""The middle of the window: the map canvas, with the find bar under it.

New and Open give the window a new canvas; this widget swaps it in place and
points the find bar at it, so the bar (and what was typed in it) stays.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ckstudio.gui.canvas import MapCanvas
from ckstudio.gui.findbar import FindBar


class MapArea(QWidget):
    """The canvas of the open session above the find bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.find_bar = FindBar()
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
        self._canvas = canvas
        self._layout.insertWidget(0, canvas, 1)
        self.find_bar.attach(canvas)
