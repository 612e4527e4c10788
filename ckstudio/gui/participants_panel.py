"""The Participants dock: the roster, who is speaking now, and what each person brought.

Like the Themes dock it is a view of the Document, filled again once per
burst of changes (undo and redo included); each edit of a cell is one
`RecordEditor` call, so one undo step. "Contributions" counts the concepts a
person wrote, the tags they made and the vote dots they gave.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ckstudio.gui.records import contributions
from ckstudio.gui.workspace import Workspace
from ckstudio.model.events import Change, Event
from ckstudio.model.session import ROLES, Participant

NAME, ORGANISATION, ROLE, CONTRIBUTIONS = range(4)  # columns
FIELDS = {NAME: "name", ORGANISATION: "organisation"}
_ROSTER = {Change.PARTICIPANT_ADDED, Change.PARTICIPANT_REMOVED, Change.PARTICIPANT_CHANGED}
_COUNTED = _ROSTER | {Change.TAGS_CHANGED, Change.VOTES_CHANGED, Change.NODE_ADDED,
                      Change.NODE_REMOVED}  # fmt: skip


def role_names(widget: QWidget) -> dict[str, str]:
    tr = widget.tr
    return {"facilitator": tr("Facilitator"), "company": tr("Company"),
            "public_body": tr("Public body"), "research": tr("Research"),
            "other": tr("Other")}  # fmt: skip


class SpeakerChooser(QComboBox):
    """Who is speaking: "(nobody)" and every participant; follows the workspace's speaker."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakerChooser")
        self.setToolTip(self.tr("Who is speaking: new concepts, tags and votes are theirs (F6)"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.doc = workspace.doc
        self.speaker = workspace.speaker
        self._due = False
        self.activated.connect(self._chosen)
        self.speaker.changed.connect(self.refresh)
        self.doc.subscribe(self._on_event)
        self.refresh()

    def detach(self) -> None:
        self.doc.unsubscribe(self._on_event)
        self.speaker.changed.disconnect(self.refresh)

    def _on_event(self, event: Event) -> None:
        if event.change in _ROSTER and not self._due:
            self._due = True
            QTimer.singleShot(0, self, self.refresh)

    def refresh(self, *_: object) -> None:
        self._due = False
        with QSignalBlocker(self):
            self.clear()
            self.addItem(self.tr("(nobody)"), None)
            for participant in self.doc.participants:
                self.addItem(participant.name, participant.id)
            self.setCurrentIndex(max(0, self.findData(self.speaker.id)))

    def _chosen(self, index: int) -> None:
        self.speaker.set(self.itemData(index))


class ParticipantsPanel(QWidget):
    """The roster (name, organisation, role, contributions) and the speaker chooser."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("participantsPanel")
        self.records = workspace.records
        self.doc = workspace.doc
        self.speaker = workspace.speaker
        self._people: tuple[Participant, ...] | None = None  # what the rows were built from
        self._filling = False
        self._due = False
        self.chooser = SpeakerChooser(workspace, self)
        self.table = self._build_table()
        self.buttons = {
            "add": self._button(self.tr("Add"), self.add),
            "speaks": self._button(self.tr("Speaks now"), self.make_speaker),
            "remove": self._button(self.tr("Remove"), self.remove),
        }
        speaking = QFormLayout()
        speaking.addRow(self.tr("Speaking:"), self.chooser)
        buttons = QHBoxLayout()
        for button in self.buttons.values():
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(speaking)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.speaker.changed.connect(self._schedule)
        self.doc.subscribe(self._on_event)
        self.refresh()

    def detach(self) -> None:
        """Stop following the Document and the speaker (the session is being replaced)."""
        self.chooser.detach()
        self.doc.unsubscribe(self._on_event)
        self.speaker.changed.disconnect(self._schedule)

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, 4, self)
        table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Organisation"),
                                         self.tr("Role"), self.tr("Contributions")])  # fmt: skip
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)  # one line a person: long organisations are elided
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ORGANISATION, QHeaderView.ResizeMode.Stretch)
        table.itemChanged.connect(self._item_changed)
        table.currentCellChanged.connect(self._enable)
        return table

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- filling ---------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        authored = event.change is Change.NODE_CHANGED and event.field == "author"
        if event.change in _COUNTED or authored:
            self._schedule()

    def _schedule(self, *_: object) -> None:
        if not self._due:
            self._due = True
            QTimer.singleShot(0, self, self.refresh)

    def refresh(self) -> None:
        """Rows from the Document's participants; the speaker's row in bold."""
        self._due = False
        people = self.doc.participants
        counts = contributions(self.doc)
        self._filling = True
        try:
            if people != self._people:
                self._rebuild(people)
            for row, person in enumerate(people):
                self.table.item(row, CONTRIBUTIONS).setText(str(counts[person.id]))
                speaking = person.id == self.speaker.id
                for column in (NAME, ORGANISATION, CONTRIBUTIONS):
                    item = self.table.item(row, column)
                    font = item.font()
                    font.setBold(speaking)
                    item.setFont(font)
        finally:
            self._filling = False
        self._enable()

    def _rebuild(self, people: tuple[Participant, ...]) -> None:
        current = self.current_participant()
        self._people = people
        self.table.setRowCount(len(people))
        roles = role_names(self)
        for row, person in enumerate(people):
            name = QTableWidgetItem(person.name)
            name.setData(Qt.ItemDataRole.UserRole, person.id)
            self.table.setItem(row, NAME, name)
            self.table.setItem(row, ORGANISATION, QTableWidgetItem(person.organisation))
            self.table.setCellWidget(row, ROLE, self._role_box(person, roles))
            count = QTableWidgetItem()
            count.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, CONTRIBUTIONS, count)
        ids = [person.id for person in people]
        if current in ids:
            self.table.selectRow(ids.index(current))

    def _role_box(self, person: Participant, roles: dict[str, str]) -> QComboBox:
        box = QComboBox(self.table)
        box.setObjectName(f"role:{person.id}")
        for role in ROLES:
            box.addItem(roles[role], role)
        box.setCurrentIndex(ROLES.index(person.role))
        box.activated.connect(partial(self._role_chosen, person.id, box))
        return box

    def _enable(self, *_: object) -> None:
        chosen = self.current_participant() is not None
        self.buttons["speaks"].setEnabled(chosen)
        self.buttons["remove"].setEnabled(chosen)

    # -- reading ---------------------------------------------------------------------

    def row_of(self, participant: str) -> int:
        return [p.id for p in self.doc.participants].index(participant)

    def current_participant(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, NAME) if row >= 0 else None
        person = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return person if person in self.doc.record_ids("participants") else None

    def role_box(self, participant: str) -> QComboBox:
        box = self.table.cellWidget(self.row_of(participant), ROLE)
        assert isinstance(box, QComboBox)
        return box

    # -- gestures --------------------------------------------------------------------

    def _item_changed(self, item: QTableWidgetItem) -> None:
        """A name or organisation typed in the roster (not our own filling)."""
        if self._filling or item.column() not in FIELDS:
            return
        person = self.table.item(item.row(), NAME).data(Qt.ItemDataRole.UserRole)
        if not self.records.set_participant(person, FIELDS[item.column()], item.text()):
            self._people = None  # put the model's values back
            self.refresh()

    def _role_chosen(self, participant: str, box: QComboBox, index: int) -> None:
        if not self.records.set_participant(participant, "role", box.itemData(index)):
            self._people = None
            self.refresh()

    def add(self) -> str | None:
        """A new participant, then their name open for typing in the roster."""
        person = self.records.add_participant()
        if person is not None:
            self.refresh()
            row = self.row_of(person)
            self.table.setCurrentCell(row, NAME)
            self.table.editItem(self.table.item(row, NAME))
        return person

    def make_speaker(self) -> None:
        person = self.current_participant()
        if person is not None:
            self.speaker.set(person)

    def remove(self) -> bool:
        person = self.current_participant()
        return person is not None and self.records.remove_participant(person)
