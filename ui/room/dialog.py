"""GUI: *Exercice → Ouvrir la session à la salle…* — choose the interface, start, show links, watch devices.

Widgets only; the child process is ``RoomServerController``'s. Each link gets its
QR code (segno), its URL and its short code; the devices that joined are listed
with their kind, name, role and last contact, and each can be cut off.
"""

from __future__ import annotations

import io
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.room.server_controller import RoomServerController

DEFAULT_PORT = 8765


def interface_choices() -> list[tuple[str, str]]:
    """(label, address) for each IPv4 address of an interface that is up, this machine alone last."""
    choices = []
    for iface in QNetworkInterface.allInterfaces():
        flags = iface.flags()
        if not (flags & QNetworkInterface.InterfaceFlag.IsUp and flags & QNetworkInterface.InterfaceFlag.IsRunning):
            continue
        if flags & QNetworkInterface.InterfaceFlag.IsLoopBack:
            continue
        for entry in iface.addressEntries():
            ip = entry.ip()
            if ip.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                choices.append((f"{iface.humanReadableName()} — {ip.toString()}", ip.toString()))
    choices.append(("127.0.0.1", "127.0.0.1"))
    return choices


def qr_pixmap(text: str, scale: int = 4) -> QPixmap:
    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class RoomDialog(QDialog):
    """GUI: the room server's links, QR codes and devices."""

    def __init__(self, controller: RoomServerController, role_names: dict[str, str], parent=None):
        super().__init__(parent)
        self.setObjectName("roomServerDialog")
        self.setWindowTitle(self.tr("Ouvrir la session à la salle"))
        self.controller = controller
        self.role_names = role_names
        self._shown_links: tuple = ()

        self.interface = QComboBox(objectName="roomInterface")
        for label, address in interface_choices():
            self.interface.addItem(label, address)
        self.port = QSpinBox(objectName="roomPort")
        self.port.setRange(1024, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.start_button = QPushButton(self.tr("Démarrer"), objectName="roomStart")
        self.stop_button = QPushButton(self.tr("Arrêter"), objectName="roomStop")
        self.status = QLabel(objectName="roomStatus")
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Réseau :")))
        top.addWidget(self.interface, 1)
        top.addWidget(QLabel(self.tr("Port :")))
        top.addWidget(self.port)
        top.addWidget(self.start_button)
        top.addWidget(self.stop_button)

        self.links_box = QWidget(objectName="roomLinks")
        self.links_grid = QGridLayout(self.links_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.links_box)

        self.devices_table = QTableWidget(0, 5, objectName="roomDevices")
        self.devices_table.setHorizontalHeaderLabels(
            [self.tr("Type"), self.tr("Nom"), self.tr("Rôle"), self.tr("Vu"), ""])
        self.devices_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.devices_table.verticalHeader().setVisible(False)
        self.devices_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 5)
        layout.addWidget(QLabel(self.tr("Appareils connectés")))
        layout.addWidget(self.devices_table, 2)
        layout.addWidget(buttons)
        self.resize(980, 720)

        self.start_button.clicked.connect(self._start)
        self.stop_button.clicked.connect(controller.stop)
        controller.changed.connect(self.refresh)
        controller.started.connect(self.refresh)
        controller.died.connect(self._died)
        controller.stopped.connect(self._stopped)
        self._ages = QTimer(self)
        self._ages.setInterval(5000)
        self._ages.timeout.connect(self._fill_devices)
        self._ages.start()
        self.refresh()

    # -- actions ------------------------------------------------------------------------

    def _start(self) -> None:
        self.controller.start(self.interface.currentData(), self.port.value())
        self.status.setText(self.tr("Démarrage du serveur…"))
        self.refresh()

    def _died(self, detail: str) -> None:
        self.status.setText(self.tr("Le serveur de salle s'est arrêté de lui-même ; il redémarre avec les mêmes "
                                    "liens (les appareils se reconnectent seuls)."))

    def _stopped(self, why: str) -> None:
        texts = {
            "asked": self.tr("Serveur arrêté : les liens ne fonctionnent plus."),
            "endex": self.tr("Serveur arrêté après ENDEX et le délai de grâce : les liens ne fonctionnent plus."),
            "gave_up": self.tr("Le serveur s'arrête sans cesse : il n'est plus relancé. Voir le journal."),
        }
        self.status.setText(texts.get(why, why))
        self.refresh()

    # -- showing --------------------------------------------------------------------------

    def refresh(self) -> None:
        running = self.controller.running
        self.start_button.setEnabled(not running)
        self.stop_button.setEnabled(self.controller.process is not None)
        self.interface.setEnabled(not running)
        self.port.setEnabled(not running)
        process = self.controller.process
        if running and process is not None and process.base:
            self.status.setText(self.tr("En service sur {base} — chacun ouvre son lien ou tape son code sur "
                                        "{base}/").format(base=process.base))
        self._fill_links()
        self._fill_devices()

    def _kind_label(self, kind: str) -> str:
        return {"observer": self.tr("Observateurs"), "animator": self.tr("Animation"),
                "player": self.tr("Joueur"), "display": self.tr("Écran de salle")}.get(kind, kind)

    def _fill_links(self) -> None:
        links = self.controller.links
        key = tuple((lk["id"], lk["revoked"]) for lk in links)
        if key == self._shown_links:
            return
        self._shown_links = key
        while self.links_grid.count():
            widget = self.links_grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for index, link in enumerate(lk for lk in links if not lk["revoked"]):
            self.links_grid.addWidget(self._link_card(link), index // 3, index % 3)

    def _link_card(self, link: dict) -> QWidget:
        card = QFrame(objectName=f"roomLink_{link['id']}")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(card)
        title = self._kind_label(link["kind"])
        if link["role"]:
            title += f" — {self.role_names.get(link['role'], link['role'])}"
        heading = QLabel(f"<b>{_escape(title)}</b>")
        column.addWidget(heading)
        if link["revoked"]:
            column.addWidget(QLabel(self.tr("Lien retiré")))
            return card
        qr = QLabel()
        qr.setPixmap(qr_pixmap(link["url"], scale=3))
        qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(qr)
        url = QLabel(link["url"])
        url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        url.setWordWrap(True)
        column.addWidget(url)
        code = QLabel(self.tr("Code : {code}").format(code=f"{link['code'][:4]} {link['code'][4:]}"))
        code.setObjectName("roomCode")
        column.addWidget(code)
        buttons = QHBoxLayout()
        revoke = QPushButton(self.tr("Retirer ce lien"))
        revoke.clicked.connect(lambda _=False, lid=link["id"]: self.controller.revoke_link(lid))
        replace = QPushButton(self.tr("Remplacer"))
        replace.setObjectName(f"roomReplace_{link['id']}")
        replace.setToolTip(self.tr("Retire ce lien et les appareils venus par lui, et en crée un nouveau"))
        replace.clicked.connect(lambda _=False, lid=link["id"]: self.controller.replace_link(lid))
        buttons.addWidget(revoke)
        buttons.addWidget(replace)
        column.addLayout(buttons)
        return card

    def _fill_devices(self) -> None:
        links = {lk["id"]: lk for lk in self.controller.links}
        devices = [d for d in self.controller.devices if not d.get("revoked")]
        self.devices_table.setRowCount(len(devices))
        now = time.time()
        for row, device in enumerate(devices):
            link = links.get(device["link_id"], {})
            role = link.get("role") or ""
            ago = max(0, int(now - device.get("last_seen", now)))
            cells = [self._kind_label(link.get("kind", "")), device["name"],
                     self.role_names.get(role, role), self.tr("il y a {s} s").format(s=ago)]
            for col, text in enumerate(cells):
                self.devices_table.setItem(row, col, QTableWidgetItem(text))
            cut = QPushButton(self.tr("Couper"))
            cut.clicked.connect(lambda _=False, did=device["id"]: self.controller.revoke_device(did))
            self.devices_table.setCellWidget(row, 4, cut)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
