"""Make the audience view's screenshots in docs/screenshots/, offscreen, in French.

    .venv/bin/python scripts/audience_screenshots.py

The French school example, the interface in French, the audience window
sized for a 1280 x 720 and a 1920 x 1080 projector, the match-making timer
running (rotation 3 of 6), a concept selected by the facilitator
(audience-WxH.png, the vote results turned off); then a vote on four
concepts by two participants, revealed: its ranking (with a tie) and the
framed concepts beside the timer
(audience-results-WxH.png). Settings go to a scratch folder, never the
user's own.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
EXAMPLE = ROOT / "examples" / "ecocirc-groupe-scolaire.ck.json"
SIZES = ((1280, 720), (1920, 1080))


def main() -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    scratch = tempfile.mkdtemp(prefix="ckstudio-shots-")
    os.environ["XDG_CONFIG_HOME"] = os.path.join(scratch, "config")
    os.environ["XDG_DATA_HOME"] = os.path.join(scratch, "data")
    from ckstudio.gui.app import application

    application()
    OUT.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        shoot(width, height)


def shoot(width: int, height: int) -> None:
    from PySide6.QtTest import QTest

    from ckstudio.gui.app import build_window
    from ckstudio.gui.audience_view import ScreenInfo

    window = build_window(EXAMPLE, language="fr")
    window.resize(1440, 900)
    window.show()
    QTest.qWaitForWindowExposed(window)
    doc = window.workspace.doc
    # A concept two levels down, with siblings: what the group is talking about.
    first = next(c for c in doc.children("c", doc.root) if doc.children("c", c))
    window.workspace.selection.set([doc.children("c", first)[-1]])
    window.action("timer_match").setChecked(True)
    for _ in range(4):  # rotation 3/6, its pitch
        window.action("timer_next").trigger()
    audience = window.audience.open_view()
    assert audience is not None
    audience.fixed_screen = ScreenInfo(width, height, 1.0)
    audience.resize(width, height)
    audience.apply_screen()
    QTest.qWaitForWindowExposed(audience)
    window.audience.set_results_shown(False)  # the example's last vote: not this picture's
    save(audience, f"audience-{width}x{height}.png")
    # A vote on four concepts far from the selection: 3, 2, then two tied at 1.
    rounds = window.workspace.rounds
    rounds.start("voting", ["c25", "c26", "c27", "c28"], ["p3", "p4"], budget=4)
    dots = {"p3": {"c28": 2, "c25": 1}, "p4": {"c28": 1, "c25": 1, "c26": 1, "c27": 1}}
    for person, given in dots.items():
        window.workspace.speaker.set(person)
        for concept, count in given.items():
            window.workspace.selection.set([concept])
            for _ in range(count):
                window.action("vote_up").trigger()
    window.workspace.selection.set(["c25"])  # the facilitator points at the runner-up
    rounds.reveal()
    save(audience, f"audience-results-{width}x{height}.png")
    audience.close()
    window.workspace.stack.setClean()
    window.close()


def save(audience, name: str) -> None:
    """Let the rounds, links and framing settle, then grab the audience window."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    QTest.qWait(50)
    while audience.scene.pending_links():
        QApplication.processEvents()
    QTest.qWait(50)
    audience.grab().save(str(OUT / name))
    print(f"docs/screenshots/{name}")


if __name__ == "__main__":
    main()
