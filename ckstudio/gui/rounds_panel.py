"""The Rounds dock: start, follow, end and reveal tagging and voting rounds; their actions.

The facilitator's view of the round going on (or the newest one): live counts
of concepts (and tags) per theme, dots used by each participant (all that
shows of a vote still hidden), and once revealed the ranking of the concepts,
ties sharing their place. Each gesture is one `Rounds` call, so one undo step.
The window keeps one `RoundsDock` and binds it to each session it shows, as
the Themes and Participants docks.

The dock shares the right-hand side with the inspector at 1280 x 800, so it
keeps its header to three short lines and gives the rest to the table, one
text line a row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QLocale, QSignalBlocker, QSize, Qt
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
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ckstudio.gui.actions import Spec
from ckstudio.gui.cluster_view import ClusterView
from ckstudio.gui.i18n import number, tr
from ckstudio.gui.rounds import DEFAULT_BUDGET, Rounds
from ckstudio.gui.themes_panel import swatch
from ckstudio.gui.workspace import Workspace
from ckstudio.model import limits
from ckstudio.model.rounds import ranks
from ckstudio.model.session import Round

if TYPE_CHECKING:
    from ckstudio.gui.mainwindow import MainWindow

RANKED = 30  # concepts listed in a vote's ranking: the top, not a 10,000-row table
ROUND_ACTIONS = ("start_tagging", "start_vote", "end_round", "reveal_votes", None,
                 "clusters", "vote_heat")  # fmt: skip
LISTED = 8  # participants the start dialog shows without scrolling
ROW_PADDING = 6  # pixels above and below a line of text in the dialog's list and the dock's table


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
    """ "Vote (3 dots each) · started at 2:05 PM" while it runs, "… · 2:05 PM–2:20 PM" once
    ended: clock times written the locale's way, never to be read as a duration."""
    kind = (tr("Vote ({n} dots each)").format(n=round_.budget) if round_.kind == "voting"
            else tr("Tagging round"))  # fmt: skip
    started = QDateTime.fromString(round_.started, Qt.DateFormat.ISODate)
    start = _clock(started, QDate.currentDate())
    if round_.ended:
        end = _clock(QDateTime.fromString(round_.ended, Qt.DateFormat.ISODate), started.date())
        return tr("{kind} · {start}–{end}").format(kind=kind, start=start, end=end)
    if started.isValid() and started.date() != QDate.currentDate():
        return tr("{kind} · started on {start}").format(kind=kind, start=start)
    return tr("{kind} · started at {start}").format(kind=kind, start=start)


def _clock(moment: QDateTime, day: QDate) -> str:
    """The time of `moment` in the locale's short format (5:39 PM, 17:39), with its date
    when not on `day`: a round of another day must not look like one of this morning."""
    if not moment.isValid():
        return "?"
    if moment.date() == day:
        return QLocale().toString(moment.time(), QLocale.FormatType.ShortFormat)
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


class StartRoundDialog(QDialog):
    """What a new round is about: the branch or every concept, who takes part, the dots.

    It says in a line what the round will do, and why the facilitators are not ticked
    (they lead the round), so nobody wonders whether the unticked names are a mistake.
    """

    def __init__(self, rounds: Rounds, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rounds = rounds
        self.kind = kind
        doc = rounds.doc
        self.setWindowTitle(self.tr("Start a dot vote") if kind == "voting"
                            else self.tr("Start a tagging round"))  # fmt: skip
        self.what = QLabel(
            self.tr("Each participant ticked gives their dots to the chosen concepts with +"
                    " (- takes one back); F6 passes to the next participant.") if kind == "voting"
            else self.tr("In turn, the participants ticked tag the chosen concepts with the keys"
                         " 1-9; F6 passes to the next participant.")
        )  # fmt: skip
        self.what.setWordWrap(True)
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
        self.people = self._people()
        self.facilitators = QLabel(
            self.tr("The facilitators are not ticked: they lead the round rather than take part.")
        )
        self.facilitators.setWordWrap(True)
        self.facilitators.setVisible(len(rounds.default_participants()) < len(doc.participants))
        self.budget = QSpinBox()
        self.budget.setRange(1, limits.MAX_ROUND_BUDGET)
        self.budget.setValue(DEFAULT_BUDGET)
        # A two-digit number: as wide as it needs, not the dialog's width.
        self.budget.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.hidden = QCheckBox(self.tr("Hide the votes until I reveal them"))
        self.hidden.setChecked(True)
        form = QFormLayout(self)
        form.addRow(self.what)
        form.addRow(self.tr("Concepts:"), self.branch_button)
        form.addRow("", self.all_button)
        form.addRow(self.tr("Taking part:"), self.people)
        form.addRow("", self.facilitators)
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
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)  # the lines above wrap

    def _people(self) -> QListWidget:
        """Everyone, ticked but the facilitators (named as such); rows one text line high
        plus padding, so no accent of the first name is cut; no taller than `LISTED` rows."""
        rounds = self.rounds
        chosen = set(rounds.default_participants())
        people = QListWidget()
        row = self.fontMetrics().height() + ROW_PADDING
        for participant in rounds.doc.participants:
            name = rounds.name(participant.id)
            if participant.id not in chosen:
                name = self.tr("{name} (facilitator)").format(name=name)
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, participant.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if participant.id in chosen
                               else Qt.CheckState.Unchecked)  # fmt: skip
            item.setSizeHint(QSize(self.fontMetrics().horizontalAdvance(name) + 4 * row, row))
            people.addItem(item)
        frame = 2 * people.frameWidth()
        people.setFixedHeight(min(max(people.count(), 1), LISTED) * row + frame)
        return people

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


@dataclass(frozen=True)
class Row:
    """One row of the dock's table: its cells' texts, the concept it is about (double-click
    selects it), a theme's colour, and tooltips by column (a name's full text, a tie)."""

    cells: tuple[str, ...]
    ref: str | None = None
    color: str | None = None
    tips: tuple[str, ...] = ()


class RoundsPanel(QWidget):
    """The round going on (or the newest): what it is, its live results, its buttons.

    One row of buttons (the start buttons while no round runs, End while one does,
    Reveal while a vote is hidden), the round's title and size beside the cluster
    button, and the table below taking every pixel left.
    """

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
        rows = self.results.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + ROW_PADDING)
        self.results.setWordWrap(False)  # one line a row: long names are elided, in full as tips
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.horizontalHeader().setHighlightSections(False)
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
        controls = QHBoxLayout()
        for name in ("tagging", "voting", "end", "reveal"):
            controls.addWidget(self.buttons[name])
        controls.addStretch(1)
        about = QHBoxLayout()
        about.addWidget(self.detail, 1)
        about.addWidget(self.buttons["clusters"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(controls)
        layout.addWidget(self.title)
        layout.addLayout(about)
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

    def _go_to(self, row: int, column: int) -> None:
        ref = self.results.item(row, column).data(Qt.ItemDataRole.UserRole)
        if ref is not None and self.doc.has_node("c", ref):
            self.workspace.selection.set([ref])

    # -- filling ---------------------------------------------------------------------

    def refresh(self) -> None:
        round_ = self.rounds.current()
        running = self.rounds.running()
        hidden_vote = any(r.kind == "voting" and r.hidden for r in self.doc.rounds)
        # Shown, not greyed: a row of buttons that never says no (the menu has them all).
        self.buttons["tagging"].setVisible(running is None)
        self.buttons["voting"].setVisible(running is None)
        self.buttons["end"].setVisible(running is not None)
        self.buttons["reveal"].setVisible(hidden_vote)
        self.advance.setVisible(bool(running and running.kind == "tagging"))
        if round_ is None:
            self.title.setText(self.tr("No round yet"))
            self.detail.setText(self.tr("Start a tagging round or a dot vote on the selected "
                                        "branch or on every concept."))  # fmt: skip
            self._fill([], [self.tr("Result"), ""], 0)
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
        """Concepts per theme first (the cluster view's figure), the tags given beside."""
        concepts = self.rounds.theme_concepts(round_.id)
        tags = self.rounds.theme_counts(round_.id)
        rows = [Row((theme.name, number(concepts.get(theme.id, 0)), number(tags.get(theme.id, 0))),
                    color=theme.color)
                for theme in self.doc.themes]  # fmt: skip
        self._fill(rows, [self.tr("Theme"), self.tr("Concepts"), self.tr("Tags")], 0)
        self.results.horizontalHeaderItem(1).setToolTip(
            self.tr("Concepts of the round with this theme, each counted once (as the clusters)")
        )
        self.results.horizontalHeaderItem(2).setToolTip(
            self.tr("Tags given: a concept tagged by two participants counts twice")
        )

    def _fill_dots(self, round_: Round) -> None:
        """A hidden vote: only how many dots each participant has used."""
        rows = [Row((self.rounds.name(p), self.tr("{used} of {budget}").format(used=used,
                     budget=budget)))
                for p, used, budget in self.rounds.dots_used(round_.id)]  # fmt: skip
        self._fill(rows, [self.tr("Participant (votes hidden)"), self.tr("Dots used")], 0)

    def _fill_ranking(self, round_: Round) -> None:
        """The most voted first; concepts with as many dots share their place, marked as tied."""
        ranking = self.rounds.ranking(round_.id)
        places = ranks(ranking)
        shared = Counter(places)
        rows = []
        for place, (ref, dots) in list(zip(places, ranking, strict=True))[:RANKED]:
            tied = shared[place] > 1
            text = self.tr("={place}").format(place=place) if tied else str(place)
            tie = (self.tr("Tied: {n} concepts have as many dots").format(n=shared[place])
                   if tied else "")  # fmt: skip
            full = self.doc.concept(ref).text or self.rounds.label(ref)
            rows.append(Row((text, self.rounds.label(ref), number(dots)), ref, None,
                            (tie, full, "")))  # fmt: skip
        if len(ranking) > RANKED:
            title = self.tr("Concept (the first {n} of {total})")
            title = title.format(n=RANKED, total=len(ranking))
        else:
            title = self.tr("Concept (double-click to select)")
        self._fill(rows, [self.tr("Place"), title, self.tr("Dots")], 1)

    def _fill(self, rows: list[Row], header: list[str], stretch: int) -> None:
        """The table: these columns, `stretch` (the names) taking the width left."""
        table = self.results
        table.setColumnCount(len(header))
        table.setHorizontalHeaderLabels(header)
        columns = table.horizontalHeader()
        for column in range(len(header)):
            columns.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                         else QHeaderView.ResizeMode.ResizeToContents)  # fmt: skip
        table.setRowCount(len(rows))
        for place, row in enumerate(rows):
            for column, text in enumerate(row.cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.ref)
                tip = row.tips[column] if column < len(row.tips) else ""
                item.setToolTip(tip or (text if column == stretch else ""))
                if column == stretch and row.color is not None:
                    item.setIcon(swatch(row.color))
                if column != stretch:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)  # fmt: skip
                table.setItem(place, column, item)

    def rows(self) -> list[tuple[str, ...]]:
        """What the results table shows, as text (for the tests and the audience)."""
        table = self.results
        return [tuple(table.item(r, c).text() for c in range(table.columnCount()))
                for r in range(table.rowCount())]  # fmt: skip

    def header(self) -> list[str]:
        """The results table's column titles."""
        table = self.results
        return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


class RoundsDock:
    """The Rounds dock of one window, bound to the session shown."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dock = QDockWidget(tr("Rounds"), window)
        self.dock.setObjectName("roundsDock")
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self._panel: RoundsPanel | None = None
        self._rounds: Rounds | None = None
        with QSignalBlocker(self.heat_action()):  # as last chosen: a setting, not a toggle
            self.heat_action().setChecked(window.settings.vote_heat)

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
        """Show or hide the vote heat, and remember the choice for the next start."""
        self.window.settings.vote_heat = shown
        workspace = self.window.workspace
        workspace.scene.set_heat(workspace.rounds.heat(), shown)

    def _enable(self) -> None:
        rounds = self._rounds
        assert rounds is not None
        running = rounds.running() is not None
        hidden = any(r.kind == "voting" and r.hidden for r in rounds.doc.rounds)
        self.window.action("end_round").setEnabled(running)
        self.window.action("reveal_votes").setEnabled(hidden)
