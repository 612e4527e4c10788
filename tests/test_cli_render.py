"""`ckstudio render` as a user runs it: every example to SVG and PNG, and the errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from ckstudio.cli import main

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.ck.json"))
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_renders_to_svg_and_png(example, tmp_path, capsys, qapp):
    svg, png = tmp_path / "map.svg", tmp_path / "map.png"
    assert main(["render", str(example), "-o", str(svg)]) == 0
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert main(["render", str(example), "-o", str(png), "--scale", "0.5"]) == 0
    assert png.read_bytes().startswith(PNG_SIGNATURE)
    image = QImage(str(png))
    assert abs(image.width() - float(root.get("width")) * 0.5) <= 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.png", "map.svg"]


def test_space_and_orientation_change_the_picture(tmp_path, capsys):
    example = str(EXAMPLES[0])
    sizes = {}
    for space, orientation in [("both", "down"), ("both", "right"), ("c", "down"), ("k", "down")]:
        out = tmp_path / f"{space}-{orientation}.svg"
        arguments = ["render", example, "-o", str(out), "--space", space]
        assert main([*arguments, "--orientation", orientation]) == 0
        root = ET.parse(out).getroot()
        sizes[space, orientation] = (float(root.get("width")), float(root.get("height")))
    assert len(set(sizes.values())) == 4
    assert sizes["c", "down"][0] < sizes["both", "down"][0]
    assert sizes["k", "down"][0] < sizes["both", "down"][0]


def test_a_bad_session_is_one_sentence_and_exit_1(tmp_path, capsys):
    bad = tmp_path / "bad.ck.json"
    bad.write_text("{")
    assert main(["render", str(bad), "-o", str(tmp_path / "map.svg")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not valid JSON" in err
    assert not (tmp_path / "map.svg").exists()


def test_an_unwritable_output_is_exit_1(tmp_path, capsys):
    target = tmp_path / "no such folder" / "map.svg"
    assert main(["render", str(EXAMPLES[0]), "-o", str(target)]) == 1
    assert "does not exist" in capsys.readouterr().err


USAGE_ERRORS = [
    ["-o", "map.jpg"],
    ["-o", "map"],
    ["-o", "m.svg", "--scale", "0"],
    ["-o", "m.svg", "--scale", "x"],
    ["-o", "m.svg", "--space", "z"],
    ["-o", "m.svg", "--orientation", "up"],
]


@pytest.mark.parametrize("arguments", USAGE_ERRORS)
def test_usage_errors_are_exit_2(arguments, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    try:
        code = main(["render", str(EXAMPLES[0]), *arguments])
    except SystemExit as exit_info:
        code = exit_info.code
    assert code == 2
    assert list(tmp_path.iterdir()) == []


def test_an_image_too_large_is_refused_plainly(tmp_path, capsys):
    assert main(["render", str(EXAMPLES[0]), "-o", str(tmp_path / "m.png"), "--scale", "20"]) == 1
    assert "smaller --scale" in capsys.readouterr().err


def test_png_needs_no_display_even_when_told_otherwise(tmp_path):
    import os
    import subprocess
    import sys

    environment = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    environment.pop("DISPLAY", None)
    environment.pop("WAYLAND_DISPLAY", None)
    out = tmp_path / "map.png"
    command = [sys.executable, "-m", "ckstudio", "render", str(EXAMPLES[0]), "-o", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, env=environment)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(PNG_SIGNATURE)
