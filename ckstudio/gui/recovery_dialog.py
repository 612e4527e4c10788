"""The offer at start: sessions a crash left in the recovery folder, one row each.

Each row names the session (its title in bold, its file in grey below), says
when it was last autosaved (local time) and how many nodes it has, with
Recover / Discard / Keep for later. Once decided, the row says what became of
the session in place of its buttons. Closing the dialog leaves the undecided
ones for the next start: nothing is ever deleted without the user's word.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ckstudio.gui.i18n import tr
from ckstudio.gui.recovery import Entry, RecoveryFolder
from ckstudio.model.problems import one_line

if TYPE_CHECKING:
    from ckstudio.gui.mainwindow import MainWindow

MINIMUM_WIDTH = 560


def _label(text: str, *, bold: bool = False, grey: bool = False) -> QLabel:
    """Plain text (a title is never read as HTML), wrapped, selectable for copying."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    if grey:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class RecoveryRow(QWidget):
    """One entry: title, file and details on the left, its three buttons on the right;
    once decided, the outcome replaces the buttons."""

    def __init__(self, dialog: RecoveryDialog, entry: Entry) -> None:
        super().__init__(dialog)
        self.entry = entry
        self.decided = False
        title, file, details = describe(entry)
        self.title_label = _label(title, bold=True)
        self.file_label = _label(file, grey=True)
        self.details_label = _label(details)
        self.outcome_label = _label("")
        self.outcome_label.hide()
        self.recover_button = QPushButton(self.tr("Recover"))
        self.recover_button.setEnabled(not entry.damaged)
        self.discard_button = QPushButton(self.tr("Discard"))
        self.later_button = QPushButton(self.tr("Keep for later"))
        self.button_box = QWidget()
        buttons = QHBoxLayout(self.button_box)
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons():
            buttons.addWidget(button)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        for label in (self.title_label, self.file_label, self.details_label):
            if label.text():
                texts.addWidget(label)
            else:
                label.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.addLayout(texts, 0, 0)
        grid.addWidget(self.button_box, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.outcome_label, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self.recover_button.clicked.connect(lambda: dialog.recover_row(self))
        self.discard_button.clicked.connect(lambda: dialog.discard_row(self))
        self.later_button.clicked.connect(lambda: dialog.later_row(self))

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.recover_button, self.discard_button, self.later_button)

    def labels(self) -> tuple[QLabel, ...]:
        return (self.title_label, self.file_label, self.details_label, self.outcome_label)

    def text(self) -> str:
        """Everything the row says, one label a line."""
        return "\n".join(label.text() for label in self.labels() if label.text())

    def done(self, outcome: str) -> None:
        self.decided = True
        for button in self.buttons():
            button.setEnabled(False)
        self.button_box.hide()
        self.outcome_label.setText(outcome)
        self.outcome_label.show()


def shown_time(moment: datetime) -> str:
    """`moment` in local time, in the locale's short format; ISO under the C locale,
    whose short format ("29 11 2026 04:12") reads like a list of numbers."""
    when = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return when.toString("yyyy-MM-dd HH:mm")
    return locale.toString(when, QLocale.FormatType.ShortFormat)


def _damaged_time(entry: Entry) -> datetime | None:
    """When a copy that cannot be read was last written: its file's time, else the
    time in its key (when it was made)."""
    try:
        return datetime.fromtimestamp(entry.session_path.stat().st_mtime, UTC)
    except OSError:
        pass
    try:
        return datetime.strptime(entry.key[:15], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def describe(entry: Entry) -> tuple[str, str, str]:
    """Title; file (or that it was never saved); time of the last autosave (local) and
    number of nodes. A damaged entry has only its title line."""
    info = entry.info
    if info is None:
        moment = _damaged_time(entry)
        if moment is None:
            return tr("A session that cannot be read"), "", ""
        title = tr("A session that cannot be read (autosaved {when})")
        return title.format(when=shown_time(moment)), "", ""
    file = (
        one_line(info.original.name, 80)
        if info.original is not None
        else tr("never saved to a file")
    )
    details = tr("autosaved {when}, {nodes} nodes").format(
        when=shown_time(info.saved), nodes=info.nodes
    )
    return one_line(info.title, 80), file, details


class RecoveryDialog(QDialog):
    """Recover / Discard / Keep for later for each entry; `recover` opens one in the window."""

    def __init__(
        self, entries: list[Entry], recover: Callable[[Entry], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recover sessions"))
        self._recover = recover
        self.intro = intro = QLabel(
            self.tr(
                "CK Studio did not close normally. These sessions had changes that were "
                "not saved; their last autosaved copies are kept here."
            )
        )
        intro.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addStrut(
            MINIMUM_WIDTH
        )  # the minimum width (the constraint overrides setMinimumWidth)
        layout.addWidget(intro)
        layout.addSpacing(6)
        self.rows: list[RecoveryRow] = []
        for entry in entries:
            if self.rows:
                line = QFrame()
                line.setFrameShape(QFrame.Shape.HLine)
                line.setFrameShadow(QFrame.Shadow.Sunken)
                layout.addWidget(line)
            row = RecoveryRow(self, entry)
            self.rows.append(row)
            layout.addWidget(row)
        layout.addSpacing(6)
        layout.addWidget(close)
        self.finished.connect(self._leave_the_rest)

    def recover_row(self, row: RecoveryRow) -> None:
        if self._recover(row.entry):
            self._decided(row, self.tr("Recovered: it is open in the window; save it to keep it."))

    def discard_row(self, row: RecoveryRow) -> None:
        row.entry.discard()
        self._decided(row, self.tr("Discarded."))

    def later_row(self, row: RecoveryRow) -> None:
        row.entry.release()
        self._decided(row, self.tr("Kept for the next start."))

    def _decided(self, row: RecoveryRow, outcome: str) -> None:
        row.done(outcome)
        self.adjustSize()
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
