"""OPML 2.0 outlines, as outliners and note apps save them: read and written.

Each <outline> is a node: its `text`, its note in `_note` (the attribute
outliners agree on), the C-K fields as attributes named like them. The head's
title is the outline's title. Links (`url`, `htmlUrl`, `xmlUrl`) and other
attributes have no C-K meaning and are reported, one warning per kind. OPML has
no folds of its own (its expansionState counts lines on screen): folds are not
kept. Characters XML 1.0 cannot hold are left out on writing.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

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

_NOT_OPML = QT_TRANSLATE_NOOP(
    "Errors", "this is not an OPML file: its first element is <{found}>, not <opml>"
)
_NO_BODY = QT_TRANSLATE_NOOP("Errors", "the OPML file has no <body>")
_NO_OUTLINE = QT_TRANSLATE_NOOP("Errors", "the OPML file holds no outline")

_NOTE = "_note"
_LINK_ATTRIBUTES = frozenset({"url", "htmlurl", "xmlurl"})
# Attributes that say nothing a C-K node could keep or miss.
_SILENT = frozenset({"text", "title", _NOTE, "type", "created", "iscomment", "isbreakpoint"})


def read(data: bytes) -> Outline:
    """The outline of an OPML file; ImportRefused if it is not one."""
    root = parse(data)
    if local_name(root) != "opml":
        raise refuse(_NOT_OPML, found=local_name(root)[:40])
    head = _child(root, "head")
    body = _child(root, "body")
    if body is None:
        raise refuse(_NO_BODY)
    title_element = _child(head, "title") if head is not None else None
    title = "".join(title_element.itertext()) if title_element is not None else ""
    tally = Tally()
    roots: list[OutlineNode] = []
    stack: list[tuple[Element, list[OutlineNode]]] = [
        (element, roots) for element in reversed(_outlines(body))
    ]
    if not stack:
        raise refuse(_NO_OUTLINE)
    while stack:  # iterative: a deep outline must not exhaust Python's stack
        element, siblings = stack.pop()
        node = _node(element, tally)
        siblings.append(node)
        stack.extend((child, node.children) for child in reversed(_outlines(element)))
    outline = Outline(roots, title, tally.messages())
    check_depth(outline)
    return outline


def _child(element: Element, name: str) -> Element | None:
    return next((child for child in element if local_name(child) == name), None)


def _outlines(element: Element) -> list[Element]:
    return [child for child in element if local_name(child) == "outline"]


def _node(element: Element, tally: Tally) -> OutlineNode:
    attributes = {name.rsplit("}", 1)[-1]: value for name, value in element.attrib.items()}
    text = attributes.get("text", attributes.get("title", ""))
    node = OutlineNode(text, attributes.get(_NOTE, ""))
    for name, value in attributes.items():
        key = name.lower()
        if key in FIELDS and key != "notes":
            node.fields[key] = value
        elif key in _LINK_ATTRIBUTES:
            tally.add(LINKS)
        elif key not in _SILENT and value:
            tally.add(ATTRIBUTES, name[:40])
    return node


def write(outline: Outline) -> bytes:
    """`outline` as an OPML 2.0 file, UTF-8."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head>\n',
        f"    <title>{xml_text(outline.title)}</title>\n  </head>\n  <body>\n",
    ]
    stack: list[tuple[OutlineNode | None, int]] = [(root, 2) for root in reversed(outline.roots)]
    while stack:
        node, depth = stack.pop()
        indent = "  " * depth
        if node is None:
            parts.append(f"{indent}</outline>\n")
            continue
        attributes = f'text="{xml_attribute(node.text)}"'
        if node.notes:
            attributes += f' {_NOTE}="{xml_attribute(node.notes)}"'
        for name, value in node.fields.items():
            if name in FIELDS and name != "notes":
                attributes += f' {name}="{xml_attribute(value)}"'
        if not node.children:
            parts.append(f"{indent}<outline {attributes}/>\n")
            continue
        parts.append(f"{indent}<outline {attributes}>\n")
        stack.append((None, depth))
        stack.extend((child, depth + 1) for child in reversed(node.children))
    parts.append("  </body>\n</opml>\n")
    return "".join(parts).encode("utf-8")
