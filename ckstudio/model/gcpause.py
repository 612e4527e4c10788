"""Pausing Python's cyclic garbage collector around bulk work.

Loading a session or laying out its map makes tens of thousands of small
objects and no reference cycles; the collector's full passes, triggered by
the sheer number of new objects, would otherwise take a third to a half of
the time. Plain reference counting still frees everything as usual.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
