#!/bin/sh
# Refresh the interface's translations after its strings changed (see README, "Translations"):
# pyside6-lupdate adds the new strings of ckstudio/gui, and the error templates that
# ckstudio/model and ckstudio/storage mark with QT_TRANSLATE_NOOP (context "Errors"), to
# resources/translations/*.ts (and drops the vanished ones); pyside6-lrelease compiles each
# .ts into the .qm the package ships.
# Translate the strings lupdate marks unfinished (pyside6-linguist, or any editor), then run
# this again; tests/gui/test_translations.py fails while one is left.
set -eu
cd "$(dirname "$0")/.."
bin=${VENV:-.venv}/bin
for ts in resources/translations/ckstudio_*.ts; do
    "$bin/pyside6-lupdate" -silent -no-obsolete -locations none \
        ckstudio/gui/*.py ckstudio/model/*.py ckstudio/storage/*.py ckstudio/interchange/*.py -ts "$ts"
    "$bin/pyside6-lrelease" -silent "$ts" \
        -qm "ckstudio/resources/translations/$(basename "$ts" .ts).qm"
done
