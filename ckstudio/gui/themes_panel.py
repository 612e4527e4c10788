"""The Themes dock: the session's themes, how many concepts each tags, and the map's focus.

A view of the Document, never a copy: it is filled again (once per burst of
changes) whenever the Document says something changed, undo and redo
included, and each gesture is one `RecordEditor` call, so one undo step. The
"Highlight" boxes are a view setting of the map (`MapScene.set_theme_focus`):
concepts without the ticked themes fade, strongly when "Fade strongly" is on.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QPoint, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

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


class ThemesPanel(QWidget):
    """List, add, rename, recolour, remove and highlight themes; tag the selection."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("themesPanel")
        self.workspace = workspace
        self.records = workspace.records
        self.doc = workspace.doc
        self.scene = workspace.scene
        self._themes: tuple[Theme, ...] | None = None  # what the rows were built from
        self._filling = False
        self._due = False
        self.table = self._build_table()
        self.strong = QCheckBox(self.tr("Fade strongly (filter)"))
        self.strong.setToolTip(self.tr("Concepts without the highlighted themes almost vanish"))
        self.strong.toggled.connect(self._focus_changed)
        buttons = QHBoxLayout()
        self.buttons = {
            "add": self._button(self.tr("Add"), self.add),
            "recolour": self._button(self.tr("Colour…"), self.recolour),
            "remove": self._button(self.tr("Remove"), self.remove),
        }
        for button in self.buttons.values():
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.strong)
        self.table.currentCellChanged.connect(self._enable)
        self.doc.subscribe(self._on_event)
        self.refresh()

    def detach(self) -> None:
        """Stop following the Document (the session is being replaced)."""
        self.doc.unsubscribe(self._on_event)

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, 4, self)
        table.setHorizontalHeaderLabels(
            [self.tr("Tag"), self.tr("Theme"), self.tr("Concepts"), self.tr("Highlight")]
        )
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        table.itemChanged.connect(self._item_changed)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        return table

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- filling ---------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if event.change in _COUNTED:  # not at every letter typed on a big map
            self._schedule()

    def _schedule(self) -> None:
        """Fill again once the burst of changes is over (a compound edit sends many)."""
        if not self._due:
            self._due = True
            QTimer.singleShot(0, self, self.refresh)

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
        finally:
            self._filling = False
        self._enable()

    def _rebuild(self, themes: tuple[Theme, ...]) -> None:
        current = self.current_theme()
        self._themes = themes
        self.table.setRowCount(len(themes))
        for row, theme in enumerate(themes):
            self.table.setCellWidget(row, TAG, self._tag_button(row, theme))
            name = QTableWidgetItem(swatch(theme.color), theme.name)
            name.setData(Qt.ItemDataRole.UserRole, theme.id)
            name.setToolTip(self.tr("Double-click to rename"))
            self.table.setItem(row, NAME, name)
            count = QTableWidgetItem()
            count.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, COUNT, count)
            highlight = QTableWidgetItem()
            highlight.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            highlight.setToolTip(self.tr("Fade the concepts without this theme on the map"))
            self.table.setItem(row, HIGHLIGHT, highlight)
        ids = [theme.id for theme in themes]
        if current in ids:
            self.table.selectRow(ids.index(current))

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
        chosen = self.current_theme() is not None
        self.buttons["recolour"].setEnabled(chosen)
        self.buttons["remove"].setEnabled(chosen)

    # -- reading ---------------------------------------------------------------------

    def row_of(self, theme: str) -> int:
        return [t.id for t in self.doc.themes].index(theme)

    def current_theme(self) -> str | None:
        """The theme of the row chosen in the list, if it still exists."""
        row = self.table.currentRow()
        item = self.table.item(row, NAME) if row >= 0 else None
        theme = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return theme if theme in self.doc.record_ids("themes") else None

    # -- gestures --------------------------------------------------------------------

    def _tag(self, theme: str, *_: object) -> None:
        self.records.toggle_tag(theme)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        """A name typed in the list, or a Highlight box ticked (not our own filling)."""
        if self._filling:
            return
        theme = self.table.item(item.row(), NAME).data(Qt.ItemDataRole.UserRole)
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
            self.table.item(row, NAME).data(Qt.ItemDataRole.UserRole)
            for row in range(self.table.rowCount())
            if self.table.item(row, HIGHLIGHT).checkState() == Qt.CheckState.Checked
        }
        self.scene.set_theme_focus(frozenset(ticked), self.strong.isChecked())

    def set_highlight(self, theme: str, on: bool) -> None:
        """Tick or untick a theme's Highlight box, as a click does."""
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.table.item(self.row_of(theme), HIGHLIGHT).setCheckState(state)

    def add(self) -> str | None:
        """A new theme, then its name open for typing in the list."""
        theme = self.records.add_theme()
        if theme is not None:
            self.refresh()
            row = self.row_of(theme)
            self.table.setCurrentCell(row, NAME)
            self.table.editItem(self.table.item(row, NAME))
        return theme

    def rename(self) -> None:
        theme = self.current_theme()
        if theme is not None:
            self.table.editItem(self.table.item(self.row_of(theme), NAME))

    def ask_color(self, initial: str) -> str | None:
        """The colour the user picks, or None if they cancel (tests replace this)."""
        color = QColorDialog.getColor(QColor(initial), self, self.tr("Theme colour"))
        return color.name().upper() if color.isValid() else None

    def recolour(self) -> bool:
        theme = self.current_theme()
        if theme is None:
            return False
        color = self.ask_color(self.doc.record("themes", theme).color)
        return color is not None and self.records.recolour_theme(theme, color)

    def remove(self) -> bool:
        theme = self.current_theme()
        return theme is not None and self.records.remove_theme(theme)

    def _context_menu(self, point: QPoint) -> None:
        row = self.table.rowAt(point.y())
        if row >= 0:
            self.table.selectRow(row)
        theme = self.current_theme()
        menu = QMenu(self)
        if theme is not None:
            menu.addAction(self.tr("Tag the selected concepts"), partial(self._tag, theme))
            menu.addAction(self.tr("Rename"), self.rename)
            menu.addAction(self.tr("Colour…"), self.recolour)
            menu.addAction(self.tr("Remove"), self.remove)
            menu.addSeparator()
        menu.addAction(self.tr("Add a theme"), self.add)
        menu.exec(self.table.viewport().mapToGlobal(point))
