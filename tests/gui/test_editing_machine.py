"""Random editing sessions driven through the real window (hypothesis stateful testing).

After every command, undo and redo, the scene must show exactly the
Document's nodes (those not folded away), the session must obey every rule a
file obeys, and undoing everything must give back the session first opened,
byte for byte.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ckstudio.model.integrity import session_problems
from tests.gui.conftest import EXAMPLES
from tests.gui.test_mapscene import assert_same_boxes, export_boxes

GARDEN = EXAMPLES / "school-garden-workshop.ck.json"
TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=24)
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class EditingWindow(RuleBasedStateMachine):
    window = None  # set by the test: one window, a fresh session per run
    garden = GARDEN  # the test opens a copy: another test's window may have the example open

    def __init__(self) -> None:
        super().__init__()
        assert self.window.open_path(self.garden)
        self.workspace = self.window.workspace
        self.doc = self.workspace.doc
        self.first = self.doc.to_session().model_dump_json()

    # -- helpers ---------------------------------------------------------------------

    def nodes(self, space: str | None = None) -> list[str]:
        spaces = (space,) if space else ("c", "k")
        return [n for s in spaces for n in self.doc.walk(s)]

    def select(self, data, space: str | None = None) -> str:
        node = data.draw(st.sampled_from(self.nodes(space)))
        shown = self.workspace.scene.visible_ref(node)
        self.workspace.selection.set([shown])
        return shown

    def key(self, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.window.canvas, key, modifiers)

    def type_and_commit(self, text: str) -> None:
        editor = self.window.canvas.text_editor
        if editor.is_open:
            editor.insertPlainText(text)
            QTest.keyClick(editor, Qt.Key.Key_Return)

    @contextlib.contextmanager
    def one_step(self):
        """A user's gesture is at most one step of the history."""
        stack = self.workspace.stack
        before = stack.index()
        yield
        assert stack.index() - before <= 1
        if stack.index() > before:
            assert stack.count() == stack.index()  # a new step: nothing left to redo

    # -- rules -----------------------------------------------------------------------

    @rule(data=st.data(), text=TEXT)
    def add_child(self, data, text):
        self.select(data)
        with self.one_step():
            self.key(Qt.Key.Key_Tab)
            self.type_and_commit(text)

    @rule(data=st.data(), text=TEXT, before=st.booleans())
    def add_sibling(self, data, text, before):
        self.select(data)
        with self.one_step():
            self.key(Qt.Key.Key_Return, SHIFT if before else Qt.KeyboardModifier.NoModifier)
            self.type_and_commit(text)

    @rule(data=st.data(), text=TEXT)
    def retype(self, data, text):
        self.select(data)
        with self.one_step():
            self.key(Qt.Key.Key_F2)
            self.window.canvas.text_editor.selectAll()
            self.type_and_commit(text)

    @rule(data=st.data(), text=TEXT)
    def type_then_escape(self, data, text):
        """Esc after typing: an existing node keeps its text, a new one goes."""
        node = self.select(data)
        space = "c" if self.doc.has_node("c", node) else "k"
        before = (self.doc.node(space, node).text, self.workspace.stack.index())
        self.key(Qt.Key.Key_Tab)
        self.window.canvas.text_editor.insertPlainText(text)
        QTest.keyClick(self.window.canvas.text_editor, Qt.Key.Key_Escape)
        assert (self.doc.node(space, node).text, self.workspace.stack.index()) == before

    @rule(data=st.data())
    def delete(self, data):
        self.select(data)
        with self.one_step():
            self.key(Qt.Key.Key_Delete)

    @rule(data=st.data())
    def move(self, data):
        space = data.draw(st.sampled_from(["c", "k"]))
        nodes = self.nodes(space)
        if len(nodes) < 2:
            return
        node = data.draw(st.sampled_from(nodes))
        parent = data.draw(st.sampled_from([*nodes, None] if space == "k" else nodes))
        siblings = len(self.doc.children(space, parent))
        position = data.draw(st.integers(0, siblings))
        with self.one_step():
            self.workspace.editor.move([node], parent, position)  # refused: nothing changes

    @rule(data=st.data(), back=st.booleans())
    def link(self, data, back):
        concept = data.draw(st.sampled_from(self.nodes("c")))
        knowledge = self.nodes("k")
        if not knowledge:
            return
        item = data.draw(st.sampled_from(knowledge))
        self.workspace.selection.set([concept, item])
        with self.one_step():
            self.key(Qt.Key.Key_L, CTRL | SHIFT if back else CTRL)

    @rule(data=st.data())
    def fold(self, data):
        self.select(data)
        self.key(Qt.Key.Key_Space)

    @rule()
    def undo(self):
        self.key(Qt.Key.Key_Z, CTRL)

    @rule()
    def redo(self):
        self.key(Qt.Key.Key_Z, CTRL | SHIFT)

    # -- what must always hold ---------------------------------------------------------

    @invariant()
    def scene_matches_the_document(self):
        scene = self.workspace.scene
        folded = [n for n in self.nodes() if scene.is_collapsed(n)]
        hidden = set()
        for node in folded:
            space = "c" if self.doc.has_node("c", node) else "k"
            hidden |= {d for d in self.doc.walk(space, node) if d != node}
        assert set(scene.boxes()) == set(self.nodes()) - hidden
        routed = set(scene.routes())
        assert routed <= {link.id for link in self.doc.links}

    @invariant()
    def nodes_stand_where_the_export_puts_them(self):
        assert_same_boxes(self.workspace.scene, export_boxes(self.doc, self.workspace.scene))

    @invariant()
    def the_session_obeys_the_file_rules(self):
        assert session_problems(self.doc.to_session()) == []

    @invariant()
    def the_keys_reach_the_map(self):
        assert self.window.canvas.hasFocus() or self.window.canvas.text_editor.hasFocus()

    def teardown(self):
        stack = self.workspace.stack
        while stack.canUndo():
            stack.undo()
        assert self.doc.to_session().model_dump_json() == self.first
        stack.setClean()


def test_random_editing_through_the_window(window, tmp_path):
    EditingWindow.window = window
    EditingWindow.garden = Path(shutil.copy(GARDEN, tmp_path))
    run_state_machine_as_test(
        EditingWindow,
        settings=settings(
            stateful_step_count=20,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        ),
    )
