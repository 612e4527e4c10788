"""File > Import…, File > Export ▸ and pasting an outline: maps in and out of other tools.

An import or a paste adds its trees as ONE undo step under the selected node
(under C0 when nothing is selected), or as pockets of knowledge with
File > Import as pockets…; nothing is added when the file is refused. The
branches folded in the file are folded on the map (a view setting, as with
Space). What the file held that has no C-K meaning is said in one dialog after.

Exports write the selected node's space (the C-space when nothing is selected)
as a mind map or an outline, both spaces as a CSV table, the map as shown as an
image. Reading and writing the formats is `ckstudio.interchange`'s, shared
with the command line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ckstudio.gui.actions import Spec
from ckstudio.gui.commands import push
from ckstudio.gui.csv_import_dialog import ask_csv_import
from ckstudio.gui.error_text import file_error_text, translated
from ckstudio.gui.i18n import counted
from ckstudio.gui.painter import png_bytes
from ckstudio.interchange.formats import (
    FORMATS,
    FORMATS_CONTEXT,
    all_patterns,
    export_session,
    format_of,
    import_outline,
    read_source,
)
from ckstudio.interchange.graft import ADDED, Graft, graft, pockets_of
from ckstudio.interchange.outline import ImportRefused, Outline
from ckstudio.interchange.textoutline import read_text
from ckstudio.layout.ckmap import MapOptions, build_map
from ckstudio.layout.svg import write_svg
from ckstudio.model.document import Space
from ckstudio.model.operations import AddNode
from ckstudio.model.problems import OperationError
from ckstudio.storage import SessionFileError
from ckstudio.storage.files import write_atomically

if TYPE_CHECKING:
    from collections.abc import Callable

    from ckstudio.gui.mainwindow import MainWindow

EXPORT_ACTIONS = ("export_mm", "export_opml", "export_md", "export_csv", None, "export_png",
                  "export_svg")  # fmt: skip
IMAGE_SCALE = 2.0  # PNG pixels per point: sharp on a projector and in a slide
REMARKS_SHOWN = 12  # lines of the remarks dialog; the rest is counted


class InterchangeActions:
    """Import, export and paste for one window (which owns their dialogs)."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.remarks: QMessageBox | None = None  # the last import's remarks, while shown

    def tr(self, text: str) -> str:
        """`text` in the interface's language, filed under this class's name."""
        return QCoreApplication.translate("InterchangeActions", text)

    def specs(self) -> list[tuple[Spec, Callable[[], object]]]:
        """The actions, for the window's table (ckstudio.gui.window_actions)."""
        exports = [
            ("mm", self.tr("&Freeplane/FreeMind map (.mm)…")),
            ("opml", self.tr("&OPML outline (.opml)…")),
            ("md", self.tr("&Markdown outline (.md)…")),
            ("csv", self.tr("&CSV table (.csv)…")),
            ("png", self.tr("&PNG image (.png)…")),
            ("svg", self.tr("&SVG image (.svg)…")),
        ]
        tips = {
            "csv": self.tr("Write both spaces as a table, one row a node"),
            "png": self.tr("Write the map as shown, folded branches folded"),
            "svg": self.tr("Write the map as shown, folded branches folded"),
        }
        space_tip = self.tr("Write the selected node's space (the C-space if none)")
        return [
            (
                Spec(
                    "import",
                    self.tr("&Import…"),
                    ["Ctrl+I"],
                    self.tr("Add a mind map, outline or CSV table under the selected node"),
                ),
                self.import_dialog,
            ),
            (
                Spec(
                    "import_pockets",
                    self.tr("Import as poc&kets…"),
                    tip=self.tr("Add a mind map, outline or CSV table as pockets of knowledge"),
                ),
                lambda: self.import_dialog(pockets=True),
            ),
            (
                Spec(
                    "paste",
                    self.tr("P&aste lines as a branch"),
                    [QKeySequence.StandardKey.Paste, "Ctrl+V"],
                    self.tr("Add the copied lines (an indented list) under the selected node"),
                    map_only=True,
                ),
                self.paste,
            ),
            *[
                (
                    Spec(f"export_{key}", text, tip=tips.get(key, space_tip)),
                    lambda key=key: self.export_dialog(key),
                )
                for key, text in exports
            ],
        ]

    # -- import ----------------------------------------------------------------------

    def filters(self) -> str:
        """The Import dialog's file types: every supported one, each format, all files."""
        each = [
            f"{QCoreApplication.translate(FORMATS_CONTEXT, fmt.label)} ({fmt.patterns})"
            for fmt in FORMATS
        ]
        every = self.tr("All supported files ({patterns})").format(patterns=all_patterns())
        return ";;".join([every, *each, self.tr("All files (*)")])

    def import_dialog(self, pockets: bool = False) -> None:
        workspace = self._window.workspace
        start = str(workspace.path.parent) if workspace.path else ""
        title = self.tr("Import as pockets of knowledge") if pockets else self.tr("Import")
        name, _ = QFileDialog.getOpenFileName(self._window, title, start, self.filters())
        if name:
            self.import_path(Path(name), pockets)

    def import_path(self, path: Path, pockets: bool = False) -> bool:
        """Add the trees of the file at `path` as one undo step; False if refused or
        cancelled, with nothing added and (if refused) a dialog saying why."""
        space, parent = ("k", None) if pockets else self._target()
        try:
            data = read_source(path)
            if format_of(path).key == "csv":
                themes = [theme.name for theme in self._window.workspace.doc.themes]
                outline = ask_csv_import(self._window, data, space, themes)
                if outline is None:
                    return False
            else:
                outline = import_outline(path, data)
        except ImportRefused as error:
            self._refused(self.tr("Nothing was imported"), path.name, error.message)
            return False
        if pockets:
            outline = _as_pockets(outline)
        label = self.tr("Import {file}").format(file=path.name)
        done = self._add(outline, space, parent, label, self.tr("Nothing was imported"), path.name)
        if done is None:
            return False
        nodes = counted(_added(done), self.tr("node"), self.tr("nodes"))
        self._window.show_message(
            self.tr("Imported {file}: {nodes} added").format(file=path.name, nodes=nodes)
        )
        return True

    def _target(self) -> tuple[Space, str]:
        """Where an import or a paste goes: under the selected node, else under C0."""
        editor = self._window.workspace.editor
        current = self._window.workspace.selection.current
        space = editor.space_of(current)
        if space is None or current is None:
            return "c", self._window.workspace.doc.root
        return space, current

    def _add(
        self, outline: Outline, space: Space, parent: str | None, label: str, title: str, file: str
    ) -> Graft | None:
        """Graft `outline` as one undo step, fold what the file folded, show the first
        new root and the remarks; None (a dialog said why) if the session refuses it."""
        workspace = self._window.workspace
        try:
            grafted = graft(workspace.doc, outline, space, parent)
            push(workspace.stack, workspace.doc, grafted.operation, label)
        except OperationError as error:
            self._refused(title, file, error.message)
            return None
        for ref in grafted.folded:
            workspace.scene.set_collapsed(ref, True)
        if grafted.roots:
            workspace.editor.show_node(grafted.roots[0])
            self._window.current_canvas().ensure_shown(grafted.roots[0])
        if grafted.warnings:
            self.show_remarks(file, _added(grafted), grafted.warnings)
        return grafted

    def _refused(self, title: str, file: str, reason: str) -> None:
        sentence = self.tr("{file}: {reason}").format(file=file, reason=translated(reason))
        self._window.show_error(title, sentence)

    def show_remarks(self, file: str, nodes: int, warnings: list[str]) -> None:
        """One dialog, after the import: what was added beside the nodes (themes,
        participants), then what the file held that has no C-K equivalent."""
        heading = self.tr("{file}: {nodes} added.").format(
            file=file, nodes=counted(nodes, self.tr("node"), self.tr("nodes"))
        )
        made = [w for w in warnings if getattr(w, "template", None) in ADDED]
        other = [w for w in warnings if getattr(w, "template", None) not in ADDED]
        lines: list[str] = []
        for title, group in ((self.tr("Also added:"), made),
                             (self.tr("Changed or not carried over:"), other)):  # fmt: skip
            if group:
                lines += [title, *(f"• {translated(w)}" for w in group[:REMARKS_SHOWN])]
                if len(group) > REMARKS_SHOWN:
                    more = len(group) - REMARKS_SHOWN
                    lines.append(self.tr("… and {count} more").format(count=more))
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Imported, with remarks"))
        box.setText(heading)
        box.setInformativeText("\n".join(lines))
        box.finished.connect(box.deleteLater)
        box.finished.connect(self._forget_remarks)
        self.remarks = box
        box.open()  # not exec(): the map, already changed, stays live behind it

    def _forget_remarks(self) -> None:
        self.remarks = None

    # -- paste -----------------------------------------------------------------------

    def paste(self) -> bool:
        """Ctrl+V on the map: the copied lines become nodes under the selected one,
        an indented or bulleted list a branch, as one undo step."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self._window.show_message(self.tr("Nothing to paste: copy some lines of text first"))
            return False
        space, parent = self._target()
        try:
            outline = read_text(text)
        except ImportRefused as error:
            self._window.show_error(self.tr("Nothing was pasted"), translated(error.message))
            return False
        count = counted(outline.count(), self.tr("node"), self.tr("nodes"))
        label = self.tr("Paste {count}").format(count=count)
        title, pasted = self.tr("Nothing was pasted"), self.tr("The copied text")
        if self._add(outline, space, parent, label, title, pasted) is None:
            return False
        self._window.show_message(self.tr("Pasted: {count}.").format(count=count))
        return True

    # -- export ----------------------------------------------------------------------

    def export_dialog(self, key: str) -> None:
        """Ask where, then write the session in the format `key` (mm, opml, md, csv, png, svg)."""
        workspace = self._window.workspace
        space = workspace.editor.space_of(workspace.selection.current) or "c"
        suffix = f".{key}"
        titles = {
            "csv": self.tr("Export both spaces as a table"),
            "png": self.tr("Export the map as an image"),
            "svg": self.tr("Export the map as an image"),
        }
        title = titles.get(key) or (
            self.tr("Export the C-space") if space == "c" else self.tr("Export the K-space")
        )
        stem = (workspace.name or "session").removesuffix(".json").removesuffix(".ck")
        tail = "-K" if key in ("mm", "opml", "md") and space == "k" else ""
        start = f"{stem}{tail}{suffix}"
        if workspace.path is not None:
            start = str(workspace.path.with_name(start))
        name, _ = QFileDialog.getSaveFileName(
            self._window, title, start, f"{self._label(key)} (*{suffix})"
        )
        if not name:
            return
        path = Path(name)
        known = next((fmt.suffixes for fmt in FORMATS if fmt.key == key), (suffix,))
        if path.suffix.lower() not in known:  # the dialog asked about the name without it
            path = path.with_name(path.name + suffix)
            if path.exists() and not self._replace(path, title):
                return
        self.export_to(path, space)

    def _replace(self, path: Path, title: str) -> bool:
        question = self.tr("{file} already exists. Replace it?").format(file=path.name)
        answer = QMessageBox.question(self._window, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def _label(self, key: str) -> str:
        if key == "png":
            return self.tr("PNG images")
        if key == "svg":
            return self.tr("SVG images")
        fmt = next(fmt for fmt in FORMATS if fmt.key == key)
        return QCoreApplication.translate(FORMATS_CONTEXT, fmt.label)

    def export_to(self, path: Path, space: Space) -> bool:
        """Write the session at `path`, in the format its suffix names, atomically;
        False (a dialog said why) if it could not be written."""
        title = self.tr("Nothing was exported")
        session = self._window.workspace.doc.to_session()
        suffix = path.suffix.lower()
        try:
            if suffix in (".png", ".svg"):
                data = self._image(suffix)
            else:
                data = export_session(
                    session, space, suffix, self._window.workspace.scene.collapsed()
                )
        except (ValueError, MemoryError):  # an image too large to allocate, or no such format
            wrong = suffix not in (".png", ".svg")
            text = self.tr("CK Studio cannot export to “{suffix}” files.").format(suffix=suffix) \
                if wrong else self.tr("The map is too large for one image.")  # fmt: skip
            self._window.show_error(title, text)
            return False
        try:
            write_atomically(path, data, backups=0)
        except SessionFileError as error:
            self._window.show_error(title, file_error_text(error))
            return False
        self._window.show_message(self.tr("Exported {file}").format(file=path.name))
        return True

    def _image(self, suffix: str) -> bytes:
        """The map as shown (orientation, folds) drawn as the command line's `render` does."""
        workspace = self._window.workspace
        doc, scene = workspace.doc, workspace.scene
        folded = frozenset(
            ref for space in ("c", "k") for ref in doc.walk(space) if scene.is_collapsed(ref)
        )
        options = MapOptions(orientation=scene.orientation, collapsed=folded)
        drawing = build_map(doc.to_session(), options)
        return png_bytes(drawing, IMAGE_SCALE) if suffix == ".png" else write_svg(drawing).encode()


def _as_pockets(outline: Outline) -> Outline:
    """The outline's pockets as roots, as `ckstudio import --as k` takes them."""
    return Outline(pockets_of(outline), outline.title, outline.warnings)


def _added(grafted: Graft) -> int:
    """How many nodes an import added (its roots and their subtrees)."""
    return sum(isinstance(step, AddNode) for step in grafted.operation.operations)
