"""GUI: the observer's main courante panel: name, quick entry, log view, expected responses.

Every entry typed here shows at once as "en cours…", is committed through
``session.log_entry`` (with a client-made id, so a retry never duplicates it) and is
marked "enregistré" only once that call returned. A failed write keeps the row, its
text and its id, and is retried every few seconds until it reaches the file.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.logsyntax import format_entry_line, latest_fired_inject_for_role
from crisisdesk.session.errors import SessionError, WriteFailedError
from crisisdesk.timefmt import format_offset
from ui import error_sentences, labels
from ui.errors import report_unexpected
from ui.observer.expectations import ExpectationsChecklist
from ui.observer.log_model import Column, DraftEntry, LogFilterProxy, LogTableModel, SaveState
from ui.observer.quick_entry import InjectChoice, QuickEntry, QuickEntryBar

if TYPE_CHECKING:
    from crisisdesk.session import Session

SETTINGS_KEY_NAME = "observer/name"
SETTINGS_KEY_NAMES = "observer/recent_names"
SETTINGS_KEY_HIDDEN = "observer/hidden_columns"
# The observer's name is in the detail pane and the filter; the column makes room for the text.
DEFAULT_HIDDEN_COLUMNS = ("observer",)
RETRY_INTERVAL_MS = 3000


# Columns a compact panel (the console's dock) leaves out.
COMPACT_HIDDEN_COLUMNS = (Column.REAL, Column.SCENARIO, Column.KIND, Column.INJECT, Column.TAGS, Column.OBSERVER)


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
        # Each kind of window remembers its own author (the console's director, an observer's
        # window): a name typed in one never becomes the author of another's entries or ratings.
        self._name_key = f"{SETTINGS_KEY_NAME}/{seat}"
        remembered = self._settings.value(self._name_key, None)
        if remembered is None and seat == "observer":  # files of the version with one shared name
            remembered = self._settings.value(SETTINGS_KEY_NAME, "")
        self._observer = (observer_name or str(remembered or "")).strip() or None
        self._refused_ids: list[str] = []  # entries the session refused, shown until taken back
        self._reported: set[str] = set()  # entries whose unforeseen error went to the error reporter
        self._seen_state = None
        self._seen_injects = None
        self._seen_observers: tuple[str, ...] = ()
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
        recent = self._settings.value(SETTINGS_KEY_NAMES, []) or []
        if isinstance(recent, str):
            recent = [recent]
        self.name_combo.addItems([name for name in recent if name])
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

        # Log view with its filters.
        self.model = LogTableModel(
            self,
            role_colors={role.id: role.color for role in package.roles if role.color},
            inject_titles={inject.id: inject.title for inject in package.injects},
        )
        self.proxy = LogFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(objectName="logView")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        head = self.view.horizontalHeader()
        head.setHighlightSections(False)
        head.setStretchLastSection(False)
        metrics = self.view.fontMetrics()
        bold = self.view.font()
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)

        def fit(texts, *, extra: int = 14, metrics=metrics) -> int:
            return max(metrics.horizontalAdvance(text) for text in texts) + extra

        role_codes = [role.id for role in self._played] or ["DIR"]
        widths = {
            Column.STATUS: fit([self.model.status_text(s) for s in (SaveState.SAVED, SaveState.SAVING, SaveState.REFUSED)]),
            Column.REAL: fit(["00:00:00"]),
            Column.ELAPSED: fit(["0:00:00", "briefing"]),
            Column.SCENARIO: fit(["00/00 00:00"]),
            Column.ROLE: min(fit(role_codes, extra=14 + 18, metrics=bold_metrics), 100),
            Column.KIND: fit([labels.code_label("kind", kind) for kind in labels.KIND_ORDER]),
            Column.INJECT: min(fit([inject.id for inject in package.injects] or ["I00"]), 90),
            Column.TAGS: fit([labels.code_label("tag_short", "improvement") + " O1"]),
            Column.OBSERVER: fit(["Claire Dub…"]),
        }
        for column, width in widths.items():
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(column, width)
        head.setSectionResizeMode(Column.TEXT, QHeaderView.ResizeMode.Stretch)
        head.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        head.customContextMenuRequested.connect(self._column_menu)
        for column in self._hidden_columns():
            self.view.setColumnHidden(column, True)
        self.view.doubleClicked.connect(lambda _index: self.correct_selected())
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)

        self.search = QLineEdit(objectName="logSearch")
        self.search.setPlaceholderText(self.tr("Rechercher… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 40)
        self.filter_role = self._filter_combo("filterRole", self.tr("Rôles"), [(r.id, r.id) for r in self._played])
        self.filter_kind = self._filter_combo("filterKind", self.tr("Types"), [(k, labels.code_label("kind", k)) for k in labels.KIND_ORDER])
        self.filter_observer = self._filter_combo("filterObserver", self.tr("Observateurs"), [])
        self.filter_inject = self._filter_combo("filterInject", self.tr("Injects"), [(i.id, i.id) for i in package.injects])
        tag_items = [("strength", labels.code_label("tag", "strength")), ("improvement", labels.code_label("tag", "improvement"))]
        tag_items += [(o.id, o.id) for o in package.exercise.objectives]
        self.filter_tag = self._filter_combo("filterTag", self.tr("Marques"), tag_items)
        self.order_button = QToolButton(objectName="orderToggle")
        self.order_button.setCheckable(True)
        self.order_button.setChecked(True)
        self.order_button.setToolTip(self.tr("Ordre d'affichage des entrées"))
        self.order_button.toggled.connect(self._order_changed)
        self.count_label = QLabel(objectName="logCount")
        self.count_label.setStyleSheet("QLabel { color: #6b6f76; }")
        self.correct_button = QPushButton(self.tr("Corriger (F2)"), objectName="correctButton")
        self.correct_button.setEnabled(False)
        self.correct_button.clicked.connect(self.correct_selected)
        filters = QHBoxLayout()
        filters.setSpacing(4)
        filters.addWidget(self.search, 1)
        for combo in (self.filter_role, self.filter_kind, self.filter_observer, self.filter_inject, self.filter_tag):
            filters.addWidget(combo)
        filters.addWidget(self.order_button)
        self.search.textChanged.connect(self._schedule_filter)
        self._filter_timer = QTimer(self, singleShot=True, interval=150)
        self._filter_timer.timeout.connect(self._apply_filters)

        self.detail = QLabel(objectName="entryDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail.setStyleSheet("QLabel { background: #fafbfc; padding: 4px 6px; }")
        self.detail.setMinimumHeight(self.fontMetrics().height() * 2 + 12)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        footer.addWidget(self.correct_button)

        log_box = QWidget()
        log_layout = QVBoxLayout(log_box)
        log_layout.setContentsMargins(0, 0, 0, 0)
        log_layout.setSpacing(4)
        self.filters_bar = QWidget(objectName="logFilters")
        filters.setContentsMargins(0, 0, 0, 0)
        self.filters_bar.setLayout(filters)
        log_layout.addWidget(self.filters_bar)
        log_layout.addWidget(self.view, 1)
        log_layout.addWidget(self.detail)
        log_layout.addLayout(footer)

        self.checklist = ExpectationsChecklist(self._session, self._observer, self)
        self.checklist.check_failed.connect(self._show_error)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(log_box)
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
        self._order_changed(True)

    def _hidden_columns(self) -> list[Column]:
        stored = self._settings.value(SETTINGS_KEY_HIDDEN, None)
        if stored is None:
            names = list(DEFAULT_HIDDEN_COLUMNS)
        else:
            names = [stored] if isinstance(stored, str) else list(stored or [])
        return [Column[name.upper()] for name in names if name and name.upper() in Column.__members__ and name.upper() != "TEXT"]

    def _column_menu(self, position) -> None:
        menu = QMenu(self)
        for column in Column:
            if column == Column.TEXT:
                continue
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: self.set_column_visible(c, shown))
        menu.popup(self.view.horizontalHeader().mapToGlobal(position))

    def set_column_visible(self, column: Column, visible: bool) -> None:
        """Show or hide a log column (remembered in QSettings)."""
        self.view.setColumnHidden(column, not visible)
        hidden = [c.name.lower() for c in Column if self.view.isColumnHidden(c)]
        self._settings.setValue(SETTINGS_KEY_HIDDEN, hidden or [""])

    def _filter_combo(self, name: str, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.setToolTip(self.tr("Filtrer : {what}").format(what=everything.lower()))
        combo.addItem(everything, None)
        for value, text in items:
            combo.addItem(text, value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(self._apply_filters)
        return combo

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
        self._settings.setValue(self._name_key, name)
        recent = self._settings.value(SETTINGS_KEY_NAMES, []) or []
        if isinstance(recent, str):
            recent = [recent]
        recent = [name] + [n for n in recent if n != name]
        self._settings.setValue(SETTINGS_KEY_NAMES, recent[:10])
        self._settings.sync()
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
        self.filters_bar.setVisible(not compact)
        self.detail.setVisible(not compact)
        self.checklist.setVisible(not compact)
        # Beside the timeline on a 1366 px laptop the entry's text must stay in view: only the
        # save state, exercise time and role stand beside it (the observer window shows the rest).
        hidden = set(self._hidden_columns())
        for column in COMPACT_HIDDEN_COLUMNS:
            self.view.setColumnHidden(column, compact or column in hidden)
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

    # -- logging ----------------------------------------------------------------------------------

    def _log(self, entry: QuickEntry) -> None:
        if not self._observer:
            self._show_error(self.tr("Indiquez votre nom avant de saisir."))
            return
        entry_id = uuid.uuid4().hex
        now = self._session.now()
        state = self._session.state
        stage = state.stage
        elapsed = None if stage == "briefing" else state.clock.elapsed(now)
        scenario = state.clock.scenario_time(now) if stage == "play" else None
        draft = DraftEntry(
            entry_id=entry_id, observer=self._observer, role=entry.role, kind=entry.kind, text=entry.text,
            inject_id=entry.inject_id, tags=entry.tags, real_time=now, elapsed=elapsed, scenario_time=scenario,
            stage=stage, supersedes=entry.supersedes,
        )
        self.model.add_draft(draft)
        # Unsaved from now on, in the one place that counts what is unsaved: the session's kept writes.
        self._session.kept.hold(entry_id, dict(
            observer=self._observer, role=entry.role, kind=entry.kind, text=entry.text, inject_id=entry.inject_id,
            tags=entry.tags, entry_id=entry_id, supersedes=entry.supersedes,
        ), owner=self)
        self._update_counts()
        # Let the row paint as "en cours…" first; the commit itself takes a few ms.
        QTimer.singleShot(0, lambda: self._save(entry_id))

    def _save(self, entry_id: str) -> bool:
        arguments = self._session.kept.held(entry_id)
        if arguments is None:
            return True
        try:
            self._session.log_entry(**arguments)
        except WriteFailedError as exc:
            # Kept by the session (memory and journal beside the file): show it, retry later.
            self._mark_failed(entry_id, error_sentences.error_reason(exc))
            return False
        except SessionError as exc:
            # Refused (unknown role or inject, read-only file...): nothing stored, give the text back.
            self._refused(entry_id, error_sentences.error_reason(exc))
            return False
        except Exception as exc:
            # A bug, not the file: the error reporter shows it (once per entry); the row and its text stay.
            if entry_id not in self._reported:
                self._reported.add(entry_id)
                report_unexpected(exc)
            self._mark_failed(entry_id, error_sentences.error_reason(exc))
            return False
        self._reported.discard(entry_id)
        self._session.kept.release(entry_id)
        self.model.set_save_state(entry_id, SaveState.SAVED)
        self.refresh_from_session()
        if not self.pending_entry_ids:
            self._retry_timer.stop()
            self.error_label.setVisible(False)
        self._update_counts()
        self.entry_logged.emit(entry_id)
        return True

    def _mark_failed(self, entry_id: str, reason: str) -> None:
        self.model.set_save_state(entry_id, SaveState.FAILED)
        self._show_error(self.tr("Entrée non enregistrée — elle est gardée et renvoyée automatiquement. ({error})").format(error=reason))
        if not self._retry_timer.isActive():
            self._retry_timer.start()
        self._update_counts()

    def _refused(self, entry_id: str, reason: str) -> None:
        arguments = self._session.kept.release(entry_id)
        if not self.quick.line.text().strip():
            self.model.remove_draft(entry_id)
            self.quick.line.setText(format_entry_line(
                role=arguments["role"], kind=arguments["kind"], text=arguments["text"],
                inject_id=arguments["inject_id"], tags=arguments["tags"],
            ))
            self._show_error(self.tr("Entrée refusée : {error} Le texte est remis dans la saisie.").format(error=reason))
        else:
            # Something else is being typed: never overwrite it, never drop this text either.
            self.model.mark_refused(entry_id, reason)
            self._refused_ids.append(entry_id)
            self._show_error(self.tr("Entrée refusée : {error} Son texte reste dans la liste, marqué « refusé » : "
                                     "double-cliquez dessus pour le reprendre.").format(error=reason))
        self._update_counts()

    def take_back_refused(self, entry_id: str) -> bool:
        """Put a refused entry's text back in the quick-entry line (if it is empty) to correct it."""
        row = self.model.row_for(entry_id)
        if row is None or row.save is not SaveState.REFUSED:
            return False
        if self.quick.line.text().strip():
            self._show_error(self.tr("Terminez ou videz d'abord la saisie en cours, puis reprenez l'entrée refusée."))
            self.quick.line.setFocus()
            return False
        entry = row.entry
        self.model.remove_draft(entry_id)
        self._refused_ids.remove(entry_id)
        self.quick.line.setText(format_entry_line(role=entry.role, kind=entry.kind, text=entry.text,
                                                  inject_id=entry.inject_id, tags=entry.tags))
        self.quick.line.setFocus()
        self._update_counts()
        return True

    def retry_failed(self) -> int:
        """Try again every entry not yet saved; return how many are still pending."""
        if self._session.pending_writes:
            try:
                self._session.retry_pending()
            except SessionError:
                pass  # still failing: the entries' own retries below say so
        for entry_id in self.pending_entry_ids:
            self._save(entry_id)
        return len(self.pending_entry_ids)

    @property
    def pending_entry_ids(self) -> list[str]:
        """Ids of the entries typed here that are not in the session file yet (being saved or kept for a retry)."""
        return self._session.kept.held_ids(owner=self)

    @property
    def refused_entry_ids(self) -> list[str]:
        """Ids of the entries the session refused, still shown for the observer to take back."""
        return list(self._refused_ids)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)

    # -- corrections ------------------------------------------------------------------------------

    def selected_entry_id(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row()).entry.entry_id

    def select_entry(self, entry_id: str) -> bool:
        """Select an entry's row in the log view (if it passes the filters)."""
        row = self.model.view_row_of(entry_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, Column.TEXT))
        if not index.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)
        return True

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
        stamp = datetime.fromtimestamp(row.first_time).strftime("%H:%M:%S")
        self.quick.begin_correction(entry_id, line, f"{stamp} ({entry.role})")

    def _show_detail(self, *_args) -> None:
        entry_id = self.selected_entry_id()
        row = self.model.row_for(entry_id) if entry_id else None
        self.correct_button.setEnabled(row is not None and row.save in (SaveState.SAVED, SaveState.REFUSED))
        if row is None:
            self.detail.setText("")
            return
        entry = row.entry
        html = f"<b>{_escape(entry.role or '')}</b> · {_escape(labels.code_label('kind', entry.kind))} · {_escape(entry.text)}"
        if row.corrected:
            revisions = [*row.earlier, entry]
            items = []
            for number, revision in enumerate(revisions, start=1):
                stamp = datetime.fromtimestamp(revision.real_time).strftime("%H:%M:%S")
                style = "" if revision is entry else "color:#6b6f76;text-decoration:line-through;"
                items.append(f"<span style='{style}'>{number}. {stamp} {_escape(revision.observer)} : {_escape(revision.text)}</span>")
            html += "<br><span style='color:#6b6f76'>" + self.tr("Historique :") + "</span> " + "<br>".join(items)
        self.detail.setText(html)

    # -- filters and order ---------------------------------------------------------------------------

    def _schedule_filter(self) -> None:
        self._filter_timer.start()

    def _apply_filters(self) -> None:
        self.proxy.set_filters(
            role=self.filter_role.currentData(),
            kind=self.filter_kind.currentData(),
            observer=self.filter_observer.currentData(),
            inject=self.filter_inject.currentData(),
            tag=self.filter_tag.currentData(),
            text=self.search.text(),
        )
        self._update_counts()

    def _order_changed(self, newest_first: bool) -> None:
        self.model.set_newest_first(newest_first)
        self.order_button.setText(self.tr("↓ Récentes en haut") if newest_first else self.tr("↑ Chronologique"))

    def set_newest_first(self, newest_first: bool) -> None:
        self.order_button.setChecked(newest_first)

    def _update_counts(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        text = self.tr("{n} entrées").format(n=total) if shown == total else self.tr("{shown} / {n} entrées").format(shown=shown, n=total)
        self.count_label.setText(text)
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
            if self.model.sync(state.entries, state.entry_history):
                self._update_counts()
                self._update_observer_filter(state)
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
            text = self.tr("<b>Retour à chaud</b> · après {endex}").format(endex=labels.term("endex"))
        else:
            elapsed = state.clock.elapsed(now)
            phase = state.clock.phase_at(elapsed)
            paused = state.clock_state.value == "paused"
            text = self.tr("<b>T+{elapsed}</b> · {scenario} · {phase}").format(
                elapsed=format_offset(elapsed), scenario=state.clock.scenario_time(now).strftime("%d/%m %H:%M"), phase=_escape(phase.title)
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

    def _update_observer_filter(self, state) -> None:
        names = set(getattr(state, "observers", ()) or ()) | self.model.observers()
        ordered = tuple(sorted(name for name in names if name))
        if ordered == self._seen_observers:
            return
        self._seen_observers = ordered
        current = self.filter_observer.currentData()
        self.filter_observer.blockSignals(True)
        while self.filter_observer.count() > 1:
            self.filter_observer.removeItem(1)
        for name in ordered:
            self.filter_observer.addItem(name, name)
        index = self.filter_observer.findData(current)
        self.filter_observer.setCurrentIndex(index if index >= 0 else 0)
        self.filter_observer.blockSignals(False)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
