"""The cluster view: the concepts grouped by theme, one column per theme, side by side.

Meant for the projector after a tagging round: large cards, one column per
theme in the Themes list's order (the seed's structure / flux / usages), the
untagged concepts apart in a last, grey column, left out (and the top line
saying "all tagged") when every concept has a theme, so no column stands empty.
A concept with several themes has a card in each of their columns, and its
card names the others ("also Flux"). After a revealed vote each card shows its
dots and each column puts the most voted first; a vote still hidden shows
nothing (the same vote the map shows as heat). Read-only, and live: a tag
added on the map moves the cards. The top line is as large as the cards: the
room reads it too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ckstudio.gui.i18n import counted, number
from ckstudio.gui.rounds import Rounds, clusters

CARD_POINTS = 15  # card text: readable from the back of a room at the default size
NOTE_POINTS = 11  # "also Flux" under a card's text
HEADER_POINTS = 18
COLUMN_WIDTH = 260  # pixels at least; the columns share the rest of the width
CARDS_SHOWN = 60  # cards per column at most (a 10,000-concept map stays quick to show)
UNTAGGED = "#8C8C8C"
PAPER = "#F4F4F2"  # the view's background: light, whatever the window's appearance
DOT = "#1A1A1A"  # a card's dot badge, dark as the map's


def _ink(color: str) -> str:
    """Black or white, whichever reads better on `color`."""
    return "#000000" if QColor(color).lightnessF() > 0.6 else "#FFFFFF"


class ClusterView(QDialog):
    """A window of cards grouped by theme: the round's concepts, or every concept."""

    def __init__(self, rounds: Rounds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clusterView")
        self.rounds = rounds
        self.doc = rounds.doc
        self.setWindowTitle(self.tr("Clusters by theme"))
        self.scope = QComboBox()
        self.scope.addItem(self.tr("Concepts of the round"), "round")
        self.scope.addItem(self.tr("Every concept"), "all")
        self.scope.currentIndexChanged.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        bar = QWidget()
        bar.setObjectName("clusterBar")
        bar.setStyleSheet(
            f"#clusterBar QLabel, #clusterBar QComboBox {{ font-size: {CARD_POINTS}pt; }}"
        )
        top = QHBoxLayout(bar)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.scope)
        top.addWidget(self.summary, 1)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.area, 1)
        self.columns: list[tuple[str, list[str]]] = []  # (column title, concept ids) as shown
        self.dots: dict[str, int] = {}  # each card's dots from the revealed vote; none if hidden
        self.resize(1280, 720)
        rounds.changed.connect(self.refresh)
        self.refresh()

    def detach(self) -> None:
        self.rounds.changed.disconnect(self.refresh)

    def concepts(self) -> list[str]:
        """The concepts shown: the current round's (every concept when there is none)."""
        round_ = self.rounds.current()
        if self.scope.currentData() == "round" and round_ is not None:
            return [ref for ref in round_.concepts if self.doc.has_node("c", ref)]
        return self.rounds.branch(None)

    def voted(self) -> dict[str, int]:
        """The dots of the vote the map shows as heat (the newest, once revealed), on that
        vote's concepts; nothing of a vote still hidden, nor during a tagging round."""
        round_ = self.rounds.heat_round()
        if round_ is None:
            return {}
        hidden = self.rounds.hidden_concepts()
        return {ref: dots for ref, dots in self.rounds.ranking(round_.id)
                if dots and ref not in hidden}  # fmt: skip

    def refresh(self) -> None:
        concepts = self.concepts()
        groups, untagged = clusters(self.doc, concepts)
        self.dots = self.voted()
        themes = {theme.id: theme for theme in self.doc.themes}
        board = QWidget()
        board.setObjectName("clusterBoard")
        board.setStyleSheet(f"#clusterBoard {{ background: {PAPER}; }}")
        row = QHBoxLayout(board)
        row.setSpacing(16)
        self.columns = []
        for theme_id, refs in groups.items():
            theme = themes[theme_id]
            refs = self._by_dots(refs)
            row.addWidget(self._column(theme.name, theme.color, refs, theme_id), 1)
            self.columns.append((theme.name, refs))
        if untagged:
            line = QFrame()
            line.setFrameShape(QFrame.Shape.VLine)
            row.addWidget(line)
            untagged = self._by_dots(untagged)
            row.addWidget(self._column(self.tr("Not tagged"), UNTAGGED, untagged, None), 1)
            self.columns.append((self.tr("Not tagged"), untagged))
        self.area.setWidget(board)
        several = sum(
            1 for ref in concepts if len({t.theme for t in self.doc.concept(ref).tags}) > 1
        )
        parts = [
            self.tr("{n} concepts; {several} with several themes show in each of their columns")
            .format(n=len(concepts), several=several)
        ]  # fmt: skip
        flags = [self.tr("all tagged")] if concepts and not untagged else []
        if self.dots:
            flags.append(self.tr("most dots first"))
        # Each flag whole on its line: "all tagged" never split in two when the line wraps.
        self.summary.setText(" · ".join(parts + [flag.replace(" ", "\u00a0") for flag in flags]))

    def _by_dots(self, refs: list[str]) -> list[str]:
        """The most voted first, ties in the given order; as given when no vote shows."""
        return sorted(refs, key=lambda ref: -self.dots.get(ref, 0)) if self.dots else refs

    def _column(self, title: str, color: str, refs: list[str], theme: str | None) -> QWidget:
        column = QWidget()
        column.setMinimumWidth(COLUMN_WIDTH)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        header = QLabel(f"{title} · {len(refs)}")
        header.setWordWrap(True)
        header.setStyleSheet(
            f"background: {color}; color: {_ink(color)}; font-size: {HEADER_POINTS}pt;"
            " font-weight: bold; padding: 8px 12px; border-radius: 6px;"
        )
        layout.addWidget(header)
        for ref in refs[:CARDS_SHOWN]:
            layout.addWidget(self._card(ref, color, theme))
        if len(refs) > CARDS_SHOWN:
            more = QLabel(self.tr("… and {n} more").format(n=len(refs) - CARDS_SHOWN))
            more.setStyleSheet(f"color: #404040; font-size: {CARD_POINTS}pt;")
            layout.addWidget(more)
        layout.addStretch(1)
        return column

    def _card(self, ref: str, color: str, theme: str | None) -> QFrame:
        """A concept's card: its text, its dots once a vote is revealed, and the other
        themes it is in (it shows there too)."""
        names = {t.id: t.name for t in self.doc.themes}
        others = [names[t] for t in dict.fromkeys(tag.theme for tag in self.doc.concept(ref).tags)
                  if t != theme and t in names]  # fmt: skip
        card = QFrame()
        card.setObjectName("clusterCard")
        card.setStyleSheet(
            "#clusterCard { background: #FFFFFF; border: 1px solid #B8B8B8;"
            f" border-left: 8px solid {color}; border-radius: 6px; }}"
        )
        layout = QVBoxLayout(card)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        text = QLabel(self.doc.concept(ref).text or self.tr("(empty)"))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setStyleSheet(f"color: #1A1A1A; font-size: {CARD_POINTS}pt;")
        dots = self.dots.get(ref, 0)
        if dots:
            line = QHBoxLayout()
            line.setSpacing(8)
            line.addWidget(text, 1)
            line.addWidget(self._badge(dots), 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(line)
        else:
            layout.addWidget(text)
        if others:
            also = QLabel(self.tr("also {themes}").format(themes=", ".join(others)))
            also.setWordWrap(True)
            also.setTextFormat(Qt.TextFormat.PlainText)
            also.setStyleSheet(f"color: #505050; font-size: {NOTE_POINTS}pt; font-style: italic;")
            layout.addWidget(also)
        return card

    def _badge(self, dots: int) -> QLabel:
        """The card's dots: a dark round badge with the number, as on the map."""
        badge = QLabel(number(dots))
        badge.setObjectName("clusterDots")
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = badge.font()
        font.setPointSize(CARD_POINTS)
        font.setBold(True)
        badge.setFont(font)
        size = QFontMetrics(font).height() + 8
        badge.setMinimumSize(size, size)
        badge.setStyleSheet(
            f"#clusterDots {{ background: {DOT}; color: #FFFFFF; border-radius: {size // 2}px;"
            " padding: 0 6px; }"
        )
        badge.setToolTip(counted(dots, self.tr("dot"), self.tr("dots")))
        return badge
