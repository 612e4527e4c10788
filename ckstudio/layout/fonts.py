"""Text measured once, the same way for every renderer.

The canvas, the SVG, the PNG and the PDF must wrap a concept's text at the
same words, so widths come from one font file the project can always rely
on: Bitstream Vera Sans, which reportlab ships (all of French, œ, « », ’, €).
Characters Vera lacks (Greek, Cyrillic, CJK, emoji...) are measured in the
first system font that has them, and a character no font has counts as one
em, wider than most glyphs, so text never overflows its box. Renderers draw
with Vera too (the SVG embeds it, Qt registers it, the PDF embeds it).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import reportlab
from reportlab.pdfbase.ttfonts import TTFontFile

FONT_FOLDER = Path(reportlab.__file__).resolve().parent / "fonts"
REGULAR_FILE = FONT_FOLDER / "Vera.ttf"
BOLD_FILE = FONT_FOLDER / "VeraBd.ttf"
FAMILY = "Bitstream Vera Sans"
# Where common systems keep fonts with wider coverage (TrueType outlines only).
FALLBACK_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "C:/Windows/Fonts/arial.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
)
# Bold text falls back to bold faces (renderers pick them, and they are wider).
BOLD_FALLBACK_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "C:/Windows/Fonts/arialbd.ttf",
    "C:/Windows/Fonts/msyhbd.ttc",
    "/Library/Fonts/Arial Bold.ttf",
    "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
)
# No-break spaces keep their words together, and are drawn as plain spaces.
GLUE = "\u00a0\u2007\u202f"  # no-break spaces: they join words, and print as spaces
NO_BREAK = str.maketrans(dict.fromkeys(GLUE, " "))
BREAKING_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")
UNKNOWN_WIDTH = 1000.0  # thousandths of an em
CACHE_LIMIT = 200_000  # strings remembered, so a hostile session cannot fill memory
ASCENT = 0.76  # Vera's ascent, in em: where a baseline sits below the top of a line


@functools.cache
def _widths(path: str) -> dict[int, float]:
    """Advance widths (thousandths of an em) of the characters a font file really draws.

    Code points mapped to glyph 0 (.notdef) are left out: renderers draw those
    in a fallback font, so they must be measured there too.
    """
    try:
        font = TTFontFile(path)
    except Exception:  # a missing, unreadable or CFF font: no help from it
        return {}
    drawn = font.charToGlyph
    return {code: width for code, width in font.charWidths.items() if drawn.get(code, 0)}


def fallback_files(bold: bool = False) -> tuple[str, ...]:
    candidates = BOLD_FALLBACK_FILES if bold else FALLBACK_FILES
    return tuple(path for path in candidates if Path(path).is_file())


@functools.cache
def shared_measure() -> TextMeasure:
    """One measure per process, so its caches serve every layout of every map."""
    return TextMeasure()


def display_text(text: str) -> str:
    """Text as drawn: NFC, so that 'é' typed as e + accent measures and prints as one."""
    return unicodedata.normalize("NFC", text)


class TextMeasure:
    """Widths of text in Vera (regular or bold), with fallback fonts, cached per character."""

    def __init__(self, fallbacks: tuple[str, ...] | None = None) -> None:
        regular = fallback_files() if fallbacks is None else fallbacks
        bold = fallback_files(bold=True) if fallbacks is None else fallbacks
        self._files = {False: (str(REGULAR_FILE), *regular), True: (str(BOLD_FILE), *bold)}
        self._chains = {
            False: (_widths(str(REGULAR_FILE)), *map(_widths, regular)),
            True: (_widths(str(BOLD_FILE)), *map(_widths, bold)),
        }
        self._cache: dict[tuple[str, bool], float] = {}
        # Characters Vera draws that start no run of their own: text made only of
        # these is one run in Vera (`runs`' fast path, learnt as characters are met).
        self._plain: dict[bool, set[str]] = {False: set(), True: set()}
        self._words: dict[tuple[str, bool], float] = {}
        self._wrapped: dict[tuple[str, float, float, bool], tuple[str, ...]] = {}

    def char_width(self, char: str, bold: bool = False) -> float:
        key = (char, bold)
        width = self._cache.get(key)
        if width is None:
            width = self._lookup(char, bold)
            self._cache[key] = width
        return width

    def _lookup(self, char: str, bold: bool) -> float:
        if unicodedata.combining(char) or char in "\u200b\u200c\u200d\u2060\ufeff":
            return 0.0
        code = ord(char)
        for widths in self._chains[bold]:
            if code in widths:
                return widths[code]
        return UNKNOWN_WIDTH

    def files(self, bold: bool = False) -> tuple[str, ...]:
        """The font files of the chain, Vera first: what a renderer must draw with."""
        return self._files[bold]

    def runs(self, text: str, bold: bool = False) -> list[tuple[int | None, str]]:
        """`text` cut where the font drawing it changes: (index in `files`, piece).

        The index is that of the first font of the chain that draws the
        character, as the widths were measured; None where no font does (the
        renderer shows a visible substitute, `UNKNOWN_WIDTH` wide).
        """
        plain = self._plain[bold]
        if plain.issuperset(text):  # the usual case, checked in C: all in Vera
            return [(0, text)] if text else []
        runs: list[tuple[int | None, str]] = []
        chain = self._chains[bold]
        for char in text:
            if runs and self._lookup(char, bold) == 0.0 and not char.isspace():
                index = runs[-1][0]  # a combining mark or zero-width joiner: with its base
            else:
                code = ord(char)
                index = next((i for i, widths in enumerate(chain) if code in widths), None)
                if index == 0 and (char.isspace() or self._lookup(char, bold) != 0.0):
                    plain.add(char)  # Vera's, never joined to the run before it
            if runs and runs[-1][0] == index:
                runs[-1] = (index, runs[-1][1] + char)
            else:
                runs.append((index, char))
        return runs

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """The advance width of `text` at `size` points (no kerning, as every renderer)."""
        return self._units(text, bold) * size / 1000.0

    def _units(self, text: str, bold: bool) -> float:
        """Width in thousandths of an em, cached per string: words recur a lot."""
        key = (text, bold)
        units = self._words.get(key)
        if units is None:
            units = sum(self.char_width(char, bold) for char in text)
            if len(self._words) < CACHE_LIMIT:
                self._words[key] = units
        return units

    def wrap(self, text: str, max_width: float, size: float, bold: bool = False) -> tuple[str, ...]:
        """Lines of `text` no wider than `max_width`: at spaces, or inside a word too long.

        Cached: a map is laid out again after every edit, with mostly the same texts.
        """
        key = (text, max_width, size, bold)
        lines = self._wrapped.get(key)
        if lines is None:
            found: list[str] = []
            for paragraph in display_text(text).split("\n"):
                found += self._wrap_paragraph(paragraph, max_width, size, bold)
            lines = tuple(found)
            if len(self._wrapped) < CACHE_LIMIT:
                self._wrapped[key] = lines
        return lines

    def _wrap_paragraph(
        self, paragraph: str, max_width: float, size: float, bold: bool
    ) -> list[str]:
        limit = max_width * 1000.0 / size  # in thousandths of an em
        space = self.char_width(" ", bold)
        lines: list[str] = []
        line, used = "", 0.0
        glued = any(char in paragraph for char in GLUE)  # most paragraphs have none
        for word in filter(None, BREAKING_SPACE.split(paragraph)):
            if glued:
                word = word.translate(NO_BREAK)
            units = self._units(word, bold)
            if line and used + space + units <= limit:
                line, used = f"{line} {word}", used + space + units
                continue
            if line:
                self._known(line, bold, used)
                lines.append(line)
                line, used = "", 0.0
            if units <= limit:
                line, used = word, units
                continue
            pieces = list(self._cut(word, max_width, size, bold))
            lines += pieces[:-1]
            line, used = pieces[-1], self._units(pieces[-1], bold)
        self._known(line, bold, used)
        lines.append(line)
        return lines

    def _known(self, line: str, bold: bool, units: float) -> None:
        """Remember a wrapped line's width: cards measure their lines right after."""
        if len(self._words) < CACHE_LIMIT:
            self._words.setdefault((line, bold), units)

    def _cut(self, word: str, max_width: float, size: float, bold: bool) -> Iterator[str]:
        """A word wider than a line, in pieces that fit (at least one character each)."""
        piece, width = "", 0.0
        for char in word:
            advance = self.char_width(char, bold) * size / 1000.0
            if piece and width + advance > max_width:
                yield piece
                piece, width = "", 0.0
            piece += char
            width += advance
        yield piece
