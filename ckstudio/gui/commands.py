"""Undo commands: each holds one Document operation and its inverse, nothing else.

An operation is plain data (ids and values), and `Document.apply` returns the
exact inverse, so a command never needs to remember how to undo itself: redo
applies the forward operation, undo its inverse. No closures, so a command
can be inspected, logged or saved (orange-canvas-core removed its closure
commands for that reason).
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from ckstudio.model.document import Document, Operation
from ckstudio.model.operations import Compound

NEW_NODE_TEXT = 1  # QUndoCommand.id() of text commits and of the node add they may join


class OperationCommand(QUndoCommand):
    """One undoable step: an operation already applied, and its inverse.

    The operation is applied *before* the command is pushed (see `push`), so a
    refused operation raises there and never reaches the stack; the stack's
    first call of `redo` then has nothing to do.

    A node added to be typed into (`merge_node`) and the text then committed
    into it make one step: undo removes the node with its text.
    """

    def __init__(
        self,
        doc: Document,
        inverse: Operation,
        forward: Operation,
        text: str,
        merge_node: str | None = None,
    ) -> None:
        super().__init__(text)
        self._doc = doc
        self._forward = forward
        self._inverse = inverse
        self._applied = True
        self._discard = False
        self.merge_node = merge_node
        self.takes_text = False  # set on a node's add: its first text commit joins it
        self.detail = ""  # what a merged text adds to the name: “the text”

    def redo(self) -> None:
        if not self._applied:
            self._inverse = self._doc.apply(self._forward)
            self._applied = True

    def undo(self) -> None:
        self._forward = self._doc.apply(self._inverse)
        self._applied = False
        if self._discard:
            self.setObsolete(True)  # QUndoStack then deletes it: no redo of it

    def undo_and_forget(self, stack: QUndoStack) -> None:
        """Undo this command, the stack's last, and leave no trace of it (no redo)."""
        self._discard = True
        stack.undo()

    def id(self) -> int:
        return NEW_NODE_TEXT if self.merge_node is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Take in the text typed into the node this command added, once."""
        if not self.takes_text or not isinstance(other, OperationCommand):
            return False
        if other.merge_node != self.merge_node:
            return False
        self._forward = Compound((self._forward, other._forward), "add")
        self._inverse = Compound((other._inverse, self._inverse), "add")
        self.setText(f"{self.text()} {other.detail}".strip())
        self.merge_node = None  # later edits of the node are steps of their own
        self.takes_text = False
        return True

    @property
    def operation(self) -> Operation:
        """The forward operation, as it will next be applied."""
        return self._forward


def push(
    stack: QUndoStack,
    doc: Document,
    operation: Operation,
    text: str,
    merge_node: str | None = None,
    detail: str = "",
) -> OperationCommand:
    """Apply `operation` to `doc` and record it on `stack` as one undoable step.

    Raises the operation's OperationError, with nothing changed and nothing
    pushed, when the operation breaks a rule. `merge_node` marks a new node
    whose first text commit (pushed with the same `merge_node`) joins this step,
    its `detail` then added to this step's name.
    """
    inverse = doc.apply(operation)
    command = OperationCommand(doc, inverse, operation, text, merge_node)
    command.detail = detail
    stack.push(command)
    return command
