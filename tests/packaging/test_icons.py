"""The application icon: PNGs of the right sizes made from the SVG, shipped in the package."""

from __future__ import annotations

import struct
import tomllib
from pathlib import Path

from ckstudio.desktop import ICON_SIZES, icon_folder

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "resources" / "icons"
SHIPPED = ["ckstudio.svg", *(f"ckstudio-{size}.png" for size in ICON_SIZES)]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_every_png_is_square_at_its_named_size():
    for size in ICON_SIZES:
        assert png_size((SOURCE / f"ckstudio-{size}.png").read_bytes()) == (size, size)


def test_the_package_ships_the_same_icons_as_resources():
    for name in SHIPPED:
        shipped = icon_folder() / name
        assert shipped.read_bytes() == (SOURCE / name).read_bytes(), f"{name}: run scripts/icons.py"


def test_the_icons_are_declared_as_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["ckstudio"]
    declared = {p for pattern in patterns for p in (ROOT / "ckstudio").glob(pattern)}
    assert {icon_folder() / name for name in SHIPPED} <= declared


def test_the_windows_icon_holds_each_size_up_to_256():
    data = (SOURCE / "ckstudio.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    sizes = []
    for index in range(count):
        edge, _, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        assert png_size(data[offset : offset + length]) == (edge or 256, edge or 256)
        sizes.append(edge or 256)
    assert (reserved, kind) == (0, 1) and sizes == [16, 24, 32, 48, 64, 128, 256]


def test_the_macos_icon_holds_each_size_up_to_512():
    data = (SOURCE / "ckstudio.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    position, sizes = 8, []
    while position < len(data):
        length = struct.unpack(">I", data[position + 4 : position + 8])[0]
        sizes.append(png_size(data[position + 8 : position + length])[0])
        position += length
    assert sizes == [16, 32, 64, 128, 256, 512]


def test_the_window_carries_the_icon_at_every_size(qapp):
    from ckstudio.gui.app import application, application_icon

    sizes = {size.width() for size in application_icon().availableSizes()}
    assert sizes == set(ICON_SIZES)
    assert not application().windowIcon().isNull()
