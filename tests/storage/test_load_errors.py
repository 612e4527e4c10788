"""Loading bad session files: one clear, typed error, fast, and the file untouched.

The small bad files live in tests/data/bad (made by tests/data/make_bad_files.py,
expectations in bad/EXPECTED.json); the huge ones are generated here at test
time so that the repository stays small.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ckstudio.model import limits
from ckstudio.model import session as session_module
from ckstudio.model.session import FORMAT_VERSION, Session
from ckstudio.storage import (
    SessionLoadError,
    backup_path,
    codec,
    decode,
    encode,
    load_session,
    migrations,
    save_session,
)

DATA = Path(__file__).resolve().parents[1] / "data"
BAD = DATA / "bad"
VERSIONS = DATA / "versions"
EXPECTED: dict[str, dict[str, str]] = json.loads((BAD / "EXPECTED.json").read_text("utf-8"))
V1 = VERSIONS / "v1.ck.json"
CURRENT = VERSIONS / f"v{FORMAT_VERSION}.ck.json"
NOBODY = 65534


def _header(extra: str) -> str:
    """The start of a valid session, with `extra` as the value of meta.title."""
    return '{"format": "ckstudio.session", "version": 1, "meta": {"title": ' + extra


def _huge_string(folder: Path) -> Path:
    path = folder / "huge-string.ck.json"
    title = "x" * 50_000_000  # 50 MB: under the file size limit, far over a title's
    path.write_text(_header(f'"{title}"') + '}, "concepts": [{"id": "c0", "parent": null, '
                    '"text": "C0"}]}\n')  # fmt: skip
    assert limits.MAX_FILE_BYTES > path.stat().st_size > 50_000_000
    return path


def _deep_nesting(folder: Path) -> Path:
    path = folder / "deep-nesting.ck.json"
    path.write_text(_header('"t"}, "concepts": ' + "[" * 100_000 + "]" * 100_000 + "}\n"))
    return path


def _huge_number(folder: Path) -> Path:
    path = folder / "huge-number.ck.json"
    count = "7" * 100_000
    concept = '{"id": "c0", "parent": null, "text": "C0", "votes": [{"count": ' + count + "}]}"
    path.write_text(_header('"t"}, "concepts": [' + concept + "]}\n"))
    return path


def _over_size_limit(folder: Path) -> Path:
    path = folder / "over-size-limit.ck.json"
    with path.open("wb") as stream:
        stream.write(_header('"t"').encode())
        stream.truncate(limits.MAX_FILE_BYTES + 1024 * 1024)  # sparse: no real 51 MiB on disk
    return path


def _folder(folder: Path) -> Path:
    path = folder / "folder.ck.json"
    path.mkdir()
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "fifo.ck.json"
    os.mkfifo(path)  # opening it for reading would block forever: the loader must not
    return path


def _missing(folder: Path) -> Path:
    return folder / "missing.ck.json"


def _too_many_containers(folder: Path) -> Path:
    """Millions of tiny arrays: under the size limit, but costly to parse."""
    path = folder / "too-many-containers.ck.json"
    path.write_text(_header('"t"}, "concepts": [' + ",".join(["[]"] * 2_100_000) + "]}"))
    return path


# name -> (make the file in a folder, where, contains)
GENERATED: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    "huge-string": (_huge_string, "/meta/title", "at most 500 characters"),
    "deep-nesting": (_deep_nesting, "", "nested too deeply"),
    "huge-number": (_huge_number, "", "thousands of digits"),
    "over-size-limit": (_over_size_limit, "", "more than the 50 mb"),
    "folder": (_folder, "", "folder"),
    "fifo": (_fifo, "", "not a regular file"),
    "missing": (_missing, "", "does not exist"),
    "too-many-containers": (_too_many_containers, "", "objects and arrays"),
}


@contextlib.contextmanager
def _no_hang(seconds: int = 10) -> Iterator[None]:
    """Turn a hang (e.g. a FIFO opened for reading) into a failure instead of a stuck suite."""

    def ring(signum: int, frame: Any) -> None:
        raise TimeoutError(f"load_session still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _state(path: Path) -> tuple[bytes, int, int] | None:
    """What a load must not change: the bytes, the modification time and the mode."""
    if not path.exists():
        return None
    info = path.stat()
    return path.read_bytes() if path.is_file() else b"", info.st_mtime_ns, info.st_mode


def check_refused(path: Path, where: str, contains: str) -> SessionLoadError:
    """load_session refuses `path` (a hang fails the test), saying where and what, and
    leaves it as it was. How fast is the benchmarks' business, not a unit test's."""
    before = _state(path)
    with _no_hang(), pytest.raises(SessionLoadError) as info:
        load_session(path)
    error = info.value
    assert error.problems, "a load error must carry at least one problem"
    first = error.problems[0]
    assert (first.pointer, contains in first.message.lower()) == (where, True), str(error)
    text = str(error)
    assert text.startswith(f"{path}: "), text
    assert text == f"{path}: {first}" and text.endswith(first.message), text
    assert "\n" not in text and "\r" not in text, text
    assert all("\n" not in line for line in error.lines())
    assert error.path == path
    assert _state(path) == before, f"loading {path.name} changed it"
    return error


# --- The corpus ------------------------------------------------------------------


def test_corpus_and_manifest_agree() -> None:
    files = {p.name for p in BAD.iterdir() if p.name != "EXPECTED.json"}
    assert files == set(EXPECTED)
    assert len(files) >= 35
    for name, expected in EXPECTED.items():
        assert name.endswith(".ck.json")
        assert set(expected) == {"where", "contains"}, name
        assert expected["contains"] and expected["contains"] == expected["contains"].lower()
        assert (BAD / name).stat().st_size < 64 * 1024, f"{name} should be small"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_refused(name: str, tmp_path: Path) -> None:
    path = tmp_path / name  # a copy: a buggy loader must not damage the corpus
    path.write_bytes((BAD / name).read_bytes())
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    check_refused(path, EXPECTED[name]["where"], EXPECTED[name]["contains"])


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_bad_file_is_refused(name: str, tmp_path: Path) -> None:
    make, where, contains = GENERATED[name]
    check_refused(make(tmp_path), where, contains)


def test_misspelt_field_is_reported_as_unknown_too(tmp_path: Path) -> None:
    path = tmp_path / "misspelt-field.ck.json"
    path.write_bytes((BAD / path.name).read_bytes())
    error = check_refused(path, "/themes/0", "'color' is missing")
    assert any(
        p.pointer == "/themes/0/colour" and "unknown field 'colour'" in p.message
        for p in error.problems
    ), error.lines()


def test_damaged_file_points_at_its_backup(tmp_path: Path) -> None:
    path = tmp_path / "s.ck.json"
    path.write_bytes((BAD / "truncated.ck.json").read_bytes())
    backup_path(path, 1).write_bytes(V1.read_bytes())
    error = check_refused(path, EXPECTED["truncated.ck.json"]["where"], "not valid json")
    assert "s.ck.json.1.bak" in error.problems[0].message


def test_unreadable_file_is_refused(tmp_path: Path, in_child: Callable[..., str]) -> None:
    folder = Path(tempfile.mkdtemp(dir="/tmp"))
    try:
        folder.chmod(0o755)
        path = folder / "secret.ck.json"
        path.write_bytes(V1.read_bytes())
        path.chmod(0o600)
        before = _state(path)

        def load() -> str:
            try:
                load_session(path)
            except SessionLoadError as error:
                return str(error)
            return "loaded"

        if os.geteuid() == 0:
            message = in_child(load, as_nobody=True)
        else:
            path.chmod(0o000)
            message = load()
            path.chmod(0o600)
        assert message.startswith(f"{path}: ") and message.endswith("permission denied"), message
        assert _state(path) == before
    finally:
        for child in folder.iterdir():
            child.unlink()
        folder.rmdir()


# Bugs found while writing these tests (see the report); strict, so that a fix
# turns them into failures and the marks get removed.
NEWLINE_INPUTS = {
    "unknown-key": _header('"t", "x\\ny": 1}, "concepts": []}'),
    "duplicate-key": _header('"t", "a\\nb": 1, "a\\nb": 2}}'),
    "date": _header('"t", "date": "2020\\n01-01"}, "concepts": []}'),
}


@pytest.mark.parametrize("name", sorted(NEWLINE_INPUTS))
def test_error_stays_on_one_line_when_input_holds_a_newline(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.ck.json"
    path.write_text(NEWLINE_INPUTS[name])
    with pytest.raises(SessionLoadError) as info:
        load_session(path)
    assert "\n" not in str(info.value)


def test_duplicate_key_named_digits_is_called_a_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "digits.ck.json"
    path.write_text(_header('"t", "digits": 1, "digits": 2}}'))
    with pytest.raises(SessionLoadError) as info:
        load_session(path)
    assert "appears twice" in str(info.value)


# --- Fuzzing: a Session or a SessionLoadError, nothing else ------------------------

V1_BYTES = V1.read_bytes()
CURRENT_BYTES = CURRENT.read_bytes()
FRAGMENTS = [
    b"{", b"}", b"[", b"]", b",", b":", b'"', b"\\", b"null", b"true", b"false", b"0", b"-1",
    b"1e999", b"-0.0", b"NaN", b"Infinity", b"99999999999999999999", b'"\\ud800"', b'"\\u0000"',
    b"\x00", b"\xff", b"\xc3", "é".encode(), "\u2028".encode(), b"\xef\xbb\xbf", b'{"a": 1}',
    b'"id": "c0"', b'"parent": null', b'"version": 2', b'"c0"', b'"k1"', b'"p1"', b"[" * 50,
    b'"r1"', b'"kind": "voting"', b'"rounds": []',
]  # fmt: skip


def _json_values() -> st.SearchStrategy[Any]:
    scalars = (
        st.none()
        | st.booleans()
        | st.integers(min_value=-(10**30), max_value=10**30)
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=20)
        | st.sampled_from(["c0", "c1", "k1", "k2", "p1", "t-flux", "", "#000000", "open"])
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=12,
    )


@st.composite
def _mutated_bytes(draw: st.DrawFn) -> bytes:
    data = bytearray(CURRENT_BYTES)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete"]))
        at = draw(st.integers(0, len(data)))
        if kind == "flip" and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "truncate":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from(FRAGMENTS) | st.binary(min_size=1, max_size=8))
        else:
            del data[at : at + draw(st.integers(1, 40))]
    return bytes(data)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


@st.composite
def _mutated_documents(draw: st.DrawFn) -> bytes:
    """The current fixture with a few values replaced, removed or added, as JSON text."""
    document = json.loads(CURRENT_BYTES)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(document)[1:]))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "remove", "add", "copy"]))
        if action == "replace":
            parent[path[-1]] = draw(_json_values())
        elif action == "remove":
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=10))] = draw(_json_values())
        elif action in ("add", "copy") and isinstance(parent, list):
            parent.insert(draw(st.integers(0, len(parent))), json.loads(json.dumps(parent[0])))
        else:
            parent[path[-1]] = json.loads(json.dumps(parent[path[-1]]))
    return json.dumps(document, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _load_or_refuse(folder: Path, data: bytes) -> None:
    path = folder / "fuzz.ck.json"
    path.write_bytes(data)
    try:
        session = load_session(path)
    except SessionLoadError as error:
        assert error.problems and str(error).startswith(f"{path}: ")
    else:
        assert isinstance(session, Session)
        assert decode(encode(session)) == session  # what loads can be saved and loads again
    assert path.read_bytes() == data


FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes_load_or_refuse(fuzz_folder: Path, data: bytes) -> None:
    _load_or_refuse(fuzz_folder, data)


@FUZZ
@given(data=_mutated_bytes())
def test_mutated_bytes_load_or_refuse(fuzz_folder: Path, data: bytes) -> None:
    _load_or_refuse(fuzz_folder, data)


@FUZZ
@given(data=_mutated_documents())
def test_mutated_documents_load_or_refuse(fuzz_folder: Path, data: bytes) -> None:
    _load_or_refuse(fuzz_folder, data)


# --- Format versions -------------------------------------------------------------


def test_current_fixture_loads_and_round_trips_byte_identically(tmp_path: Path) -> None:
    session = load_session(CURRENT)
    assert session.version == FORMAT_VERSION
    assert encode(session) == CURRENT_BYTES
    copy = tmp_path / "copy.ck.json"
    save_session(session, copy)
    assert copy.read_bytes() == CURRENT_BYTES


def test_v1_fixture_loads_as_version_2_with_no_rounds(tmp_path: Path) -> None:
    before = _state(V1)
    session = load_session(V1)
    assert session.version == FORMAT_VERSION == 2
    assert session.rounds == []
    assert json.loads(encode(session)) == {**json.loads(V1_BYTES), "version": 2, "rounds": []}
    assert _state(V1) == before  # migrating happens in memory only
    copy = tmp_path / "copy.ck.json"
    save_session(session, copy)
    assert json.loads(copy.read_bytes())["version"] == 2


def test_the_v1_to_v2_step_adds_an_empty_rounds_section() -> None:
    data = json.loads(V1_BYTES)
    assert "rounds" not in data
    result = migrations.migrate(data, 1)
    assert result["version"] == 2
    assert result["rounds"] == []
    assert {key: value for key, value in result.items() if key not in ("version", "rounds")} == {
        key: value for key, value in data.items() if key != "version"
    }


def test_a_v1_file_holding_rounds_keeps_them() -> None:
    """No CK Studio wrote this, but a hand-made v1 file with rounds loses nothing."""
    data = json.loads(CURRENT_BYTES)
    data["version"] = 1
    session = decode(json.dumps(data).encode("utf-8"))
    assert [r.id for r in session.rounds] == ["r1", "r2"]


def _records(session: Session) -> Iterator[Any]:
    yield session
    yield session.meta
    for section in ("themes", "participants", "knowledge", "links", "rounds"):
        yield from getattr(session, section)
    for concept in session.concepts:
        yield concept
        yield from concept.tags
        yield from concept.votes


def test_current_fixture_uses_every_field_and_every_choice() -> None:
    session = load_session(CURRENT)
    records = list(_records(session))
    for kind in {type(record) for record in records} | {session_module.Tag, session_module.Vote}:
        of_kind = [r for r in records if type(r) is kind]
        for name, field in kind.model_fields.items():
            if field.is_required():
                continue
            default = field.get_default(call_default_factory=True)
            assert any(getattr(r, name) != default for r in of_kind), f"{kind.__name__}.{name}"
    used = {
        (type(r).__name__, name, value)
        for r in records
        for name in type(r).model_fields
        if isinstance(value := getattr(r, name), str | None)
    }
    choices = {
        ("Concept", "partition"): (*session_module.PARTITIONS, None),
        ("Concept", "reach"): session_module.REACHES,
        ("Concept", "outcome"): session_module.OUTCOMES,
        ("KnowledgeItem", "status"): session_module.STATUSES,
        ("Link", "kind"): session_module.LINK_KINDS,
        ("Participant", "role"): session_module.ROLES,
        ("Round", "kind"): session_module.ROUND_KINDS,
    }
    for (kind_name, name), values in choices.items():
        for value in values:
            assert (kind_name, name, value) in used, f"{kind_name}.{name} = {value!r}"
    assert {tag.by for c in session.concepts for tag in c.tags} >= {None, "p3"}
    assert {vote.by for c in session.concepts for vote in c.votes} >= {None, "p2"}


def test_every_format_version_has_a_fixture() -> None:
    assert {p.name for p in VERSIONS.glob("v*.ck.json")} >= {
        f"v{n}.ck.json" for n in range(migrations.FIRST_VERSION, FORMAT_VERSION + 1)
    }


def test_migrate_applies_the_steps_in_order() -> None:
    seen: list[tuple[int, int]] = []

    def step(number: int) -> Callable[[dict[str, Any]], dict[str, Any]]:
        def migrate_one(data: dict[str, Any]) -> dict[str, Any]:
            seen.append((number, data["version"]))
            return {**data, "trail": [*data["trail"], number]}

        return migrate_one

    steps = {1: step(1), 2: step(2), 3: step(3)}
    result = migrations.migrate({"version": 1, "trail": []}, 1, steps=steps, target=3)
    assert result == {"version": 3, "trail": [1, 2]}
    assert seen == [(1, 1), (2, 2)]
    assert migrations.migrate({"version": 3}, 3, steps={}, target=3) == {"version": 3}


def test_an_older_version_loads_through_the_migration_chain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pretend version 0 existed, with 'titre' for 'title': loading migrates it in memory."""

    def from_v0(data: dict[str, Any]) -> dict[str, Any]:
        meta = dict(data["meta"])
        meta["title"] = meta.pop("titre")
        return {**data, "meta": meta}

    monkeypatch.setattr(codec, "FIRST_VERSION", 0)
    monkeypatch.setitem(migrations.MIGRATIONS, 0, from_v0)
    document = json.loads(V1_BYTES)
    document["version"] = 0
    document["meta"]["titre"] = document["meta"].pop("title")
    path = tmp_path / "v0.ck.json"
    path.write_text(json.dumps(document))
    before = _state(path)
    session = load_session(path)
    assert session.version == FORMAT_VERSION
    assert encode(session) == encode(load_session(V1))
    assert _state(path) == before


def test_a_newer_version_is_refused(tmp_path: Path) -> None:
    document = json.loads(V1_BYTES)
    document["version"] = FORMAT_VERSION + 1
    path = tmp_path / "from-the-future.ck.json"
    path.write_text(json.dumps(document))
    error = check_refused(path, "/version", "newer")
    assert "update ck studio" in str(error).lower()
