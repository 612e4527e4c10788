"""The interface's language: which one, its translations, and numbers in its style.

French when the system speaks French, English otherwise, unless the Preferences
(`Settings.language`) or `ckstudio --lang fr|en` say which. The French strings
come from `ckstudio/resources/translations/ckstudio_fr.qm`, compiled from
`resources/translations/ckstudio_fr.ts` by `scripts/translations.sh`; Qt's own
(the buttons of message boxes and dialogs) from Qt's `qtbase_fr.qm`.

Strings of a method go through `self.tr`, which lupdate files under the class's
name (as `QCoreApplication.translate("Class", "…")` is filed under "Class").
lupdate files any bare `tr("…")`, in a method too, under the empty context:
the tables built outside a class (the actions, the help's rows) import `tr`
below, which looks them up there. Never `tr = self.tr`: lupdate would file
its strings where `self.tr` does not look.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("fr", "en")  # the interface's languages; English is the source text
TABLES = ""  # lupdate's context for a bare tr()
QT_CATALOGUE = "qtbase"
_LOCALES = {"fr": "fr_FR", "en": "en_US"}  # when the system's locale speaks another language
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    """`text` in the interface's language, for strings written outside a class."""
    return QCoreApplication.translate(TABLES, text)


def system_language() -> str:
    """French if the system's locale is French, else English."""
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def chosen_language(choice: str | None) -> str:
    """The language to use for a choice of the Preferences ("system": the system's)."""
    return choice if choice in LANGUAGES else system_language()


def interface_language() -> str:
    """The language the interface speaks now (the one `use_language` set)."""
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def catalogue_path(language: str) -> str:
    """Where CK Studio's compiled translations into `language` are (inside the package)."""
    folder = resources.files("ckstudio") / "resources" / "translations"
    return str(folder / f"ckstudio_{language}.qm")


def use_language(app: QCoreApplication, language: str) -> None:
    """Make `app` speak `language` from now on: its translations and Qt's, and the
    locale that writes dates and numbers. Widgets made before keep their texts."""
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    # The system's own locale when it speaks `language`: its region's habits (fr_CA, en_GB).
    same = system_language() == language
    QLocale.setDefault(QLocale.system() if same else QLocale(_LOCALES[language]))
    if language == "en":
        return
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qt_catalogue = qt_folder / f"{QT_CATALOGUE}_{language}.qm"
    # Qt's own may be missing from a system's Qt: its buttons then stay in English.
    paths = [str(qt_catalogue)] if qt_catalogue.exists() else []
    for path in [*paths, catalogue_path(language)]:
        translator = QTranslator(app)
        if not translator.load(path):
            raise FileNotFoundError(f"the translations {path} cannot be read")
        app.installTranslator(translator)
        _installed.append(translator)


def number(value: int) -> str:
    """An integer written the interface's way (French: 1 234)."""
    return QLocale().toString(value)


def counted(value: int, one: str, many: str) -> str:
    """`value` and its noun, singular or plural by the interface's language's rule
    (French: 0 and 1 take the singular)."""
    singular = value == 1 or (value == 0 and interface_language() == "fr")
    return f"{number(value)} {one if singular else many}"
