"""Problems found in a session, and the error raised for a refused edit.

Their sentences are English, and stay so for the command line and the logs.
Those a user of the window can meet are `Message`s: each remembers its
template and values, so that the window says them in the interface's language
(`ckstudio.gui.error_text`) while this layer stays free of Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
MAX_SHOWN = 300
ERRORS = "Errors"  # the translation context of every Message template


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation under `context`, and give it back unchanged.

    pyside6-lupdate finds the literal arguments of a call by this name and puts
    them in the .ts file; the window translates the template when it shows it.
    """
    return text


class Message(str):
    """An English sentence that remembers its template and values.

    It is the English text itself (`==`, `str()`, f-strings and the command
    line see nothing else); `template` (marked with QT_TRANSLATE_NOOP under
    ERRORS) and `values` let the window say it in another language. A value
    may be a Message itself (a reason inside a sentence): it is translated too.
    """

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, **values: object) -> Message:
        text = super().__new__(cls, template.format(**values))
        text.template = template
        text.values = values
        return text


def one_line(text: str, limit: int = MAX_SHOWN) -> str:
    """Text safe to show on one line: control characters escaped, length capped."""
    text = _CONTROL.sub(lambda match: repr(match.group())[1:-1], text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a session, located by a JSON pointer (RFC 6901)."""

    pointer: str
    message: str

    def __str__(self) -> str:
        message = one_line(self.message)
        return f"{one_line(self.pointer, 120)}: {message}" if self.pointer else message


def pointer(*parts: object) -> str:
    """Build a JSON pointer, escaping '~' and '/' inside keys as RFC 6901 says."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


class OperationError(ValueError):
    """An edit the Document refuses; the message says why, in one sentence.

    `message` is that sentence as given, a Message when the window can translate it.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
