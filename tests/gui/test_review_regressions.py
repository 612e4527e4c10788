"""Behaviours a review found broken once: typing, focus, folds, drags, selection."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ckstudio.storage import load_session
from tests.gui.test_keyboard import press, type_in


def retype(window, ref: str, text: str) -> None:
    window.workspace.selection.set([ref])
    press(window.canvas, Qt.Key.Key_F2)
    window.canvas.text_editor.selectAll()
    type_in(window, text)
    press(window.canvas.text_editor, Qt.Key.Key_Return)


def test_two_retypes_of_a_node_are_two_steps(window):
    doc, stack = window.workspace.doc, window.workspace.stack
    first = doc.children("c", doc.root)[0]
    retype(window, first, "premier")
    retype(window, first, "second")
    assert stack.count() == 2
    stack.undo()
    assert doc.concept(first).text == "premier"


def test_escape_after_typing_in_a_new_node_removes_it(window):
    doc, stack = window.workspace.doc, window.workspace.stack
    count = doc.node_count("c")
    press(window.canvas, Qt.Key.Key_Tab)
    type_in(window, "oups")
    press(window.canvas.text_editor, Qt.Key.Key_Escape)
    assert doc.node_count("c") == count and stack.count() == 0


def test_map_keys_do_nothing_behind_the_text_box(window):
    doc, stack = window.workspace.doc, window.workspace.stack
    count = doc.node_count("c")
    press(window.canvas, Qt.Key.Key_Tab)
    type_in(window, "abc")
    for key in (Qt.Key.Key_Insert, Qt.Key.Key_F2, Qt.Key.Key_Delete, Qt.Key.Key_Space):
        press(window.canvas.text_editor, key)
    assert window.canvas.text_editor.is_open
    press(window.canvas.text_editor, Qt.Key.Key_Return)
    assert doc.node_count("c") == count + 1 and stack.count() == 1


def test_clicking_the_inspector_while_typing_keeps_the_text_and_the_focus(window, qtbot):
    doc = window.workspace.doc
    first = doc.children("c", doc.root)[0]
    window.workspace.selection.set([first])
    press(window.canvas, Qt.Key.Key_F2)
    window.canvas.text_editor.selectAll()
    type_in(window, "gardé")
    notes = window.inspector.field("notes")
    notes.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(notes.hasFocus)
    assert doc.concept(first).text == "gardé"
    assert QApplication.focusWidget() is notes  # the map did not take the focus back


def test_switching_windows_leaves_the_text_box_open(window):
    press(window.canvas, Qt.Key.Key_Tab)
    type_in(window, "à finir")
    editor = window.canvas.text_editor
    QApplication.sendEvent(
        editor, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.ActiveWindowFocusReason)
    )
    assert editor.is_open and editor.toPlainText() == "à finir"


def test_saving_keeps_what_is_typed_in_the_inspector(window, school, qtbot):
    doc = window.workspace.doc
    first = doc.children("c", doc.root)[0]
    window.workspace.selection.set([first])
    notes = window.inspector.field("notes")
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus)
    notes.selectAll()
    notes.insertPlainText("vu en atelier")
    QTest.keyClick(notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = {c.id: c for c in load_session(school).concepts}
    assert saved[first].notes == "vu en atelier"
    assert not window.isWindowModified()


def test_folding_a_branch_moves_the_selection_out_of_it(window):
    doc, selection, scene = window.workspace.doc, window.workspace.selection, window.workspace.scene
    branch = doc.children("c", doc.root)[0]
    inside = doc.children("c", branch)[0]
    selection.set([branch, inside])
    window.workspace.editor.toggle_collapsed()
    assert scene.is_collapsed(branch)
    assert selection.ids == (branch,)


def test_a_child_added_under_a_hidden_node_is_shown(window):
    doc, scene, editor = window.workspace.doc, window.workspace.scene, window.workspace.editor
    branch = doc.children("c", doc.root)[0]
    inside = doc.children("c", branch)[0]
    scene.set_collapsed(branch, True)
    window.workspace.selection.set([inside])  # as if picked before the fold
    new = editor.add_child()
    assert scene.box(new) is not None and not scene.is_collapsed(branch)


def test_dragging_a_node_with_its_selected_child_moves_the_branch_whole(window):
    doc, editor = window.workspace.doc, window.workspace.editor
    first, second = doc.children("c", doc.root)[:2]
    child = doc.children("c", first)[0]
    assert editor.move([first, child], second, 0)
    assert doc.concept(first).parent == second and doc.concept(child).parent == first


def test_a_drop_where_the_node_already_is_is_no_step(window):
    doc, editor, stack = window.workspace.doc, window.workspace.editor, window.workspace.stack
    first = doc.children("c", doc.root)[0]
    assert not editor.move([first], doc.root, 0)
    assert stack.count() == 0 and not window.isWindowModified()


def test_removing_a_selected_link_leaves_nothing_selected(window):
    doc, selection = window.workspace.doc, window.workspace.selection
    link = doc.links[0].id
    selection.set([link])
    press(window.canvas, Qt.Key.Key_Delete)
    assert not doc.has_link(link) and selection.ids == ()


def test_the_text_box_follows_its_node_into_view_when_the_map_turns(window):
    canvas = window.canvas
    doc = window.workspace.doc
    last = doc.children("c", doc.root)[-1]
    window.workspace.selection.set([last])
    press(canvas, Qt.Key.Key_Tab)
    window.action("orientation").setChecked(not window.action("orientation").isChecked())
    box = canvas.text_editor.geometry()
    assert canvas.viewport().rect().contains(box.center())
