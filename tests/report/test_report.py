"""The PDF workshop report: complete, faithful to the text, navigable, in the session's language."""

from __future__ import annotations

import io
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from ckstudio.cli import main
from ckstudio.layout.ckmap import MapOptions, build_map
from ckstudio.layout.fonts import shared_measure
from ckstudio.model import Document, edits
from ckstudio.model.templates import new_session
from ckstudio.report.builder import report_pdf
from ckstudio.report.mapflow import CAPTION_ROW, MIN_TEXT, TITLE_ROW, plan_map, smallest_text
from ckstudio.storage import load_session

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.ck.json"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def words(text: str) -> set[str]:
    return {w for w in re.split(r"\s+", unicodedata.normalize("NFC", text.replace("\xa0", " ")))
            if w}  # fmt: skip


def read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def text_of(reader: PdfReader) -> str:
    return " ".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_report_holds_every_text_of_the_session(path, tmp_path, capsys):
    out = tmp_path / "report.pdf"
    assert main(["report", str(path), "-o", str(out)]) == 0
    assert "report written" in capsys.readouterr().out
    reader = read(out.read_bytes())
    found = words(text_of(reader))
    session = load_session(path)
    for node in (*session.concepts, *session.knowledge):
        assert words(node.text) <= found, node.text
        assert words(node.notes) <= found, node.notes
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert re.search(rf"{number}\s*/\s*{total}", page.extract_text()), number


def test_every_font_is_embedded(tmp_path):
    data, _ = report_pdf(load_session(EXAMPLES[0]))
    reader = read(data)
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            seen.add(font["/BaseFont"])
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
    assert seen


def test_sections_have_bookmarks_and_the_metadata_says_what_it_is():
    session = load_session(ROOT / "examples" / "ecocirc-groupe-scolaire.ck.json")
    reader = read(report_pdf(session)[0])
    titles = [entry.title for entry in sections_of(reader)]
    assert titles[:3] == ["La carte C-K", "Les concepts par thème", "Atteignabilité et partitions"]
    assert len(titles) == 11  # the eleven sections (the example has rounds)
    assert "Les tours d'étiquetage et de vote" in titles
    meta = reader.metadata
    assert meta.title == session.meta.title
    assert meta.creator.startswith("CK Studio ")
    assert "Structure" in meta["/Keywords"]
    people = {p.id: p.name for p in session.participants}
    assert people[session.meta.facilitators[0]] in meta.author


def test_the_language_follows_the_session_unless_told(tmp_path):
    session = load_session(ROOT / "examples" / "ecocirc-groupe-scolaire.ck.json")
    french = text_of(read(report_pdf(session, sections=("votes",))[0]))
    english = text_of(read(report_pdf(session, "en", sections=("votes",))[0]))
    assert "Classement des votes" in french and "Votes ranking" in english


def test_user_markup_is_printed_not_obeyed():
    doc = Document(new_session("Atelier <b>gras</b> & co", "C0 <font color=red>x</font>"))
    doc.apply(edits.add_concept(doc, doc.root, '<para> & </para> <img src="x"/> «\xa0oui\xa0»'))
    reader = read(report_pdf(doc.to_session(), sections=("appendix",))[0])
    found = words(text_of(reader))
    assert {"<font", "color=red>x</font>", "<para>", "&", "</para>", "<img", 'src="x"/>'} <= found


def sections_of(reader: PdfReader) -> list:
    """The outline's top level: one entry per section (the map's pages are nested),
    after the cover's and the contents' entries."""
    top = [entry for entry in reader.outline if not isinstance(entry, list)]
    assert [entry.title for entry in top[:2]] in (["Couverture", "Sommaire"],
                                                  ["Cover", "Contents"])  # fmt: skip
    return top[2:]


def test_a_big_map_is_cut_into_pieces_that_fit_a_page_and_hold_every_node():
    from synthetic import make_session

    session = make_session(concepts=400, knowledge=200, links=300, seed=3)
    scale = MIN_TEXT / smallest_text(build_map(session, MapOptions(orientation="right")))
    plan = plan_map(session, 700, 460, scale, shared_measure())
    pieces = [piece for branch in plan.branches for piece in branch.pieces]
    drawn: dict[str, int] = {}
    for piece in pieces:
        assert piece.width * scale <= 700
        assert piece.height * scale <= 460 - TITLE_ROW - CAPTION_ROW
        for node in piece.boxes:
            # a frontier node is drawn again as a root; a parent over each run of its family
            if node not in piece.frontier and not (piece.part and node == piece.root):
                drawn[node] = drawn.get(node, 0) + 1
        for node in piece.frontier:  # its subtree is on a page of its own
            assert plan.first_piece[node] != piece.key
    c0 = next(c.id for c in session.concepts if c.parent is None)  # drawn on the overview
    runs = {piece.root for piece in pieces if piece.part}
    nodes = {n.id for n in (*session.concepts, *session.knowledge)} - {c0}
    assert set(drawn) | runs == nodes and set(drawn.values()) == {1}  # each once, none lost
    placed = [spot.piece for page in plan.pages for spot in page]
    assert len(placed) == len(pieces) and len(plan.pages) < len(pieces)  # pages are shared


def test_a_family_too_big_for_a_page_is_cut_into_runs_of_children():
    doc = Document(new_session("Atelier", "C0"))
    doc.apply(edits.add_concept(doc, doc.root, "Une branche très fournie"))
    branch = doc.to_session().concepts[-1].id
    for index in range(40):
        doc.apply(edits.add_concept(doc, branch, f"idée numéro {index}"))
    session = doc.to_session()
    plan = plan_map(session, 700, 460, 7 / 8.5, shared_measure())
    runs = [p for p in plan.branches[0].pieces if p.part is not None]
    assert len(runs) > 1 and [p.part[0] for p in runs] == list(range(1, len(runs) + 1))
    shown = [kid for piece in runs for kid in piece.shown[branch]]
    assert shown == [c.id for c in session.concepts if c.parent == branch]


@pytest.mark.parametrize(
    "arguments, code",
    [(["-o", "r.txt"], 2), (["-o", "r.pdf", "--sections", "map,nope"], 2),
     (["-o", "r.pdf", "--lang", "de"], 2)],
)  # fmt: skip
def test_usage_errors(arguments, code, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    try:
        returned = main(["report", str(EXAMPLES[0]), *arguments])
    except SystemExit as stop:  # argparse's own refusals
        returned = stop.code
    assert returned == code
    assert not (tmp_path / "r.pdf").exists() and not (tmp_path / "r.txt").exists()


def test_a_bad_session_is_one_sentence(tmp_path, capsys):
    bad = tmp_path / "bad.ck.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["report", str(bad), "-o", str(tmp_path / "r.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.ck.json" in err and "Traceback" not in err


WORD = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzéèçàœ"), min_size=1, max_size=10)
ANY = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)


@settings(max_examples=25, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=6), ANY)
def test_any_text_makes_a_valid_report_that_keeps_its_words(chosen, noise):
    text = " ".join(chosen) + " " + noise
    doc = Document(new_session("Atelier"))
    try:
        doc.apply(edits.add_concept(doc, doc.root, text))
    except ValueError:
        return  # a text no session may hold
    data, _ = report_pdf(doc.to_session(), sections=("appendix",))
    assert set(chosen) <= words(text_of(read(data)))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_report_reopens_as_its_session_byte_for_byte(path, tmp_path, capsys):
    from ckstudio.storage import encode

    out = tmp_path / "report.pdf"
    assert main(["report", str(path), "-o", str(out)]) == 0
    assert encode(load_session(out)) == encode(load_session(path))
    assert main(["validate", str(out)]) == 0
    capsys.readouterr()
    assert main(["stats", str(out)]) == 0
    from_pdf = capsys.readouterr().out
    assert main(["stats", str(path)]) == 0
    assert capsys.readouterr().out == from_pdf


def test_names_in_other_scripts_print_in_the_systems_fonts():
    """Greek, Cyrillic, Arabic and Chinese, with the fonts the test command installs
    (fonts-dejavu-core, fonts-droid-fallback): drawn, none replaced by "?"."""
    names = ["Αθηνά Παπαδοπούλου", "Ирина Петрова", "ليلى حداد", "王小明"]
    doc = Document(new_session("Atelier"))
    for name in names:
        doc.apply(edits.add_participant(doc, name, "ecoCIRC"))
    data, missing = report_pdf(doc.to_session(), sections=("people",))
    assert missing.chars == {}
    fonts = set()
    for page in read(data).pages:
        fonts |= {f.get_object()["/BaseFont"] for f in page["/Resources"]["/Font"].values()}
    assert any("DejaVu" in f for f in fonts) and any("Droid" in f for f in fonts)
    found = text_of(read(data))
    for name in ("Αθηνά", "Петрова", "王小明"):
        assert name in found
    # Arabic is drawn shaped (presentation forms, docs/report.md), which pypdf reads
    # as such, each word's letters in reading order: the same letters after NFKC.
    assert {"ليلى", "حداد"} <= words(unicodedata.normalize("NFKC", found))


def test_long_words_and_urls_wrap_inside_the_page():
    url = "https://example.org/" + "chemin-tres-long-" * 25
    doc = Document(new_session("Atelier"))
    doc.apply(edits.add_concept(doc, doc.root, url))
    reader = read(report_pdf(doc.to_session(), sections=("appendix",))[0])
    page = reader.pages[-1]
    right = float(page.mediabox.width)
    ends = []

    def visit(text, cm, tm, font, size):
        if text.strip():  # where the piece starts, plus its measured width
            start = tm[4] * cm[0] + cm[4]
            ends.append(start + shared_measure().width(text.strip(), size * cm[0], True))

    page.extract_text(visitor_text=visit)
    assert len(ends) > 3 and max(ends) < right  # cut into several lines, none off the page
    assert "chemin-tres-long" in page.extract_text()


def test_each_bookmark_opens_the_page_of_its_section():
    session = load_session(ROOT / "examples" / "ecocirc-groupe-scolaire.ck.json")
    reader = read(report_pdf(session)[0])
    assert len(sections_of(reader)) == 11
    for entry in sections_of(reader):
        page = reader.pages[reader.get_destination_page_number(entry)]
        assert entry.title in page.extract_text(), entry.title


def test_the_pdf_passes_qpdfs_structural_check(tmp_path):
    import subprocess

    out = tmp_path / "report.pdf"
    assert main(["report", str(EXAMPLES[0]), "-o", str(out)]) == 0
    done = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No syntax or stream encoding errors" in done.stdout


def test_a_session_of_2000_concepts_makes_a_legible_multi_page_map(tmp_path):
    import subprocess

    from synthetic import make_session

    session = make_session(concepts=2000, knowledge=600, links=1500, seed=5)
    data, _ = report_pdf(session, sections=("map",))
    out = tmp_path / "map.pdf"
    out.write_bytes(data)
    done = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    reader = read(data)
    total = len(reader.pages)
    pages = [p.extract_text() for p in reader.pages]
    overview = next(i for i, text in enumerate(pages) if "C1" in text and "K1" in text)
    # the overview's key: each branch, its size and the page it starts on, which is its page
    names = re.findall(r"([CK]\d+)\n[^\n]*\s· \d+ nœuds?\b", pages[overview])
    refs = [int(n) for n in re.findall(r"p\. (\d+)", pages[overview])]
    assert names[:2] == ["C1", "C2"] and "K1" in names and len(refs) == len(names)
    for name, page in zip(names, refs, strict=True):
        assert overview + 1 < page <= total and re.search(rf"\b{name}\b", pages[page - 1])
    # every node's text is on a map page after the overview
    found = words(" ".join(pages[overview + 1 :]))
    for node in (*session.concepts[1:], *session.knowledge):
        assert words(node.text) <= found, node.text
    # the text of the map pages is never under 7 points (sampled: the first map pages)
    sizes = []
    for page in reader.pages[overview + 1 : overview + 6]:
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: sizes.append(
            abs(size * tm[3] * cm[3])) if text.strip() else None)  # fmt: skip
    assert sizes and min(sizes) >= MIN_TEXT - 0.01
    # the outline: the map's entry holds one entry per branch page at least
    outline = reader.outline
    nested = next(entry for entry in outline if isinstance(entry, list))  # the map's pages
    assert isinstance(nested, list) and len(nested) >= total - overview - 1
    assert all(reader.get_destination_page_number(e) > overview for e in nested)
    assert len(data) < 10_000_000
