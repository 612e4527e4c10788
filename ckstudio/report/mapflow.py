"""The C-K map in the report: whole on one page if it is legible there, else split by branch.

A printed map is only worth its pages if its text can be read: nothing is
drawn under `MIN_TEXT` points. A map too big for one page at that size gets

* an **overview** page: each main branch (a child of C0, a K pocket) drawn
  alone on a tinted band under its badge C1, C2... K1... (boxes and tree
  edges, no text: it would be dust), the bands down columns that fill the
  page; a key gives each branch's first words, size and page(s), and the
  map's legend (the SVG's, at >= 7 pt) is under the key or under the bands;
* then each main branch **on its own pages**, laid out alone with the map's
  own cards, tidy layout and edges at a legible scale. A branch too big for a
  page shows its top levels as deep as fit; each node whose children did not
  fit says "→ p. N" (every page they are on: "→ p. 22–23"), and its subtree
  follows, split the same way. Parts share pages by shelf packing, each under
  its caption (branch, "suite k/n", path, "← p. M"). A family with more
  children than a page holds is the one thing that cannot be split at a
  child: its children are cut into consecutive runs, the parent repeated over
  each ("suite 2/3").

C-K links are not drawn: on the overview the branches are rearranged into
columns, and on branch pages a line to another page cannot be followed; they
are read in the report's "C-K links" chapter, in words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ckstudio.layout.ckmap import card_for, tree_edge, use_cards
from ckstudio.layout.drawing import Drawing, Group, Item, Path, Rect, Text
from ckstudio.layout.fonts import TextMeasure
from ckstudio.layout.labels import labels_for
from ckstudio.layout.legend import legend_items
from ckstudio.layout.style import DEFAULT_STYLE, Style
from ckstudio.layout.tidy import Box, tidy_layout
from ckstudio.model.session import Session
from ckstudio.report.pages import draw_runs, fit, page_link
from ckstudio.report.pdfdraw import Missing, PdfPainter, background

MIN_TEXT = 7.0  # points: the smallest text a reader of the printed report can read
LABEL = 8.0  # points: page references, captions and the overview's key
TITLE = 11.0  # points: a branch page's title
TITLE_ROW = 2.0  # points above a branch page's first caption (no page title)
CAPTION_ROW = 13.0  # points above each piece for the path that leads to it
PIECE_GAP = 14.0  # points between two pieces stacked on a page
REF_ROOM = 48.0  # points right of a box for its "→ p. N"
NODES = ("c0", "concept", "knowledge", "pocket")  # the groups that are nodes
# The overview's lines: tree edges and C-K links with their heads. Not the legend's
# symbols (its text would be far under 7 points: its symbols alone were stray dots).
LINES = ("edge", "link", "arrow")
TINTS = ("#DCE9F7", "#F6E3CF", "#DDEFD9", "#EEDDF2", "#F7F0C8", "#DDEEEE")
BADGE = "#1F5FAF"
INK = "#1A1A1A"
FAINT = "#5F5F5F"


def smallest_text(drawing: Drawing) -> float:
    sizes = [item.size for item in _texts(drawing.items)]
    return min(sizes, default=MIN_TEXT)


def _texts(items: tuple[Item, ...]) -> Iterator[Text]:
    for item in items:
        if isinstance(item, Group):
            yield from _texts(item.items)
        elif isinstance(item, Text):
            yield item


# -- the plan: which node goes on which page ------------------------------------------


@dataclass
class Piece:
    """A subtree drawn on a branch page: `shown` children per node, the rest elsewhere."""

    key: str  # the bookmark of its page once placed
    root: str
    shown: dict[str, list[str]]
    frontier: list[str]  # nodes drawn here whose children follow on other pages
    path: list[str]  # ancestors from the branch's root to the parent of `root`
    via: str | None  # the key of the piece that refers to this one
    part: tuple[int, int] | None = None  # (k, n) for a family cut into runs
    boxes: dict[str, Box] = field(default_factory=dict)
    width: float = 0.0
    height: float = 0.0


@dataclass(eq=False)  # hashed by identity: a page lists its branches
class Branch:
    """A main branch (a child of C0, a K pocket): its name, nodes and pieces."""

    name: str  # C1, C2..., K1...
    root: str
    nodes: list[str]  # the branch's nodes, its root first
    pieces: list[Piece] = field(default_factory=list)


@dataclass
class Spot:
    """A piece placed on a page: top-left of its caption, in drawing units."""

    branch: Branch
    piece: Piece
    x: float
    y: float


EXACT = 400  # nodes: up to this size a subtree's fit is checked by laying it out


class Planner:
    """Cuts the trees into pieces that fit a page of `width` x `height` drawing units."""

    def __init__(self, children: dict[str, list[str]], sizes: dict[str, tuple[float, float]],
                 width: float, height: float, ref_room: float, style: Style) -> None:  # fmt: skip
        self.children, self.sizes = children, sizes
        self.width, self.height, self.ref_room, self.style = width, height, ref_room, style
        self.serial = 0

    def extent(self, root: str, shown: dict[str, list[str]]) -> tuple[float, float]:
        """A bound on the size of the tidy layout of `root` and its `shown` descendants:
        the subtrees stacked, never packed closer (cheap, for big subtrees)."""
        order, stack = [], [root]
        while stack:
            node = stack.pop()
            order.append(node)
            stack.extend(shown.get(node, ()))
        extents: dict[str, tuple[float, float]] = {}
        gap, level_gap = self.style.sibling_gap, self.style.level_gap
        for node in reversed(order):
            w, h = self.sizes[node]
            drawn = shown.get(node, ())
            if drawn:
                widths, heights = zip(*(extents[k] for k in drawn), strict=True)
                w += level_gap + max(widths)
                h = max(h, sum(heights) + gap * (len(drawn) - 1))
            if len(drawn) < len(self.children.get(node, ())):
                w += self.ref_room
            extents[node] = (w, h)
        return extents[root]

    def fits(self, root: str, shown: dict[str, list[str]]) -> bool:
        """Whether `root` with its `shown` descendants fits a page: by the bound, else
        (small subtrees) by the tidy layout itself, which packs closer."""
        w, h = self.extent(root, shown)
        if w <= self.width and h <= self.height:
            return True
        if 1 + sum(map(len, shown.values())) > EXACT:
            return False
        _, w, h = self._layout(root, shown)
        return w <= self.width and h <= self.height

    def pieces(self, root: str, path: list[str], via: str | None) -> list[Piece]:
        """`root`'s subtree as pieces, in reading order (a piece, then what it refers to).

        A node alone bigger than a page (a very long text) still gets its piece:
        its page then shrinks it to fit (see `MapPage`).
        """
        whole = self.shown_below(root, None)
        if not whole or self.fits(root, whole):
            return [self._piece(root, whole, path, via)]
        depth = 0
        while self.fits(root, self.shown_below(root, depth + 1)):
            depth += 1
        if depth == 0:
            return self._runs(root, path, via)
        piece = self._piece(root, self.shown_below(root, depth), path, via)
        found = [piece]
        for node in piece.frontier:
            found += self.pieces(node, [*path, *self._between(piece, node)], piece.key)
        return found

    def _runs(self, root: str, path: list[str], via: str | None) -> list[Piece]:
        """A family too big for a page: its children in consecutive runs that fit."""
        runs: list[list[str]] = [[]]
        for kid in self.children[root]:
            if runs[-1] and not self.fits(root, {root: [*runs[-1], kid]}):
                runs.append([kid])
            else:
                runs[-1].append(kid)
        found = []
        pieces = [self._piece(root, {root: run}, path, via) for run in runs]
        for index, piece in enumerate(pieces, 1):
            piece.part = (index, len(runs))
            found.append(piece)
            for node in piece.frontier:
                found += self.pieces(node, [*path, root], piece.key)
        return found

    def shown_below(self, root: str, depth: int | None) -> dict[str, list[str]]:
        """The children of every node down to `depth` levels under `root` (None: all)."""
        shown, stack = {}, [(root, 0)]
        while stack:
            node, level = stack.pop()
            kids = self.children.get(node, [])
            if kids and (depth is None or level < depth):
                shown[node] = kids
                stack.extend((kid, level + 1) for kid in kids)
        return shown

    def _between(self, piece: Piece, node: str) -> list[str]:
        """The nodes of `piece` from its root down to `node`'s parent."""
        parents = {kid: parent for parent, kids in piece.shown.items() for kid in kids}
        chain = []
        while node in parents:
            node = parents[node]
            chain.append(node)
        return chain[::-1]

    def _layout(self, root: str, shown: dict[str, list[str]]):
        """The tidy layout of the piece, moved to (0, 0), with its width and height
        (room for the "→ p. N" right of nodes whose children are elsewhere)."""
        drawn = [root, *(kid for kids in shown.values() for kid in kids)]
        boxes = tidy_layout(root, shown, {n: self.sizes[n] for n in drawn},
                            gap=self.style.sibling_gap, level_gap=self.style.level_gap,
                            orientation="right")  # fmt: skip
        left = min(b.x for b in boxes.values())
        top = min(b.y for b in boxes.values())
        boxes = {n: Box(b.x - left, b.y - top, b.w, b.h) for n, b in boxes.items()}
        cut = {n for n in drawn if len(shown.get(n, ())) < len(self.children.get(n, ()))}
        right = max(b.x + b.w + (self.ref_room if n in cut else 0) for n, b in boxes.items())
        return boxes, right, max(b.y + b.h for b in boxes.values())

    def _piece(self, root: str, shown: dict[str, list[str]], path: list[str],
               via: str | None) -> Piece:  # fmt: skip
        self.serial += 1
        frontier = [n for n in _preorder(root, shown) if self.children.get(n) and n not in shown]
        boxes, width, height = self._layout(root, shown)
        return Piece(f"map-piece-{self.serial}", root, shown, frontier, path, via, None, boxes,
                     width, height)  # fmt: skip


def _preorder(root: str, shown: dict[str, list[str]]) -> list[str]:
    order, stack = [], [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(reversed(shown.get(node, [])))
    return order


def _pack(branches: list[Branch], width: float, height: float, caption: float,
          gap: float) -> list[list[Spot]]:  # fmt: skip
    """The pieces onto pages in reading order, a simple shelf packing: each piece goes
    under the first column of the current page with room for it (as wide as the
    column, or the last column if the page is wide enough), else in a new column
    beside the others, else on a new page."""
    pages: list[list[Spot]] = []
    columns: list[list[float]] = []  # the current page's columns: [x, width, bottom]
    for branch in branches:
        for piece in branch.pieces:
            need = caption + piece.height
            spot = None
            for index, column in enumerate(columns):
                x, wide, bottom = column
                last = index == len(columns) - 1
                if bottom + gap + need <= height and (
                    piece.width <= wide or (last and x + piece.width <= width)
                ):
                    spot = (x, bottom + gap)
                    column[1], column[2] = max(wide, piece.width), bottom + gap + need
                    break
            if spot is None and columns:
                x = columns[-1][0] + columns[-1][1] + gap
                if x + piece.width <= width and need <= height:
                    spot = (x, 0.0)
                    columns.append([x, piece.width, need])
            if spot is None:
                pages.append([])
                spot = (0.0, 0.0)
                columns = [[0.0, piece.width, need]]
            pages[-1].append(Spot(branch, piece, *spot))
    return pages


@dataclass
class MapPlan:
    """What the split map draws: the branches, their pieces placed on pages, the cards."""

    branches: list[Branch]
    pages: list[list[Spot]]
    cards: dict
    scale: float
    partitions: dict[str, str | None]  # of each concept: its edge's weight and dash
    first_piece: dict[str, str] = field(default_factory=dict)  # node: its subtree's key
    # node: the keys of every piece it heads (several: a family cut into runs)
    parts: dict[str, list[str]] = field(default_factory=dict)
    numbers: dict[str, str] = field(default_factory=dict)  # node: "C1.3.2"
    legend: Callable[[float], tuple[list[Item], float, float]] | None = None

    def page_count(self) -> int:
        return len(self.pages)

    def refs(self, node: str) -> list[str]:
        """The keys of the pieces holding `node`'s children: "→ p. N" names them all."""
        return self.parts.get(node) or [self.first_piece[node]]


def plan_map(session: Session, width: float, height: float, scale: float,
             measure: TextMeasure, style: Style = DEFAULT_STYLE) -> MapPlan:  # fmt: skip
    """Each main branch cut into pieces, packed on pages of `width` x `height` points
    drawn at `scale`."""
    use_cards(session, style, measure)
    labels = labels_for(session.meta.language)
    themes = {t.id: t for t in session.themes}
    k_children: dict[str, list[str]] = {}
    for k in session.knowledge:
        if k.parent is not None:
            k_children.setdefault(k.parent, []).append(k.id)
    cards = {c.id: card_for(c, False, themes, labels, style, measure) for c in session.concepts}
    for k in session.knowledge:
        pocket = k.parent is None and k.id in k_children
        cards[k.id] = card_for(k, pocket, themes, labels, style, measure)
    children: dict[str, list[str]] = dict(k_children)
    for c in session.concepts:
        if c.parent is not None:
            children.setdefault(c.parent, []).append(c.id)
    sizes = {ref: (card.w, card.h) for ref, card in cards.items()}
    usable = (height - TITLE_ROW) / scale
    planner = Planner(children, sizes, width / scale, usable - CAPTION_ROW / scale,
                      REF_ROOM / scale, style)  # fmt: skip
    c0 = next(c.id for c in session.concepts if c.parent is None)
    roots = [("C", r) for r in children.get(c0, [])]
    roots += [("K", k.id) for k in session.knowledge if k.parent is None]
    branches, counters = [], {"C": 0, "K": 0}
    for space, root in roots:
        counters[space] += 1
        nodes = _preorder(root, planner.shown_below(root, None))
        branch = Branch(f"{space}{counters[space]}", root, nodes)
        branch.pieces = planner.pieces(root, [], None)
        branches.append(branch)
    pages = _pack(branches, width / scale, usable, CAPTION_ROW / scale, PIECE_GAP / scale)
    plan = MapPlan(branches, pages, cards, scale, {c.id: c.partition for c in session.concepts})
    for branch in branches:
        for piece in branch.pieces:
            plan.first_piece.setdefault(piece.root, piece.key)
            plan.parts.setdefault(piece.root, []).append(piece.key)
        plan.numbers[branch.root] = branch.name
        for node in branch.nodes:  # preorder: a parent is numbered before its children
            for index, kid in enumerate(children.get(node, ()), 1):
                plan.numbers[kid] = f"{plan.numbers[node]}.{index}"

    def legend(max_width: float) -> tuple[list[Item], float, float]:
        return legend_items(session, labels, style, measure, 0.0, 0.0, max_width)

    plan.legend = legend
    return plan


# -- drawing ---------------------------------------------------------------------------


class WholeMap(Flowable):
    """The whole shared drawing on one page, scaled to the frame (text stays >= 7 pt)."""

    def __init__(self, drawing: Drawing, scale: float, measure: TextMeasure,
                 missing: Missing) -> None:  # fmt: skip
        super().__init__()
        self.drawing, self.scale, self.measure, self.missing = drawing, scale, measure, missing
        self.width, self.height = drawing.width * scale, drawing.height * scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        painter = PdfPainter(self.canv, self.measure, self.missing)
        painter.paint((background(self.drawing), *self.drawing.items), self.scale, 0,
                      self.height)  # fmt: skip


def outline(drawing: Drawing) -> list[Item]:
    """What the overview draws of the map: each node's box, the tree edges and the C-K
    links; no text and no legend."""
    shapes: list[Item] = []
    for item in drawing.items:
        if isinstance(item, Group) and item.role in NODES:
            shapes.append(next(i for i in item.items if isinstance(i, Rect)))
        elif isinstance(item, Path) and item.role in LINES:
            shapes.append(item)
    return shapes


def page_list(numbers: list[int]) -> str:
    """Pages as a reader writes them: "22", "22–23", "22–24, 30"."""
    found: list[str] = []
    shown = sorted(set(numbers))
    start = 0
    for index in range(1, len(shown) + 1):
        if index == len(shown) or shown[index] != shown[index - 1] + 1:
            first, last = shown[start], shown[index - 1]
            found.append(str(first) if first == last else f"{first}\u2013{last}")
            start = index
    return ", ".join(found)


def _late_text(text: str, x: float, y: float, key: str | list[str], bold: bool, color: str,
               measure: TextMeasure, missing: Missing,
               anchor: str = "start") -> Callable:  # fmt: skip
    """Text naming the page of bookmark `key` ("{n}" in `text`; several keys: all their
    pages, "22–23"), clickable to the first."""
    keys = [key] if isinstance(key, str) else key

    def draw(canvas: Canvas, pages: dict[str, int]) -> None:
        shown = text.format(n=page_list([pages[k] for k in keys]))
        width = measure.width(shown, LABEL, bold)
        left = x - width if anchor == "end" else x
        draw_runs(canvas, shown, left, y, LABEL, bold, measure, missing, color)
        page_link(canvas, keys[0], (left, y - 2, left + width, y + LABEL))

    return draw


class Overview(Flowable):
    """The whole map's shape with each main branch tinted and numbered, and their key.

    No text is drawn in the map: at this scale it would be far under 7 points.
    """

    KEY_WIDTH = 300.0
    LEADING = 11.0

    def __init__(self, drawing: Drawing, plan: MapPlan, words: dict[str, str],
                 texts: dict[str, str], fonts: tuple[str, str], measure: TextMeasure,
                 missing: Missing, rows: int) -> None:  # fmt: skip
        """`rows`: how many branches the key beside the map lists (the rest go on after)."""
        super().__init__()
        self.drawing, self.plan, self.words, self.texts = drawing, plan, words, texts
        self.fonts, self.measure, self.missing, self.rows = fonts, measure, missing, rows
        self.width = self.height = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, available_height
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        key = Key(self.plan.branches[: self.rows], self.words, self.texts,
                  self.fonts, self.measure, self.missing, self.KEY_WIDTH)  # fmt: skip
        key.wrap(self.KEY_WIDTH, self.height)
        key.drawOn(canvas, self.width - self.KEY_WIDTH, self.height - key.height)
        area_w = self.width - self.KEY_WIDTH - 24
        area_h = self.height
        if self.plan.legend is not None:  # in the key's column if it has room, else under
            items, _, bottom = self.plan.legend(self.KEY_WIDTH / LEGEND_SCALE)
            if key.height + 16 + bottom * LEGEND_SCALE <= self.height:
                x, top = self.width - self.KEY_WIDTH, self.height - key.height - 16
            else:
                items, _, bottom = self.plan.legend(area_w / LEGEND_SCALE)
                x, top = 0.0, bottom * LEGEND_SCALE
                area_h -= top + 12
            PdfPainter(canvas, self.measure, self.missing).paint(items, LEGEND_SCALE, x, top)
        self._bands(area_w, area_h)

    def _bands(self, area_w: float, area_h: float) -> None:
        """Each main branch's shape, in reading order, down columns that fill the area:
        a branch taller than a column goes on at the top of the next (its badge
        repeated), so that a long, narrow map is not squeezed into one strip."""
        drawing, canvas = self.drawing, self.canv
        boxes = drawing.boxes()
        edges: dict[str, list[Item]] = {}
        for item in drawing.items:
            if isinstance(item, Path) and item.role == "edge" and item.ref:
                edges.setdefault(item.ref, []).append(item)
        bands = []
        for index, branch in enumerate(self.plan.branches):
            rects = [boxes[n] for n in branch.nodes if n in boxes]
            if not rects:
                continue
            left, top = min(r.x for r in rects), min(r.y for r in rects)
            right, bottom = max(r.x + r.w for r in rects), max(r.y + r.h for r in rects)
            shapes: list[Item] = [e for n in branch.nodes[1:] for e in edges.get(n, ())]
            shapes += rects
            rows = sorted((r.y, r.y + r.h) for r in rects)
            bands.append((branch, TINTS[index % len(TINTS)], left, top, right, bottom,
                          shapes, rows))  # fmt: skip
        if not bands:
            return
        low, high = 1e-4, 1.0
        if _columns(bands, high, area_w, area_h) is None:
            for _ in range(30):  # the largest scale whose columns fit the area
                middle = (low + high) / 2
                if _columns(bands, middle, area_w, area_h) is None:
                    high = middle
                else:
                    low = middle
        else:
            low = high
        placed = _columns(bands, low, area_w, area_h) or []
        bold = self.fonts[1]
        painter = PdfPainter(canvas, self.measure, self.missing)
        for band, y0, y1, x, y in placed:  # y: top of the badge row, from the area's top
            branch, tint, left, _, right, _, shapes, _ = band
            top = self.height - y
            width = canvas.stringWidth(branch.name, bold, LABEL) + 4
            canvas.setFillColor(HexColor(BADGE))
            canvas.roundRect(x, top - BADGE_ROW + 1, width, BADGE_ROW - 2, 2, stroke=0, fill=1)
            canvas.setFillColorRGB(1, 1, 1)
            canvas.setFont(bold, LABEL)
            canvas.drawString(x + 2, top - BADGE_ROW + 4, branch.name)
            top -= BADGE_ROW
            high = (y1 - y0) * low
            canvas.saveState()
            clip = canvas.beginPath()
            clip.rect(x - 1, top - high - 1, (right - left) * low + 2, high + 2)
            canvas.clipPath(clip, stroke=0, fill=0)
            tinted = [Rect(left, y0, right - left, y1 - y0, tint, "none"), *shapes]
            painter.paint(tinted, low, x - left * low, top + y0 * low)
            canvas.restoreState()


BADGE_ROW = LABEL + 5  # points: the row over each band of the overview for its badge
BAND_GAP = 6.0  # points between two bands of the overview, and between its columns
LEGEND_SCALE = 7.2 / DEFAULT_STYLE.small_size  # the legend's smallest text at 7.2 pt


def _columns(bands: list, scale: float, width: float, height: float) -> list | None:
    """The bands at `scale` down columns of `height` points, in reading order, each
    cut where it no longer fits (between node rows where it can); None if the
    columns are wider than `width`. Each slice: (band, y0, y1, x, y) with y0, y1 in
    drawing units, (x, y) in points from the area's top-left."""
    placed, x, y, column = [], 0.0, 0.0, 0.0
    for band in bands:
        _, _, left, top, right, bottom, _, rows = band
        wide = (right - left) * scale
        start = top
        while start < bottom:
            room = (height - y - BADGE_ROW) / scale
            if room * scale < max(BADGE_ROW, 12.0) or (y > 0 and room < min(bottom - start, 40.0)):
                if y == 0:  # not even one slice fits a column at this scale
                    return None
                x, y, column = x + column + BAND_GAP, 0.0, 0.0
                continue
            end = min(bottom, start + room)
            if end < bottom:  # cut above a box the line would run through
                for row_top, row_bottom in rows:
                    if row_top < end < row_bottom and row_top > start:
                        end = row_top
            if end <= start:
                end = min(bottom, start + room)
            column = max(column, wide, 24.0)
            if x + column > width:
                return None
            placed.append((band, start, end, x, y))
            y += BADGE_ROW + (end - start) * scale + BAND_GAP
            start = end
    return placed


class Key(Flowable):
    """One line per main branch: its name, first words, size, and the page it starts on."""

    def __init__(self, branches: list[Branch], words: dict[str, str], texts: dict[str, str],
                 fonts: tuple[str, str], measure: TextMeasure, missing: Missing,
                 width: float) -> None:  # fmt: skip
        super().__init__()
        self.branches, self.words, self.texts, self.fonts = branches, words, texts, fonts
        self.measure, self.missing = measure, missing
        self.width, self.height = width, len(branches) * Overview.LEADING

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas, (regular, bold) = self.canv, self.fonts
        for row, branch in enumerate(self.branches):
            y = self.height - (row + 1) * Overview.LEADING + 3
            canvas.setFillColor(HexColor(BADGE))
            canvas.setFont(bold, LABEL)
            canvas.drawString(0, y, branch.name)
            count = len(branch.nodes)
            size = self.words["nodes"].format(n=count) if count > 1 else self.words["node"]
            room = self.width - 28 - 40 - self.measure.width(f" · {size}", LABEL, False)
            text = fit(self.texts[branch.root].replace("\n", " "), room, LABEL, False,
                       self.measure)  # fmt: skip
            used = draw_runs(canvas, text, 28, y, LABEL, False, self.measure, self.missing,
                             INK)  # fmt: skip
            canvas.setFillColor(HexColor(FAINT))
            canvas.setFont(regular, LABEL)
            canvas.drawString(28 + used, y, f" · {size}")
            right, base = canvas.absolutePosition(self.width, y)
            canvas.later(_late_text(self.words["page_ref"], right, base,
                                    [p.key for p in branch.pieces if p.root == branch.root],
                                    False, INK,
                                    self.measure, self.missing, anchor="end"))  # fmt: skip


class MapPage(Flowable):
    """One page of the split map: its pieces in columns, each under the path to it."""

    def __init__(self, plan: MapPlan, number: int, texts: dict[str, str],
                 words: dict[str, str], measure: TextMeasure, missing: Missing,
                 style: Style = DEFAULT_STYLE) -> None:  # fmt: skip
        super().__init__()
        self.plan, self.number, self.texts, self.words = plan, number, texts, words
        self.measure, self.missing, self.style = measure, missing, style
        self.spots = plan.pages[number]
        self.width = self.height = 0.0

    def _name(self, piece: Piece) -> str:
        """A piece's bookmark: its root's number and first words ("C1.3 · Une filière
        qui…"), and "suite k/n" for a run of a cut family."""
        text = " ".join(self.texts[piece.root].split())
        words = fit(text, 260, TITLE, True, self.measure)
        name = f"{self.plan.numbers.get(piece.root, '')} · {words}"
        if piece.part is not None:
            name += " (" + self.words["continued"].format(k=piece.part[0], n=piece.part[1]) + ")"
        return name

    def entries(self) -> list[str]:
        """The bookmarks of this page: one per piece on it, named by its root."""
        return [self._name(spot.piece) for spot in self.spots]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, available_height
        return self.width, self.height

    def draw(self) -> None:
        # No page title: the parts of a page each have their caption (a title joining
        # them was cut mid-word), and each part its bookmark.
        canvas = self.canv
        scale = self.plan.scale
        columns: dict[float, float] = {}
        for spot in self.spots:
            columns[spot.x] = max(columns.get(spot.x, 0.0), spot.piece.width)
        for spot in self.spots:
            piece = spot.piece
            canvas.bookmarkPage(piece.key)
            canvas.addOutlineEntry(self._name(piece), piece.key, level=1)
            left, top = spot.x * scale, self.height - TITLE_ROW - spot.y * scale
            room = max(columns[spot.x] * scale, 160.0)
            self._caption(spot, left, top - LABEL, room)
            top -= CAPTION_ROW
            # A single node taller or wider than the page is shrunk to fit it.
            fitted = min(scale, self.width / piece.width, top / piece.height)
            self._piece(piece, left, top, fitted)

    def _caption(self, spot: Spot, x: float, y: float, room: float) -> None:
        """The branch's name, "suite k/n" for a run of a cut family (first, so that
        shortening the path never drops it), the path to the piece, and the page
        that leads here."""
        piece = spot.piece
        head = spot.branch.name
        if piece.part is not None:
            head += " · " + self.words["continued"].format(k=piece.part[0], n=piece.part[1])
        path = [fit(" ".join(self.texts[n].split()), 120, LABEL, False, self.measure)
                for n in piece.path]  # fmt: skip
        back = f" ← {self.words['page_ref']}" if piece.via else ""
        room -= 40 if back else 0
        head_w = self.measure.width(head, LABEL, False)
        rest = fit(" › ".join(["", *path]), max(room - head_w, 0.0), LABEL, False,
                   self.measure) if path else ""  # fmt: skip
        text = head + (rest if rest != "…" else "")
        canvas = self.canv
        used = draw_runs(canvas, text, x, y, LABEL, False, self.measure, self.missing, FAINT)
        if piece.via:
            at_x, at_y = canvas.absolutePosition(x + used, y)
            canvas.later(_late_text(back, at_x, at_y, piece.via, False, FAINT, self.measure,
                                    self.missing))  # fmt: skip

    def _piece(self, piece: Piece, left: float, top: float, scale: float) -> None:
        canvas, style, cards = self.canv, self.style, self.plan.cards
        partitions = self.plan.partitions
        items: list[Item] = []
        for parent, kids in piece.shown.items():
            for kid in kids:
                items.append(tree_edge(kid, piece.boxes[parent], piece.boxes[kid],
                                       kid in partitions, partitions.get(kid), "right",
                                       style))  # fmt: skip
        for node, box in piece.boxes.items():
            items.append(cards[node].group_at(box.x, box.y, style))
        PdfPainter(canvas, self.measure, self.missing).paint(items, scale, left, top)
        for node in piece.frontier:
            box = piece.boxes[node]
            x, y = canvas.absolutePosition(
                left + (box.x + box.w) * scale + 4, top - (box.y + box.h / 2) * scale - LABEL / 3
            )
            canvas.later(_late_text(f"→ {self.words['page_ref']}", x, y, self.plan.refs(node),
                                    True, BADGE,
                                    self.measure, self.missing))  # fmt: skip
