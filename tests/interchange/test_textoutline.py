"""Markdown and indented text: headings, lists of any indentation, paragraphs as
notes, text pasted onto a node, escaping that round-trips, and refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from ckstudio.interchange import textoutline
from ckstudio.interchange.graft import session_from
from ckstudio.interchange.outline import MAX_DEPTH, ImportRefused, Outline, OutlineNode

DATA = Path(__file__).resolve().parent.parent / "data" / "interchange"


def _shape(nodes: list[OutlineNode]) -> list[object]:
    """Texts as nested lists: a node with children is (text, [children])."""
    return [(n.text, _shape(n.children)) if n.children else n.text for n in nodes]


def test_a_markdown_outline_gives_headings_items_and_notes() -> None:
    outline = textoutline.read((DATA / "outline.md").read_bytes())
    assert outline.title == ""
    [root] = outline.roots
    assert root.notes == "Notes prises pendant la séance du 14 mai."
    assert _shape(outline.roots) == [
        (
            "Atelier : habitat partagé",
            [
                (
                    "Espaces communs",
                    [
                        (
                            "Buanderie partagée",
                            ["Planning en ligne", "Machines *professionnelles*"],
                        ),
                        "Chambre d'amis",
                        ("Atelier de bricolage", ["Outils en prêt", "Établi\net rangements"]),
                    ],
                ),
                (
                    "Gouvernance",
                    ["Assemblée mensuelle", ("Commissions", ["Travaux", "Fêtes & voisinage"])],
                ),
            ],
        )
    ]
    rooms = root.children[0].children[1]
    assert rooms.notes == "Réservable deux nuits par mois.\nTarif libre."


def test_an_indented_text_with_tabs_gives_a_tree() -> None:
    outline = textoutline.read((DATA / "outline.txt").read_bytes())
    assert _shape(outline.roots) == [
        (
            "Rénovation énergétique",
            [
                ("Isolation", ["Laine de bois", "Ouate de cellulose"]),
                ("Chauffage", ["Pompe à chaleur", "Poêle à granulés"]),
                ("Financement", ["MaPrimeRénov’", "Éco-prêt à taux zéro"]),
            ],
        )
    ]
    session, _ = session_from(outline, "c", "Rénovation")
    assert session.concepts[0].text == "Rénovation énergétique"
    assert len(session.concepts) == 10


@pytest.mark.parametrize(
    ("pasted", "shape"),
    [
        ("une seule idée", ["une seule idée"]),
        ("a\n   b\n      c\n   d", [("a", [("b", ["c"]), "d"])]),
        ("- a\n    - b\n- c", [("a", ["b"]), "c"]),
        ("* a\r\n\t+ b\r\n\t\t1) c", [("a", [("b", ["c"])])]),
        ("1. un\n2. deux\n   - deux bis", ["un", ("deux", ["deux bis"])]),
        ("# Titre\n- a\n- b", [("Titre", ["a", "b"])]),
        ("intro\n  - a\n  - b", [("intro", ["a", "b"])]),
        ("\n\n  a\n\n  b\n", ["a", "b"]),
    ],
    ids=["one-line", "spaces-3", "bullets-4", "tabs-crlf", "numbered", "heading", "lead", "blank"],
)
def test_pasted_text_becomes_a_subtree(pasted: str, shape: list[object]) -> None:
    assert _shape(textoutline.read_text(pasted).roots) == shape


def test_a_paragraph_under_an_item_is_its_note_with_its_blank_lines() -> None:
    outline = textoutline.read(b"- a\n\n  un\n  deux\n\n\n  trois\n- b\n  note de b")
    a, b = outline.roots
    assert a.notes == "un\ndeux\n\n\ntrois"
    assert b.notes == "note de b"


def test_written_markdown_escapes_what_would_read_as_markup() -> None:
    outline = Outline(
        [
            OutlineNode(
                "# pas un titre",
                "- pas un item\n1. non plus\nC:\\dossier\\*.txt",
                children=[OutlineNode("12. douze\nsuite"), OutlineNode("fin\\")],
            )
        ],
        "Titre ## avec dièses #",
    )
    data = textoutline.write(outline)
    assert data.decode().splitlines()[:3] == [
        "# Titre \\#\\# avec dièses \\#",
        "",
        "- \\# pas un titre",
    ]
    again = textoutline.read(data)
    assert again.title == outline.title
    assert again.roots == outline.roots


def test_the_only_heading_opening_a_file_is_its_title() -> None:
    outline = textoutline.read("# Courses\n\n- œufs\n- lait\n".encode())
    assert outline.title == "Courses"
    assert _shape(outline.roots) == ["œufs", "lait"]


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"", "the file is empty"),
        (b" \n\t\n", "the file is empty"),
        ("- café".encode("latin-1"), "the file is not UTF-8 text (byte 5)"),
        ("a\n".encode("utf-16"), "the file is not UTF-8 text (byte 0)"),
        (
            "".join(" " * depth + "- x\n" for depth in range(MAX_DEPTH + 2)).encode(),
            f"nested more than {MAX_DEPTH} levels deep",
        ),
    ],
    ids=["empty", "blank", "latin1", "utf16", "too-deep"],
)
def test_a_malformed_text_file_is_refused(data: bytes, said: str) -> None:
    with pytest.raises(ImportRefused) as refused:
        textoutline.read(data)
    assert said in refused.value.message


def test_pasting_nothing_is_refused() -> None:
    with pytest.raises(ImportRefused, match="nothing to import"):
        textoutline.read_text(" \n ")


def test_pasted_lines_are_all_nodes_whatever_marks_them():
    pasted = (
        "Cour végétalisée\n  Arbres fruitiers\nToitures\n  - Panneaux\n  - Récupération\n"
        "•\tCantine\no\tCompost\n– Préau\n# Titre\n1. Un\n-négatif\n"
    )
    outline = textoutline.read_text(pasted)
    shape = [(node.text, depth) for node, depth in outline.walk()]
    assert shape == [
        ("Cour végétalisée", 0), ("Arbres fruitiers", 1), ("Toitures", 0), ("Panneaux", 1),
        ("Récupération", 1), ("Cantine", 0), ("Compost", 0), ("Préau", 0), ("Titre", 0),
        ("Un", 1), ("-négatif", 1),
    ]  # fmt: skip
    assert all(not node.notes for node, _ in outline.walk())


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("- path C:\\\n- b", ["path C:\\", "b"]),
        ("- a \\\n# Titre\n- b", ["a \\", ("Titre", ["b"])]),
        ("- a\\\n  1. b", [("a\\", ["b"])]),
        ("- a\\\n```\ncode\n```", ["a\\"]),
        ("- a\\", ["a\\"]),
        ("- a\\\n  suite\n- b", ["a\nsuite", "b"]),
    ],
    ids=["item", "heading", "numbered", "fence", "end-of-file", "continued"],
)
def test_a_hard_break_never_takes_an_item_or_a_heading(text: str, shape: list[object]) -> None:
    assert _shape(textoutline.read(text.encode()).roots) == shape


def test_a_fenced_code_block_is_the_note_of_the_item_above_verbatim() -> None:
    text = (
        "- a\n  note\n\n  ```python\n  # pas un titre\n  - pas un item\n\n      indenté\n  ```\n"
        "- b\n~~~~\n``` pas fermé\n~~~~\n\n  après\n"
    )
    outline = textoutline.read(text.encode())
    assert _shape(outline.roots) == ["a", "b"]
    a, b = outline.roots
    assert a.notes == "note\n\n# pas un titre\n- pas un item\n\n    indenté"
    assert b.notes == "``` pas fermé\n\naprès"


def test_a_fenced_code_block_under_a_heading_or_alone_or_unclosed() -> None:
    assert textoutline.read(b"# H\n```\n- x\n```\n- a").roots[0].notes == "- x"
    under_item = textoutline.read(b"# H\n- a\n```\ncode\n```\n- b")
    assert [(n.text, n.notes) for n in under_item.roots] == [("a", "code"), ("b", "")]
    alone = textoutline.read(b"```\n# x\n- y\n```\n- a")
    assert _shape(alone.roots) == ["# x\n- y", "a"]
    unclosed = textoutline.read(b"- a\n  ```\n  - b\n  # c")
    assert _shape(unclosed.roots) == ["a"]
    assert unclosed.roots[0].notes == "- b\n# c"


def test_setext_headings_are_headings_and_thematic_breaks_are_ignored() -> None:
    text = "Projet\n======\n\n- a\n\n***\n\nVolet\n-----\n- b\n  note\n  ---\n- - -\n___\n- c"
    outline = textoutline.read(text.encode())
    assert outline.title == ""
    assert _shape(outline.roots) == [("Projet", ["a", ("Volet", ["b", "c"])])]
    assert outline.roots[0].children[1].children[0].notes == "note"


def test_a_lone_setext_heading_is_the_title() -> None:
    outline = textoutline.read("Courses\n=======\n- œufs\n".encode())
    assert outline.title == "Courses"
    assert _shape(outline.roots) == ["œufs"]


def test_empty_list_items_are_left_out_in_one_warning() -> None:
    outline = textoutline.read(b"- a\n- \n* c\n  -\n    -\n1.\n")
    assert _shape(outline.roots) == ["a", "c"]
    assert outline.warnings == ["4 empty list items were left out"]
    assert outline.warnings[0].template == "{n} empty list items were left out"
    assert textoutline.read(b"- a\n- b").warnings == []


def test_an_empty_item_holding_items_or_a_note_stays_to_keep_the_tree() -> None:
    outline = textoutline.read(b"- a\n-\n  - b\n-\n\n  note")
    assert _shape(outline.roots) == ["a", ("", ["b"]), ""]
    assert outline.roots[2].notes == "note"
    assert outline.warnings == []


def test_pasted_code_fences_are_lines_like_any_other() -> None:
    outline = textoutline.read_text("- a\n```\n- b\n```")
    assert [node.text for node, _ in outline.walk()] == ["a", "```", "b", "```"]
