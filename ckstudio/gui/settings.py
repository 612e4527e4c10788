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
        return value if value in ("down", "right") else "right"

    @orientation.setter
    def orientation(self, value: str) -> None:
        self._store.setValue("view/orientation", value if value in ("down", "right") else "right")

    @property
    def legend(self) -> bool:
        return self._store.value("view/legend", True, bool)

    @legend.setter
    def legend(self, value: bool) -> None:
        self._store.setValue("view/legend", bool(value))

    def sync(self) -> None:
        self._store.sync()
