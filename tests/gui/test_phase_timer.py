"""The phase timer with a fake clock: transitions, the end signal, the presets' steps."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from ckstudio.gui import phase_timer_widgets
from ckstudio.gui.phase_timer import PRESETS, PhaseTimer, State
from ckstudio.gui.phase_timer_widgets import ENDED, TimerBar, TimerOverlay


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def timer(qtbot, clock):
    timer = PhaseTimer(clock)
    timer.use_preset("dkcp")
    return timer


def test_start_pause_resume_and_reset(timer, clock):
    assert timer.state is State.IDLE and timer.time_text() == "20:00"
    timer.start_pause()
    clock.now += 65
    timer.tick()
    assert timer.state is State.RUNNING and timer.time_text() == "18:55"
    timer.start_pause()
    clock.now += 600  # paused: the time does not run
    timer.tick()
    assert timer.state is State.PAUSED and timer.time_text() == "18:55"
    timer.start_pause()
    clock.now += 55
    timer.tick()
    assert timer.time_text() == "18:00"
    timer.reset()
    assert timer.state is State.IDLE and timer.time_text() == "20:00"


def test_end_signal_once_then_a_minute_more(qtbot, timer, clock):
    ended = []
    timer.ended.connect(lambda: ended.append(clock.now))
    timer.start_pause()
    clock.now += 20 * 60 - 0.5
    timer.tick()
    assert timer.state is State.RUNNING and timer.time_text() == "0:01" and not ended
    clock.now += 0.5
    timer.tick()
    timer.tick()
    assert timer.state is State.ENDED and timer.time_text() == "0:00"
    assert ended == [clock.now]  # said once, however often the clock is read
    assert timer.clock.flashing()
    clock.now += 0.6
    assert not timer.clock.flashing()  # it blinks
    clock.now += 30
    timer.tick()
    assert timer.state is State.ENDED and not timer.clock.flashing()
    timer.add_minute()
    assert timer.state is State.RUNNING and timer.time_text() == "1:00"
    clock.now += 60
    timer.tick()
    assert timer.state is State.ENDED and len(ended) == 2


def test_sound_only_when_chosen(qtbot, timer, clock, monkeypatch):
    beeps = []
    monkeypatch.setattr(QApplication, "beep", lambda: beeps.append(1))
    timer.start_pause()
    clock.now += 20 * 60
    timer.tick()
    assert timer.state is State.ENDED and beeps == []
    timer.sound = True
    timer.next_step()
    clock.now += 45 * 60
    timer.tick()
    assert beeps == [1]


def test_add_a_minute_while_running(timer, clock):
    timer.start_pause()
    clock.now += 30
    timer.add_minute()
    assert timer.time_text() == "20:30"


def test_dkcp_steps_and_next(timer, clock):
    assert [(s.kind, s.seconds) for s in PRESETS["dkcp"]()] == [
        ("D", 1200), ("K", 2700), ("C", 3600), ("P", 1800)
    ]  # fmt: skip
    assert timer.step_text() == "D · Define"
    timer.next_step()
    assert timer.state is State.RUNNING and timer.step_text() == "K · Knowledge"
    timer.next_step()
    assert timer.time_text() == "1:00:00"
    timer.next_step()
    assert timer.step_text() == "P · Proposals" and not timer.clock.has_next()
    timer.next_step()  # the last step stays
    assert timer.step_text() == "P · Proposals"


def test_match_making_counts_rotations(qtbot, clock):
    timer = PhaseTimer(clock)
    timer.use_preset("match_making")
    steps = timer.clock.steps
    assert len(steps) == 12 and {s.rotations for s in steps} == {6}
    assert timer.step_text() == "Rotation 1/6 · Pitch" and timer.time_text() == "5:00"
    timer.next_step()
    assert timer.step_text() == "Rotation 1/6 · Exchange" and timer.time_text() == "15:00"
    for _ in range(3):
        timer.next_step()
    assert timer.step_text() == "Rotation 3/6 · Pitch"
    for _ in range(7):
        timer.next_step()
    assert timer.step_text() == "Rotation 6/6 · Exchange" and not timer.clock.has_next()


def test_widgets_show_the_end_in_red(qtbot, timer, clock):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(1280, 720)
    overlay = TimerOverlay(timer, parent)
    bar = TimerBar(timer, [])
    qtbot.addWidget(bar)
    assert overlay.isHidden()  # idle: nothing over the map
    timer.start_pause()
    assert not overlay.isHidden() and overlay.geometry().right() < 1280
    assert overlay.height() >= 720 // phase_timer_widgets.TIME_SHARE
    assert bar.label.text() == "D · Define  20:00"
    clock.now += 20 * 60
    timer.tick()
    assert "background: #ffffff" in bar.label.styleSheet()  # the bright half of the blink
    clock.now += 0.6
    timer.tick()  # the other half: red panel, white digits
    assert phase_timer_widgets.colors(timer)[0] == ENDED
    assert f"background: {ENDED.name()}" in bar.label.styleSheet()
    image = overlay.grab().toImage()
    assert image.pixelColor(4, overlay.height() // 2).red() > 150
