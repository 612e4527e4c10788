"""Ctrl+F in the real window: count, step through the hits, unfold, give the keys back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ckstudio.gui.mapitem import MIN_TEXT_PIXELS
from ckstudio.model.operations import SetNodeField

# "élève" in the school example: c20 (text, folded away in the test below),
# c31 (notes only), c33 (text), k24 and k29 (text), in this map order.
HITS = ["c20", "c31", "c33", "k24", "k29"]
SHIFT = Qt.KeyboardModifier.ShiftModifier


def find(window, text: str):
    """Ctrl+F from the map, then type the query as a user would (ASCII keys)."""
    QTest.keyClick(window.canvas, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.map_area.find_bar
    bar.field.clear()
    QTest.keyClicks(bar.field, text)
    return bar


def shown_in_view(window, ref: str) -> bool:
    canvas = window.canvas
    box = canvas.scene_model.box(ref)
    if box is None:
        return False
    on_screen = canvas.mapFromScene(QRectF(box.x, box.y, box.w, box.h)).boundingRect()
    return canvas.viewport().rect().contains(on_screen)


def test_ctrl_f_opens_the_bar_with_the_keyboard_in_its_field(window):
    bar = window.map_area.find_bar
    assert bar.isHidden()
    QTest.keyClick(window.canvas, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible()
    assert QApplication.focusWidget() is bar.field
    keys = {name: [k.toString() for k in window.action(name).shortcuts()]
            for name in ("find", "find_next", "find_previous")}  # fmt: skip
    assert "Ctrl+F" in keys["find"] and "F3" in keys["find_next"]
    assert "Shift+F3" in keys["find_previous"]  # listed by F1, which reads the actions


def test_typing_counts_the_hits_accents_and_case_ignored(window):
    bar = find(window, "ELEVE")
    assert bar.count.text() == "5 matches"
    assert [hit.id for hit in bar.hits] == HITS
    bar.field.setText("élève")
    assert bar.count.text() == "5 matches"
    QTest.keyClicks(bar.field, "zz")
    assert bar.count.text() == "No match"
    bar.field.clear()
    assert bar.count.text() == ""


def test_enter_and_shift_enter_step_through_the_hits_and_go_round(window):
    doc, stack, selection = window.workspace.doc, window.workspace.stack, window.workspace.selection
    before = doc.to_session().model_dump_json()
    bar = find(window, "eleve")
    seen = []
    for _ in HITS:
        QTest.keyClick(bar.field, Qt.Key.Key_Return)
        seen.append(selection.current)
        assert shown_in_view(window, selection.current)
    assert seen == HITS
    assert bar.count.text() == "5 / 5"
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert selection.ids == ("c20",) and bar.count.text() == "1 / 5"
    assert "Back to the first match" in bar.note.text()
    QTest.keyClick(bar.field, Qt.Key.Key_Return, SHIFT)
    assert selection.ids == ("k29",) and "Back to the last match" in bar.note.text()
    QTest.keyClick(bar.field, Qt.Key.Key_Enter, SHIFT)
    assert selection.ids == ("k24",) and bar.note.text() == ""
    QTest.keyClick(bar.field, Qt.Key.Key_Return, SHIFT)
    QTest.keyClick(bar.field, Qt.Key.Key_Return, SHIFT)
    assert selection.ids == ("c31",) and bar.note.text() == "found in its notes"
    # Enter went to the bar, not to the map: no sibling added, nothing to undo.
    assert doc.to_session().model_dump_json() == before
    assert stack.count() == 0 and not window.canvas.text_editor.is_open


def test_a_hit_in_a_folded_branch_is_unfolded_selected_and_shown(window):
    scene, stack = window.workspace.scene, window.workspace.stack
    for branch in ("c12", "c19"):
        scene.set_collapsed(branch, True)
    window.canvas.refresh()
    assert scene.box("c20") is None
    bar = find(window, "eleve")
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.workspace.selection.ids == ("c20",)
    assert not scene.is_collapsed("c12") and not scene.is_collapsed("c19")
    assert shown_in_view(window, "c20")
    assert stack.count() == 0


def test_typing_in_the_field_does_not_touch_the_map(window):
    doc = window.workspace.doc
    before = doc.to_session().model_dump_json()
    bar = find(window, "x")  # C0 is selected: on the map, a letter would retype it
    for key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Space, Qt.Key.Key_Tab):
        QTest.keyClick(bar.field, key)
    assert doc.to_session().model_dump_json() == before
    assert window.workspace.stack.count() == 0 and not window.canvas.text_editor.is_open


def test_escape_closes_the_bar_and_gives_the_keys_back_to_the_map(window):
    bar = find(window, "eleve")
    QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    assert bar.isHidden()
    assert QApplication.focusWidget() is window.canvas


def test_f3_steps_from_the_map_and_ctrl_f_again_keeps_the_query(window):
    bar = find(window, "eleve")
    QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    QTest.keyClick(window.canvas, Qt.Key.Key_F3)
    assert bar.isVisible() and bar.field.text() == "eleve"
    assert window.workspace.selection.ids == ("c20",)
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key.Key_F3)
    assert window.workspace.selection.ids == ("c31",)
    QTest.keyClick(window.canvas, Qt.Key.Key_F3, SHIFT)
    assert window.workspace.selection.ids == ("c20",)
    QTest.keyClick(window.canvas, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.field.selectedText() == "eleve" and QApplication.focusWidget() is bar.field


def test_the_hits_follow_edits_and_undo(qtbot, window):
    editor, stack = window.workspace.editor, window.workspace.stack
    bar = find(window, "eleve")
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "2 / 5"
    editor.set_text("c20", "Une école où l'on suit ses déchets")
    qtbot.waitUntil(lambda: bar.count.text() == "1 / 4")  # still on c31, one hit fewer
    assert [hit.id for hit in bar.hits] == HITS[1:]
    stack.undo()
    qtbot.waitUntil(lambda: bar.count.text() == "2 / 5")
    window.workspace.selection.set(["c31"])
    window.workspace.editor.remove_selection()
    qtbot.waitUntil(lambda: bar.count.text() == "4 matches")
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.workspace.selection.ids == ("c33",)  # the hit that came after the one gone


def test_a_new_session_is_searched_and_the_old_one_let_go(window):
    bar = find(window, "eleve")
    old = window.workspace
    window.new_session()
    assert window.workspace is not old
    assert bar.count.text() == "No match" and bar.hits == []
    # An event from the closed session reaches nobody: the bar searches the new one only.
    old.doc.apply(SetNodeField("c", "c33", "text", "Les élèves bâtissent"))
    assert find(window, "c0") is bar
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.workspace.selection.ids == (window.workspace.doc.root,)
    assert bar.count.text() == "1 / 1"
    assert window.workspace.stack.count() == 0


def test_a_hit_found_on_a_zoomed_out_map_is_shown_at_reading_size(window):
    canvas = window.canvas
    text_size = canvas.scene_model.style.text_size
    canvas.set_zoom(2.0 / text_size)  # text 2 px high: the overview, boxes only
    assert canvas.zoom * text_size < MIN_TEXT_PIXELS
    bar = find(window, "eleve")
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.workspace.selection.ids == ("c20",)
    assert canvas.zoom == pytest.approx(canvas.reading_zoom)
    assert shown_in_view(window, "c20")
    box = canvas.scene_model.box("c20")
    middle = canvas.mapFromScene(box.x + box.w / 2, box.y + box.h / 2)
    centre = canvas.viewport().rect().center()
    assert abs(middle.x() - centre.x()) < 40 and abs(middle.y() - centre.y()) < 40
    zoom = canvas.zoom
    canvas.set_zoom(zoom * 0.8)  # readable, only smaller: left as it is
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert canvas.zoom == pytest.approx(zoom * 0.8)


def test_the_field_keeps_its_place_while_the_count_changes(qtbot, window):
    bar = find(window, "eleve")
    qtbot.waitUntil(lambda: bar.field.width() > 0)

    def places():
        bar.layout().activate()
        return bar.field.geometry(), bar.count.geometry(), bar.previous_button.geometry()

    layout = places()
    for _ in range(len(HITS) + 1):  # "1 / 5" ... "5 / 5", then round with a note
        QTest.keyClick(bar.field, Qt.Key.Key_Return)
        assert places() == layout
    assert bar.note.text()
    QTest.keyClicks(bar.field, "zzz")
    bar.layout().activate()
    assert bar.count.text() == "No match" and bar.field.geometry() == layout[0]
    assert bar.field.width() >= 300
    for button in (bar.previous_button, bar.next_button, bar.close_button):
        assert button.width() >= 24 and button.height() >= 24
