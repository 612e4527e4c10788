"""Who is speaking now: the participant new tags, votes and concepts are attributed to.

A view setting of one open session, never saved in the file: the facilitator
switches it as the talk goes round the table (F6 / Shift+F6, or a chooser),
so the session records who said what without anyone typing a name.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ckstudio.model.document import Document
from ckstudio.model.events import Change, Event


class Speaker(QObject):
    """The current participant of one session (None: nobody in particular)."""

    changed = Signal(object)  # the participant id, or None

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self.doc = doc
        self._id: str | None = None
        doc.subscribe(self._on_event)

    def detach(self) -> None:
        self.doc.unsubscribe(self._on_event)

    @property
    def id(self) -> str | None:
        return self._id

    def set(self, participant: str | None) -> None:
        """Make `participant` the speaker; an id that is not a participant means nobody."""
        if participant is not None and participant not in self.doc.record_ids("participants"):
            participant = None
        if participant != self._id:
            self._id = participant
            self.changed.emit(participant)

    def cycle(self, step: int) -> None:
        """The next (step 1) or previous (-1) participant, "nobody" being one stop of the round."""
        order: list[str | None] = [None, *(p.id for p in self.doc.participants)]
        index = order.index(self._id) if self._id in order else 0
        self.set(order[(index + step) % len(order)])

    def _on_event(self, event: Event) -> None:
        """A speaker removed (or their addition undone) is nobody's turn any more."""
        if event.change is Change.PARTICIPANT_REMOVED and event.id == self._id:
            self.set(None)
