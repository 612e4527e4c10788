"""Tagging and dot-voting rounds: the verbs, and what panels, map and audience show of them.

A round is a record of the session (`Session.rounds`): its kind, when it
started and ended, who takes part and which concepts it is about. The tags
and votes stay on the concepts; a round only says which of them it counts
(`ckstudio.model.rounds`). Starting, ending and revealing a round are one
undoable step each, like every other edit.

`Rounds` is the one Qt object the facilitator's Rounds dock, the map and the
audience window read: `changed` fires (once per burst of edits) when a round,
a tag or a vote changed, and the getters give the counts, the ranking, the
dots used, the heat and which vote badges are hidden. A map scene handed to
`follow` is kept in step: no badge nor heat of a vote not revealed yet.

In a running tagging round a tag key that adds a tag moves the selection to
the round's next concept, so a participant runs through the list with one
key per concept (the room keeps flowing; a key that takes a tag off stays,
it is a correction, and a concept with two themes gets its second one after
a step back with the arrow keys). After the last concept the selection goes
back to the first and the status bar says that F6 gives the turn to the next
participant.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from ckstudio.gui.editing import MapEditor
from ckstudio.gui.mapscene import MapScene
from ckstudio.gui.records import NAME_LENGTH, RecordEditor
from ckstudio.gui.speaker import Speaker
from ckstudio.model import edits, rounds
from ckstudio.model.document import Document
from ckstudio.model.events import Change, Event
from ckstudio.model.operations import SetRecordField
from ckstudio.model.problems import one_line
from ckstudio.model.session import Round

DEFAULT_BUDGET = 3
_ROUNDS = {Change.ROUND_ADDED, Change.ROUND_REMOVED, Change.ROUND_CHANGED}
_FOLLOWED = _ROUNDS | {Change.TAGS_CHANGED, Change.VOTES_CHANGED, Change.NODE_CHANGED,
                       Change.NODE_ADDED, Change.NODE_REMOVED, Change.THEME_ADDED,
                       Change.THEME_REMOVED, Change.THEME_CHANGED, Change.PARTICIPANT_ADDED,
                       Change.PARTICIPANT_REMOVED, Change.PARTICIPANT_CHANGED}  # fmt: skip


def now() -> str:
    """The local date and time with its offset, to the second (ISO 8601)."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _instant(iso: str) -> datetime:
    """An ISO time to compare; a time written without its offset is taken as local."""
    moment = datetime.fromisoformat(iso)
    return moment if moment.tzinfo else moment.astimezone()


def clusters(doc: Document, concepts: list[str]) -> tuple[dict[str, list[str]], list[str]]:
    """The concepts grouped by theme, in the themes' order, and the untagged ones apart.

    A concept with several themes is in each of their groups; its order inside
    a group is the order of `concepts`. Every theme has a group, empty or not.
    """
    groups: dict[str, list[str]] = {theme.id: [] for theme in doc.themes}
    untagged: list[str] = []
    for ref in concepts:
        themes = dict.fromkeys(tag.theme for tag in doc.concept(ref).tags if tag.theme in groups)
        for theme in themes:
            groups[theme].append(ref)
        if not themes:
            untagged.append(ref)
    return groups, untagged


def heat_of(ranking: list[tuple[str, int]]) -> dict[str, float]:
    """Each voted concept's share of the most dots (1.0 for the top ones)."""
    most = max((dots for _, dots in ranking), default=0)
    return {ref: dots / most for ref, dots in ranking if dots} if most else {}


class Rounds(QObject):
    """The rounds of one session: start, end, reveal, tag in turn; counts, ranking, heat."""

    changed = Signal()  # a round, a tag, a vote or a name changed (once per burst)

    def __init__(
        self,
        editor: MapEditor,
        records: RecordEditor,
        speaker: Speaker,
        clock: Callable[[], str] = now,
    ) -> None:
        super().__init__()
        self.editor = editor
        self.doc = editor.doc
        self.records = records
        self.speaker = speaker
        self.clock = clock
        self.advance = True  # tagging round: a tag moves the selection to the next concept
        self._scenes: list[MapScene] = []
        self._due = False
        self.doc.subscribe(self._on_event)
        self.follow(editor.scene)

    def detach(self) -> None:
        """Stop following the Document and the scenes (the session is being closed)."""
        self.doc.unsubscribe(self._on_event)
        self._scenes.clear()

    def _say(self, text: str) -> None:
        self.editor.message.emit(text)

    # -- reading ---------------------------------------------------------------------

    def running(self, kind: str | None = None) -> Round | None:
        """The round going on now (of this kind), if any."""
        return rounds.running_round(self.doc, kind)

    def current(self) -> Round | None:
        """The round to show: the running one, else the newest."""
        return self.running() or (self.doc.rounds[-1] if self.doc.rounds else None)

    def theme_counts(self, round_id: str) -> dict[str, int]:
        """Tags of each theme on the round's concepts (two participants' tags count two)."""
        return rounds.theme_counts_in_round(self.doc, round_id)

    def theme_concepts(self, round_id: str) -> dict[str, int]:
        """Round concepts carrying each theme, counted once each (as the cluster view does)."""
        return rounds.theme_concepts_in_round(self.doc, round_id)

    def ranking(self, round_id: str) -> list[tuple[str, int]]:
        """The round's concepts, most dots first; empty while its votes are hidden."""
        if self.doc.round(round_id).hidden:
            return []
        return rounds.round_ranking(self.doc, round_id)

    def dots_used(self, round_id: str) -> list[tuple[str, int, int]]:
        """(participant, dots used, budget) for each participant of a voting round."""
        round_ = self.doc.round(round_id)
        return [(p, rounds.dots_used(self.doc, round_id, p), round_.budget)
                for p in round_.participants]  # fmt: skip

    def heat_round(self) -> Round | None:
        """The voting round whose results the map shows as heat: the newest, once revealed;
        none while a tagging round runs (last vote's favourites would sway the tagging)."""
        if self.running("tagging") is not None:
            return None
        voting = [r for r in self.doc.rounds if r.kind == "voting"]
        return voting[-1] if voting and not voting[-1].hidden else None

    def heat(self) -> dict[str, float]:
        """Each concept's share of the most dots in the heat round (none: no heat)."""
        round_ = self.heat_round()
        return heat_of(rounds.round_ranking(self.doc, round_.id)) if round_ else {}

    def round_dots(self) -> dict[str, int]:
        """The heat round's own dots on each of its concepts: what their badges show."""
        round_ = self.heat_round()
        return dict(rounds.round_ranking(self.doc, round_.id)) if round_ else {}

    def hidden_concepts(self) -> frozenset[str]:
        """Concepts of voting rounds not revealed yet: their dots are not shown."""
        return frozenset(ref for r in self.doc.rounds if r.kind == "voting" and r.hidden
                         for ref in r.concepts)  # fmt: skip

    def name(self, participant: str) -> str:
        return one_line(self.doc.participant(participant).name, NAME_LENGTH)

    def label(self, ref: str) -> str:
        return one_line(self.doc.concept(ref).text, 60) or self.tr("(empty)")

    # -- the map and the audience ----------------------------------------------------

    def follow(self, scene: MapScene) -> None:
        """Keep this scene's hidden dots and vote heat in step with the rounds."""
        if scene not in self._scenes:
            self._scenes.append(scene)
        scene.set_hidden_votes(self.hidden_concepts())
        scene.set_round_dots(self.round_dots())
        scene.set_heat(self.heat())

    def unfollow(self, scene: MapScene) -> None:
        if scene in self._scenes:
            self._scenes.remove(scene)

    def _on_event(self, event: Event) -> None:
        if event.change in _ROUNDS:
            # At once, before anything paints: a hidden dot must never flash by.
            hidden = self.hidden_concepts()
            for scene in self._scenes:
                scene.set_hidden_votes(hidden)
        if event.change in _ROUNDS or event.change is Change.VOTES_CHANGED:
            dots = self.round_dots()
            for scene in self._scenes:
                scene.set_round_dots(dots)
        if event.change in _FOLLOWED and not self._due:
            self._due = True
            QTimer.singleShot(0, self, self._refresh)

    def _refresh(self) -> None:
        self._due = False
        heat = self.heat()
        for scene in self._scenes:
            scene.set_heat(heat)
        self.changed.emit()

    # -- scope -----------------------------------------------------------------------

    def branch(self, top: str | None) -> list[str]:
        """The concepts of `top`'s branch (all of them from C0 or nothing), C0 left out."""
        if top is None or not self.doc.has_node("c", top):
            top = self.doc.root
        return [ref for ref in self.doc.walk("c", top) if ref != self.doc.root]

    def selected_branch(self) -> list[str]:
        """The branch of the selected concept (every concept when none or C0 is selected)."""
        current = self.editor.selection.current
        return self.branch(current if self.editor.space_of(current) == "c" else None)

    def default_participants(self) -> list[str]:
        """Everyone but the facilitators."""
        facilitators = set(self.doc.meta.facilitators)
        return [p.id for p in self.doc.participants
                if p.role != "facilitator" and p.id not in facilitators]  # fmt: skip

    # -- verbs -----------------------------------------------------------------------

    def start(
        self,
        kind: str,
        concepts: list[str] | None = None,
        participants: list[str] | None = None,
        budget: int = DEFAULT_BUDGET,
        hidden: bool = True,
    ) -> str | None:
        """Start a round, one step: on the selected branch and everyone but the facilitators
        unless told. The first participant speaks, the first concept is selected."""
        running = self.running()
        if running is not None:
            self._say(self.tr("A round is running: end it first."))
            return None
        concepts = self.selected_branch() if concepts is None else concepts
        concepts = [ref for ref in concepts if ref != self.doc.root]
        if not concepts:
            self._say(self.tr("No concept to work on: add concepts under C0 first."))
            return None
        if participants is None:
            participants = self.default_participants()
        operation = edits.start_round(self.doc, kind, concepts, participants, self.clock(),
                                      budget, hidden and kind == "voting")  # fmt: skip
        if kind == "voting":
            text = self.tr("Start a vote on {concepts}, {budget} dots each")
        else:
            text = self.tr("Start a tagging round on {concepts}")
        text = text.format(concepts=self._concepts(len(concepts)), budget=budget)
        if not self.editor.apply(operation, text):
            return None
        if participants and self.speaker.id not in participants:
            self.speaker.set(participants[0])
        self.editor.selection.set([concepts[0]])
        if kind == "voting":
            said = self.tr("Vote started: {budget} dots each, hidden until you reveal them.")
        else:
            said = self.tr("Tagging round started: keys 1-9 tag, F6 passes the turn.")
        self._say(said.format(budget=budget))
        return operation.record["id"]

    def _concepts(self, n: int) -> str:
        return self.tr("1 concept") if n == 1 else self.tr("{n} concepts").format(n=n)

    def end(self, round_id: str | None = None) -> bool:
        """End the running round (or this one), one step."""
        round_ = self.doc.round(round_id) if round_id else self.running()
        if round_ is None or round_.ended:
            self._say(self.tr("No round is running."))
            return False
        if round_.kind == "voting":
            text, said = self.tr("End the vote"), self.tr("Vote ended.")
        else:
            text, said = self.tr("End the tagging round"), self.tr("Tagging round ended.")
        ended = max(
            self.clock(), round_.started, key=_instant
        )  # a clock put back ends it at its start
        done = self.editor.apply(edits.end_round(self.doc, round_.id, ended), text)
        if done:
            self._say(said)
        return done

    def reveal(self, round_id: str | None = None) -> bool:
        """Show the votes of a voting round (the newest hidden one unless told), one step."""
        if round_id is None:
            hidden = [r for r in self.doc.rounds if r.kind == "voting" and r.hidden]
            round_id = hidden[-1].id if hidden else None
        if round_id is None or not self.doc.round(round_id).hidden:
            self._say(self.tr("No hidden vote to reveal."))
            return False
        operation = SetRecordField("rounds", round_id, "hidden", False)
        done = self.editor.apply(operation, self.tr("Reveal the votes"))
        if done:
            self._say(self.tr("Votes revealed."))
        return done

    def tag_at(self, index: int) -> bool:
        """Key 1-9: tag with the theme at this place of the list (see `tag`)."""
        theme = self.records.theme_at(index)
        if theme is None:
            return self.records.toggle_tag_at(index)  # says there is no such theme
        return self.tag(theme)

    def tag(self, theme: str) -> bool:
        """Tag the selection on the speaker's behalf; in a tagging round, then go to the
        round's next concept when a tag was added to one of its concepts."""
        before = self.doc.concept(self.editor.selection.current) if self._on_concept() else None
        done = self.records.toggle_tag(theme)
        round_ = self.running("tagging")
        current = self.editor.selection.current
        if not (done and self.advance and round_ and before and current in round_.concepts):
            return done
        if len(self.doc.concept(current).tags) <= len(before.tags):
            return done  # a tag taken off: a correction, stay
        order = round_.concepts
        place = order.index(current)
        if place + 1 < len(order):
            self.editor.selection.set([order[place + 1]])
        else:
            self.editor.selection.set([order[0]])
            self._say(
                self.tr("Last concept of the round: F6 gives the turn to the next participant.")
            )
        return done

    def _on_concept(self) -> bool:
        current = self.editor.selection.current
        return len(self.editor.selection.ids) == 1 and self.editor.space_of(current) == "c"
