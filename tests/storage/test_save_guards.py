"""What saving guards against: files the loader would refuse, and failed saves
that would otherwise eat the backups."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ckstudio.model import Document, edits
from ckstudio.model.templates import new_session
from ckstudio.storage import (
    SessionLoadError,
    SessionSaveError,
    backup_path,
    load_session,
    save_session,
)


def session_with_notes(count: int, notes: str):
    doc = Document(new_session("Atelier"))
    for _ in range(count):
        doc.apply(edits.add_concept(doc, doc.root, "idée", notes=notes))
    return doc.to_session()


def test_a_session_too_big_for_a_file_is_not_saved(tmp_path):
    path = tmp_path / "big.ck.json"
    save_session(new_session("petit"), path)
    before = path.read_bytes()
    huge = session_with_notes(90, "\x01" * 100_000)  # each character written as \u0001
    with pytest.raises(SessionSaveError, match=r"not saved: the file takes .* MB, more than"):
        save_session(huge, path)
    assert path.read_bytes() == before
    assert not backup_path(path, 1).exists()


def test_brackets_inside_text_do_not_count_as_structure(tmp_path):
    path = tmp_path / "brackets.ck.json"
    session = session_with_notes(21, "[" * 100_000)
    save_session(session, path)
    assert load_session(path) == session


def test_failed_saves_keep_every_backup(tmp_path, monkeypatch):
    path = tmp_path / "s.ck.json"
    for version in range(1, 5):
        save_session(new_session(f"v{version}"), path)
    backups = [backup_path(path, n).read_bytes() for n in (1, 2, 3)]
    real_replace = os.replace

    def locked_target(source, target):
        if Path(target) == path:
            raise PermissionError(13, "Permission denied")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", locked_target)
    for _ in range(3):
        with pytest.raises(SessionSaveError, match="permission denied"):
            save_session(new_session("v5"), path)
    monkeypatch.undo()
    assert [backup_path(path, n).read_bytes() for n in (1, 2, 3)] == backups
    assert load_session(path).meta.title == "v4"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "s.ck.json",
        "s.ck.json.1.bak",
        "s.ck.json.2.bak",
        "s.ck.json.3.bak",
    ]


@pytest.mark.parametrize("name", [".", "/", "", "nul\x00byte.ck.json"])
def test_paths_that_name_no_file_are_load_errors(name):
    with pytest.raises(SessionLoadError) as info:
        load_session(name)
    assert "\n" not in str(info.value)


def test_a_file_name_with_a_newline_stays_on_one_line(tmp_path):
    path = tmp_path / "deux\nlignes.ck.json"
    path.write_text("{")
    with pytest.raises(SessionLoadError) as info:
        load_session(path)
    assert "\n" not in str(info.value) and "deux\\nlignes" in str(info.value)


def test_a_file_of_many_broken_records_reports_the_first_hundred(tmp_path):
    """Listing all 500,000 errors would take seconds; the first hundred say enough."""
    path = tmp_path / "many.ck.json"
    links = ",".join(['{"x": 0}'] * 100_000)
    path.write_text(
        '{"format": "ckstudio.session", "version": 1, "meta": {"title": "t"},'
        f' "concepts": [{{"id": "c0", "parent": null, "text": ""}}], "links": [{links}]}}'
    )
    with pytest.raises(SessionLoadError) as info:
        load_session(path)
    problems = info.value.problems
    assert len(problems) == 100
    assert problems[0].pointer == "/links/0" and "'id' is missing" in problems[0].message
