"""Problems found in a session, and the error raised for a refused edit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a session, located by a JSON pointer (RFC 6901)."""

    pointer: str
    message: str

    def __str__(self) -> str:
        return f"{self.pointer}: {self.message}" if self.pointer else self.message


def pointer(*parts: object) -> str:
    """Build a JSON pointer, escaping '~' and '/' inside keys as RFC 6901 says."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


class OperationError(ValueError):
    """An edit the Document refuses; the message says why, in one sentence."""
