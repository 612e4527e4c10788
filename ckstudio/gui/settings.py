"""The one place that reads and writes the user's settings (QSettings).

Everything the app remembers between runs goes through here, under named
keys, so tests can point it at a scratch file and nothing else ever calls
QSettings directly.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "CK Studio"
APPLICATION = "ckstudio"
THEMES = ("light", "dark")
ORIENTATIONS = ("down", "right")
AUTOSAVE_SECONDS = (5, 600, 30)  # least, most, default
TEXT_PIXELS = (10, 48, 16)  # map text height at reading size: least, most, default
RECENT_COUNT = (0, 30, 8)
LANGUAGE_CHOICES = ("system", "fr", "en")  # the interface's (ckstudio.gui.i18n)


def _clamped(value: object, bounds: tuple[int, int, int]) -> int:
    """A stored number brought back into its range; the default when unreadable."""
    least, most, default = bounds
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
    return min(most, max(least, number))


class Settings:
    """Typed access to the stored preferences."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings(ORGANISATION, APPLICATION)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        """Docks and toolbars: where they are and whether they are shown."""
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue("window/state", value)

    @property
    def theme(self) -> str:
        value = self._store.value("view/theme", "light")
        return value if value in THEMES else "light"

    @theme.setter
    def theme(self, value: str) -> None:
        self._store.setValue("view/theme", value if value in THEMES else "light")

    @property
    def orientation(self) -> str:
        value = self._store.value("view/orientation", "right")
        return value if value in ORIENTATIONS else "right"

    @orientation.setter
    def orientation(self, value: str) -> None:
        self._store.setValue("view/orientation", value if value in ORIENTATIONS else "right")

    @property
    def autosave_seconds(self) -> int:
        """How often an edited session is copied to the recovery folder."""
        return _clamped(self._store.value("files/autosave_seconds"), AUTOSAVE_SECONDS)

    @autosave_seconds.setter
    def autosave_seconds(self, value: int) -> None:
        self._store.setValue("files/autosave_seconds", _clamped(value, AUTOSAVE_SECONDS))

    @property
    def text_pixels(self) -> int:
        """Height in pixels of the map's text at reading size (Ctrl+1, and on opening)."""
        return _clamped(self._store.value("view/text_pixels"), TEXT_PIXELS)

    @text_pixels.setter
    def text_pixels(self, value: int) -> None:
        self._store.setValue("view/text_pixels", _clamped(value, TEXT_PIXELS))

    @property
    def recent_count(self) -> int:
        """How many files File > Open Recent lists."""
        return _clamped(self._store.value("files/recent_count"), RECENT_COUNT)

    @recent_count.setter
    def recent_count(self, value: int) -> None:
        self._store.setValue("files/recent_count", _clamped(value, RECENT_COUNT))
        self.recent_files = self.recent_files

    @property
    def recent_files(self) -> list[str]:
        """Paths of the sessions last opened or saved, newest first."""
        value = self._store.value("files/recent")
        paths = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [p for p in paths if isinstance(p, str) and p][: self.recent_count]

    @recent_files.setter
    def recent_files(self, paths: list[str]) -> None:
        unique = list(dict.fromkeys(paths))[: self.recent_count]
        self._store.setValue("files/recent", unique)

    def remember_file(self, path: str) -> None:
        """Put a file first in the recent list (once)."""
        self.recent_files = [path, *(p for p in self.recent_files if p != path)]

    @property
    def legend(self) -> bool:
        return self._store.value("view/legend", True, bool)

    @legend.setter
    def legend(self, value: bool) -> None:
        self._store.setValue("view/legend", bool(value))

    @property
    def vote_heat(self) -> bool:
        """Whether the map shows a revealed vote as heat round the voted concepts (on
        unless turned off)."""
        return self._store.value("workshop/vote_heat", True, bool)

    @vote_heat.setter
    def vote_heat(self, value: bool) -> None:
        self._store.setValue("workshop/vote_heat", bool(value))

    @property
    def timer_sound(self) -> bool:
        """Whether the phase timer beeps at the end of a step (off unless chosen)."""
        return self._store.value("workshop/timer_sound", False, bool)

    @timer_sound.setter
    def timer_sound(self, value: bool) -> None:
        self._store.setValue("workshop/timer_sound", bool(value))

    @property
    def language(self) -> str:
        """The interface's language, one of LANGUAGE_CHOICES ("system": the system's)."""
        value = self._store.value("view/language", "system")
        return value if value in LANGUAGE_CHOICES else "system"

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("view/language", value if value in LANGUAGE_CHOICES else "system")

    def sync(self) -> None:
        self._store.sync()
