"""The incremental tidy layout (ckstudio.layout.livetidy): always what tidy_layout draws.

The reference is `tidy_layout` itself: random trees (random parents, sizes from zero
to huge, random collapsed sets, both orientations, gaps and origins) must come out
the same, and so must random sequences of edits, compared with a fresh layout of a
plain model of the edited tree. The culling queries are compared with a scan of
`boxes()`, and the big chain, star and comb are built to check nothing is quadratic
or recursive.
"""

from __future__ import annotations

import random
from collections.abc import Hashable
from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ckstudio.layout.livetidy import LiveTidy
from ckstudio.layout.tidy import Box, tidy_layout

TOL = 1e-6
SHAPES = ("uniform", "deep", "bushy", "comb")


def assert_same(got: dict[Hashable, Box], want: dict[Hashable, Box]) -> None:
    """Same nodes in the same (breadth-first) order, every coordinate within TOL."""
    assert list(got) == list(want)
    for node, box in want.items():
        assert_close(got[node], box, node)


def assert_close(got: Box | None, want: Box | None, node: Hashable = None) -> None:
    assert (got is None) == (want is None), node
    if got is not None and want is not None:
        for a, b in zip(
            (got.x, got.y, got.w, got.h), (want.x, want.y, want.w, want.h), strict=True
        ):
            assert abs(a - b) <= TOL, (node, got, want)


def meets(box: Box, x0: float, y0: float, x1: float, y1: float) -> bool:
    return box.x <= x1 and x0 <= box.x + box.w and box.y <= y1 and y0 <= box.y + box.h


@dataclass
class Model:
    """The plain tree LiveTidy should be drawing: the arguments of `tidy_layout`."""

    children: dict[int, list[int]]
    sizes: dict[int, tuple[float, float]]
    collapsed: set[int]
    gap: float
    level_gap: float
    orientation: str
    origin: tuple[float, float]
    parent: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.parent = {kid: v for v, kids in self.children.items() for kid in kids}

    @property
    def options(self) -> dict:
        return {
            "gap": self.gap,
            "level_gap": self.level_gap,
            "orientation": self.orientation,
            "origin": self.origin,
        }

    def layout(self) -> dict[Hashable, Box]:
        return tidy_layout(0, self.children, self.sizes, collapsed=self.collapsed, **self.options)

    def live(self) -> LiveTidy:
        return LiveTidy(0, self.children, self.sizes, collapsed=self.collapsed, **self.options)

    def nodes(self) -> list[int]:
        return [0, *self.parent]

    def subtree(self, v: int) -> list[int]:
        out = [v]
        for node in out:
            out.extend(self.children.get(node, ()))
        return out


def random_size(rng: random.Random, layered: bool) -> tuple[float, float]:
    """Mostly ordinary boxes, some empty, some huge; `layered` gives many equal heights."""
    pick = rng.random()
    if pick < 0.08:
        return (0.0, 0.0)
    if pick < 0.12:
        return (rng.uniform(0, 40), 0.0)
    if pick < 0.16:
        return (rng.uniform(1e4, 1e5), rng.uniform(1e4, 1e5))
    if layered:
        return (rng.choice((10.0, 40.0, 300.0)), rng.choice((10.0, 40.0)))
    return (rng.uniform(10, 300), rng.uniform(10, 120))


def make_model(
    n: int,
    shape: str,
    layered: bool,
    seed: int,
    fold: float,
    gap: float,
    level_gap: float,
    orientation: str,
    origin: tuple[float, float],
) -> Model:
    rng = random.Random(seed)
    children: dict[int, list[int]] = {}
    for i in range(1, n):
        if shape == "uniform":
            p = rng.randrange(i)
        elif shape == "deep":  # long chains with short side branches
            p = i - 1 - rng.randrange(min(i, 3))
        elif shape == "bushy":  # a few nodes with many children
            p = rng.randrange(min(i, 4))
        else:  # "comb": a spine with short branches
            p = i - 2 if i % 2 == 0 else max(0, i - 1 - rng.randrange(min(i, 2)))
        children.setdefault(p, []).append(i)
    sizes = {i: random_size(rng, layered) for i in range(n)}
    collapsed = {i for i in range(n) if rng.random() < fold}
    return Model(children, sizes, collapsed, gap, level_gap, orientation, origin)


@st.composite
def models(draw: st.DrawFn, max_nodes: int = 120) -> Model:
    return make_model(
        n=draw(st.integers(1, max_nodes)),
        shape=draw(st.sampled_from(SHAPES)),
        layered=draw(st.booleans()),
        seed=draw(st.integers(0, 2**32 - 1)),
        fold=draw(st.sampled_from((0.0, 0.05, 0.2))),
        gap=draw(st.sampled_from((0.0, 16.0)) | st.floats(0, 40)),
        level_gap=draw(st.sampled_from((0.0, 32.0)) | st.floats(0, 60)),
        orientation=draw(st.sampled_from(("down", "right"))),
        origin=draw(
            st.sampled_from(((0.0, 0.0), (12.5, -40.0))) | st.tuples(*[st.floats(-1e3, 1e3)] * 2)
        ),
    )


# An edit: (kind, three picks), the picks read modulo what the tree has at that point.
EDITS = st.lists(
    st.tuples(
        st.sampled_from(("insert", "remove", "move", "size", "fold", "update", "read")),
        st.integers(0, 10**6),
        st.integers(0, 10**6),
        st.integers(0, 10**6),
    ),
    min_size=8,
    max_size=40,
)
KINDS = ("insert", "remove", "move", "size", "fold", "update", "read")


def apply_edit(model: Model, live: LiveTidy, edit: tuple[str, int, int, int], fresh: int) -> None:
    """Make the same edit on the model and on `live` (a no-op when it does not apply)."""
    kind, a, b, c = edit
    nodes = model.nodes()
    rng = random.Random(a * 7919 + b)
    if kind == "insert":
        p = nodes[a % len(nodes)]
        kids = model.children.setdefault(p, [])
        position = b % (len(kids) + 1)
        size = random_size(rng, c % 2 == 0)
        live.insert(fresh, p, position, size)
        kids.insert(position, fresh)
        model.parent[fresh] = p
        model.sizes[fresh] = size
    elif kind == "remove" and model.parent:
        v = nodes[1 + a % (len(nodes) - 1)]
        live.remove(v)
        model.children[model.parent[v]].remove(v)
        for u in model.subtree(v):
            model.children.pop(u, None)
            model.parent.pop(u, None)
            model.sizes.pop(u, None)
            model.collapsed.discard(u)
    elif kind == "move" and model.parent:
        v = nodes[1 + a % (len(nodes) - 1)]
        inside = set(model.subtree(v))
        targets = [u for u in nodes if u not in inside]
        p = targets[b % len(targets)]
        model.children[model.parent[v]].remove(v)
        kids = model.children.setdefault(p, [])
        position = c % (len(kids) + 1)
        live.move(v, p, position)
        kids.insert(position, v)
        model.parent[v] = p
    elif kind == "size":
        v = nodes[a % len(nodes)]
        size = random_size(rng, c % 2 == 0)
        live.set_size(v, *size)
        model.sizes[v] = size
    elif kind == "fold":
        v = nodes[a % len(nodes)]
        fold = v not in model.collapsed
        live.set_collapsed(v, fold)
        (model.collapsed.add if fold else model.collapsed.discard)(v)
    elif kind == "update":
        live.update()
    elif kind == "read":  # a few boxes and a query, against a full layout right now
        want = model.layout()
        for v in random.Random(a).sample(nodes, min(4, len(nodes))):
            assert_close(live.box(v), want.get(v), v)
        boxes = live.boxes()
        assert_same(boxes, want)
        assert_queries_match(live, boxes, random.Random(b))


def assert_queries_match(live: LiveTidy, boxes: dict[Hashable, Box], rng: random.Random) -> None:
    """nodes_in and node_at agree with a scan of `boxes` (the same boxes as live.boxes())."""
    listed = list(boxes.items())
    x0, y0, x1, y1 = live.bounds()
    for _ in range(3):
        if listed and rng.random() < 0.5:  # a rectangle from a box's edges: ties on purpose
            box = rng.choice(listed)[1]
            rect = (box.x + box.w, box.y + box.h, box.x + box.w + rng.uniform(0, 300), box.y + 400)
        else:
            xa, xb = sorted(rng.uniform(x0 - 50, x1 + 50) for _ in range(2))
            ya, yb = sorted(rng.uniform(y0 - 50, y1 + 50) for _ in range(2))
            rect = (xa, ya, xb, yb)
        found = live.nodes_in(*rect)
        assert len(found) == len(set(found))
        assert set(found) == {v for v, box in listed if meets(box, *rect)}
    points = [(rng.uniform(x0, x1), rng.uniform(y0, y1)) for _ in range(4)]
    for _, box in rng.sample(listed, min(3, len(listed))):
        points += [(box.x, box.y), (box.x + box.w / 2, box.y + box.h / 2)]
    for x, y in points:
        first = next((v for v, box in listed if meets(box, x, y, x, y)), None)
        assert live.node_at(x, y) == first


# --- hand-checked examples ----------------------------------------------------------


def test_issue_2_tree_then_an_edit() -> None:
    # The tree of tidy.py's first-pair fix, then B loses its wide child: B slides back.
    sizes = {"R": (40.0, 40.0), "A": (40.0, 40.0), "B": (40.0, 40.0)}
    sizes |= {"C": (100.0, 40.0), "D": (200.0, 40.0)}
    live = LiveTidy("R", {"R": ["A", "B"], "B": ["C", "D"]}, sizes, gap=0, level_gap=0)
    assert live.boxes() == {
        "R": Box(110.0, 0.0, 40.0, 40.0),
        "A": Box(90.0, 40.0, 40.0, 40.0),
        "B": Box(130.0, 40.0, 40.0, 40.0),
        "C": Box(0.0, 80.0, 100.0, 40.0),
        "D": Box(100.0, 80.0, 200.0, 40.0),
    }
    live.remove("D")
    assert live.boxes() == {
        "R": Box(20.0, 0.0, 40.0, 40.0),
        "A": Box(0.0, 40.0, 40.0, 40.0),
        "B": Box(40.0, 40.0, 40.0, 40.0),
        "C": Box(10.0, 80.0, 100.0, 40.0),
    }
    assert live.bounds() == (0.0, 0.0, 110.0, 120.0)


def test_collapse_insert_unfold() -> None:
    sizes = {"r": (100.0, 40.0), "a": (60.0, 30.0), "b": (60.0, 30.0)}
    live = LiveTidy("r", {"r": ["a", "b"]}, sizes, collapsed={"r"}, origin=(5.0, 7.0))
    assert live.boxes() == {"r": Box(5.0, 7.0, 100.0, 40.0)}
    assert live.box("a") is None
    live.insert("c", "r", 1, (60.0, 30.0))  # hidden: nothing moves
    assert live.boxes() == {"r": Box(5.0, 7.0, 100.0, 40.0)}
    live.set_collapsed("r", False)
    assert live.boxes() == {
        "r": Box(5.0 + 56.0, 7.0, 100.0, 40.0),  # centred over [0, 212]
        "a": Box(5.0, 79.0, 60.0, 30.0),
        "c": Box(5.0 + 76.0, 79.0, 60.0, 30.0),
        "b": Box(5.0 + 152.0, 79.0, 60.0, 30.0),
    }
    assert live.children("r") == ("a", "c", "b") and live.parent("c") == "r"
    assert live.parent("r") is None


# --- the same drawing as tidy_layout ------------------------------------------------


@settings(deadline=None)
@given(models())
def test_same_as_tidy_layout(model: Model) -> None:
    want = model.layout()
    live = model.live()
    assert_same(live.boxes(), want)
    for v in model.nodes():  # one by one too: hidden nodes give None
        assert_close(live.box(v), want.get(v), v)
    x0, y0, x1, y1 = live.bounds()
    assert x0 == pytest.approx(min(b.x for b in want.values()), abs=TOL)
    assert y0 == pytest.approx(min(b.y for b in want.values()), abs=TOL)
    assert x1 == pytest.approx(max(b.x + b.w for b in want.values()), abs=TOL)
    assert y1 == pytest.approx(max(b.y + b.h for b in want.values()), abs=TOL)


@settings(deadline=None)
@given(models(max_nodes=60), EDITS)
def test_edits_then_same_as_a_fresh_layout(model: Model, edits: list) -> None:
    live = model.live()
    for number, edit in enumerate(edits):
        apply_edit(model, live, edit, fresh=1000 + number)
    want = model.layout()
    assert_same(live.boxes(), want)
    assert_same(model.live().boxes(), want)  # and a fresh LiveTidy agrees
    for v in model.nodes():
        assert live.parent(v) == model.parent.get(v)
        assert list(live.children(v)) == model.children.get(v, [])
    assert len(live) == len(model.nodes())


@settings(deadline=None)
@given(models(max_nodes=40), st.integers(0, 2**32 - 1))
def test_long_editing_sessions(model: Model, seed: int) -> None:
    # Hypothesis keeps its edit lists short; a seeded session of 150 edits goes further
    # (a tree grown, pruned, folded and reshaped many times over).
    rng = random.Random(seed)
    live = model.live()
    for number in range(150):
        kind = rng.choices(KINDS, weights=(5, 2, 3, 3, 2, 1, 1))[0]
        edit = (kind, rng.randrange(10**6), rng.randrange(10**6), rng.randrange(10**6))
        apply_edit(model, live, edit, fresh=1000 + number)
    assert_same(live.boxes(), model.layout())


@settings(deadline=None)
@given(models(max_nodes=80), EDITS, st.integers(0, 2**32 - 1))
def test_nodes_in_and_node_at_match_a_scan(model: Model, edits: list, seed: int) -> None:
    live = model.live()
    for number, edit in enumerate(edits[:10]):
        apply_edit(model, live, edit, fresh=1000 + number)
    boxes = live.boxes()
    assert_same(boxes, model.layout())
    assert_queries_match(live, boxes, random.Random(seed))
    everything = live.nodes_in(-1e12, -1e12, 1e12, 1e12)
    assert sorted(everything) == sorted(boxes)


def test_an_edit_only_merges_its_path() -> None:
    model = make_model(500, "uniform", False, 7, 0.0, 16.0, 32.0, "down", (0.0, 0.0))
    live = model.live()
    assert live.families_merged == 500  # the build merges every family once
    live.update()
    assert live.families_merged == 0
    for v in (0, 17, 250, 499):
        depth, u = 0, v
        while u:
            u, depth = model.parent[u], depth + 1
        live.insert(("new", v), v, 0, (30.0, 20.0))
        live.update()
        assert live.families_merged == depth + 2  # the new leaf and its ancestors
        live.set_size(v, 50.0, 50.0)
        live.update()
        assert live.families_merged == depth + 1
    live.set_size(17, 50.0, 50.0)  # unchanged: nothing to do
    live.update()
    assert live.families_merged == 0


# --- big trees: linear-ish, no recursion -------------------------------------------

BIG = 100_000


def _big(shape: str) -> tuple[dict, dict]:
    if shape == "chain":
        children = {i: [i + 1] for i in range(BIG - 1)}
        sizes = {i: (10.0 + i % 7 * 20, 20.0 + i % 3) for i in range(BIG)}
    elif shape == "star":
        children = {0: list(range(1, BIG))}
        sizes = {i: (10.0 + i % 5, 20.0) for i in range(BIG)}
    else:  # a spine whose every node has a leaf on its left: threads all the way down
        half = BIG // 2
        children = {i: [half + i, i + 1] for i in range(half - 1)}
        sizes = {i: (30.0, 10.0 + i % 4 * 30) for i in range(half + half - 1)}
    return children, sizes


@pytest.mark.parametrize("shape", ["chain", "star", "comb"])
def test_big_trees(shape: str) -> None:
    children, sizes = _big(shape)
    live = LiveTidy(0, children, sizes)
    assert_same(live.boxes(), tidy_layout(0, children, sizes))
    # An edit at the far end: a leaf under the last node (the deepest, for chain and comb).
    last = max(children)
    live.insert("new", last, 0, (500.0, 10.0))
    children[last] = ["new", *children.get(last, [])]
    sizes["new"] = (500.0, 10.0)
    want = tidy_layout(0, children, sizes)
    for v in (0, 1, last, "new", len(sizes) - 2):
        assert_close(live.box(v), want[v], v)


# --- errors -------------------------------------------------------------------------


def _error(call) -> str:
    with pytest.raises(ValueError) as caught:
        call()
    return str(caught.value)


@pytest.mark.parametrize(
    ("children", "sizes", "options"),
    [
        ({0: [1], 1: [0]}, {0: (1.0, 1.0), 1: (1.0, 1.0)}, {}),  # a cycle through the root
        ({0: [1], 1: [2], 2: [1]}, {i: (1.0, 1.0) for i in range(3)}, {}),  # below it
        ({0: [0]}, {0: (1.0, 1.0)}, {}),  # a self-loop
        ({0: [1, 2], 1: [3], 2: [3]}, {i: (1.0, 1.0) for i in range(4)}, {}),  # two parents
        ({0: [1]}, {0: (1.0, 1.0)}, {}),  # no size
        ({0: [1]}, {0: (1.0, 1.0), 1: (float("nan"), 1.0)}, {}),
        ({}, {0: (1.0, -1.0)}, {}),
        ({}, {0: (1.0, 1.0)}, {"gap": -1.0}),
        ({}, {0: (1.0, 1.0)}, {"level_gap": float("inf")}),
        ({}, {0: (1.0, 1.0)}, {"orientation": "up"}),
    ],
)
def test_bad_input_is_refused_as_tidy_layout_refuses_it(
    children: dict, sizes: dict, options: dict
) -> None:
    expected = _error(lambda: tidy_layout(0, children, sizes, **options))
    assert _error(lambda: LiveTidy(0, children, sizes, **options)) == expected


def test_hidden_nodes_need_no_size_until_shown() -> None:
    children = {0: [1, 4], 1: [2], 2: [3]}
    sizes = {0: (10.0, 10.0), 1: (10.0, 10.0), 4: (10.0, 10.0), 3: (float("inf"), 1.0)}
    live = LiveTidy(0, children, sizes, collapsed={1, 2})
    before = live.boxes()
    assert set(before) == {0, 1, 4}
    with pytest.raises(ValueError, match="node 2 has no size"):
        live.set_collapsed(1, False)
    with pytest.raises(ValueError, match="node 2 has no size"):
        live.move(2, 4, 0)  # out from under the fold, onto a visible node
    assert live.boxes() == before and live.is_collapsed(1) and live.parent(2) == 1
    live.set_size(2, 20.0, 20.0)
    live.set_collapsed(1, False)  # 3 stays hidden under 2
    assert set(live.boxes()) == {0, 1, 2, 4}
    with pytest.raises(ValueError, match="not finite"):
        live.set_collapsed(2, False)
    live.remove(3)
    live.set_collapsed(2, False)
    assert_same(live.boxes(), tidy_layout(0, {0: [1, 4], 1: [2]}, sizes | {2: (20.0, 20.0)}))


def test_bad_edits_are_refused_and_change_nothing() -> None:
    sizes = {v: (10.0, 10.0) for v in "rabc"}
    live = LiveTidy("r", {"r": ["a", "b"], "a": ["c"]}, sizes)
    before = live.boxes()
    with pytest.raises(ValueError, match="already in the tree"):
        live.insert("c", "r", 0, (1.0, 1.0))
    with pytest.raises(KeyError):
        live.insert("d", "nobody", 0, (1.0, 1.0))
    with pytest.raises(IndexError):
        live.insert("d", "r", 3, (1.0, 1.0))
    with pytest.raises(ValueError, match="not finite"):
        live.insert("d", "r", 0, (1.0, float("nan")))
    with pytest.raises(ValueError, match="not finite"):
        live.set_size("a", -1.0, 1.0)
    with pytest.raises(ValueError, match="root"):
        live.remove("r")
    with pytest.raises(ValueError, match="root"):
        live.move("r", "a", 0)
    with pytest.raises(ValueError, match="cycle"):
        live.move("a", "c", 0)
    with pytest.raises(ValueError, match="cycle"):
        live.move("a", "a", 0)
    with pytest.raises(IndexError):
        live.move("b", "r", 2)  # b has left: r keeps one other child
    with pytest.raises(KeyError):
        live.box("nobody")
    assert live.boxes() == before
    assert "d" not in live and len(live) == 4
    live.move("b", "r", 0)
    assert live.children("r") == ("b", "a")
