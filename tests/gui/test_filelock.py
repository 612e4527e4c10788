"""One session file, one CK Studio: the lock beside the file, its fallback, stale locks."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ckstudio.gui.filelock import SessionLock, lock_beside, lock_in


def test_a_second_lock_on_the_same_file_names_its_holder(tmp_path):
    path = tmp_path / "s.ck.json"
    first, second = SessionLock(path), SessionLock(path)
    assert first.acquire() is None and first.held
    assert lock_beside(path).name == ".~s.ck.json.lock" and lock_beside(path).exists()
    holder = second.acquire()
    assert holder is not None and holder.pid == os.getpid() and holder.host
    assert not second.held
    first.release()
    assert not lock_beside(path).exists()
    assert second.acquire() is None and second.held
    second.release()


def test_an_old_lock_of_a_live_process_is_not_taken_over(tmp_path):
    path = tmp_path / "s.ck.json"
    first = SessionLock(path)
    first.acquire()
    hour_ago = lock_beside(path).stat().st_mtime - 3600
    os.utime(lock_beside(path), (hour_ago, hour_ago))  # a workshop lasts hours
    assert SessionLock(path).acquire() is not None
    first.release()


@contextlib.contextmanager
def _read_only_folder() -> Iterator[tuple[Path, Path]]:
    """A folder nobody may write in (but may read), and a fallback folder anybody may."""
    base = Path(tempfile.mkdtemp(dir="/tmp"))
    folder, fallback = base / "readonly", base / "locks"
    try:
        folder.mkdir()
        fallback.mkdir(mode=0o777)
        fallback.chmod(0o777)
        base.chmod(0o755)
        folder.chmod(0o555)
        yield folder, fallback
    finally:
        folder.chmod(0o755)
        shutil.rmtree(base)


def test_a_read_only_folder_puts_the_lock_in_the_fallback_folder(in_child):
    with _read_only_folder() as (folder, fallback):
        path = folder / "s.ck.json"

        def lock_twice() -> str:
            first, second = SessionLock(path, fallback), SessionLock(path, fallback)
            taken = first.acquire() is None and first.held
            where = sorted(p.name for p in fallback.iterdir())
            refused = second.acquire() is not None
            first.release()
            return f"{taken} {refused} {where}"

        answer = in_child(lock_twice, as_nobody=True) if os.geteuid() == 0 else lock_twice()
        assert answer == f"True True {[lock_in(fallback, path).name]}"
        assert list(folder.iterdir()) == []
