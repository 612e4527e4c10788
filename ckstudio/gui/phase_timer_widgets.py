"""The phase timer as seen: small in the facilitator's status bar, large over the audience view.

Both read the one `PhaseTimer` and show the same signal at the end: a red
panel that blinks for a few seconds, then stays red until the next step,
a reset or an added minute.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from ckstudio.gui.phase_timer import PhaseTimer, State
from ckstudio.gui.qtfonts import register_fonts

PANEL = QColor(0, 0, 0, 205)  # the overlay's panel: white on near-black, over any map
ENDED = QColor("#D1242F")
FLASH = QColor("#FFFFFF")
LAST_MINUTE = QColor("#E69F00")  # the time turns amber in the last minute
TIME_SHARE = 9  # the overlay's digits are 1/9 of the view's height
STEP_SHARE = 24  # its step line 1/24: above the map's own minimum text (1/30)


def colors(timer: PhaseTimer) -> tuple[QColor, QColor]:
    """(panel, text) for the timer's state: red at the end, blinking white first."""
    clock = timer.clock
    if timer.state is State.ENDED:
        return (FLASH, ENDED) if clock.flashing() else (ENDED, FLASH)
    if timer.state is State.RUNNING and clock.remaining() < 60:
        return PANEL, LAST_MINUTE
    return PANEL, QColor("#FFFFFF")


class TimerOverlay(QWidget):
    """The large timer in a corner of the audience view (hidden while idle)."""

    def __init__(self, timer: PhaseTimer, parent: QWidget) -> None:
        super().__init__(parent)
        self.timer = timer
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        timer.changed.connect(self.follow)
        self.follow()

    def follow(self) -> None:
        self.setVisible(self.timer.state is not State.IDLE)
        self.place()
        self.update()

    def place(self) -> None:
        """Top-right corner of the parent, sized by the parent's height."""
        parent = self.parentWidget()
        height = parent.height()
        time_px, step_px = max(24, height // TIME_SHARE), max(14, height // STEP_SHARE)
        font = QFont(register_fonts())
        font.setPixelSize(step_px)
        step_width = QFontMetrics(font).horizontalAdvance(self.timer.step_text())
        margin = max(8, height // 60)
        width = max(round(time_px * 3.4), round(step_px * 13), step_width + 2 * step_px)
        width = min(width, parent.width() - 2 * margin)  # a step's name never runs off it
        self.setGeometry(parent.width() - width - margin, margin, width,
                         round(time_px * 1.15 + step_px * 1.6))  # fmt: skip

    def paintEvent(self, event: QPaintEvent) -> None:
        panel, ink = colors(self.timer)
        height = self.parentWidget().height()
        time_px, step_px = max(24, height // TIME_SHARE), max(14, height // STEP_SHARE)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(panel)
        painter.drawRoundedRect(QRectF(self.rect()), step_px * 0.6, step_px * 0.6)
        painter.setPen(ink)
        font = QFont(register_fonts())
        font.setPixelSize(step_px)
        painter.setFont(font)
        top = QRectF(0, step_px * 0.3, self.width(), step_px * 1.3)
        painter.drawText(top, Qt.AlignmentFlag.AlignCenter, self.timer.step_text())
        font.setPixelSize(time_px)
        font.setBold(True)
        painter.setFont(font)
        digits = QRectF(0, step_px * 1.5, self.width(), time_px * 1.15)
        painter.drawText(digits, Qt.AlignmentFlag.AlignCenter, self.timer.time_text())
        painter.end()


class TimerBar(QWidget):
    """The small timer in the facilitator's status bar, with its buttons."""

    def __init__(self, timer: PhaseTimer, actions: list[QAction], parent: QWidget | None = None):
        super().__init__(parent)
        self.timer = timer
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.label = QLabel()
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        layout.addWidget(self.label)
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setMaximumHeight(self.label.sizeHint().height())  # the status bar's height
            layout.addWidget(button)
        timer.changed.connect(self.follow)
        self.follow()

    def follow(self) -> None:
        panel, ink = colors(self.timer)
        self.label.setText(f"{self.timer.step_text()}  {self.timer.time_text()}")
        if self.timer.state is State.IDLE:
            self.label.setStyleSheet("")
        else:
            self.label.setStyleSheet(
                f"QLabel {{ background: {panel.name()}; color: {ink.name()};"
                " padding: 0 6px; border-radius: 3px; }"
            )
        self.label.setMinimumWidth(self.label.sizeHint().width())  # never cut in the bar
