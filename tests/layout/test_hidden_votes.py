"""A vote not revealed yet leaves no trace on a drawn map (SVG, PNG, the report's map):
its concepts are drawn without their dots, as the editor draws them."""

from __future__ import annotations

from pathlib import Path

from ckstudio.layout.ckmap import build_map
from ckstudio.layout.drawing import Drawing, Group, Text
from ckstudio.layout.hidden import hidden_vote_concepts, without_hidden_votes
from ckstudio.layout.svg import write_svg
from ckstudio.model import Document
from ckstudio.model.operations import SetRecordField, SetVote
from ckstudio.storage import load_session

V2 = Path(__file__).resolve().parents[2] / "tests" / "data" / "versions" / "v2.ck.json"


def vote_badges(drawing: Drawing) -> dict[str, str]:
    """The dot count drawn on each concept's votes badge."""
    found: dict[str, str] = {}
    stack = list(drawing.items)
    while stack:
        item = stack.pop()
        if isinstance(item, Group):
            stack.extend(item.items)
        elif item.role == "votes" and isinstance(item, Text):
            found[item.ref] = "".join(item.lines)
    return found


def session(hidden: bool):
    """The v2 fixture: r2, a voting round on c1 and c2, hidden in the file; c1 has 4
    dots, c2 gets 3 more here; c1.1 (no round) gets 1."""
    doc = Document(load_session(V2))
    doc.apply(SetVote("c2", "p4", 3))
    doc.apply(SetVote("c1.1", "p4", 1))
    if not hidden:
        doc.apply(SetRecordField("rounds", "r2", "hidden", False))
    return doc.to_session()


def test_a_hidden_vote_draws_no_dots_on_its_concepts():
    hidden = session(hidden=True)
    assert hidden_vote_concepts(hidden) == {"c1", "c2"}
    assert vote_badges(build_map(hidden)) == {"c1.1": "1"}  # outside the round: shown
    assert vote_badges(build_map(session(hidden=False))) == {"c1": "4", "c2": "3", "c1.1": "1"}


def test_the_svg_of_a_hidden_vote_holds_no_dot_count():
    """c1's box in the SVG: its dot count (bold, the badge's text) only once revealed."""

    def c1_group(svg: str) -> str:
        return svg.split("<desc>c1</desc>")[1].split("</g>")[0]

    badge = 'font-weight="bold" xml:space="preserve"><tspan'
    hidden = c1_group(write_svg(build_map(session(hidden=True))))
    revealed = c1_group(write_svg(build_map(session(hidden=False))))
    assert ">4</tspan>" in revealed and badge in revealed
    assert ">4</tspan>" not in hidden


def test_without_hidden_votes_keeps_a_session_with_nothing_hidden():
    revealed = session(hidden=False)
    assert without_hidden_votes(revealed) is revealed
    hidden = session(hidden=True)
    shown = without_hidden_votes(hidden)
    assert [c.votes for c in shown.concepts if c.id in ("c1", "c2")] == [[], []]
    assert sum(v.count for c in hidden.concepts for v in c.votes) == 8  # left untouched
