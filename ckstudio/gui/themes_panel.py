"""The Themes dock: the session's themes, how many concepts each tags, and the map's focus.

A `RecordPanel`: a view of the Document, each gesture one undo step. The
"Highlight" boxes are a view setting of the map (`MapScene.set_theme_focus`):
concepts without the ticked themes fade, almost out of sight when "Almost hide
the others" is on. "Clear highlights" (or "Show all" over the map) undoes it.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QPoint, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QCheckBox,
    QColorDialog,
    QHBoxLayout,
    QMenu,
    QSizePolicy,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ckstudio.gui.record_panel import RecordPanel
from ckstudio.gui.records import theme_counts
from ckstudio.gui.workspace import Workspace
from ckstudio.model.events import Change, Event
from ckstudio.model.session import Theme

KEYED = 9  # themes 1-9 have a key on the map
SWATCH = 14  # pixels
TAG, NAME, COUNT, HIGHLIGHT = range(4)  # columns
_COUNTED = {Change.THEME_ADDED, Change.THEME_REMOVED, Change.THEME_CHANGED, Change.TAGS_CHANGED,
            Change.NODE_ADDED, Change.NODE_REMOVED}  # fmt: skip


def swatch(color: str) -> QIcon:
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class ThemesPanel(RecordPanel):
    """List, add, rename, recolour, remove and highlight themes; tag the selection."""

    section = "themes"
    name_column = NAME

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setObjectName("themesPanel")
        self.scene = workspace.scene
        self._themes: tuple[Theme, ...] | None = None  # what the rows were built from
        # The Tag column's buttons say "Tag 1": no header word above them.
        self.table = self._table(
            ["", self.tr("Theme"), self.tr("Concepts"), self.tr("Highlight")], (NAME,)
        )
        self.table.horizontalHeaderItem(TAG).setToolTip(
            self.tr("Tag the selected concepts (keys 1 to 9 on the map)")
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        # As tall as its rows and no taller: the room left goes under the buttons.
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.strong = QCheckBox(self.tr("Almost hide the others"))
        self.strong.setToolTip(
            self.tr("Concepts without the highlighted themes almost vanish (a filter)")
        )
        self.strong.toggled.connect(self._focus_changed)
        self.clear_button = self._button(self.tr("Clear highlights"), self.clear_highlights)
        self.clear_button.setObjectName("clearHighlights")
        self.clear_button.setToolTip(self.tr("Show every concept again, none faded"))
        buttons = QHBoxLayout()
        self.buttons = {
            "add": self._button(self.tr("Add"), self.add),
            "recolour": self._button(self.tr("Colour…"), self.recolour),
            "remove": self._button(self.tr("Remove"), self.remove),
        }
        for button in self.buttons.values():
            buttons.addWidget(button)
        highlight = QHBoxLayout()
        highlight.addWidget(self.strong, 1)
        highlight.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addLayout(highlight)
        layout.addStretch(1)
        self._shown_focus: tuple[frozenset[str], bool] | None = None  # what the boxes show
        self.doc.subscribe(self._on_event)
        self.scene.changed.connect(self._scene_changed)
        self.refresh()

    def detach(self) -> None:
        """Stop following the Document and the map (the session is being replaced)."""
        self.doc.unsubscribe(self._on_event)
        self.scene.changed.disconnect(self._scene_changed)

    # -- filling ---------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if event.change in _COUNTED:  # not at every letter typed on a big map
            self._schedule()

    def _scene_changed(self) -> None:
        """The focus changed elsewhere ("Show all" over the map): tick the boxes again."""
        if (self.scene.theme_focus, self.scene.strong_fade) != self._shown_focus:
            self._schedule()

    def refresh(self) -> None:
        """Rows from the Document's themes; counts and highlights from the model and map."""
        self._due = False
        themes = self.doc.themes
        counts = theme_counts(self.doc)
        focus = self.scene.theme_focus
        self._filling = True
        try:
            if themes != self._themes:
                self._rebuild(themes)
            for row, theme in enumerate(themes):
                self.table.item(row, COUNT).setText(str(counts[theme.id]))
                checked = Qt.CheckState.Checked if theme.id in focus else Qt.CheckState.Unchecked
                self.table.item(row, HIGHLIGHT).setCheckState(checked)
            with QSignalBlocker(self.strong):
                self.strong.setChecked(self.scene.strong_fade)
            self._shown_focus = (focus, self.scene.strong_fade)
        finally:
            self._filling = False
        self._enable()

    def _rebuild(self, themes: tuple[Theme, ...]) -> None:
        current = self.current_id()
        self._themes = themes
        self.table.setRowCount(len(themes))
        for row, theme in enumerate(themes):
            self.table.setCellWidget(row, TAG, self._tag_button(row, theme))
            name = self._name_item(theme.name, theme.id)
            name.setIcon(swatch(theme.color))
            name.setToolTip(self.tr("Double-click to rename"))
            self.table.setItem(row, NAME, name)
            self.table.setItem(row, COUNT, self._count_item())
            highlight = QTableWidgetItem()
            highlight.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            highlight.setToolTip(self.tr("Fade the concepts without this theme on the map"))
            self.table.setItem(row, HIGHLIGHT, highlight)
        self._reselect(current)

    def _tag_button(self, row: int, theme: Theme) -> QToolButton:
        button = QToolButton(self.table)
        key = str(row + 1) if row < KEYED else ""
        button.setText(self.tr("Tag {key}").format(key=key).strip())
        button.setObjectName(f"tag:{theme.id}")
        tip = self.tr("Tag the selected concepts with {theme}").format(theme=theme.name)
        button.setToolTip(tip + (f" ({key})" if key else ""))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the map keeps the keyboard
        button.clicked.connect(partial(self._tag, theme.id))
        return button

    def _enable(self, *_: object) -> None:
        chosen = self.current_id() is not None
        self.buttons["recolour"].setEnabled(chosen)
        self.buttons["remove"].setEnabled(chosen)
        self.clear_button.setEnabled(bool(self.scene.theme_focus))

    # -- gestures --------------------------------------------------------------------

    def _tag(self, theme: str, *_: object) -> None:
        self.workspace.rounds.tag(theme)  # in a tagging round, moves on as the keys do

    def _item_changed(self, item: QTableWidgetItem) -> None:
        """A name typed in the list, or a Highlight box ticked (not our own filling)."""
        if self._filling:
            return
        theme = self.id_at(item.row())
        if item.column() == NAME:
            if not self.records.rename_theme(theme, item.text()):
                self.refresh_names()
        elif item.column() == HIGHLIGHT:
            self._focus_changed()

    def refresh_names(self) -> None:
        """Put the model's names back in the list (a rename was refused or changed nothing)."""
        self._filling = True
        try:
            for row, theme in enumerate(self.doc.themes):
                self.table.item(row, NAME).setText(theme.name)
        finally:
            self._filling = False

    def _focus_changed(self, *_: object) -> None:
        if self._filling:
            return
        ticked = {
            self.id_at(row)
            for row in range(self.table.rowCount())
            if self.table.item(row, HIGHLIGHT).checkState() == Qt.CheckState.Checked
        }
        self.scene.set_theme_focus(frozenset(ticked), self.strong.isChecked())
        self._shown_focus = (self.scene.theme_focus, self.scene.strong_fade)
        self._enable()

    def clear_highlights(self) -> None:
        """No theme highlighted: every concept shown plainly again."""
        self.scene.set_theme_focus(frozenset(), self.strong.isChecked())
        self.refresh()

    def set_highlight(self, theme: str, on: bool) -> None:
        """Tick or untick a theme's Highlight box, as a click does."""
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.table.item(self.row_of(theme), HIGHLIGHT).setCheckState(state)

    def add(self) -> str | None:
        """A new theme, then its name open for typing in the list."""
        return self._edit_name(self.records.add_theme())

    def rename(self) -> None:
        theme = self.current_id()
        if theme is not None:
            self.table.editItem(self.table.item(self.row_of(theme), NAME))

    def ask_color(self, initial: str) -> str | None:
        """The colour the user picks, or None if they cancel (tests replace this)."""
        color = QColorDialog.getColor(QColor(initial), self, self.tr("Theme colour"))
        return color.name().upper() if color.isValid() else None

    def recolour(self) -> bool:
        theme = self.current_id()
        if theme is None:
            return False
        color = self.ask_color(self.doc.record("themes", theme).color)
        return color is not None and self.records.recolour_theme(theme, color)

    def remove(self) -> bool:
        theme = self.current_id()
        return theme is not None and self.records.remove_theme(theme)

    def _context_menu(self, point: QPoint) -> None:
        row = self.table.rowAt(point.y())
        if row >= 0:
            self.table.selectRow(row)
        theme = self.current_id()
        menu = QMenu(self)
        if theme is not None:
            menu.addAction(self.tr("Tag the selected concepts"), partial(self._tag, theme))
            menu.addAction(self.tr("Rename"), self.rename)
            menu.addAction(self.tr("Colour…"), self.recolour)
            menu.addAction(self.tr("Remove"), self.remove)
            menu.addSeparator()
        menu.addAction(self.tr("Add a theme"), self.add)
        menu.exec(self.table.viewport().mapToGlobal(point))
