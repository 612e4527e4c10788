"""The French interface: every string translated, the translations in step with the code,
and the window, Qt's own buttons, numbers and new sessions in the chosen language."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from ckstudio.gui.i18n import catalogue_path, counted, interface_language, number, use_language
from ckstudio.gui.preferences import PreferencesDialog
from ckstudio.gui.settings import APPLICATION, ORGANISATION, Settings
from tests.gui.conftest import open_window, shut

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "resources" / "translations" / "ckstudio_fr.ts"
BIN = Path(sys.executable).parent
LUPDATE_SECONDS = 5  # the whole check stays a unit test
# Action texts that read the same in both languages.
SAME_IN_FRENCH = {"Zoom", "Tab"}

Message = tuple[str, str, str]  # context, source, disambiguation comment


def messages(path: Path) -> dict[Message, str | None]:
    """Each current message of a .ts file and its translation (None: unfinished)."""
    found: dict[Message, str | None] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            kind = translation.get("type")
            if kind in ("obsolete", "vanished"):
                continue
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            done = kind != "unfinished" and bool((translation.text or "").strip())
            found[key] = translation.text if done else None
    return found


def lupdate(target: Path) -> float:
    """Extract the interface's strings into `target` as scripts/translations.sh does;
    the seconds it took."""
    start = time.monotonic()
    folders = ("gui", "model", "storage", "interchange")  # and below the GUI: "Errors" templates
    sources = sorted(str(p) for name in folders for p in (ROOT / "ckstudio" / name).glob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
         *sources, "-ts", str(target)],
        check=True, capture_output=True,
    )  # fmt: skip
    return time.monotonic() - start


def test_every_string_of_the_interface_has_a_french_translation():
    untranslated = [key for key, text in messages(SOURCE).items() if text is None]
    assert not untranslated, (
        f"{len(untranslated)} strings have no French translation in {SOURCE.name} "
        "(translate them, then run scripts/translations.sh):\n"
        + "\n".join(
            f"  [{context}] {source!r} {comment}" for context, source, comment in untranslated
        )
    )


def test_the_translations_hold_every_string_of_the_code_and_no_other(tmp_path):
    fresh = tmp_path / "fresh.ts"
    seconds = lupdate(fresh)
    assert seconds < LUPDATE_SECONDS
    in_code, in_file = set(messages(fresh)), set(messages(SOURCE))
    assert in_code == in_file, (
        "resources/translations/ckstudio_fr.ts is out of date: run scripts/translations.sh\n"
        f"  new in the code: {sorted(in_code - in_file)}\n"
        f"  gone from the code: {sorted(in_file - in_code)}"
    )


def test_the_shipped_catalogue_is_the_compiled_translations(tmp_path):
    compiled = tmp_path / "fresh.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), "-silent", str(SOURCE), "-qm", str(compiled)],
        check=True, capture_output=True,
    )  # fmt: skip
    assert compiled.read_bytes() == Path(catalogue_path("fr")).read_bytes(), (
        "ckstudio/resources/translations/ckstudio_fr.qm is stale: run scripts/translations.sh"
    )


def test_strings_are_filed_where_the_code_looks_them_up():
    """A string made by `window.tr`, `widget.tr` or `tr = QCoreApplication.translate`
    lands in a context (or a comment) the running code never asks for: never translated."""
    misfiled = [
        key
        for key in messages(SOURCE)
        if key[2] or not re.fullmatch(r"|[A-Z]\w*", key[0]) or key[0] == "QCoreApplication"
    ]
    assert not misfiled, (
        "strings lupdate files under a variable's name or with a comment; use self.tr() in a "
        "method, tr from ckstudio.gui.i18n outside a class, or "
        f'QCoreApplication.translate("Class", "text"): {misfiled}'
    )


def typography_faults(text: str) -> list[str]:
    """What breaks French typography in `text`: a plain or no space before : ; ? ! »,
    none after «, a straight apostrophe (file filters' ;; and keys like Ctrl+K apart)."""
    text = re.sub(r"\(\*[^)]*\)|;;", "", text)
    rules = {
        "straight apostrophe": r"'",
        "no no-break space before : ; ? ! »": r"(?<!\u00a0)(?<!\u202f)[;?!»]|[^\s\d]:(?!\w)",
        "no no-break space after «": r"«(?![\u00a0\u202f])",
    }
    return [name for name, pattern in rules.items() if re.search(pattern, text)]


def test_typography_faults_are_seen():
    assert typography_faults("Qui vote ? Choisissez l'intervenant : « lui »") != []
    assert typography_faults("Qui vote\u00a0? C’est «\u00a0lui\u00a0»\u00a0: oui") == []
    assert typography_faults("Sessions (*.ck.json);;Tous les fichiers (*)") == []


def test_no_bare_tr_means_anything_but_the_tables_tr():
    """lupdate files every bare `tr("…")` under the empty context, whatever `tr` is bound
    to: a local `tr = self.tr` (or `window.tr`, or `QCoreApplication.translate`, whose
    context lupdate then takes for the text) is looked up where nothing was filed."""
    aliases = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted((ROOT / "ckstudio" / "gui").glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.match(r"\s*tr\s*=", line)
    ]
    assert not aliases, (
        "write self.tr(...) in a method, or import tr from ckstudio.gui.i18n:\n"
        + "\n".join(aliases)
    )


def test_french_typography_in_the_translations():
    wrong = [
        (source, text, typography_faults(text))
        for (_, source, _), text in messages(SOURCE).items()
        if text and typography_faults(text)
    ]
    assert not wrong, wrong


@pytest.fixture
def english_after():
    """Whatever a test switched to, the next tests find the interface in English."""
    yield
    use_language(QApplication.instance(), "en")


def open_in(qtbot, language: str):
    QSettings(ORGANISATION, APPLICATION).clear()
    Settings().language = language
    return open_window(qtbot, None, fresh_settings=False)


def test_the_window_in_french(qtbot, english_after):
    window = open_in(qtbot, "fr")
    try:
        titles = [action.text() for action in window.menuBar().actions()]
        assert {"&Fichier", "&Édition", "&Affichage", "Ai&de"} <= set(titles)
        assert window.windowTitle().startswith("Sans titre[*]")
        assert window._counts.text() == "1 concept · 0 connaissance · 0 lien"
        window.action("delete").trigger()  # C0 alone: the status bar says why not
        assert window.statusBar().currentMessage() == (
            "C0 ne peut pas être supprimé\u00a0: c’est toute la question."
        )
        assert window.workspace.doc.meta.language == "fr"  # a new session speaks French
        dialog = PreferencesDialog(window.settings, window)
        qtbot.addWidget(dialog)
        buttons = dialog.findChild(QDialogButtonBox)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.text().replace("&", "") == "Annuler"  # Qt's own strings too
        assert dialog.language.currentData() == "fr"
    finally:
        shut(window)


def test_the_window_in_english(qtbot, english_after):
    window = open_in(qtbot, "en")
    try:
        titles = [action.text() for action in window.menuBar().actions()]
        assert {"&File", "&Edit", "&View", "&Help"} <= set(titles)
        assert window._counts.text() == "1 concept · 0 knowledge items · 0 links"
        window.action("delete").trigger()
        assert window.statusBar().currentMessage() == (
            "C0 cannot be removed: it is the whole question."
        )
        assert window.workspace.doc.meta.language == "en"
    finally:
        shut(window)


def test_every_action_and_menu_reads_in_french(qtbot, english_after):
    """Found at run time, so a string looked up under another context than the one
    lupdate filed it in shows here, in English."""
    english = open_in(qtbot, "en")
    english_texts = {name: (a.text(), a.toolTip()) for name, a in english.actions_by_name.items()}
    english_menus = [a.text() for a in english.menuBar().actions()]
    shut(english)
    french = open_in(qtbot, "fr")
    try:
        same = [
            (name, text)
            for name, action in french.actions_by_name.items()
            for text in {action.text(), action.toolTip()} & set(english_texts[name])
            if text.replace("&", "") not in SAME_IN_FRENCH
        ]
        assert not same, f"still in English in the French window: {same}"
        menus = [a.text() for a in french.menuBar().actions()]
        assert not set(menus) & set(english_menus), menus
    finally:
        shut(french)


def test_numbers_and_plurals_follow_the_language(english_after):
    app = QApplication.instance()
    use_language(app, "fr")
    assert interface_language() == "fr"
    assert re.fullmatch(r"12\s345", number(12345))
    assert counted(0, "concept", "concepts") == "0 concept"
    assert counted(2, "concept", "concepts") == "2 concepts"
    use_language(app, "en")
    assert interface_language() == "en"
    assert counted(0, "concept", "concepts") == "0 concepts"
    assert counted(1, "concept", "concepts") == "1 concept"


def test_the_preference_is_stored_and_unknown_values_mean_the_system():
    settings = Settings(QSettings(ORGANISATION, APPLICATION))
    settings.language = "fr"
    assert Settings(QSettings(ORGANISATION, APPLICATION)).language == "fr"
    settings.language = "de"
    assert settings.language == "system"


def test_the_command_line_chooses_the_language(monkeypatch, capsys):
    from ckstudio import cli
    from ckstudio.gui import app

    opened: list[tuple[object, object]] = []
    monkeypatch.setattr(
        app, "run", lambda path=None, language=None: opened.append((path, language)) or 0
    )
    assert cli.main(["--lang", "fr", "atelier.ck.json"]) == 0
    assert cli.main(["--lang=en"]) == 0
    assert cli.main(["atelier.ck.json"]) == 0
    assert opened == [
        (Path("atelier.ck.json"), "fr"),
        (None, "en"),
        (Path("atelier.ck.json"), None),
    ]
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--lang", "de"])
    assert exit_.value.code == 2 and "invalid choice" in capsys.readouterr().err
