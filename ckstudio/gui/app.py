"""Starting the window: check the display, make the QApplication, open the session."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ckstudio import __version__
from ckstudio.desktop import APP_ID, ICON_SIZES, icon_folder
from ckstudio.gui.platform_check import display_problem

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from ckstudio.gui.mainwindow import MainWindow


def run(path: Path | None = None, language: str | None = None) -> int:
    """Open the window on `path` (or a new session) and run until it closes; exit code.
    `language` ("fr" or "en") overrides the one of the Preferences."""
    problem = display_problem()
    if problem is not None:
        print(f"ckstudio: {problem}", file=sys.stderr)
        return 1
    # Qt is imported only now: a missing library must be named above, not by Qt's abort.
    from ckstudio.storage import SessionFileError

    app = application()
    try:
        window = build_window(path, language)
    except SessionFileError as error:
        print(f"ckstudio: {error.sentence()}", file=sys.stderr)
        return 1
    window.show()
    from ckstudio.gui.recovery_dialog import offer_recovery

    offer_recovery(window)  # sessions a crash left behind, offered once the window is up
    _quit_if_asked(window)
    return app.exec()


def _quit_if_asked(window: MainWindow) -> None:
    """With CKSTUDIO_QUIT_AFTER=SECONDS in the environment, print the window's title and
    close it that long after it is shown: packaging/linux/smoke.sh opens a frozen build's
    window with no one there to close it."""
    seconds = os.environ.get("CKSTUDIO_QUIT_AFTER")
    if not seconds:
        return
    from PySide6.QtCore import QTimer

    def report_and_close() -> None:
        print(window.windowTitle(), flush=True)
        window.close()

    QTimer.singleShot(round(float(seconds) * 1000), report_and_close)


def application() -> QApplication:
    """The QApplication, named so that settings land in CK Studio's own place."""
    from PySide6.QtWidgets import QApplication

    from ckstudio.gui.settings import APPLICATION, ORGANISATION

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("CK Studio")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # Wayland and task bars match the window to its launcher
    app.setWindowIcon(application_icon())
    return app


def application_icon() -> QIcon:
    """CK Studio's icon at every size it ships, for title bars, task bars and switchers."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_folder() / f"ckstudio-{size}.png"))
    return icon


def build_window(path: Path | None, language: str | None = None) -> MainWindow:
    """The main window on a session file, or on a new session; raises SessionLoadError.
    It speaks `language`, by default the Preferences' choice (ckstudio.gui.i18n)."""
    from ckstudio.gui.i18n import chosen_language, use_language
    from ckstudio.gui.mainwindow import MainWindow
    from ckstudio.gui.qtfonts import register_fonts
    from ckstudio.gui.settings import Settings
    from ckstudio.gui.theme import apply_theme, map_style
    from ckstudio.gui.workspace import Workspace
    from ckstudio.model.templates import DEFAULT_TITLE, new_session

    app = application()
    settings = Settings()
    language = language or chosen_language(settings.language)
    use_language(app, language)
    apply_theme(app, settings.theme)
    register_fonts()
    style, orientation = map_style(settings.theme), settings.orientation
    if path is not None:
        workspace = Workspace.open(path, style, orientation)
    else:
        session = new_session(DEFAULT_TITLE[language], language=language)
        workspace = Workspace(session, None, style, orientation)
    return MainWindow(workspace, settings)
