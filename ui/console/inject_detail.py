"""GUI: the selected inject in full — body, expected responses, notes, attachments, effects — and its actions."""

from __future__ import annotations

import html
from pathlib import PurePosixPath

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.clock import ClockState
from crisisdesk.markdown_text import ImageSource, package_attachments, render_markdown
from crisisdesk.timefmt import format_offset
from ui.console.actions import ConsoleActions
from ui.console.theme import status_brushes
from ui.console.timeline_model import display_status
from ui.labels import all_roles_label, code_label

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg"}


def markdown_to_html(text: str, image_src: ImageSource | None = None) -> str:
    """Render inject Markdown to HTML: raw HTML off, images only where ``image_src`` allows (else text)."""
    return render_markdown(text or "", image_src=image_src)


class InjectDetail(QWidget):
    """GUI: show one inject (from the session state) and offer the controller's actions on it."""

    delay_requested = Signal(str, int)  # inject id, minutes

    def __init__(self, actions: ConsoleActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("injectDetail")
        self._inject_id: str | None = None
        self._attachment_reader = None
        self.browser = AttachmentBrowser()
        self.browser.setObjectName("injectDetailText")
        self.browser.setOpenLinks(False)
        self.browser.document().setDefaultStyleSheet(
            "h2 { margin: 0; } .meta { color: #33414f; } .notes { background: #fff6d6; }"
            " th { text-align: left; padding-right: 8px; color: #33414f; }"
        )
        self.placeholder = QLabel(self.tr("Sélectionnez un inject dans la chronologie."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)

        buttons = QHBoxLayout()
        timing = QHBoxLayout()
        for action in (actions.fire, actions.skip, actions.edit):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        self.delay_minutes = QSpinBox(objectName="delayMinutes")
        self.delay_minutes.setRange(1, 240)
        self.delay_minutes.setValue(5)
        self.delay_minutes.setSuffix(self.tr(" min"))
        self.delay_button = QPushButton(self.tr("Retarder"), objectName="delayButton")
        self.delay_button.clicked.connect(self._on_delay_clicked)
        buttons.addStretch(1)
        timing.addWidget(QLabel(self.tr("Retarder de")))
        timing.addWidget(self.delay_minutes)
        timing.addWidget(self.delay_button)
        timing.addStretch(1)
        room = QToolButton()
        room.setDefaultAction(actions.show_in_room)
        room.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        timing.addWidget(room)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        layout.addLayout(timing)
        self.show_inject(None, None, None)

    @property
    def inject_id(self) -> str | None:
        return self._inject_id

    def show_inject(self, state, session_state, package, attachment_reader=None, scenario_at=None) -> None:
        """Show ``state`` (an InjectState) or the placeholder when None."""
        same_inject = state is not None and state.inject.id == self._inject_id
        self._inject_id = state.inject.id if state is not None else None
        self.placeholder.setVisible(state is None)
        self.browser.setVisible(state is not None)
        self.delay_minutes.setEnabled(state is not None and not state.done)
        self.delay_button.setEnabled(state is not None and not state.done)
        if state is None:
            self.browser.clear()
            return
        document = self.browser.document()
        html_parts = self._render(state, session_state, package, document, attachment_reader, scenario_at)
        # A refresh of the same inject keeps the reader's place; another inject starts at its title.
        scroll = self.browser.verticalScrollBar().value() if same_inject else 0
        self.browser.setHtml(html_parts)
        self.browser.verticalScrollBar().setValue(scroll)

    def _on_delay_clicked(self) -> None:
        if self._inject_id is not None:
            self.delay_requested.emit(self._inject_id, self.delay_minutes.value())

    # rendering
    def _render(self, state, session_state, package, document: QTextDocument, attachment_reader, scenario_at) -> str:
        inject = state.inject
        esc = html.escape
        ended = session_state is not None and session_state.clock.state is ClockState.ENDED
        status = display_status(state, ended)
        background, foreground = status_brushes(status)
        badge_bg = background.name() if background is not None else "#eeeeee"
        roles = {role.id: role.name for role in package.roles} if package is not None else {}
        recipients = all_roles_label() if inject.to_all else ", ".join(
            esc(roles.get(r, r)) for r in inject.to
        )
        parts = [
            f"<h2>{esc(inject.id)} — {esc(inject.title)}</h2>",
            f"<p><span style='background:{badge_bg}; color:{foreground.name()}; font-weight:bold;'>"
            f"&nbsp;{esc(code_label('status', status))}&nbsp;</span>",
        ]
        if inject.manual:
            parts.append(" &nbsp;<b>" + esc(self.tr("déclenchement manuel")) + "</b>")
        if state.adhoc:
            parts.append(" &nbsp;<i>" + esc(self.tr("inject ad hoc")) + "</i>")
        if state.edited:
            parts.append(" &nbsp;<i>" + esc(self.tr("modifié")) + "</i>")
        if inject.contingency_for:
            parts.append(" &nbsp;" + esc(self.tr("rattrapage de {id}").format(id=inject.contingency_for)))
        parts.append("</p><table class='meta'>")
        rows = self._time_rows(state, scenario_at)
        rows += [
            (self.tr("De"), esc(roles.get(inject.sender, inject.sender))),
            (self.tr("À"), recipients),
            (self.tr("Canal"), esc(code_label("channel", inject.channel))),
        ]
        if state.delivered_at is not None:  # the animation team's "livré" (room server)
            rows.append((self.tr("Animation"), esc(self.tr("livré par {who}").format(who=state.delivered_by or ""))))
        parts += [f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in rows]
        parts.append("</table><hr/>")
        # Images of the body may show the package's attachments, served by the browser below; nothing else.
        allowed = package_attachments(package) if package is not None else frozenset()
        self.browser.reader = attachment_reader

        def image_src(source: str) -> str | None:
            source = source.removeprefix("./")
            if source in allowed and PurePosixPath(source).suffix.lower() in IMAGE_SUFFIXES:
                return QUrl("attachment:" + source).toString()
            return None

        parts.append(markdown_to_html(inject.body, image_src))

        if inject.expected:
            parts.append("<h3>" + esc(self.tr("Réponses attendues")) + "</h3><ul>")
            for index, expected in enumerate(inject.expected):
                check = session_state.check_for(inject.id, index) if session_state is not None else None
                verdict = f" — <b>{esc(code_label('check', check.status))}</b>" if check else ""
                parts.append(
                    "<li>" + esc(self.tr("{role} : {action} (sous {minutes} min)").format(
                        role=roles.get(expected.role, expected.role),
                        action=expected.action,
                        minutes=expected.within // 60,
                    )) + verdict + "</li>"
                )
            parts.append("</ul>")
        if inject.notes:
            parts.append("<h3>" + esc(self.tr("Notes de l'animation")) + "</h3>")
            parts.append(f"<table class='notes' width='100%'><tr><td>{markdown_to_html(inject.notes, image_src)}"
                         "</td></tr></table>")
        if inject.sets:
            labels = {}
            units = {}
            if package is not None:
                for indicator in package.exercise.indicators:
                    labels[indicator.id] = indicator.label
                    units[indicator.id] = indicator.unit or ""
            parts.append("<h3>" + esc(self.tr("Effets sur les indicateurs")) + "</h3><ul>")
            for key, value in inject.sets.items():
                parts.append(f"<li>{esc(labels.get(key, key))} → <b>{esc(str(value))} {esc(units.get(key, ''))}</b></li>")
            parts.append("</ul>")
        if inject.attachments:
            parts.append("<h3>" + esc(self.tr("Pièces jointes")) + "</h3>")
            for relpath in inject.attachments:
                parts.append(self._attachment_html(relpath, document, attachment_reader))
        return "".join(parts)

    def _time_rows(self, state, scenario_at) -> list[tuple[str, str]]:
        """Return the (label, escaped HTML) rows for when the inject was planned and, once fired, went out."""
        esc = html.escape
        planned = "T+" + format_offset(state.due_at, with_seconds=False)
        if state.due_at != state.planned_at:
            planned += " " + self.tr("(initialement T+{planned})").format(
                planned=format_offset(state.planned_at, with_seconds=False))
        planned_scenario = scenario_at(state.due_at) if scenario_at is not None else None
        if state.fired_elapsed is None:
            rows = [(self.tr("Heure"), esc(planned))]
            if planned_scenario is not None:
                rows.append((self.tr("Scénario"), esc(planned_scenario.strftime("%d/%m/%Y %H:%M"))))
            return rows
        # Fired: the row in the timeline shows the actual time; show both here, never only the plan.
        fired = "T+" + format_offset(state.fired_elapsed, with_seconds=False)
        fired_scenario = state.fired_scenario
        if fired_scenario is None and scenario_at is not None:
            fired_scenario = scenario_at(int(state.fired_elapsed))
        if fired_scenario is not None:
            when = self.tr("prévu {planned} · déclenché {fired} (scénario {time})").format(
                planned=planned, fired=fired, time=fired_scenario.strftime("%H:%M"))
        else:
            when = self.tr("prévu {planned} · déclenché {fired}").format(planned=planned, fired=fired)
        rows = [(self.tr("Heure"), esc(when))]
        if planned_scenario is not None and fired_scenario is not None:
            rows.append((self.tr("Scénario"), esc(self.tr("prévu {planned} · déclenché {fired}").format(
                planned=planned_scenario.strftime("%d/%m/%Y %H:%M"), fired=fired_scenario.strftime("%d/%m/%Y %H:%M")))))
        return rows

    def _attachment_html(self, relpath: str, document: QTextDocument, attachment_reader) -> str:
        name = html.escape(PurePosixPath(relpath).name)
        if PurePosixPath(relpath).suffix.lower() in IMAGE_SUFFIXES and attachment_reader is not None:
            if self.browser.image(relpath).isNull():
                return f"<p>{name} — " + html.escape(self.tr("image illisible")) + "</p>"
            src = html.escape(QUrl("attachment:" + relpath).toString())
            return f"<p><img src='{src}'/><br/>{name}</p>"
        return f"<p>📎 {name}</p>"


class AttachmentBrowser(QTextBrowser):
    """GUI: a text browser that serves ``attachment:`` images from the session file, and nothing else.

    Inject text comes from a package someone sent: an image naming a file of this laptop
    or a web address is never loaded (the Markdown shows it as text anyway).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images: dict[str, QImage] = {}
        self.reader = None  # relpath -> bytes, from the session file

    def image(self, relpath: str) -> QImage:
        """The attachment ``relpath`` as an image (null if unreadable), read once and cached."""
        if relpath not in self.images:
            try:
                image = QImage.fromData(self.reader(relpath)) if self.reader is not None else QImage()
            except Exception:  # noqa: BLE001 - a missing or damaged attachment shows as "unreadable"
                image = QImage()
            if not image.isNull() and image.width() > 340:
                image = image.scaledToWidth(340, Qt.TransformationMode.SmoothTransformation)
            self.images[relpath] = image
        return self.images[relpath]

    def loadResource(self, kind: int, url: QUrl):
        if url.scheme() == "attachment":
            image = self.image(url.path())
            return image if not image.isNull() else None
        return None  # no file of this laptop, no web address
