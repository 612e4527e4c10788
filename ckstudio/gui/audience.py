"""The audience view (for the projector) and the phase timer, as the facilitator drives them.

`Audience` belongs to the main window: it makes the actions (View > Audience
view…, F5, drill down / back up, K-space shown; the Timer menu), keeps what
the audience is shown (a branch or the whole map, K-space or not) and the
one `PhaseTimer`, and binds the audience window to each session the main
window shows. The audience window is a second top-level window with the
map alone (`AudienceView`), the timer large in its top-right corner, a
revealed vote's ranking under it and the running round's line bottom-left
(`ckstudio.gui.round_overlay`); the map is framed clear of them. When a
round starts or a vote is revealed, the map frames the round's concepts.
Its right-click menu holds full screen, K-space and the ranking's toggle.

Keys: F5 puts the audience window full screen on its screen, or back; Esc
(in the audience window) leaves full screen and never closes it, so a
stray Esc cannot blank the projector mid-workshop; Ctrl+W there, or the
window's close button, closes it. Alt+Down shows only the branch of the
selected node, Alt+Up goes one level back up (to the whole map from the
top of a branch). They are window keys of the facilitator's window, which
keeps the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, QSignalBlocker, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QScreen,
    QShortcut,
)
from PySide6.QtWidgets import QInputDialog, QVBoxLayout, QWidget

from ckstudio.gui.actions import Spec
from ckstudio.gui.audience_view import AudienceView, ScreenInfo
from ckstudio.gui.mapscene import MapScene
from ckstudio.gui.phase_timer import PhaseTimer
from ckstudio.gui.phase_timer_widgets import TimerBar, TimerOverlay
from ckstudio.gui.round_overlay import ResultsPanel, RoundOverlay, margin_pixels
from ckstudio.gui.workspace import Workspace
from ckstudio.layout.style import PROJECTOR_STYLE

if TYPE_CHECKING:
    from ckstudio.gui.mainwindow import MainWindow

PRESET_ACTIONS = {"free": "timer_free", "dkcp": "timer_dkcp", "match_making": "timer_match"}
TIMER_BUTTONS = ("timer_start", "timer_minute", "timer_reset", "timer_next")


def screen_info(screen: QScreen) -> ScreenInfo:
    size = screen.size()  # logical pixels
    return ScreenInfo(size.width(), size.height(), screen.devicePixelRatio())


class AudienceWindow(QWidget):
    """The projector's window: the map read-only, and the timer."""

    def __init__(self, owner: Audience, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.owner = owner
        self.setObjectName("audienceWindow")
        self.setWindowTitle(self.tr("CK Studio — audience view"))
        self.scene: MapScene | None = None
        self.view: AudienceView | None = None
        self.fixed_screen: ScreenInfo | None = None  # tests and screenshots: a screen to size for
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.overlay: TimerOverlay | None = None
        self.round_overlay: RoundOverlay | None = None  # tags or dots of the running round
        self.results: ResultsPanel | None = None  # a revealed vote's ranking
        self._screen_followed = False
        self._covered: list[QRectF] = []
        self._round_seen: tuple[str, bool] | None = None  # (current round, votes shown)
        QShortcut(QKeySequence("Esc"), self, self.leave_full_screen)
        QShortcut(QKeySequence("Ctrl+W"), self, self.close)
        # Right-click: what the room sees (the same checkable actions as in View).
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for name in ("audience_full_screen", "audience_k", "audience_results"):
            if name in owner.actions:
                self.addAction(owner.actions[name])

    def bind(self, workspace: Workspace) -> None:
        """Show this session: a scene of its own, in the projector style, on its Document."""
        self.unbind()
        facilitator = workspace.scene
        self.scene = MapScene(workspace.doc, PROJECTOR_STYLE, facilitator.orientation)
        self.scene.set_legend(facilitator.legend)
        self.scene.set_theme_focus(facilitator.theme_focus, facilitator.strong_fade)
        self.view = AudienceView(self.scene, workspace.selection, self)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # the window's
        self.view.covered = self.covered
        self.view.k_shown = self.owner.k_shown
        self.view.set_branch(self.owner.branch)
        self._layout.addWidget(self.view)
        self.overlay = TimerOverlay(self.owner.timer, self)
        self.overlay.raise_()
        self.round_overlay = RoundOverlay(workspace.rounds, self)
        self.results = ResultsPanel(workspace.rounds, self.overlay, self)
        self.results.wanted = self.owner.results_shown
        self.round_overlay.beside = self.results
        facilitator.changed.connect(self._mirror)
        self._facilitator = facilitator
        self._rounds = workspace.rounds
        self._rounds.follow(self.scene)  # hidden dots stay hidden on the projector too
        # After the overlays' own slots (connected first): frame, and keep clear of them.
        self._rounds.changed.connect(self._rounds_changed)
        self.owner.timer.changed.connect(self.overlays_changed)
        self._round_seen = self._round_state()
        self.results.follow()
        self.apply_screen()
        self.view.follow(workspace.selection.current)

    def unbind(self) -> None:
        if self.scene is None:
            return
        self._facilitator.changed.disconnect(self._mirror)
        self._rounds.changed.disconnect(self._rounds_changed)
        self.owner.timer.changed.disconnect(self.overlays_changed)
        self._rounds.unfollow(self.scene)
        self.scene.close()
        for panel in (self.round_overlay, self.results):
            if panel is not None:
                panel.detach()
        for widget in (self.view, self.overlay, self.round_overlay, self.results):
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.scene = self.view = self.overlay = self.round_overlay = self.results = None
        self._covered = []

    def _mirror(self) -> None:
        """Follow the facilitator's view settings: theme highlight, orientation, legend."""
        facilitator, scene = self._facilitator, self.scene
        if scene is None:
            return
        scene.set_theme_focus(facilitator.theme_focus, facilitator.strong_fade)
        if scene.orientation != facilitator.orientation:
            scene.set_orientation(facilitator.orientation)
        if scene.legend != facilitator.legend:
            scene.set_legend(facilitator.legend)

    # -- rounds and overlays ---------------------------------------------------------

    def _round_state(self) -> tuple[str, bool] | None:
        current = self._rounds.current()
        if current is None:
            return None
        return current.id, current.kind == "voting" and not current.hidden

    def _rounds_changed(self) -> None:
        """A round started or a vote was revealed: frame its concepts for the room (the
        results panel, hidden by the facilitator before, shows again on a reveal)."""
        seen, self._round_seen = self._round_seen, self._round_state()
        current = self._rounds.current()
        if current is not None and self._round_seen is not None:
            same = seen is not None and seen[0] == current.id
            started = not same and not current.ended
            revealed = self._round_seen[1] and not (same and seen is not None and seen[1])
            if revealed:
                self.owner.set_results_shown(True)
            if self.view is not None and (started or revealed):
                self.view.frame(list(current.concepts))
        self.overlays_changed()

    def place_overlays(self) -> None:
        """Put the timer, the results panel (under it) and the round's line in place."""
        for overlay in (self.overlay, self.results, self.round_overlay):
            if overlay is not None:
                overlay.place()

    def covered(self) -> list[QRectF]:
        """The overlays showing, a margin around each, in the map view's pixels."""
        if self.view is None:
            return []
        self.place_overlays()
        margin = margin_pixels(self)
        origin = self.view.pos()
        return [
            QRectF(o.geometry().translated(-origin)).adjusted(-margin, -margin, margin, margin)
            for o in (self.overlay, self.results, self.round_overlay)
            if o is not None and not o.isHidden()
        ]

    def overlays_changed(self) -> None:
        """An overlay showed, went or changed size: frame the map clear of them again."""
        covered = self.covered()
        if covered != self._covered and self.view is not None:
            self._covered = covered
            self.view.reframe()

    # -- screens ---------------------------------------------------------------------

    def apply_screen(self) -> None:
        """Size the map's text for the screen the window is on (or the one given)."""
        if self.view is None:
            return
        screen = self.screen()
        info = self.fixed_screen or (screen_info(screen) if screen is not None else None)
        if info is not None:
            self.view.set_screen(info)

    def show_on(self, screen: QScreen, full_screen: bool) -> None:
        if self.isFullScreen():
            self.showNormal()
        area = screen.availableGeometry()
        self.resize(area.width() * 3 // 4, area.height() * 3 // 4)
        self.move(area.center() - self.rect().center())
        self.setScreen(screen)
        if full_screen:
            self.showFullScreen()
        else:
            self.show()
        handle = self.windowHandle()
        if handle is not None and not self._screen_followed:
            handle.screenChanged.connect(lambda _screen: self.apply_screen())
            self._screen_followed = True  # dragged to another screen: sized for that one
        self.apply_screen()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def leave_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.overlays_changed()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.unbind()  # a closed audience window costs nothing on each edit
        super().closeEvent(event)


class Audience(QObject):
    """The audience view's and the timer's state and verbs, for one main window."""

    def __init__(self, main: MainWindow) -> None:
        super().__init__(main)
        self.main = main
        self.timer = PhaseTimer(parent=self)
        self.k_shown = True
        self.results_shown = True  # a revealed vote's ranking on the audience view
        self.branch: str | None = None
        self.window: AudienceWindow | None = None
        self.actions: dict[str, QAction] = {}
        # Which screen to use when there are several; tests replace it.
        self.ask_screen: Callable[[list[QScreen]], QScreen | None] = self._ask_screen

    # -- actions ---------------------------------------------------------------------

    def specs(self) -> list[tuple[Spec, Callable[[], object]]]:
        preset_tip = self.timer.preset_names()
        return [
            (Spec("audience", self.tr("&Audience view…"), [],
                  self.tr("Show the map for the room, on a screen you choose (a projector)")),
             self.open_view),
            (Spec("audience_full_screen", self.tr("Audience view full scree&n"), ["F5"],
                  self.tr("Put the audience view full screen on its screen, or back")),
             self.toggle_full_screen),
            (Spec("drill_down", self.tr("Audience: drill do&wn"), ["Alt+Down"],
                  self.tr("Show the room only the selected node's branch")),
             self.drill_down),
            (Spec("drill_up", self.tr("Audience: &back up"), ["Alt+Up"],
                  self.tr("Show the room one level up, then the whole map")),
             self.drill_up),
            (Spec("audience_k", self.tr("Audience: show K-s&pace"),
                  tip=self.tr("Show or hide K-space on the audience view"), checkable=True),
             self._k_toggled),
            (Spec("audience_results", self.tr("Audience: show vote &results"),
                  tip=self.tr("Show or hide the revealed vote's ranking on the audience view"),
                  checkable=True),
             self._results_toggled),
            (Spec("timer_start", self.tr("&Start / pause"), ["Ctrl+Shift+T"],
                  self.tr("Start the timer, or pause it")),
             self.timer.start_pause),
            (Spec("timer_minute", self.tr("&Add a minute"), [],
                  self.tr("One more minute for this step")),
             self.timer.add_minute),
            (Spec("timer_reset", self.tr("&Reset"), [],
                  self.tr("Back to the step's full time, stopped")),
             self.timer.reset),
            (Spec("timer_next", self.tr("&Next step"), [],
                  self.tr("Go to the next phase or rotation step and start it")),
             self.timer.next_step),
            *[(Spec(name, preset_tip[preset], checkable=True),
               lambda preset=preset: self._preset_toggled(preset))
              for preset, name in PRESET_ACTIONS.items()],
            (Spec("timer_sound", self.tr("S&ound at the end"),
                  tip=self.tr("Beep when a step's time is up, besides the red signal"),
                  checkable=True),
             self._sound_toggled),
        ]  # fmt: skip

    def attach(self, actions: dict[str, QAction]) -> TimerBar:
        """Take the made actions (initial checks, the presets' group); the status bar's timer."""
        self.actions = actions
        group = QActionGroup(self)
        for name in PRESET_ACTIONS.values():
            group.addAction(actions[name])
        for name, checked in (("audience_k", True), ("audience_results", True),
                              ("timer_free", True),
                              ("timer_sound", self.main.settings.timer_sound)):  # fmt: skip
            with QSignalBlocker(actions[name]):
                actions[name].setChecked(checked)
        self.timer.sound = self.main.settings.timer_sound
        self.timer.changed.connect(self._enable)
        self._enable()
        # Short button labels (the menus keep the full texts).
        shorts = {"timer_start": self.tr("Start/pause"), "timer_minute": self.tr("+1 min"),
                  "timer_reset": self.tr("Reset"), "timer_next": self.tr("Next")}  # fmt: skip
        for name, text in shorts.items():
            actions[name].setIconText(text)
        return TimerBar(self.timer, [actions[name] for name in TIMER_BUTTONS], self.main)

    def _enable(self) -> None:
        if "timer_next" in self.actions:
            self.actions["timer_next"].setEnabled(self.timer.clock.has_next())

    def _k_toggled(self) -> None:
        self.set_k_shown(self.actions["audience_k"].isChecked())

    def _results_toggled(self) -> None:
        self.set_results_shown(self.actions["audience_results"].isChecked())

    def set_results_shown(self, shown: bool) -> None:
        """Show or hide the vote results panel (it shows again at the next reveal)."""
        self.results_shown = shown
        action = self.actions.get("audience_results")
        if action is not None and action.isChecked() != shown:
            with QSignalBlocker(action):
                action.setChecked(shown)
        if self.window is not None and self.window.results is not None:
            self.window.results.set_wanted(shown)
            self.window.overlays_changed()

    def _preset_toggled(self, preset: str) -> None:
        if self.actions[PRESET_ACTIONS[preset]].isChecked():
            self.timer.use_preset(preset)

    def _sound_toggled(self) -> None:
        self.timer.sound = self.actions["timer_sound"].isChecked()
        self.main.settings.timer_sound = self.timer.sound

    # -- the window ------------------------------------------------------------------

    def bind(self, workspace: Workspace) -> None:
        """The main window shows another session: so does the audience (the whole map)."""
        self.branch = None
        if self.window is not None and self.window.isVisible():
            self.window.bind(workspace)

    def _ensure_window(self) -> AudienceWindow:
        if self.window is None:
            self.window = AudienceWindow(self, self.main)
        if self.window.scene is None:
            self.window.bind(self.main.workspace)
        return self.window

    def open_view(self, screen: QScreen | None = None) -> AudienceWindow | None:
        """Open the audience window on a screen: full screen on another screen than the
        facilitator's, a window on the same one (to check it before the workshop)."""
        screens = QGuiApplication.screens()
        if screen is None:
            screen = screens[0] if len(screens) == 1 else self.ask_screen(screens)
        if screen is None:
            return None
        window = self._ensure_window()
        window.show_on(screen, full_screen=screen.name() != self.main.screen().name())
        self.main.activateWindow()  # the facilitator keeps the keyboard
        return window

    def _ask_screen(self, screens: list[QScreen]) -> QScreen | None:
        names = [
            self.tr("{name} — {width} × {height} at {percent} %").format(
                name=s.name(), width=s.size().width(), height=s.size().height(),
                percent=round(s.devicePixelRatio() * 100),
            )
            for s in screens
        ]  # fmt: skip
        mine = self.main.screen().name()
        others = [i for i, s in enumerate(screens) if s.name() != mine]
        name, ok = QInputDialog.getItem(self.main, self.tr("Audience view"),
                                        self.tr("Show the audience view on:"), names,
                                        others[0] if others else 0, False)  # fmt: skip
        return screens[names.index(name)] if ok else None

    def toggle_full_screen(self) -> None:
        if self.window is None or not self.window.isVisible():
            self.open_view()
        if self.window is not None and self.window.isVisible():
            self.window.toggle_full_screen()
            self.main.activateWindow()

    def view(self) -> AudienceView | None:
        return self.window.view if self.window is not None else None

    # -- what the room sees ----------------------------------------------------------

    def set_k_shown(self, shown: bool) -> None:
        self.k_shown = shown
        view = self.view()
        if view is not None:
            view.set_k_shown(shown)

    def _set_branch(self, ref: str | None) -> None:
        self.branch = ref
        view = self.view()
        if view is not None:
            view.set_branch(ref)
        if ref is None:
            self.main.show_message(self.tr("The audience sees the whole map"))
        else:
            node = self.main.workspace.editor.space_of(ref)
            text = self.main.workspace.doc.node(node, ref).text if node is not None else ""
            self.main.show_message(self.tr("The audience sees the branch “{text}”").format(
                text=text[:60]))  # fmt: skip

    def drill_down(self) -> None:
        current = self.main.workspace.selection.current
        if current is not None and self.main.workspace.editor.space_of(current) is not None:
            self._set_branch(current)

    def drill_up(self) -> None:
        if self.branch is None:
            return
        workspace = self.main.workspace
        space = workspace.editor.space_of(self.branch)
        parent = workspace.doc.node(space, self.branch).parent if space is not None else None
        self._set_branch(parent)
