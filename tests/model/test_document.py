"""Examples of what the Document allows, refuses and tells its subscribers."""

from __future__ import annotations

import pytest

from ckstudio.model import Change, Document, InvalidSessionError, OperationError, Session, edits
from ckstudio.model.operations import (
    AddNode,
    AddRecord,
    AddTag,
    Compound,
    MoveNode,
    RemoveNode,
    RemoveRecord,
    SetMeta,
    SetNodeField,
    SetVote,
)
from ckstudio.model.templates import new_session
from ckstudio.storage import encode


@pytest.fixture
def doc() -> Document:
    """C0 > c1 (tagged, voted, linked) > c2; pocket k1 > k2; participant p1."""
    doc = Document(new_session("Atelier", "Un groupe scolaire circulaire"))
    doc.apply(edits.add_participant(doc, "Claire M.", "ecoCIRC", "facilitator"))
    doc.apply(SetMeta("facilitators", ["p1"]))
    doc.apply(edits.add_concept(doc, "c0", "L'école qui respire", author="p1"))
    doc.apply(edits.add_concept(doc, "c1", "L'école dont les murs filtrent l'air"))
    doc.apply(edits.add_knowledge(doc, None, "Matériaux"))
    doc.apply(edits.add_knowledge(doc, "k1", "Matériaux biosourcés", holder="p1"))
    doc.apply(edits.link(doc, "c1", "k2"))
    doc.apply(edits.link(doc, "c2", "k2", "k_to_c"))
    doc.apply(AddTag("c1", "t-structure", "p1"))
    doc.apply(SetVote("c1", "p1", 2))
    return doc


def snapshot(doc: Document) -> bytes:
    return encode(doc.to_session())


def test_removing_a_subtree_takes_its_links_and_undo_restores_every_byte(doc):
    before = snapshot(doc)
    undo = doc.apply(edits.remove_subtree(doc, "c", "c1"))
    assert doc.children("c", "c0") == ()
    assert doc.links == ()
    assert not doc.has_node("c", "c2")
    doc.apply(undo)
    assert snapshot(doc) == before


def test_moving_a_concept_under_its_own_descendant_is_refused(doc):
    before = snapshot(doc)
    with pytest.raises(OperationError, match="under itself or its own descendants"):
        doc.apply(MoveNode("c", "c1", "c2", 0))
    assert snapshot(doc) == before


def test_c0_cannot_be_moved_removed_or_partitioned(doc):
    with pytest.raises(OperationError, match="C0 cannot be moved"):
        doc.apply(MoveNode("c", "c0", "c1", 0))
    with pytest.raises(OperationError, match="C0 cannot be removed"):
        doc.apply(edits.remove_subtree(doc, "c", "c0"))
    with pytest.raises(OperationError, match="C0 has no partition"):
        doc.apply(SetNodeField("c", "c0", "partition", "expansive"))


def test_a_concept_cannot_go_into_knowledge_space(doc):
    with pytest.raises(OperationError, match="is not a knowledge item"):
        doc.apply(MoveNode("k", "c1", "k1", 0))
    with pytest.raises(OperationError, match="is not a knowledge item"):
        doc.apply(MoveNode("k", "k2", "c1", 0))


def test_reordering_siblings_and_undo(doc):
    doc.apply(edits.add_concept(doc, "c0", "L'école ronde"))
    doc.apply(edits.add_concept(doc, "c0", "L'école hors-les-murs"))
    undo = doc.apply(MoveNode("c", "c4", "c0", 0))
    assert doc.children("c", "c0") == ("c4", "c1", "c3")
    doc.apply(undo)
    assert doc.children("c", "c0") == ("c1", "c3", "c4")


def test_removing_a_theme_removes_its_tags_in_one_undoable_step(doc):
    before = snapshot(doc)
    undo = doc.apply(edits.remove_theme(doc, "t-structure"))
    assert doc.concept("c1").tags == []
    assert "t-structure" not in doc.record_ids("themes")
    doc.apply(undo)
    assert snapshot(doc) == before


def test_removing_a_participant_removes_every_reference_and_undo_restores(doc):
    before = snapshot(doc)
    undo = doc.apply(edits.remove_participant(doc, "p1"))
    assert doc.concept("c1").votes == [] and doc.concept("c1").tags == []
    assert doc.concept("c1").author is None and doc.knowledge("k2").holder is None
    assert doc.meta.facilitators == []
    doc.apply(undo)
    assert snapshot(doc) == before


def test_a_referenced_record_cannot_be_removed_alone(doc):
    with pytest.raises(OperationError, match="still referred to"):
        doc.apply(RemoveRecord("participants", "p1"))


def test_references_must_exist(doc):
    with pytest.raises(OperationError, match="does not exist"):
        doc.apply(AddTag("c1", "t-nowhere"))
    with pytest.raises(OperationError, match="does not exist"):
        doc.apply(SetNodeField("k", "k2", "holder", "p-ghost"))
    with pytest.raises(OperationError, match="exists already"):
        doc.apply(edits.link(doc, "c1", "k2"))
    with pytest.raises(OperationError, match="tagged twice"):
        doc.apply(AddTag("c1", "t-structure", "p1"))


def test_values_are_checked_like_a_file(doc):
    with pytest.raises(OperationError, match="reach"):
        doc.apply(SetNodeField("c", "c1", "reach", "far"))
    with pytest.raises(OperationError, match="not an editable field"):
        doc.apply(SetNodeField("c", "c1", "parent", "c0"))
    with pytest.raises(OperationError, match="surrogate"):
        doc.apply(SetNodeField("c", "c1", "text", "half \ud800 pair"))
    with pytest.raises(OperationError, match="already used"):
        doc.apply(AddNode("c", {"id": "k1", "parent": "c0", "text": "x"}, 0))


def test_a_node_with_children_or_links_is_not_removed_alone(doc):
    with pytest.raises(OperationError, match="still has children"):
        doc.apply(RemoveNode("c", "c1"))
    with pytest.raises(OperationError, match="still has links"):
        doc.apply(RemoveNode("c", "c2"))


def test_a_compound_that_fails_changes_nothing(doc):
    before = snapshot(doc)
    steps = (SetNodeField("c", "c1", "text", "changed"), MoveNode("c", "c1", "c2", 0))
    with pytest.raises(OperationError):
        doc.apply(Compound(steps))
    assert snapshot(doc) == before


def test_votes_are_set_replaced_and_removed(doc):
    undo = doc.apply(SetVote("c1", "p1", 3))
    assert [(v.by, v.count) for v in doc.concept("c1").votes] == [("p1", 3)]
    doc.apply(SetVote("c1", "p1", 0))
    assert doc.concept("c1").votes == []
    doc.apply(SetVote("c1", "p1", 2))
    doc.apply(undo)
    assert [(v.by, v.count) for v in doc.concept("c1").votes] == [("p1", 2)]


def test_events_say_what_changed(doc):
    events = []
    doc.subscribe(events.append)
    doc.apply(edits.add_concept(doc, "c1", "L'école ronde"))
    doc.apply(SetNodeField("c", "c3", "reach", "breakthrough"))
    doc.apply(MoveNode("c", "c3", "c0", 0))
    doc.apply(AddTag("c3", "t-flux"))
    doc.apply(AddRecord("themes", {"id": "t-x", "name": "X", "color": "#000000"}))
    doc.unsubscribe(events.append)
    doc.apply(edits.remove_subtree(doc, "c", "c3"))
    assert [(e.change, e.id, e.parent, e.field) for e in events] == [
        (Change.NODE_ADDED, "c3", "c1", None),
        (Change.NODE_CHANGED, "c3", "c1", "reach"),
        (Change.NODE_MOVED, "c3", "c0", None),
        (Change.TAGS_CHANGED, "c3", "c0", "tags"),
        (Change.THEME_ADDED, "t-x", None, None),
    ]


def test_a_snapshot_does_not_change_with_later_edits(doc):
    snapshot_session = doc.to_session()
    frozen = encode(snapshot_session)
    doc.apply(SetNodeField("c", "c1", "text", "autre chose"))
    doc.apply(edits.remove_subtree(doc, "k", "k1"))
    assert encode(snapshot_session) == frozen


def test_new_ids_are_unique_across_the_whole_session(doc):
    ids = {doc.new_id("c") for _ in range(50)}
    assert len(ids) == 50
    assert not any(doc.has_id(i) for i in ids)


def test_a_document_refuses_an_invalid_session():
    session = new_session("x")
    broken = Session.model_construct(
        **{**dict(session), "concepts": [*session.concepts, session.concepts[0]]}
    )
    with pytest.raises(InvalidSessionError, match="already used"):
        Document(broken)


def _garbage_operations():
    return [
        MoveNode("c", "c1", "c0", 0.5),
        MoveNode("c", "c1", "c0", True),
        AddNode("c", {"id": "x", "parent": "c0", "text": ""}, 0.0),
        AddNode("z", {"id": "x", "parent": "c0", "text": ""}, 0),
        AddNode("c", "not a dict", 0),
        RemoveNode("c", []),
        RemoveNode("zz", "c1"),
        RemoveRecord("zz", "p1"),
        SetNodeField(None, "c1", "text", "x"),
        SetNodeField("c", "c1", ["text"], "x"),
        SetMeta([], 1),
        AddTag({}, "t-flux"),
        AddTag("c1", "t-flux", None, "0"),
        SetVote("c1", "p1", None),
        SetVote("c1", "p1", 2.0),
        SetVote("c1", "p1", -1),
        AddRecord("themes", {"id": "t-x", "name": "X", "color": "#000000"}, 1.5),
        Compound(None),
        Compound((None,)),
    ]


@pytest.mark.parametrize("operation", _garbage_operations(), ids=repr)
def test_garbage_is_refused_with_an_operation_error_and_changes_nothing(doc, operation):
    before = snapshot(doc)
    with pytest.raises(OperationError):
        doc.apply(operation)
    assert snapshot(doc) == before


def test_a_move_event_says_where_the_node_was_and_where_it_is(doc):
    doc.apply(edits.add_concept(doc, "c0", "L'école ronde"))
    events = []
    doc.subscribe(events.append)
    doc.apply(MoveNode("c", "c2", "c0", 1))
    (event,) = events
    assert (event.parent, event.position, event.old_parent, event.old_position) == (
        "c0",
        1,
        "c1",
        0,
    )


def test_a_change_that_changes_nothing_tells_nobody(doc):
    events = []
    doc.subscribe(events.append)
    doc.apply(SetNodeField("c", "c1", "text", doc.concept("c1").text))
    doc.apply(SetVote("c2", "p1", 0))
    assert events == []


def test_a_failing_listener_cannot_leave_an_edit_half_done(doc, caplog):
    def broken(event):
        raise RuntimeError("listener bug")

    doc.subscribe(broken)
    steps = (
        edits.add_concept(doc, "c0", "a"),
        AddNode("c", {"id": "x2", "parent": "c0", "text": "b"}, 0),
    )
    undo = doc.apply(Compound(steps))
    assert doc.children("c", "c0") == ("x2", "c1", "c3")
    doc.apply(undo)
    assert doc.children("c", "c0") == ("c1",)
    assert "listener bug" in caplog.text


@pytest.mark.parametrize("date", ["20200506", "2020-W19-3", "2020-02-30", "6 mai 2020"])
def test_dates_keep_to_the_documented_form(doc, date):
    with pytest.raises(OperationError, match="YYYY-MM-DD"):
        doc.apply(SetMeta("date", date))


def test_creation_times_need_a_time(doc):
    with pytest.raises(OperationError, match="date and time"):
        doc.apply(SetMeta("created", "2020-05-06"))
    doc.apply(SetMeta("created", "2020-05-06T10:00:00+02:00"))
    assert doc.meta.created == "2020-05-06T10:00:00+02:00"


def test_only_a_session_checked_by_the_loader_skips_the_rules(doc):
    session = doc.to_session()
    broken = session.model_copy(update={"concepts": session.concepts[1:]})  # C0 gone
    with pytest.raises(InvalidSessionError):
        Document(broken)
    assert Document(session, checked=True).node_count("c") == len(session.concepts)
