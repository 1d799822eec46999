"""The hot-wash screen: ratings, findings and the improvement plan go to the file and come back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest

from crisisdesk.session import Session
from tests.helpers.observer_support import play_one_check, show_hotwash, stored_state
from tests.qt_helpers import type_text
from ui.observer.hotwash import HotWashWidget


@pytest.fixture
def ended_session(mini_session, fake_time):
    play_one_check(mini_session, fake_time)
    mini_session.log_entry(observer="Claire Dubois", role="DSOL", kind="decision",
                           text="Visites à domicile dès 10 h", tags=("strength", "O2"))
    mini_session.log_entry(observer="Marc Lefèvre", role="PP", kind="observation",
                           text="Remontées d'information trop lentes", tags=("improvement",))
    fake_time.advance(30 * 60)
    mini_session.end()
    return mini_session


@pytest.fixture
def hotwash(qtbot, ended_session):
    return show_hotwash(qtbot, ended_session, "Claire Dubois", 1200, 800)


def test_rating_needs_a_justification_then_is_stored(qtbot, hotwash, ended_session):
    card = hotwash.cards["O1"]
    assert "1 obtenue(s)" in card.evidence.text()  # the I01 check, I01 serves O1
    assert "1 entrée(s) de main courante #O2" in hotwash.cards["O2"].evidence.text()
    card.buttons["S"].click()
    card.save_button.click()
    assert ended_session.state.ratings == ()
    assert "justification" in hotwash.error_label.text()
    type_text(card.justification, "Cellule activée en 4 min, mais sans secrétariat ni main courante au début.")
    card.save_button.click()

    state = stored_state(ended_session)
    [rating] = state.ratings
    assert (rating.objective_id, rating.rating, rating.observer) == ("O1", "S", "Claire Dubois")
    assert rating.justification == "Cellule activée en 4 min, mais sans secrétariat ni main courante au début."
    assert "Noté <b>S</b> par Claire Dubois" in card.recorded.text()
    assert not card.save_button.isEnabled()  # nothing left to save

    # A new rating of the same objective replaces it (latest wins), history kept.
    card.buttons["M"].click()
    card.save_button.click()
    state = stored_state(ended_session)
    assert [r.rating for r in state.ratings] == ["M"]
    assert [r.rating for r in state.rating_history] == ["S", "M"]


def test_findings_typed_and_imported_from_tagged_entries(qtbot, hotwash, ended_session):
    type_text(hotwash.finding_text, "Très bonne coordination avec la préfecture")
    QTest.keyClick(hotwash.finding_text, Qt.Key.Key_Return)  # Enter adds a strength
    hotwash.finding_objective.setCurrentIndex(hotwash.finding_objective.findData("O2"))
    type_text(hotwash.finding_text, "Liste des personnes isolées pas à jour")
    hotwash.findChild(type(hotwash.import_button), "addImprovementFinding").click()
    assert hotwash.import_button.text() == "Reprendre les entrées marquées (2)"
    assert hotwash.import_tagged_entries() == 2
    assert not hotwash.import_button.isEnabled()
    assert hotwash.import_tagged_entries() == 0  # never twice

    state = stored_state(ended_session)
    findings = [(f.kind, f.text, f.objective_id, f.stage) for f in state.findings]
    assert findings == [
        ("strength", "Très bonne coordination avec la préfecture", None, "hotwash"),
        ("improvement", "Liste des personnes isolées pas à jour", "O2", "hotwash"),
        ("strength", "DSOL — Visites à domicile dès 10 h", "O2", "hotwash"),
        ("improvement", "PP — Remontées d'information trop lentes", None, "hotwash"),
    ]
    assert hotwash.strengths.count() == 2
    assert hotwash.improvements_list.count() == 2


def test_improvement_plan_rows_are_stored_and_listed(qtbot, hotwash, ended_session):
    type_text(hotwash.plan_action, "Former deux secrétaires de cellule à la main courante")
    hotwash.plan_owner.setCurrentIndex(hotwash.plan_owner.findData("DSOL"))
    hotwash.plan_priority.setCurrentIndex(hotwash.plan_priority.findData("high"))
    hotwash.plan_due.setDate(QDate(2032, 9, 30))
    hotwash.plan_objective.setCurrentIndex(hotwash.plan_objective.findData("O1"))
    QTest.keyClick(hotwash.plan_action, Qt.Key.Key_Return)

    state = stored_state(ended_session)
    [row] = state.improvements
    assert (row.action, row.owner_role, row.priority, row.due_date, row.objective_id) == (
        "Former deux secrétaires de cellule à la main courante", "DSOL", "high", "2032-09-30", "O1",
    )
    assert hotwash.plan.rowCount() == 1
    assert [hotwash.plan.item(0, c).text() for c in range(5)] == [
        "Former deux secrétaires de cellule à la main courante", "DSOL", "haute", "30/09/2032", "O1",
    ]
    assert hotwash.plan_action.text() == ""


def test_plan_action_field_and_column_are_wide_enough_at_the_consoles_size(qtbot, ended_session):
    """The console opens the hot wash at 900×640: the action field and column must stay readable."""
    import os
    from pathlib import Path

    widget = HotWashWidget(ended_session, observer_name="Claire Dubois")
    qtbot.addWidget(widget)
    widget.resize(900, 640)
    widget.show()
    ended_session.add_improvement(action="Former deux secrétaires de cellule à la main courante",
                                  owner_role="DSOL", priority="high", due_date="2032-09-30", objective_id="O1")
    widget.refresh()
    QTest.qWait(0)
    assert widget.minimumSizeHint().width() <= 900  # the window keeps the size the console gives it
    assert widget.plan_action.width() >= 240, widget.plan_action.width()
    assert widget.finding_text.width() >= 240, widget.finding_text.width()
    assert widget.plan.columnWidth(0) >= widget.plan.viewport().width() // 3, (
        widget.plan.columnWidth(0), widget.plan.viewport().width())
    folder = os.environ.get("CRISISDESK_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / "hotwash-900x640.png"))


def test_objective_card_shows_package_text_verbatim(qtbot):
    from types import SimpleNamespace

    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QLabel

    from ui.observer.hotwash import ObjectiveRatingCard

    objective = SimpleNamespace(id="O3", title="Alerte ARS & préfecture < 10 min",
                                criteria=("Appel reçu en <5 min", "Relais l'« EHPAD »"))
    card = ObjectiveRatingCard(objective)
    qtbot.addWidget(card)

    def shown(label: QLabel) -> str:
        document = QTextDocument()
        document.setHtml(label.text())
        return document.toPlainText()

    texts = [shown(label) for label in card.findChildren(QLabel) if label.textFormat() == Qt.TextFormat.RichText]
    assert "O3 · Alerte ARS & préfecture < 10 min" in texts
    assert "• Appel reçu en <5 min\n• Relais l'« EHPAD »" in texts


def test_importing_tagged_entries_follows_the_entry_not_its_text(qtbot, hotwash, ended_session):
    session = ended_session
    assert hotwash.import_tagged_entries() == 2
    # A correction of an imported entry is the same entry: not offered again.
    visits = next(e for e in session.state.entries if e.role == "DSOL")
    session.log_entry(observer="Claire Dubois", role="DSOL", kind="decision", supersedes=visits.entry_id,
                      text="Visites à domicile dès 9 h 30", tags=("strength", "O2"))
    # Another entry with the same text as an imported one is another finding.
    session.log_entry(observer="Marc Lefèvre", role="PP", kind="observation",
                      text="Remontées d'information trop lentes", tags=("improvement",))
    hotwash.refresh()
    assert hotwash.import_button.text() == "Reprendre les entrées marquées (1)"
    assert hotwash.import_tagged_entries() == 1
    assert hotwash.import_tagged_entries() == 0
    texts = [f.text for f in session.state.findings]
    assert texts == ["DSOL — Visites à domicile dès 10 h", "PP — Remontées d'information trop lentes",
                     "PP — Remontées d'information trop lentes"]


def test_two_windows_importing_store_each_finding_once(qtbot, hotwash, ended_session, fake_time):
    other = Session.open(ended_session.path, time_source=fake_time)
    try:
        other_window = HotWashWidget(other, observer_name="Marc Lefèvre")
        qtbot.addWidget(other_window)
        assert other_window.import_tagged_entries() == 2
        assert hotwash.import_tagged_entries() == 2  # this window had not seen them yet: same ids, stored once
    finally:
        other.close()
    assert len(ended_session.state.findings) == 2
