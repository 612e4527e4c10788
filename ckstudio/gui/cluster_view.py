"""The cluster view: the concepts grouped by theme, one column per theme, side by side.

Meant for the projector after a tagging round: large cards, one column per
theme in the Themes list's order (the seed's structure / flux / usages), the
untagged concepts apart in a last, grey column. A concept with several
themes has a card in each of their columns, and its card names the others
("also Flux"). Read-only, and live: a tag added on the map moves the cards.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
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

from ckstudio.gui.rounds import Rounds, clusters

CARD_POINTS = 15  # card text: readable from the back of a room at the default size
NOTE_POINTS = 11  # "also Flux" under a card's text
HEADER_POINTS = 18
COLUMN_WIDTH = 260  # pixels at least; the columns share the rest of the width
CARDS_SHOWN = 60  # cards per column at most (a 10,000-concept map stays quick to show)
UNTAGGED = "#8C8C8C"
PAPER = "#F4F4F2"  # the view's background: light, whatever the window's appearance


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
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.scope)
        top.addWidget(self.summary, 1)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.area, 1)
        self.columns: list[tuple[str, list[str]]] = []  # (column title, concept ids)
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

    def refresh(self) -> None:
        concepts = self.concepts()
        groups, untagged = clusters(self.doc, concepts)
        themes = {theme.id: theme for theme in self.doc.themes}
        board = QWidget()
        board.setObjectName("clusterBoard")
        board.setStyleSheet(f"#clusterBoard {{ background: {PAPER}; }}")
        row = QHBoxLayout(board)
        row.setSpacing(16)
        self.columns = []
        for theme_id, refs in groups.items():
            theme = themes[theme_id]
            row.addWidget(self._column(theme.name, theme.color, refs, theme_id), 1)
            self.columns.append((theme.name, refs))
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        row.addWidget(line)
        row.addWidget(self._column(self.tr("Not tagged"), UNTAGGED, untagged, None), 1)
        self.columns.append((self.tr("Not tagged"), untagged))
        self.area.setWidget(board)
        several = sum(
            1 for ref in concepts if len({t.theme for t in self.doc.concept(ref).tags}) > 1
        )
        self.summary.setText(
            self.tr("{n} concepts; {several} with several themes show in each of their columns")
            .format(n=len(concepts), several=several)
        )  # fmt: skip

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
        """A concept's card: its text, and the other themes it is in (it shows there too)."""
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
        layout.addWidget(text)
        if others:
            also = QLabel(self.tr("also {themes}").format(themes=", ".join(others)))
            also.setWordWrap(True)
            also.setTextFormat(Qt.TextFormat.PlainText)
            also.setStyleSheet(f"color: #505050; font-size: {NOTE_POINTS}pt; font-style: italic;")
            layout.addWidget(also)
        return card
