"""The audience (projector) view: following the facilitator, text never too small,
K-space shown or hidden, drilling into a branch, the timer over it, the keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest

from ckstudio.gui import audience_view
from ckstudio.gui.audience_view import (
    ScreenInfo,
    free_rect,
    min_text_pixels,
    place_window,
    text_device_pixels,
)
from ckstudio.gui.phase_timer import State
from ckstudio.gui.phase_timer_widgets import STEP_SHARE, TimerBar
from ckstudio.gui.qtfonts import register_fonts
from ckstudio.layout.drawing import Text
from ckstudio.layout.fonts import NO_BREAK
from ckstudio.layout.style import PROJECTOR_STYLE

HD, FULL_HD = ScreenInfo(1280, 720, 1.0), ScreenInfo(1920, 1080, 1.0)
RETINA = ScreenInfo(1280, 720, 2.0)  # a 2560 x 1440 screen at 200 %
LAPTOP = ScreenInfo(1280, 720, 1.5)  # a 1920 x 1080 laptop at 150 %


def open_audience(window, screen: ScreenInfo = HD):
    audience = window.audience.open_view()
    assert audience is not None
    audience.fixed_screen = screen
    audience.resize(screen.width, screen.height)
    audience.apply_screen()
    audience.view.reframe()
    return audience


def box_rect(scene, ref: str) -> QRectF:
    box = scene.box(ref)
    assert box is not None
    return QRectF(box.x, box.y, box.w, box.h)


@pytest.fixture
def audience(window):
    audience = open_audience(window)
    yield audience
    audience.close()


def test_a_second_window_with_its_own_projector_map(window, audience):
    assert audience.isVisible() and audience.isWindow() and audience is not window
    assert audience.scene is not window.workspace.scene
    assert audience.scene.doc is window.workspace.doc
    assert audience.scene.style is PROJECTOR_STYLE
    # No editing chrome: no text editor, no gestures, no keyboard focus.
    assert not hasattr(audience.view, "text_editor")
    assert not audience.view.isInteractive()
    assert audience.view.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_the_facilitator_window_keeps_working(qtbot, window, audience):
    doc = window.workspace.doc
    before = doc.node_count("c")
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key.Key_Tab)
    QTest.keyClicks(window.canvas.text_editor, "Nouveau concept")
    QTest.keyClick(window.canvas.text_editor, Qt.Key.Key_Return)
    assert doc.node_count("c") == before + 1
    new = window.workspace.selection.current
    assert doc.concept(new).text == "Nouveau concept"
    qtbot.waitUntil(lambda: audience.scene.box(new) is not None)
    view = audience.view
    qtbot.waitUntil(lambda: view.visible_scene_rect().contains(box_rect(audience.scene, new)))


def test_follows_the_selection(window, audience):
    doc, view = window.workspace.doc, audience.view
    concepts = list(doc.walk("c"))
    items = list(doc.walk("k"))
    assert view.region().width() * view.zoom > audience.width()  # too big: it must follow
    for ref in [concepts[-1], items[-1], concepts[len(concepts) // 2], items[0], concepts[0]]:
        window.workspace.selection.set([ref])
        assert view.visible_scene_rect().contains(box_rect(audience.scene, ref)), ref


@pytest.mark.parametrize(("screen", "least"), [(HD, 24), (FULL_HD, 36), (RETINA, 48), (LAPTOP, 36)])
def test_text_never_under_a_thirtieth_of_the_screen(window, screen, least):
    audience = open_audience(window, screen)
    view = audience.view
    for branch in (None, window.workspace.doc.root):  # the whole map, then C-space drilled
        window.workspace.selection.set([window.workspace.doc.root])
        window.audience._set_branch(branch)
        pixels = text_device_pixels(PROJECTOR_STYLE.text_size, view.zoom, screen)
        assert pixels >= least - 1e-6
        assert pixels >= screen.device_height / 30 - 1e-6
        assert view.zoom * PROJECTOR_STYLE.text_size >= min_text_pixels(screen) - 1e-6
    # A window smaller than the screen (a preview on the laptop): the same text size.
    audience.resize(screen.width // 2, screen.height // 2)
    view.reframe()
    assert text_device_pixels(PROJECTOR_STYLE.text_size, view.zoom, screen) >= least - 1e-6
    audience.close()


def test_a_small_map_is_fitted_not_blown_up(qtbot, blank):
    audience = open_audience(blank, FULL_HD)
    view = audience.view
    least = min_text_pixels(FULL_HD) / PROJECTOR_STYLE.text_size
    assert least <= view.zoom <= least * 1.6 + 1e-9
    root = box_rect(audience.scene, blank.workspace.doc.root)
    assert view.visible_scene_rect().contains(root)
    audience.close()


def test_k_space_shown_or_hidden(window, audience):
    doc, view = window.workspace.doc, audience.view
    item = next(iter(doc.walk("k")))
    k_left = min(audience.scene.box(r).x for r in doc.walk("k"))
    assert view.shown(item) and view.region().right() > k_left
    window.action("audience_k").setChecked(False)
    assert not view.shown(item) and view.shown(doc.root)
    assert view.region().right() < k_left  # framed on C-space alone
    rightmost = max(doc.walk("c"), key=lambda ref: box_rect(audience.scene, ref).right())
    window.workspace.selection.set([rightmost])
    assert view.visible_scene_rect().right() < k_left  # and K-space is never scrolled to
    window.action("audience_k").setChecked(True)
    assert view.shown(item) and view.region().right() > k_left


def test_drill_down_and_back_up(window, audience):
    doc, view, scene = window.workspace.doc, audience.view, audience.scene
    branch = next(c for c in doc.children("c", doc.root) if doc.children("c", c))
    child = doc.children("c", branch)[0]
    window.workspace.selection.set([child])
    window.action("drill_down").trigger()
    assert view.branch == child
    window.workspace.selection.set([branch])
    window.action("drill_down").trigger()
    assert view.branch == branch
    inside, outside = set(doc.walk("c", branch)), doc.children("c", doc.root)[-1]
    assert outside not in inside and not view.shown(outside)
    assert all(view.shown(ref) for ref in inside)
    region = view.region()
    assert all(region.contains(box_rect(scene, ref)) for ref in inside)
    assert not region.contains(box_rect(scene, outside))
    window.action("drill_up").trigger()
    assert view.branch == doc.root
    window.action("drill_up").trigger()
    assert view.branch is None and view.shown(outside)


def test_theme_highlight_reaches_the_audience(qtbot, window, audience):
    doc = window.workspace.doc
    theme = doc.themes[0].id
    tagged = next(c for c in doc.walk("c") if any(t.theme == theme for t in doc.concept(c).tags))
    others = (c for c in doc.walk("c") if c != doc.root)
    untagged = next(c for c in others if all(t.theme != theme for t in doc.concept(c).tags))
    window.workspace.scene.set_theme_focus(frozenset({theme}))
    assert audience.scene.theme_focus == frozenset({theme})
    assert audience.scene.faded(untagged) and not audience.scene.faded(tagged)
    window.workspace.scene.set_theme_focus(frozenset())
    assert not audience.scene.faded(untagged)


def test_f5_full_screen_and_esc_leaves_it(qtbot, window, audience):
    window.action("audience_full_screen").trigger()
    qtbot.waitUntil(audience.isFullScreen)
    audience.activateWindow()
    qtbot.waitUntil(audience.isActiveWindow)
    QTest.keyClick(audience, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not audience.isFullScreen())
    assert audience.isVisible()  # Esc never closes the projector's window
    QTest.keyClick(audience, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not audience.isVisible() and audience.scene is None  # closed: no longer follows


def test_the_timer_on_both_windows(window, audience):
    timer = window.audience.timer
    assert audience.overlay.isHidden()
    window.action("timer_match").setChecked(True)
    window.action("timer_start").trigger()
    assert timer.state is State.RUNNING
    assert not audience.overlay.isHidden()
    assert audience.overlay.geometry().top() < audience.height() // 4  # in a corner
    bar = window.statusBar().findChild(TimerBar)
    assert bar is not None and bar.label.text() == "Rotation 1/6 · Pitch  5:00"
    window.action("timer_start").trigger()
    assert timer.state is State.PAUSED


def test_another_session_follows(window, audience):
    old_doc = window.workspace.doc
    window.new_session()
    assert audience.scene.doc is window.workspace.doc is not old_doc


def test_votes_not_revealed_stay_hidden_on_the_projector(window, audience):
    rounds = window.workspace.rounds
    assert audience.scene.card("c4").votes == 5  # the example's revealed vote
    round_id = rounds.start("voting", ["c4", "c7"], ["p3", "p4"], budget=2)
    assert window.workspace.doc.round(round_id).hidden
    assert audience.scene.card("c4").votes == 0
    rounds.reveal()
    assert audience.scene.card("c4").votes == 0  # the new vote's own dots: none yet
    window.workspace.speaker.set("p3")
    window.workspace.selection.set(["c4"])
    window.action("vote_up").trigger()
    assert audience.scene.card("c4").votes == 1


def test_a_running_round_is_shown_on_the_projector(qtbot, window, audience):
    rounds = window.workspace.rounds
    overlay = audience.round_overlay
    assert not overlay.isVisible()
    rounds.start("tagging", ["c4", "c7"], ["p3", "p4"])
    qtbot.waitUntil(overlay.isVisible, timeout=2000)
    before = overlay.text()
    assert "Structure" in before and "Flux" in before
    window.workspace.speaker.set("p3")
    window.workspace.selection.set(["c7"])
    theme = window.workspace.doc.themes[2]
    rounds.tag(theme.id)
    qtbot.waitUntil(lambda: overlay.text() != before, timeout=2000)
    counts = window.workspace.rounds.theme_concepts(rounds.running().id)
    assert f"{theme.name}&nbsp;&nbsp;<b>{counts[theme.id]}</b>" in overlay.text()
    assert overlay.geometry().bottom() <= audience.height()
    assert overlay.height() >= audience.height() // 30  # as tall as the map's text
    rounds.end()
    qtbot.waitUntil(lambda: not overlay.isVisible(), timeout=2000)


def test_a_hidden_vote_says_so_on_the_projector(qtbot, window, audience):
    rounds = window.workspace.rounds
    rounds.start("voting", ["c4", "c7"], ["p3", "p4"], budget=2)
    qtbot.waitUntil(audience.round_overlay.isVisible, timeout=2000)
    assert "hidden" in audience.round_overlay.text()
    rounds.reveal()
    qtbot.waitUntil(lambda: "hidden" not in audience.round_overlay.text(), timeout=2000)
    assert "revealed" in audience.round_overlay.text()  # the ranking is the panel's


def test_the_step_name_fits_the_timer_panel(window, audience):
    window.action("timer_match").setChecked(True)
    window.action("timer_start").trigger()
    overlay = audience.overlay
    font = QFont(register_fonts())
    font.setPixelSize(max(14, audience.height() // STEP_SHARE))
    needed = QFontMetrics(font).horizontalAdvance(window.audience.timer.step_text())
    assert overlay.width() >= needed  # "Rotation 3/6 · Présentation" was cut in French
    assert overlay.geometry().right() <= audience.width()


def test_a_revealed_vote_glows_on_the_projector_too(qtbot, window, audience, monkeypatch):
    rounds = window.workspace.rounds
    qtbot.waitUntil(lambda: bool(audience.scene.heat), timeout=2000)  # the example's vote
    assert audience.scene.heat == window.workspace.scene.heat
    painted = []
    monkeypatch.setattr(audience_view, "paint_heat", lambda p, box, v: painted.append(v))
    audience.view.viewport().repaint()
    assert painted and all(0 < value <= 1 for value in painted)
    rounds.start("tagging", ["c4"], ["p3"])
    qtbot.waitUntil(lambda: audience.scene.heat == {}, timeout=2000)


def test_free_rect_leaves_the_most_room_clear_of_the_overlays():
    view = QRectF(0, 0, 1280, 720)
    timer = QRectF(800, 0, 480, 150)
    assert free_rect(view, [timer]) == QRectF(0, 150, 1280, 570)  # a band under the timer
    results = QRectF(700, 160, 580, 400)  # a tall panel under it: a band on the right
    assert free_rect(view, [timer, results]) == QRectF(0, 0, 700, 720)
    assert free_rect(view, []) == view


def test_a_window_keeps_to_the_map_then_shows_its_target():
    assert place_window(-50, 100, 0, 1000, None) == 0  # not past the map's edge
    assert place_window(0, 100, 0, 60, None) == -20  # a short map: centred
    assert place_window(0, 100, 0, 1000, (500, 540)) == 460  # moved the least, room kept
    assert place_window(0, 100, 0, 1000, (500, 700)) == 500  # too long: its start shown


def ranked(panel) -> list[tuple[int, int, str]]:
    rows, _ = panel.rows()
    return rows


def test_the_ranking_shows_once_a_vote_is_revealed(qtbot, window, audience):
    rounds, panel, doc = window.workspace.rounds, audience.results, window.workspace.doc
    # The example's last vote is revealed: its top five, ex aequo sharing a place.
    assert not panel.isHidden()
    rows, more = panel.rows()
    assert [(place, dots) for place, dots, _ in rows] == [(1, 5), (2, 4), (3, 3), (3, 3), (5, 2)]
    assert more == 2  # two more concepts with 2 dots, ex aequo 5th
    assert "ended" in panel.title()
    rounds.start("voting", ["c13", "c4", "c7", "c25"], ["p3", "p4"], budget=9)
    qtbot.waitUntil(panel.isHidden, timeout=2000)  # another round: the old ranking goes
    for by, ref, dots in (("p4", "c4", 5), ("p4", "c25", 4), ("p3", "c13", 3), ("p3", "c7", 3)):
        window.workspace.speaker.set(by)
        window.workspace.selection.set([ref])
        assert window.workspace.records.vote(dots)  # only dots given in the round count
    assert panel.rows() == ([], 0)  # and the new one is hidden: nothing to show
    rounds.reveal()
    qtbot.waitUntil(lambda: not panel.isHidden(), timeout=2000)
    assert ranked(panel) == [
        (1, 5, doc.concept("c4").text),
        (2, 4, doc.concept("c25").text),
        (3, 3, doc.concept("c13").text),  # ex aequo: in the round's order
        (3, 3, doc.concept("c7").text.translate(NO_BREAK)),  # "« respire »", one line
    ]
    assert "running" in panel.title()
    assert panel._fonts()[0].pixelSize() >= audience.height() / 30  # the map's least text
    assert panel.geometry().right() <= audience.width()
    assert not panel.geometry().intersects(audience.round_overlay.geometry())
    rounds.end()
    qtbot.waitUntil(lambda: "ended" in panel.title(), timeout=2000)
    assert not panel.isHidden()  # it stays once the vote ends
    rounds.start("tagging", ["c4"], ["p3"])
    qtbot.waitUntil(panel.isHidden, timeout=2000)


def test_a_hidden_vote_never_reaches_the_ranking(qtbot, window, audience):
    rounds, panel = window.workspace.rounds, audience.results
    rounds.start("voting", ["c4", "c7"], ["p3", "p4"], budget=2)
    qtbot.waitUntil(panel.isHidden, timeout=2000)
    window.workspace.speaker.set("p3")
    window.workspace.selection.set(["c7"])
    window.action("vote_up").trigger()
    window.audience.set_results_shown(True)  # even asked for, a hidden vote stays hidden
    qtbot.wait(50)
    assert panel.isHidden() and panel.rows() == ([], 0)


def test_the_facilitator_hides_the_ranking_until_the_next_reveal(qtbot, window, audience):
    rounds, panel = window.workspace.rounds, audience.results
    assert not panel.isHidden()
    assert window.action("audience_results") in audience.actions()  # its context menu
    window.action("audience_results").trigger()
    assert panel.isHidden() and not window.audience.results_shown
    rounds.start("voting", ["c4", "c7"], ["p3", "p4"], budget=2)
    rounds.reveal()
    qtbot.waitUntil(lambda: not panel.isHidden(), timeout=2000)
    assert window.action("audience_results").isChecked()


def view_rect(audience, ref: str) -> QRectF:
    """A node's box on the audience window, in its pixels."""
    view = audience.view
    on_view = view.mapFromScene(box_rect(audience.scene, ref)).boundingRect()
    return QRectF(on_view.translated(view.pos()))


@pytest.mark.parametrize("screen", [HD, FULL_HD])
def test_a_round_is_framed_clear_of_the_overlays(qtbot, window, screen):
    audience = open_audience(window, screen)
    rounds, doc = window.workspace.rounds, window.workspace.doc
    window.action("timer_match").setChecked(True)
    window.action("timer_start").trigger()
    window.workspace.selection.set([list(doc.walk("k"))[-1]])  # the room looks far away
    concepts = ["c25", "c28"]  # two siblings, far from where the room looks
    assert not any(audience.view.visible_scene_rect().contains(box_rect(audience.scene, c))
                   for c in concepts)  # fmt: skip
    rounds.start("voting", concepts, ["p3", "p4"], budget=2)
    window.workspace.selection.set(["c4"])  # elsewhere while the room votes
    rounds.reveal()
    qtbot.waitUntil(lambda: not audience.results.isHidden(), timeout=2000)
    qtbot.wait(50)
    overlays = [audience.overlay, audience.results, audience.round_overlay]
    assert all(not overlay.isHidden() for overlay in overlays)
    window_rect = QRectF(audience.rect())
    for ref in concepts:
        rect = view_rect(audience, ref)
        assert window_rect.contains(rect), ref
        assert not any(rect.intersects(QRectF(o.geometry())) for o in overlays), ref
    zoom = audience.view.zoom * PROJECTOR_STYLE.text_size
    assert zoom >= min_text_pixels(screen) - 1e-6  # framed, never shrunk below the least
    audience.close()


def test_the_tagging_line_counts_concepts_per_theme(qtbot, window, audience):
    rounds, doc = window.workspace.rounds, window.workspace.doc
    overlay = audience.round_overlay
    theme = doc.themes[1]
    rounds.start("tagging", ["c4", "c7"], ["p3", "p4"])
    for participant in ("p3", "p4"):  # two participants, one concept, one theme
        window.workspace.speaker.set(participant)
        window.workspace.selection.set(["c7"])
        rounds.tag(theme.id)
    round_id = rounds.running().id
    assert rounds.theme_counts(round_id)[theme.id] > rounds.theme_concepts(round_id)[theme.id]
    counts = rounds.theme_concepts(round_id)
    qtbot.waitUntil(lambda: f"{theme.name}&nbsp;&nbsp;<b>{counts[theme.id]}</b>"
                    in overlay.text(), timeout=2000)  # fmt: skip
    for each in doc.themes:
        assert f"{each.name}&nbsp;&nbsp;<b>{counts[each.id]}</b>" in overlay.text()
    assert "concepts per theme" in overlay.text()


def test_every_text_of_the_projector_map_is_at_least_the_least_size(window, audience):
    """Card text, dots, notes, the legend: none smaller than the map text (1/30 of the
    screen once the view's zoom is applied)."""
    scene, doc = audience.scene, window.workspace.doc
    items = [item for ref in [*doc.walk("c"), *doc.walk("k")] for item in scene.group(ref).items]
    items += list(scene.decorations())
    sizes = {item.size for item in items if isinstance(item, Text)}
    roles = {item.role for item in items if isinstance(item, Text)}
    assert {"label", "votes", "note", "legend"} <= roles  # every kind of text was looked at
    assert min(sizes) >= PROJECTOR_STYLE.text_size
