"""The map's visual language (ck-primer.md), in one place.

Reach is shown by colour *and* badge shape; the colours come from the
Okabe-Ito palette, which viewers with red-green colour blindness tell apart.
Partition kinds differ by line weight and dash, knowledge status by badge,
link kinds by colour, dash and arrow direction.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Look:
    """How one kind of thing is drawn: fill, outline and badge shape."""

    fill: str
    stroke: str
    badge: str  # a shape name of `badges.SHAPES`
    badge_fill: str


@dataclass(frozen=True, slots=True)
class Style:
    text_size: float = 11.0
    line_height: float = 14.0
    small_size: float = 8.5
    max_text_width: float = 150.0
    padding: float = 7.0
    badge: float = 10.0
    radius: float = 5.0
    sibling_gap: float = 18.0
    level_gap: float = 34.0
    gutter: float = 190.0
    pocket_gap: float = 26.0
    margin: float = 24.0
    background: str = "#FFFFFF"
    text: str = "#1A1A1A"  # on cards
    faint_text: str = "#5F5F5F"
    ink: str = "#1A1A1A"  # on the background: legend
    faint_ink: str = "#5F5F5F"  # on the background: headers, "+N" of collapsed nodes
    pill_text: str = "#FFFFFF"
    edge: str = "#7A7A7A"
    c0_fill: str = "#FFFFFF"
    c0_stroke: str = "#1A1A1A"
    pocket_fill: str = "#E6ECF3"
    pocket_stroke: str = "#5B7A99"
    knowledge_stroke: str = "#5B7A99"
    dominant_fill: str = "#ECECEC"
    reach: dict[str, Look] = field(
        default_factory=lambda: {
            "unassessed": Look("#F4F4F4", "#8C8C8C", "ring", "#FFFFFF"),
            "known": Look("#DCF0E9", "#00785A", "circle", "#009E73"),
            "reachable": Look("#FCEBCB", "#9A6A00", "triangle", "#E69F00"),
            "breakthrough": Look("#F9DDCC", "#B34F00", "diamond", "#D55E00"),
        }
    )
    status: dict[str, Look] = field(
        default_factory=lambda: {
            "acquired": Look("#F7F9FB", "#5B7A99", "circle", "#0072B2"),
            "acquiring": Look("#F7F9FB", "#5B7A99", "half", "#0072B2"),
            "missing": Look("#FFF4EE", "#D55E00", "alert", "#D55E00"),
        }
    )
    link_colors: dict[str, str] = field(
        default_factory=lambda: {"c_to_k": "#0072B2", "k_to_c": "#CC79A7"}
    )
    link_dash: dict[str, tuple[float, ...]] = field(
        default_factory=lambda: {"c_to_k": (), "k_to_c": (6.0, 3.0)}
    )
    partition_width: dict[str | None, float] = field(
        default_factory=lambda: {"expansive": 2.6, "restrictive": 1.1, None: 1.1}
    )
    partition_dash: dict[str | None, tuple[float, ...]] = field(
        default_factory=lambda: {"expansive": (), "restrictive": (), None: (3.0, 3.0)}
    )

    @property
    def small_line(self) -> float:
        return self.small_size * 1.3


DEFAULT_STYLE = Style()
# The editor's dark theme: dark paper, the cards keep their colours (the
# primer's visual language) and the text drawn on the paper turns light.
DARK_STYLE = Style(
    background="#202124",
    ink="#E8EAED",
    faint_ink="#BDC1C6",
    edge="#9AA0A6",
    link_colors={"c_to_k": "#56B4E9", "k_to_c": "#CC79A7"},
)
# The audience (projector) view: read from the back of a room on a washed-out
# projected image. Black text and darker lines on white paper, thicker strokes,
# text larger against the boxes and gaps, the small lines (notes, dots) nearer
# the text's size. How large it shows on screen is the audience view's rule
# (ckstudio.gui.audience_view: never under 1/30 of the screen's height).
PROJECTOR_STYLE = Style(
    text_size=13.0,
    line_height=17.0,
    small_size=13.0,  # dots, notes, legend entries: the map text's size, never under 1/30
    max_text_width=180.0,
    padding=8.0,
    badge=12.0,
    radius=6.0,
    sibling_gap=20.0,
    level_gap=40.0,
    text="#000000",
    faint_text="#333333",
    ink="#000000",
    faint_ink="#333333",
    edge="#404040",
    c0_stroke="#000000",
    pocket_stroke="#2F4F6F",
    knowledge_stroke="#2F4F6F",
    partition_width={"expansive": 4.0, "restrictive": 2.0, None: 2.0},
    partition_dash={"expansive": (), "restrictive": (), None: (5.0, 4.0)},
)
