"""The Preferences dialog stores the settings and the window follows them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from ckstudio.gui.preferences import PreferencesDialog
from ckstudio.gui.settings import APPLICATION, ORGANISATION, Settings


def test_the_dialog_shows_and_stores_every_preference(window):
    dialog = PreferencesDialog(window.settings, window)
    assert dialog.autosave.value() == 30
    assert dialog.orientation.currentData() == "right"
    dialog.autosave.setValue(12)
    dialog.orientation.setCurrentIndex(dialog.orientation.findData("down"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.text_pixels.setValue(24)
    dialog.recent.setValue(3)
    dialog.store()
    stored = Settings(QSettings(ORGANISATION, APPLICATION))
    assert (stored.autosave_seconds, stored.orientation, stored.theme) == (12, "down", "dark")
    assert (stored.text_pixels, stored.recent_count) == (24, 3)


def test_the_dialog_says_appearance_not_theme_and_leaves_room(window, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox, QFormLayout

    dialog = PreferencesDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    form = dialog.layout()
    assert isinstance(form, QFormLayout)
    assert form.labelForField(dialog.theme).text() == "Appearance"
    assert [dialog.theme.itemText(i) for i in range(2)] == ["Light", "Dark"]
    assert dialog.width() >= 380
    buttons = dialog.findChild(QDialogButtonBox)
    gap = buttons.geometry().top() - dialog.recent.geometry().bottom()
    assert gap >= 2 * form.verticalSpacing()
    assert window.action("dark").text().replace("&", "") == "Dark appearance"


def test_the_window_follows_the_stored_preferences(window, qtbot):
    window.settings.orientation = "down"
    window.settings.theme = "dark"
    window.settings.text_pixels = 22
    with qtbot.waitSignal(window.preferences_changed, timeout=1000):
        window.apply_preferences()
    assert window.workspace.scene.orientation == "down"
    assert window.action("dark").isChecked()
    window.canvas.actual_size()
    text_size = window.workspace.scene.style.text_size
    assert window.canvas.zoom * text_size == pytest.approx(22)


def test_a_cancelled_dialog_changes_nothing(window, monkeypatch):
    monkeypatch.setattr(
        PreferencesDialog, "exec", lambda self: PreferencesDialog.DialogCode.Rejected
    )
    window.show_preferences()
    assert window.settings.autosave_seconds == 30
    assert window.action("orientation").isChecked()


@pytest.fixture
def store() -> QSettings:
    """The app's settings store, emptied: what an earlier test left does not count."""
    store = QSettings(ORGANISATION, APPLICATION)
    store.clear()
    return store


@pytest.mark.parametrize(
    ("key", "stored", "read"),
    [
        ("files/autosave_seconds", "1", 5),
        ("files/autosave_seconds", "nonsense", 30),
        ("view/text_pixels", 999, 48),
        ("files/recent_count", -4, 0),
    ],
)
def test_stored_numbers_out_of_range_are_brought_back(store, key, stored, read):
    store.setValue(key, stored)
    settings = Settings(store)
    attribute = {"files/autosave_seconds": "autosave_seconds", "view/text_pixels": "text_pixels",
                 "files/recent_count": "recent_count"}[key]  # fmt: skip
    assert getattr(settings, attribute) == read


def test_recent_files_keep_the_newest_first_once_and_the_chosen_count(store):
    settings = Settings(store)
    for path in ("/a.ck.json", "/b.ck.json", "/a.ck.json", "/c.ck.json"):
        settings.remember_file(path)
    assert settings.recent_files == ["/c.ck.json", "/a.ck.json", "/b.ck.json"]
    settings.recent_count = 2
    assert settings.recent_files == ["/c.ck.json", "/a.ck.json"]
