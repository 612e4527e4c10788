"""User text made safe for reportlab's paragraph markup, in the fonts that draw it.

reportlab parses a Paragraph's text as markup: a participant's "<b>" or "&"
would break the page or inject attributes (CVE-2023-33733). Every user string
put in a Paragraph goes through `markup` (the tables and lists, `grid.Grid`,
never parse markup at all): normalised to NFC, escaped, then cut into runs of the
font of the layout's chain that draws each character (Vera first, then the
system's fonts), so French always prints and other scripts print wherever the
system has a font for them. A character no font has becomes a visible "?" in
orange and is reported, never dropped.
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

from ckstudio.layout.fonts import TextMeasure, display_text
from ckstudio.report.fonts import font_name
from ckstudio.report.pdfdraw import Missing

SUBSTITUTE = '<font color="#D55E00">?</font>'


def markup(text: str, measure: TextMeasure, missing: Missing, bold: bool = False) -> str:
    """Paragraph markup for user text: escaped, font runs, line breaks kept."""
    lines = display_text(text).replace("\r\n", "\n").split("\n")
    return "<br/>".join(_line(line, measure, missing, bold) for line in lines)


def _line(line: str, measure: TextMeasure, missing: Missing, bold: bool) -> str:
    parts = []
    for index, piece in measure.runs(_printable(line), bold):
        if index is None:
            missing.chars.update(dict.fromkeys(piece))
            parts.append(SUBSTITUTE * len(piece))
        else:
            name = font_name(measure, index, bold)
            parts.append(f'<font name="{name}">{escape(piece)}</font>')
    return "".join(parts)


def _printable(line: str) -> str:
    """Control characters (a pasted tab, a stray escape) shown as spaces, not as markup."""
    if line.isprintable():  # no control character (the usual case, checked in C)
        return line
    return "".join(" " if unicodedata.category(c) == "Cc" else c for c in line)
