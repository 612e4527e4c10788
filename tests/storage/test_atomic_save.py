"""Saving: atomic (whole old file or whole new one, even under SIGKILL), numbered
backups, the file's mode kept, and typed errors that leave the old file intact.

Forked children always leave through os._exit, never back into pytest.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import os
import random
import resource
import shutil
import signal
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ckstudio.model.templates import new_session
from ckstudio.storage import SessionSaveError, backup_path, encode, load_session, save_session
from ckstudio.storage.files import write_atomically

NOBODY = 65534
TEMP_MARK = ".saving-"
NOW = datetime.datetime(2020, 5, 6, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))


def _session(title: str) -> Any:
    return new_session(title, now=NOW)


def _temporaries(path: Path) -> list[str]:
    return sorted(
        p.name for p in path.parent.iterdir() if p.name.startswith(f".{path.name}{TEMP_MARK}")
    )


def _save_error(save: Callable[[], None]) -> str:
    """The message of the SessionSaveError that `save` raises, or 'saved'."""
    try:
        save()
    except SessionSaveError as error:
        return str(error)
    return "saved"


# --- Backups and mode ------------------------------------------------------------


def test_five_saves_keep_three_backups_newest_first(tmp_path: Path) -> None:
    path = tmp_path / "atelier.ck.json"
    versions = [encode(_session(f"version {n}")) for n in range(1, 6)]
    assert len(set(versions)) == 5
    for n in range(1, 6):
        save_session(_session(f"version {n}"), path)
    assert path.read_bytes() == versions[4]
    assert [backup_path(path, n).read_bytes() for n in (1, 2, 3)] == versions[3:0:-1]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "atelier.ck.json",
        "atelier.ck.json.1.bak",
        "atelier.ck.json.2.bak",
        "atelier.ck.json.3.bak",
    ]
    assert load_session(backup_path(path, 3)).meta.title == "version 2"


def test_no_backups_when_asked_for_none(tmp_path: Path) -> None:
    path = tmp_path / "s.ck.json"
    for n in range(3):
        save_session(_session(f"v{n}"), path, backups=0)
    assert [p.name for p in tmp_path.iterdir()] == ["s.ck.json"]
    assert load_session(path).meta.title == "v2"


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_saving_keeps_the_file_mode(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "s.ck.json"
    save_session(_session("one"), path)
    path.chmod(mode)
    for title in ("two", "three", "four"):
        save_session(_session(title), path)
        assert stat.S_IMODE(path.stat().st_mode) == mode
    assert load_session(path).meta.title == "four"


# --- Killed in the middle of a save ------------------------------------------------


def test_sigkill_never_leaves_a_partial_file(tmp_path: Path) -> None:
    path = tmp_path / "killed.ck.json"
    a = b"A" * 1_500_000 + b"\n"
    b = bytes(range(256)) * 6_000 + b"B\n"  # another size and content
    write_atomically(path, a)
    rng = random.Random(20200506)
    seen = {a: 0, b: 0}
    leftovers = 0
    start = time.perf_counter()
    for _ in range(200):
        pid = os.fork()
        if pid == 0:  # the child: save A, B, A, B... until killed
            try:
                while True:
                    write_atomically(path, b)
                    write_atomically(path, a)
            finally:
                os._exit(3)
        time.sleep(rng.uniform(0, 0.03))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
        data = path.read_bytes()
        assert data in seen, f"partial file: {len(data)} bytes"
        seen[data] += 1
        leftovers += bool(_temporaries(path))
    assert time.perf_counter() - start < 20
    assert seen[a] and seen[b], seen  # the children did save, both versions
    assert leftovers, "no kill landed during a write: the test proved nothing"
    write_atomically(path, a)
    assert path.read_bytes() == a
    assert _temporaries(path) == []
    assert backup_path(path, 1).exists()
    for n in (1, 2, 3):
        if backup_path(path, n).exists():
            assert backup_path(path, n).read_bytes() in (a, b), f"backup {n} is partial"


# --- Refused saves leave the old file ---------------------------------------------


@contextlib.contextmanager
def _folder_for_nobody() -> Iterator[Path]:
    """A fresh folder under /tmp (1777: traversable by everybody), removed afterwards."""
    folder = Path(tempfile.mkdtemp(dir="/tmp"))
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_read_only_folder_refuses_the_save_and_keeps_the_file(in_child: Callable[..., str]) -> None:
    with _folder_for_nobody() as folder:
        path = folder / "s.ck.json"
        save_session(_session("old"), path)
        path.chmod(0o666)  # the file is writable: only the folder is not
        old = path.read_bytes()
        folder.chmod(0o555)

        def save() -> str:
            return _save_error(lambda: save_session(_session("new"), path))

        message = in_child(save, as_nobody=True) if os.geteuid() == 0 else save()
        assert message.startswith(f"{path}: "), message
        assert "permission denied" in message
        assert path.read_bytes() == old
        assert sorted(p.name for p in folder.iterdir()) == ["s.ck.json"]


def test_file_size_limit_refuses_the_save_and_keeps_the_file(
    tmp_path: Path, in_child: Callable[..., str]
) -> None:
    path = tmp_path / "s.ck.json"
    save_session(_session("old"), path)
    old = path.read_bytes()
    limit = 256 * 1024
    assert len(old) < limit

    def save() -> str:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        return _save_error(lambda: write_atomically(path, b"x" * (4 * limit)))

    message = in_child(save)
    assert message.startswith(f"{path}: "), message
    assert "too large" in message
    assert path.read_bytes() == old
    assert _temporaries(path) == []
    assert not backup_path(path, 1).exists()


class _FullDisk:
    """A file object whose writes fill the disk half-way, then fail with ENOSPC."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: bytes) -> int:
        self._stream.write(bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()


def _no_space(*args: object, **kwargs: object) -> Any:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("where", ["write", "fsync"])
def test_full_disk_refuses_the_save_and_keeps_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    path = tmp_path / "s.ck.json"
    save_session(_session("old"), path)
    old = path.read_bytes()
    real_fdopen = os.fdopen
    with monkeypatch.context() as patch:
        if where == "write":
            patch.setattr(os, "fdopen", lambda *a, **k: _FullDisk(real_fdopen(*a, **k)))
            patch.setattr(os, "write", _no_space)
        else:
            patch.setattr(os, "fsync", _no_space)
        big = new_session("new", c0="nouveau " * 1000, now=NOW)
        message = _save_error(lambda: save_session(big, path))
    assert message.startswith(f"{path}: "), message
    assert "the disk is full" in message
    assert path.read_bytes() == old
    assert _temporaries(path) == []
    assert not backup_path(path, 1).exists()


def test_saving_into_a_missing_folder_is_a_save_error(tmp_path: Path) -> None:
    path = tmp_path / "no such folder" / "s.ck.json"
    with pytest.raises(SessionSaveError) as info:
        save_session(_session("new"), path)
    assert not isinstance(info.value, FileNotFoundError)
    assert str(info.value).startswith(f"{path}: ")
    assert "does not exist" in str(info.value)
    assert "\n" not in str(info.value)
    assert not path.parent.exists()


def test_a_folder_that_cannot_be_synced_still_saves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rename has happened: reporting a failure would say the old file is kept."""
    path = tmp_path / "s.ck.json"
    save_session(_session("old"), path)
    real_fsync = os.fsync

    def fsync_files_only(descriptor: int) -> None:
        if stat.S_ISDIR(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync_files_only)
    save_session(_session("new"), path)
    assert load_session(path).meta.title == "new"
    assert load_session(backup_path(path, 1)).meta.title == "old"
