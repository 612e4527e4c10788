"""FreeMind and Freeplane maps: real files of both tools read into the right tree,
what has no C-K meaning reported by kind, and every malformed file refused."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ckstudio.interchange import freemind
from ckstudio.interchange.graft import session_from
from ckstudio.interchange.outline import MAX_DEPTH, ImportRefused, Outline, OutlineNode

DATA = Path(__file__).resolve().parent.parent / "data" / "interchange"


def _texts(node: OutlineNode) -> list[str]:
    return [child.text for child in node.children]


def _warned(outline: Outline) -> dict[str, str]:
    return {message.template: str(message) for message in outline.warnings}


def test_a_freemind_map_gives_its_tree_notes_and_folds() -> None:
    outline = freemind.read((DATA / "freemind-atelier.mm").read_bytes())
    [root] = outline.roots
    assert root.text == "Cour d'école végétalisée"
    assert _texts(root) == ["Ombre en été", "Eau de pluie", "Jeux & biodiversité"]
    shade = root.children[0]
    assert _texts(shade) == [
        "Arbres à croissance rapide",
        "Pergola et plantes grimpantes",
        "Voiles d'ombrage",
    ]
    assert shade.children[0].notes == (
        "Paulownia, saule\u00a0: 3 à 5 ans avant une ombre utile.\n"
        "Demander l'avis du service des espaces verts."
    )
    assert [child.folded for child in shade.children] == [False, False, True]
    assert root.children[1].children[1].text == "Cuve enterrée <5 m³>"
    assert outline.count() == 12


def test_a_freemind_map_reports_each_kind_it_cannot_keep_once() -> None:
    outline = freemind.read((DATA / "freemind-atelier.mm").read_bytes())
    assert sorted(map(str, outline.warnings)) == [
        "arrows between nodes not imported: 1",
        "clouds not imported: 1",
        "icons not imported: 3",
        "links to web pages or files not imported: 1",
        "nodes whose colours, fonts or edge styles were not imported: 2",
    ]


def test_a_freeplane_map_gives_rich_text_notes_details_and_fields() -> None:
    outline = freemind.read((DATA / "freeplane-atelier.mm").read_bytes())
    [root] = outline.roots
    assert root.text == "Réduire les déchets\nde la cantine"
    assert _texts(root)[1:] == ["Pesée des restes", "Portions à la demande"]
    compost = root.children[0]
    assert compost.text == "Compost\u00a0géré par les élèves"
    assert compost.notes == (
        "Un bac par classe, vidé le vendredi.\n\n"
        "Voir\u00a0le guide de l’ADEME\n(chapitre 3)\népluchures\nmarc de café"
        "\n\nTesté à Rennes en 2023"
    )
    assert compost.fields == {"theme": "circularité; pédagogie", "reach": "atteignable"}
    weighing = root.children[1]
    assert weighing.folded
    assert weighing.fields == {"author": "Camille"}
    assert weighing.children[0].text == "Tableau affiché\nau réfectoire"


def test_a_freeplane_map_reports_what_it_holds_beyond_c_k() -> None:
    warned = _warned(freemind.read((DATA / "freeplane-atelier.mm").read_bytes()))
    assert sorted(warned.values()) == [
        "arrows between nodes not imported: 1",
        "attributes not imported: 1 (priorité)",
        "clouds not imported: 1",
        "icons not imported: 2",
        "images, formulas and other add-ons not imported: 1",
        "links to web pages or files not imported: 1",
        "nodes whose colours, fonts or edge styles were not imported: 3",
    ]


def test_a_freeplane_map_becomes_a_session_with_its_themes_and_people() -> None:
    outline = freemind.read((DATA / "freeplane-atelier.mm").read_bytes())
    session, result = session_from(outline, "c", "Cantine")
    by_text = {concept.text: concept for concept in session.concepts}
    assert session.concepts[0].text == "Réduire les déchets\nde la cantine"
    compost = by_text["Compost\u00a0géré par les élèves"]
    assert compost.reach == "reachable"
    assert {"circularité", "pédagogie"} <= {t.name for t in session.themes}
    assert [p.name for p in session.participants] == ["Camille"]
    assert len(result.folded) == 1
    assert len(session.concepts) == 8


def test_a_written_map_is_freemind_1_0_1_ascii_with_fields_as_attributes() -> None:
    outline = Outline(
        [
            OutlineNode(
                "Idée «\u00a0verte\u00a0»\nsur deux lignes",
                "Une note\n\n  indentée",
                folded=True,
                fields={"theme": "énergie"},
                children=[OutlineNode('<b>pas du HTML</b> & "guillemets"')],
            )
        ]
    )
    data = freemind.write(outline)
    assert data.startswith(b'<map version="1.0.1">')
    assert data.isascii()
    assert b'TEXT="Id&#233;e &#171;&#160;verte&#160;&#187;&#xa;sur deux lignes"' in data
    assert b'<attribute NAME="theme" VALUE="&#233;nergie"/>' in data
    assert freemind.read(data).roots == outline.roots


def test_a_forest_is_written_under_a_centre_named_after_the_title() -> None:
    outline = Outline([OutlineNode("a"), OutlineNode("b")], "Titre")
    [centre] = freemind.read(freemind.write(outline)).roots
    assert centre.text == "Titre"
    assert _texts(centre) == ["a", "b"]


def test_old_freemind_html_in_the_text_attribute_is_read_as_plain_text() -> None:
    data = (
        b'<map version="0.8.0"><node TEXT="&lt;html&gt;&lt;body&gt;&lt;p&gt;Un&amp;nbsp;'
        b"&lt;b&gt;mot&lt;/b&gt;&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;&lt;p&gt;deux"
        b'&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;"/></map>'
    )
    assert freemind.read(data).roots[0].text == "Un\u00a0mot\ndeux"


def test_html_layout_whitespace_folds_but_typed_spaces_and_pre_stay() -> None:
    html = (
        "<html><head><style>p {}</style></head><body><p>\n  un\n  texte\n</p>"
        "<p>a  b</p><pre>  code\n    indenté</pre><p>x<br/>y</p></body></html>"
    )
    assert freemind.html_to_text(html) == "un texte\na  b\n  code\n    indenté\nx\ny"


def _generated_map(count: int) -> bytes:
    """A map of `count` nodes, three levels, with notes on some, as FreeMind saves."""
    parts = ['<map version="1.0.1">\n<node ID="ID_0" TEXT="Centre">\n']
    made = 1
    branch = 0
    while made < count:
        parts.append(f'<node ID="ID_b{branch}" POSITION="right" TEXT="Branche {branch}">\n')
        made += 1
        for leaf in range(min(30, count - made)):
            parts.append(
                f'<node ID="ID_{branch}_{leaf}" TEXT="Idée {branch}.{leaf} &#xe9;t&#xe9;">'
            )
            if leaf % 5 == 0:
                parts.append(
                    '<richcontent TYPE="NOTE"><html><head></head><body>'
                    "<p>Une note</p><p>sur deux lignes</p></body></html></richcontent>"
                )
            parts.append("</node>\n")
            made += 1
        parts.append("</node>\n")
        branch += 1
    parts.append("</node>\n</map>\n")
    return "".join(parts).encode("utf-8")


def test_a_map_of_1500_nodes_imports_in_under_a_second() -> None:
    data = _generated_map(1500)
    started = time.perf_counter()
    outline = freemind.read(data)
    session, _ = session_from(outline, "c", "Grande carte")
    elapsed = time.perf_counter() - started
    assert outline.count() == 1500
    assert len(session.concepts) == 1500
    assert elapsed < 1.0


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE map [\n<!ENTITY a "lol">\n'
    + b"".join(
        b'<!ENTITY %s "%s">\n' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10)
        for i in range(9)
    )
    + b']>\n<map><node TEXT="&j;"/></map>'
)
QUADRATIC = (
    b'<!DOCTYPE map [<!ENTITY a "'
    + b"x" * 100_000
    + b'">]>\n<map><node TEXT="'
    + b"&a;" * 10_000
    + b'"/></map>'
)
EXTERNAL = b'<!DOCTYPE map [<!ENTITY e SYSTEM "file:///etc/passwd">]><map><node TEXT="&e;"/></map>'
UTF16_DECLARED_UTF8 = '<?xml version="1.0" encoding="UTF-8"?><map><node TEXT="été"/></map>'


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"", "the file is empty"),
        (b"  \n ", "the file is empty"),
        (
            b'<map version="1.0.1">\n<node TEXT="a">\n</map>',
            "the file is damaged or is not a map of this kind (unreadable at line 3, column 3)",
        ),
        (BILLION_LAUGHS, "the file declares XML entities, refused for safety"),
        (QUADRATIC, "the file declares XML entities, refused for safety"),
        (EXTERNAL, "the file refers to another file or address, which is refused"),
        (b"<opml><body/></opml>", "its first element is <opml>, not <map>"),
        (b'<map version="1.0.1"></map>', "the map holds no node"),
        (
            b"\xff\xfe" + UTF16_DECLARED_UTF8.encode("utf-16-le"),
            "the file says its encoding is UTF-8 but it is written in UTF-16",
        ),
        (
            UTF16_DECLARED_UTF8.encode("utf-16-le"),
            "the file says its encoding is UTF-8 but it is written in UTF-16",
        ),
        (
            '<?xml version="1.0" encoding="UTF-8"?><map><node TEXT="été"/></map>'.encode("latin-1"),
            "the file is not valid UTF-8 text (byte 55)",
        ),
        (b'<?xml version="1.0" encoding="klingon"?><map/>', "unknown encoding “klingon”"),
        (
            b"<map>"
            + b'<node TEXT="x">' * (MAX_DEPTH + 2)
            + b"</node>" * (MAX_DEPTH + 2)
            + b"</map>",
            f"nested more than {MAX_DEPTH} levels deep",
        ),
    ],
    ids=[
        "empty",
        "blank",
        "broken",
        "billion-laughs",
        "quadratic",
        "external-entity",
        "not-a-map",
        "no-node",
        "utf16-bom-declared-utf8",
        "utf16-declared-utf8",
        "latin1-declared-utf8",
        "unknown-encoding",
        "too-deep",
    ],
)
def test_a_malformed_map_is_refused_fast_in_one_sentence(data: bytes, said: str) -> None:
    started = time.perf_counter()
    with pytest.raises(ImportRefused) as refused:
        freemind.read(data)
    assert time.perf_counter() - started < 1.0
    message = refused.value.message
    assert said in message
    assert "\n" not in message
    assert message == message.template.format(**message.values)


def test_a_latin1_map_that_says_so_is_read() -> None:
    data = '<?xml version="1.0" encoding="ISO-8859-1"?><map><node TEXT="été"/></map>'
    assert freemind.read(data.encode("latin-1")).roots[0].text == "été"


def test_a_utf16_map_that_says_so_is_read() -> None:
    data = '<?xml version="1.0" encoding="UTF-16"?><map><node TEXT="été"/></map>'
    assert freemind.read(data.encode("utf-16")).roots[0].text == "été"


def test_a_map_centre_read_as_knowledge_stands_for_the_k_space():
    data = b'<map version="1.0.1"><node TEXT="Savoirs"><node TEXT="Mat&#xe9;riaux">' \
        b'<node TEXT="R&#xe9;emploi"/></node><node TEXT="&#xc9;nergie"/></node></map>'  # fmt: skip
    session, _ = session_from(freemind.read(data), "k", "Atelier")
    assert [k.text for k in session.knowledge if k.parent is None] == ["Matériaux", "Énergie"]


def test_every_top_level_node_of_a_map_is_a_root() -> None:
    data = b'<map><node TEXT="A"><node TEXT="a1"/></node><node TEXT="B"/></map>'
    outline = freemind.read(data)
    assert [(root.text, _texts(root)) for root in outline.roots] == [("A", ["a1"]), ("B", [])]
    assert not outline.centred
    assert freemind.read(b'<map><node TEXT="A"/></map>').centred


@pytest.mark.parametrize(
    "rich",
    [
        '<richcontent TYPE="NODE"/>',
        '<richcontent TYPE="NODE"><html><head/><body><p/></body></html></richcontent>',
        '<richcontent TYPE="NODE">  </richcontent>',
    ],
    ids=["empty", "empty-html", "blank"],
)
def test_an_empty_rich_text_keeps_the_text_attribute(rich: str) -> None:
    data = f'<map><node TEXT="Centre">{rich}</node></map>'.encode()
    assert freemind.read(data).roots[0].text == "Centre"


def test_an_attribute_given_twice_joins_themes_and_keeps_the_first_field() -> None:
    data = (
        '<map><node TEXT="A">'
        '<attribute NAME="theme" VALUE="énergie"/><attribute NAME="Theme" VALUE="eau; air"/>'
        '<attribute NAME="author" VALUE="Camille"/><attribute NAME="author" VALUE="Léo"/>'
        '<attribute NAME="reach" VALUE="atteignable"/><attribute NAME="reach" VALUE="atteignable"/>'
        '</node><node TEXT="B">'
        '<attribute NAME="status" VALUE="x"/><attribute NAME="status" VALUE="y"/>'
        "</node></map>"
    ).encode()
    outline = freemind.read(data)
    a, b = outline.roots
    assert a.fields == {"theme": "énergie; eau; air", "author": "Camille", "reach": "atteignable"}
    assert b.fields == {"status": "x"}
    assert _warned(outline) == {
        "fields given twice on one node, only the first value kept: {n} ({names})": (
            "fields given twice on one node, only the first value kept: 2 (author, status)"
        )
    }
