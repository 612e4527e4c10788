"""Text being typed, put into a snapshot: the file's rules hold, the Document is untouched."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from ckstudio.model.operations import SetLinkField, SetMeta, SetNodeField
from ckstudio.model.pending import with_typing
from ckstudio.storage import encode, load_session

SCHOOL = Path(__file__).resolve().parents[2] / "examples" / "ecocirc-groupe-scolaire.ck.json"
SESSION = load_session(SCHOOL)


def test_no_typing_gives_the_snapshot_itself():
    assert with_typing(SESSION, []) is SESSION


def test_node_link_and_meta_edits_land_in_the_copy_only():
    concept, item, link = SESSION.concepts[3], SESSION.knowledge[2], SESSION.links[0]
    edits = [
        SetNodeField("c", concept.id, "notes", "noté à la volée"),
        SetNodeField("k", item.id, "source", "une source"),
        SetLinkField(link.id, "note", "pourquoi ce lien"),
        SetMeta("brief", "le brief retouché"),
    ]
    copy = with_typing(SESSION, edits)
    assert next(c for c in copy.concepts if c.id == concept.id).notes == "noté à la volée"
    assert next(k for k in copy.knowledge if k.id == item.id).source == "une source"
    assert next(x for x in copy.links if x.id == link.id).note == "pourquoi ce lien"
    assert copy.meta.brief == "le brief retouché"
    assert SESSION.concepts[3].notes == concept.notes  # the snapshot is not changed


def test_a_value_the_file_would_refuse_is_left_out():
    concept = SESSION.concepts[1]
    edits = [
        SetNodeField("c", concept.id, "notes", "bad \ud800 surrogate"),
        SetNodeField("c", "no-such-id", "notes", "nowhere"),
        SetMeta("date", "not a date"),
    ]
    copy = with_typing(SESSION, edits)
    assert encode(copy) == encode(SESSION)


@given(st.text())
def test_any_typed_text_gives_a_copy_that_encodes(text):
    concept = SESSION.concepts[2]
    copy = with_typing(SESSION, [SetNodeField("c", concept.id, "notes", text)])
    encoded = encode(copy)  # raises if the copy broke a rule of the file
    kept = next(c for c in copy.concepts if c.id == concept.id).notes
    assert kept in (text, concept.notes)
    assert encoded
