"""The model's and the files' error sentences, said in the interface's language.

Below the GUI, errors are English sentences (the command line prints them as
they are). Those a user of the window can meet are `Message`s, which remember
their template and values: here the template is translated under the context
`ERRORS` (where pyside6-lupdate files the QT_TRANSLATE_NOOP marks) and filled
in, numbers written the interface's way. Anything else (pydantic's wording, a
system error CK Studio does not know) stays as it is, in English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from ckstudio.gui.i18n import counted, number, tr
from ckstudio.model.problems import ERRORS, Message, Problem, one_line
from ckstudio.storage import SessionFileError
from ckstudio.storage.files import BACKUP_HINT

DETAILS_SHOWN = 5  # technical lines under the sentence of a file with invalid content


def translated(text: str) -> str:
    """`text` in the interface's language if it is a Message, else `text` unchanged.

    A translation whose placeholders do not match the values (a slip in the .ts)
    gives the English sentence rather than an exception.
    """
    if not isinstance(text, Message):
        return text
    values = {name: _shown(value) for name, value in text.values.items()}
    try:
        return QCoreApplication.translate(ERRORS, text.template).format(**values)
    except (KeyError, IndexError, ValueError):
        return str(text)


def _shown(value: object) -> object:
    if isinstance(value, str):
        return translated(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return number(value)
    if isinstance(value, float):
        return QLocale().toString(value, "f", 1)
    return value


def file_error_text(error: SessionFileError) -> str:
    """What a dialog says of a file that could not be read or written.

    A reason CK Studio knows (a missing file, a full disk, a file too new) is one
    sentence in the interface's language. Content that breaks the format's rules
    gets a translated headline, then the technical lines (JSON pointer and the
    validator's words, in English) for whoever fixes the file.
    """
    file = one_line(str(error.path), 200)
    first = error.problems[0]
    reason, backup = _without_hint(first.message)
    if isinstance(reason, Message):
        if isinstance(first.pointer, Message):
            text = tr("{file}, {where}: {reason}").format(
                file=file, where=translated(first.pointer), reason=translated(reason)
            )
        else:
            text = tr("{file}: {reason}").format(file=file, reason=translated(reason))
        if len(error.problems) > 1:
            text += " " + tr("(and {problems})").format(problems=_more(len(error.problems) - 1))
    else:
        headline = tr("{file} is not a valid CK Studio session: its content breaks the format.")
        problems = [Problem(first.pointer, reason), *error.problems[1:]]
        text = headline.format(file=file) + "\n\n" + _details(problems)
    if backup:
        text += "\n\n" + tr("The previous version is in {backup}.").format(backup=backup)
    return text


def _without_hint(message: str) -> tuple[str, str]:
    """The reason, and the backup file named after it (storage adds that hint), if any."""
    if isinstance(message, Message) and message.template == BACKUP_HINT:
        reason = message.values["reason"]
        return (reason if isinstance(reason, str) else str(reason)), str(message.values["backup"])
    return message, ""


def _more(count: int) -> str:
    return counted(count, tr("more problem"), tr("more problems"))


def _details(problems: list[Problem]) -> str:
    """The first problems, one a line, as `ckstudio validate` prints them."""
    lines = [str(problem) for problem in problems[:DETAILS_SHOWN]]
    if len(problems) > DETAILS_SHOWN:
        lines.append(tr("… and {problems}").format(problems=_more(len(problems) - DETAILS_SHOWN)))
    return "\n".join(lines)
