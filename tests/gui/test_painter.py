"""The Qt painter draws a map drawing as the SVG does, with the layout's text widths.

Pixels are read back from written PNGs: the colours where a box, a filled
path, a dashed line and text were placed, the background everywhere else,
at scale 1 and 2. Text must come out as wide as the layout measured it, or
line breaks chosen by the layout would overflow or fall short of their boxes.
"""

from __future__ import annotations

import math
from pathlib import Path as FilePath

import pytest
from PySide6.QtGui import QFontInfo, QFontMetricsF, QImage

from ckstudio.gui.painter import png_bytes
from ckstudio.gui.qtfonts import drawing_font, register_fonts
from ckstudio.layout.ckmap import build_map
from ckstudio.layout.drawing import Drawing, Group, Path, Rect, Text
from ckstudio.layout.fonts import FAMILY, TextMeasure
from ckstudio.storage import load_session

EXAMPLE = FilePath(__file__).resolve().parents[2] / "examples" / "ecocirc-groupe-scolaire.ck.json"
BACKGROUND = "#ffffff"
BOX = "#0072b2"
TRIANGLE = "#d55e00"
LINE = "#009e73"
EDGE = "#1a1a1a"
FRENCH = "Les élèves récupèrent l’eau de pluie « à l’école » pour arroser le potager œuvré"
BOLD_LINE = "Économie du projet : coût global, clauses environnementales et réemploi"


def _sample() -> Drawing:
    box = Rect(10, 10, 60, 40, BOX, "#1a1a1a", stroke_width=2, radius=10, role="concept")
    triangle = Path((100, 10), (("L", 160, 10), ("L", 130, 50)), EDGE, 4, fill=TRIANGLE)
    dashed = Path((10, 80), (("L", 90, 80),), LINE, width=4, dash=(10, 10))
    text = Text(190, 80, ("MMMM", "MMMM"), 16, "#000000", line_height=20, anchor="end")
    items = (Group("c1", "concept", (box,)), triangle, dashed, text)
    return Drawing(200.5, 120.25, BACKGROUND, "sample", FAMILY, items)


def _render(drawing: Drawing, folder: FilePath, scale: float) -> QImage:
    target = folder / f"map-{scale}.png"
    target.write_bytes(png_bytes(drawing, scale))
    image = QImage(str(target))
    assert not image.isNull()
    return image


def _at(image: QImage, x: float, y: float, scale: float) -> str:
    return image.pixelColor(int(x * scale), int(y * scale)).name()


def _dark_pixels(image: QImage) -> list[tuple[int, int]]:
    return [
        (x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).lightness() < 100
    ]


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_image_size_is_the_drawing_size_times_scale(qapp, tmp_path, scale):
    image = _render(_sample(), tmp_path, scale)
    assert (image.width(), image.height()) == (math.ceil(200.5 * scale), math.ceil(120.25 * scale))


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_shapes_are_drawn_where_placed_and_background_elsewhere(qapp, tmp_path, scale):
    image = _render(_sample(), tmp_path, scale)
    assert _at(image, 40, 30, scale) == BOX
    assert _at(image, 11, 11, scale) == BACKGROUND  # outside the rounded corner
    assert _at(image, 130, 25, scale) == TRIANGLE
    assert _at(image, 115, 30, scale) == EDGE  # the closing side is stroked too
    for x, y in [(95, 110), (195, 5), (5, 60), (130, 55)]:
        assert _at(image, x, y, scale) == BACKGROUND, (x, y)
    # The last pixel column straddles the drawing's edge: background, not transparent.
    assert image.pixelColor(image.width() - 1, image.height() - 1).name() == BACKGROUND
    assert image.pixelColor(image.width() - 1, image.height() - 1).alpha() == 255


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_dashes_are_in_drawing_units(qapp, tmp_path, scale):
    # Dashes of 10 and gaps of 10 units with a 4-unit pen: in pen widths they
    # would be 40 long and cover the gap at x = 26.
    image = _render(_sample(), tmp_path, scale)
    assert _at(image, 15, 80, scale) == LINE
    assert _at(image, 26, 80, scale) == BACKGROUND
    assert _at(image, 35, 80, scale) == LINE


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_text_ends_at_its_anchor_with_lines_on_their_baselines(qapp, tmp_path, scale):
    image = _render(_sample(), tmp_path, scale)
    pixels = [(x / scale, y / scale) for x, y in _dark_pixels(image)]
    ink = [(x, y) for x, y in pixels if x > 100 and y > 60]  # below the triangle
    width = TextMeasure().width("MMMM", 16)
    xs = [x for x, _ in ink]
    assert 190 - width - 1 <= min(xs) < 190 - width + 3
    assert 190 - 4 < max(xs) <= 190 + 1  # M's right side bearing is 1.6
    first = [y for _, y in ink if y < 85]
    second = [y for _, y in ink if y >= 85]
    assert 78 <= max(first) <= 80 + 1
    assert 98 <= max(second) <= 100 + 1
    assert min(first) > 80 - 16  # no taller than the font size


def test_fonts_register_once_as_vera(qapp):
    family = register_fonts()
    assert family == register_fonts() == FAMILY
    font, _ = drawing_font(11, bold=True)
    info = QFontInfo(font)
    assert (info.family(), info.bold()) == (FAMILY, True)


@pytest.mark.parametrize(
    ("line", "size", "bold"),
    [(FRENCH, 11, False), (FRENCH, 8.5, False), (BOLD_LINE, 12, True), (BOLD_LINE, 8.5, True)],
)
def test_qt_text_width_matches_the_layout_measure(qapp, line, size, bold):
    # 8.5 is the case Qt gets wrong with a plain font: it rounds sizes to whole pixels.
    font, factor = drawing_font(size, bold)
    qt_width = QFontMetricsF(font).horizontalAdvance(line) * factor
    assert qt_width == pytest.approx(TextMeasure().width(line, size, bold), rel=0.02)


@pytest.mark.parametrize(("line", "bold"), [(FRENCH, False), (BOLD_LINE, True)])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_rendered_text_is_as_wide_as_measured(qapp, tmp_path, line, bold, scale):
    size = 8.5
    width = TextMeasure().width(line, size, bold)
    text = Text(10, 20, (line,), size, "#000000", line_height=12, bold=bold)
    image = _render(Drawing(width + 20, 30, BACKGROUND, "t", FAMILY, (text,)), tmp_path, scale)
    xs = [x for x, _ in _dark_pixels(image)]
    ink = (max(xs) - min(xs) + 1) / scale
    assert ink == pytest.approx(width, rel=0.02)


def test_example_map_renders_whole_and_not_blank(qapp, tmp_path):
    drawing = build_map(load_session(EXAMPLE))
    image = _render(drawing, tmp_path, 1.0)
    assert (tmp_path / "map-1.0.png").stat().st_size > 10_000
    assert (image.width(), image.height()) == (
        math.ceil(drawing.width),
        math.ceil(drawing.height),
    )
    colours = {
        image.pixelColor(x, y).name()
        for y in range(0, image.height(), 5)
        for x in range(0, image.width(), 5)
    }
    assert len(colours) >= 10


@pytest.mark.parametrize(
    ("width", "height", "scale", "words"),
    [
        (20_000, 10, 1.0, "--scale"),
        (10_000, 10_000, 1.5, "--scale"),
        (15_000, 15_000, 1.0, "megapixels"),
        (100, 100, 0.0, "positive"),
    ],
)
def test_impossible_images_are_refused(qapp, tmp_path, width, height, scale, words):
    drawing = Drawing(width, height, BACKGROUND, "big", FAMILY)
    with pytest.raises(ValueError, match=words):
        png_bytes(drawing, scale)
