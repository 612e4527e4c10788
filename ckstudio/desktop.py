"""CK Studio's place on a Linux desktop: its id, its icon files, and `ckstudio install-desktop`.

The freedesktop files (the .desktop launcher, the AppStream metainfo and the
shared-mime-info definition of `*.ck.json`) live in packaging/linux/, with copies
in ckstudio/resources/desktop/ so that a pip install and the standalone build
both carry them; the icons likewise in resources/icons/ and
ckstudio/resources/icons/ (tests/packaging/ holds the copies to the sources).
`install` puts them under one user's data folder (~/.local/share) so that the
menu lists CK Studio and a double-click on a session opens it. No Qt here: the
command runs without a display, and the window only asks for the icon files.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

APP_ID = "org.ckstudio.CKStudio"  # reverse-DNS, as AppStream asks; every file is named by it
MIME_TYPE = "application/vnd.ckstudio.session+json"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MIME_FILE = "ckstudio-mime.xml"
# Characters that make an argument of a desktop entry's Exec need quotes.
_RESERVED = re.compile(r"[\s\"'\\><~|&;$*?#()`]")


def icon_folder() -> Path:
    """Where the shipped icons are: ckstudio-SIZE.png for each of ICON_SIZES, ckstudio.svg."""
    return Path(str(resources.files("ckstudio").joinpath("resources", "icons")))


def desktop_folder() -> Path:
    """Where the shipped freedesktop files are (copies of packaging/linux/)."""
    return Path(str(resources.files("ckstudio").joinpath("resources", "desktop")))


def data_home(environ: dict[str, str] | os._Environ[str] = os.environ) -> Path:
    """The user's data folder of the XDG base directory spec: $XDG_DATA_HOME, else
    ~/.local/share (a relative $XDG_DATA_HOME is invalid there, so ignored)."""
    configured = environ.get("XDG_DATA_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".local" / "share"


def launcher() -> list[str]:
    """The command that starts this very CK Studio, for the launcher's Exec line: the
    frozen executable, the `ckstudio` script of a pip install, else `python -m ckstudio`
    (the menu's PATH seldom holds a virtual environment's bin/)."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.argv[0])
    if script.name == "ckstudio" and script.is_file():
        return [str(script.absolute())]
    return [sys.executable, "-m", "ckstudio"]


def exec_line(command: list[str]) -> str:
    """`command` as the Exec value of a desktop entry (its quoting and escaping rules),
    followed by %f, the file to open."""

    def argument(text: str) -> str:
        text = text.replace("%", "%%")
        if not _RESERVED.search(text):
            return text
        quoted = re.sub(r'(["`$\\])', r"\\\1", text)
        return '"' + quoted.replace("\\", "\\\\") + '"'  # the string rule escapes again

    return " ".join([*map(argument, command), "%f"])


def install(home: Path, command: list[str]) -> list[Path]:
    """Write the launcher (starting `command`), the icons, the MIME type and the metainfo
    under the data folder `home`, then refresh the desktop's caches; the files written."""
    source = desktop_folder()
    entry = (source / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    entry = re.sub(r"(?m)^Exec=.*$", lambda _: f"Exec={exec_line(command)}", entry)
    written = [
        _write(home / "applications" / f"{APP_ID}.desktop", entry.encode()),
        _write(home / "mime" / "packages" / f"{APP_ID}.xml", (source / MIME_FILE).read_bytes()),
        _write(
            home / "metainfo" / f"{APP_ID}.metainfo.xml",
            (source / f"{APP_ID}.metainfo.xml").read_bytes(),
        ),
    ]
    icons, hicolor = icon_folder(), home / "icons" / "hicolor"
    for size in ICON_SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        written.append(_write(target, (icons / f"ckstudio-{size}.png").read_bytes()))
    svg = (icons / "ckstudio.svg").read_bytes()
    written.append(_write(hicolor / "scalable" / "apps" / f"{APP_ID}.svg", svg))
    _refresh(["update-mime-database", str(home / "mime")])
    _refresh(["update-desktop-database", "-q", str(home / "applications")])
    return written


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _refresh(command: list[str]) -> None:
    """Run a cache tool of the desktop when the system has it: without it the files are
    still right, only found later (at the next login)."""
    if shutil.which(command[0]) is None:
        return
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = result.stderr.strip().splitlines()[-1:] or ["no message"]
        print(f"ckstudio: warning: {command[0]} failed: {detail[0]}", file=sys.stderr)


def install_command(options: argparse.Namespace) -> int:
    """`ckstudio install-desktop [--data-home DIR]`: exit 0, or 1 when a file cannot be written."""
    home = (options.data_home or data_home()).absolute()
    command = launcher()
    if any(char in part for part in command for char in "\n\r"):
        print("ckstudio: cannot install: the path of this CK Studio holds a line break, "
              "which a desktop entry cannot hold; move it to a folder without one",
              file=sys.stderr)  # fmt: skip
        return 1
    try:
        written = install(home, command)
    except OSError as error:
        print(f"ckstudio: cannot install into {home}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"{len(written)} files written under {home}: CK Studio is in the menu, opens *.ck.json")
    return 0
