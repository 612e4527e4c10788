"""The freedesktop files: valid for their tools, agreeing on one id, and opening *.ck.json.

appstreamcli (appstream), desktop-file-validate (desktop-file-utils) and
update-mime-database (shared-mime-info) are test tools: scripts/dev.sh installs them.
"""

from __future__ import annotations

import fnmatch
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from ckstudio.desktop import APP_ID, MIME_FILE, MIME_TYPE, desktop_folder

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / MIME_FILE
SYSTEM_GLOBS = Path("/usr/share/mime/globs2")


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False)


def entry(text: str) -> dict[str, str]:
    return dict(re.findall(r"(?m)^([A-Za-z]+)=(.*)$", text))


def resolve(globs: list[Path], name: str) -> str:
    """The MIME type shared-mime-info gives `name` by its globs: highest weight, then
    the longest pattern (the rule of its spec)."""
    matches = [(0, 0, "application/octet-stream")]
    for path in globs:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                weight, kind, pattern = line.split(":")[:3]
                if fnmatch.fnmatchcase(name, pattern):
                    matches.append((int(weight), len(pattern), kind))
    return max(matches)[2]


def test_the_metainfo_passes_appstream_validation():
    result = run("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_desktop_entry_passes_desktop_file_validate():
    result = run("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


def test_every_file_names_the_same_application_and_type():
    keys = entry(DESKTOP.read_text(encoding="utf-8"))
    assert keys["Icon"] == APP_ID and keys["MimeType"] == f"{MIME_TYPE};"
    assert keys["Exec"] == "ckstudio %f"
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/mediatype") == MIME_TYPE
    namespace = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = ET.parse(MIME).getroot().find("m:mime-type", namespace)
    assert kind is not None and kind.get("type") == MIME_TYPE
    assert kind.find("m:sub-class-of", namespace).get("type") == "application/json"


def test_the_package_ships_the_same_files_as_packaging_linux():
    for source in (DESKTOP, METAINFO, MIME):
        copy = desktop_folder() / source.name
        assert copy.read_bytes() == source.read_bytes(), f"copy {source} into {copy.parent}"


def test_session_files_resolve_to_the_ckstudio_type_not_plain_json(tmp_path):
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    (packages / f"{APP_ID}.xml").write_bytes(MIME.read_bytes())
    result = run("update-mime-database", str(tmp_path / "mime"))
    assert result.returncode == 0, result.stderr
    globs = [tmp_path / "mime" / "globs2"]
    globs += [SYSTEM_GLOBS] if SYSTEM_GLOBS.is_file() else []  # where *.json is application/json
    assert resolve(globs, "atelier.ck.json") == MIME_TYPE
    assert resolve(globs, "Atelier du 12 mai.ck.json") == MIME_TYPE
    assert resolve(globs, "notes.json") != MIME_TYPE  # other JSON files are not sessions
