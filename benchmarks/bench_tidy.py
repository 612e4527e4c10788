"""Time the tidy tree layout on random workshop-like trees, to read off its linear growth.

    python benchmarks/bench_tidy.py [--runs 7] [--sizes 1000,10000,50000,100000] [--seed 1]
        [--orientation down]

Each tree grows like a workshop's C tree: a leaf chosen at random gets 3 to 6 children
until the tree has the wanted number of nodes (so depths vary, from a few levels to a
few dozen), and boxes are sized like wrapped labels (60-200 wide, 20-90 high). For each
size the script prints the median, min and max of `--runs` calls of `tidy_layout`
(`time.perf_counter`, garbage collector on, as in the application) and the median time
per node: if the layout is linear, that last column stays flat.

Target: 10,000 nodes well under 100 ms (a full relayout after each edit stays unnoticed).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Hashable

from ckstudio.layout.tidy import tidy_layout

TARGET_MS = {10_000: 100.0}


def workshop_tree(
    n: int, seed: int
) -> tuple[dict[Hashable, list[Hashable]], dict[Hashable, tuple[float, float]]]:
    """A random tree of `n` nodes (0 is the root) with 3-6 children per inner node."""
    rng = random.Random(seed)
    children: dict[Hashable, list[Hashable]] = {}
    leaves = [0]
    count = 1
    while count < n:
        pick = rng.randrange(len(leaves))
        node = leaves[pick]
        leaves[pick] = leaves[-1]
        leaves.pop()
        kids = list(range(count, min(n, count + rng.randint(3, 6))))
        children[node] = kids
        leaves.extend(kids)
        count += len(kids)
    sizes = {v: (rng.uniform(60, 200), rng.uniform(20, 90)) for v in range(n)}
    return children, sizes


def depth(children: dict[Hashable, list[Hashable]]) -> int:
    """Number of levels below the root (iteratively: trees can be deep)."""
    deepest = 0
    stack = [(0, 0)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((kid, level + 1) for kid in children.get(node, ()))
    return deepest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="1000,10000,50000,100000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--orientation", choices=("down", "right"), default="down")
    options = parser.parse_args(argv)
    runs = max(1, options.runs)
    sizes = [int(size) for size in options.sizes.split(",")]

    print(
        f"tidy_layout, {options.orientation}, {runs} runs per size; Python "
        f"{platform.python_version()}, {os.cpu_count()} CPUs, {platform.system()} "
        f"{platform.machine()}"
    )
    print()
    print(
        f"{'nodes':>9}{'depth':>7}{'median ms':>11}{'min ms':>9}{'max ms':>9}"
        f"{'us/node':>9}{'target':>12}   met"
    )
    for n in sizes:
        children, boxes = workshop_tree(n, options.seed)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            tidy_layout(0, children, boxes, orientation=options.orientation)
            times.append((time.perf_counter() - start) * 1000)
        median = statistics.median(times)
        line = (
            f"{n:>9,}{depth(children):>7}{median:>11.1f}{min(times):>9.1f}{max(times):>9.1f}"
            f"{median * 1000 / n:>9.2f}"
        )
        target = TARGET_MS.get(n)
        if target is not None:
            line += f"{f'< {target:.0f} ms':>12}   {'yes' if median < target else 'NO'}"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
