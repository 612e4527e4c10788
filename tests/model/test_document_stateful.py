"""Random edit sequences on a Document: the rules hold after every step, a
refused edit changes nothing, and undo/redo of the whole sequence gives back
the exact bytes of the first and last states."""

from __future__ import annotations

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from ckstudio.model import Change, Document, OperationError, edits
from ckstudio.model.integrity import session_problems
from ckstudio.model.operations import (
    AddTag,
    Compound,
    MoveNode,
    RemoveLink,
    RemoveRecord,
    RemoveTag,
    SetLinkField,
    SetMeta,
    SetNodeField,
    SetRecordField,
    SetVote,
)
from ckstudio.model.rounds import dots_left, round_ranking, running_round, theme_counts_in_round
from ckstudio.model.session import OUTCOMES, PARTITIONS, REACHES, ROLES, ROUND_KINDS, STATUSES
from ckstudio.model.templates import new_session
from ckstudio.storage import decode, encode

texts = st.text(max_size=40)
hostile_texts = st.sampled_from(["", "<b>&amp;</b>", "« l'école » œ ’", "a\nb\tc", "\u202e", "😀"])
any_text = st.one_of(texts, hostile_texts)
choice = st.integers(min_value=0, max_value=10_000)

CONCEPT_VALUES = {
    "text": any_text,
    "partition": st.sampled_from([None, *PARTITIONS, "sideways"]),
    "reach": st.sampled_from([*REACHES, "far"]),
    "outcome": st.sampled_from([*OUTCOMES, "maybe"]),
    "notes": any_text,
    "tags": st.just([]),  # not editable this way: always refused
}
KNOWLEDGE_VALUES = {
    "text": any_text,
    "status": st.sampled_from([*STATUSES, "lost"]),
    "source": any_text,
    "dominant": st.sampled_from([True, False, "yes"]),
}


ROUND_VALUES = {
    "ended": st.sampled_from(["", "2020-05-06T11:00:00+02:00", "11h"]),
    "budget": st.sampled_from([1, 3, 99, 0, 100, "3"]),
    "hidden": st.sampled_from([True, False, "no"]),
    "participants": st.just(["p-nobody"]),  # refused: no such participant
    "concepts": st.just(["k-nowhere"]),  # refused: no such concept
    "kind": st.sampled_from(ROUND_KINDS),  # not editable: always refused
}


def pick(items, index):
    items = list(items)
    return items[index % len(items)] if items else None


class EditSequence(RuleBasedStateMachine):
    """Applies random edits, keeping each inverse as an undo stack would."""

    @initialize(language=st.sampled_from(["fr", "en"]), people=st.integers(0, 3))
    def start(self, language, people):
        self.doc = Document(new_session("Atelier", "Un groupe scolaire circulaire", language))
        for number in range(people):
            self.doc.apply(edits.add_participant(self.doc, f"Participant {number}", role="company"))
        self.initial = encode(self.doc.to_session())
        self.undo_stack = []
        self.seen_nodes = {node for space in "ck" for node in self.doc.walk(space)}
        self.doc.subscribe(self.mirror)

    def mirror(self, event):
        if event.change is Change.NODE_ADDED:
            self.seen_nodes.add(event.id)
        elif event.change is Change.NODE_REMOVED:
            self.seen_nodes.discard(event.id)

    def attempt(self, operation):
        """Apply; a refused operation must leave the document byte-identical."""
        before = encode(self.doc.to_session())
        try:
            inverse = self.doc.apply(operation)
        except OperationError:
            assert encode(self.doc.to_session()) == before
            return
        self.undo_stack.append(inverse)

    def node(self, space, index):
        return pick(self.doc.walk(space), index)

    def participant(self, index):
        person = pick(self.doc.participants, index)
        return person.id if person is not None and index % 3 else None

    @rule(index=choice, text=any_text, position=choice)
    def add_concept(self, index, text, position):
        parent = self.node("c", index)
        position %= len(self.doc.children("c", parent)) + 1
        self.attempt(edits.add_node(self.doc, "c", parent, text, position))

    @rule(index=choice, text=any_text, root=st.booleans(), missing=st.booleans())
    def add_knowledge(self, index, text, root, missing):
        parent = None if root else self.node("k", index)
        status = "missing" if missing else "acquired"
        self.attempt(edits.add_knowledge(self.doc, parent, text, status=status))

    @rule(space=st.sampled_from("ck"), index=choice)
    def remove_subtree(self, space, index):
        top = self.node(space, index)
        if top is not None:
            self.attempt(edits.remove_subtree(self.doc, space, top))

    @rule(space=st.sampled_from("ck"), index=choice, parent_index=choice, position=choice)
    def move(self, space, index, parent_index, position):
        movable = [n for n in self.doc.walk(space) if n != self.doc.root]
        node, parent = pick(movable, index), self.node(space, parent_index)
        if node is not None:
            position %= len(self.doc.children(space, parent)) + 1
            self.attempt(MoveNode(space, node, parent, position))

    @rule(index=choice, field=st.sampled_from(sorted(CONCEPT_VALUES)), data=st.data())
    def edit_concept(self, index, field, data):
        value = data.draw(CONCEPT_VALUES[field])
        self.attempt(SetNodeField("c", self.node("c", index), field, value))

    @precondition(lambda self: self.doc.node_count("k"))
    @rule(index=choice, field=st.sampled_from(sorted(KNOWLEDGE_VALUES)), data=st.data())
    def edit_knowledge(self, index, field, data):
        value = data.draw(KNOWLEDGE_VALUES[field])
        self.attempt(SetNodeField("k", self.node("k", index), field, value))

    @rule(index=choice, who=choice)
    def set_author_or_holder(self, index, who):
        space = "k" if index % 2 and self.doc.node_count("k") else "c"
        field = "holder" if space == "k" else "author"
        self.attempt(SetNodeField(space, self.node(space, index), field, self.participant(who)))

    @precondition(lambda self: self.doc.node_count("k"))
    @rule(c=choice, k=choice, kind=st.sampled_from(["c_to_k", "k_to_c"]))
    def link(self, c, k, kind):
        self.attempt(edits.link(self.doc, self.node("c", c), self.node("k", k), kind))

    @precondition(lambda self: self.doc.link_count())
    @rule(index=choice, flip=st.booleans(), note=any_text)
    def change_or_unlink(self, index, flip, note):
        link = pick(self.doc.links, index)
        other = "k_to_c" if link.kind == "c_to_k" else "c_to_k"
        self.attempt(SetLinkField(link.id, "kind", other) if flip else RemoveLink(link.id))
        self.attempt(SetLinkField(link.id, "note", note))

    @rule(index=choice, theme=choice, who=choice)
    def tag(self, index, theme, who):
        chosen = pick(self.doc.themes, theme)
        theme_id = chosen.id if chosen else "t-nowhere"
        self.attempt(AddTag(self.node("c", index), theme_id, self.participant(who)))

    @rule(index=choice, which=choice)
    def untag(self, index, which):
        concept = self.node("c", index)
        tag = pick(self.doc.concept(concept).tags, which)
        if tag is not None:
            self.attempt(RemoveTag(concept, tag.theme, tag.by))

    @rule(index=choice, who=choice, count=st.integers(0, 4))
    def vote(self, index, who, count):
        self.attempt(SetVote(self.node("c", index), self.participant(who), count))

    @rule(name=any_text, color=st.sampled_from(["#0072B2", "#E69F00", "red"]))
    def add_theme(self, name, color):
        self.attempt(edits.add_theme(self.doc, name, color))

    @rule(index=choice, cascade=st.booleans())
    def remove_theme_or_participant(self, index, cascade):
        section = "themes" if cascade else "participants"
        record = pick(self.doc.records(section), index)
        if record is not None:
            remove = edits.remove_theme if section == "themes" else edits.remove_participant
            self.attempt(remove(self.doc, record.id))

    @rule(index=choice, name=any_text, role=st.sampled_from([*ROLES, "boss"]))
    def edit_participant(self, index, name, role):
        person = pick(self.doc.participants, index)
        if person is None:
            self.attempt(edits.add_participant(self.doc, name or "X", role="research"))
        else:
            self.attempt(SetRecordField("participants", person.id, "role", role))
            self.attempt(SetRecordField("participants", person.id, "name", name))

    @rule(
        kind=st.sampled_from([*ROUND_KINDS, "poll"]),
        first=choice,
        span=st.integers(0, 4),
        people=st.integers(0, 3),
        budget=st.integers(0, 5),
        hidden=st.booleans(),
    )
    def start_round(self, kind, first, span, people, budget, hidden):
        concepts = list(self.doc.walk("c"))
        chosen = list(dict.fromkeys(pick(concepts, first + step) for step in range(span)))
        participants = [p.id for p in self.doc.participants][:people]
        started = "2020-05-06T10:00:00+02:00"
        self.attempt(
            edits.start_round(self.doc, kind, chosen, participants, started, budget, hidden)
        )

    @precondition(lambda self: self.doc.rounds)
    @rule(index=choice, field=st.sampled_from(sorted(ROUND_VALUES)), data=st.data())
    def edit_round(self, index, field, data):
        self.attempt(
            SetRecordField(
                "rounds", pick(self.doc.rounds, index).id, field, data.draw(ROUND_VALUES[field])
            )
        )

    @precondition(lambda self: self.doc.rounds)
    @rule(index=choice, concept=choice, who=choice, end=st.booleans())
    def regroup_or_end_round(self, index, concept, who, end):
        round_ = pick(self.doc.rounds, index)
        if end:
            self.attempt(edits.end_round(self.doc, round_.id, "2020-05-06T10:30:00+02:00"))
            return
        concepts = [*round_.concepts, self.node("c", concept)]
        self.attempt(SetRecordField("rounds", round_.id, "concepts", concepts))
        person = self.participant(who)
        if person is not None:
            people = [*round_.participants, person]
            self.attempt(SetRecordField("rounds", round_.id, "participants", people))

    @precondition(lambda self: self.doc.rounds)
    @rule(index=choice, which=choice, person=st.booleans())
    def remove_what_a_round_names(self, index, which, person):
        """The cascade: the concept or participant leaves every round in the same step."""
        round_ = pick(self.doc.rounds, index)
        if person and round_.participants:
            self.attempt(edits.remove_participant(self.doc, pick(round_.participants, which)))
        concepts = [cid for cid in round_.concepts if cid != self.doc.root]
        if not person and concepts:
            gone = pick(concepts, which)
            self.attempt(edits.remove_subtree(self.doc, "c", gone))
            assert all(gone not in r.concepts for r in self.doc.rounds)

    @precondition(lambda self: self.doc.rounds)
    @rule(index=choice)
    def remove_round(self, index):
        self.attempt(RemoveRecord("rounds", pick(self.doc.rounds, index).id))

    @rule(field=st.sampled_from(["title", "brief", "place", "date"]), value=any_text)
    def edit_meta(self, field, value):
        self.attempt(SetMeta(field, value))

    @rule(who=choice)
    def set_facilitators(self, who):
        person = self.participant(who)
        self.attempt(SetMeta("facilitators", [person] if person else ["p-nobody"]))

    @rule(index=choice, text=any_text)
    def compound_that_fails_half_way(self, index, text):
        concept = self.node("c", index)
        steps = (SetNodeField("c", concept, "text", text), MoveNode("c", concept, concept, 0))
        self.attempt(Compound(steps, "broken"))

    @invariant()
    def rules_hold(self):
        session = self.doc.to_session()
        assert session_problems(session) == []
        data = encode(session)
        assert encode(decode(data)) == data
        assert self.seen_nodes == {node for space in "ck" for node in self.doc.walk(space)}
        for round_ in self.doc.rounds:
            ranking = round_ranking(self.doc, round_.id)
            assert sorted(cid for cid, _ in ranking) == sorted(round_.concepts)
            assert [dots for _, dots in ranking] == sorted((d for _, d in ranking), reverse=True)
            assert round_ranking(session, round_.id) == ranking
            counts = theme_counts_in_round(self.doc, round_.id)
            assert list(counts) == [theme.id for theme in self.doc.themes]
            assert all(dots_left(self.doc, round_.id, p) >= 0 for p in round_.participants)
        running = running_round(self.doc)
        assert running is None or (not running.ended and running in self.doc.rounds)
        for space in "ck":
            for node in self.doc.walk(space):
                parent = self.doc.node(space, node).parent
                assert node in self.doc.children(space, parent)

    def teardown(self):
        final = encode(self.doc.to_session())
        redo_stack = [self.doc.apply(inverse) for inverse in reversed(self.undo_stack)]
        assert encode(self.doc.to_session()) == self.initial
        for redo in reversed(redo_stack):
            self.doc.apply(redo)
        assert encode(self.doc.to_session()) == final


EditSequence.TestCase.settings = settings(
    max_examples=200,
    stateful_step_count=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_edit_sequences = EditSequence.TestCase
