"""Autosave: when it writes, what it writes, when its entry goes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ckstudio.gui.autosave import Autosave
from ckstudio.gui.recovery import RecoveryFolder
from ckstudio.gui.workspace import Workspace
from ckstudio.layout.style import Style
from ckstudio.storage import load_session
from tests.gui.conftest import SCHOOL, open_window


@pytest.fixture
def workspace(school):
    workspace = Workspace.open(school, Style(), "right")
    yield workspace
    workspace.close()


@pytest.fixture
def autosave(tmp_path, workspace):
    autosave = Autosave(RecoveryFolder(tmp_path / "recovery"), 3600)
    autosave.bind(workspace)
    yield autosave
    autosave.close()


def add(workspace: Workspace, text: str) -> None:
    workspace.selection.set([workspace.doc.root])
    ref = workspace.editor.add_child()
    workspace.editor.set_text(ref, text)


def autosave_now(qtbot, autosave: Autosave) -> str:
    with qtbot.waitSignal(autosave.written, timeout=5000) as blocker:
        autosave.tick()
    return blocker.args[0]


def texts(path) -> set[str]:
    return {c.text for c in load_session(path).concepts}


def test_nothing_is_written_before_the_first_change(autosave, tmp_path):
    autosave.tick()
    assert autosave.entry is None
    assert not (tmp_path / "recovery").exists()


def test_a_change_is_written_with_its_details(qtbot, autosave, workspace, school):
    add(workspace, "une idée « sauvée »")
    written = autosave_now(qtbot, autosave)
    assert "une idée « sauvée »" in texts(written)
    info = autosave.entry.info
    assert info.original == school
    assert info.nodes == workspace.doc.node_count("c") + workspace.doc.node_count("k")
    assert info.title == workspace.doc.meta.title


def test_no_new_write_without_a_new_change(qtbot, autosave, workspace):
    add(workspace, "une")
    path = autosave_now(qtbot, autosave)
    with qtbot.assertNotEmitted(autosave.written, wait=100):
        autosave.tick()
    workspace.stack.undo()
    workspace.stack.undo()
    add(workspace, "autre")  # the stack's index is back where it was, the content is not
    assert "autre" in texts(autosave_now(qtbot, autosave)) and "une" not in texts(path)


def test_saving_drops_the_copy_until_the_next_change(qtbot, autosave, workspace):
    add(workspace, "une")
    autosave_now(qtbot, autosave)
    workspace.save()
    assert not autosave.entry.session_path.exists() and not autosave.entry.info_path.exists()
    autosave.tick()
    assert not autosave.entry.session_path.exists()
    add(workspace, "deux")
    assert "deux" in texts(autosave_now(qtbot, autosave))


def test_undoing_back_to_the_saved_state_drops_the_copy(qtbot, autosave, workspace):
    add(workspace, "une")
    autosave_now(qtbot, autosave)
    assert autosave.entry.session_path.exists()
    while workspace.stack.canUndo():
        workspace.stack.undo()
    assert not autosave.entry.session_path.exists()


def test_a_clean_close_or_a_new_session_leaves_nothing(qtbot, autosave, workspace, tmp_path):
    add(workspace, "une")
    autosave_now(qtbot, autosave)
    assert len(list((tmp_path / "recovery").iterdir())) == 3  # session, sidecar, lock
    autosave.bind(Workspace(load_session(SCHOOL), None, Style(), "right"))
    assert list((tmp_path / "recovery").iterdir()) == []


def test_a_failure_is_told_once_and_retried(qtbot, workspace, tmp_path):
    (tmp_path / "file").write_text("")
    autosave = Autosave(RecoveryFolder(tmp_path / "file" / "recovery"), 3600)
    autosave.bind(workspace)
    told = []
    autosave.failed.connect(told.append)
    add(workspace, "une")
    autosave.tick()
    autosave.tick()
    assert len(told) == 1 and "recovery folder" in told[0]
    autosave.folder = RecoveryFolder(tmp_path / "recovery")
    assert "une" in texts(autosave_now(qtbot, autosave))
    autosave.close()


def test_the_window_autosaves_and_closing_it_cleanly_removes_the_copy(qtbot, school, monkeypatch):
    window = open_window(qtbot, school)
    window.autosave.set_interval(0.05)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Tab)
    qtbot.keyClicks(window.canvas.text_editor, "une")
    qtbot.keyClick(window.canvas.text_editor, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.autosave.written, timeout=5000) as blocker:
        pass
    written = blocker.args[0]
    assert "une" in texts(written)
    entry = window.autosave.entry
    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", lambda *args: discard)
    assert not window.workspace.stack.isClean()  # the copy goes by the close, not a save
    assert window.close()
    leftovers = [p for p in entry.folder.iterdir() if p.name.startswith(entry.key)]
    assert leftovers == []  # session copy, sidecar and lock
    window.deleteLater()


def test_text_typed_and_not_yet_committed_is_in_the_copy(qtbot, window):
    window.autosave.set_interval(3600)
    inspector = window.inspector
    notes = inspector.field("notes")
    qtbot.keyClicks(notes, "des notes tapees pendant dix minutes")
    assert window.workspace.stack.isClean()  # nothing committed: no undo step yet
    with qtbot.waitSignal(window.autosave.written, timeout=5000) as blocker:
        window.autosave.tick()
    copy = load_session(blocker.args[0])
    root = next(c for c in copy.concepts if c.parent is None)
    before = window.workspace.doc.concept(root.id).notes  # the Document is untouched
    assert root.notes == "des notes tapees pendant dix minutes" + before


def test_a_node_being_typed_on_the_map_is_in_the_copy(qtbot, window):
    window.autosave.set_interval(3600)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Tab)
    qtbot.keyClicks(window.canvas.text_editor, "une idee pas encore validee")
    with qtbot.waitSignal(window.autosave.written, timeout=5000) as blocker:
        window.autosave.tick()
    assert "une idee pas encore validee" in texts(blocker.args[0])
    with qtbot.assertNotEmitted(window.autosave.written, wait=100):
        window.autosave.tick()  # the same typing is not written twice


def test_the_preference_sets_the_interval(window):
    window.settings.autosave_seconds = 12
    window.apply_preferences()
    assert window.autosave.interval == 12
