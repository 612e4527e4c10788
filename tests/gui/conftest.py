"""A real CK Studio window on a copy of an example, for the GUI tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, QSettings

from ckstudio.gui.app import build_window
from ckstudio.gui.filequestions import FileQuestions
from ckstudio.gui.mainwindow import MainWindow
from ckstudio.gui.settings import APPLICATION, ORGANISATION

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCHOOL = EXAMPLES / "ecocirc-groupe-scolaire.ck.json"


def open_window(qtbot, path: Path | None, fresh_settings: bool = True) -> MainWindow:
    """A shown, active window; by default with no settings left by an earlier test."""
    if fresh_settings:
        QSettings(ORGANISATION, APPLICATION).clear()
    window = build_window(path)  # closed by the fixtures (qtbot would close it too early)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    return window


@pytest.fixture(autouse=True)
def _no_unanswered_file_question(monkeypatch):
    """A question about a file that no test answers would wait for a click forever:
    it fails the test instead (a test that expects one replaces the question)."""

    def unanswered(self, title: str, text: str, *rest) -> str:
        raise AssertionError(f"unanswered question: {text}")

    monkeypatch.setattr(FileQuestions, "_choose", unanswered)


@pytest.fixture
def school(tmp_path) -> Path:
    copy = tmp_path / SCHOOL.name
    shutil.copy(SCHOOL, copy)
    return copy


@pytest.fixture
def window(qtbot, school):
    """The main window on a copy of the school example, C0 selected."""
    window = open_window(qtbot, school)
    yield window
    shut(window)


@pytest.fixture
def blank(qtbot):
    """The main window on a new session."""
    window = open_window(qtbot, None)
    yield window
    shut(window)


def shut(window: MainWindow) -> None:
    """Close without the "save changes?" question, and free the window."""
    window.finish_typing()
    window.workspace.stack.setClean()
    window.close()
    window.deleteLater()


def centre_of(window: MainWindow, ref: str, dx: float = 0.5, dy: float = 0.5) -> QPoint:
    """Where node `ref` is on the canvas viewport (at a fraction of its box), shown first."""
    canvas = window.canvas
    canvas.refresh()
    canvas.ensure_shown(ref)
    box = canvas.scene_model.box(ref)
    assert box is not None, f"{ref} is not shown"
    point = QRectF(box.x, box.y, box.w, box.h)
    return canvas.mapFromScene(point.x() + point.width() * dx, point.y() + point.height() * dy)
