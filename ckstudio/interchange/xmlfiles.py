"""What the XML formats (FreeMind and Freeplane maps, OPML) share: a parser that
refuses hostile files, text escaping for the writers, and the tally of what a
file held that C-K Studio has no place for.

Parsing goes through defusedxml, so a file declaring entities (the "billion
laughs" bomb, quadratic blow-up) or reaching for an outside file is refused at
its declaration, before any expansion. The file's encoding is the one its
byte-order mark or its XML declaration names, never a guess.
"""

from __future__ import annotations

import codecs
import re
from html.entities import name2codepoint
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import fromstring

from ckstudio.interchange.outline import check_size, refuse
from ckstudio.model.problems import QT_TRANSLATE_NOOP, Message

_EMPTY = QT_TRANSLATE_NOOP("Errors", "the file is empty")
_BROKEN = QT_TRANSLATE_NOOP(
    "Errors",
    "the file is damaged or is not a map of this kind (unreadable at line {line}, column {column})",
)
_ENTITIES = QT_TRANSLATE_NOOP(
    "Errors", "the file declares XML entities, refused for safety (a file could grow without limit)"
)
_OUTSIDE = QT_TRANSLATE_NOOP(
    "Errors", "the file refers to another file or address, which is refused for safety"
)
_UNKNOWN_ENCODING = QT_TRANSLATE_NOOP("Errors", "the file declares an unknown encoding “{name}”")
_MISMATCH = QT_TRANSLATE_NOOP(
    "Errors", "the file says its encoding is {declared} but it is written in {found}"
)
_NOT_DECODED = QT_TRANSLATE_NOOP(
    "Errors", "the file is not valid {encoding} text (byte {offset}); save it again as UTF-8"
)
# What a map or an outline held with no C-K meaning, said by kind (shared by the formats).
LINKS = QT_TRANSLATE_NOOP("Errors", "links to web pages or files not imported: {n}")
ATTRIBUTES = QT_TRANSLATE_NOOP("Errors", "attributes not imported: {n} ({names})")

# Byte-order marks, UTF-32 first: its little-endian mark begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# "<?" in UTF-16 without a byte-order mark (XML 1.0, appendix F).
_UTF16_BARE = ((b"<\x00?\x00", "utf-16-le"), (b"\x00<\x00?", "utf-16-be"))
_DECLARATION = re.compile(r"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z][\w.:-]*)["']""")
# HTML's named entities (&nbsp; &eacute;…): Freeplane writes them inside notes,
# XML does not know them, so they become the numeric references XML reads.
_NAMED = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_NAMED = frozenset({"amp", "lt", "gt", "quot", "apos"})

# Characters XML 1.0 cannot hold, even escaped: the writers leave them out.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#xd;"})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#xa;",
        "\r": "&#xd;",
        "\t": "&#x9;",
    }
)


def parse(data: bytes) -> Element:
    """The root element of an XML file, or ImportRefused saying in one sentence why not."""
    check_size(data)
    text = _decode(data)
    if not text.strip():
        raise refuse(_EMPTY)
    text = _NAMED.sub(_numeric, text)
    try:
        return fromstring(text, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except ParseError as error:
        line, column = error.position
        raise refuse(_BROKEN, line=line, column=column + 1) from None
    except (EntitiesForbidden, DTDForbidden) as error:
        if getattr(error, "sysid", None):
            raise refuse(_OUTSIDE) from None
        raise refuse(_ENTITIES) from None
    except DefusedXmlException:
        raise refuse(_OUTSIDE) from None


def _decode(data: bytes) -> str:
    """The file's text in the encoding its byte-order mark or declaration names."""
    found, body = "", data
    for bom, codec in _BOMS:
        if data.startswith(bom):
            found, body = codec, data[len(bom) :]
            break
    else:
        for start, codec in _UTF16_BARE:
            if data.startswith(start):
                found = codec
    prefix = body[:200].decode(found or "latin-1", errors="replace")
    match = _DECLARATION.match(prefix)
    declared = match.group(1) if match else ""
    try:
        declared_codec = codecs.lookup(declared).name if declared else ""
    except LookupError:
        raise refuse(_UNKNOWN_ENCODING, name=declared[:40]) from None
    family = "-".join(found.split("-")[:2]) if found else "utf-8"
    # An 8-bit file may declare any 8-bit encoding; a byte-order mark, or UTF-16's
    # zero bytes, say for certain what the file is, and a declaration must agree.
    wide = declared_codec.startswith(("utf-16", "utf-32"))
    if declared_codec and not declared_codec.startswith(family) and (found or wide):
        raise refuse(_MISMATCH, declared=declared[:40], found=family.upper())
    encoding = found or declared_codec or "utf-8"
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as error:
        raise refuse(
            _NOT_DECODED, encoding=(declared or encoding).upper(), offset=error.start
        ) from None


def _numeric(match: re.Match[str]) -> str:
    name = match.group(1)
    if name in _XML_NAMED or name not in name2codepoint:
        return match.group()
    return f"&#{name2codepoint[name]};"


def xml_text(text: str) -> str:
    """`text` as element content: what XML 1.0 cannot hold is left out."""
    return NOT_IN_XML.sub("", text).translate(_TEXT_ESCAPES)


def xml_attribute(text: str) -> str:
    """`text` as a double-quoted attribute value, newlines and tabs kept as references
    (a parser would turn them into spaces otherwise)."""
    return NOT_IN_XML.sub("", text).translate(_ATTRIBUTE_ESCAPES)


def local_name(element: Element) -> str:
    """The tag without its namespace, lower case: OPML from some tools has one."""
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1].lower()


class Tally:
    """What a file held that has no C-K meaning, counted by kind: one warning each."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._names: dict[str, dict[str, None]] = {}

    def add(self, template: str, name: str = "") -> None:
        self._counts[template] = self._counts.get(template, 0) + 1
        if name:
            self._names.setdefault(template, {})[name] = None

    def messages(self) -> list[Message]:
        """One Message per kind, `{n}` the count and `{names}` the first names seen."""
        said = []
        for template, count in self._counts.items():
            names = list(self._names.get(template, {}))
            shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
            said.append(Message(template, n=count, names=shown))
        return said
