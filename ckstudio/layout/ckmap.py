"""The C-K map of a session as one drawing: C-space left, K-space right, links between.

C-space is one tidy tree under C0; K-space is its pockets, each a small tidy
tree, stacked; a gutter between them carries the links. The legend sits
below. Every output (SVG, PNG, canvas, PDF) draws this same drawing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ckstudio.layout import badges
from ckstudio.layout.cards import Card, CardCache, concept_card, knowledge_card
from ckstudio.layout.detour import find_detour
from ckstudio.layout.drawing import Drawing, Item, Path, Text
from ckstudio.layout.fonts import FAMILY, TextMeasure, shared_measure
from ckstudio.layout.hidden import without_hidden_votes
from ckstudio.layout.labels import labels_for
from ckstudio.layout.legend import legend_items
from ckstudio.layout.routing import SPREAD, Area, Lanes, end_direction, reverse, rounded
from ckstudio.layout.style import DEFAULT_STYLE, Style
from ckstudio.layout.tidy import Box, tidy_layout
from ckstudio.model.gcpause import collector_paused
from ckstudio.model.session import Concept, KnowledgeItem, Session, Theme

HEADER = 22.0  # room for "C-space" / "K-space" above the trees
LEGEND_GAP = 30.0
ARROW = 7.0
LEAD = 10.0  # straight run of a link before and after the gutter
LANE_STEP = 6.0
CORNER = 6.0  # radius of a link's bends
# Under C-space, links may run on lanes just below the lowest box: keep clear of them.
BELOW_LANES = LEGEND_GAP + (SPREAD + 2) * LANE_STEP
_CARDS = CardCache()  # one per process, as the text measure: cards of unchanged nodes


@dataclass(frozen=True, slots=True)
class MapOptions:
    space: str = "both"  # "c", "k" or "both"
    orientation: str = "down"  # or "right"
    collapsed: frozenset[str] = field(default_factory=frozenset)
    legend: bool = True


@dataclass(slots=True)
class Placed:
    """Cards and their boxes for one space, with the tree that joins them."""

    cards: dict[str, Card]
    boxes: dict[str, Box]
    parents: dict[str, str | None]


@dataclass(frozen=True, slots=True)
class Layout:
    """Every box measured and placed: the positions all renderers share."""

    c_space: Placed | None
    k_space: Placed | None
    gutter: float
    right: float  # the right edge of the rightmost box
    bottom: float  # the bottom edge of the lowest box


def layout_spaces(
    session: Session,
    options: MapOptions = MapOptions(),
    style: Style = DEFAULT_STYLE,
    measure: TextMeasure | None = None,
) -> Layout:
    """C-space and K-space laid out side by side, a gutter between them."""
    with collector_paused():
        return _layout_spaces(session, options, style, measure or shared_measure())


def _layout_spaces(
    session: Session, options: MapOptions, style: Style, measure: TextMeasure
) -> Layout:
    labels = labels_for(session.meta.language)
    top = style.margin + HEADER
    right = style.margin
    theme_colors = tuple((theme.id, theme.color) for theme in session.themes)
    _CARDS.use(style, measure, session.meta.language, theme_colors)
    c_space = k_space = None
    if options.space in ("c", "both"):
        c_space = _place_concepts(session, options, style, measure, labels, style.margin, top)
        right = _right(c_space.boxes.values(), right)
    # More links, a wider gutter: their S-curves cross less steeply.
    gutter = style.gutter + min(150.0, 3.0 * len(session.links))
    if options.space in ("k", "both"):
        k_left = right + gutter if c_space else style.margin
        k_space = _place_knowledge(session, options, style, measure, labels, k_left, top)
        right = _right(k_space.boxes.values(), right)
    placed = [p for p in (c_space, k_space) if p is not None]
    bottom = max([top, *(b.y + b.h for p in placed for b in p.boxes.values())])
    return Layout(c_space, k_space, gutter, right, bottom)


def build_map(
    session: Session,
    options: MapOptions = MapOptions(),
    style: Style = DEFAULT_STYLE,
    measure: TextMeasure | None = None,
) -> Drawing:
    """The drawing of a session's C-K map, computed once for every renderer; the dots of
    a vote not revealed yet are left out (`hidden`), as the editor leaves them out."""
    with collector_paused():
        return _build_map(without_hidden_votes(session), options, style,
                          measure or shared_measure())  # fmt: skip


def _build_map(
    session: Session, options: MapOptions, style: Style, measure: TextMeasure
) -> Drawing:
    parts = _build_parts(session, options, style, measure)
    layout = parts.layout
    items: list[Item] = []
    for placed, edges, marks in (
        (layout.c_space, parts.c_edges, parts.c_marks),
        (layout.k_space, parts.k_edges, parts.k_marks),
    ):
        if placed is not None:
            items += edges
            items += [placed.cards[i].group_at(b.x, b.y, style) for i, b in placed.boxes.items()]
            items += marks
    items += route_links(session, layout, style)
    items += parts.decorations
    return Drawing(
        width=parts.width,
        height=parts.height,
        background=style.background,
        title=session.meta.title,
        font_family=FAMILY,
        items=tuple(items),
    )


@dataclass(frozen=True, slots=True)
class MapParts:
    """The map drawing but its links, in pieces an editor can redraw one by one.

    Routing links is the slow part of a drawing (lanes around every box), so
    the editor routes them apart (`route_links`), after the boxes are shown.
    """

    layout: Layout
    c_edges: tuple[Path, ...]
    k_edges: tuple[Path, ...]
    c_marks: tuple[Text, ...]  # "+N" beside collapsed nodes
    k_marks: tuple[Text, ...]
    decorations: tuple[Item, ...]  # space headers and legend
    width: float
    height: float


def build_parts(
    session: Session,
    options: MapOptions = MapOptions(),
    style: Style = DEFAULT_STYLE,
    measure: TextMeasure | None = None,
    edges: bool = True,
) -> MapParts:
    """Everything `build_map` draws except the links, each piece apart.

    With `edges` False the tree edges are left out (an editor draws only the
    visible ones, with `edge_path`).
    """
    with collector_paused():
        return _build_parts(session, options, style, measure or shared_measure(), edges)


def _build_parts(
    session: Session, options: MapOptions, style: Style, measure: TextMeasure, with_edges=True
) -> MapParts:
    labels = labels_for(session.meta.language)
    layout = _layout_spaces(session, options, style, measure)
    c_space, k_space = layout.c_space, layout.k_space
    empty: tuple = ()

    def edges(placed: Placed | None) -> tuple[Path, ...]:
        if placed is None or not with_edges:
            return empty
        return tuple(_edges(placed, session, options, style))

    def marks(placed: Placed | None) -> tuple[Text, ...]:
        return empty if placed is None else tuple(_collapsed_marks(placed, options, style))

    headers = _headers(c_space, k_space, labels, style)
    decorations: list[Item] = list(headers)
    right = max([layout.right, *(h.x + measure.width(h.lines[0], h.size, True) for h in headers)])
    width, bottom = right + style.margin, layout.bottom
    if options.legend:
        legend, width, bottom = _legend(session, labels, style, measure, layout, width)
        decorations += legend
    return MapParts(
        layout,
        edges(c_space),
        edges(k_space),
        marks(c_space),
        marks(k_space),
        tuple(decorations),
        width,
        bottom + style.margin,
    )


def route_links(session: Session, layout: Layout, style: Style = DEFAULT_STYLE) -> list[Item]:
    """Each link's line and arrowhead, routed around the boxes of `layout`."""
    if layout.c_space is None or layout.k_space is None:
        return []
    with collector_paused():
        return _links(session, layout.c_space, layout.k_space, layout.gutter, style)


def _right(boxes: Iterable[Box], at_least: float) -> float:
    return max([at_least, *(box.x + box.w for box in boxes)])


def _children(nodes: Iterable) -> dict[str | None, list[str]]:
    children: dict[str | None, list[str]] = {}
    for node in nodes:
        children.setdefault(node.parent, []).append(node.id)
    return children


def use_cards(session: Session, style: Style, measure: TextMeasure) -> None:
    """Set the card cache up for this session's language and themes (and style)."""
    theme_colors = tuple((theme.id, theme.color) for theme in session.themes)
    _CARDS.use(style, measure, session.meta.language, theme_colors)


def card_for(
    node: Concept | KnowledgeItem,
    special: bool,
    themes: dict[str, Theme],
    labels: dict[str, str],
    style: Style,
    measure: TextMeasure,
) -> Card:
    """One node's card, as the map draws it (`special`: C0, or a pocket of knowledge).

    Call `use_cards` first; unchanged nodes get their cached card. `themes` are
    the session's by id, `labels` those of its language (`labels_for`).
    """
    if isinstance(node, Concept):
        return _CARDS.card(
            node, special, lambda: concept_card(node, special, themes, labels, style, measure)
        )
    return _CARDS.card(node, special, lambda: knowledge_card(node, special, labels, style, measure))


def _place_concepts(session, options, style, measure, labels, left, top) -> Placed:
    themes = {theme.id: theme for theme in session.themes}
    root = next(c.id for c in session.concepts if c.parent is None)
    cards = {
        c.id: _CARDS.card(
            c,
            c.id == root,
            lambda c=c: concept_card(c, c.id == root, themes, labels, style, measure),
        )
        for c in session.concepts
    }
    sizes = {ref: (card.w, card.h) for ref, card in cards.items()}
    boxes = _tidy(root, _children(session.concepts), sizes, options, style, (left, top))
    parents = {c.id: c.parent for c in session.concepts}
    return Placed(cards, boxes, parents)


def _place_knowledge(session, options, style, measure, labels, left, top) -> Placed:
    children = _children(session.knowledge)
    cards = {}
    for k in session.knowledge:
        pocket = k.parent is None and k.id in children
        make = lambda k=k, pocket=pocket: knowledge_card(k, pocket, labels, style, measure)  # noqa: E731
        cards[k.id] = _CARDS.card(k, pocket, make)
    sizes = {ref: (card.w, card.h) for ref, card in cards.items()}
    boxes: dict[str, Box] = {}
    y = top
    for pocket in children.get(None, []):
        tree = _tidy(pocket, children, sizes, options, style, (left, y))
        boxes.update(tree)
        y = max(b.y + b.h for b in tree.values()) + style.pocket_gap
    return Placed(cards, boxes, {k.id: k.parent for k in session.knowledge})


def _tidy(root, children, sizes, options, style, origin) -> dict[str, Box]:
    return tidy_layout(
        root,
        children,
        sizes,
        gap=style.sibling_gap,
        level_gap=style.level_gap,
        orientation=options.orientation,
        collapsed=options.collapsed,
        origin=origin,
    )


def _edges(placed: Placed, session: Session, options: MapOptions, style: Style) -> list[Path]:
    """Parent-to-child curves; in C-space their weight and dash tell the partition kind."""
    partitions = {c.id: c.partition for c in session.concepts}
    edges = []
    for ref in placed.boxes:
        edge = edge_path(placed, ref, ref in partitions, partitions.get(ref), options, style)
        if edge is not None:
            edges.append(edge)
    return edges


def edge_path(
    placed: Placed,
    ref: str,
    in_c: bool,
    partition: str | None,
    options: MapOptions,
    style: Style = DEFAULT_STYLE,
) -> Path | None:
    """The curve from a node's parent to the node (None for a root): one edge of `_edges`."""
    parent = placed.parents[ref]
    if parent is None or parent not in placed.boxes:
        return None
    box = placed.boxes[ref]
    return tree_edge(ref, placed.boxes[parent], box, in_c, partition, options.orientation, style)


def tree_edge(
    ref: str,
    parent: Box,
    child: Box,
    in_c: bool,
    partition: str | None,
    orientation: str,
    style: Style = DEFAULT_STYLE,
) -> Path:
    """The curve from a parent's box to its child's; in C-space weight and dash tell
    the partition kind."""
    start, segments = _tree_curve(parent, child, orientation)
    width = style.partition_width[partition] if in_c else 1.0
    dash = style.partition_dash[partition] if in_c else ()
    return Path(start, segments, style.edge, width, dash, role="edge", ref=ref)


def _tree_curve(parent: Box, child: Box, orientation: str):
    if orientation == "right":
        start = (parent.x + parent.w, parent.y + parent.h / 2)
        end = (child.x, child.y + child.h / 2)
        middle = (start[0] + end[0]) / 2
        return start, (("C", middle, start[1], middle, end[1], *end),)
    start = (parent.x + parent.w / 2, parent.y + parent.h)
    end = (child.x + child.w / 2, child.y)
    middle = (start[1] + end[1]) / 2
    return start, (("C", start[0], middle, end[0], middle, *end),)


def _collapsed_marks(placed: Placed, options: MapOptions, style: Style) -> list[Text]:
    """A "+N" beside each collapsed node: how many descendants it hides."""
    if not options.collapsed:
        return []
    children: dict[str | None, list[str]] = {}
    for ref, parent in placed.parents.items():
        children.setdefault(parent, []).append(ref)
    marks = []
    for ref in placed.boxes:
        if ref not in options.collapsed or ref not in children:
            continue
        count, stack = 0, list(children[ref])
        while stack:
            count += 1
            stack.extend(children.get(stack.pop(), ()))
        marks.append(collapsed_mark(ref, placed.boxes[ref], count, options.orientation, style))
    return marks


def collapsed_mark(ref: str, box: Box, count: int, orientation: str, style: Style) -> Text:
    """The "+N" beside a collapsed node: how many descendants it hides."""
    x, y = (box.x + box.w + 4, box.y + box.h / 2 + 3)
    if orientation == "down":
        x, y = box.x + box.w / 2, box.y + box.h + style.small_size + 2
    return Text(x, y, (f"+{count}",), style.small_size, style.faint_ink, 0, True,
                anchor="middle" if orientation == "down" else "start",
                role="collapsed", ref=ref)  # fmt: skip


def _visible(ref: str, placed: Placed) -> str:
    """The node itself, or its nearest ancestor that is drawn (the rest is collapsed)."""
    while ref not in placed.boxes:
        ref = placed.parents[ref]
    return ref


def _links(
    session: Session, c_space: Placed, k_space: Placed, gutter: float, style: Style
) -> list[Item]:
    items: list[Item] = []
    for _, paths in iter_link_routes(session, c_space, k_space, gutter, style):
        items += paths
    return items


def iter_link_routes(
    session: Session, c_space: Placed, k_space: Placed, gutter: float, style: Style
) -> Iterator[tuple[str, list[Path]]]:
    """Each link's id with its line and arrowhead, one link at a time.

    A generator so that an editor can route a big map a slice at a time
    between keystrokes; the lanes are computed before the first link.
    """
    # Rounded to a millionth: the editor's live layout places boxes to within 1e-10
    # of the full layout, and a lane tie must fall the same way for both.
    c_space = Placed(c_space.cards, _rounded(c_space.boxes), c_space.parents)
    k_space = Placed(k_space.cards, _rounded(k_space.boxes), k_space.parents)
    c_lanes = Lanes([_area(b) for b in c_space.boxes.values()], LANE_STEP, 3.0)
    k_lanes = Lanes([_area(b) for b in k_space.boxes.values()], LANE_STEP, 3.0)
    c_edge = max(b.x + b.w for b in c_space.boxes.values())
    k_edge = c_edge + gutter
    ends = {
        link.id: (_visible(link.concept, c_space), _visible(link.knowledge, k_space))
        for link in session.links
    }
    c_ports = _ports(ends, c_space.boxes, k_space.boxes, 0)
    k_ports = _ports(ends, k_space.boxes, c_space.boxes, 1)
    for link in session.links:
        concept_ref, item_ref = ends[link.id]
        concept, item = _area(c_space.boxes[concept_ref]), _area(k_space.boxes[item_ref])
        points_c = _concept_side(concept, c_ports[link.id], c_lanes, c_edge, style)
        points_k = _knowledge_side(item, k_ports[link.id], k_lanes, k_edge, style)
        start, segments = _join(points_c, points_k)
        if link.kind == "k_to_c":
            start, segments = reverse(start, segments)
        yield link.id, _arrow_path(start, segments, link.id, style.link_colors[link.kind],
                                   style.link_dash[link.kind])  # fmt: skip


def _rounded(boxes: dict[str, Box]) -> dict[str, Box]:
    return {
        ref: Box(round(b.x, 6), round(b.y, 6), round(b.w, 6), round(b.h, 6))
        for ref, b in boxes.items()
    }


def _area(box: Box) -> Area:
    return Area(box.x, box.y, box.w, box.h)


def _ports(ends, own: dict[str, Box], other: dict[str, Box], side: int) -> dict[str, float]:
    """Where each link meets its box: spread along the side, in the order of the far ends.

    Links of one box then leave it apart, and in an order that does not make
    them cross each other on their way.
    """
    by_box: dict[str, list[tuple[float, str]]] = {}
    for link_id, pair in ends.items():
        far = other[pair[1 - side]]
        by_box.setdefault(pair[side], []).append((far.y + far.h / 2, link_id))
    ports = {}
    for ref, links in by_box.items():
        box = own[ref]
        for rank, (_, link_id) in enumerate(sorted(links)):
            ports[link_id] = box.y + box.h * (rank + 1) / (len(links) + 1)
    return ports


def _concept_side(box: Area, port: float, lanes: Lanes, c_edge: float, style: Style) -> list:
    """From the concept's right side to the right edge of C-space, along a free lane."""
    column = box.right + style.sibling_gap / 2
    lane = lanes.lane_right_of(port, column, box.right + lanes.clearance)
    if lane is None:
        detour = find_detour(lanes, (box.right, port), c_edge + LEAD)
        if detour is not None:
            return detour
    points = [(box.right, port)]
    if lane is not None and lane != port:
        points += [(column, port), (column, lane)]
    points.append((max(c_edge, points[-1][0]) + LEAD, port if lane is None else lane))
    return points


def _knowledge_side(box: Area, port: float, lanes: Lanes, k_edge: float, style: Style) -> list:
    """From the left edge of K-space to the item's left side, along a free lane."""
    column = box.x - style.sibling_gap / 2
    lane = lanes.lane_left_of(port, column, box.x - lanes.clearance)
    if lane is None:
        detour = find_detour(lanes, (box.x, port), k_edge - LEAD)
        if detour is not None:
            return detour[::-1]
    points = [(k_edge - LEAD, port if lane is None else lane)]
    if lane is not None and lane != port:
        points += [(column, lane), (column, port)]
    points.append((box.x, port))
    return points


def _join(points_c: list[tuple], points_k: list[tuple]):
    """Both sides rounded, joined by an S across the gutter with level ends.

    The rounding spares the straight run at each box, where an arrowhead may sit.
    """
    start, segments = rounded(points_c, CORNER, keep=ARROW + 2)
    (x0, y0), (x1, y1) = points_c[-1], points_k[0]
    middle = (x0 + x1) / 2
    segments.append(("C", middle, y0, middle, y1, x1, y1))
    _, k_segments = rounded(points_k, CORNER, keep=ARROW + 2)
    return start, segments + k_segments


def _arrow_path(start, segments, ref: str, color: str, dash) -> list[Path]:
    """The link's line, stopped short of its end, and a solid arrowhead there."""
    tip, before = end_direction(start, segments)
    head = badges.arrowhead(tip, before, ARROW)
    back = ((head[1][0] + head[2][0]) / 2, (head[1][1] + head[2][1]) / 2)
    line = [*segments[:-1], (*segments[-1][:-2], *back)]
    triangle = tuple(("L", x, y) for x, y in [*head[1:], head[0]])
    return [
        Path(start, tuple(line), color, 1.4, dash, role="link", ref=ref),
        Path(head[0], triangle, color, 0.5, fill=color, role="arrow", ref=ref),
    ]


def _headers(c_space, k_space, labels, style) -> list[Text]:
    lefts = {}
    for placed, key in ((c_space, "c_space"), (k_space, "k_space")):
        if placed is not None and placed.boxes:
            lefts[key] = min(b.x for b in placed.boxes.values())
    return headers(lefts, labels, style)


def headers(lefts: dict[str, float], labels: dict[str, str], style: Style) -> list[Text]:
    """ "C-space" / "K-space" above each space, from its left edge (by "c_space"/"k_space")."""
    size = max(12.0, style.text_size)  # never under the map text (the projector's least)
    return [
        Text(left, style.margin + 12, (labels[key],), size, style.faint_ink, 0, True,
             role="header")
        for key, left in lefts.items()
    ]  # fmt: skip


def _legend(session, labels, style, measure, layout: Layout, width: float):
    """The legend under C-space when it fits there beside a taller K-space, else under all."""
    c_space, k_space = layout.c_space, layout.k_space
    c_bottom = c_right = None
    if c_space and k_space:
        c_bottom = max(b.y + b.h for b in c_space.boxes.values())
        c_right = max(b.x + b.w for b in c_space.boxes.values())
    return legend_block(session, labels, style, measure, c_bottom, c_right, layout.bottom, width)


def legend_block(
    session: Session,
    labels: dict[str, str],
    style: Style,
    measure: TextMeasure,
    c_bottom: float | None,
    c_right: float | None,
    bottom: float,
    width: float,
    marked: frozenset[str] = frozenset(),
) -> tuple[list[Item], float, float]:
    """The legend's items, and the map's width and bottom with it (`marked`: themes
    highlighted on the map).

    Under C-space (given its bottom and right edge when K-space is beside it)
    if it fits there, beside a taller K-space; else under everything.
    """
    if c_bottom is not None and c_right is not None:
        c_width = c_right - style.margin
        items, legend_width, legend_bottom = legend_items(
            session, labels, style, measure, style.margin, c_bottom + BELOW_LANES, c_width, marked
        )
        if legend_bottom <= bottom and legend_width <= c_width:
            return items, width, bottom
    items, legend_width, legend_bottom = legend_items(
        session, labels, style, measure, style.margin, bottom + LEGEND_GAP,
        max(width - 2 * style.margin, 520.0), marked,
    )  # fmt: skip
    return items, max(width, style.margin * 2 + legend_width), legend_bottom
