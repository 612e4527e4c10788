"""Write a synthetic but realistic session file of any size.

    python benchmarks/generate.py --concepts 10000 --knowledge 5000 --links 10000 \
        [--participants 30] [--themes 6] [--seed 1] -o OUT.ck.json

The same arguments always give the same bytes. The file passes `ckstudio validate`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_session

from ckstudio.storage import encode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concepts", type=int, default=10_000, help="including C0")
    parser.add_argument("--knowledge", type=int, default=5_000)
    parser.add_argument("--links", type=int, default=10_000)
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--themes", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.ck.json")
    options = parser.parse_args(argv)
    try:
        session = make_session(
            concepts=options.concepts,
            knowledge=options.knowledge,
            links=options.links,
            participants=options.participants,
            themes=options.themes,
            seed=options.seed,
        )
    except ValueError as error:
        parser.error(str(error))
    data = encode(session)
    options.output.write_bytes(data)
    print(
        f"{options.output}: {len(session.concepts)} concepts, {len(session.knowledge)} "
        f"knowledge items, {len(session.links)} links, {len(data) / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
