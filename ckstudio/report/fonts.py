"""The fonts of the layout's measure, registered in reportlab under stable names.

Every text of a PDF is drawn in the font that measured it: Vera, then the
system's fallback fonts in the same order (`TextMeasure.files`), so that line
breaks and widths are the layout's. reportlab embeds (a subset of) each.
"""

from __future__ import annotations

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
