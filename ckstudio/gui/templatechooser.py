"""File > New from template: the blank C-K workshop template and the bundled examples.

Whatever is chosen opens untitled: Save asks where to put it, so an example
is never saved over by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ckstudio.model.session import Session
from ckstudio.model.templates import workshop_session
from ckstudio.storage import SessionFileError, load_session
from ckstudio.storage.bundled import bundled_examples


@dataclass(frozen=True)
class Template:
    """One choice: its label and how to make its session (may raise SessionFileError);
    an example is listed under the "Examples" heading."""

    label: str
    make: Callable[[], Session]
    example: bool = False


def templates(tr: Callable[[str], str], language: str) -> list[Template]:
    """The workshop template in `language`, then each example under its own title."""
    found = [
        Template(
            tr("Blank C-K workshop (C0 to write, themes ready, empty K pockets)"),
            lambda: workshop_session(language),
        )
    ]
    for path in bundled_examples():
        found.append(Template(_title(path), lambda path=path: load_session(path), example=True))
    return found


def _title(path: Path) -> str:
    try:
        return load_session(path).meta.title
    except SessionFileError:
        return path.name


CHOICE = Qt.ItemDataRole.UserRole  # on each choosable item: its index in the choices


class TemplateChooser(QDialog):
    """A list to pick one template from, the examples under a heading; `chosen()`
    after exec."""

    def __init__(self, choices: list[Template], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New from template"))
        self._choices = choices
        self.list = QListWidget()
        heading_done = False
        for index, choice in enumerate(choices):
            if choice.example and not heading_done:
                heading_done = True
                heading = self._heading(self.tr("Examples"))
                heading.setForeground(self.list.palette().text())  # not greyed out
                self.list.addItem(heading)
            item = QListWidgetItem(("    " if choice.example else "") + choice.label)
            item.setData(CHOICE, index)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.currentItemChanged.connect(
            lambda item, _old: self.create_button.setEnabled(self._choice_of(item) is not None)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Start the new session from:")))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(520, 260)

    @staticmethod
    def _heading(text: str) -> QListWidgetItem:
        """A heading in the list: bold, neither selectable nor choosable."""
        item = QListWidgetItem(text)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        return item

    def _choice_of(self, item: QListWidgetItem | None) -> Template | None:
        index = item.data(CHOICE) if item is not None else None
        return self._choices[index] if isinstance(index, int) else None

    def _double_clicked(self, item: QListWidgetItem) -> None:
        if self._choice_of(item) is not None:
            self.accept()

    def chosen(self) -> Template | None:
        return self._choice_of(self.list.currentItem())
