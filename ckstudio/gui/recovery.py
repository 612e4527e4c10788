"""The recovery folder: copies of edited sessions, kept until they are saved or closed.

Each open, edited session has an entry in the folder: its bytes
(`KEY.ck.json`, an ordinary session file), a small sidecar (`KEY.info.json`:
title, original file and what that file was when the session was read from
it, node count, time of the autosave, and a digest of the copy it describes) and a lock
(`KEY.lock`, a QLockFile) held by the process that owns the session for as
long as it is open. Both files are written atomically, so a process killed
mid-write leaves the previous whole copy, never a broken one.

An entry is recoverable when its lock can be taken: its owner closed without
cleaning up, i.e. crashed. QLockFile sees a lock whose process is gone as
stale at once (by process id, whatever its age), and stale detection by age
is turned off, so a session open for hours in another CK Studio is never
offered. The lister keeps the locks it took until each entry is recovered,
discarded or left for later, so two instances starting together never offer
the same entry twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
from dataclasses import astuple, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths

from ckstudio.model.problems import Problem
from ckstudio.model.session import Session
from ckstudio.storage import SessionLoadError, SessionSaveError, load_session
from ckstudio.storage.files import write_atomically
from ckstudio.storage.filestamp import FileStamp

SESSION_SUFFIX = ".ck.json"
INFO_SUFFIX = ".info.json"
LOCK_SUFFIX = ".lock"
INFO_FORMAT = "ckstudio.recovery"


def default_location() -> Path:
    """`recovery` in the application's data folder (XDG_DATA_HOME on Linux)."""
    location = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(location)) / "recovery"


@dataclass(frozen=True)
class EntryInfo:
    """What the offer at start shows about an entry, without loading the session."""

    title: str
    original: Path | None  # the file the session came from; None if never saved
    nodes: int  # concepts and knowledge items
    saved: datetime  # time of the autosave, timezone-aware
    # The original file as the session last read or wrote it: Save after a recovery
    # asks first if the file changed since (newer work saved after the crash).
    base: FileStamp | None = None
    digest: str = ""  # SHA-256 of the session copy these details describe

    def to_bytes(self) -> bytes:
        fields = {
            "format": INFO_FORMAT,
            "title": self.title,
            "original": str(self.original) if self.original is not None else None,
            "nodes": self.nodes,
            "saved": self.saved.isoformat(timespec="seconds"),
            "base": None if self.base is None else list(astuple(self.base)),
            "digest": self.digest,
        }
        return json.dumps(fields, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> EntryInfo:
        """Raise ValueError (or a subclass) if the sidecar is not one we wrote."""
        fields = json.loads(data.decode("utf-8"))
        if not isinstance(fields, dict) or fields.get("format") != INFO_FORMAT:
            raise ValueError("not a recovery sidecar")
        original, nodes, digest = (fields[k] for k in ("original", "nodes", "digest"))
        base = _stamp(fields["base"])
        saved = datetime.fromisoformat(fields["saved"])
        if (
            not isinstance(fields["title"], str)
            or not (original is None or isinstance(original, str))
            or not isinstance(nodes, int)
            or not isinstance(digest, str)
            or saved.tzinfo is None
        ):
            raise ValueError("a field of the sidecar has the wrong type")
        path = Path(original) if original is not None else None
        return cls(fields["title"], path, nodes, saved, base, digest)


def _stamp(value: object) -> FileStamp | None:
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 3):
        raise ValueError("the original file's stamp has the wrong shape")
    mtime_ns, size, digest = value
    if not (isinstance(mtime_ns, int) and isinstance(size, int) and isinstance(digest, str)):
        raise ValueError("the original file's stamp has the wrong type")
    return FileStamp(mtime_ns, size, digest)


def now() -> datetime:
    return datetime.now(UTC)


class Entry:
    """One session in the recovery folder, its lock held by this process."""

    def __init__(self, folder: Path, key: str, lock: QLockFile) -> None:
        self.folder = folder
        self.key = key
        self._lock = lock
        self.info: EntryInfo | None = None

    @property
    def session_path(self) -> Path:
        return self.folder / (self.key + SESSION_SUFFIX)

    @property
    def info_path(self) -> Path:
        return self.folder / (self.key + INFO_SUFFIX)

    @property
    def damaged(self) -> bool:
        """Its details cannot be read: it can only be discarded (or left)."""
        return self.info is None

    def read_info(self) -> None:
        """The sidecar's details if they describe the copy on disk, else the copy's own.

        A process killed between writing the copy and its sidecar leaves an
        older sidecar (or none): the copy is then read to describe itself.
        """
        self.info = None
        try:
            data = self.session_path.read_bytes()
        except OSError:
            return
        sidecar = self._sidecar()
        if not data:
            return
        if sidecar is not None and sidecar.digest == _digest(data):
            self.info = sidecar
            return
        try:
            session = self.load()
            saved = datetime.fromtimestamp(self.session_path.stat().st_mtime, UTC)
        except (SessionLoadError, OSError):
            return
        self.info = EntryInfo(
            session.meta.title,
            sidecar.original if sidecar is not None else None,
            len(session.concepts) + len(session.knowledge),
            saved,
            sidecar.base if sidecar is not None else None,
            _digest(data),
        )

    def _sidecar(self) -> EntryInfo | None:
        try:
            return EntryInfo.from_bytes(self.info_path.read_bytes())
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write(self, data: bytes, info: EntryInfo) -> None:
        """Session first, then its sidecar; callable from a worker thread.

        Raises SessionSaveError with one sentence (disk full, folder read-only).
        """
        info = replace(info, digest=_digest(data))
        write_atomically(self.session_path, data, backups=0)
        write_atomically(self.info_path, info.to_bytes(), backups=0)
        self.info = info

    def load(self) -> Session:
        """The session as autosaved; raises SessionLoadError."""
        return load_session(self.session_path)

    def clear(self) -> None:
        """Delete the copy (the lock stays: the entry is still this process's)."""
        for path in (self.info_path, self.session_path, *self._temporaries()):
            with contextlib.suppress(OSError):
                path.unlink()
        self.info = None

    def discard(self) -> None:
        """Delete the copy, then let the lock go: nothing is left of the entry."""
        self.clear()
        self._lock.unlock()

    def release(self) -> None:
        """Keep the copy for a later start; let the lock go."""
        self._lock.unlock()

    def _temporaries(self) -> list[Path]:
        """What an atomic write killed half-way left (hidden files named after the entry)."""
        return list(self.folder.glob(f".{self.key}.*"))


class RecoveryFolder:
    """The folder of entries; `recoverable()` lists those whose owner is gone."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else default_location()

    def create(self) -> Entry:
        """A new entry for this process, locked; SessionSaveError if the folder is unusable."""
        key = f"{now():%Y%m%d-%H%M%S}-{os.getpid()}-{secrets.token_hex(4)}"
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            reason = error.strerror or str(error)
            raise SessionSaveError(
                self.path, [Problem("", f"no recovery folder: {reason}")]
            ) from None
        lock = _lock_for(self.path / (key + LOCK_SUFFIX))
        if not lock.tryLock(0):
            problem = Problem("", "the recovery folder cannot be written")
            raise SessionSaveError(self.path, [problem])
        return Entry(self.path, key, lock)

    def recoverable(self) -> list[Entry]:
        """Entries left by processes that are gone, oldest first, each now locked by us.

        Entries with nothing to recover (the owner died before its first
        autosave) are removed on the way.
        """
        entries = []
        for key in self._keys():
            lock = _lock_for(self.path / (key + LOCK_SUFFIX))
            if not lock.tryLock(0):
                continue  # alive in another process (or in this one)
            entry = Entry(self.path, key, lock)
            if entry.session_path.exists() or entry.info_path.exists():
                entry.read_info()
                entries.append(entry)
            else:
                entry.discard()
        return entries

    def _keys(self) -> list[str]:
        try:
            names = sorted(p.name for p in self.path.iterdir() if not p.name.startswith("."))
        except OSError:
            return []
        keys = (
            name.removesuffix(suffix)
            for name in names
            for suffix in (SESSION_SUFFIX, INFO_SUFFIX, LOCK_SUFFIX)
            if name.endswith(suffix) and len(name) > len(suffix)
        )
        return list(dict.fromkeys(keys))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _lock_for(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    return lock
