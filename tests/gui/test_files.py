"""The File menu: templates, Open Recent, drops, Revert, Close, locks, changes on disk,
and saves that fail without losing anything."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from ckstudio.gui.filelock import Holder, lock_beside
from ckstudio.gui.filequestions import FileQuestions
from ckstudio.gui.templatechooser import TemplateChooser, templates
from ckstudio.storage import files, load_session
from ckstudio.storage.bundled import bundled_examples
from tests.gui.conftest import SCHOOL, open_window, shut

ASK = FileQuestions._choose  # the real one: conftest fails any question left unanswered

HOLDER = """
import sys
from pathlib import Path
from ckstudio.gui.filelock import SessionLock
lock = SessionLock(Path(sys.argv[1]))
assert lock.acquire() is None and lock.held
print("held", flush=True)
sys.stdin.read()
"""


class Answers:
    """Stands in for the window's questions: records each one, gives the set answer."""

    def __init__(self, window, monkeypatch, **answers) -> None:
        self.asked: list[str] = []
        self.errors: list[str] = []
        for name, answer in answers.items():
            monkeypatch.setattr(window.ask, name, self._answer(name, answer))
        monkeypatch.setattr(
            window, "show_error", lambda title, sentence: self.errors.append(sentence)
        )

    def _answer(self, name, answer):
        def ask(*args):
            self.asked.append(name)
            return answer

        return ask


def edit(window, text: str = "une idée") -> None:
    QTest.keyClick(window.canvas, Qt.Key.Key_Tab)
    window.canvas.text_editor.insertPlainText(text)
    QTest.keyClick(window.canvas.text_editor, Qt.Key.Key_Return)


def discard_changes(monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


# -- New, New from template, Close -------------------------------------------------------


def test_every_template_opens_untitled_and_save_asks_where(window, monkeypatch):
    choices = templates(window.tr, "en")
    assert len(choices) == 1 + len(bundled_examples()) >= 4
    assert choices[0].label.startswith("Blank C-K workshop")
    discard_changes(monkeypatch)
    for choice in choices:
        monkeypatch.setattr(window.files, "choose_template", lambda choice=choice: choice)
        window.new_from_template()
        assert window.workspace.path is None and window.windowTitle().startswith("Untitled")
    assert window.workspace.doc.meta.title == load_session(bundled_examples()[-1]).meta.title
    asked = []
    monkeypatch.setattr(window.files, "save_as", lambda: asked.append("where") or False)
    assert not window.save() and asked == ["where"]


def test_the_workshop_template_has_empty_pockets(blank, monkeypatch):
    monkeypatch.setattr(blank.files, "choose_template", lambda: templates(str, "fr")[0])
    blank.new_from_template()
    doc = blank.workspace.doc
    pockets = doc.children("k", None)
    assert len(pockets) == 5 and all(not doc.children("k", p) for p in pockets)


def test_the_template_chooser_lists_and_returns_the_choice(blank, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    choices = templates(blank.tr, "fr")
    chooser = TemplateChooser(choices, blank)
    qtbot.addWidget(chooser)
    # the template, the "Examples" heading, then each example
    assert chooser.list.count() == len(choices) + 1 and chooser.chosen() is choices[0]
    heading = chooser.list.item(1)
    assert heading.text() == "Examples" and not heading.flags() & Qt.ItemFlag.ItemIsSelectable
    assert [c.example for c in choices] == [False] + [True] * (len(choices) - 1)
    chooser.list.setCurrentRow(1)  # the heading chooses nothing
    assert chooser.chosen() is None and not chooser.create_button.isEnabled()
    chooser.list.setCurrentRow(3)
    assert chooser.chosen() is choices[2] and chooser.create_button.isEnabled()
    assert choices[2].label in chooser.list.item(3).text()
    buttons = chooser.findChild(QDialogButtonBox)
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Create"
    chooser.list.setCurrentRow(0)
    chooser.show()
    qtbot.waitExposed(chooser)
    chooser.activateWindow()
    qtbot.waitUntil(chooser.isActiveWindow)
    chooser.list.setFocus()
    QTest.keyClick(chooser.list, Qt.Key.Key_Down)  # the keyboard steps over the heading
    assert chooser.chosen() is choices[1]


def test_cancelling_the_unsaved_question_keeps_the_session_on_template_and_close(
    window, monkeypatch
):
    edit(window)
    before = window.workspace
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(window.files, "choose_template", lambda: templates(str, "en")[0])
    window.new_from_template()
    window.action("close_session").trigger()
    assert window.workspace is before and window.isWindowModified()


def test_close_puts_a_blank_session_in_place_and_lets_the_file_go(window, school):
    assert "Ctrl+W" in [k.toString() for k in window.action("close_session").shortcuts()]
    assert lock_beside(school).exists()
    window.action("close_session").trigger()
    assert window.workspace.path is None and window.workspace.doc.node_count("c") == 1
    assert not lock_beside(school).exists()


# -- Open Recent -------------------------------------------------------------------------


def test_open_and_save_are_remembered_newest_first(window, school, tmp_path):
    assert window.settings.recent_files == [str(school)]
    other = tmp_path / "other.ck.json"
    assert window.files.save_to(other)
    assert window.settings.recent_files[:2] == [str(other), str(school)]
    window.recent_menu.refresh()
    labels = [a.text() for a in window.recent_menu.actions() if not a.isSeparator()]
    assert labels[:2] == ["&1 other.ck.json", "&2 ecocirc-groupe-scolaire.ck.json"]


def garden_copy(tmp_path: Path) -> Path:
    """Another session to open: a copy of the school-garden example."""
    other = tmp_path / "garden.ck.json"
    shutil.copy(SCHOOL.with_name("school-garden-workshop.ck.json"), other)
    return other


def discard_when_asked(monkeypatch) -> list[int]:
    """Answer Discard to the unsaved-changes question; the list grows at each asking."""
    asked: list[int] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(1) or QMessageBox.StandardButton.Discard,
    )
    return asked


def test_a_recent_file_opens_after_the_unsaved_question(window, school, tmp_path, monkeypatch):
    other = garden_copy(tmp_path)
    window.settings.remember_file(str(other))
    window.recent_menu.refresh()
    edit(window)
    asked = discard_when_asked(monkeypatch)
    first = next(a for a in window.recent_menu.actions() if a.toolTip() == str(other))
    first.trigger()
    assert asked and window.workspace.path == other


def test_a_recent_file_that_is_gone_is_dropped_with_a_message(window, tmp_path, monkeypatch):
    answers = Answers(window, monkeypatch)
    gone = tmp_path / "gone.ck.json"
    window.settings.remember_file(str(gone))
    before = window.workspace
    window.files.open_recent(gone)
    assert window.workspace is before
    assert len(answers.errors) == 1 and "no longer exists" in answers.errors[0]
    assert str(gone) not in window.settings.recent_files


def test_the_recent_list_can_be_cleared(window):
    window.recent_menu.refresh()
    clear = window.recent_menu.actions()[-1]
    assert clear.isEnabled()
    clear.trigger()
    assert window.settings.recent_files == []
    assert not window.recent_menu.actions()[-1].isEnabled()


# -- Drag and drop -----------------------------------------------------------------------


def _drop(widget, path: Path) -> bool:
    """Drag `path` over `widget` and drop it there, as the window system would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    action = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(20, 20), action, mime, buttons, keys)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(20, 20), action, mime, buttons, keys)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def test_a_session_dropped_on_the_map_opens_after_the_unsaved_question(
    window, qtbot, tmp_path, monkeypatch
):
    other = garden_copy(tmp_path)
    edit(window)
    asked = discard_when_asked(monkeypatch)
    assert _drop(window.canvas.viewport(), other)
    qtbot.waitUntil(lambda: window.workspace.path == other)
    assert asked == [1] and not window.isWindowModified()


def test_a_dropped_report_opens_untitled(window, qtbot, tmp_path):
    job = window.start_report(tmp_path / "report.pdf")
    qtbot.waitUntil(job.isFinished, timeout=30000)
    other = tmp_path / "other.ck.json"
    shutil.copy(SCHOOL.with_name("school-garden-workshop.ck.json"), other)
    assert window.open_path(other)
    assert _drop(window, tmp_path / "report.pdf")
    qtbot.waitUntil(lambda: window.workspace.path is None)
    assert window.workspace.doc.meta.title == load_session(SCHOOL).meta.title


def test_other_files_are_not_taken_by_a_drop(window, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    assert not _drop(window, text)


# -- Revert ------------------------------------------------------------------------------


def test_revert_reads_the_file_again_after_asking(window, school, monkeypatch):
    revert = window.action("revert")
    assert not revert.isEnabled()  # nothing to revert
    edit(window, "à jeter")
    assert revert.isEnabled()
    answers = Answers(window, monkeypatch, revert=False)
    window.revert()
    assert answers.asked == ["revert"] and window.isWindowModified()
    answers = Answers(window, monkeypatch, revert=True)
    window.revert()
    assert not window.isWindowModified() and not revert.isEnabled()
    assert "à jeter" not in {c.text for c in window.workspace.doc.to_session().concepts}
    assert window.workspace.lock is not None and window.workspace.lock.held  # kept
    assert lock_beside(school).exists()


def test_revert_is_off_for_an_untitled_session(blank):
    edit(blank)
    assert blank.isWindowModified() and not blank.action("revert").isEnabled()


# -- One file, two windows ---------------------------------------------------------------


def test_a_file_open_in_another_process_is_asked_about_until_that_process_dies(
    window, tmp_path, monkeypatch
):
    shared = tmp_path / "shared.ck.json"
    shutil.copy(SCHOOL, shared)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(shared)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        seen = []
        monkeypatch.setattr(window.ask, "file_in_use", lambda p, h: seen.append(h) or "cancel")
        before = window.workspace
        assert not window.open_path(shared)
        assert window.workspace is before
        assert len(seen) == 1 and seen[0].pid == holder.pid and seen[0].host
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
        holder.stdin.close()
        holder.stdout.close()
    assert window.open_path(shared)  # the dead process's lock is stale: taken over
    assert len(seen) == 1
    assert lock_beside(shared).read_text().split("\n")[0] == str(os.getpid())


def second_window(qtbot, path: Path, monkeypatch, answer: str):
    """Another window opening the same file; its question about it gets `answer`."""
    monkeypatch.setattr(FileQuestions, "file_in_use", lambda self, path, holder: answer)
    return open_window(qtbot, path, fresh_settings=False)


def test_open_read_only_marks_the_title_and_save_goes_to_save_as(
    window, school, qtbot, monkeypatch
):
    second = second_window(qtbot, school, monkeypatch, "read_only")
    try:
        assert second.workspace.read_only and "(read-only)" in second.windowTitle()
        edit(second)
        asked = []
        monkeypatch.setattr(second.files, "save_as", lambda: asked.append("where") or False)
        assert not second.save() and asked == ["where"]
        answers = Answers(second, monkeypatch)
        old = school.read_bytes()
        assert not second.files.save_to(school)  # Save As onto the file the other window has
        assert "open in another CK Studio" in answers.errors[0] and school.read_bytes() == old
    finally:
        shut(second)
    assert lock_beside(school).exists()  # still the first window's


def test_open_a_copy_is_untitled_and_saves_elsewhere(window, school, tmp_path, qtbot, monkeypatch):
    second = second_window(qtbot, school, monkeypatch, "copy")
    try:
        assert second.workspace.path is None and second.windowTitle().startswith("Untitled")
        elsewhere = tmp_path / "copy.ck.json"
        assert second.files.save_to(elsewhere)
        assert lock_beside(elsewhere).exists() and second.workspace.path == elsewhere
    finally:
        shut(second)
    assert not lock_beside(elsewhere).exists()


def test_cancel_at_start_opens_a_blank_session(window, school, qtbot, monkeypatch):
    second = second_window(qtbot, school, monkeypatch, "cancel")
    try:
        assert second.workspace.path is None and second.workspace.lock is None
    finally:
        shut(second)


def test_reopening_the_open_file_keeps_its_lock(window, school, monkeypatch):
    answers = Answers(window, monkeypatch, file_in_use="cancel")
    assert window.open_path(school)
    assert answers.asked == [] and window.workspace.lock.held


def test_save_as_moves_the_lock_to_the_new_file(window, school, tmp_path):
    other = tmp_path / "renamed.ck.json"
    assert window.files.save_to(other)
    assert lock_beside(other).exists() and not lock_beside(school).exists()


class Clicks:
    """The real message box of a file question, shown but not run: `press` says which
    button (by its text, or "Escape" / "Enter") is pressed; the box is kept to look at."""

    def __init__(self, monkeypatch, press: str) -> None:
        self.box: QMessageBox | None = None
        self.press = press
        monkeypatch.setattr(FileQuestions, "_choose", ASK)
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._exec(box))

    def _exec(self, box: QMessageBox) -> int:
        self.box = box
        box.show()
        if self.press == "Escape":
            QTest.keyClick(box, Qt.Key.Key_Escape)
        elif self.press == "Enter":
            QTest.keyClick(box, Qt.Key.Key_Return)
        else:
            (button,) = [b for b in box.buttons() if b.text() == self.press]
            button.click()
        return 0

    def texts(self) -> str:
        assert self.box is not None
        return " ".join((self.box.text(), self.box.informativeText(), self.box.detailedText()))

    def role(self, label: str) -> QMessageBox.ButtonRole:
        assert self.box is not None
        (button,) = [b for b in self.box.buttons() if b.text() == label]
        return self.box.buttonRole(button)


@pytest.mark.parametrize(
    ("press", "answer"),
    [("Open &read-only", "read_only"), ("Open a &copy", "copy"), ("Escape", "cancel"),
     ("Enter", "cancel")],
)  # fmt: skip
def test_the_file_in_use_question_says_where_in_plain_words(blank, monkeypatch, press, answer):
    import socket

    clicks = Clicks(monkeypatch, press)
    here = Holder(pid=48213, host=socket.gethostname(), app="ckstudio 0.4.0")
    assert blank.ask.file_in_use(SCHOOL, here) == answer
    box = clicks.box
    assert (
        box.text() == f"{SCHOOL.name} is already open in another CK Studio window on this computer."
    )
    assert "48213" in box.detailedText() and "ckstudio 0.4.0" in box.detailedText()
    assert "process" not in box.text() and "?" not in clicks.texts()


def test_the_file_in_use_question_names_another_computer_and_never_prints_a_question_mark(
    blank, monkeypatch
):
    clicks = Clicks(monkeypatch, "Cancel")
    assert blank.ask.file_in_use(SCHOOL, Holder(pid=7, host="salle-b", app="")) == "cancel"
    assert "on the computer “salle-b”" in clicks.box.text() and "?" not in clicks.texts()
    assert blank.ask.file_in_use(SCHOOL, Holder(pid=0, host="", app="")) == "cancel"
    assert clicks.box.text() == f"{SCHOOL.name} is already open in another CK Studio."
    assert "?" not in clicks.texts() and "()" not in clicks.texts()


@pytest.mark.parametrize(
    ("press", "answer"),
    [("&Overwrite", "overwrite"), ("Save a &copy as…", "save_as"),
     ("&Reload theirs", "reload"), ("Cancel", "cancel"), ("Escape", "cancel"),
     ("Enter", "cancel")],
)  # fmt: skip
def test_the_changed_on_disk_question_marks_what_loses_a_version(blank, monkeypatch, press, answer):
    clicks = Clicks(monkeypatch, press)
    assert blank.ask.changed_on_disk(SCHOOL) == answer
    box = clicks.box
    assert box.icon() == QMessageBox.Icon.Warning
    assert "was changed or removed since you opened it (by another program or person)" in (
        box.text()
    )
    Role = QMessageBox.ButtonRole
    assert clicks.role("&Overwrite") == clicks.role("&Reload theirs") == Role.DestructiveRole
    assert clicks.role("Save a &copy as…") == Role.AcceptRole
    assert (
        box.defaultButton() is box.escapeButton() is box.button(QMessageBox.StandardButton.Cancel)
    )


# -- Changed on disk ---------------------------------------------------------------------


def _change_behind_its_back(path: Path) -> bytes:
    """Another program writes the file: its version of the bytes."""
    theirs = path.read_bytes().replace(b"Vers un groupe scolaire", b"Leur groupe scolaire")
    path.write_bytes(theirs)
    return theirs


@pytest.mark.parametrize("answer", ["cancel", "overwrite", "reload", "save_as"])
def test_a_file_changed_on_disk_is_asked_about_before_saving(window, school, monkeypatch, answer):
    edit(window, "la nôtre")
    theirs = _change_behind_its_back(school)
    answers = Answers(window, monkeypatch, changed_on_disk=answer)
    monkeypatch.setattr(window.files, "save_as", lambda: answers.asked.append("where") or False)
    saved = window.save()
    texts = {c.text for c in load_session(school).concepts}
    if answer == "overwrite":
        assert saved and "la nôtre" in texts and not window.isWindowModified()
    elif answer == "reload":
        assert not saved and school.read_bytes() == theirs and not window.isWindowModified()
        assert window.workspace.doc.meta.title.startswith("Leur groupe scolaire")
    else:
        assert not saved and school.read_bytes() == theirs and window.isWindowModified()
    assert answers.asked == ["changed_on_disk"] + (["where"] if answer == "save_as" else [])


def test_a_file_rewritten_with_the_same_bytes_is_not_a_change(window, school, monkeypatch):
    answers = Answers(window, monkeypatch, changed_on_disk="cancel")
    edit(window)
    school.write_bytes(school.read_bytes())  # touched: new time, same content
    assert window.save() and answers.asked == []
    edit(window, "encore")
    assert window.save() and answers.asked == []  # our own save is not someone else's


# -- Saves that fail ---------------------------------------------------------------------


def _assert_kept(window, answers, school, old: bytes, count: int) -> None:
    """The dialog said why in one sentence; the session and the file are as they were."""
    assert len(answers.errors) == 1 and "\n" not in answers.errors[0]
    assert "Traceback" not in answers.errors[0]
    assert window.isWindowModified() and window.workspace.doc.node_count("c") == count
    assert school.read_bytes() == old
    assert sorted(p.name for p in school.parent.iterdir() if not p.name.startswith(".~")) == [
        school.name
    ]


def test_a_full_disk_keeps_the_document_and_the_file(window, school, monkeypatch):
    answers = Answers(window, monkeypatch)
    old = school.read_bytes()
    edit(window)
    count = window.workspace.doc.node_count("c")

    def half_then_full(temporary, data, mode):
        temporary.write_bytes(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "_write_and_sync", half_then_full)
    assert not window.save()
    assert "the disk is full" in answers.errors[0]
    _assert_kept(window, answers, school, old, count)


def test_a_read_only_folder_keeps_the_document_and_the_file(window, monkeypatch, in_child):
    """Root writes anywhere: the save is made by a child process that is nobody."""
    folder = Path(tempfile.mkdtemp(dir="/tmp"))  # traversable by nobody, unlike tmp_path
    try:
        path = folder / "s.ck.json"
        shutil.copy(SCHOOL, path)
        assert window.open_path(path)
        answers = Answers(window, monkeypatch, changed_on_disk="cancel")
        old = path.read_bytes()
        edit(window)
        count = window.workspace.doc.node_count("c")
        path.chmod(0o666)  # the file may be written: only its folder may not
        folder.chmod(0o555)

        def save() -> str:
            """The save's answer and, after it, the window as the saving process sees it."""
            saved = window.save()
            kept = [window.isWindowModified(), window.workspace.doc.node_count("c"),
                    str(window.workspace.path)]  # fmt: skip
            return json.dumps([saved, answers.asked, answers.errors, kept])

        said = json.loads(in_child(save, as_nobody=True) if os.geteuid() == 0 else save())
        assert said[:2] == [False, []] and len(said[2]) == 1
        assert "permission denied" in said[2][0] and "\n" not in said[2][0]
        assert said[3] == [True, count, str(path)]  # still modified, whole, same file
        assert path.read_bytes() == old
        assert [p.name for p in folder.iterdir() if not p.name.startswith(".~")] == [path.name]
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_a_folder_gone_keeps_the_document(window, tmp_path, monkeypatch):
    moved = tmp_path / "sub" / "s.ck.json"
    moved.parent.mkdir()
    shutil.copy(SCHOOL, moved)
    assert window.open_path(moved)
    answers = Answers(window, monkeypatch, changed_on_disk="overwrite")
    edit(window)
    count = window.workspace.doc.node_count("c")
    shutil.rmtree(moved.parent)
    assert not window.save()
    assert answers.asked == ["changed_on_disk"]  # gone is a change: said before writing
    assert len(answers.errors) == 1 and "does not exist" in answers.errors[0]
    assert window.isWindowModified() and window.workspace.doc.node_count("c") == count
