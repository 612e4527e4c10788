"""File > Import…, File > Export ▸ and pasting lines on the map, in a real window."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from ckstudio.gui import interchange_actions
from ckstudio.interchange import csvnotes
from ckstudio.interchange.formats import import_outline
from ckstudio.interchange.outline import Outline, OutlineNode

MAP = b"""<map version="1.0.1">
<node TEXT="Cour d'ecole">
  <node TEXT="Ombre" FOLDED="true"><node TEXT="Arbres"/><node TEXT="Voiles"/></node>
  <node TEXT="Eau"/>
</node>
</map>
"""


@pytest.fixture
def errors(window, monkeypatch) -> list[tuple[str, str]]:
    """The error dialogs the window would show, recorded instead."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "show_error", lambda title, text: shown.append((title, text)))
    return shown


def a_concept(window) -> str:
    doc = window.workspace.doc
    return doc.children("c", doc.root)[0]


def texts_under(window, space: str, parent: str | None) -> list[str]:
    doc = window.workspace.doc
    return [doc.node(space, ref).text for ref in doc.children(space, parent)]


def test_importing_a_map_under_a_concept_is_one_undo_step(window, tmp_path, errors, monkeypatch):
    source = tmp_path / "cour.mm"
    source.write_bytes(MAP)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    concept = a_concept(window)
    window.workspace.selection.set([concept])
    doc, stack = window.workspace.doc, window.workspace.stack
    before, steps = doc.to_session(), stack.count()
    window.action("import").trigger()
    assert stack.count() == steps + 1 and errors == []
    assert texts_under(window, "c", concept)[-1] == "Cour d'ecole"
    root = doc.children("c", concept)[-1]
    shade = doc.children("c", root)[0]
    assert texts_under(window, "c", shade) == ["Arbres", "Voiles"]
    assert window.workspace.scene.is_collapsed(shade)
    assert window.workspace.selection.current == root
    assert "cour.mm" in window.statusBar().currentMessage()
    stack.undo()
    assert doc.to_session() == before


def test_import_as_pockets_adds_k_roots(window, tmp_path, errors):
    source = tmp_path / "savoirs.mm"
    source.write_bytes(MAP)
    pockets = texts_under(window, "k", None)
    assert window.interchange.import_path(source, pockets=True)
    assert texts_under(window, "k", None) == [*pockets, "Ombre", "Eau"]


def test_a_broken_file_shows_one_error_and_adds_nothing(window, tmp_path, errors):
    source = tmp_path / "broken.mm"
    source.write_bytes(b"<map><node TEXT='A'>")
    before, steps = window.workspace.doc.to_session(), window.workspace.stack.count()
    assert not window.interchange.import_path(source)
    assert len(errors) == 1 and errors[0][1].startswith("broken.mm: ")
    assert window.workspace.stack.count() == steps
    assert window.workspace.doc.to_session() == before


def test_remarks_are_shown_in_one_dialog(window, tmp_path, errors, monkeypatch):
    monkeypatch.setattr(
        interchange_actions,
        "ask_csv_import",
        lambda parent, data, space, themes: csvnotes.read(data),
    )
    table = tmp_path / "notes.csv"
    table.write_text("text;theme;author\nUne idée;Énergie;Zoé\n", encoding="utf-8")
    assert window.interchange.import_path(table)
    box = window.interchange.remarks
    assert box is not None and box.isVisible()
    assert "Énergie" in box.informativeText() and "Zoé" in box.informativeText()
    box.close()


def test_a_csv_file_goes_through_the_column_dialog(window, tmp_path, errors, monkeypatch):
    asked = []

    def ask(parent, data, space, themes):
        asked.append((data, space, list(themes)))
        return Outline([OutlineNode("Depuis le tableur")])

    monkeypatch.setattr(interchange_actions, "ask_csv_import", ask)
    table = tmp_path / "notes.csv"
    table.write_bytes(b"texte\nDepuis le tableur\n")
    item = window.workspace.doc.children("k", None)[0]
    window.workspace.selection.set([item])
    assert window.interchange.import_path(table)
    names = [theme.name for theme in window.workspace.doc.themes]
    assert asked == [(b"texte\nDepuis le tableur\n", "k", names)]
    assert texts_under(window, "k", item)[-1] == "Depuis le tableur"


def test_a_cancelled_column_dialog_adds_nothing(window, tmp_path, monkeypatch):
    monkeypatch.setattr(interchange_actions, "ask_csv_import", lambda *a: None)
    table = tmp_path / "notes.csv"
    table.write_bytes(b"texte\nUne idee\n")
    steps = window.workspace.stack.count()
    assert not window.interchange.import_path(table)
    assert window.workspace.stack.count() == steps


def test_pasting_an_indented_list_adds_a_branch_in_one_step(window, qtbot):
    concept = a_concept(window)
    window.workspace.selection.set([concept])
    doc, stack = window.workspace.doc, window.workspace.stack
    before, steps = doc.to_session(), stack.count()
    QGuiApplication.clipboard().setText("Cantine\n  Potager\n  Compost\nPréau\n")
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert stack.count() == steps + 1
    assert texts_under(window, "c", concept)[-2:] == ["Cantine", "Préau"]
    canteen = doc.children("c", concept)[-2]
    assert texts_under(window, "c", canteen) == ["Potager", "Compost"]
    stack.undo()
    assert doc.to_session() == before


def test_pasting_one_line_adds_one_node_and_blank_text_nothing(window):
    concept = a_concept(window)
    window.workspace.selection.set([concept])
    QGuiApplication.clipboard().setText("Une seule ligne\n")
    window.action("paste").trigger()
    assert texts_under(window, "c", concept)[-1] == "Une seule ligne"
    steps = window.workspace.stack.count()
    QGuiApplication.clipboard().setText("  \n\t\n")
    window.action("paste").trigger()
    assert window.workspace.stack.count() == steps


def test_the_file_menu_holds_import_and_the_export_formats(window):
    file_menu = window.menuBar().actions()[0].menu()
    names = [a.objectName() for a in file_menu.actions()]
    assert {"import", "import_pockets"} <= set(names)
    export = next(a.menu() for a in file_menu.actions() if a.menu() and a.menu().actions()
                  and a.menu().actions()[0].objectName() == "export_mm")  # fmt: skip
    assert [a.objectName() for a in export.actions() if not a.isSeparator()] == [
        "export_mm", "export_opml", "export_md", "export_csv", "export_png", "export_svg"
    ]  # fmt: skip


@pytest.mark.parametrize("key", ["mm", "opml", "md", "csv"])
def test_export_writes_each_outline_format(key, window, tmp_path, errors, monkeypatch):
    target = tmp_path / "plan"  # no suffix: the right one is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.action(f"export_{key}").trigger()
    written = tmp_path / f"plan.{key}"
    assert errors == [] and written.exists()
    outline = import_outline(written, written.read_bytes())
    doc = window.workspace.doc
    assert outline.roots[0].text == doc.node("c", doc.root).text


def test_export_of_a_k_item_writes_the_k_space(window, tmp_path, errors):
    doc = window.workspace.doc
    window.workspace.selection.set([doc.children("k", None)[0]])
    target = tmp_path / "savoirs.opml"
    window.interchange.export_to(target, "k")
    outline = import_outline(target, target.read_bytes())
    pockets = [child.text for child in outline.roots[0].children]
    assert pockets == texts_under(window, "k", None)


@pytest.mark.parametrize("key", ["png", "svg"])
def test_export_draws_the_map_as_an_image(key, window, tmp_path, errors, monkeypatch):
    target = tmp_path / f"carte.{key}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.action(f"export_{key}").trigger()
    assert errors == []
    if key == "png":
        assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    else:
        assert ET.parse(target).getroot().tag == "{http://www.w3.org/2000/svg}svg"


def test_an_unwritable_export_shows_the_error(window, tmp_path, errors):
    assert not window.interchange.export_to(tmp_path / "gone" / "map.mm", "c")
    assert len(errors) == 1 and not (tmp_path / "gone").exists()


def test_a_paste_says_how_many_nodes_it_added(window):
    window.workspace.selection.set([a_concept(window)])
    QGuiApplication.clipboard().setText("Cantine\n  Potager\n")
    window.action("paste").trigger()
    assert window.statusBar().currentMessage() == "Pasted: 2 nodes."
    assert window.workspace.stack.undoText() == "Paste 2 nodes"


def test_the_remarks_say_what_was_added_apart_from_what_was_not_carried_over(window, tmp_path):
    table = tmp_path / "notes.csv"
    table.write_text("text,theme,colour\nUne idee,Nouveau theme,rouge\n", encoding="utf-8")
    outline = csvnotes.read(table.read_bytes())
    window.interchange._add(outline, "c", a_concept(window), "import", "t", "notes.csv")
    text = window.interchange.remarks.informativeText()
    added, other = text.split("Changed or not carried over:")
    assert "Also added:" in added and "Nouveau theme" in added
    assert "colour" in other


def test_a_map_exported_from_the_window_keeps_its_folds(window, tmp_path):
    doc = window.workspace.doc
    folded = next(c for c in doc.walk("c") if doc.children("c", c) and c != doc.root)
    window.workspace.scene.set_collapsed(folded, True)
    target = tmp_path / "plié.mm"
    assert window.interchange.export_to(target, "c")
    marked = [n.get("TEXT") for n in ET.parse(target).iter("node") if n.get("FOLDED") == "true"]
    assert marked == [doc.concept(folded).text]


def test_pockets_of_a_csv_keep_its_single_top_row(window, tmp_path, monkeypatch):
    table = tmp_path / "savoirs.csv"
    table.write_text("id,text,parent\n1,Énergie,\n2,Solaire,1\n3,Éolien,1\n", encoding="utf-8")
    monkeypatch.setattr(interchange_actions, "ask_csv_import",
                        lambda parent, data, space, themes: csvnotes.read(data))  # fmt: skip
    doc = window.workspace.doc
    before = set(doc.children("k", None))
    assert window.interchange.import_path(table, pockets=True)
    (added,) = set(doc.children("k", None)) - before
    assert doc.knowledge(added).text == "Énergie"
    assert [doc.knowledge(k).text for k in doc.children("k", added)] == ["Solaire", "Éolien"]


def test_an_export_named_without_its_suffix_asks_before_replacing(window, tmp_path, monkeypatch):
    existing = tmp_path / "plan.opml"
    existing.write_text("mine", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "plan"), ""))  # fmt: skip
    asked = []
    no = interchange_actions.QMessageBox.StandardButton.No
    monkeypatch.setattr(interchange_actions.QMessageBox, "question",
                        lambda *a: asked.append(a[2]) or no)  # fmt: skip
    window.interchange.export_dialog("opml")
    assert asked == ["plan.opml already exists. Replace it?"]
    assert existing.read_text(encoding="utf-8") == "mine"


def test_an_unknown_suffix_is_said_as_such(window, tmp_path):
    errors = []
    window.show_error = lambda title, sentence: errors.append(sentence)
    assert not window.interchange.export_to(tmp_path / "plan.docx", "c")
    assert errors == ["CK Studio cannot export to “.docx” files."]
