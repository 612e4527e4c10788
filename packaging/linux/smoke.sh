#!/usr/bin/env bash
# Smoke test of the standalone build (bash packaging/linux/build.sh first): a copy of
# dist/ckstudio/, run in an empty environment (env -i: no PATH to a Python, no
# PYTHONPATH, no virtual environment, a fresh HOME), must open an example in its
# window and close by itself (CKSTUDIO_QUIT_AFTER), validate it, draw its map as
# a PNG and write its PDF report, which qpdf --check accepts.
#   bash packaging/linux/smoke.sh [DIST_FOLDER]   (default: dist/ckstudio)
set -euo pipefail
cd "$(dirname "$0")/../.."

DIST=${1:-dist/ckstudio}
EXAMPLE=examples/ecocirc-groupe-scolaire.ck.json
[ -x "$DIST/ckstudio" ] || { echo "smoke: no $DIST/ckstudio; run packaging/linux/build.sh" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -a "$DIST" "$work/app"  # elsewhere, so nothing can come from the checkout
cp "$EXAMPLE" "$work/session.ck.json"
mkdir "$work/home" "$work/bin"  # bin/: an empty PATH, where no python3 is found

# The frozen program alone: nothing of the caller's environment but a temporary HOME;
# [NAME=VALUE...] COMMAND, stopped after two minutes if it hangs.
frozen() {
  (cd "$work" && timeout 120 env -i HOME="$work/home" PATH="$work/bin" LANG=C.UTF-8 \
    QT_QPA_PLATFORM=offscreen "$@")
}
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }

version=$(frozen app/ckstudio --version) || fail "the program does not start"
[[ $version == "ckstudio "* ]] || fail "--version printed '$version'"
frozen app/ckstudio validate session.ck.json >/dev/null || fail "validate"
frozen app/ckstudio render session.ck.json -o map.png >/dev/null || fail "render"
[ "$(head -c 8 "$work/map.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
  fail "map.png is not a PNG"
frozen app/ckstudio report session.ck.json -o report.pdf >/dev/null || fail "report"
command -v qpdf >/dev/null || fail "qpdf is not installed (apt-get install qpdf)"
qpdf --check "$work/report.pdf" >/dev/null || fail "qpdf --check rejects the report"
title=$(frozen CKSTUDIO_QUIT_AFTER=1 app/ckstudio --lang fr session.ck.json) ||
  fail "the window did not open and close by itself"
[[ $title == *session.ck.json* ]] || fail "the window showed '$title', not the example"
echo "smoke: OK ($version, $(du -sh "$DIST" | cut -f1)): window '$title', map, report"
