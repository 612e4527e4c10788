"""The main window: the map canvas in the middle, inspector and history docks, menus.

The window owns one Workspace (the open session) at a time; New and Open
replace it. The title shows the file name and, through Qt's `[*]` marker, a
modified mark driven by the undo stack's clean state: saving marks the stack
clean, undoing back to the saved state clears the mark again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
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
from ckstudio.gui.canvas import MapCanvas
from ckstudio.gui.inspector import Inspector
from ckstudio.gui.navigation import step_for
from ckstudio.gui.report_export import ReportJob
from ckstudio.gui.settings import Settings
from ckstudio.gui.shortcuts_help import shortcuts_dialog
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

    def __init__(self, workspace: Workspace, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.workspace = workspace
        self.canvas: MapCanvas | None = None
        self.inspector: Inspector | None = None
        self.setObjectName("mainWindow")
        self.actions_by_name: dict[str, QAction] = {}
        self._jobs: list[ReportJob] = []  # reports being written (kept alive until done)
        self._build_actions()
        self._build_docks()
        self._build_menus()
        self._build_toolbar()
        self._counts = QLabel()
        self._zoom = QLabel()
        self.statusBar().addPermanentWidget(self._counts)
        self.statusBar().addPermanentWidget(self._zoom)
        self._set_workspace(workspace)
        self._restore_layout()

    # -- actions ---------------------------------------------------------------------

    def _specs(self) -> list[tuple[Spec, object]]:
        tr = self.tr
        return [
            (Spec("new", tr("&New"), [Std.New]), self.new_session),
            (Spec("open", tr("&Open…"), [Std.Open]), self.open_dialog),
            (Spec("save", tr("&Save"), [Std.Save]), self.save),
            (Spec("save_as", tr("Save &As…"), [Std.SaveAs, "Ctrl+Shift+S"]), self.save_as),
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
                 "collapse", "up", "down", "left", "right")  # fmt: skip
        return [self.actions_by_name[n] for n in names]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        groups = {
            self.tr("&File"): ["new", "open", None, "save", "save_as", None, "export_report", None,
                               "quit"],
            self.tr("&Edit"): ["undo", "redo", None, "add_child", "add_sibling",
                               "add_sibling_before", "add_pocket", "edit_text", "delete", None,
                               "link", "link_back"],
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
                elif name == "docks":
                    menu.addAction(self.inspector_dock.toggleViewAction())
                    menu.addAction(self.history_dock.toggleViewAction())
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
        workspace.scene.set_legend(self.action("legend").isChecked())
        self.canvas = MapCanvas(workspace.editor, self)
        self.canvas.addActions(self._map_actions())
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.canvas.customContextMenuRequested.connect(
            lambda point: self.context_menu.exec(self._canvas().mapToGlobal(point))
        )
        self.canvas.zoom_changed.connect(self._show_zoom)
        self.setCentralWidget(self.canvas)
        self.inspector = Inspector(workspace.editor)
        self.inspector_dock.setWidget(self.inspector)
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
        self.setWindowTitle(f"{name}[*] — CK Studio")
        self.setWindowModified(not self.workspace.stack.isClean())

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
        if not self._may_discard():
            return
        language = system_language()
        session = new_session(DEFAULT_TITLE[language], language=language)
        self._set_workspace(Workspace(session, None, self._style(), self._orientation()))

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
        self._set_workspace(workspace)
        return True

    def save(self) -> bool:
        if self.workspace.path is None:
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
        self._finish_typing()
        try:
            self.workspace.save(path)
        except SessionFileError as error:
            self._error(self.tr("The session was not saved"), error.sentence())
            return False
        self._show_title()
        self.show_message(self.tr("Saved {name}").format(name=path.name))
        return True

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
        self.workspace.close()
        event.accept()
