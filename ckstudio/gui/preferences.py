"""The Preferences dialog: the few choices a facilitator makes once for every session.

It only reads and writes `Settings`; the window applies the new values
(`MainWindow.apply_preferences`), so the dialog knows nothing of the map.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QWidget,
)

from ckstudio.gui.settings import (
    AUTOSAVE_SECONDS,
    LANGUAGE_CHOICES,
    ORIENTATIONS,
    RECENT_COUNT,
    TEXT_PIXELS,
    THEMES,
    Settings,
)

MINIMUM_WIDTH = 380
BUTTONS_GAP = 12  # pixels between the last choice and OK / Cancel


class PreferencesDialog(QDialog):
    """Autosave interval, tree direction, appearance (light or dark: not the workshop's
    C-K themes), map text size, recent files count, the interface's language."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self.autosave = self._spin(AUTOSAVE_SECONDS, settings.autosave_seconds, self.tr(" s"))
        self.autosave.setToolTip(
            self.tr("How often an edited session is copied aside, to be recovered after a crash")
        )
        self.orientation = self._combo(
            ORIENTATIONS, (self.tr("Down"), self.tr("To the right")), settings.orientation
        )
        # "Appearance", not "Theme": the workshop's themes are another thing altogether.
        self.theme = self._combo(THEMES, (self.tr("Light"), self.tr("Dark")), settings.theme)
        self.text_pixels = self._spin(TEXT_PIXELS, settings.text_pixels, self.tr(" px"))
        self.text_pixels.setToolTip(
            self.tr(
                "Height of the map's text at reading size (Ctrl+1); 16 px reads well on a projector"
            )
        )
        self.recent = self._spin(RECENT_COUNT, settings.recent_count, "")
        # Each language named in itself, so that whoever cannot read this one finds theirs.
        self.language = self._combo(
            LANGUAGE_CHOICES, (self.tr("System"), "Français", "English"), settings.language
        )
        self.language.setToolTip(self.tr("The interface's language, from the next start on"))
        self.setMinimumWidth(MINIMUM_WIDTH)
        form = QFormLayout(self)
        form.addRow(self.tr("Autosave every"), self.autosave)
        form.addRow(self.tr("Trees grow"), self.orientation)
        form.addRow(self.tr("Appearance"), self.theme)
        form.addRow(self.tr("Map text at reading size"), self.text_pixels)
        form.addRow(self.tr("Recent files listed"), self.recent)
        form.addRow(self.tr("Language"), self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addItem(
            QSpacerItem(0, BUTTONS_GAP, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        )
        form.addRow(buttons)

    @staticmethod
    def _spin(bounds: tuple[int, int, int], value: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(bounds[0], bounds[1])
        spin.setValue(value)
        spin.setSuffix(suffix)
        return spin

    @staticmethod
    def _combo(values: tuple[str, ...], names: tuple[str, ...], current: str) -> QComboBox:
        combo = QComboBox()
        for value, name in zip(values, names, strict=True):
            combo.addItem(name, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def store(self) -> None:
        """Write the chosen values to the settings."""
        self.settings.autosave_seconds = self.autosave.value()
        self.settings.orientation = self.orientation.currentData()
        self.settings.theme = self.theme.currentData()
        self.settings.text_pixels = self.text_pixels.value()
        self.settings.recent_count = self.recent.value()
        self.settings.language = self.language.currentData()
        self.settings.sync()
