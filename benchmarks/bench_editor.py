"""Time the map editor on a big session: open, add a child, undo, paint, memory.

    python benchmarks/bench_editor.py [--runs 9] [--sizes 1000 10000]

For each size N: a session of N concepts, N/2 knowledge items and N links
(the issue's case is N = 10,000), written to a temporary file. Offscreen, a
1280 x 800 window. Figures (medians of --runs where repeated):
- open: from the command line to the first painted frame of the window, in
  a fresh process (file read and checked, map laid out, window painted),
  modules compiled beforehand as on a user's machine after the first start;
  beside it, in the same run, a bare PySide6 window's first frame and the
  `ckstudio` window's first frame on the small example;
- add child: Tab on a selected concept, to the repainted frame (the map laid
  out again, the new node and its text box painted); undo likewise;
- links routed: after an edit, links are routed a slice at a time between
  frames; how long until every link is routed again;
- paint 100%: a repaint of the visible area at reading size (150 %), links
  routed; paint fitted: the whole map fitted in the window (level of detail:
  boxes without text, drawn once into an image kept until the next change);
  add child fitted: Tab to repainted frame with the whole map fitted (the
  frame shows the previous overview image, the selection exact), and
  overview redrawn: until the new overview image is painted;
- memory: resident set size after all of the above.
Targets for N = 10,000: open <= 1.5 s, add child and undo <= 30 ms,
paint 100% <= 16 ms, paint fitted <= 33 ms, memory <= 400 MB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
EXAMPLE = HERE.parent / "examples" / "ecocirc-groupe-scolaire.ck.json"

# A child process: the time from its start to the first paint of a window.
FIRST_FRAME = r"""
import os, sys, time
start = float(sys.argv[1])
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["XDG_CONFIG_HOME"] = sys.argv[3]
from PySide6.QtCore import QObject, QEvent
from PySide6.QtWidgets import QApplication
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"{time.time() - start:.4f}", flush=True)
            os._exit(0)
        return False
app = QApplication([])
watch = Painted()
if sys.argv[2] == "bare":
    from PySide6.QtWidgets import QMainWindow
    window = QMainWindow()
    window.resize(1280, 800)
    window.installEventFilter(watch)
    window.show()
else:
    from pathlib import Path
    from ckstudio.gui.app import build_window
    window = build_window(Path(sys.argv[2]))
    window.resize(1280, 800)
    window.canvas.viewport().installEventFilter(watch)
    window.show()
app.exec()
"""


def first_frame(target: str, settings: str) -> float:
    """Seconds from launching `python` to the first painted frame of the window."""
    # As on a user's machine: Python keeps compiled modules (this workplace's
    # environment may forbid it, which would time the compiling of every module).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(start), target, settings],
        capture_output=True, text=True, check=True, timeout=120, env=env,
    )  # fmt: skip
    return float(out.stdout.strip().splitlines()[-1])


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.1f}"


def in_process(path: Path, runs: int, settings: str) -> dict[str, str]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["XDG_CONFIG_HOME"] = settings
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ckstudio.gui.app import build_window

    app = QApplication.instance() or QApplication([])
    window = build_window(path)
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    canvas, workspace = window.canvas, window.workspace
    routed = wait_routed(app, workspace)
    doc = workspace.doc
    target = doc.children("c", doc.children("c", doc.root)[0])[0]
    adds, undos, routing = [], [], [routed]
    for _ in range(runs):
        workspace.selection.set([target])
        canvas.viewport().repaint()
        start = time.perf_counter()
        QTest.keyClick(canvas, Qt.Key.Key_Tab)
        canvas.viewport().repaint()
        adds.append(time.perf_counter() - start)
        QTest.keyClicks(canvas.text_editor, "idee")
        QTest.keyClick(canvas.text_editor, Qt.Key.Key_Return)
        routing.append(wait_routed(app, workspace))
        start = time.perf_counter()
        workspace.stack.undo()
        canvas.viewport().repaint()
        undos.append(time.perf_counter() - start)
        wait_routed(app, workspace)
    canvas.actual_size()
    workspace.selection.set([target])
    paints = [repaint_time(canvas) for _ in range(runs)]
    canvas.fit_all()
    repaint_time(canvas)  # the first fitted paint builds the overview image
    fitted = [repaint_time(canvas) for _ in range(runs)]
    fitted_edit, redrawn = [], []
    for _ in range(runs):  # an edit while zoomed out: the overview is drawn again
        workspace.selection.set([target])
        start = time.perf_counter()
        workspace.editor.add_child()
        canvas.viewport().repaint()
        fitted_edit.append(time.perf_counter() - start)
        while canvas.map_item._overview_due:
            app.processEvents()
        redrawn.append(time.perf_counter() - start)
        canvas.text_editor.close_editor(False)
    rss = rss_mb()
    workspace.stack.setClean()
    window.close()
    return {
        "add child ms": median_ms(adds),
        "undo ms": median_ms(undos),
        "links routed ms": median_ms(routing),
        "paint 100% ms": median_ms(paints),
        "paint fitted ms": median_ms(fitted),
        "add child fitted ms": median_ms(fitted_edit),
        "overview redrawn ms": median_ms(redrawn),
        "memory MB": f"{rss:.0f}",
    }


def wait_routed(app, workspace) -> float:
    start = time.perf_counter()
    while workspace.scene.pending_links():
        app.processEvents()
    return time.perf_counter() - start


def repaint_time(canvas) -> float:
    start = time.perf_counter()
    canvas.viewport().repaint()
    return time.perf_counter() - start


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    options = parser.parse_args()
    from synthetic import make_session

    from ckstudio.storage import save_session

    with tempfile.TemporaryDirectory() as folder:
        settings = str(Path(folder) / "settings")
        first_frame(str(EXAMPLE), settings)  # once, to compile the modules
        bare = [first_frame("bare", settings) for _ in range(3)]
        small = [first_frame(str(EXAMPLE), settings) for _ in range(3)]
        print(f"first frame: bare PySide6 window {median_ms(bare)} ms, "
              f"ckstudio on {EXAMPLE.name} {median_ms(small)} ms (medians of 3)")  # fmt: skip
        for size in options.sizes:
            path = Path(folder) / f"big-{size}.ck.json"
            save_session(make_session(concepts=size, knowledge=size // 2, links=size, seed=1), path)
            opens = [first_frame(str(path), settings) for _ in range(3)]
            figures = {"open to first frame ms": median_ms(opens)}
            figures.update(in_process(path, options.runs, settings))
            print(f"{size:,} concepts: " + ", ".join(f"{k} {v}" for k, v in figures.items()))
    print("targets at 10,000 concepts: open <= 1500 ms, add child and undo <= 30 ms, "
          "paint 100% <= 16 ms, paint fitted <= 33 ms, memory <= 400 MB")  # fmt: skip


if __name__ == "__main__":
    main()
