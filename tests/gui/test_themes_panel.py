"""The Themes dock and the keys 1-9: each gesture is one exact step; the map fades and follows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ckstudio.gui.themes_panel import HIGHLIGHT, NAME, TAG
from ckstudio.layout.drawing import Rect, Text
from tests.gui.conftest import centre_of


def panel_of(window):
    return window.record_docks.themes


def select(window, *refs: str) -> None:
    window.workspace.selection.set(list(refs))
    window.canvas.setFocus()


def counts(panel) -> dict[str, str]:
    table = panel.table
    return {
        table.item(row, NAME).text(): table.item(row, 2).text() for row in range(table.rowCount())
    }


def undo_all(window, steps: int) -> None:
    for _ in range(steps):
        window.workspace.stack.undo()


def test_add_rename_recolour_remove_are_exact_steps(qtbot, window, monkeypatch):
    doc, stack = window.workspace.doc, window.workspace.stack
    panel = panel_of(window)
    before = doc.to_session()
    theme = panel.add()
    assert theme is not None and [t.id for t in doc.themes][-1] == theme
    assert stack.count() == 1
    panel.table.item(panel.row_of(theme), NAME).setText("Énergie")
    assert doc.record("themes", theme).name == "Énergie"
    panel.table.setCurrentCell(panel.row_of(theme), NAME)
    monkeypatch.setattr(panel, "ask_color", lambda initial: "#123456")
    assert panel.recolour()
    assert doc.record("themes", theme).color == "#123456"
    monkeypatch.setattr(panel, "ask_color", lambda initial: None)  # cancelled: nothing
    assert not panel.recolour()
    assert stack.count() == 3
    panel.table.item(panel.row_of(theme), NAME).setText("   ")  # a blank name is refused
    assert doc.record("themes", theme).name == "Énergie"
    assert panel.table.item(panel.row_of(theme), NAME).text() == "Énergie"
    assert stack.count() == 3
    undo_all(window, 3)
    assert doc.to_session() == before


def test_remove_takes_the_tags_in_one_step_and_says_so(qtbot, window):
    doc, stack = window.workspace.doc, window.workspace.stack
    panel = panel_of(window)
    before = doc.to_session()
    tagged = sum(1 for c in before.concepts for t in c.tags if t.theme == "t-flux")
    panel.table.setCurrentCell(panel.row_of("t-flux"), NAME)
    assert panel.remove()
    assert "t-flux" not in doc.record_ids("themes")
    assert not any(t.theme == "t-flux" for c in doc.to_session().concepts for t in c.tags)
    assert window.statusBar().currentMessage() == f"Remove theme “Flux” and its {tagged} tags"
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=2000)
    assert stack.count() == 1
    stack.undo()
    assert doc.to_session() == before
    qtbot.waitUntil(lambda: panel.table.rowCount() == 3, timeout=2000)


def test_keys_tag_and_untag_for_the_speaker_and_counts_follow(qtbot, window):
    workspace = window.workspace
    doc, stack = workspace.doc, workspace.stack
    panel = panel_of(window)
    before = doc.to_session()
    flux_before = int(counts(panel)["Flux"])
    workspace.speaker.set("p3")
    select(window, "c1", "c3")  # c1 and c3 carry no Flux tag
    QTest.keyClick(window.canvas, Qt.Key.Key_2)
    assert next(t for t in doc.concept("c1").tags if t.theme == "t-flux").by == "p3"
    assert any(t.theme == "t-flux" and t.by == "p3" for t in doc.concept("c3").tags)
    assert stack.count() == 1
    qtbot.waitUntil(lambda: int(counts(panel)["Flux"]) == flux_before + 2, timeout=2000)
    QTest.keyClick(window.canvas, Qt.Key.Key_2)  # every one has p3's tag: they go
    assert doc.to_session() == before
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert doc.to_session() == before
    QTest.keyClick(window.canvas, Qt.Key.Key_9)  # no ninth theme: a message, no step
    assert "no theme 9" in window.statusBar().currentMessage()
    assert stack.index() == 0


def test_tag_button_tags_the_selection_and_c0_takes_no_theme(qtbot, window):
    doc, stack = window.workspace.doc, window.workspace.stack
    panel = panel_of(window)
    select(window, "c3")
    panel.table.cellWidget(panel.row_of("t-structure"), TAG).click()
    assert any(t.theme == "t-structure" and t.by is None for t in doc.concept("c3").tags)
    select(window, doc.root)
    before = doc.to_session()
    QTest.keyClick(window.canvas, Qt.Key.Key_1)
    assert doc.to_session() == before
    assert "C0" in window.statusBar().currentMessage()
    assert stack.count() == 1


def test_highlight_fades_the_rest_marks_the_legend_and_follows_themes(qtbot, window, tmp_path):
    scene = window.workspace.scene
    panel = panel_of(window)
    doc = window.workspace.doc
    version = scene.version
    panel.set_highlight("t-usages", True)
    assert scene.theme_focus == {"t-usages"}
    assert scene.version > version
    assert not scene.faded("c2") and not scene.faded("c3")  # tagged Usages
    assert scene.faded("c1")  # Structure only
    assert not scene.faded(doc.root)
    assert scene.faded("k26") is False  # linked to c2, which has Usages
    rings = [i for i in scene.decorations() if isinstance(i, Rect) and i.fill == "none"]
    assert len(rings) == 1
    centre_of(window, "c3")
    window.canvas.grab().save(str(tmp_path / "highlight.png"))
    panel.strong.setChecked(True)
    assert scene.strong_fade
    window.canvas.fit_all()
    window.canvas.zoom_out()
    window.canvas.zoom_out()
    image = window.canvas.grab()
    image.save(str(tmp_path / "overview.png"))
    overview = window.canvas.map_item._overview
    assert overview is not None and any(faded for (_, _, faded) in overview.boxes)
    assert set(overview.edges) == {True, False}  # faded edges are drawn faded, as their boxes
    # The legend follows a renamed theme at once; a removed theme leaves the focus.
    panel.table.item(panel.row_of("t-usages"), NAME).setText("Usages futurs")
    legend = [i.lines[0] for i in scene.decorations() if isinstance(i, Text)]
    assert "Usages futurs" in legend
    panel.table.setCurrentCell(panel.row_of("t-usages"), NAME)
    panel.remove()
    assert scene.theme_focus == frozenset()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=2000)
    window.workspace.stack.undo()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 3, timeout=2000)
    state = panel.table.item(panel.row_of("t-usages"), HIGHLIGHT).checkState()
    assert state == Qt.CheckState.Unchecked


def test_a_new_session_gets_new_panels_and_the_old_ones_let_go(qtbot, window):
    old_doc = window.workspace.doc
    old_panel = panel_of(window)
    window.new_session()
    assert panel_of(window) is not old_panel
    assert old_panel._on_event not in old_doc._listeners
    assert panel_of(window).table.rowCount() == len(window.workspace.doc.themes)


def test_a_highlight_is_said_over_the_map_and_cleared_from_there_or_the_panel(qtbot, window):
    scene = window.workspace.scene
    panel = panel_of(window)
    banner = window.map_area.banner
    assert banner.isHidden() and not panel.clear_button.isEnabled()
    panel.set_highlight("t-structure", True)
    assert banner.isVisible() and "Highlighted: Structure" in banner.label.text()
    canvas = window.canvas
    corner = canvas.mapTo(window.map_area, canvas.rect().topLeft())
    assert canvas.geometry().contains(banner.geometry()) and banner.y() - corner.y() < 20
    assert panel.clear_button.isEnabled()
    panel.set_highlight("t-flux", True)
    assert banner.label.text().startswith("Highlighted: Structure, Flux")
    panel.clear_button.click()
    assert scene.theme_focus == frozenset() and banner.isHidden()
    checked = Qt.CheckState.Checked
    assert all(panel.table.item(r, HIGHLIGHT).checkState() != checked for r in range(3))
    assert not panel.clear_button.isEnabled()
    panel.set_highlight("t-usages", True)
    panel.strong.setChecked(True)
    assert "almost hidden" in banner.label.text()
    banner.clear_button.click()  # "Show all" over the map: the panel's boxes follow
    assert scene.theme_focus == frozenset() and banner.isHidden()
    qtbot.waitUntil(
        lambda: panel.table.item(panel.row_of("t-usages"), HIGHLIGHT).checkState() != checked,
        timeout=2000,
    )
    assert window.workspace.stack.count() == 0  # a way of looking, not an edit


def test_history_is_a_tab_beside_themes_and_the_themes_panel_reads_plainly(window):
    docks = window.record_docks
    assert window.history_dock in window.tabifiedDockWidgets(docks.themes_dock)
    assert docks.participants_dock in window.tabifiedDockWidgets(docks.themes_dock)
    assert docks.themes_dock.visibleRegion().isEmpty() is False
    assert window.history_dock.visibleRegion().isEmpty()  # themes raised on a first run
    panel = panel_of(window)
    assert panel.table.horizontalHeaderItem(TAG).text() == ""  # the buttons say "Tag 1"
    assert panel.strong.text() == "Almost hide the others"
