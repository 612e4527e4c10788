"""How long importing a big mind map takes: a generated 5,000-node outline written
as .mm, OPML and Markdown, then read and made a session, median of 5 runs each.

Run: .venv/bin/python benchmarks/bench_import.py
"""

from __future__ import annotations

import statistics
import time

from ckstudio.interchange import freemind, opml, textoutline
from ckstudio.interchange.graft import session_from
from ckstudio.interchange.outline import Outline, OutlineNode

NODES = 5_000
RUNS = 5


def generated(count: int) -> Outline:
    """A centre, branches of 20 ideas each, ideas of 4 details: French text, some notes."""
    centre = OutlineNode("Centre de la carte")
    made = 1
    while made < count:
        branch = OutlineNode(f"Branche {made} : « été » & <hiver>")
        centre.children.append(branch)
        made += 1
        for idea in range(20):
            if made >= count:
                break
            node = OutlineNode(f"Idée {made}\nsur deux lignes", "Une note.\n\nDeux paragraphes.")
            node.fields = {"theme": "énergie", "reach": "atteignable"} if idea % 3 == 0 else {}
            branch.children.append(node)
            made += 1
            for detail in range(min(4, count - made)):
                node.children.append(OutlineNode(f"Détail {detail}"))
                made += 1
    return Outline([centre], "Banc d'essai")


def main() -> None:
    outline = generated(NODES)
    for name, module in (("FreeMind .mm", freemind), ("OPML", opml), ("Markdown", textoutline)):
        data = module.write(outline)
        timings = []
        for _ in range(RUNS):
            started = time.perf_counter()
            read = module.read(data)
            session_from(read, "c", "Banc d'essai")
            timings.append(time.perf_counter() - started)
        print(
            f"{name:13} {read.count():>6} nodes, {len(data) / 1e6:5.2f} MB: "
            f"read + session median {statistics.median(timings) * 1000:6.0f} ms"
        )


if __name__ == "__main__":
    main()
