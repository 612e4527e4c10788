"""Change events the Document sends to whoever subscribes (the canvas, panels...).

One event per elementary change, so a listener updates only what changed and
never re-reads the whole session.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Change(StrEnum):
    NODE_ADDED = "node_added"
    NODE_REMOVED = "node_removed"
    NODE_MOVED = "node_moved"
    NODE_CHANGED = "node_changed"
    LINK_ADDED = "link_added"
    LINK_REMOVED = "link_removed"
    LINK_CHANGED = "link_changed"
    TAGS_CHANGED = "tags_changed"
    VOTES_CHANGED = "votes_changed"
    THEME_ADDED = "theme_added"
    THEME_REMOVED = "theme_removed"
    THEME_CHANGED = "theme_changed"
    PARTICIPANT_ADDED = "participant_added"
    PARTICIPANT_REMOVED = "participant_removed"
    PARTICIPANT_CHANGED = "participant_changed"
    ROUND_ADDED = "round_added"
    ROUND_REMOVED = "round_removed"
    ROUND_CHANGED = "round_changed"
    META_CHANGED = "meta_changed"


@dataclass(frozen=True, slots=True)
class Event:
    """What changed: `id` names the record; `space` is "c" or "k" for tree nodes.

    For tree nodes, `parent` and `position` (the index among the siblings)
    say where the node is after NODE_ADDED and NODE_MOVED, and where it was
    before NODE_REMOVED; NODE_MOVED also gives where it was, in `old_parent`
    and `old_position`. `field` names the field for the *_CHANGED kinds.
    """

    change: Change
    id: str
    space: str | None = None
    parent: str | None = None
    field: str | None = None
    position: int | None = None
    old_parent: str | None = None
    old_position: int | None = None
