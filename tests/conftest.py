"""Test configuration shared by the whole suite.

Qt runs offscreen here, so the suite needs no display (CI has none); the
hypothesis profile "ci" is the one CI uses (more examples, no deadline on a
shared, noisy machine).
"""

import atexit
import contextlib
import os
import select
import shutil
import signal
import tempfile
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, settings

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Settings (QSettings) and app data go to a scratch folder, never the user's own.
_SCRATCH = tempfile.mkdtemp(prefix="ckstudio-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SCRATCH, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_SCRATCH, "data")
atexit.register(shutil.rmtree, _SCRATCH, ignore_errors=True)

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))

NOBODY = 65534
CHILD_TIMEOUT = 60  # seconds a forked child may take


def _in_child(work: Callable[[], str], *, as_nobody: bool = False) -> str:
    """Run `work` in a forked child (as nobody if asked); return the text it returned.

    Root ignores permission bits, and CI runs as root: a child that drops to
    nobody sees read-only folders and unreadable files as a user would. The
    child always leaves through os._exit, never back into pytest.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.close(read_end)
            if as_nobody:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            os.write(write_end, work().encode())
            code = 0
        except BaseException as error:
            with contextlib.suppress(BaseException):
                os.write(write_end, f"{type(error).__name__}: {error}".encode())
        finally:
            os._exit(code)
    os.close(write_end)
    answer = _read_all(read_end, pid)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, answer
    return answer


def _read_all(read_end: int, pid: int) -> str:
    """What the child wrote, until it closes the pipe; a child stuck for CHILD_TIMEOUT
    (a lock held by another thread at the fork) is killed and the test fails."""
    chunks: list[bytes] = []
    deadline = time.monotonic() + CHILD_TIMEOUT
    with os.fdopen(read_end, "rb", buffering=0) as stream:
        while True:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([stream], [], [], max(0.0, left))
            if not ready:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                raise AssertionError(f"the forked child was stuck for {CHILD_TIMEOUT} s")
            chunk = stream.read(65536)
            if not chunk:
                return b"".join(chunks).decode()
            chunks.append(chunk)


@pytest.fixture
def in_child() -> Callable[..., str]:
    """`in_child(work, as_nobody=False)`: run `work` in a forked child process."""
    return _in_child
