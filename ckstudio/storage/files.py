"""Session files on disk: read safely, write atomically, keep numbered backups.

Reading never changes the file. Writing goes to a temporary file in the same
folder, which is flushed and fsync'ed, then renamed over the target (an atomic
step on POSIX and Windows), then the folder is fsync'ed: at any instant the
target is the whole old version or the whole new one, even if the process is
killed or the power goes. Before the rename the old version becomes
`NAME.1.bak` (the older ones shift to `.2.bak`, `.3.bak`).
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import secrets
import stat
from pathlib import Path

from ckstudio.model import limits
from ckstudio.model.problems import QT_TRANSLATE_NOOP, Message, Problem
from ckstudio.model.session import Session
from ckstudio.storage.codec import ParseError, decode, encode, limit_problem, too_big
from ckstudio.storage.errors import SessionLoadError, SessionSaveError
from ckstudio.storage.pdfarchive import (
    MAX_PDF_BYTES,
    PDF_MAGIC,
    attached_session_bytes,
    pdf_too_big,
)

SUFFIX = ".ck.json"
BACKUPS = 3
_TEMP_MARK = ".saving-"
BACKUP_HINT = "{reason}; the previous version is in {backup}"  # the window says it its own way
_UNUSABLE_NAME = Message(QT_TRANSLATE_NOOP("Errors", "this is not a usable file name"))


def load_session(path: Path | str) -> Session:
    """Read and validate a session file; raise SessionLoadError saying what is wrong.

    A PDF report made by CK Studio is read too: the session attached to it is
    decoded as a session file is, with the same checks and limits.
    """
    path = Path(path)
    try:
        data = _read_regular_file(path)
        if data.startswith(PDF_MAGIC):
            data = attached_session_bytes(data)
        return decode(data)
    except ParseError as error:
        raise SessionLoadError(path, _with_backup_hint(path, error.problems)) from None
    except OSError as error:
        raise SessionLoadError(path, [Problem("", _os_reason(error, "read"))]) from None
    except ValueError:  # a NUL byte or half a surrogate pair in the path, or no name at all
        raise SessionLoadError(path, [Problem("", _UNUSABLE_NAME)]) from None


def save_session(session: Session, path: Path | str, *, backups: int = BACKUPS) -> None:
    """Write a session canonically and atomically; raise SessionSaveError on failure.

    A session the loader would refuse (too large) is not written at all.
    """
    data = encode(session)
    problem = limit_problem(data) or _pdf_problem(Path(path))
    if problem:
        message = Message(QT_TRANSLATE_NOOP("Errors", "not saved: {reason}"), reason=problem)
        raise SessionSaveError(path, [Problem("", message)])
    write_atomically(Path(path), data, backups=backups)


def _pdf_problem(path: Path) -> Message | None:
    """Why the session must not go to this path: a PDF report, which opens as a session too.

    Saving a session opened from `report.pdf` would otherwise put JSON in place
    of the report.
    """
    is_pdf = path.suffix.lower() == ".pdf"
    with contextlib.suppress(OSError, ValueError):
        if not is_pdf and path.is_file():  # never open a FIFO: reading it would wait
            with path.open("rb") as stream:
                is_pdf = stream.read(len(PDF_MAGIC)) == PDF_MAGIC
    if not is_pdf:
        return None
    template = QT_TRANSLATE_NOOP(
        "Errors", "this is a PDF report; save the session as a {suffix} file"
    )
    return Message(template, suffix=SUFFIX)


def backup_path(path: Path, number: int) -> Path:
    return path.with_name(f"{path.name}.{number}.bak")


def _read_regular_file(path: Path) -> bytes:
    """The file's bytes, read with a cap: limits.MAX_FILE_BYTES, or MAX_PDF_BYTES for a PDF.

    A PDF report holds the session and its drawn maps, so it may be much larger
    than the session inside it; that session then meets the session file limit.
    """
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise ParseError([Problem("", _REASONS[errno.EISDIR])])
    if not stat.S_ISREG(info.st_mode):
        message = Message(QT_TRANSLATE_NOOP("Errors", "this is not a regular file"))
        raise ParseError([Problem("", message)])
    with path.open("rb") as stream:
        start = stream.read(len(PDF_MAGIC))  # the size allowed depends on what the file is
        cap = MAX_PDF_BYTES if start == PDF_MAGIC else limits.MAX_FILE_BYTES
        if info.st_size > cap:
            raise ParseError([Problem("", _too_big_for(start, info.st_size))])
        stream.seek(0)
        data = stream.read(cap + 1)
    if len(data) > cap:
        raise ParseError([Problem("", _too_big_for(data, len(data)))])
    return data


def _too_big_for(start: bytes, size: int) -> Message:
    return pdf_too_big(size) if start.startswith(PDF_MAGIC) else too_big(size)


def _with_backup_hint(path: Path, problems: list[Problem]) -> list[Problem]:
    """Point at the newest backup when the file itself is damaged."""
    if not path.name:
        return problems
    backup = backup_path(path, 1)
    if not backup.exists():
        return problems
    first = problems[0]
    hint = Problem(first.pointer, Message(BACKUP_HINT, reason=first.message, backup=backup.name))
    return [hint, *problems[1:]]


def write_atomically(path: Path, data: bytes, *, backups: int = BACKUPS) -> None:
    """Replace `path` by `data` so that no reader ever sees a partial file."""
    folder = path.parent
    mark = f".{path.name}{_TEMP_MARK}{secrets.token_hex(4)}"
    temporary, previous = folder / mark, folder / f"{mark}.previous"
    try:
        _remove_stale_temporaries(path)
        _write_and_sync(temporary, data, _mode_of(path))
        kept = backups > 0 and _keep_previous(path, previous)
        os.replace(temporary, path)
    except (OSError, ValueError) as error:
        for leftover in (temporary, previous):
            with contextlib.suppress(OSError, ValueError):
                leftover.unlink()
        reason = _os_reason(error, "write") if isinstance(error, OSError) else _UNUSABLE_NAME
        raise SessionSaveError(path, [Problem("", reason)]) from None
    if kept:
        _rotate_backups(path, previous, backups)
    _sync_folder(folder)


def _remove_stale_temporaries(path: Path) -> None:
    """Delete what an earlier save, killed half-way, left behind."""
    for stale in path.parent.glob(f".{glob.escape(path.name)}{_TEMP_MARK}*"):
        with contextlib.suppress(OSError):
            stale.unlink()


def _mode_of(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None


def _write_and_sync(temporary: Path, data: bytes, mode: int | None) -> None:
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    if mode is not None:
        os.chmod(temporary, mode)


def _keep_previous(path: Path, previous: Path) -> bool:
    """Keep the version about to be replaced under a temporary name; False if none."""
    if not path.exists():
        return False
    try:
        os.link(path, previous)  # the old inode stays; nothing is copied
    except OSError:
        _write_and_sync(previous, path.read_bytes(), None)
    return True


def _rotate_backups(path: Path, previous: Path, backups: int) -> None:
    """Once the new version is in place: NAME.1.bak -> NAME.2.bak ..., previous -> NAME.1.bak.

    Done only after a successful save, so a failed save never pushes a real
    backup out. A failure here leaves the new file saved; the backups are kept
    as far as they got, and the next save removes any leftover.
    """
    with contextlib.suppress(OSError):
        for number in range(backups - 1, 0, -1):
            older = backup_path(path, number)
            if older.exists():
                os.replace(older, backup_path(path, number + 1))
        os.replace(previous, backup_path(path, 1))


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; best effort, since the save itself has happened.

    Some file systems (network shares, Windows) cannot sync a folder; failing
    the save then would tell the user nothing changed when the file did.
    """
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


_REASONS = {
    code: Message(reason)
    for code, reason in {
        errno.ENOENT: QT_TRANSLATE_NOOP("Errors", "the file or its folder does not exist"),
        errno.EACCES: QT_TRANSLATE_NOOP("Errors", "permission denied"),
        errno.EPERM: QT_TRANSLATE_NOOP("Errors", "permission denied"),
        errno.EROFS: QT_TRANSLATE_NOOP("Errors", "the disk is read-only"),
        errno.ENOSPC: QT_TRANSLATE_NOOP("Errors", "the disk is full"),
        errno.EDQUOT: QT_TRANSLATE_NOOP("Errors", "the disk quota is exceeded"),
        errno.EFBIG: QT_TRANSLATE_NOOP("Errors", "the file is too large for this disk or account"),
        errno.EISDIR: QT_TRANSLATE_NOOP("Errors", "this is a folder, not a session file"),
        errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("Errors", "the file name is too long"),
    }.items()
}
_COULD_NOT = {
    "read": QT_TRANSLATE_NOOP("Errors", "could not read the file: {reason}"),
    "write": QT_TRANSLATE_NOOP("Errors", "could not write the file: {reason}"),
}


def _os_reason(error: OSError, verb: str) -> Message:
    """Why reading or writing failed; the system's own words (English) for a rare error."""
    reason = _REASONS.get(error.errno or 0, error.strerror or str(error))
    return Message(_COULD_NOT[verb], reason=reason)
