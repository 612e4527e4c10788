"""The preview of a CSV import: columns preselected, the summary kept true, OK only
when the choices make a tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from ckstudio.gui.csv_import_dialog import CsvImportDialog, ask_csv_import
from ckstudio.interchange import csvnotes
from ckstudio.interchange.outline import ImportRefused

DATA = Path(__file__).resolve().parents[1] / "data" / "interchange"


def dialog_for(qtbot, name: str, space: str = "c", themes=()) -> CsvImportDialog:
    table = csvnotes.sniff((DATA / name).read_bytes())
    dialog = CsvImportDialog(table, space, None, themes)
    qtbot.addWidget(dialog)
    return dialog


def test_french_headers_are_preselected(qtbot):
    dialog = dialog_for(qtbot, "postits-ecocirc.csv")
    assert dialog.columns() == {
        "text": "Texte",
        "parent": "Parent",
        "theme": "Thème",
        "reach": "Atteignabilité",
        "author": "Auteur",
    }
    assert dialog.preview.rowCount() == 10 and dialog.preview.columnCount() == 5
    assert dialog.summary.text() == "To import: 10 concepts in 4 levels; 3 new themes."
    assert dialog.ok.isEnabled()


def test_themes_the_session_has_are_not_counted_as_new(qtbot):
    dialog = dialog_for(qtbot, "postits-ecocirc.csv", themes=["structure", "Flux", "USAGES"])
    assert dialog.summary.text() == "To import: 10 concepts in 4 levels."


def test_changing_the_text_column_updates_the_summary(qtbot):
    dialog = dialog_for(qtbot, "postits-ecocirc.csv")
    dialog.combos["parent"].setCurrentIndex(0)  # — none —: every row a root
    assert dialog.summary.text() == "To import: 10 concepts in 1 level; 3 new themes."
    dialog.combos["text"].setCurrentIndex(dialog.combos["text"].findData("Auteur"))
    assert dialog.outline is not None
    assert [node.text for node in dialog.outline.roots][:2] == ["Émilie R.", "Antoine L."]
    assert "columns left out: Texte, Parent" in dialog.warnings.text()


def test_a_mapping_that_makes_no_tree_disables_ok_and_says_why(qtbot):
    dialog = dialog_for(qtbot, "postits-ecocirc.csv")
    dialog.combos["text"].setCurrentIndex(0)
    assert not dialog.ok.isEnabled() and dialog.outline is None
    assert dialog.summary.text() == (
        "Nothing can be imported: no column holds the text: "
        "name one “text” (or “texte”) in the header row."
    )
    assert dialog.warnings.text() == (
        "Correct the file in the spreadsheet, or change the columns above."
    )
    dialog.combos["text"].setCurrentIndex(dialog.combos["text"].findData("Texte"))
    dialog.combos["parent"].setCurrentIndex(dialog.combos["parent"].findData("Auteur"))
    assert not dialog.ok.isEnabled()
    assert "names the parent “Émilie R.”, which no row has" in dialog.summary.text()
    assert dialog.warnings.text() == (
        "Correct the Parent column in the spreadsheet, or choose — none — for Parent."
    )


def test_a_refusal_is_shown_as_a_warning_until_the_choices_make_a_tree(qtbot):
    dialog = dialog_for(qtbot, "postits-ecocirc.csv")
    dialog.show()
    assert dialog.refusal_icon.isHidden() and dialog.summary.styleSheet() == ""
    dialog.combos["text"].setCurrentIndex(0)
    assert dialog.refusal_icon.isVisible() and not dialog.refusal_icon.pixmap().isNull()
    assert dialog.summary.styleSheet() in ("color: #A40000;", "color: #FF8A80;")
    dialog.combos["text"].setCurrentIndex(dialog.combos["text"].findData("Texte"))
    assert dialog.ok.isEnabled() and dialog.refusal_icon.isHidden()
    assert dialog.summary.styleSheet() == ""


def test_a_parent_cycle_points_at_the_parent_column(qtbot):
    data = b"id;parent;text\n1;2;Un\n2;1;Deux\n"
    dialog = CsvImportDialog(csvnotes.sniff(data), "c")
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == (
        "Nothing can be imported: rows 2, 3 name each other as parents."
    )
    assert "choose — none — for Parent" in dialog.warnings.text()
    dialog.combos["parent"].setCurrentIndex(0)
    assert dialog.ok.isEnabled() and dialog.summary.text() == "To import: 2 concepts in 1 level."


def caption_of(dialog: CsvImportDialog) -> str:
    return dialog.layout().itemAt(0).widget().text()


def test_the_caption_says_one_column_for_a_list_of_texts(qtbot):
    data = "Idées\nUne cour, plantée\nDes toits; verts\n".encode()
    dialog = CsvImportDialog(csvnotes.sniff(data), "c")
    qtbot.addWidget(dialog)
    assert caption_of(dialog) == "2 rows in one column:"
    assert dialog.outline is not None
    assert [node.text for node in dialog.outline.roots] == ["Une cour, plantée", "Des toits; verts"]
    many = "Idées\n" + "".join(f"idée {n}\n" for n in range(25))
    dialog = CsvImportDialog(csvnotes.sniff(many.encode()), "c")
    qtbot.addWidget(dialog)
    assert caption_of(dialog) == "25 rows in one column; the first 20:"


def test_the_caption_names_the_delimiter_of_several_columns(qtbot):
    dialog = dialog_for(qtbot, "postits-ecocirc.csv")
    assert caption_of(dialog) == "10 rows, cells separated by semicolons:"


def test_knowledge_offers_the_knowledge_fields(qtbot):
    dialog = dialog_for(qtbot, "postits-english.csv", space="k")
    assert "holder" in dialog.combos and "reach" not in dialog.combos
    assert dialog.summary.text() == "To import: 8 knowledge items in 4 levels."


def press_ok_when_shown() -> None:
    def press() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CsvImportDialog)
        dialog.ok.click()

    QTimer.singleShot(0, press)


def test_ok_returns_the_outline_and_cancel_none(qtbot):
    data = (DATA / "postits-ecocirc.csv").read_bytes()
    press_ok_when_shown()
    outline = ask_csv_import(None, data, "c")
    assert outline is not None and outline.roots[0].text == "Un groupe scolaire circulaire"
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert ask_csv_import(None, data, "c") is None


def test_an_unreadable_file_is_refused_before_any_dialog():
    with pytest.raises(ImportRefused):
        ask_csv_import(None, (DATA / "postits-latin1.csv").read_bytes(), "c")
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
    ]
