#!/usr/bin/env bash
# The two commands of README's quick start, on a fresh Debian/Ubuntu machine
# that has only python3:
#   bash scripts/dev.sh app    install, then open CK Studio on an example
#   bash scripts/dev.sh test   install, then run lint and the whole test suite (with
#                              the standalone app's build and smoke test, packaging/)
# It installs what is missing: the system libraries Qt needs (apt-get, with
# sudo when not root), a virtual environment in .venv, the package with its
# test tools. PYTHON=python3.12 picks another interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=.venv
EXAMPLE=examples/ecocirc-groupe-scolaire.ck.json

# Shared library -> Debian package, for Qt offscreen (tests) and for a real window.
QT_LIBS="libEGL.so.1:libegl1 libGL.so.1:libgl1 libfontconfig.so.1:libfontconfig1
libxkbcommon.so.0:libxkbcommon0 libglib-2.0.so.0:libglib2.0-0 libdbus-1.so.3:libdbus-1-3"
WINDOW_LIBS="libxcb-cursor.so.0:libxcb-cursor0 libxkbcommon-x11.so.0:libxkbcommon-x11-0
libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1
libxcb-shape.so.0:libxcb-shape0 libxcb-image.so.0:libxcb-image0 libxcb-randr.so.0:libxcb-randr0
libxcb-render-util.so.0:libxcb-render-util0 libxcb-xkb.so.1:libxcb-xkb1
libX11-xcb.so.1:libx11-xcb1"

# Fonts the report and the map fall back to beyond Latin (Greek, Cyrillic, Arabic, CJK).
FONTS="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:fonts-dejavu-core
/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf:fonts-droid-fallback"
# The tests check every PDF they make with qpdf's structural check, and read
# right-to-left text back with poppler's pdftotext (tests/report/test_bidi.py); the
# freedesktop files are checked with their own validators (tests/packaging/).
TEST_TOOLS="/usr/bin/qpdf:qpdf /usr/bin/pdftotext:poppler-utils
/usr/bin/appstreamcli:appstream /usr/bin/desktop-file-validate:desktop-file-utils
/usr/bin/update-mime-database:shared-mime-info"

say() { printf 'ckstudio setup: %s\n' "$*" >&2; }

check_python() {
  if ! command -v "$PYTHON" >/dev/null; then
    say "no $PYTHON found; install Python 3.11 or newer"; exit 1
  fi
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    say "CK Studio needs Python 3.11 or newer; $PYTHON is $("$PYTHON" -V 2>&1)."
    say "Install a newer one (e.g. apt-get install python3.11 python3.11-venv) and run"
    say "PYTHON=python3.11 bash scripts/dev.sh $*"; exit 1
  fi
}

missing_packages() {
  local pairs="$1" pair
  for pair in $pairs; do
    case "$pair" in
      /*) [ -e "${pair%%:*}" ] || printf '%s ' "${pair#*:}" ;;  # a file, not a library
      *) ldconfig -p 2>/dev/null | grep -q "${pair%%:*}" || printf '%s ' "${pair#*:}" ;;
    esac
  done
  if ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
    printf 'python3-venv '
  fi
}

install_system_packages() {
  local packages
  packages=$(missing_packages "$1")
  [ -z "$packages" ] && return 0
  if ! command -v apt-get >/dev/null; then
    say "please install the system packages: $packages (or their equivalents)"; return 0
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "installing system packages: $packages"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $packages >/dev/null
}

install_python_packages() {
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the virtual environment $VENV"
    "$PYTHON" -m venv "$VENV"
  fi
  local stamp="$VENV/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
  if [ ! -e "$stamp" ]; then
    say "installing CK Studio and its test tools into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[test]"
    rm -f "$VENV"/.installed-* && touch "$stamp"
  fi
}

run_tests() {
  "$VENV/bin/ruff" check .
  "$VENV/bin/ruff" format --check .
  "$VENV/bin/lint-imports"
  # The whole suite also builds the standalone app and smoke-tests it (about a minute),
  # before pytest so that pytest's summary stays the last line.
  if [ $# -eq 0 ]; then
    bash packaging/linux/build.sh
    bash packaging/linux/smoke.sh
  fi
  "$VENV/bin/python" -m pytest "$@"
}

command=${1:-}
shift || true
case "$command" in
  app)
    check_python app
    install_system_packages "$QT_LIBS $WINDOW_LIBS $FONTS"
    install_python_packages
    exec "$VENV/bin/ckstudio" "${@:-$EXAMPLE}"
    ;;
  test)
    check_python test
    install_system_packages "$QT_LIBS $FONTS $TEST_TOOLS"
    install_python_packages
    run_tests "$@"
    ;;
  *)
    say "usage: bash scripts/dev.sh app|test [arguments]"; exit 2
    ;;
esac
