"""FreeMind and Freeplane mind maps (.mm): read and written.

Read: each <node>'s text (its TEXT attribute, or its rich text as plain text),
its note (Freeplane's details appended), its fold, and the C-K fields saved as
attributes named like them (a theme given twice keeps both, another field its
first value, said in a warning). A map has one centre; a hand-made file with
several top-level nodes gives them all, as roots. Links, arrows, icons, other attributes, clouds,
colours and add-ons have no C-K meaning: each kind is counted and reported in
one warning. Left and right placement is layout, dropped without a word.

Written in FreeMind 1.0.1's format, which both FreeMind and Freeplane open:
texts as TEXT attributes, notes as HTML paragraphs (one per line), the C-K
fields as attributes so that they come back on import. The file is ASCII,
other characters as numeric references, as both tools write them; characters
XML 1.0 cannot hold (control characters other than tab and line breaks) are
left out. A map has one centre: a forest is written under a centre bearing
the outline's title, and a map has no title of its own to read back.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from xml.etree.ElementTree import Element, tostring

from ckstudio.interchange.outline import FIELDS, Outline, OutlineNode, check_depth, refuse
from ckstudio.interchange.xmlfiles import (
    ATTRIBUTES,
    LINKS,
    Tally,
    local_name,
    parse,
    xml_attribute,
    xml_text,
)
from ckstudio.model.problems import QT_TRANSLATE_NOOP

_NOT_A_MAP = QT_TRANSLATE_NOOP(
    "Errors",
    "this is not a FreeMind or Freeplane map: its first element is <{found}>, not <map>",
)
_NO_NODE = QT_TRANSLATE_NOOP("Errors", "the map holds no node")
_ARROWS = QT_TRANSLATE_NOOP("Errors", "arrows between nodes not imported: {n}")
_ICONS = QT_TRANSLATE_NOOP("Errors", "icons not imported: {n}")
_CLOUDS = QT_TRANSLATE_NOOP("Errors", "clouds not imported: {n}")
_LOOKS = QT_TRANSLATE_NOOP(
    "Errors", "nodes whose colours, fonts or edge styles were not imported: {n}"
)
_ADD_ONS = QT_TRANSLATE_NOOP("Errors", "images, formulas and other add-ons not imported: {n}")
_TWICE = QT_TRANSLATE_NOOP(
    "Errors", "fields given twice on one node, only the first value kept: {n} ({names})"
)

_LOOK_ATTRIBUTES = ("COLOR", "BACKGROUND_COLOR", "STYLE", "STYLE_REF", "LOCALIZED_STYLE_REF")
# Hooks that only say how the map looks (Freeplane's styles, automatic colours).
_LOOK_HOOKS = frozenset(
    {
        "MapStyle",
        "AutomaticEdgeColor",
        "NodeConditionalStyles",
        "accessories/plugins/AutomaticLayout.properties",
    }
)
_COUNTED = {"icon": _ICONS, "arrowlink": _ARROWS, "cloud": _CLOUDS}
_HEADER = (
    '<map version="1.0.1">\n'
    "<!-- To view this file, download free mind mapping software FreeMind from "
    "http://freemind.sourceforge.net -->\n"
)


def read(data: bytes) -> Outline:
    """The tree of a FreeMind or Freeplane map; ImportRefused if it is not one."""
    root = parse(data)
    if local_name(root) != "map":
        raise refuse(_NOT_A_MAP, found=local_name(root)[:40])
    tops = [child for child in root if local_name(child) == "node"]
    if not tops:
        raise refuse(_NO_NODE)
    tally = Tally()
    roots: list[OutlineNode] = []
    stack: list[tuple[Element, list[OutlineNode]]] = [(top, roots) for top in reversed(tops)]
    while stack:  # iterative: a deep map must not exhaust Python's stack
        element, siblings = stack.pop()
        node, children = _node(element, tally)
        siblings.append(node)
        stack.extend((child, node.children) for child in reversed(children))
    outline = Outline(roots, warnings=tally.messages(), centred=len(roots) == 1)
    check_depth(outline)
    return outline


def _node(element: Element, tally: Tally) -> tuple[OutlineNode, list[Element]]:
    """One node without its children, and its child <node> elements."""
    text = element.get("TEXT", element.get("LOCALIZED_TEXT", ""))
    if _looks_like_html(text):  # FreeMind 0.8 kept rich text in TEXT
        text = html_to_text(text)
    node = OutlineNode(text, folded=element.get("FOLDED") == "true")
    if element.get("LINK"):
        tally.add(LINKS)
    looks = any(element.get(name) for name in _LOOK_ATTRIBUTES)
    notes, details, children = "", "", []
    for child in element:
        kind = local_name(child)
        if kind == "node":
            children.append(child)
        elif kind == "richcontent":
            which = (child.get("TYPE") or "").upper()
            if which == "NODE":
                node.text = _rich_text(child).strip() or node.text
            elif which == "NOTE":
                notes = _rich_text(child)
            elif which == "DETAILS":
                details = _rich_text(child)
        elif kind == "attribute":
            _field(node, child, tally)
        elif kind in _COUNTED:
            tally.add(_COUNTED[kind])
        elif kind in ("font", "edge"):
            looks = True
        elif kind == "hook":
            if child.get("NAME") in _LOOK_HOOKS:
                looks = True
            else:
                tally.add(_ADD_ONS)
    if looks:
        tally.add(_LOOKS)
    node.notes = "\n\n".join(part for part in (notes, details) if part)
    return node, children


def _field(node: OutlineNode, attribute: Element, tally: Tally) -> None:
    """An <attribute> into the node's fields. Freeplane lets a name come twice:
    themes add up, another field keeps its first value and the loss is counted."""
    name = attribute.get("NAME", "")
    key, value = name.strip().lower(), attribute.get("VALUE", "")
    if key not in FIELDS:
        tally.add(ATTRIBUTES, name[:40])
    elif key not in node.fields:
        node.fields[key] = value
    elif key == "theme":
        node.fields[key] = "; ".join(part for part in (node.fields[key], value) if part.strip())
    elif value != node.fields[key]:
        tally.add(_TWICE, key)


def _looks_like_html(text: str) -> bool:
    return text.lstrip()[:5].lower() == "<html"


def _rich_text(element: Element) -> str:
    """A <richcontent> as plain text: its HTML rendered as lines, or its bare text."""
    html = next((child for child in element if local_name(child) == "html"), None)
    if html is None:
        return "".join(element.itertext()).strip()
    return html_to_text(tostring(html, encoding="unicode"))


def html_to_text(html: str) -> str:
    """The plain text of an HTML fragment: paragraphs and line breaks become
    newlines, entities are decoded, heads, scripts and styles dropped."""
    reader = _PlainText()
    reader.feed(html)
    reader.close()
    return reader.text()


_BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "blockquote", "pre"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "body", "html"}
)
# A block that is a line even when empty: an empty paragraph is a blank line.
_LINES = frozenset({"p", "li", "pre", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6"})
_HIDDEN = frozenset({"head", "script", "style", "title"})
_FOLD = "\x00"  # stands for layout whitespace (spaces around a line break in the source)
_FOLDS = re.compile("[ \t\r]*\n[ \t\r\n]*")


class _PlainText(HTMLParser):
    """HTML to lines. Whitespace holding a line break is the source's layout and
    folds into one space; spaces without one are kept, as typed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.pieces: list[str] = []
        self.opened: list[int] = []
        self.hidden = 0
        self.verbatim = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self._flush(empty_too=True)
        elif tag in _BLOCKS:
            self._flush()
            self.opened.append(len(self.lines))
            if tag == "pre":
                self.verbatim += 1
        elif tag in ("td", "th") and self.pieces:
            self.pieces.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._flush(empty_too=True)
        elif tag in _LINES:
            self._flush()
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            start = self.opened.pop() if self.opened else len(self.lines)
            self._flush(empty_too=tag in _LINES and len(self.lines) == start)
            if tag == "pre":
                self.verbatim = max(0, self.verbatim - 1)

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if self.verbatim:
            for number, line in enumerate(data.split("\n")):
                if number:
                    self._flush(empty_too=True)
                self.pieces.append(line)
        else:
            self.pieces.append(_FOLDS.sub(_FOLD, data))

    def _flush(self, empty_too: bool = False) -> None:
        line = "".join(self.pieces).strip(_FOLD)
        line = re.sub(f" ?{_FOLD}+ ?", " ", line)
        self.pieces.clear()
        if line or empty_too:
            self.lines.append(line)

    def text(self) -> str:
        self._flush()
        return "\n".join(self.lines)


def write(outline: Outline) -> bytes:
    """A FreeMind 1.0.1 map of `outline` (Freeplane opens it as it is)."""
    if len(outline.roots) == 1:
        centre = outline.roots[0]
    else:
        centre = OutlineNode(outline.title, children=outline.roots)
    parts = [_HEADER]
    stack: list[OutlineNode | None] = [centre]
    number = 0
    while stack:
        node = stack.pop()
        if node is None:
            parts.append("</node>\n")
            continue
        number += 1
        folded = ' FOLDED="true"' if node.folded else ""
        if _looks_like_html(node.text):  # TEXT would be read as FreeMind 0.8's rich text
            parts.append(f'<node ID="ID_{number}"{folded}>\n')
            parts.append(_rich("NODE", node.text))
        else:
            parts.append(f'<node ID="ID_{number}" TEXT="{xml_attribute(node.text)}"{folded}>\n')
        for name, value in node.fields.items():
            parts.append(
                f'<attribute NAME="{xml_attribute(name)}" VALUE="{xml_attribute(value)}"/>\n'
            )
        if node.notes:
            parts.append(_rich("NOTE", node.notes))
        stack.append(None)
        stack.extend(reversed(node.children))
    parts.append("</map>\n")
    return "".join(parts).encode("ascii", "xmlcharrefreplace")


def _rich(kind: str, text: str) -> str:
    """Rich text as FreeMind writes it: an HTML page, one paragraph per line."""
    paragraphs = "".join(f"    <p>{xml_text(line)}</p>\n" for line in text.split("\n"))
    return (
        f'<richcontent TYPE="{kind}"><html>\n  <head>\n\n  </head>\n  <body>\n'
        f"{paragraphs}  </body>\n</html>\n</richcontent>\n"
    )
