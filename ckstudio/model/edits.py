"""Ready-made operations for the edits a user makes, new ids included.

The GUI, the command line and the tests build their operations here rather
than by hand, so that every caller removes a subtree or a theme the same way.
"""

from __future__ import annotations

from typing import Any

from ckstudio.model.document import Document, Space
from ckstudio.model.operations import (
    AddLink,
    AddNode,
    AddRecord,
    Compound,
    Operation,
    RemoveLink,
    RemoveNode,
    RemoveRecord,
    SetRecordField,
    references_to,
    round_references_to,
)

ID_PREFIXES = {
    "c": "c",
    "k": "k",
    "themes": "t",
    "participants": "p",
    "links": "l",
    "rounds": "r",
}


def add_node(
    doc: Document,
    space: Space,
    parent: str | None,
    text: str = "",
    position: int | None = None,
    **fields: Any,
) -> AddNode:
    """A new concept or knowledge item under `parent` (last child unless `position`)."""
    if position is None:
        position = doc.child_count(space, parent)
    node = {"id": doc.new_id(ID_PREFIXES[space]), "parent": parent, "text": text, **fields}
    return AddNode(space, node, position)


def add_concept(doc: Document, parent: str, text: str = "", **fields: Any) -> AddNode:
    return add_node(doc, "c", parent, text, **fields)


def add_knowledge(doc: Document, parent: str | None, text: str = "", **fields: Any) -> AddNode:
    return add_node(doc, "k", parent, text, **fields)


def remove_subtree(doc: Document, space: Space, top: str) -> Compound:
    """Remove a node with its descendants, every link that touches them and,
    for concepts, their places in the rounds."""
    subtree = list(doc.walk(space, top))
    links = {link.id: None for node in subtree for link in doc.links_of(node)}
    steps: list[Operation] = round_references_to(doc, set(subtree)) if space == "c" else []
    steps += [RemoveLink(link_id) for link_id in links]
    steps += [RemoveNode(space, node) for node in reversed(subtree)]
    return Compound(tuple(steps), "remove")


def link(
    doc: Document, concept: str, knowledge: str, kind: str = "c_to_k", note: str = ""
) -> AddLink:
    data = {
        "id": doc.new_id(ID_PREFIXES["links"]),
        "concept": concept,
        "knowledge": knowledge,
        "kind": kind,
        "note": note,
    }
    return AddLink(data)


def add_theme(doc: Document, name: str, color: str) -> AddRecord:
    theme = {"id": doc.new_id(ID_PREFIXES["themes"]), "name": name, "color": color}
    return AddRecord("themes", theme)


def add_participant(
    doc: Document, name: str, organisation: str = "", role: str = "other"
) -> AddRecord:
    participant = {
        "id": doc.new_id(ID_PREFIXES["participants"]),
        "name": name,
        "organisation": organisation,
        "role": role,
    }
    return AddRecord("participants", participant)


def remove_theme(doc: Document, theme: str) -> Compound:
    """Remove a theme and, in the same undoable step, every tag of it."""
    return Compound((*references_to(doc, theme), RemoveRecord("themes", theme)), "remove theme")


def remove_participant(doc: Document, participant: str) -> Compound:
    """Remove a participant and, in the same step, every reference to them.

    Their tags and votes go; concepts they wrote and knowledge they hold keep
    no author or holder; they leave the facilitators. Undo puts all back.
    """
    steps = (*references_to(doc, participant), RemoveRecord("participants", participant))
    return Compound(steps, "remove participant")


def start_round(
    doc: Document,
    kind: str,
    concepts: list[str],
    participants: list[str],
    started: str,
    budget: int = 3,
    hidden: bool = False,
) -> AddRecord:
    """A new running tagging or voting round (`started`: ISO 8601 date and time)."""
    round_ = {
        "id": doc.new_id(ID_PREFIXES["rounds"]),
        "kind": kind,
        "started": started,
        "participants": list(participants),
        "concepts": list(concepts),
        "budget": budget,
        "hidden": hidden,
        "earlier": _dots_given(doc, concepts, participants) if kind == "voting" else {},
    }
    return AddRecord("rounds", round_)


def _dots_given(
    doc: Document, concepts: list[str], participants: list[str]
) -> dict[str, dict[str, int]]:
    """The dots already on these concepts, by concept then participant: not the round's.

    Kept per concept and per participant so that a dot taken back from an earlier
    vote never counts as a dot of the round, nor frees one of its budget."""
    given: dict[str, dict[str, int]] = {}
    for concept in (c for c in concepts if doc.has_node("c", c)):  # the add checks the rest
        votes = {v.by: v.count for v in doc.concept(concept).votes if v.by in participants}
        if votes:
            given[concept] = votes
    return given


def end_round(doc: Document, round_id: str, ended: str) -> SetRecordField:
    """Close a round at `ended` (ISO 8601); undo opens it again."""
    return SetRecordField("rounds", round_id, "ended", ended)
