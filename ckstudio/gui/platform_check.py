"""Say, before Qt starts, why no window can be opened on this Linux machine.

Qt's xcb platform plugin aborts the whole process with "could not load the Qt
platform plugin xcb ... Aborted (core dumped)" when a system library it needs
is missing (libxcb-cursor0, libegl1, ...), or when there is no display at all.
`display_problem` finds those cases first and returns one clear sentence that
names what is missing and how to install it; None means "go ahead".

This module runs before Qt is loaded: it imports only the standard library and
never imports PySide6 (it only locates its files). It never raises: when
anything unexpected happens it answers None, and the application tries anyway.
Windows and macOS builds of PySide6 bundle their own libraries, so only Linux
is checked.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# The shared libraries the xcb plugin (libqxcb.so, libQt6XcbQpa.so.6 and the Qt
# libraries they pull in) takes from the system, with the Debian/Ubuntu package
# that provides each. The first block is the usual suspects on a fresh or minimal
# install (libxcb-xinerama0 only for older Qt); the rest are almost always
# present, but named too when they are not. This table only names packages:
# what is checked is what the plugin on disk actually needs.
SONAME_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libGL.so.1": "libgl1",
    "libxcb.so.1": "libxcb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libX11.so.6": "libx11-6",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libz.so.1": "zlib1g",
}

# Where the xcb plugin sits inside the PySide6 package directory.
_XCB_PLUGIN = Path("Qt", "plugins", "platforms", "libqxcb.so")

# "\tlibxcb-cursor.so.0 => not found", as ldd (the glibc loader) prints it.
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)

# ctypes' OSError for a library that dlopen could not find, itself or a dependency.
_CANNOT_OPEN = re.compile(r"(\S+): cannot open shared object file")

# ELF constants: the dynamic section's type, and the tags read from it.
_SHT_DYNAMIC = 6
_DT_NULL = 0
_DT_NEEDED = 1

_LDD_TIMEOUT_SECONDS = 2.0

WINDOWLESS_COMMANDS = "ckstudio validate, ckstudio stats and ckstudio render"


def missing_libraries(
    *,
    ldd_output: str | None = None,
    loader: Callable[[str], object] | None = None,
) -> list[str]:
    """Return the sonames the xcb plugin needs that the dynamic loader cannot find.

    By default this runs `ldd` on PySide6's libqxcb.so and keeps its "not
    found" lines, in the order ldd printed them. Without ldd (or when its
    output lists no library), it reads the sonames the plugin needs from its
    ELF files, through the Qt libraries PySide6 bundles, and loads each with
    ctypes; a library that fails for want of one of its own dependencies
    reports that dependency. Tests inject either `ldd_output` (text parsed as
    if ldd printed it) or `loader` (called with each soname, OSError meaning
    "missing"; no ldd is run then); any other exception from the loader
    propagates. Sonames outside SONAME_PACKAGES are returned all the same.
    """
    if ldd_output is None and loader is None:
        ldd_output = _run_ldd()
    if ldd_output is not None:
        found = _parse_ldd(ldd_output)
        if found is not None:
            return found
    return _probe(loader if loader is not None else ctypes.CDLL)


def display_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    *,
    ldd_output: str | None = None,
    loader: Callable[[str], object] | None = None,
) -> str | None:
    """Return why Qt cannot open a window here, in a sentence or two; None if it can.

    `environ` defaults to os.environ and `platform` to sys.platform;
    `ldd_output` and `loader` are passed to `missing_libraries`. Never raises:
    an unexpected error gives None, so the caller starts Qt anyway.
    """
    try:
        return _display_problem(
            os.environ if environ is None else environ,
            sys.platform if platform is None else platform,
            ldd_output,
            loader,
        )
    except Exception:
        return None


def _display_problem(
    environ: Mapping[str, str],
    platform: str,
    ldd_output: str | None,
    loader: Callable[[str], object] | None,
) -> str | None:
    if not platform.startswith("linux"):
        return None
    display = bool(environ.get("DISPLAY"))
    wayland = bool(environ.get("WAYLAND_DISPLAY"))
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    unmet: list[str] = []  # the display variables the requested platforms lacked
    for name in _platform_order(requested, environ):
        if name.startswith("wayland"):
            if wayland or _wayland_socket_exists(environ):
                return None  # Qt's wayland plugin is not checked.
            unmet.append("WAYLAND_DISPLAY")
        elif name == "xcb":
            if display:
                missing = missing_libraries(ldd_output=ldd_output, loader=loader)
                return _missing_message(missing) if missing else None
            unmet.append("DISPLAY")
        else:
            return None  # offscreen, minimal, vnc, eglfs, ...: no X11 libraries needed.
    if not display and not wayland:
        return (
            "CK Studio cannot open a window: there is no graphical display "
            "(neither DISPLAY nor WAYLAND_DISPLAY is set). "
            f"The commands {WINDOWLESS_COMMANDS} work without one."
        )
    # A display exists, but QT_QPA_PLATFORM names only platforms that cannot use it.
    lacking = " nor ".join(dict.fromkeys(unmet)) or "a matching display"
    return (
        f'CK Studio cannot open a window: QT_QPA_PLATFORM is "{requested}" '
        f"but {lacking} is not set. Unset QT_QPA_PLATFORM to use the display you have."
    )


def _platform_order(requested: str, environ: Mapping[str, str]) -> list[str]:
    """Return the platform plugins Qt will try, in order, as lowercase names.

    QT_QPA_PLATFORM is a ';'-separated list of "name:option:option" entries.
    Unset (or naming nothing), Qt 6 tries wayland first on a Wayland session,
    then xcb: see init_platform in qguiapplication.cpp.
    """
    names = (entry.split(":", 1)[0].strip().lower() for entry in requested.split(";"))
    named = [name for name in names if name]
    if named:
        return named
    on_wayland = environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland"
    return ["wayland", "xcb"] if on_wayland else ["xcb"]


def _wayland_socket_exists(environ: Mapping[str, str]) -> bool:
    """Return whether a compositor listens on the default socket, wayland-0.

    Qt's wayland plugin connects there when WAYLAND_DISPLAY is unset.
    """
    runtime = environ.get("XDG_RUNTIME_DIR")
    return bool(runtime) and Path(runtime, "wayland-0").exists()


def _missing_message(sonames: list[str]) -> str:
    """Return the sentence naming the packages that provide `sonames`.

    A soname outside SONAME_PACKAGES is named as such, with no package to install.
    """
    packages = list(dict.fromkeys(SONAME_PACKAGES[s] for s in sonames if s in SONAME_PACKAGES))
    unknown = [s for s in sonames if s not in SONAME_PACKAGES]
    names = packages + unknown
    if len(names) == 1:
        what, them = f"the system library {names[0]} is missing", "it"
    else:
        what, them = f"the system libraries {', '.join(names)} are missing", "them"
    provider = "the package that provides" if len(unknown) == 1 else "the packages that provide"
    if not packages:
        return f"CK Studio cannot open a window: {what}. Install {provider} {them}."
    install = f"Install {them} with: sudo apt-get install {' '.join(packages)}"
    if unknown:
        install += f", plus {provider} {', '.join(unknown)}"
    return f"CK Studio cannot open a window: {what}. {install}"


def _xcb_plugin() -> Path | None:
    """Return PySide6's libqxcb.so without importing PySide6, or None."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        plugin = Path(location, _XCB_PLUGIN)
        if plugin.is_file():
            return plugin
    return None


def _run_ldd() -> str | None:
    """Return what ldd prints for the xcb plugin, or None when that cannot be had."""
    ldd = shutil.which("ldd")
    plugin = _xcb_plugin()
    if ldd is None or plugin is None:
        return None
    try:
        result = subprocess.run(
            [ldd, str(plugin)],
            capture_output=True,
            timeout=_LDD_TIMEOUT_SECONDS,
            env={**os.environ, "LC_ALL": "C"},
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.decode(errors="replace")


def _parse_ldd(output: str) -> list[str] | None:
    """Return the "not found" sonames of ldd's output; None if it listed no library."""
    if "=>" not in output:
        return None  # "not a dynamic executable", an error, or empty.
    return list(dict.fromkeys(_NOT_FOUND.findall(output)))


def _probe(loader: Callable[[str], object]) -> list[str]:
    """Return the sonames the xcb plugin needs that `loader` fails to load.

    The needs are read from the plugin's ELF files, so a library this PySide6
    no longer uses (libxcb-xinerama, say) is never reported; without a readable
    plugin there is nothing to check against, and nothing is reported.
    """
    missing: list[str] = []
    for soname in _system_needs():
        try:
            loader(soname)
        except OSError as error:
            missing.append(_culprit(error, soname))
    return list(dict.fromkeys(missing))


def _culprit(error: OSError, soname: str) -> str:
    """Return the library dlopen could not find: `soname`, or one it depends on."""
    # "libxcb-render-util.so.0: cannot open shared object file: No such file ..."
    match = _CANNOT_OPEN.match(str(error))
    return Path(match.group(1)).name if match else soname


def _system_needs() -> list[str]:
    """Return the sonames the xcb plugin takes from the system, direct or through Qt.

    Follows DT_NEEDED from libqxcb.so through the Qt libraries PySide6 bundles
    (libQt6XcbQpa, libQt6Gui, libQt6DBus, ...); whatever is not bundled comes
    from the system. The dependencies of system libraries are left to dlopen.
    """
    plugin = _xcb_plugin()
    if plugin is None:
        return []
    bundled = plugin.parents[2] / "lib"
    system: dict[str, None] = {}
    pending, seen = [plugin], {plugin.name}
    while pending:
        for soname in _elf_needed(pending.pop(0)):
            if (bundled / soname).is_file():
                if soname not in seen:
                    seen.add(soname)
                    pending.append(bundled / soname)
            else:
                system[soname] = None
    return list(system)


def _elf_needed(path: Path) -> list[str]:
    """Return the DT_NEEDED sonames of an ELF shared object, read from its sections."""
    with path.open("rb") as file:
        ident = file.read(16)
        if ident[:4] != b"\x7fELF" or ident[4] not in (1, 2) or ident[5] not in (1, 2):
            raise ValueError(f"{path} is not an ELF file")
        wide = ident[4] == 2
        order = "<" if ident[5] == 1 else ">"
        header = struct.Struct(order + ("HHIQQQIHHHHHH" if wide else "HHIIIIIHHHHHH"))
        fields = header.unpack(file.read(header.size))
        shoff, shentsize, shnum = fields[5], fields[10], fields[11]
        section = struct.Struct(order + ("IIQQQQIIQQ" if wide else "IIIIIIIIII"))
        sections = []
        for index in range(shnum):
            file.seek(shoff + index * shentsize)
            sections.append(section.unpack(file.read(section.size)))
        entry = struct.Struct(order + ("qQ" if wide else "iI"))
        needed_offsets: list[int] = []
        strings = b""
        for _name, kind, _flags, _addr, offset, size, link, *_rest in sections:
            if kind != _SHT_DYNAMIC:
                continue
            file.seek(offset)
            table = file.read(size)
            for tag, value in entry.iter_unpack(table[: len(table) - len(table) % entry.size]):
                if tag == _DT_NULL:
                    break
                if tag == _DT_NEEDED:
                    needed_offsets.append(value)
            strtab = sections[link]
            file.seek(strtab[4])
            strings = file.read(strtab[5])
            break
    return [strings[start : strings.index(b"\0", start)].decode() for start in needed_offsets]
