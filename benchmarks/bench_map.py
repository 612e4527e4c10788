"""Time the C-K map of a big synthetic session: layout, whole drawing, SVG.

    python benchmarks/bench_map.py [--runs 7] [--sizes 1000 10000 50000]

For each size N: N concepts, N/2 knowledge items and N links (the issue's
10,000-concept case is N = 10,000). Figures, medians of --runs:
- layout: every box measured (text wrapped in Vera) and placed by the tidy
  layout, C-space and K-space: the positions every renderer shares; "cold"
  is the first layout with empty text caches, "warm" the median of the next
  ones (as when the editor lays the map out again after an edit);
- drawing: the whole map drawing (layout, links routed around boxes, edges,
  legend), what `build_map` returns;
- svg: writing that drawing as SVG text.
Targets for N = 10,000: layout <= 150 ms, SVG <= 1 s. The cost per node
shows whether it grows linearly.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_session

from ckstudio.layout.ckmap import build_map, layout_spaces
from ckstudio.layout.fonts import TextMeasure
from ckstudio.layout.svg import write_svg


def median_ms(function: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 50_000])
    options = parser.parse_args()
    print(f"{'concepts':>9} {'nodes':>7} {'cold ms':>8} {'warm ms':>8} {'us/node':>8}"
          f" {'drawing ms':>11} {'svg ms':>8} {'svg MB':>7}")  # fmt: skip
    for size in options.sizes:
        session = make_session(concepts=size, knowledge=size // 2, links=size, seed=1)
        nodes = size + size // 2
        measure = TextMeasure()
        cold = median_ms(lambda s=session, m=measure: layout_spaces(s, measure=m), 1)
        layout = median_ms(lambda s=session, m=measure: layout_spaces(s, measure=m), options.runs)
        drawing_ms = median_ms(lambda s=session: build_map(s), max(1, options.runs // 2))
        drawing = build_map(session)
        svg_ms = median_ms(lambda d=drawing: write_svg(d), max(1, options.runs // 2))
        megabytes = len(write_svg(drawing).encode()) / 1e6
        print(f"{size:>9,} {nodes:>7,} {cold:>8.1f} {layout:>8.1f} {layout * 1000 / nodes:>8.2f}"
              f" {drawing_ms:>11.1f} {svg_ms:>8.1f} {megabytes:>7.1f}")  # fmt: skip
    print("targets at 10,000 concepts: layout (warm) <= 150 ms, svg <= 1000 ms")


if __name__ == "__main__":
    main()
