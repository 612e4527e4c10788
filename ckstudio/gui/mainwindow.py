"""The main window: the map canvas in the middle, inspector and history docks, menus.

The window owns one Workspace (the open session) at a time; New and Open
replace it. The title shows the file name and, through Qt's `[*]` marker, a
modified mark driven by the undo stack's clean state: saving marks the stack
clean, undoing back to the saved state clears the mark again.

This module assembles the window from parts kept apart so each reads on its own:
the commands and where they show (`window_actions`), the File verbs and their
questions (`session_files`), the PDF report's export (`report_export`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QUndoView,
)

from ckstudio import __version__
from ckstudio.gui.actions import make_action
from ckstudio.gui.audience import Audience
from ckstudio.gui.autosave import Autosave
from ckstudio.gui.canvas import MapCanvas
from ckstudio.gui.filedrop import dropped_file, pass_drops_up
from ckstudio.gui.filequestions import FileQuestions
from ckstudio.gui.i18n import counted, number, tr
from ckstudio.gui.inspector import Inspector
from ckstudio.gui.interchange_actions import InterchangeActions
from ckstudio.gui.maparea import MapArea
from ckstudio.gui.preferences import PreferencesDialog
from ckstudio.gui.recent import RecentMenu
from ckstudio.gui.record_docks import RecordDocks
from ckstudio.gui.recovery import Entry, RecoveryFolder
from ckstudio.gui.report_export import ReportExporter
from ckstudio.gui.report_job import ReportJob
from ckstudio.gui.rounds_panel import RoundsDock
from ckstudio.gui.session_files import SessionFiles
from ckstudio.gui.settings import Settings
from ckstudio.gui.shortcuts_help import shortcuts_dialog
from ckstudio.gui.theme import apply_theme, map_style
from ckstudio.gui.window_actions import (
    CONTEXT_MENU,
    MAP_ACTIONS,
    action_specs,
    build_menus,
    build_toolbar,
    fill,
    selection_enables,
)
from ckstudio.gui.workspace import Workspace
from ckstudio.model.operations import SetNodeField
from ckstudio.model.pending import TypedEdit

STATUS_TIMEOUT = 6000  # ms a message stays in the status bar


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
        self.map_area = MapArea(self)  # the canvas of each session goes in it, over the find bar
        self.setCentralWidget(self.map_area)
        self.ask = FileQuestions(self)  # the questions about files (tests answer them)
        self.files = SessionFiles(self, self)
        self.reports = ReportExporter(self, self)
        self.interchange = InterchangeActions(self)  # File > Import…, Export ▸, paste
        self.audience = Audience(self)  # the projector's window and the phase timer
        self._build_actions()
        self._build_docks()
        self._build_menus()
        build_toolbar(self, self.actions_by_name)
        self._counts = QLabel()
        self._zoom = QLabel()
        self.statusBar().addPermanentWidget(self._counts)
        self.statusBar().addPermanentWidget(self._zoom)
        self.statusBar().addPermanentWidget(self.audience.attach(self.actions_by_name))
        self.autosave = Autosave(RecoveryFolder(), settings.autosave_seconds, self)
        self.autosave.failed.connect(
            lambda sentence: self.show_message(
                self.tr("Autosave failed: {reason}").format(reason=sentence)
            )
        )
        self.preferences_changed.connect(
            lambda: self.autosave.set_interval(self.settings.autosave_seconds)
        )
        self.autosave.typing = self.typing_in_progress
        self.setAcceptDrops(True)  # a session file or report dropped on the window opens
        if not self.files.admit(workspace):  # the file is open in another CK Studio: cancelled
            workspace.close()
            workspace = self.files.blank()
        self.set_workspace(workspace)
        self._restore_layout()

    # -- actions, menus, docks -------------------------------------------------------

    def _build_actions(self) -> None:
        for spec, slot in action_specs(self):
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
        self.finish_typing()
        slot()

    def action(self, name: str) -> QAction:
        return self.actions_by_name[name]

    def _build_menus(self) -> None:
        self.recent_menu = RecentMenu(self.settings, self)
        self.recent_menu.chosen.connect(self.files.open_recent)
        docks = [self.inspector_dock.toggleViewAction(), self.history_dock.toggleViewAction(),
                 *self.record_docks.view_actions(), self.rounds_dock.view_action()]  # fmt: skip
        build_menus(self.menuBar(), tr, self.actions_by_name, self.recent_menu, docks)
        self.context_menu = QMenu(self)
        fill(self.context_menu, CONTEXT_MENU, self.actions_by_name)

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
        self.record_docks = RecordDocks(self)
        # History is looked at now and then: a tab beside Themes and Participants,
        # so the inspector and the raised tab get the height (a saved layout wins).
        self.tabifyDockWidget(self.record_docks.participants_dock, self.history_dock)
        self.rounds_dock = RoundsDock(self)  # tagging and voting rounds, a tab beside them
        self.tabifyDockWidget(self.record_docks.participants_dock, self.rounds_dock.dock)
        self.record_docks.themes_dock.raise_()

    # -- the open session ------------------------------------------------------------

    def current_canvas(self) -> MapCanvas:
        """The canvas of the session shown (there is one once the window is built)."""
        assert self.canvas is not None
        return self.canvas

    def set_workspace(self, workspace: Workspace) -> None:
        """Show another session: a new canvas and inspector, the history of its stack."""
        old_canvas, old_inspector = self.canvas, self.inspector
        if old_canvas is not None and old_canvas.text_editor.is_open:
            old_canvas.text_editor.close_editor(True)
        previous = self.workspace if old_canvas is not None else None
        self.workspace = workspace
        self.autosave.bind(workspace)
        self.audience.bind(workspace)
        workspace.scene.set_legend(self.action("legend").isChecked())
        self.canvas = MapCanvas(workspace.editor, self)
        pass_drops_up(self.canvas)  # a file dropped on the map reaches the window
        self.canvas.addActions([self.actions_by_name[n] for n in MAP_ACTIONS])
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.canvas.customContextMenuRequested.connect(
            lambda point: self.context_menu.exec(self.current_canvas().mapToGlobal(point))
        )
        self.canvas.zoom_changed.connect(self._show_zoom)
        self.canvas.set_text_pixels(self.settings.text_pixels)
        self.canvas.actual_size()
        self.map_area.show_canvas(self.canvas)
        self.inspector = Inspector(workspace.editor)
        self.inspector_dock.setWidget(self.inspector)
        self.record_docks.bind(workspace)
        self.rounds_dock.bind(workspace)
        self.undo_view.setStack(workspace.stack)
        for widget in (old_canvas, old_inspector):
            if widget is not None:
                widget.deleteLater()
        if previous is not None and previous is not workspace:
            previous.close()
        workspace.stack.cleanChanged.connect(self.show_title)
        workspace.stack.indexChanged.connect(self._show_counts)
        workspace.editor.message.connect(self.show_message)
        workspace.selection.changed.connect(self._enable_actions)
        workspace.stack.indexChanged.connect(self._enable_actions)
        workspace.selection.set([workspace.doc.root])
        self._enable_actions()
        self.canvas.show()  # a hidden widget cannot take the focus
        self.canvas.setFocus()
        self.show_title()
        self._show_counts()
        self._show_zoom(self.canvas.zoom)

    def _enable_actions(self) -> None:
        """Grey out what does not apply to the selection (menus, toolbar, right-click)."""
        for name, on in selection_enables(self.workspace).items():
            self.actions_by_name[name].setEnabled(on)

    def show_title(self) -> None:
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
        self._counts.setText(" · ".join(counted(n, one, many) for n, one, many in counts))

    def _show_zoom(self, zoom: float) -> None:
        self._zoom.setText(self.tr("Zoom {percent} %").format(percent=number(round(zoom * 100))))

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_TIMEOUT)

    def show_error(self, title: str, sentence: str) -> None:
        QMessageBox.warning(self, title, sentence)

    # -- verbs that need the window --------------------------------------------------

    def typing_in_progress(self) -> list[TypedEdit]:
        """What is being typed and not yet committed, as edits (for the autosave copy)."""
        typing: list[TypedEdit] = []
        editor = self.canvas.text_editor if self.canvas is not None else None
        if editor is not None and editor.ref is not None:
            space = self.workspace.editor.space_of(editor.ref)
            if space is not None:
                typing.append(SetNodeField(space, editor.ref, "text", editor.text()))
        if self.inspector is not None:
            typing += self.inspector.typing_in_progress()
        return typing

    def finish_typing(self) -> None:
        """Commit what is being typed, in the map's text box or an inspector field."""
        if self.canvas is not None and self.canvas.text_editor.is_open:
            self.canvas.text_editor.close_editor(True)
        if self.inspector is not None:
            self.inspector.commit_pending()

    def edit_current(self) -> None:
        current = self.workspace.selection.current
        if current is not None:
            self.current_canvas().start_editing(current)

    def toggle_orientation(self) -> None:
        orientation = "right" if self.action("orientation").isChecked() else "down"
        self.settings.orientation = orientation
        self.workspace.scene.set_orientation(orientation)

    def toggle_legend(self) -> None:
        shown = self.action("legend").isChecked()
        self.settings.legend = shown
        self.workspace.scene.set_legend(shown)

    def toggle_theme(self) -> None:
        theme = "dark" if self.action("dark").isChecked() else "light"
        self.settings.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        self.workspace.scene.set_style(map_style(theme))

    def show_shortcuts(self) -> None:
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
        self.current_canvas().set_text_pixels(self.settings.text_pixels)
        self.preferences_changed.emit()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About CK Studio"),
            self.tr("CK Studio {version}: C-K design-theory co-creation workshops.").format(
                version=__version__
            ),
        )

    # -- files: the verbs are in SessionFiles; these are the window's public face ----

    def new_session(self) -> None:
        self.files.new_session()

    def new_from_template(self) -> None:
        self.files.new_from_template()

    def open_path(self, path: Path) -> bool:
        return self.files.open_path(path)

    def recover(self, entry: Entry) -> bool:
        return self.files.recover(entry)

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def revert(self) -> None:
        self.files.revert()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event.mimeData())
        if path is None:
            return
        event.acceptProposedAction()
        # Opened once the drop is over: a dialog inside it would freeze the program
        # the file was dragged from.
        QTimer.singleShot(0, self, lambda: self.files.open_from(path))

    def start_report(self, path: Path) -> ReportJob:
        return self.reports.start(path)

    # -- window layout ---------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.window_geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = self.settings.window_state
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.may_discard():
            event.ignore()
            return
        self.reports.stop_all()
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        self.autosave.close()
        self.workspace.close()
        event.accept()
