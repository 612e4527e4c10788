"""The errors a user can meet carry their English template and values (model.problems.Message),
so that the window can say them in its own language, while str() stays the same English."""

from __future__ import annotations

import errno
import json
import os
import re
from pathlib import Path

import pytest

from ckstudio.model.problems import Message
from ckstudio.model.templates import new_session
from ckstudio.storage import SessionLoadError, SessionSaveError, load_session, save_session

ROOT = Path(__file__).resolve().parents[2]
MARKED = re.compile(r'QT_TRANSLATE_NOOP\(\s*"Errors",\s*((?:"(?:[^"\\]|\\.)*"\s*)+),?\s*\)')


def marked_templates() -> set[str]:
    """Every template marked for translation in the model and storage sources."""
    found: set[str] = set()
    for folder in ("model", "storage", "interchange"):
        for source in (ROOT / "ckstudio" / folder).glob("*.py"):
            for match in MARKED.finditer(source.read_text(encoding="utf-8")):
                parts = re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(1))
                found.add("".join(part.encode().decode("unicode_escape") for part in parts))
    return found


def messages_in(text: object) -> list[Message]:
    """`text` and the Messages among its values, all the way down."""
    if not isinstance(text, Message):
        return []
    inner = [found for value in text.values.values() for found in messages_in(value)]
    return [text, *inner]


def assert_translatable(text: str, english: str) -> None:
    assert text == english
    found = messages_in(text)
    assert found, f"not a Message: {text!r}"
    for message in found:
        assert message.template in marked_templates(), message.template
        assert message == message.template.format(**message.values)


def load_error(path: Path) -> SessionLoadError:
    with pytest.raises(SessionLoadError) as caught:
        load_session(path)
    return caught.value


@pytest.mark.parametrize(
    ("content", "where", "english"),
    [
        (b"", "", "the file is empty"),
        (b'{"a": \xff}', "line 1, column 7", "the file is not UTF-8 text (was it saved in "
         "another encoding?)"),
        (b"{ not json", "line 1, column 3",
         "not valid JSON: expecting property name enclosed in double quotes"),
        (b"[1, 2]", "", "the file holds an array, not a CK Studio session"),
        (b'{"format": "other"}', "/format",
         "this is not a CK Studio session (no 'format': 'ckstudio.session')"),
        (b'{"format": "ckstudio.session", "version": 99}', "/version",
         "made by a newer CK Studio (format version 99; this one reads up to 2): "
         "update CK Studio to open it"),
    ],
)  # fmt: skip
def test_a_file_that_is_not_a_session_says_why_in_a_message(tmp_path, content, where, english):
    path = tmp_path / "s.ck.json"
    path.write_bytes(content)
    problem = load_error(path).problems[0]
    assert problem.pointer == where
    assert_translatable(problem.message, english)


def test_a_missing_file_and_a_folder_say_why_in_a_message(tmp_path):
    missing = load_error(tmp_path / "gone.ck.json").problems[0].message
    assert_translatable(missing, "could not read the file: the file or its folder does not exist")
    folder = load_error(tmp_path).problems[0].message
    assert_translatable(folder, "this is a folder, not a session file")


def test_a_full_disk_says_why_in_a_message(tmp_path, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SessionSaveError) as caught:
        save_session(new_session("Atelier"), tmp_path / "s.ck.json")
    assert_translatable(
        caught.value.problems[0].message, "could not write the file: the disk is full"
    )


def test_an_unknown_system_error_keeps_the_system_words(tmp_path, monkeypatch):
    def odd(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", odd)
    with pytest.raises(SessionSaveError) as caught:
        save_session(new_session("Atelier"), tmp_path / "s.ck.json")
    message = caught.value.problems[0].message
    assert message == "could not write the file: Input/output error"
    assert isinstance(message, Message) and not isinstance(message.values["reason"], Message)


def test_invalid_content_stays_in_the_validators_words(tmp_path):
    path = tmp_path / "s.ck.json"
    data = json.loads(new_session("Atelier").model_dump_json())
    data["meta"]["colour"] = "red"
    path.write_text(json.dumps(data), encoding="utf-8")
    problem = load_error(path).problems[0]
    assert (problem.pointer, problem.message) == (
        "/meta/colour",
        "unknown field 'colour' (a typo?)",
    )
    assert not isinstance(problem.message, Message)  # the window shows it as a technical detail
