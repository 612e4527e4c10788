"""The main window: the map canvas in the middle, inspector and history docks, menus.

The window owns one Workspace (the open session) at a time; New and Open
replace it. The title shows the file name and, through Qt's `[*]` marker, a
modified mark driven by the undo stack's clean state: saving marks the stack
clean, undoing back to the saved state clears the mark again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QToolBar,
    QUndoView,
)

from ckstudio import __version__
from ckstudio.gui.actions import Spec, make_action
from ckstudio.gui.autosave import Autosave
from ckstudio.gui.canvas import MapCanvas
from ckstudio.gui.filedrop import dropped_file, pass_drops_up
from ckstudio.gui.filelock import SessionLock
from ckstudio.gui.filequestions import FileQuestions
from ckstudio.gui.inspector import Inspector
from ckstudio.gui.maparea import MapArea
from ckstudio.gui.navigation import step_for
from ckstudio.gui.preferences import PreferencesDialog
from ckstudio.gui.recent import RecentMenu
from ckstudio.gui.record_docks import MAP_KEYS, RecordDocks, record_specs
from ckstudio.gui.recovery import Entry, RecoveryFolder
from ckstudio.gui.report_export import ReportJob
from ckstudio.gui.settings import Settings
from ckstudio.gui.shortcuts_help import shortcuts_dialog
from ckstudio.gui.templatechooser import Template, TemplateChooser, templates
from ckstudio.gui.theme import apply_theme, map_style
from ckstudio.gui.workspace import Workspace
from ckstudio.model.templates import DEFAULT_TITLE, new_session
from ckstudio.report.builder import SECTIONS
from ckstudio.storage import SessionFileError

FILE_FILTER = "CK Studio sessions (*.ck.json);;JSON (*.json);;All files (*)"
OPEN_FILTER = "CK Studio sessions and reports (*.ck.json *.pdf);;" + FILE_FILTER
STATUS_TIMEOUT = 6000  # ms a message stays in the status bar
Std = QKeySequence.StandardKey


def system_language() -> str:
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


class MainWindow(QMainWindow):
    """CK Studio's window for one session at a time."""

    preferences_changed = Signal()  # the user changed the preferences (autosave follows)

    def __init__(self, workspace: Workspace, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.workspace = workspace
        self.canvas: MapCanvas | None = None
        self.inspector: Inspector | None = None
        self.setObjectName("mainWindow")
        self.actions_by_name: dict[str, QAction] = {}
        self._jobs: list[ReportJob] = []  # reports being written (kept alive until done)
        self.map_area = MapArea(self)  # the canvas of each session goes in it, over the find bar
        self.setCentralWidget(self.map_area)
        self._build_actions()
        self._build_docks()
        self._build_menus()
        self._build_toolbar()
        self._counts = QLabel()
        self._zoom = QLabel()
        self.statusBar().addPermanentWidget(self._counts)
        self.statusBar().addPermanentWidget(self._zoom)
        self.autosave = Autosave(RecoveryFolder(), settings.autosave_seconds, self)
        self.autosave.failed.connect(
            lambda sentence: self.show_message(
                self.tr("Autosave failed: {reason}").format(reason=sentence)
            )
        )
        self.preferences_changed.connect(
            lambda: self.autosave.set_interval(self.settings.autosave_seconds)
        )
        self.ask = FileQuestions(self)  # the questions about files (tests answer them)
        self.setAcceptDrops(True)  # a session file or report dropped on the window opens
        if not self._admit(workspace):  # the file is open in another CK Studio: cancelled
            workspace.close()
            workspace = self._blank()
        self._set_workspace(workspace)
        self._restore_layout()

    # -- actions ---------------------------------------------------------------------

    def _specs(self) -> list[tuple[Spec, object]]:
        tr = self.tr
        return [
            (Spec("new", tr("&New"), [Std.New]), self.new_session),
            (
                Spec(
                    "new_template",
                    tr("New from &template…"),
                    ["Ctrl+Shift+N"],
                    tr("Start from the C-K workshop template or an example"),
                ),
                self.new_from_template,
            ),
            (Spec("open", tr("&Open…"), [Std.Open]), self.open_dialog),
            (Spec("save", tr("&Save"), [Std.Save]), self.save),
            (Spec("save_as", tr("Save &As…"), [Std.SaveAs, "Ctrl+Shift+S"]), self.save_as),
            (
                Spec("revert", tr("Re&vert"), tip=tr("Drop the changes, read the file again")),
                self.revert,
            ),
            (
                Spec(
                    "close_session",
                    tr("&Close"),
                    ["Ctrl+W", Std.Close],
                    tr("Close this session; a blank one takes its place"),
                ),
                self.new_session,
            ),
            (
                Spec(
                    "export_report",
                    tr("Export &report…"),
                    ["Ctrl+E"],
                    tr("Write the PDF workshop report of this session"),
                ),
                self.export_report,
            ),
            (Spec("quit", tr("&Quit"), [Std.Quit, "Ctrl+Q"]), self.close),
            (
                Spec(
                    "add_child",
                    tr("Add &child"),
                    ["Tab", "Insert"],
                    tr("Add a child of the selected node and type its text"),
                    True,
                ),
                lambda: self._editor().add_child(),
            ),
            (
                Spec(
                    "add_sibling",
                    tr("Add &sibling"),
                    ["Return", "Enter"],
                    tr("Add a sibling after the selected node and type its text"),
                    True,
                ),
                lambda: self._editor().add_sibling(),
            ),
            (
                Spec(
                    "add_sibling_before",
                    tr("Add sibling &before"),
                    ["Shift+Return", "Shift+Enter"],
                    tr("Add a sibling before the selected node"),
                    True,
                ),
                lambda: self._editor().add_sibling(before=True),
            ),
            (
                Spec(
                    "add_pocket",
                    tr("Add &pocket of knowledge"),
                    ["Ctrl+Shift+K"],
                    tr("Add a new pocket (a root of K-space)"),
                ),
                lambda: self._editor().add_pocket(),
            ),
            (
                Spec(
                    "edit_text", tr("&Edit text"), ["F2"], tr("Type the selected node's text"), True
                ),
                self._edit_current,
            ),
            (
                Spec(
                    "delete",
                    tr("&Delete"),
                    [Std.Delete, "Delete"],
                    tr("Remove the selection with its branches and links"),
                    True,
                ),
                lambda: self._editor().remove_selection(),
            ),
            (
                Spec(
                    "link",
                    tr("&Link C→K"),
                    ["Ctrl+L"],
                    tr("Link the selected concept and knowledge item, concept to knowledge"),
                ),
                lambda: self._editor().link_selection("c_to_k"),
            ),
            (
                Spec(
                    "link_back",
                    tr("Link &K→C"),
                    ["Ctrl+Shift+L"],
                    tr("Link the selected knowledge item and concept, knowledge to concept"),
                ),
                lambda: self._editor().link_selection("k_to_c"),
            ),
            (
                Spec(
                    "collapse",
                    tr("&Fold / unfold"),
                    ["Space"],
                    tr("Fold or unfold the selected branch"),
                    True,
                ),
                lambda: self._editor().toggle_collapsed(),
            ),
            (
                Spec("go_c", tr("Go to &C-space"), ["Ctrl+J"]),
                lambda: self._editor().go_to_space("c"),
            ),
            (
                Spec("go_k", tr("Go to &K-space"), ["Ctrl+K"]),
                lambda: self._editor().go_to_space("k"),
            ),
            (Spec("up", tr("Select up"), ["Up"], map_only=True), lambda: self._arrow("up")),
            (Spec("down", tr("Select down"), ["Down"], map_only=True), lambda: self._arrow("down")),
            (Spec("left", tr("Select left"), ["Left"], map_only=True), lambda: self._arrow("left")),
            (
                Spec("right", tr("Select right"), ["Right"], map_only=True),
                lambda: self._arrow("right"),
            ),
            (
                Spec("zoom_in", tr("Zoom &in"), [Std.ZoomIn, "Ctrl+=", "Ctrl++"]),
                lambda: self._canvas().zoom_in(),
            ),
            (
                Spec("zoom_out", tr("Zoom &out"), [Std.ZoomOut, "Ctrl+-"]),
                lambda: self._canvas().zoom_out(),
            ),
            (
                Spec("actual_size", tr("&Reading size"), ["Ctrl+1"]),
                lambda: self._canvas().actual_size(),
            ),
            (Spec("fit", tr("&Fit map"), ["Ctrl+0"]), lambda: self._canvas().fit_all()),
            (
                Spec("fit_selection", tr("Fit &selection"), ["Ctrl+Shift+0", "Ctrl+9"]),
                lambda: self._canvas().fit_selection(),
            ),
            (
                Spec(
                    "find",
                    tr("&Find…"),
                    [Std.Find],
                    tr("Find text in concepts, knowledge and notes"),
                ),
                lambda: self.map_area.find_bar.open_bar(),
            ),
            (
                Spec("find_next", tr("Find &next"), [Std.FindNext, "F3"]),
                lambda: self.map_area.find_bar.find_next(),
            ),
            (
                Spec("find_previous", tr("Find pre&vious"), [Std.FindPrevious, "Shift+F3"]),
                lambda: self.map_area.find_bar.find_previous(),
            ),
            (
                Spec(
                    "orientation",
                    tr("Trees grow to the &right"),
                    ["Ctrl+R"],
                    tr("Switch between trees growing down and to the right"),
                    checkable=True,
                ),
                self._toggle_orientation,
            ),
            (Spec("dark", tr("&Dark theme"), ["Ctrl+Shift+D"], checkable=True), self._toggle_theme),
            (
                Spec(
                    "legend", tr("&Legend"), tip=tr("Show the legend under the map"), checkable=True
                ),
                self._toggle_legend,
            ),
            (
                Spec("shortcuts", tr("&Keyboard shortcuts"), [Std.HelpContents, "F1"]),
                self._show_shortcuts,
            ),
            (Spec("about", tr("&About CK Studio")), self._about),
            (Spec("preferences", tr("&Preferences…"), [Std.Preferences]), self.show_preferences),
            *record_specs(tr, lambda: self.workspace),
        ]

    def _build_actions(self) -> None:
        for spec, slot in self._specs():
            action = make_action(self, spec, lambda slot=slot: self._after_typing(slot))
            self.actions_by_name[spec.name] = action
            if not spec.map_only:
                self.addAction(action)
        for name, checked in (("orientation", self.settings.orientation == "right"),
                              ("dark", self.settings.theme == "dark"),
                              ("legend", self.settings.legend)):  # fmt: skip
            with QSignalBlocker(self.actions_by_name[name]):  # a start, not a user's toggle
                self.actions_by_name[name].setChecked(checked)

    def _after_typing(self, slot) -> None:
        """Every action first keeps what is being typed (map text box, inspector field)."""
        self._finish_typing()
        slot()

    def action(self, name: str) -> QAction:
        return self.actions_by_name[name]

    def _map_actions(self) -> list[QAction]:
        names = ("add_child", "add_sibling", "add_sibling_before", "edit_text", "delete",
                 "collapse", "up", "down", "left", "right", *MAP_KEYS)  # fmt: skip
        return [self.actions_by_name[n] for n in names]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.recent_menu = RecentMenu(self.settings, self)
        self.recent_menu.chosen.connect(self._open_recent)
        groups = {
            self.tr("&File"): ["new", "new_template", "open", "recent", None, "save", "save_as",
                               "revert", None, "export_report", None, "close_session",
                               "quit"],
            self.tr("&Edit"): ["undo", "redo", None, "find", "find_next", "find_previous", None,
                               "add_child", "add_sibling",
                               "add_sibling_before", "add_pocket", "edit_text", "delete", None,
                               "link", "link_back", None, "vote_up", "vote_down",
                               "next_speaker", "previous_speaker", None, "preferences"],
            self.tr("&View"): ["zoom_in", "zoom_out", "actual_size", "fit", "fit_selection", None,
                               "collapse", "go_c", "go_k", None, "orientation", "dark",
                               "legend", None, "docks"],
            self.tr("&Help"): ["shortcuts", "about"],
        }  # fmt: skip
        for title, names in groups.items():
            menu = bar.addMenu(title)
            for name in names:
                if name is None:
                    menu.addSeparator()
                elif name == "recent":
                    menu.addMenu(self.recent_menu)
                elif name == "docks":
                    menu.addAction(self.inspector_dock.toggleViewAction())
                    menu.addAction(self.history_dock.toggleViewAction())
                    menu.addActions(self.record_docks.view_actions())
                else:
                    menu.addAction(self.actions_by_name[name])
        self.context_menu = QMenu(self)
        for name in ("add_child", "add_sibling", "edit_text", "delete", None, "link", "link_back",
                     None, "collapse", "fit_selection"):  # fmt: skip
            if name is None:
                self.context_menu.addSeparator()
            else:
                self.context_menu.addAction(self.actions_by_name[name])

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in ("new", "open", "save", None, "undo", "redo", None, "add_child",
                     "add_sibling", "delete", "link", None, "zoom_out", "zoom_in", "fit",
                     None, "orientation", "dark"):  # fmt: skip
            if name is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(self.actions_by_name[name])
        self.addToolBar(toolbar)

    def _build_docks(self) -> None:
        self.inspector_dock = QDockWidget(self.tr("Inspector"), self)
        self.inspector_dock.setObjectName("inspectorDock")
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
        self.history_dock = QDockWidget(self.tr("History"), self)
        self.history_dock.setObjectName("historyDock")
        self.undo_view = QUndoView()
        self.undo_view.setEmptyLabel(self.tr("Session opened"))
        self.history_dock.setWidget(self.undo_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        undo = make_action(self, Spec("undo", self.tr("&Undo"), [Std.Undo, "Ctrl+Z"]), self._undo)
        redo = make_action(
            self, Spec("redo", self.tr("&Redo"), [Std.Redo, "Ctrl+Shift+Z", "Ctrl+Y"]), self._redo
        )
        for action in (undo, redo):
            self.actions_by_name[action.objectName()] = action
            self.addAction(action)
        self.record_docks = RecordDocks(self)

    # -- the open session ------------------------------------------------------------

    def _editor(self):
        return self.workspace.editor

    def _canvas(self) -> MapCanvas:
        assert self.canvas is not None
        return self.canvas

    def _set_workspace(self, workspace: Workspace) -> None:
        """Show another session: a new canvas and inspector, the history of its stack."""
        old_canvas, old_inspector = self.canvas, self.inspector
        if old_canvas is not None and old_canvas.text_editor.is_open:
            old_canvas.text_editor.close_editor(True)
        previous = self.workspace if old_canvas is not None else None
        self.workspace = workspace
        self.autosave.bind(workspace)
        workspace.scene.set_legend(self.action("legend").isChecked())
        self.canvas = MapCanvas(workspace.editor, self)
        pass_drops_up(self.canvas)  # a file dropped on the map reaches the window
        self.canvas.addActions(self._map_actions())
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.canvas.customContextMenuRequested.connect(
            lambda point: self.context_menu.exec(self._canvas().mapToGlobal(point))
        )
        self.canvas.zoom_changed.connect(self._show_zoom)
        self.canvas.set_text_pixels(self.settings.text_pixels)
        self.canvas.actual_size()
        self.map_area.show_canvas(self.canvas)
        self.inspector = Inspector(workspace.editor)
        self.inspector_dock.setWidget(self.inspector)
        self.record_docks.bind(workspace)
        self.undo_view.setStack(workspace.stack)
        for widget in (old_canvas, old_inspector):
            if widget is not None:
                widget.deleteLater()
        if previous is not None and previous is not workspace:
            previous.close()
        workspace.stack.cleanChanged.connect(self._show_title)
        workspace.stack.indexChanged.connect(self._show_counts)
        workspace.editor.message.connect(self.show_message)
        workspace.selection.changed.connect(self._enable_actions)
        workspace.stack.indexChanged.connect(self._enable_actions)
        workspace.selection.set([workspace.doc.root])
        self._enable_actions()
        self.canvas.show()  # a hidden widget cannot take the focus
        self.canvas.setFocus()
        self._show_title()
        self._show_counts()
        self._show_zoom(self.canvas.zoom)

    def _enable_actions(self) -> None:
        """Grey out what does not apply to the selection (menus, toolbar, right-click)."""
        editor = self.workspace.editor
        nodes = editor.selected_nodes()
        spaces = {editor.space_of(n) for n in nodes}
        # Delete stays on for C0 alone: pressing it says why C0 cannot go.
        removable = bool(nodes) or bool(editor.selected_links())
        folding = any(self.workspace.doc.children(editor.space_of(n), n) for n in nodes)
        current_is_node = editor.space_of(self.workspace.selection.current) is not None
        enabled = {
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
        for name, on in enabled.items():
            self.actions_by_name[name].setEnabled(on)

    def _show_title(self) -> None:
        name = self.workspace.name or self.tr("Untitled")
        mark = self.tr(" (read-only)") if self.workspace.read_only else ""
        self.setWindowTitle(f"{name}[*]{mark} — CK Studio")
        modified = not self.workspace.stack.isClean()
        self.setWindowModified(modified)
        self.action("revert").setEnabled(modified and self.workspace.path is not None)

    def _show_counts(self) -> None:
        doc = self.workspace.doc
        counts = (
            (doc.node_count("c"), self.tr("concept"), self.tr("concepts")),
            (doc.node_count("k"), self.tr("knowledge item"), self.tr("knowledge items")),
            (doc.link_count(), self.tr("link"), self.tr("links")),
        )
        self._counts.setText(
            " · ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts)
        )

    def _show_zoom(self, zoom: float) -> None:
        self._zoom.setText(self.tr("Zoom {percent} %").format(percent=f"{zoom * 100:.0f}"))

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_TIMEOUT)

    # -- verbs that need the window --------------------------------------------------

    def _undo(self) -> None:
        self._finish_typing()
        self.workspace.stack.undo()

    def _redo(self) -> None:
        self._finish_typing()
        self.workspace.stack.redo()

    def _finish_typing(self) -> None:
        """Commit what is being typed, in the map's text box or an inspector field."""
        if self.canvas is not None and self.canvas.text_editor.is_open:
            self.canvas.text_editor.close_editor(True)
        if self.inspector is not None:
            self.inspector.commit_pending()

    def _edit_current(self) -> None:
        current = self.workspace.selection.current
        if current is not None:
            self._canvas().start_editing(current)

    def _arrow(self, key: str) -> None:
        self._editor().navigate(step_for(key, self.workspace.scene.orientation))

    def _toggle_orientation(self) -> None:
        orientation = "right" if self.action("orientation").isChecked() else "down"
        self.settings.orientation = orientation
        self.workspace.scene.set_orientation(orientation)

    def _toggle_legend(self) -> None:
        shown = self.action("legend").isChecked()
        self.settings.legend = shown
        self.workspace.scene.set_legend(shown)

    def _toggle_theme(self) -> None:
        theme = "dark" if self.action("dark").isChecked() else "light"
        self.settings.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        self.workspace.scene.set_style(map_style(theme))

    def _show_shortcuts(self) -> None:
        shortcuts_dialog(self, self.actions_by_name.values()).exec()

    def show_preferences(self) -> None:
        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            dialog.store()
            self.apply_preferences()

    def apply_preferences(self) -> None:
        """Make the window follow the settings just stored by the Preferences dialog."""
        self.action("orientation").setChecked(self.settings.orientation == "right")
        self.action("dark").setChecked(self.settings.theme == "dark")
        self._canvas().set_text_pixels(self.settings.text_pixels)
        self.preferences_changed.emit()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About CK Studio"),
            self.tr("CK Studio {version}: C-K design-theory co-creation workshops.").format(
                version=__version__
            ),
        )

    # -- files -----------------------------------------------------------------------

    def _style(self):
        return map_style(self.settings.theme)

    def _orientation(self) -> str:
        return self.settings.orientation

    def new_session(self) -> None:
        """New, and Close: after the unsaved-changes question, a blank session."""
        if self._may_discard():
            self._set_workspace(self._blank())

    def _blank(self) -> Workspace:
        language = system_language()
        session = new_session(DEFAULT_TITLE[language], language=language)
        return Workspace(session, None, self._style(), self._orientation())

    def new_from_template(self) -> None:
        """A session from a template or an example, untitled: Save asks where."""
        template = self.choose_template()
        if template is None or not self._may_discard():
            return
        try:
            session = template.make()
        except SessionFileError as error:
            self._error(self.tr("This template cannot be opened"), error.sentence())
            return
        self._set_workspace(Workspace(session, None, self._style(), self._orientation()))

    def choose_template(self) -> Template | None:
        dialog = TemplateChooser(templates(self.tr, system_language()), self)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def open_dialog(self) -> None:
        if not self._may_discard():
            return
        start = str(self.workspace.path.parent) if self.workspace.path else ""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open a session"), start, OPEN_FILTER)
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        try:
            workspace = Workspace.open(path, self._style(), self._orientation())
        except SessionFileError as error:
            self._error(self.tr("This session cannot be opened"), error.sentence())
            return False
        if not self._admit(workspace):
            workspace.close()
            return False
        self._set_workspace(workspace)
        return True

    def open_from(self, path: Path) -> bool:
        """Open `path` after the unsaved-changes question (a drop, Open Recent)."""
        return self._may_discard() and self.open_path(path)

    def _open_recent(self, path: Path) -> None:
        if not path.exists():
            self.recent_menu.forget(path)
            self._error(
                self.tr("File not found"),
                self.tr("{path} no longer exists; it is removed from the recent files.").format(
                    path=path
                ),
            )
            return
        self.open_from(path)

    def _admit(self, workspace: Workspace) -> bool:
        """Let a just-loaded session in: lock its file (or ask how to open it when another
        CK Studio has it open); False if the user cancels. It joins File > Open Recent."""
        if workspace.path is not None and not self._lock_or_ask(workspace, workspace.path):
            return False
        if workspace.source is not None:
            self.settings.remember_file(str(workspace.source))
        return True

    def _lock_or_ask(self, workspace: Workspace, path: Path) -> bool:
        held = self.workspace.lock
        if held is not None and held.covers(path) and self.workspace is not workspace:
            workspace.lock, self.workspace.lock = held, None  # the same file, opened again
            return True
        lock = SessionLock(path)
        holder = lock.acquire()
        if holder is None:
            workspace.lock = lock
            if not lock.held:
                self.show_message(self.tr("No lock could be made: another CK Studio could "
                                          "open this file too"))  # fmt: skip
            return True
        answer = self.ask.file_in_use(path, holder)
        workspace.read_only = answer == "read_only"
        if answer == "copy":
            workspace.path = workspace.stamp = None
        return answer != "cancel"

    def recover(self, entry: Entry) -> bool:
        """Open an autosaved copy left by a crash, in place of the session shown.

        Its original file stays the one Save writes to, but nothing is written
        there until the user saves: the session opens as modified. The entry
        becomes this session's own, so a second crash still leaves it.
        """
        if not self._may_discard():
            return False
        try:
            session = entry.load()
        except SessionFileError as error:
            self._error(self.tr("This session cannot be recovered"), error.sentence())
            return False
        original = entry.info.original if entry.info is not None else None
        workspace = Workspace(session, original, self._style(), self._orientation(), checked=True)
        if original is not None and not self._admit(workspace):  # its file open elsewhere
            workspace.close()
            return False
        workspace.stack.resetClean()
        self._set_workspace(workspace)
        self.autosave.adopt(entry)
        self.show_message(self.tr("Recovered: save the session to keep it"))
        return True

    def save(self) -> bool:
        """Save to the session's file; untitled or read-only, ask where (Save As)."""
        if self.workspace.path is None or self.workspace.read_only:
            return self.save_as()
        return self._save_to(self.workspace.path)

    def save_as(self) -> bool:
        start = str(self.workspace.path or Path.home() / "session.ck.json")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the session"), start, FILE_FILTER)
        if not name:
            return False
        path = Path(name)
        if not path.name.endswith(".json"):
            path = path.with_name(path.name + ".ck.json")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        """Write the session to `path`: asks first if someone changed the file since it was
        read, refuses a file another CK Studio has open; on failure nothing changes."""
        self._finish_typing()
        workspace = self.workspace
        if path == workspace.path and workspace.changed_on_disk():
            answer = self.ask.changed_on_disk(path)
            if answer == "save_as":
                return self.save_as()
            if answer == "reload":
                self._reload()
            if answer != "overwrite":
                return False
        lock = self._lock_to_save(path)
        if lock is None:
            return False
        try:
            workspace.save(path)
        except SessionFileError as error:
            if lock is not workspace.lock:
                lock.release()
            self._error(self.tr("The session was not saved"), error.sentence())
            return False
        if lock is not workspace.lock:
            if workspace.lock is not None:
                workspace.lock.release()
            workspace.lock = lock
        workspace.read_only = False
        self.settings.remember_file(str(path))
        self._show_title()
        self.show_message(self.tr("Saved {name}").format(name=path.name))
        return True

    def _lock_to_save(self, path: Path) -> SessionLock | None:
        """The lock of the file about to be written: the one held, or a new one; None
        (and a sentence saying why) when another CK Studio has that file open."""
        if self.workspace.lock is not None and self.workspace.lock.covers(path):
            return self.workspace.lock
        lock = SessionLock(path)
        holder = lock.acquire()
        if holder is None:
            return lock
        sentence = self.tr(
            "{name} is open in another CK Studio (process {pid} on {host}); save under "
            "another name."
        )
        self._error(
            self.tr("The session was not saved"),
            sentence.format(name=path.name, pid=holder.pid, host=holder.host),
        )
        return None

    def revert(self) -> None:
        """Read the file again, dropping the unsaved changes, once the user agrees."""
        workspace = self.workspace
        if workspace.path and not workspace.stack.isClean() and self.ask.revert(workspace.name):
            self._reload()

    def _reload(self) -> bool:
        """Replace the session by its file as it is now; the lock and read-only stay."""
        old = self.workspace
        assert old.path is not None
        try:
            fresh = Workspace.open(old.path, self._style(), self._orientation())
        except SessionFileError as error:
            self._error(self.tr("The file cannot be read again"), error.sentence())
            return False
        fresh.lock, old.lock = old.lock, None
        fresh.read_only = old.read_only
        self._set_workspace(fresh)
        self.show_message(self.tr("Read {name} again").format(name=old.path.name))
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event.mimeData())
        if path is None:
            return
        event.acceptProposedAction()
        # Opened once the drop is over: a dialog inside it would freeze the program
        # the file was dragged from.
        QTimer.singleShot(0, self, lambda: self.open_from(path))

    def export_report(self) -> None:
        """Ask where, then build the report off the UI thread with a progress bar."""
        stem = (self.workspace.name or "session").removesuffix(".json").removesuffix(".ck")
        start = (
            self.workspace.path.with_name(stem + ".pdf") if self.workspace.path else stem + ".pdf"
        )
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the report"), str(start), self.tr("PDF (*.pdf)")
        )
        if name:
            self.start_report(Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf"))

    def start_report(self, path: Path) -> ReportJob:
        job = ReportJob(self.workspace.doc.to_session(), path)
        progress = QProgressDialog(self.tr("Writing the report…"), self.tr("Cancel"), 0,
                                   len(SECTIONS), self)  # fmt: skip
        progress.setWindowTitle(self.tr("Export the report"))
        progress.setMinimumDuration(300)
        job.progressed.connect(progress.setValue)
        progress.canceled.connect(job.cancel)
        job.finished_ok.connect(lambda where, warnings: self._report_written(where, warnings))
        job.failed.connect(lambda sentence: self._error(self.tr("No report written"), sentence))
        job.finished.connect(progress.reset)
        # Kept until a later export or the window's close: a QThread object must not be
        # freed while its thread is still ending (Qt aborts the process).
        self._jobs = [j for j in self._jobs if not j.isFinished()]
        self._jobs.append(job)
        job.start()
        return job

    def _report_written(self, where: str, warnings: list[str]) -> None:
        extra = (
            self.tr(" ({n} character(s) no font here draws, shown as ?)").format(n=len(warnings))
            if warnings
            else ""
        )
        self.show_message(self.tr("Report written: {path}").format(path=where) + extra)

    def _error(self, title: str, sentence: str) -> None:
        QMessageBox.warning(self, title, sentence)

    def _may_discard(self) -> bool:
        """Ask before losing unsaved changes: save, discard or stay."""
        self._finish_typing()
        if self.workspace.stack.isClean():
            return True
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)  # fmt: skip
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to {name}?").format(
                name=self.workspace.name or self.tr("Untitled")
            ),
            buttons,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # -- window layout ---------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.window_geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = self.settings.window_state
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_discard():
            event.ignore()
            return
        for job in list(self._jobs):  # a report half-written is dropped, never left behind
            job.cancel()
            job.wait()
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        self.autosave.close()
        self.workspace.close()
        event.accept()
