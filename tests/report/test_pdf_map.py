"""The map as a PDF page: text kept as text, every font embedded, no character lost silently."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from ckstudio.cli import main
from ckstudio.layout.ckmap import MapOptions, build_map
from ckstudio.layout.drawing import Drawing
from ckstudio.model import Document, edits
from ckstudio.model.templates import new_session
from ckstudio.report.pdfdraw import MAX_PAGE, pdf_bytes
from ckstudio.storage import load_session

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.ck.json"))


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(page.extract_text() for page in reader.pages)


def words(text: str) -> set[str]:
    return {w for w in re.split(r"\s+", unicodedata.normalize("NFC", text)) if w}


def fonts_of(data: bytes) -> list[dict]:
    reader = PdfReader(io.BytesIO(data))
    found = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            found.append(font.get_object())
    return found


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_text_of_the_examples_is_in_the_pdf(path, tmp_path, capsys):
    out = tmp_path / "map.pdf"
    assert main(["render", str(path), "-o", str(out), "--orientation", "right"]) == 0
    assert "map written" in capsys.readouterr().out
    extracted = words(text_of(out.read_bytes()).replace("\xa0", " "))
    session = load_session(path)
    for node in (*session.concepts, *session.knowledge):
        assert words(node.text.replace("\xa0", " ")) <= extracted, node.text


def test_every_font_is_embedded_and_none_is_a_base_14_font(tmp_path):
    out = tmp_path / "map.pdf"
    assert main(["render", str(EXAMPLES[0]), "-o", str(out)]) == 0
    fonts = fonts_of(out.read_bytes())
    assert fonts
    for font in fonts:
        descendant = (
            font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        )
        descriptor = descendant["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, font["/BaseFont"]


def test_markup_and_unknown_characters_neither_break_nor_vanish(tmp_path, capsys):
    doc = Document(new_session("Atelier <b>&amp;</b>", "C0 <font color=red>x</font> & co"))
    # U+F0001 is private use: no font has it (an emoji may have one, as DejaVu here)
    doc.apply(edits.add_concept(doc, doc.root, "une idée \U000f0001 ]]> <!-- --> \\n"))
    data, missing = pdf_bytes(build_map(doc.to_session()))
    found = words(text_of(data))
    assert words("C0 <font color=red>x</font> & co") <= found and "]]>" in found
    assert "\U000f0001" in missing.chars
    assert any("U+F0001" in w and "shown as a box" in w for w in missing.warnings())
    path = tmp_path / "s.ck.json"
    from ckstudio.storage import save_session

    save_session(doc.to_session(), path)
    assert main(["render", str(path), "-o", str(tmp_path / "m.pdf")]) == 0
    assert "warning: no font here draws U+F0001" in capsys.readouterr().err


def test_a_drawing_larger_than_a_pdf_page_is_scaled_to_fit():
    drawing = Drawing(width=40_000, height=300, background="#FFFFFF", title="large",
                      font_family="Vera")  # fmt: skip
    data, _ = pdf_bytes(drawing)
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert float(box.width) == pytest.approx(MAX_PAGE) and float(box.height) < 300


def test_pdf_metadata_names_the_map_and_the_maker():
    session = load_session(EXAMPLES[0])
    data, _ = pdf_bytes(build_map(session, MapOptions(space="c")))
    meta = PdfReader(io.BytesIO(data)).metadata
    assert meta.title == session.meta.title and meta.creator.startswith("CK Studio ")


WORD = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzéèçàœ"), min_size=1, max_size=12)


@settings(max_examples=30, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=8), st.text(max_size=20))
def test_any_text_gives_a_valid_pdf_with_its_words(chosen, noise):
    text = " ".join(chosen) + " " + noise.replace("\x00", "")
    doc = Document(new_session("Atelier"))
    try:
        doc.apply(edits.add_concept(doc, doc.root, text))
    except ValueError:
        return  # a text the session refuses (a lone surrogate...) never reaches a map
    data, _ = pdf_bytes(build_map(doc.to_session(), MapOptions(space="c")))
    extracted = words(text_of(data))
    assert set(chosen) <= extracted
