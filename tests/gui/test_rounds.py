"""Tagging and voting rounds: exact single steps, the budget, hidden votes, ranking, heat,
live counts and the cluster view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from ckstudio.gui.cluster_view import ClusterView
from ckstudio.gui.rounds import clusters, heat_of
from ckstudio.gui.rounds_panel import StartRoundDialog
from ckstudio.model import edits
from ckstudio.model.document import Document
from ckstudio.storage import load_session
from tests.gui.conftest import SCHOOL

CLOCK = iter(f"2024-05-06T14:{minute:02d}:00+02:00" for minute in range(60))
EVERYONE_BUT_FACILITATORS = ["p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10", "p11"]


def rounds_of(window):
    rounds = window.workspace.rounds
    rounds.clock = lambda: next(CLOCK)
    return rounds


def panel_of(window):
    return window.rounds_dock.panel()


def select(window, *refs: str) -> None:
    window.workspace.selection.set(list(refs))
    window.canvas.setFocus()


def message(window) -> str:
    return window.statusBar().currentMessage()


def test_start_and_end_are_single_exact_steps_from_the_dialog(qtbot, window, monkeypatch):
    doc, stack = window.workspace.doc, window.workspace.stack
    rounds = rounds_of(window)
    panel = panel_of(window)
    before = doc.to_session()
    select(window, "c4")  # the branch of c4: c4, c5, c6

    def answered(kind: str) -> StartRoundDialog:
        dialog = StartRoundDialog(rounds, kind, panel)
        assert dialog.branch_button.isChecked()  # the selected branch is offered first
        assert dialog.participants() == EVERYONE_BUT_FACILITATORS
        return dialog

    monkeypatch.setattr(panel, "ask_round", answered)
    window.action("start_tagging").trigger()
    round_ = doc.rounds[-1]
    assert (round_.kind, round_.ended, round_.concepts) == ("tagging", "", ["c4", "c5", "c6"])
    assert round_.participants == EVERYONE_BUT_FACILITATORS
    assert stack.count() == 1
    assert window.workspace.speaker.id == "p3"  # the first participant speaks
    assert window.workspace.selection.ids == ("c4",)
    qtbot.waitUntil(lambda: window.action("end_round").isEnabled(), timeout=2000)
    window.action("start_vote").trigger()  # one round at a time
    assert stack.count() == 1
    assert "end it first" in message(window)
    started = doc.to_session()
    window.action("end_round").trigger()
    assert doc.round(round_.id).ended.startswith("2024-05-06T14:")
    assert stack.count() == 2
    stack.undo()
    assert doc.to_session() == started
    stack.undo()
    assert doc.to_session() == before
    stack.redo()
    stack.redo()
    assert doc.round(round_.id).ended


def test_a_cancelled_dialog_starts_nothing(qtbot, window, monkeypatch):
    panel = panel_of(window)
    monkeypatch.setattr(panel, "ask_round", lambda kind: None)
    assert panel.start("voting") is None
    assert window.workspace.stack.count() == 0


def test_tag_keys_run_through_the_round_and_counts_follow_live(qtbot, window):
    doc, stack = window.workspace.doc, window.workspace.stack
    rounds = rounds_of(window)
    panel = panel_of(window)
    round_id = rounds.start("tagging", ["c1", "c3", "c6"], ["p3", "p4"])
    assert window.workspace.speaker.id == "p3"
    qtbot.waitUntil(lambda: panel.rows()[1] == ("Flux", "0"), timeout=2000)
    assert panel.rows()[0] == ("Structure", "2")  # c1 (p2) and c6 (p8)
    with qtbot.waitSignal(rounds.changed, timeout=2000):
        QTest.keyClick(window.canvas, Qt.Key.Key_2)
    assert any(t.theme == "t-flux" and t.by == "p3" for t in doc.concept("c1").tags)
    assert window.workspace.selection.ids == ("c3",)  # moved on to the next concept
    qtbot.waitUntil(lambda: panel.rows()[1] == ("Flux", "1"), timeout=2000)
    QTest.keyClick(window.canvas, Qt.Key.Key_2)
    assert window.workspace.selection.ids == ("c6",)
    QTest.keyClick(window.canvas, Qt.Key.Key_2)
    assert window.workspace.selection.ids == ("c1",)  # the last one: back to the first
    assert "F6" in message(window)
    qtbot.waitUntil(lambda: panel.rows()[1] == ("Flux", "3"), timeout=2000)
    assert rounds.theme_counts(round_id)["t-flux"] == 3
    select(window, "c3")
    QTest.keyClick(window.canvas, Qt.Key.Key_2)  # p3's tag taken off: a correction, stay
    assert window.workspace.selection.ids == ("c3",)
    assert not any(t.theme == "t-flux" for t in doc.concept("c3").tags)
    assert stack.count() == 5  # the start and four tags, each one step
    panel.advance.setChecked(False)  # the facilitator moves by hand
    QTest.keyClick(window.canvas, Qt.Key.Key_3)
    assert window.workspace.selection.ids == ("c3",)


def test_the_budget_is_kept_and_a_refusal_says_why(qtbot, window):
    doc, stack = window.workspace.doc, window.workspace.stack
    rounds = rounds_of(window)
    workspace = window.workspace
    rounds.start("voting", ["c1", "c3", "c5", "c6"], ["p3", "p4"], budget=3, hidden=False)
    workspace.speaker.set("p3")
    for ref in ("c1", "c1", "c3"):
        select(window, ref)
        QTest.keyClick(window.canvas, Qt.Key.Key_Plus)
    assert rounds.dots_used(doc.rounds[-1].id)[0] == ("p3", 3, 3)
    count = stack.count()
    select(window, "c5")
    QTest.keyClick(window.canvas, Qt.Key.Key_Plus)
    assert message(window) == "No dot left (3 of 3 used)."
    assert stack.count() == count
    assert not any(v.by == "p3" for v in doc.concept("c5").votes)
    select(window, "c20")  # not in the round: dots there are not counted
    assert workspace.records.vote(1)
    select(window, "c1")
    QTest.keyClick(window.canvas, Qt.Key.Key_Minus)  # one back: one free again
    select(window, "c5", "c6")
    QTest.keyClick(window.canvas, Qt.Key.Key_Plus)
    assert message(window) == "Not enough dots: 2 wanted, 1 left (2 of 3 used)."
    workspace.speaker.set("p1")  # the facilitator does not take part
    select(window, "c5")
    assert not workspace.records.vote(1)
    assert "does not take part" in message(window)
    workspace.speaker.set(None)
    assert not workspace.records.vote(1)
    assert "Who is voting" in message(window)
    rounds.end()
    workspace.speaker.set("p3")
    assert workspace.records.vote(1)  # the round is over: no budget any more


def test_hidden_votes_show_nowhere_until_revealed(qtbot, window):
    doc, stack = window.workspace.doc, window.workspace.stack
    scene = window.workspace.scene
    rounds = rounds_of(window)
    panel = panel_of(window)
    assert scene.card("c4").votes == 5  # the example's revealed vote
    round_id = rounds.start("voting", ["c4", "c7", "c9"], ["p3", "p4"], budget=2)
    assert doc.round(round_id).hidden  # hidden by default
    assert scene.card("c4").votes == 0
    assert not any(item.role == "votes" for item in scene.group("c4").items)
    qtbot.waitUntil(lambda: scene.heat == {}, timeout=2000)
    window.workspace.speaker.set("p4")
    select(window, "c9")
    QTest.keyClick(window.canvas, Qt.Key.Key_Plus)
    assert scene.card("c9").votes == 0  # the new dot is hidden too
    assert [(v.by, v.count) for v in doc.concept("c9").votes] == [("p4", 1)]
    qtbot.waitUntil(lambda: ("Karim B.", "1 of 2") in panel.rows(), timeout=2000)
    # Claire M. gave c7 two dots before the round: they are not the round's.
    assert ("Claire M.", "0 of 2") in panel.rows()
    assert not any("Le bâtiment" in name for name, _ in panel.rows())  # no concept, no rank
    assert rounds.ranking(round_id) == []
    hidden = doc.to_session()
    window.action("reveal_votes").trigger()
    assert not doc.round(round_id).hidden
    assert scene.card("c4").votes == 5 and scene.card("c9").votes == 1
    qtbot.waitUntil(lambda: scene.heat.get("c4") == 1.0, timeout=2000)
    assert scene.heat["c7"] == 3 / 5 and scene.heat["c9"] == 1 / 5
    stack.undo()  # the reveal is one step
    assert doc.to_session() == hidden
    assert scene.card("c4").votes == 0
    qtbot.waitUntil(lambda: scene.heat == {}, timeout=2000)


def test_results_rank_the_concepts(qtbot, window):
    doc = window.workspace.doc
    rounds = rounds_of(window)
    panel = panel_of(window)
    round_id = rounds.start("voting", ["c1", "c7", "c4", "c10"], ["p4"], hidden=False)
    assert rounds.ranking(round_id) == [("c4", 5), ("c7", 3), ("c10", 1), ("c1", 0)]
    window.workspace.speaker.set("p4")
    select(window, "c1")
    for _ in range(3):
        window.workspace.records.vote(1)
    assert rounds.ranking(round_id)[:3] == [("c4", 5), ("c1", 3), ("c7", 3)]  # ties: round order
    qtbot.waitUntil(lambda: panel.rows()[1][1] == "3", timeout=2000)
    names = [name for name, _ in panel.rows()]
    assert names[0].startswith("1. Le bâtiment répliquable")
    assert names[1].startswith("2. Une école dont")
    panel.results.cellDoubleClicked.emit(2, 0)  # double-click: the concept is selected
    assert window.workspace.selection.ids == ("c7",)
    assert doc.concept("c7").text.startswith("L’école qui")


def test_heat_is_a_view_option_painted_round_the_cards(qtbot, window):
    scene = window.workspace.scene
    canvas = window.canvas
    qtbot.waitUntil(lambda: bool(scene.heat), timeout=2000)  # the example's revealed vote
    assert scene.heat["c4"] == 1.0 and "c1" not in scene.heat
    canvas.actual_size()
    canvas.ensure_shown("c4")
    box = scene.box("c4")
    point = canvas.mapFromScene(box.x + box.w / 2, box.y - 5)  # just above the card
    hot = canvas.grab().toImage().pixelColor(point)
    window.action("vote_heat").trigger()  # off
    assert scene.heat == {} and not scene.heat_shown
    canvas.viewport().repaint()
    plain = canvas.grab().toImage().pixelColor(point)
    assert plain == QColor(scene.style.background)
    assert hot != plain and hot.red() > hot.blue()  # warm
    window.action("vote_heat").trigger()  # on again
    assert scene.heat["c4"] == 1.0
    canvas.fit_all()
    canvas.zoom_out()
    canvas.zoom_out()
    canvas.grab()
    overview = canvas.map_item._overview
    assert overview is not None and overview.heat  # the overview paints it too


def test_clusters_group_by_theme_with_untagged_apart():
    doc = Document(load_session(SCHOOL))
    bare = edits.add_concept(doc, "c0", "Sans thème")
    doc.apply(bare)
    new = bare.node["id"]
    groups, untagged = clusters(doc, ["c1", "c2", "c3", "c9", new])
    assert list(groups) == ["t-structure", "t-flux", "t-usages"]  # the themes' order
    assert groups == {"t-structure": ["c1", "c2"], "t-flux": ["c9"], "t-usages": ["c2", "c3"]}
    assert untagged == [new]
    assert heat_of([("a", 4), ("b", 1), ("c", 0)]) == {"a": 1.0, "b": 0.25}
    assert heat_of([("a", 0)]) == {}


def test_cluster_view_shows_columns_and_follows_tags(qtbot, window, tmp_path):
    rounds = rounds_of(window)
    rounds.start("tagging", ["c1", "c2", "c3"], ["p3"])
    window.action("clusters").trigger()
    view = window.rounds_dock.panel().clusters
    assert isinstance(view, ClusterView) and view.isVisible()
    assert view.columns == [("Structure", ["c1", "c2"]), ("Flux", []),
                            ("Usages", ["c2", "c3"]), ("Not tagged", [])]  # fmt: skip
    select(window, "c3")
    QTest.keyClick(window.canvas, Qt.Key.Key_2)  # p3 tags c3 Flux: the view follows
    qtbot.waitUntil(lambda: view.columns[1] == ("Flux", ["c3"]), timeout=2000)
    view.scope.setCurrentIndex(1)  # every concept
    assert sum(len(refs) for _, refs in view.columns) > 33
    view.grab().save(str(tmp_path / "clusters.png"))


def test_rounds_are_saved_in_the_session(qtbot, window, school):
    rounds = rounds_of(window)
    round_id = rounds.start("voting", ["c1", "c2"], ["p3", "p4"], budget=5)
    window.workspace.save()
    saved = load_session(school)
    assert [r.id for r in saved.rounds][-1] == round_id
    assert (saved.rounds[-1].budget, saved.rounds[-1].hidden) == (5, True)


def test_no_vote_heat_while_a_tagging_round_runs(qtbot, window):
    rounds = rounds_of(window)
    scene = window.workspace.scene
    qtbot.waitUntil(lambda: bool(scene.heat), timeout=2000)  # the example's revealed vote
    rounds.start("tagging", ["c4", "c7"], ["p3", "p4"])
    assert rounds.heat() == {}
    qtbot.waitUntil(lambda: scene.heat == {}, timeout=2000)
    rounds.end()
    qtbot.waitUntil(lambda: bool(scene.heat), timeout=2000)


def test_start_reveal_and_end_say_what_happened(window):
    rounds = rounds_of(window)
    rounds.start("voting", ["c4", "c7"], ["p3", "p4"], budget=2)
    assert message(window).startswith("Vote started: 2 dots each")
    rounds.reveal()
    assert message(window) == "Votes revealed."
    rounds.end()
    assert message(window) == "Vote ended."
    rounds.start("tagging", ["c4"], ["p3"])
    assert message(window).startswith("Tagging round started")
    rounds.end()
    assert message(window) == "Tagging round ended."
