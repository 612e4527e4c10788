"""Bring a session written by an older CK Studio up to the current format version.

Each step takes the parsed JSON of version N and returns that of version N+1;
it never touches the file. Every version has a fixture in tests/data/versions/
that must keep loading.

- 1 -> 2: sessions gain the `rounds` section (tagging and voting rounds), empty.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ckstudio.model.session import FORMAT_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]

FIRST_VERSION = 1


def _add_rounds(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 had no rounds: give the session an empty list of them (rounds
    written into a v1 file by hand are kept, not dropped)."""
    return {"rounds": [], **data}


MIGRATIONS: dict[int, Migration] = {1: _add_rounds}


def migrate(
    data: dict[str, Any],
    version: int,
    steps: Mapping[int, Migration] = MIGRATIONS,
    target: int = FORMAT_VERSION,
) -> dict[str, Any]:
    """Apply the steps from `version` up to `target`, stamping each new version."""
    while version < target:
        data = steps[version](data)
        version += 1
        data["version"] = version
    return data
