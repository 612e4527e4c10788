"""The `ckstudio` command as a user runs it: output, exit codes, files left."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ckstudio import __version__
from ckstudio.cli import main
from ckstudio.storage import load_session

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    path = tmp_path / "atelier.ck.json"
    assert main(["new", "-o", str(path), "--title", "Atelier", "--c0", "Une école"]) == 0
    return path


def test_the_installed_command_answers_version_and_help():
    command = [sys.executable, "-m", "ckstudio", "--version"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, f"ckstudio {__version__}")
    done = subprocess.run([*command[:-1], "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert all(word in done.stdout for word in ("validate", "stats", "new", "schema"))


def test_new_writes_a_valid_session_with_c0_and_default_themes(session_file, capsys):
    session = load_session(session_file)
    assert session.concepts[0].text == "Une école"
    assert [t.name for t in session.themes] == ["Structure", "Flux", "Usages"]
    assert session.meta.language == "fr"


def test_new_in_english(tmp_path):
    path = tmp_path / "en.ck.json"
    assert main(["new", "-o", str(path), "--title", "Garden", "--lang", "en"]) == 0
    assert [t.name for t in load_session(path).themes] == ["Structure", "Flows", "Uses"]


def test_new_refuses_to_overwrite_unless_forced(session_file, capsys):
    before = session_file.read_bytes()
    assert main(["new", "-o", str(session_file), "--title", "Autre"]) == 1
    assert "exists already" in capsys.readouterr().err
    assert session_file.read_bytes() == before
    assert main(["new", "-o", str(session_file), "--title", "Autre", "--force"]) == 0
    assert load_session(session_file).meta.title == "Autre"
    assert (session_file.parent / "atelier.ck.json.1.bak").read_bytes() == before


def test_new_refuses_an_empty_title(tmp_path, capsys):
    assert main(["new", "-o", str(tmp_path / "x.ck.json"), "--title", ""]) == 2
    assert "title" in capsys.readouterr().err
    assert not (tmp_path / "x.ck.json").exists()


def test_validate_reports_one_line_per_problem(session_file, tmp_path, capsys):
    bad = tmp_path / "bad.ck.json"
    data = json.loads(session_file.read_text())
    data["concepts"][0]["reach"] = "far"
    data["concepts"][0]["colour"] = "red"
    bad.write_text(json.dumps(data))
    assert main(["validate", str(session_file), str(bad)]) == 1
    out, err = capsys.readouterr()
    assert out.startswith(f"{session_file}: valid")
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert all(line.startswith(f"{bad}: /concepts/0/") for line in lines)
    assert any("unknown field 'colour'" in line for line in lines)


def test_validate_accepts_every_example(capsys):
    examples = sorted(str(path) for path in EXAMPLES.glob("*.ck.json"))
    assert len(examples) >= 3
    assert main(["validate", *examples]) == 0


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["validate"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["stats", "a", "--bogus"])
    assert exit_info.value.code == 2


def test_stats_prints_a_table_and_json(session_file, capsys):
    assert main(["stats", str(session_file)]) == 0
    table = capsys.readouterr().out
    assert "Concept tree" in table and "expansive share" in table
    assert main(["stats", str(session_file), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["concepts"] == 1


def test_stats_on_a_bad_file_is_one_sentence(tmp_path, capsys):
    missing = tmp_path / "absent.ck.json"
    assert main(["stats", str(missing)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "does not exist" in err and "Traceback" not in err


def test_the_window_takes_at_most_one_file(capsys):
    assert main(["a.ck.json", "b.ck.json"]) == 2
    assert "at most one session file" in capsys.readouterr().err


def test_schema_is_printed_and_matches_the_copy_in_resources(capsys):
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    copy = Path(__file__).resolve().parent.parent / "resources" / "ckstudio.session.schema.json"
    assert printed == copy.read_text(encoding="utf-8"), (
        "resources/ckstudio.session.schema.json is stale: run "
        "`ckstudio schema > resources/ckstudio.session.schema.json`"
    )
    schema = json.loads(printed)
    assert schema["properties"]["format"]["const"] == "ckstudio.session"
    assert "concepts" in schema["required"]


def test_validate_keeps_its_exit_code_when_the_reader_goes_away(session_file, tmp_path):
    bad = tmp_path / "bad.ck.json"
    bad.write_text("{")
    command = [sys.executable, "-m", "ckstudio", "validate", str(session_file), str(bad)]
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 1
    reader_gone = subprocess.run(
        f"{' '.join(command)} | head -c 0", shell=True, capture_output=True, text=True
    )
    assert "Traceback" not in reader_gone.stderr


@pytest.mark.parametrize("target", [".", "/"])
def test_validating_a_folder_is_one_line_not_a_traceback(target, capsys):
    assert main(["validate", target]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
