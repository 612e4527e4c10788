"""File > Open Recent: the sessions last opened or saved, read from the settings.

The list is rebuilt each time the menu opens, so it follows other windows and
the preferences. A file that no longer exists is still listed (it may be on a
drive not plugged in); choosing it says so and drops it from the list.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from ckstudio.gui.settings import Settings


class RecentMenu(QMenu):
    """The submenu; `chosen` carries the path picked."""

    chosen = Signal(Path)

    def __init__(self, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Open &Recent"))
        self.setObjectName("recentMenu")
        self._settings = settings
        self.aboutToShow.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.clear()
        paths = self._settings.recent_files
        for number, text in enumerate(paths, start=1):
            path = Path(text)
            name = path.name.replace("&", "&&")  # a "&" in a name is not a shortcut key
            action = self.addAction(f"&{number} {name}" if number < 10 else name)
            action.setToolTip(text)
            action.setStatusTip(text)
            action.triggered.connect(lambda _checked=False, path=path: self.chosen.emit(path))
        if not paths:
            self.addAction(self.tr("No recent files")).setEnabled(False)
        self.addSeparator()
        clear = self.addAction(self.tr("&Clear list"))
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self.clear_list)

    def clear_list(self) -> None:
        self._settings.recent_files = []
        self.refresh()

    def forget(self, path: Path) -> None:
        self._settings.recent_files = [p for p in self._settings.recent_files if p != str(path)]
        self.refresh()
