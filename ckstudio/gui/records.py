"""The verbs of themes and participants: the records, the tags and votes they make.

The Themes and Participants panels, the keys 1-9 and +/- and the tests all
call these, so each gesture is one undoable step built the same way. Steps go
through `MapEditor.apply`, so a refused edit becomes the editor's status
message, never an exception. Tags and votes are the current speaker's.

C0 is never tagged nor voted on here: it is the brief every concept answers,
so it belongs to every theme and ranking it against its own answers means
nothing (ck-primer: themes cluster the concepts, votes rank the proposals).
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QObject

from ckstudio.gui.editing import MapEditor
from ckstudio.gui.speaker import Speaker
from ckstudio.model import edits, limits
from ckstudio.model.document import Document
from ckstudio.model.operations import (
    AddTag,
    Compound,
    Operation,
    RemoveTag,
    SetRecordField,
    SetVote,
)
from ckstudio.model.problems import one_line
from ckstudio.model.rounds import dots_used, running_round
from ckstudio.model.session import Participant, Theme

# Okabe-Ito first (colour-blind safe, as the default themes), then softer extras.
PALETTE = ("#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#D55E00", "#F0E442",
           "#000000", "#8C564B", "#7F7F7F", "#17BECF", "#BCBD22")  # fmt: skip
NAME_LENGTH = 30  # characters of a name in an undo step's name


def theme_counts(doc: Document) -> Counter[str]:
    """How many concepts carry each theme (a concept tagged twice counts once)."""
    return Counter(theme for c in doc.walk("c") for theme in {t.theme for t in doc.concept(c).tags})


def contributions(doc: Document) -> Counter[str]:
    """Per participant: concepts authored + tags made + vote dots given."""
    counts: Counter[str] = Counter()
    for ref in doc.walk("c"):
        concept = doc.concept(ref)
        if concept.author is not None:
            counts[concept.author] += 1
        counts.update(tag.by for tag in concept.tags if tag.by is not None)
        for vote in concept.votes:
            if vote.by is not None:
                counts[vote.by] += vote.count
    return counts


def quoted(name: str) -> str:
    """A record's name in a step's name, on one line and in English quotes: “Flux”."""
    return f"“{one_line(name, NAME_LENGTH)}”"


class RecordEditor(QObject):
    """Themes, participants, tags and votes of one session, as undoable steps."""

    def __init__(self, editor: MapEditor, speaker: Speaker) -> None:
        super().__init__()
        self.editor = editor
        self.doc = editor.doc
        self.speaker = speaker

    def _say(self, text: str) -> None:
        self.editor.message.emit(text)

    def _named(self, record: Theme | Participant) -> str:
        return quoted(record.name)

    def _concepts(self, n: int) -> str:
        """ "1 concept", "3 concepts": the steps' names count in words, not "concept(s)"."""
        return self.tr("1 concept") if n == 1 else self.tr("{n} concepts").format(n=n)

    # -- themes ----------------------------------------------------------------------

    def add_theme(self, name: str = "", color: str = "") -> str | None:
        """A new theme, named "Theme N" and given an unused colour unless told otherwise."""
        name = name.strip() or self.tr("Theme {n}").format(n=len(self.doc.themes) + 1)
        operation = edits.add_theme(self.doc, name, color or self._free_color())
        text = self.tr("Add theme {name}").format(name=quoted(name))
        return operation.record["id"] if self.editor.apply(operation, text) else None

    def _free_color(self) -> str:
        used = {theme.color.upper() for theme in self.doc.themes}
        free = [color for color in PALETTE if color not in used]
        return free[0] if free else PALETTE[len(self.doc.themes) % len(PALETTE)]

    def rename_theme(self, theme: str, name: str) -> bool:
        name = name.strip()
        if not name:
            self._say(self.tr("A theme needs a name."))
            return False
        old = self.doc.record("themes", theme)
        if name == old.name:
            return False
        text = self.tr("Rename theme {old} to {new}").format(old=self._named(old), new=quoted(name))
        return self.editor.apply(SetRecordField("themes", theme, "name", name), text)

    def recolour_theme(self, theme: str, color: str) -> bool:
        old = self.doc.record("themes", theme)
        if color.upper() == old.color.upper():
            return False
        text = self.tr("Recolour theme {name}").format(name=self._named(old))
        return self.editor.apply(SetRecordField("themes", theme, "color", color), text)

    def remove_theme(self, theme: str) -> bool:
        """Remove a theme with every tag of it, one step; the step's name says how many."""
        record = self.doc.record("themes", theme)
        operation = edits.remove_theme(self.doc, theme)
        tags = len(operation.operations) - 1
        if tags == 0:
            text = self.tr("Remove theme {name} (no tag)")
        elif tags == 1:
            text = self.tr("Remove theme {name} and its tag")
        else:
            text = self.tr("Remove theme {name} and its {n} tags")
        text = text.format(name=self._named(record), n=tags)
        if not self.editor.apply(operation, text):
            return False
        self._say(text)
        return True

    def theme_at(self, index: int) -> str | None:
        """The id of the theme at this place in the list (keys 1-9 = places 0-8)."""
        themes = self.doc.themes
        return themes[index].id if 0 <= index < len(themes) else None

    # -- tags ------------------------------------------------------------------------

    def selected_concepts(self) -> list[str]:
        """The selected concepts that may be tagged and voted on (not C0)."""
        return [
            ref
            for ref in self.editor.selected_nodes()
            if self.editor.space_of(ref) == "c" and ref != self.doc.root
        ]

    def _concepts_or_say(self) -> list[str]:
        concepts = self.selected_concepts()
        if not concepts:
            if self.editor.selection.current == self.doc.root:
                self._say(self.tr("C0 is the brief: it takes no theme and no vote."))
            else:
                self._say(self.tr("Select one or more concepts first."))
        return concepts

    def toggle_tag(self, theme: str) -> bool:
        """Tag the selected concepts with `theme` on behalf of the speaker, one step.

        If every one already carries the speaker's tag of it, the tags go;
        else the concepts lacking it get it.
        """
        concepts = self._concepts_or_say()
        if not concepts:
            return False
        by = self.speaker.id
        name = self._named(self.doc.record("themes", theme))
        mine = [ref for ref in concepts if self._has_tag(ref, theme, by)]
        steps: list[Operation]
        if len(mine) == len(concepts):
            steps = [RemoveTag(ref, theme, by) for ref in concepts]
            text = self.tr("Untag {theme} from {concepts}")
        else:
            steps = [AddTag(ref, theme, by) for ref in concepts if ref not in mine]
            text = self.tr("Tag {theme} on {concepts}")
        text = text.format(theme=name, concepts=self._concepts(len(steps)))
        return self._apply(steps, text)

    def toggle_tag_at(self, index: int) -> bool:
        theme = self.theme_at(index)
        if theme is None:
            self._say(self.tr("There is no theme {n}.").format(n=index + 1))
            return False
        return self.toggle_tag(theme)

    def _has_tag(self, ref: str, theme: str, by: str | None) -> bool:
        return any(tag.theme == theme and tag.by == by for tag in self.doc.concept(ref).tags)

    def _apply(self, steps: list[Operation], text: str) -> bool:
        if not steps:
            return False
        operation = steps[0] if len(steps) == 1 else Compound(tuple(steps), "tags")
        return self.editor.apply(operation, text)

    # -- votes -----------------------------------------------------------------------

    def vote(self, dots: int) -> bool:
        """Give (+1) or take back (-1) the speaker's dots on the selected concepts, one step."""
        concepts = self._concepts_or_say()
        by = self.speaker.id
        steps: list[Operation] = []
        for ref in concepts:
            count = next((v.count for v in self.doc.concept(ref).votes if v.by == by), 0) + dots
            if 0 <= count <= limits.MAX_VOTE_COUNT:
                steps.append(SetVote(ref, by, count))
        if concepts and not steps:
            self._say(self.tr("No dot to take back there.") if dots < 0 else
                      self.tr("That is as many dots as a concept can take."))  # fmt: skip
            return False
        refusal = self._over_budget(steps) if dots > 0 else None
        if refusal is not None:
            self._say(refusal)
            return False
        if dots > 0:
            text = self.tr("one dot on {concepts}").format(concepts=self._concepts(len(steps)))
        elif len(steps) == 1:
            text = self.tr("dot taken back")
        else:
            text = self.tr("dot taken back on {concepts}").format(
                concepts=self._concepts(len(steps))
            )
        return self._apply(steps, self._by_speaker(text))

    def _over_budget(self, steps: list[Operation]) -> str | None:
        """Why these new dots are refused during a running voting round, or None.

        On the round's concepts, only its participants vote (someone must be
        speaking) and each within the round's budget; dots elsewhere are free.
        """
        round_ = running_round(self.doc, "voting")
        if round_ is None:
            return None
        in_round = set(round_.concepts)
        wanted = sum(isinstance(step, SetVote) and step.concept in in_round for step in steps)
        if not wanted:
            return None
        by = self.speaker.id
        if by is None:
            return self.tr("Who is voting? Choose the speaker first (F6).")
        if by not in round_.participants:
            name = one_line(self.doc.participant(by).name, NAME_LENGTH)
            return self.tr("{name} does not take part in this vote.").format(name=name)
        used = dots_used(self.doc, round_.id, by)
        if used + wanted <= round_.budget:
            return None
        if used >= round_.budget:
            text = self.tr("No dot left ({used} of {budget} used).")
        else:
            text = self.tr(
                "Not enough dots: {wanted} wanted, {left} left ({used} of {budget} used)."
            )
        left = round_.budget - used
        return text.format(wanted=wanted, left=left, used=used, budget=round_.budget)

    def _by_speaker(self, text: str) -> str:
        """ "Antoine L.: one dot on 2 concepts"; with nobody speaking, "One dot on 2 concepts"."""
        speaker = self.speaker.id
        if speaker is None or speaker not in self.doc.record_ids("participants"):
            return text[:1].upper() + text[1:]
        name = one_line(self.doc.participant(speaker).name, NAME_LENGTH)
        return self.tr("{name}: {what}").format(name=name, what=text)

    def cycle_speaker(self, step: int) -> None:
        """F6 / Shift+F6: the next or previous speaker, said in the status bar."""
        self.speaker.cycle(step)
        speaker = self.speaker.id
        if speaker is None:
            self._say(self.tr("Nobody speaking"))
        else:
            name = one_line(self.doc.participant(speaker).name, NAME_LENGTH)
            self._say(self.tr("Speaking: {name}").format(name=name))

    # -- participants ----------------------------------------------------------------

    def add_participant(
        self, name: str = "", organisation: str = "", role: str = "other"
    ) -> str | None:
        """A new participant (named "Participant N" unless told); returns the id or None."""
        name = name.strip() or self.tr("Participant {n}").format(n=len(self.doc.participants) + 1)
        operation = edits.add_participant(self.doc, name, organisation.strip(), role)
        text = self.tr("Add participant {name}").format(name=quoted(name))
        return operation.record["id"] if self.editor.apply(operation, text) else None

    def set_participant(self, participant: str, field: str, value: str) -> bool:
        """Change a participant's name, organisation or role (a blank name is refused)."""
        value = value.strip() if field != "role" else value
        if field == "name" and not value:
            self._say(self.tr("A participant needs a name."))
            return False
        old = self.doc.participant(participant)
        if getattr(old, field) == value:
            return False
        words = {"name": self.tr("name"), "organisation": self.tr("organisation"),
                 "role": self.tr("role")}  # fmt: skip
        text = self.tr("Set {field} of {name}").format(field=words[field], name=self._named(old))
        operation = SetRecordField("participants", participant, field, value)
        return self.editor.apply(operation, text)

    def remove_participant(self, participant: str) -> bool:
        """Remove a participant with their tags and votes; what they wrote stays, unsigned."""
        record = self.doc.participant(participant)
        operation = edits.remove_participant(self.doc, participant)
        tags = sum(isinstance(op, RemoveTag) for op in operation.operations)
        votes = sum(isinstance(op, SetVote) for op in operation.operations)
        text = self.tr("Remove {name}, their {tags} and {votes}").format(
            name=self._named(record),
            tags=self.tr("1 tag") if tags == 1 else self.tr("{n} tags").format(n=tags),
            votes=self.tr("1 vote") if votes == 1 else self.tr("{n} votes").format(n=votes),
        )
        if not self.editor.apply(operation, text):
            return False
        self._say(text)
        return True
