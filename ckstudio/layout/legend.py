"""The legend under the map: what each colour, shape, line and arrow means."""

from __future__ import annotations

from collections.abc import Callable

from ckstudio.layout import badges
from ckstudio.layout.drawing import Item, Path, Rect, Text
from ckstudio.layout.fonts import ASCENT, TextMeasure
from ckstudio.layout.style import Style
from ckstudio.model.session import LINK_KINDS, REACHES, STATUSES, Session

SYMBOL = 26.0  # room for a symbol before its label
ENTRY_GAP = 14.0
ROW = 18.0
TITLE_WIDTH = 110.0

Symbol = Callable[[float, float], list[Item]]


def legend_items(
    session: Session,
    labels: dict[str, str],
    style: Style,
    measure: TextMeasure,
    x: float,
    y: float,
    max_width: float,
    marked: frozenset[str] = frozenset(),
) -> tuple[list[Item], float, float]:
    """The legend's items from (x, y), no wider than `max_width`; its width and bottom.

    Themes in `marked` (highlighted on the map) get a ring around their chip.
    """
    # The title: 10 units, never under the entries (the projector's least text size).
    title_size = max(10.0, style.small_size)
    items: list[Item] = [_text(x, y + ROW / 2, labels["legend"], style, bold=True, size=title_size)]
    y += ROW * 1.2
    widest = 0.0
    for title, entries in _sections(session, labels, style, marked):
        if not entries:
            continue
        items.append(_text(x, y + ROW / 2, title, style, bold=True))
        cursor, line_y = x + TITLE_WIDTH, y
        for symbol, label in entries:
            width = SYMBOL + measure.width(label, style.small_size) + ENTRY_GAP
            if cursor + width > x + max_width and cursor > x + TITLE_WIDTH:
                cursor, line_y = x + TITLE_WIDTH, line_y + ROW
            items += symbol(cursor, line_y + ROW / 2)
            items.append(_text(cursor + SYMBOL, line_y + ROW / 2, label, style))
            cursor += width
            widest = max(widest, cursor - x)
        y = line_y + ROW
    return items, widest, y


def _text(x: float, middle: float, text: str, style: Style, bold: bool = False,
          size: float | None = None) -> Text:  # fmt: skip
    size = size or style.small_size
    return Text(x, middle + ASCENT * size / 2, (text,), size, style.ink, 0, bold, role="legend")


def _sections(session: Session, labels: dict[str, str], style: Style, marked: frozenset[str]):
    reach = [(_badge(style.reach[r].badge, style.reach[r].badge_fill, style), labels[r])
             for r in REACHES]  # fmt: skip
    partitions = [
        (_line(style.partition_width[p], style.partition_dash[p], style.edge), labels[key])
        for p, key in (("expansive", "expansive"), ("restrictive", "restrictive"),
                       (None, "unjudged"))
    ]  # fmt: skip
    statuses = [(_badge(style.status[s].badge, style.status[s].badge_fill, style), labels[s])
                for s in STATUSES]  # fmt: skip
    statuses.append((_chip(style.dominant_fill, style.knowledge_stroke), labels["dominant"]))
    links = [(_arrow(style.link_colors[k], style.link_dash[k]), labels[k]) for k in LINK_KINDS]
    themes = [(_chip(t.color, t.color, style.ink if t.id in marked else None), t.name)
              for t in session.themes]  # fmt: skip
    return [
        (labels["reach"], reach),
        (labels["partition"], partitions),
        (labels["status"], statuses),
        (labels["links"], links),
        (labels["themes"], themes),
    ]


def _badge(shape: str, color: str, style: Style) -> Symbol:
    return lambda x, y: list(badges.badge(shape, x + 6, y, style.badge, color))


def _line(width: float, dash: tuple[float, ...], color: str) -> Symbol:
    return lambda x, y: [Path((x, y), (("L", x + 20, y),), color, width, dash, role="legend")]


def _chip(fill: str, stroke: str, ring: str | None = None) -> Symbol:
    def draw(x: float, y: float) -> list[Item]:
        chip = Rect(x + 2, y - 5, 10, 10, fill, stroke, 0.8, 1.5, role="legend")
        if ring is None:
            return [chip]
        return [Rect(x - 1, y - 8, 16, 16, "none", ring, 1.6, 3.0, role="legend"), chip]

    return draw


def _arrow(color: str, dash: tuple[float, ...]) -> Symbol:
    def draw(x: float, y: float) -> list[Item]:
        head = badges.arrowhead((x + 21, y), (x, y), 6.0)
        line = Path((x, y), (("L", x + 16, y),), color, 1.4, dash, role="legend")
        triangle = tuple(("L", px, py) for px, py in [*head[1:], head[0]])
        return [line, Path(head[0], triangle, color, 0.5, fill=color, role="legend")]

    return draw
