"""Keyboard-first editing in the real window: the keys of the issue's table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ckstudio.model.session import Session


def tree(doc, space: str, top: str | None) -> list:
    """A node's subtree as nested (text, [children]) pairs, to compare shapes."""
    return [(doc.node(space, c).text, tree(doc, space, c)) for c in doc.children(space, top)]


def type_in(window, text: str) -> None:
    editor = window.canvas.text_editor
    assert editor.is_open, "the text box should be open"
    editor.insertPlainText(text)  # QTest.keyClicks only sends ASCII; French needs more


def press(widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifiers)


def test_c0_is_selected_at_start_so_the_first_key_edits(blank):
    doc = blank.workspace.doc
    assert blank.workspace.selection.ids == (doc.root,)
    press(blank.canvas, Qt.Key.Key_Tab)
    assert len(doc.children("c", doc.root)) == 1
    assert blank.canvas.text_editor.is_open


def test_typing_scenario_builds_the_expected_tree(blank):
    canvas, doc = blank.canvas, blank.workspace.doc
    press(canvas, Qt.Key.Key_Tab)
    type_in(blank, "L'école qui respire")
    press(canvas.text_editor, Qt.Key.Key_Return)
    press(canvas, Qt.Key.Key_Return)
    type_in(blank, "L'école hors-les-murs")
    press(canvas.text_editor, Qt.Key.Key_Return)
    press(canvas, Qt.Key.Key_Tab)
    type_in(blank, "des classes dans le quartier")
    press(canvas.text_editor, Qt.Key.Key_Tab)  # commits and opens a child at once
    type_in(blank, "au parc")
    press(canvas.text_editor, Qt.Key.Key_Return)
    press(canvas, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_in(blank, "au marché")
    press(canvas.text_editor, Qt.Key.Key_Return)
    assert tree(doc, "c", doc.root) == [
        ("L'école qui respire", []),
        ("L'école hors-les-murs", [("des classes dans le quartier", [("au marché", []),
                                                                      ("au parc", [])])]),
    ]  # fmt: skip
    # each node typed is one undo step: its creation with its text
    assert blank.workspace.stack.count() == 5
    assert blank.workspace.stack.text(0).startswith("Add concept “L'école qui respire")


def test_a_multi_line_text_with_shift_enter(blank):
    canvas, doc = blank.canvas, blank.workspace.doc
    press(canvas, Qt.Key.Key_Tab)
    type_in(blank, "une école")
    press(canvas.text_editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_in(blank, "qui respire")
    press(canvas.text_editor, Qt.Key.Key_Return)
    (child,) = doc.children("c", doc.root)
    assert doc.concept(child).text == "une école\nqui respire"


def test_escape_on_a_new_node_leaves_no_trace(blank):
    canvas, stack = blank.canvas, blank.workspace.stack
    press(canvas, Qt.Key.Key_Tab)
    press(canvas.text_editor, Qt.Key.Key_Escape)
    doc = blank.workspace.doc
    assert doc.children("c", doc.root) == ()
    assert stack.count() == 0 and not stack.canRedo()
    assert blank.workspace.selection.ids == (doc.root,)


def test_f2_edits_and_escape_keeps_the_old_text(window):
    canvas, doc, selection = window.canvas, window.workspace.doc, window.workspace.selection
    first = doc.children("c", doc.root)[0]
    selection.set([first])
    old = doc.concept(first).text
    press(canvas, Qt.Key.Key_F2)
    assert canvas.text_editor.toPlainText() == old
    type_in(window, " changed")
    press(canvas.text_editor, Qt.Key.Key_Escape)
    assert doc.concept(first).text == old
    press(canvas, Qt.Key.Key_F2)
    canvas.text_editor.selectAll()
    type_in(window, "Une école à énergie positive")
    press(canvas.text_editor, Qt.Key.Key_Return)
    assert doc.concept(first).text == "Une école à énergie positive"
    window.workspace.stack.undo()
    assert doc.concept(first).text == old


def test_just_typing_replaces_the_selected_text(window):
    canvas, doc, selection = window.canvas, window.workspace.doc, window.workspace.selection
    first = doc.children("c", doc.root)[0]
    selection.set([first])
    QTest.keyClicks(canvas, "N")
    assert canvas.text_editor.is_open and canvas.text_editor.toPlainText() == "N"
    type_in(window, "ouveau")
    press(canvas.text_editor, Qt.Key.Key_Return)
    assert doc.concept(first).text == "Nouveau"


def test_delete_and_undo_restore_everything_exactly(window):
    doc, selection, stack = window.workspace.doc, window.workspace.selection, window.workspace.stack
    before = doc.to_session().model_dump_json()
    branch = doc.children("c", doc.root)[1]
    subtree = list(doc.walk("c", branch))
    links = {link.id for node in subtree for link in doc.links_of(node)}
    assert links, "the example branch should carry links for this test to mean something"
    selection.set([branch])
    press(window.canvas, Qt.Key.Key_Delete)
    assert not any(doc.has_node("c", n) for n in subtree)
    assert not any(doc.has_link(i) for i in links)
    assert stack.count() == 1
    stack.undo()
    assert doc.to_session().model_dump_json() == before
    stack.redo()
    assert not doc.has_node("c", branch)
    stack.undo()
    assert Session.model_validate_json(doc.to_session().model_dump_json()) == doc.to_session()
    assert doc.to_session().model_dump_json() == before


def test_c0_cannot_be_deleted(window):
    doc = window.workspace.doc
    window.workspace.selection.set([doc.root])
    press(window.canvas, Qt.Key.Key_Delete)
    assert doc.has_node("c", doc.root) and window.workspace.stack.count() == 0
    assert "C0" in window.statusBar().currentMessage()


def test_arrows_follow_the_tree(window):
    canvas, doc, selection = window.canvas, window.workspace.doc, window.workspace.selection
    window.workspace.scene.set_orientation("right")
    first, second = doc.children("c", doc.root)[:2]
    selection.set([doc.root])
    press(canvas, Qt.Key.Key_Right)
    assert selection.current == first
    press(canvas, Qt.Key.Key_Down)
    assert selection.current == second
    press(canvas, Qt.Key.Key_Up)
    assert selection.current == first
    press(canvas, Qt.Key.Key_Left)
    assert selection.current == doc.root
    window.workspace.scene.set_orientation("down")
    press(canvas, Qt.Key.Key_Down)
    assert selection.current == first
    press(canvas, Qt.Key.Key_Right)
    assert selection.current == second


def test_space_folds_and_unfolds_a_branch(window):
    canvas, doc, scene = window.canvas, window.workspace.doc, window.workspace.scene
    branch = doc.children("c", doc.root)[0]
    hidden = [n for n in doc.walk("c", branch) if n != branch]
    assert hidden
    scene.set_orientation("down")
    window.workspace.selection.set([branch])
    press(canvas, Qt.Key.Key_Space)
    assert scene.is_collapsed(branch)
    assert not any(n in scene.boxes() for n in hidden)
    press(canvas, Qt.Key.Key_Down)  # cannot go into a folded branch
    assert window.workspace.selection.current == branch
    press(canvas, Qt.Key.Key_Space)
    assert all(n in scene.boxes() for n in hidden)


def test_ctrl_k_and_ctrl_j_jump_between_spaces(window):
    doc, selection = window.workspace.doc, window.workspace.selection
    press(window.canvas, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert doc.has_node("k", selection.current)
    item = doc.children("k", selection.current)[0]
    selection.set([item])
    press(window.canvas, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert selection.current == doc.root
    press(window.canvas, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert selection.current == item  # back where it was


def test_ctrl_k_on_an_empty_k_space_starts_a_pocket(blank):
    doc = blank.workspace.doc
    press(blank.canvas, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert len(doc.children("k", None)) == 1 and blank.canvas.text_editor.is_open
    type_in(blank, "Matériaux")
    press(blank.canvas.text_editor, Qt.Key.Key_Return)
    press(blank.canvas, Qt.Key.Key_Tab)
    type_in(blank, "Filière de réemploi")
    press(blank.canvas.text_editor, Qt.Key.Key_Return)
    assert tree(doc, "k", None) == [("Matériaux", [("Filière de réemploi", [])])]


def test_ctrl_l_links_the_selected_concept_and_knowledge(window):
    doc, selection = window.workspace.doc, window.workspace.selection
    concept = doc.children("c", doc.root)[0]
    pocket = doc.children("k", None)[0]
    item = doc.children("k", pocket)[0]
    assert doc.find_link(concept, item, "c_to_k") is None
    selection.set([concept, item])
    press(window.canvas, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert doc.find_link(concept, item, "c_to_k") is not None
    press(window.canvas, Qt.Key.Key_L,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert doc.find_link(concept, item, "k_to_c") is not None
    press(window.canvas, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert "already linked" in window.statusBar().currentMessage()
    selection.set([concept])
    press(window.canvas, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert "Select one concept and one knowledge item" in window.statusBar().currentMessage()


def test_undo_and_redo_keys(window):
    doc, canvas = window.workspace.doc, window.canvas
    count = len(doc.children("c", doc.root))
    press(canvas, Qt.Key.Key_Tab)
    type_in(window, "x")
    press(canvas.text_editor, Qt.Key.Key_Return)
    assert len(doc.children("c", doc.root)) == count + 1
    press(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(doc.children("c", doc.root)) == count
    press(
        canvas,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(doc.children("c", doc.root)) == count + 1
    press(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(canvas, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(doc.children("c", doc.root)) == count + 1


def test_keys_typed_in_the_inspector_do_not_edit_the_map(window, qtbot):
    doc, scene = window.workspace.doc, window.workspace.scene
    count = doc.node_count("c")
    branch = doc.children("c", doc.root)[0]
    window.workspace.selection.set([branch])
    field = window.inspector.field("notes")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Delete, Qt.Key.Key_Space, Qt.Key.Key_Up):
        press(field, key)
    press(field, Qt.Key.Key_Tab)
    assert doc.node_count("c") == count
    assert not window.canvas.text_editor.is_open
    assert window.workspace.selection.ids == (branch,) and not scene.is_collapsed(branch)
