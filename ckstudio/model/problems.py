"""Problems found in a session, and the error raised for a refused edit."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
MAX_SHOWN = 300


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
    """An edit the Document refuses; the message says why, in one sentence."""
