"""The Participants dock: the roster, who is speaking now, and what each person brought.

A `RecordPanel` like the Themes dock: a view of the Document, each edit of a
cell one undo step. "Activity" counts the concepts a person wrote, the tags
they made and the vote dots they gave. The speaker's row is marked with ▶ and
a tint, and scrolled into sight when the turn passes.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QPointF, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPalette, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ckstudio.gui.i18n import tr
from ckstudio.gui.record_panel import RecordPanel
from ckstudio.gui.records import contributions
from ckstudio.gui.workspace import Workspace
from ckstudio.model.events import Change, Event
from ckstudio.model.session import ROLES, Participant

NAME, ORGANISATION, ROLE, CONTRIBUTIONS = range(4)  # columns
FIELDS = {NAME: "name", ORGANISATION: "organisation"}
_ROSTER = {Change.PARTICIPANT_ADDED, Change.PARTICIPANT_REMOVED, Change.PARTICIPANT_CHANGED}
_COUNTED = _ROSTER | {Change.TAGS_CHANGED, Change.VOTES_CHANGED, Change.NODE_ADDED,
                      Change.NODE_REMOVED}  # fmt: skip


def role_names() -> dict[str, str]:
    return {"facilitator": tr("Facilitator"), "company": tr("Company"),
            "public_body": tr("Public body"), "research": tr("Research"),
            "other": tr("Other")}  # fmt: skip


def speaking_icon(color: QColor, side: int = 12) -> QIcon:
    """▶ in the highlight colour: the speaker's row, seen without reading it."""
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPolygon(
        QPolygonF([QPointF(2, 1), QPointF(side - 1, side / 2), QPointF(2, side - 1)])
    )
    painter.end()
    return QIcon(pixmap)


class SpeakerChooser(QComboBox):
    """Who is speaking: "— nobody —" and every participant; follows the workspace's speaker."""

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
            self.addItem(self.tr("— nobody —"), None)
            for participant in self.doc.participants:
                self.addItem(participant.name, participant.id)
            self.setCurrentIndex(max(0, self.findData(self.speaker.id)))

    def _chosen(self, index: int) -> None:
        self.speaker.set(self.itemData(index))


class ParticipantsPanel(RecordPanel):
    """The roster (name, organisation, role, contributions) and the speaker chooser."""

    section = "participants"
    name_column = NAME

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setObjectName("participantsPanel")
        self.speaker = workspace.speaker
        self._people: tuple[Participant, ...] | None = None  # what the rows were built from
        self.chooser = SpeakerChooser(workspace, self)
        self.table = self._table([self.tr("Name"), self.tr("Organisation"), self.tr("Role"),
                                  self.tr("Activity")], (ORGANISATION,))  # fmt: skip
        self.table.horizontalHeaderItem(CONTRIBUTIONS).setToolTip(
            self.tr("Concepts written + tags + dots given")
        )
        self.table.setWordWrap(False)  # one line a person: long organisations are elided
        self._speaking_icon = speaking_icon(self.palette().color(QPalette.ColorRole.Highlight))
        self._shown_speaker: str | None = None  # the speaker the rows were last marked for
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

    # -- filling ---------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        authored = event.change is Change.NODE_CHANGED and event.field == "author"
        if event.change in _COUNTED or authored:
            self._schedule()

    def refresh(self) -> None:
        """Rows from the Document's participants; the speaker's row marked (▶, tint, bold)
        and scrolled into sight when the speaker changed."""
        self._due = False
        people = self.doc.participants
        counts = contributions(self.doc)
        tint = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        tint.setAlpha(60)
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
                    item.setBackground(QBrush(tint) if speaking else QBrush())
                name = self.table.item(row, NAME)
                name.setIcon(self._speaking_icon if speaking else QIcon())
                name.setToolTip(self.tr("Speaking now") if speaking else "")
        finally:
            self._filling = False
        if self.speaker.id != self._shown_speaker:
            self._shown_speaker = self.speaker.id
            if self.speaker.id in self.doc.record_ids("participants"):
                self.table.scrollToItem(self.table.item(self.row_of(self.speaker.id), NAME))
        self._enable()

    def _rebuild(self, people: tuple[Participant, ...]) -> None:
        current = self.current_id()
        self._people = people
        self.table.setRowCount(len(people))
        roles = role_names()
        for row, person in enumerate(people):
            self.table.setItem(row, NAME, self._name_item(person.name, person.id))
            organisation = QTableWidgetItem(person.organisation)
            organisation.setToolTip(person.organisation)  # in full: the column elides it
            self.table.setItem(row, ORGANISATION, organisation)
            self.table.setCellWidget(row, ROLE, self._role_box(person, roles))
            self.table.setItem(row, CONTRIBUTIONS, self._count_item())
        self._reselect(current)

    def _role_box(self, person: Participant, roles: dict[str, str]) -> QComboBox:
        box = QComboBox(self.table)
        box.setObjectName(f"role:{person.id}")
        for role in ROLES:
            box.addItem(roles[role], role)
        box.setCurrentIndex(ROLES.index(person.role))
        box.activated.connect(partial(self._role_chosen, person.id, box))
        return box

    def _enable(self, *_: object) -> None:
        chosen = self.current_id() is not None
        self.buttons["speaks"].setEnabled(chosen)
        self.buttons["remove"].setEnabled(chosen)

    # -- reading ---------------------------------------------------------------------

    def role_box(self, participant: str) -> QComboBox:
        box = self.table.cellWidget(self.row_of(participant), ROLE)
        assert isinstance(box, QComboBox)
        return box

    # -- gestures --------------------------------------------------------------------

    def _item_changed(self, item: QTableWidgetItem) -> None:
        """A name or organisation typed in the roster (not our own filling)."""
        if self._filling or item.column() not in FIELDS:
            return
        person = self.id_at(item.row())
        if not self.records.set_participant(person, FIELDS[item.column()], item.text()):
            self._people = None  # put the model's values back
            self.refresh()

    def _role_chosen(self, participant: str, box: QComboBox, index: int) -> None:
        if not self.records.set_participant(participant, "role", box.itemData(index)):
            self._people = None
            self.refresh()

    def add(self) -> str | None:
        """A new participant, then their name open for typing in the roster."""
        return self._edit_name(self.records.add_participant())

    def make_speaker(self) -> None:
        person = self.current_id()
        if person is not None:
            self.speaker.set(person)

    def remove(self) -> bool:
        person = self.current_id()
        return person is not None and self.records.remove_participant(person)
