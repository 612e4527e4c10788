"""Turn an imported outline into nodes of a session, as one undoable operation.

Here, and only here, the fields other tools carry get their C-K meaning: a
theme name becomes a tag (the theme made if the session has none of that
name), an author's name a participant, "atteignable" or "reachable" a reach.
A value that means nothing is reported and left out, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ckstudio.interchange.outline import Outline, OutlineNode
from ckstudio.layout.labels import LABELS
from ckstudio.model import edits, limits
from ckstudio.model.document import Document, Space
from ckstudio.model.limits import MAX_NAME, MAX_NOTES, MAX_TEXT
from ckstudio.model.operations import AddTag, Compound, Operation, SetNodeField
from ckstudio.model.problems import QT_TRANSLATE_NOOP, Message, OperationError
from ckstudio.model.search import fold
from ckstudio.model.session import OUTCOMES, PARTITIONS, REACHES, STATUSES, Session
from ckstudio.model.templates import new_session

# Colours given to themes an import creates, in turn (the Okabe-Ito palette, told
# apart by colour-blind readers too).
NEW_THEME_COLOURS = ("#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#D55E00", "#F0E442")
_CHOICES = {"partition": PARTITIONS, "reach": REACHES, "outcome": OUTCOMES, "status": STATUSES}
_CUT = QT_TRANSLATE_NOOP(
    "Errors", "texts longer than {most} characters were cut; their end is in the notes"
)
_NO_MEANING = QT_TRANSLATE_NOOP("Errors", "the column “{name}” has no meaning here: left out")
_NOT_A = QT_TRANSLATE_NOOP("Errors", "“{value}” is not a {name}: left as it was")
_THEME_ADDED = QT_TRANSLATE_NOOP("Errors", "the theme “{name}” was added")
_PERSON_ADDED = QT_TRANSLATE_NOOP("Errors", "the participant “{name}” was added")
_NOTES_CUT = QT_TRANSLATE_NOOP("Errors", "notes longer than {most} characters were cut")
_TITLE_CUT = QT_TRANSLATE_NOOP("Errors", "the title was cut to {most} characters")
_TOO_MANY = QT_TRANSLATE_NOOP(
    "Errors", "the import holds {count} nodes, more than the session has room for ({room})"
)
ADDED = frozenset({_THEME_ADDED, _PERSON_ADDED})  # remarks of what was made, not left out
_SPACE_FIELDS = {
    "c": ("notes", "theme", "partition", "reach", "outcome", "author"),
    "k": ("notes", "status", "holder", "source"),
}


@dataclass(slots=True)
class Graft:
    """The operation adding an outline, the new nodes' ids (roots first, in file
    order) and what was left out or changed on the way."""

    operation: Compound
    roots: list[str]
    folded: list[str]
    warnings: list[Message] = field(default_factory=list)


def graft(doc: Document, outline: Outline, space: Space, parent: str | None) -> Graft:
    """The operation adding `outline`'s trees under `parent` in `space` (K-space roots
    when `parent` is None), with the themes and participants its fields name."""
    _check_room(doc, outline.count())
    builder = _Builder(doc, space)
    roots = [builder.add(node, parent) for node in outline.roots]
    operation = Compound(tuple(builder.steps), "import")
    return Graft(operation, roots, builder.folded, [*outline.warnings, *builder.warnings])


def session_from(
    outline: Outline, space: Space, title: str, language: str = "fr"
) -> tuple[Session, Graft]:
    """A new session holding `outline`, as its C-space or its K-space.

    C: a single root becomes C0 (with its notes and fields), several roots go
    under a C0 named `title`. K: a single root that stands for the K-space (a
    mind map's centre, or a node named like the K-space, as the exports write it)
    gives its children as the pockets; otherwise every root is a pocket."""
    roots = outline.roots
    single = roots[0] if len(roots) == 1 else None
    c0_text = single.text if single and space == "c" else title
    doc = Document(new_session(title[:MAX_NAME], c0_text[:MAX_TEXT], language=language))
    _check_room(doc, outline.count())
    builder = _Builder(doc, space)
    if len(title) > MAX_NAME:
        builder.warnings.append(Message(_TITLE_CUT, most=MAX_NAME))
    if single is not None and space == "c":
        builder.become_c0(single, doc.root)
        roots = single.children
    elif space == "k":
        roots = pockets_of(outline)
    parent = doc.root if space == "c" else None
    added = [builder.add(node, parent) for node in roots]
    operation = Compound(tuple(builder.steps), "import")
    doc.apply(operation)
    result = Graft(operation, added, builder.folded, [*outline.warnings, *builder.warnings])
    return doc.to_session(), result


def pockets_of(outline: Outline) -> list[OutlineNode]:
    """The trees an outline gives the K-space: a single root standing for the K-space
    itself (a mind map's centre, or a node named like the K-space, as our exports
    write it) gives its children; otherwise every root is a pocket."""
    roots = outline.roots
    if len(roots) == 1 and roots[0].children and (outline.centred or _names_k_space(roots[0])):
        return roots[0].children
    return roots


def _names_k_space(node: OutlineNode) -> bool:
    return fold(node.text) in {fold(words["k_space"]) for words in LABELS.values()}


def _check_room(doc: Document, count: int) -> None:
    """Refuse, before building anything, an outline the session cannot hold: an
    import of 200,000 nodes must be told so at once, not after adding 100,000."""
    room = limits.MAX_NODES - doc.node_count("c") - doc.node_count("k")
    if count > room:
        raise OperationError(Message(_TOO_MANY, count=count, room=max(room, 0)))


class _Builder:
    """Collects the AddNode (and theme, participant) steps of one import."""

    def __init__(self, doc: Document, space: Space) -> None:
        self.doc = doc
        self.space = space
        self.steps: list[Operation] = []
        self.folded: list[str] = []
        self.warnings: list[Message] = []
        self.themes = {fold(t.name): t.id for t in doc.themes}
        self.people = {fold(p.name): p.id for p in doc.participants}
        self.children: dict[str | None, int] = {}
        self._said: set[tuple[str, str]] = set()

    def add(self, node: OutlineNode, parent: str | None) -> str:
        """Add `node` and its subtree under `parent` (iteratively: deep trees are fine)."""
        first = self._add_one(node, parent)
        stack = [(child, first) for child in reversed(node.children)]
        while stack:
            child, under = stack.pop()
            new = self._add_one(child, under)
            stack.extend((grandchild, new) for grandchild in reversed(child.children))
        return first

    def become_c0(self, node: OutlineNode, c0: str) -> None:
        """Give C0 the notes and fields of `node` (its text is already C0's). C0
        takes no partition: it is the one concept nothing partitions."""
        fields = self._fields(node)
        fields.pop("partition", None)
        if len(node.text) > MAX_TEXT:  # C0 was made with the text's start: the rest in notes
            _, fields["notes"] = self._text(node.text, fields.get("notes", ""))
        if node.folded:
            self.folded.append(c0)
        for theme in fields.pop("tags", []):
            self.steps.append(AddTag(c0, theme["theme"], None))
        fields["notes"] = self._notes(fields.get("notes", ""))
        self.steps += [SetNodeField("c", c0, name, value) for name, value in fields.items()]

    def _add_one(self, node: OutlineNode, parent: str | None) -> str:
        fields = self._fields(node)
        position = self.children.get(parent)
        if position is None:  # a node of the session: after its children
            position = self.doc.child_count(self.space, parent)
        self.children[parent] = position + 1
        text, notes = self._text(node.text, fields.pop("notes", node.notes))
        new = edits.add_node(self.doc, self.space, parent, text, position, notes=notes, **fields)
        self.steps.append(new)
        self.children[new.node["id"]] = 0
        if node.folded:
            self.folded.append(new.node["id"])
        return new.node["id"]

    def _text(self, text: str, notes: str) -> tuple[str, str]:
        """The node's text within the session's limit; any rest goes to the notes."""
        if len(text) > MAX_TEXT:
            self._warn_once("long", _CUT, most=MAX_TEXT)
            notes = (text[MAX_TEXT:] + ("\n\n" + notes if notes else "")).strip()
            text = text[:MAX_TEXT]
        return text, self._notes(notes)

    def _notes(self, notes: str) -> str:
        """Notes within the session's limit, said when cut."""
        if len(notes) > MAX_NOTES:
            self._warn_once("notes", _NOTES_CUT, most=MAX_NOTES)
        return notes[:MAX_NOTES]

    def _fields(self, node: OutlineNode) -> dict[str, Any]:
        kept: dict[str, Any] = {"notes": node.notes}
        for name, raw in node.fields.items():
            value = raw.strip()
            if not value:
                continue
            if name not in _SPACE_FIELDS[self.space]:
                self._warn_once(name, _NO_MEANING, name=name)
                continue
            if name == "notes":
                kept["notes"] = raw
            elif name == "source":
                kept["source"] = raw[:MAX_NOTES]
            elif name == "theme":
                tags = [{"theme": self._theme(n), "by": None} for n in _names(value)]
                kept["tags"] = list({t["theme"]: t for t in tags}.values())
            elif name in ("author", "holder"):
                kept[name] = self._person(value)
            else:
                choice = _choice(name, value)
                if choice is None:
                    self._warn_once(f"{name}:{value}", _NOT_A, value=value[:80], name=name)
                else:
                    kept[name] = choice
        return kept

    def _theme(self, name: str) -> str:
        key = fold(name)
        if key not in self.themes:
            colour = NEW_THEME_COLOURS[len(self.themes) % len(NEW_THEME_COLOURS)]
            step = edits.add_theme(self.doc, name[:MAX_NAME], colour)
            self.steps.append(step)
            self.themes[key] = step.record["id"]
            self.warnings.append(Message(_THEME_ADDED, name=name[:80]))
        return self.themes[key]

    def _person(self, name: str) -> str:
        key = fold(name)
        if key not in self.people:
            step = edits.add_participant(self.doc, name[:MAX_NAME])
            self.steps.append(step)
            self.people[key] = step.record["id"]
            self.warnings.append(Message(_PERSON_ADDED, name=name[:80]))
        return self.people[key]

    def _warn_once(self, key: str, template: str, **values: object) -> None:
        if (template, key) not in self._said:
            self._said.add((template, key))
            self.warnings.append(Message(template, **values))


def _names(value: str) -> list[str]:
    """The theme names of a cell: "structure; flux" or "structure, flux"."""
    separator = ";" if ";" in value else ","
    return [name.strip() for name in value.split(separator) if name.strip()]


def _choice(name: str, value: str) -> str | None:
    """The code of a field's value written as its code or as its French or English
    label ("atteignable", "reachable", "being acquired"), or None."""
    wanted = fold(value)
    for code in _CHOICES[name]:
        spellings = {code, code.replace("_", " ")} | {words[code] for words in LABELS.values()}
        if wanted in {fold(spelling) for spelling in spellings}:
            return code
    return None
