"""The tree every importer reads into and every exporter writes from.

A format only has to know its own syntax: what a text, a note, a folded
branch or a column means in C-K terms is decided once, in `graft`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ckstudio.model.problems import QT_TRANSLATE_NOOP, Message

# Bigger inputs are refused before parsing: a session holds at most 100,000 nodes,
# and a file of that many short nodes stays well under this.
MAX_INPUT_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 500  # deeper trees are refused: no C-K map nests that far, a crafted file does

# The fields a row or a node may carry beyond its text, by the names CSV headers use.
FIELDS = ("notes", "theme", "partition", "reach", "outcome", "status", "author", "holder", "source")


@dataclass(slots=True)
class OutlineNode:
    """One node read from another tool: its text, notes, fold and C-K fields."""

    text: str
    notes: str = ""
    folded: bool = False
    fields: dict[str, str] = field(default_factory=dict)
    children: list[OutlineNode] = field(default_factory=list)


@dataclass(slots=True)
class Outline:
    """A forest read from a file, its title if the file names one, and what it held
    that has no C-K meaning (links, icons, styles): said to the user, never lost silently."""

    roots: list[OutlineNode]
    title: str = ""
    warnings: list[Message] = field(default_factory=list)
    centred: bool = False  # one root by the format's nature (a mind map's centre), not by chance

    def walk(self) -> Iterator[tuple[OutlineNode, int]]:
        """Every node with its depth (roots at 0), parents before children."""
        stack = [(node, 0) for node in reversed(self.roots)]
        while stack:
            node, depth = stack.pop()
            yield node, depth
            stack.extend((child, depth + 1) for child in reversed(node.children))

    def count(self) -> int:
        return sum(1 for _ in self.walk())


class ImportRefused(ValueError):
    """The input cannot be imported; `args[0]` says why in one sentence (a Message,
    translated by the window). Nothing has been added anywhere."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def refuse(template: str, **values: object) -> ImportRefused:
    """An ImportRefused from a sentence template marked with QT_TRANSLATE_NOOP("Errors", …)."""
    return ImportRefused(Message(template, **values))


def check_size(data: bytes, size: int | None = None) -> None:
    """Refuse input too big to be a map before any parsing (`size`: the whole
    file's, when only its first bytes were read)."""
    size = len(data) if size is None else size
    if size > MAX_INPUT_BYTES:
        raise refuse(
            QT_TRANSLATE_NOOP(
                "Errors", "the file is too big to import ({size} MB, at most {most} MB)"
            ),
            size=round(size / 1e6, 1),
            most=MAX_INPUT_BYTES // 1_000_000,
        )


def decode_text(data: bytes) -> str:
    """UTF-8 text (a byte-order mark allowed), or a clear refusal: a file in another
    encoding is not guessed at, since a wrong guess would import garbled words."""
    check_size(data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise refuse(
            QT_TRANSLATE_NOOP(
                "Errors",
                "the file is not UTF-8 text (byte {offset}); save it as UTF-8 and try again",
            ),
            offset=error.start,
        ) from None


def check_depth(outline: Outline) -> None:
    """Refuse trees nested deeper than any real map (they would exhaust the layout)."""
    if any(depth > MAX_DEPTH for _, depth in outline.walk()):
        raise refuse(
            QT_TRANSLATE_NOOP("Errors", "the tree is nested more than {most} levels deep"),
            most=MAX_DEPTH,
        )
