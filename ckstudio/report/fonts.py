"""The fonts of the layout's measure, registered in reportlab under stable names.

Every text of a PDF is drawn in the font that measured it: Vera, then the
system's fallback fonts in the same order (`TextMeasure.files`), so that line
breaks and widths are the layout's. reportlab embeds (a subset of) each.
"""

from __future__ import annotations

import struct
import zlib

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

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
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=0))
        _NAMES[path, bold, index] = name
    return name


_NAMES: dict[tuple[str, bool, int], str] = {}


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
