"""The map drawing on a PDF page, with reportlab: vector shapes, text as text, fonts embedded.

Nothing is measured or moved here: the boxes, lines and line breaks are the
drawing's (`ckstudio.layout`), as the SVG and the canvas show them. Text is
drawn in the very fonts it was measured with: Vera first, then the system's
fallback fonts (TrueType outlines, which reportlab embeds) character by
character; a character no font has is shown as a visible box and reported,
never dropped and never a crash.
"""

from __future__ import annotations

import functools
import io
import unicodedata
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from ckstudio import __version__
from ckstudio.layout.drawing import Drawing, Group, Item, Path, Rect, Text
from ckstudio.layout.fonts import UNKNOWN_WIDTH, TextMeasure, shared_measure
from ckstudio.report.bidi import actual_text, direction, needs_visual, visual
from ckstudio.report.fonts import font_name, hidden_font, mark_ahead

MAX_PAGE = 14_400.0  # points: the largest page PDF readers open (200 inches)


@dataclass
class Missing:
    """Characters no available font draws, each once, in the order met."""

    chars: dict[str, None] = field(default_factory=dict)

    def warnings(self) -> list[str]:
        return [
            f"no font here draws U+{ord(c):04X} {unicodedata.name(c, 'UNNAMED')}: "
            "it is shown as a box"
            for c in self.chars
        ]


def pdf_bytes(drawing: Drawing, measure: TextMeasure | None = None) -> tuple[bytes, Missing]:
    """One page holding the whole drawing (scaled down only beyond PDF's page limit)."""
    measure = measure or shared_measure()
    scale = min(1.0, MAX_PAGE / max(drawing.width, 1.0), MAX_PAGE / max(drawing.height, 1.0))
    buffer = io.BytesIO()
    # Vera from the start: reportlab would otherwise list Helvetica, not embedded.
    canvas = Canvas(buffer, pagesize=(drawing.width * scale, drawing.height * scale),
                    initialFontName=font_name(measure, 0, False))  # fmt: skip
    canvas.setTitle(drawing.title)
    canvas.setCreator(f"CK Studio {__version__}")
    canvas.setProducer(f"CK Studio {__version__} (reportlab)")
    missing = Missing()
    painter = PdfPainter(canvas, measure, missing)
    # the drawing's y grows downwards
    painter.paint((background(drawing), *drawing.items), scale, 0, drawing.height * scale)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue(), missing


def background(drawing: Drawing) -> Rect:
    """The drawing's background as a rectangle to paint first (none: nothing painted)."""
    return Rect(0, 0, drawing.width, drawing.height, drawing.background, "none")


class PdfPainter:
    """Draws drawing items on a reportlab canvas, in the drawing's y-down coordinates.

    The items are written as PDF operators, formatted here and handed to the
    canvas in one `addLiteral` per `paint`: reportlab's own path and text calls
    format every number in pure Python (`fp_str`), which was most of the time
    of a big report's map. The operators are the ones reportlab writes (the
    same curves for rounded corners, text in the fonts' subsets as its
    `TTFont` documents), inside one saved graphics state, so the canvas's own
    state is untouched; a colour, width or dash is set only when it changes.
    """

    def __init__(self, canvas: Canvas, measure: TextMeasure, missing: Missing) -> None:
        self.canvas = canvas
        self.measure = measure
        self.missing = missing
        self._ops: list[str] = []
        self._state: dict[str, str] = {}
        self._codes: dict[tuple[int, bool], _Codes] = {}  # per font of the chain, bold

    def paint(self, items: Iterable[Item], scale: float, x: float, y: float) -> None:
        """`items` with the drawing's origin at (x, y) of the canvas, `scale` points a
        unit, its y axis pointing down."""
        self._ops, self._state = ["q", f"{scale:.6f} 0 0 {-scale:.6f} {x:.3f} {y:.3f} cm"], {}
        for item in items:
            self.item(item)
        self._ops.append("Q")
        self.canvas.addLiteral("\n".join(self._ops))
        self._ops = []

    def item(self, item: Item) -> None:
        if isinstance(item, Group):
            for child in item.items:
                self.item(child)
        elif isinstance(item, Rect):
            self._rect(item)
        elif isinstance(item, Text):
            self._text(item)
        else:
            self._path(item)

    def _set(self, key: str, op: str) -> None:
        """An operator of the graphics state, written only if it changes it."""
        if self._state.get(key) != op:
            self._state[key] = op
            self._ops.append(op)

    def _stroke(self, color: str | None, width: float, dash: tuple[float, ...]) -> bool:
        if _color(color) is None or width <= 0:
            return False
        self._set("RG", _rgb(color).upper())
        self._set("w", f"{width:.3f} w")
        shown = dash if dash and any(d > 0 for d in dash) else ()
        self._set("d", f"[{' '.join(f'{d:.3f}' for d in shown)}] 0 d")
        return True

    def _fill(self, color: str | None) -> bool:
        if _color(color) is None:
            return False
        self._set("rg", _rgb(color))
        return True

    def _rect(self, rect: Rect) -> None:
        stroke = self._stroke(rect.stroke, rect.stroke_width, rect.dash)
        fill = self._fill(rect.fill)
        if not (stroke or fill):
            return
        self._set("J", "0 J")  # SVG's defaults, as every renderer
        self._set("j", "0 j")
        x, y, w, h = rect.x, rect.y, rect.w, rect.h
        radius = min(rect.radius, w / 2, h / 2)
        if radius > 0:  # reportlab's roundRect: Bezier quarter circles
            t = radius * 0.4472  # 1 - kappa (0.5528), where each curve's handles fall
            r, b = x + w, y + h
            x1, y1, r1, b1 = x + radius, y + radius, r - radius, b - radius
            self._ops.append(
                f"{x1:.2f} {y:.2f} m {r1:.2f} {y:.2f} l "
                f"{r - t:.2f} {y:.2f} {r:.2f} {y + t:.2f} {r:.2f} {y1:.2f} c {r:.2f} {b1:.2f} l "
                f"{r:.2f} {b - t:.2f} {r - t:.2f} {b:.2f} {r1:.2f} {b:.2f} c {x1:.2f} {b:.2f} l "
                f"{x + t:.2f} {b:.2f} {x:.2f} {b - t:.2f} {x:.2f} {b1:.2f} c {x:.2f} {y1:.2f} l "
                f"{x:.2f} {y + t:.2f} {x + t:.2f} {y:.2f} {x1:.2f} {y:.2f} c h"
            )
        else:
            self._ops.append(f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re")
        self._ops.append(_PAINT[stroke, fill])

    def _path(self, path: Path) -> None:
        stroke = self._stroke(path.color, path.width, path.dash)
        fill = self._fill(path.fill) if path.fill else False
        self._set("J", "1 J")
        self._set("j", "1 j")
        ops = ["{:.2f} {:.2f} m".format(*path.start)]
        for kind, *values in path.segments:
            if kind == "L":
                ops.append(f"{values[0]:.2f} {values[1]:.2f} l")
            else:
                ops.append("{:.2f} {:.2f} {:.2f} {:.2f} {:.2f} {:.2f} c".format(*values))
        if fill:
            ops.append("h")
        ops.append(_PAINT[stroke, fill])
        self._ops.append(" ".join(ops))

    def _text(self, text: Text) -> None:
        """Each line at its baseline, in runs of the font that draws each character.

        One text object per item, each run placed by its own text matrix (upright in
        the y-down page); a character no font has is a box, drawn after the text.
        A line with right-to-left text is drawn shaped and in visual order
        (`bidi.visual`); a run of Arabic presentation forms is in a span whose
        /ActualText gives their plain letters (`bidi.actual_text`).
        """
        if _color(text.color) is None:
            return
        measure, _doc = self.measure, self.canvas._doc
        shift = {"start": 0.0, "middle": 0.5, "end": 1.0}[text.anchor]
        ops, boxes = ["BT"], []
        current, base = None, None
        for index, line in enumerate(text.lines):
            turned = needs_visual(line)
            if turned:  # right-to-left text: shaped, in visual order (`bidi`)
                base = base or direction(" ".join(text.lines))  # the text's direction
                line = visual(line, *font_finder(measure, text.bold), base)
            x = (
                text.x - shift * measure.width(unseen(line), text.size, text.bold)
                if shift
                else text.x
            )
            baseline = text.y + index * text.line_height
            runs = measure.runs(line, text.bold)
            if turned:
                runs = marks_with_letters(runs, font_finder(measure, text.bold)[0])
            for number, (font, piece) in enumerate(runs, 1):
                drawn = unseen(piece)  # format characters: not drawn
                if font is None:
                    if drawn:
                        boxes.append((drawn, x, baseline))
                        current = self._hidden(ops, drawn, x, baseline, text, current)
                elif drawn:
                    ops.append(f"1 0 0 -1 {x:.2f} {baseline:.2f} Tm")
                    letters = actual_text(piece) if turned else None  # shaped: its letters
                    if letters is None and drawn != piece:  # the format characters too
                        letters = "<FEFF" + piece.encode("utf-16-be", "surrogatepass").hex() + ">"
                    if letters:
                        ops.append(f"/Span <</ActualText {letters}>> BDC")
                    current = self._glyphs(ops, font, drawn, text, current)
                    if letters:
                        ops.append("EMC")
                if number < len(runs):  # the next run starts where this one ends
                    x += measure.width(drawn, text.size, text.bold)
        ops.append("ET")
        self._fill(text.color)
        if len(ops) > 2:
            self._ops.append(" ".join(ops))
        for piece, x, baseline in boxes:
            self._substitutes(piece, x, baseline, text)

    def _glyphs(self, ops: list[str], font: int, piece: str, text: Text,
                current: str | None) -> str | None:  # fmt: skip
        """The operators showing `piece` in font `font` of the chain (-1: the hidden
        font); returns the subset font set last."""
        codes = self._codes.get((font, text.bold))
        if codes is None:
            name = (hidden_font(self.measure) if font < 0
                    else font_name(self.measure, font, text.bold))  # fmt: skip
            codes = _codes(name, self.canvas._doc)
            self._codes[font, text.bold] = codes
        for name, chunk in codes.chunks(piece):
            if name != current:
                ops.append(f"{name} {text.size:.2f} Tf")
                current = name
            ops.append(f"({chunk}) Tj")
        return current

    def _hidden(self, ops: list[str], piece: str, x: float, baseline: float, text: Text,
                current: str | None) -> str | None:  # fmt: skip
        """Characters no font draws, written as invisible text (render mode 3) where
        their boxes are, in `fonts.hidden_font`: its .notdef glyph, but a code of their
        own that the subset's ToUnicode map names, so that copying or extracting the
        text (pypdf, pdftotext) still finds the character."""
        advance = UNKNOWN_WIDTH * text.size / 1000.0
        ops.append("3 Tr")
        for position, char in enumerate(piece):
            ops.append(f"1 0 0 -1 {x + position * advance:.2f} {baseline:.2f} Tm")
            current = self._glyphs(ops, -1, char, text, current)
        ops.append("0 Tr")
        return current

    def _substitutes(self, piece: str, x: float, baseline: float, text: Text) -> None:
        """A small outlined box for each character no font draws, as wide as measured."""
        advance = UNKNOWN_WIDTH * text.size / 1000.0
        for position, char in enumerate(piece):
            self.missing.chars[char] = None
            left = x + position * advance + advance * 0.1
            self._rect(Rect(left, baseline - text.size * 0.7, advance * 0.8, text.size * 0.7,
                            "none", text.color, max(0.3, text.size / 20)))  # fmt: skip


class _Codes:
    """The codes of one font's characters in one document, escaped for a PDF string.

    reportlab numbers each character of a TrueType font in the order a document
    first uses it, in subsets of 256 (`TTFont.splitString`), one character at a
    time in Python; then each string is escaped byte by byte. A character keeps
    its code for the whole document, so it is asked once and remembered: most
    runs (Latin text, all in the first subset) are then one `str.translate`.
    """

    def __init__(self, font: str, doc) -> None:
        # The document weakly: it is the key of `_CODES`, which must let it go.
        self.face, self.doc = pdfmetrics.getFont(font), weakref.ref(doc)
        self.first: dict[int, str] = {}  # the first subset's characters: their code
        self.plain: set[str] = set()  # the same characters
        self.other: dict[str, tuple[int, str]] = {}  # the others': (subset, code)
        self.names: dict[int, str] = {}

    def chunks(self, text: str) -> list[tuple[str, str]]:
        """(subset font's name, escaped codes) for the runs of `text` in one subset."""
        if self.plain.issuperset(text):
            return [(self._name(0), text.translate(self.first))]
        found: list[tuple[str, str]] = []
        for char in text:
            subset, code = self._learn(char)
            name = self._name(subset)
            if found and found[-1][0] == name:
                found[-1] = (name, found[-1][1] + code)
            else:
                found.append((name, code))
        return found

    def _learn(self, char: str) -> tuple[int, str]:
        if ord(char) in self.first:
            return 0, self.first[ord(char)]
        if char not in self.other:
            ((subset, code),) = self.face.splitString(char, self.doc())
            if subset == 0:
                self.first[ord(char)] = escapePDF(code)
                self.plain.add(char)
                return 0, self.first[ord(char)]
            self.other[char] = (subset, escapePDF(code))
        return self.other[char]

    def _name(self, subset: int) -> str:
        if subset not in self.names:
            self.names[subset] = self.face.getSubsetInternalName(subset, self.doc())
        return self.names[subset]


_CODES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # document: font: _Codes


def _codes(font: str, doc) -> _Codes:
    fonts = _CODES.setdefault(doc, {})
    if font not in fonts:
        fonts[font] = _Codes(font, doc)
    return fonts[font]


def marks_with_letters(runs: list, font_of) -> list:
    """Runs where the marks drawn before their letter (Arabic harakat, see `bidi`) are
    in the letter's font: `TextMeasure.runs` puts a mark in the run before it, which
    is the run of a space or of a word in another script when its letter follows."""
    fixed = [list(run) for run in runs]
    for number in range(len(fixed) - 1):
        font, piece = fixed[number]
        following = fixed[number + 1][0]
        end = len(piece)
        while end and unicodedata.combining(piece[end - 1]):
            end -= 1
        marks = piece[end:]
        if (
            marks
            and following not in (None, font)
            and all(font_of(mark) == following for mark in marks)
        ):
            fixed[number + 1][1] = marks + fixed[number + 1][1]
            fixed[number][1] = piece[:end]
    return [(font, piece) for font, piece in fixed if piece]


@functools.lru_cache(maxsize=16)
def font_finder(measure: TextMeasure, bold: bool):
    """For `bidi.visual`: char -> the index of the font of the chain drawing it (None:
    no font), and mark -> whether that font draws it over the glyph after it."""

    def font_of(char: str) -> int | None:
        return measure.runs(char, bold)[0][0]

    @functools.cache
    def ahead(mark: str) -> bool:
        index = font_of(mark)
        return index is not None and mark_ahead(measure, index, bold, mark)

    return font_of, ahead


# Invisible format characters (Unicode category Cf: the bidi marks and embeddings,
# ZWJ, ZWNJ, the byte order mark, the soft hyphen...): never drawn (a font's glyph
# for them is a dotted box, and some have none), as the editor shows them. The
# prepended concatenation marks (Arabic number sign, end of ayah...) are Cf but
# visible: drawn.
VISIBLE_CF = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2"
                       "\U000110bd\U000110cd")  # fmt: skip


@functools.lru_cache(maxsize=4096)
def _unseen_slow(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c) != "Cf" or c in VISIBLE_CF)


def unseen(text: str) -> str:
    """`text` less its invisible format characters (Cf), which are not drawn."""
    if text.isascii():
        return text
    return _unseen_slow(text)


_PAINT = {(True, True): "B", (True, False): "S", (False, True): "f", (False, False): "n"}


@functools.cache
def _rgb(color: str) -> str:
    """The fill operator of a colour ("0.1 0.2 0.3 rg"); upper-cased, the stroke's."""
    value = HexColor(color)
    return f"{value.red:.4g} {value.green:.4g} {value.blue:.4g} rg"


def _color(name: str | None) -> str | None:
    return None if name is None or name == "none" else name
