from PySide6.QtWidgets import QLineEdit

from tests.qt_helpers import type_text


def test_type_text_types_accented_french(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    type_text(edit, "Décision prise à 14 h : évacuer l'école « Danube »")
    assert edit.text() == "Décision prise à 14 h : évacuer l'école « Danube »"
