"""A node's box before it has a place: its size, and how to draw it once placed.

The size depends only on the node and the style (text wrapped at the style's
width, badges, theme chips), which is what makes the tidy layout of a subtree
the same wherever the subtree stands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ckstudio.layout import badges
from ckstudio.layout.drawing import Group, Path, Rect, Text
from ckstudio.layout.fonts import ASCENT, TextMeasure, display_text
from ckstudio.layout.style import Look, Style
from ckstudio.model.session import Concept, KnowledgeItem, Theme

CHIP = 8.0  # side of a theme chip
CHIP_GAP = 3.0
BADGE_GAP = 5.0
MIN_TEXT_WIDTH = 24.0


@dataclass(slots=True)
class Card:
    """Everything needed to draw one node at any place."""

    ref: str
    role: str  # "concept", "c0", "knowledge" or "pocket"
    lines: tuple[str, ...]
    bold: bool
    look: Look | None  # badge and colours; None for C0 and pockets
    fill: str
    stroke: str
    stroke_width: float
    dash: tuple[float, ...]
    text_color: str
    note: str  # a small line under the text: outcome, dominant design
    chips: tuple[str, ...]  # theme colours
    votes: int
    votes_width: float
    w: float
    h: float

    def group_at(self, x: float, y: float, style: Style) -> Group:
        items: list[Rect | Text | Path] = [
            Rect(x, y, self.w, self.h, self.fill, self.stroke, self.stroke_width,
                 style.radius, self.dash, role=self.role, ref=self.ref)
        ]  # fmt: skip
        left = x + style.padding
        top = y + style.padding
        if self.look is not None:
            cy = top + style.line_height / 2
            items += badges.badge(self.look.badge, left + style.badge / 2, cy, style.badge,
                                  self.look.badge_fill)  # fmt: skip
            left += style.badge + BADGE_GAP
        baseline = top + (style.line_height - style.text_size) / 2 + ASCENT * style.text_size
        items.append(
            Text(left, baseline, self.lines, style.text_size, self.text_color, style.line_height,
                 self.bold, role="label", ref=self.ref)
        )  # fmt: skip
        items += self._votes(x, top, baseline, style)
        items += self._footer(left, top + len(self.lines) * style.line_height, style)
        return Group(self.ref, self.role, tuple(items))

    def _votes(self, x: float, top: float, baseline: float, style: Style) -> list[Rect | Text]:
        """The dots a concept got, as a dark pill in its top-right corner."""
        if not self.votes:
            return []
        right = x + self.w - style.padding
        width = self.votes_width
        pill = Rect(right - width, top + 1, width, style.small_size + 4, style.text, style.text,
                    0.5, (style.small_size + 4) / 2, role="votes", ref=self.ref)  # fmt: skip
        number = Text(right - width / 2, top + 1 + 2 + ASCENT * style.small_size,
                      (str(self.votes),), style.small_size, style.pill_text, 0, True,
                      anchor="middle", role="votes", ref=self.ref)  # fmt: skip
        return [pill, number]

    def _footer(self, left: float, top: float, style: Style) -> list[Rect | Text]:
        items: list[Rect | Text] = []
        row_middle = top + style.small_line / 2 + 1
        for index, color in enumerate(self.chips):
            chip_x = left + index * (CHIP + CHIP_GAP)
            items.append(Rect(chip_x, row_middle - CHIP / 2, CHIP, CHIP, color, color, 0.5,
                              1.5, role="theme", ref=self.ref))  # fmt: skip
        if self.note:
            note_x = left + len(self.chips) * (CHIP + CHIP_GAP)
            baseline = row_middle + ASCENT * style.small_size / 2
            items.append(Text(note_x, baseline, (self.note,), style.small_size, style.faint_text,
                              0, role="note", ref=self.ref))  # fmt: skip
        return items


def _size(
    lines: tuple[str, ...],
    bold: bool,
    badge: bool,
    footer_width: float,
    votes: int,
    style: Style,
    measure: TextMeasure,
) -> tuple[float, float]:
    text_width = MIN_TEXT_WIDTH
    for line in lines:
        text_width = max(text_width, measure.width(line, style.text_size, bold))
    content = max(text_width, footer_width)
    if votes:
        content += votes_width(votes, style, measure) + BADGE_GAP
    width = 2 * style.padding + (style.badge + BADGE_GAP if badge else 0) + content
    footer = style.small_line + 2 if footer_width else 0
    height = 2 * style.padding + len(lines) * style.line_height + footer
    return width, height


def votes_width(votes: int, style: Style, measure: TextMeasure) -> float:
    return measure.width(str(votes), style.small_size, True) + 8.0


def _footer_width(chips: int, note: str, style: Style, measure: TextMeasure) -> float:
    width = chips * (CHIP + CHIP_GAP)
    return width + (measure.width(note, style.small_size) if note else 0)


def concept_card(
    concept: Concept,
    is_c0: bool,
    themes: dict[str, Theme],
    labels: dict[str, str],
    style: Style,
    measure: TextMeasure,
) -> Card:
    lines = measure.wrap(display_text(concept.text), style.max_text_width, style.text_size, is_c0)
    chips = tuple(dict.fromkeys(themes[t.theme].color for t in concept.tags))
    note = labels[concept.outcome] if concept.outcome != "open" else ""
    votes = sum(vote.count for vote in concept.votes)
    look = None if is_c0 else style.reach[concept.reach]
    footer = _footer_width(len(chips), note, style, measure)
    w, h = _size(lines, is_c0, look is not None, footer, votes, style, measure)
    dropped = concept.outcome == "dropped"
    return Card(
        ref=concept.id,
        role="c0" if is_c0 else "concept",
        lines=lines,
        bold=is_c0,
        look=look,
        fill=style.c0_fill if look is None else look.fill,
        stroke=style.c0_stroke if look is None else look.stroke,
        stroke_width=2.0 if is_c0 else style.partition_width[concept.partition],
        dash=(4.0, 3.0) if dropped else (),
        text_color=style.faint_text if dropped else style.text,
        note=note,
        chips=chips,
        votes=votes,
        votes_width=votes_width(votes, style, measure) if votes else 0.0,
        w=w,
        h=h,
    )


def knowledge_card(
    item: KnowledgeItem,
    is_pocket: bool,
    labels: dict[str, str],
    style: Style,
    measure: TextMeasure,
) -> Card:
    lines = measure.wrap(display_text(item.text), style.max_text_width, style.text_size, is_pocket)
    look = None if is_pocket else style.status[item.status]
    note = labels["dominant"] if item.dominant else ""
    footer = _footer_width(0, note, style, measure)
    w, h = _size(lines, is_pocket, look is not None, footer, 0, style, measure)
    if is_pocket:
        fill, stroke = style.pocket_fill, style.pocket_stroke
    else:
        fill = style.dominant_fill if item.dominant else look.fill
        stroke = look.stroke
    return Card(
        ref=item.id,
        role="pocket" if is_pocket else "knowledge",
        lines=lines,
        bold=is_pocket,
        look=look,
        fill=fill,
        stroke=stroke,
        stroke_width=1.4 if is_pocket or item.status == "missing" else 1.0,
        dash=(4.0, 2.5) if item.status == "missing" and not is_pocket else (),
        text_color=style.text,
        note=note,
        chips=(),
        votes=0,
        votes_width=0.0,
        w=w,
        h=h,
    )


class CardCache:
    """Cards of unchanged nodes, reused from one layout to the next.

    The editor lays the map out again after every edit, when almost every
    node is the same record object as before (records are immutable, so an
    edited node is a new object). A card also depends on the style, the
    measure, the language and the theme colours: when they change, the cache
    starts afresh. Records are kept with their cards so that an id() is never
    mistaken for another object's.
    """

    LIMIT = 250_000

    def __init__(self) -> None:
        self._context: tuple = ()
        self._cards: dict[tuple[int, bool], tuple[object, Card]] = {}

    def card(self, record: object, flag: bool, make: Callable[[], Card]) -> Card:
        key = (id(record), flag)
        hit = self._cards.get(key)
        if hit is not None and hit[0] is record:
            return hit[1]
        card = make()
        if len(self._cards) >= self.LIMIT:
            self._cards.clear()
        self._cards[key] = (record, card)
        return card

    def use(self, style: Style, measure: TextMeasure, language: str, themes: tuple) -> None:
        """Start afresh unless the cards were made with these very settings."""
        old = self._context
        same = bool(old) and old[0] is style and old[1] is measure and old[2:] == (language, themes)
        if not same:
            self._cards.clear()
            self._context = (style, measure, language, themes)
