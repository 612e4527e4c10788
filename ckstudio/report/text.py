"""User text made safe for reportlab's paragraph markup, in the fonts that draw it.

reportlab parses a Paragraph's text as markup: a participant's "<b>" or "&"
would break the page or inject attributes (CVE-2023-33733). Every user string
put in a Paragraph goes through `markup` (the tables and lists, `grid.Grid`,
never parse markup at all): normalised to NFC, escaped, then cut into runs of the
font of the layout's chain that draws each character (Vera first, then the
system's fonts), so French always prints and other scripts print wherever the
system has a font for them. A character no font has becomes a visible "?" in
orange and is reported, never dropped; an invisible format character (an RLM,
a ZWJ, a soft hyphen: `pdfdraw.unseen`) is not drawn at all.
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

from ckstudio.layout.fonts import TextMeasure, display_text
from ckstudio.report.bidi import needs_visual, visual
from ckstudio.report.fonts import font_name
from ckstudio.report.pdfdraw import Missing, font_finder, marks_with_letters, unseen

SUBSTITUTE = '<font color="#D55E00">?</font>'


def markup(text: str, measure: TextMeasure, missing: Missing, bold: bool = False) -> str:
    """Paragraph markup for user text: escaped, font runs, line breaks kept."""
    lines = display_text(text).replace("\r\n", "\n").split("\n")
    return "<br/>".join(_line(line, measure, missing, bold) for line in lines)


def _line(line: str, measure: TextMeasure, missing: Missing, bold: bool) -> str:
    """One line, right-to-left text shaped and in visual order (`bidi`: short texts
    here, such as a name on the cover; a long one is a `grid.Grid` block)."""
    parts = []
    line = _printable(line)
    if not needs_visual(line):
        runs = measure.runs(unseen(line), bold)
    else:  # the format characters (an RLM...) count for the order, then go
        line = unseen(visual(line, *font_finder(measure, bold)))
        runs = marks_with_letters(measure.runs(line, bold), font_finder(measure, bold)[0])
    for index, piece in runs:
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
