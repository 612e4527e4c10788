"""The examples offered as templates ship inside the package, the same as examples/."""

from __future__ import annotations

import tomllib
from pathlib import Path

from ckstudio.storage import load_session
from ckstudio.storage.bundled import bundled_examples

ROOT = Path(__file__).resolve().parents[2]


def test_the_package_holds_the_same_examples_as_the_checkout():
    bundled = bundled_examples()
    top = sorted((ROOT / "examples").glob("*.ck.json"))
    assert [p.name for p in bundled] == [p.name for p in top] and len(bundled) >= 3
    for inside, outside in zip(bundled, top, strict=True):
        assert inside.read_bytes() == outside.read_bytes(), f"{inside.name} differs"
        assert load_session(inside).meta.title


def test_the_examples_are_declared_as_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["ckstudio"]
    package = ROOT / "ckstudio"
    declared = {p for pattern in patterns for p in package.glob(pattern)}
    assert set(bundled_examples()) <= declared
