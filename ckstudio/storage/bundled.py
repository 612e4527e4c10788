"""The example sessions shipped inside the package, offered as templates.

They live in `ckstudio/resources/examples/` (package data, so an installed
CK Studio has them too); `examples/` at the top of a source checkout holds the
same files for the README and the tests, and a test keeps the two identical.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ckstudio.storage.files import SUFFIX


def bundled_examples() -> list[Path]:
    """The example session files, sorted by name; empty if the package has none."""
    folder = Path(str(resources.files("ckstudio").joinpath("resources", "examples")))
    return sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []
