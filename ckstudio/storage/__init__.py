"""Session files: load, save, versions, backups (pure Python, no Qt)."""

from ckstudio.storage.codec import decode, encode
from ckstudio.storage.errors import SessionFileError, SessionLoadError, SessionSaveError
from ckstudio.storage.files import BACKUPS, SUFFIX, backup_path, load_session, save_session
from ckstudio.storage.pdfarchive import attach_session, session_bytes_from_pdf

__all__ = [
    "BACKUPS",
    "SUFFIX",
    "SessionFileError",
    "SessionLoadError",
    "SessionSaveError",
    "attach_session",
    "backup_path",
    "decode",
    "encode",
    "load_session",
    "save_session",
    "session_bytes_from_pdf",
]
