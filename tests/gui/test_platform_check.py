"""The check that names a missing display or system library before Qt aborts."""

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ckstudio.gui import platform_check
from ckstudio.gui.platform_check import SONAME_PACKAGES, display_problem, missing_libraries

X11 = {"DISPLAY": ":0"}

LDD_ALL_FOUND = """\
\tlinux-vdso.so.1 (0x00007ffd1a5f3000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x1)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x2)
\tlibEGL.so.1 => /lib/x86_64-linux-gnu/libEGL.so.1 (0x3)
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x4)
\t/lib64/ld-linux-x86-64.so.2 (0x00007f9c0a1e5000)
"""


def ldd_lacking(*sonames: str) -> str:
    """Return LDD_ALL_FOUND with `sonames` reported as not found, as glibc's ldd does."""
    return LDD_ALL_FOUND + "".join(f"\t{soname} => not found\n" for soname in sonames)


def loader_lacking(*sonames: str) -> Callable[[str], None]:
    """Return a loader that fails, like ctypes.CDLL, on `sonames`."""

    def load(soname: str) -> None:
        if soname in sonames:
            raise OSError(f"{soname}: cannot open shared object file: No such file or directory")

    return load


def untouchable(soname: str) -> None:
    raise AssertionError(f"no library should be checked, yet {soname} was")


# --- Which platform Qt will use -------------------------------------------------------------


def test_no_display_says_so_and_points_to_the_windowless_commands() -> None:
    message = display_problem({}, "linux", loader=untouchable)

    assert message is not None
    assert "no graphical display" in message
    assert "DISPLAY" in message and "WAYLAND_DISPLAY" in message
    for command in ("ckstudio validate", "ckstudio stats", "ckstudio render"):
        assert command in message


@pytest.mark.parametrize("platform", ["win32", "darwin", "cygwin"])
def test_other_systems_bundle_their_libraries(platform: str) -> None:
    assert display_problem({}, platform, loader=untouchable) is None


@pytest.mark.parametrize("qpa", ["offscreen", "minimal", "vnc", "VNC:size=800x600", "eglfs"])
def test_platforms_without_x11_are_not_checked(qpa: str) -> None:
    assert display_problem({"QT_QPA_PLATFORM": qpa}, "linux", loader=untouchable) is None
    assert display_problem({"QT_QPA_PLATFORM": qpa, **X11}, "linux", loader=untouchable) is None


@pytest.mark.parametrize(
    "environ",
    [
        {"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0", **X11},
        {"QT_QPA_PLATFORM": "wayland;xcb", "WAYLAND_DISPLAY": "wayland-1"},
        {"WAYLAND_DISPLAY": "wayland-0", **X11},  # Qt 6 tries wayland first by itself.
    ],
)
def test_wayland_with_a_compositor_needs_no_xcb_library(environ: dict[str, str]) -> None:
    assert display_problem(environ, "linux", ldd_output=ldd_lacking("libEGL.so.1")) is None


def test_wayland_listed_first_without_a_compositor_falls_back_to_xcb() -> None:
    environ = {"QT_QPA_PLATFORM": "wayland;xcb", "XDG_RUNTIME_DIR": "/nonexistent", **X11}

    message = display_problem(environ, "linux", ldd_output=ldd_lacking("libEGL.so.1"))

    assert message is not None and "libegl1" in message


def test_wayland_uses_the_default_socket_when_wayland_display_is_unset(tmp_path: Path) -> None:
    (tmp_path / "wayland-0").touch()
    environ = {"QT_QPA_PLATFORM": "wayland", "XDG_RUNTIME_DIR": str(tmp_path)}

    assert display_problem(environ, "linux", loader=untouchable) is None


def test_a_platform_that_misses_the_display_at_hand_is_named() -> None:
    environ = {"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}

    message = display_problem(environ, "linux", loader=untouchable)

    assert message is not None
    assert 'QT_QPA_PLATFORM is "xcb"' in message
    assert "DISPLAY is not set" in message
    assert "Unset QT_QPA_PLATFORM" in message


def test_xcb_without_any_display_is_the_no_display_case() -> None:
    message = display_problem({"QT_QPA_PLATFORM": "xcb"}, "linux", loader=untouchable)

    assert message is not None and "no graphical display" in message


# --- Which libraries xcb lacks --------------------------------------------------------------


def test_missing_xcb_cursor_names_the_package_and_the_command() -> None:
    message = display_problem(X11, "linux", ldd_output=ldd_lacking("libxcb-cursor.so.0"))

    assert message == (
        "CK Studio cannot open a window: the system library libxcb-cursor0 is missing. "
        "Install it with: sudo apt-get install libxcb-cursor0"
    )


def test_several_missing_libraries_are_named_once_each_in_ldd_order() -> None:
    output = ldd_lacking("libxcb-cursor.so.0", "libEGL.so.1", "libxcb-cursor.so.0")

    assert missing_libraries(ldd_output=output) == ["libxcb-cursor.so.0", "libEGL.so.1"]
    assert display_problem(X11, "linux", ldd_output=output) == (
        "CK Studio cannot open a window: the system libraries libxcb-cursor0, libegl1 are "
        "missing. Install them with: sudo apt-get install libxcb-cursor0 libegl1"
    )


def test_two_sonames_of_one_package_install_it_once() -> None:
    output = ldd_lacking("libglib-2.0.so.0", "libgthread-2.0.so.0")

    message = display_problem(X11, "linux", ldd_output=output)

    assert message is not None
    assert message.endswith("sudo apt-get install libglib2.0-0")
    assert message.count("libglib2.0-0") == 2  # once named, once installed


def test_a_library_outside_the_table_is_named_by_its_soname() -> None:
    only_unknown = display_problem(X11, "linux", ldd_output=ldd_lacking("libfoo.so.3"))
    mixed = display_problem(X11, "linux", ldd_output=ldd_lacking("libfoo.so.3", "libEGL.so.1"))

    assert only_unknown is not None
    assert "libfoo.so.3 is missing. Install the package that provides it." in only_unknown
    assert "apt-get" not in only_unknown
    assert mixed is not None
    assert "libegl1, libfoo.so.3 are missing" in mixed
    assert "sudo apt-get install libegl1, plus the package that provides libfoo.so.3" in mixed


def test_all_libraries_present_means_no_problem() -> None:
    assert missing_libraries(ldd_output=LDD_ALL_FOUND) == []
    assert display_problem(X11, "linux", ldd_output=LDD_ALL_FOUND) is None
    assert display_problem(X11, "linux", loader=loader_lacking()) is None


def test_the_loader_checks_what_the_plugin_needs() -> None:
    missing = missing_libraries(loader=loader_lacking("libxcb-cursor.so.0", "libfontconfig.so.1"))

    assert missing == ["libxcb-cursor.so.0", "libfontconfig.so.1"]
    message = display_problem(X11, "linux", loader=loader_lacking("libEGL.so.1"))
    assert message is not None and "sudo apt-get install libegl1" in message


def test_the_loader_never_reports_what_the_plugin_does_not_need() -> None:
    # Qt 6 dropped libxcb-xinerama; an install without it still opens windows.
    assert missing_libraries(loader=loader_lacking("libxcb-xinerama.so.0")) == []


def test_a_library_failing_for_want_of_its_own_dependency_reports_that_dependency() -> None:
    def load(soname: str) -> None:
        if soname == "libxcb-cursor.so.0":
            raise OSError("libxcb-render-util.so.0: cannot open shared object file: No such file")
        if soname == "libEGL.so.1":
            raise OSError("undefined symbol: something")

    assert missing_libraries(loader=load) == ["libxcb-render-util.so.0", "libEGL.so.1"]


def test_unusable_ldd_output_falls_back_to_the_loader() -> None:
    output = "\tnot a dynamic executable\n"

    missing = missing_libraries(ldd_output=output, loader=loader_lacking("libGL.so.1"))

    assert missing == ["libGL.so.1"]


# --- Never in the way -----------------------------------------------------------------------


def test_a_failing_loader_gives_none_not_an_exception() -> None:
    def broken(soname: str) -> None:
        raise RuntimeError("the loader itself is broken")

    with pytest.raises(RuntimeError):
        missing_libraries(loader=broken)
    assert display_problem(X11, "linux", loader=broken) is None


def test_an_unreadable_plugin_gives_none(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    not_elf = tmp_path / "libqxcb.so"
    not_elf.write_text("not an ELF file")
    monkeypatch.setattr(platform_check, "_xcb_plugin", lambda: not_elf)

    assert display_problem(X11, "linux", loader=loader_lacking("libGL.so.1")) is None


def test_importing_the_check_does_not_load_qt() -> None:
    code = (
        "import sys; from ckstudio.gui import platform_check; "
        "platform_check.display_problem({'DISPLAY': ':99'}, 'linux'); "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )

    assert result.stdout.strip() == "[]"


# --- This machine ---------------------------------------------------------------------------

needs_linux_tools = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not shutil.which("ldconfig"),
    reason="reads the Linux loader cache",
)


def cached_sonames() -> set[str]:
    """Return the sonames `ldconfig -p` lists for this machine's word size."""
    listing = subprocess.run(
        ["ldconfig", "-p"], capture_output=True, text=True, check=True, timeout=30
    ).stdout
    wide = sys.maxsize > 2**32
    sonames = set()
    for line in listing.splitlines()[1:]:
        soname, _, rest = line.strip().partition(" (")
        flags = rest.partition(")")[0]
        if ("64" in flags) == wide:
            sonames.add(soname)
    return sonames


@needs_linux_tools
def test_the_elf_reader_finds_what_ldd_finds() -> None:
    plugin = platform_check._xcb_plugin()
    assert plugin is not None, "PySide6 ships libqxcb.so on Linux"
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    listed = {line.split()[0] for line in ldd.splitlines() if line.strip()}

    needs = platform_check._system_needs()

    assert "libxcb-cursor.so.0" in needs
    assert "libEGL.so.1" in needs  # through libQt6Gui
    assert "libdbus-1.so.3" in needs  # through libQt6Gui, then libQt6DBus
    assert "libQt6Gui.so.6" not in needs  # bundled with PySide6
    assert {s for s in needs if not s.startswith("ld-linux")} <= listed


@needs_linux_tools
@pytest.mark.parametrize("with_ldd", [True, False], ids=["ldd", "ctypes"])
def test_this_machine_with_an_x11_display(monkeypatch: pytest.MonkeyPatch, with_ldd: bool) -> None:
    if not with_ldd:
        monkeypatch.setattr(platform_check.shutil, "which", lambda name: None)
    environ = {**os.environ, "DISPLAY": ":99"}
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
        environ.pop(name, None)
    cached = cached_sonames()
    assert "libc.so.6" in cached, "the ldconfig listing was not understood"
    needs = set(platform_check._system_needs())
    absent = {s for s in SONAME_PACKAGES if s in needs and s not in cached}

    message = display_problem(environ, "linux")

    if absent:
        assert message is not None
        for soname in absent:
            assert SONAME_PACKAGES[soname] in message
        assert "sudo apt-get install" in message
    else:
        assert message is None
