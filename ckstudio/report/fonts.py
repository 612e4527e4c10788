"""The fonts of the layout's measure, registered in reportlab under stable names.

Every text of a PDF is drawn in the font that measured it: Vera, then the
system's fallback fonts in the same order (`TextMeasure.files`), so that line
breaks and widths are the layout's. reportlab embeds (a subset of) each.
"""

from __future__ import annotations

import struct
import zlib

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont, makeToUnicodeCMap

from ckstudio.layout.fonts import TextMeasure


def font_name(measure: TextMeasure, index: int, bold: bool) -> str:
    """The reportlab name of font `index` of the chain, registered on first use.

    Asked for every run of text drawn: remembered per file (reportlab's list of
    registered names is built anew on each query)."""
    path = measure.files(bold)[index]
    name = _NAMES.get((path, bold, index))
    if name is None:
        name = f"CK{'B' if bold else 'R'}{index}-{zlib.crc32(path.encode()):08x}"
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(_Font(name, path, subfontIndex=0))
        _NAMES[path, bold, index] = name
    return name


_NAMES: dict[tuple[str, bool, int], str] = {}


class _Font(TTFont):
    """reportlab's TrueType font, its ToUnicode maps right beyond the BMP.

    reportlab 5 writes each subset's ToUnicode CMap with `"<%04X>" % code`: a
    character beyond U+FFFF (😀 in DejaVu Sans, a mathematical letter...) comes
    out as `<1F600>`, an odd number of hex digits that readers take for garbage
    (pdftotext gave "ὠ"), so it could be neither copied nor searched. A CMap's
    destination is UTF-16BE: such a character is its surrogate pair,
    `<D83DDE00>`. Each map is written anew here once reportlab has made the
    font's objects (the same map for every character of the BMP).
    """

    def addObjects(self, doc) -> None:
        state = self.state.get(doc)
        subsets = list(state.subsets) if state is not None else []
        super().addObjects(doc)  # which forgets the document's state
        for number, subset in enumerate(subsets):
            if all(code <= 0xFFFF for code in subset):
                continue
            base = b"".join((SUBSETN(number), b"+", self.face.name, self.face.subfontNameX))
            stream = doc.idToObject["toUnicodeCMap:" + base.decode("pdfdoc")]
            stream.content = to_unicode_cmap(base.decode("pdfdoc"), subset)


def hidden_font(measure: TextMeasure) -> str:
    """The reportlab name of a copy of Vera that takes every character: those it lacks
    get its .notdef glyph but their own code in the subset, so that the ToUnicode map
    names them. Only for invisible text (render mode 3) under the box drawn for a
    character no font has, which is then still copied and extracted as itself
    (reportlab gives every such character code 0, extracted as a NUL)."""
    path = measure.files(False)[0]
    name = f"CKH-{zlib.crc32(path.encode()):08x}"
    if name not in _HIDDEN:
        font = _Font(name, path, subfontIndex=0)
        # A face name of its own: reportlab registers a second font of a face as the first.
        font.face.name += b"-Hidden"
        font.face.charToGlyph = _Every(font.face.charToGlyph)
        pdfmetrics.registerFont(font)
        _HIDDEN.add(name)
    return name


_HIDDEN: set[str] = set()


class _Every(dict):
    """A character-to-glyph map that holds every character: .notdef (0) for the others."""

    def __contains__(self, code: object) -> bool:
        return True

    def __missing__(self, code: int) -> int:
        return 0


def to_unicode_cmap(name: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap of a subset, each destination in UTF-16BE."""
    cmap = makeToUnicodeCMap(name, [0] * len(subset)).split("\n")
    start = cmap.index(f"{len(subset)} beginbfchar") + 1
    cmap[start : start + len(subset)] = [
        f"<{code:02X}> <{chr(char).encode('utf-16-be', 'surrogatepass').hex().upper()}>"
        for code, char in enumerate(subset)
    ]
    return "\n".join(cmap)


def mark_ahead(measure: TextMeasure, index: int, bold: bool, char: str) -> bool:
    """Whether font `index` of the chain draws combining mark `char` over the glyph
    drawn after it: its outline lies right of its origin (DejaVu Sans' Arabic
    harakat), where a Latin or Hebrew mark lies left of it, over the glyph before."""
    face = pdfmetrics.getFont(font_name(measure, index, bold)).face
    glyph = face.charToGlyph.get(ord(char), 0)
    if not glyph or face.glyphPos[glyph + 1] == face.glyphPos[glyph]:
        return False  # no outline
    start = face.get_table_pos("glyf")[0] + face.glyphPos[glyph]
    x_min, _, x_max = struct.unpack(">hhh", face._ttf_data[start + 2 : start + 8])
    return x_min + x_max > 0
