"""SVG 1.1 from a map drawing: text stays text (searchable), user text escaped.

The Vera fonts the layout measured with are embedded (CSS @font-face), so
any viewer wraps nothing differently; viewers that ignore them fall back to
DejaVu Sans or another sans-serif of similar widths.
"""

from __future__ import annotations

import base64
import functools
import re
from xml.sax.saxutils import escape

from ckstudio.layout.drawing import Drawing, Group, Item, Path, Rect, Text
from ckstudio.layout.fonts import BOLD_FILE, FAMILY, REGULAR_FILE

# Characters XML 1.0 cannot hold at all (most C0 controls, non-characters).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ANCHORS = {"start": "start", "middle": "middle", "end": "end"}


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


# Path data is most of a big map's SVG: one format operation per segment, to a
# tenth of a point (a tenth of a pixel at scale 1).
_SEGMENTS = {"L": "L%.1f %.1f", "C": "C%.1f %.1f %.1f %.1f %.1f %.1f"}


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", value))


def _dash(dash: tuple[float, ...]) -> str:
    return f' stroke-dasharray="{" ".join(_num(d) for d in dash)}"' if dash else ""


@functools.cache
def _font_faces() -> str:
    faces = []
    for path, weight in ((REGULAR_FILE, "normal"), (BOLD_FILE, "bold")):
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        faces.append(
            f"@font-face {{ font-family: '{FAMILY}'; font-weight: {weight}; "
            f"src: url(data:font/ttf;base64,{data}) format('truetype'); }}"
        )
    return "\n".join(faces)


def write_svg(drawing: Drawing) -> str:
    """The whole SVG document as text."""
    width, height = _num(drawing.width), _num(drawing.height)
    family = f"'{drawing.font_family}', 'DejaVu Sans', 'Bitstream Vera Sans', sans-serif"
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f"<title>{_text(drawing.title)}</title>",
        f'<style type="text/css"><![CDATA[\n{_font_faces()}\n'
        # No kerning: the layout measured without it, and so does the Qt painter.
        f"text {{ font-family: {family}; font-kerning: none; "
        f'font-feature-settings: "kern" 0; }}\n]]></style>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="{drawing.background}"/>',
    ]
    parts += [_item(item) for item in drawing.items]
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _item(item: Item) -> str:
    if isinstance(item, Group):
        inner = "\n".join(_item(child) for child in item.items)
        return f'<g class="{item.role}">\n<desc>{_text(item.ref)}</desc>\n{inner}\n</g>'
    if isinstance(item, Rect):
        return _rect(item)
    if isinstance(item, Text):
        return _text_element(item)
    return _path(item)


def _rect(rect: Rect) -> str:
    radius = f' rx="{_num(rect.radius)}"' if rect.radius else ""
    return (
        f'<rect x="{_num(rect.x)}" y="{_num(rect.y)}" width="{_num(rect.w)}" '
        f'height="{_num(rect.h)}"{radius} fill="{rect.fill}" stroke="{rect.stroke}" '
        f'stroke-width="{_num(rect.stroke_width)}"{_dash(rect.dash)}/>'
    )


def _text_element(text: Text) -> str:
    weight = ' font-weight="bold"' if text.bold else ""
    # Each line at its own y: an empty line has no characters, and SVG viewers
    # drop the relative "dy" of an empty tspan, packing the lines below it.
    lines = []
    for index, line in enumerate(text.lines):
        y = _num(text.y + index * text.line_height)
        lines.append(f'<tspan x="{_num(text.x)}" y="{y}">{_text(line)}</tspan>')
    return (
        f'<text x="{_num(text.x)}" y="{_num(text.y)}" font-size="{_num(text.size)}" '
        f'fill="{text.color}" text-anchor="{_ANCHORS[text.anchor]}"{weight} '
        f'xml:space="preserve">{"".join(lines)}</text>'
    )


def _path(path: Path) -> str:
    commands = [f"M{path.start[0]:.1f} {path.start[1]:.1f}"]
    commands += [_SEGMENTS[segment[0]] % segment[1:] for segment in path.segments]
    fill = path.fill or "none"
    close = "Z" if path.fill else ""
    return (
        f'<path d="{" ".join(commands)}{close}" fill="{fill}" stroke="{path.color}" '
        f'stroke-width="{_num(path.width)}"{_dash(path.dash)} stroke-linecap="round" '
        f'stroke-linejoin="round"/>'
    )
