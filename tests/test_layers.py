"""Nothing below the GUI imports Qt: the core runs in scripts, servers and CI.

import-linter checks the import graph statically (`lint-imports`, run by
.ci/run); this test checks what really gets loaded when the core is used.
"""

from __future__ import annotations

import subprocess
import sys

CORE = ["ckstudio.model", "ckstudio.storage", "ckstudio.layout", "ckstudio.report", "ckstudio.cli"]


def test_using_the_core_loads_no_qt(tmp_path):
    script = f"""
import sys
for name in {CORE!r}:
    __import__(name)
from ckstudio.cli import main
main(["new", "-o", {str(tmp_path / "a.ck.json")!r}, "--title", "x"])
main(["stats", {str(tmp_path / "a.ck.json")!r}])
qt = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
print(sorted(m for m in sys.modules if m.split(".")[0] in qt))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
