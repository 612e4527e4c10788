"""The File verbs: New, New from template, Open, Open Recent, Recover, Save, Save As, Revert.

Each one replaces or writes the session the window shows, and first asks the user
wherever work could be lost or a file is shared: unsaved changes, a file another
CK Studio has open (locks), a file someone changed on disk. They are kept apart
from the window's menus and docks so that these rules read in one place, and they
reach the window only through `FileHost`, the few things they need of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from ckstudio.gui.autosave import Autosave
from ckstudio.gui.error_text import file_error_text
from ckstudio.gui.filelock import SessionLock
from ckstudio.gui.filequestions import FileQuestions
from ckstudio.gui.i18n import interface_language, tr
from ckstudio.gui.recent import RecentMenu
from ckstudio.gui.recovery import Entry
from ckstudio.gui.settings import Settings
from ckstudio.gui.templatechooser import Template, TemplateChooser, templates
from ckstudio.gui.theme import map_style
from ckstudio.gui.workspace import Workspace
from ckstudio.layout.style import Style
from ckstudio.model.templates import DEFAULT_TITLE, new_session
from ckstudio.storage import SessionFileError
from ckstudio.storage.filestamp import FileStamp


class FileHost(Protocol):
    """What the file verbs use of the window: its session, settings and messages."""

    workspace: Workspace
    settings: Settings
    ask: FileQuestions
    autosave: Autosave
    recent_menu: RecentMenu

    def set_workspace(self, workspace: Workspace) -> None: ...

    def finish_typing(self) -> None: ...

    def show_title(self) -> None: ...

    def show_message(self, text: str) -> None: ...

    def show_error(self, title: str, sentence: str) -> None: ...


class SessionFiles:
    """The file verbs of one window; `parent` (the window itself) owns their dialogs."""

    def __init__(self, host: FileHost, parent: QWidget) -> None:
        self._host = host
        self._parent = parent

    def tr(self, text: str) -> str:
        """`text` in the interface's language, from where lupdate files this class's
        strings: under its own name (the window's `tr` would look under "MainWindow")."""
        return QCoreApplication.translate("SessionFiles", text)

    def _style(self) -> Style:
        return map_style(self._host.settings.theme)

    def _orientation(self) -> str:
        return self._host.settings.orientation

    # -- New -------------------------------------------------------------------------

    def new_session(self) -> None:
        """New, and Close: after the unsaved-changes question, a blank session."""
        if self.may_discard():
            self._host.set_workspace(self.blank())

    def blank(self) -> Workspace:
        """An untitled session with its C0, in the interface's language."""
        language = interface_language()
        session = new_session(DEFAULT_TITLE[language], language=language)
        return Workspace(session, None, self._style(), self._orientation())

    def new_from_template(self) -> None:
        """A session from a template or an example, untitled: Save asks where."""
        template = self.choose_template()
        if template is None or not self.may_discard():
            return
        try:
            session = template.make()
        except SessionFileError as error:
            self._host.show_error(self.tr("This template cannot be opened"), file_error_text(error))
            return
        self._host.set_workspace(Workspace(session, None, self._style(), self._orientation()))

    def choose_template(self) -> Template | None:
        dialog = TemplateChooser(templates(tr, interface_language()), self._parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    # -- Open ------------------------------------------------------------------------

    def _filter(self) -> str:
        """The file dialogs' choices of file types."""
        return self.tr("CK Studio sessions (*.ck.json);;JSON (*.json);;All files (*)")

    def open_dialog(self) -> None:
        if not self.may_discard():
            return
        workspace = self._host.workspace
        start = str(workspace.path.parent) if workspace.path else ""
        name, _ = QFileDialog.getOpenFileName(
            self._parent,
            self.tr("Open a session"),
            start,
            self.tr("CK Studio sessions and reports (*.ck.json *.pdf)") + ";;" + self._filter(),
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        """Show the session (or report) at `path`, with no question about the one shown."""
        try:
            workspace = Workspace.open(path, self._style(), self._orientation())
        except SessionFileError as error:
            self._host.show_error(self.tr("This session cannot be opened"), file_error_text(error))
            return False
        if not self.admit(workspace):
            workspace.close()
            return False
        self._host.set_workspace(workspace)
        return True

    def open_from(self, path: Path) -> bool:
        """Open `path` after the unsaved-changes question (a drop, Open Recent)."""
        return self.may_discard() and self.open_path(path)

    def open_recent(self, path: Path) -> None:
        """File > Open Recent: a file gone since is dropped from the list, with a word."""
        if not path.exists():
            self._host.recent_menu.forget(path)
            self._host.show_error(
                self.tr("File not found"),
                self.tr("{path} no longer exists; it is removed from the recent files.").format(
                    path=path
                ),
            )
            return
        self.open_from(path)

    def admit(self, workspace: Workspace) -> bool:
        """Let a just-loaded session in: lock its file (or ask how to open it when another
        CK Studio has it open); False if the user cancels. It joins File > Open Recent."""
        if workspace.path is not None and not self._lock_or_ask(workspace, workspace.path):
            return False
        if workspace.source is not None:
            self._host.settings.remember_file(str(workspace.source))
        return True

    def _lock_or_ask(self, workspace: Workspace, path: Path) -> bool:
        shown = self._host.workspace
        held = shown.lock
        if held is not None and held.covers(path) and shown is not workspace:
            workspace.lock, shown.lock = held, None  # the same file, opened again
            return True
        lock = SessionLock(path)
        holder = lock.acquire()
        if holder is None:
            workspace.lock = lock
            if not lock.held:
                self._host.show_message(self.tr("No lock could be made: another CK Studio "
                                                "could open this file too"))  # fmt: skip
            return True
        answer = self._host.ask.file_in_use(path, holder)
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
        if not self.may_discard():
            return False
        try:
            session = entry.load()
        except SessionFileError as error:
            self._host.show_error(
                self.tr("This session cannot be recovered"), file_error_text(error)
            )
            return False
        original = entry.info.original if entry.info is not None else None
        workspace = Workspace(session, original, self._style(), self._orientation(), checked=True)
        if original is not None and not self.admit(workspace):  # its file open elsewhere
            workspace.close()
            return False
        workspace.stamp = _recovered_base(entry, original)
        workspace.stack.resetClean()
        self._host.set_workspace(workspace)
        self._host.autosave.adopt(entry)
        self._host.show_message(self.tr("Recovered: save the session to keep it"))
        return True

    # -- Save ------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the session's file; untitled or read-only, ask where (Save As)."""
        workspace = self._host.workspace
        if workspace.path is None or workspace.read_only:
            return self.save_as()
        return self.save_to(workspace.path)

    def save_as(self) -> bool:
        start = str(self._host.workspace.path or Path.home() / "session.ck.json")
        name, _ = QFileDialog.getSaveFileName(
            self._parent, self.tr("Save the session"), start, self._filter()
        )
        if not name:
            return False
        path = Path(name)
        if not path.name.endswith(".json"):
            path = path.with_name(path.name + ".ck.json")
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Write the session to `path`: asks first if someone changed the file since it was
        read, refuses a file another CK Studio has open; on failure nothing changes."""
        self._host.finish_typing()
        workspace = self._host.workspace
        if path == workspace.path and workspace.changed_on_disk():
            answer = self._host.ask.changed_on_disk(path)
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
            self._host.show_error(self.tr("The session was not saved"), file_error_text(error))
            return False
        if lock is not workspace.lock:
            if workspace.lock is not None:
                workspace.lock.release()
            workspace.lock = lock
        workspace.read_only = False
        self._host.settings.remember_file(str(path))
        self._host.show_title()
        self._host.show_message(self.tr("Saved {name}").format(name=path.name))
        return True

    def _lock_to_save(self, path: Path) -> SessionLock | None:
        """The lock of the file about to be written: the one held, or a new one; None
        (and a sentence saying why) when another CK Studio has that file open."""
        held = self._host.workspace.lock
        if held is not None and held.covers(path):
            return held
        lock = SessionLock(path)
        holder = lock.acquire()
        if holder is None:
            return lock
        sentence = self.tr(
            "{name} is open in another CK Studio (process {pid} on {host}); save under "
            "another name."
        )
        self._host.show_error(
            self.tr("The session was not saved"),
            sentence.format(name=path.name, pid=holder.pid, host=holder.host),
        )
        return None

    # -- Revert, and the unsaved-changes question ------------------------------------

    def revert(self) -> None:
        """Read the file again, dropping the unsaved changes, once the user agrees."""
        workspace = self._host.workspace
        if (
            workspace.path
            and not workspace.stack.isClean()
            and self._host.ask.revert(workspace.name)
        ):
            self._reload()

    def _reload(self) -> bool:
        """Replace the session by its file as it is now; the lock and read-only stay."""
        old = self._host.workspace
        assert old.path is not None
        try:
            fresh = Workspace.open(old.path, self._style(), self._orientation())
        except SessionFileError as error:
            self._host.show_error(self.tr("The file cannot be read again"), file_error_text(error))
            return False
        fresh.lock, old.lock = old.lock, None
        fresh.read_only = old.read_only
        self._host.set_workspace(fresh)
        self._host.show_message(self.tr("Read {name} again").format(name=old.path.name))
        return True

    def may_discard(self) -> bool:
        """Ask before losing unsaved changes: save, discard or stay."""
        self._host.finish_typing()
        workspace = self._host.workspace
        if workspace.stack.isClean():
            return True
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)  # fmt: skip
        answer = QMessageBox.question(
            self._parent,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to {name}?").format(
                name=workspace.name or self.tr("Untitled")
            ),
            buttons,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard


def _recovered_base(entry: Entry, original: Path | None) -> FileStamp | None:
    """What the original file was when the recovered session was read from it.

    Saving compares the file with this first, so work saved into the file after
    the crash is never overwritten by the older recovered copy without a question.
    An entry that does not know (its sidecar was lost) counts the file as changed.
    """
    if original is None:
        return None
    base = entry.info.base if entry.info is not None else None
    return base if base is not None else FileStamp(mtime_ns=-1, size=-1, digest="")
