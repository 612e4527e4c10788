"""Guard for the PySide6 pin (pyproject.toml): 6.12.0 on Python 3.11 drops a
reference to None on each QGraphicsItem.setPos()/setBrush() call, and the
interpreter aborts ("Fatal Python error: none_dealloc") after some thousands.

The calls run in a child process, so a bad PySide6 fails this test with a
message instead of aborting the whole test run.
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 100_000

SCRIPT = f"""
import sys
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene
import PySide6

app = QApplication([])
scene = QGraphicsScene()
item = QGraphicsRectItem(0, 0, 10, 10)
scene.addItem(item)
brush = QBrush(QColor("#0072B2"))
before = sys.getrefcount(None)
for step in range({CALLS}):
    item.setPos(step % 100, step % 50)
    item.setBrush(brush)
print(PySide6.__version__, before - sys.getrefcount(None), item.pos().x())
"""


def test_setpos_and_setbrush_keep_references_to_none():
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=environment
    )
    assert done.returncode == 0, f"PySide6 crashed after setPos/setBrush calls: {done.stderr}"
    version, lost, last_x = done.stdout.split()
    assert int(lost) < CALLS // 100, f"PySide6 {version} lost {lost} references to None"
    assert float(last_x) == (CALLS - 1) % 100
