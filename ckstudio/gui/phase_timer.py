"""The workshop's phase timer: a plan of timed steps, run against an injectable clock.

`PhaseClock` is the arithmetic (no Qt): a plan of steps (a DKCP phase, a
match-making pitch or exchange), the one running, what is left of it.
`PhaseTimer` wraps it in a QObject that ticks while the time runs and says
when a step ends; the widgets (`phase_timer_widgets`) read it. Tests give
both a fake clock and call `tick()` themselves: nothing waits.

Transitions: idle -> running (start), running <-> paused (start/pause),
running -> ended (the time is up: `ended` is emitted once), any -> idle at
the step's full time (reset), add a minute anywhere (an ended step runs
again for that minute), next step (it starts at once).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

Clock = Callable[[], float]
MINUTE = 60
TICK_MS = 250  # how often a running timer looks at the clock
FLASH_SECONDS = 10.0  # the end blinks this long, then stays coloured
PITCH, EXCHANGE, ROTATIONS = 5 * MINUTE, 15 * MINUTE, 6  # the seed's match-making


class State(Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


@dataclass(frozen=True, slots=True)
class Step:
    """One timed step: `kind` names it (a DKCP phase letter, "pitch", "exchange",
    "free"); `rotation` counts match-making rotations from 1 (0: none)."""

    kind: str
    seconds: int
    rotation: int = 0
    rotations: int = 0


def _dkcp() -> tuple[Step, ...]:
    # A half-day workshop (ck-primer.md, "The workshop"): D, the brief and C0 told
    # and discussed; K, the state of the art and the missing knowledge shared; C,
    # the longest, concepts partitioned, tagged and linked; P, votes and decisions.
    return (Step("D", 20 * MINUTE), Step("K", 45 * MINUTE), Step("C", 60 * MINUTE),
            Step("P", 30 * MINUTE))  # fmt: skip


def _match_making() -> tuple[Step, ...]:
    return tuple(
        Step(kind, seconds, rotation, ROTATIONS)
        for rotation in range(1, ROTATIONS + 1)
        for kind, seconds in (("pitch", PITCH), ("exchange", EXCHANGE))
    )


PRESETS: dict[str, Callable[[], tuple[Step, ...]]] = {
    "free": lambda: (Step("free", 10 * MINUTE),),
    "dkcp": _dkcp,
    "match_making": _match_making,
}


class PhaseClock:
    """A plan of steps and the time left in the current one, read from `clock`."""

    def __init__(self, clock: Clock = time.monotonic, steps: tuple[Step, ...] = ()) -> None:
        self._clock = clock
        self.steps: tuple[Step, ...] = steps or PRESETS["free"]()
        self.index = 0
        self.state = State.IDLE
        self._extra = 0.0  # minutes added to this step, in seconds
        self._banked = 0.0  # seconds run before the current run
        self._since: float | None = None  # when the current run began
        self.ended_at: float | None = None

    @property
    def step(self) -> Step:
        return self.steps[self.index]

    def elapsed(self) -> float:
        running = self._clock() - self._since if self._since is not None else 0.0
        return self._banked + running

    def remaining(self) -> float:
        return max(0.0, self.step.seconds + self._extra - self.elapsed())

    def use(self, steps: tuple[Step, ...]) -> None:
        """Take another plan, at its first step, idle."""
        self.steps = steps
        self._go_to(0)

    def start(self) -> None:
        if self.state in (State.IDLE, State.PAUSED):
            self._since = self._clock()
            self.state = State.RUNNING

    def pause(self) -> None:
        if self.state is State.RUNNING:
            self._banked = self.elapsed()
            self._since = None
            self.state = State.PAUSED

    def add_minute(self) -> None:
        self._extra += MINUTE
        if self.state is State.ENDED:
            self._since, self.ended_at = self._clock(), None  # the minute runs from now
            self.state = State.RUNNING

    def reset(self) -> None:
        self._go_to(self.index)

    def has_next(self) -> bool:
        return self.index + 1 < len(self.steps)

    def next(self) -> None:
        """The next step of the plan, started at once."""
        if self.has_next():
            self._go_to(self.index + 1)
            self.start()

    def check(self) -> bool:
        """Whether the running step has just run out (it is then ended)."""
        if self.state is State.RUNNING and self.remaining() <= 0:
            self._banked, self._since = self.step.seconds + self._extra, None
            self.state = State.ENDED
            self.ended_at = self._clock()
            return True
        return False

    def flashing_for(self) -> float:
        """Seconds the end signal still blinks (0 when not ended, or blinked enough)."""
        if self.ended_at is None:
            return 0.0
        return max(0.0, FLASH_SECONDS - (self._clock() - self.ended_at))

    def flashing(self) -> bool:
        """Whether the end signal is in its bright half-second (it blinks for a while)."""
        left = self.flashing_for()
        return left > 0 and int((FLASH_SECONDS - left) * 2) % 2 == 0

    def _go_to(self, index: int) -> None:
        self.index = index
        self.state = State.IDLE
        self._extra = self._banked = 0.0
        self._since = self.ended_at = None


class PhaseTimer(QObject):
    """The session's timer, shared by the facilitator's window and the audience view."""

    changed = Signal()  # a second went by, or a transition: show it again
    ended = Signal()  # the current step's time is up

    def __init__(self, clock: Clock = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = PhaseClock(clock)
        self.preset = "free"
        self.sound = False  # a beep at the end, besides the flash
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)

    @property
    def state(self) -> State:
        return self.clock.state

    def use_preset(self, name: str) -> None:
        self.preset = name
        self.clock.use(PRESETS[name]())
        self._after()

    def start_pause(self) -> None:
        if self.clock.state is State.RUNNING:
            self.clock.pause()
        else:
            self.clock.start()
        self._after()

    def add_minute(self) -> None:
        self.clock.add_minute()
        self._after()

    def reset(self) -> None:
        self.clock.reset()
        self._after()

    def next_step(self) -> None:
        self.clock.next()
        self._after()

    def tick(self) -> None:
        """Look at the clock: say the end once, keep the display in step."""
        if self.clock.check():
            if self.sound:
                QApplication.beep()  # QSoundEffect is not in PySide6-Essentials
            self.ended.emit()
        self._after()

    def _after(self) -> None:
        ticking = self.clock.state is State.RUNNING or self.clock.flashing_for() > 0
        if ticking and not self._ticker.isActive():
            self._ticker.start()
        elif not ticking:
            self._ticker.stop()
        self.changed.emit()

    # -- what to show ----------------------------------------------------------------

    def time_text(self) -> str:
        """The time left as M:SS (H:MM:SS beyond an hour), rounded up: "0:00" only at the end."""
        seconds = int(-(-self.clock.remaining() // 1))
        hours, rest = divmod(seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"

    def step_text(self) -> str:
        """What runs now: "Phase C", "Rotation 3/6 · Pitch", "Timer"."""
        step = self.clock.step
        phases = {
            "D": self.tr("Define"),
            "K": self.tr("Knowledge"),
            "C": self.tr("Concepts"),
            "P": self.tr("Proposals"),
        }
        if step.kind in phases:
            return self.tr("{letter} · {name}").format(letter=step.kind, name=phases[step.kind])
        if step.rotation:
            pitch = step.kind == "pitch"
            kind = self.tr("Pitch") if pitch else self.tr("Exchange")
            return self.tr("Rotation {n}/{total} · {step}").format(
                n=step.rotation, total=step.rotations, step=kind
            )
        return self.tr("Timer")

    def preset_names(self) -> dict[str, str]:
        return {
            "free": self.tr("Free timer (10 min)"),
            "dkcp": self.tr("DKCP phases (D 20, K 45, C 60, P 30 min)"),
            "match_making": self.tr("Match-making (6 × 5 min pitch + 15 min exchange)"),
        }
