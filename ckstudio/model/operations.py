"""Reversible edits of a Document, as plain data.

Each operation is a frozen dataclass of ids and values (no closures, no model
objects), so it can be stored, compared and written out. `apply(doc)` checks
every rule first and raises OperationError (changing nothing) when one is
broken; otherwise it changes the document and returns the operation that
undoes it exactly, positions included.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ckstudio.model import limits
from ckstudio.model.document import Document, Operation, Section, Space
from ckstudio.model.integrity import (
    concept_reference_problems,
    knowledge_reference_problems,
    round_reference_problems,
)
from ckstudio.model.problems import QT_TRANSLATE_NOOP, Message, OperationError
from ckstudio.model.session import (
    Concept,
    KnowledgeItem,
    Link,
    Meta,
    Node,
    Participant,
    Round,
    Theme,
)

NODE_TYPES: dict[Space, type[Concept] | type[KnowledgeItem]] = {"c": Concept, "k": KnowledgeItem}
RECORD_TYPES: dict[Section, type[Theme] | type[Participant] | type[Round]] = {
    "themes": Theme,
    "participants": Participant,
    "rounds": Round,
}
RECORD_LIMITS: dict[Section, int] = {
    "themes": limits.MAX_THEMES,
    "participants": limits.MAX_PARTICIPANTS,
    "rounds": limits.MAX_ROUNDS,
}
EDITABLE_NODE_FIELDS: dict[Space, frozenset[str]] = {
    "c": frozenset({"text", "partition", "reach", "outcome", "notes", "author"}),
    "k": frozenset({"text", "status", "holder", "source", "notes", "dominant"}),
}
EDITABLE_RECORD_FIELDS: dict[Section, frozenset[str]] = {
    "themes": frozenset({"name", "color"}),
    "participants": frozenset({"name", "organisation", "role"}),
    "rounds": frozenset({"ended", "participants", "concepts", "budget", "hidden", "earlier"}),
}
EDITABLE_LINK_FIELDS = frozenset({"kind", "note"})
EDITABLE_META_FIELDS = frozenset(Meta.model_fields)
SPACE_NAMES: dict[Space, str] = {"c": "concept", "k": "knowledge item"}
SESSION_FULL: dict[Section, str] = {
    "themes": QT_TRANSLATE_NOOP("Errors", "a session holds at most {most} themes"),
    "participants": QT_TRANSLATE_NOOP("Errors", "a session holds at most {most} participants"),
    "rounds": QT_TRANSLATE_NOOP("Errors", "a session holds at most {most} rounds"),
}
# The fields a user edits, named in the refusals the window translates (the English is the key).
FIELD_NAMES = {
    name: Message(name)
    for name in (
        QT_TRANSLATE_NOOP("Errors", "title"),
        QT_TRANSLATE_NOOP("Errors", "brief"),
        QT_TRANSLATE_NOOP("Errors", "date"),
        QT_TRANSLATE_NOOP("Errors", "place"),
        QT_TRANSLATE_NOOP("Errors", "language"),
        QT_TRANSLATE_NOOP("Errors", "text"),
        QT_TRANSLATE_NOOP("Errors", "notes"),
        QT_TRANSLATE_NOOP("Errors", "source"),
        QT_TRANSLATE_NOOP("Errors", "note"),
        QT_TRANSLATE_NOOP("Errors", "name"),
        QT_TRANSLATE_NOOP("Errors", "organisation"),
        QT_TRANSLATE_NOOP("Errors", "color"),
    )
}
# What the session's own validators say (model/session.py), for the window to translate.
VALIDATOR_REASONS = {
    reason: Message(reason)
    for reason in (
        QT_TRANSLATE_NOOP("Errors", "not a date written YYYY-MM-DD"),
        QT_TRANSLATE_NOOP("Errors", "not an ISO 8601 date and time (YYYY-MM-DDThh:mm...)"),
    )
}
# A pattern means nothing to a facilitator: these fields say what they expect instead.
PATTERN_REASONS = {
    "language": Message(QT_TRANSLATE_NOOP("Errors", "not a language tag such as fr, en or pt-BR")),
    "color": Message(QT_TRANSLATE_NOOP("Errors", "not a colour written #RRGGBB")),
}


def _build(model: type, data: dict[str, Any]) -> Any:
    """Validate record data as a file would be, turning errors into one sentence."""
    surrogate = QT_TRANSLATE_NOOP(
        "Errors", "the text holds a lone UTF-16 surrogate, which is not text"
    )
    _require(_encodable(data), Message(surrogate))
    try:
        return model.model_validate(data, strict=True)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or model.__name__
        field = FIELD_NAMES.get(where, where)
        template = QT_TRANSLATE_NOOP("Errors", "{field}: {reason}")
        raise OperationError(Message(template, field=field, reason=_reason(first))) from None


def _reason(detail: Any) -> str:
    """Pydantic's sentence for one error, as a Message when it is one a user can cause.

    The English stays pydantic's own wording (a Message is used only when it
    reads the same), except for patterns, which say what the field expects.
    """
    message = detail["msg"].removeprefix("Value error, ")
    kind, context = detail["type"], detail.get("ctx") or {}
    if kind == "string_pattern_mismatch" and detail["loc"][-1:] in (("language",), ("color",)):
        return PATTERN_REASONS[detail["loc"][-1]]
    if kind == "value_error":
        return VALIDATOR_REASONS.get(message, message)
    candidate: str = message
    if kind == "string_too_long":
        template = QT_TRANSLATE_NOOP("Errors", "String should have at most {max_length} characters")
        candidate = Message(template, max_length=context.get("max_length"))
    elif kind == "string_too_short":
        candidate = Message(QT_TRANSLATE_NOOP("Errors", "String should have at least 1 character"))
    return candidate if candidate == message else message


def _encodable(value: Any) -> bool:
    if isinstance(value, str):
        return value.isascii() or _is_utf8(value)
    if isinstance(value, dict):
        return all(_encodable(item) for item in value.values())
    if isinstance(value, list):
        return all(_encodable(item) for item in value)
    return True


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise OperationError(message)


def _require_node(doc: Document, space: object, id_: object) -> None:
    """A known space and the id of one of its nodes, whatever a caller passed."""
    _require(space in SPACE_NAMES, f"{space!r} is not a space: 'c' (concepts) or 'k' (knowledge)")
    kind = SPACE_NAMES[space]
    _require(isinstance(id_, str) and doc.has_node(space, id_), f"{id_!r} is not a {kind}")


def _require_section(section: object) -> None:
    _require(section in RECORD_TYPES, f"{section!r} is not 'themes', 'participants' or 'rounds'")


def _require_record(doc: Document, section: object, id_: object) -> None:
    _require_section(section)
    _require(isinstance(id_, str) and id_ in doc.record_ids(section), f"{id_!r} does not exist")


def _require_link(doc: Document, id_: object) -> None:
    _require(isinstance(id_, str) and doc.has_link(id_), f"the link {id_!r} does not exist")


def _require_field(field: object, editable: frozenset[str], of_what: str) -> None:
    _require(
        isinstance(field, str) and field in editable,
        f"{field!r} is not an editable field of {of_what}",
    )


def _require_index(value: object, count: int, what: str = "position") -> None:
    """Positions are whole numbers (a float or a bool would corrupt the lists)."""
    _require(
        type(value) is int and 0 <= value <= count,
        f"{what} {value!r} is not a whole number from 0 to {count}",
    )


def _check_node_references(doc: Document, space: Space, node: Node) -> None:
    participants = doc.record_ids("participants")
    if space == "c":
        problems = concept_reference_problems(node, doc.record_ids("themes"), participants)
    else:
        problems = knowledge_reference_problems(node, participants)
    _require(not problems, problems[0] if problems else "")


def _check_record_references(doc: Document, record: Theme | Participant | Round) -> None:
    if isinstance(record, Round):
        participants = doc.record_ids("participants")
        problems = round_reference_problems(record, doc.node_ids("c"), participants)
        _require(not problems, problems[0] if problems else "")


def _check_parent(doc: Document, space: Space, parent: str | None) -> None:
    if parent is None:
        _require(space == "k", "C-space has a single root, C0; give the concept a parent")
    else:
        _require_node(doc, space, parent)


@dataclass(frozen=True, slots=True)
class AddNode:
    """Add one concept or knowledge item at `position` among its parent's children."""

    space: Space
    node: dict[str, Any]
    position: int

    def apply(self, doc: Document) -> Operation:
        _require(self.space in NODE_TYPES, f"{self.space!r} is not a space: 'c' or 'k'")
        node = _build(NODE_TYPES[self.space], self.node)
        _require(not doc.has_id(node.id), f"the id '{node.id}' is already used")
        template = QT_TRANSLATE_NOOP(
            "Errors", "a session holds at most {most} concepts and knowledge items"
        )
        _require(
            doc.node_count("c") + doc.node_count("k") < limits.MAX_NODES,
            Message(template, most=limits.MAX_NODES),
        )
        _check_parent(doc, self.space, node.parent)
        _require_index(self.position, doc.child_count(self.space, node.parent))
        _check_node_references(doc, self.space, node)
        doc._insert_node(self.space, node, self.position)
        return RemoveNode(self.space, node.id)


@dataclass(frozen=True, slots=True)
class RemoveNode:
    """Remove one node that has no children and no links (see edits.remove_subtree)."""

    space: Space
    id: str

    def apply(self, doc: Document) -> Operation:
        _require_node(doc, self.space, self.id)
        c0 = Message(QT_TRANSLATE_NOOP("Errors", "C0 cannot be removed"))
        _require(not (self.space == "c" and self.id == doc.root), c0)
        _require(not doc.children(self.space, self.id), f"'{self.id}' still has children")
        _require(not doc.links_of(self.id), f"'{self.id}' still has links")
        _require(
            self.space == "k" or not any(self.id in r.concepts for r in doc.rounds),
            f"'{self.id}' is still in a round",
        )
        data = doc.node(self.space, self.id).model_dump()
        position = doc._delete_node(self.space, self.id)
        return AddNode(self.space, data, position)


@dataclass(frozen=True, slots=True)
class MoveNode:
    """Reparent and/or reorder a node; its subtree follows.

    `position` is its index among the new parent's children once it has left
    its old place.
    """

    space: Space
    id: str
    parent: str | None
    position: int

    def apply(self, doc: Document) -> Operation:
        _require_node(doc, self.space, self.id)
        c0 = Message(QT_TRANSLATE_NOOP("Errors", "C0 cannot be moved"))
        _require(self.space == "k" or self.id != doc.root, c0)
        _check_parent(doc, self.space, self.parent)
        if self.parent is not None:
            looping = self.parent == self.id or self.id in doc.ancestors(self.space, self.parent)
            template = QT_TRANSLATE_NOOP(
                "Errors", "a node cannot be moved under itself or its own descendants"
            )
            _require(not looping, Message(template))
        old_parent = doc.node(self.space, self.id).parent
        old_position = doc.position(self.space, self.id)
        staying = len(doc.children(self.space, self.parent)) - (old_parent == self.parent)
        _require_index(self.position, staying)
        doc._move_node(self.space, self.id, self.parent, self.position)
        return MoveNode(self.space, self.id, old_parent, old_position)


@dataclass(frozen=True, slots=True)
class SetNodeField:
    """Change one field of a node (tags and votes have operations of their own)."""

    space: Space
    id: str
    field: str
    value: Any

    def apply(self, doc: Document) -> Operation:
        _require_node(doc, self.space, self.id)
        _require_field(self.field, EDITABLE_NODE_FIELDS[self.space], SPACE_NAMES[self.space])
        old = doc.node(self.space, self.id)
        node = _build(NODE_TYPES[self.space], {**old.model_dump(), self.field: self.value})
        _require(
            not (self.space == "c" and self.id == doc.root and node.partition is not None),
            Message(QT_TRANSLATE_NOOP("Errors", "C0 has no partition")),
        )
        _check_node_references(doc, self.space, node)
        doc._replace_node(self.space, node, self.field)
        return SetNodeField(self.space, self.id, self.field, getattr(old, self.field))


def _replace_concept_list(doc: Document, concept_id: str, field: str, items: list) -> None:
    concept = doc.concept(concept_id)
    node = _build(Concept, {**concept.model_dump(), field: items})
    _check_node_references(doc, "c", node)
    doc._replace_node("c", node, field)


@dataclass(frozen=True, slots=True)
class AddTag:
    """Tag a concept with a theme, on behalf of a participant (or nobody)."""

    concept: str
    theme: str
    by: str | None = None
    position: int | None = None

    def apply(self, doc: Document) -> Operation:
        _require_node(doc, "c", self.concept)
        tags = [tag.model_dump() for tag in doc.concept(self.concept).tags]
        position = len(tags) if self.position is None else self.position
        _require_index(position, len(tags))
        tags.insert(position, {"theme": self.theme, "by": self.by})
        _replace_concept_list(doc, self.concept, "tags", tags)
        return RemoveTag(self.concept, self.theme, self.by)


@dataclass(frozen=True, slots=True)
class RemoveTag:
    concept: str
    theme: str
    by: str | None = None

    def apply(self, doc: Document) -> Operation:
        _require_node(doc, "c", self.concept)
        tags = [tag.model_dump() for tag in doc.concept(self.concept).tags]
        wanted = {"theme": self.theme, "by": self.by}
        _require(wanted in tags, f"'{self.concept}' has no such tag of theme '{self.theme}'")
        position = tags.index(wanted)
        del tags[position]
        _replace_concept_list(doc, self.concept, "tags", tags)
        return AddTag(self.concept, self.theme, self.by, position)


@dataclass(frozen=True, slots=True)
class SetVote:
    """Set a participant's dots on a concept; a count of 0 removes their vote."""

    concept: str
    by: str | None
    count: int
    position: int | None = None

    def apply(self, doc: Document) -> Operation:
        _require_node(doc, "c", self.concept)
        _require(
            type(self.count) is int and 0 <= self.count <= limits.MAX_VOTE_COUNT,
            Message(
                QT_TRANSLATE_NOOP("Errors", "a vote counts 0 to {most} dots, not {count}"),
                most=limits.MAX_VOTE_COUNT,
                count=repr(self.count),
            ),
        )
        votes = [vote.model_dump() for vote in doc.concept(self.concept).votes]
        index = next((i for i, v in enumerate(votes) if v["by"] == self.by), None)
        old_count = 0 if index is None else votes[index]["count"]
        if index is not None:
            del votes[index]
        if self.count:
            position = index if index is not None else self.position
            position = len(votes) if position is None else position
            _require_index(position, len(votes))
            votes.insert(position, {"by": self.by, "count": self.count})
        _replace_concept_list(doc, self.concept, "votes", votes)
        return SetVote(self.concept, self.by, old_count, index)


@dataclass(frozen=True, slots=True)
class AddLink:
    """Link a concept and a knowledge item; `index` in the list of links (None: last)."""

    link: dict[str, Any]
    index: int | None = None

    def apply(self, doc: Document) -> Operation:
        link = _build(Link, self.link)
        _require(not doc.has_id(link.id), f"the id '{link.id}' is already used")
        _check_link_ends(doc, link)
        count = doc.link_count()
        index = count if self.index is None else self.index
        _require_index(index, count, "index")
        template = QT_TRANSLATE_NOOP("Errors", "a session holds at most {most} links")
        _require(count < limits.MAX_LINKS, Message(template, most=limits.MAX_LINKS))
        doc._insert_link(link, index)
        return RemoveLink(link.id)


def _check_link_ends(doc: Document, link: Link, ignore: str | None = None) -> None:
    _require(doc.has_node("c", link.concept), f"'{link.concept}' is not a concept")
    _require(doc.has_node("k", link.knowledge), f"'{link.knowledge}' is not a knowledge item")
    twin = doc.find_link(link.concept, link.knowledge, link.kind)
    template = QT_TRANSLATE_NOOP(
        "Errors", "a {kind} link from '{concept}' to '{knowledge}' exists already"
    )
    _require(
        twin is None or twin.id == ignore,
        Message(template, kind=link.kind, concept=link.concept, knowledge=link.knowledge),
    )


@dataclass(frozen=True, slots=True)
class RemoveLink:
    id: str

    def apply(self, doc: Document) -> Operation:
        _require_link(doc, self.id)
        data = doc.link(self.id).model_dump()
        index = doc._delete_link(self.id)
        return AddLink(data, index)


@dataclass(frozen=True, slots=True)
class SetLinkField:
    id: str
    field: str
    value: Any

    def apply(self, doc: Document) -> Operation:
        _require_link(doc, self.id)
        _require_field(self.field, EDITABLE_LINK_FIELDS, "a link")
        old = doc.link(self.id)
        link = _build(Link, {**old.model_dump(), self.field: self.value})
        _check_link_ends(doc, link, ignore=self.id)
        doc._replace_link(link, self.field)
        return SetLinkField(self.id, self.field, getattr(old, self.field))


@dataclass(frozen=True, slots=True)
class AddRecord:
    """Add a theme, a participant or a round at `index` (None: last)."""

    section: Section
    record: dict[str, Any]
    index: int | None = None

    def apply(self, doc: Document) -> Operation:
        _require_section(self.section)
        record = _build(RECORD_TYPES[self.section], self.record)
        _require(not doc.has_id(record.id), f"the id '{record.id}' is already used")
        count = len(doc.records(self.section))
        most = RECORD_LIMITS[self.section]
        _require(count < most, Message(SESSION_FULL[self.section], most=most))
        index = count if self.index is None else self.index
        _require_index(index, count, "index")
        _check_record_references(doc, record)
        doc._insert_record(self.section, record, index)
        return RemoveRecord(self.section, record.id)


@dataclass(frozen=True, slots=True)
class RemoveRecord:
    """Remove a theme, participant or round nothing refers to (see edits for the cascade)."""

    section: Section
    id: str

    def apply(self, doc: Document) -> Operation:
        _require_record(doc, self.section, self.id)
        uses = references_to(doc, self.id)
        _require(not uses, f"'{self.id}' is still referred to {len(uses)} time(s)")
        data = doc.record(self.section, self.id).model_dump()
        index = doc._delete_record(self.section, self.id)
        return AddRecord(self.section, data, index)


@dataclass(frozen=True, slots=True)
class SetRecordField:
    section: Section
    id: str
    field: str
    value: Any

    def apply(self, doc: Document) -> Operation:
        _require_record(doc, self.section, self.id)
        _require_field(self.field, EDITABLE_RECORD_FIELDS[self.section], self.section)
        old = doc.record(self.section, self.id)
        record = _build(RECORD_TYPES[self.section], {**old.model_dump(), self.field: self.value})
        _check_record_references(doc, record)
        doc._replace_record(self.section, record, self.field)
        return SetRecordField(self.section, self.id, self.field, getattr(old, self.field))


@dataclass(frozen=True, slots=True)
class SetMeta:
    field: str
    value: Any

    def apply(self, doc: Document) -> Operation:
        _require_field(self.field, EDITABLE_META_FIELDS, "meta")
        old = doc.meta
        meta = _build(Meta, {**old.model_dump(), self.field: self.value})
        participants = doc.record_ids("participants")
        strangers = [pid for pid in meta.facilitators if pid not in participants]
        _require(not strangers, f"'{strangers[0] if strangers else ''}' is not a participant")
        doc._replace_meta(meta, self.field)
        return SetMeta(self.field, getattr(old, self.field))


@dataclass(frozen=True, slots=True)
class Compound:
    """Several operations as one step: all of them happen, or none."""

    operations: tuple[Operation, ...]
    label: str = ""

    def apply(self, doc: Document) -> Operation:
        _require(
            isinstance(self.operations, tuple | list)
            and all(callable(getattr(op, "apply", None)) for op in self.operations),
            "a compound operation holds a sequence of operations",
        )
        inverses: list[Operation] = []
        try:
            for operation in self.operations:
                inverses.append(operation.apply(doc))
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply(doc)
            raise
        return Compound(tuple(reversed(inverses)), self.label)


def references_to(doc: Document, id_: str) -> list[Operation]:
    """The operations that would remove every reference to a theme or participant
    (or, for the rounds alone, a concept: see `round_references_to`)."""
    undo: list[Operation] = []
    for concept_id in doc.walk("c"):
        concept = doc.concept(concept_id)
        undo += [
            RemoveTag(concept_id, tag.theme, tag.by)
            for tag in concept.tags
            if id_ in (tag.theme, tag.by)
        ]
        undo += [SetVote(concept_id, vote.by, 0) for vote in concept.votes if vote.by == id_]
        if concept.author == id_:
            undo.append(SetNodeField("c", concept_id, "author", None))
    undo += [
        SetNodeField("k", item_id, "holder", None)
        for item_id in doc.walk("k")
        if doc.knowledge(item_id).holder == id_
    ]
    if id_ in doc.meta.facilitators:
        kept = [pid for pid in doc.meta.facilitators if pid != id_]
        undo.append(SetMeta("facilitators", kept))
    for round_ in doc.rounds:
        if id_ in round_.participants:
            kept = [pid for pid in round_.participants if pid != id_]
            undo.append(SetRecordField("rounds", round_.id, "participants", kept))
        if any(id_ in dots for dots in round_.earlier.values()):
            earlier = {
                cid: {pid: n for pid, n in dots.items() if pid != id_}
                for cid, dots in round_.earlier.items()
            }
            undo.append(SetRecordField("rounds", round_.id, "earlier", earlier))
    return undo + round_references_to(doc, {id_})


def round_references_to(doc: Document, concepts: set[str]) -> list[Operation]:
    """The operations that take these concepts out of every round that names them."""
    undo: list[Operation] = []
    for round_ in doc.rounds:
        if concepts & set(round_.earlier):  # first: earlier dots only on the round's concepts
            earlier = {cid: d for cid, d in round_.earlier.items() if cid not in concepts}
            undo.append(SetRecordField("rounds", round_.id, "earlier", earlier))
        kept = [cid for cid in round_.concepts if cid not in concepts]
        if len(kept) < len(round_.concepts):
            undo.append(SetRecordField("rounds", round_.id, "concepts", kept))
    return undo
