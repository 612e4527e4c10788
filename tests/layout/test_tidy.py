"""The tidy tree layout (ckstudio.layout.tidy): the drawing rules, checked on random trees.

Random trees are built from a hypothesis-drawn seed, shape and size (fast, so
200 examples of up to 200 nodes stay cheap); the shapes cover uniform random
trees, deep chains with short branches, bushy stars and layered trees whose
equal heights make contour ties (the edge case of the contour walk).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
from collections.abc import Hashable
from dataclasses import dataclass
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ckstudio.layout.tidy import Box, tidy_layout

TOL = 1e-6
MAIN = settings(max_examples=200, deadline=None)
SHAPES = ("uniform", "deep", "bushy", "comb")


@dataclass(frozen=True)
class Case:
    """A random tree and the arguments to lay it out with."""

    n: int
    parent: list[int]  # parent[0] == -1
    children: dict[int, list[int]]
    sizes: dict[int, tuple[float, float]]
    gap: float
    level_gap: float
    orientation: str

    def layout(self, **changes: object) -> dict[Hashable, Box]:
        arguments: dict = {
            "gap": self.gap,
            "level_gap": self.level_gap,
            "orientation": self.orientation,
        }
        arguments.update(changes)
        root = arguments.pop("root", 0)
        children = arguments.pop("children", self.children)
        return tidy_layout(root, children, self.sizes, **arguments)

    def subtree(self, v: int) -> list[int]:
        """v and its descendants, v first."""
        out = [v]
        for node in out:
            out.extend(self.children.get(node, ()))
        return out


def make_case(
    n: int, shape: str, layered: bool, seed: int, gap: float, level_gap: float, orientation: str
) -> Case:
    rng = random.Random(seed)
    parent = [-1]
    for i in range(1, n):
        if shape == "uniform":
            p = rng.randrange(i)
        elif shape == "deep":  # long chains with short side branches
            p = i - 1 - rng.randrange(min(i, 3))
        elif shape == "bushy":  # a few nodes with many children
            p = rng.randrange(min(i, 4))
        else:  # "comb": a spine, each spine node with a short branch hanging off
            p = i - 2 if i % 2 == 0 else max(0, i - 1 - rng.randrange(min(i, 2)))
        parent.append(p)
    children: dict[int, list[int]] = {}
    for i in range(1, n):
        children.setdefault(parent[i], []).append(i)
    if layered:  # few distinct sizes: equal heights, equal bottoms, ties everywhere
        sizes = {i: (rng.choice((10.0, 40.0, 300.0)), rng.choice((10.0, 40.0))) for i in range(n)}
    else:
        sizes = {i: (rng.uniform(10, 300), rng.uniform(10, 120)) for i in range(n)}
    return Case(n, parent, children, sizes, gap, level_gap, orientation)


@st.composite
def cases(draw: st.DrawFn, max_nodes: int = 200) -> Case:
    return make_case(
        n=draw(st.integers(1, max_nodes)),
        shape=draw(st.sampled_from(SHAPES)),
        layered=draw(st.booleans()),
        seed=draw(st.integers(0, 2**32 - 1)),
        gap=draw(st.sampled_from((0.0, 16.0)) | st.floats(0, 40)),
        level_gap=draw(st.sampled_from((0.0, 32.0)) | st.floats(0, 60)),
        orientation=draw(st.sampled_from(("down", "right"))),
    )


def down_frame(boxes: dict[Hashable, Box], orientation: str) -> dict[Hashable, Box]:
    """The boxes as in "down": "right" is "down" transposed, so one set of checks serves."""
    if orientation == "down":
        return boxes
    return {v: Box(b.y, b.x, b.h, b.w) for v, b in boxes.items()}


def too_close(a: Box, b: Box, gap: float, level_gap: float) -> bool:
    """Closer than `gap` across and closer than `level_gap` along the growth direction."""
    across = max(b.x - (a.x + a.w), a.x - (b.x + b.w))
    along = max(b.y - (a.y + a.h), a.y - (b.y + b.h))
    return across < gap - TOL and along < level_gap - TOL


def close_pairs_brute(boxes: list[Box], gap: float, level_gap: float) -> set[tuple[int, int]]:
    return {
        (i, j)
        for j in range(len(boxes))
        for i in range(j)
        if too_close(boxes[i], boxes[j], gap, level_gap)
    }


def close_pairs_sweep(boxes: list[Box], gap: float, level_gap: float) -> set[tuple[int, int]]:
    """Same as the brute force, sweeping by left edge: only boxes still within `gap`
    of the sweep line can be too close to the next one."""
    order = sorted(range(len(boxes)), key=lambda i: boxes[i].x)
    active: list[int] = []
    found = set()
    for j in order:
        b = boxes[j]
        active = [i for i in active if b.x - (boxes[i].x + boxes[i].w) < gap - TOL]
        for i in active:
            if too_close(boxes[i], b, gap, level_gap):
                found.add((min(i, j), max(i, j)))
        active.append(j)
    return found


def close_pairs(boxes: list[Box], gap: float, level_gap: float) -> set[tuple[int, int]]:
    if len(boxes) <= 80:
        return close_pairs_brute(boxes, gap, level_gap)
    return close_pairs_sweep(boxes, gap, level_gap)


# --- hand-checked examples ----------------------------------------------------------


def test_root_over_two_equal_children_down() -> None:
    sizes = {"r": (100.0, 40.0), "a": (60.0, 30.0), "b": (60.0, 30.0)}
    boxes = tidy_layout("r", {"r": ["a", "b"]}, sizes)
    # a at 0, b one width + gap further; r centred over [0, 136]; children 40 + 32 down.
    assert boxes == {
        "r": Box(18.0, 0.0, 100.0, 40.0),
        "a": Box(0.0, 72.0, 60.0, 30.0),
        "b": Box(76.0, 72.0, 60.0, 30.0),
    }


def test_root_over_two_equal_children_right() -> None:
    sizes = {"r": (100.0, 40.0), "a": (60.0, 30.0), "b": (60.0, 30.0)}
    boxes = tidy_layout("r", {"r": ["a", "b"]}, sizes, orientation="right")
    # a at y 0, b at 30 + 16; r centred over [0, 76]; children 100 + 32 to the right.
    assert boxes == {
        "r": Box(0.0, 18.0, 100.0, 40.0),
        "a": Box(132.0, 0.0, 60.0, 30.0),
        "b": Box(132.0, 46.0, 60.0, 30.0),
    }


def test_child_slides_beside_a_tall_uncle_not_below_it() -> None:
    # Non-layered: c (a wide grandchild) sits right below its parent b, beside the
    # tall leaf a, not below a's bottom as a layered layout would put it.
    sizes = {"r": (40.0, 20.0), "a": (40.0, 100.0), "b": (40.0, 20.0), "c": (200.0, 20.0)}
    boxes = tidy_layout("r", {"r": ["a", "b"], "b": ["c"]}, sizes, gap=10, level_gap=10)
    assert boxes == {
        "r": Box(65.0, 0.0, 40.0, 20.0),  # centre 85 = (0 + 170) / 2
        "a": Box(0.0, 30.0, 40.0, 100.0),
        "b": Box(130.0, 30.0, 40.0, 20.0),  # centre 150 = centre of c
        "c": Box(50.0, 60.0, 200.0, 20.0),  # 10 right of a, above a's bottom (130)
    }


def test_narrow_parent_over_wide_children_moves_left_to_its_sibling() -> None:
    # The tree of cwi-swat/non-layered-tidy-trees issue #2: the paper's code left B
    # 90 units away from A; the authors' fix moves it left until B touches A, and C
    # slides under A.
    sizes = {"R": (40.0, 40.0), "A": (40.0, 40.0), "B": (40.0, 40.0)}
    sizes |= {"C": (100.0, 40.0), "D": (200.0, 40.0)}
    children = {"R": ["A", "B"], "B": ["C", "D"]}
    boxes = tidy_layout("R", children, sizes, gap=0, level_gap=0)
    assert boxes == {
        "R": Box(110.0, 0.0, 40.0, 40.0),
        "A": Box(90.0, 40.0, 40.0, 40.0),
        "B": Box(130.0, 40.0, 40.0, 40.0),
        "C": Box(0.0, 80.0, 100.0, 40.0),
        "D": Box(100.0, 80.0, 200.0, 40.0),
    }


def test_extra_room_is_shared_by_the_siblings_in_between() -> None:
    # Two tall leaves with three short ones between; the last is pushed right by
    # the wide grandchild hanging under the first, which would otherwise leave the
    # three short ones bunched on the left: distributeExtra spaces them evenly.
    sizes = {v: (10.0, 10.0) for v in "rabcdfy"}
    sizes["x"] = (200.0, 10.0)
    children = {"r": ["a", "b", "c", "d", "f"], "a": ["x"], "f": ["y"]}
    boxes = tidy_layout("r", children, sizes, gap=0, level_gap=0)
    xs = [boxes[v].x for v in "abcdf"]
    steps = [right - left for left, right in pairwise(xs)]
    assert boxes["y"].x >= boxes["x"].x + 200.0 - TOL
    assert steps == pytest.approx([steps[0]] * 4)
    assert steps[0] > 10.0  # spread out, not packed against a


def test_single_node() -> None:
    assert tidy_layout("only", {}, {"only": (5.0, 7.0)}) == {"only": Box(0.0, 0.0, 5.0, 7.0)}


# --- errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("children", "message"),
    [
        ({0: [1], 1: [0]}, "reached twice"),  # a cycle through the root
        ({0: [1], 1: [2], 2: [1]}, "reached twice"),  # a cycle below it
        ({0: [0]}, "reached twice"),  # a self-loop
        ({0: [1, 2], 1: [3], 2: [3]}, "reached twice"),  # two parents
    ],
)
def test_not_a_tree_is_refused(children: dict, message: str) -> None:
    sizes = {i: (10.0, 10.0) for i in range(4)}
    with pytest.raises(ValueError, match=message):
        tidy_layout(0, children, sizes)


def test_bad_sizes_and_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="no size"):
        tidy_layout(0, {0: [1]}, {0: (10.0, 10.0)})
    with pytest.raises(ValueError, match="not finite"):
        tidy_layout(0, {}, {0: (float("nan"), 10.0)})
    with pytest.raises(ValueError, match="not finite"):
        tidy_layout(0, {}, {0: (10.0, -1.0)})
    with pytest.raises(ValueError, match="gap"):
        tidy_layout(0, {}, {0: (10.0, 10.0)}, gap=-1)
    with pytest.raises(ValueError, match="level_gap"):
        tidy_layout(0, {}, {0: (10.0, 10.0)}, level_gap=float("inf"))
    with pytest.raises(ValueError, match="orientation"):
        tidy_layout(0, {}, {0: (10.0, 10.0)}, orientation="up")


def test_hidden_nodes_need_no_size_and_no_tree_shape() -> None:
    # Under a collapsed node and outside the root's tree, nothing is looked at.
    children = {0: [1], 1: [2], 2: [1], 9: [0]}
    boxes = tidy_layout(0, children, {0: (10.0, 10.0), 1: (10.0, 10.0)}, collapsed={1})
    assert set(boxes) == {0, 1}


# --- properties ---------------------------------------------------------------------


@MAIN
@given(cases())
def test_drawing_rules(case: Case) -> None:
    boxes = case.layout()
    down = down_frame(boxes, case.orientation)

    # Exactly the tree's nodes, and real sizes.
    assert list(boxes) == case.subtree(0) and len(boxes) == case.n
    for v, box in boxes.items():
        assert (box.w, box.h) == case.sizes[v]

    # The root at 0 along the growth direction, the drawing starting at 0, 0.
    assert down[0].y == 0.0
    assert min(b.x for b in boxes.values()) == 0.0
    assert min(b.y for b in boxes.values()) == 0.0

    for v, kids in case.children.items():
        p = down[v]
        for k in kids:
            assert down[k].y == pytest.approx(p.y + p.h + case.level_gap, abs=TOL)
        # Sibling order, and room between neighbouring siblings.
        for a, b in pairwise(kids):
            assert down[b].x >= down[a].x + down[a].w + case.gap - TOL
            assert down[b].x > down[a].x
        # The parent centred over its first child's left and its last child's right.
        first, last = down[kids[0]], down[kids[-1]]
        assert p.x + p.w / 2 == pytest.approx((first.x + last.x + last.w) / 2, abs=TOL)

    # No two boxes closer than the gaps.
    listed = list(down.values())
    assert close_pairs(listed, case.gap, case.level_gap) == set()


@MAIN
@given(cases(), st.integers(0, 2**32 - 1))
def test_a_subtree_is_drawn_the_same_wherever_it_is(case: Case, pick: int) -> None:
    top = random.Random(pick).randrange(case.n)
    whole = case.layout()
    alone = case.layout(root=top)
    assert list(alone) == case.subtree(top)
    ox, oy = whole[top].x, whole[top].y
    ax, ay = alone[top].x, alone[top].y
    for v, box in alone.items():
        assert whole[v].x - ox == pytest.approx(box.x - ax, abs=TOL)
        assert whole[v].y - oy == pytest.approx(box.y - ay, abs=TOL)


@MAIN
@given(cases(), st.integers(0, 2**32 - 1))
def test_collapsed_subtrees_take_no_room(case: Case, pick: int) -> None:
    folded = random.Random(pick).randrange(case.n)
    pruned = {v: kids for v, kids in case.children.items() if v != folded}
    boxes = case.layout(collapsed={folded})
    assert boxes == case.layout(children=pruned)
    hidden = set(case.subtree(folded)[1:])
    assert hidden.isdisjoint(boxes)
    assert len(boxes) == case.n - len(hidden)


@settings(max_examples=50, deadline=None)
@given(cases(max_nodes=60))
def test_same_input_same_drawing(case: Case) -> None:
    first = case.layout()
    second = case.layout()
    assert first == second
    assert list(first) == list(second)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(-50, 50), st.floats(-50, 50), st.floats(1, 20), st.floats(1, 20)),
        max_size=40,
    ),
    st.floats(0, 10),
    st.floats(0, 10),
)
def test_sweep_finds_what_brute_force_finds(
    raw: list[tuple[float, float, float, float]], gap: float, level_gap: float
) -> None:
    # The sweep checks the big trees, so it must miss nothing.
    boxes = [Box(*r) for r in raw]
    assert close_pairs_sweep(boxes, gap, level_gap) == close_pairs_brute(boxes, gap, level_gap)


def test_independent_of_hash_seeds() -> None:
    # String hashes change between runs; nothing in the layout may depend on them.
    script = textwrap.dedent(
        """
        from ckstudio.layout.tidy import tidy_layout
        names = [f"node-{i}" for i in range(60)]
        children = {}
        for i in range(1, 60):
            children.setdefault(names[(i * 37 + 11) % i], []).append(names[i])
        sizes = {v: (10.0 + len(v) * (i % 5), 10.0 + i % 3) for i, v in enumerate(names)}
        boxes = tidy_layout(names[0], children, sizes, collapsed={names[2], names[3]})
        print(repr(list(boxes.items())))
        """
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env=os.environ | {"PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
    (output,) = outputs
    assert output.startswith("[('node-0', Box(") and output.count("Box(") == 55


# --- big trees: no recursion --------------------------------------------------------

BIG = 100_000


@pytest.mark.parametrize("orientation", ["down", "right"])
def test_long_chain(orientation: str) -> None:
    children = {i: [i + 1] for i in range(BIG - 1)}
    sizes = {i: (10.0 + i % 7 * 20, 20.0 + i % 3) for i in range(BIG)}
    boxes = down_frame(tidy_layout(0, children, sizes, orientation=orientation), orientation)
    assert len(boxes) == BIG
    # An only child is centred below its parent: all centres on one line.
    centres = [b.x + b.w / 2 for b in boxes.values()]
    assert max(centres) - min(centres) <= TOL
    last = boxes[BIG - 1]
    assert last.y == pytest.approx(sum(b.h + 32.0 for b in boxes.values()) - last.h - 32.0)


def test_wide_star() -> None:
    children = {0: list(range(1, BIG))}
    sizes = {i: (10.0 + i % 5, 20.0) for i in range(BIG)}
    boxes = tidy_layout(0, children, sizes, gap=2.0)
    xs = [boxes[i].x for i in range(1, BIG)]
    assert all(b - a >= 12.0 - TOL for a, b in pairwise(xs))
    assert all(boxes[i].y == 52.0 for i in range(1, BIG))
    last = boxes[BIG - 1]
    assert boxes[0].x + 5.0 == pytest.approx((last.x + last.w) / 2)


def test_long_comb() -> None:
    # A spine whose every node also has a leaf on its left: each new spine subtree
    # is threaded under its left leaf, the worst case for contour walks.
    half = BIG // 2
    children = {i: [half + i, i + 1] for i in range(half - 1)}
    sizes = {i: (30.0, 10.0 + i % 4 * 30) for i in range(half + half - 1)}
    boxes = tidy_layout(0, children, sizes)
    assert len(boxes) == len(sizes)
    for i in range(half - 1):
        leaf, spine = boxes[half + i], boxes[i + 1]
        assert leaf.x + leaf.w + 16.0 <= spine.x + TOL  # siblings in order, a gap apart
        assert leaf.y == spine.y == boxes[i].y + boxes[i].h + 32.0
