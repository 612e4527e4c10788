"""`ckstudio install-desktop`: the launcher, icons, MIME type and metainfo in a data folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ckstudio.cli import main
from ckstudio.desktop import (
    APP_ID,
    ICON_SIZES,
    MIME_TYPE,
    exec_line,
    icon_folder,
    install,
    launcher,
)


def test_install_desktop_writes_every_file_and_the_mime_cache(tmp_path: Path, capsys):
    assert main(["install-desktop", "--data-home", str(tmp_path)]) == 0
    assert "files written" in capsys.readouterr().out
    desktop = (tmp_path / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"\nExec={exec_line(launcher())}\n" in desktop
    for size in ICON_SIZES:
        icon = tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert icon.read_bytes() == (icon_folder() / f"ckstudio-{size}.png").read_bytes()
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (tmp_path / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")  # update-mime-database
    assert f":{MIME_TYPE}:*.ck.json" in globs


def test_a_launcher_path_with_spaces_and_dollars_is_quoted_validly(tmp_path: Path):
    command = ["/opt/CK Studio/ck$tudio 100%"]
    assert exec_line(command) == '"/opt/CK Studio/ck\\\\$tudio 100%%" %f'
    install(tmp_path, command)
    installed = tmp_path / "applications" / f"{APP_ID}.desktop"
    result = subprocess.run(
        ["desktop-file-validate", str(installed)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


def test_a_plain_path_stays_unquoted():
    assert exec_line(["/usr/bin/ckstudio"]) == "/usr/bin/ckstudio %f"


def test_outside_a_script_the_launcher_is_this_python_running_the_package(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["/somewhere/pytest"])
    assert launcher() == [sys.executable, "-m", "ckstudio"]


def test_an_unwritable_data_folder_is_one_sentence_and_exit_1(tmp_path: Path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["install-desktop", "--data-home", str(blocker)]) == 1
    assert capsys.readouterr().err.startswith(f"ckstudio: cannot install into {blocker}")


def test_a_launcher_path_with_a_line_break_is_refused_before_writing(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("ckstudio.desktop.launcher", lambda: ["/opt/ck\nstudio/ckstudio"])
    assert main(["install-desktop", "--data-home", str(tmp_path)]) == 1
    assert "line break" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


def test_a_relative_data_folder_is_taken_from_where_the_command_runs(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["install-desktop", "--data-home", "share"]) == 0
    assert f"under {tmp_path / 'share'}:" in capsys.readouterr().out
