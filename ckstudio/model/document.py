"""The Document: a session with indexes, changed only through operations.

Reading is open to all (`concept`, `children`, `links_of`...). Changing goes
through `apply(operation)`, which returns the exact inverse operation, so undo
is never left to each caller to remember. The methods whose names start with
`_` are the elementary changes that operations (in `operations`) build on: each
keeps the indexes right and tells the subscribers, and none checks the rules:
the operations do, before they change anything.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, KeysView
from typing import Literal, Protocol

from ckstudio.model.events import Change, Event
from ckstudio.model.integrity import session_problems
from ckstudio.model.session import (
    FORMAT_NAME,
    FORMAT_VERSION,
    Concept,
    KnowledgeItem,
    Link,
    Meta,
    Node,
    Participant,
    Round,
    Session,
    Theme,
)

Space = Literal["c", "k"]
Section = Literal["themes", "participants", "rounds"]
Record = Theme | Participant | Round
Listener = Callable[[Event], None]

log = logging.getLogger(__name__)
_NODE_EVENTS = {"tags": Change.TAGS_CHANGED, "votes": Change.VOTES_CHANGED}
_RECORD_EVENTS = {
    "themes": (Change.THEME_ADDED, Change.THEME_REMOVED, Change.THEME_CHANGED),
    "participants": (
        Change.PARTICIPANT_ADDED,
        Change.PARTICIPANT_REMOVED,
        Change.PARTICIPANT_CHANGED,
    ),
    "rounds": (Change.ROUND_ADDED, Change.ROUND_REMOVED, Change.ROUND_CHANGED),
}


class Operation(Protocol):
    """What the Document expects of an edit (the edits themselves are in `operations`)."""

    def apply(self, doc: Document) -> Operation:
        """Check the rules, change `doc`, return the operation that undoes this one."""
        ...


class InvalidSessionError(ValueError):
    """A Document was asked to wrap a session that breaks the whole-file rules."""


class Document:
    """The one way to read and change a session while it is open."""

    def __init__(self, session: Session, *, checked: bool = False) -> None:
        """Wrap a session; `checked` says it has just passed the whole-file rules
        (`load_session` applies them), so they are not run twice on opening."""
        problems = [] if checked else session_problems(session)
        if problems:
            raise InvalidSessionError(f"the session is not valid: {problems[0]}")
        self._meta: Meta = session.meta
        self._records: dict[Section, list] = {
            "themes": list(session.themes),
            "participants": list(session.participants),
            "rounds": list(session.rounds),
        }
        self._nodes: dict[Space, dict[str, Node]] = {"c": {}, "k": {}}
        self._children: dict[Space, dict[str | None, list[str]]] = {"c": {}, "k": {}}
        for space, nodes in (("c", session.concepts), ("k", session.knowledge)):
            for node in nodes:
                self._nodes[space][node.id] = node
                self._children[space].setdefault(node.parent, []).append(node.id)
        # Links in file order, by id: ids compare much faster than records.
        self._link_order: list[str] = [link.id for link in session.links]
        self._link_by_id: dict[str, Link] = {link.id: link for link in session.links}
        self._links_of: dict[str, dict[str, None]] = {}
        for link in session.links:
            self._index_link(link)
        self._ids: set[str] = {r.id for section in self._records.values() for r in section}
        self._ids.update(self._link_by_id, self._nodes["c"], self._nodes["k"])
        self._next_number: dict[str, int] = {}
        self._listeners: list[Listener] = []

    # -- subscribers -----------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _emit(self, change: Change, id_: str, **details: str | int | None) -> None:
        """Tell every listener; one that fails is logged and cannot stop the others
        or leave an operation half-done."""
        event = Event(change, id_, **details)
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                log.exception("a listener failed on %s", event)

    # -- changing ------------------------------------------------------------------

    def apply(self, operation: Operation) -> Operation:
        """Apply an operation; return the operation that undoes it exactly."""
        return operation.apply(self)

    def new_id(self, prefix: str) -> str:
        """An id not used anywhere in the session yet, such as 'c12' or 'k3'."""
        number = self._next_number.get(prefix, 1)
        while f"{prefix}{number}" in self._ids:
            number += 1
        self._next_number[prefix] = number + 1
        return f"{prefix}{number}"

    # -- reading: the session as a whole -------------------------------------------------

    @property
    def meta(self) -> Meta:
        return self._meta

    @property
    def themes(self) -> tuple[Theme, ...]:
        return tuple(self._records["themes"])

    @property
    def participants(self) -> tuple[Participant, ...]:
        return tuple(self._records["participants"])

    @property
    def rounds(self) -> tuple[Round, ...]:
        """The tagging and voting rounds, oldest first."""
        return tuple(self._records["rounds"])

    @property
    def links(self) -> tuple[Link, ...]:
        return tuple(self._link_by_id[i] for i in self._link_order)

    @property
    def root(self) -> str:
        """The id of C0, the initial concept."""
        return self._children["c"][None][0]

    def has_id(self, id_: str) -> bool:
        return id_ in self._ids

    def node_count(self, space: Space) -> int:
        return len(self._nodes[space])

    def link_count(self) -> int:
        return len(self._link_order)

    def to_session(self) -> Session:
        """A snapshot of the session, nodes in tree order (parents before children).

        Records are immutable and the lists are new, so later edits do not
        change the snapshot.
        """
        return Session.model_construct(
            format=FORMAT_NAME,
            version=FORMAT_VERSION,
            meta=self._meta,
            themes=list(self._records["themes"]),
            participants=list(self._records["participants"]),
            concepts=[self._nodes["c"][i] for i in self.walk("c")],
            knowledge=[self._nodes["k"][i] for i in self.walk("k")],
            links=list(self.links),
            rounds=list(self._records["rounds"]),
        )

    # -- reading: records ----------------------------------------------------------------

    def node(self, space: Space, id_: str) -> Node:
        """The concept ("c") or knowledge item ("k") with this id; KeyError if none."""
        return self._nodes[space][id_]

    def concept(self, id_: str) -> Concept:
        return self._nodes["c"][id_]

    def knowledge(self, id_: str) -> KnowledgeItem:
        return self._nodes["k"][id_]

    def has_node(self, space: Space, id_: str) -> bool:
        return id_ in self._nodes[space]

    def node_ids(self, space: Space) -> KeysView[str]:
        """The ids of the space's nodes, as a live read-only view (in any order)."""
        return self._nodes[space].keys()

    def children(self, space: Space, parent: str | None) -> tuple[str, ...]:
        """Ids of the children of `parent` in sibling order (None: the roots)."""
        return tuple(self._children[space].get(parent, ()))

    def child_count(self, space: Space, parent: str | None) -> int:
        """How many children `parent` has (None: the roots), without copying them:
        adding the 10,000th sibling must cost what adding the first did."""
        return len(self._children[space].get(parent, ()))

    def position(self, space: Space, id_: str) -> int:
        """The node's index among its siblings."""
        parent = self._nodes[space][id_].parent
        return self._children[space][parent].index(id_)

    def ancestors(self, space: Space, id_: str) -> Iterator[str]:
        """The node's parent, grandparent... up to its root."""
        parent = self._nodes[space][id_].parent
        while parent is not None:
            yield parent
            parent = self._nodes[space][parent].parent

    def walk(self, space: Space, top: str | None = None) -> Iterator[str]:
        """Ids in tree order (pre-order): the subtree of `top`, or the whole space."""
        stack = [top] if top is not None else list(reversed(self.children(space, None)))
        while stack:
            id_ = stack.pop()
            yield id_
            stack.extend(reversed(self._children[space].get(id_, ())))

    def link(self, id_: str) -> Link:
        return self._link_by_id[id_]

    def has_link(self, id_: str) -> bool:
        return id_ in self._link_by_id

    def links_of(self, node_id: str) -> tuple[Link, ...]:
        """The links that touch this concept or knowledge item."""
        return tuple(self._link_by_id[i] for i in self._links_of.get(node_id, ()))

    def find_link(self, concept: str, knowledge: str, kind: str) -> Link | None:
        return next(
            (
                link
                for link in self.links_of(concept)
                if link.knowledge == knowledge and link.kind == kind
            ),
            None,
        )

    def records(self, section: Section) -> tuple[Record, ...]:
        return tuple(self._records[section])

    def record(self, section: Section, id_: str) -> Record:
        return next(r for r in self._records[section] if r.id == id_)

    def record_ids(self, section: Section) -> set[str]:
        return {r.id for r in self._records[section]}

    def participant(self, id_: str) -> Participant:
        return self.record("participants", id_)

    def round(self, id_: str) -> Round:
        """The round with this id; KeyError if none."""
        for round_ in self._records["rounds"]:
            if round_.id == id_:
                return round_
        raise KeyError(id_)

    # -- elementary changes, used by operations only -------------------------------------

    def _insert_node(self, space: Space, node: Node, position: int) -> None:
        self._nodes[space][node.id] = node
        self._children[space].setdefault(node.parent, []).insert(position, node.id)
        self._ids.add(node.id)
        self._emit(Change.NODE_ADDED, node.id, space=space, parent=node.parent, position=position)

    def _delete_node(self, space: Space, id_: str) -> int:
        node = self._nodes[space].pop(id_)
        siblings = self._children[space][node.parent]
        # The last child first: undoing an import removes its nodes from the end.
        position = len(siblings) - 1 if siblings[-1] == id_ else siblings.index(id_)
        del siblings[position]
        if not siblings:
            del self._children[space][node.parent]
        self._children[space].pop(id_, None)
        self._ids.discard(id_)
        self._emit(Change.NODE_REMOVED, id_, space=space, parent=node.parent, position=position)
        return position

    def _move_node(self, space: Space, id_: str, parent: str | None, position: int) -> None:
        node = self._nodes[space][id_]
        siblings = self._children[space][node.parent]
        old_position = siblings.index(id_)
        del siblings[old_position]
        if not siblings:
            del self._children[space][node.parent]
        self._nodes[space][id_] = node.model_copy(update={"parent": parent})
        self._children[space].setdefault(parent, []).insert(position, id_)
        self._emit(
            Change.NODE_MOVED,
            id_,
            space=space,
            parent=parent,
            position=position,
            old_parent=node.parent,
            old_position=old_position,
        )

    def _replace_node(self, space: Space, node: Node, field: str) -> None:
        if self._nodes[space][node.id] == node:
            return  # nothing changed: nothing to tell
        self._nodes[space][node.id] = node
        change = _NODE_EVENTS.get(field, Change.NODE_CHANGED)
        self._emit(change, node.id, space=space, parent=node.parent, field=field)

    def _index_link(self, link: Link) -> None:
        self._links_of.setdefault(link.concept, {})[link.id] = None
        self._links_of.setdefault(link.knowledge, {})[link.id] = None

    def _insert_link(self, link: Link, index: int) -> None:
        self._link_order.insert(index, link.id)
        self._link_by_id[link.id] = link
        self._index_link(link)
        self._ids.add(link.id)
        self._emit(Change.LINK_ADDED, link.id)

    def _delete_link(self, id_: str) -> int:
        link = self._link_by_id.pop(id_)
        index = self._link_order.index(id_)
        del self._link_order[index]
        for end in (link.concept, link.knowledge):
            del self._links_of[end][id_]
            if not self._links_of[end]:
                del self._links_of[end]
        self._ids.discard(id_)
        self._emit(Change.LINK_REMOVED, id_)
        return index

    def _replace_link(self, link: Link, field: str) -> None:
        if self._link_by_id[link.id] == link:
            return
        self._link_by_id[link.id] = link
        self._emit(Change.LINK_CHANGED, link.id, field=field)

    def _insert_record(self, section: Section, record: Record, index: int) -> None:
        self._records[section].insert(index, record)
        self._ids.add(record.id)
        self._emit(_RECORD_EVENTS[section][0], record.id)

    def _delete_record(self, section: Section, id_: str) -> int:
        records = self._records[section]
        index = next(i for i, r in enumerate(records) if r.id == id_)
        del records[index]
        self._ids.discard(id_)
        self._emit(_RECORD_EVENTS[section][1], id_)
        return index

    def _replace_record(self, section: Section, record: Record, field: str) -> None:
        records = self._records[section]
        index = next(i for i, r in enumerate(records) if r.id == record.id)
        if records[index] == record:
            return
        records[index] = record
        self._emit(_RECORD_EVENTS[section][2], record.id, field=field)

    def _replace_meta(self, meta: Meta, field: str) -> None:
        if self._meta == meta:
            return
        self._meta = meta
        self._emit(Change.META_CHANGED, "meta", field=field)
