"""Tagging and voting rounds: exact single steps, the budget, hidden votes, ranking, heat,
live counts and the cluster view."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

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


def give(window, participant: str, ref: str, dots: int) -> None:
    """Cast dots inside the running round: only those count in its results."""
    window.workspace.speaker.set(participant)
    select(window, ref)
    assert window.workspace.records.vote(dots)


def message(window) -> str:
    return window.statusBar().currentMessage()


def summary(view) -> str:
    """The cluster view's top line, its no-break spaces read as spaces."""
    return view.summary.text().replace("\u00a0", " ")


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
    qtbot.waitUntil(lambda: panel.rows()[1] == ("Flux", "0", "0"), timeout=2000)
    assert panel.rows()[0] == ("Structure", "2", "2")  # c1 (p2) and c6 (p8)
    with qtbot.waitSignal(rounds.changed, timeout=2000):
        QTest.keyClick(window.canvas, Qt.Key.Key_2)
    assert any(t.theme == "t-flux" and t.by == "p3" for t in doc.concept("c1").tags)
    assert window.workspace.selection.ids == ("c3",)  # moved on to the next concept
    qtbot.waitUntil(lambda: panel.rows()[1] == ("Flux", "1", "1"), timeout=2000)
    QTest.keyClick(window.canvas, Qt.Key.Key_2)
    assert window.workspace.selection.ids == ("c6",)
    QTest.keyClick(window.canvas, Qt.Key.Key_2)
    assert window.workspace.selection.ids == ("c1",)  # the last one: back to the first
    assert "F6" in message(window)
    qtbot.waitUntil(lambda: panel.rows()[1] == ("Flux", "3", "3"), timeout=2000)
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
    give(window, "p3", "c4", 2)
    assert scene.card("c4").votes == 0  # hidden as well
    qtbot.waitUntil(lambda: ("Claire M.", "2 of 2") in panel.rows(), timeout=2000)
    assert not any("Le bâtiment" in name for name, _ in panel.rows())  # no concept, no rank
    assert rounds.ranking(round_id) == []
    hidden = doc.to_session()
    window.action("reveal_votes").trigger()
    assert not doc.round(round_id).hidden
    # the badges show the round's own dots, as its ranking and heat do
    assert scene.card("c4").votes == 2 and scene.card("c9").votes == 1
    assert scene.card("c7").votes == 0  # its two dots were given before the round
    qtbot.waitUntil(lambda: scene.heat.get("c4") == 1.0, timeout=2000)
    assert scene.heat["c9"] == 1 / 2
    assert "c7" not in scene.heat  # its dots were there before the round
    stack.undo()  # the reveal is one step
    assert doc.to_session() == hidden
    assert scene.card("c4").votes == 0
    qtbot.waitUntil(lambda: scene.heat == {}, timeout=2000)


def test_results_rank_the_concepts(qtbot, window):
    doc = window.workspace.doc
    rounds = rounds_of(window)
    panel = panel_of(window)
    round_id = rounds.start("voting", ["c1", "c7", "c4", "c10"], ["p4"], budget=12, hidden=False)
    for ref, dots in (("c4", 5), ("c7", 3), ("c10", 1)):
        give(window, "p4", ref, dots)
    assert rounds.ranking(round_id) == [("c4", 5), ("c7", 3), ("c10", 1), ("c1", 0)]
    select(window, "c1")
    for _ in range(3):
        window.workspace.records.vote(1)
    assert rounds.ranking(round_id)[:3] == [("c4", 5), ("c1", 3), ("c7", 3)]  # ties: round order
    qtbot.waitUntil(lambda: panel.rows()[1][2] == "3", timeout=2000)
    names = [name for _, name, _ in panel.rows()]
    assert names[0].startswith("Le bâtiment répliquable")
    assert names[1].startswith("Une école dont")
    panel.results.cellDoubleClicked.emit(2, 1)  # double-click: the concept is selected
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
                            ("Usages", ["c2", "c3"])]  # fmt: skip
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


def test_the_dock_counts_concepts_per_theme_as_the_cluster_view(qtbot, window):
    rounds = rounds_of(window)
    panel = panel_of(window)
    round_id = rounds.start("tagging", ["c4", "c5"], ["p3"])  # c4: Structure by p5 and p9
    qtbot.waitUntil(lambda: len(panel.rows()) == 3, timeout=2000)
    assert panel.header() == ["Theme", "Concepts", "Tags"]
    concepts, tags = rounds.theme_concepts(round_id), rounds.theme_counts(round_id)
    assert [int(row[1]) for row in panel.rows()] == list(concepts.values())
    assert [int(row[2]) for row in panel.rows()] == list(tags.values())
    assert panel.rows()[0] == ("Structure", "2", "3")  # two concepts, three tags
    view = panel.show_clusters()
    assert [len(refs) for _, refs in view.columns] == list(concepts.values())


def test_ties_share_their_place_and_long_names_stay_on_one_line(qtbot, window):
    doc = window.workspace.doc
    rounds = rounds_of(window)
    panel = panel_of(window)
    rounds.start("voting", ["c4", "c7", "c10", "c1", "c6"], ["p4"], budget=11, hidden=False)
    give(window, "p4", "c4", 5)
    give(window, "p4", "c7", 3)
    give(window, "p4", "c10", 3)  # as many as c7
    qtbot.waitUntil(lambda: [row[2] for row in panel.rows()] == ["5", "3", "3", "0", "0"],
                    timeout=2000)  # fmt: skip
    assert panel.header()[0] == "Place"
    assert [row[0] for row in panel.rows()] == ["1", "=2", "=2", "=4", "=4"]
    assert "2 concepts" in panel.results.item(1, 0).toolTip()
    assert panel.results.item(0, 0).toolTip() == ""  # alone in its place
    long_row = next(r for r in range(5) if panel.results.item(r, 1).data(
        Qt.ItemDataRole.UserRole) == "c6")  # fmt: skip
    name = panel.results.item(long_row, 1)
    assert len(doc.concept("c6").text) > len(name.text())  # cut in the cell…
    assert name.toolTip() == doc.concept("c6").text  # …whole in the tooltip
    assert not panel.results.wordWrap()
    assert panel.results.rowHeight(long_row) < 2 * panel.results.fontMetrics().height()


def test_a_new_vote_starts_from_zero_on_concepts_already_voted(qtbot, window):
    doc = window.workspace.doc
    panel = panel_of(window)
    assert doc.concept("c4").votes and doc.concept("c7").votes  # the example's vote
    rounds_of(window).start("voting", ["c4", "c7"], ["p4"], hidden=False)
    qtbot.waitUntil(lambda: [row[2] for row in panel.rows()] == ["0", "0"], timeout=2000)
    give(window, "p4", "c7", 1)
    qtbot.waitUntil(lambda: [row[2] for row in panel.rows()] == ["1", "0"], timeout=2000)
    assert panel.results.item(0, 1).data(Qt.ItemDataRole.UserRole) == "c7"
    assert sum(v.count for v in doc.concept("c7").votes) == 4  # the old dots stay on it


def test_round_titles_write_clock_times_the_locale_way(qtbot, window):
    rounds = rounds_of(window)
    panel = panel_of(window)
    today = QDate.currentDate()
    times = iter(QDateTime(today, QTime(h, m)).toString(Qt.DateFormat.ISODate)
                 for h, m in ((14, 5), (14, 20)))  # fmt: skip
    rounds.clock = lambda: next(times)
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        rounds.start("voting", ["c4"], ["p3"], budget=2)
        start = QLocale().toString(QTime(14, 5), QLocale.FormatType.ShortFormat)
        end = QLocale().toString(QTime(14, 20), QLocale.FormatType.ShortFormat)
        assert start.startswith("2:05") and start.endswith("PM")  # a clock time, not "14:05"
        title = f"Vote (2 dots each) · started at {start}"
        qtbot.waitUntil(lambda: panel.title.text() == title, timeout=2000)
        assert panel.buttons["end"].isVisibleTo(panel)  # a round runs: End, no start buttons
        assert not panel.buttons["tagging"].isVisibleTo(panel)
        rounds.end()
        title = f"Vote (2 dots each) · {start}–{end}"
        qtbot.waitUntil(lambda: panel.title.text() == title, timeout=2000)
        assert panel.buttons["tagging"].isVisibleTo(panel)
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
        panel.refresh()
        assert panel.title.text().endswith(" · 14:05–14:20")
        rounds.clock = lambda: "2024-05-06T09:30:00+02:00"  # a round of another day
        rounds.start("tagging", ["c4"], ["p3"])
        day = QLocale().toString(QDate(2024, 5, 6), QLocale.FormatType.ShortFormat)
        qtbot.waitUntil(lambda: "started on" in panel.title.text(), timeout=2000)
        assert panel.title.text().startswith("Tagging round · started on ")
        assert day in panel.title.text() and "09:30" in panel.title.text()
    finally:
        QLocale.setDefault(previous)


def test_the_start_dialog_says_what_happens_and_why_facilitators_are_unticked(qtbot, window):
    rounds = rounds_of(window)
    window.resize(1024, 640)
    select(window, "c4")
    dialog = StartRoundDialog(rounds, "voting", window)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "F6" in dialog.what.text() and "+" in dialog.what.text()
    assert dialog.facilitators.isVisible()
    people = dialog.people
    assert people.item(0).text() == "Émilie R. (facilitator)"  # p1: the facilitator
    assert people.item(0).checkState() == Qt.CheckState.Unchecked
    assert people.item(2).text() == "Claire M."
    first = people.visualItemRect(people.item(0))
    assert first.top() >= 0 and first.height() >= people.fontMetrics().height() + 4
    assert dialog.budget.width() < dialog.width() / 4  # two digits, not the dialog's width
    assert dialog.height() <= 640
    dialog.close()
    tagging = StartRoundDialog(rounds, "tagging", window)
    assert "1-9" in tagging.what.text()


def test_cluster_view_shows_dots_only_once_revealed_most_voted_first(qtbot, window):
    rounds = rounds_of(window)
    rounds.start("voting", ["c1", "c2", "c3", "c9"], ["p3", "p4"], budget=3)
    give(window, "p4", "c3", 2)
    give(window, "p4", "c9", 1)
    give(window, "p3", "c2", 1)  # c2 had a dot already: only this one is the round's
    view = panel_of(window).show_clusters()
    qtbot.waitUntil(lambda: view.columns[1] == ("Flux", ["c9"]), timeout=2000)
    assert view.dots == {}  # hidden: every dot of the round
    assert view.findChildren(QLabel, "clusterDots") == []
    assert view.columns[0] == ("Structure", ["c1", "c2"])  # the round's order
    rounds.reveal()
    qtbot.waitUntil(lambda: bool(view.dots), timeout=2000)
    assert view.dots == {"c2": 1, "c3": 2, "c9": 1}
    assert view.columns == [("Structure", ["c2", "c1"]), ("Flux", ["c9"]),
                            ("Usages", ["c3", "c2"])]  # fmt: skip
    badges = sorted(label.text() for label in view.findChildren(QLabel, "clusterDots"))
    assert badges == ["1", "1", "1", "2"]  # c2 twice (two columns), c9, c3; c1 none
    assert "most dots first" in summary(view)


def test_an_empty_untagged_column_is_left_out_and_said(qtbot, window):
    doc = window.workspace.doc
    rounds = rounds_of(window)
    rounds.start("tagging", ["c1", "c3"], ["p3"])
    view = panel_of(window).show_clusters()
    assert "Not tagged" not in [title for title, _ in view.columns]
    assert "all tagged" in summary(view)
    bare = edits.add_concept(doc, "c0", "Sans thème")
    window.workspace.editor.apply(bare, "add")
    view.scope.setCurrentIndex(1)  # every concept: the new one has no theme
    qtbot.waitUntil(lambda: view.columns[-1][0] == "Not tagged", timeout=2000)
    assert view.columns[-1][1] == [bare.node["id"]]
    assert "all tagged" not in summary(view)
