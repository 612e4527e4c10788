"""Sticky notes as CSV: the samples a spreadsheet writes, refusals, and round trips."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ckstudio.interchange import csvnotes
from ckstudio.interchange.extract import outline_of
from ckstudio.interchange.graft import session_from
from ckstudio.interchange.outline import ImportRefused, Outline, OutlineNode
from ckstudio.storage import load_session

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "interchange"
EXAMPLES = sorted((ROOT / "examples").glob("*.ck.json"))


def sample(name: str) -> bytes:
    return (DATA / name).read_bytes()


def shape(outline: Outline) -> list[tuple[int, str]]:
    return [(depth, node.text) for node, depth in outline.walk()]


def refusal(data: bytes, **options: object) -> str:
    with pytest.raises(ImportRefused) as caught:
        csvnotes.read(data, **options)
    return str(caught.value.message)


def test_french_spreadsheet_export_semicolons_bom_and_parents_by_text():
    table = csvnotes.sniff(sample("postits-ecocirc.csv"))
    assert table.delimiter == ";"
    assert table.headers[0] == "Texte"  # the byte-order mark is not part of the first header
    assert csvnotes.guess_columns(table.headers) == {
        "text": "Texte",
        "parent": "Parent",
        "theme": "Thème",
        "reach": "Atteignabilité",
        "author": "Auteur",
    }
    outline = csvnotes.read(sample("postits-ecocirc.csv"))
    assert [text for depth, text in shape(outline) if depth == 1] == [
        "Une école dont le bâtiment se transforme",
        "L'école qui respire",
        "Des classes ouvertes au quartier le soir",
    ]
    assert len(outline.roots) == 1 and outline.count() == 10  # the blank row is no note
    modules = next(node for node, _ in outline.walk() if node.text.startswith("Des modules"))
    assert modules.text == "Des modules qu’on démonte\net remonte sur un autre site"
    assert modules.fields == {
        "theme": "Structure; Flux",
        "reach": "atteignable",
        "author": "Claire M.",
    }
    assert outline.warnings == []


def test_english_paths_share_ancestors_and_make_the_missing_ones():
    outline = csvnotes.read(sample("postits-english.csv"))
    assert shape(outline) == [
        (0, "C0"),
        (1, "L'école qui respire"),
        (2, "Rainwater for the toilets, the garden and the cleaning"),
        (2, "Ventilation"),
        (3, "Windows the pupils open themselves"),
        (3, "=A breathing wall (no formula)"),
        (1, "A building that changes"),
        (2, "Modules taken apart and rebuilt elsewhere"),
    ]
    school = outline.roots[0].children[0]
    assert school.fields == {"theme": "Flux", "author": "Émilie R."}  # its row came after
    rain = school.children[0]
    assert rain.notes == 'Seen in Rennes: "Les Gantelles" school, 2019'
    assert outline.warnings == [
        "columns left out: Votes",
        "nodes named only in the paths were added with their text: 2",
    ]


def test_a_cycle_of_parents_is_refused_naming_its_rows():
    assert refusal(sample("postits-cycle.csv")) == "rows 4, 7, 9 name each other as parents"


def test_latin1_is_refused_with_the_way_to_save_it():
    message = refusal(sample("postits-latin1.csv"))
    assert message.startswith("the file is not UTF-8 text (byte 15)")
    assert "save it as “CSV UTF-8”" in message


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("id,parent,text\n1,,A\n2,9,B\n", "row 3 names the parent “9”, which no row has"),
        ("id,parent,text\n1,1,A\n", "row 2 names itself as its parent"),
        ("id,parent,text\n1,,A\n1,,B\n", "rows 2 and 3 have the same id “1”"),
        (
            "parent,text\n,A\nA,B\nA,B\nB,C\n",
            "row 5 names the parent “B”, the text of several rows (3, 4): "
            "add an id column to tell them apart",
        ),
        (
            "Couleur,Votes\njaune,3\n",
            "no column holds the text: name one “text” (or “texte”) in the header row",
        ),
        ("text,theme\nA,x,surplus\n", "row 2 has 3 cells but the header names only 2 columns"),
        ("text\n", "the file holds no rows under its header"),
        ("text\n" + "x" * 200_000, "the file cannot be read as CSV near row 2"),
    ],
)
def test_malformed_files_are_refused_in_one_sentence(text, sentence):
    assert refusal(text.encode()) == sentence


STRAY = (
    'row {row} has a stray quotation mark ("): a cell that starts with " must end with ", '
    'and a " inside it is written ""'
)


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ('text,parent\nA,\n"B stray,A\nC,A\nD,A\n', 3),  # never closed: took C and D in
        ('text,parent\nA,\n"B" stray,A\nC,A\n', 3),  # closed, then more text in the cell
        ('text\n"Un mur\nqui respire"\n"Une cour\n', 3),  # a row as a spreadsheet counts them
    ],
)
def test_a_stray_quote_is_refused_naming_its_row(text, row):
    assert refusal(text.encode()) == STRAY.format(row=row)


def test_quoted_cells_keep_line_breaks_commas_and_doubled_quotes():
    outline = csvnotes.read(b'text,parent\nA,\n"B, ""the""\r\nbig one",A\nC,A\n')
    assert shape(outline) == [(0, "A"), (1, 'B, "the"\r\nbig one'), (1, "C")]


def test_a_single_column_reads_each_line_whole():
    table = csvnotes.sniff(
        'Idées\nUne école, ronde\n"Des cours; et ""un"" jardin"\nA\tB\n'.encode()
    )
    assert table.rows == [["Une école, ronde"], ['Des cours; et "un" jardin'], ["A\tB"]]
    outline = csvnotes.read(b'text\r\n"deux\r\nlignes, une note"\r\nun, deux\r\n')
    assert shape(outline) == [(0, "deux\r\nlignes, une note"), (0, "un, deux")]
    assert outline.warnings == []


def test_utf16_is_refused_as_not_utf8():
    assert refusal("text\nA\n".encode("utf-16-le")).startswith("the file is not UTF-8 text")


def test_trailing_empty_cells_and_short_rows_are_fine():
    outline = csvnotes.read(b"text;theme;\nA;x;;;\nB\n")
    assert shape(outline) == [(0, "A"), (0, "B")]
    assert outline.roots[0].fields == {"theme": "x"}


def test_columns_chosen_by_hand_and_left_out_columns_said_once():
    data = "Idée;Qui;Couleur;Votes\nUne cour;Sophie;jaune;3\n".encode()
    outline = csvnotes.read(data, {"text": "Idée", "author": "Qui"})
    assert outline.roots[0].fields == {"author": "Sophie"}
    assert outline.warnings == ["columns left out: Couleur, Votes"]
    assert refusal(data, columns={"text": "Texte"}) == "the file has no column “Texte”"


def test_rows_without_text_are_left_out_with_a_warning():
    outline = csvnotes.read(b"text,theme\nA,x\n,y\nB,z\n")
    assert shape(outline) == [(0, "A"), (0, "B")]
    assert outline.warnings == ["rows with no text were left out: 3"]


def test_too_many_rows_are_refused(monkeypatch):
    monkeypatch.setattr(csvnotes, "MAX_NODES", 2)
    assert refusal(b"text\nA\nB\nC\n") == "the file has more than 2 rows, more than a session holds"
    assert refusal(b"path,text\nA > B,C\n") == (
        "the file would make more than 2 nodes, more than a session holds"
    )


def test_rows_of_the_other_space_are_left_out():
    data = b"space,id,parent,text\nC,c0,,Root\nK,k1,,Pocket\nC,c1,c0,Child\nX,x,,?\n"
    outline = csvnotes.read(data)
    assert shape(outline) == [(0, "Root"), (1, "Child")]
    assert outline.warnings == [
        "rows whose space is neither C nor K were left out: 5",
        "rows of the other space (C or K) were left out: 1",
    ]
    assert shape(csvnotes.read(data, space="k")) == [(0, "Pocket")]


def test_export_is_utf8_with_bom_commas_and_quoted_line_breaks():
    session = load_session(ROOT / "examples" / "ecocirc-groupe-scolaire.ck.json")
    data = csvnotes.write(session)
    assert data.startswith(b"\xef\xbb\xbfspace,id,parent,path,text,notes,theme,")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 1 + len(session.concepts) + len(session.knowledge)
    header = rows[0]
    c2 = next(row for row in rows if row[header.index("id")] == "c2")
    assert c2[header.index("path")] == (
        "Un groupe scolaire circulaire > Une école dont le bâtiment se transforme"
    )
    assert c2[header.index("theme")] == "Structure; Usages"
    assert c2[header.index("reach")] == "breakthrough"


def test_formulas_are_defused_in_the_file_and_read_back_unchanged():
    texts = ["=1+1", "+33 6", "-5 °C", "@here", "'=kept apostrophe", "''-two", "plain", "'quote"]
    outline = Outline([OutlineNode("C0", children=[OutlineNode(text) for text in texts])])
    session, _ = session_from(outline, "c", "t")
    data = csvnotes.write(session)
    cells = [row[4] for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))]
    assert cells[2:] == [
        "'=1+1",
        "'+33 6",
        "'-5 °C",
        "'@here",
        "''=kept apostrophe",
        "'''-two",
        "plain",
        "'quote",
    ]
    assert [node.text for node in csvnotes.read(data).roots[0].children] == texts


def comparable(outline: Outline, skip_root_fields: bool) -> list[tuple]:
    """Each node's depth, text, notes and fields (C0's fields aside: a new session's
    C0 takes only its text and notes from an import)."""
    return [
        (depth, node.text, node.notes, {} if skip_root_fields and not depth else node.fields)
        for node, depth in outline.walk()
    ]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_examples_round_trip_through_csv(path):
    session = load_session(path)
    data = csvnotes.write(session)
    for space in ("c", "k"):
        outline = csvnotes.read(data, space=space)
        again, _ = session_from(outline, space, "t", session.meta.language)
        before, after = outline_of(session, space), outline_of(again, space)
        assert comparable(after, space == "c") == comparable(before, space == "c")


def test_export_of_an_import_imports_the_same_tree():
    first = csvnotes.read(sample("postits-ecocirc.csv"))
    session, _ = session_from(first, "c", "postits")
    second = csvnotes.read(csvnotes.write(session))
    assert shape(second) == shape(first)
    assert comparable(outline_of(session_from(second, "c", "t")[0], "c"), True) == comparable(
        outline_of(session, "c"), True
    )


TEXTS = st.text(
    st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(list(",;\"'\n\r\t=+-@> ")),
    ),
    max_size=40,
)


@st.composite
def trees(draw) -> Outline:
    """A C0 and up to 30 nodes below it, each under a random earlier one."""
    root = OutlineNode(draw(TEXTS), draw(TEXTS))
    nodes = [root]
    for _ in range(draw(st.integers(0, 30))):
        node = OutlineNode(draw(TEXTS), draw(TEXTS))
        draw(st.sampled_from(nodes)).children.append(node)
        nodes.append(node)
    return Outline([root])


@given(trees())
def test_any_tree_and_texts_survive_write_then_read(outline):
    session, _ = session_from(outline, "c", "t")
    read = csvnotes.read(csvnotes.write(session))
    assert [(depth, node.text, node.notes) for node, depth in read.walk()] == [
        (depth, node.text, node.notes) for node, depth in outline_of(session, "c").walk()
    ]
