"""The running round on the projector: tags per theme, or the dot vote's state.

The room watches its own tagging add up, theme by theme, while the
facilitator keeps the map in front; during a dot vote it reads whether the
votes are still hidden, and once revealed the leading concepts. Shown in the
audience view's bottom-left corner while a round runs, sized by the screen
like the timer.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ckstudio.gui.rounds import Rounds
from ckstudio.model.problems import one_line

TEXT_SHARE = 30  # text height = the window's height / this (the map's own minimum)
LEADERS = 3  # concepts named once a vote is revealed
LABEL_LENGTH = 40


class RoundOverlay(QLabel):
    """One line over the audience map about the round going on; hidden otherwise."""

    def __init__(self, rounds: Rounds, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("roundOverlay")
        self.rounds = rounds
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        rounds.changed.connect(self.follow)
        self.follow()

    def detach(self) -> None:
        self.rounds.changed.disconnect(self.follow)

    def follow(self) -> None:
        text = self.summary()
        self.setText(text)
        self.setVisible(bool(text))
        self.place()

    def summary(self) -> str:
        """The line shown (rich text, every user string escaped); "" when no round runs."""
        running = self.rounds.running()
        if running is None:
            return ""
        if running.kind == "tagging":
            counts = self.rounds.theme_counts(running.id)
            parts = [
                f'<span style="color:{theme.color}">■</span> {html.escape(theme.name)} '
                f"<b>{counts.get(theme.id, 0)}</b>"
                for theme in self.rounds.doc.themes
            ]
            return self.tr("Tagging round") + " · " + " · ".join(parts)
        if running.hidden:
            return self.tr("Dot voting · votes hidden until revealed")
        leaders = self.rounds.ranking(running.id)[:LEADERS]
        named = [
            f"{rank}. {html.escape(one_line(self.rounds.doc.concept(ref).text, LABEL_LENGTH))} "
            f"<b>({dots})</b>"
            for rank, (ref, dots) in enumerate(leaders, start=1)
        ]
        return " · ".join([self.tr("Dot voting"), *named])

    def place(self) -> None:
        """Bottom-left of the audience view, its text as tall as the map's smallest."""
        parent = self.parentWidget()
        pixels = max(16, parent.height() // TEXT_SHARE)
        margin = max(8, parent.height() // 60)
        self.setStyleSheet(
            f"#roundOverlay {{ background: rgba(255, 255, 255, 235); color: #111111;"
            f" border: 2px solid #333333; border-radius: {pixels // 3}px;"
            f" padding: {pixels // 4}px {pixels // 2}px; font-size: {pixels}px; }}"
        )
        self.setMaximumWidth(parent.width() - 2 * margin)
        self.adjustSize()
        self.move(margin, parent.height() - self.height() - margin)
        self.raise_()
