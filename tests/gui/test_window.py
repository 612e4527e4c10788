"""The main window: title and modified mark, files, settings, views, themes, menus."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from ckstudio.gui.settings import Settings
from ckstudio.storage import load_session
from tests.gui.conftest import SCHOOL, open_window, shut


def add_typed(window, text: str) -> str:
    """Tab, type, Enter on the selected node: a child and its text, as a user adds one."""
    QTest.keyClick(window.canvas, Qt.Key.Key_Tab)
    window.canvas.text_editor.insertPlainText(text)
    QTest.keyClick(window.canvas.text_editor, Qt.Key.Key_Return)
    return window.workspace.selection.current


def test_title_shows_the_file_and_the_modified_mark(window):
    stack = window.workspace.stack
    assert window.windowTitle() == "ecocirc-groupe-scolaire.ck.json[*] — CK Studio"
    assert not window.isWindowModified()
    add_typed(window, "une idée")
    assert window.isWindowModified()
    stack.undo()
    assert not window.isWindowModified()  # back to the saved state


def test_a_new_session_is_untitled(blank):
    assert blank.windowTitle().startswith("Untitled[*]")
    assert blank.workspace.doc.node_count("c") == 1
    assert blank._counts.text() == "1 concept · 0 knowledge items · 0 links"
    meta = blank.workspace.doc.meta
    assert meta.title == {"fr": "Nouvel atelier", "en": "New workshop"}[meta.language]


def test_save_writes_the_file_and_clears_the_mark(window, school):
    doc = window.workspace.doc
    window.workspace.selection.set([doc.root])
    add_typed(window, "Une école « vivante »")
    assert window.isWindowModified()
    assert window.save()
    assert not window.isWindowModified()
    saved = load_session(school)
    assert "Une école « vivante »" in {c.text for c in saved.concepts}
    assert school.with_name(school.name + ".1.bak").exists()


def test_a_failed_save_says_why_and_keeps_the_document(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    add_typed(window, "gardée")
    count = window.workspace.doc.node_count("c")
    assert not window.files.save_to(tmp_path / "missing-folder" / "x.ck.json")
    assert shown and "\n" not in shown[0] and "Traceback" not in shown[0]
    assert window.isWindowModified() and window.workspace.doc.node_count("c") == count


def test_open_a_bad_file_shows_one_sentence_and_keeps_the_session(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    bad = tmp_path / "bad.ck.json"
    bad.write_text('{"format": "ckstudio.session", "version": 1,', encoding="utf-8")
    before = window.workspace
    assert not window.open_path(bad)
    assert window.workspace is before
    assert len(shown) == 1 and "bad.ck.json" in shown[0] and "\n" not in shown[0]


def test_open_replaces_the_session_and_selects_c0(window, tmp_path):
    other = tmp_path / "school-garden-workshop.ck.json"  # a copy: the example may be open
    shutil.copy(SCHOOL.with_name(other.name), other)  # in another test's window (a lock)
    assert window.open_path(other)
    assert window.windowTitle().startswith("school-garden-workshop.ck.json")
    assert window.workspace.selection.ids == (window.workspace.doc.root,)
    assert window.undo_view.stack() is window.workspace.stack
    QTest.keyClick(window.canvas, Qt.Key.Key_Tab)  # the first key already edits the map
    assert window.canvas.text_editor.is_open


def test_unsaved_changes_are_asked_about_before_new(window, monkeypatch):
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    add_typed(window, "à garder")
    before = window.workspace
    window.new_session()
    assert asked and window.workspace is before  # cancelled: nothing lost
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window.new_session()
    assert window.workspace is not before and window.workspace.doc.node_count("c") == 1


def test_geometry_and_docks_are_remembered(qtbot, school, tmp_path):
    first = open_window(qtbot, school)
    first.resize(1000, 700)
    first.history_dock.hide()
    qtbot.waitUntil(lambda: first.width() == 1000)
    shut(first)
    second = open_window(qtbot, school, fresh_settings=False)
    try:
        assert not second.history_dock.isVisible()
        assert second.inspector_dock.isVisible()
        assert Settings().window_geometry is not None
    finally:
        second.history_dock.show()
        shut(second)


def test_settings_live_outside_the_users_home():
    location = QSettings("CK Studio", "ckstudio").fileName()
    assert location.startswith(os.environ["XDG_CONFIG_HOME"])


def test_zoom_and_fit_keys(window):
    canvas = window.canvas
    start = canvas.zoom
    QTest.keyClick(canvas, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom > start
    QTest.keyClick(canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom < start
    QTest.keyClick(canvas, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    shown = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert shown.contains(canvas.map_item.boundingRect())
    assert window._zoom.text() == f"Zoom {canvas.zoom * 100:.0f} %"


def test_fit_selection_shows_the_selected_nodes(window):
    doc, canvas = window.workspace.doc, window.canvas
    leaf = next(n for n in doc.walk("c") if not doc.children("c", n))
    window.workspace.selection.set([leaf])
    window.action("fit_selection").trigger()
    box = window.workspace.scene.box(leaf)
    shown = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert shown.contains(box.x, box.y) and shown.contains(box.x + box.w, box.y + box.h)
    assert canvas.zoom > 1.0


def test_ctrl_arrows_pan(window):
    canvas = window.canvas
    canvas.actual_size()
    bar = canvas.verticalScrollBar()
    bar.setValue(bar.minimum())
    QTest.keyClick(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() > bar.minimum()


def test_orientation_switch_lays_the_map_out_again(window):
    scene = window.workspace.scene
    action = window.action("orientation")
    action.setChecked(False)
    assert scene.orientation == "down"
    doc = window.workspace.doc
    first = doc.children("c", doc.root)[0]
    assert scene.box(first).y > scene.box(doc.root).y + scene.box(doc.root).h
    action.setChecked(True)
    assert scene.orientation == "right"
    assert scene.box(first).x > scene.box(doc.root).x + scene.box(doc.root).w
    assert Settings().orientation == "right"


def test_dark_theme_darkens_window_and_map(window, qtbot):
    window.action("dark").setChecked(True)
    try:
        assert window.workspace.scene.style.background == "#202124"
        qtbot.waitUntil(lambda: window.palette().window().color().lightness() < 80)
        image = window.canvas.viewport().grab().toImage()
        assert image.pixelColor(2, 2).lightness() < 80
        assert Settings().theme == "dark"
    finally:
        window.action("dark").setChecked(False)
    assert window.workspace.scene.style.background == "#FFFFFF"


def test_every_menu_action_has_a_name_and_the_help_lists_the_keys(window):
    entries = [a for menu in window.menuBar().actions() for a in menu.menu().actions()]
    assert all(a.text() for a in entries if not a.isSeparator())
    for name in ("add_child", "delete", "link", "go_k", "fit", "undo", "redo", "save"):
        assert window.action(name).shortcuts(), name
    keys = {k.toString() for k in window.action("add_child").shortcuts()}
    assert {"Tab", "Ins"} <= keys
    assert "Ctrl+Shift+Z" in {k.toString() for k in window.action("redo").shortcuts()}


def test_context_menu_offers_the_editing_actions(window):
    names = {a.objectName() for a in window.context_menu.actions()}
    assert {"add_child", "delete", "link", "edit_text"} <= names


def test_status_bar_counts_follow_the_edits(window):
    doc = window.workspace.doc
    before = doc.node_count("c")
    assert window._counts.text().startswith(f"{before} concepts")
    add_typed(window, "x")
    assert window._counts.text().startswith(f"{before + 1} concepts")


def test_the_history_dock_lists_the_steps(window):
    add_typed(window, "une cour")
    model = window.undo_view.model()
    assert model.rowCount() == 2  # <opened> and the step
    assert "une cour" in model.index(1, 0).data()


def run_ckstudio(*arguments: str, **environment: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **environment}
    return subprocess.run(
        [sys.executable, "-m", "ckstudio", *arguments],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip


def test_ckstudio_on_a_missing_file_says_so_in_one_line(tmp_path):
    done = run_ckstudio(str(tmp_path / "absent.ck.json"), QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "absent.ck.json" in done.stderr
    assert "Traceback" not in done.stderr


def test_ckstudio_without_a_display_says_so_instead_of_aborting():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    done = subprocess.run([sys.executable, "-m", "ckstudio"], capture_output=True, text=True,
                          env=env, timeout=60)  # fmt: skip
    assert done.returncode == 1
    assert "no graphical display" in done.stderr and "Traceback" not in done.stderr


def test_actions_that_do_not_apply_are_greyed_out(window):
    doc, selection = window.workspace.doc, window.workspace.selection
    selection.set([doc.root])
    assert window.action("add_child").isEnabled() and window.action("collapse").isEnabled()
    concept = doc.children("c", doc.root)[0]
    item = doc.children("k", doc.children("k", None)[0])[0]
    selection.set([concept, item])
    assert window.action("link").isEnabled() and window.action("delete").isEnabled()
    selection.set([])
    assert not window.action("add_child").isEnabled()
    assert not window.action("delete").isEnabled()
    assert not window.action("link").isEnabled()
    assert not window.action("edit_text").isEnabled()
    leaf = next(n for n in doc.walk("c") if not doc.children("c", n))
    selection.set([leaf])
    assert not window.action("collapse").isEnabled()
    assert window.action("edit_text").isEnabled()


def test_the_legend_can_be_hidden_and_the_choice_is_kept(window):
    scene = window.workspace.scene
    assert any(item.role == "legend" for item in scene.decorations())
    window.action("legend").setChecked(False)
    try:
        assert not any(item.role == "legend" for item in scene.decorations())
        assert Settings().legend is False
    finally:
        window.action("legend").setChecked(True)
    assert any(item.role == "legend" for item in scene.decorations())


def test_the_keyboard_help_lists_keys_and_gestures_read_only(window):
    from PySide6.QtWidgets import QAbstractItemView, QTableWidget

    from ckstudio.gui.shortcuts_help import SCREEN_MARGIN, shortcuts_dialog

    dialog = shortcuts_dialog(window, window.actions_by_name.values())
    table = dialog.findChild(QTableWidget)
    cells = {
        table.item(r, 0).text(): table.item(r, 1).text() if table.item(r, 1) else None
        for r in range(table.rowCount())
    }
    assert "Tab" in cells["Add child"] and cells["Link two nodes"] == "Alt+drag to the other space"
    assert not any("Save" in keys.split("+")[-1] for keys in cells.values() if keys)
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    # the nine tags make one row; every action's first key is still listed
    assert [name for name in cells if name.startswith("Tag with")] == ["Tag with theme 1–9"]
    assert cells["Tag with theme 1–9"] == "1 … 9"
    shown = " ".join(keys for keys in cells.values() if keys)
    for name, action in window.actions_by_name.items():
        if action.shortcuts() and not name.startswith("tag_"):
            assert action.shortcuts()[0].toString() in shown, name
    # headings, in order, spanning both columns; the find bar's own keys
    headings = [name for name, keys in cells.items() if keys is None]
    assert headings == ["File", "Edit", "Map", "Themes and votes", "Speakers", "Find", "View",
                        "Help"]  # fmt: skip
    assert list(cells).index("Find…") > list(cells).index("Find")
    assert cells["In the find bar: previous match"] == "Shift+Enter"
    # never taller than the screen leaves room for
    room = window.screen().availableGeometry().height() - SCREEN_MARGIN
    assert dialog.height() <= room
    dialog.deleteLater()


def test_a_report_opens_as_its_session_untitled(window, tmp_path):
    from ckstudio.cli import main

    report = tmp_path / "atelier.pdf"
    assert main(["report", str(SCHOOL), "-o", str(report), "--sections", "votes"]) == 0
    assert window.open_path(report)
    assert window.workspace.path is None and window.windowTitle().startswith("Untitled")
    assert window.workspace.doc.meta.title == load_session(SCHOOL).meta.title


def test_export_report_writes_the_pdf_off_the_ui_thread(window, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "compte-rendu.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.action("export_report").trigger()
    qtbot.waitUntil(lambda: "Report written" in window.statusBar().currentMessage(), timeout=30000)
    qtbot.waitUntil(lambda: all(job.isFinished() for job in window.reports.jobs), timeout=30000)
    assert load_session(target).meta.title == window.workspace.doc.meta.title


def test_a_cancelled_report_writes_nothing(window, tmp_path, qtbot):
    target = tmp_path / "never.pdf"
    job = window.start_report(target)
    job.cancel()
    qtbot.waitUntil(job.isFinished, timeout=30000)
    assert not target.exists()


def test_a_report_that_cannot_be_written_says_why(window, tmp_path, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    job = window.start_report(tmp_path / "no-such-folder" / "r.pdf")
    qtbot.waitUntil(lambda: bool(shown) and job.isFinished(), timeout=30000)
    assert "\n" not in shown[0] and "r.pdf" in shown[0]
