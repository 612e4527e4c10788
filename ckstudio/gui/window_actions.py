"""The main window's commands as data: every action with what it calls, then where each
one shows (menus, toolbar, right-click menu) and when the selection greys it out.

Reading the window's whole command set in one table, apart from the code that
builds the window, makes it easy to see which key does what and to add one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QToolBar

from ckstudio.gui.actions import Spec
from ckstudio.gui.editing import MapEditor
from ckstudio.gui.i18n import tr
from ckstudio.gui.interchange_actions import EXPORT_ACTIONS
from ckstudio.gui.navigation import step_for
from ckstudio.gui.record_docks import MAP_KEYS, record_specs
from ckstudio.gui.rounds_panel import ROUND_ACTIONS, round_specs
from ckstudio.gui.workspace import Workspace

if TYPE_CHECKING:
    from ckstudio.gui.mainwindow import MainWindow

Std = QKeySequence.StandardKey
Slot = Callable[[], object]
Layout = Sequence[str | None]  # action names; None is a separator

# Keys that mean something else in a text field: bound to the canvas alone.
MAP_ACTIONS: Layout = ("add_child", "add_sibling", "add_sibling_before", "edit_text", "delete",
                       "paste", "collapse", "up", "down", "left", "right", *MAP_KEYS)  # fmt: skip
TOOLBAR: Layout = ("new", "open", "save", None, "undo", "redo", None, "add_child", "add_sibling",
                   "delete", "link", None, "zoom_out", "zoom_in", "fit", None, "orientation",
                   "dark")  # fmt: skip
CONTEXT_MENU: Layout = ("add_child", "add_sibling", "edit_text", "delete", None, "link",
                        "link_back", None, "collapse", "fit_selection")  # fmt: skip


def menu_layout(tr: Callable[[str], str]) -> dict[str, Layout]:
    """The menus by title; "recent" is File > Open Recent, "export_menu" File > Export ▸,
    "docks" the docks' toggles."""
    return {
        tr("&File"): ["new", "new_template", "open", "recent", None, "save", "save_as",
                      "revert", None, "import", "import_pockets", "export_menu", "export_report",
                      None, "close_session", "quit"],
        tr("&Edit"): ["undo", "redo", None, "find", "find_next", "find_previous", None,
                      "add_child", "add_sibling", "add_sibling_before", "add_pocket",
                      "edit_text", "delete", "paste", None, "link", "link_back", None, "vote_up",
                      "vote_down", "next_speaker", "previous_speaker", None, "preferences"],
        tr("&Rounds"): ROUND_ACTIONS,
        tr("&View"): ["zoom_in", "zoom_out", "actual_size", "fit", "fit_selection", None,
                      "collapse", "go_c", "go_k", None, "orientation", "dark", "legend", None,
                      "docks", None, "audience", "audience_full_screen", "drill_down",
                      "drill_up", "audience_k", "audience_results"],
        tr("&Timer"): ["timer_start", "timer_minute", "timer_reset", "timer_next", None,
                       "timer_free", "timer_dkcp", "timer_match", None, "timer_sound"],
        tr("&Help"): ["shortcuts", "about"],
    }  # fmt: skip


def action_specs(window: MainWindow) -> list[tuple[Spec, Slot]]:
    """Every action of `window` and what it calls; the order is the one F1 lists."""

    def editor() -> MapEditor:
        return window.workspace.editor

    def arrow(key: str) -> None:
        editor().navigate(step_for(key, window.workspace.scene.orientation))

    return [
        *_file_specs(window),
        (
            Spec(
                "add_child",
                tr("Add &child"),
                ["Tab", "Insert"],
                tr("Add a child of the selected node and type its text"),
                True,
            ),
            lambda: editor().add_child(),
        ),
        (
            Spec(
                "add_sibling",
                tr("Add &sibling"),
                ["Return", "Enter"],
                tr("Add a sibling after the selected node and type its text"),
                True,
            ),
            lambda: editor().add_sibling(),
        ),
        (
            Spec(
                "add_sibling_before",
                tr("Add sibling &before"),
                ["Shift+Return", "Shift+Enter"],
                tr("Add a sibling before the selected node"),
                True,
            ),
            lambda: editor().add_sibling(before=True),
        ),
        (
            Spec(
                "add_pocket",
                tr("Add pocke&t of knowledge"),
                ["Ctrl+Shift+K"],
                tr("Add a new pocket (a root of K-space)"),
            ),
            lambda: editor().add_pocket(),
        ),
        (
            Spec("edit_text", tr("&Edit text"), ["F2"], tr("Type the selected node's text"), True),
            window.edit_current,
        ),
        (
            Spec(
                "delete",
                tr("&Delete"),
                [Std.Delete, "Delete"],
                tr("Remove the selection with its branches and links"),
                True,
            ),
            lambda: editor().remove_selection(),
        ),
        (
            Spec(
                "link",
                tr("&Link C→K"),
                ["Ctrl+L"],
                tr("Link the selected concept and knowledge item, concept to knowledge"),
            ),
            lambda: editor().link_selection("c_to_k"),
        ),
        (
            Spec(
                "link_back",
                tr("Link &K→C"),
                ["Ctrl+Shift+L"],
                tr("Link the selected knowledge item and concept, knowledge to concept"),
            ),
            lambda: editor().link_selection("k_to_c"),
        ),
        (
            Spec(
                "collapse",
                tr("Fold / &unfold"),
                ["Space"],
                tr("Fold or unfold the selected branch"),
                True,
            ),
            lambda: editor().toggle_collapsed(),
        ),
        (Spec("go_c", tr("Go to &C-space"), ["Ctrl+J"]), lambda: editor().go_to_space("c")),
        (Spec("go_k", tr("Go to &K-space"), ["Ctrl+K"]), lambda: editor().go_to_space("k")),
        (Spec("up", tr("Select up"), ["Up"], map_only=True), lambda: arrow("up")),
        (Spec("down", tr("Select down"), ["Down"], map_only=True), lambda: arrow("down")),
        (Spec("left", tr("Select left"), ["Left"], map_only=True), lambda: arrow("left")),
        (Spec("right", tr("Select right"), ["Right"], map_only=True), lambda: arrow("right")),
        *_view_specs(window),
        *window.audience.specs(),
        (
            Spec("shortcuts", tr("&Keyboard shortcuts"), [Std.HelpContents, "F1"]),
            window.show_shortcuts,
        ),
        (Spec("about", tr("&About CK Studio")), window.show_about),
        (Spec("preferences", tr("&Preferences…"), [Std.Preferences]), window.show_preferences),
        *record_specs(tr, lambda: window.workspace),
        *round_specs(window),
        (
            Spec("undo", tr("&Undo"), [Std.Undo, "Ctrl+Z"]),
            lambda: window.workspace.stack.undo(),
        ),
        (
            Spec("redo", tr("&Redo"), [Std.Redo, "Ctrl+Shift+Z", "Ctrl+Y"]),
            lambda: window.workspace.stack.redo(),
        ),
    ]


def _file_specs(window: MainWindow) -> list[tuple[Spec, Slot]]:
    return [
        (Spec("new", tr("&New"), [Std.New]), window.new_session),
        (
            Spec(
                "new_template",
                tr("New from &template…"),
                ["Ctrl+Shift+N"],
                tr("Start from the C-K workshop template or an example"),
            ),
            window.new_from_template,
        ),
        (Spec("open", tr("&Open…"), [Std.Open]), window.files.open_dialog),
        (Spec("save", tr("&Save"), [Std.Save]), window.save),
        (Spec("save_as", tr("Save &As…"), [Std.SaveAs, "Ctrl+Shift+S"]), window.save_as),
        (
            Spec("revert", tr("Re&vert"), tip=tr("Drop the changes, read the file again")),
            window.revert,
        ),
        (
            Spec(
                "close_session",
                tr("&Close"),
                ["Ctrl+W", Std.Close],
                tr("Close this session; a blank one takes its place"),
            ),
            window.new_session,
        ),
        (
            Spec(
                "export_report",
                tr("E&xport report…"),
                ["Ctrl+E"],
                tr("Write the PDF workshop report of this session"),
            ),
            window.reports.export_report,
        ),
        *window.interchange.specs(),
        (Spec("quit", tr("&Quit"), [Std.Quit, "Ctrl+Q"]), window.close),
    ]


def _view_specs(window: MainWindow) -> list[tuple[Spec, Slot]]:
    canvas = window.current_canvas
    find_bar = window.map_area.find_bar
    return [
        (
            Spec("zoom_in", tr("Zoom &in"), [Std.ZoomIn, "Ctrl+=", "Ctrl++"]),
            lambda: canvas().zoom_in(),
        ),
        (Spec("zoom_out", tr("Zoom &out"), [Std.ZoomOut, "Ctrl+-"]), lambda: canvas().zoom_out()),
        (Spec("actual_size", tr("R&eading size"), ["Ctrl+1"]), lambda: canvas().actual_size()),
        (Spec("fit", tr("&Fit map"), ["Ctrl+0"]), lambda: canvas().fit_all()),
        (
            Spec("fit_selection", tr("Fit &selection"), ["Ctrl+Shift+0", "Ctrl+9"]),
            lambda: canvas().fit_selection(),
        ),
        (
            Spec(
                "find", tr("&Find…"), [Std.Find], tr("Find text in concepts, knowledge and notes")
            ),
            find_bar.open_bar,
        ),
        (Spec("find_next", tr("Find &next"), [Std.FindNext, "F3"]), find_bar.find_next),
        (
            Spec("find_previous", tr("Find pre&vious"), [Std.FindPrevious, "Shift+F3"]),
            find_bar.find_previous,
        ),
        (
            Spec(
                "orientation",
                tr("&Trees grow to the right"),
                ["Ctrl+R"],
                tr("Switch between trees growing down and to the right"),
                checkable=True,
            ),
            window.toggle_orientation,
        ),
        (
            Spec("dark", tr("&Dark appearance"), ["Ctrl+Shift+D"], checkable=True),
            window.toggle_theme,
        ),
        (
            Spec("legend", tr("&Legend"), tip=tr("Show the legend under the map"), checkable=True),
            window.toggle_legend,
        ),
    ]


def selection_enables(workspace: Workspace) -> dict[str, bool]:
    """Which actions apply to the selection; the others are greyed out everywhere."""
    editor = workspace.editor
    nodes = editor.selected_nodes()
    spaces = {editor.space_of(n) for n in nodes}
    # Delete stays on for C0 alone: pressing it says why C0 cannot go.
    removable = bool(nodes) or bool(editor.selected_links())
    folding = any(workspace.doc.children(editor.space_of(n), n) for n in nodes)
    current_is_node = editor.space_of(workspace.selection.current) is not None
    return {
        "add_child": current_is_node,
        "add_sibling": current_is_node,
        "add_sibling_before": current_is_node,
        "edit_text": current_is_node,
        "delete": removable,
        # On with any node: Ctrl+L then says what else to select.
        "link": bool(spaces),
        "link_back": bool(spaces),
        "collapse": folding,
    }


def fill(widget: QMenu | QToolBar, names: Layout, actions: Mapping[str, QAction]) -> None:
    """Put the named actions in a menu or toolbar, in order, with the separators."""
    for name in names:
        if name is None:
            widget.addSeparator()
        else:
            widget.addAction(actions[name])


def build_menus(
    bar: QMenuBar,
    tr: Callable[[str], str],
    actions: Mapping[str, QAction],
    recent: QMenu,
    docks: list[QAction],
) -> None:
    """The menu bar from `menu_layout`, with Open Recent and the docks' toggles in it."""
    for title, names in menu_layout(tr).items():
        menu = bar.addMenu(title)
        for name in names:
            if name == "recent":
                menu.addMenu(recent)
            elif name == "export_menu":  # File > Export ▸ the formats
                fill(menu.addMenu(tr("Ex&port")), EXPORT_ACTIONS, actions)
            elif name == "docks":
                menu.addActions(docks)
            else:
                fill(menu, [name], actions)


def build_toolbar(window: QMainWindow, actions: Mapping[str, QAction]) -> QToolBar:
    """The main toolbar, text only; the speaker chooser is added at its end later."""
    toolbar = QToolBar(tr("Main toolbar"), window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    fill(toolbar, TOOLBAR, actions)
    window.addToolBar(toolbar)
    return toolbar
