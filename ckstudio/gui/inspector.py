"""The inspector: a form for the fields of what is selected, in a dock beside the map.

The map shows and types a node's text; everything else (notes, partition,
reach, themes, who said it...) is edited here. The form is a view of the
Document, never a second copy of it: it is filled from the model whenever the
selection or the undo stack moves, and each user change becomes exactly one
`MapEditor.apply` call, so one undo step, however many nodes are selected.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QMetaObject, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ckstudio.gui.editing import MapEditor
from ckstudio.layout.labels import labels_for
from ckstudio.model.operations import (
    AddTag,
    Compound,
    Operation,
    RemoveTag,
    SetLinkField,
    SetMeta,
    SetNodeField,
)
from ckstudio.model.session import (
    LINK_KINDS,
    OUTCOMES,
    PARTITIONS,
    REACHES,
    STATUSES,
    Concept,
    Participant,
    Theme,
)

SPACES = {"concepts": "c", "knowledge": "k"}  # form kind -> Document space
LANGUAGES = ("fr", "en")  # offered in the list; any language tag may be typed
PARAGRAPH_SEPARATOR = "\u2029"  # how QTextDocument's raw text ends a paragraph
SWATCH = 12  # pixels: the theme colour beside its checkbox
COMPOUND_LABEL = "inspector"
Choices = list[tuple[Any, str]]  # (model value, text shown)
Report = Callable[[str, Any], None]  # (field, new value)


def _all_same(values: Sequence[Any]) -> bool:
    return all(value == values[0] for value in values[1:])


class _Life:
    """Whether the inspector still exists; held apart from it so a slot can ask safely."""

    __slots__ = ("alive",)

    def __init__(self) -> None:
        self.alive = True


def _forget(connections: list[QMetaObject.Connection], life: _Life, *_: object) -> None:
    """Cut the inspector off the editor's signals: run from `destroyed`, so no `self`."""
    life.alive = False
    for connection in connections:
        QObject.disconnect(connection)
    connections.clear()


class CommitTextEdit(QPlainTextEdit):
    """A multi-line field that reports when its text should be kept.

    It commits on Ctrl+Enter and when it loses focus (not to its own context
    menu), as a form field does; plain Enter starts a new line and Esc asks
    for the model's text back.
    """

    committed = Signal()
    reverted = Signal()

    def __init__(self, lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        height = lines * self.fontMetrics().lineSpacing() + 12
        self.setMinimumHeight(height)
        self.setMaximumHeight(2 * height)

    def model_text(self) -> str:
        """The text as the model holds it.

        `toPlainText` turns no-break spaces into plain ones, and French text is
        full of them (« », ;): reading it would change text the user never touched.
        """
        return self.document().toRawText().replace(PARAGRAPH_SEPARATOR, "\n")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and control:
            self.committed.emit()
        elif event.key() == Qt.Key.Key_Escape:
            self.reverted.emit()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.committed.emit()


class _TextField:
    """A text widget bound to one field; reports only text the user typed.

    `_edited` is set by user-only signals and cleared by `fill`, so refilling
    the form never reports anything, and a field showing "(several values)"
    that the user merely visits does not blank every selected node.
    """

    def __init__(self, field: str, widget: QLineEdit | CommitTextEdit, report: Report) -> None:
        self.field = field
        self.widget = widget
        self._report = report
        self._hint = widget.placeholderText()
        self._shown = ""
        self._edited = False
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._mark)
            widget.editingFinished.connect(self.commit)
        else:
            widget.textChanged.connect(self._mark)
            widget.committed.connect(self.commit)
            widget.reverted.connect(self.revert)

    @property
    def edited(self) -> bool:
        """The user typed here since the field was last filled or committed."""
        return self._edited

    def text(self) -> str:
        if isinstance(self.widget, QLineEdit):
            return self.widget.text()
        return self.widget.model_text()

    def _set_text(self, text: str) -> None:
        if self.text() != text:  # keeps the cursor where it is when nothing changed
            if isinstance(self.widget, QLineEdit):
                self.widget.setText(text)
            else:
                self.widget.setPlainText(text)

    def _mark(self, *_: object) -> None:
        self._edited = True

    def fill(self, values: Sequence[Any], several: str) -> None:
        same = _all_same(values)
        self._shown = values[0] if same else ""
        with QSignalBlocker(self.widget):
            self._set_text(self._shown)
            self.widget.setPlaceholderText(self._hint if same else several)
        self._edited = False

    def commit(self) -> None:
        if self._edited:
            self._edited = False
            self._report(self.field, self.text())

    def revert(self) -> None:
        with QSignalBlocker(self.widget):
            self._set_text(self._shown)
        self._edited = False


class _ChoiceField:
    """A combo box bound to one field; values are kept beside it (None is a value too)."""

    def __init__(self, field: str, combo: QComboBox, report: Report) -> None:
        self.field = field
        self.widget = combo
        self._report = report
        self._choices: Choices = []
        combo.activated.connect(self._picked)

    def set_choices(self, choices: Choices) -> None:
        """Rebuild the list only when it differs (a session may have many participants)."""
        if choices == self._choices:
            return
        self._choices = list(choices)
        with QSignalBlocker(self.widget):
            self.widget.clear()
            for _, text in choices:
                self.widget.addItem(text)

    def fill(self, values: Sequence[Any], several: str) -> None:
        same = _all_same(values)
        known = [value for value, _ in self._choices]
        index = known.index(values[0]) if same and values[0] in known else -1
        with QSignalBlocker(self.widget):
            self.widget.setPlaceholderText("" if same else several)
            self.widget.setCurrentIndex(index)

    def _picked(self, index: int) -> None:
        if 0 <= index < len(self._choices):
            self._report(self.field, self._choices[index][0])


class _CheckField:
    """A checkbox bound to a yes/no field; partly checked when the selection disagrees."""

    def __init__(self, field: str, box: QCheckBox, report: Report) -> None:
        self.field = field
        self.widget = box
        self._report = report
        box.clicked.connect(self._clicked)

    def fill(self, values: Sequence[Any], several: str) -> None:
        same = _all_same(values)
        state = Qt.CheckState.Checked if values[0] else Qt.CheckState.Unchecked
        with QSignalBlocker(self.widget):
            self.widget.setTristate(not same)
            self.widget.setCheckState(state if same else Qt.CheckState.PartiallyChecked)

    def _clicked(self) -> None:
        # From partly checked, Qt's next state is checked: all selected become true.
        self._report(self.field, self.widget.checkState() == Qt.CheckState.Checked)


class _LanguageField:
    """The session language: pick fr or en, or type any language tag."""

    field = "language"

    def __init__(self, combo: QComboBox, report: Report) -> None:
        self.widget = combo
        self._report = report
        self._edited = False
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(LANGUAGES)
        combo.lineEdit().textEdited.connect(self._mark)
        combo.lineEdit().editingFinished.connect(self.commit)
        combo.activated.connect(self._picked)

    def _mark(self, *_: object) -> None:
        self._edited = True

    def fill(self, values: Sequence[Any], several: str) -> None:
        with QSignalBlocker(self.widget), QSignalBlocker(self.widget.lineEdit()):
            self.widget.setEditText(values[0])
        self._edited = False

    def _picked(self, *_: object) -> None:
        self._edited = True
        self.commit()

    def commit(self) -> None:
        if self._edited:
            self._edited = False
            self._report(self.field, self.widget.currentText().strip())


class ThemeBoxes(QWidget):
    """One checkbox per session theme, its colour beside it; reports (theme id, checked)."""

    def __init__(self, toggled: Callable[[str, bool], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._toggled = toggled
        self._themes: tuple[Theme, ...] = ()
        self._boxes: dict[str, QCheckBox] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._empty = QLabel(self.tr("(no themes in this session)"))
        self._layout.addWidget(self._empty)

    @property
    def boxes(self) -> dict[str, QCheckBox]:
        """The checkboxes by theme id (for tests and keyboard navigation)."""
        return dict(self._boxes)

    def set_themes(self, themes: tuple[Theme, ...]) -> None:
        """Rebuild the boxes only when a theme was added, removed, renamed or recoloured."""
        if themes == self._themes:
            return
        self._themes = themes
        for box in self._boxes.values():
            box.hide()  # deleteLater waits for the event loop; meanwhile it must not show
            box.deleteLater()
        self._boxes = {theme.id: self._box(theme) for theme in themes}
        self._empty.setVisible(not themes)

    def _box(self, theme: Theme) -> QCheckBox:
        box = QCheckBox(theme.name, self)
        swatch = QPixmap(SWATCH, SWATCH)
        swatch.fill(QColor(theme.color))
        box.setIcon(QIcon(swatch))
        box.setObjectName(f"theme:{theme.id}")
        box.clicked.connect(partial(self._clicked, theme.id, box))
        self._layout.addWidget(box)
        return box

    def _clicked(self, theme: str, box: QCheckBox, *_: object) -> None:
        self._toggled(theme, box.checkState() == Qt.CheckState.Checked)

    def fill(self, concepts: Sequence[Concept]) -> None:
        # One pass over the tags: a select-all of a big map must not cost themes x nodes.
        tagged = Counter(theme for c in concepts for theme in {tag.theme for tag in c.tags})
        for theme, box in self._boxes.items():
            mixed = 0 < tagged[theme] < len(concepts)
            state = Qt.CheckState.Checked if tagged[theme] else Qt.CheckState.Unchecked
            with QSignalBlocker(box):
                box.setTristate(mixed)
                box.setCheckState(Qt.CheckState.PartiallyChecked if mixed else state)


Field = _TextField | _ChoiceField | _CheckField | _LanguageField


class Inspector(QWidget):
    """The form of the selection's fields; every change is one undo step.

    Kinds shown (`shown_kind`): "session" when nothing is selected, "concepts",
    "knowledge" or "links" when the selection is of one kind (several nodes are
    edited together), "mixed" (read-only) otherwise.
    """

    def __init__(self, editor: MapEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._life = _Life()
        self._kind = "session"
        self._ids: tuple[str, ...] = ()
        self._applying = False
        self._filling = False
        self._names = self._field_names()
        self._several = self.tr("(several values)")
        self._pages: dict[str, tuple[QWidget, list[Field]]] = {}
        self._build()
        self._connections = [
            editor.selection.changed.connect(self._on_selection_changed),
            editor.stack.indexChanged.connect(self._on_index_changed),
            editor.message.connect(self._on_message),
        ]
        self.destroyed.connect(partial(_forget, self._connections, self._life))
        self.refresh()

    # -- public ----------------------------------------------------------------------

    @property
    def shown_kind(self) -> str:
        """Which form is shown: session, concepts, knowledge, links or mixed."""
        return self._kind

    @property
    def shown_ids(self) -> tuple[str, ...]:
        """The ids the form edits (empty for the session and a mixed selection)."""
        return self._ids

    def field(self, name: str) -> QWidget:
        """The widget of a field of the form shown (e.g. "reach"), for tests and focus."""
        fields = self._pages[self._kind][1]
        found = next((f.widget for f in fields if f.field == name), None)
        if found is None:
            raise KeyError(f"the {self._kind} form has no field {name!r}")
        return found

    @property
    def themes(self) -> ThemeBoxes:
        return self._theme_boxes

    @property
    def message(self) -> str:
        """The last refusal shown under the form ("" when the last change went through)."""
        return self._message.text()

    def detach(self) -> None:
        """Stop following the editor now (a closing window need not wait for deletion).

        The form then stays as it is and changes nothing any more.
        """
        _forget(self._connections, self._life)

    def refresh(self) -> None:
        """Show the form for the current selection, filled from the model."""
        if not self._life.alive:
            return
        self._kind, self._ids = self._pick()
        self._fill()

    # -- building --------------------------------------------------------------------

    def _field_names(self) -> dict[str, str]:
        """Field names as the user reads them: row labels and undo step names."""
        return {
            "text": self.tr("text"),
            "notes": self.tr("notes"),
            "partition": self.tr("partition"),
            "reach": self.tr("reach"),
            "outcome": self.tr("outcome"),
            "tags": self.tr("themes"),
            "author": self.tr("author"),
            "status": self.tr("status"),
            "holder": self.tr("holder"),
            "source": self.tr("source"),
            "dominant": self.tr("dominant design"),
            "kind": self.tr("kind"),
            "note": self.tr("note"),
            "title": self.tr("title"),
            "brief": self.tr("brief"),
            "date": self.tr("date"),
            "place": self.tr("place"),
            "language": self.tr("language"),
        }

    def _build(self) -> None:
        self._header = QLabel()
        self._header.setWordWrap(True)
        self._stack = QStackedWidget()
        self._theme_boxes = ThemeBoxes(self._toggle_theme)
        self._add_page("session", self._session_fields())
        self._add_page("concepts", self._concept_fields(), themes=self._theme_boxes)
        self._add_page("knowledge", self._knowledge_fields())
        self._add_page("links", self._link_fields())
        mixed = QLabel(
            self.tr(
                "The selection mixes kinds of items: select only concepts, only "
                "knowledge items or only links to edit them."
            )
        )
        mixed.setWordWrap(True)
        mixed.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._stack.addWidget(mixed)
        self._pages["mixed"] = (mixed, [])
        self._message = QLabel()
        self._message.setObjectName("inspectorMessage")
        self._message.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._stack)
        layout = QVBoxLayout(self)
        layout.addWidget(self._header)
        layout.addWidget(scroll, 1)
        layout.addWidget(self._message)

    def _add_page(self, kind: str, fields: list[Field], themes: QWidget | None = None) -> None:
        page = QWidget()
        form = QFormLayout()
        column = QVBoxLayout(page)
        column.addLayout(form)
        column.addStretch(1)  # rows stay together at the top of a tall dock
        for field in fields:
            form.addRow(self._row_label(field.field), field.widget)
            if themes is not None and field.field == "outcome":
                form.addRow(self._row_label("tags"), themes)
        self._stack.addWidget(page)
        self._pages[kind] = (page, fields)

    def _row_label(self, field: str) -> str:
        name = self._names[field]
        return name[:1].upper() + name[1:]

    def _text(self, field: str, lines: int = 0, hint: str = "") -> _TextField:
        widget: QLineEdit | CommitTextEdit = CommitTextEdit(lines) if lines else QLineEdit()
        widget.setObjectName(field)
        widget.setPlaceholderText(hint)
        return _TextField(field, widget, self._set_field)

    def _choice(self, field: str) -> _ChoiceField:
        combo = QComboBox()
        combo.setObjectName(field)
        return _ChoiceField(field, combo, self._set_field)

    def _session_fields(self) -> list[Field]:
        language = QComboBox()
        language.setObjectName("language")
        return [
            self._text("title"),
            self._text("brief", lines=5),
            self._text("date", hint=self.tr("YYYY-MM-DD")),
            self._text("place"),
            _LanguageField(language, self._set_field),
        ]

    def _concept_fields(self) -> list[Field]:
        names = ("partition", "reach", "outcome", "author")
        return [self._text("text", lines=3), self._text("notes", lines=5)] + [
            self._choice(name) for name in names
        ]

    def _knowledge_fields(self) -> list[Field]:
        dominant = QCheckBox()
        dominant.setObjectName("dominant")
        return [
            self._text("text", lines=3),
            self._text("notes", lines=5),
            self._choice("status"),
            self._choice("holder"),
            self._text("source", lines=2),
            _CheckField("dominant", dominant, self._set_field),
        ]

    def _link_fields(self) -> list[Field]:
        return [self._choice("kind"), self._text("note", lines=3)]

    # -- filling ---------------------------------------------------------------------

    def _pick(self) -> tuple[str, tuple[str, ...]]:
        """The form kind for the selection and the ids it edits (stale ids left out)."""
        kinds: dict[str, list[str]] = {}
        for ref in self.editor.selection.ids:
            kind = self._kind_of(ref)
            if kind is not None:
                kinds.setdefault(kind, []).append(ref)
        if not kinds:
            return "session", ()
        if len(kinds) > 1:
            return "mixed", ()
        ((kind, refs),) = kinds.items()
        return kind, tuple(refs)

    def _kind_of(self, ref: str) -> str | None:
        space = self.editor.space_of(ref)
        if space is not None:
            return "concepts" if space == "c" else "knowledge"
        return "links" if self.editor.doc.has_link(ref) else None

    def _records(self) -> list[tuple[str, Any]]:
        """(id, record) of what the form edits, read afresh from the Document."""
        doc = self.editor.doc
        if self._kind == "session":
            return [("meta", doc.meta)]
        if self._kind == "links":
            return [(ref, doc.link(ref)) for ref in self._ids if doc.has_link(ref)]
        space = SPACES.get(self._kind)
        if space is None:
            return []
        return [(ref, doc.node(space, ref)) for ref in self._ids if doc.has_node(space, ref)]

    def _fill(self) -> None:
        """Show the page and put the model's values in it, reporting nothing back."""
        page, fields = self._pages[self._kind]
        records = [record for _, record in self._records()]
        self._filling = True
        try:
            self._stack.setCurrentWidget(page)
            self._header.setText(self._header_text())
            self._set_choices()
            for field in fields if records else ():
                field.fill([getattr(r, field.field) for r in records], self._several)
            if self._kind == "concepts":
                self._theme_boxes.set_themes(self.editor.doc.themes)
                self._theme_boxes.fill(records)
                self.field("partition").setEnabled(self.editor.doc.root not in self._ids)
            if self._kind in ("concepts", "knowledge"):
                # One text for several nodes is never what was meant: each keeps its own.
                self.field("text").setReadOnly(len(records) > 1)
        finally:
            self._filling = False

    def _set_choices(self) -> None:
        """The combo boxes' items, in the session's language (it may have just changed)."""
        words = labels_for(self.editor.doc.meta.language)
        people = self._people()
        options: dict[str, Choices] = {
            "partition": [(None, words["unjudged"]), *self._enum(PARTITIONS, words)],
            "reach": self._enum(REACHES, words),
            "outcome": self._enum(OUTCOMES, words),
            "author": people,
            "status": self._enum(STATUSES, words),
            "holder": people,
            "kind": self._enum(LINK_KINDS, words),
        }
        for field in self._pages[self._kind][1]:
            if isinstance(field, _ChoiceField):
                field.set_choices(options[field.field])

    @staticmethod
    def _enum(values: tuple[str, ...], words: dict[str, str]) -> Choices:
        return [(value, words.get(value, value)) for value in values]

    def _people(self) -> Choices:
        participants: tuple[Participant, ...] = self.editor.doc.participants
        return [(None, self.tr("— nobody —")), *((p.id, p.name) for p in participants)]

    def _header_text(self) -> str:
        count = len(self._ids)
        if self._kind == "session":
            return self.tr("Session")
        if self._kind == "mixed":
            return self.tr("Mixed selection")
        if count == 1:
            return self._single_header(self._ids[0])
        several = {
            "concepts": self.tr("{n} concepts"),
            "knowledge": self.tr("{n} knowledge items"),
            "links": self.tr("{n} links"),
        }
        return several[self._kind].format(n=count)

    def _single_header(self, ref: str) -> str:
        """What the one selected thing is, in the user's words (ids are internal)."""
        doc = self.editor.doc
        if self._kind == "concepts":
            return self.tr("C0, the initial concept") if ref == doc.root else self.tr("Concept")
        if self._kind == "knowledge":
            is_pocket = doc.knowledge(ref).parent is None
            return self.tr("Pocket of knowledge") if is_pocket else self.tr("Knowledge item")
        kind = doc.link(ref).kind
        return self.tr("Link C→K") if kind == "c_to_k" else self.tr("Link K→C")

    # -- changing --------------------------------------------------------------------

    def _set_field(self, field: str, value: Any) -> None:
        """Set `field` to `value` on every edited record that differs, as one step."""
        if self._filling or not self._life.alive:
            return
        steps = [
            self._operation(ref, field, value)
            for ref, record in self._records()
            if getattr(record, field) != value
        ]
        self._push(steps, self._step_name(self._names[field], len(steps)))

    def _operation(self, ref: str, field: str, value: Any) -> Operation:
        if self._kind == "session":
            return SetMeta(field, value)
        if self._kind == "links":
            return SetLinkField(ref, field, value)
        return SetNodeField(SPACES[self._kind], ref, field, value)

    def _toggle_theme(self, theme: str, checked: bool) -> None:
        """Checked: tag the concepts lacking the theme; unchecked: drop all its tags."""
        if self._filling or not self._life.alive or self._kind != "concepts":
            return
        steps: list[Operation] = []
        speaker = self.editor.speaker
        by = speaker.id if speaker is not None else None  # the tag is whoever speaks
        for ref, concept in self._records():
            tags = [tag for tag in concept.tags if tag.theme == theme]
            if checked and not tags:
                steps.append(AddTag(ref, theme, by))
            elif not checked:
                steps += [RemoveTag(ref, tag.theme, tag.by) for tag in tags]
        name = self.editor.doc.record("themes", theme).name
        text = self.tr("Tag with {theme}") if checked else self.tr("Untag {theme}")
        self._push(steps, text.format(theme=name))

    def _step_name(self, field: str, count: int) -> str:
        if count > 1:
            return self.tr("Set {field} of {n} items").format(field=field, n=count)
        return self.tr("Set {field}").format(field=field)

    def _push(self, steps: list[Operation], text: str) -> None:
        """One `apply` call; a refused change puts the model's value back in the form."""
        if not steps:
            self._fill()  # nothing changed: show the model's value (undoes a mere visit)
            return
        operation = steps[0] if len(steps) == 1 else Compound(tuple(steps), COMPOUND_LABEL)
        self._applying = True
        try:
            done = self.editor.apply(operation, text)
        finally:
            self._applying = False
        if done:
            self._message.clear()
        elif self._life.alive:
            self._fill()

    def typing_in_progress(self) -> list[Operation]:
        """Text typed in the form and not yet committed, as the edits it would make
        (the autosave copy keeps it; nothing is applied)."""
        if not self._life.alive:
            return []
        edited = [
            field
            for field in self._pages[self._kind][1]
            if isinstance(field, _TextField) and field.edited
        ]
        return [
            self._operation(ref, field.field, field.text())
            for field in edited
            for ref, record in self._records()
            if getattr(record, field.field) != field.text()
        ]

    def commit_pending(self) -> None:
        """Keep text typed but not yet committed, for the items it was typed for."""
        for field in self._pages[self._kind][1]:
            if isinstance(field, _TextField | _LanguageField):
                field.commit()

    # -- editor signals --------------------------------------------------------------

    def _on_selection_changed(self) -> None:
        if not self._life.alive:
            return
        self._message.clear()
        self.commit_pending()  # may be refused: its message stays
        self.refresh()

    def _on_index_changed(self, *_: object) -> None:
        self.refresh()

    def _on_message(self, text: str) -> None:
        """Show the editor's refusal of this inspector's own change under the form."""
        if self._life.alive and self._applying:
            self._message.setText(text)
