"""Finding text in a session: accents, case and typographic quirks ignored.

A facilitator types "ecole" on a laptop keyboard and expects "L'École" (and
"ÉCOLES", and "l’école" with a typographic apostrophe). Both the query and the
texts are *folded* the same way before a plain substring test. Folding is per
character (plus whitespace runs made one space), so a text that contains the
query as typed always contains it once folded too.

Concepts and knowledge items are searched (text, notes, and a knowledge
item's source); link notes are not: a hit must be a node the map can select
and show. Folded texts are cached per record: records are immutable and an
edit replaces the record, so a record seen before needs no folding again and a
search of 10,000 nodes costs a walk and some substring tests.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from ckstudio.model.document import Document, Space
from ckstudio.model.session import Node

# What Unicode decomposition and case folding leave as one letter, and the
# typographic marks a keyboard does not type.
_LIGATURES = str.maketrans(
    {
        "œ": "oe",
        "æ": "ae",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "′": "'",
        "‐": "-",
        "‑": "-",
        "–": "-",
        "—": "-",
    }
)
_LATIN_MARKS = re.compile("[\u0300-\u036f]+")  # the accents of Latin letters, quickly
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")  # where the other marks can be
FIELDS: dict[Space, tuple[str, ...]] = {"c": ("text", "notes"), "k": ("text", "notes", "source")}


def fold(text: str) -> str:
    """The form texts are compared in: no accents, no case, one kind of apostrophe,
    whitespace runs made one space, no space at the ends."""
    if text.isascii():
        return " ".join(text.lower().split())
    # Unicode's compatibility caseless matching, twice round: a decomposition can
    # bring out capitals ("ℌ" gives "H") and case folding can bring out new marks.
    decomposed = unicodedata.normalize(
        "NFKD", unicodedata.normalize("NFKD", text.casefold()).casefold()
    )
    bare = _NON_ASCII.sub(_drop_marks, _LATIN_MARKS.sub("", decomposed))
    return " ".join(bare.translate(_LIGATURES).split())


def _drop_marks(run: re.Match[str]) -> str:
    return "".join(c for c in run[0] if not unicodedata.combining(c))


class Hit(NamedTuple):
    """A node that matches, and which of its fields do ("text", "notes", "source").

    A named tuple: a one-letter query can match every node, and these are made
    several times faster than a frozen dataclass."""

    space: Space
    id: str
    fields: tuple[str, ...]


# A node, its folded fields joined by a line break (which no folded text holds) for one
# quick test of the whole node, and each field's name with its folded text.
_Folded = tuple[Node, str, tuple[tuple[str, str], ...]]


def _fold_node(space: Space, node: Node) -> _Folded:
    fields = tuple((name, fold(getattr(node, name))) for name in FIELDS[space])
    return node, "\n".join(text for _, text in fields), fields


class Finder:
    """Searches one Document; keeps the folded texts of the records it has seen.

    The loop of `find` is written out (no helper call per node): it is the cost
    of every keystroke on a large map."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._folded: dict[str, _Folded] = {}

    def find(self, query: str) -> list[Hit]:
        """The nodes matching `query`, in map order: C-space tree order, then K-space.
        A query that folds to nothing (empty, spaces, lone accents) finds nothing."""
        needle = fold(query)
        if not needle:
            return []
        hits: list[Hit] = []
        folded = self._folded
        for space in ("c", "k"):
            for ref in self._doc.walk(space):
                node = self._doc.node(space, ref)
                entry = folded.get(ref)
                if entry is None or entry[0] is not node:
                    entry = folded[ref] = _fold_node(space, node)
                if needle in entry[1]:
                    hits.append(Hit(space, ref, tuple([n for n, t in entry[2] if needle in t])))
        self._forget_removed()
        return hits

    def _forget_removed(self) -> None:
        """Drop the cache of removed nodes, once they make a good part of it."""
        alive = self._doc.node_count("c") + self._doc.node_count("k")
        if len(self._folded) > 2 * alive:
            self._folded = {
                ref: entry
                for ref, entry in self._folded.items()
                if self._doc.has_node("c", ref) or self._doc.has_node("k", ref)
            }
