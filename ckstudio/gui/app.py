"""Starting the window: check the display, make the QApplication, open the session."""

from __future__ import annotations

import sys
from pathlib import Path

from ckstudio import __version__
from ckstudio.gui.platform_check import display_problem


def run(path: Path | None = None) -> int:
    """Open the window on `path` (or a new session) and run until it closes; exit code."""
    problem = display_problem()
    if problem is not None:
        print(f"ckstudio: {problem}", file=sys.stderr)
        return 1
    # Qt is imported only now: a missing library must be named above, not by Qt's abort.
    from PySide6.QtWidgets import QApplication

    from ckstudio.gui.mainwindow import MainWindow, system_language
    from ckstudio.gui.qtfonts import register_fonts
    from ckstudio.gui.settings import APPLICATION, ORGANISATION, Settings
    from ckstudio.gui.theme import apply_theme, map_style
    from ckstudio.gui.workspace import Workspace
    from ckstudio.model.templates import new_session
    from ckstudio.storage import SessionFileError

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("CK Studio")
    app.setApplicationVersion(__version__)
    settings = Settings()
    apply_theme(app, settings.theme)
    register_fonts()
    style, orientation = map_style(settings.theme), settings.orientation
    if path is not None:
        try:
            workspace = Workspace.open(path, style, orientation)
        except SessionFileError as error:
            print(f"ckstudio: {error.sentence()}", file=sys.stderr)
            return 1
    else:
        session = new_session(app.translate("app", "New workshop"), language=system_language())
        workspace = Workspace(session, None, style, orientation)
    window = MainWindow(workspace, settings)
    window.show()
    return app.exec()
