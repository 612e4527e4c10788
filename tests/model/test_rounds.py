"""Tagging and voting rounds: the operations and their inverses, the cascades, the
rules a round obeys, and the results the helpers of model.rounds read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ckstudio.model import Change, Document, InvalidSessionError, OperationError, edits
from ckstudio.model.operations import (
    AddRecord,
    AddTag,
    RemoveNode,
    RemoveRecord,
    SetRecordField,
    SetVote,
)
from ckstudio.model.rounds import (
    dots_left,
    dots_used,
    ranks,
    round_ranking,
    running_round,
    theme_concepts_in_round,
    theme_counts_in_round,
)
from ckstudio.model.session import Session
from ckstudio.model.templates import new_session
from ckstudio.storage import decode, encode, load_session
from ckstudio.storage.codec import ParseError

SCHOOL = Path(__file__).resolve().parents[2] / "examples" / "ecocirc-groupe-scolaire.ck.json"
T0 = "2020-05-06T10:00:00+02:00"
T1 = "2020-05-06T10:20:00+02:00"


@pytest.fixture
def doc() -> Document:
    """C0 > c1, c2 (c2 > c3); participants p1, p2; the default themes."""
    doc = Document(new_session("Atelier", "Un groupe scolaire circulaire"))
    for name in ("Ana", "Bo"):
        doc.apply(edits.add_participant(doc, name))
    for parent, text in (("c0", "L'école qui respire"), ("c0", "L'école ronde"), ("c2", "Cour")):
        doc.apply(edits.add_concept(doc, parent, text))
    return doc


def snapshot(doc: Document) -> bytes:
    return encode(doc.to_session())


def test_starting_and_ending_a_round_undo_exactly(doc):
    seen = []
    doc.subscribe(seen.append)
    before = snapshot(doc)
    start = edits.start_round(doc, "voting", ["c1", "c2"], ["p1", "p2"], T0, budget=2, hidden=True)
    undo_start = doc.apply(start)
    round_ = doc.round("r1")
    assert (round_.kind, round_.ended, round_.budget, round_.hidden) == ("voting", "", 2, True)
    assert doc.rounds == (round_,)
    assert running_round(doc) == round_
    after_start = snapshot(doc)
    undo_end = doc.apply(edits.end_round(doc, "r1", T1))
    assert doc.round("r1").ended == T1
    assert running_round(doc) is None
    assert [(e.change, e.id, e.field) for e in seen] == [
        (Change.ROUND_ADDED, "r1", None),
        (Change.ROUND_CHANGED, "r1", "ended"),
    ]
    doc.apply(undo_end)
    assert snapshot(doc) == after_start
    doc.apply(undo_start)
    assert snapshot(doc) == before
    assert seen[-1].change is Change.ROUND_REMOVED
    with pytest.raises(KeyError):
        doc.round("r1")


def test_a_round_survives_saving_and_loading(doc):
    doc.apply(edits.start_round(doc, "tagging", ["c1"], ["p2"], T0))
    data = snapshot(doc)
    loaded = decode(data)
    assert loaded.version == 2
    assert loaded.rounds == list(doc.rounds)
    assert encode(loaded) == data


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ended", T1),
        ("participants", ["p2"]),
        ("concepts", ["c3", "c1"]),
        ("budget", 7),
        ("hidden", True),
    ],
)
def test_each_editable_field_of_a_round_changes_and_undoes(doc, field, value):
    doc.apply(edits.start_round(doc, "voting", ["c1"], ["p1"], T0))
    before = snapshot(doc)
    undo = doc.apply(SetRecordField("rounds", "r1", field, value))
    assert getattr(doc.round("r1"), field) == value
    doc.apply(undo)
    assert snapshot(doc) == before


@pytest.mark.parametrize(
    ("operation", "message"),
    [
        (SetRecordField("rounds", "r1", "kind", "tagging"), "'kind' is not an editable field"),
        (SetRecordField("rounds", "r1", "started", T1), "'started' is not an editable field"),
        (SetRecordField("rounds", "r1", "participants", ["p9"]), "participant 'p9'"),
        (SetRecordField("rounds", "r1", "concepts", ["k1"]), "concept 'k1', which does not"),
        (SetRecordField("rounds", "r1", "concepts", ["c1", "c1"]), "one concept twice"),
        (SetRecordField("rounds", "r1", "participants", ["p1", "p1"]), "one participant twice"),
        (SetRecordField("rounds", "r1", "budget", 0), "greater than or equal to 1"),
        (SetRecordField("rounds", "r1", "budget", 100), "less than or equal to 99"),
        (SetRecordField("rounds", "r1", "ended", "tomorrow"), "not an ISO 8601"),
        (SetRecordField("rounds", "r9", "ended", T1), "'r9' does not exist"),
        (SetRecordField("votes", "r1", "ended", T1), "'votes' is not 'themes', 'participants'"),
    ],
)
def test_a_bad_round_edit_is_refused_and_changes_nothing(doc, operation, message):
    doc.apply(edits.start_round(doc, "voting", ["c1"], ["p1"], T0))
    before = snapshot(doc)
    with pytest.raises(OperationError, match=message):
        doc.apply(operation)
    assert snapshot(doc) == before


@pytest.mark.parametrize(
    ("kind", "concepts", "participants", "started", "message"),
    [
        ("poll", ["c1"], [], T0, "Input should be 'tagging' or 'voting'"),
        ("voting", ["c9"], [], T0, "concept 'c9'"),
        ("voting", ["c1"], ["p9"], T0, "participant 'p9', who does not exist"),
        ("tagging", [], [], "", "started: String should have at least 1 character"),
    ],
)
def test_a_bad_round_is_refused(doc, kind, concepts, participants, started, message):
    before = snapshot(doc)
    with pytest.raises(OperationError, match=message):
        doc.apply(edits.start_round(doc, kind, concepts, participants, started))
    assert snapshot(doc) == before


def test_removing_a_concept_takes_it_out_of_its_rounds_in_one_step(doc):
    doc.apply(edits.start_round(doc, "tagging", ["c1", "c2", "c3"], ["p1"], T0))
    doc.apply(edits.start_round(doc, "voting", ["c3", "c1"], ["p1"], T0))
    before = snapshot(doc)
    undo = doc.apply(edits.remove_subtree(doc, "c", "c2"))
    assert doc.round("r1").concepts == ["c1"]
    assert doc.round("r2").concepts == ["c1"]
    doc.apply(undo)
    assert snapshot(doc) == before


def test_a_concept_still_in_a_round_cannot_be_removed_alone(doc):
    doc.apply(edits.start_round(doc, "tagging", ["c1"], [], T0))
    with pytest.raises(OperationError, match="'c1' is still in a round"):
        doc.apply(RemoveNode("c", "c1"))
    assert doc.has_node("c", "c1")


def test_removing_a_participant_takes_them_out_of_rounds_and_undo_restores(doc):
    doc.apply(edits.start_round(doc, "voting", ["c1"], ["p1", "p2"], T0))
    doc.apply(SetVote("c1", "p1", 2))
    before = snapshot(doc)
    with pytest.raises(OperationError, match="still referred to"):
        doc.apply(RemoveRecord("participants", "p1"))
    undo = doc.apply(edits.remove_participant(doc, "p1"))
    assert doc.round("r1").participants == ["p2"]
    assert doc.concept("c1").votes == []
    doc.apply(undo)
    assert snapshot(doc) == before


def test_a_round_can_be_removed_and_put_back_in_place(doc):
    for kind in ("tagging", "voting", "tagging"):
        doc.apply(edits.start_round(doc, kind, ["c1"], [], T0))
    before = snapshot(doc)
    undo = doc.apply(RemoveRecord("rounds", "r2"))
    assert [r.id for r in doc.rounds] == ["r1", "r3"]
    doc.apply(undo)
    assert snapshot(doc) == before


def test_round_ids_are_unique_across_the_session(doc):
    doc.apply(edits.start_round(doc, "tagging", [], [], T0))
    before = snapshot(doc)
    with pytest.raises(OperationError, match="the id 'c1' is already used"):
        doc.apply(AddRecord("rounds", {"id": "c1", "kind": "voting", "started": T0}))
    assert snapshot(doc) == before
    assert edits.start_round(doc, "voting", [], [], T0).record["id"] == "r2"


def test_a_session_naming_an_unknown_participant_in_a_round_is_not_a_document():
    session = new_session("Atelier", "C0")
    data = session.model_dump()
    data["rounds"] = [{"id": "r1", "kind": "voting", "started": T0, "participants": ["p9"]}]
    with pytest.raises(InvalidSessionError) as caught:
        Document(Session.model_validate(data))
    message = str(caught.value)
    assert message.count(".") <= 1  # one sentence
    assert "/rounds/0: the round names the participant 'p9', who does not exist" in message


def voting_doc(doc: Document) -> Document:
    """Round r1 on c1, c2, c3 for p1 and p2 with a budget of 3."""
    doc.apply(edits.start_round(doc, "voting", ["c1", "c2", "c3"], ["p1", "p2"], T0))
    doc.apply(SetVote("c2", "p1", 2))
    doc.apply(SetVote("c3", "p1", 1))
    doc.apply(SetVote("c3", "p2", 2))
    doc.apply(SetVote("c0", "p2", 1))  # outside the round: not counted
    return doc


def test_dots_used_and_left_count_the_round_concepts_only(doc):
    voting_doc(doc)
    assert dots_used(doc, "r1", "p1") == 3
    assert dots_left(doc, "r1", "p1") == 0
    assert dots_used(doc, "r1", "p2") == 2
    assert dots_left(doc, "r1", "p2") == 1
    assert dots_left(doc, "r1", None) == 3
    doc.apply(SetVote("c1", "p1", 4))  # over budget: nothing left, not a negative count
    assert dots_left(doc, "r1", "p1") == 0


def test_ranking_puts_most_dots_first_and_keeps_ties_in_round_order(doc):
    voting_doc(doc)
    assert round_ranking(doc, "r1") == [("c3", 3), ("c2", 2), ("c1", 0)]
    doc.apply(SetVote("c1", "p2", 1))
    doc.apply(SetVote("c2", "p2", 1))
    assert round_ranking(doc, "r1") == [("c2", 3), ("c3", 3), ("c1", 1)]


def test_the_helpers_read_a_session_as_they_read_a_document(doc):
    voting_doc(doc)
    session = doc.to_session()
    assert round_ranking(session, "r1") == round_ranking(doc, "r1")
    assert dots_used(session, "r1", "p1") == dots_used(doc, "r1", "p1")
    assert running_round(session, "voting") == running_round(doc, "voting") == doc.round("r1")
    with pytest.raises(KeyError):
        round_ranking(session, "r9")


def tagged(doc: Document) -> list[str]:
    """A tagging round r1 on c1 and c2: c1 tagged with the first theme by p1 and p2,
    c2 with the second by p1, c3 (outside the round) with the first by p1."""
    themes = [theme.id for theme in doc.themes]
    doc.apply(edits.start_round(doc, "tagging", ["c1", "c2"], ["p1", "p2"], T0))
    for concept, theme, by in (("c1", 0, "p1"), ("c1", 0, "p2"), ("c2", 1, "p1"), ("c3", 0, "p1")):
        doc.apply(AddTag(concept, themes[theme], by))
    return themes


def test_theme_counts_count_every_tag_on_the_round_concepts(doc):
    themes = tagged(doc)
    counts = theme_counts_in_round(doc, "r1")
    assert list(counts) == themes
    assert counts == {themes[0]: 2, themes[1]: 1, **{t: 0 for t in themes[2:]}}
    assert theme_counts_in_round(doc.to_session(), "r1") == counts


def test_running_round_is_the_newest_unended_one_of_the_kind(doc):
    doc.apply(edits.start_round(doc, "tagging", [], [], T0))
    doc.apply(edits.start_round(doc, "voting", [], [], T0))
    doc.apply(edits.start_round(doc, "tagging", [], [], T0))
    assert running_round(doc).id == "r3"
    assert running_round(doc, "voting").id == "r2"
    doc.apply(edits.end_round(doc, "r3", T1))
    assert running_round(doc, "tagging").id == "r1"
    assert running_round(doc).id == "r2"


def voted() -> tuple[Document, str, str, int]:
    """The school example with a new vote on a concept (not C0) that already has
    dots: the document, that concept, its first voter and the dots they gave."""
    doc = Document(load_session(SCHOOL), checked=True)
    concept = next(c for c in doc.walk("c") if doc.concept(c).votes and c != doc.root)
    vote = doc.concept(concept).votes[0]
    doc.apply(edits.start_round(doc, "voting", [concept], [vote.by], "2026-11-29T10:00:00+01:00"))
    return doc, concept, vote.by, vote.count


def test_dots_given_before_a_vote_are_not_the_rounds():
    doc, concept, voter, before = voted()
    round_id = doc.rounds[-1].id
    assert doc.round(round_id).earlier == {concept: {voter: before}}
    assert dots_used(doc, round_id, voter) == 0
    assert dots_left(doc, round_id, voter) == doc.round(round_id).budget
    doc.apply(SetVote(concept, voter, before + 1))
    assert dots_used(doc, round_id, voter) == 1


def test_removing_a_participant_drops_their_earlier_dots_and_undo_restores_them():
    doc, _, voter, _ = voted()
    before = doc.to_session()
    undo = doc.apply(edits.remove_participant(doc, voter))
    assert all(voter not in dots for dots in doc.rounds[-1].earlier.values())
    doc.apply(undo)
    assert doc.to_session() == before


def test_a_file_counting_earlier_dots_of_a_stranger_is_refused():
    data = json.loads(encode(load_session(SCHOOL)))
    voting = next(r for r in data["rounds"] if r["kind"] == "voting")
    voting["earlier"] = {voting["concepts"][0]: {"p99": 2}}
    with pytest.raises(ParseError) as refused:
        decode(json.dumps(data).encode())
    assert "p99" in str(refused.value) and "\n" not in str(refused.value)


def test_theme_concepts_count_each_concept_once_per_theme(doc):
    themes = tagged(doc)
    counts = theme_concepts_in_round(doc, "r1")
    assert counts == {themes[0]: 1, themes[1]: 1, **{t: 0 for t in themes[2:]}}
    assert theme_counts_in_round(doc, "r1")[themes[0]] == 2
    assert theme_concepts_in_round(doc.to_session(), "r1") == counts


@given(st.lists(st.integers(min_value=0, max_value=4), max_size=12))
def test_ranks_share_a_place_between_ties(dots):
    ranking = [(f"c{i}", d) for i, d in enumerate(sorted(dots, reverse=True))]
    places = ranks(ranking)
    assert len(places) == len(ranking)
    for i in range(1, len(ranking)):
        same = ranking[i][1] == ranking[i - 1][1]
        assert places[i] == (places[i - 1] if same else i + 1)
    assert places[:1] in ([], [1])


def test_a_second_vote_on_the_same_concepts_starts_from_zero():
    doc, concept, voter, before = voted()
    round_id = doc.rounds[-1].id
    assert round_ranking(doc, round_id) == [(concept, 0)]
    doc.apply(SetVote(concept, voter, before + 2))
    assert round_ranking(doc, round_id) == [(concept, 2)]


def test_taking_back_an_earlier_dot_frees_none_of_the_budget():
    doc, concept, voter, before = voted()
    round_id = doc.rounds[-1].id
    doc.apply(SetVote(concept, voter, before - 1))
    assert dots_used(doc, round_id, voter) == 0
    assert dots_left(doc, round_id, voter) == doc.round(round_id).budget
    assert round_ranking(doc, round_id) == [(concept, 0)]


def test_removing_a_concept_from_the_rounds_drops_its_earlier_dots():
    doc, concept, _, _ = voted()
    before = doc.to_session()
    undo = doc.apply(edits.remove_subtree(doc, "c", concept))
    assert concept not in doc.rounds[-1].earlier
    doc.apply(undo)
    assert doc.to_session() == before
