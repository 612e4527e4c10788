"""The Vera fonts the layout measured with, made known to Qt.

The layout wraps text using Vera's advance widths (`ckstudio.layout.fonts`);
Qt must draw with the very same files, not whatever "sans-serif" the system
offers, or lines would overflow or fall short of their boxes. The files come
with reportlab, so they are always there, installed or not on the system.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

from ckstudio.layout.fonts import BOLD_FILE, REGULAR_FILE

_family: str | None = None
OVERSIZE = 16  # the font's pixel size per drawing unit of text size


def register_fonts() -> str:
    """Register Vera regular and bold once; return the family name Qt gave them.

    Needs a QGuiApplication (Qt's font database lives in it). Raises OSError
    if Qt refuses a file, rather than silently drawing in another font.
    """
    global _family
    if _family is None:
        family = _add(REGULAR_FILE)
        _add(BOLD_FILE)
        _family = family
    return _family


def _add(path: Path) -> str:
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise OSError(f"Qt could not load the font file {path}")
    return families[0]


def drawing_font(size: float, bold: bool = False) -> tuple[QFont, float]:
    """Vera for text of `size` drawing units, and the factor to scale the painter by.

    Qt rounds a font's size to whole pixels (8.5 would be drawn as 9, 6% too
    wide for the layout's line breaks), so the font is made OVERSIZE times too
    large and the painter scaled down by the returned factor: size / pixels,
    exact. No kerning and no hinting: the layout measured plain advance widths.
    """
    pixels = max(1, round(size * OVERSIZE))
    font = QFont(register_fonts())
    font.setPixelSize(pixels)
    font.setBold(bold)
    font.setKerning(False)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font, size / pixels
