"""Every command of the window as a QAction: text, keys, tip, what it calls.

Menus, the toolbar and the keyboard all use these actions, so a key shown in
a menu is the key that works. Keys that only make sense on the map (Tab,
Enter, F2, Delete, arrows, Space) are bound to the canvas alone, so they keep
their usual meaning in the inspector's text fields.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

Key = QKeySequence.StandardKey | str


@dataclass(frozen=True)
class Spec:
    """One action: its name in menus, keys (the first one shown), and tooltip."""

    name: str
    text: str
    keys: Sequence[Key] = ()
    tip: str = ""
    map_only: bool = False  # bound to the canvas, not the whole window
    checkable: bool = False


def make_action(parent: QObject, spec: Spec, slot: Callable[[], object]) -> QAction:
    action = QAction(spec.text, parent)
    action.setObjectName(spec.name)
    keys: list[QKeySequence] = []
    for key in spec.keys:
        if isinstance(key, QKeySequence.StandardKey):
            keys += QKeySequence.keyBindings(key)
        else:
            keys.append(QKeySequence(key))
    unique = [k for k in dict.fromkeys(k.toString() for k in keys if not k.isEmpty())
              if _portable(k)]  # fmt: skip
    action.setShortcuts([QKeySequence(k) for k in unique])
    if spec.map_only:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    tip = spec.tip or spec.text.replace("&", "")
    if unique:
        tip += f" ({QKeySequence(unique[0]).toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(tip)
    action.setStatusTip(spec.tip or spec.text.replace("&", ""))
    action.setCheckable(spec.checkable)
    if spec.checkable:
        action.toggled.connect(lambda _checked: slot())
    else:
        action.triggered.connect(lambda _checked=False: slot())
    return action


_NAMED_KEYS = {"Tab", "Ins", "Del", "Return", "Enter", "Space", "Up", "Down", "Left", "Right",
               "Backspace", "Esc", "PgUp", "PgDown", "Home", "End"}  # fmt: skip


def _portable(key: str) -> bool:
    """Keys found on every keyboard: not "Save", "Zoom In" or "Help", which some
    platforms' standard bindings add and which the help would list as if typable."""
    last = key.split("+")[-1] or "+"
    return len(last) == 1 or last in _NAMED_KEYS or (last[0] == "F" and last[1:].isdigit())
