"""Make the editor's screenshots in docs/screenshots/, offscreen, from the examples.

    .venv/bin/python scripts/screenshots.py

Each shot opens a real window (1440 x 900) on an example, as a facilitator
would see it, and saves the window's own pixels. Settings go to a scratch
folder, never the user's own.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
EXAMPLES = ROOT / "examples"


def main() -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    scratch = tempfile.mkdtemp(prefix="ckstudio-shots-")
    os.environ["XDG_CONFIG_HOME"] = os.path.join(scratch, "config")
    os.environ["XDG_DATA_HOME"] = os.path.join(scratch, "data")  # autosave copies, locks
    from ckstudio.gui.app import application

    application()
    OUT.mkdir(parents=True, exist_ok=True)
    shoot("editor-ecocirc-groupe-scolaire.png", "ecocirc-groupe-scolaire.ck.json", school)
    shoot("editor-ecocirc-immeuble-r12.png", "ecocirc-immeuble-r12.ck.json", building)
    shoot("editor-typing.png", "ecocirc-groupe-scolaire.ck.json", typing)
    shoot("editor-dark.png", "ecocirc-immeuble-r12.ck.json", dark)
    shoot("editor-workshop.png", "ecocirc-groupe-scolaire.ck.json", workshop)


def shoot(name: str, example: str, arrange: Callable) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ckstudio.gui.app import build_window

    window = build_window(EXAMPLES / example)
    window.resize(1440, 900)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    arrange(window)
    while window.workspace.scene.pending_links():
        QApplication.processEvents()
    QTest.qWait(50)
    window.grab().save(str(OUT / name))
    print(f"docs/screenshots/{name}")
    window.finish_typing()
    window.workspace.stack.setClean()
    window.close()


def branch_with_links(window) -> str:
    """A concept of the second level that carries links: a telling selection."""
    doc = window.workspace.doc
    for top in doc.children("c", doc.root):
        for concept in doc.children("c", top):
            if doc.links_of(concept):
                return concept
    return doc.root


def school(window) -> None:
    concept = branch_with_links(window)
    window.workspace.selection.set([concept])
    window.canvas.set_zoom(1.0)  # the reading size is 150 %; 100 % shows more of the map
    window.canvas.centerOn(*_centre(window, concept))


def building(window) -> None:
    doc = window.workspace.doc
    first = doc.children("c", doc.root)[0]
    window.workspace.selection.set([first])
    window.canvas.set_zoom(0.8)
    window.canvas.centerOn(*_centre(window, first))


def typing(window) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    concept = branch_with_links(window)
    window.workspace.selection.set([concept])
    QTest.keyClick(window.canvas, Qt.Key.Key_Tab)
    window.canvas.text_editor.insertPlainText("Une cour qui récupère l’eau de pluie")
    window.canvas.centerOn(*_centre(window, concept))


def dark(window) -> None:
    window.action("dark").setChecked(True)
    building(window)


def workshop(window) -> None:
    """In the room: one theme highlighted, someone speaking, a search under way."""
    doc = window.workspace.doc
    window.action("dark").setChecked(False)  # the shot before left the dark appearance on
    window.record_docks.themes.set_highlight(doc.themes[0].id, True)
    window.workspace.speaker.set(doc.participants[1].id)
    window.map_area.find_bar.open_bar()
    window.map_area.find_bar.field.setText("ecole")
    window.map_area.find_bar.find_next()
    window.canvas.set_zoom(0.9)
    window.canvas.centerOn(*_centre(window, window.workspace.selection.current))


def _centre(window, ref: str) -> tuple[float, float]:
    box = window.workspace.scene.box(ref)
    return box.x + box.w / 2, box.y + box.h / 2


if __name__ == "__main__":
    sys.exit(main())
