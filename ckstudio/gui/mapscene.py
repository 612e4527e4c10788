"""The map as the canvas sees it: the Document's nodes placed, kept in step through events.

The scene subscribes to the Document and applies each event to live layouts
(`LiveTidy`: one for C-space, one per pocket of K-space), so an edit costs
the path it touched, not the map: adding a concept to a 10,000-node map
re-merges about ten families. Absolute positions are computed only for the
boxes someone asks for (the ones on screen), because one new leaf shifts
half a tidy tree. Items are plain records, not QGraphicsItems: one Python
paint call per node cannot draw 15,000 nodes in a frame (architecture.md
measured about a second), so the canvas paints what is exposed.

Every piece is the shared map drawing's (`ckstudio.layout.ckmap`): the same
cards, edges, marks, headers, legend and link routes as the SVG and the
report. Links are routed a slice at a time between keystrokes
(`route_some`); until then, and always on maps too big to route
interactively, a link is drawn as a plain curve between its boxes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

from PySide6.QtCore import QObject, Signal

from ckstudio.layout import ckmap
from ckstudio.layout.cards import Card
from ckstudio.layout.drawing import Group, Item, Path, Text
from ckstudio.layout.fonts import TextMeasure, shared_measure
from ckstudio.layout.labels import labels_for
from ckstudio.layout.livetidy import LiveTidy
from ckstudio.layout.style import DEFAULT_STYLE, Style
from ckstudio.layout.tidy import Box
from ckstudio.model.document import Document
from ckstudio.model.events import Change, Event
from ckstudio.model.limits import MAX_VOTE_COUNT
from ckstudio.model.session import Vote

log = logging.getLogger(__name__)
ORIENTATIONS = ("down", "right")
ROUTE_LIMIT = 3000  # nodes: beyond, links stay plain curves in the editor (routing is O(map))
_REBUILD = {Change.THEME_ADDED, Change.THEME_REMOVED, Change.THEME_CHANGED}
_LINKS = {Change.LINK_ADDED, Change.LINK_REMOVED, Change.LINK_CHANGED}
_RECARD = {Change.NODE_CHANGED, Change.TAGS_CHANGED, Change.VOTES_CHANGED}


class MapScene(QObject):
    """The placed map of one Document: boxes, edges, links, by id."""

    changed = Signal()  # the map must be painted again

    def __init__(self, doc: Document, style: Style = DEFAULT_STYLE, orientation: str = "down"):
        super().__init__()
        self.doc = doc
        self._style = style
        self._orientation = orientation
        self._measure: TextMeasure = shared_measure()
        self._collapsed: set[str] = set()
        self._legend = True
        self._focus: frozenset[str] = frozenset()  # highlighted themes: the rest fades
        self.strong_fade = False  # "filter": the rest fades almost out of sight
        self._heat: dict[str, float] = {}  # vote heat by concept, 0..1 (ckstudio.gui.rounds)
        self._heat_shown = True
        self._hidden_votes: frozenset[str] = frozenset()  # concepts drawn without their dots
        self._round_dots: dict[str, int] = {}  # concepts drawn with a round's dots only
        self._clear: tuple[int, set[str]] | None = None  # (version, concepts not faded)
        self.version = 0  # counts the changes, so that painters know when to drop caches
        self._stale = True  # the live layouts must be built again from the Document
        self._c: LiveTidy | None = None
        self._k: dict[str, LiveTidy] = {}  # pocket (K root) -> its tree
        self._cards: dict[str, Card] = {}
        self._context: tuple[dict, dict[str, str]] | None = None
        self._frame: _Frame | None = None
        self._routes: dict[str, list[Path]] = {}
        self._router: Iterator[tuple[str, list[Path]]] | None = None
        self._routing_version = -1
        doc.subscribe(self._on_event)

    def close(self) -> None:
        """Stop following the Document (a closed window must not be called back)."""
        self.doc.unsubscribe(self._on_event)

    # -- options ---------------------------------------------------------------------

    @property
    def style(self) -> Style:
        return self._style

    @property
    def orientation(self) -> str:
        return self._orientation

    def set_style(self, style: Style) -> None:
        self._style = style
        self._rebuild()

    def set_orientation(self, orientation: str) -> None:
        if orientation not in ORIENTATIONS:
            raise ValueError(f"orientation must be one of {ORIENTATIONS}")
        self._orientation = orientation
        self._rebuild()

    @property
    def legend(self) -> bool:
        return self._legend

    def set_legend(self, shown: bool) -> None:
        """Show or hide the legend under the map (the exports always have it)."""
        self._legend = shown
        self._touched()

    @property
    def theme_focus(self) -> frozenset[str]:
        return self._focus

    def set_theme_focus(self, themes: frozenset[str], strong: bool = False) -> None:
        """Highlight concepts tagged with any of `themes`: every other node fades
        (none when `themes` is empty). A view setting: the layout and the link
        routes stay, only the painting changes."""
        themes = frozenset(t for t in themes if t in self.doc.record_ids("themes"))
        if (themes, strong) == (self._focus, self.strong_fade):
            return
        self._focus, self.strong_fade = themes, strong
        routed = self._routing_version == self.version
        self.version += 1
        if routed:
            self._routing_version = self.version  # same boxes: the routes still hold
        self._frame = None  # the legend marks the highlighted themes
        self.changed.emit()

    def faded(self, ref: str) -> bool:
        """Whether a node is drawn faded: a concept with none of the highlighted themes,
        a knowledge item linked to no highlighted concept. C0, the brief, never fades."""
        if not self._focus:
            return False
        clear = self._clear_concepts()
        if ref in clear or not self.doc.has_node("k", ref):
            return ref not in clear
        return not any(link.concept in clear for link in self.doc.links_of(ref))

    def _clear_concepts(self) -> set[str]:
        """C0 and the concepts with a highlighted theme, found once per version (the
        overview asks for every node)."""
        if self._clear is None or self._clear[0] != self.version:
            focus, doc = self._focus, self.doc
            clear = {ref for ref in doc.walk("c")
                     if any(tag.theme in focus for tag in doc.concept(ref).tags)}  # fmt: skip
            clear.add(doc.root)
            self._clear = (self.version, clear)
        return self._clear[1]

    @property
    def heat(self) -> dict[str, float]:
        """The vote heat to paint by concept (0..1); empty when none or not shown."""
        return self._heat if self._heat_shown else {}

    @property
    def heat_shown(self) -> bool:
        return self._heat_shown

    def set_heat(self, heat: dict[str, float], shown: bool | None = None) -> None:
        """A halo round the voted concepts, stronger with more dots (a view setting,
        as the theme focus: the layout and the routes stay)."""
        shown = self._heat_shown if shown is None else shown
        if (heat, shown) == (self._heat, self._heat_shown):
            return
        self._heat, self._heat_shown = dict(heat), shown
        routed = self._routing_version == self.version
        self.version += 1
        if routed:
            self._routing_version = self.version
        self.changed.emit()

    @property
    def hidden_votes(self) -> frozenset[str]:
        return self._hidden_votes

    def set_hidden_votes(self, concepts: frozenset[str]) -> None:
        """Draw these concepts without their dots (a vote not revealed yet)."""
        if concepts == self._hidden_votes:
            return
        touched = concepts ^ self._hidden_votes
        self._hidden_votes = concepts
        self._recard_concepts(touched)

    def set_round_dots(self, dots: dict[str, int]) -> None:
        """Draw these concepts with these dots on their badge (the vote the map shows as
        heat: its own dots, not every dot the concept ever had)."""
        if dots == self._round_dots:
            return
        touched = {ref for ref in dots.keys() | self._round_dots.keys()
                   if dots.get(ref) != self._round_dots.get(ref)}  # fmt: skip
        self._round_dots = dict(dots)
        self._recard_concepts(touched)

    def _recard_concepts(self, touched: set[str] | frozenset[str]) -> None:
        if not self._stale:
            ckmap.use_cards(_SessionView(self.doc), self._style, self._measure)
            for ref in touched:
                if self.doc.has_node("c", ref):
                    self._recard("c", ref)
        self._touched()

    def link_faded(self, link_id: str) -> bool:
        """A link fades with its concept (it stands for that concept's use of knowledge)."""
        return bool(self._focus) and self.doc.link(link_id).concept not in self._clear_concepts()

    def collapsed(self) -> frozenset[str]:
        """The folded nodes (a way of looking: session files keep none, exports may)."""
        return frozenset(self._collapsed)

    def is_collapsed(self, ref: str) -> bool:
        return ref in self._collapsed

    def set_collapsed(self, ref: str, collapsed: bool) -> None:
        """Fold or unfold a node's subtree (a view setting, not an edit of the session)."""
        if collapsed == (ref in self._collapsed):
            return
        if collapsed:
            self._collapsed.add(ref)
        else:
            self._collapsed.discard(ref)
        tree = self._tree_of(ref)
        if tree is not None and not self._stale:
            tree.set_collapsed(ref, collapsed)
        self._touched()

    # -- following the Document ------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if event.change is Change.NODE_REMOVED:
            self._collapsed.discard(event.id)
        if event.change is Change.THEME_REMOVED:
            self._focus -= {event.id}
        if not self._stale:
            try:
                self._follow(event)
            except (KeyError, ValueError, IndexError):
                log.exception("the map lost step with %s; laying it out afresh", event)
                self._stale = True  # build afresh rather than show a wrong map
        self._touched()

    def _follow(self, event: Event) -> None:
        # The card cache is shared with the exports: claim it for this map's settings
        # before making cards (a no-op unless an export used other ones meanwhile).
        ckmap.use_cards(_SessionView(self.doc), self._style, self._measure)
        change = event.change
        if change in _REBUILD or (change is Change.META_CHANGED and event.field == "language"):
            self._stale = True  # every card's labels or theme chips
        elif change in _RECARD:
            self._recard(event.space, event.id)
        elif change is Change.NODE_ADDED:
            self._added(event)
        elif change is Change.NODE_REMOVED:
            self._removed(event)
        elif change is Change.NODE_MOVED:
            self._moved(event)

    def _added(self, event: Event) -> None:
        ref, parent = event.id, event.parent
        if event.space == "c":
            assert self._c is not None and parent is not None
            self._c.insert(ref, parent, event.position or 0, self._size("c", ref))
        elif parent is None:
            self._k[ref] = self._new_pocket(ref)
        else:
            self._k[self._pocket_of(parent)].insert(
                ref, parent, event.position or 0, self._size("k", ref)
            )
            self._recard("k", self._pocket_of(parent))  # a lone root becomes a pocket

    def _removed(self, event: Event) -> None:
        ref = event.id
        self._cards.pop(ref, None)
        if event.space == "c":
            assert self._c is not None
            if ref in self._c:
                self._c.remove(ref)
        elif event.parent is None:
            self._k.pop(ref, None)
        else:
            pocket = self._pocket_of(event.parent)
            if ref in self._k[pocket]:
                self._k[pocket].remove(ref)
            self._recard("k", pocket)  # a pocket left without items is drawn as an item

    def _moved(self, event: Event) -> None:
        ref = event.id
        if event.space == "c":
            assert self._c is not None and event.parent is not None
            self._c.move(ref, event.parent, event.position or 0)
            return
        # K-space: the pockets are small trees; rebuild the ones the move touched. A root
        # with items is drawn as a pocket, one without as an item: their cards may change.
        for touched in (ref, event.parent, event.old_parent):
            if touched is not None:
                self._cards.pop(touched, None)
        old_pocket = next((p for p, tree in self._k.items() if ref in tree), None)
        if old_pocket == ref:
            del self._k[ref]
        elif old_pocket is not None:
            self._k[old_pocket] = self._new_pocket(old_pocket)
        new_pocket = self._pocket_of(ref)
        self._k[new_pocket] = self._new_pocket(new_pocket)

    def _recard(self, space: str | None, ref: str) -> None:
        """A node's look changed (text, reach, tags...): new card, maybe a new size."""
        self._cards.pop(ref, None)
        tree = self._tree_of(ref)
        if tree is not None and space is not None and ref in tree:
            tree.set_size(ref, *self._size(space, ref))

    def _touched(self) -> None:
        self.version += 1
        self._frame = None
        self.changed.emit()

    def _rebuild(self) -> None:
        self._stale = True
        self._touched()

    # -- building --------------------------------------------------------------------

    def _ensure(self) -> None:
        """Build the live layouts from the Document when they are stale."""
        if not self._stale:
            return
        self._cards = {}
        self._context = None
        ckmap.use_cards(_SessionView(self.doc), self._style, self._measure)
        doc = self.doc
        children = {n: doc.children("c", n) for n in doc.walk("c")}
        sizes = {n: self._size("c", n) for n in children}
        self._c = self._tidy(doc.root, children, sizes)
        self._k = {pocket: self._new_pocket(pocket) for pocket in doc.children("k", None)}
        self._stale = False

    def _tidy(self, root: str, children, sizes) -> LiveTidy:
        style = self._style
        return LiveTidy(root, children, sizes, gap=style.sibling_gap, level_gap=style.level_gap,
                        orientation=self._orientation, collapsed=self._collapsed)  # fmt: skip

    def _new_pocket(self, pocket: str) -> LiveTidy:
        self._cards.pop(pocket, None)
        doc = self.doc
        children = {n: doc.children("k", n) for n in doc.walk("k", pocket)}
        return self._tidy(pocket, children, {n: self._size("k", n) for n in children})

    def _pocket_of(self, ref: str) -> str:
        """The K root (pocket) a knowledge item belongs to."""
        ancestors = list(self.doc.ancestors("k", ref))
        return ancestors[-1] if ancestors else ref

    def _tree_of(self, ref: str) -> LiveTidy | None:
        if self.doc.has_node("c", ref):
            return self._c
        if self.doc.has_node("k", ref):
            return self._k.get(self._pocket_of(ref))
        return None

    def card(self, ref: str) -> Card:
        """How a node is drawn (its size, texts, colours), made once per change of it."""
        card = self._cards.get(ref)
        if card is None:
            doc = self.doc
            if doc.has_node("c", ref):
                node, special = doc.concept(ref), ref == doc.root
                if node.votes and ref in self._hidden_votes:
                    node = node.model_copy(update={"votes": []})
                elif ref in self._round_dots:
                    dots = min(self._round_dots[ref], MAX_VOTE_COUNT)
                    node = node.model_copy(update={"votes": [Vote(count=dots)] if dots else []})
            else:
                node = doc.knowledge(ref)
                special = node.parent is None and bool(doc.children("k", ref))
            themes, labels = self._card_context()
            card = ckmap.card_for(node, special, themes, labels, self._style, self._measure)
            self._cards[ref] = card
        return card

    def _size(self, space: str, ref: str) -> tuple[float, float]:
        card = self.card(ref)
        return card.w, card.h

    def _card_context(self) -> tuple[dict, dict[str, str]]:
        """The session's themes by id and its language's labels, for the cards."""
        if self._context is None:
            themes = {theme.id: theme for theme in self.doc.themes}
            self._context = (themes, labels_for(self.doc.meta.language))
        return self._context

    # -- where things are ------------------------------------------------------------

    def frame(self) -> _Frame:
        """Offsets of the spaces, size of the map, headers and legend, for this version."""
        self._ensure()
        if self._frame is None:
            self._frame = _Frame.of(self)
        return self._frame

    def size(self) -> tuple[float, float]:
        frame = self.frame()
        return frame.width, frame.height

    def box(self, ref: str) -> Box | None:
        """Where a shown node is drawn; None when it is folded away or unknown."""
        frame = self.frame()
        found = frame.boxes.get(ref)
        if found is not None:
            return found
        if self.doc.has_node("c", ref):
            assert self._c is not None
            found = self._c.box(ref)
            dx, dy = frame.c_origin
        elif self.doc.has_node("k", ref):
            pocket = self._pocket_of(ref)
            tree = self._k.get(pocket)
            found = tree.box(ref) if tree is not None else None
            dx, dy = frame.k_left, frame.pocket_tops.get(pocket, 0.0)
        if found is None:
            return None
        found = Box(found.x + dx, found.y + dy, found.w, found.h)
        frame.boxes[ref] = found
        return found

    def boxes(self) -> dict[str, Box]:
        """The box of every shown node, by id (O(map): for tests and the overview)."""
        frame = self.frame()
        if frame.every_box is None:
            found: dict[str, Box] = {}
            trees = [(self._c, *frame.c_origin)] if self._c is not None else []
            trees += [(tree, frame.k_left, frame.pocket_tops[p]) for p, tree in self._k.items()]
            for tree, dx, dy in trees:
                for ref, box in tree.boxes().items():
                    found[ref] = Box(box.x + dx, box.y + dy, box.w, box.h)
            frame.boxes.update(found)
            frame.every_box = found
        return frame.every_box

    def parent_of(self, ref: str) -> str | None:
        """A node's parent (None for C0 and the pockets)."""
        return self.doc.node("c" if self.doc.has_node("c", ref) else "k", ref).parent

    def nodes_in(self, x0: float, y0: float, x1: float, y1: float) -> list[str]:
        """Shown nodes whose box meets the rectangle (found by descending the trees)."""
        frame = self.frame()
        found: list[str] = []
        if self._c is not None:
            dx, dy = frame.c_origin
            found += self._c.nodes_in(x0 - dx, y0 - dy, x1 - dx, y1 - dy)
        for pocket, tree in self._k.items():
            dx, dy = frame.k_left, frame.pocket_tops[pocket]
            found += tree.nodes_in(x0 - dx, y0 - dy, x1 - dx, y1 - dy)
        return found

    def node_at(self, x: float, y: float) -> str | None:
        hits = self.nodes_in(x, y, x, y)
        return hits[0] if hits else None

    def visible_ref(self, ref: str) -> str | None:
        """The node itself if shown, else its nearest shown ancestor (it is folded away)."""
        space = "c" if self.doc.has_node("c", ref) else "k" if self.doc.has_node("k", ref) else None
        if space is None:
            return None
        if self.box(ref) is not None:
            return ref
        return next((a for a in self.doc.ancestors(space, ref) if self.box(a) is not None), None)

    def children_shown(self, ref: str) -> list[str]:
        """The node's children that are drawn (none when it is folded)."""
        space = "c" if self.doc.has_node("c", ref) else "k"
        if ref in self._collapsed:
            return []
        return [c for c in self.doc.children(space, ref) if self.box(c) is not None]

    # -- what to draw ------------------------------------------------------------------

    def group(self, ref: str) -> Group:
        """The drawing of one node at its place, as every renderer draws it."""
        frame = self.frame()
        group = frame.groups.get(ref)
        if group is None:
            box = self.box(ref)
            assert box is not None, f"{ref} is not shown"
            group = self.card(ref).group_at(box.x, box.y, self._style)
            frame.groups[ref] = group
        return group

    def edge(self, ref: str) -> Path | None:
        """The curve from the node's parent to the node (None for a root)."""
        in_c = self.doc.has_node("c", ref)
        parent = self.doc.node("c" if in_c else "k", ref).parent
        if parent is None:
            return None
        child_box, parent_box = self.box(ref), self.box(parent)
        if child_box is None or parent_box is None:
            return None
        partition = self.doc.concept(ref).partition if in_c else None
        return ckmap.tree_edge(ref, parent_box, child_box, in_c, partition, self._orientation,
                               self._style)  # fmt: skip

    def mark(self, ref: str) -> Text | None:
        """The "+N" beside a folded node (how many nodes it hides), None if not folded."""
        if ref not in self._collapsed:
            return None
        space = "c" if self.doc.has_node("c", ref) else "k"
        hidden = sum(1 for _ in self.doc.walk(space, ref)) - 1
        box = self.box(ref)
        if hidden <= 0 or box is None:
            return None
        return ckmap.collapsed_mark(ref, box, hidden, self._orientation, self._style)

    def decorations(self) -> list[Item]:
        """The space headers and the legend."""
        return self.frame().decorations

    # -- links -----------------------------------------------------------------------

    def routable(self) -> bool:
        """Whether links are routed around boxes here (not on very large maps)."""
        return self.doc.node_count("c") + self.doc.node_count("k") <= ROUTE_LIMIT

    def routes(self) -> dict[str, list[Path]]:
        """The links routed for the current layout: line and arrowhead by link id."""
        self._restart_routing()
        return self._routes

    def pending_links(self) -> bool:
        self._restart_routing()
        return self._router is not None

    def _restart_routing(self) -> None:
        if self._routing_version == self.version:
            return
        self._routing_version = self.version
        self._routes = {}
        self._router = None
        if self.routable() and self.doc.link_count() and self.doc.node_count("k"):
            self._router = self._route_all()

    def _route_all(self) -> Iterator[tuple[str, list[Path]]]:
        """The shared routing, on the boxes of this version (built at the first slice)."""
        frame = self.frame()
        session = self.doc.to_session()
        c_parents = {c.id: c.parent for c in session.concepts}
        k_parents = {k.id: k.parent for k in session.knowledge}
        c_space = ckmap.Placed({}, self._placed_boxes("c"), c_parents)
        k_space = ckmap.Placed({}, self._placed_boxes("k"), k_parents)
        yield from ckmap.iter_link_routes(session, c_space, k_space, frame.gutter, self._style)

    def _placed_boxes(self, space: str) -> dict[str, Box]:
        found = {}
        for ref in self.doc.walk(space):
            box = self.box(ref)
            if box is not None:
                found[ref] = box
        return found

    def route_some(self, seconds: float) -> bool:
        """Route links for about `seconds`; True while some remain to route."""
        self._restart_routing()
        if self._router is None:
            return False
        deadline = time.perf_counter() + seconds
        for link_id, paths in self._router:
            self._routes[link_id] = paths
            if time.perf_counter() >= deadline:
                return True
        self._router = None
        return False

    def links_near(self, refs: list[str]) -> list[tuple[str, str, Box, Box]]:
        """(link id, kind, concept box, knowledge box) of the links touching these nodes
        (or their folded descendants' links, drawn to them): the plain curves."""
        found: dict[str, tuple[str, str, Box, Box]] = {}
        for ref in refs:
            for link in self._links_shown_at(ref):
                concept = self.visible_ref(link.concept)
                item = self.visible_ref(link.knowledge)
                if concept is not None and item is not None:
                    found[link.id] = (link.id, link.kind, self.box(concept), self.box(item))
        return list(found.values())

    def _links_shown_at(self, ref: str):
        if ref not in self._collapsed:
            return self.doc.links_of(ref)
        space = "c" if self.doc.has_node("c", ref) else "k"
        return [link for node in self.doc.walk(space, ref) for link in self.doc.links_of(node)]

    def link_ends(self) -> list[tuple[str, str, Box, Box]]:
        """Every link's ends (O(links): for the zoomed-out overview)."""
        boxes = self.boxes()
        found = []
        for link in self.doc.links:
            concept = boxes.get(link.concept) or self.box(self.visible_ref(link.concept) or "")
            item = boxes.get(link.knowledge) or self.box(self.visible_ref(link.knowledge) or "")
            if concept is not None and item is not None:
                found.append((link.id, link.kind, concept, item))
        return found


class _SessionView:
    """The few session fields a card reads, straight from the Document."""

    def __init__(self, doc: Document) -> None:
        self.meta = doc.meta
        self.themes = doc.themes


class _Frame:
    """Per version: where each space starts, the map's size, headers and legend."""

    def __init__(self) -> None:
        self.c_origin = (0.0, 0.0)
        self.k_left = 0.0
        self.pocket_tops: dict[str, float] = {}
        self.gutter = 0.0
        self.width = self.height = 0.0
        self.decorations: list[Item] = []
        self.boxes: dict[str, Box] = {}  # absolute boxes read so far
        self.every_box: dict[str, Box] | None = None
        self.groups: dict[str, Group] = {}

    @classmethod
    def of(cls, scene: MapScene) -> _Frame:
        """The same arithmetic as `ckmap._layout_spaces` and `_build_parts`."""
        frame = cls()
        style, doc = scene.style, scene.doc
        top = style.margin + ckmap.HEADER
        frame.c_origin = (style.margin, top)
        assert scene._c is not None
        cx0, _, cx1, cy1 = scene._c.bounds()
        c_right, c_bottom = style.margin + (cx1 - cx0), top + cy1
        frame.gutter = style.gutter + min(150.0, 3.0 * doc.link_count())
        frame.k_left = c_right + frame.gutter
        right, bottom, y = c_right, c_bottom, top
        for pocket in doc.children("k", None):
            tree = scene._k[pocket]
            frame.pocket_tops[pocket] = y
            x0, _, x1, y1 = tree.bounds()
            right = max(right, frame.k_left + (x1 - x0))
            bottom = max(bottom, y + y1)
            y += y1 + style.pocket_gap
        labels = labels_for(doc.meta.language)
        lefts = {"c_space": style.margin}
        if scene._k:
            lefts["k_space"] = frame.k_left
        headers = ckmap.headers(lefts, labels, style)
        measure = scene._measure
        right = max([right, *(h.x + measure.width(h.lines[0], h.size, True) for h in headers)])
        width = right + style.margin
        legend: list[Item] = []
        if scene.legend:
            legend, width, bottom = ckmap.legend_block(
                _SessionView(doc), labels, style, measure, c_bottom, c_right, bottom, width,
                scene.theme_focus,
            )  # fmt: skip
        frame.decorations = [*headers, *legend]
        frame.width, frame.height = width, bottom + style.margin
        return frame
