"""Where the arrow keys take the selection: parent, first child, previous or next sibling.

The keys follow the map's direction: with children below their parent
("down"), Up goes to the parent and Left/Right to the siblings; with children
to the right ("right"), Left goes to the parent and Up/Down to the siblings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

# key name -> step, per orientation
STEPS = {
    "down": {"up": "parent", "down": "child", "left": "previous", "right": "next"},
    "right": {"left": "parent", "right": "child", "up": "previous", "down": "next"},
}


def step_for(key: str, orientation: str) -> str:
    return STEPS[orientation][key]


def neighbour(
    ref: str,
    step: str,
    parent_of: Callable[[str], str | None],
    children_of: Callable[[str | None], Sequence[str]],
    shown: Callable[[str], bool],
) -> str | None:
    """The node one `step` away from `ref` among the shown nodes, or None at an end.

    "previous" and "next" run through the siblings; at the first or last one
    they stop (no wrapping, so holding a key never loops back unseen).
    """
    if step == "parent":
        return parent_of(ref)
    if step == "child":
        return next((c for c in children_of(ref) if shown(c)), None)
    siblings = [s for s in children_of(parent_of(ref)) if shown(s)]
    if ref not in siblings:
        return None
    index = siblings.index(ref) + (1 if step == "next" else -1)
    return siblings[index] if 0 <= index < len(siblings) else None
