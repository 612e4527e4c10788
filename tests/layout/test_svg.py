"""The SVG written from the drawing: well-formed XML, every text once and intact,
boxes read back from the file apart from one another."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

from ckstudio.layout.ckmap import build_map
from ckstudio.layout.svg import write_svg
from ckstudio.model import Document, edits
from ckstudio.model.templates import new_session
from ckstudio.storage import load_session

SVG = "{http://www.w3.org/2000/svg}"
EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.ck.json"))
HOSTILE = [
    "<script>alert('x')</script>",
    "Tom & Jerry &amp; « l’école »",
    "guillemets \"doubles\" et 'simples'",
    "]]> fin de CDATA <!-- commentaire -->",
    "مدرسة دائرية تتنفس",
    "école 😀 🌱 émoji",
    "שלום עולם",
    "Ελληνικά Кириллица 中文",
    "a" * 400,
]


def node_groups(root: ET.Element) -> dict[str, ET.Element]:
    groups: dict[str, ET.Element] = {}
    for group in root.iter(f"{SVG}g"):
        desc = group.find(f"{SVG}desc")
        if desc is not None and group.get("class") in ("c0", "concept", "knowledge", "pocket"):
            assert desc.text not in groups, f"{desc.text} drawn twice"
            groups[desc.text] = group
    return groups


def label_of(group: ET.Element) -> str:
    text = next(t for t in group.iter(f"{SVG}text") if t.find(f"{SVG}tspan") is not None)
    return "".join(tspan.text or "" for tspan in text.iter(f"{SVG}tspan"))


def squeeze(text: str) -> str:
    return "".join(text.split())


def check_svg(session) -> ET.Element:
    root = ET.fromstring(write_svg(build_map(session)).encode("utf-8"))
    assert root.tag == f"{SVG}svg" and root.get("version") == "1.1"
    groups = node_groups(root)
    nodes = {c.id: c.text for c in session.concepts} | {k.id: k.text for k in session.knowledge}
    assert set(groups) == set(nodes)
    labels = [squeeze(label_of(group)) for group in groups.values()]
    texts = [squeeze(text) for text in nodes.values()]
    for ref, text in nodes.items():
        assert squeeze(label_of(groups[ref])) == squeeze(text), ref
        assert labels.count(squeeze(text)) == texts.count(squeeze(text)), ref
    return root


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_give_well_formed_svg_with_every_text_once(path):
    check_svg(load_session(path))


def test_hostile_text_is_escaped_and_kept_whole():
    doc = Document(new_session("<Atelier> & « test »", HOSTILE[0]))
    for text in HOSTILE[1:]:
        doc.apply(edits.add_concept(doc, doc.root, text))
        doc.apply(edits.add_knowledge(doc, None, text[::-1]))
    root = check_svg(doc.to_session())
    assert root.find(f"{SVG}title").text == "<Atelier> & « test »"
    assert not list(root.iter(f"{SVG}script"))


def test_control_characters_cannot_break_the_xml():
    doc = Document(new_session("x", "bell\x07 and nul-ish \x01 chars"))
    root = ET.fromstring(write_svg(build_map(doc.to_session())).encode("utf-8"))
    assert squeeze("bell\ufffd and nul-ish \ufffd chars") in squeeze("".join(root.itertext()))


def rects_of(root: ET.Element) -> dict[str, tuple[float, float, float, float]]:
    boxes = {}
    for ref, group in node_groups(root).items():
        rect = group.find(f"{SVG}rect")
        boxes[ref] = tuple(float(rect.get(k)) for k in ("x", "y", "width", "height"))
    return boxes


def test_box_geometry_read_back_from_the_svg_has_no_overlap():
    for path in EXAMPLES:
        boxes = rects_of(ET.fromstring(write_svg(build_map(load_session(path))).encode()))
        for (a, (ax, ay, aw, ah)), (b, (bx, by, bw, bh)) in itertools.combinations(
            boxes.items(), 2
        ):
            apart = ax + aw <= bx or bx + bw <= ax or ay + ah <= by or by + bh <= ay
            assert apart, f"{path.name}: {a} and {b} overlap"


@settings(max_examples=50, deadline=None)
@given(
    texts=st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=60), max_size=8)
)
def test_any_text_gives_parsable_svg(texts):
    doc = Document(new_session("Atelier"))
    for text in texts:
        doc.apply(edits.add_concept(doc, doc.root, text))
    root = ET.fromstring(write_svg(build_map(doc.to_session())).encode("utf-8"))
    assert len(node_groups(root)) == len(texts) + 1


def test_blank_lines_keep_their_place_in_the_svg():
    doc = Document(new_session("x", "Ligne un\n\nLigne trois"))
    root = ET.fromstring(write_svg(build_map(doc.to_session())).encode("utf-8"))
    group = node_groups(root)[doc.root]
    label = next(t for t in group.iter(f"{SVG}text") if t.find(f"{SVG}tspan") is not None)
    ys = [float(tspan.get("y")) for tspan in label.iter(f"{SVG}tspan")]
    assert len(ys) == 3 and ys[2] - ys[1] == ys[1] - ys[0] > 0


def test_the_svg_asks_for_no_kerning_as_the_layout_measured():
    svg = write_svg(build_map(new_session("x")))
    assert "font-kerning: none" in svg and '"kern" 0' in svg
