"""How long an autosave stalls the UI thread, on a big session.

    python benchmarks/bench_autosave.py [--runs 7] [--concepts 10000]

A session of N concepts, N/2 knowledge items and N links (the issue's case:
N = 10,000, about 6.7 MB), open in a Workspace, offscreen. A QTimer ticks
every 5 ms on the UI thread while one autosave runs (snapshot on the UI
thread, encoding and writing on the worker); the figure is the longest gap
between two ticks, minus the 5 ms, i.e. the longest the UI could not answer.
Medians over --runs runs of:
- idle: the same measure with no autosave (the floor of this machine);
- first autosave: every record encoded (empty cache), written, fsync'ed;
- next autosave: after one edit (one record encoded again);
- one-call encode: for comparison, `encode(session)` on a worker thread, the
  whole session in one serializer call (what the autosave avoids).
Beside each: the time until the copy is on disk. Target: stall <= 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from synthetic import make_session  # noqa: E402

from ckstudio.gui.autosave import Autosave  # noqa: E402
from ckstudio.gui.recovery import RecoveryFolder  # noqa: E402
from ckstudio.gui.workspace import Workspace  # noqa: E402
from ckstudio.layout.style import Style  # noqa: E402
from ckstudio.storage import encode  # noqa: E402

TICK_MS = 5


def measure(start, is_done) -> tuple[float, float]:
    """Longest UI stall (ms) and time to done (ms) while `start()`'s work runs."""
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000 - TICK_MS)
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(beat)
    timer.start(TICK_MS)
    loop = QEventLoop()
    QTimer.singleShot(3 * TICK_MS, start)
    began = time.perf_counter()
    while not is_done():
        loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    elapsed = (time.perf_counter() - began) * 1000 - 3 * TICK_MS
    for _ in range(4):  # a few more beats after the end
        loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    timer.stop()
    return max(gaps[1:]), elapsed


def idle() -> tuple[float, float]:
    ends = time.perf_counter() + 0.3
    return measure(lambda: None, lambda: time.perf_counter() > ends)


def autosave_once(autosave: Autosave, workspace: Workspace, cold: bool) -> tuple[float, float]:
    if cold:
        autosave._encoder = type(autosave._encoder)()
    workspace.selection.set([workspace.doc.root])
    ref = workspace.editor.add_child()
    workspace.editor.set_text(ref, "une idée de plus")
    written: list[str] = []
    autosave.written.connect(written.append)
    try:
        return measure(autosave.tick, lambda: bool(written))
    finally:
        autosave.written.disconnect(written.append)


def one_call(workspace: Workspace) -> tuple[float, float]:
    done = threading.Event()

    def work() -> None:
        encode(workspace.doc.to_session())
        done.set()

    return measure(lambda: threading.Thread(target=work).start(), done.is_set)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--concepts", type=int, default=10_000)
    options = parser.parse_args(argv)
    n = options.concepts
    app = QApplication.instance() or QApplication([])
    session = make_session(concepts=n, knowledge=n // 2, links=n, participants=30, themes=6)
    workspace = Workspace(session, None, Style(), "right")
    size = len(encode(session)) / 1e6
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {n} concepts, {size:.1f} MB;")
    print(f"ms, median (min-max) of {options.runs} runs")
    with tempfile.TemporaryDirectory() as folder:
        autosave = Autosave(RecoveryFolder(Path(folder)), 3600)
        autosave.bind(workspace)
        cases = {
            "idle": idle,
            "first autosave": lambda: autosave_once(autosave, workspace, cold=True),
            "next autosave": lambda: autosave_once(autosave, workspace, cold=False),
            "one-call encode": lambda: one_call(workspace),
        }
        for name, case in cases.items():
            stalls, times = zip(*(case() for _ in range(options.runs)), strict=True)
            disk = "" if name == "idle" else f"   on disk after {_stats(times)}"
            print(f"{name:16} stall {_stats(stalls)}{disk}")
        autosave.close()
    QCoreApplication.processEvents()
    del app
    return 0


def _stats(values) -> str:
    return f"{statistics.median(values):6.1f} ({min(values):.1f}-{max(values):.1f})"


if __name__ == "__main__":
    sys.exit(main())
