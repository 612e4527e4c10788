"""The keyboard help (F1): every action with its keys, read from the actions themselves,
then what no action holds (typing, the text box, the mouse)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

NATIVE = QKeySequence.SequenceFormat.NativeText


def gestures(widget: QWidget) -> list[tuple[str, str]]:
    """What works without an action of its own (kept in step with docs/editor.md)."""
    tr = widget.tr
    return [
        (tr("Type on a selected node"), tr("letters replace its text")),
        (tr("While typing: Enter / Esc"), tr("keep the text / put the old one back")),
        (tr("While typing: Shift+Enter"), tr("a new line")),
        (tr("While typing: Tab"), tr("keep the text and add a child")),
        (tr("Ctrl+arrows"), tr("move the view")),
        (tr("Ctrl+wheel"), tr("zoom")),
        (tr("Click / Ctrl+click / Shift+drag"), tr("select / add or remove / select a rectangle")),
        (tr("Drag a node onto a node"), tr("move it under that node (edges: before / after)")),
        (tr("Alt+drag to the other space"), tr("link the two nodes")),
        (tr("Drag on empty space"), tr("move the view")),
    ]


def shortcuts_dialog(parent: QWidget, actions: Iterable[QAction]) -> QDialog:
    """A read-only table of action / keys, so the help can never disagree with the keys."""
    dialog = QDialog(parent)
    rows = [
        (a.text().replace("&", ""), ", ".join(k.toString(NATIVE) for k in a.shortcuts()))
        for a in actions
        if a.shortcuts()
    ]
    rows += gestures(dialog)
    dialog.setWindowTitle(dialog.tr("Keyboard shortcuts"))
    table = QTableWidget(len(rows), 2, dialog)
    table.setHorizontalHeaderLabels([dialog.tr("Action"), dialog.tr("Keys")])
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    for row, (name, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(name))
        table.setItem(row, 1, QTableWidgetItem(keys))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(640, 760)
    return dialog
