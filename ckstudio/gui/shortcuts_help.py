"""The keyboard help (F1): every action with its keys, read from the actions themselves."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def shortcuts_dialog(parent: QWidget, actions: Iterable[QAction]) -> QDialog:
    """A table of action / keys, so the help can never disagree with the keys."""
    rows = [
        (a.text().replace("&", ""), ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts()))
        for a in actions
        if a.shortcuts()
    ]  # fmt: skip
    dialog = QDialog(parent)
    dialog.setWindowTitle(dialog.tr("Keyboard shortcuts"))
    table = QTableWidget(len(rows), 2, dialog)
    table.setHorizontalHeaderLabels([dialog.tr("Action"), dialog.tr("Keys")])
    table.verticalHeader().setVisible(False)
    for row, (name, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(name))
        table.setItem(row, 1, QTableWidgetItem(keys))
    table.resizeColumnsToContents()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(560, 620)
    return dialog
