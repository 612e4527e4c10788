"""The find bar (Ctrl+F): a field under the map that steps through the nodes holding a text.

As in a web browser: typing counts the hits at once, Enter and Shift+Enter
(or F3 and Shift+F3) select the next and the previous one, going round at the
ends, and Esc hands the keyboard back to the map. A hit hidden in a folded
branch is unfolded, which is a view change like Space, never an undo step;
a map zoomed out past its text (Fit map) is brought back to reading size
round the hit, so the room reads what was found.
The hits follow the session: an edit, an undo or another session opened
makes the bar search again, staying on the same node when it still matches.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QToolButton, QWidget

from ckstudio.gui.canvas import MapCanvas
from ckstudio.gui.mapitem import MIN_TEXT_PIXELS
from ckstudio.model.document import Document
from ckstudio.model.events import Event
from ckstudio.model.search import Finder, Hit

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
FIELD_WIDTH = 320  # pixels the field asks for; it shrinks in a narrow window
BUTTON_SIDE = 24  # pixels at least: ▲ ▼ ✕ are small targets otherwise


class _Field(QLineEdit):
    """The search field, wide enough for a sentence whatever the count beside it says."""

    def sizeHint(self) -> QSize:
        return QSize(FIELD_WIDTH, super().sizeHint().height())


class FindBar(QWidget):
    """Search field, "n / N" count, previous / next / close buttons, for one canvas at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.field = _Field()
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(self.tr("Find in concepts, knowledge and notes"))
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        # Fixed room for the count and all the rest to the note, so that stepping
        # ("9 / 12", "10 / 12", "No match") never moves the field or the buttons.
        self.count = QLabel()
        metrics = self.count.fontMetrics()
        longest = ("888 / 888", self.tr("No match"), self.tr("{n} matches").format(n=888))
        widest = max(metrics.horizontalAdvance(text) for text in longest)
        self.count.setMinimumWidth(widest + 8)
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel()
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.previous_button = self._button("▲", self.tr("Previous match (Shift+Enter)"))
        self.next_button = self._button("▼", self.tr("Next match (Enter)"))
        self.close_button = self._button("✕", self.tr("Close the find bar (Esc)"))
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(QLabel(self.tr("Find:")))
        layout.addWidget(self.field)
        for widget in (self.count, self.previous_button, self.next_button):
            layout.addWidget(widget)
        layout.addWidget(self.note, 1)  # the only part that stretches
        layout.addWidget(self.close_button)
        self._canvas: MapCanvas | None = None
        self._doc: Document | None = None
        self._finder: Finder | None = None
        self.hits: list[Hit] = []
        self.index: int | None = None  # the hit selected last, if any
        self._resume = 0  # where stepping goes on when that hit stopped matching
        self._again = QTimer(self)  # one new search after a burst of document events
        self._again.setSingleShot(True)
        self._again.setInterval(0)
        self._again.timeout.connect(self._search_again)
        self.field.textChanged.connect(self._search)
        self.hide()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setMinimumSize(BUTTON_SIDE, BUTTON_SIDE)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the keys
        return button

    # -- the session searched ----------------------------------------------------------

    def attach(self, canvas: MapCanvas) -> None:
        """Search this canvas's session from now on (New and Open make a new canvas):
        the old Document is let go, so no event can reach a closed session."""
        if self._doc is not None:
            self._doc.unsubscribe(self._on_event)
        self._canvas = canvas
        self._doc = canvas.editor.doc
        self._doc.subscribe(self._on_event)
        self._finder = Finder(self._doc)
        if self.isVisible():
            self._search()

    def _on_event(self, _event: Event) -> None:
        if self.isVisible():
            self._again.start()  # after the whole edit: a removal of 500 nodes is one search

    # -- opening and closing -----------------------------------------------------------

    def open_bar(self) -> None:
        """Ctrl+F: show the bar, its text selected, ready to type over."""
        was_hidden = self.isHidden()
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if was_hidden:
            self._search_again()  # the map may have changed while the bar was closed

    def close_bar(self) -> None:
        """Esc: hide the bar; the keys go back to the map."""
        self.hide()
        if self._canvas is not None:
            self._canvas.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in _ENTER:
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.find_previous() if shift else self.find_next()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    # -- searching ---------------------------------------------------------------------

    def _search(self) -> None:
        """The text changed: count afresh; stepping starts again from the first hit."""
        self.index, self._resume = None, 0
        self.hits = self._finder.find(self.field.text()) if self._finder is not None else []
        self._show_count()

    def _search_again(self) -> None:
        """The session changed: same query, and stay on the same node if it still matches."""
        if self._finder is None:
            return
        current = self.hits[self.index].id if self.index is not None else None
        before = self.index
        self.hits = self._finder.find(self.field.text())
        found = [i for i, hit in enumerate(self.hits) if hit.id == current]
        if found:
            self.index = found[0]
        elif before is not None:
            # It went (or no longer matches): the hit after it took its place.
            self.index, self._resume = None, min(before, len(self.hits))
        self._show_count()

    # -- stepping ------------------------------------------------------------------------

    def find_next(self) -> None:
        """Enter / F3: select the next hit, round to the first after the last."""
        self._step(1)

    def find_previous(self) -> None:
        """Shift+Enter / Shift+F3: select the previous hit, round to the last."""
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self.isHidden() or not self.field.text().strip():
            self.open_bar()  # F3 with the bar closed: shown again, on the query of before
            if not self.field.text().strip():
                return
        count = len(self.hits)
        if not count:
            self._show_count()
            return
        if self.index is None:
            wanted = self._resume if delta > 0 else self._resume - 1
        else:
            wanted = self.index + delta
        wrapped = self.index is not None and not 0 <= wanted < count
        self.index = wanted % count
        self._go_to(self.hits[self.index])
        self._show_count(wrapped=wrapped, forward=delta > 0)

    def _go_to(self, hit: Hit) -> None:
        """Select the hit and bring it into view, unfolding the branches that hide it."""
        if self._canvas is None:
            return
        canvas = self._canvas
        canvas.editor.show_node(hit.id)
        canvas.refresh()  # the unfolded branch takes room: lay out before scrolling
        if canvas.zoom * canvas.scene_model.style.text_size < MIN_TEXT_PIXELS:
            # Zoomed out past the text (Fit map): a selected box says nothing to the room.
            canvas.actual_size()
            box = canvas.scene_model.box(hit.id)
            if box is not None:
                canvas.centerOn(QRectF(box.x, box.y, box.w, box.h).center())
                return
        canvas.ensure_shown(hit.id)

    # -- telling -------------------------------------------------------------------------

    def _show_count(self, wrapped: bool = False, forward: bool = True) -> None:
        total = len(self.hits)
        if not self.field.text().strip():
            self.count.setText("")
        elif not total:
            self.count.setText(self.tr("No match"))
        elif self.index is None:
            self.count.setText(
                self.tr("1 match") if total == 1 else self.tr("{n} matches").format(n=total)
            )
        else:
            self.count.setText(self.tr("{i} / {n}").format(i=self.index + 1, n=total))
        notes = []
        if wrapped:
            notes.append(
                self.tr("Back to the first match") if forward else self.tr("Back to the last match")
            )
        if self.index is not None:
            notes += self._where(self.hits[self.index])
        self.note.setText(" · ".join(notes))
        self.note.setToolTip(self.note.text())  # in full, should a narrow bar cut it

    def _where(self, hit: Hit) -> list[str]:
        """Say where the text is when it is not in the node's own text (not on the map)."""
        if "text" in hit.fields:
            return []
        if "notes" in hit.fields:
            return [self.tr("found in its notes")]
        return [self.tr("found in its source")]
