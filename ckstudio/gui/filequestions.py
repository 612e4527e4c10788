"""The questions the window asks about files, each a method returning a plain answer.

Kept apart from the window so that tests replace one method and no modal
dialog ever waits for a click that will not come.
"""

from __future__ import annotations

import socket
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSysInfo
from PySide6.QtWidgets import QMessageBox, QWidget

from ckstudio.gui.filelock import Holder

Role = QMessageBox.ButtonRole
Icon = QMessageBox.Icon
Choice = tuple[str, str, Role]  # answer, button text, role


def this_computer(host: str) -> bool:
    """Is `host` (a lock holder's host name) the computer this runs on?"""
    names = {QSysInfo.machineHostName(), socket.gethostname()}
    names |= {name.split(".")[0] for name in names}
    known = {name.casefold() for name in names if name}
    return host.casefold() in known or host.split(".")[0].casefold() in known


class FileQuestions:
    """Message boxes over `parent`; each method names the answer chosen."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def tr(self, text: str) -> str:
        """`text` in the interface's language, from where lupdate files this class's
        strings: under its own name (the window's `tr` would look under "MainWindow")."""
        return QCoreApplication.translate("FileQuestions", text)

    def file_in_use(self, path: Path, holder: Holder) -> str:
        """`path` is open in another CK Studio: "read_only", "copy" or "cancel"."""
        if holder.host and not this_computer(holder.host):
            text = self.tr(
                "{name} is already open in another CK Studio on the computer “{host}”."
            ).format(name=path.name, host=holder.host)
        elif holder.host:
            text = self.tr(
                "{name} is already open in another CK Studio window on this computer."
            ).format(name=path.name)
        else:
            text = self.tr("{name} is already open in another CK Studio.").format(name=path.name)
        facts = [self.tr("File: {path}").format(path=path)]
        if holder.pid:
            facts.append(self.tr("Process: {pid}").format(pid=holder.pid))
        if holder.app:
            facts.append(self.tr("Program: {app}").format(app=holder.app))
        if holder.host:
            facts.append(self.tr("Computer: {host}").format(host=holder.host))
        return self._choose(
            self.tr("File already open"),
            text,
            self.tr(
                "Open it read-only to look without saving over the other window's work, "
                "or open a copy to save under another name."
            ),
            [
                ("read_only", self.tr("Open &read-only"), Role.AcceptRole),
                ("copy", self.tr("Open a &copy"), Role.AcceptRole),
            ],
            details="\n".join(facts),
        )

    def changed_on_disk(self, path: Path) -> str:
        """The file changed since it was read: "overwrite", "save_as", "reload" or "cancel".

        Keeping both versions (Save a copy as…) is the suggested answer; the two that
        lose a version are marked destructive; Enter and Escape both cancel."""
        return self._choose(
            self.tr("File changed on disk"),
            self.tr(
                "{name} was changed or removed since you opened it (by another program or person)."
            ).format(name=path.name),
            self.tr(
                "Save a copy as another file to keep both versions, overwrite the file "
                "with your version, or reload theirs and drop your changes."
            ),
            [
                ("save_as", self.tr("Save a &copy as…"), Role.AcceptRole),
                ("overwrite", self.tr("&Overwrite"), Role.DestructiveRole),
                ("reload", self.tr("&Reload theirs"), Role.DestructiveRole),
            ],
            icon=Icon.Warning,
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

    def _choose(
        self,
        title: str,
        text: str,
        detail: str,
        choices: list[Choice],
        *,
        details: str = "",
        icon: Icon = Icon.Question,
    ) -> str:
        """Ask; the answer of the button clicked, "cancel" for Cancel, Escape or Enter."""
        box = QMessageBox(icon, title, text, parent=self._parent)
        box.setInformativeText(detail)
        if details:
            box.setDetailedText(details)
        buttons = {box.addButton(label, role): name for name, label, role in choices}
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return buttons.get(box.clickedButton(), "cancel")
