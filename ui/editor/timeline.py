"""GUI: the timeline by role — one lane per played role over exercise time, drawn by hand.

Phase bands behind; each inject a mark on its recipients' lanes; its expected responses
as bars over their windows on the responding role's lane; the load of each role per
quarter hour under the lanes (overloads red, long silences grey). Drag a mark to move
the inject (snapped to the minute); the injects table follows through the document.
A custom-painted widget rather than QGraphicsView: a few thousand marks, no item
objects to keep in step with the data, and the static part cached in a pixmap so a
drag frame repaints only the moving inject.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QToolTip, QWidget

from crisisdesk.package import draft
from ui.editor.undo import EditorDocument
from ui.labels import channel_label

LABEL_W = 150
AXIS_H = 40
LANE_H = 38  # at most; lanes shrink to MIN_LANE_H so that lanes and load fit the window
MIN_LANE_H = 20  # Paris has 18 played roles: lanes, load and legend fit 1366x768
LOAD_ROW_H = 11
LOAD_GAP = 22
LEGEND_H = 24
MARGIN_R = 16
OVERLOAD_COLOR = "#e53e3e"

CHANNEL_COLORS = {
    "phone": "#2b6cb0", "email": "#6b46c1", "radio": "#2c7a7b", "news": "#c05621",
    "social": "#d53f8c", "field": "#2f855a", "document": "#4a5568", "face": "#b7791f",
}
PHASE_COLORS = ("#eef3f9", "#f8f4ea")


class RoleTimeline(QWidget):
    """GUI: the injects and expected responses of each played role over exercise time."""

    inject_selected = Signal(int)  # source row
    inject_moved = Signal(int, int)  # source row, new time in seconds

    def __init__(self, editor: EditorDocument, parent=None):
        super().__init__(parent)
        self.setObjectName("roleTimeline")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.editor = editor
        self.doc = editor.doc
        self.selected: int | None = None
        self._drag: tuple[int, int, float] | None = None  # row, original seconds, press x
        self._drag_seconds: int | None = None
        self._static: QPixmap | None = None
        self._static_without: int | None = None
        self._marks: list[tuple[QRectF, int]] = []
        self._lanes: list[dict] | None = None
        self._duration: int | None = None
        self._lane_ids: dict[str, int] | None = None
        self.report = None  # crisisdesk.readiness report of the last valid check
        editor.changed.connect(self._on_changed)

    # -- geometry ------------------------------------------------------------------------

    def lanes(self) -> list[dict]:
        if self._lanes is None:
            self._lanes = [r for r in self.doc.roles if isinstance(r, dict) and r.get("kind") != "simulated"
                           and isinstance(r.get("id"), str)]
        return self._lanes

    def duration(self) -> int:
        """The time axis: the exercise's duration, or the last inject if later (kept until the data changes)."""
        if self._duration is None:
            longest = draft.offset(self.doc.exercise.get("duration")) or 3600
            for inject in self.doc.injects:
                if isinstance(inject, dict):
                    longest = max(longest, draft.offset(inject.get("at")) or 0)
            self._duration = max(longest, 60)
        return self._duration

    def _fixed_height(self, roles: int) -> int:
        return AXIS_H + LOAD_GAP + roles * LOAD_ROW_H + LEGEND_H

    def sizeHint(self) -> QSize:
        roles = len(self.lanes())
        return QSize(1000, self._fixed_height(roles) + roles * LANE_H)

    def minimumSizeHint(self) -> QSize:
        roles = len(self.lanes())
        return QSize(600, self._fixed_height(roles) + roles * MIN_LANE_H)

    @property
    def lane_h(self) -> float:
        return self._rows_h()[0]

    @property
    def load_row_h(self) -> float:
        """Load rows grow a little with the room (11 px on 1366x768, up to 16 on 1920x1080)."""
        return self._rows_h()[1]

    def _rows_h(self) -> tuple[float, float]:
        """(lane height, load row height), kept per widget height and lane count: painting 2,000
        injects asks for them tens of thousands of times."""
        key = (self.height(), len(self.lanes()))
        if getattr(self, "_rows_key", None) != key:
            per_role = self._per_role()
            load = max(LOAD_ROW_H, min(16.0, per_role * 0.3))
            self._rows_key, self._rows_value = key, (max(MIN_LANE_H, min(LANE_H, per_role - load)), load)
        return self._rows_value

    def _per_role(self) -> float:
        roles = max(1, len(self.lanes()))
        return (self.height() - AXIS_H - LOAD_GAP - LEGEND_H) / roles

    def x_of(self, seconds: float) -> float:
        width = max(50, self.width() - LABEL_W - MARGIN_R)
        return LABEL_W + width * seconds / self.duration()

    def seconds_at(self, x: float) -> int:
        width = max(50, self.width() - LABEL_W - MARGIN_R)
        return int(round((x - LABEL_W) * self.duration() / width))

    # -- following the document -----------------------------------------------------------

    def _on_changed(self, _op=None) -> None:
        self._static = None
        self._lanes = self._duration = self._lane_ids = None
        self.updateGeometry()
        self.update()

    def set_selected(self, row: int | None) -> None:
        if row != self.selected:
            self.selected = row
            self._static = None
            self.update()

    def resizeEvent(self, event) -> None:
        self._static = None
        super().resizeEvent(event)

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        without = self._drag[0] if self._drag is not None else None
        if self._static is None or self._static.size() != self.size() * self.devicePixelRatioF() \
                or self._static_without != without:
            self._static = self._render_static(without)
            self._static_without = without
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._static)
        if self._drag is not None and self._drag_seconds is not None:
            row = self._drag[0]
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_inject(painter, row, self._drag_seconds, selected=True, record=False)
            x = self.x_of(self._drag_seconds)
            painter.setPen(QPen(QColor("#c53030"), 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, AXIS_H), QPointF(x, self._lanes_bottom()))
            painter.setPen(QColor("#c53030"))
            painter.drawText(QPointF(x + 4, AXIS_H - 4), "T+" + draft.offset_text(self._drag_seconds))
        painter.end()

    def _lanes_bottom(self) -> float:
        return AXIS_H + len(self.lanes()) * self.lane_h

    def _render_static(self, without: int | None) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor("white"))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._marks = []
        lanes = self.lanes()
        bottom = self._lanes_bottom()
        duration = self.duration()
        font = QFont(self.font())
        small = QFont(font)
        small.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
        # phase bands and titles
        phases = draft.phases(self.doc.exercise)
        for i, phase in enumerate(phases):
            end = phases[i + 1].at if i + 1 < len(phases) else duration
            x0, x1 = self.x_of(phase.at), self.x_of(end)
            painter.fillRect(QRectF(x0, 16, x1 - x0, bottom - 16), QColor(PHASE_COLORS[i % 2]))
            painter.setPen(QColor("#33414f"))
            painter.setFont(small)
            title = painter.fontMetrics().elidedText(phase.title, Qt.TextElideMode.ElideRight, int(x1 - x0 - 6))
            painter.drawText(QRectF(x0 + 3, 0, x1 - x0 - 6, 16), Qt.AlignmentFlag.AlignVCenter, title)
        # time axis
        painter.setFont(small)
        step = 15 * 60
        for t in range(0, duration + 1, step):
            x = self.x_of(t)
            major = t % 3600 == 0 or (t % 1800 == 0 and self.x_of(1800) - self.x_of(0) > 40)
            painter.setPen(QPen(QColor("#9aa5b1" if major else "#d5dbe1"), 1))
            painter.drawLine(QPointF(x, AXIS_H - (8 if major else 4)), QPointF(x, bottom))
            if major and x + 40 < self.width():
                painter.setPen(QColor("#33414f"))
                painter.drawText(QPointF(x + 2, AXIS_H - 6), "T+" + draft.offset_text(t)[:4])
        # lanes
        painter.setFont(font)
        for i, role in enumerate(lanes):
            y = AXIS_H + i * self.lane_h
            painter.setPen(QPen(QColor("#e2e8f0"), 1))
            painter.drawLine(QPointF(0, y + self.lane_h), QPointF(self.width(), y + self.lane_h))
            color = QColor(str(role.get("color") or "#1f4e79"))
            painter.fillRect(QRectF(0, y + 4, 5, self.lane_h - 8), color)
            painter.setPen(QColor("#0d1b2a"))
            name = painter.fontMetrics().elidedText(f"{role['id']}", Qt.TextElideMode.ElideRight, LABEL_W - 14)
            painter.drawText(QRectF(10, y, LABEL_W - 14, self.lane_h), Qt.AlignmentFlag.AlignVCenter, name)
        # responses (under the marks), then marks
        for row, inject in enumerate(self.doc.injects):
            if row == without or not isinstance(inject, dict):
                continue
            at = draft.offset(inject.get("at"))
            if at is not None:
                self._paint_inject(painter, row, at, selected=(row == self.selected), record=True)
        self._paint_load(painter, lanes, bottom)
        self._paint_legend(painter, bottom + LOAD_GAP + len(lanes) * self.load_row_h + 4)
        painter.end()
        return pixmap

    def _lane_index(self) -> dict[str, int]:
        if self._lane_ids is None:
            self._lane_ids = {role["id"]: i for i, role in enumerate(self.lanes())}
        return self._lane_ids

    def _paint_inject(self, painter: QPainter, row: int, at: int, selected: bool, record: bool) -> None:
        inject = self.doc.injects[row]
        lanes = self._lane_index()
        x = self.x_of(at)
        for role, _action, within in draft.expected_of(inject):
            if role in lanes:
                y = AXIS_H + lanes[role] * self.lane_h + self.lane_h - 7
                bar = QRectF(x, y, max(2.0, self.x_of(at + within) - x), 4)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(200, 60, 60, 170) if selected else QColor(90, 110, 140, 110))
                painter.drawRoundedRect(bar, 2, 2)
        color = QColor(CHANNEL_COLORS.get(str(inject.get("channel")), "#4a5568"))
        manual = draft.is_manual(inject)
        for role in draft.recipients(inject, self.doc.roles):
            if role not in lanes:
                continue
            y = AXIS_H + lanes[role] * self.lane_h + 2
            rect = QRectF(x - 4, y, 8, max(6.0, min(18.0, self.lane_h - 10)))
            if selected:
                painter.setPen(QPen(QColor("#c53030"), 2))
            else:
                painter.setPen(QPen(color.darker(130), 1))
            painter.setBrush(QColor("white") if manual else color)
            painter.drawRoundedRect(rect, 2, 2)
            if record:
                self._marks.append((rect.adjusted(-2, -2, 2, 2), row))

    def set_report(self, report) -> None:
        """The readiness check's report on the package as last checked (None while it has errors)."""
        self.report = report
        self._static = None
        self.update()

    def _paint_load(self, painter: QPainter, lanes: list[dict], top: float) -> None:
        """The readiness check's 15-minute load table: injects received + responses due, per role.

        Red where the check found an overload, grey over its dead times: the figures and
        the thresholds are the check's own (crisisdesk.readiness), as `crisisdesk check` prints them.
        """
        y0 = top + LOAD_GAP
        painter.setFont(self._small_font())
        painter.setPen(QColor("#33414f"))
        report = self.report
        table = None
        if report is not None:
            try:
                table = report.load(draft.QUARTER)
            except KeyError:
                table = None
        if table is None:
            painter.drawText(QRectF(10, top + 3, self.width() - 20, LOAD_GAP - 5), Qt.AlignmentFlag.AlignVCenter,
                             self.tr("Charge par quart d'heure : affichée dès que le paquet n'a plus d'erreur."))
            return
        settings = report.settings
        painter.drawText(
            QRectF(10, top + 3, self.width() - 20, LOAD_GAP - 5), Qt.AlignmentFlag.AlignVCenter,
            self.tr("Charge par quart d'heure (vérification de préparation : injects reçus / réponses dues) — "
                    "rouge : surcharge (plus de {due} réponses ou {received} injects), gris : temps mort de plus "
                    "de {dead} min").format(due=settings.max_responses_due, received=settings.max_injects_received,
                                            dead=settings.max_dead_time // 60))
        rows = {row.role: row for row in table.rows}
        spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for finding in report.findings:
            if finding.role and finding.start is not None and finding.end is not None:
                kind = "over" if finding.kind.startswith("overload") else (
                    "dead" if finding.kind == "dead_time" else None)
                if kind:
                    spans.setdefault((finding.role, kind), []).append((finding.start, finding.end))
        for i, role in enumerate(lanes):
            y = y0 + i * self.load_row_h
            painter.setPen(QColor("#33414f"))
            painter.drawText(QRectF(10, y, LABEL_W - 14, self.load_row_h), Qt.AlignmentFlag.AlignVCenter, role["id"])
            row = rows.get(role["id"])
            if row is None:
                continue
            for start, received, due in zip(table.starts, row.received, row.due, strict=True):
                end = start + table.window
                count = received + due
                x0, x1 = self.x_of(start), self.x_of(min(end, self.duration()))
                cell = QRectF(x0 + 1, y + 1, x1 - x0 - 2, self.load_row_h - 2)
                if _overlaps(spans.get((role["id"], "over"), ()), start, end):
                    fill = QColor(OVERLOAD_COLOR)
                elif _overlaps(spans.get((role["id"], "dead"), ()), start, end) and not count:
                    fill = QColor("#a0aec0")
                elif count:
                    fill = QColor(56, 161, 105, min(255, 60 + 40 * count))
                else:
                    fill = QColor("#f1f4f7")
                painter.fillRect(cell, fill)
                if count and cell.width() > 12:
                    painter.setPen(QColor("white") if count >= 3 else QColor("#1a202c"))
                    text = f"{received}/{due}" if cell.width() > 28 else str(count)  # as `crisisdesk check` prints
                    painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_legend(self, painter: QPainter, y: float) -> None:
        """What the colours and shapes mean: channels, manual injects, response windows."""
        painter.setFont(self._small_font())
        metrics = painter.fontMetrics()
        x = 10.0
        items = [(self.tr("Canaux :"), None, False)]
        items += [(channel_label(name), QColor(color), False) for name, color in CHANNEL_COLORS.items()]
        items += [(self.tr("manuel (creux)"), QColor("#4a5568"), True), (self.tr("délai de réponse attendu"), None, True)]
        for text, color, hollow in items:
            if color is not None:
                painter.setPen(QPen(color.darker(130), 1))
                painter.setBrush(QColor("white") if hollow else color)
                painter.drawRoundedRect(QRectF(x, y + 2, 8, 14), 2, 2)
                x += 12
            elif hollow:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(90, 110, 140, 110))
                painter.drawRoundedRect(QRectF(x, y + 6, 28, 6), 2, 2)
                x += 32
            painter.setPen(QColor("#33414f"))
            painter.drawText(QPointF(x, y + 13), text)
            x += metrics.horizontalAdvance(text) + 14

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.8))
        return small

    # -- mouse: select and drag ----------------------------------------------------------------

    def row_at(self, pos: QPointF) -> int | None:
        if self._static is None:
            self._static = self._render_static(None)
            self._static_without = None
        for rect, row in reversed(self._marks):
            if rect.contains(pos):
                return row
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position())
        if row is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.inject_selected.emit(row)
        self.set_selected(row)
        at = draft.offset(self.doc.injects[row].get("at")) or 0
        self._drag = (row, at, event.position().x())
        self._drag_seconds = at

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            row = self.row_at(event.position())
            if row is not None:
                inject = self.doc.injects[row]
                QToolTip.showText(event.globalPosition().toPoint(),
                                  f"{inject.get('id')} · T+{inject.get('at')} · {inject.get('title')}", self)
            return
        row, original, press_x = self._drag
        delta = self.seconds_at(event.position().x()) - self.seconds_at(press_x)
        seconds = max(0, min(self.duration(), int(round((original + delta) / 60)) * 60))
        if seconds != self._drag_seconds:
            self._drag_seconds = seconds
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return super().mouseReleaseEvent(event)
        row, original, _x = self._drag
        seconds = self._drag_seconds
        self._drag = None
        self._drag_seconds = None
        self._static = None
        self.update()
        if seconds is not None and seconds != original:
            self.inject_moved.emit(row, seconds)


def _overlaps(spans, start: int, end: int) -> bool:
    return any(a < end and b > start for a, b in spans)
