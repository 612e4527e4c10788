"""The tidy tree layout of one tree, kept up to date under edits at the cost of the edited paths.

The map editor lays its C tree out again after every keystroke, and a full
`tidy_layout` of 10,000 nodes takes 60-90 ms: too slow for a keystroke-to-frame
budget of 30 ms. `LiveTidy` draws what `tidy_layout` draws (the same boxes, but
for last-bit differences where it sums in another order: most coordinates are the
same floats, the others differ by about 1e-13 of their size) and keeps, for every
subtree, what the first walk computed for it, so that an edit only re-merges the
families on the path from the edited node to the root.

Why that is enough: in van der Ploeg's algorithm (see tidy.py) the first walk lays
each subtree out relative to its own root from nothing but its children's relative
layouts; a subtree's internal drawing does not depend on where it stands. So:

* Per family (a node and its visible children), its merge result: the children's
  modifiers `mod` (their offsets, in tidy.py's sense) and the node's `prelim`.
* Per subtree, in coordinates relative to its root: the extreme leaves `el`/`er`
  with the sums of modifiers down to them (`msel`/`mser`, excluding the root's
  own `mod`, which belongs to its parent's family) and their depths (`elt`/`ert`,
  tops below the root's top); and the bounding box of its boxes (`bminx`, `bmaxx`,
  `bmaxy`) with the nodes that reach each side (`nminx`, ...), for culling and for
  the drawing's left edge.
* Threads. Merging a family walks its children's contours, and below a subtree's
  deepest leaf a contour continues through a thread set by an earlier merge.
  tidy.py stores a thread as the leaf's `tl`/`tr` plus an adjustment of the leaf's
  own `mod` and `prelim`; here the thread carries its own modifier and depth step
  (`tml`, `tyl`; `tmr`, `tyr`), so a merge writes nothing outside its family but
  threads on extreme leaves of its children. Each leaf gets at most one thread a
  side (once threaded it is no longer extreme), and the family lists the threads
  it set in its `log`. Marking a family dirty clears its threads at once: from then
  on the contours below it are those of its children's own layouts, ready for the
  re-merge. (Only a dirty family's ancestors, dirty too, could walk them before.)
* Depths are relative: a merge tracks the tops of the contour nodes below the
  children's tops (summing heights and thread steps), with tidy.py's EPSILON
  comparisons, so a subtree's internal layout is the same wherever it stands.

An edit marks the path from the edited node up to the first node already marked
(its ancestors are marked too; below a collapsed node see `_mark`). `update`
finds the marked visible nodes from the root through marked children and re-merges
them children first, exactly as `_place`'s first walk does (separation with the
first-pair rule, the IYL stack and the shift/change distribution to the middle
siblings, positionRoot), then the subtree's extremes and bounding box.

Absolute positions are never stored for the whole tree: inserting a leaf moves
about half the drawing, and touching every node would be linear again. The
position of a node is computed on demand by summing modifiers from the root (the
same additions, in the same order, as tidy.py's second walk) and memoised per
version of the layout, so reading a few hundred boxes after an edit costs a few
hundred short walks up to an already known ancestor. `nodes_in` and `node_at`
descend from the root through the subtrees whose bounding box meets the query.

Cost: an edit is O(1) to record (plus the size of a removed subtree, or the depth
for a move's cycle check); `update` is proportional to the work of the families on
the dirty paths, i.e. their numbers of children plus their contour walks. A node
with a very large family (a star) is re-merged whole when one of its children
changes, as in the full layout.

One difference from `tidy_layout`: `LiveTidy` keeps the whole tree, nodes under
collapsed ones included (it must, to unfold them later), so it refuses a cycle or
a shared node anywhere under the root, where `tidy_layout` only looks at the
visible part. Sizes are only needed, and checked, for visible nodes, as there.
"""

from __future__ import annotations

import math
from collections.abc import Container, Hashable, Mapping, Sequence
from typing import Generic, TypeVar

from ckstudio.layout.tidy import EPSILON, ORIENTATIONS, Box

__all__ = ["LiveTidy"]

H = TypeVar("H", bound=Hashable)

# Per-slot lists (parallel lists indexed by slot number, as in tidy.py: about twice
# as fast as objects in the hot loops). Kept here so that `_new_slot` grows them all.
_SLOT_LISTS = (
    "_node",  # the caller's handle
    "_parent",  # parent slot, -1 for the root
    "_kids",  # children slots in drawing order (the whole tree, hidden ones too)
    "_vk",  # visible children: _kids[v] itself, or () when v is collapsed
    "_coll",  # collapsed?
    "_wr",  # real extent across the growth direction (the box's width when "down")
    "_hr",  # real extent along it
    "_wa",  # enlarged extents laid out: across + gap, along + level_gap
    "_ha",
    "_mod",  # offset from the parent's family merge (tidy.py's mod)
    "_prelim",
    "_el",  # extreme leaves of the subtree, sums of mods down to them, their tops
    "_er",
    "_msel",
    "_mser",
    "_elt",
    "_ert",
    "_tl",  # threads: next contour node below a leaf, mod step, depth step
    "_tr",
    "_tml",
    "_tmr",
    "_tyl",
    "_tyr",
    "_log",  # threads set by this family's merge: leaf (left) or ~leaf (right)
    "_bminx",  # subtree bounding box relative to the node's left and top
    "_bmaxx",
    "_bmaxy",
    "_nminx",  # the nodes reaching those sides
    "_nmaxx",
    "_nmaxy",
    "_dirty",
    "_stamp",  # version for which _msum and _top are known
    "_msum",  # sum of mods from the root (tidy.py's modsum)
    "_top",  # absolute top along the growth direction, before the origin
)


def _check_arguments(gap: float, level_gap: float, orientation: str) -> None:
    """The same checks and messages as `tidy_layout`."""
    if orientation not in ORIENTATIONS:
        raise ValueError(f"orientation must be one of {ORIENTATIONS}, not {orientation!r}")
    for name, value in (("gap", gap), ("level_gap", level_gap)):
        if not (math.isfinite(value) and value >= 0):
            raise ValueError(f"{name} must be a finite number >= 0, not {value!r}")


def _checked_size(node: Hashable, w: float, h: float) -> tuple[float, float]:
    """(w, h) as floats, refused as `tidy_layout` refuses it if not finite and >= 0."""
    w = float(w)
    h = float(h)
    if not (math.isfinite(w) and math.isfinite(h) and w >= 0 and h >= 0):
        raise ValueError(f"node {node!r} has a size that is not finite and >= 0: {(w, h)!r}")
    return w, h


def _read_size(
    node: Hashable, sizes: Mapping[Hashable, tuple[float, float]]
) -> tuple[float, float]:
    try:
        w, h = sizes[node]
    except KeyError:
        raise ValueError(f"node {node!r} has no size") from None
    return _checked_size(node, w, h)


def _read_tree(
    root: Hashable, children: Mapping[Hashable, Sequence[Hashable]], collapsed: Container[Hashable]
) -> tuple[list[Hashable], dict[Hashable, int], list[int], list[list[int]], list[bool]]:
    """The whole tree under `root`, breadth first: nodes, slots, parents, children, collapsed.

    Breadth first so that the visible nodes come in `tidy_layout`'s order (the
    hidden ones are only skipped), which makes its size errors come in the same
    order too. A node met twice is refused with `tidy_layout`'s message.
    """
    nodes: list[Hashable] = [root]
    slot: dict[Hashable, int] = {root: 0}
    parent = [-1]
    kids: list[list[int]] = []
    coll: list[bool] = []
    get = children.get
    v = 0
    while v < len(nodes):
        node = nodes[v]
        coll.append(node in collapsed)
        mine: list[int] = []
        for kid in get(node) or ():
            if kid in slot:
                raise ValueError(
                    f"node {kid!r} is reached twice from the root {root!r}: "
                    "the children mapping has a cycle or a node with two parents"
                )
            n = len(nodes)
            slot[kid] = n
            nodes.append(kid)
            parent.append(v)
            mine.append(n)
        kids.append(mine)
        v += 1
    return nodes, slot, parent, kids, coll


class LiveTidy(Generic[H]):
    """The tidy layout of one tree, updated in time proportional to the edited paths.

    Built with the arguments of `tidy_layout`, it returns the same boxes; edits
    (`insert`, `remove`, `move`, `set_size`, `set_collapsed`) only mark what they
    change, `update` (called by every reader) recomputes it. Readers give absolute
    coordinates exactly as `tidy_layout` of the current tree would.

    Unknown nodes raise KeyError; structural mistakes (a cycle, the root removed or
    moved, a node inserted twice) and bad sizes raise ValueError; a position out of
    range raises IndexError. A refused edit changes nothing.
    """

    def __init__(
        self,
        root: H,
        children: Mapping[H, Sequence[H]],
        sizes: Mapping[H, tuple[float, float]],
        *,
        gap: float = 16.0,
        level_gap: float = 32.0,
        orientation: str = "down",
        collapsed: Container[H] = frozenset(),
        origin: tuple[float, float] = (0.0, 0.0),
    ) -> None:
        _check_arguments(gap, level_gap, orientation)
        self._gap = gap
        self._level_gap = level_gap
        self._down = orientation == "down"
        ox, oy = origin
        self._ox = ox
        self._oy = oy

        nodes, slot, parent, kids, coll = _read_tree(root, children, collapsed)
        n = len(nodes)
        self._node: list[H | None] = nodes
        self._slot: dict[H, int] = slot
        self._parent = parent
        self._kids = kids
        self._vk: list[Sequence[int]] = [() if c else k for k, c in zip(kids, coll, strict=True)]
        self._coll = coll
        self._read_sizes(nodes, sizes)

        self._mod = [0.0] * n
        self._prelim = [0.0] * n
        self._el = list(range(n))
        self._er = list(range(n))
        self._msel = [0.0] * n
        self._mser = [0.0] * n
        self._elt = [0.0] * n
        self._ert = [0.0] * n
        self._tl = [-1] * n
        self._tr = [-1] * n
        self._tml = [0.0] * n
        self._tmr = [0.0] * n
        self._tyl = [0.0] * n
        self._tyr = [0.0] * n
        self._log: list[list[int] | None] = [None] * n
        self._bminx = [0.0] * n
        self._bmaxx = list(self._wr)
        self._bmaxy = list(self._hr)
        self._nminx = list(range(n))
        self._nmaxx = list(range(n))
        self._nmaxy = list(range(n))
        self._dirty = [True] * n  # nothing computed yet
        self._stamp = [-1] * n
        self._msum = [0.0] * n
        self._top = [0.0] * n

        self._free: list[int] = []  # slots of removed nodes, reusable
        self._version = 0
        self._left_version = -1
        self._left = 0.0
        self._stale = True
        self.families_merged = 0
        """How many families the last `update()` call merged (readers call it too; for tests
        and profiling)."""
        self.update()

    def _read_sizes(self, nodes: list[H | None], sizes: Mapping[H, tuple[float, float]]) -> None:
        """Extents across and along the growth direction, real and enlarged by the gaps.

        Visible nodes must have a good size (checked in breadth-first order, so the
        first error is `tidy_layout`'s); hidden ones may lack one until they show,
        so their problem is kept in `_bad` and raised when they would become visible.
        """
        parent, coll = self._parent, self._coll
        visible = [True] * len(nodes)
        across: list[float] = []
        along: list[float] = []
        self._bad: dict[int, str] = {}
        for v, node in enumerate(nodes):
            p = parent[v]
            if p >= 0:
                visible[v] = visible[p] and not coll[p]
            try:
                w, h = _read_size(node, sizes)
            except (ValueError, TypeError) as error:
                if visible[v]:
                    raise
                self._bad[v] = str(error)
                w = h = 0.0
            if not self._down:
                w, h = h, w
            across.append(w)
            along.append(h)
        self._wr = across
        self._hr = along
        gap, level_gap = self._gap, self._level_gap
        self._wa = [s + gap for s in across]
        self._ha = [s + level_gap for s in along]

    # -- the tree ----------------------------------------------------------------------

    @property
    def root(self) -> H:
        """The root node (fixed: it can be neither removed nor moved)."""
        return self._node[0]  # type: ignore[return-value]

    def __contains__(self, node: object) -> bool:
        """Whether the node is in the tree, visible or hidden."""
        return node in self._slot

    def __len__(self) -> int:
        """Number of nodes in the tree, hidden ones included."""
        return len(self._slot)

    def parent(self, node: H) -> H | None:
        """The node's parent, None for the root."""
        p = self._parent[self._slot[node]]
        return None if p < 0 else self._node[p]

    def children(self, node: H) -> tuple[H, ...]:
        """The node's children in drawing order (also when it is collapsed)."""
        names = self._node
        return tuple(names[k] for k in self._kids[self._slot[node]])  # type: ignore[misc]

    def is_collapsed(self, node: H) -> bool:
        """Whether the node is folded (whether or not it is itself visible)."""
        return self._coll[self._slot[node]]

    # -- edits -------------------------------------------------------------------------

    def set_size(self, node: H, w: float, h: float) -> None:
        """Give the node a new (width, height) as drawn."""
        s = self._slot[node]
        w, h = _checked_size(node, w, h)
        if not self._down:
            w, h = h, w
        if s not in self._bad and self._wr[s] == w and self._hr[s] == h:
            return
        self._bad.pop(s, None)
        self._set_extents(s, w, h)
        self._mark(s)

    def insert(self, node: H, parent: H, position: int, size: tuple[float, float]) -> None:
        """Add `node` as a leaf, child number `position` of `parent` (0 <= position <= count)."""
        if node in self._slot:
            raise ValueError(f"node {node!r} is already in the tree")
        p = self._slot[parent]
        if not 0 <= position <= len(self._kids[p]):
            raise IndexError(f"position {position} out of range for {len(self._kids[p])} children")
        w, h = _checked_size(node, *size)
        if not self._down:
            w, h = h, w
        s = self._new_slot(node, p, w, h)
        self._kids[p].insert(position, s)
        self._mark(s)

    def remove(self, node: H) -> None:
        """Remove the node and its whole subtree (not the root)."""
        s = self._slot[node]
        p = self._parent[s]
        if p < 0:
            raise ValueError(f"the root {node!r} cannot be removed")
        self._kids[p].remove(s)
        self._mark(p)
        kids, names, logs, slot = self._kids, self._node, self._log, self._slot
        stack = [s]
        while stack:
            u = stack.pop()
            stack.extend(kids[u])
            if logs[u] is not None:
                self._unthread(u)
            del slot[names[u]]
            names[u] = None
            kids[u] = []
            self._vk[u] = ()
            self._dirty[u] = False
            self._stamp[u] = -1
            self._bad.pop(u, None)
            self._free.append(u)

    def move(self, node: H, parent: H, position: int) -> None:
        """Move the node's subtree to child number `position` of `parent`.

        `position` counts the new parent's children after the node has left its
        old place (so moving a node one step right in its family is position + 1).
        """
        s = self._slot[node]
        p = self._slot[parent]
        old = self._parent[s]
        if old < 0:
            raise ValueError(f"the root {node!r} cannot be moved")
        u = p
        while u >= 0:
            if u == s:
                raise ValueError(f"moving {node!r} under {parent!r} would make a cycle")
            u = self._parent[u]
        count = len(self._kids[p]) - (p == old)
        if not 0 <= position <= count:
            raise IndexError(f"position {position} out of range for {count} children")
        index = self._kids[old].index(s)
        del self._kids[old][index]
        self._kids[p].insert(position, s)
        self._parent[s] = p
        try:
            self._check_shown()
        except ValueError:
            self._kids[p].remove(s)
            self._kids[old].insert(index, s)
            self._parent[s] = old
            raise
        self._mark(old)
        self._mark(p)

    def set_collapsed(self, node: H, collapsed: bool) -> None:
        """Fold (draw as a leaf, hide the descendants) or unfold the node."""
        s = self._slot[node]
        collapsed = bool(collapsed)
        if self._coll[s] == collapsed:
            return
        self._coll[s] = collapsed
        if not collapsed:
            try:
                self._check_shown()
            except ValueError:
                self._coll[s] = True
                raise
        self._vk[s] = () if collapsed else self._kids[s]
        self._mark(s)

    def update(self) -> None:
        """Re-merge the families the edits marked, children first (readers call this)."""
        if not self._stale:
            self.families_merged = 0
            return
        self._stale = False
        order: list[int] = []
        dirty = self._dirty
        if dirty[0]:
            # Marked visible nodes hang together from the root (see `_mark`).
            vk = self._vk
            stack = [0]
            while stack:
                v = stack.pop()
                order.append(v)
                stack.extend([c for c in vk[v] if dirty[c]])
            order.reverse()
            self._relayout(order)
        self.families_merged = len(order)
        self._version += 1

    # -- reading -----------------------------------------------------------------------

    def box(self, node: H) -> Box | None:
        """The node's box, or None if it is hidden under a collapsed node."""
        self.update()
        s = self._slot[node]
        if not self._locate(s):
            return None
        return self._box(s, self._drawing_left())

    def boxes(self) -> dict[H, Box]:
        """Every visible node's box, breadth first, as `tidy_layout` returns them."""
        self.update()
        vk, parent, mod, top, ha = self._vk, self._parent, self._mod, self._top, self._ha
        msum, stamp, version = self._msum, self._stamp, self._version
        order = [0]
        for v in order:
            order.extend(vk[v])
        msum[0] = mod[0]
        top[0] = 0.0
        stamp[0] = version
        for v in order[1:]:
            p = parent[v]
            msum[v] = mod[v] + msum[p]
            top[v] = top[p] + ha[p]
            stamp[v] = version
        left = self._drawing_left()
        names, prelim, wr, hr = self._node, self._prelim, self._wr, self._hr
        ox, oy = self._ox, self._oy
        if self._down:
            return {
                names[v]: Box(ox + (prelim[v] + msum[v]) - left, oy + top[v], wr[v], hr[v])
                for v in order
            }  # type: ignore[misc]
        return {
            names[v]: Box(ox + top[v], oy + (prelim[v] + msum[v]) - left, hr[v], wr[v])
            for v in order
        }  # type: ignore[misc]

    def bounds(self) -> tuple[float, float, float, float]:
        """x0, y0, x1, y1 of the whole drawing (the boxes, not the gaps around them)."""
        self.update()
        left = self._drawing_left()
        lo = self._nminx[0]
        hi = self._nmaxx[0]
        deep = self._nmaxy[0]
        for s in (hi, deep):
            self._locate(s)
        a, b, c = self._box(lo, left), self._box(hi, left), self._box(deep, left)
        if self._down:
            return (a.x, self._oy + 0.0, b.x + b.w, c.y + c.h)
        return (self._ox + 0.0, a.y, c.x + c.w, b.y + b.h)

    def nodes_in(self, x0: float, y0: float, x1: float, y1: float) -> list[H]:
        """Visible nodes whose box meets the rectangle (edges included), in pre-order.

        Descends from the root into the subtrees whose bounding box meets the
        rectangle only, so the cost follows what is near the rectangle, not the tree.
        """
        return [self._node[s] for s, _ in self._find(x0, y0, x1, y1)]  # type: ignore[misc]

    def node_at(self, x: float, y: float) -> H | None:
        """The visible node whose box holds the point (edges included), or None.

        Boxes only touch when a gap is 0; then the first in `boxes()` order wins.
        """
        found = self._find(x, y, x, y)
        if not found:
            return None
        s, _ = min(found, key=lambda item: item[1])  # shallowest, then leftmost
        return self._node[s]  # type: ignore[return-value]

    # -- internals: edits --------------------------------------------------------------

    def _mark(self, v: int) -> None:
        """Mark v's family and its ancestors' for re-merging, and clear their threads.

        Stops at the first marked ancestor: its ancestors are marked already,
        except above a collapsed node, where an edit of the hidden part does not
        change the drawing (the collapsed node is marked when it unfolds, and its
        marked hidden descendants are then reached through their marked ancestors).
        """
        self._stale = True
        dirty, parent, logs = self._dirty, self._parent, self._log
        while v >= 0 and not dirty[v]:
            dirty[v] = True
            if logs[v] is not None:
                self._unthread(v)
            v = parent[v]

    def _unthread(self, v: int) -> None:
        """Take out the threads v's merge set on its children's extreme leaves."""
        tl, tr = self._tl, self._tr
        for leaf in self._log[v]:  # type: ignore[union-attr]
            if leaf >= 0:
                tl[leaf] = -1
            else:
                tr[~leaf] = -1
        self._log[v] = None

    def _check_shown(self) -> None:
        """Refuse an edit that would show a node without a good size (tidy_layout's error)."""
        parent, coll = self._parent, self._coll
        for s, message in self._bad.items():
            u = parent[s]
            while u >= 0 and not coll[u]:
                u = parent[u]
            if u < 0:
                raise ValueError(message)

    def _set_extents(self, s: int, across: float, along: float) -> None:
        self._wr[s] = across
        self._hr[s] = along
        self._wa[s] = across + self._gap
        self._ha[s] = along + self._level_gap

    def _new_slot(self, node: H, parent: int, across: float, along: float) -> int:
        """A slot for a new leaf, reusing a removed node's if any, every field reset."""
        if self._free:
            s = self._free.pop()
        else:
            s = len(self._node)
            for name in _SLOT_LISTS:
                getattr(self, name).append(None)
        self._slot[node] = s
        self._node[s] = node
        self._parent[s] = parent
        kids: list[int] = []
        self._kids[s] = kids
        self._vk[s] = kids
        self._coll[s] = False
        self._set_extents(s, across, along)
        for name, value in (("_mod", 0.0), ("_prelim", 0.0), ("_msel", 0.0), ("_mser", 0.0)):
            getattr(self, name)[s] = value
        for name in ("_elt", "_ert", "_tml", "_tmr", "_tyl", "_tyr", "_bminx", "_msum", "_top"):
            getattr(self, name)[s] = 0.0
        for name in ("_el", "_er", "_nminx", "_nmaxx", "_nmaxy"):
            getattr(self, name)[s] = s
        self._tl[s] = self._tr[s] = self._stamp[s] = -1
        self._log[s] = None
        self._bmaxx[s] = across
        self._bmaxy[s] = along
        self._dirty[s] = False
        return s

    # -- internals: the merge ----------------------------------------------------------

    def _relayout(self, order: list[int]) -> None:
        """Merge the families in `order` (children before parents) as `_place`'s first walk.

        One long loop with every list bound to a local, as in tidy.py: this is the
        hot path (the whole build runs through it), and function calls and
        attribute look-ups per family or per contour step would cost more than the
        arithmetic. The comments name the paper's procedures.
        """
        vk, width, height, wr, hr = self._vk, self._wa, self._ha, self._wr, self._hr
        mod, prelim = self._mod, self._prelim
        el, er, msel, mser, elt, ert = (
            self._el,
            self._er,
            self._msel,
            self._mser,
            self._elt,
            self._ert,
        )
        tl, tr, tml, tmr, tyl, tyr = self._tl, self._tr, self._tml, self._tmr, self._tyl, self._tyr
        bminx, bmaxx, bmaxy = self._bminx, self._bmaxx, self._bmaxy
        nminx, nmaxx, nmaxy = self._nminx, self._nmaxx, self._nmaxy
        logs, dirty = self._log, self._dirty
        for t in order:
            dirty[t] = False
            kids = vk[t]
            if not kids:  # a leaf: its own extremes, no threads, its box
                prelim[t] = 0.0
                el[t] = er[t] = t
                msel[t] = mser[t] = elt[t] = ert[t] = 0.0
                bminx[t] = 0.0
                bmaxx[t] = wr[t]
                bmaxy[t] = hr[t]
                nminx[t] = nmaxx[t] = nmaxy[t] = t
                continue
            cs = len(kids)
            f = kids[0]
            mod[f] = 0.0
            # The forest of the children placed so far: its extreme leaves, the sums
            # of mods down to them from the children's level, their tops below the
            # children's tops (tidy.py keeps these in el[f] / er[i-1] and so on).
            fel, fmsel, felt = el[f], msel[f], elt[f]
            fer, fmser, fert = er[f], mser[f], ert[f]
            # The IYL list as a stack (see tidy.py), items: lowest y, child index.
            low_ys = [felt + height[fel]]
            low_ix = [0]
            shift: list[float] | None = None
            change: list[float] = []
            log: list[int] | None = None
            for j in range(1, cs):
                i = kids[j]
                iel, ier = el[i], er[i]
                imsel, imser = msel[i], mser[i]
                min_y = ert[i] + height[ier]
                mi = 0.0
                # separate: right contour of the forest (sr) against the left contour
                # of the new subtree (cl), with sums of mods and tops below the
                # children's tops; threads add their own mod and depth steps.
                sr = kids[j - 1]
                mssr = mod[sr]
                sy_top = 0.0
                cl = i
                mscl = 0.0
                cy_top = 0.0
                p = len(low_ys) - 1
                first_pair = True
                while sr >= 0 and cl >= 0:
                    sy = sy_top + height[sr]
                    if sy > low_ys[p] + EPSILON:
                        p -= 1
                    dist = (mssr + prelim[sr] + width[sr]) - (mscl + prelim[cl])
                    if dist > 0 or first_pair:
                        # moveSubtree + distributeExtra
                        mscl += dist
                        mi += dist
                        imsel += dist
                        imser += dist
                        si = low_ix[p]
                        if si != j - 1:
                            share = dist / (j - si)
                            if shift is None:
                                shift = [0.0] * cs
                                change = [0.0] * cs
                            shift[si + 1] += share
                            shift[j] -= share
                            change[j] -= dist - share
                    first_pair = False
                    cy = cy_top + height[cl]
                    if sy <= cy + EPSILON:
                        below = vk[sr]
                        if below:
                            sr = below[-1]
                            mssr += mod[sr]
                            sy_top = sy
                        else:
                            nxt = tr[sr]
                            if nxt >= 0:
                                mssr += tmr[sr] + mod[nxt]
                                sy_top += tyr[sr]
                            sr = nxt
                    if sy >= cy - EPSILON:
                        below = vk[cl]
                        if below:
                            cl = below[0]
                            mscl += mod[cl]
                            cy_top = cy
                        else:
                            nxt = tl[cl]
                            if nxt >= 0:
                                mscl += tml[cl] + mod[nxt]
                                cy_top += tyl[cl]
                            cl = nxt
                mod[i] = mi
                if sr < 0 <= cl:
                    # setLeftThread: the new subtree is deeper; thread the forest's
                    # left extreme leaf to cl, with the mod and depth steps between.
                    tl[fel] = cl
                    tml[fel] = (mscl - mod[cl]) - fmsel
                    tyl[fel] = cy_top - felt
                    if log is None:
                        log = []
                    log.append(fel)
                    fel, fmsel, felt = iel, imsel, elt[i]
                    fer, fmser, fert = ier, imser, ert[i]
                elif cl < 0 <= sr:
                    # setRightThread: the forest is deeper; the forest keeps its right
                    # extreme leaf, the new subtree's one is threaded to sr.
                    tr[ier] = sr
                    tmr[ier] = (mssr - mod[sr]) - imser
                    tyr[ier] = sy_top - ert[i]
                    if log is None:
                        log = []
                    log.append(~ier)
                else:
                    fer, fmser, fert = ier, imser, ert[i]
                # updateIYL
                while low_ys and min_y >= low_ys[-1] - EPSILON:
                    low_ys.pop()
                    low_ix.pop()
                low_ys.append(min_y)
                low_ix.append(j)
            logs[t] = log

            if shift is not None:
                # addChildSpacing (in the first walk, as tidy.py does)
                d = 0.0
                delta = 0.0
                for j in range(cs):
                    d += shift[j]
                    delta += d + change[j]
                    mod[kids[j]] += delta

            # positionRoot
            last = kids[-1]
            pt = (prelim[f] + mod[f] + mod[last] + prelim[last] + width[last]) / 2 - width[t] / 2
            prelim[t] = pt
            # setExtremes, relative to t: the children's tops are t's enlarged height down.
            ht = height[t]
            el[t] = fel
            msel[t] = fmsel
            elt[t] = ht + felt
            er[t] = fer
            mser[t] = fmser
            ert[t] = ht + fert

            # The subtree's bounding box, relative to t's left and top.
            lo, lo_n = 0.0, t
            hi, hi_n = wr[t], t
            deep, deep_n = hr[t], t
            for c in kids:
                off = prelim[c] + mod[c] - pt
                x = off + bminx[c]
                if x < lo:
                    lo, lo_n = x, nminx[c]
                x = off + bmaxx[c]
                if x > hi:
                    hi, hi_n = x, nmaxx[c]
                y = ht + bmaxy[c]
                if y > deep:
                    deep, deep_n = y, nmaxy[c]
            bminx[t], nminx[t] = lo, lo_n
            bmaxx[t], nmaxx[t] = hi, hi_n
            bmaxy[t], nmaxy[t] = deep, deep_n

    # -- internals: positions ----------------------------------------------------------

    def _locate(self, s: int) -> bool:
        """Make s's sum of mods and top known for this version; False if s is hidden.

        Walks up to the first ancestor already known (or the root), then sums down
        with tidy.py's second-walk additions, so the positions are the same floats.
        """
        stamp, version = self._stamp, self._version
        if stamp[s] == version:
            return True
        parent, coll = self._parent, self._coll
        path = [s]
        u = parent[s]
        while u >= 0:
            if coll[u]:
                return False
            if stamp[u] == version:
                break
            path.append(u)
            u = parent[u]
        mod, msum, top, ha = self._mod, self._msum, self._top, self._ha
        for v in reversed(path):
            p = parent[v]
            if p < 0:
                msum[v] = mod[v]
                top[v] = 0.0
            else:
                msum[v] = mod[v] + msum[p]
                top[v] = top[p] + ha[p]
            stamp[v] = version
        return True

    def _drawing_left(self) -> float:
        """The smallest x of the layout (tidy.py's `min(xs)`), memoised per version."""
        if self._left_version != self._version:
            s = self._nminx[0]
            self._locate(s)
            self._left = self._prelim[s] + self._msum[s]
            self._left_version = self._version
        return self._left

    def _box(self, s: int, left: float) -> Box:
        """The box of a located slot, with `tidy_layout`'s arithmetic."""
        x = self._prelim[s] + self._msum[s]
        if self._down:
            return Box(self._ox + x - left, self._oy + self._top[s], self._wr[s], self._hr[s])
        return Box(self._ox + self._top[s], self._oy + x - left, self._hr[s], self._wr[s])

    def _find(
        self, x0: float, y0: float, x1: float, y1: float
    ) -> list[tuple[int, tuple[int, int]]]:
        """Slots whose box meets the rectangle, each with (depth, pre-order rank).

        Culls with the subtrees' relative bounding boxes, widened by a hair since
        they are summed in another order than the boxes; each box found is then
        tested exactly as a scan of `boxes()` would test it.
        """
        self.update()
        left = self._drawing_left()
        ox, oy = self._ox, self._oy
        if self._down:  # the rectangle in layout coordinates: across a0-a1, along l0-l1
            a0, a1, l0, l1 = x0 - ox + left, x1 - ox + left, y0 - oy, y1 - oy
        else:
            a0, a1, l0, l1 = y0 - oy + left, y1 - oy + left, x0 - ox, x1 - ox
        slack = 1e-6 + 1e-12 * (abs(a0) + abs(a1) + abs(l0) + abs(l1))
        c0, c1, d0, d1 = a0 - slack, a1 + slack, l0 - slack, l1 + slack
        vk, mod, prelim, ha = self._vk, self._mod, self._prelim, self._ha
        msum, top, stamp, version = self._msum, self._top, self._stamp, self._version
        bminx, bmaxx, bmaxy = self._bminx, self._bmaxx, self._bmaxy
        self._locate(0)
        found: list[tuple[int, tuple[int, int]]] = []
        rank = 0
        stack = [(0, 0)]
        while stack:
            u, depth = stack.pop()
            x = prelim[u] + msum[u]
            y = top[u]
            if x + bminx[u] > c1 or x + bmaxx[u] < c0 or y > d1 or y + bmaxy[u] < d0:
                continue
            b = self._box(u, left)
            if b.x <= x1 and x0 <= b.x + b.w and b.y <= y1 and y0 <= b.y + b.h:
                found.append((u, (depth, rank)))
            rank += 1
            kids = vk[u]
            if kids:
                s_u, t_u = msum[u], y + ha[u]
                for c in kids:
                    if stamp[c] != version:
                        msum[c] = mod[c] + s_u
                        top[c] = t_u
                        stamp[c] = version
                stack.extend([(c, depth + 1) for c in reversed(kids)])
        return found
