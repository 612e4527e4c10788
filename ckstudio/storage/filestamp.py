"""What a session file was when CK Studio last read or wrote it, to tell whether
someone else changed it since (another program, a colleague on a shared folder).

The modification time and size answer at once in the usual case; when they
differ, the bytes' hash decides, so a file merely touched or copied back
unchanged is not reported as changed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileStamp:
    mtime_ns: int
    size: int
    digest: str


def stamp_of(path: Path) -> FileStamp | None:
    """The file's stamp now; None when it cannot be read (gone, not a file)."""
    try:
        info = path.stat()
        return FileStamp(info.st_mtime_ns, info.st_size, _digest(path))
    except (OSError, ValueError):
        return None


def changed_since(stamp: FileStamp, path: Path) -> bool:
    """True when the file is no longer what `stamp` recorded, or is gone."""
    try:
        info = path.stat()
    except (OSError, ValueError):
        return True
    if (info.st_mtime_ns, info.st_size) == (stamp.mtime_ns, stamp.size):
        return False
    if info.st_size != stamp.size:
        return True
    try:
        return _digest(path) != stamp.digest
    except (OSError, ValueError):
        return True


def _digest(path: Path) -> str:
    hasher = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            hasher.update(block)
    return hasher.hexdigest()
