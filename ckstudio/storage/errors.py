"""Typed errors of session files, each readable as one sentence."""

from __future__ import annotations

from pathlib import Path

from ckstudio.model.problems import Problem, one_line


class SessionFileError(Exception):
    """A session file could not be read or written; nothing on disk was changed.

    `problems` lists every problem found (`ckstudio validate` prints them
    all); `str()` gives the first, as `FILE: where: what`.
    """

    def __init__(self, path: Path | str, problems: list[Problem]) -> None:
        self.path = Path(path)
        self.problems = problems
        super().__init__(self.lines()[0])

    def lines(self) -> list[str]:
        """One line per problem, `FILE: where: what`."""
        where = one_line(str(self.path), 200)
        return [f"{where}: {problem}" for problem in self.problems]

    def sentence(self) -> str:
        """The first problem, and how many more there are, for a dialog."""
        more = len(self.problems) - 1
        return self.lines()[0] + (f" (and {more} more problems)" if more else "")


class SessionLoadError(SessionFileError):
    """The file is not a session this CK Studio can open."""


class SessionSaveError(SessionFileError):
    """The session could not be written; the file on disk is the old one, whole."""
