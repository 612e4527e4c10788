"""The editing verbs of the map (add, type, remove, link, move, fold), as undoable commands.

Keys, menus, mouse gestures and the tests all call these, so every way of
doing a thing does it the same way. Each verb builds Document operations
(through `ckstudio.model.edits`), pushes them as one command, and moves the
selection where the user will want it next; a refused edit becomes a message
in the status bar, never an exception in the user's face.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ckstudio.gui.commands import OperationCommand, push
from ckstudio.gui.error_text import translated
from ckstudio.gui.mapscene import MapScene
from ckstudio.gui.navigation import neighbour
from ckstudio.gui.selection import Selection
from ckstudio.gui.speaker import Speaker
from ckstudio.model import edits
from ckstudio.model.document import Document, Space
from ckstudio.model.events import Change, Event
from ckstudio.model.operations import Compound, MoveNode, Operation, RemoveLink, SetNodeField
from ckstudio.model.problems import OperationError, one_line

LABEL_LENGTH = 40  # characters of a node's text in an undo step's name


class MapEditor(QObject):
    """The verbs, bound to one Document, its undo stack, scene and selection."""

    edit_requested = Signal(str, str)  # node id, text to start with ("" = keep the node's)
    message = Signal(str)  # a one-line status message (a refused edit, a hint)

    def __init__(
        self,
        doc: Document,
        stack: QUndoStack,
        scene: MapScene,
        selection: Selection,
        speaker: Speaker | None = None,
    ):
        super().__init__()
        self.doc = doc
        self.stack = stack
        self.scene = scene
        self.selection = selection
        self.speaker = speaker  # new concepts are theirs, in the same step as the add
        self._last_in: dict[Space, str] = {}
        self._fallback: str | None = None  # where the selection goes if its node is removed
        selection.changed.connect(self._remember_space)
        stack.indexChanged.connect(self._drop_gone)
        doc.subscribe(self._on_event)

    def detach(self) -> None:
        """Stop listening (the session is being closed): no call may reach a dead editor."""
        self.doc.unsubscribe(self._on_event)
        self.selection.changed.disconnect(self._remember_space)
        self.stack.indexChanged.disconnect(self._drop_gone)

    # -- reading ---------------------------------------------------------------------

    def space_of(self, ref: str | None) -> Space | None:
        if ref is None:
            return None
        if self.doc.has_node("c", ref):
            return "c"
        return "k" if self.doc.has_node("k", ref) else None

    def selected_nodes(self) -> list[str]:
        return [ref for ref in self.selection.ids if self.space_of(ref) is not None]

    def selected_links(self) -> list[str]:
        return [ref for ref in self.selection.ids if self.doc.has_link(ref)]

    def _current_node(self) -> str | None:
        current = self.selection.current
        return current if self.space_of(current) is not None else None

    def _remember_space(self) -> None:
        current = self._current_node()
        space = self.space_of(current)
        if space is not None and current is not None:
            self._last_in[space] = current

    def _on_event(self, event: Event) -> None:
        if event.change is Change.NODE_REMOVED and event.id == self.selection.current:
            self._fallback = event.parent

    def _drop_gone(self) -> None:
        """After an undo or redo, forget selected ids that no longer exist; if none is
        left, select the parent of the node that went (undoing an add goes back there)."""
        self.selection.keep_only(lambda i: self.space_of(i) is not None or self.doc.has_link(i))
        fallback, self._fallback = self._fallback, None
        if not self.selection.ids and fallback is not None and self.space_of(fallback):
            self.selection.set([fallback])

    def _try(
        self,
        operation: Operation,
        text: str,
        merge_node: str | None = None,
        detail: str = "",
        takes_text: bool = False,
    ) -> bool:
        try:
            command = push(self.stack, self.doc, operation, text, merge_node, detail)
        except OperationError as error:
            reason = translated(error.message)
            self.message.emit(self.tr("Not done: {reason}").format(reason=reason))
            return False
        command.takes_text = takes_text
        return True

    # -- adding and typing -----------------------------------------------------------

    def add_child(self) -> str | None:
        """A new empty child of the selected node, selected and open for typing."""
        parent = self._current_node()
        if parent is None:
            self.message.emit(self.tr("Select a concept or a knowledge item first."))
            return None
        space = self.space_of(parent)
        assert space is not None
        self._reveal(space, parent)
        return self._add(edits.add_node(self.doc, space, parent, **self._signed(space)))

    def add_sibling(self, before: bool = False) -> str | None:
        """A new empty sibling after (or before) the selected node; under C0, a child."""
        ref = self._current_node()
        space = self.space_of(ref)
        if ref is None or space is None:
            self.message.emit(self.tr("Select a concept or a knowledge item first."))
            return None
        if space == "c" and ref == self.doc.root:
            return self.add_child()
        parent = self.doc.node(space, ref).parent
        position = self.doc.position(space, ref) + (0 if before else 1)
        if parent is not None:
            self._reveal(space, parent)
        return self._add(
            edits.add_node(self.doc, space, parent, position=position, **self._signed(space))
        )

    def _reveal(self, space: Space, ref: str) -> None:
        """Unfold a node and its ancestors, so that a child added or dropped there shows."""
        for node in (ref, *self.doc.ancestors(space, ref)):
            self.scene.set_collapsed(node, False)

    def _signed(self, space: Space) -> dict[str, str]:
        """The author field of a new concept: whoever is speaking (knowledge has none)."""
        speaker = self.speaker.id if self.speaker is not None else None
        return {"author": speaker} if space == "c" and speaker is not None else {}

    def add_pocket(self) -> str | None:
        """A new pocket of knowledge (a root of K-space), open for typing."""
        return self._add(edits.add_node(self.doc, "k", None))

    def _add(self, operation) -> str | None:
        ref = operation.node["id"]
        noun = self.tr("concept") if operation.space == "c" else self.tr("knowledge item")
        label = self.tr("Add {noun}").format(noun=noun)
        if not self._try(operation, label, merge_node=ref, takes_text=True):
            return None
        self.selection.set([ref])
        self.edit_requested.emit(ref, "")
        return ref

    def set_text(self, ref: str, text: str) -> bool:
        """Commit typed text as one step (joined to the node's creation if just added)."""
        space = self.space_of(ref)
        if space is None or self.doc.node(space, ref).text == text:
            return False
        quoted = f"“{one_line(text, LABEL_LENGTH)}”"
        label = self.tr("Type {quoted}").format(quoted=quoted)
        return self._try(SetNodeField(space, ref, "text", text), label, ref, quoted)

    def cancel_new(self, ref: str) -> None:
        """Esc on a node just added and never typed into: it goes, leaving no undo step."""
        top = self.stack.command(self.stack.index() - 1) if self.stack.index() else None
        if isinstance(top, OperationCommand) and top.takes_text and top.merge_node == ref:
            top.undo_and_forget(self.stack)

    # -- removing --------------------------------------------------------------------

    def remove_selection(self) -> None:
        """Remove the selected nodes (with subtrees and links) and links, as one step."""
        nodes = [ref for ref in self.selected_nodes() if ref != self.doc.root]
        tops = [ref for ref in nodes if not self._has_selected_ancestor(ref, nodes)]
        steps: list[Operation] = []
        removed_links: set[str] = set()
        for ref in tops:
            space = self.space_of(ref)
            assert space is not None
            compound = edits.remove_subtree(self.doc, space, ref)
            removed_links |= {op.id for op in compound.operations if isinstance(op, RemoveLink)}
            steps.append(compound)
        steps += [RemoveLink(i) for i in self.selected_links() if i not in removed_links]
        if not steps:
            if self.selection.current == self.doc.root:
                self.message.emit(self.tr("C0 cannot be removed: it is the whole question."))
            return
        after = self._selection_after_removal(tops)
        nodes = sum(1 for ref in tops for _ in self.doc.walk(self.space_of(ref), ref))
        links = len(removed_links) + len(steps) - len(tops)
        label = self.tr("Remove {nodes} node(s), {links} link(s)").format(nodes=nodes, links=links)
        if self._try(Compound(tuple(steps), "remove"), label):
            self.selection.set([after] if after else [])

    def _has_selected_ancestor(self, ref: str, selected: list[str]) -> bool:
        space = self.space_of(ref)
        assert space is not None
        chosen = set(selected)
        return any(a in chosen for a in self.doc.ancestors(space, ref))

    def _selection_after_removal(self, tops: list[str]) -> str | None:
        """The next sibling of the last removed node, else the previous, else its parent."""
        if not tops:
            return None
        ref = tops[-1]
        space = self.space_of(ref)
        assert space is not None
        parent = self.doc.node(space, ref).parent
        siblings = [s for s in self.doc.children(space, parent) if s not in tops]
        position = self.doc.position(space, ref)
        remaining_after = [s for s in self.doc.children(space, parent)[position:] if s not in tops]
        if remaining_after:
            return remaining_after[0]
        if siblings:
            return siblings[-1]
        return parent

    # -- moving about ----------------------------------------------------------------

    def navigate(self, step: str) -> None:
        """Arrow keys: the selection goes to the parent, a child or a sibling."""
        ref = self._current_node()
        space = self.space_of(ref)
        if ref is None or space is None:
            self.go_to_space("c")
            return
        target = neighbour(
            ref,
            step,
            lambda r: self.doc.node(space, r).parent,
            lambda p: self.doc.children(space, p),
            lambda r: self.scene.box(r) is not None,
        )
        if target is not None:
            self.selection.set([target])

    def go_to_space(self, space: Space) -> None:
        """Ctrl+J / Ctrl+K: back to where the selection last was in C-space or K-space."""
        remembered = self._last_in.get(space)
        if remembered is not None and self.space_of(remembered) == space:
            target = self.scene.visible_ref(remembered)
        elif space == "c":
            target = self.doc.root
        else:
            roots = self.doc.children("k", None)
            if not roots:
                self.add_pocket()
                self.message.emit(self.tr("First pocket of knowledge added: type its name."))
                return
            target = roots[0]
        if target is not None:
            self.selection.set([target])

    def show_node(self, ref: str) -> None:
        """Select a node, unfolding the branches that hide it (a view change, as with
        Space: nothing to undo). The find bar brings its hits out this way."""
        space = self.space_of(ref)
        if space is None:
            return
        for ancestor in self.doc.ancestors(space, ref):
            self.scene.set_collapsed(ancestor, False)
        self.selection.set([ref])

    def toggle_collapsed(self) -> None:
        """Space: fold the selected nodes' subtrees, or unfold them if folded."""
        nodes = [r for r in self.selected_nodes() if self.doc.children(self.space_of(r), r)]
        if not nodes:
            return
        fold = not all(self.scene.is_collapsed(r) for r in nodes)
        for ref in nodes:
            self.scene.set_collapsed(ref, fold)
        # Nodes folded away leave the selection for the folded node that hides them.
        shown = [self.scene.visible_ref(r) for r in self.selection.ids if self.space_of(r)]
        links = [r for r in self.selection.ids if self.doc.has_link(r)]
        self.selection.set([r for r in shown if r is not None] + links)

    # -- links -----------------------------------------------------------------------

    def link_selection(self, kind: str = "c_to_k") -> None:
        """Ctrl+L: link the selected concept and knowledge item (the last picked of each)."""
        nodes = self.selected_nodes()
        concept = next((r for r in reversed(nodes) if self.space_of(r) == "c"), None)
        item = next((r for r in reversed(nodes) if self.space_of(r) == "k"), None)
        if concept is None or item is None:
            self.message.emit(
                self.tr("Select one concept and one knowledge item (Ctrl+click) to link them.")
            )
            return
        self.link(concept, item, kind)

    def link(self, concept: str, item: str, kind: str = "c_to_k") -> str | None:
        if self.doc.find_link(concept, item, kind) is not None:
            self.message.emit(self.tr("These two are already linked that way."))
            return None
        operation = edits.link(self.doc, concept, item, kind)
        name = self.tr("Link C→K") if kind == "c_to_k" else self.tr("Link K→C")
        if self._try(operation, name):
            return operation.link["id"]
        return None

    # -- dragging --------------------------------------------------------------------

    def move(self, refs: list[str], parent: str | None, position: int) -> bool:
        """Drop nodes under `parent` at `position` (counted before they leave), one step."""
        space = self.space_of(refs[0]) if refs else None
        if space is None:
            return False
        refs = [r for r in refs if not self._has_selected_ancestor(r, refs)]  # branches move whole
        chosen = set(refs)
        current = list(self.doc.children(space, parent))
        # Where the dropped nodes go among the siblings that stay.
        staying_before = sum(1 for s in current[:position] if s not in chosen)
        steps: list[Operation] = []
        previous = None
        for ref in refs:
            if ref in current:
                current.remove(ref)
            if previous is None:
                index, kept = 0, 0
                while index < len(current) and kept < staying_before:
                    kept += current[index] not in chosen
                    index += 1
            else:
                index = current.index(previous) + 1
            steps.append(MoveNode(space, ref, parent, index))
            current.insert(index, ref)
            previous = ref
        unchanged = all(self.doc.node(space, r).parent == parent for r in refs) and current == list(
            self.doc.children(space, parent)
        )
        if unchanged:
            return False  # dropped where it was: nothing to undo
        done = self._try(Compound(tuple(steps), "move"), self.tr("Move"))
        if done and parent is not None:
            self._reveal(space, parent)  # dropped into a folded node: show where it went
        return done

    def apply(self, operation: Operation, text: str) -> bool:
        """Any other edit (the inspector's), as one undoable step."""
        return self._try(operation, text)
