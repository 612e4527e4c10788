"""Session <-> bytes: parse with precise locations, write canonically.

Parsing is strict: the bytes must be UTF-8 (an initial byte-order mark is
ignored), the JSON must be plain (no NaN, no key twice in one object), and
every error names where it is: line and column for JSON, a JSON pointer for
the content. Writing is canonical: the same session always gives the same
bytes (2-space indent, fields in the order of the format, UTF-8 text left
unescaped, a final newline), so files diff well and round-trip exactly.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError

from ckstudio.model import limits
from ckstudio.model.gcpause import collector_paused
from ckstudio.model.integrity import session_problems
from ckstudio.model.problems import QT_TRANSLATE_NOOP, Message, Problem, pointer
from ckstudio.model.session import (
    FORMAT_NAME,
    FORMAT_VERSION,
    Concept,
    KnowledgeItem,
    Link,
    Participant,
    Round,
    Session,
    Theme,
)
from ckstudio.storage.migrations import FIRST_VERSION, migrate

UTF8_BOM = b"\xef\xbb\xbf"
MAX_PROBLEMS = 100
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SPACED_KEY_END = re.compile(r'"[ \t\r\n]+:')
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
# Python's JSON parser explains in English; those it says most, for the window to translate.
_JSON_REASONS = {
    reason: Message(reason)
    for reason in (
        QT_TRANSLATE_NOOP("Errors", "expecting value"),
        QT_TRANSLATE_NOOP("Errors", "expecting property name enclosed in double quotes"),
        QT_TRANSLATE_NOOP("Errors", "expecting ',' delimiter"),
        QT_TRANSLATE_NOOP("Errors", "expecting ':' delimiter"),
        QT_TRANSLATE_NOOP("Errors", "extra data"),
        QT_TRANSLATE_NOOP("Errors", "unterminated string starting at"),
        QT_TRANSLATE_NOOP("Errors", "invalid control character at"),
        QT_TRANSLATE_NOOP("Errors", "invalid \\escape"),
        QT_TRANSLATE_NOOP("Errors", "invalid \\uXXXX escape"),
    )
}


class ParseError(Exception):
    """Bytes that are not a valid session; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(str(problems[0]))
        self.problems = problems


def encode(session: Session) -> bytes:
    """The canonical bytes of a session."""
    return session.model_dump_json(indent=2).encode("utf-8") + b"\n"


def decode(data: bytes) -> Session:
    """Parse and validate a whole session file; raise ParseError if it is not one."""
    with collector_paused():
        return _decode(data)


def _decode(data: bytes) -> Session:
    text = _to_text(data)
    _check_containers(text)
    session, error_count = _parse_directly(text)
    if session is None:
        parsed = _parse_json(text)
        if _SURROGATE_ESCAPE.search(text):
            _refuse_lone_surrogates(parsed)
        data = _migrated(parsed)
        if error_count > MAX_PROBLEMS:  # locate the first ones cheaply, not all of them
            _refuse_first_bad_records(data)
        session = _validate(data)
    problems = session_problems(session)
    if problems:
        raise ParseError(problems)
    return session


def _fail(where: str, message: str) -> ParseError:
    """One problem; `where` and `message` are Messages wherever the window can translate them."""
    return ParseError([Problem(where, message)])


def _to_text(data: bytes) -> str:
    if not data.strip():
        raise _fail("", Message(QT_TRANSLATE_NOOP("Errors", "the file is empty")))
    data = data.removeprefix(UTF8_BOM)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        message = QT_TRANSLATE_NOOP(
            "Errors", "the file is not UTF-8 text (was it saved in another encoding?)"
        )
        raise _fail(_line_column(line, column), Message(message)) from None


def _line_column(line: int, column: int) -> Message:
    return Message(
        QT_TRANSLATE_NOOP("Errors", "line {line}, column {column}"), line=line, column=column
    )


class _NotPlainJson(ValueError):
    """JSON that Python's parser accepts but a session file must not hold."""


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))
        template = QT_TRANSLATE_NOOP("Errors", "the key '{key}' appears twice in one object")
        raise _NotPlainJson(Message(template, key=twice))
    return result


def _refuse_constant(name: str) -> None:
    raise _NotPlainJson(
        Message(QT_TRANSLATE_NOOP("Errors", "'{name}' is not a number JSON allows"), name=name)
    )


def limit_problem(data: bytes) -> Message | None:
    """Why the loader would refuse bytes this size or this shape, or None.

    Saving asks too, so that CK Studio never writes a file it cannot open.
    """
    if len(data) > limits.MAX_FILE_BYTES:
        return too_big(len(data))
    return _containers_problem(data.decode("utf-8"))


def too_big(size: int) -> Message:
    """Why a session file this size is not read (or written)."""
    template = QT_TRANSLATE_NOOP(
        "Errors", "the file takes {size:.1f} MB, more than the {most} MB allowed"
    )
    return Message(
        template, size=size / (1024 * 1024), most=round(limits.MAX_FILE_BYTES / (1024 * 1024))
    )


def _structure_count(text: str) -> int:
    """Objects and arrays in the JSON text: a cheap bound, made exact only when needed.

    Counting every `{` and `[` costs milliseconds; only when that count is too
    high are brackets inside strings (a note full of them) set apart.
    """
    count = text.count("{") + text.count("[")
    if count <= limits.MAX_JSON_CONTAINERS:
        return count
    outside_strings = _JSON_STRING.sub("", text)
    return outside_strings.count("{") + outside_strings.count("[")


def _containers_problem(text: str) -> Message | None:
    if _structure_count(text) > limits.MAX_JSON_CONTAINERS:
        template = QT_TRANSLATE_NOOP(
            "Errors", "the file holds more than {most:,} objects and arrays"
        )
        return Message(template, most=limits.MAX_JSON_CONTAINERS)
    return None


def _check_containers(text: str) -> None:
    problem = _containers_problem(text)
    if problem:
        raise _fail("", problem)


def _parse_directly(text: str) -> tuple[Session | None, int]:
    """The quick way for a sound file of the current version: pydantic parses the JSON.

    It keeps the last of two equal keys silently, so the keys it kept are
    counted against the keys written in the text. On any error or doubt it
    returns no session (with the number of validation errors, if that was
    the trouble), and the careful path (`_parse_json`) finds and locates the
    problem.
    """
    try:
        session = Session.model_validate_json(text, strict=True)
    except ValidationError as error:
        return None, error.error_count()
    if session.version != FORMAT_VERSION or _SPACED_KEY_END.search(text):
        return None, 0
    # Each key ends with `":`; the text can only hold more of those than keys
    # (inside strings), so equal counts mean that no key was dropped.
    return (session if text.count('":') == _keys_kept(session) else None), 0


def _keys_kept(session: Session) -> int:
    records: list[Any] = [session, session.meta, *session.themes, *session.participants]
    records += session.knowledge
    records += session.links
    records += session.rounds
    for concept in session.concepts:
        records.append(concept)
        records += concept.tags
        records += concept.votes
    return sum(len(record.model_fields_set) for record in records)


def _parse_json(text: str) -> Any:
    try:
        return json.loads(
            text, object_pairs_hook=_no_duplicate_keys, parse_constant=_refuse_constant
        )
    except json.JSONDecodeError as error:
        reason = error.msg[:1].lower() + error.msg[1:]
        message = Message(
            QT_TRANSLATE_NOOP("Errors", "not valid JSON: {reason}"),
            reason=_JSON_REASONS.get(reason, reason),
        )
        raise _fail(_line_column(error.lineno, error.colno), message) from None
    except RecursionError:
        message = QT_TRANSLATE_NOOP("Errors", "the JSON is nested too deeply to be a session")
        raise _fail("", Message(message)) from None
    except _NotPlainJson as error:
        raise _fail("", error.args[0]) from None
    except ValueError:  # Python refuses to convert integers of more than 4,300 digits
        message = QT_TRANSLATE_NOOP("Errors", "a number in the file is thousands of digits long")
        raise _fail("", Message(message)) from None


def _refuse_lone_surrogates(parsed: Any) -> None:
    """JSON may escape half of a UTF-16 pair (\\ud800): that is not text; refuse it."""
    try:
        json.dumps(parsed, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        message = QT_TRANSLATE_NOOP(
            "Errors", "the file holds a lone UTF-16 surrogate escape, which is not text"
        )
        raise _fail("", Message(message)) from None


def _migrated(parsed: Any) -> dict[str, Any]:
    if not isinstance(parsed, dict):
        raise _fail("", _NOT_AN_OBJECT.get(type(parsed), _NOT_AN_OBJECT[None]))
    if parsed.get("format") != FORMAT_NAME:
        template = QT_TRANSLATE_NOOP(
            "Errors", "this is not a CK Studio session (no 'format': '{name}')"
        )
        raise _fail("/format", Message(template, name=FORMAT_NAME))
    version = parsed.get("version")
    if type(version) is not int:
        message = QT_TRANSLATE_NOOP("Errors", "the format version must be a whole number")
        raise _fail("/version", Message(message))
    if version > FORMAT_VERSION:
        template = QT_TRANSLATE_NOOP(
            "Errors",
            "made by a newer CK Studio (format version {version}; this one reads up to "
            "{current}): update CK Studio to open it",
        )
        raise _fail("/version", Message(template, version=_shown(version), current=FORMAT_VERSION))
    if version < FIRST_VERSION:
        template = QT_TRANSLATE_NOOP(
            "Errors", "{version} is not a format version CK Studio ever wrote"
        )
        raise _fail("/version", Message(template, version=_shown(version)))
    return migrate(parsed, version)


_NOT_AN_OBJECT: dict[type | None, Message] = {
    list: Message(QT_TRANSLATE_NOOP("Errors", "the file holds an array, not a CK Studio session")),
    str: Message(QT_TRANSLATE_NOOP("Errors", "the file holds a string, not a CK Studio session")),
    None: Message(
        QT_TRANSLATE_NOOP("Errors", "the file holds a single value, not a CK Studio session")
    ),
}


RECORD_MODELS = {
    "themes": Theme,
    "participants": Participant,
    "concepts": Concept,
    "knowledge": KnowledgeItem,
    "links": Link,
    "rounds": Round,
}


def _refuse_first_bad_records(data: dict[str, Any]) -> None:
    """Report the first MAX_PROBLEMS bad records, checked one by one.

    A file of a hundred thousand broken records makes pydantic list every
    error, which takes seconds; one record at a time, the loader stops early.
    """
    problems: list[Problem] = []
    for section, model in RECORD_MODELS.items():
        records = data.get(section)
        for index, record in enumerate(records if isinstance(records, list) else ()):
            try:
                model.model_validate(record, strict=True)
            except ValidationError as error:
                for detail in error.errors(include_url=False, include_context=False):
                    detail["loc"] = (section, index, *detail["loc"])
                    problems.append(_problem(detail))
            if len(problems) >= MAX_PROBLEMS:
                raise ParseError(problems[:MAX_PROBLEMS])
    if problems:
        raise ParseError(problems)


def _validate(data: dict[str, Any]) -> Session:
    try:
        return Session.model_validate(data, strict=True)
    except ValidationError as error:
        details = error.errors(include_url=False, include_context=False)
        raise ParseError([_problem(detail) for detail in details[:MAX_PROBLEMS]]) from None


def _problem(detail: Any) -> Problem:
    loc = detail["loc"]
    kind = detail["type"]
    if kind == "extra_forbidden":
        return Problem(pointer(*loc), f"unknown field '{loc[-1]}' (a typo?)")
    if kind == "missing":
        return Problem(pointer(*loc[:-1]), f"the required field '{loc[-1]}' is missing")
    message = detail["msg"].removeprefix("Value error, ")
    shown = _shown(detail.get("input"))
    if shown and kind not in ("model_type", "list_type", "too_long", "too_short"):
        message = f"{message} (found {shown})"
    return Problem(pointer(*loc), message[:1].lower() + message[1:])


def _shown(value: Any) -> str:
    """A value as JSON on one short line (escapes keep newlines out of messages)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**60:
        return f"a number of {len(str(abs(value)))} digits"
    if isinstance(value, str | int | float | bool) or value is None:
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= 60 else text[:57] + "..."
    return ""
