"""GUI: the expected-responses checklist of fired injects (met / partial / missed).

Items come from ``crisisdesk.checklist``; this widget only shows them, flags those past
their window, and turns a click (or the keys 1, 2, 3) into ``session.check_expectation``.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.checklist import ChecklistItem, checklist_items
from crisisdesk.session import SessionError
from crisisdesk.timefmt import clock_text, exercise_timezone, format_offset
from ui import error_sentences, labels, palette
from ui.errors import report_unexpected
from ui.observer.action_ids import ActionIds

if TYPE_CHECKING:
    from crisisdesk.session import Session

_KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # (inject_id, index) on item rows
_ORDER_ROLE = Qt.ItemDataRole.UserRole + 2  # (fired_at, inject_id) on inject rows
MAX_LINES = 3  # an expected action wraps to at most this many lines (the tooltip has it all)
_STATUS_KEYS = {Qt.Key.Key_1: "met", Qt.Key.Key_2: "partial", Qt.Key.Key_3: "missed"}


class _ChecklistTree(QTreeWidget):
    """GUI: the tree; keys 1/2/3 check the selected item."""

    status_key = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        status = _STATUS_KEYS.get(Qt.Key(event.key()))
        if status and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            self.status_key.emit(status)
            return
        super().keyPressEvent(event)


class _WrapDelegate(QStyledItemDelegate):
    """GUI: sizes expected-action rows to their wrapped text (QTreeView does not wrap a stretched column)."""

    def __init__(self, view: QTreeWidget, min_height: int):
        super().__init__(view)
        self._view = view
        self._min_height = min_height

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() > 1 or not index.parent().isValid():
            return size
        height = 0
        line = option.fontMetrics.lineSpacing()
        for column in (0, 1):
            width = self._view.columnWidth(column) - (2 * self._view.indentation() if column == 0 else 0) - 8
            text = index.siblingAtColumn(column).data() or ""
            bounds = option.fontMetrics.boundingRect(QRect(0, 0, max(width, 40), 100_000), Qt.TextFlag.TextWordWrap, text)
            height = max(height, min(bounds.height(), MAX_LINES * line))
        return QSize(size.width(), max(self._min_height, height + 8))


class ExpectationsChecklist(QWidget):
    """GUI: the expected responses of fired injects for the chosen role, to check as they happen."""

    check_failed = Signal(str)  # message
    checked = Signal(str, int, str)  # inject id, index, status

    COLUMNS = ("action", "status", "buttons")
    ROW_HEIGHT = 26

    def __init__(self, session: Session, observer_name: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._observer = observer_name
        self._items: dict[tuple[str, int], QTreeWidgetItem] = {}
        self._inject_items: dict[str, QTreeWidgetItem] = {}
        self._data: dict[tuple[str, int], ChecklistItem] = {}
        self._buttons: dict[tuple[str, int], dict[str, QToolButton]] = {}
        self._orders: list[tuple[float, str]] = []  # (fired_at, inject_id) of the inject rows, ascending
        self._shown: dict[tuple[str, int], tuple] = {}  # what update_times last set on each row
        self._styled: dict[tuple[str, int], ChecklistItem] = {}  # the item each row was last styled from
        self._seen: tuple | None = None
        self._action_ids = ActionIds()  # per item: the click not confirmed saved, reused if clicked again
        self._build()
        self.refresh()

    def _build(self) -> None:
        title = QLabel(self.tr("Réponses attendues"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.role_filter = QComboBox()
        self.role_filter.setObjectName("expectationsRoleFilter")
        self.role_filter.addItem(self.tr("Tous les rôles"), None)
        for role in self._session.package.roles:
            if role.played:
                self.role_filter.addItem(role.id, role.id)
        self.summary = QLabel()
        self.summary.setObjectName("expectationsSummary")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.summary)
        header.addWidget(self.role_filter)

        self.tree = _ChecklistTree()
        self.tree.setObjectName("expectationsTree")
        self.tree.setColumnCount(len(self.COLUMNS))
        self.tree.setHeaderLabels([self.tr("Attendu"), self.tr("État"), self.tr("✓ ◐ ✗")])
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(10)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(False)
        # Expected actions are sentences: wrap them rather than cut them.
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        head = self.tree.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        widest = max(self.tr("⚠ dépassé {over}").format(over="0:00:00"), self.tr("reste {left}").format(left="0:00:00"), key=len)
        self.tree.setColumnWidth(1, self.fontMetrics().horizontalAdvance(widest) + 24)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        # One style sheet for every check button (a sheet per button is parsed per button: slow
        # with thousands of rows); each button says which status it is in a property.
        self.tree.setStyleSheet("".join(
            f"QToolButton[checkStatus=\"{status}\"] {{ color: {palette.check_color(status).name()}; font-weight: bold; "
            "border: 1px solid #c4c9d0; border-radius: 3px; background: #f6f7f9; }"
            f"QToolButton[checkStatus=\"{status}\"]:checked {{ background: {palette.check_color(status).name()}; "
            f"color: white; border-color: {palette.check_color(status).name()}; }}"
            for status in ("met", "partial", "missed")
        ))
        self.tree.status_key.connect(self._check_selected)
        self.tree.setItemDelegate(_WrapDelegate(self.tree, self.ROW_HEIGHT))
        # Re-measure the wrapped rows when the column width changes.
        head.sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        # Buttons are made for the rows in view: make them when other rows come into view.
        self._buttons_timer = QTimer(self, singleShot=True, interval=0)
        self._buttons_timer.timeout.connect(self._add_visible_buttons)
        # (Through a lambda: connected directly, valueChanged(int) would call start(msec).)
        self.tree.verticalScrollBar().valueChanged.connect(lambda *_: self._buttons_timer.start())
        self.tree.expanded.connect(lambda *_: self._buttons_timer.start())

        self.empty = QLabel(self.tr("Aucune réponse attendue pour l'instant : elles apparaissent quand un inject est envoyé."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("QLabel { color: #6b6f76; padding: 8px; }")
        hint = QLabel(self.tr("Ctrl+E pour y aller · ↑↓ puis 1 obtenue · 2 partielle · 3 manquée · Ctrl+L revient à la saisie"))
        hint.setStyleSheet("QLabel { color: #6b6f76; }")
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        self.role_filter.currentIndexChanged.connect(self._role_filter_changed)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._buttons_timer.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._buttons_timer.start()

    # -- configuration -------------------------------------------------------------------

    def set_observer(self, name: str | None) -> None:
        self._observer = name

    def set_role_filter(self, role: str | None) -> None:
        """Show only the items expected from ``role`` (None: every role)."""
        index = self.role_filter.findData(role)
        self.role_filter.setCurrentIndex(index if index >= 0 else 0)

    def _role_filter_changed(self) -> None:
        self.tree.clear()
        self._items.clear()
        self._inject_items.clear()
        self._buttons.clear()
        self._data.clear()
        self._orders.clear()
        self._shown.clear()
        self._styled.clear()
        self._seen = None
        self.refresh()

    # -- updates ---------------------------------------------------------------------------

    def _elapsed_now(self) -> float:
        state = self._session.state
        return state.clock.elapsed(self._session.now())

    def refresh(self) -> None:
        """Bring the list in line with the session (new fired injects, new checks); cheap if unchanged."""
        state = self._session.state
        role = self.role_filter.currentData()
        # The state is rebuilt every second while running; what matters here is which
        # injects are fired (and when) and the checks, so compare those.
        fired = tuple((s.inject.id, s.fired_at, s.inject.expected) for s in state.injects if s.fired_at is not None)
        key = (fired, state.checks, role)
        if key == self._seen:
            self.update_times()
            return
        self._seen = key
        items = checklist_items(state, None if role is None else (role,))
        new_parents: list[tuple[ChecklistItem, QTreeWidgetItem]] = []
        for item in items:
            if self._data.get((item.inject_id, item.index)) != item:
                self._place(item, new_parents)
        # Every change to a row in the tree makes it measure the row again, and expanding or
        # spanning a row lays out the whole tree: new inject rows get their items first, go in
        # once each, and are expanded and spanned after every insertion (row by row it was
        # quadratic: minutes with 2,000 injects fired).
        for first, parent in new_parents:
            self.tree.insertTopLevelItem(self._insert_position(first), parent)
        self.update_times()
        for _first, parent in new_parents:
            parent.setExpanded(True)
        for _first, parent in new_parents:
            parent.setFirstColumnSpanned(True)
        self._add_visible_buttons()

    def _place(self, item: ChecklistItem, new_parents: list[tuple[ChecklistItem, QTreeWidgetItem]]) -> None:
        key = (item.inject_id, item.index)
        self._data[key] = item
        tree_item = self._items.get(key)
        if tree_item is None:
            parent = self._inject_items.get(item.inject_id)
            if parent is None:
                parent = QTreeWidgetItem()
                fired = format_offset(item.fired_elapsed)
                parent.setText(0, self.tr("T+{fired} · {id} · {title}").format(id=item.inject_id, title=item.inject_title, fired=fired))
                parent.setToolTip(0, self.tr("{id} — {title}, envoyé à T+{fired}").format(id=item.inject_id, title=item.inject_title, fired=fired))
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = QFont(parent.font(0))
                font.setBold(True)
                parent.setFont(0, font)
                parent.setBackground(0, QBrush(palette.BG_HEADER))
                parent.setData(0, _ORDER_ROLE, (item.fired_at, item.inject_id))
                new_parents.append((item, parent))  # goes into the tree with its items
                self._inject_items[item.inject_id] = parent
            tree_item = QTreeWidgetItem()
            tree_item.setData(0, _KEY_ROLE, key)
            tree_item.setText(0, self.tr("{role} (≤ {window}) · {action}").format(
                role=item.role, action=item.action, window=format_offset(item.within, with_seconds=False)))
            tree_item.setToolTip(0, self.tr("{role} : {action} (dans les {window})").format(
                role=item.role, action=item.action, window=format_offset(item.within, with_seconds=False)))
            parent.addChild(tree_item)
            self._items[key] = tree_item
        self._show_check(key)

    def _add_visible_buttons(self) -> None:
        """Give the rows in view their ✓ ◐ ✗ buttons (created on demand: a widget per row of
        thousands would take seconds to build and lay out)."""
        if not self.tree.isVisible():
            return
        bottom = self.tree.viewport().height()
        item = self.tree.itemAt(1, 1)
        while item is not None and self.tree.visualItemRect(item).top() <= bottom:
            key = item.data(0, _KEY_ROLE)
            if key is not None and tuple(key) not in self._buttons:
                key = tuple(key)
                self.tree.setItemWidget(item, 2, self._make_buttons(key))
                self._show_check(key)
            item = self.tree.itemBelow(item)

    def _insert_position(self, item: ChecklistItem) -> int:
        # Keep the injects ordered by fire time, newest first: after every row whose order
        # is not below this one (``_orders`` mirrors the rows, ascending).
        order = (item.fired_at, item.inject_id)
        position = bisect.bisect_left(self._orders, order)
        self._orders.insert(position, order)
        return len(self._orders) - 1 - position

    def _make_buttons(self, key: tuple[str, int]) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(2)
        buttons = {}
        for status, symbol in (("met", "✓"), ("partial", "◐"), ("missed", "✗")):
            button = QToolButton()
            button.setObjectName(f"check_{key[0]}_{key[1]}_{status}")
            button.setText(symbol)
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setFixedSize(26, 22)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(labels.code_label("check", status).capitalize())
            button.setAccessibleName(labels.code_label("check", status))
            button.setProperty("checkStatus", status)  # styled by the tree's sheet
            button.clicked.connect(lambda _checked=False, k=key, s=status: self.check(k[0], k[1], s))
            layout.addWidget(button)
            buttons[status] = button
        self._buttons[key] = buttons
        return box

    def _show_check(self, key: tuple[str, int]) -> None:
        item = self._data[key]
        tree_item = self._items[key]
        check = item.check
        for status, button in self._buttons.get(key, {}).items():
            button.setChecked(check is not None and check.status == status)
        if check is None:
            tree_item.setToolTip(1, "")
            return
        delay = format_offset(check.delay_since_fire) if check.delay_since_fire is not None else "?"
        tree_item.setToolTip(
            1,
            self.tr("Évaluée « {status} » par {observer} à {time}, {delay} après l'envoi{note}").format(
                status=labels.code_label("check", check.status),
                observer=check.observer,
                time=clock_text(check.real_time, exercise_timezone(self._session.package.exercise)),
                delay=delay,
                note=f" — {check.note}" if check.note else "",
            ),
        )

    def update_times(self) -> None:
        """Refresh the time left in each window and the overdue flags (call every second)."""
        elapsed_now = self._elapsed_now()
        # The status column never wraps, so these changes keep every row's height: the
        # tree is spared a re-measure per change (thousands a second) and repainted once.
        model = self.tree.model()
        blocked = model.blockSignals(True)
        try:
            changed = self._restyle(elapsed_now)
        finally:
            model.blockSignals(blocked)
        if changed:
            self.tree.viewport().update()
        overdue_count = sum(1 for item in self._data.values() if item.overdue(elapsed_now))
        total = len(self._data)
        checked = sum(1 for item in self._data.values() if item.check is not None)
        summary = self.tr("{checked}/{total} évaluées").format(checked=checked, total=total)
        if overdue_count:
            summary += " · " + self.tr("<span style='color:#b3261e;font-weight:bold'>{n} en retard</span>").format(n=overdue_count)
        self.summary.setText(summary)
        self.empty.setVisible(total == 0)
        self.tree.setVisible(total > 0)

    def _restyle(self, elapsed_now: float) -> bool:
        """Set each row's status text and colours; return True if any row changed."""
        changed = False
        styled = self._styled
        # After ENDEX nothing counts down any more: an unchecked response is to be evaluated, not awaited.
        ended = self._session.state.clock.state.name == "ENDED"
        for key, item in self._data.items():
            if item.check is not None and styled.get(key) is item:
                continue  # a checked item's text does not depend on the time
            styled[key] = item
            tree_item = self._items[key]
            remaining = item.remaining(elapsed_now)
            background = None
            bold = False
            if item.check is not None:
                delay = item.check.delay_since_fire
                text = self.tr("{status} +{delay}").format(
                    status=labels.code_label("check", item.check.status), delay=format_offset(delay) if delay is not None else "?"
                )
                if item.late:
                    text += self.tr(" · hors délai")
                color = palette.check_color(item.check.status)
            elif ended:
                text = self.tr("à évaluer ({endex})").format(endex=labels.term("endex"))
                color = palette.COLOR_MUTED
            elif remaining >= 0:
                text = self.tr("reste {left}").format(left=format_offset(remaining))
                color = palette.COLOR_MUTED
            else:
                text = self.tr("⚠ dépassé {over}").format(over=format_offset(-remaining))
                color = palette.COLOR_OVERDUE
                background = palette.BG_OVERDUE
                bold = True
            shown = (text, color.rgba(), None if background is None else background.rgba(), bold)
            if self._shown.get(key) == shown:
                continue  # every second, most rows are unchanged: leave them alone
            changed = True
            self._shown[key] = shown
            tree_item.setText(1, text)
            tree_item.setForeground(1, QBrush(color))
            for column in range(2):
                tree_item.setBackground(column, QBrush(background) if background is not None else QBrush())
            font = QFont(tree_item.font(1))
            font.setBold(bold)
            tree_item.setFont(1, font)
        return changed

    def focus_first_open(self) -> bool:
        """Put the keyboard on the most urgent item: the first overdue, else the first unchecked."""
        elapsed_now = self._elapsed_now()
        candidates = sorted(
            (key for key, item in self._data.items() if item.check is None),
            key=lambda key: (not self._data[key].overdue(elapsed_now), self._data[key].deadline),
        )
        target = candidates[0] if candidates else next(iter(self._items), None)
        if target is None:
            return False
        self.tree.setCurrentItem(self._items[target])
        self.tree.scrollToItem(self._items[target])
        self.tree.setFocus()
        return True

    # -- actions ------------------------------------------------------------------------------

    def _check_selected(self, status: str) -> None:
        current = self.tree.currentItem()
        key = current.data(0, _KEY_ROLE) if current is not None else None
        if key:
            self.check(key[0], key[1], status)

    def check(self, inject_id: str, index: int, status: str) -> bool:
        """Record a check of one item; return False (and say why) if it could not be stored."""
        key = (inject_id, index)
        # The same status clicked again after a failed save is the same check (the session may have
        # kept the first one): its id is reused, so it is stored once.
        event_id = self._action_ids.for_action(key, status)
        try:
            self._session.check_expectation(inject_id, index, status, observer=self._observer or "",
                                            event_id=event_id)
        except SessionError as exc:  # the file may be locked or full: tell, keep the UI usable
            message = error_sentences.error_text(exc)
        except Exception as exc:  # a bug: the error reporter shows it
            report_unexpected(exc)
            message = self.tr("Évaluation non enregistrée : erreur inattendue (détails dans la fenêtre d'erreur).")
        else:
            self._action_ids.saved(key, event_id)
            self.checked.emit(inject_id, index, status)
            self.refresh()
            return True
        if key in self._buttons:
            self._show_check(key)  # the buttons show what is stored, not the click that failed
        self.check_failed.emit(message)
        return False

