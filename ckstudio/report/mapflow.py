"""The C-K map in the report: the shared drawing, whole if it fits, else in legible tiles.

The drawing is scaled to the page's width, but never so far that its
smallest text falls under `MIN_TEXT` points; a map too big at that scale is
cut into tiles, one per page, named by column letter and row number.
"""

from __future__ import annotations

import string

from reportlab.platypus import Flowable

from ckstudio.layout.drawing import Drawing, Group, Item, Text
from ckstudio.layout.fonts import TextMeasure
from ckstudio.report.pdfdraw import Missing, PdfPainter

MIN_TEXT = 7.0  # points: the smallest text a reader of the printed report can read


def smallest_text(drawing: Drawing) -> float:
    sizes = [item.size for item in _texts(drawing.items)]
    return min(sizes, default=MIN_TEXT)


def _texts(items: tuple[Item, ...]):
    for item in items:
        if isinstance(item, Group):
            yield from _texts(item.items)
        elif isinstance(item, Text):
            yield item


def map_tiles(
    drawing: Drawing, width: float, height: float, measure: TextMeasure, missing: Missing
) -> list[MapTile]:
    """The flowables showing the map in frames of `width` x `height` points."""
    least = MIN_TEXT / smallest_text(drawing)
    scale = min(1.0, width / drawing.width, height / drawing.height)
    if scale >= least:
        return [MapTile(drawing, scale, (0, 0, drawing.width, drawing.height), "", measure,
                        missing)]  # fmt: skip
    scale = max(least, min(1.0, width / drawing.width))
    tile_w, tile_h = width / scale, height / scale
    boxes = list(drawing.boxes().values())
    # Tiles overlap by the tallest / widest box, so every node is whole on some tile.
    over_w = min(max((b.w for b in boxes), default=0.0) + 10, tile_w / 2)
    over_h = min(max((b.h for b in boxes), default=0.0) + 10, tile_h / 2)
    tiles = []
    for row, y in enumerate(_starts(drawing.height, tile_h, over_h)):
        for column, x in enumerate(_starts(drawing.width, tile_w, over_w)):
            region = (x, y, tile_w, tile_h)
            if any(_meets(b, region) for b in boxes):  # an empty corner is no page
                name = f"{_column(column)}{row + 1}"
                tiles.append(MapTile(drawing, scale, region, name, measure, missing))
    return tiles


def _starts(total: float, size: float, overlap: float) -> list[float]:
    starts, at = [0.0], 0.0
    while at + size < total:
        at += size - overlap
        starts.append(at)
    return starts


def _meets(box, region) -> bool:
    x, y, w, h = region
    return box.x < x + w and box.x + box.w > x and box.y < y + h and box.y + box.h > y


def _column(index: int) -> str:
    letters = string.ascii_uppercase
    return letters[index] if index < 26 else letters[index // 26 - 1] + letters[index % 26]


def _form(canvas, drawing: Drawing, measure: TextMeasure, missing: Missing) -> str:
    """The whole map drawn once into the PDF as a reusable form (an XObject).

    Every tile and the index then place that one drawing, clipped and scaled:
    the map's thousands of shapes are written once, not once per page.
    """
    name = f"ckmap{id(drawing):x}"
    if not canvas._doc.hasForm(name):
        canvas.beginForm(name, 0, 0, drawing.width, drawing.height)
        canvas.saveState()
        canvas.translate(0, drawing.height)
        canvas.scale(1, -1)  # the drawing's y grows downwards
        painter = PdfPainter(canvas, measure, missing)
        painter.background(drawing)
        for item in drawing.items:
            painter.item(item)
        canvas.restoreState()
        canvas.endForm()
    return name


class MapTile(Flowable):
    """One region of the drawing, scaled, clipped to its frame."""

    def __init__(self, drawing, scale, region, name, measure, missing) -> None:
        super().__init__()
        self.drawing, self.scale, self.region, self.name = drawing, scale, region, name
        self.measure, self.missing = measure, missing
        self.width = region[2] * scale
        self.height = region[3] * scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        form = _form(canvas, self.drawing, self.measure, self.missing)
        x, y, _, h = self.region
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(0, 0, self.width, self.height)
        canvas.clipPath(path, stroke=0, fill=0)
        canvas.scale(self.scale, self.scale)
        canvas.translate(-x, -(self.drawing.height - y - h))  # the form's y grows upwards
        canvas.doForm(form)
        canvas.restoreState()


class MapIndex(Flowable):
    """The whole map shrunk to one page with the tiles' grid over it: where each part goes.

    Its text is too small to read, on purpose: it is the index, the tiles are the map.
    """

    def __init__(self, drawing: Drawing, tiles: list[MapTile], width: float, height: float,
                 measure: TextMeasure, missing: Missing, font: str) -> None:  # fmt: skip
        super().__init__()
        self.drawing, self.tiles, self.font = drawing, tiles, font
        self.scale = min(width / drawing.width, height / drawing.height)
        self.width, self.height = drawing.width * self.scale, drawing.height * self.scale
        self.measure, self.missing = measure, missing

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        form = _form(canvas, self.drawing, self.measure, self.missing)
        canvas.saveState()
        canvas.scale(self.scale, self.scale)
        canvas.doForm(form)
        canvas.restoreState()
        canvas.setStrokeColorRGB(0.12, 0.44, 0.92)
        canvas.setFillColorRGB(0.12, 0.44, 0.92)
        canvas.setLineWidth(1)
        canvas.setFont(self.font, 14)
        for tile in self.tiles:
            x, y, w, h = (value * self.scale for value in tile.region)
            w, h = min(w, self.width - x), min(h, self.height - y)
            canvas.rect(x, self.height - y - h, w, h, stroke=1, fill=0)
            canvas.drawString(x + 4, self.height - y - 16, tile.name)
