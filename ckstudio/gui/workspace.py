"""One open session: its Document, file path, undo stack, scene, selection and verbs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoStack

from ckstudio.gui.editing import MapEditor
from ckstudio.gui.mapscene import MapScene
from ckstudio.gui.selection import Selection
from ckstudio.layout.style import Style
from ckstudio.model.document import Document
from ckstudio.model.session import Session
from ckstudio.storage import load_session, save_session


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
        self.editor = MapEditor(self.doc, self.stack, self.scene, self.selection)

    @classmethod
    def open(cls, path: Path, style: Style, orientation: str) -> Workspace:
        """Load a session file, or the session inside a PDF report; raises
        SessionLoadError with a one-line reason.

        A report is not where the session is saved: it opens untitled, and
        saving asks where to put the .ck.json file.
        """
        session = load_session(path)
        is_report = path.suffix.lower() == ".pdf"
        return cls(session, None if is_report else path, style, orientation, checked=True)

    def save(self, path: Path | None = None) -> None:
        """Write the session (atomically, with backups); the stack becomes clean."""
        target = path or self.path
        if target is None:
            raise ValueError("no file to save to")
        save_session(self.doc.to_session(), target)
        self.path = target
        self.stack.setClean()

    @property
    def name(self) -> str:
        return self.path.name if self.path is not None else ""

    def close(self) -> None:
        """Cut every connection to the Document and the stack, then let them go."""
        self.editor.detach()
        self.scene.close()
        self.stack.clear()
