"""Which format a file is in, by its suffix, and what each format's export writes.

The command line and the window both go through here, so `ckstudio import
map.mm` and File > Import… read a file the same way, refuse the same files and
offer the same formats in their dialogs.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path, PurePath

from ckstudio.interchange import csvnotes, freemind, opml, textoutline
from ckstudio.interchange.extract import outline_of
from ckstudio.interchange.outline import MAX_INPUT_BYTES, Outline, check_size, refuse
from ckstudio.model.document import Space
from ckstudio.model.problems import QT_TRANSLATE_NOOP, Message
from ckstudio.model.session import Session

FORMATS_CONTEXT = "Formats"  # the translation context of the formats' names

_UNKNOWN = QT_TRANSLATE_NOOP(
    "Errors", "CK Studio cannot import “{suffix}” files: it reads {suffixes}"
)
_UNREADABLE = QT_TRANSLATE_NOOP("Errors", "could not read the file: {reason}")
_MISSING = QT_TRANSLATE_NOOP("Errors", "the file or its folder does not exist")


@dataclass(frozen=True, slots=True)
class Format:
    """One format CK Studio reads and writes; its first suffix is the one exports take."""

    key: str  # the name `ckstudio import --from` takes
    label: str  # for the file dialogs, marked for translation under FORMATS_CONTEXT
    suffixes: tuple[str, ...]

    @property
    def patterns(self) -> str:
        """The file dialogs' patterns: "*.md *.markdown *.txt"."""
        return " ".join(f"*{suffix}" for suffix in self.suffixes)

    @property
    def suffix(self) -> str:
        return self.suffixes[0]


FORMATS = (
    Format("mm", QT_TRANSLATE_NOOP("Formats", "Freeplane and FreeMind maps"), (".mm",)),
    Format("opml", QT_TRANSLATE_NOOP("Formats", "OPML outlines"), (".opml",)),
    Format(
        "md",
        QT_TRANSLATE_NOOP("Formats", "Markdown and indented text outlines"),
        (".md", ".markdown", ".txt"),
    ),
    Format("csv", QT_TRANSLATE_NOOP("Formats", "CSV tables of notes"), (".csv",)),
)
FORMAT_KEYS = tuple(fmt.key for fmt in FORMATS)
EXPORT_SUFFIXES = tuple(s for fmt in FORMATS for s in fmt.suffixes)  # images are drawn apart
_READERS = {"mm": freemind.read, "opml": opml.read, "md": textoutline.read}
_WRITERS = {"mm": freemind.write, "opml": opml.write, "md": textoutline.write}


def all_patterns() -> str:
    """Every suffix an import reads, for the dialog's "all supported files" choice."""
    return " ".join(fmt.patterns for fmt in FORMATS)


def format_of(path: PurePath, key: str | None = None) -> Format:
    """The format named by `key` (`--from`), else by the file's suffix; a suffix
    CK Studio does not read is refused, with the list of those it does."""
    if key is not None:
        return next(fmt for fmt in FORMATS if fmt.key == key)
    suffix = path.suffix.lower()
    for fmt in FORMATS:
        if suffix in fmt.suffixes:
            return fmt
    raise refuse(
        _UNKNOWN,
        suffix=suffix or path.name[:40],
        suffixes=", ".join(s for fmt in FORMATS for s in fmt.suffixes),
    )


def read_source(path: Path) -> bytes:
    """The bytes of a file to import, read with a cap (a huge file is refused, not
    loaded); a file that cannot be read is an ImportRefused saying why."""
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            data = stream.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise refuse(_UNREADABLE, reason=Message(_MISSING)) from None
    except OSError as error:
        raise refuse(_UNREADABLE, reason=error.strerror or str(error)) from None
    check_size(data, max(size, len(data)))
    return data


def import_outline(
    path: PurePath, data: bytes, key: str | None = None, space: Space | None = None
) -> Outline:
    """Read `data`, the content of `path`, by its format (see `format_of`).

    A CSV table is read with its own header row naming the columns, keeping the
    rows of `space` when it has a space column (our own export holds both); the
    window asks the user about the columns first (ckstudio.gui.csv_import_dialog).
    """
    fmt = format_of(path, key)
    if fmt.key == "csv":
        return csvnotes.read(data, space=space)
    return _READERS[fmt.key](data)


def export_session(
    session: Session, space: Space, suffix: str, folded: Collection[str] = ()
) -> bytes:
    """One space of `session` in the format of `suffix` (".mm", ".opml", ".md" or
    ".markdown" and ".txt"), the nodes of `folded` folded where the format keeps
    folds; a CSV table holds both spaces, one row a node, whatever `space` says."""
    fmt = next((fmt for fmt in FORMATS if suffix.lower() in fmt.suffixes), None)
    if fmt is None:
        raise ValueError(f"CK Studio cannot export to {suffix!r} files")
    if fmt.key == "csv":
        return csvnotes.write(session)
    return _WRITERS[fmt.key](outline_of(session, space, folded))
