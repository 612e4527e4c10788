"""Markdown outlines and indented plain text: read, and written as Markdown.

Reading takes headings (#, ##…) and list items (-, *, +, 1., 1)) at any
indentation, tabs or spaces: a line's parent is the nearest line above it that
is less indented, so whatever unit the file uses works. A text with no heading
and no list item is an indented outline: every line is a node. In Markdown,
a line that is not an item is a note of the item it stands under; blank lines
separate nothing but a note's paragraphs. A fenced code block (``` or ~~~) is
kept as typed in the note of the item or heading above it, its lines never read
as items. A setext heading (a line underlined with "===" or "---") is a heading
of level 1 or 2; a thematic break ("---", "***", "___" alone) is layout, left
out; an empty item holding no note and no item has nothing to import, left out
and counted in a warning (one holding some stays, to keep the tree's shape).

Written as a title heading, then "- " items two spaces deeper per level, each
note line under its item at the item's text column. A text's line breaks are
Markdown hard breaks (a backslash ending the line), and Markdown's special
characters are backslash-escaped, so a text starting with "#", "-" or "1."
comes back as it was (read back, a hard break never takes a line that is an
item, a heading or a fence: the backslash then stays, as typed). What the
format cannot keep: spaces and tabs at the start and end of a line
(indentation is the tree), blank lines opening or closing a note, empty nodes
holding nothing, folds and C-K fields. Lone carriage returns read as newlines.
"""

from __future__ import annotations

import re

from ckstudio.interchange.outline import Outline, OutlineNode, check_depth, decode_text, refuse
from ckstudio.model.problems import QT_TRANSLATE_NOOP, Message

_EMPTY = QT_TRANSLATE_NOOP("Errors", "the file is empty")
_NOTHING = QT_TRANSLATE_NOOP("Errors", "the text holds nothing to import")
_EMPTY_ITEMS = QT_TRANSLATE_NOOP("Errors", "{n} empty list items were left out")

_HEADING = re.compile(r"(#{1,6})(?:[ \t]+|$)(.*)")
_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)(.*)")
_CLOSING = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")  # "## Title ##": the closing hashes
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash before ASCII punctuation
_HARD_BREAK = re.compile(r"(?<!\\)(?:\\\\)*\\$")  # a line ending in an unescaped backslash
_FENCE = re.compile(r"(`{3,})[^`]*|(~{3,}).*")  # opens a fenced code block
_RULE = re.compile(r"(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}")  # a thematic break
_UNDERLINE = {"=": 1, "-": 2}  # a setext heading's underline: its level
_SETEXT = re.compile(r"=+|-{2,}")
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
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    reader.feed([_PASTE_MARK.sub(r"\1- ", raw.lstrip("\ufeff"), count=1) for raw in lines])
    outline = Outline(reader.roots, warnings=reader.warnings())
    check_depth(outline)
    return outline


def _read(text: str) -> tuple[Outline, set[int]]:
    """The outline, and the ids of the nodes that were headings."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    markdown = any(_is_markdown(line.strip(" \t")) for line in lines)
    reader = _Reader(markdown)
    reader.feed(lines)
    outline = Outline(reader.roots, warnings=reader.warnings())
    check_depth(outline)
    return outline, reader.headings


def _is_markdown(content: str) -> bool:
    """Whether a line is Markdown's own: a heading, an item, a code fence or a
    "===" underline (an indented outline has none of them)."""
    if content.startswith("=") and _SETEXT.fullmatch(content):
        return True
    return any(pattern.fullmatch(content) for pattern in (_HEADING, _ITEM, _FENCE))


def _indent(raw: str) -> int:
    expanded = raw.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


class _Fence:
    """An open fenced code block: what closes it, and its lines as typed."""

    def __init__(self, mark: str, indent: int, blanks: int) -> None:
        self.mark = mark
        self.indent = indent
        self.blanks = blanks  # blank lines before it, for the note it joins
        self.lines: list[str] = []

    def closes(self, content: str) -> bool:
        return content.startswith(self.mark) and not content.strip(self.mark[0] + " \t")

    def add(self, raw: str) -> None:
        """A line without the fence's own indentation (the block's is kept)."""
        expanded = raw.expandtabs(4)
        self.lines.append(expanded[min(self.indent, _indent(raw)) :].rstrip(" \t"))


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
        self.broken = ""  # the hard break ending its text, put back if nothing goes on
        self.noted: OutlineNode | None = None  # the node the last note line went to
        self.fence: _Fence | None = None
        self.blanks = 0
        self.empty: set[int] = set()  # the ids of the items read with no text
        self.empty_items = 0  # how many of them held nothing, left out

    def feed(self, lines: list[str]) -> None:
        """Every line, a setext heading's underline read with the line above it."""
        taken = False
        for number, raw in enumerate(lines):
            if not taken:
                following = lines[number + 1] if number + 1 < len(lines) else ""
                taken = self.line(raw, following)
            else:
                taken = False
        if self.continued is not None:
            self.continued.text += self.broken
            self.continued = None
        if self.fence is not None:
            self._code(self.fence)
        self._leave_out_empty_items()

    def _leave_out_empty_items(self) -> None:
        """Empty items holding no note and no item (once theirs are left out) go."""
        order: list[list[OutlineNode]] = [self.roots]
        for siblings in order:  # breadth first, iterative: a deep tree is no risk
            order.extend(node.children for node in siblings)
        for siblings in reversed(order):  # children before their parents
            kept = [n for n in siblings if id(n) not in self.empty or n.children or n.notes]
            self.empty_items += len(siblings) - len(kept)
            siblings[:] = kept

    def warnings(self) -> list[Message]:
        return [Message(_EMPTY_ITEMS, n=self.empty_items)] if self.empty_items else []

    def line(self, raw: str, following: str = "") -> bool:
        """Reads `raw`; True when `following` was its setext underline, read with it."""
        content = raw.strip(" \t")
        if self.fence is not None:
            if self.fence.closes(content):
                self._code(self.fence)
            else:
                self.fence.add(raw)
            return False
        indent = _indent(raw)
        if not content:
            if self.continued is not None:
                self.continued.text += "\n"
                self.continued = None
            self.blanks += 1
            return False
        blanks, self.blanks = self.blanks, 0
        if not self.markdown:
            self._item(indent, content)
            return False
        in_file = self.notes  # a file's Markdown; pasted lines are all items
        fence = _FENCE.fullmatch(content) if in_file else None
        rule = in_file and _RULE.fullmatch(content) is not None
        heading = _HEADING.fullmatch(content)
        item = None if rule else _ITEM.fullmatch(content)
        if self.continued is not None:
            node, self.continued = self.continued, None
            if not (fence or rule or heading or item):
                node.text += "\n" + self._text(node, content)
                return False
            node.text += self.broken  # a line of its own: the backslash stays as typed
        if fence:
            self.fence = _Fence(fence.group(1) or fence.group(2), indent, blanks)
        elif heading:
            self._heading(len(heading.group(1)), _CLOSING.sub("", heading.group(2)))
        elif item:
            node = self._item(indent, "")
            node.text = self._text(node, item.group(1))
            if not item.group(1).strip(" \t"):
                self.empty.add(id(node))
        elif rule:
            pass  # a thematic break: layout only
        elif in_file and self._underlines(indent, following):
            level = _UNDERLINE[following.strip(" \t")[0]]
            self._heading(level, content)
            return True
        elif in_file and (self.open_items or self.open_headings):
            self._note(indent, _ESCAPED.sub(r"\1", content), blanks)
        else:
            self._item(indent, _ESCAPED.sub(r"\1", content))
        return False

    def _underlines(self, indent: int, following: str) -> bool:
        """Whether `following` makes the line above it a setext heading: both at most
        three spaces in, and the line not a note indented under an item."""
        if indent > 3 or _indent(following) > 3 or not _SETEXT.fullmatch(following.strip(" \t")):
            return False
        return not any(at < indent for at, _ in self.open_items)

    def _text(self, node: OutlineNode, content: str) -> str:
        """A line of an item's text; a hard break at its end continues the text."""
        if _HARD_BREAK.search(content):
            self.continued = node
            kept = content[:-1].rstrip(" \t")
            self.broken = content[len(kept) :]
            content = kept
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

    def _owner(self, indent: int) -> OutlineNode | None:
        """The node a note at `indent` belongs to: the nearest item less indented,
        else the heading it stands under."""
        owner = next((node for at, node in reversed(self.open_items) if at < indent), None)
        if owner is None and self.open_headings:
            owner = self.open_headings[-1][1]
        return owner

    def _note(self, indent: int, text: str, blanks: int) -> None:
        """A paragraph line: a note of its owner, or a node when nothing owns it."""
        owner = self._owner(indent)
        if owner is None:
            self._item(indent, text)
        else:
            self._add_note(owner, text, blanks)

    def _code(self, fence: _Fence) -> None:
        """The closed (or never closed) code block, as typed: a note of the item or
        heading above, or a node of its own when nothing stands above it."""
        self.fence = None
        code = "\n".join(fence.lines).strip("\n")
        if not code:
            return
        owner = self._owner(fence.indent)
        if self.open_items and owner not in (node for _, node in self.open_items):
            owner = self.open_items[-1][1]  # not indented under an item: the item above
        if owner is None:
            self._attach(OutlineNode(code), None)
        else:
            self._add_note(owner, code, fence.blanks)

    def _add_note(self, owner: OutlineNode, text: str, blanks: int) -> None:
        """`text` onto `owner`'s notes: the same paragraph goes on, another one starts."""
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
    parts = [f"# {title}\n\n"] if title else []
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
