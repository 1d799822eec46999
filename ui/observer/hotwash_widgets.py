"""GUI: the small widgets the hot wash's sections share: a section title, an objective picker."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel

_TITLE_STYLE = "QLabel { font-weight: bold; font-size: 13pt; color: #1f2a37; }"


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(_TITLE_STYLE)
    return label


def objective_combo(objectives, name: str) -> QComboBox:
    """Pick an objective by id (its title in the tooltip), or none: "(tous objectifs)"."""
    combo = QComboBox(objectName=name)
    # Objective ids are short: do not size the closed combo on "(tous objectifs)".
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(9)
    combo.addItem(QCoreApplication.translate("HotWashWidget", "(tous objectifs)"), None)
    for objective in objectives:
        combo.addItem(objective.id, objective.id)
        combo.setItemData(combo.count() - 1, objective.title, Qt.ItemDataRole.ToolTipRole)
    return combo
