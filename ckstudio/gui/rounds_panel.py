"""The Rounds dock: start, follow, end and reveal tagging and voting rounds; their actions.

The facilitator's view of the round going on (or the newest one): live counts
of tags per theme, dots used by each participant (all that shows of a vote
still hidden), and once revealed the ranking of the concepts. Each gesture is
one `Rounds` call, so one undo step. The window keeps one `RoundsDock` and
binds it to each session it shows, as the Themes and Participants docks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QSignalBlocker, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ckstudio.gui.actions import Spec
from ckstudio.gui.cluster_view import ClusterView
from ckstudio.gui.i18n import tr
from ckstudio.gui.rounds import DEFAULT_BUDGET, Rounds
from ckstudio.gui.themes_panel import swatch
from ckstudio.gui.workspace import Workspace
from ckstudio.model import limits
from ckstudio.model.session import Round

if TYPE_CHECKING:
    from ckstudio.gui.mainwindow import MainWindow

RANKED = 30  # concepts listed in a vote's ranking: the top, not a 10,000-row table
ROUND_ACTIONS = ("start_tagging", "start_vote", "end_round", "reveal_votes", None,
                 "clusters", "vote_heat")  # fmt: skip


def round_specs(window: MainWindow) -> list[tuple[Spec, Callable[[], object]]]:
    """The Rounds menu: what each entry calls on the window's Rounds dock."""

    def panel() -> RoundsPanel:
        return window.rounds_dock.panel()

    return [
        (Spec("start_tagging", tr("Start a &tagging round…"),
              tip=tr("The participants tag the concepts in turn (keys 1-9, F6 for the next)")),
         lambda: panel().start("tagging")),
        (Spec("start_vote", tr("Start a dot &vote…"),
              tip=tr("Each participant gives a budget of dots to the concepts (+ and -)")),
         lambda: panel().start("voting")),
        (Spec("end_round", tr("&End the round"), tip=tr("Close the round going on")),
         lambda: window.workspace.rounds.end()),
        (Spec("reveal_votes", tr("&Reveal the votes"),
              tip=tr("Show the dots of the hidden vote on the map and the ranking")),
         lambda: window.workspace.rounds.reveal()),
        (Spec("clusters", tr("&Clusters by theme…"),
              tip=tr("The concepts side by side in one column per theme")),
         lambda: panel().show_clusters()),
        (Spec("vote_heat", tr("Vote &heat"), checkable=True,
              tip=tr("A warm halo round the concepts of the last revealed vote")),
         lambda: window.rounds_dock.show_heat(window.action("vote_heat").isChecked())),
    ]  # fmt: skip


def round_title(round_: Round) -> str:
    """ "Vote (3 dots each), 14:05–14:20" / "Tagging round, since 14:05"."""
    kind = (tr("Vote ({n} dots each)").format(n=round_.budget) if round_.kind == "voting"
            else tr("Tagging round"))  # fmt: skip
    start = _clock(round_.started)
    if round_.ended:
        return tr("{kind}, {start}–{end}").format(kind=kind, start=start, end=_clock(round_.ended))
    return tr("{kind}, since {start}").format(kind=kind, start=start)


def _clock(iso: str) -> str:
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    return moment.toString("HH:mm") if moment.isValid() else iso


class StartRoundDialog(QDialog):
    """What a new round is about: the branch or every concept, who takes part, the dots."""

    def __init__(self, rounds: Rounds, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rounds = rounds
        self.kind = kind
        doc = rounds.doc
        self.setWindowTitle(self.tr("Start a dot vote") if kind == "voting"
                            else self.tr("Start a tagging round"))  # fmt: skip
        branch, every = rounds.selected_branch(), rounds.branch(None)
        self._scopes = (branch, every)
        current = rounds.editor.selection.current
        on_branch = len(branch) < len(every) and current is not None
        self.branch_button = QRadioButton(
            self.tr("The branch of “{name}” ({n})").format(
                name=rounds.label(current), n=len(branch)) if on_branch
            else self.tr("The selected branch (select a concept first)")
        )  # fmt: skip
        self.branch_button.setEnabled(on_branch)
        self.all_button = QRadioButton(self.tr("Every concept ({n})").format(n=len(every)))
        scope = QButtonGroup(self)
        scope.addButton(self.branch_button)
        scope.addButton(self.all_button)
        (self.branch_button if on_branch else self.all_button).setChecked(True)
        self.people = QListWidget()
        chosen = set(rounds.default_participants())
        for participant in doc.participants:
            item = QListWidgetItem(rounds.name(participant.id))
            item.setData(Qt.ItemDataRole.UserRole, participant.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if participant.id in chosen
                               else Qt.CheckState.Unchecked)  # fmt: skip
            self.people.addItem(item)
        self.budget = QSpinBox()
        self.budget.setRange(1, limits.MAX_ROUND_BUDGET)
        self.budget.setValue(DEFAULT_BUDGET)
        self.hidden = QCheckBox(self.tr("Hide the votes until I reveal them"))
        self.hidden.setChecked(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Concepts:"), self.branch_button)
        form.addRow("", self.all_button)
        form.addRow(self.tr("Taking part:"), self.people)
        if kind == "voting":
            form.addRow(self.tr("Dots each:"), self.budget)
            form.addRow("", self.hidden)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def concepts(self) -> list[str]:
        return self._scopes[0] if self.branch_button.isChecked() else self._scopes[1]

    def participants(self) -> list[str]:
        items = (self.people.item(row) for row in range(self.people.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items
                if item.checkState() == Qt.CheckState.Checked]  # fmt: skip

    def start(self) -> str | None:
        """Start the round as chosen (the dialog's OK)."""
        return self.rounds.start(self.kind, self.concepts(), self.participants(),
                                 self.budget.value(), self.hidden.isChecked())  # fmt: skip


class RoundsPanel(QWidget):
    """The round going on (or the newest): what it is, its live results, its buttons."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roundsPanel")
        self.workspace = workspace
        self.rounds = workspace.rounds
        self.doc = workspace.doc
        self.clusters: ClusterView | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.results = QTableWidget(0, 2, self)
        self.results.verticalHeader().setVisible(False)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.results.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.results.cellDoubleClicked.connect(self._go_to)
        self.advance = QCheckBox(self.tr("After a tag, go to the next concept"))
        self.advance.setChecked(self.rounds.advance)
        self.advance.toggled.connect(lambda on: setattr(self.rounds, "advance", on))
        self.buttons = {
            "tagging": self._button(self.tr("Tagging round…"), lambda: self.start("tagging")),
            "voting": self._button(self.tr("Dot vote…"), lambda: self.start("voting")),
            "end": self._button(self.tr("End"), lambda: self.rounds.end()),
            "reveal": self._button(self.tr("Reveal"), lambda: self.rounds.reveal()),
            "clusters": self._button(self.tr("Clusters…"), self.show_clusters),
        }
        starts, controls = QHBoxLayout(), QHBoxLayout()
        for name in ("tagging", "voting"):
            starts.addWidget(self.buttons[name])
        for name in ("end", "reveal", "clusters"):
            controls.addWidget(self.buttons[name])
        layout = QVBoxLayout(self)
        layout.addLayout(starts)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addLayout(controls)
        layout.addWidget(self.advance)
        layout.addWidget(self.results, 1)
        self.rounds.changed.connect(self.refresh)
        self.refresh()

    def detach(self) -> None:
        """Stop following the session (it is being replaced or closed)."""
        self.rounds.changed.disconnect(self.refresh)
        if self.clusters is not None:
            self.clusters.detach()
            self.clusters.close()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the map keeps the keyboard
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- gestures --------------------------------------------------------------------

    def ask_round(self, kind: str) -> StartRoundDialog | None:
        """The start dialog, answered (None: cancelled). Tests replace this."""
        dialog = StartRoundDialog(self.rounds, kind, self)
        return dialog if dialog.exec() == QDialog.DialogCode.Accepted else None

    def start(self, kind: str) -> str | None:
        if self.rounds.running() is not None:
            return self.rounds.start(kind)  # says to end the running one first
        dialog = self.ask_round(kind)
        return dialog.start() if dialog is not None else None

    def show_clusters(self) -> ClusterView:
        if self.clusters is None:
            self.clusters = ClusterView(self.rounds, self.window())
        self.clusters.show()
        self.clusters.raise_()
        return self.clusters

    def _go_to(self, row: int, _column: int) -> None:
        ref = self.results.item(row, 0).data(Qt.ItemDataRole.UserRole)
        if ref is not None and self.doc.has_node("c", ref):
            self.workspace.selection.set([ref])

    # -- filling ---------------------------------------------------------------------

    def refresh(self) -> None:
        round_ = self.rounds.current()
        running = self.rounds.running()
        self.buttons["tagging"].setEnabled(running is None)
        self.buttons["voting"].setEnabled(running is None)
        self.buttons["end"].setEnabled(running is not None)
        self.buttons["reveal"].setEnabled(bool(round_ and round_.kind == "voting"
                                               and round_.hidden))  # fmt: skip
        self.advance.setVisible(bool(running and running.kind == "tagging"))
        if round_ is None:
            self.title.setText(self.tr("No round yet"))
            self.detail.setText(self.tr("Start a tagging round or a dot vote on the selected "
                                        "branch or on every concept."))  # fmt: skip
            self._fill([], [self.tr("Result"), ""])
            return
        self.title.setText(round_title(round_))
        people = len(round_.participants)
        self.detail.setText(self.tr("{concepts} concepts, {people} taking part").format(
            concepts=len(round_.concepts), people=people))  # fmt: skip
        if round_.kind == "tagging":
            self._fill_tags(round_)
        elif round_.hidden:
            self._fill_dots(round_)
        else:
            self._fill_ranking(round_)

    def _fill_tags(self, round_: Round) -> None:
        counts = self.rounds.theme_counts(round_.id)
        rows = [(theme.name, str(counts.get(theme.id, 0)), None, theme.color)
                for theme in self.doc.themes]  # fmt: skip
        self._fill(rows, [self.tr("Theme"), self.tr("Tags")])

    def _fill_dots(self, round_: Round) -> None:
        """A hidden vote: only how many dots each participant has used."""
        rows = [(self.rounds.name(p), self.tr("{used} of {budget}").format(used=used,
                 budget=budget), None, None)
                for p, used, budget in self.rounds.dots_used(round_.id)]  # fmt: skip
        self._fill(rows, [self.tr("Participant (votes hidden)"), self.tr("Dots used")])

    def _fill_ranking(self, round_: Round) -> None:
        ranking = self.rounds.ranking(round_.id)
        rows = [(f"{place}. {self.rounds.label(ref)}", str(dots), ref, None)
                for place, (ref, dots) in enumerate(ranking[:RANKED], 1)]  # fmt: skip
        if len(ranking) > RANKED:
            title = self.tr("Concept (the first {n} of {total})")
            title = title.format(n=RANKED, total=len(ranking))
        else:
            title = self.tr("Concept (double-click to select)")
        self._fill(rows, [title, self.tr("Dots")])

    def _fill(self, rows: list[tuple[str, str, str | None, str | None]], header: list[str]) -> None:
        table = self.results
        table.setHorizontalHeaderLabels(header)
        table.setRowCount(len(rows))
        for row, (name, count, ref, color) in enumerate(rows):
            first = QTableWidgetItem(name)
            first.setData(Qt.ItemDataRole.UserRole, ref)
            first.setToolTip(name)
            if color is not None:
                first.setIcon(swatch(color))
            number = QTableWidgetItem(count)
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, 0, first)
            table.setItem(row, 1, number)

    def rows(self) -> list[tuple[str, str]]:
        """What the results table shows, as text (for the tests and the audience)."""
        table = self.results
        return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


class RoundsDock:
    """The Rounds dock of one window, bound to the session shown."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dock = QDockWidget(tr("Rounds"), window)
        self.dock.setObjectName("roundsDock")
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self._panel: RoundsPanel | None = None
        self._rounds: Rounds | None = None
        with QSignalBlocker(self.heat_action()):  # on at start: a setting, not a toggle
            self.heat_action().setChecked(True)

    def view_action(self) -> QAction:
        return self.dock.toggleViewAction()

    def panel(self) -> RoundsPanel:
        assert self._panel is not None
        return self._panel

    def bind(self, workspace: Workspace) -> None:
        """A new panel for `workspace`; the old one lets go of its session."""
        old = self._panel
        if old is not None:
            old.detach()
        if self._rounds is not None:
            self._rounds.changed.disconnect(self._enable)
        self._panel = RoundsPanel(workspace)
        self.dock.setWidget(self._panel)
        self._rounds = workspace.rounds
        self._rounds.changed.connect(self._enable)
        workspace.scene.set_heat(workspace.rounds.heat(), self.heat_action().isChecked())
        self._enable()
        if old is not None:
            old.hide()
            old.deleteLater()

    def heat_action(self) -> QAction:
        return self.window.action("vote_heat")

    def show_heat(self, shown: bool) -> None:
        workspace = self.window.workspace
        workspace.scene.set_heat(workspace.rounds.heat(), shown)

    def _enable(self) -> None:
        rounds = self._rounds
        assert rounds is not None
        running = rounds.running() is not None
        hidden = any(r.kind == "voting" and r.hidden for r in rounds.doc.rounds)
        self.window.action("end_round").setEnabled(running)
        self.window.action("reveal_votes").setEnabled(hidden)
