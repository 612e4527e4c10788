"""Tidy tree layout for boxes of different sizes, in linear time and without recursion.

Concept and knowledge trees hold boxes of very different sizes (a one-word concept
next to a paragraph). A layered layout (every depth on one row) wastes the space
below short boxes, so this is the *non-layered* tidy layout of A. van der Ploeg,
"Drawing non-layered tidy trees in linear time", Software: Practice and Experience
44 (2014), which extends Reingold-Tilford and Buchheim-Jünger-Leipert: a child sits
just below its own parent, whatever the height of its parent's neighbours.

The drawing follows the usual tidy rules, which the tests check: no two boxes
overlap (nor come closer than the gaps), siblings keep their order, a parent is
centred over its children, and a subtree is drawn the same wherever it appears
(so folding or editing one branch never reshuffles the inside of another).

How it works (names follow the paper's reference code, kept in parallel lists
indexed by node number rather than in objects, which is about twice as fast in
Python):

* Nodes are numbered breadth first, so the children of a node have consecutive
  numbers and every node comes after its parent. Walking the numbers backwards is
  then a post-order for what the first walk needs (all subtrees of a node are done
  before the node) and walking them forwards is the pre-order of the second walk:
  no recursion, so a 100,000-node chain is fine.
* First walk: each subtree is laid out relative to its root. The children of a
  node are placed one by one; a new child is pushed right until its left contour
  clears the right contour of its left siblings. Contours are followed through
  the children and, below a subtree's deepest leaf, through *threads* to the next
  contour node, with the sums of modifiers (`msel`, `mser`) kept at the extreme
  leaves so that following a thread costs O(1). A stack of (lowest y, sibling)
  (the paper's IYL list) tells which left sibling a contour node belongs to, so
  that when the new child is pushed away from a sibling further left, the extra
  room is shared among the siblings in between (`shift`/`change`) instead of
  leaving them bunched on the left.
* Second walk: absolute x = preliminary x + sum of the ancestors' modifiers.

One change from the paper's code, taken from its authors' later fix (issue #2 of
cwi-swat/non-layered-tidy-trees, also in d3-flextree): the first contour pair of a
new child (the two sibling roots) always moves the child, even to the left. The
paper only moved children to the right, which left a subtree with a narrow root
over wide children too far right and broke the mirror symmetry of simple trees.

The gaps are obtained by laying out enlarged boxes (width + gap, height +
level_gap); the algorithm then only has to keep enlarged boxes from overlapping.
"""

from __future__ import annotations

import math
from collections.abc import Container, Hashable, Mapping, Sequence
from dataclasses import dataclass

__all__ = ["ORIENTATIONS", "Box", "tidy_layout"]

ORIENTATIONS = ("down", "right")
# Depths are sums of heights, and the same depth summed from another root can
# differ in the last bit; comparing them with this tolerance keeps a subtree's
# contour walk, hence its drawing, the same wherever the subtree stands.
EPSILON = 1e-7


@dataclass(frozen=True, slots=True)
class Box:
    """Where a node is drawn: top-left corner and size, in drawing units (y grows down).

    Frozen so a computed layout can be shared and cached without copies.
    """

    x: float  # left
    y: float  # top
    w: float
    h: float


def tidy_layout(
    root: Hashable,
    children: Mapping[Hashable, Sequence[Hashable]],
    sizes: Mapping[Hashable, tuple[float, float]],
    *,
    gap: float = 16.0,
    level_gap: float = 32.0,
    orientation: str = "down",
    collapsed: Container[Hashable] = frozenset(),
    origin: tuple[float, float] = (0.0, 0.0),
) -> dict[Hashable, Box]:
    """Lay out the tree under `root` and return the box of every visible node.

    `children[v]` lists v's children in drawing order (a missing key means none);
    `sizes[v]` is v's (width, height) as drawn. `gap` is the least room between
    neighbouring boxes across the growth direction, `level_gap` the room between a
    parent and its children along it. With `orientation` "down" children are below
    their parent (siblings left to right), with "right" they are to its right
    (siblings top to bottom). Nodes in `collapsed` are laid out as leaves: their
    descendants get no box and take no room, so folding a branch closes the gap.

    The root's top-left corner is at 0 along the growth direction and the whole
    drawing starts at x = 0 and y = 0, or at `origin` (placing it costs nothing
    here, and a copy of every box elsewhere). The result
    is ordered breadth first and depends only on the arguments' values and
    sequence orders, never on hashing, so the same tree always gives the same
    drawing. Runs in time linear in the number of visible nodes.

    Raises ValueError if a node is reached twice (a cycle, or a node with two
    parents), if a visible node has no size or a negative or non-finite one, if a
    gap is negative or non-finite, or if `orientation` is unknown.
    """
    if orientation not in ORIENTATIONS:
        raise ValueError(f"orientation must be one of {ORIENTATIONS}, not {orientation!r}")
    for name, value in (("gap", gap), ("level_gap", level_gap)):
        if not (math.isfinite(value) and value >= 0):
            raise ValueError(f"{name} must be a finite number >= 0, not {value!r}")

    nodes, parent, first, count = _number(root, children, collapsed)
    # Lay out along "down"; for "right" the box's height is its extent across the
    # growth direction, so the same computation runs on (h, w) and is transposed.
    across_sizes, along_sizes = _sizes(nodes, sizes, transpose=orientation == "right")
    across = [s + gap for s in across_sizes]
    along = [s + level_gap for s in along_sizes]
    xs, ys = _place(parent, first, count, across, along)

    ox, oy = origin
    left = min(xs)
    if orientation == "down":
        return {
            v: Box(ox + x - left, oy + y, w, h)
            for v, x, y, w, h in zip(nodes, xs, ys, across_sizes, along_sizes, strict=True)
        }
    return {
        v: Box(ox + y, oy + x - left, w, h)
        for v, x, y, h, w in zip(nodes, xs, ys, across_sizes, along_sizes, strict=True)
    }


def _number(
    root: Hashable,
    children: Mapping[Hashable, Sequence[Hashable]],
    collapsed: Container[Hashable],
) -> tuple[list[Hashable], list[int], list[int], list[int]]:
    """Number the visible nodes breadth first: (nodes, parent, first child, child count).

    Breadth first makes each node's children consecutive (child k of v is
    first[v] + k) and puts every node after its parent, which is all the two walks
    need to run as plain loops. A node met twice means the input is not a tree:
    with a cycle the walk would never end, with a shared node it would be drawn
    twice, so both are refused.
    """
    nodes: list[Hashable] = [root]
    number: dict[Hashable, int] = {root: 0}
    parent = [-1]
    first: list[int] = []
    count: list[int] = []
    v = 0
    while v < len(nodes):
        node = nodes[v]
        kids = () if node in collapsed else children.get(node, ())
        first.append(len(nodes))
        count.append(len(kids))
        for kid in kids:
            if kid in number:
                raise ValueError(
                    f"node {kid!r} is reached twice from the root {root!r}: "
                    "the children mapping has a cycle or a node with two parents"
                )
            number[kid] = len(nodes)
            nodes.append(kid)
            parent.append(v)
        v += 1
    return nodes, parent, first, count


def _sizes(
    nodes: list[Hashable],
    sizes: Mapping[Hashable, tuple[float, float]],
    *,
    transpose: bool,
) -> tuple[list[float], list[float]]:
    """The checked extents of each node (across, along) the growth direction.

    Checked here because a missing or NaN size would otherwise surface as a
    confusing error deep in the walks, or as a silently broken drawing.
    """
    across: list[float] = []
    along: list[float] = []
    for node in nodes:
        try:
            w, h = sizes[node]
        except KeyError:
            raise ValueError(f"node {node!r} has no size") from None
        w = float(w)
        h = float(h)
        if not (math.isfinite(w) and math.isfinite(h) and w >= 0 and h >= 0):
            raise ValueError(f"node {node!r} has a size that is not finite and >= 0: {(w, h)!r}")
        if transpose:
            w, h = h, w
        across.append(w)
        along.append(h)
    return across, along


def _place(
    parent: list[int],
    first: list[int],
    count: list[int],
    width: list[float],
    height: list[float],
) -> tuple[list[float], list[float]]:
    """Non-overlapping (left, top) of nodes of extents `width` (across) and `height` (along).

    Node 0 is the root, nodes are numbered breadth first (see `_number`). The
    code follows the paper's firstWalk / separate / moveSubtree / distributeExtra /
    setLeftThread / setRightThread / positionRoot / secondWalk, inlined into loops
    over parallel lists: this is the hot path, and Python function calls and
    attribute look-ups would cost more than the arithmetic.
    """
    n = len(parent)

    # y: a child starts right below its own parent (non-layered).
    top = [0.0] * n
    for v in range(n):
        c = count[v]
        if c:
            f = first[v]
            top[f : f + c] = [top[v] + height[v]] * c
    bottom = [y + h for y, h in zip(top, height, strict=True)]

    prelim = [0.0] * n
    mod = [0.0] * n
    shift = [0.0] * n
    change = [0.0] * n
    tl = [-1] * n  # left thread: next node of the left contour below a leaf
    tr = [-1] * n  # right thread
    el = list(range(n))  # extreme (deepest leftmost) leaf of the subtree
    er = list(range(n))  # extreme (deepest rightmost) leaf
    msel = [0.0] * n  # sum of modifiers from the subtree root down to el
    mser = [0.0] * n

    # First walk, children before parents.
    for t in range(n - 1, -1, -1):
        cs = count[t]
        if not cs:
            continue  # a leaf: extremes are itself, everything else zero
        f = first[t]
        last = f + cs - 1
        # The IYL list as a stack (top = last item): for the left siblings not
        # hidden by a later one, their lowest y and index, lowest y increasing
        # from top to bottom of the stack.
        low_ys = [bottom[el[f]]]
        low_ix = [f]
        spaced = False
        for i in range(f + 1, last + 1):
            # Lowest y of the new subtree, before separation may point its
            # extreme leaves into its left siblings.
            min_y = bottom[er[i]]

            # separate(t, i): walk the right contour of the left siblings (sr)
            # and the left contour of the new subtree (cl) from the top down.
            sr = i - 1
            mssr = mod[sr]
            cl = i
            mscl = mod[cl]
            p = len(low_ys) - 1  # the paper's ih: the sibling sr belongs to
            first_pair = True
            while sr >= 0 and cl >= 0:
                sy = bottom[sr]
                if sy > low_ys[p] + EPSILON:
                    p -= 1
                # How far the left side of cl is left of the right side of sr.
                dist = (mssr + prelim[sr] + width[sr]) - (mscl + prelim[cl])
                if dist > 0 or first_pair:
                    # moveSubtree + distributeExtra
                    mscl += dist
                    mod[i] += dist
                    msel[i] += dist
                    mser[i] += dist
                    si = low_ix[p]
                    if si != i - 1:
                        share = dist / (i - si)
                        shift[si + 1] += share
                        shift[i] -= share
                        change[i] -= dist - share
                        spaced = True
                first_pair = False
                cy = bottom[cl]
                if sy <= cy + EPSILON:
                    c = count[sr]
                    sr = first[sr] + c - 1 if c else tr[sr]
                    if sr >= 0:
                        mssr += mod[sr]
                if sy >= cy - EPSILON:
                    c = count[cl]
                    cl = first[cl] if c else tl[cl]
                    if cl >= 0:
                        mscl += mod[cl]
            if sr < 0 <= cl:
                # setLeftThread: the new subtree is deeper; thread the left
                # siblings' extreme leaf to cl, adjusting its mod so that the sum
                # of modifiers along the thread is right, and its prelim so that
                # it does not move.
                li = el[f]
                tl[li] = cl
                diff = (mscl - mod[cl]) - msel[f]
                mod[li] += diff
                prelim[li] -= diff
                el[f] = el[i]
                msel[f] = msel[i]
            elif cl < 0 <= sr:
                # setRightThread: the left siblings are deeper.
                ri = er[i]
                tr[ri] = sr
                diff = (mssr - mod[sr]) - mser[i]
                mod[ri] += diff
                prelim[ri] -= diff
                er[i] = er[i - 1]
                mser[i] = mser[i - 1]

            # updateIYL: drop the siblings the new subtree hides, push it.
            while low_ys and min_y >= low_ys[-1] - EPSILON:
                low_ys.pop()
                low_ix.pop()
            low_ys.append(min_y)
            low_ix.append(i)

        if spaced:
            # addChildSpacing. The paper does this in the second walk; doing it
            # here is equivalent (the siblings it moves lie on neither contour of
            # t, and it leaves the first and last child in place) and keeps the
            # second walk a plain sum.
            d = 0.0
            delta = 0.0
            for k in range(f, last + 1):
                d += shift[k]
                delta += d + change[k]
                mod[k] += delta

        # positionRoot: centred over the first child's left and last child's right.
        prelim[t] = (prelim[f] + mod[f] + mod[last] + prelim[last] + width[last]) / 2 - width[t] / 2
        # setExtremes
        el[t] = el[f]
        msel[t] = msel[f]
        er[t] = er[last]
        mser[t] = mser[last]

    # Second walk, parents before children: x = prelim + sum of modifiers.
    modsum = mod  # reused in place: modsum[v] = mod[v] + modsum[parent[v]]
    left = [0.0] * n
    left[0] = prelim[0] + modsum[0]
    for v in range(1, n):
        s = modsum[v] + modsum[parent[v]]
        modsum[v] = s
        left[v] = prelim[v] + s
    return left, top
