"""The editor's live scene draws exactly what the shared map drawing draws (SVG, report)."""

from __future__ import annotations

import dataclasses

import pytest

from ckstudio.gui.mapscene import MapScene
from ckstudio.layout.ckmap import MapOptions, build_parts, layout_spaces
from ckstudio.layout.style import DARK_STYLE, DEFAULT_STYLE
from ckstudio.model import edits
from ckstudio.model.document import Document
from ckstudio.storage import load_session
from tests.gui.conftest import EXAMPLES

NAMES = sorted(p.name for p in EXAMPLES.glob("*.ck.json"))


def export_boxes(doc: Document, scene: MapScene) -> dict:
    folded = frozenset(n for s in ("c", "k") for n in doc.walk(s) if scene.is_collapsed(n))
    options = MapOptions(orientation=scene.orientation, collapsed=folded)
    layout = layout_spaces(doc.to_session(), options, scene.style)
    return {**layout.c_space.boxes, **layout.k_space.boxes}


def assert_same_boxes(scene: MapScene, expected: dict) -> None:
    found = scene.boxes()
    assert found.keys() == expected.keys()
    for ref, box in expected.items():
        got = found[ref]
        assert (got.x, got.y, got.w, got.h) == pytest.approx((box.x, box.y, box.w, box.h),
                                                              abs=1e-6), ref  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("orientation", ["down", "right"])
def test_the_scene_places_every_node_as_the_export(name, orientation, qapp):
    doc = Document(load_session(EXAMPLES / name))
    scene = MapScene(doc, DEFAULT_STYLE, orientation)
    assert_same_boxes(scene, export_boxes(doc, scene))
    parts = build_parts(doc.to_session(), MapOptions(orientation=orientation), DEFAULT_STYLE)
    assert scene.size() == pytest.approx((parts.width, parts.height), abs=1e-6)
    assert_same(scene.decorations(), list(parts.decorations))
    edges = {e.ref: e for e in (*parts.c_edges, *parts.k_edges)}
    assert edges
    for ref, edge in edges.items():
        assert_same(scene.edge(ref), edge)
    for ref, box in scene.boxes().items():
        placed = parts.layout.c_space if ref in parts.layout.c_space.boxes else parts.layout.k_space
        assert_same(scene.group(ref), placed.cards[ref].group_at(box.x, box.y, DEFAULT_STYLE))


def assert_same(found, expected) -> None:
    """Equal drawing items, numbers to 1e-6 (the live layout sums in another order)."""
    assert type(found) is type(expected)
    if isinstance(expected, float):
        assert found == pytest.approx(expected, abs=1e-6)
    elif isinstance(expected, list | tuple):
        assert len(found) == len(expected)
        for a, b in zip(found, expected, strict=True):
            assert_same(a, b)
    elif dataclasses.is_dataclass(expected):
        for field in dataclasses.fields(expected):
            assert_same(getattr(found, field.name), getattr(expected, field.name))
    else:
        assert found == expected


def test_folding_and_editing_keep_the_scene_equal_to_the_export(qapp):
    doc = Document(load_session(EXAMPLES / "ecocirc-immeuble-r12.ck.json"))
    scene = MapScene(doc, DARK_STYLE, "right")
    first = doc.children("c", doc.root)[0]
    pocket = doc.children("k", None)[0]
    scene.set_collapsed(first, True)
    scene.set_collapsed(pocket, True)
    steps = [
        edits.add_concept(doc, doc.children("c", first)[0], "une idée cachée"),
        edits.add_concept(doc, doc.root, "Une idée longue " * 8),
        edits.add_knowledge(doc, None, "Une nouvelle poche"),
        edits.add_knowledge(doc, doc.children("k", None)[1], "un savoir"),
        edits.remove_subtree(doc, "c", doc.children("c", doc.root)[1]),
        edits.link(doc, doc.root, doc.children("k", None)[1]),
    ]
    for step in steps:
        doc.apply(step)
        assert_same_boxes(scene, export_boxes(doc, scene))
    scene.set_collapsed(first, False)
    assert_same_boxes(scene, export_boxes(doc, scene))
    hidden = doc.children("c", first)[0]
    assert scene.box(hidden) is not None and scene.mark(first) is None
    scene.set_collapsed(first, True)
    assert scene.box(hidden) is None and scene.mark(first).lines[0].startswith("+")


@pytest.mark.parametrize("name", NAMES)
def test_links_are_routed_as_the_export_routes_them(name, qapp):
    from ckstudio.layout.ckmap import build_map
    from ckstudio.layout.drawing import Path

    doc = Document(load_session(EXAMPLES / name))
    scene = MapScene(doc, DEFAULT_STYLE, "right")
    while scene.route_some(1.0):
        pass
    drawing = build_map(doc.to_session(), MapOptions(orientation="right"), DEFAULT_STYLE)
    exported: dict[str, list] = {}
    for item in drawing.items:
        if isinstance(item, Path) and item.role in ("link", "arrow"):
            exported.setdefault(item.ref, []).append(item)
    assert exported and scene.routes().keys() == exported.keys()
    for link_id, paths in exported.items():
        assert_same(scene.routes()[link_id], paths)
