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
from ckstudio.layout.ckmap import build_map
from ckstudio.layout.fonts import shared_measure
from ckstudio.model import Document, edits
from ckstudio.model.templates import new_session
from ckstudio.report.builder import report_pdf
from ckstudio.report.mapflow import MIN_TEXT, map_tiles, smallest_text
from ckstudio.report.pdfdraw import Missing
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
    titles = [entry.title for entry in reader.outline]
    assert titles[:3] == ["La carte C-K", "Les concepts par thème", "Atteignabilité et partitions"]
    assert len(titles) == 10  # the ten sections
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


def test_a_big_map_is_split_into_legible_tiles():
    from synthetic import make_session

    session = make_session(concepts=400, knowledge=200, links=300, seed=3)
    drawing = build_map(session)
    tiles = map_tiles(drawing, 760, 480, shared_measure(), Missing())
    assert len(tiles) > 1
    assert all(tile.scale * smallest_text(drawing) >= MIN_TEXT - 1e-9 for tile in tiles)
    for box in drawing.boxes().values():  # every node whole on at least one tile
        assert any(
            t.region[0] <= box.x and box.x + box.w <= t.region[0] + t.region[2]
            and t.region[1] <= box.y and box.y + box.h <= t.region[1] + t.region[3]
            for t in tiles
        )  # fmt: skip


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
    assert len(reader.outline) == 10
    for entry in reader.outline:
        page = reader.pages[reader.get_destination_page_number(entry)]
        assert entry.title in page.extract_text(), entry.title


def test_the_pdf_passes_qpdfs_structural_check(tmp_path):
    import subprocess

    out = tmp_path / "report.pdf"
    assert main(["report", str(EXAMPLES[0]), "-o", str(out)]) == 0
    done = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No syntax or stream encoding errors" in done.stdout


def test_a_session_of_2000_concepts_makes_a_multi_page_map(tmp_path):
    from synthetic import make_session

    session = make_session(concepts=2000, knowledge=600, links=1500, seed=5)
    data, _ = report_pdf(session, sections=("map",))
    reader = read(data)
    map_pages = [p for p in reader.pages if float(p.mediabox.width) > float(p.mediabox.height)]
    assert len(map_pages) > 2  # the index and several tiles, all landscape
    # the map is written once, as one form every map page places (not once per page)
    forms = {name for page in map_pages for name in page["/Resources"]["/XObject"]}
    assert len(forms) == 1
    assert len(data) < 10_000_000
