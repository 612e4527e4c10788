"""File > New from template: the "C-K workshop" template and the bundled examples.

Whatever is chosen opens untitled: Save asks where to put it, so an example
is never saved over by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from ckstudio.model.session import Session
from ckstudio.model.templates import workshop_session
from ckstudio.storage import SessionFileError, load_session
from ckstudio.storage.bundled import bundled_examples


@dataclass(frozen=True)
class Template:
    """One choice: its label and how to make its session (may raise SessionFileError)."""

    label: str
    make: Callable[[], Session]


def templates(tr: Callable[[str], str], language: str) -> list[Template]:
    """The workshop template in `language`, then each example under its own title."""
    found = [
        Template(
            tr("C-K workshop: C0 to state, the themes, empty knowledge pockets"),
            lambda: workshop_session(language),
        )
    ]
    for path in bundled_examples():
        found.append(Template(tr("Example: {title}").format(title=_title(path)),
                              lambda path=path: load_session(path)))  # fmt: skip
    return found


def _title(path: Path) -> str:
    try:
        return load_session(path).meta.title
    except SessionFileError:
        return path.name


class TemplateChooser(QDialog):
    """A list to pick one template from; `chosen()` after exec."""

    def __init__(self, choices: list[Template], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New from template"))
        self._choices = choices
        self.list = QListWidget()
        self.list.addItems([t.label for t in choices])
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(self.accept)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Start the new session from:")))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(520, 260)

    def chosen(self) -> Template | None:
        row = self.list.currentRow()
        return self._choices[row] if 0 <= row < len(self._choices) else None
