"""Make CK Studio's icon files from resources/icons/ckstudio.svg.

    .venv/bin/python scripts/icons.py

Writes, beside the SVG, the PNGs the freedesktop icon theme and the window use
(ckstudio-16.png ... ckstudio-512.png), ckstudio.ico for the Windows build and
ckstudio.icns for the macOS one (both PNG-compressed, which every current
Windows and macOS reads); then copies the SVG and the PNGs into
ckstudio/resources/icons/, where the installed and the frozen app find them
(tests/packaging/test_icons.py holds the copies to the sources). Run it after
changing the SVG, and commit what it writes.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # ckstudio from this checkout, installed or not

from ckstudio.desktop import ICON_SIZES  # noqa: E402

SOURCE = ROOT / "resources" / "icons"
PACKAGE = ROOT / "ckstudio" / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico holds
# The PNG-holding entries of an .icns, by edge in pixels.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def render(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent square of `size` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding each PNG as is (one directory entry per size)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, data in pngs.items():
        edge = size % 256  # 0 means 256
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding each PNG under its type code."""
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(data)) + data for size, data in pngs.items()
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> None:
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1])  # QSvgRenderer and QImage need one  # noqa: F841
    svg = SOURCE / "ckstudio.svg"
    pngs = {size: render(svg, size) for size in sorted({*ICON_SIZES, *ICO_SIZES})}
    for size in ICON_SIZES:
        (SOURCE / f"ckstudio-{size}.png").write_bytes(pngs[size])
    (SOURCE / "ckstudio.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (SOURCE / "ckstudio.icns").write_bytes(icns({s: pngs[s] for s in ICNS_TYPES}))
    PACKAGE.mkdir(parents=True, exist_ok=True)
    for name in ["ckstudio.svg", *(f"ckstudio-{size}.png" for size in ICON_SIZES)]:
        shutil.copyfile(SOURCE / name, PACKAGE / name)
    print(f"icons written to {SOURCE.relative_to(ROOT)} and {PACKAGE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
