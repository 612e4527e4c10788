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


CANVAS_SCRIPT = f"""
import sys
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView
import PySide6

app = QApplication([])
image = QImage(200, 200, QImage.Format.Format_ARGB32_Premultiplied)
painter = QPainter(image)
pen, brush = QPen(QColor("#1A1A1A"), 1.5), QBrush(QColor("#FCEBCB"))
view = QGraphicsView(QGraphicsScene(0, 0, 1000, 1000))
before = sys.getrefcount(None)
for step in range({CALLS} // 5):
    x = step % 150
    painter.setPen(pen)
    painter.setBrush(brush)
    painter.drawRoundedRect(QRectF(x, 10, 40, 20), 5, 5)
    path = QPainterPath(QPointF(x, 0))
    path.cubicTo(x + 5, 5, x + 10, 10, x + 20, 20)
    painter.drawPath(path)
    painter.drawText(QPointF(x, 50), "école")
    view.mapToScene(x, x)
    view.mapFromScene(QPointF(x, x))
painter.end()
print(PySide6.__version__, before - sys.getrefcount(None))
"""


def test_the_canvas_painting_calls_keep_references_to_none():
    """The calls the map canvas makes at every frame and mouse move: 180,000 calls."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CANVAS_SCRIPT], capture_output=True, text=True, env=environment
    )
    assert done.returncode == 0, f"PySide6 crashed after painting calls: {done.stderr}"
    version, lost = done.stdout.split()
    assert int(lost) < CALLS // 100, f"PySide6 {version} lost {lost} references to None"
