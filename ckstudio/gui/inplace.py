"""The text box that opens over a node to type its text, as in a mind-map tool.

Enter commits, Shift+Enter starts a new line, Esc cancels, Tab commits and
asks for a child (so "Tab, type, Tab, type" builds a chain as fast as one
types); leaving the box (a click elsewhere) commits, so nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QWidget

MIN_WIDTH = 220  # pixels: room to type a few words even on a narrow new node


class NodeTextEditor(QPlainTextEdit):
    """A one-node editor; emits `finished(ref, text, accepted, then)` once."""

    finished = Signal(str, str, bool, str)  # ref, text, committed?, "child" / "sibling" / ""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.Box)
        # The selection's blue, on the box itself (the node's own frame is hidden meanwhile).
        self.setStyleSheet(
            "#nodeTextEditor { border: 3px solid #1F6FEB; border-radius: 4px;"
            " background: #FFFFFF; color: #1A1A1A; }"
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(False)
        self.setObjectName("nodeTextEditor")
        self.ref: str | None = None
        self.closed_by_focus = False  # the last close came from a click elsewhere, not a key
        self.document().contentsChanged.connect(self._fit_height)
        self.hide()

    def open(self, ref: str, text: str, select_all: bool) -> None:
        self.ref = ref
        self.setPlainText(text)
        if select_all:
            self.selectAll()
        else:
            self.moveCursor(self.textCursor().MoveOperation.End)
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self._fit_height()

    @property
    def is_open(self) -> bool:
        return self.ref is not None

    def close_editor(self, accepted: bool, then: str = "", by_focus: bool = False) -> None:
        """Finish once: hide, then report (the report may open the next editor)."""
        ref = self.ref
        if ref is None:
            return
        self.ref = None
        self.closed_by_focus = by_focus
        text = self.text()
        self.hide()
        self.finished.emit(ref, text, accepted, then)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not shift:
            self.close_editor(True)
        elif key == Qt.Key.Key_Escape:
            self.close_editor(False)
        elif key == Qt.Key.Key_Tab:
            self.close_editor(True, "child")
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # A context menu or another window (to copy a phrase) leaves the box open.
        staying = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason)
        if event.reason() not in staying:
            self.close_editor(True, by_focus=True)

    def event(self, event: QEvent) -> bool:
        """While typing, keys are text: no map shortcut (Insert, F2, Delete, Space...)
        may act behind the box. Keys with Ctrl still reach the window's actions,
        which finish the typing first."""
        override = event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
        if override and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.accept()
            return True
        return super().event(event)

    def text(self) -> str:
        """The text as typed: toPlainText() would turn no-break spaces (French
        typography: « respire ») into plain ones."""
        return self.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")

    def _fit_height(self) -> None:
        lines = max(1, self.document().size().height())
        metrics = self.fontMetrics()
        height = int(lines * metrics.lineSpacing() + 2 * self.document().documentMargin() + 6)
        self.setFixedHeight(max(height, metrics.lineSpacing() + 12))
