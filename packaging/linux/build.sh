#!/usr/bin/env bash
# Build the standalone CK Studio for Linux: one folder, dist/ckstudio/, whose
# dist/ckstudio/ckstudio runs with no Python installed (PyInstaller, recipe in
# packaging/ckstudio.spec). Uses the project's .venv (bash scripts/dev.sh test
# makes it) and installs the `build` extra (PyInstaller) into it when missing.
#   bash packaging/linux/build.sh            build into dist/ckstudio/
#   bash packaging/linux/build.sh --archive  also pack dist/ckstudio-VERSION-linux-ARCH.tar.gz
set -euo pipefail
cd "$(dirname "$0")/../.."

VENV=${VENV:-.venv}
if [ ! -x "$VENV/bin/python" ]; then
  echo "ckstudio build: no $VENV; run bash scripts/dev.sh test first" >&2; exit 1
fi
if ! "$VENV/bin/python" -c 'import PyInstaller' 2>/dev/null; then
  echo "ckstudio build: installing PyInstaller into $VENV" >&2
  "$VENV/bin/python" -m pip install -q -e ".[build]"
fi

"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/ckstudio.spec

if [ "${1:-}" = "--archive" ]; then
  version=$("$VENV/bin/python" -c 'import ckstudio; print(ckstudio.__version__)')
  archive="dist/ckstudio-$version-linux-$(uname -m).tar.gz"
  tar -C dist -czf "$archive" ckstudio
  echo "ckstudio build: $archive" >&2
fi
echo "ckstudio build: dist/ckstudio/ckstudio ($(du -sh dist/ckstudio | cut -f1))" >&2
