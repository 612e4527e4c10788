"""Telling whether someone else changed a session file since CK Studio read it."""

from __future__ import annotations

import os

from ckstudio.storage.filestamp import changed_since, stamp_of


def test_an_untouched_file_has_not_changed(tmp_path):
    path = tmp_path / "s.ck.json"
    path.write_bytes(b"one")
    stamp = stamp_of(path)
    assert stamp is not None and not changed_since(stamp, path)


def test_a_file_touched_or_written_back_the_same_has_not_changed(tmp_path):
    path = tmp_path / "s.ck.json"
    path.write_bytes(b"same bytes")
    stamp = stamp_of(path)
    path.write_bytes(b"same bytes")
    os.utime(path, ns=(stamp.mtime_ns + 5_000_000_000,) * 2)
    assert not changed_since(stamp, path)


def test_new_content_of_the_same_size_is_a_change(tmp_path):
    path = tmp_path / "s.ck.json"
    path.write_bytes(b"version A")
    stamp = stamp_of(path)
    path.write_bytes(b"version B")
    os.utime(path, ns=(stamp.mtime_ns + 1,) * 2)
    assert changed_since(stamp, path)


def test_a_longer_file_is_a_change_even_with_the_old_time(tmp_path):
    path = tmp_path / "s.ck.json"
    path.write_bytes(b"short")
    stamp = stamp_of(path)
    path.write_bytes(b"much longer now")
    os.utime(path, ns=(stamp.mtime_ns, stamp.mtime_ns))
    assert changed_since(stamp, path)


def test_a_removed_file_is_a_change_and_has_no_stamp(tmp_path):
    path = tmp_path / "s.ck.json"
    path.write_bytes(b"x")
    stamp = stamp_of(path)
    path.unlink()
    assert changed_since(stamp, path)
    assert stamp_of(path) is None
    assert stamp_of(tmp_path) is None  # a folder is not a file
