"""GUI: role cards — read them in a panel, print them or export them to PDF (one card per page)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, Signal
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.report.role_cards import RoleCardWords
from crisisdesk.report.role_cards import role_card_html as core_role_card_html
from ui.labels import code_label


def role_card_html(role, exercise, *, compact: bool = False) -> str:
    """Return one role card as self-contained HTML (Qt rich-text subset, printable); compact for the panel."""
    words = RoleCardWords(
        mission=QCoreApplication.translate("RoleCards", "Mission"),
        decisions=QCoreApplication.translate("RoleCards", "Décisions attendues de vous"),
        resources=QCoreApplication.translate("RoleCards", "Vos moyens"),
        contacts=QCoreApplication.translate("RoleCards", "Vos contacts"),
        footer=QCoreApplication.translate("RoleCards", "EXERCICE — document de jeu, ne pas diffuser"),
        kind=code_label("role_kind", role.kind),
    )
    # The markup itself lives in the core: the printed player kit prints the same cards.
    return core_role_card_html(role, exercise, words, compact=compact)


def paint_cards(device: QPagedPaintDevice, cards: list[str]) -> int:
    """Paint each HTML card on its own page of ``device`` (QPdfWriter or QPrinter); return pages."""
    painter = QPainter(device)
    try:
        layout = device.pageLayout()
        resolution = device.logicalDpiX()
        page_rect = layout.paintRectPixels(resolution)
        for number, card in enumerate(cards):
            if number:
                device.newPage()
            document = QTextDocument()
            document.documentLayout().setPaintDevice(device)
            document.setPageSize(QSizeF(page_rect.width(), page_rect.height()))
            document.setHtml(card)
            document.drawContents(painter)
    finally:
        painter.end()
    return len(cards)


def write_cards_pdf(cards: list[str], out_path: Path, title: str) -> Path:
    """Write the cards to an A4 PDF, one per page (safe to run on a worker thread)."""
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(out_path))
    writer.setTitle(title)
    writer.setCreator("crisisdesk")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                    QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    )
    paint_cards(writer, cards)
    del writer  # flush and close the file before returning
    return out_path


class RoleCardsPanel(QWidget):
    """GUI: list of roles, the selected card readable beside it, print / export buttons."""

    export_requested = Signal()
    print_requested = Signal()

    def __init__(self, package, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roleCardsPanel")
        self.package = package
        self.role_list = QComboBox(objectName="roleCardsList")
        # Long role names must not force the dock (and the window) wider than a laptop screen.
        self.role_list.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.role_list.setMinimumContentsLength(24)
        for role in sorted(package.roles, key=lambda r: not r.played):
            self.role_list.addItem(f"{role.name} — {code_label('role_kind', role.kind)}", role.id)
        self.card = QTextBrowser(objectName="roleCardText")
        export = QPushButton(self.tr("Exporter en PDF…"), objectName="roleCardsExport")
        printing = QPushButton(self.tr("Imprimer…"), objectName="roleCardsPrint")
        export.clicked.connect(self.export_requested)
        printing.clicked.connect(self.print_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(printing)
        buttons.addWidget(export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.role_list)
        layout.addWidget(self.card, 1)
        layout.addLayout(buttons)
        self.role_list.currentIndexChanged.connect(self._on_role_changed)
        self._on_role_changed(self.role_list.currentIndex())

    def cards_html(self) -> list[str]:
        """Return every card (played roles first, then simulated) as HTML."""
        roles = sorted(self.package.roles, key=lambda r: not r.played)
        return [role_card_html(role, self.package.exercise) for role in roles]

    def show_role(self, role_id: str) -> None:
        """Select and show the card of ``role_id``."""
        index = self.role_list.findData(role_id)
        if index >= 0:
            self.role_list.setCurrentIndex(index)

    def _on_role_changed(self, index: int) -> None:
        if index < 0:
            self.card.clear()
            return
        role = self.package.role(self.role_list.itemData(index))
        self.card.setHtml(role_card_html(role, self.package.exercise, compact=True))
