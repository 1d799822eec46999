"""GUI: open a session held on a PostgreSQL server — its address, and the password asked for, kept in memory only.

The address is a ``postgresql://USER@HOST[:PORT]/DATABASE?session=NAME`` URL; the
password is typed in a masked field and handed to the connection, never written
anywhere (the recent-sessions list remembers the URL without it). A password in
``~/.pgpass`` is used by the driver by itself: the field may stay empty.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.session.engines import parse_location, require_session_name
from crisisdesk.session.errors import SessionError


class ServerSessionDialog(QDialog):
    """GUI: ask for a server session's URL and password; emits ``chosen(url_without_password, password)``."""

    chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None, *, url: str = "", message: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("serverSessionDialog")
        self.setWindowTitle(self.tr("Session sur un serveur"))
        self.setMinimumWidth(620)
        intro = QLabel(self.tr("Une session jouée sur plusieurs sites est conservée sur un serveur PostgreSQL. "
                               "Indiquez son adresse, de la forme :"), objectName="serverIntro")
        intro.setWordWrap(True)
        example = QLabel("postgresql://utilisateur@serveur/base?session=nom", objectName="serverExample")
        example.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_edit = QLineEdit(url, objectName="serverUrl")
        self.url_edit.setPlaceholderText("postgresql://animation@crise.example/exo_2026?session=paris_50c")
        self.password_edit = QLineEdit(objectName="serverPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("vide si votre fichier .pgpass le contient"))
        note = QLabel(self.tr("Le mot de passe n'est jamais enregistré : il sert à cette connexion seulement."),
                      objectName="serverNote")
        note.setWordWrap(True)
        self.error_label = QLabel(message, objectName="serverError")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(bool(message))
        self.error_label.setStyleSheet("color: #a00000; font-weight: 600;")
        form = QFormLayout()
        form.addRow(self.tr("Adresse :"), self.url_edit)
        form.addRow(self.tr("Mot de passe :"), self.password_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(example)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        (self.password_edit if url else self.url_edit).setFocus()

    def _on_accept(self) -> None:
        text = self.url_edit.text().strip()
        try:
            location = parse_location(text)
            if not location.on_server:
                raise SessionError(self.tr("« {text} » n'est pas une adresse postgresql://…").format(text=text))
            require_session_name(location)
        except SessionError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        # A password typed into the URL goes to the password field's role, and out of what is remembered.
        password = self.password_edit.text() or (location.url.password or "")
        self.chosen.emit(location.display, password)
        self.accept()
