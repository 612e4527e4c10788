"""What the Themes and Participants docks share: a table of one section's records.

Both are views of the Document, never copies: filled again once per burst of
changes (a compound edit sends many events; undo and redo included), with
their own echo blocked while they fill, and each gesture one `RecordEditor`
call, so one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ckstudio.gui.workspace import Workspace
from ckstudio.model.document import Section


class RecordPanel(QWidget):
    """A table whose rows are the records of `section`, the record id kept on the name."""

    section: Section
    name_column: int
    table: QTableWidget  # made by the subclass with `_table`, which also connects
    # its `_item_changed` (a cell typed in) and `_enable` (buttons for the chosen row)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.records = workspace.records
        self.doc = workspace.doc
        self._filling = False  # our own filling: not a user's edit
        self._due = False  # a refill is scheduled

    def _schedule(self, *_: object) -> None:
        """Fill again once the burst of changes is over."""
        if not self._due:
            self._due = True
            QTimer.singleShot(0, self, self.refresh)

    def _table(self, labels: list[str], stretched: tuple[int, ...]) -> QTableWidget:
        """Whole rows chosen one at a time, names edited by double-click or F2."""
        table = QTableWidget(0, len(labels), self)
        table.setHorizontalHeaderLabels(labels)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)  # a chosen row would bold (and clip) every header
        for column in stretched:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.itemChanged.connect(self._item_changed)
        table.currentCellChanged.connect(self._enable)
        return table

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    @staticmethod
    def _count_item() -> QTableWidgetItem:
        """A read-only number, right-aligned."""
        count = QTableWidgetItem()
        count.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return count

    def _name_item(self, text: str, id_: str) -> QTableWidgetItem:
        name = QTableWidgetItem(text)
        name.setData(Qt.ItemDataRole.UserRole, id_)
        return name

    def id_at(self, row: int) -> str:
        return self.table.item(row, self.name_column).data(Qt.ItemDataRole.UserRole)

    def row_of(self, id_: str) -> int:
        return [record.id for record in self.doc.records(self.section)].index(id_)

    def current_id(self) -> str | None:
        """The record of the row chosen in the table, if it still exists."""
        row = self.table.currentRow()
        id_ = self.id_at(row) if 0 <= row < self.table.rowCount() else None
        return id_ if id_ in self.doc.record_ids(self.section) else None

    def _reselect(self, id_: str | None) -> None:
        """Choose again, after the rows were rebuilt, the record that was chosen."""
        if id_ in self.doc.record_ids(self.section):
            self.table.selectRow(self.row_of(id_))

    def _edit_name(self, id_: str | None) -> str | None:
        """Show a record just added with its name open for typing."""
        if id_ is not None:
            self.refresh()
            row = self.row_of(id_)
            self.table.setCurrentCell(row, self.name_column)
            self.table.editItem(self.table.item(row, self.name_column))
        return id_
