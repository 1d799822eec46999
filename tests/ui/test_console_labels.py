"""Banners show French text as written: no raw HTML entities (l&#x27;application), no lost characters."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from crisisdesk.session import Session


def displayed_text(label: QLabel) -> str:
    """Return what ``label`` shows on screen, resolving rich text the way QLabel does."""
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def test_recovery_banner_shows_apostrophes_not_entities(qtbot, qloop, tmp_path, mini_package_path, fake_time, settings):
    from ui.main_window import MainWindow

    path = tmp_path / "crash.crisisdesk"
    first = Session.create(path, mini_package_path, time_source=fake_time)
    first.start()
    fake_time.advance(30)
    first.tick()
    first.close()
    fake_time.advance(15 * 60)
    session = Session.open(path, time_source=fake_time)
    window = MainWindow(session, fake_time, settings)
    window.quit_guard.confirm_while_running = False  # pytest-qt closes it at teardown: no question then
    qtbot.addWidget(window)
    window.show()
    try:
        shown = displayed_text(window.recovery.text)
        assert "l'application était arrêtée" in shown
        assert "L'horloge a continué" in shown
        assert "&#" not in shown and "&amp;" not in shown
        from tests.ui.test_console_screens import save_shot

        save_shot(window, "recovery-banner")
    finally:
        window.driver.stop()
        session.close()


def _due(inject_id: str, title: str, overdue: bool = False, contingency_for: str | None = None):
    inject = SimpleNamespace(id=inject_id, title=title, contingency_for=contingency_for)
    return SimpleNamespace(inject=inject, overdue=overdue)


def test_due_alert_shows_titles_with_quotes_and_ampersands_verbatim(qtbot):
    from ui.console.alerts import DueAlert

    alert = DueAlert()
    qtbot.addWidget(alert)
    title = "Appel de l'ARS : « EHPAD & <urgences> »"
    alert.show_due([_due("P1-05", title, overdue=True)],
                   [(_due("P1-05b", "Relance d'Airparif", contingency_for="P1-05"), "missed")])
    assert displayed_text(alert.message) == f"En retard : P1-05 — {title}"
    assert displayed_text(alert.contingency).startswith("Rattrapage proposé : P1-05b — Relance d'Airparif (")
    assert "réponses de P1-05 manquées" in displayed_text(alert.contingency)
    alert._paint(True)
    assert "#e06666" in alert.styleSheet()  # the overdue colour still recognised
