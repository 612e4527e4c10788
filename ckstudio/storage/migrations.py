"""Bring a session written by an older CK Studio up to the current format version.

Each step takes the parsed JSON of version N and returns that of version N+1;
it never touches the file. Version 1 is the first, so the chain is empty
today; the next format change adds `MIGRATIONS[1]` and a fixture
`tests/data/versions/v2.ck.json`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ckstudio.model.session import FORMAT_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]

FIRST_VERSION = 1
MIGRATIONS: dict[int, Migration] = {}


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
