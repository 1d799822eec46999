"""GUI: the quick-entry bar: log an entry with the keyboard alone, in seconds.

One line carries everything (``DSOL d: texte #fort >I02``, parsed by
``crisisdesk.logsyntax``); the combos and toggles around it hold the defaults and can
be switched with shortcuts. The bar only assembles a ``QuickEntry``; the panel saves it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.logsyntax import (
    IMPROVEMENT,
    STRENGTH,
    ParsedEntry,
    complete_role,
    parse_entry_line,
)
from ui import labels


@dataclass(frozen=True)
class QuickEntry:
    """What the bar asks to log: every field resolved (defaults applied)."""

    role: str
    kind: str
    text: str
    inject_id: str | None
    tags: tuple[str, ...]
    supersedes: str | None = None


@dataclass(frozen=True)
class InjectChoice:
    """A fired inject offered as the one an entry answers."""

    inject_id: str
    title: str
    to: tuple[str, ...]
    fired_label: str  # e.g. "T+0:05"


class EntryLine(QLineEdit):
    """GUI: the typing line; Tab completes a role code at the start, Escape clears."""

    tab_handler = None  # callable returning True when it used the Tab key
    escape_pressed = Signal()

    def event(self, event: QEvent) -> bool:
        # Tab must reach us before Qt uses it to move the focus.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Tab and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                if self.tab_handler is not None and self.tab_handler():
                    return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)


class QuickEntryBar(QFrame):
    """GUI: role, kind, inject and tag defaults around one typing line; Enter submits."""

    submitted = Signal(object)  # QuickEntry
    correction_cancelled = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("quickEntryBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._roles: list[tuple[str, str]] = []  # (id, name) of played roles
        self._inject_ids: tuple[str, ...] = ()
        self._objective_ids: tuple[str, ...] = ()
        self._choices: list[InjectChoice] = []
        self._inject_manual = False  # the observer picked the inject by hand
        self._latest_for_role: dict[str, str | None] = {}
        self._supersedes: str | None = None
        self._warned_line: str | None = None
        self._completion: tuple[str, str] | None = None  # (typed prefix, role offered)
        self._build()

    # -- construction ----------------------------------------------------------------

    def _build(self) -> None:
        self.role_combo = QComboBox(objectName="roleCombo")
        self.role_combo.setToolTip(self.tr("Rôle observé (Ctrl+1…9, ou le code en tête de ligne)"))
        self.role_combo.setMinimumContentsLength(6)
        self.role_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_combo = QComboBox(objectName="kindCombo")
        self.kind_combo.setToolTip(self.tr("Type d'entrée (Ctrl+K pour changer, ou « d: », « a: »… en tête de ligne)"))
        for kind in labels.KIND_ORDER:
            self.kind_combo.addItem(labels.code_label("kind", kind), kind)
        self.inject_combo = QComboBox(objectName="injectCombo")
        self.inject_combo.setToolTip(self.tr("Inject auquel l'entrée répond (Ctrl+J pour changer, ou « >I02 » dans la ligne)"))
        self.inject_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.inject_combo.setMinimumContentsLength(16)
        self.strength_button = QToolButton(objectName="strengthToggle", checkable=True)
        self.strength_button.setText(self.tr("+ Point fort"))
        self.strength_button.setToolTip(self.tr("Marquer comme point fort (Alt+S, ou #fort)"))
        self.improvement_button = QToolButton(objectName="improvementToggle", checkable=True)
        self.improvement_button.setText(self.tr("△ Amélioration"))
        self.improvement_button.setToolTip(self.tr("Marquer comme axe d'amélioration (Alt+I, ou #amélioration)"))
        for widget in (self.role_combo, self.kind_combo, self.inject_combo, self.strength_button, self.improvement_button):
            widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.line = EntryLine(objectName="quickEntryLine")
        self.line.setAccessibleName(self.tr("Saisie rapide"))
        self.line.setPlaceholderText(self.tr("DSOL d: Ouverture de 3 salles rafraîchies #fort   — Entrée pour enregistrer"))
        self.line.setClearButtonEnabled(True)
        font = self.line.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.line.setFont(font)
        self.line.setMinimumHeight(34)

        self.correction_banner = QLabel(objectName="correctionBanner")
        self.correction_banner.setVisible(False)
        self.correction_banner.setStyleSheet(
            "QLabel { background: #fff0d9; color: #6b4000; border: 1px solid #e0b060; border-radius: 3px; padding: 2px 6px; }"
        )
        self.preview = QLabel(objectName="quickEntryPreview")
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setWordWrap(True)
        self.hint = QLabel(objectName="quickEntryHint")
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("QLabel { color: #6b6f76; }")
        self.hint.setText(
            self.tr(
                "<b>Rôle</b> en tête (Tab complète, Ctrl+1…9) · <b>type</b> : "
                "<code>d:</code> décision <code>a:</code> action <code>i:</code> information "
                "<code>dm:</code> demande <code>c:</code> communication <code>o:</code> observation (Ctrl+K) · "
                "<code>#fort</code> <code>#amélioration</code> <code>#O1</code> (Alt+S, Alt+I) · "
                "<code>&gt;I02</code> inject (Ctrl+J) · Échap efface"
            )
        )

        top = QHBoxLayout()
        top.setSpacing(6)
        self._captions: dict[str, QLabel] = {}
        for text, widget in (
            (self.tr("Rôle"), self.role_combo),
            (self.tr("Type"), self.kind_combo),
            (self.tr("Répond à"), self.inject_combo),
        ):
            caption = QLabel(text)
            caption.setStyleSheet("QLabel { color: #6b6f76; }")
            caption.setBuddy(widget)
            widget.setToolTip(widget.toolTip() or text)
            self._captions[text] = caption
            top.addWidget(caption)
            top.addWidget(widget)
        top.addSpacing(8)
        top.addWidget(self.strength_button)
        top.addWidget(self.improvement_button)
        top.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.correction_banner)
        layout.addWidget(self.line)
        layout.addWidget(self.preview)
        layout.addWidget(self.hint)

        self.line.textChanged.connect(self._update_preview)
        self.line.returnPressed.connect(self._submit)
        self.line.tab_handler = self._complete_role
        self.line.escape_pressed.connect(self._escape)
        self.role_combo.currentIndexChanged.connect(self._role_changed)
        self.kind_combo.currentIndexChanged.connect(self._update_preview)
        self.inject_combo.activated.connect(self._inject_picked)
        self.inject_combo.currentIndexChanged.connect(self._update_preview)
        self.strength_button.toggled.connect(self._update_preview)
        self.improvement_button.toggled.connect(self._update_preview)

        # Shortcuts work anywhere in the bar (the focus normally stays in the line).
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self, context=context)
            shortcut.activated.connect(lambda n=number: self.select_role_number(n))
        QShortcut(QKeySequence("Ctrl+K"), self, context=context).activated.connect(lambda: self.cycle_kind(1))
        QShortcut(QKeySequence("Ctrl+Shift+K"), self, context=context).activated.connect(lambda: self.cycle_kind(-1))
        QShortcut(QKeySequence("Ctrl+J"), self, context=context).activated.connect(lambda: self.cycle_inject(1))
        QShortcut(QKeySequence("Ctrl+Shift+J"), self, context=context).activated.connect(lambda: self.cycle_inject(-1))
        QShortcut(QKeySequence("Alt+S"), self, context=context).activated.connect(self.strength_button.toggle)
        QShortcut(QKeySequence("Alt+I"), self, context=context).activated.connect(self.improvement_button.toggle)
        self._update_preview()

    # -- configuration from the session -----------------------------------------------

    def set_package(self, roles: list[tuple[str, str]], inject_ids: tuple[str, ...], objective_ids: tuple[str, ...]) -> None:
        """Set the played roles (id, name), and the inject and objective ids the line may name."""
        self._roles = list(roles)
        self._inject_ids = tuple(inject_ids)
        self._objective_ids = tuple(objective_ids)
        current = self.role_combo.currentData()
        self.role_combo.blockSignals(True)
        self.role_combo.clear()
        for number, (role_id, name) in enumerate(self._roles, start=1):
            suffix = f"   Ctrl+{number}" if number <= 9 else ""
            self.role_combo.addItem(role_id, role_id)
            self.role_combo.setItemData(self.role_combo.count() - 1, f"{role_id} — {name}{suffix}", Qt.ItemDataRole.ToolTipRole)
        if current is not None and self.role_combo.findData(current) >= 0:
            self.role_combo.setCurrentIndex(self.role_combo.findData(current))
        self.role_combo.blockSignals(False)
        self._role_changed()

    def set_fired_injects(self, choices: list[InjectChoice], latest_for_role: dict[str, str | None]) -> None:
        """Offer the fired injects (newest first) and the default one for each role."""
        if [c.inject_id for c in choices] == [c.inject_id for c in self._choices] and latest_for_role == self._latest_for_role:
            return
        selected = self.inject_combo.currentData()
        self._choices = list(choices)
        self._latest_for_role = dict(latest_for_role)
        self.inject_combo.blockSignals(True)
        self.inject_combo.clear()
        self.inject_combo.addItem(self.tr("(aucun inject)"), None)
        for choice in self._choices:
            self.inject_combo.addItem(f"{choice.inject_id} — {choice.title}  ({choice.fired_label})", choice.inject_id)
        self.inject_combo.blockSignals(False)
        if self._inject_manual and self.inject_combo.findData(selected) >= 0:
            self.inject_combo.setCurrentIndex(self.inject_combo.findData(selected))
        else:
            self._apply_default_inject()
        self._update_preview()

    # -- state ------------------------------------------------------------------------

    def current_role(self) -> str | None:
        return self.role_combo.currentData()

    def set_role(self, role_id: str) -> None:
        index = self.role_combo.findData(role_id)
        if index >= 0:
            self.role_combo.setCurrentIndex(index)

    def current_kind(self) -> str:
        return self.kind_combo.currentData()

    def set_kind(self, kind: str) -> None:
        index = self.kind_combo.findData(kind)
        if index >= 0:
            self.kind_combo.setCurrentIndex(index)

    def select_role_number(self, number: int) -> None:
        """Pick the n-th played role (Ctrl+n)."""
        if 1 <= number <= self.role_combo.count():
            self.role_combo.setCurrentIndex(number - 1)

    def cycle_kind(self, step: int) -> None:
        """Switch to the next (or previous) entry kind."""
        count = self.kind_combo.count()
        self.kind_combo.setCurrentIndex((self.kind_combo.currentIndex() + step) % count)

    def cycle_inject(self, step: int) -> None:
        """Switch the answered inject to the next (or previous) choice, "(aucun)" included."""
        count = self.inject_combo.count()
        if count:
            self._inject_manual = True
            self.inject_combo.setCurrentIndex((self.inject_combo.currentIndex() + step) % count)

    def begin_correction(self, entry_id: str, line: str, summary: str) -> None:
        """Load an entry into the line to correct it; Enter saves a new revision."""
        self._supersedes = entry_id
        self.correction_banner.setText(self.tr("Correction de l'entrée {summary} — Entrée enregistre une révision, Échap annule").format(summary=summary))
        self.correction_banner.setVisible(True)
        self.line.setText(line)
        self.line.setFocus()

    @property
    def correcting(self) -> str | None:
        """The entry being corrected, if any."""
        return self._supersedes

    def cancel_correction(self) -> None:
        if self._supersedes is not None:
            self._supersedes = None
            self.correction_banner.setVisible(False)
            self.line.clear()
            self.correction_cancelled.emit()

    # -- behaviour ---------------------------------------------------------------------

    def _parse(self) -> ParsedEntry:
        return parse_entry_line(
            self.line.text(),
            roles=[role_id for role_id, _ in self._roles],
            injects=self._inject_ids,
            objectives=self._objective_ids,
        )

    def _default_inject_for(self, role: str | None) -> str | None:
        return self._latest_for_role.get(role) if role else None

    def _apply_default_inject(self) -> None:
        default = self._default_inject_for(self.current_role())
        self.inject_combo.blockSignals(True)
        self.inject_combo.setCurrentIndex(max(0, self.inject_combo.findData(default)) if default else 0)
        self.inject_combo.blockSignals(False)

    def _role_changed(self) -> None:
        if not self._inject_manual:
            self._apply_default_inject()
        self._update_preview()

    def _inject_picked(self, _index: int) -> None:
        self._inject_manual = True
        self._update_preview()

    def resolve(self) -> tuple[QuickEntry | None, ParsedEntry]:
        """Return the entry the bar would log now (None if there is no text) and the parse."""
        parsed = self._parse()
        role = parsed.role or self.current_role()
        if not parsed.text or not role:
            return None, parsed
        kind = parsed.kind or self.current_kind()
        if parsed.inject_id:
            inject_id = parsed.inject_id
        elif parsed.role and parsed.role != self.current_role() and not self._inject_manual:
            inject_id = self._default_inject_for(parsed.role)
        else:
            inject_id = self.inject_combo.currentData()
        tags = list(parsed.tags)
        for button, tag in ((self.strength_button, STRENGTH), (self.improvement_button, IMPROVEMENT)):
            if button.isChecked() and tag not in tags:
                tags.append(tag)
        return QuickEntry(role=role, kind=kind, text=parsed.text, inject_id=inject_id, tags=tuple(tags), supersedes=self._supersedes), parsed

    def _update_preview(self, *_args) -> None:
        entry, parsed = self.resolve()
        warnings = []
        if parsed.unknown_role:
            known = ", ".join(role_id for role_id, _ in self._roles)
            warnings.append(self.tr("rôle « {code} » inconnu (rôles : {known})").format(code=parsed.unknown_role, known=known))
        if parsed.unknown_injects:
            warnings.append(self.tr("inject « {ref} » inconnu").format(ref=", ".join(parsed.unknown_injects)))
        if not self._roles:
            warnings.append(self.tr("aucun rôle joué dans ce paquet"))
        role = parsed.role or self.current_role()
        kind = parsed.kind or self.current_kind()
        inject_id = entry.inject_id if entry else self.inject_combo.currentData()
        tags = entry.tags if entry else ()
        parts = [
            f"<b>{role or '?'}</b>",
            labels.code_label("kind", kind) if kind else "?",
            self._answers_text(inject_id, proposed=bool(inject_id and not parsed.inject_id and not self._inject_manual)),
        ]
        parts += [labels.code_label("tag", tag) for tag in tags]
        html = "→ " + " · ".join(parts)
        if warnings:
            html += ' <span style="color:#b3261e;">⚠ ' + " ; ".join(warnings) + "</span>"
        self.preview.setText(html)

    def set_compact(self, compact: bool) -> None:
        """In a narrow dock the tag toggles show their sign only (their tooltips keep the words)."""
        # The role and type pickers say what they hold; "Répond à" keeps its caption (it matters most).
        for text in (self.tr("Rôle"), self.tr("Type")):
            self._captions[text].setVisible(not compact)
        self.strength_button.setText("+" if compact else self.tr("+ Point fort"))
        self.improvement_button.setText("△" if compact else self.tr("△ Amélioration"))

    def _answers_text(self, inject_id: str | None, *, proposed: bool) -> str:
        """Say which inject the entry will be attached to — in bold, and whether it was only proposed."""
        if not inject_id:
            return self.tr("sans inject")
        if proposed:
            return self.tr("<b>répond à {inject}</b> (proposé : attend une réponse de ce rôle ; Ctrl+J pour changer)").format(
                inject=html.escape(inject_id))
        return self.tr("<b>répond à {inject}</b>").format(inject=html.escape(inject_id))

    def _complete_role(self) -> bool:
        """Complete the leading role code (repeated Tab cycles); False if there was nothing to complete."""
        text = self.line.text()
        head, _, rest = text.partition(" ")
        cycling = self._completion is not None and self._completion[1] == head
        if not head or self.line.cursorPosition() > len(head) + (1 if cycling else 0):
            return False
        role_ids = [role_id for role_id, _ in self._roles]
        prefix = head.rstrip(":")
        if cycling:
            prefix = self._completion[0]
            matches = complete_role(prefix, role_ids)
            choice = matches[(matches.index(head) + 1) % len(matches)] if head in matches else None
        else:
            matches = complete_role(prefix, role_ids)
            choice = matches[0] if matches else None
        if choice is None:
            return False
        self.line.setText(f"{choice} {rest.lstrip()}")
        self.line.setCursorPosition(len(choice) + 1)
        self._completion = (prefix, choice)
        return True

    def _escape(self) -> None:
        if self._supersedes is not None:
            self.cancel_correction()
        else:
            self.line.clear()

    def _submit(self) -> None:
        entry, parsed = self.resolve()
        if entry is None:
            return
        line = self.line.text()
        if (parsed.unknown_role or parsed.unknown_injects) and self._warned_line != line:
            # First Enter on a suspicious line only warns; a second Enter logs it as typed.
            self._warned_line = line
            self.preview.setText(self.preview.text() + self.tr(" — Entrée à nouveau pour enregistrer tel quel"))
            return
        self._warned_line = None
        if parsed.role:
            self.set_role(parsed.role)  # a typed role code is remembered like a picked one
        self._supersedes = None
        self.correction_banner.setVisible(False)
        self.line.clear()
        self.strength_button.setChecked(False)
        self.improvement_button.setChecked(False)
        self._inject_manual = False
        self._apply_default_inject()
        self._update_preview()
        self.submitted.emit(entry)
