"""The Themes and Participants docks, the speaker's toolbar, and their keys.

The window keeps one `RecordDocks` and binds it to each workspace it shows:
the panels are made afresh for each session and the old ones cut off from
their Document, as the inspector is. The keys are window actions like all
others, so F1 lists them; the map-only ones (1-9, +, -) are bound to the
canvas, so a digit typed in a panel or the inspector stays a digit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QToolBar, QWidget

from ckstudio.gui.actions import Spec
from ckstudio.gui.participants_panel import ParticipantsPanel, SpeakerChooser
from ckstudio.gui.themes_panel import KEYED, ThemesPanel
from ckstudio.gui.workspace import Workspace

MAP_KEYS = (*(f"tag_{n}" for n in range(1, KEYED + 1)), "vote_up", "vote_down")


def record_specs(
    tr: Callable[[str], str], workspace: Callable[[], Workspace]
) -> list[tuple[Spec, Callable[[], object]]]:
    """The actions of themes, votes and speakers; `workspace()` is the session shown now."""
    specs: list[tuple[Spec, Callable[[], object]]] = [
        (
            Spec(f"tag_{n}", tr("Tag with theme {n}").format(n=n), [str(n)],
                 tr("Tag the selected concepts with theme {n} of the Themes list, or untag them")
                 .format(n=n), map_only=True),
            lambda index=n - 1: workspace().rounds.tag_at(index),
        )
        for n in range(1, KEYED + 1)
    ]  # fmt: skip
    specs += [
        (
            Spec("vote_up", tr("&Give a dot"), ["+"],
                 tr("The speaker gives one vote dot to each selected concept"), map_only=True),
            lambda: workspace().records.vote(1),
        ),
        (
            Spec("vote_down", tr("Take back a d&ot"), ["-"],
                 tr("The speaker takes back one dot from each selected concept"), map_only=True),
            lambda: workspace().records.vote(-1),
        ),
        (
            Spec("next_speaker", tr("Ne&xt speaker"), ["F6"],
                 tr("The next participant speaks: new concepts, tags and votes are theirs")),
            lambda: workspace().records.cycle_speaker(1),
        ),
        (
            Spec("previous_speaker", tr("Prev&ious speaker"), ["Shift+F6"],
                 tr("The previous participant speaks")),
            lambda: workspace().records.cycle_speaker(-1),
        ),
    ]  # fmt: skip
    return specs


class RecordDocks:
    """The two docks and the speaker toolbar of one window."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        translate = QCoreApplication.translate
        self.themes_dock = self._dock(translate("RecordDocks", "Themes"), "themesDock")
        self.participants_dock = self._dock(
            translate("RecordDocks", "Participants"), "participantsDock"
        )
        window.tabifyDockWidget(self.themes_dock, self.participants_dock)
        self.themes_dock.raise_()
        self.themes: ThemesPanel | None = None
        self.participants: ParticipantsPanel | None = None
        self.chooser: SpeakerChooser | None = None
        self.toolbar: QToolBar | None = None  # "Speaking:" and the chooser, first of all

    def _dock(self, title: str, name: str) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def view_actions(self) -> list[QAction]:
        return [self.themes_dock.toggleViewAction(), self.participants_dock.toggleViewAction()]

    def bind(self, workspace: Workspace) -> None:
        """New panels and chooser for `workspace`; the old ones let go of their session."""
        old: list[QWidget] = [w for w in (self.themes, self.participants, self.chooser) if w]
        for widget in old:
            widget.detach()
        self.themes = ThemesPanel(workspace)
        self.participants = ParticipantsPanel(workspace)
        self.themes_dock.setWidget(self.themes)
        self.participants_dock.setWidget(self.participants)
        self.chooser = SpeakerChooser(workspace)
        self._speaker_toolbar().addWidget(self.chooser)
        for widget in old:
            widget.hide()
            widget.deleteLater()

    def _speaker_toolbar(self) -> QToolBar:
        """Where the chooser goes: a small toolbar of its own before the main one, so a
        narrow window pushes the main toolbar's buttons into its » menu, never the
        speaker (the status bar would grow taller for a list box and shrink the map)."""
        if self.toolbar is None:
            translate = QCoreApplication.translate
            self.toolbar = QToolBar(translate("RecordDocks", "Speaker"), self.window)
            self.toolbar.setObjectName("speakerToolbar")
            label = QLabel(translate("RecordDocks", "Speaking:"))
            label.setContentsMargins(4, 0, 4, 0)
            self.toolbar.addWidget(label)
            main = self.window.findChild(QToolBar, "mainToolbar")
            if main is not None:
                self.window.insertToolBar(main, self.toolbar)
            else:
                self.window.addToolBar(self.toolbar)
        return self.toolbar
