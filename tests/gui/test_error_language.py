"""Errors from the model and the files, said in the interface's language.

The sentences are made below the GUI in English (the command line prints them
so); the French window says them in French, technical details aside.
"""

from __future__ import annotations

import json
import shutil

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ckstudio.gui.app import build_window
from ckstudio.gui.error_text import file_error_text, translated
from ckstudio.gui.i18n import use_language
from ckstudio.gui.settings import APPLICATION, ORGANISATION
from ckstudio.model.problems import Message
from ckstudio.storage import SessionLoadError, load_session
from tests.gui.conftest import SCHOOL, shut

NBSP = "\u00a0"


@pytest.fixture
def french(qtbot, tmp_path):
    """A French window on a copy of the school example; errors shown are collected."""
    QSettings(ORGANISATION, APPLICATION).clear()
    copy = tmp_path / SCHOOL.name
    shutil.copy(SCHOOL, copy)
    window = build_window(copy, language="fr")
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.errors = []
    window.show_error = lambda title, sentence: window.errors.append((title, sentence))
    yield window
    shut(window)
    use_language(QApplication.instance(), "en")


def test_a_file_that_is_not_json_is_explained_in_french(french, tmp_path):
    broken = tmp_path / "broken.ck.json"
    broken.write_text("{ not json", encoding="utf-8")
    assert not french.files.open_path(broken)
    ((title, sentence),) = french.errors
    assert title == "Cette session ne peut pas être ouverte"
    assert sentence == (
        f"{broken}, ligne 1, colonne 3{NBSP}: ce n’est pas du JSON valide{NBSP}: "
        "un nom de propriété entre guillemets doubles est attendu"
    )


def test_a_file_from_a_newer_ck_studio_is_explained_in_french(french, tmp_path):
    newer = tmp_path / "newer.ck.json"
    newer.write_text(json.dumps({"format": "ckstudio.session", "version": 99}), encoding="utf-8")
    assert not french.files.open_path(newer)
    ((_, sentence),) = french.errors
    assert sentence.startswith(f"{newer}{NBSP}: créé par une version plus récente de CK Studio")
    assert "mettez CK Studio à jour pour l’ouvrir" in sentence


def test_invalid_content_has_a_french_headline_and_the_technical_detail(french, tmp_path):
    data = json.loads(SCHOOL.read_text(encoding="utf-8"))
    data["themes"][0]["colour"] = data["themes"][0].pop("color")
    odd = tmp_path / "odd.ck.json"
    odd.write_text(json.dumps(data), encoding="utf-8")
    assert not french.files.open_path(odd)
    ((_, sentence),) = french.errors
    headline, details = sentence.split("\n\n", 1)
    assert headline == (
        f"{odd} n’est pas une session CK Studio valide{NBSP}: "
        "son contenu ne respecte pas le format."
    )
    assert "/themes/0/colour: unknown field 'colour' (a typo?)" in details.splitlines()


def test_a_save_into_a_missing_folder_is_explained_in_french(french, tmp_path):
    target = tmp_path / "gone" / "session.ck.json"
    assert not french.files.save_to(target)
    ((title, sentence),) = french.errors
    assert title == "La session n’a pas été enregistrée"
    assert sentence == (
        f"{target}{NBSP}: impossible d’écrire le fichier{NBSP}: "
        "le fichier ou son dossier n’existe pas"
    )


def test_a_refused_date_in_the_inspector_is_explained_in_french(french, qtbot):
    french.workspace.selection.set([])  # the session's form
    inspector = french.inspector
    assert inspector is not None and inspector.shown_kind == "session"
    date = inspector.field("date")
    date.setFocus()
    date.selectAll()
    QTest.keyClicks(date, "2020-02-30")
    QTest.keyClick(date, Qt.Key.Key_Return)
    expected = f"Non effectué{NBSP}: date{NBSP}: ce n’est pas une date écrite AAAA-MM-JJ"
    assert french.statusBar().currentMessage() == expected
    assert inspector.message == expected


def test_the_english_window_says_the_english_sentence(tmp_path):
    newer = tmp_path / "newer.ck.json"
    newer.write_text(json.dumps({"format": "ckstudio.session", "version": 99}), encoding="utf-8")
    with pytest.raises(SessionLoadError) as caught:
        load_session(newer)
    reason = caught.value.problems[0].message
    assert isinstance(reason, Message) and translated(reason) == reason
    assert file_error_text(caught.value) == f"{newer}: {reason}"
    assert caught.value.sentence() == f"{newer}: /version: {reason}"


def test_a_report_that_cannot_be_written_is_explained_in_french(french, tmp_path, qtbot):
    job = french.start_report(tmp_path / "no-such-folder" / "r.pdf")
    qtbot.waitUntil(lambda: bool(french.errors) and job.isFinished(), timeout=30000)
    ((title, sentence),) = french.errors
    assert title == "Aucun rapport écrit"
    assert "r.pdf" in sentence and "dossier" in sentence and "\n" not in sentence
