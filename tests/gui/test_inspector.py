"""The inspector: the form shows the model, and each user change is one undo step."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import SIGNAL, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

from ckstudio.gui.editing import MapEditor
from ckstudio.gui.inspector import Inspector
from ckstudio.gui.mapscene import MapScene
from ckstudio.gui.selection import Selection
from ckstudio.model.document import Document
from ckstudio.model.operations import AddRecord, SetNodeField
from ckstudio.storage import load_session

EXAMPLE = Path(__file__).parents[2] / "examples" / "ecocirc-groupe-scolaire.ck.json"


@dataclass
class Rig:
    doc: Document
    stack: QUndoStack
    selection: Selection
    editor: MapEditor
    inspector: Inspector
    messages: list[str]


@pytest.fixture
def rig(qtbot) -> Rig:
    doc = Document(load_session(EXAMPLE))
    stack = QUndoStack()
    scene = MapScene(doc)
    selection = Selection()
    editor = MapEditor(doc, stack, scene, selection)
    messages: list[str] = []
    editor.message.connect(messages.append)
    inspector = Inspector(editor)
    qtbot.addWidget(inspector)
    yield Rig(doc, stack, selection, editor, inspector, messages)
    release(stack, scene)


def release(stack: QUndoStack, scene: MapScene) -> None:
    """Empty the stack while the editor lives: a stack holding commands emits
    indexChanged as it is destroyed, and when the editor's own deletion destroys
    it, PySide calls the half-deleted editor's slot (a segfault outside pytest)."""
    stack.clear()
    scene.close()


def choose(combo: QComboBox, index: int) -> None:
    """What a user's pick in the list does: the index changes, then `activated`."""
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def type_into(qtbot, widget: QPlainTextEdit, text: str) -> None:
    """Replace the text as a user would, then commit with Ctrl+Enter."""
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def type_line(qtbot, widget: QLineEdit, text: str) -> None:
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_nothing_selected_shows_the_session(rig):
    assert rig.inspector.shown_kind == "session"
    assert rig.inspector.field("title").text() == rig.doc.meta.title
    assert rig.inspector.field("date").text() == "2020-02-13"
    assert rig.inspector.field("language").currentText() == "fr"


def test_selecting_a_concept_fills_the_form(rig):
    rig.selection.set(["c2"])
    concept = rig.doc.concept("c2")
    inspector = rig.inspector
    assert inspector.shown_kind == "concepts"
    assert inspector.field("text").model_text() == concept.text
    assert inspector.field("notes").model_text() == concept.notes
    assert inspector.field("reach").currentText() == "en rupture"  # breakthrough, in French
    assert inspector.field("partition").currentText() == "expansive"
    assert inspector.field("outcome").currentIndex() == 0  # open
    assert inspector.field("author").currentText() == "Julien P."  # p5
    boxes = inspector.themes.boxes
    assert boxes["t-structure"].isChecked()
    assert boxes["t-usages"].isChecked()
    assert not boxes["t-flux"].isChecked()


def test_filling_the_form_pushes_nothing(rig):
    for ids in (["c2"], ["k2"], ["l1"], ["c2", "c4"], ["c2", "k2"], [], ["c0"]):
        rig.selection.set(ids)
    assert rig.stack.count() == 0
    assert rig.messages == []
    assert rig.inspector.shown_kind == "concepts"  # C0 is a concept


def test_changing_reach_is_one_step_and_undo_restores(rig):
    rig.selection.set(["c2"])
    reach = rig.inspector.field("reach")
    choose(reach, 2)  # reachable
    assert rig.stack.count() == 1
    assert rig.doc.concept("c2").reach == "reachable"
    rig.stack.undo()
    assert rig.doc.concept("c2").reach == "breakthrough"
    assert reach.currentText() == "en rupture"  # the form follows the undo


def test_several_concepts_change_in_one_step(rig):
    rig.selection.set(["c2", "c4"])  # breakthrough and reachable
    reach = rig.inspector.field("reach")
    assert reach.currentIndex() == -1
    assert reach.placeholderText() == "(several values)"
    choose(reach, 1)  # known
    assert rig.stack.count() == 1
    assert (rig.doc.concept("c2").reach, rig.doc.concept("c4").reach) == ("known", "known")
    rig.stack.undo()
    assert (rig.doc.concept("c2").reach, rig.doc.concept("c4").reach) == (
        "breakthrough",
        "reachable",
    )


def test_differing_text_shows_a_placeholder_and_visiting_it_changes_nothing(rig, qtbot):
    rig.selection.set(["c2", "c4"])
    text = rig.inspector.field("text")
    assert text.model_text() == ""
    assert text.placeholderText() == "(several values)"
    text.committed.emit()  # focus went in and out, nothing typed
    assert rig.stack.count() == 0
    assert rig.doc.concept("c2").text == "L’école ronde"
    assert text.isReadOnly()  # several nodes never get one text by accident
    rig.selection.set(["c2"])
    assert not text.isReadOnly()


def test_no_break_spaces_survive_an_edit(rig, qtbot):
    """French text keeps its no-break spaces (Qt's toPlainText would drop them)."""
    rig.selection.set(["c7"])  # L’école qui «\xa0respire\xa0»
    text = rig.inspector.field("text")
    text.committed.emit()  # visited, not typed into
    assert rig.stack.count() == 0
    text.moveCursor(text.textCursor().MoveOperation.End)
    text.insertPlainText(" ?")
    text.committed.emit()
    assert rig.doc.concept("c7").text == "L’école qui «\xa0respire\xa0» ?"
    assert rig.stack.count() == 1


def test_typed_text_is_committed_once(rig, qtbot):
    rig.selection.set(["c3"])
    type_into(qtbot, rig.inspector.field("notes"), "vu en atelier")
    assert rig.doc.concept("c3").notes == "vu en atelier"
    rig.inspector.field("notes").committed.emit()  # the later focus-out: no second step
    assert rig.stack.count() == 1


def test_escape_puts_the_model_text_back(rig, qtbot):
    rig.selection.set(["c3"])
    text = rig.inspector.field("text")
    qtbot.keyClicks(text, "oops ")
    qtbot.keyClick(text, Qt.Key.Key_Escape)
    assert text.model_text() == rig.doc.concept("c3").text
    text.committed.emit()
    assert rig.stack.count() == 0


def test_text_typed_then_selection_moves_goes_to_the_old_node(rig, qtbot):
    rig.selection.set(["c3"])
    qtbot.keyClicks(rig.inspector.field("notes"), "a garder")
    rig.selection.set(["c4"])
    assert rig.doc.concept("c3").notes == "a garder"
    assert rig.doc.concept("c4").notes.startswith("Retenu")
    assert rig.stack.count() == 1


def test_toggling_a_theme_adds_then_removes_its_tags(rig):
    rig.selection.set(["c2"])
    box = rig.inspector.themes.boxes["t-flux"]
    box.click()
    assert rig.stack.count() == 1
    assert [t.theme for t in rig.doc.concept("c2").tags].count("t-flux") == 1
    assert any(t.theme == "t-flux" and t.by is None for t in rig.doc.concept("c2").tags)
    box = rig.inspector.themes.boxes["t-structure"]
    box.click()
    assert rig.stack.count() == 2
    assert all(t.theme != "t-structure" for t in rig.doc.concept("c2").tags)
    rig.stack.undo()
    assert [t.theme for t in rig.doc.concept("c2").tags] == ["t-structure", "t-usages", "t-flux"]


def test_a_new_theme_gets_a_box_and_undo_takes_it_away(rig):
    rig.selection.set(["c2"])
    added = AddRecord("themes", {"id": "t-eau", "name": "Eau", "color": "#56B4E9"})
    assert rig.editor.apply(added, "add theme")
    assert rig.inspector.themes.boxes["t-eau"].text() == "Eau"
    rig.inspector.themes.boxes["t-eau"].click()
    assert [t.theme for t in rig.doc.concept("c2").tags][-1] == "t-eau"
    rig.stack.undo()
    rig.stack.undo()
    assert "t-eau" not in rig.inspector.themes.boxes


def test_asking_for_a_field_the_form_lacks_is_an_error(rig):
    with pytest.raises(KeyError):
        rig.inspector.field("reach")  # the session form is shown


def test_a_theme_on_some_selected_concepts_is_partly_checked(rig):
    rig.selection.set(["c4", "c5"])  # both structure, only c5 flux
    box = rig.inspector.themes.boxes["t-flux"]
    assert box.checkState() == Qt.CheckState.PartiallyChecked
    box.click()  # partly -> checked: the theme goes on every selected concept
    assert rig.stack.count() == 1
    assert all(any(t.theme == "t-flux" for t in rig.doc.concept(ref).tags) for ref in ("c4", "c5"))


def test_c0_partition_cannot_be_set(rig):
    rig.selection.set(["c0"])
    assert not rig.inspector.field("partition").isEnabled()
    assert rig.inspector.field("text").isEnabled()


def test_author_can_be_nobody(rig):
    rig.selection.set(["c2"])
    choose(rig.inspector.field("author"), 0)
    assert rig.doc.concept("c2").author is None
    assert rig.stack.count() == 1


def test_knowledge_status_change(rig):
    rig.selection.set(["k5"])
    inspector = rig.inspector
    assert inspector.shown_kind == "knowledge"
    status = inspector.field("status")
    assert status.currentText() == "en cours d'acquisition"
    assert inspector.field("holder").currentText() == "Antoine L."
    assert inspector.field("source").model_text().startswith("Surveillance")
    choose(status, 2)  # missing
    assert rig.doc.knowledge("k5").status == "missing"
    assert rig.stack.count() == 1


def test_knowledge_dominant_design(rig):
    rig.selection.set(["k2", "k3"])
    box = rig.inspector.field("dominant")
    assert isinstance(box, QCheckBox)
    assert not box.isChecked()
    box.click()
    assert rig.doc.knowledge("k2").dominant and rig.doc.knowledge("k3").dominant
    assert rig.stack.count() == 1


def test_link_kind_change(rig):
    rig.selection.set(["l1"])
    inspector = rig.inspector
    assert inspector.shown_kind == "links"
    kind = inspector.field("kind")
    assert kind.currentText() == "de K vers C"
    assert inspector.field("note").model_text().startswith("En questionnant")
    choose(kind, 0)  # c_to_k
    assert rig.doc.link("l1").kind == "c_to_k"
    assert rig.stack.count() == 1
    rig.stack.undo()
    assert rig.doc.link("l1").kind == "k_to_c"
    assert kind.currentText() == "de K vers C"


def test_mixed_selection_edits_nothing(rig):
    rig.selection.set(["c2", "k2"])
    assert rig.inspector.shown_kind == "mixed"
    assert rig.inspector.shown_ids == ()


def test_session_title_change(rig, qtbot):
    title = rig.inspector.field("title")
    type_line(qtbot, title, "Une ecole circulaire")
    assert rig.doc.meta.title == "Une ecole circulaire"
    assert rig.stack.count() == 1
    title.editingFinished.emit()  # focus leaves afterwards: no second step
    assert rig.stack.count() == 1
    rig.stack.undo()
    assert title.text() == "Vers un groupe scolaire circulaire"


def test_session_language_change_relabels_the_lists(rig, qtbot):
    choose(rig.inspector.field("language"), 1)  # en
    assert rig.doc.meta.language == "en"
    rig.selection.set(["c2"])
    assert rig.inspector.field("reach").currentText() == "breakthrough"


def test_bad_date_is_refused_and_the_field_reset(rig, qtbot):
    date = rig.inspector.field("date")
    type_line(qtbot, date, "2020-02-30")
    assert rig.doc.meta.date == "2020-02-13"
    assert rig.stack.count() == 0
    assert date.text() == "2020-02-13"
    assert len(rig.messages) == 1 and "date" in rig.messages[0]
    assert rig.inspector.message == rig.messages[0]


def test_a_refusal_on_leaving_for_another_node_stays_shown(rig, qtbot):
    date = rig.inspector.field("date")
    date.selectAll()
    qtbot.keyClicks(date, "tomorrow")
    rig.selection.set(["c2"])  # the typed date is committed first, and refused
    assert rig.doc.meta.date == "2020-02-13"
    assert "date" in rig.inspector.message
    assert rig.inspector.shown_kind == "concepts"


def test_a_good_change_clears_the_refusal(rig, qtbot):
    type_line(qtbot, rig.inspector.field("date"), "13/02/2020")
    assert rig.inspector.message
    type_line(qtbot, rig.inspector.field("date"), "2020-02-14")
    assert rig.doc.meta.date == "2020-02-14"
    assert rig.inspector.message == ""


def test_a_deleted_inspector_is_never_called_back(qtbot):
    doc = Document(load_session(EXAMPLE))
    stack = QUndoStack()
    scene = MapScene(doc)
    selection = Selection()
    editor = MapEditor(doc, stack, scene, selection)
    listeners = (
        selection.receivers(SIGNAL("changed()")),
        stack.receivers(SIGNAL("indexChanged(int)")),
    )
    inspector = Inspector(editor)
    assert selection.receivers(SIGNAL("changed()")) == listeners[0] + 1
    inspector.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: not shiboken6.isValid(inspector))
    assert (
        selection.receivers(SIGNAL("changed()")),
        stack.receivers(SIGNAL("indexChanged(int)")),
    ) == listeners
    selection.set(["c2"])
    assert editor.apply(SetNodeField("c", "c2", "reach", "known"), "test")
    stack.undo()
    selection.set([])
    assert doc.concept("c2").reach == "breakthrough"
    release(stack, scene)


def test_detach_stops_following(rig):
    rig.inspector.detach()
    rig.selection.set(["c2"])
    assert rig.inspector.shown_kind == "session"


def test_partition_can_be_unset(rig):
    rig.selection.set(["c2"])
    choose(rig.inspector.field("partition"), 0)  # not judged
    assert rig.doc.concept("c2").partition is None
    assert rig.stack.count() == 1


def show_and_focus(qtbot, inspector: Inspector, widget) -> None:
    inspector.show()
    qtbot.waitExposed(inspector)
    inspector.activateWindow()
    qtbot.waitUntil(inspector.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_leaving_a_field_commits_it(rig, qtbot):
    rig.selection.set(["c3"])
    notes, text = rig.inspector.field("notes"), rig.inspector.field("text")
    show_and_focus(qtbot, rig.inspector, notes)
    qtbot.keyClicks(notes, "typed")
    assert rig.stack.count() == 0  # not yet: still typing
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    assert rig.doc.concept("c3").notes == "typed"
    assert rig.stack.count() == 1


def test_hiding_the_inspector_keeps_what_was_typed(rig, qtbot):
    rig.selection.set(["k2"])
    source = rig.inspector.field("source")
    show_and_focus(qtbot, rig.inspector, source)
    source.moveCursor(source.textCursor().MoveOperation.End)
    qtbot.keyClicks(source, " (2019)")
    rig.inspector.hide()
    assert rig.doc.knowledge("k2").source.endswith("bois (2019)")
    assert rig.stack.count() == 1


def test_deleting_the_inspector_while_typing_does_not_crash(qtbot):
    doc = Document(load_session(EXAMPLE))
    stack = QUndoStack()
    scene = MapScene(doc)
    selection = Selection()
    editor = MapEditor(doc, stack, scene, selection)
    selection.set(["c3"])
    inspector = Inspector(editor)
    notes = inspector.field("notes")
    show_and_focus(qtbot, inspector, notes)
    qtbot.keyClicks(notes, "typed")
    inspector.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(inspector))
    selection.set(["c4"])
    assert doc.concept("c3").notes == "typed"  # what was typed is kept, as one step
    assert stack.count() == 1
    release(stack, scene)
