"""GUI: the observer's main courante panel: name, quick entry, log view, expected responses.

Every entry typed here shows at once as "en cours…", is committed through
``session.log_entry`` (with a client-made id, so a retry never duplicates it) and is
marked "enregistré" only once that call returned. A failed write keeps the row, its
text and its id, and is retried every few seconds until it reaches the file.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.logsyntax import format_entry_line, latest_fired_inject_for_role
from crisisdesk.timefmt import clock_text, exercise_timezone, format_offset
from ui import error_sentences, labels
from ui.errors import report_unexpected
from ui.observer.entry_saving import EntrySaving, Outcome, Saved
from ui.observer.expectations import ExpectationsChecklist
from ui.observer.log_model import Column, SaveState
from ui.observer.log_pane import LogPane
from ui.observer.observer_names import ObserverNames
from ui.observer.quick_entry import InjectChoice, QuickEntry, QuickEntryBar

if TYPE_CHECKING:
    from crisisdesk.session import Session

RETRY_INTERVAL_MS = 3000


class ObserverPanel(QWidget):
    """GUI: everything an observer needs during play, keyboard first."""

    entry_logged = Signal(str)  # entry id, once committed
    observer_changed = Signal(str)

    def __init__(self, session: Session, observer_name: str | None = None, parent: QWidget | None = None, *,
                 settings: QSettings | None = None, seat: str = "observer"):
        super().__init__(parent)
        self.setObjectName("observerPanel")
        self._session = session
        self._settings = settings if settings is not None else QSettings("crisisdesk", "crisisdesk")
        self._names = ObserverNames(self._settings, seat)  # each kind of window remembers its own author
        self._observer = (observer_name or self._names.remembered() or "").strip() or None
        self.saving = EntrySaving(session)  # typed entries until they are in the file
        self._seen_state = None
        self._seen_injects = None
        self._sized = False
        package = session.package
        self._played = [role for role in package.roles if role.played]
        self._build()
        self._retry_timer = QTimer(self, interval=RETRY_INTERVAL_MS)
        self._retry_timer.timeout.connect(self.retry_failed)
        self.refresh_from_session()
        self._apply_observer()

    # -- construction -------------------------------------------------------------------------

    def _build(self) -> None:
        package = self._session.package
        # Header: who is observing, and where the exercise stands.
        self.name_combo = QComboBox(objectName="observerName")
        self.name_combo.setEditable(True)
        self.name_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name_combo.setMinimumContentsLength(16)
        self.name_combo.lineEdit().setPlaceholderText(self.tr("Votre nom"))
        self.name_combo.setAccessibleName(self.tr("Nom de l'observateur"))
        self.name_combo.addItems(self._names.recent())
        self.name_combo.setEditText(self._observer or "")
        self.name_combo.lineEdit().returnPressed.connect(self._name_entered)
        self.name_combo.activated.connect(self._name_entered)
        self.name_prompt = QLabel(self.tr("◀ Indiquez votre nom puis Entrée pour commencer à saisir."), objectName="namePrompt")
        self.name_prompt.setStyleSheet("QLabel { color: #b3261e; font-weight: bold; }")
        self.stage_label = QLabel(objectName="stageLabel")
        self.stage_label.setTextFormat(Qt.TextFormat.RichText)
        self.pending_label = QLabel(objectName="pendingLabel")
        self.pending_label.setStyleSheet("QLabel { color: #b3261e; font-weight: bold; }")
        name_caption = QLabel(self.tr("Observateur"))
        name_caption.setBuddy(self.name_combo)
        header = QHBoxLayout()
        header.addWidget(name_caption)
        header.addWidget(self.name_combo)
        header.addWidget(self.name_prompt)
        header.addStretch(1)
        header.addWidget(self.pending_label)
        header.addSpacing(12)
        header.addWidget(self.stage_label)

        # Quick entry.
        self.quick = QuickEntryBar(self)
        self.quick.set_package(
            [(role.id, role.name) for role in self._played],
            tuple(inject.id for inject in package.injects),
            tuple(objective.id for objective in package.exercise.objectives),
        )
        self.quick.submitted.connect(self._log)

        # The main courante, filtered (aliases: the tests and the console reach these by name).
        self.log = LogPane(package, self._settings, self)
        self.log.correct_requested.connect(self.correct_selected)
        self.model, self.proxy, self.view = self.log.model, self.log.proxy, self.log.view
        self.search, self.detail, self.filters_bar = self.log.search, self.log.detail, self.log.filters_bar
        self.filter_role, self.filter_kind, self.filter_tag = self.log.filter_role, self.log.filter_kind, self.log.filter_tag
        self.filter_observer, self.filter_inject = self.log.filter_observer, self.log.filter_inject
        self.order_button, self.count_label, self.correct_button = self.log.order_button, self.log.count_label, self.log.correct_button

        self.checklist = ExpectationsChecklist(self._session, self._observer, self)
        self.checklist.check_failed.connect(self._show_error)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.log)
        self.splitter.addWidget(self.checklist)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)

        self.error_label = QLabel(objectName="observerError")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self.error_label.setStyleSheet("QLabel { background: #fde7e6; color: #b3261e; padding: 4px 8px; border-radius: 3px; }")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.quick)
        layout.addWidget(self.error_label)
        layout.addWidget(self.splitter, 1)

        QShortcut(QKeySequence("Ctrl+F"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut).activated.connect(self.search.setFocus)
        QShortcut(QKeySequence("Ctrl+L"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut).activated.connect(self.focus_quick_entry)
        QShortcut(QKeySequence("Ctrl+E"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut).activated.connect(self.checklist.focus_first_open)
        QShortcut(QKeySequence("F2"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut).activated.connect(self.correct_selected)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized:
            # Give the checklist a fair share once the real width is known.
            self._sized = True
            total = max(self.splitter.width(), 600)
            self.splitter.setSizes([int(total * 0.64), total - int(total * 0.64)])

    # -- observer name ---------------------------------------------------------------------------

    @property
    def observer_name(self) -> str | None:
        return self._observer

    def set_observer_name(self, name: str) -> None:
        """Set (and remember in QSettings) who is observing."""
        name = name.strip()
        if not name:
            return
        self._observer = name
        self._names.remember(name)
        self.name_combo.setEditText(name)
        self._apply_observer()
        self.observer_changed.emit(name)

    def _name_entered(self, *_args) -> None:
        self.set_observer_name(self.name_combo.currentText())
        if self._observer:
            self.focus_quick_entry()

    def _apply_observer(self) -> None:
        has_name = bool(self._observer)
        self.name_prompt.setVisible(not has_name)
        self.quick.setEnabled(has_name)
        self.checklist.set_observer(self._observer)
        self.checklist.setEnabled(has_name)
        if not has_name:
            self.name_combo.setFocus()

    def set_compact(self, compact: bool) -> None:
        """Fit a short dock: keep the name, the quick entry and the log; hide the help line,
        the filters, the detail pane and the checklist (the observer window has them all)."""
        self.quick.hint.setVisible(not compact)
        self.log.set_compact(compact)
        self.checklist.setVisible(not compact)
        self.stage_label.setVisible(not compact)  # the console's clock bar shows it, larger
        self.quick.set_compact(compact)
        self.name_combo.setMinimumContentsLength(10 if compact else 16)
        self.quick.inject_combo.setMinimumContentsLength(10 if compact else 16)
        self.name_prompt.setText(self.tr("◀ Votre nom, puis Entrée") if compact
                                 else self.tr("◀ Indiquez votre nom puis Entrée pour commencer à saisir."))

    @property
    def compact(self) -> bool:
        return self.checklist.isHidden()

    def focus_quick_entry(self) -> None:
        """Put the keyboard in the quick-entry line (or in the name field if no name yet)."""
        if not self._observer:
            self.name_combo.setFocus()
            return
        self.quick.line.setFocus()

    # -- logging (the bookkeeping is EntrySaving's; this shows its outcomes) ---------------------

    def _log(self, entry: QuickEntry) -> None:
        if not self._observer:
            self._show_error(self.tr("Indiquez votre nom avant de saisir."))
            return
        draft = self.saving.begin(self._observer, entry)
        self.model.add_draft(draft)
        self._update_counts()
        # Let the row paint as "en cours…" first; the commit itself takes a few ms.
        QTimer.singleShot(0, lambda: self._save(draft.entry_id))

    def _save(self, entry_id: str) -> bool:
        return self._show_saved(self.saving.save(entry_id))

    def _show_saved(self, saved: Saved) -> bool:
        entry_id = saved.entry_id
        if saved.outcome is Outcome.SAVED:
            self.model.set_save_state(entry_id, SaveState.SAVED)
            self.refresh_from_session()
            if not self.pending_entry_ids:
                self._retry_timer.stop()
                self.error_label.setVisible(False)
            self._update_counts()
            self.entry_logged.emit(entry_id)
            return True
        assert saved.error is not None
        reason = error_sentences.error_reason(saved.error)
        if saved.outcome is Outcome.REFUSED:
            self._show_refused(entry_id, reason)
            return False
        if saved.report:  # a bug, not the file: the error reporter shows it (once per entry)
            report_unexpected(saved.error)
        self.model.set_save_state(entry_id, SaveState.FAILED)
        self._show_error(self.tr("Entrée non enregistrée — elle est gardée et renvoyée automatiquement. ({error})").format(error=reason))
        if not self._retry_timer.isActive():
            self._retry_timer.start()
        self._update_counts()
        return False

    def _show_refused(self, entry_id: str, reason: str) -> None:
        if not self.quick.line.text().strip():
            self.model.remove_draft(entry_id)
            self.quick.line.setText(self.saving.take_back(entry_id) or "")
            self._show_error(self.tr("Entrée refusée : {error} Le texte est remis dans la saisie.").format(error=reason))
        else:
            # Something else is being typed: never overwrite it, never drop this text either.
            self.model.mark_refused(entry_id, reason)
            self._show_error(self.tr("Entrée refusée : {error} Son texte reste dans la liste, marqué « refusé » : "
                                     "double-cliquez dessus pour le reprendre.").format(error=reason))
        self._update_counts()

    def take_back_refused(self, entry_id: str) -> bool:
        """Put a refused entry's text back in the quick-entry line (if it is empty) to correct it."""
        if entry_id not in self.saving.refused_ids:
            return False
        if self.quick.line.text().strip():
            self._show_error(self.tr("Terminez ou videz d'abord la saisie en cours, puis reprenez l'entrée refusée."))
            self.quick.line.setFocus()
            return False
        self.model.remove_draft(entry_id)
        self.quick.line.setText(self.saving.take_back(entry_id) or "")
        self.quick.line.setFocus()
        self._update_counts()
        return True

    def retry_failed(self) -> int:
        """Try again every entry not yet saved; return how many are still pending."""
        for saved in self.saving.retry():
            self._show_saved(saved)
        return len(self.pending_entry_ids)

    @property
    def pending_entry_ids(self) -> list[str]:
        """Ids of the entries typed here that are not in the session file yet (being saved or kept for a retry)."""
        return self.saving.pending_ids

    @property
    def refused_entry_ids(self) -> list[str]:
        """Ids of the entries the session refused, still shown for the observer to take back."""
        return self.saving.refused_ids

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)

    # -- corrections ------------------------------------------------------------------------------

    def selected_entry_id(self) -> str | None:
        return self.log.selected_entry_id()

    def select_entry(self, entry_id: str) -> bool:
        """Select an entry's row in the log view (if it passes the filters)."""
        return self.log.select_entry(entry_id)

    def set_column_visible(self, column: Column, visible: bool) -> None:
        """Show or hide a log column (remembered in QSettings)."""
        self.log.set_column_visible(column, visible)

    def set_newest_first(self, newest_first: bool) -> None:
        self.log.set_newest_first(newest_first)

    def correct_selected(self) -> None:
        """Load the selected entry into the quick-entry line to correct it."""
        entry_id = self.selected_entry_id()
        if entry_id is None or not self._observer:
            return
        row = self.model.row_for(entry_id)
        if row is not None and row.save is SaveState.REFUSED:
            self.take_back_refused(entry_id)
            return
        if row is None or row.save is not SaveState.SAVED:
            return
        entry = row.entry
        line = format_entry_line(role=entry.role, kind=entry.kind, text=entry.text, inject_id=entry.inject_id, tags=entry.tags)
        stamp = clock_text(row.first_time, exercise_timezone(self._session.package.exercise))
        self.quick.begin_correction(entry_id, line, f"{stamp} ({entry.role})")

    def _update_counts(self) -> None:
        self.log.update_count()
        failed = sum(1 for entry_id in self.pending_entry_ids if (row := self.model.row_for(entry_id)) and row.save is SaveState.FAILED)
        refused = len(self.refused_entry_ids)
        notes = []
        if failed:
            notes.append(self.tr("⚠ {n} entrée(s) non enregistrée(s)").format(n=failed))
        if refused:
            notes.append(self.tr("⚠ {n} entrée(s) refusée(s) à reprendre").format(n=refused))
        self.pending_label.setText(" · ".join(notes))

    # -- session updates ---------------------------------------------------------------------------

    def refresh_from_session(self) -> None:
        """Show what changed in the session (entries, fired injects, checks); cheap when nothing did."""
        state = self._session.state
        if state is not self._seen_state:
            self._seen_state = state
            if self.log.sync(state):
                self._update_counts()
            # Checks count too: the default "Répond à" moves on once a role's responses are checked.
            # Compared by content: the state (and its tuples) is rebuilt after every entry, and
            # working the defaults out again costs ~100 ms with 2,000 injects fired and 40 roles.
            fired = tuple((s.inject.id, s.fired_at, s.inject) for s in state.injects if s.fired_at is not None)
            if self._seen_injects != (fired, state.checks):
                self._seen_injects = (fired, state.checks)
                self._update_fired_injects(state)
            self.checklist.refresh()
        self.update_clock()

    def update_clock(self) -> None:
        """Refresh the stage and clock line and the checklist's time windows (call every second)."""
        state = self._session.state
        now = self._session.now()
        stage = state.stage
        if stage == "briefing":
            text = self.tr("<b>Briefing</b> · avant {startex}").format(startex=labels.term("startex"))
        elif stage == "hotwash":
            text = self.tr("<b>{hotwash}</b> · après {endex}").format(hotwash=labels.term("hotwash").capitalize(),
                                                            endex=labels.term("endex"))
        else:
            elapsed = state.clock.elapsed(now)
            phase = state.clock.phase_at(elapsed)
            paused = state.clock_state.value == "paused"
            text = self.tr("<b>T+{elapsed}</b> · {scenario} · {phase}").format(
                elapsed=format_offset(elapsed), scenario=state.clock.scenario_time(now).strftime("%d/%m %H:%M"), phase=html.escape(phase.title, quote=False)
            )
            if paused:
                text += " · <span style='color:#b26a00;font-weight:bold'>" + self.tr("EN PAUSE") + "</span>"
        self.stage_label.setText(text)
        self.checklist.update_times()

    def _update_fired_injects(self, state) -> None:
        fired = sorted((s for s in state.injects if s.fired_at is not None), key=lambda s: s.fired_at, reverse=True)
        choices = [
            InjectChoice(
                inject_id=s.inject.id, title=s.inject.title, to=tuple(s.inject.to),
                fired_label="T+" + format_offset(s.fired_elapsed or 0, with_seconds=False),
            )
            for s in fired
        ]
        latest = {role.id: latest_fired_inject_for_role(fired, role.id, state.checks, awaiting_only=True)
                  for role in self._played}
        self.quick.set_fired_injects(choices, latest)
