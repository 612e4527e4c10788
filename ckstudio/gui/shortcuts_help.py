"""The keyboard help (F1): every action with its keys, read from the actions themselves,
then what no action holds (typing, the find bar, the mouse), grouped under headings.

Each row reads the same way round: what it does | the keys (or the gesture).
The nine "Tag with theme N" actions make one row, "Tag with theme 1–9 | 1 … 9".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ckstudio.gui.i18n import tr

NATIVE = QKeySequence.SequenceFormat.NativeText
WIDTH = 640
TALLEST = 760  # pixels; less on a small screen
SCREEN_MARGIN = 80  # pixels kept free of the screen's available height (title bar, panel)

# The headings, in order, by action name; an action named nowhere goes under the last.
FILE, EDIT, MAP, THEMES, SPEAKERS, FIND, VIEW, HELP = range(8)
SECTION_OF: dict[str, int] = {
    **dict.fromkeys(("new", "new_template", "open", "save", "save_as", "revert",
                     "close_session", "export_report", "quit"), FILE),
    **dict.fromkeys(("undo", "redo", "add_child", "add_sibling", "add_sibling_before",
                     "add_pocket", "edit_text", "delete", "link", "link_back",
                     "preferences"), EDIT),
    **dict.fromkeys(("collapse", "go_c", "go_k", "up", "down", "left", "right"), MAP),
    **dict.fromkeys(("vote_up", "vote_down"), THEMES),
    **dict.fromkeys(("next_speaker", "previous_speaker"), SPEAKERS),
    **dict.fromkeys(("find", "find_next", "find_previous"), FIND),
    **dict.fromkeys(("zoom_in", "zoom_out", "actual_size", "fit", "fit_selection",
                     "orientation", "dark", "legend"), VIEW),
    **dict.fromkeys(("shortcuts", "about"), HELP),
}  # fmt: skip
TAG = re.compile(r"tag_(\d+)$")

Row = tuple[str, str]


def section_titles() -> list[str]:
    return [tr("File"), tr("Edit"), tr("Map"), tr("Themes and votes"), tr("Speakers"),
            tr("Find"), tr("View"), tr("Help")]  # fmt: skip


def section_of(name: str) -> int:
    return THEMES if TAG.match(name) else SECTION_OF.get(name, HELP)


def gestures() -> list[tuple[int, Row]]:
    """What works without an action of its own (kept in step with docs/editor.md):
    its heading, then what it does | how."""
    return [
        (EDIT, (tr("Replace the selected node's text"), tr("start typing"))),
        (EDIT, (tr("While typing: keep the text / put the old one back"), tr("Enter / Esc"))),
        (EDIT, (tr("While typing: a new line"), tr("Shift+Enter"))),
        (EDIT, (tr("While typing: keep the text and add a child"), tr("Tab"))),
        (MAP, (tr("Select / add or remove / select a rectangle"),
               tr("Click / Ctrl+click / Shift+drag"))),
        (MAP, (tr("Move a node under another (edges: before / after)"),
               tr("Drag it onto that node"))),
        (MAP, (tr("Link two nodes"), tr("Alt+drag to the other space"))),
        (MAP, (tr("Cancel a drag"), tr("Esc during the drag"))),
        (FIND, (tr("In the find bar: next match"), tr("Enter"))),
        (FIND, (tr("In the find bar: previous match"), tr("Shift+Enter"))),
        (FIND, (tr("In the find bar: close it, back to the map"), tr("Esc"))),
        (VIEW, (tr("Move the view"), tr("Ctrl+arrows, or drag on empty space"))),
        (VIEW, (tr("Zoom"), tr("Ctrl+wheel"))),
    ]  # fmt: skip


def _keys(action: QAction) -> str:
    return ", ".join(k.toString(NATIVE) for k in action.shortcuts())


def action_rows(actions: Iterable[QAction]) -> list[tuple[int, Row]]:
    """(heading, (name | keys)) of every action that has keys; the numbered tags as one."""
    rows: list[tuple[int, Row]] = []
    tags: list[tuple[int, QAction]] = []
    for action in actions:
        if not action.shortcuts():
            continue
        tag = TAG.match(action.objectName())
        if tag:
            tags.append((int(tag[1]), action))
        else:
            name = action.text().replace("&", "")
            rows.append((section_of(action.objectName()), (name, _keys(action))))
    tags.sort(key=lambda tag: tag[0])
    if len(tags) == 1:
        rows.append((THEMES, (tags[0][1].text().replace("&", ""), _keys(tags[0][1]))))
    elif tags:
        (first, first_action), (last, last_action) = tags[0], tags[-1]
        name = tr("Tag with theme {first}–{last}").format(first=first, last=last)
        keys = tr("{first} … {last}").format(
            first=first_action.shortcuts()[0].toString(NATIVE),
            last=last_action.shortcuts()[0].toString(NATIVE),
        )
        rows.append((THEMES, (name, keys)))
    return rows


def shortcuts_dialog(parent: QWidget, actions: Iterable[QAction]) -> QDialog:
    """A read-only table of what it does / keys under headings, read from the actions so
    that the help can never disagree with the keys; as tall as the screen allows."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("Keyboard shortcuts"))
    rows = action_rows(actions) + gestures()
    titles = section_titles()
    table = QTableWidget(0, 2, dialog)
    table.setHorizontalHeaderLabels([tr("What it does"), tr("Keys")])
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)  # nothing to select
    table.setWordWrap(False)
    for section, title in enumerate(titles):
        shown = [row for where, row in rows if where == section]
        if not shown:
            continue
        heading = table.rowCount()
        table.insertRow(heading)
        item = QTableWidgetItem(title)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: not selectable
        table.setItem(heading, 0, item)
        table.setSpan(heading, 0, 1, 2)
        for name, keys in shown:
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, QTableWidgetItem(name))
            table.setItem(row, 1, QTableWidgetItem(keys))
    table.resizeColumnsToContents()
    table.resizeRowsToContents()
    table.setCurrentCell(-1, -1)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    room = screen.availableGeometry().height() - SCREEN_MARGIN
    dialog.resize(WIDTH, max(240, min(TALLEST, room)))
    return dialog
