"""Markdown outlines and indented plain text: read, and written as Markdown.

Reading takes headings (#, ##…) and list items (-, *, +, 1., 1)) at any
indentation, tabs or spaces: a line's parent is the nearest line above it that
is less indented, so whatever unit the file uses works. A text with no heading
and no list item is an indented outline: every line is a node. In Markdown,
a line that is not an item is a note of the item it stands under; blank lines
separate nothing but a note's paragraphs.

Written as a title heading, then "- " items two spaces deeper per level, each
note line under its item at the item's text column. A text's line breaks are
Markdown hard breaks (a backslash ending the line), and Markdown's special
characters are backslash-escaped, so a text starting with "#", "-" or "1."
comes back as it was. What the format cannot keep: spaces and tabs at the
start and end of a line (indentation is the tree), blank lines opening or
closing a note, folds and C-K fields. Lone carriage returns read as newlines.
"""

from __future__ import annotations

import re

from ckstudio.interchange.outline import Outline, OutlineNode, check_depth, decode_text, refuse
from ckstudio.model.problems import QT_TRANSLATE_NOOP

_EMPTY = QT_TRANSLATE_NOOP("Errors", "the file is empty")
_NOTHING = QT_TRANSLATE_NOOP("Errors", "the text holds nothing to import")

_HEADING = re.compile(r"(#{1,6})(?:[ \t]+|$)(.*)")
_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)(.*)")
_CLOSING = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")  # "## Title ##": the closing hashes
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash before ASCII punctuation
_HARD_BREAK = re.compile(r"(?<!\\)(?:\\\\)*\\$")  # a line ending in an unescaped backslash
_INLINE = re.compile(r"([\\`*_\[\]<&])")
_STARTS = re.compile(r"^([#>+\-=|~:!])|^(\d+)([.)])")
_UNESCAPED_HASH = re.compile(r"(?<!\\)#")  # in a title: closing hashes would be dropped
_UNIT = 2
# What opens a pasted line without being its text: a list mark of Markdown, of a word
# processor or an e-mail ("•", "◦", "▪", "o" then a tab, French dashes), or a heading's.
_PASTE_MARK = re.compile(r"^([ \t]*)(?:[•◦▪‣–—]|o(?=\t))[ \t]+")


def read(data: bytes) -> Outline:
    """The outline of a Markdown or indented text file. A file that opens with its
    only heading, all the rest under it, takes that heading as its title (the way
    `write` saves one)."""
    text = decode_text(data)
    if not text.strip():
        raise refuse(_EMPTY)
    outline, headings = _read(text)
    if len(outline.roots) == 1 and len(headings) == 1:
        top = outline.roots[0]
        if id(top) in headings and top.children and not top.notes:
            outline = Outline(top.children, top.text, outline.warnings)
    return outline


def read_text(text: str) -> Outline:
    """The outline in pasted text: every line a node, its indentation (and headings)
    making the tree, whatever marks the lines (Markdown's "-" or "1.", or the "•",
    "o" and "–" that word processors and e-mails put). Unlike a file, nothing
    becomes a note: a copied list mixes plain and marked lines, each meant as an item."""
    if not text.strip():
        raise refuse(_NOTHING)
    reader = _Reader(markdown=True, notes=False)
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        reader.line(_PASTE_MARK.sub(r"\1- ", raw.lstrip("\ufeff"), count=1))
    outline = Outline(reader.roots)
    check_depth(outline)
    return outline


def _read(text: str) -> tuple[Outline, set[int]]:
    """The outline, and the ids of the nodes that were headings."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    markdown = any(
        _HEADING.fullmatch(line.strip(" \t")) or _ITEM.fullmatch(line.strip(" \t"))
        for line in lines
    )
    reader = _Reader(markdown)
    for line in lines:
        reader.line(line)
    outline = Outline(reader.roots)
    check_depth(outline)
    return outline, reader.headings


class _Reader:
    """Builds the tree line by line: open headings by level, open items by indent."""

    def __init__(self, markdown: bool, notes: bool = True) -> None:
        self.markdown = markdown
        self.notes = notes  # False: a plain line under an item is an item, not its note
        self.roots: list[OutlineNode] = []
        self.headings: set[int] = set()
        self.open_headings: list[tuple[int, OutlineNode]] = []
        self.open_items: list[tuple[int, OutlineNode]] = []
        self.continued: OutlineNode | None = None  # its text goes on at the next line
        self.noted: OutlineNode | None = None  # the node the last note line went to
        self.blanks = 0

    def line(self, raw: str) -> None:
        content = raw.strip(" \t")
        indent = len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip(" "))
        if not content:
            if self.continued is not None:
                self.continued.text += "\n"
                self.continued = None
            self.blanks += 1
            return
        blanks, self.blanks = self.blanks, 0
        if not self.markdown:
            self._item(indent, content)
            return
        if self.continued is not None:
            node, self.continued = self.continued, None
            node.text += "\n" + self._text(node, content)
            return
        heading = _HEADING.fullmatch(content)
        item = _ITEM.fullmatch(content)
        if heading:
            self._heading(len(heading.group(1)), _CLOSING.sub("", heading.group(2)))
        elif item:
            node = self._item(indent, "")
            node.text = self._text(node, item.group(1))
        elif self.notes and (self.open_items or self.open_headings):
            self._note(indent, _ESCAPED.sub(r"\1", content), blanks)
        else:
            self._item(indent, _ESCAPED.sub(r"\1", content))

    def _text(self, node: OutlineNode, content: str) -> str:
        """A line of an item's text; a hard break at its end continues the text."""
        if _HARD_BREAK.search(content):
            self.continued = node
            content = content[:-1].rstrip(" \t")
        return _ESCAPED.sub(r"\1", content)

    def _heading(self, level: int, text: str) -> None:
        while self.open_headings and self.open_headings[-1][0] >= level:
            self.open_headings.pop()
        node = OutlineNode(_ESCAPED.sub(r"\1", text.strip(" \t")))
        self._attach(node, self.open_headings[-1][1] if self.open_headings else None)
        self.open_headings.append((level, node))
        self.open_items.clear()
        self.headings.add(id(node))

    def _item(self, indent: int, text: str) -> OutlineNode:
        while self.open_items and self.open_items[-1][0] >= indent:
            self.open_items.pop()
        parent = self.open_items[-1][1] if self.open_items else None
        if parent is None and self.open_headings:
            parent = self.open_headings[-1][1]
        node = OutlineNode(text)
        self._attach(node, parent)
        self.open_items.append((indent, node))
        return node

    def _note(self, indent: int, text: str, blanks: int) -> None:
        """A paragraph line: a note of the nearest item less indented, else of the heading."""
        owner = next((node for at, node in reversed(self.open_items) if at < indent), None)
        if owner is None and self.open_headings:
            owner = self.open_headings[-1][1]
        if owner is None:
            self._item(indent, text)
            return
        if owner is self.noted and owner.notes:
            owner.notes += "\n" * (blanks + 1) + text
        else:
            owner.notes = (owner.notes + "\n\n" if owner.notes else "") + text
        self.noted = owner

    def _attach(self, node: OutlineNode, parent: OutlineNode | None) -> None:
        (parent.children if parent is not None else self.roots).append(node)
        self.noted = None


def write(outline: Outline) -> bytes:
    """`outline` as a Markdown list under its title, UTF-8."""
    one_line = re.sub(r"\r\n|[\r\n]", " ", outline.title).strip(" \t")
    title = _UNESCAPED_HASH.sub(r"\\#", _escape(one_line))
    parts = [f"# {title}\n\n"] if outline.title else []
    stack = [(root, 0) for root in reversed(outline.roots)]
    while stack:
        node, depth = stack.pop()
        indent = " " * (_UNIT * depth)
        column = indent + " " * _UNIT
        lines = node.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for number, line in enumerate(lines):
            escaped = _escape(line.strip(" \t"))
            hard_break = "\\" if number < len(lines) - 1 else ""
            lead = f"{indent}- " if number == 0 else column
            parts.append(f"{lead}{escaped}{hard_break}".rstrip(" ") + "\n")
        notes = node.notes.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if any(line.strip(" \t") for line in notes):
            parts.append("\n")
            for line in notes:
                escaped = _escape(line.strip(" \t"))
                parts.append(f"{column}{escaped}\n" if escaped else "\n")
            parts.append("\n")
        stack.extend((child, depth + 1) for child in reversed(node.children))
    return "".join(parts).encode("utf-8", "replace")


def _escape(line: str) -> str:
    """`line` with Markdown's special characters escaped, so that it is read back
    (and shown by any Markdown viewer) as the same text."""
    line = _INLINE.sub(r"\\\1", line)
    return _STARTS.sub(lambda m: "\\" + m[1] if m[1] else m[2] + "\\" + m[3], line, count=1)
