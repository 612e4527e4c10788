"""The C-K map drawing: boxes apart, text inside its box, links around boxes,
spaces and gutter where they belong, on the examples and on random sessions."""

from __future__ import annotations

import itertools
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

from ckstudio.layout.ckmap import MapOptions, build_map
from ckstudio.layout.drawing import Group, Rect, Text
from ckstudio.layout.drawing import Path as PathItem
from ckstudio.layout.fonts import TextMeasure
from ckstudio.layout.style import DEFAULT_STYLE
from ckstudio.model import Document, edits
from ckstudio.model.operations import AddTag, SetNodeField, SetVote
from ckstudio.model.templates import new_session
from ckstudio.storage import load_session

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.ck.json"))
MEASURE = TextMeasure()


def overlapping(a: Rect, b: Rect, margin: float = 0.0) -> bool:
    return (
        a.x < b.x + b.w + margin
        and b.x < a.x + a.w + margin
        and a.y < b.y + b.h + margin
        and b.y < a.y + a.h + margin
    )


def assert_boxes_apart(drawing) -> None:
    boxes = list(drawing.boxes().items())
    for (ref_a, a), (ref_b, b) in itertools.combinations(boxes, 2):
        assert not overlapping(a, b), f"{ref_a} and {ref_b} overlap"


def assert_text_inside(drawing) -> None:
    for group in (i for i in drawing.items if isinstance(i, Group)):
        box = group.items[0]
        for text in (i for i in group.items if isinstance(i, Text)):
            for number, line in enumerate(text.lines):
                width = MEASURE.width(line, text.size, text.bold)
                left = text.x - (width if text.anchor == "end" else 0)
                assert box.x < left and left + width <= box.x + box.w + 0.01, (group.ref, line)
                baseline = text.y + number * text.line_height
                assert box.y < baseline <= box.y + box.h, (group.ref, line)


def bezier_points(start, segments, steps: int = 12):
    """Points along a path, to test what it crosses."""
    x0, y0 = start
    for segment in segments:
        if segment[0] == "L":
            x1, y1 = segment[1], segment[2]
            for i in range(1, steps + 1):
                t = i / steps
                yield x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
        else:
            c1x, c1y, c2x, c2y, x1, y1 = segment[1:]
            for i in range(1, steps + 1):
                t = i / steps
                u = 1 - t
                yield (
                    u**3 * x0 + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t**3 * x1,
                    u**3 * y0 + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t**3 * y1,
                )
        x0, y0 = segment[-2], segment[-1]


def links_through_boxes(drawing, session) -> list[tuple[str, str]]:
    boxes = drawing.boxes()
    ends = {link.id: (link.concept, link.knowledge) for link in session.links}
    crossings = []
    for path in (i for i in drawing.items if isinstance(i, PathItem) and i.role == "link"):
        for x, y in bezier_points(path.start, path.segments):
            for ref, box in boxes.items():
                inside = box.x + 1 < x < box.x + box.w - 1 and box.y + 1 < y < box.y + box.h - 1
                if inside and ref not in ends[path.ref]:
                    crossings.append((path.ref, ref))
    return sorted(set(crossings))


@pytest.fixture(params=EXAMPLES, ids=lambda p: p.name)
def example(request):
    return load_session(request.param)


@pytest.mark.parametrize("orientation", ["down", "right"])
def test_examples_are_drawn_cleanly(example, orientation):
    drawing = build_map(example, MapOptions(orientation=orientation))
    assert set(drawing.boxes()) == {c.id for c in example.concepts} | {
        k.id for k in example.knowledge
    }
    assert_boxes_apart(drawing)
    assert_text_inside(drawing)
    assert links_through_boxes(drawing, example) == []


def test_c_space_left_k_space_right_with_a_gutter(example):
    drawing = build_map(example)
    boxes = drawing.boxes()
    c_right = max(boxes[c.id].x + boxes[c.id].w for c in example.concepts)
    k_left = min(boxes[k.id].x for k in example.knowledge)
    assert k_left - c_right >= DEFAULT_STYLE.gutter - 0.01


def test_every_link_is_drawn_with_an_arrowhead_at_its_target(example):
    drawing = build_map(example)
    boxes = drawing.boxes()
    arrows = {i.ref: i for i in drawing.items if isinstance(i, PathItem) and i.role == "arrow"}
    assert set(arrows) == {link.id for link in example.links}
    for link in example.links:
        target = boxes[link.knowledge if link.kind == "c_to_k" else link.concept]
        tip_x, tip_y = arrows[link.id].start
        side = target.x if link.kind == "c_to_k" else target.x + target.w
        assert abs(tip_x - side) < 0.01 and target.y < tip_y < target.y + target.h


def test_one_space_alone(example):
    only_c = build_map(example, MapOptions(space="c"))
    assert set(only_c.boxes()) == {c.id for c in example.concepts}
    assert not [i for i in only_c.items if isinstance(i, PathItem) and i.role == "link"]
    only_k = build_map(example, MapOptions(space="k"))
    assert set(only_k.boxes()) == {k.id for k in example.knowledge}


def test_collapsed_branches_hide_their_nodes_and_links_go_to_the_branch(example):
    root = next(c.id for c in example.concepts if c.parent is None)
    branch = next(c.id for c in example.concepts if c.parent == root)
    hidden = {c.id for c in example.concepts if c.parent == branch}
    drawing = build_map(example, MapOptions(collapsed=frozenset({branch})))
    assert hidden and not hidden & set(drawing.boxes())
    marks = [i for i in drawing.items if isinstance(i, Text) and i.role == "collapsed"]
    assert [m.ref for m in marks] == [branch]
    assert_boxes_apart(drawing)


def test_the_legend_names_reach_status_links_and_themes_in_the_session_language(example):
    drawing = build_map(example)
    words = {line for i in drawing.items if isinstance(i, Text) for line in i.lines}
    french = example.meta.language == "fr"
    assert ("Légende" if french else "Legend") in words
    assert ("en rupture" if french else "breakthrough") in words
    assert ("manquante" if french else "missing") in words
    assert {theme.name for theme in example.themes} <= words


def test_the_drawing_is_deterministic(example):
    assert build_map(example) == build_map(example)


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=120
) | st.sampled_from(["x" * 300, "https://example.org/" + "a" * 80, "مدرسة دائرية", "学校 😀"])


@st.composite
def sessions(draw):
    doc = Document(new_session("Atelier", draw(texts) or "C0"))
    doc.apply(edits.add_participant(doc, "Ana"))
    for _ in range(draw(st.integers(0, 30))):
        concepts = list(doc.walk("c"))
        parent = concepts[draw(st.integers(0, len(concepts) - 1))]
        doc.apply(edits.add_concept(doc, parent, draw(texts)))
    for _ in range(draw(st.integers(0, 8))):
        items = list(doc.walk("k"))
        parent = None if not items or draw(st.booleans()) else draw(st.sampled_from(items))
        doc.apply(edits.add_knowledge(doc, parent, draw(texts), status="missing"))
    concepts, items = list(doc.walk("c"))[1:], list(doc.walk("k"))
    for concept in concepts[:5]:
        doc.apply(SetNodeField("c", concept, "reach", "breakthrough"))
        doc.apply(AddTag(concept, "t-flux", "p1"))
        doc.apply(SetVote(concept, "p1", 2))
    for concept, item in zip(concepts, items, strict=False):
        doc.apply(edits.link(doc, concept, item, draw(st.sampled_from(["c_to_k", "k_to_c"]))))
    for _ in range(draw(st.integers(0, 10)) if concepts and items else 0):
        concept, item = draw(st.sampled_from(concepts)), draw(st.sampled_from(items))
        if doc.find_link(concept, item, "c_to_k") is None:
            doc.apply(edits.link(doc, concept, item))
    return doc.to_session()


@settings(max_examples=60, deadline=None)
@given(session=sessions(), orientation=st.sampled_from(["down", "right"]))
def test_random_sessions_are_drawn_without_overlap_or_overflow(session, orientation):
    drawing = build_map(session, MapOptions(orientation=orientation))
    assert len(drawing.boxes()) == len(session.concepts) + len(session.knowledge)
    assert_boxes_apart(drawing)
    assert_text_inside(drawing)
    assert links_through_boxes(drawing, session) == []
    assert all(b.x >= 0 and b.x + b.w <= drawing.width for b in drawing.boxes().values())
    assert all(b.y >= 0 and b.y + b.h <= drawing.height for b in drawing.boxes().values())


@pytest.mark.parametrize("orientation", ["down", "right"])
def test_the_legend_stays_clear_of_boxes_and_links(example, orientation):
    drawing = build_map(example, MapOptions(orientation=orientation))
    legend = [i for i in drawing.items if isinstance(i, (Text, Rect)) and i.role == "legend"]
    top = min(i.y - (i.size if isinstance(i, Text) else 0) for i in legend) - 2
    texts = [i for i in legend if isinstance(i, Text)]
    right = max(i.x + MEASURE.width(i.lines[0], i.size) for i in texts)
    assert all(b.y + b.h < top or b.x > right for b in drawing.boxes().values())
    for path in (i for i in drawing.items if isinstance(i, PathItem) and i.role == "link"):
        assert all(y < top or x > right for x, y in bezier_points(path.start, path.segments))
    concepts = [
        box for ref, box in drawing.boxes().items() if ref in {c.id for c in example.concepts}
    ]
    assert top > max(box.y + box.h for box in concepts)


def test_the_headers_fit_in_the_drawing():
    doc = Document(new_session("x", "C0", "fr"))
    doc.apply(edits.add_knowledge(doc, None, "K"))
    drawing = build_map(doc.to_session(), MapOptions(legend=False))
    for header in (i for i in drawing.items if isinstance(i, Text) and i.role == "header"):
        assert header.x + MEASURE.width(header.lines[0], header.size, True) <= drawing.width


def test_a_forest_of_many_pockets_is_laid_out_one_above_the_other():
    doc = Document(new_session("x"))
    for number in range(300):
        doc.apply(edits.add_knowledge(doc, None, f"Poche {number}"))
    drawing = build_map(doc.to_session(), MapOptions(space="k", legend=False))
    tops = [drawing.boxes()[f"k{n}"].y for n in range(1, 301)]
    assert tops == sorted(tops) and len(set(tops)) == 300


def test_a_link_from_a_hemmed_in_concept_goes_around_the_boxes():
    """Wider siblings above and below leave no lane beside the concept: a detour."""
    long = "a much longer concept text that wraps onto three lines or so in the box"
    doc = Document(new_session("x", "C0", "en"))
    doc.apply(edits.add_concept(doc, "c0", "a medium text"))
    hemmed = edits.add_concept(doc, "c0", "A")
    doc.apply(hemmed)
    middle = edits.add_concept(doc, hemmed.node["id"], "a medium text")
    doc.apply(middle)
    doc.apply(edits.add_concept(doc, middle.node["id"], long))
    doc.apply(edits.add_concept(doc, middle.node["id"], long))
    doc.apply(edits.add_concept(doc, "c0", long))
    doc.apply(edits.add_concept(doc, "c0", "a medium text"))
    doc.apply(edits.add_knowledge(doc, None, "K"))
    doc.apply(edits.link(doc, hemmed.node["id"], "k1"))
    session = doc.to_session()
    drawing = build_map(session, MapOptions(orientation="right"))
    assert links_through_boxes(drawing, session) == []
