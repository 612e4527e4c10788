"""The Participants dock and the speaker: the roster edits are exact steps, and tags,
votes and new concepts are attributed to whoever speaks."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QHeaderView, QToolBar, QToolButton

from ckstudio.gui.participants_panel import CONTRIBUTIONS, NAME, ORGANISATION
from ckstudio.gui.records import contributions


def panel_of(window):
    return window.record_docks.participants


def contribution_shown(panel, person: str) -> int:
    return int(panel.table.item(panel.row_of(person), CONTRIBUTIONS).text())


def test_add_edit_and_undo_are_exact(qtbot, window):
    doc, stack = window.workspace.doc, window.workspace.stack
    panel = panel_of(window)
    before = doc.to_session()
    person = panel.add()
    assert person is not None and doc.participants[-1].id == person
    row = panel.row_of(person)
    panel.table.item(row, NAME).setText("Nadia K.")
    panel.table.item(row, ORGANISATION).setText("Ville de Vitry")
    box = panel.role_box(person)
    box.setCurrentIndex(box.findData("public_body"))
    box.activated.emit(box.currentIndex())
    record = doc.participant(person)
    assert (record.name, record.organisation, record.role) == (
        "Nadia K.",
        "Ville de Vitry",
        "public_body",
    )
    assert stack.count() == 4
    panel.table.item(panel.row_of(person), NAME).setText("")  # refused, shown back
    assert doc.participant(person).name == "Nadia K."
    assert panel.table.item(panel.row_of(person), NAME).text() == "Nadia K."
    assert stack.count() == 4
    for _ in range(4):
        stack.undo()
    assert doc.to_session() == before
    qtbot.waitUntil(lambda: panel.table.rowCount() == len(before.participants), timeout=2000)


def test_remove_takes_tags_and_votes_in_one_step(qtbot, window):
    workspace = window.workspace
    doc, stack = workspace.doc, workspace.stack
    panel = panel_of(window)
    before = doc.to_session()
    workspace.speaker.set("p5")
    panel.table.setCurrentCell(panel.row_of("p5"), NAME)
    assert panel.remove()
    after = doc.to_session()
    assert "p5" not in doc.record_ids("participants")
    assert not any(t.by == "p5" for c in after.concepts for t in c.tags)
    assert not any(v.by == "p5" for c in after.concepts for v in c.votes)
    assert doc.concept("c2").author is None
    assert workspace.speaker.id is None  # nobody's turn any more
    tags = sum(t.by == "p5" for c in before.concepts for t in c.tags)
    votes = sum(v.count > 0 for c in before.concepts for v in c.votes if v.by == "p5")
    message = window.statusBar().currentMessage()
    assert message == f"Remove “Julien P.”, their {tags} tags and {votes} votes"
    assert stack.count() == 1
    stack.undo()
    assert doc.to_session() == before


def test_speaker_chosen_by_keys_and_choosers(qtbot, window):
    workspace = window.workspace
    panel = panel_of(window)
    status = window.record_docks.chooser  # the toolbar's
    assert workspace.speaker.id is None
    QTest.keyClick(window, Qt.Key.Key_F6)
    assert workspace.speaker.id == "p1"
    QTest.keyClick(window, Qt.Key.Key_F6)
    assert workspace.speaker.id == "p2"
    QTest.keyClick(window, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert workspace.speaker.id == "p1"
    assert status.currentData() == "p1" and panel.chooser.currentData() == "p1"
    panel.chooser.setCurrentIndex(panel.chooser.findData("p4"))
    panel.chooser.activated.emit(panel.chooser.currentIndex())
    assert workspace.speaker.id == "p4" and status.currentData() == "p4"
    workspace.speaker.set(None)
    QTest.keyClick(window, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)  # round the table
    assert workspace.speaker.id == doc_last(workspace)


def doc_last(workspace) -> str:
    return workspace.doc.participants[-1].id


def test_new_concepts_and_votes_are_the_speakers(qtbot, window):
    workspace = window.workspace
    doc, stack = workspace.doc, workspace.stack
    panel = panel_of(window)
    before = doc.to_session()
    shown = contribution_shown(panel, "p3")
    workspace.speaker.set("p3")
    workspace.selection.set(["c1"])
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key.Key_Tab)
    new = workspace.selection.current
    assert new is not None and doc.concept(new).author == "p3"
    QTest.keyClicks(window.canvas.text_editor, "Un toit")
    window.canvas.text_editor.close_editor(True)
    assert stack.count() == 1  # the add, its author and its text: one step
    assert doc.concept(new).text == "Un toit" and doc.concept(new).author == "p3"
    workspace.selection.set(["c1", "c3"])
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key.Key_Plus)
    QTest.keyClick(window.canvas, Qt.Key.Key_Plus)
    assert [(v.by, v.count) for v in doc.concept("c1").votes] == [("p3", 2)]
    QTest.keyClick(window.canvas, Qt.Key.Key_Minus)
    assert [(v.by, v.count) for v in doc.concept("c3").votes] == [("p3", 1)]
    assert stack.count() == 4
    expected = shown + 1 + 2  # one concept written, one dot on each of two concepts
    assert contributions(doc)["p3"] == expected
    qtbot.waitUntil(lambda: contribution_shown(panel, "p3") == expected, timeout=2000)
    QTest.keyClick(window.canvas, Qt.Key.Key_Minus)
    QTest.keyClick(window.canvas, Qt.Key.Key_Minus)  # no dot left: a message, no step
    assert stack.count() == 5
    assert "No dot" in window.statusBar().currentMessage()
    for _ in range(5):
        stack.undo()
    assert doc.to_session() == before


def test_inspector_tags_for_the_speaker(qtbot, window):
    workspace = window.workspace
    workspace.speaker.set("p2")
    workspace.selection.set(["c3"])
    box = window.inspector.themes.boxes["t-flux"]
    box.click()
    assert any(t.theme == "t-flux" and t.by == "p2" for t in workspace.doc.concept("c3").tags)


def test_the_speaker_stays_in_sight_in_a_small_window_and_f6_says_who(qtbot, window):
    window.resize(1024, 640)
    chooser = window.record_docks.chooser
    toolbar = window.findChild(QToolBar, "mainToolbar")
    # The main toolbar is too long for 1024 px: some of its buttons went into », not the speaker.
    qtbot.waitUntil(lambda: any(not w.isVisible() for w in toolbar.findChildren(QToolButton)))
    assert chooser.isVisible()
    where = QRect(chooser.mapTo(window, QPoint(0, 0)), chooser.size())
    assert window.rect().contains(where)
    assert where.bottom() < window.centralWidget().mapTo(window, QPoint(0, 0)).y()  # a toolbar
    names = {p.id: p.name for p in window.workspace.doc.participants}
    QTest.keyClick(window, Qt.Key.Key_F6)
    assert window.statusBar().currentMessage() == f"Speaking: {names['p1']}"
    QTest.keyClick(window, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert window.statusBar().currentMessage() == "Nobody speaking"
    assert chooser.currentText() == "— nobody —"


def test_votes_and_tags_are_named_in_words_in_the_history(qtbot, window):
    workspace = window.workspace
    stack = workspace.stack
    workspace.selection.set(["c1", "c3"])
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key.Key_Plus)  # nobody speaking
    assert stack.text(0) == "One dot on 2 concepts"
    workspace.speaker.set("p2")
    name = workspace.doc.participant("p2").name
    QTest.keyClick(window.canvas, Qt.Key.Key_Plus)
    QTest.keyClick(window.canvas, Qt.Key.Key_Plus)
    assert stack.text(2) == f"{name}: one dot on 2 concepts"
    QTest.keyClick(window.canvas, Qt.Key.Key_Minus)
    assert stack.text(3) == f"{name}: dot taken back on 2 concepts"
    workspace.selection.set(["c1"])
    QTest.keyClick(window.canvas, Qt.Key.Key_Minus)
    assert stack.text(4) == f"{name}: dot taken back"
    QTest.keyClick(window.canvas, Qt.Key.Key_2)  # c1 carries no Flux tag
    assert stack.text(5) == "Tag “Flux” on 1 concept"
    QTest.keyClick(window.canvas, Qt.Key.Key_2)
    assert stack.text(6) == "Untag “Flux” from 1 concept"


def test_the_roster_marks_the_speaker_and_keeps_names_whole(qtbot, window):
    panel = panel_of(window)
    table = panel.table
    header = table.horizontalHeader()
    assert header.sectionResizeMode(NAME) == QHeaderView.ResizeMode.ResizeToContents
    assert header.sectionResizeMode(ORGANISATION) == QHeaderView.ResizeMode.Stretch
    assert not header.highlightSections()
    assert table.horizontalHeaderItem(CONTRIBUTIONS).toolTip()
    for person in window.workspace.doc.participants:
        organisation = table.item(panel.row_of(person.id), ORGANISATION)
        assert organisation.toolTip() == person.organisation
    assert panel.chooser.itemText(0) == "— nobody —"
    window.record_docks.participants_dock.raise_()
    window.resize(1024, 640)
    last = window.workspace.doc.participants[-1].id
    window.workspace.speaker.set(last)
    row = panel.row_of(last)
    qtbot.waitUntil(lambda: not table.item(row, NAME).icon().isNull(), timeout=2000)
    assert table.item(row, NAME).background().style() != Qt.BrushStyle.NoBrush
    others = [r for r in range(table.rowCount()) if r != row]
    assert all(table.item(r, NAME).icon().isNull() for r in others)
    assert all(table.item(r, NAME).background().style() == Qt.BrushStyle.NoBrush for r in others)
    shown = table.viewport().rect()
    assert shown.contains(table.visualItemRect(table.item(row, NAME)))  # scrolled to
