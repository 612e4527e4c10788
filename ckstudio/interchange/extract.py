"""A session's tree as an `Outline`, for the exporters.

The C-space is one tree (C0 at its root). The K-space is a forest of pockets:
a mind map wants one centre, so it stands under a node named after the
K-space, which an import `--as k` takes back as the K-space itself.
"""

from __future__ import annotations

from collections.abc import Collection

from ckstudio.interchange.outline import Outline, OutlineNode
from ckstudio.layout.labels import labels_for
from ckstudio.model.document import Document, Space
from ckstudio.model.session import Concept, KnowledgeItem, Session


def outline_of(session: Session, space: Space, folded: Collection[str] = ()) -> Outline:
    """One space of `session` as a single-rooted outline, with each node's C-K
    fields by their CSV names (themes and people by name, values by code); the
    nodes of `folded` (the window's folds: session files keep none) folded."""
    doc = Document(session, checked=True)
    themes = {theme.id: theme.name for theme in session.themes}
    people = {person.id: person.name for person in session.participants}
    built: dict[str, OutlineNode] = {}
    roots: list[OutlineNode] = []
    for node_id in doc.walk(space):
        node = doc.node(space, node_id)
        fields = _fields(node, themes, people) if space == "c" else _k_fields(node, people)
        item = OutlineNode(node.text, node.notes, node_id in folded, fields)
        built[node_id] = item
        (built[node.parent].children if node.parent else roots).append(item)
    if space == "k":
        roots = [OutlineNode(labels_for(session.meta.language)["k_space"], children=roots)]
    return Outline(roots, session.meta.title, centred=space == "k")


def _fields(concept: Concept, themes: dict[str, str], people: dict[str, str]) -> dict[str, str]:
    names = list(dict.fromkeys(themes[tag.theme] for tag in concept.tags))
    fields = {
        "theme": "; ".join(names),
        "partition": concept.partition or "",
        "reach": concept.reach,
        "outcome": concept.outcome,
        "author": people.get(concept.author or "", ""),
    }
    return {name: value for name, value in fields.items() if value}


def _k_fields(item: KnowledgeItem, people: dict[str, str]) -> dict[str, str]:
    fields = {
        "status": item.status,
        "holder": people.get(item.holder or "", ""),
        "source": item.source,
    }
    return {name: value for name, value in fields.items() if value}
