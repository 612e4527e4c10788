"""The recovery folder, the window's Recover and the offer at start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMessageBox

from ckstudio.gui.recovery import Entry, EntryInfo, RecoveryFolder, now
from ckstudio.gui.recovery_dialog import MINIMUM_WIDTH, RecoveryDialog, offer_recovery, shown_time
from ckstudio.storage import encode, load_session
from ckstudio.storage.filestamp import stamp_of
from tests.gui.conftest import SCHOOL

HELD: list[Entry] = []  # in a child process only: entries whose lock it dies holding


def crash_holding(entry: Entry) -> str:
    """Keep the entry (and its lock) alive until the child process dies: no unlock."""
    HELD.append(entry)
    return entry.key


def leave_entry(
    in_child, folder: RecoveryFolder, original=None, info: bytes | None = None, copy=None
):
    """An entry written by a process that then dies without cleaning up (a crash);
    `info` and `copy` then replace its sidecar and its session copy."""
    session = load_session(SCHOOL)

    def crash() -> str:
        entry = folder.create()
        base = stamp_of(original) if original is not None else None
        details = EntryInfo(session.meta.title, original, nodes(session), now(), base)
        entry.write(encode(session), details)
        if info is not None:
            entry.info_path.write_bytes(info)
        if copy is not None:
            entry.session_path.write_bytes(copy)
        return crash_holding(entry)

    return in_child(crash)


def nodes(session) -> int:
    return len(session.concepts) + len(session.knowledge)


def files_of(folder: RecoveryFolder) -> list[str]:
    return sorted(p.name for p in folder.path.iterdir())


def test_a_crashed_entry_is_recoverable_with_its_details(in_child, tmp_path):
    folder = RecoveryFolder(tmp_path)
    key = leave_entry(in_child, folder, original=SCHOOL)
    (entry,) = folder.recoverable()
    assert entry.key == key and not entry.damaged
    assert entry.info.original == SCHOOL
    assert entry.info.nodes == nodes(load_session(SCHOOL))
    assert entry.load() == load_session(SCHOOL)


def test_a_live_entry_is_not_listed_and_a_listed_one_is_not_listed_twice(in_child, tmp_path):
    folder = RecoveryFolder(tmp_path)
    live = folder.create()  # owned by this (running) process
    live.write(encode(load_session(SCHOOL)), EntryInfo("x", None, 1, now()))
    assert folder.recoverable() == []
    leave_entry(in_child, folder)
    first = folder.recoverable()
    assert len(first) == 1
    assert folder.recoverable() == []  # its lock is held by the first lister
    first[0].release()
    assert len(folder.recoverable()) == 1


def test_discard_removes_everything_and_later_keeps_it(in_child, tmp_path):
    folder = RecoveryFolder(tmp_path)
    leave_entry(in_child, folder)
    (entry,) = folder.recoverable()
    entry.release()  # Later
    assert len(files_of(folder)) == 2  # the session and its sidecar, no lock
    (entry,) = folder.recoverable()
    entry.discard()
    assert files_of(folder) == []
    assert folder.recoverable() == []


def test_damaged_entries_are_listed_and_can_be_discarded(in_child, tmp_path):
    folder = RecoveryFolder(tmp_path)
    leave_entry(in_child, folder, copy=b"")  # a 0-byte copy
    leave_entry(in_child, folder, copy=b'{"format": "ckstudio.session", "vers')
    entries = folder.recoverable()
    assert [e.damaged for e in entries] == [True, True]
    for entry in entries:
        entry.discard()
    assert files_of(folder) == []


@pytest.mark.parametrize("sidecar", [b"{not json", None], ids=["broken", "older"])
def test_a_copy_whose_sidecar_does_not_describe_it_describes_itself(in_child, tmp_path, sidecar):
    """Killed between writing the copy and its sidecar: the copy is read instead."""
    folder = RecoveryFolder(tmp_path)
    school = load_session(SCHOOL)
    older = EntryInfo("older title", SCHOOL, 1, now()).to_bytes()
    leave_entry(in_child, folder, original=SCHOOL, info=sidecar or older)
    (entry,) = folder.recoverable()
    assert not entry.damaged
    assert (entry.info.title, entry.info.nodes) == (school.meta.title, nodes(school))
    assert entry.info.original == (None if sidecar else SCHOOL)


def test_an_entry_that_died_before_its_first_autosave_is_cleaned_up(in_child, tmp_path):
    folder = RecoveryFolder(tmp_path)
    in_child(lambda: crash_holding(folder.create()))
    assert len(files_of(folder)) == 1  # the lock alone
    assert folder.recoverable() == []
    assert files_of(folder) == []


def test_a_missing_or_unusable_folder_lists_nothing_and_create_says_why(tmp_path):
    assert RecoveryFolder(tmp_path / "none").recoverable() == []
    (tmp_path / "file").write_text("")
    try:
        RecoveryFolder(tmp_path / "file" / "recovery").create()
    except Exception as error:
        assert "recovery folder" in error.sentence()
    else:
        raise AssertionError("create() worked in a folder under a file")


def test_recover_opens_the_copy_modified_with_the_original_as_target(
    window, in_child, tmp_path, school
):
    folder = RecoveryFolder(tmp_path / "recovery")
    before = school.read_bytes()
    leave_entry(in_child, folder, original=school)
    (entry,) = folder.recoverable()
    assert window.recover(entry)
    assert window.workspace.path == school
    assert window.isWindowModified() and not window.workspace.stack.isClean()
    assert school.read_bytes() == before  # nothing written to the original by itself
    assert window.autosave.entry is entry  # a second crash still leaves it
    assert window.save()
    assert not entry.session_path.exists()  # saved: the file holds everything


def test_saving_a_recovery_asks_when_the_file_was_saved_again_after_the_crash(
    window, in_child, tmp_path, school, monkeypatch
):
    folder = RecoveryFolder(tmp_path / "recovery")
    leave_entry(in_child, folder, original=school)
    newer = school.read_bytes().replace(b"Vers un groupe scolaire", b"Plus tard")
    school.write_bytes(newer)  # work saved into the file after the crash
    (entry,) = folder.recoverable()
    assert window.recover(entry)
    asked = []
    monkeypatch.setattr(window.ask, "changed_on_disk", lambda path: asked.append(path) or "cancel")
    assert not window.save()
    assert asked == [school]
    assert school.read_bytes() == newer


def test_recover_asks_before_replacing_an_edited_session(window, in_child, tmp_path, monkeypatch):
    folder = RecoveryFolder(tmp_path / "recovery")
    leave_entry(in_child, folder)
    (entry,) = folder.recoverable()
    window.workspace.editor.set_text(window.workspace.editor.add_child(), "une idée")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Cancel)
    assert not window.recover(entry)
    assert window.autosave.entry is not entry
    entry.release()


def test_the_offer_lists_each_session_with_recover_discard_later(blank, in_child, tmp_path, school):
    folder = RecoveryFolder(tmp_path / "recovery")
    leave_entry(in_child, folder, original=school)
    leave_entry(in_child, folder, copy=b"[]")
    leave_entry(in_child, folder)
    dialog = offer_recovery(blank, folder)
    assert dialog is not None and dialog.isVisible()
    good, damaged, later = dialog.rows
    title = load_session(SCHOOL).meta.title
    assert (good.title_label.text(), good.file_label.text()) == (title, school.name)
    assert f"{nodes(load_session(SCHOOL))} nodes" in good.details_label.text()
    assert later.file_label.text() == "never saved to a file"
    assert damaged.text().startswith("A session that cannot be read (autosaved ")
    assert damaged.entry.key not in damaged.text()  # no internal name shown
    assert not damaged.recover_button.isEnabled()
    assert later.later_button.text() == "Keep for later"
    good.recover_button.click()
    assert blank.workspace.path == school
    assert good.outcome_label.text().startswith("Recovered") and not good.button_box.isVisible()
    damaged.discard_button.click()
    assert dialog.isVisible()
    later.later_button.click()
    assert not dialog.isVisible()  # every entry decided
    assert [e.key for e in folder.recoverable()] == [later.entry.key]


def test_closing_the_offer_leaves_the_rest_for_later(blank, in_child, tmp_path):
    folder = RecoveryFolder(tmp_path / "recovery")
    leave_entry(in_child, folder)
    dialog = offer_recovery(blank, folder)
    dialog.reject()
    (entry,) = folder.recoverable()
    assert isinstance(entry, Entry) and not entry.damaged
    assert offer_recovery(blank, RecoveryFolder(tmp_path / "empty")) is None


def clipped(dialog) -> list[str]:
    """The texts of the rows' shown labels that are cut: shorter than they need at
    their width (a wrapped label) or than their one line (the others)."""
    return [
        label.text()
        for row in dialog.rows
        for label in row.labels()
        if label.isVisible()
        and label.height()
        < (label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height())
    ]


def test_the_offer_rows_are_never_cut_before_or_after_a_decision(blank, in_child, tmp_path, qtbot):
    folder = RecoveryFolder(tmp_path / "recovery")
    leave_entry(in_child, folder, original=tmp_path / "a-long-file-name-for-a-workshop.ck.json")
    leave_entry(in_child, folder, copy=b"[]")
    leave_entry(in_child, folder)
    dialog = RecoveryDialog(folder.recoverable(), lambda entry: True, blank)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() >= MINIMUM_WIDTH
    assert clipped(dialog) == []
    intro_bottom = dialog.intro.geometry().bottom()
    dialog.rows[0].recover_button.click()
    dialog.rows[1].later_button.click()
    qtbot.wait(50)
    assert clipped(dialog) == []
    assert all(row.geometry().top() > intro_bottom for row in dialog.rows)
    assert dialog.rows[1].outcome_label.text() == "Kept for the next start."
    dialog.reject()


@pytest.mark.parametrize(
    ("locale", "pattern"),
    [
        (QLocale.c(), r"^\d{4}-\d\d-\d\d \d\d:\d\d$"),
        (QLocale("fr_FR"), r"^\d\d/\d\d/\d{4} \d\d:\d\d$"),
    ],
)
def test_autosave_times_read_as_dates_in_every_locale(locale, pattern):
    import re

    before = QLocale()
    QLocale.setDefault(locale)
    try:
        assert re.match(pattern, shown_time(now())), shown_time(now())
    finally:
        QLocale.setDefault(before)
