"""Who is speaking now: the participant new tags, votes and concepts are attributed to.

A view setting of one open session, never saved in the file: the facilitator
switches it as the talk goes round the table (F6 / Shift+F6, or a chooser;
during a round, round its participants), so the session records who said what
without anyone typing a name.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ckstudio.model.document import Document
from ckstudio.model.events import Change, Event
from ckstudio.model.rounds import running_round


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
        """The next (step 1) or previous (-1) participant, "nobody" being one stop of the
        table. While a round with participants runs, the turn passes among them only
        (the others are not in the round), from the first or the last of them when the
        speaker is not."""
        order: list[str | None] = [None, *(p.id for p in self.doc.participants)]
        running = running_round(self.doc)
        if running is not None and running.participants:
            taking_part = set(running.participants)
            order = [pid for pid in order if pid in taking_part]
            if self._id not in order:
                self.set(order[0] if step > 0 else order[-1])
                return
        index = order.index(self._id) if self._id in order else 0
        self.set(order[(index + step) % len(order)])

    def _on_event(self, event: Event) -> None:
        """A speaker removed (or their addition undone) is nobody's turn any more."""
        if event.change is Change.PARTICIPANT_REMOVED and event.id == self._id:
            self.set(None)
