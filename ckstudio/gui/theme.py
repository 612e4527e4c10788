"""Light and dark looks: the window's palette and the map's style, switched together."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ckstudio.layout.style import DARK_STYLE, DEFAULT_STYLE, Style

_DARK = {
    QPalette.ColorRole.Window: "#2B2D31",
    QPalette.ColorRole.WindowText: "#E8EAED",
    QPalette.ColorRole.Base: "#202124",
    QPalette.ColorRole.AlternateBase: "#2B2D31",
    QPalette.ColorRole.Text: "#E8EAED",
    QPalette.ColorRole.Button: "#34363B",
    QPalette.ColorRole.ButtonText: "#E8EAED",
    QPalette.ColorRole.Highlight: "#1F6FEB",
    QPalette.ColorRole.HighlightedText: "#FFFFFF",
    QPalette.ColorRole.ToolTipBase: "#34363B",
    QPalette.ColorRole.ToolTipText: "#E8EAED",
    QPalette.ColorRole.PlaceholderText: "#9AA0A6",
    QPalette.ColorRole.Link: "#56B4E9",
    QPalette.ColorRole.Light: "#5F6368",  # bevels, check box and separator lines
    QPalette.ColorRole.Midlight: "#4A4D52",
    QPalette.ColorRole.Mid: "#7F8389",
    QPalette.ColorRole.Dark: "#9AA0A6",
    QPalette.ColorRole.Shadow: "#0F1012",
}


def map_style(theme: str) -> Style:
    return DARK_STYLE if theme == "dark" else DEFAULT_STYLE


def apply_theme(app: QApplication, theme: str) -> None:
    """Fusion everywhere (the same look on every system), dark or light palette."""
    app.setStyle("Fusion")
    palette = app.style().standardPalette()
    if theme == "dark":
        for role, color in _DARK.items():
            palette.setColor(role, QColor(color))
        disabled = QColor("#7F8389")
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                     QPalette.ColorRole.ButtonText):  # fmt: skip
            palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    app.setPalette(palette)
