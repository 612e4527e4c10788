"""A real CK Studio process for the recovery tests, driven from the command line.

    python -m tests.gui.recovery_driver edit SECONDS      # edit until killed
    python -m tests.gui.recovery_driver clean SECONDS     # edit, autosave, close normally
    python -m tests.gui.recovery_driver offer             # start: print what is offered

The test sets XDG_DATA_HOME / XDG_CONFIG_HOME to its own folder. Lines on
stdout: `edited N` after the N-th concept is added with its text, `autosaved
NODES` when an autosave reached the disk, `offered JSON` (the rows of the
start-up offer, each left for later), `closed` after a normal close.
"""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ckstudio.gui.app import build_window
from ckstudio.gui.mainwindow import MainWindow
from ckstudio.gui.recovery_dialog import offer_recovery

EDIT_EVERY_MS = 20


def say(line: str) -> None:
    print(line, flush=True)


def add_concept(window: MainWindow, number: int) -> None:
    """A child of C0 with its text, as Tab + typing does."""
    workspace = window.workspace
    workspace.selection.set([workspace.doc.root])
    ref = workspace.editor.add_child()
    assert ref is not None
    workspace.editor.set_text(ref, f"idée {number}")
    say(f"edited {number}")


def edit(window: MainWindow, seconds: float, then_close: bool) -> None:
    """Add a concept every EDIT_EVERY_MS; after the first autosave, close if asked."""
    count = [0]

    def step() -> None:
        count[0] += 1
        add_concept(window, count[0])

    def autosaved() -> None:
        assert window.autosave.entry is not None and window.autosave.entry.info is not None
        say(f"autosaved {window.autosave.entry.info.nodes}")
        if then_close:
            timer.stop()
            window.close()

    window.autosave.set_interval(seconds)
    window.autosave.written.connect(autosaved)
    timer = QTimer(window)
    timer.timeout.connect(step)
    timer.start(EDIT_EVERY_MS)


def offer(window: MainWindow) -> None:
    """Print the offer's rows, then leave each for later and close normally."""
    dialog = offer_recovery(window)
    rows = dialog.rows if dialog is not None else []
    shown = [{"text": row.text(), "nodes": row.entry.info.nodes} for row in rows]
    say("offered " + json.dumps(shown, ensure_ascii=False))
    for row in rows:
        row.later_button.click()
    window.close()


def closed() -> None:
    say("closed")
    QApplication.quit()


def main(mode: str, seconds: float) -> int:
    window = build_window(None)
    window.show()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.lastWindowClosed.connect(closed)
    # A normal close of an edited session asks; here the answer is Discard.
    QMessageBox.question = lambda *args: QMessageBox.StandardButton.Discard
    if mode == "offer":
        QTimer.singleShot(0, lambda: offer(window))
    else:
        edit(window, seconds, then_close=mode == "clean")
    return app.exec()


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 0))
