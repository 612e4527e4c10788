"""Time the find bar's search (`ckstudio.model.search.Finder`) on a synthetic session.

    python benchmarks/bench_search.py [--runs 7] [--concepts 10000] [--knowledge 0] [--seed 1]

Figures in milliseconds (`time.perf_counter`, garbage collector on, as in the
application): `cold`, the first search, which folds every text once; then, per
query as typed one letter at a time ("e", "ec", ... "ecole"), the median and
the max of the runs with the folded texts cached, and the number of hits.

Target for 10,000 nodes: every query typed well under 50 ms once cached.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_session

from ckstudio.model.document import Document
from ckstudio.model.search import Finder

QUERIES = ("e", "ec", "eco", "ecol", "ecole", "école qui", "zzz")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--concepts", type=int, default=10_000)
    parser.add_argument("--knowledge", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    session = make_session(
        concepts=args.concepts, knowledge=args.knowledge, links=0, seed=args.seed
    )
    finder = Finder(Document(session, checked=True))
    start = time.perf_counter()
    finder.find("ecole")
    print(f"{args.concepts} concepts, {args.knowledge} knowledge items")
    print(f"cold (folds every text): {(time.perf_counter() - start) * 1000:.1f} ms")
    for query in QUERIES:
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            hits = finder.find(query)
            times.append((time.perf_counter() - start) * 1000)
        print(f"{query!r:12} median {statistics.median(times):5.1f} ms  "
              f"max {max(times):5.1f} ms  {len(hits)} hits")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
