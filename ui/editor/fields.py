"""GUI: binding form widgets to fields of the document — edits become undoable changes, changes refill the widgets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from crisisdesk.package.document import MISSING
from ui.editor.undo import EditorDocument


class Field:
    """GUI: one bound field: how to read the widget, fill it, and be told it changed."""

    def __init__(self, key: str, widget: QWidget, getter: Callable[[], Any], setter: Callable[[Any], None],
                 optional: bool):
        self.key = key
        self.widget = widget
        self.getter = getter
        self.setter = setter
        self.optional = optional


class FormBinder(QObject):
    """GUI: the fields of one record (an inject, a role, the exercise) shown in a form."""

    def __init__(self, editor: EditorDocument, parent: QObject | None = None):
        super().__init__(parent)
        self.editor = editor
        self.base: tuple | None = None
        self.fields: dict[str, Field] = {}
        self._loading = False
        editor.changed.connect(self._on_changed)

    # -- declaring fields ----------------------------------------------------------

    def custom(self, key: str, widget: QWidget, getter, setter, signal, optional: bool = True) -> QWidget:
        self.fields[key] = Field(key, widget, getter, setter, optional)
        signal.connect(lambda *_: self.edited(key))
        return widget

    def line(self, key: str, widget: QLineEdit, optional: bool = False) -> QLineEdit:
        def setter(value):
            text = "" if value is MISSING else str(value)
            if widget.text() != text:
                widget.setText(text)
        return self.custom(key, widget, widget.text, setter, widget.textEdited, optional)

    def text(self, key: str, widget: QPlainTextEdit, optional: bool = False) -> QPlainTextEdit:
        def setter(value):
            text = "" if value is MISSING else str(value)
            if widget.toPlainText() != text:
                widget.setPlainText(text)
        return self.custom(key, widget, widget.toPlainText, setter, widget.textChanged, optional)

    def lines(self, key: str, widget: QPlainTextEdit, optional: bool = True) -> QPlainTextEdit:
        """A list of texts, one per line."""
        def getter():
            return [line.strip() for line in widget.toPlainText().splitlines() if line.strip()]

        def setter(value):
            items = value if isinstance(value, list) else []
            if getter() != [str(v) for v in items]:
                widget.setPlainText("\n".join(str(v) for v in items))
        return self.custom(key, widget, getter, setter, widget.textChanged, optional)

    def combo(self, key: str, widget: QComboBox, optional: bool = False) -> QComboBox:
        def setter(value):
            text = "" if value is MISSING else str(value)
            if widget.currentText() != text:
                if widget.isEditable():
                    widget.setEditText(text)
                else:
                    widget.setCurrentIndex(max(0, widget.findText(text)))
        return self.custom(key, widget, widget.currentText, setter, widget.currentTextChanged, optional)

    def choice(self, key: str, widget: QComboBox, choices: list[tuple[str, str]]) -> QComboBox:
        """A value among codes (shown with their labels); a code outside the list is shown as written."""
        for code, label in choices:
            widget.addItem(label, code)

        def getter():
            data = widget.currentData()
            return data if data is not None else widget.currentText()

        def setter(value):
            code = "" if value is MISSING else str(value)
            index = widget.findData(code)
            if index < 0:
                widget.addItem(code, code)
                index = widget.count() - 1
            if widget.currentIndex() != index:
                widget.setCurrentIndex(index)
        return self.custom(key, widget, getter, setter, widget.currentIndexChanged, optional=False)

    def check(self, key: str, widget: QCheckBox, read: Callable[[Any], bool]) -> QCheckBox:
        def setter(_value):
            widget.setChecked(read(self.record()))
        return self.custom(key, widget, widget.isChecked, setter, widget.toggled, optional=False)

    # -- the record shown -----------------------------------------------------------

    def record(self) -> dict:
        value = self.editor.doc.get(self.base, None) if self.base is not None else None
        return value if isinstance(value, dict) else {}

    def set_base(self, base: tuple | None) -> None:
        self.base = base
        self.load()

    def load(self, keys=None) -> None:
        record = self.record()
        self._loading = True
        try:
            for key, field in self.fields.items():
                if keys is None or key in keys:
                    field.widget.setEnabled(self.base is not None)
                    field.setter(record.get(key, MISSING))
        finally:
            self._loading = False

    def edited(self, key: str) -> None:
        if self._loading or self.base is None:
            return
        field = self.fields[key]
        value = field.getter()
        if field.optional and value in ("", [], {}):
            value = MISSING
        self.editor.set((*self.base, key), value)

    def focus(self, key: str | None) -> bool:
        field = self.fields.get(key or "")
        if field is None:
            return False
        field.widget.setFocus()
        return True

    def _on_changed(self, op: tuple) -> None:
        if self.base is None:
            return
        path = tuple(op[1])
        base = tuple(self.base)
        if path[: len(base)] == base and len(path) > len(base):
            self.load({path[len(base)]})
        elif base[: len(path)] == path:
            self.load()


class OptionalMappingBinder(FormBinder):
    """GUI: the fields of an optional mapping (exercise.yaml ``readiness:``): the mapping is
    written when its first field is filled in, and removed with its last one, so a package
    that keeps every default keeps no empty ``readiness:`` line."""

    def edited(self, key: str) -> None:
        if self._loading or self.base is None:
            return
        field = self.fields[key]
        value = field.getter()
        if value in ("", [], {}):
            value = MISSING
        current = self.editor.doc.get(self.base, MISSING)
        if isinstance(current, dict) and current:
            if value is MISSING and set(current) <= {key}:
                self.editor.set(self.base, MISSING, merge=False)  # the last field emptied: no mapping left
            else:
                self.editor.set((*self.base, key), value)
        elif value is not MISSING:
            self.editor.set(self.base, {key: value}, merge=False)
