"""Session files: load, save, versions, backups (pure Python, no Qt)."""

from ckstudio.storage.codec import decode, encode
from ckstudio.storage.errors import SessionFileError, SessionLoadError, SessionSaveError
from ckstudio.storage.files import BACKUPS, SUFFIX, backup_path, load_session, save_session

__all__ = [
    "BACKUPS",
    "SUFFIX",
    "SessionFileError",
    "SessionLoadError",
    "SessionSaveError",
    "backup_path",
    "decode",
    "encode",
    "load_session",
    "save_session",
]
