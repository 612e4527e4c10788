"""Right-to-left text as a PDF must draw it: Arabic letters shaped, every line in visual order.

A PDF shows glyphs one after the other, left to right, exactly as written:
it neither joins Arabic letters nor reverses right-to-left words, and
reportlab does neither for our text (its own path needs `rlbidi`, which is not
on PyPI, and writes its own strings, not our painter's). So each laid-out line
is turned, once, just before it becomes glyphs (`visual`):

1. Arabic letters become their contextual presentation forms (initial,
   medial, final, isolated, the lam-alef ligatures) with `arabic_reshaper`,
   harakat kept. A form that the font drawing its letter lacks (DejaVu Sans has
   the Arabic forms, not all the Persian and Urdu ones) stays the plain letter,
   so a word is never split between two fonts nor shown as a box.
2. The line is put in visual order by the Unicode bidirectional algorithm
   (UAX #9): `python-bidi`'s Rust engine (the `unicode-bidi` crate) resolves
   each character's embedding level, bracket pairs and isolates included;
   here the resolved levels are applied (rules L1 to L4): right-to-left runs
   reversed, combining marks on the side of their letter where the font draws
   them over it (DejaVu Sans draws Arabic harakat over the glyph after them,
   Hebrew points and Latin accents over the glyph before), brackets and other
   mirrored characters mirrored in right-to-left runs. python-bidi's own
   `get_display` stops at L2 (its issue #25), hence the levels: read from its
   debug report; should that report ever change shape, its `get_display`
   order is used, unmirrored (a test watches for it). A French
   sentence holding an Arabic name keeps its French words in order. The
   direction of a line is given by the text it belongs to (its first strong
   character), as the editor sets a paragraph.

Layout is untouched: lines are wrapped and boxes sized in logical order by
`ckstudio.layout`, as in the editor (where Qt shapes Arabic itself). The
painter puts each run of presentation forms in an `/ActualText` span giving
their plain letters (`actual_text`), so that copying or extracting text gives
letters, not forms, where the reader honours it (poppler does, pypdf does not).

A line with no right-to-left character (nearly all of them) is returned as
it is, after one check in C.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

import arabic_reshaper
from bidi import get_base_level, get_display
from bidi.mirror import MIRRORED

# Where right-to-left characters are (Hebrew to Arabic Extended, the Hebrew and
# Arabic presentation forms, the RTL blocks of the supplementary planes) and the
# controls that make text right-to-left. A few characters in these blocks are
# not right-to-left: such a line just takes the slow path, with the same result.
RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff"
    "\u200f\u202b\u202e\u2067]"
)
LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")
# Reset to the line's level at its end (L1): white space, isolate controls, and
# what X9 leaves out (formatting controls).
TRAILING = frozenset(("WS", "LRI", "RLI", "FSI", "PDI", "BN", "LRE", "RLE", "LRO", "RLO", "PDF"))
# Harakat kept (they are the user's text), no optional ligature beyond lam-alef
# (the library's defaults also make "Allah" one glyph: the letters are drawn instead).
RESHAPER = arabic_reshaper.ArabicReshaper(
    {
        "delete_harakat": False,
        "shift_harakat_position": False,
        "support_ligatures": True,
        "ARABIC LIGATURE ALLAH": False,
    }
)

FontOf = Callable[[str], object]  # a character: the font that draws it (None: none)
MarkAhead = Callable[[str], bool]  # a mark: whether it is drawn over the glyph after it


def needs_visual(line: str) -> bool:
    """Whether `line` holds anything `visual` would change (right-to-left text)."""
    return not line.isascii() and RTL.search(line) is not None


def direction(text: str) -> str:
    """The direction of `text`: "R" if its first strong character is right-to-left."""
    return "R" if needs_visual(text) and get_base_level(text) == 1 else "L"


def visual(line: str, font_of: FontOf | None = None, mark_ahead: MarkAhead | None = None,
           base: str | None = None) -> str:  # fmt: skip
    """`line` (logical order) as drawn left to right: shaped, reordered, mirrored.

    `font_of(char)` tells which font draws a character: a presentation form is
    used only where the same font as its plain letter draws it (without it,
    every form is). `mark_ahead(mark)`: whether the font draws a combining mark
    over the glyph after it (such a mark of a right-to-left letter is drawn
    before it; by default every mark follows its letter). `base`: the direction
    of the paragraph, "L" or "R" (by default the line's own). Lines without
    right-to-left text come back untouched.
    """
    if not needs_visual(line):
        return line
    shaped = RESHAPER.reshape(line)
    if font_of is not None:
        shaped = "".join(_drawable(char, font_of) for char in shaped)
    levels = _levels(shaped, base)
    if levels is None:  # python-bidi's report changed: its order, unmirrored
        return get_display(shaped, base_dir=base)
    return _reorder(shaped, levels, base, mark_ahead or _never)


def _drawable(char: str, font_of: FontOf) -> str:
    """A presentation form, or its plain letters where their font lacks the form."""
    if not ("\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufeff"):
        return char
    return _form_or_letters(char, font_of)


@functools.lru_cache(maxsize=4096)
def _form_or_letters(char: str, font_of: FontOf) -> str:
    letters = unicodedata.normalize("NFKC", char)
    if not letters or letters == char:
        return char
    return char if font_of(char) == font_of(letters[0]) else letters


def _levels(text: str, base: str | None) -> list[int] | None:
    """Each character's resolved embedding level (rules up to I2), from the engine's
    debug report (one level per UTF-8 byte); None if the report is not as expected."""
    report = get_display(text, base_dir=base, debug=True)
    # The text is quoted at the report's top: the last sections are the engine's.
    start, end = report.rfind("levels: ["), report.rfind("paragraphs: [")
    if not 0 <= start < end:
        return None
    per_byte = [int(level) for level in LEVEL.findall(report, start, end)]
    levels, at = [], 0
    for char in text:
        if at >= len(per_byte):
            return None
        levels.append(per_byte[at])
        at += len(char.encode("utf-8"))
    return levels if at == len(per_byte) else None


def _never(mark: str) -> bool:
    return False


def _reorder(text: str, levels: list[int], base: str | None, mark_ahead: MarkAhead) -> str:
    """Rules L1 to L4 on one line: levels reset at its end, runs reversed from the
    highest level down, marks kept after their base (unless the font draws them
    over the glyph after them), mirrored glyphs in right-to-left runs."""
    paragraph = get_base_level(text) if base is None else int(base == "R")
    levels = list(levels)
    for index in range(len(text) - 1, -1, -1):  # L1 (no separator inside a line)
        if unicodedata.bidirectional(text[index]) not in TRAILING:
            break
        levels[index] = paragraph
    # Clusters: a character and the combining marks after it move together (L3).
    clusters: list[list[str]] = []
    cluster_levels: list[int] = []
    for char, level in zip(text, levels, strict=True):
        if (clusters and unicodedata.combining(char) and cluster_levels[-1] == level
                and not (level % 2 and mark_ahead(char))):  # fmt: skip
            clusters[-1].append(char)
            continue
        odd = level % 2
        clusters.append([MIRRORED.get(char, char) if odd else char])  # L4
        cluster_levels.append(level)
    highest = max(cluster_levels)
    lowest_odd = min((level for level in cluster_levels if level % 2), default=highest + 1)
    order = list(range(len(clusters)))
    for level in range(highest, lowest_odd - 1, -1):  # L2
        index = 0
        while index < len(order):
            if cluster_levels[order[index]] < level:
                index += 1
                continue
            end = index
            while end < len(order) and cluster_levels[order[end]] >= level:
                end += 1
            order[index:end] = order[index:end][::-1]
            index = end
    return "".join("".join(clusters[i]) for i in order)


FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")  # Arabic presentation forms


def actual_text(run: str) -> str | None:
    """The /ActualText of a drawn run (a PDF hex string, UTF-16BE with its byte order
    mark): its presentation forms as the letters they stand for, None for a run
    without any.

    Like a ToUnicode map, glyph by glyph and in the order drawn (a lam-alef
    ligature is alef then lam, left to right): extractors put right-to-left text
    back in logical order themselves. poppler's `pdftotext` reverses an
    /ActualText too, so a whole logical line given there came out backwards."""
    if run.isascii() or not FORMS.search(run):
        return None
    letters = FORMS.sub(lambda form: unicodedata.normalize("NFKC", form.group())[::-1], run)
    return "<FEFF" + letters.encode("utf-16-be").hex().upper() + ">"
