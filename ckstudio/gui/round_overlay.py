"""The rounds on the projector: the running round's line, and a revealed vote's ranking.

The room watches its own tagging add up, theme by theme (how many of the
round's concepts carry each theme, as the cluster view and the Rounds dock
count them), while the facilitator keeps the map in front; during a dot vote
it reads whether the votes are still hidden. That line sits in the audience
view's bottom-left corner while a round runs.

Once a vote is revealed the room sees its result: `ResultsPanel`, the
ranking of the round the facilitator looks at (the running one, else the
newest), top five with ex aequo places, in the top-right corner under the
timer. It stays after the vote ends, until another round starts, and never
shows a vote still hidden. Both use the map's least text height (1/30 of
the window's height) for every text, titles and legends included.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QWidget

from ckstudio.gui.qtfonts import register_fonts
from ckstudio.gui.rounds import Rounds
from ckstudio.layout.fonts import NO_BREAK
from ckstudio.model.problems import one_line
from ckstudio.model.rounds import ranks
from ckstudio.model.session import Round

TEXT_SHARE = 30  # text height = the window's height / this (the map's own minimum)
TOP = 5  # places the results panel shows
RESULTS_SHARE = 0.45  # the results panel is at most this share of the window's width
LINE_BREAKS = re.compile(r"[\r\n\t]+")
INK = QColor("#111111")
PANEL = QColor(255, 255, 255, 235)
BORDER = QColor("#333333")


def text_pixels(parent: QWidget) -> int:
    """The overlays' text height on this window: the map's minimum, 1/30 of its height."""
    return max(16, parent.height() // TEXT_SHARE)


def margin_pixels(parent: QWidget) -> int:
    """The gap between an overlay and the window's edge (or another overlay)."""
    return max(8, parent.height() // 60)


class RoundOverlay(QLabel):
    """A line (two in a tagging round) over the audience map about the round going on."""

    def __init__(self, rounds: Rounds, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("roundOverlay")
        self.rounds = rounds
        self.beside: QWidget | None = None  # the results panel, to stay clear of
        self._style = ""
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
        """The text shown (rich text, every user string escaped); "" when no round runs."""
        running = self.rounds.running()
        if running is None:
            return ""
        if running.kind == "tagging":
            counts = self.rounds.theme_concepts(running.id)
            parts = [
                f'<span style="color:{theme.color}">■</span>&nbsp;{html.escape(theme.name)}'
                f"&nbsp;&nbsp;<b>{counts.get(theme.id, 0)}</b>"
                for theme in self.rounds.doc.themes
            ]
            title = self.tr("Tagging round · concepts per theme")
            return f"{html.escape(title)}<br>{' · '.join(parts)}"
        if running.hidden:
            return html.escape(self.tr("Dot voting · votes hidden until revealed"))
        return html.escape(self.tr("Dot voting · votes revealed"))

    def place(self) -> None:
        """Bottom-left of the audience view, its text as tall as the map's smallest, clear
        of the results panel when that reaches down to its height."""
        parent = self.parentWidget()
        pixels, margin = text_pixels(parent), margin_pixels(parent)
        style = (
            f"#roundOverlay {{ background: rgba(255, 255, 255, 235); color: #111111;"
            f" border: 2px solid #333333; border-radius: {pixels // 3}px;"
            f" padding: {pixels // 4}px {pixels // 2}px; font-size: {pixels}px; }}"
        )
        if style != self._style:  # a style sheet costs a restyle: only when it changes
            self._style = style
            self.setStyleSheet(style)
        room = parent.width() - 2 * margin
        self.setWordWrap(False)
        natural = self.sizeHint().width()
        self.setWordWrap(natural > room)  # many themes: onto more lines, never cut
        self.setFixedWidth(min(natural, room))
        self.setFixedHeight(self.heightForWidth(self.width()) if self.wordWrap() else
                            self.sizeHint().height())  # fmt: skip
        beside = self.beside
        top = parent.height() - self.height() - margin
        if beside is not None and not beside.isHidden() and beside.geometry().bottom() >= top:
            self.setFixedWidth(min(self.width(), beside.x() - 2 * margin))
        self.move(margin, top)
        self.raise_()


class ResultsPanel(QWidget):
    """The ranking of a revealed vote, for the room: "Ranking", then the top five places."""

    def __init__(self, rounds: Rounds, above: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.rounds = rounds
        self.above = above  # the timer: the panel goes under it while it shows
        self.wanted = True  # the facilitator's toggle (View > Audience: show vote results)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        rounds.changed.connect(self.follow)
        self.follow()

    def detach(self) -> None:
        self.rounds.changed.disconnect(self.follow)

    def round(self) -> Round | None:
        """The vote shown: the round the facilitator looks at, once its votes are revealed."""
        current = self.rounds.current()
        if current is None or current.kind != "voting" or current.hidden:
            return None
        return current

    def rows(self) -> tuple[list[tuple[int, int, str]], int]:
        """(place, dots, concept text) of the top places, ex aequo sharing theirs (1, 2, 2,
        4); and how many more concepts share the last place shown. Concepts without a dot
        are left out; nothing at all while the vote is hidden."""
        round_ = self.round()
        if round_ is None:
            return [], 0
        ranking = [(ref, dots) for ref, dots in self.rounds.ranking(round_.id) if dots > 0]
        places = ranks(ranking)
        shown = [(place, dots, self._text(ref))
                 for place, (ref, dots) in zip(places, ranking, strict=True)][:TOP]  # fmt: skip
        more = sum(1 for place in places[TOP:] if shown and place == shown[-1][0])
        return shown, more

    def _text(self, ref: str) -> str:
        # One line; no-break spaces drawn as spaces (Vera has no glyph for them).
        text = LINE_BREAKS.sub(" ", self.rounds.doc.concept(ref).text).translate(NO_BREAK)
        return one_line(text, 300) or self.tr("(empty)")

    def title(self) -> str:
        round_ = self.round()
        if round_ is not None and round_.ended:
            return self.tr("Ranking (vote ended)")
        return self.tr("Ranking (vote running)")

    def follow(self) -> None:
        self.setVisible(self.wanted and self.round() is not None)
        self.place()
        self.update()

    def set_wanted(self, wanted: bool) -> None:
        """The facilitator shows or hides the panel (a hidden vote never shows either way)."""
        self.wanted = wanted
        self.follow()

    def _fonts(self) -> tuple[QFont, QFont]:
        font = QFont(register_fonts())
        font.setPixelSize(text_pixels(self.parentWidget()))
        bold = QFont(font)
        bold.setBold(True)
        return font, bold

    def _lines(self) -> list[str]:
        """The lines under the title: the rows' texts, then the ex aequo note, if any."""
        rows, more = self.rows()
        lines = [text for _, _, text in rows] or [self.tr("No dots given yet")]
        if more:
            lines.append(self.tr("… and {n} more ex aequo").format(n=more))
        return lines

    def _columns(self, font: QFont, bold: QFont) -> tuple[float, float]:
        """The widths of the place and dots columns."""
        rows, _ = self.rows()
        place = QFontMetrics(bold).horizontalAdvance("00.")
        dots = max((QFontMetrics(bold).horizontalAdvance(f"{d} ●") for _, d, _ in rows),
                   default=0)  # fmt: skip
        return place, dots

    def place(self) -> None:
        """Top-right, under the timer while it shows; as wide as its texts, at most
        45 % of the window, the concepts' texts elided past that."""
        parent = self.parentWidget()
        pixels, margin = text_pixels(parent), margin_pixels(parent)
        font, bold = self._fonts()
        place_w, dots_w = self._columns(font, bold)
        rows, _ = self.rows()
        gap = pixels / 2
        text_left = place_w + gap + dots_w + gap if rows else 0
        metrics = QFontMetrics(font)
        widest = max(
            [QFontMetrics(bold).horizontalAdvance(self.title())]
            + [text_left + metrics.horizontalAdvance(line) for line in self._lines()]
        )
        width = min(round(widest + 2 * pixels), round(parent.width() * RESULTS_SHARE))
        line = round(pixels * 1.35)
        height = round(line * (1 + len(self._lines())) + pixels * 0.9)
        top = margin
        if not self.above.isHidden():
            top = self.above.geometry().bottom() + 1 + margin
        self.setGeometry(parent.width() - width - margin, top, width, height)
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        pixels = text_pixels(self.parentWidget())
        font, bold = self._fonts()
        place_w, dots_w = self._columns(font, bold)
        rows, _ = self.rows()
        lines = self._lines()
        gap, line, inner = pixels / 2, round(pixels * 1.35), pixels
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(BORDER, 2))
        painter.setBrush(PANEL)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), pixels / 3, pixels / 3)
        painter.setPen(INK)
        width = self.width() - 2 * inner
        y = pixels * 0.45
        painter.setFont(bold)
        title = QFontMetrics(bold).elidedText(self.title(), Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRectF(inner, y, width, line), Qt.AlignmentFlag.AlignVCenter, title)
        text_left = place_w + gap + dots_w + gap if rows else 0
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for index, text in enumerate(lines):
            y += line
            if index < len(rows):
                place, dots, _ = rows[index]
                painter.setFont(bold)
                painter.drawText(QRectF(inner, y, place_w, line), right, f"{place}.")
                painter.drawText(QRectF(inner + place_w + gap, y, dots_w, line), right,
                                 f"{dots} ●")  # fmt: skip
            painter.setFont(font)
            room = width - text_left
            shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, room)
            painter.drawText(QRectF(inner + text_left, y, room, line), left, shown)
        painter.end()
