"""Which file, if any, a drag onto the window brings: a session or a PDF report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QAbstractScrollArea

OPENABLE = (".ck.json", ".json", ".pdf")


def dropped_file(mime: QMimeData) -> Path | None:
    """The one local session file (or report) being dragged; None for anything else.

    Several files at once are refused rather than opening one of them at random.
    """
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.name.lower().endswith(OPENABLE) else None


def pass_drops_up(view: QAbstractScrollArea) -> None:
    """Make a view let drops through to the window.

    Qt hands a drop to the deepest widget that accepts drops, and a
    QGraphicsView (the map) accepts them for its scene, which takes none:
    a file dropped on the map would be lost.
    """
    view.setAcceptDrops(False)
    view.viewport().setAcceptDrops(False)
