"""Time the incremental tidy layout (LiveTidy) against a full tidy_layout, on session C trees.

    python benchmarks/bench_livetidy.py [--runs 7] [--edits 41] [--sizes 1000,10000,50000]
        [--seed 1] [--orientation down] [--cards]

For each size N: the C tree of a synthetic session of N concepts (benchmarks/synthetic.py),
boxes sized at random (60-160 x 30-80), or with --cards as the map draws them (measured
once by `layout_spaces`, which is slow). Figures, medians of the runs
(`time.perf_counter`, garbage collector on, as in the application):

- tidy: one `tidy_layout` of the tree; build: one `LiveTidy(...)` of it, and their ratio;
- edit: insert a leaf under a random concept, `update()`, read `box()` of 300 random
  concepts (fixed per size) and `nodes_in` of a 900 x 550 rectangle around the parent
  (--edits times, each on the tree the previous ones left); update: the `update()` part
  alone; families: how many families it merged again (the edited path).

Target for N = 10,000: edit <= 3 ms, build <= 2 x tidy.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_session

from ckstudio.layout.livetidy import LiveTidy
from ckstudio.layout.tidy import tidy_layout

EDIT_TARGET_MS = {10_000: 3.0}
BUILD_RATIO_TARGET = 2.0
READS = 300
VIEW = (900.0, 550.0)

Tree = tuple[str, dict[str, list[str]], dict[str, tuple[float, float]]]


def session_tree(n: int, seed: int, cards: bool) -> Tree:
    """Root, children and sizes of the C tree of a synthetic session of `n` concepts."""
    session = make_session(concepts=n, knowledge=0, links=0, seed=seed)
    children: dict[str, list[str]] = {}
    root = ""
    for concept in session.concepts:
        if concept.parent is None:
            root = concept.id
        else:
            children.setdefault(concept.parent, []).append(concept.id)
    if cards:
        from ckstudio.layout.ckmap import MapOptions, layout_spaces

        placed = layout_spaces(session, MapOptions(space="c", legend=False)).c_space
        assert placed is not None
        sizes = {ref: (box.w, box.h) for ref, box in placed.boxes.items()}
    else:
        rng = random.Random(seed)
        sizes = {c.id: (rng.uniform(60, 160), rng.uniform(30, 80)) for c in session.concepts}
    return root, children, sizes


def median_ms(work: Callable[..., object], runs: int, *args: object, **kwargs: object) -> float:
    """Median of `runs` calls of work(*args, **kwargs), in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work(*args, **kwargs)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def time_edits(tree: Tree, orientation: str, edits: int, seed: int) -> tuple[float, float, float]:
    """Medians of (whole edit ms, update ms, families merged) over `edits` insertions."""
    root, children, sizes = tree
    live = LiveTidy(root, children, sizes, orientation=orientation)
    rng = random.Random(seed)
    nodes = list(sizes)
    reads = rng.sample(nodes, min(READS, len(nodes)))
    whole, updates, families = [], [], []
    for number in range(edits):
        parent = rng.choice(nodes)
        size = (rng.uniform(60, 160), rng.uniform(30, 80))
        start = time.perf_counter()
        live.insert(f"new{number}", parent, len(live.children(parent)), size)
        live.update()
        updated = time.perf_counter()
        families.append(live.families_merged)  # before the readers' own update() calls
        for node in reads:
            live.box(node)
        around = live.box(parent)
        assert around is not None
        cx, cy = around.x + around.w / 2, around.y + around.h / 2
        live.nodes_in(cx - VIEW[0] / 2, cy - VIEW[1] / 2, cx + VIEW[0] / 2, cy + VIEW[1] / 2)
        end = time.perf_counter()
        whole.append((end - start) * 1000)
        updates.append((updated - start) * 1000)
    return statistics.median(whole), statistics.median(updates), statistics.median(families)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--edits", type=int, default=41)
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--orientation", choices=("down", "right"), default="down")
    parser.add_argument("--cards", action="store_true", help="size boxes as the map's cards")
    options = parser.parse_args(argv)
    runs = max(1, options.runs)
    print(
        f"LiveTidy vs tidy_layout, {options.orientation}, "
        f"{'card' if options.cards else 'random'} sizes, {runs} runs, {options.edits} edits; "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"{platform.system()} {platform.machine()}"
    )
    print()
    print(
        f"{'nodes':>8}{'tidy ms':>9}{'build ms':>10}{'ratio':>7}"
        f"{'edit ms':>9}{'update ms':>11}{'families':>10}   targets met"
    )
    for n in (int(size) for size in options.sizes.split(",")):
        tree = session_tree(n, options.seed, options.cards)
        root, children, sizes = tree
        arguments = {"orientation": options.orientation}
        tidy = median_ms(tidy_layout, runs, root, children, sizes, **arguments)
        build = median_ms(LiveTidy, runs, root, children, sizes, **arguments)
        edit, update, families = time_edits(tree, options.orientation, options.edits, options.seed)
        line = (
            f"{n:>8,}{tidy:>9.1f}{build:>10.1f}{build / tidy:>7.2f}"
            f"{edit:>9.2f}{update:>11.2f}{families:>10.0f}"
        )
        target = EDIT_TARGET_MS.get(n)
        if target is not None:
            met = edit <= target and build / tidy <= BUILD_RATIO_TARGET
            line += f"   {'yes' if met else 'NO'} (edit <= {target:.0f} ms, build <= 2 x tidy)"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
