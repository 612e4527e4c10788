"""Finding text: accents and case ignored, hits in map order, each saying which field matched."""

from __future__ import annotations

import hypothesis.strategies as st
import pytest
from hypothesis import given

from ckstudio.model import Document, edits
from ckstudio.model.operations import RemoveNode, SetNodeField
from ckstudio.model.search import Finder, Hit, fold
from ckstudio.model.templates import new_session


@pytest.fixture
def doc() -> Document:
    """C0 > c1 "L'école qui respire" > c2; c0 > c3 "ÉCOLES…"; pockets k1 > k2, k3."""
    doc = Document(new_session("Atelier", "Un groupe scolaire circulaire"))
    doc.apply(edits.add_concept(doc, "c0", "L'école qui respire"))
    doc.apply(
        edits.add_concept(doc, "c1", "Des murs qui filtrent l'air", notes="Voir l’ECOLE de Lyon")
    )
    doc.apply(edits.add_concept(doc, "c0", "ÉCOLES ouvertes le soir"))
    doc.apply(edits.add_knowledge(doc, None, "Matériaux"))
    doc.apply(edits.add_knowledge(doc, "k1", "Bois", source="Rapport Écoles 2021"))
    doc.apply(edits.add_knowledge(doc, None, "Cœur d'îlot"))
    return doc


def ids(hits: list[Hit]) -> list[str]:
    return [hit.id for hit in hits]


@pytest.mark.parametrize("query", ["ecole", "ECOLE", "École", "  ecole ", "écolé"])
def test_accents_and_case_are_ignored(doc, query):
    assert ids(Finder(doc).find(query)) == ["c1", "c2", "c3", "k2"]


def test_the_accented_text_is_found_from_the_plain_query_and_back():
    assert fold("Écoles") == "ecoles"
    assert "ecole" in fold("Écoles") and fold("ecole") in fold("l’École")


def test_hits_are_in_map_order_and_name_the_fields_that_matched(doc):
    assert Finder(doc).find("ecole") == [
        Hit("c", "c1", ("text",)),
        Hit("c", "c2", ("notes",)),
        Hit("c", "c3", ("text",)),
        Hit("k", "k2", ("source",)),
    ]


def test_ligatures_and_typographic_apostrophes(doc):
    assert ids(Finder(doc).find("coeur")) == ["k3"]
    assert ids(Finder(doc).find("Cœur d’ilot")) == ["k3"]
    assert fold("Æsthète STRAßE") == "aesthete strasse"
    assert ids(Finder(doc).find("l'ecole de")) == ["c2"]


def test_spaces_and_line_breaks_count_as_one_space(doc):
    doc.apply(SetNodeField("c", "c3", "text", "Écoles\nouvertes   le soir"))
    assert ids(Finder(doc).find("ecoles ouvertes le")) == ["c3"]


@pytest.mark.parametrize("query", ["", "   ", "\u0301", "zzz"])
def test_an_empty_query_or_no_match_finds_nothing(doc, query):
    assert Finder(doc).find(query) == []


def test_edits_are_followed_though_folded_texts_are_cached(doc):
    finder = Finder(doc)
    assert ids(finder.find("ecole")) == ["c1", "c2", "c3", "k2"]
    doc.apply(SetNodeField("c", "c3", "text", "Cantine partagée"))
    doc.apply(edits.add_knowledge(doc, "k3", "Une école-témoin"))
    doc.apply(RemoveNode("k", "k2"))
    assert ids(finder.find("ecole")) == ["c1", "c2", "k4"]
    assert ids(finder.find("cantine")) == ["c3"]


# Text that the model accepts, with many accents, capitals, ligatures and odd spaces.
texts = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",))
    | st.sampled_from("éÉèàçÇœŒæßẞ’ʼ\u00a0\u202f\u0301ℌﬁİı"),
    max_size=40,
)


@given(texts)
def test_folding_twice_changes_nothing(text):
    assert fold(fold(text)) == fold(text)


@given(st.lists(texts, min_size=1, max_size=8), st.data())
def test_every_node_holding_the_query_as_typed_is_found(words, data):
    doc = Document(new_session("Atelier", "C0"))
    for word in words:
        doc.apply(edits.add_concept(doc, "c0", word))
    source = data.draw(st.sampled_from(words))
    start = data.draw(st.integers(0, len(source)))
    query = source[start : data.draw(st.integers(start, len(source)))]
    found = set(ids(Finder(doc).find(query)))
    holding = {ref for ref in doc.walk("c") if query in doc.concept(ref).text}
    if fold(query):
        assert holding <= found
    else:
        assert not found
