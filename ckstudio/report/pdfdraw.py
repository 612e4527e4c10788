"""The map drawing on a PDF page, with reportlab: vector shapes, text as text, fonts embedded.

Nothing is measured or moved here: the boxes, lines and line breaks are the
drawing's (`ckstudio.layout`), as the SVG and the canvas show them. Text is
drawn in the very fonts it was measured with: Vera first, then the system's
fallback fonts (TrueType outlines, which reportlab embeds) character by
character; a character no font has is shown as a visible box and reported,
never dropped and never a crash.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from ckstudio import __version__
from ckstudio.layout.drawing import Drawing, Group, Item, Path, Rect, Text
from ckstudio.layout.fonts import UNKNOWN_WIDTH, TextMeasure, shared_measure
from ckstudio.report.fonts import font_name

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
    canvas.translate(0, drawing.height * scale)
    canvas.scale(scale, -scale)  # the drawing's y grows downwards
    painter.background(drawing)
    for item in drawing.items:
        painter.item(item)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue(), missing


class PdfPainter:
    """Draws drawing items on a reportlab canvas whose y axis points down."""

    def __init__(self, canvas: Canvas, measure: TextMeasure, missing: Missing) -> None:
        self.canvas = canvas
        self.measure = measure
        self.missing = missing

    def background(self, drawing: Drawing) -> None:
        if _color(drawing.background) is not None:
            self.canvas.setFillColor(HexColor(drawing.background))
            self.canvas.rect(0, 0, drawing.width, drawing.height, stroke=0, fill=1)

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

    def _stroke(self, color: str | None, width: float, dash: tuple[float, ...]) -> bool:
        if _color(color) is None or width <= 0:
            return False
        self.canvas.setStrokeColor(HexColor(color))
        self.canvas.setLineWidth(width)
        self.canvas.setDash(list(dash) if dash and any(d > 0 for d in dash) else [])
        return True

    def _fill(self, color: str | None) -> bool:
        if _color(color) is None:
            return False
        self.canvas.setFillColor(HexColor(color))
        return True

    def _rect(self, rect: Rect) -> None:
        canvas = self.canvas
        canvas.setLineCap(0)  # SVG's defaults, as every renderer
        canvas.setLineJoin(0)
        stroke = self._stroke(rect.stroke, rect.stroke_width, rect.dash)
        fill = self._fill(rect.fill)
        if not (stroke or fill):
            return
        radius = min(rect.radius, rect.w / 2, rect.h / 2)
        if radius > 0:
            canvas.roundRect(rect.x, rect.y, rect.w, rect.h, radius, stroke=int(stroke),
                             fill=int(fill))  # fmt: skip
        else:
            canvas.rect(rect.x, rect.y, rect.w, rect.h, stroke=int(stroke), fill=int(fill))

    def _path(self, path: Path) -> None:
        canvas = self.canvas
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        stroke = self._stroke(path.color, path.width, path.dash)
        fill = self._fill(path.fill) if path.fill else False
        shape = canvas.beginPath()
        shape.moveTo(*path.start)
        for kind, *values in path.segments:
            if kind == "L":
                shape.lineTo(values[0], values[1])
            else:
                shape.curveTo(*values)
        if fill:
            shape.close()
        canvas.drawPath(shape, stroke=int(stroke), fill=int(fill))

    def _text(self, text: Text) -> None:
        """Each line at its baseline, in runs of the font that draws each character.

        One text object per item, each run placed by its own text matrix (upright in
        the y-down page): no graphics state saved per run, which a map of thousands
        of labels would pay for in time and bytes.
        """
        if _color(text.color) is None:
            return
        shift = {"start": 0.0, "middle": 0.5, "end": 1.0}[text.anchor]
        writer = self.canvas.beginText()
        writer.setFillColor(HexColor(text.color))
        for index, line in enumerate(text.lines):
            x = text.x - shift * self.measure.width(line, text.size, text.bold)
            baseline = text.y + index * text.line_height
            for font, piece in self.measure.runs(line, text.bold):
                if font is None:
                    self._substitutes(piece, x, baseline, text)
                else:
                    writer.setFont(font_name(self.measure, font, text.bold), text.size)
                    writer.setTextTransform(1, 0, 0, -1, x, baseline)
                    writer.textOut(piece)
                x += self.measure.width(piece, text.size, text.bold)
        self.canvas.drawText(writer)

    def _substitutes(self, piece: str, x: float, baseline: float, text: Text) -> None:
        """A small outlined box for each character no font draws, as wide as measured."""
        advance = UNKNOWN_WIDTH * text.size / 1000.0
        self.canvas.setStrokeColor(HexColor(text.color))
        self.canvas.setLineWidth(max(0.3, text.size / 20))
        self.canvas.setDash([])
        for position, char in enumerate(piece):
            self.missing.chars[char] = None
            left = x + position * advance + advance * 0.1
            self.canvas.rect(left, baseline - text.size * 0.7, advance * 0.8, text.size * 0.7,
                             stroke=1, fill=0)  # fmt: skip


def _color(name: str | None) -> str | None:
    return None if name is None or name == "none" else name
