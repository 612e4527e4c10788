"""Workshop-mode details: the turn passes among a running round's participants, the
vote heat toggle is remembered, every menu's accelerators are unique, and the map
opens with the K-space in view."""

from __future__ import annotations

import re
import shutil

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from ckstudio.gui.app import build_window
from ckstudio.gui.i18n import use_language
from ckstudio.gui.maparea import LEAST_PIXELS, READABLE_PIXELS
from ckstudio.gui.settings import Settings
from ckstudio.model import edits
from tests.gui.conftest import EXAMPLES, SCHOOL, open_window, shut

START = "2020-05-06T10:00:00+02:00"


def f6(window, back: bool = False) -> str | None:
    modifier = Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier
    QTest.keyClick(window, Qt.Key.Key_F6, modifier)
    return window.workspace.speaker.id


def test_f6_goes_round_every_participant_when_no_round_runs(window):
    doc = window.workspace.doc
    everyone = [p.id for p in doc.participants]
    assert window.workspace.speaker.id is None
    assert [f6(window) for _ in everyone] == everyone
    assert f6(window) is None  # "nobody" is one stop of the table
    assert f6(window, back=True) == everyone[-1]


def test_f6_goes_round_the_running_rounds_participants_only(window):
    doc, speaker = window.workspace.doc, window.workspace.speaker
    everyone = [p.id for p in doc.participants]
    taking_part = [everyone[4], everyone[1], everyone[7]]  # in the round's own order
    doc.apply(edits.start_round(doc, "tagging", [], taking_part, START))
    in_table_order = [pid for pid in everyone if pid in taking_part]
    speaker.set(everyone[0])  # not in the round: F6 starts from its first
    assert [f6(window) for _ in range(4)] == [*in_table_order, in_table_order[0]]
    speaker.set(None)  # Shift+F6 from nobody: its last
    assert [f6(window, back=True) for _ in range(4)] == [
        in_table_order[2], in_table_order[1], in_table_order[0], in_table_order[2]
    ]  # fmt: skip
    doc.apply(edits.end_round(doc, doc.rounds[-1].id, "2020-05-06T10:30:00+02:00"))
    speaker.set(everyone[-1])
    assert f6(window) is None and f6(window) == everyone[0]  # the whole table again


def test_f6_in_a_round_without_participants_goes_round_everyone(window):
    doc, speaker = window.workspace.doc, window.workspace.speaker
    doc.apply(edits.start_round(doc, "voting", [], [], START))
    everyone = [p.id for p in doc.participants]
    speaker.set(everyone[-1])
    assert f6(window) is None and f6(window) == everyone[0]


def test_the_vote_heat_toggle_is_remembered_at_the_next_start(qtbot, window, tmp_path):
    heat = window.action("vote_heat")
    qtbot.waitUntil(lambda: bool(window.workspace.scene.heat), timeout=2000)  # a revealed vote
    assert heat.isChecked()
    heat.trigger()
    assert not heat.isChecked() and window.workspace.scene.heat == {}
    assert Settings().vote_heat is False
    other = tmp_path / "again" / SCHOOL.name  # not the file the first window holds
    other.parent.mkdir()
    shutil.copy(SCHOOL, other)
    again = open_window(qtbot, other, fresh_settings=False)
    try:
        assert not again.action("vote_heat").isChecked()
        qtbot.wait(50)  # the rounds' refresh runs: the heat must stay off
        assert again.workspace.scene.heat == {}
        again.action("vote_heat").trigger()
        assert Settings().vote_heat is True
        qtbot.waitUntil(lambda: bool(again.workspace.scene.heat), timeout=2000)
    finally:
        shut(again)


def accelerator(text: str) -> str | None:
    """The letter after a single "&" ("&&" is a drawn ampersand), lower case."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def clashes(title: str, actions) -> list[tuple[str, str, list[str]]]:
    """(menu, letter, texts) for each letter two visible actions of a menu share, its
    submenus' too."""
    by_letter: dict[str, list[str]] = {}
    found = []
    for action in actions:
        if action.isSeparator():
            continue
        letter = accelerator(action.text())
        if letter is not None:
            by_letter.setdefault(letter, []).append(action.text())
        if isinstance(action.menu(), QMenu):
            found += clashes(action.text(), action.menu().actions())
    found += [(title, letter, texts) for letter, texts in by_letter.items() if len(texts) > 1]
    return found


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_menu_has_two_actions_with_one_accelerator(qtbot, school, language):
    """Alt+letter reaches one action of a menu: two with the same letter would make
    the keyboard user press it twice and Enter (French: after the lead merges the
    translations)."""
    window = build_window(school, language=language)
    try:
        bar = window.menuBar()
        assert clashes("menu bar", bar.actions()) == []
        menus = [action.menu() for action in bar.actions()]
        assert len(menus) >= 6 and all(isinstance(menu, QMenu) for menu in menus)
        assert accelerator(menus[0].actions()[0].text()) == "n"  # File > New: read at all
    finally:
        shut(window)
        use_language(QApplication.instance(), "en")


def in_view(canvas, ref: str) -> bool:
    """Whether node `ref`'s whole box is inside the canvas's viewport."""
    box = canvas.scene_model.box(ref)
    shown = canvas.mapFromScene(QRectF(box.x, box.y, box.w, box.h)).boundingRect()
    return canvas.viewport().rect().contains(shown)


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.ck.json")))
def test_an_example_opens_with_c0_and_the_k_space_roots_in_view(qtbot, tmp_path, name):
    """At 1280x800 the K-space is never out of view on opening: the whole map when its
    text stays readable so, else C0 and the top K root side by side."""
    path = tmp_path / name
    shutil.copy(EXAMPLES / name, path)
    window = open_window(qtbot, path)
    try:
        canvas, doc = window.canvas, window.workspace.doc
        text = canvas.scene_model.style.text_size
        k_roots = list(doc.children("k", None))
        assert k_roots and window.size().width() == 1280
        assert in_view(canvas, doc.root)
        top = min(k_roots, key=lambda r: canvas.scene_model.box(r).y)
        assert in_view(canvas, top)
        assert canvas.zoom * text >= LEAST_PIXELS and canvas.zoom <= canvas.reading_zoom
        whole, view = canvas.map_item.boundingRect(), canvas.viewport().rect()
        fits = min(view.width() / whole.width(), view.height() / whole.height()) * text
        assert (name == "school-garden-workshop.ck.json") == (fits >= READABLE_PIXELS / 0.96)
        if fits >= READABLE_PIXELS / 0.96:  # the whole map fits: every root shows
            shown = canvas.mapFromScene(whole).boundingRect()
            assert canvas.viewport().rect().adjusted(-2, -2, 2, 2).contains(shown)
            assert all(in_view(canvas, ref) for ref in k_roots)
    finally:
        shut(window)


def test_a_small_map_opens_whole_at_most_at_reading_size(blank):
    canvas = blank.canvas
    assert canvas.zoom == canvas.reading_zoom  # C0 alone: not blown up
    assert in_view(canvas, blank.workspace.doc.root)
