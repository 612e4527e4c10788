"""The map as the canvas sees it: the Document's nodes placed, kept in step through events.

The scene subscribes to the Document and, on any change, forgets its layout;
the next paint or mouse lookup lays the map out again from a snapshot (the
tidy layout reuses every unchanged card, so this costs a fraction of the
first layout). Items are plain records, not QGraphicsItems: one Python paint
call per node cannot draw 15,000 nodes in a frame (architecture.md measured
about a second), so the canvas paints only what is exposed, found in an index of boxes.

Links are routed a slice at a time between keystrokes (`route_some`); until a
link is routed it is drawn as a plain curve between its boxes.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QObject, Signal

from ckstudio.layout.ckmap import (
    MapOptions,
    MapParts,
    build_parts,
    edge_path,
    iter_link_routes,
)
from ckstudio.layout.drawing import Group, Path
from ckstudio.layout.spatial import BoxIndex
from ckstudio.layout.style import DEFAULT_STYLE, Style
from ckstudio.layout.tidy import Box
from ckstudio.model.document import Document, Space
from ckstudio.model.events import Change, Event
from ckstudio.model.session import Session

ORIENTATIONS = ("down", "right")


class MapScene(QObject):
    """The placed map of one Document: boxes, edges, links, by id."""

    changed = Signal()  # the map must be painted again

    def __init__(self, doc: Document, style: Style = DEFAULT_STYLE, orientation: str = "down"):
        super().__init__()
        self.doc = doc
        self._style = style
        self._orientation = orientation
        self._collapsed: set[str] = set()
        self._parts: MapParts | None = None
        self._session: Session | None = None
        self._boxes: dict[str, Box] = {}
        self._spaces: dict[str, Space] = {}
        self._index: BoxIndex | None = None
        self._groups: dict[str, Group] = {}
        self._routes: dict[str, list[Path]] = {}
        self._router: Iterator[tuple[str, list[Path]]] | None = None
        self._ends: list[tuple[str, str, Box, Box]] | None = None
        self._edges: dict[str, Path | None] = {}
        self._options = MapOptions()
        self.newest: str | None = None  # the node added last, for the view to show
        self.version = 0  # counts the layouts, so that painters know when to drop caches
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
        self._invalidate()

    def set_orientation(self, orientation: str) -> None:
        if orientation not in ORIENTATIONS:
            raise ValueError(f"orientation must be one of {ORIENTATIONS}")
        self._orientation = orientation
        self._invalidate()

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
        self._invalidate()

    # -- following the Document ------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if event.change is Change.NODE_ADDED:
            self.newest = event.id
        elif event.change is Change.NODE_REMOVED:
            self._collapsed.discard(event.id)
        self._invalidate()

    def _invalidate(self) -> None:
        self._parts = None
        self.changed.emit()

    # -- the placed map (laid out on demand) -----------------------------------------

    def parts(self) -> MapParts:
        """The map's boxes, edges and decorations, laid out again if anything changed."""
        if self._parts is None:
            self._lay_out()
        assert self._parts is not None
        return self._parts

    def _lay_out(self) -> None:
        session = self.doc.to_session()
        options = MapOptions(orientation=self._orientation, collapsed=frozenset(self._collapsed))
        parts = build_parts(session, options, self._style, edges=False)
        self._options = options
        self._session = session
        self._parts = parts
        self.version += 1
        self._boxes = {}
        self._spaces = {}
        for space, placed in (("c", parts.layout.c_space), ("k", parts.layout.k_space)):
            if placed is not None:
                self._boxes.update(placed.boxes)
                self._spaces.update(dict.fromkeys(placed.boxes, space))
        self._index = None
        self._edges = {}
        self._groups = {}
        self._routes = {}
        self._ends = None
        self._router = None
        if parts.layout.c_space is not None and parts.layout.k_space is not None:
            layout = parts.layout
            self._router = iter_link_routes(
                session, layout.c_space, layout.k_space, layout.gutter, self._style
            )

    def boxes(self) -> dict[str, Box]:
        """The box of every shown node (not those inside a collapsed branch), by id."""
        self.parts()
        return self._boxes

    def box(self, ref: str) -> Box | None:
        return self.boxes().get(ref)

    def space_of(self, ref: str) -> Space | None:
        """ "c" or "k" for a shown node, None otherwise."""
        self.parts()
        return self._spaces.get(ref)

    def index(self) -> BoxIndex:
        self.parts()
        if self._index is None:
            self._index = BoxIndex(self._boxes)
        return self._index

    def node_at(self, x: float, y: float) -> str | None:
        return self.index().at(x, y)

    def nodes_in(self, x0: float, y0: float, x1: float, y1: float) -> list[str]:
        return self.index().in_rect(x0, y0, x1, y1)

    def edge(self, ref: str) -> Path | None:
        """The curve from the node's parent to the node (None for a root)."""
        parts = self.parts()
        if ref not in self._edges:
            space = self._spaces[ref]
            placed = parts.layout.c_space if space == "c" else parts.layout.k_space
            assert placed is not None
            partition = self.doc.concept(ref).partition if space == "c" else None
            self._edges[ref] = edge_path(
                placed, ref, space == "c", partition, self._options, self._style
            )
        return self._edges[ref]

    def children_shown(self, ref: str) -> list[str]:
        """The node's children that are drawn (none when it is folded)."""
        space = self._spaces.get(ref)
        if space is None or ref in self._collapsed:
            return []
        return [c for c in self.doc.children(space, ref) if c in self._boxes]

    def group(self, ref: str) -> Group:
        """The drawing of one node at its place, as every renderer draws it."""
        parts = self.parts()
        group = self._groups.get(ref)
        if group is None:
            space = parts.layout.c_space if self._spaces[ref] == "c" else parts.layout.k_space
            assert space is not None
            box = self._boxes[ref]
            group = space.cards[ref].group_at(box.x, box.y, self._style)
            self._groups[ref] = group
        return group

    def _shown(self, ref: str, boxes: dict[str, Box]) -> str | None:
        return ref if ref in boxes else self.visible_ref(ref)

    def visible_ref(self, ref: str) -> str | None:
        """The node itself if shown, else its nearest shown ancestor (it is folded away)."""
        space = "c" if self.doc.has_node("c", ref) else "k" if self.doc.has_node("k", ref) else None
        if space is None:
            return None
        boxes = self.boxes()
        if ref in boxes:
            return ref
        return next((a for a in self.doc.ancestors(space, ref) if a in boxes), None)

    # -- links -----------------------------------------------------------------------

    def routes(self) -> dict[str, list[Path]]:
        """The links routed so far: line and arrowhead by link id."""
        self.parts()
        return self._routes

    def pending_links(self) -> bool:
        self.parts()
        return self._router is not None

    def route_some(self, seconds: float) -> bool:
        """Route links for about `seconds`; True while some remain to route."""
        self.parts()
        if self._router is None:
            return False
        deadline = time.perf_counter() + seconds
        for link_id, paths in self._router:
            self._routes[link_id] = paths
            if time.perf_counter() >= deadline:
                return True
        self._router = None
        return False

    def link_ends(self) -> list[tuple[str, str, Box, Box]]:
        """(link id, kind, concept box, knowledge box) of every link, for the plain
        curves drawn while a link waits to be routed and in the overview."""
        parts = self.parts()
        if self._ends is None:
            self._ends = []
            if parts.layout.c_space is not None and parts.layout.k_space is not None:
                assert self._session is not None
                boxes = self._boxes
                for link in self._session.links:
                    concept = self._shown(link.concept, boxes)
                    item = self._shown(link.knowledge, boxes)
                    if concept is not None and item is not None:
                        ends = (link.id, link.kind, self._boxes[concept], self._boxes[item])
                        self._ends.append(ends)
        return self._ends
