"""One session file, one CK Studio: a lock held while a session file is open.

Two facilitators opening the same file on a shared folder would each save over
the other's work. While a window has a session file open, it holds a QLockFile
named `.~NAME.lock` beside it (hidden on Linux and macOS). A second CK Studio
finds it held and asks what to do instead of opening the file for writing.

A lock whose owner died (killed, crashed, the machine restarted) is stale:
QLockFile sees the process is gone (by pid, process name, host and boot) and
takes the lock over. Age alone never makes a lock stale here (stale lock time
0), since a session stays open for a whole workshop.

When the file's folder cannot hold the lock file (a read-only folder), the lock
goes to CK Studio's data folder instead, named by a hash of the file's absolute
path: two CK Studios of the same user on the same machine still see each
other. If even that fails the file opens without a lock, and `note` says so.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths

from ckstudio.gui.settings import APPLICATION, ORGANISATION


@dataclass(frozen=True)
class Holder:
    """Who holds a lock: enough to tell the user which process and machine."""

    pid: int
    host: str
    app: str


def fallback_folder() -> Path:
    """Where locks go when a file's own folder is read-only (CK Studio's data folder)."""
    data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(data) / ORGANISATION / APPLICATION / "locks"


def lock_beside(path: Path) -> Path:
    return path.with_name(f".~{path.name}.lock")


def lock_in(folder: Path, path: Path) -> Path:
    key = hashlib.sha256(str(path.absolute()).encode("utf-8", "surrogatepass")).hexdigest()
    return folder / f"{key[:32]}.lock"


class SessionLock:
    """The lock of one session file; `acquire` once, `release` when the file is closed."""

    def __init__(self, path: Path, fallback: Path | None = None) -> None:
        self.path = path.absolute()
        self._fallback = fallback
        self._lock: QLockFile | None = None
        self.note = ""  # why the file is open without a lock, if it is

    def covers(self, path: Path) -> bool:
        return path.absolute() == self.path

    @property
    def held(self) -> bool:
        return self._lock is not None

    def acquire(self) -> Holder | None:
        """Take the lock; the holder if another live process has it, else None.

        None also when no lock could be made at all (then `note` says so): a
        file is never refused because of a place to put its lock.
        """
        for where in self._places():
            lock = QLockFile(str(where))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                self._lock = lock
                return None
            if lock.error() == QLockFile.LockError.LockFailedError:
                pid, host, app = lock.getLockInfo()
                return Holder(pid, host, app)
        self.note = "no lock could be made for this file"
        return None

    def _places(self) -> Iterator[Path]:
        """Beside the file; then, only if that failed, in the fallback folder."""
        yield lock_beside(self.path)
        fallback = self._fallback or fallback_folder()
        with contextlib.suppress(OSError):
            fallback.mkdir(parents=True, exist_ok=True)
            yield lock_in(fallback, self.path)

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
