"""Grafting an imported outline onto a session: fields given their C-K meaning,
one operation undone whole, nothing half-added."""

from __future__ import annotations

from pathlib import Path

import pytest

from ckstudio.interchange.extract import outline_of
from ckstudio.interchange.graft import graft, session_from
from ckstudio.interchange.outline import Outline, OutlineNode
from ckstudio.model import Document, OperationError, limits
from ckstudio.model.templates import new_session
from ckstudio.storage import load_session

ROOT = Path(__file__).resolve().parents[2]
SCHOOL = ROOT / "examples" / "ecocirc-groupe-scolaire.ck.json"


def node(text: str, *children: OutlineNode, **fields: str) -> OutlineNode:
    return OutlineNode(text, fields=fields, children=list(children))


@pytest.fixture
def doc() -> Document:
    return Document(new_session("Atelier", "Un groupe scolaire circulaire"))


def test_fields_become_tags_people_and_values_by_code_or_label(doc):
    outline = Outline([
        node("L'école qui respire", theme="structure; Énergie", reach="atteignable",
             outcome="retained", author="Claire M."),
        node("L'école hors-les-murs", reach="breakthrough", partition="expansive"),
    ])  # fmt: skip
    result = graft(doc, outline, "c", doc.root)
    doc.apply(result.operation)
    first, second = (doc.concept(cid) for cid in result.roots)
    names = {theme.id: theme.name for theme in doc.themes}
    assert [names[tag.theme] for tag in first.tags] == ["Structure", "Énergie"]
    assert (first.reach, first.outcome) == ("reachable", "retained")
    assert doc.participant(first.author).name == "Claire M."
    assert (second.reach, second.partition) == ("breakthrough", "expansive")
    assert "the theme “Énergie” was added" in result.warnings
    assert "the participant “Claire M.” was added" in result.warnings


def test_values_that_mean_nothing_are_said_and_left_out(doc):
    outline = Outline(
        [node("a", reach="très loin", status="acquise"), node("b", reach="très loin")]
    )
    result = graft(doc, outline, "c", doc.root)
    doc.apply(result.operation)
    assert doc.concept(result.roots[0]).reach == "unassessed"
    assert result.warnings.count("“très loin” is not a reach: left as it was") == 1
    assert "the column “status” has no meaning here: left out" in result.warnings


def test_an_import_is_one_step_that_undo_takes_back_whole(doc):
    before = doc.to_session()
    outline = Outline([node("a", node("a.1", node("a.1.1")), theme="Nouveau"), node("b")])
    undo = doc.apply(graft(doc, outline, "c", doc.root).operation)
    assert doc.node_count("c") == 5
    doc.apply(undo)
    assert doc.to_session() == before


def test_children_keep_their_order_after_the_parents_own(doc):
    existing = doc.children("c", doc.root)
    outline = Outline([node("x", node("x1"), node("x2")), node("y")])
    result = graft(doc, outline, "c", doc.root)
    doc.apply(result.operation)
    texts = [doc.concept(cid).text for cid in doc.children("c", doc.root)]
    assert texts[: len(existing)] == [doc.concept(cid).text for cid in existing]
    assert texts[len(existing) :] == ["x", "y"]
    assert [doc.concept(c).text for c in doc.children("c", result.roots[0])] == ["x1", "x2"]


def test_too_long_a_text_is_cut_and_its_end_kept_in_the_notes(doc):
    text = "mot " * (limits.MAX_TEXT // 2)
    result = graft(doc, Outline([OutlineNode(text, notes="déjà")]), "c", doc.root)
    doc.apply(result.operation)
    concept = doc.concept(result.roots[0])
    assert concept.text == text[: limits.MAX_TEXT]
    assert concept.notes.startswith(text[limits.MAX_TEXT :].strip()) and concept.notes.endswith(
        "déjà"
    )


def test_an_import_beyond_the_session_limit_adds_nothing(doc, monkeypatch):
    monkeypatch.setattr(limits, "MAX_NODES", 12)
    before = doc.to_session()
    with pytest.raises(OperationError) as refused:
        graft(doc, Outline([node(str(i)) for i in range(12)]), "c", doc.root)
    assert str(refused.value) == (
        "the import holds 12 nodes, more than the session has room for (11)"
    )
    operation = graft(doc, Outline([node(str(i)) for i in range(11)]), "c", doc.root).operation
    monkeypatch.setattr(limits, "MAX_NODES", 5)  # the session filled up meanwhile
    with pytest.raises(OperationError):
        doc.apply(operation)
    assert doc.to_session() == before


def test_folded_nodes_are_listed_for_the_view(doc):
    outline = Outline([OutlineNode("a", folded=True, children=[OutlineNode("b")])])
    result = graft(doc, outline, "c", doc.root)
    assert result.folded == result.roots


def test_a_single_root_becomes_c0_with_its_fields():
    outline = Outline([node("Un groupe scolaire", node("L'école qui respire"), theme="Flux",
                            author="Jean B.", partition="expansive")])  # fmt: skip
    session, _ = session_from(outline, "c", "Atelier")
    c0 = session.concepts[0]
    assert c0.text == "Un groupe scolaire" and c0.partition is None
    assert [t.theme for t in c0.tags] == ["t-flux"]
    assert {p.id: p.name for p in session.participants}[c0.author] == "Jean B."
    assert [c.text for c in session.concepts[1:]] == ["L'école qui respire"]


def test_several_roots_go_under_a_c0_named_after_the_title():
    session, _ = session_from(Outline([node("a"), node("b")]), "c", "Post-its du 12 mai")
    assert session.concepts[0].text == "Post-its du 12 mai"
    assert [c.parent for c in session.concepts[1:]] == ["c0", "c0"]


@pytest.mark.parametrize("centred", [True, False])
def test_a_k_space_centre_gives_the_pockets_and_a_lone_pocket_stays(centred):
    pocket = node("Matériaux", node("Le réemploi"))
    named = Outline([node("Espace K (connaissances)", pocket)])
    session, _ = session_from(named, "k", "Atelier")
    assert [k.text for k in session.knowledge if k.parent is None] == ["Matériaux"]
    lone = Outline([pocket], centred=centred)
    session, _ = session_from(lone, "k", "Atelier")
    tops = [k.text for k in session.knowledge if k.parent is None]
    assert tops == (["Le réemploi"] if centred else ["Matériaux"])


@pytest.mark.parametrize("space", ["c", "k"])
def test_a_session_out_and_back_keeps_its_tree_texts_and_fields(space):
    session = load_session(SCHOOL)
    again, _ = session_from(outline_of(session, space), space, session.meta.title)

    def shape(s):
        doc = Document(s, checked=True)
        return [
            (doc.node(space, n).text, len(list(doc.ancestors(space, n)))) for n in doc.walk(space)
        ]

    assert shape(again) == shape(session)
    if space == "c":
        before = [
            (c.reach, c.outcome, c.partition or "", len({t.theme for t in c.tags}))
            for c in session.concepts
        ]
        after = [
            (c.reach, c.outcome, c.partition or "", len({t.theme for t in c.tags}))
            for c in again.concepts
        ]
        assert sorted(after) == sorted(before)
    else:
        assert sorted(k.status for k in again.knowledge) == sorted(
            k.status for k in session.knowledge
        )


def test_a_long_title_and_c0_text_are_cut_and_said():
    title, text = "T" * (limits.MAX_NAME + 5), "C" * (limits.MAX_TEXT + 7)
    session, result = session_from(Outline([node(text, node("a"))]), "c", title)
    assert session.meta.title == title[: limits.MAX_NAME]
    assert session.concepts[0].text == text[: limits.MAX_TEXT]
    assert session.concepts[0].notes == "C" * 7
    assert f"the title was cut to {limits.MAX_NAME} characters" in result.warnings


def test_notes_beyond_the_limit_are_cut_and_said(doc):
    notes = "n" * (limits.MAX_NOTES + 1)
    result = graft(doc, Outline([OutlineNode("a", notes=notes)]), "c", doc.root)
    doc.apply(result.operation)
    assert len(doc.concept(result.roots[0]).notes) == limits.MAX_NOTES
    assert f"notes longer than {limits.MAX_NOTES} characters were cut" in result.warnings


def test_export_keeps_the_folds_it_is_given():
    session = load_session(SCHOOL)
    folded = {session.concepts[1].id}
    outline = outline_of(session, "c", folded)
    assert [n.text for n, _ in outline.walk() if n.folded] == [session.concepts[1].text]
