"""OPML outlines: an outliner's file read with its title, notes and fields, what
has no C-K meaning reported, valid OPML 2.0 written, malformed files refused."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import fromstring

import pytest

from ckstudio.interchange import opml
from ckstudio.interchange.graft import session_from
from ckstudio.interchange.outline import ImportRefused, Outline, OutlineNode

DATA = Path(__file__).resolve().parent.parent / "data" / "interchange"


def test_an_outliner_file_in_latin1_gives_its_title_tree_and_notes() -> None:
    outline = opml.read((DATA / "outliner.opml").read_bytes())
    assert outline.title == "Atelier mobilité douce"
    [root] = outline.roots
    assert root.text == "Venir à l'école sans voiture"
    assert [child.text for child in root.children] == [
        "Pedibus",
        "Vélo-bus",
        "Fiche du Cerema",
        "Trottinettes & rollers",
    ]
    pedibus = root.children[0]
    assert pedibus.notes == "Une ligne par quartier.\nParents volontaires le matin."
    assert [child.text for child in pedibus.children] == [
        "Itinéraires sécurisés",
        "Gilets réfléchissants",
    ]
    assert root.children[1].fields == {"theme": "mobilité", "reach": "en rupture"}


def test_an_outliner_file_reports_links_and_unknown_attributes() -> None:
    outline = opml.read((DATA / "outliner.opml").read_bytes())
    assert sorted(map(str, outline.warnings)) == [
        "attributes not imported: 1 (_status)",
        "links to web pages or files not imported: 1",
    ]


def test_an_outliner_file_becomes_a_session() -> None:
    outline = opml.read((DATA / "outliner.opml").read_bytes())
    session, _ = session_from(outline, "c", outline.title)
    velo = next(c for c in session.concepts if c.text == "Vélo-bus")
    assert velo.reach == "breakthrough"
    assert "mobilité" in {theme.name for theme in session.themes}
    assert len(session.concepts) == 7


def test_written_opml_is_valid_2_0_with_title_notes_and_fields() -> None:
    outline = Outline(
        [
            OutlineNode(
                "Racine",
                "note\nsur 2 lignes",
                fields={"theme": "eau"},
                children=[OutlineNode('<enfant> & "fils"')],
            )
        ],
        "Mon «\u00a0atelier\u00a0»",
    )
    data = opml.write(outline)
    parsed = fromstring(data)
    assert parsed.tag == "opml"
    assert parsed.get("version") == "2.0"
    assert parsed.find("head/title").text == "Mon «\u00a0atelier\u00a0»"
    top = parsed.find("body/outline")
    assert top.get("text") == "Racine"
    assert top.get("_note") == "note\nsur 2 lignes"
    assert top.get("theme") == "eau"
    assert top.find("outline").get("text") == '<enfant> & "fils"'
    assert opml.read(data).roots == outline.roots


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"", "the file is empty"),
        (b"<opml version='2.0'><head/></opml>", "the OPML file has no <body>"),
        (b"<opml version='2.0'><body></body></opml>", "the OPML file holds no outline"),
        (b"<map><node/></map>", "its first element is <map>, not <opml>"),
        (
            b"<opml><body><outline text='a'></body></opml>",
            "not a map of this kind (unreadable at line 1, column 33)",
        ),
        (
            b'<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            b'<opml><body><outline text="&b;"/></body></opml>',
            "the file declares XML entities",
        ),
        (
            b'<!DOCTYPE opml [<!ENTITY e SYSTEM "http://example.org/x">]>'
            b'<opml><body><outline text="&e;"/></body></opml>',
            "refers to another file or address",
        ),
        (
            '<opml><body><outline text="été"/></body></opml>'.encode("cp1252"),
            "not valid UTF-8 text (byte 27)",
        ),
    ],
    ids=["empty", "no-body", "no-outline", "not-opml", "broken", "bomb", "external", "cp1252"],
)
def test_a_malformed_opml_file_is_refused_in_one_sentence(data: bytes, said: str) -> None:
    with pytest.raises(ImportRefused) as refused:
        opml.read(data)
    assert said in refused.value.message
    assert refused.value.message == refused.value.message.template.format(
        **refused.value.message.values
    )


def test_a_title_with_markup_inside_keeps_all_its_text() -> None:
    data = (
        b'<opml version="2.0"><head><title>Atelier <b>mobilit\xc3\xa9</b> douce</title>'
        b'</head><body><outline text="a"/></body></opml>'
    )
    assert opml.read(data).title == "Atelier mobilité douce"
