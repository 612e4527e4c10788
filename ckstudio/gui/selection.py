"""What the user has selected: nodes and links by id, the last one picked first in line."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    """An ordered set of ids; `current` is the one keys act on (the last picked)."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._ids: list[str] = []

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._ids)

    @property
    def current(self) -> str | None:
        return self._ids[-1] if self._ids else None

    def __contains__(self, id_: object) -> bool:
        return id_ in self._ids

    def set(self, ids: Iterable[str]) -> None:
        new = list(dict.fromkeys(ids))
        if new != self._ids:
            self._ids = new
            self.changed.emit()

    def toggle(self, id_: str) -> None:
        """Ctrl-click: add the id, or take it out if it was in."""
        self.set([i for i in self._ids if i != id_] if id_ in self._ids else [*self._ids, id_])

    def add(self, ids: Iterable[str]) -> None:
        self.set([*self._ids, *ids])

    def keep_only(self, exists) -> None:
        """Drop the ids that `exists(id)` says are gone (after an undo or a removal)."""
        self.set([i for i in self._ids if exists(i)])
