"""Crash recovery end to end: real CK Studio processes, killed with SIGKILL.

Each process is `tests/gui/recovery_driver.py` with its own data and config
folders (XDG_DATA_HOME / XDG_CONFIG_HOME in the test's tmp folder), editing
a new session through the window's editor while autosaving every INTERVAL.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ckstudio.gui.recovery import RecoveryFolder

ROOT = Path(__file__).resolve().parents[2]
INTERVAL = 1.0  # seconds between autosaves in the driven process
WRITE_MARGIN = 0.4  # seconds an autosave may take to reach the disk on a loaded machine
START_TIMEOUT = 60  # seconds for a process to start and autosave once


class Driven:
    """One driver process and the lines it printed, each with the time it was read."""

    def __init__(self, home: Path, *args: str) -> None:
        env = dict(os.environ, XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "c"))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.gui.recovery_driver", *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.lines: list[tuple[float, str]] = []
        # A reader thread, so that a driver that hangs fails the test instead of blocking it.
        self._queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self._queue.put(line)
        self._queue.put("")

    def read_until(self, start: str) -> str:
        """Read lines until one starts with `start`; return it."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            assert line, f"the driver ended early: {self.lines[-3:]}"
            self.lines.append((time.monotonic(), line.strip()))
            if line.startswith(start):
                return line.strip()
        raise AssertionError(f"no {start!r} line in {START_TIMEOUT} s")

    def kill(self) -> float:
        """SIGKILL, as a crash; the time of the kill."""
        killed = time.monotonic()
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)
        return killed

    def edits_before(self, moment: float) -> int:
        """How many concepts the driver had added (and said so) before `moment`."""
        done = [int(text.split()[1]) for when, text in self.lines if text.startswith("edited")]
        times = [when for when, text in self.lines if text.startswith("edited")]
        return max((n for n, when in zip(done, times, strict=True) if when <= moment), default=0)

    def finish(self) -> int:
        return self.process.wait(START_TIMEOUT)


def folder_of(home: Path) -> RecoveryFolder:
    return RecoveryFolder(home / "data" / "CK Studio" / "ckstudio" / "recovery")


def offered(home: Path) -> list[dict]:
    """Start CK Studio again (a real process): the rows of the offer it makes."""
    driven = Driven(home, "offer")
    line = driven.read_until("offered")
    assert driven.finish() == 0
    return json.loads(line.removeprefix("offered "))


@pytest.fixture
def editing(tmp_path):
    driven = Driven(tmp_path, "edit", str(INTERVAL))
    yield driven
    if driven.process.poll() is None:
        driven.kill()


def test_a_killed_session_is_offered_with_all_but_the_last_interval(editing, tmp_path):
    editing.read_until("autosaved")
    first = editing.lines[-1][0]
    while editing.lines[-1][0] < first + INTERVAL + WRITE_MARGIN + 0.5:  # it goes on editing
        editing.read_until("edited")
    killed = editing.kill()
    rows = offered(tmp_path)
    assert len(rows) == 1 and "New workshop\nnever saved to a file" in rows[0]["text"]
    (entry,) = folder_of(tmp_path).recoverable()
    texts = {c.text for c in entry.load().concepts}
    kept = editing.edits_before(killed - INTERVAL - WRITE_MARGIN)
    assert kept > 0
    assert {f"idée {n}" for n in range(1, kept + 1)} <= texts
    assert rows[0]["nodes"] == entry.info.nodes == len(texts)


def test_a_clean_exit_leaves_nothing_to_recover(tmp_path):
    driven = Driven(tmp_path, "clean", str(INTERVAL))
    driven.read_until("autosaved")
    driven.read_until("closed")
    assert driven.finish() == 0
    assert list(folder_of(tmp_path).path.iterdir()) == []
    assert offered(tmp_path) == []


def test_a_second_instance_does_not_offer_a_live_session(editing, tmp_path):
    editing.read_until("autosaved")
    assert offered(tmp_path) == []  # the first one is alive and editing
    assert editing.process.poll() is None
    editing.kill()
    assert len(offered(tmp_path)) == 1
