"""One open session: its Document, file path, undo stack, scene, selection, speaker, verbs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoStack

from ckstudio.gui.editing import MapEditor
from ckstudio.gui.filelock import SessionLock
from ckstudio.gui.mapscene import MapScene
from ckstudio.gui.records import RecordEditor
from ckstudio.gui.rounds import Rounds
from ckstudio.gui.selection import Selection
from ckstudio.gui.speaker import Speaker
from ckstudio.layout.style import Style
from ckstudio.model.document import Document
from ckstudio.model.session import Session
from ckstudio.storage import load_session, save_session
from ckstudio.storage.filestamp import FileStamp, changed_since, stamp_of


class Workspace:
    """Everything that lives and dies with one open session."""

    def __init__(
        self,
        session: Session,
        path: Path | None,
        style: Style,
        orientation: str,
        checked: bool = False,
    ) -> None:
        self.doc = Document(session, checked=checked)
        self.path = path
        self.stack = QUndoStack()
        self.scene = MapScene(self.doc, style, orientation)
        self.selection = Selection()
        self.speaker = Speaker(self.doc)  # who is speaking: per open session, never saved
        self.editor = MapEditor(self.doc, self.stack, self.scene, self.selection, self.speaker)
        self.records = RecordEditor(self.editor, self.speaker)
        self.rounds = Rounds(self.editor, self.records, self.speaker)  # tagging and voting
        # The file as last read or written (to see changes by others), the lock
        # held on it while open, and whether it was opened read-only (ckstudio.gui.filelock).
        self.stamp: FileStamp | None = None
        self.lock: SessionLock | None = None
        self.read_only = False
        self.source = path  # the file it came from (a report too), for File > Open Recent

    @classmethod
    def open(cls, path: Path, style: Style, orientation: str) -> Workspace:
        """Load a session file, or the session inside a PDF report; raises
        SessionLoadError with a one-line reason.

        A report is not where the session is saved: it opens untitled, and
        saving asks where to put the .ck.json file.
        """
        stamp = stamp_of(path)  # before reading: a change made meanwhile then shows as one
        session = load_session(path)
        is_report = path.suffix.lower() == ".pdf"
        workspace = cls(session, None if is_report else path, style, orientation, checked=True)
        workspace.stamp, workspace.source = None if is_report else stamp, path
        return workspace

    def save(self, path: Path | None = None) -> None:
        """Write the session (atomically, with backups); the stack becomes clean."""
        target = path or self.path
        if target is None:
            raise ValueError("no file to save to")
        save_session(self.doc.to_session(), target)
        self.path = target
        self.stamp = stamp_of(target)
        self.stack.setClean()

    def changed_on_disk(self) -> bool:
        """Whether someone else changed (or removed) the file since it was read or saved."""
        return (
            self.path is not None
            and self.stamp is not None
            and changed_since(self.stamp, self.path)
        )

    @property
    def name(self) -> str:
        return self.path.name if self.path is not None else ""

    def close(self) -> None:
        """Cut every connection to the Document and the stack, then let them go."""
        self.editor.detach()
        self.rounds.detach()
        self.speaker.detach()
        self.scene.close()
        self.stack.clear()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
