"""The questions the window asks about files, each a method returning a plain answer.

Kept apart from the window so that tests replace one method and no modal
dialog ever waits for a click that will not come.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from ckstudio.gui.filelock import Holder

Button = QMessageBox.ButtonRole


class FileQuestions:
    """Message boxes over `parent`; each method names the answer chosen."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def tr(self, text: str) -> str:
        return self._parent.tr(text)

    def file_in_use(self, path: Path, holder: Holder) -> str:
        """`path` is open in another CK Studio: "read_only", "copy" or "cancel"."""
        where = self.tr("process {pid} ({app}) on {host}").format(
            pid=holder.pid, app=holder.app or "?", host=holder.host or "?"
        )
        return self._choose(
            self.tr("File already open"),
            self.tr("{name} is already open in another CK Studio ({where}).").format(
                name=path.name, where=where
            ),
            self.tr(
                "Open it read-only to look without saving over the other window's work, "
                "or open a copy to save under another name."
            ),
            [("read_only", self.tr("Open &read-only")), ("copy", self.tr("Open a &copy"))],
        )

    def changed_on_disk(self, path: Path) -> str:
        """The file changed since it was read: "overwrite", "save_as", "reload" or "cancel"."""
        return self._choose(
            self.tr("File changed on disk"),
            self.tr("{name} was changed or removed by someone else since you opened it.").format(
                name=path.name
            ),
            self.tr(
                "Overwrite it with your version, save yours as another file, or reload "
                "theirs and drop your changes."
            ),
            [
                ("overwrite", self.tr("&Overwrite")),
                ("save_as", self.tr("Save &as…")),
                ("reload", self.tr("&Reload theirs")),
            ],
        )

    def revert(self, name: str) -> bool:
        """Drop the unsaved changes and read the file again?"""
        answer = QMessageBox.question(
            self._parent,
            self.tr("Revert"),
            self.tr("Drop every change since {name} was last saved and read it again?").format(
                name=name
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _choose(self, title: str, text: str, detail: str, choices: list[tuple[str, str]]) -> str:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self._parent)
        box.setInformativeText(detail)
        buttons = {box.addButton(label, Button.AcceptRole): name for name, label in choices}
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        return buttons.get(box.clickedButton(), "cancel")
