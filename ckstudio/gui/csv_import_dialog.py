"""File > Import… of a CSV of sticky notes: a preview where the user says which
column holds what, before anything is added.

Spreadsheets name their columns any way ("Idée", "Qui", "Post-it"): the
guesses of `csvnotes.guess_columns` are preselected, each can be changed or
set to none, and a line under the choices says at once what the import would
add, or the one sentence saying why it cannot (and OK stays disabled). That
sentence is shown as a warning, with what to do next: a facilitator facing a
spreadsheet must see at once that the file, or a choice above, is at fault.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ckstudio.gui.error_text import translated
from ckstudio.gui.i18n import counted, number
from ckstudio.interchange import csvnotes
from ckstudio.interchange.outline import ImportRefused, Outline, OutlineNode
from ckstudio.model.document import Space
from ckstudio.model.search import fold

PREVIEW_ROWS = 20
CELL_CHARS = 80  # a preview cell is cut after this many characters
WARNINGS_SHOWN = 4
# The refusal's colour: dark red on a light window, a light red on a dark one.
REFUSAL_COLOURS = ("#A40000", "#FF8A80")
# The columns offered for each space, in the order of the choices.
SPACE_COLUMNS: dict[Space, tuple[str, ...]] = {
    "c": ("text", "parent", "id", "path", "theme", "author", "reach", "partition", "outcome",
          "notes", "space"),
    "k": ("text", "parent", "id", "path", "holder", "status", "source", "notes", "space"),
}  # fmt: skip


def ask_csv_import(
    parent: QWidget, data: bytes, space: Space, themes: Iterable[str] = ()
) -> Outline | None:
    """The notes of a CSV file read with the columns the user chose, or None if they
    cancelled; ImportRefused (from `csvnotes.sniff`) for a file that is no table.
    `themes` are the session's theme names, so the preview can count the new ones."""
    dialog = CsvImportDialog(csvnotes.sniff(data), space, parent, themes)
    try:
        return dialog.outline if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class CsvImportDialog(QDialog):
    """The first rows of the table, one choice of column per C-K field, and what the
    import would add with those choices; `outline` holds it while it can be imported."""

    def __init__(
        self,
        table: csvnotes.Table,
        space: Space,
        parent: QWidget | None = None,
        themes: Iterable[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import sticky notes from CSV"))
        self.table = table
        self.space = space
        self.outline: Outline | None = None
        self._known_themes = {fold(name) for name in themes}
        self.preview = self._preview()
        self.combos: dict[str, QComboBox] = {}
        guessed = csvnotes.guess_columns(table.headers)
        choices = QGridLayout()
        for index, name in enumerate(SPACE_COLUMNS[space]):
            combo = QComboBox()
            combo.addItem(self.tr("— none —"), None)
            for header in table.headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(name))))
            combo.currentIndexChanged.connect(self._update)
            label = QLabel(self._label(name))
            label.setBuddy(combo)
            row, column = divmod(index, 3)
            choices.addWidget(label, row, 2 * column, Qt.AlignmentFlag.AlignRight)
            choices.addWidget(combo, row, 2 * column + 1)
            self.combos[name] = combo
        for column in range(3):
            choices.setColumnStretch(2 * column + 1, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refusal_icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.refusal_icon.setPixmap(warning.pixmap(size, size))
        self.refusal_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        summary = QHBoxLayout()
        summary.addWidget(self.refusal_icon)
        summary.addWidget(self.summary, 1)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self._caption()))
        layout.addWidget(self.preview, 1)
        layout.addWidget(QLabel(self.tr("Which column holds what:")))
        layout.addLayout(choices)
        layout.addLayout(summary)
        layout.addWidget(self.warnings)
        layout.addWidget(buttons)
        self.resize(960, 600)
        self._update()

    def _label(self, name: str) -> str:
        return {
            "text": self.tr("Text:"),
            "parent": self.tr("Parent:"),
            "id": self.tr("Id:"),
            "path": self.tr("Path:"),
            "theme": self.tr("Themes:"),
            "author": self.tr("Author:"),
            "reach": self.tr("Reach:"),
            "partition": self.tr("Partition:"),
            "outcome": self.tr("Outcome:"),
            "notes": self.tr("Notes:"),
            "space": self.tr("Space (C or K):"),
            "holder": self.tr("Holder:"),
            "status": self.tr("Status:"),
            "source": self.tr("Source:"),
        }[name]

    def _caption(self) -> str:
        """How many rows, and how their cells are told apart (one column: a header
        with no delimiter, each line read whole, commas and all)."""
        rows = counted(len(self.table.rows), self.tr("row"), self.tr("rows"))
        if len(self.table.headers) == 1:
            if len(self.table.rows) > PREVIEW_ROWS:
                text = self.tr("{rows} in one column; the first {shown}:")
            else:
                text = self.tr("{rows} in one column:")
            return text.format(rows=rows, shown=number(PREVIEW_ROWS))
        delimiters = {";": self.tr("semicolons"), ",": self.tr("commas"), "\t": self.tr("tabs")}
        if len(self.table.rows) > PREVIEW_ROWS:
            text = self.tr("{rows}, cells separated by {delimiter}; the first {shown}:")
        else:
            text = self.tr("{rows}, cells separated by {delimiter}:")
        return text.format(
            rows=rows, delimiter=delimiters[self.table.delimiter], shown=number(PREVIEW_ROWS)
        )

    def _preview(self) -> QTableWidget:
        shown = self.table.rows[:PREVIEW_ROWS]
        preview = QTableWidget(len(shown), len(self.table.headers))
        preview.setHorizontalHeaderLabels(self.table.headers)
        preview.setVerticalHeaderLabels([str(n) for n in self.table.numbers[:PREVIEW_ROWS]])
        preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        preview.setWordWrap(False)
        for row, cells in enumerate(shown):
            for column, cell in enumerate(cells):
                one_line = " ".join(cell.split())
                if len(one_line) > CELL_CHARS:
                    one_line = one_line[: CELL_CHARS - 1] + "…"
                item = QTableWidgetItem(one_line)
                item.setToolTip(cell[:1000])
                preview.setItem(row, column, item)
        preview.resizeColumnsToContents()
        for column in range(len(self.table.headers)):
            preview.setColumnWidth(column, min(preview.columnWidth(column), 260))
        return preview

    def columns(self) -> dict[str, str]:
        """The header chosen for each field that has one."""
        return {
            name: combo.currentData()
            for name, combo in self.combos.items()
            if combo.currentData() is not None
        }

    def _update(self) -> None:
        """Read the table again with the columns chosen; say what it gives or why not."""
        try:
            self.outline = csvnotes.outline_from(self.table, self.columns(), self.space)
        except ImportRefused as refused:
            self.outline = None
            self._refuse(refused)
            return
        self._show_refusal(False)
        self.summary.setText(self._what(self.outline))
        said = [translated(warning) for warning in self.outline.warnings[:WARNINGS_SHOWN]]
        if len(self.outline.warnings) > WARNINGS_SHOWN:
            said.append("…")
        self.warnings.setText("\n".join(said))
        self.ok.setEnabled(bool(self.outline.roots))

    def _refuse(self, refused: ImportRefused) -> None:
        """Say why nothing can be imported, as a warning, and what to do about it."""
        sentence = self.tr("Nothing can be imported: {reason}.")
        self.summary.setText(sentence.format(reason=translated(refused.message)))
        if getattr(refused.message, "template", None) in csvnotes.PARENT_REFUSALS:
            hint = self.tr(
                "Correct the Parent column in the spreadsheet, or choose — none — for Parent."
            )
        else:
            hint = self.tr("Correct the file in the spreadsheet, or change the columns above.")
        self.warnings.setText(hint)
        self.ok.setEnabled(False)
        self._show_refusal(True)

    def _show_refusal(self, refused: bool) -> None:
        """The warning icon and colour on the summary while it is a refusal."""
        self.refusal_icon.setVisible(refused)
        colour = ""
        if refused:
            dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
            colour = REFUSAL_COLOURS[dark]
        self.summary.setStyleSheet(f"color: {colour};" if colour else "")

    def _what(self, outline: Outline) -> str:
        """ "42 concepts in 3 levels; 2 new themes"."""
        if self.space == "c":
            nodes = counted(outline.count(), self.tr("concept"), self.tr("concepts"))
        else:
            nodes = counted(outline.count(), self.tr("knowledge item"), self.tr("knowledge items"))
        depth = 1 + max((depth for _, depth in outline.walk()), default=0)
        levels = counted(depth, self.tr("level"), self.tr("levels"))
        new = {fold(name) for node, _ in outline.walk() for name in _themes(node)}
        new -= self._known_themes
        if not new:
            return self.tr("To import: {nodes} in {levels}.").format(nodes=nodes, levels=levels)
        themes = counted(len(new), self.tr("new theme"), self.tr("new themes"))
        return self.tr("To import: {nodes} in {levels}; {themes}.").format(
            nodes=nodes, levels=levels, themes=themes
        )


def _themes(node: OutlineNode) -> list[str]:
    """The theme names of a node's cell, split as the import splits them."""
    value = node.fields.get("theme", "")
    return [name for name in value.split(";" if ";" in value else ",") if name.strip()]
