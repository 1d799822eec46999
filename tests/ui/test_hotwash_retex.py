"""The hot-wash and RETEX screens: findings, plan lines and ratings edited and deleted by new events; the document's fields."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.helpers.observer_support import play_one_check, show_hotwash, stored_state
from tests.qt_helpers import type_text


@pytest.fixture
def ended_session(mini_session, fake_time):
    play_one_check(mini_session, fake_time)
    fake_time.advance(30 * 60)
    mini_session.end()
    mini_session.add_finding("improvement", "Alerte lente", "O1", observer="Marc Lefèvre")
    mini_session.add_improvement(action="Former les cadres", owner_role="DSOL", priority="high",
                                 due_date="2032-09-30", observer="Marc Lefèvre")
    mini_session.rate_objective("O1", "S", "Cellule lente", observer="Marc Lefèvre")
    return mini_session


@pytest.fixture
def hotwash(qtbot, ended_session):
    return show_hotwash(qtbot, ended_session, "Sophie Tran", 1366, 768)


def _save(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def _shot(widget, name):
    folder = os.environ.get("CRISISDESK_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / name))


def test_a_finding_is_edited_in_full_and_the_editor_recorded(qtbot, hotwash, ended_session):
    hotwash.improvements_list.setCurrentRow(0)
    assert hotwash.edit_finding_button.isEnabled()
    dialog = hotwash.edit_selected_finding()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.text.toPlainText() == "Alerte lente"
    dialog.text.clear()
    type_text(dialog.text, "Alerte des personnes isolées en 1 h 40")
    type_text(dialog.reference, "Plan canicule, fiche 3")
    type_text(dialog.cause, "Liste tenue à la main")
    type_text(dialog.recommendation, "Automatiser la liste")
    _shot(dialog, "finding-dialog.png")
    _save(dialog)
    (finding,) = stored_state(ended_session).findings
    assert (finding.id, finding.text, finding.reference, finding.cause, finding.recommendation) == (
        1, "Alerte des personnes isolées en 1 h 40", "Plan canicule, fiche 3", "Liste tenue à la main",
        "Automatiser la liste")
    assert (finding.observer, finding.edited_by) == ("Marc Lefèvre", "Sophie Tran")
    assert "Alerte des personnes isolées" in hotwash.improvements_list.item(0).text()


def test_a_plan_line_is_detailed_then_deleted_with_a_confirmation(qtbot, hotwash, ended_session):
    hotwash.plan.selectRow(0)
    dialog = hotwash.edit_selected_plan_line()
    qtbot.waitUntil(dialog.isVisible)
    dialog.domain.setCurrentIndex(dialog.domain.findData("training"))
    dialog.status.setCurrentIndex(dialog.status.findData("in_progress"))
    dialog.finding.setCurrentIndex(dialog.finding.findData(1))
    type_text(dialog.contact, "Mme Martin")
    _shot(dialog, "plan-line-dialog.png")
    _save(dialog)
    (line,) = stored_state(ended_session).improvements
    assert (line.domain, line.status, line.finding_id, line.contact, line.edited_by, line.due_date) == (
        "training", "in_progress", 1, "Mme Martin", "Sophie Tran", "2032-09-30")

    hotwash.plan.selectRow(0)
    confirm = hotwash.delete_selected_plan_line()
    qtbot.waitUntil(confirm.isVisible)
    confirm.reject()  # "No" is the default: nothing happens
    assert len(stored_state(ended_session).improvements) == 1
    confirm = hotwash.delete_selected_plan_line()
    qtbot.waitUntil(confirm.isVisible)
    confirm.accept()
    assert stored_state(ended_session).improvements == ()
    assert hotwash.plan.rowCount() == 0
    assert [e.kind for e in ended_session.events_since(0)].count("improvement") == 3  # nothing erased


def test_a_rating_is_withdrawn_and_the_card_is_cleared(qtbot, hotwash, ended_session):
    card = hotwash.cards["O1"]
    assert card.withdraw_button.isVisible() and card.selected_rating() == "S"
    card.withdraw_button.click()
    assert stored_state(ended_session).ratings == ()
    qtbot.waitUntil(lambda: card.selected_rating() is None)
    assert card.justification.toPlainText() == "" and not card.withdraw_button.isVisible()


def test_the_retex_document_is_drafted_then_saved(qtbot, hotwash, ended_session):
    hotwash.tabs.setCurrentWidget(hotwash.document)
    doc = hotwash.document
    assert not doc.save_button.isEnabled()
    assert doc.fill_draft() >= 2  # context and areas for improvement at least
    assert "Alerte lente" in doc.fields["improvements"].toPlainText()
    type_text(doc.author, "Claire Dubois")
    doc.status.setCurrentIndex(doc.status.findData("approved"))
    type_text(doc.fields["decisions"], "Valider le plan d'actions")
    assert doc.unsaved.isVisible() and doc.save_button.isEnabled()
    _shot(hotwash, "retex-document-1366x768.png")
    doc.save_button.click()
    retex = stored_state(ended_session).retex
    assert (retex.author, retex.status, retex.decisions, retex.updated_by) == (
        "Claire Dubois", "approved", "Valider le plan d'actions", "Sophie Tran")
    assert "Alerte lente" in retex.improvements
    assert not doc.unsaved.isVisible()


def test_the_hot_wash_at_the_laptop_size(qtbot, hotwash):
    hotwash.tabs.setCurrentIndex(0)
    hotwash.improvements_list.setCurrentRow(0)
    qtbot.waitUntil(lambda: hotwash.edit_finding_button.isEnabled())
    assert hotwash.minimumSizeHint().width() <= 1366 and hotwash.minimumSizeHint().height() <= 768
    _shot(hotwash, "hotwash-1366x768.png")
    assert hotwash.cards["O1"].withdraw_button.isVisible()
    assert hotwash.findChild(type(hotwash.detail_finding_button), "detailFinding").isVisible()
    assert hotwash.plan.item(0, 0).data(Qt.ItemDataRole.UserRole) == 1
