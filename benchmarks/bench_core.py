"""Time the core of CK Studio on a big synthetic session and compare with the targets.

    python benchmarks/bench_core.py [--runs 7] [--ops 1000] [--concepts 10000]
        [--knowledge 5000] [--links 10000] [--seed 1]

(a) load + validate: `load_session` of the file from disk (read, JSON, pydantic, whole-file rules)
(b) Document construction from the loaded session (whole-file rules again, indexes)
(c) save: `Document.to_session()` + `save_session` into a temporary folder (backups, fsync)
(d) encode only: `encode(session)`, the canonical bytes
(e) undo/redo: `--ops` realistic operations on the big document, each applied and then
    undone at once; the time of one operation + its undo (median, 95th percentile), the total
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pydantic
import pydantic_core
from synthetic import concept_text, make_session

from ckstudio.model import edits
from ckstudio.model.document import Document, Operation
from ckstudio.model.operations import AddTag, MoveNode, SetNodeField, SetVote
from ckstudio.model.session import REACHES
from ckstudio.storage import encode, load_session, save_session

TARGETS_MS = {"load": 250.0, "save": 250.0, "op": 1.0}
OP_WEIGHTS = {
    "add concept": 20,
    "edit text": 20,
    "edit reach": 10,
    "move": 10,
    "tag": 10,
    "vote": 10,
    "link": 10,
    "remove subtree": 10,
}


def timed(function: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds of each of `runs` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return times


class OperationMaker:
    """Draws realistic operations on a document that is back to its start after each one."""

    def __init__(self, doc: Document, rng: random.Random) -> None:
        self.doc = doc
        self.rng = rng
        self.concepts = list(doc.walk("c"))[1:]  # C0 cannot be moved or removed
        self.knowledge = list(doc.walk("k"))
        self.themes = [t.id for t in doc.themes]
        self.people = [p.id for p in doc.participants]
        sizes = {i: sum(1 for _ in doc.walk("c", i)) for i in self.concepts}
        self.small_subtrees = [i for i, size in sizes.items() if 2 <= size <= 15]
        self.makers: dict[str, Callable[[], Operation]] = {
            "add concept": self.add_concept,
            "edit text": self.edit_text,
            "edit reach": self.edit_reach,
            "move": self.move,
            "tag": self.tag,
            "vote": self.vote,
            "link": self.link,
            "remove subtree": self.remove_subtree,
        }
        possible = {
            "edit text": bool(self.concepts),
            "edit reach": bool(self.concepts),
            "move": bool(self.concepts),
            "tag": bool(self.concepts and self.themes),
            "vote": bool(self.concepts),
            "link": bool(self.concepts and self.knowledge),
            "remove subtree": bool(self.small_subtrees),
        }
        self.weights = {k: w for k, w in OP_WEIGHTS.items() if possible.get(k, True)}

    def draw(self) -> tuple[str, Operation]:
        kind = self.rng.choices(tuple(self.weights), weights=tuple(self.weights.values()))[0]
        return kind, self.makers[kind]()

    def some_concept(self) -> str:
        return self.rng.choice(self.concepts)

    def add_concept(self) -> Operation:
        partition = self.rng.choice(("restrictive", "expansive"))
        parent = self.rng.choice([self.doc.root, *self.concepts])
        return edits.add_concept(self.doc, parent, concept_text(self.rng), partition=partition)

    def edit_text(self) -> Operation:
        return SetNodeField("c", self.some_concept(), "text", concept_text(self.rng))

    def edit_reach(self) -> Operation:
        concept = self.some_concept()
        reaches = [r for r in REACHES if r != self.doc.concept(concept).reach]
        return SetNodeField("c", concept, "reach", self.rng.choice(reaches))

    def move(self) -> Operation:
        while True:
            node, parent = self.some_concept(), self.rng.choice([self.doc.root, *self.concepts])
            if parent != node and node not in self.doc.ancestors("c", parent):
                break
        old_parent = self.doc.concept(node).parent
        room = len(self.doc.children("c", parent)) - (old_parent == parent)
        return MoveNode("c", node, parent, self.rng.randint(0, room))

    def tag(self) -> Operation:
        while True:
            concept = self.some_concept()
            theme, by = self.rng.choice(self.themes), self.rng.choice([*self.people, None])
            if all((t.theme, t.by) != (theme, by) for t in self.doc.concept(concept).tags):
                return AddTag(concept, theme, by)

    def vote(self) -> Operation:
        by = self.rng.choice([*self.people, None])
        return SetVote(self.some_concept(), by, self.rng.randint(1, 3))

    def link(self) -> Operation:
        while True:
            concept, item = self.some_concept(), self.rng.choice(self.knowledge)
            kind = "c_to_k" if self.rng.random() < 0.7 else "k_to_c"
            if self.doc.find_link(concept, item, kind) is None:
                return edits.link(self.doc, concept, item, kind)

    def remove_subtree(self) -> Operation:
        return edits.remove_subtree(self.doc, "c", self.rng.choice(self.small_subtrees))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run_operations(doc: Document, count: int, seed: int) -> dict[str, list[float]]:
    """Milliseconds of each operation + its undo, by kind of operation."""
    maker = OperationMaker(doc, random.Random(seed))
    edits.add_concept(doc, doc.root)  # the first new_id scans every id once: not an edit
    times: dict[str, list[float]] = defaultdict(list)
    for _ in range(count):
        kind, operation = maker.draw()
        start = time.perf_counter()
        inverse = doc.apply(operation)
        doc.apply(inverse)
        times[kind].append((time.perf_counter() - start) * 1000)
    return times


def row(name: str, times: list[float], target: float | None = None, digits: int = 1) -> str:
    median = statistics.median(times)
    cells = f"{name:<36}{median:>9.{digits}f}{min(times):>9.{digits}f}{max(times):>9.{digits}f}"
    if target is not None:
        cells += f"{f'<= {target:.0f} ms':>12}   {'yes' if median <= target else 'NO'}"
    return cells


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--ops", type=int, default=1000)
    parser.add_argument("--concepts", type=int, default=10_000)
    parser.add_argument("--knowledge", type=int, default=5_000)
    parser.add_argument("--links", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args(argv)
    runs = max(1, options.runs)

    session = make_session(
        concepts=options.concepts,
        knowledge=options.knowledge,
        links=options.links,
        seed=options.seed,
    )
    original = encode(session)
    print(
        f"Session: {len(session.concepts)} concepts, {len(session.knowledge)} knowledge items, "
        f"{len(session.links)} links, {len(original) / 1e6:.1f} MB; {runs} runs"
    )
    print(
        f"Python {platform.python_version()}, pydantic {pydantic.VERSION} "
        f"(pydantic-core {pydantic_core.__version__}), {os.cpu_count()} CPUs, "
        f"{platform.system()} {platform.machine()}"
    )

    with tempfile.TemporaryDirectory(prefix="ckbench-") as folder:
        source = Path(folder, "source.ck.json")
        source.write_bytes(original)
        loaded = load_session(source)
        load = timed(lambda: load_session(source), runs)
        build = timed(lambda: Document(loaded), runs)
        doc = Document(loaded)
        target = Path(folder, "saved.ck.json")
        save = timed(lambda: save_session(doc.to_session(), target), runs)
        encoding = timed(lambda: encode(loaded), runs)

        start = time.perf_counter()
        by_kind = run_operations(doc, options.ops, options.seed)
        total = (time.perf_counter() - start) * 1000
        restored = encode(doc.to_session()) == original

    print()
    print(f"{'figure (ms)':<36}{'median':>9}{'min':>9}{'max':>9}{'target':>12}   met")
    print(row("(a) load + validate", load, TARGETS_MS["load"]))
    print(row("(b) Document construction", build))
    print(row("(c) save (to_session + save, fsync)", save, TARGETS_MS["save"]))
    print(row("(d) encode only", encoding))
    every = [t for times in by_kind.values() for t in times]
    p95 = percentile(every, 0.95)
    print(row("(e) one operation + its undo", every, TARGETS_MS["op"], digits=3))
    print(f"{'    95th percentile':<36}{p95:>9.3f}")
    print(f"{f'    total of {len(every)} (with drawing them)':<36}{total:>9.1f}")
    print(f"    document back to its start after the undos: {'yes' if restored else 'NO'}")
    print()
    print(f"{'(e) by kind (ms)':<36}{'count':>9}{'median':>9}{'p95':>9}{'max':>9}")
    for kind in OP_WEIGHTS:
        times = by_kind.get(kind, [])
        if times:
            print(
                f"    {kind:<32}{len(times):>9}{statistics.median(times):>9.3f}"
                f"{percentile(times, 0.95):>9.3f}{max(times):>9.3f}"
            )
    return 0 if restored else 1


if __name__ == "__main__":
    sys.exit(main())
