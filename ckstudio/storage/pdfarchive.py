"""The session inside a PDF report, so that an archived report reopens exactly.

`attach_session` embeds the session's canonical bytes (what a save writes) in
the PDF as the attached file `session.ck.json`; `load_session` reads a PDF
given in place of a session file through `attached_session_bytes`, then
decodes those bytes as it decodes a `.ck.json` file, with the same checks.

pypdf is imported only when a PDF is handled: most loads never need it.
"""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING

from ckstudio.model import limits
from ckstudio.model.problems import QT_TRANSLATE_NOOP, Message, Problem
from ckstudio.model.session import Session
from ckstudio.storage.codec import ParseError, encode
from ckstudio.storage.errors import SessionLoadError

if TYPE_CHECKING:
    from pypdf import PdfReader

PDF_MAGIC = b"%PDF-"
SESSION_ATTACHMENT = "session.ck.json"
SESSION_MIME = "application/json"
SESSION_DESCRIPTION = "CK Studio session"
# A report carries the session and the drawings of its maps, fonts embedded: it
# can be several times larger than the session, which may take up to
# limits.MAX_FILE_BYTES (50 MB). 200 MiB leaves room for such a report, and
# still bounds the memory a hostile or mistaken file can take.
MAX_PDF_BYTES = 200 * 1024 * 1024

NO_SESSION = Message(
    QT_TRANSLATE_NOOP(
        "Errors",
        "this PDF holds no CK Studio session (it was not made by ckstudio report, or was altered)",
    )
)
TWO_SESSIONS = Message(
    QT_TRANSLATE_NOOP("Errors", "this PDF holds more than one CK Studio session (it was altered)")
)
UNREADABLE = Message(
    QT_TRANSLATE_NOOP("Errors", "this PDF cannot be read (it is damaged or cut short)")
)
ENCRYPTED = Message(
    QT_TRANSLATE_NOOP(
        "Errors",
        "this PDF is protected by a password: CK Studio cannot read the session inside it",
    )
)
NO_MEMORY = Message(
    QT_TRANSLATE_NOOP("Errors", "not enough memory to read the session inside this PDF")
)

# pypdf logs what it repairs in a damaged PDF ("EOF marker not found"). With no
# handler anywhere, Python would print those to stderr, around the one-line
# error the loader gives; a NullHandler keeps them for an application that
# configures logging, as libraries are meant to do.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def attach_session(pdf: bytes, session: Session) -> bytes:
    """The PDF with the session's canonical bytes attached as `session.ck.json`.

    The document's pages, metadata (title, creator...) and other attachments
    are kept; a session attached before is replaced. Raise ValueError if `pdf`
    is not a PDF pypdf can read.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError
    from pypdf.generic import NameObject, NumberObject, TextStringObject

    data = encode(session)
    try:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    except PyPdfError as error:
        raise ValueError(f"not a PDF CK Studio can add a session to: {error}") from None
    for old in list(writer.attachment_list):
        if old.name == SESSION_ATTACHMENT:
            old.delete()
    attached = writer.add_attachment(SESSION_ATTACHMENT, data)
    attached.alternative_name = TextStringObject(SESSION_ATTACHMENT)  # /UF too, for PDF 2.0
    attached.subtype = NameObject("/" + SESSION_MIME)
    attached.description = TextStringObject(SESSION_DESCRIPTION)
    attached.size = NumberObject(len(data))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def session_bytes_from_pdf(data: bytes, name: str) -> bytes:
    """The bytes of the session attached to a PDF; SessionLoadError naming `name` if none."""
    try:
        return attached_session_bytes(data)
    except ParseError as error:
        raise SessionLoadError(name, error.problems) from None


def attached_session_bytes(data: bytes) -> bytes:
    """The bytes of the session attached to a PDF; ParseError saying why there are none."""
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _opens_without_password(reader):
            raise _fail(ENCRYPTED)
        found = [file for file in reader.attachment_list if file.name == SESSION_ATTACHMENT]
        if not found:
            raise _fail(NO_SESSION)
        if len(found) > 1:
            raise _fail(TWO_SESSIONS)
        try:
            content = found[0].content
        except LimitReachedError:  # pypdf unpacks at most 75 MB from one stream
            raise _fail(_too_big(None)) from None
    except ParseError:
        raise
    except MemoryError:
        raise _fail(NO_MEMORY) from None
    except Exception:
        # A damaged or hostile PDF makes pypdf raise more than its own errors
        # (KeyError, TypeError, RecursionError...): each means the same to the user.
        raise _fail(UNREADABLE) from None
    if not isinstance(content, bytes):
        raise _fail(UNREADABLE)
    if len(content) > limits.MAX_FILE_BYTES:
        raise _fail(_too_big(len(content)))
    return content


def _opens_without_password(reader: PdfReader) -> bool:
    """Whether an encrypted PDF opens with no password (an owner password only limits use)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # a method pypdf does not know, or AES without the cryptography package
        return False


def pdf_too_big(size: int) -> Message:
    """Why a PDF this size is not read (a session file has its own limit, codec.too_big)."""
    template = QT_TRANSLATE_NOOP(
        "Errors", "the PDF takes {size:.1f} MB, more than the {most} MB allowed"
    )
    return Message(template, size=size / (1024 * 1024), most=round(MAX_PDF_BYTES / (1024 * 1024)))


def _too_big(size: int | None) -> Message:
    most = round(limits.MAX_FILE_BYTES / (1024 * 1024))
    if size is None:
        template = QT_TRANSLATE_NOOP(
            "Errors", "the session inside this PDF takes more than the {most} MB allowed"
        )
        return Message(template, most=most)
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "the session inside this PDF takes {size:.1f} MB, more than the {most} MB allowed",
    )
    return Message(template, size=size / (1024 * 1024), most=most)


def _fail(message: Message) -> ParseError:
    return ParseError([Problem("", message)])
