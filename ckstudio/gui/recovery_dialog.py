"""The offer at start: sessions a crash left in the recovery folder, one row each.

Each row names the session (title and file), says when it was last autosaved
(local time) and how many nodes it has, with Recover / Discard / Later.
Closing the dialog leaves the undecided ones for the next start: nothing is
ever deleted without the user's word.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ckstudio.gui.recovery import Entry, RecoveryFolder
from ckstudio.model.problems import one_line

if TYPE_CHECKING:
    from ckstudio.gui.mainwindow import MainWindow


class RecoveryRow:
    """One entry's line: its description and its three buttons."""

    def __init__(self, dialog: RecoveryDialog, entry: Entry, row: int) -> None:
        self.entry = entry
        self.decided = False
        self.label = QLabel(describe(dialog, entry))
        self.label.setWordWrap(True)
        self.recover_button = QPushButton(dialog.tr("Recover"))
        self.recover_button.setEnabled(not entry.damaged)
        self.discard_button = QPushButton(dialog.tr("Discard"))
        self.later_button = QPushButton(dialog.tr("Later"))
        grid = dialog.grid
        grid.addWidget(self.label, row, 0)
        for column, button in enumerate(self.buttons(), start=1):
            grid.addWidget(button, row, column)
        self.recover_button.clicked.connect(lambda: dialog.recover_row(self))
        self.discard_button.clicked.connect(lambda: dialog.discard_row(self))
        self.later_button.clicked.connect(lambda: dialog.later_row(self))

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.recover_button, self.discard_button, self.later_button)

    def done(self, outcome: str) -> None:
        self.decided = True
        self.label.setText(self.label.text() + "\n" + outcome)
        for button in self.buttons():
            button.setEnabled(False)


def describe(widget: QWidget, entry: Entry) -> str:
    """Title and file, time of the last autosave (local), number of nodes."""
    info = entry.info
    if info is None:
        return widget.tr("A session that cannot be read ({key})").format(key=entry.key)
    file = info.original.name if info.original is not None else widget.tr("never saved")
    when = QDateTime.fromSecsSinceEpoch(int(info.saved.timestamp())).toLocalTime()
    shown = QLocale().toString(when, QLocale.FormatType.ShortFormat)
    return widget.tr("{title} ({file})\nautosaved {when}, {nodes} nodes").format(
        title=one_line(info.title, 80), file=one_line(file, 80), when=shown, nodes=info.nodes
    )


class RecoveryDialog(QDialog):
    """Recover / Discard / Later for each entry; `recover` opens one in the window."""

    def __init__(
        self, entries: list[Entry], recover: Callable[[Entry], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recover sessions"))
        self._recover = recover
        intro = QLabel(
            self.tr(
                "CK Studio did not close normally. These sessions had changes that were "
                "not saved; their last autosaved copies are kept here."
            )
        )
        intro.setWordWrap(True)
        self.grid = QGridLayout()
        self.rows = [RecoveryRow(self, entry, row) for row, entry in enumerate(entries)]
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.grid)
        layout.addWidget(close)
        self.finished.connect(self._leave_the_rest)

    def recover_row(self, row: RecoveryRow) -> None:
        if self._recover(row.entry):
            row.done(self.tr("Recovered: it is open in the window; save it to keep it."))
            self._close_when_all_decided()

    def discard_row(self, row: RecoveryRow) -> None:
        row.entry.discard()
        row.done(self.tr("Discarded."))
        self._close_when_all_decided()

    def later_row(self, row: RecoveryRow) -> None:
        row.entry.release()
        row.done(self.tr("Kept for the next start."))
        self._close_when_all_decided()

    def _close_when_all_decided(self) -> None:
        if all(row.decided for row in self.rows):
            self.accept()

    def _leave_the_rest(self) -> None:
        """Closed before every entry was decided: the rest waits for the next start."""
        for row in self.rows:
            if not row.decided:
                row.entry.release()
                row.decided = True


def offer_recovery(
    window: MainWindow, folder: RecoveryFolder | None = None
) -> RecoveryDialog | None:
    """Show the offer beside `window` (a MainWindow) if a crash left sessions; else None.

    The dialog is window-modal but does not block the caller: the app's event
    loop runs it, and a test presses its buttons.
    """
    entries = (folder or RecoveryFolder()).recoverable()
    if not entries:
        return None
    dialog = RecoveryDialog(entries, window.recover, window)
    dialog.open()
    return dialog
