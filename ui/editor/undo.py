"""GUI: the editor's document as a QObject — every change an undoable command, and change signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from crisisdesk.package.document import PackageDocument


class ChangeCommand(QUndoCommand):
    """GUI: one or several document operations done and undone together."""

    def __init__(self, doc: PackageDocument, ops: list[tuple], text: str, merge_key: tuple | None = None):
        super().__init__(text)
        self.doc = doc
        self.ops = list(ops)
        self.inverses: list[tuple] = []
        self.merge_key = merge_key

    def redo(self) -> None:
        self.inverses = [self.doc.apply(op) for op in self.ops]

    def undo(self) -> None:
        for inverse in reversed(self.inverses):
            self.doc.apply(inverse)

    def id(self) -> int:
        return 1 if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Typing in one field is one step: consecutive changes of the same field merge.
        if not isinstance(other, ChangeCommand) or other.merge_key is None or other.merge_key != self.merge_key:
            return False
        self.ops = other.ops
        return True


class AttachCommand(ChangeCommand):
    """GUI: an attachment listed on an inject, with the file copied into media/ for it: undoing
    takes the copy back out of the package unless an inject (edited or as saved) still lists it."""

    def __init__(self, doc: PackageDocument, ops: list[tuple], text: str, relpath: str, copy):
        super().__init__(doc, ops, text)
        self.relpath = relpath
        self.copy = copy  # crisisdesk.package.attachments.MediaCopy

    def redo(self) -> None:
        self.copy.put_back()
        super().redo()

    def undo(self) -> None:
        from crisisdesk.package.attachments import is_attached

        super().undo()
        saved = self.doc.sources["msel"].original
        if not is_attached(self.doc.injects, self.relpath) and not is_attached(saved, self.relpath):
            self.copy.take_back()


class EditorDocument(QObject):
    """GUI: the package being edited, its undo stack, and signals for views to follow changes."""

    about_to_change = Signal(object)  # the operation
    changed = Signal(object)

    def __init__(self, doc: PackageDocument, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("editorUndoStack")
        doc.about_to_apply.append(self.about_to_change.emit)
        doc.applied.append(self.changed.emit)

    def set(self, path: tuple, value, text: str | None = None, merge: bool = True) -> None:
        """Change one field (undoable); nothing happens if the value is the same."""
        from crisisdesk.package.document import MISSING

        if self.doc.get(path, MISSING) == value:
            return
        label = text or self.tr("Modifier {field}").format(field=str(path[-1]))
        self.undo_stack.push(ChangeCommand(self.doc, [("set", path, value)], label, path if merge else None))

    def attach(self, path: tuple, value: list, relpath: str, copy, text: str) -> None:
        """List an attachment (undoable), with ``copy`` the file copied for it (None: none copied)."""
        if copy is None:
            self.set(path, value, text, merge=False)
        else:
            self.undo_stack.push(AttachCommand(self.doc, [("set", path, value)], text, relpath, copy))

    def push(self, ops: list[tuple], text: str) -> None:
        """Several operations as one undoable step."""
        if ops:
            self.undo_stack.push(ChangeCommand(self.doc, ops, text))
