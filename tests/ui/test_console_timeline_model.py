"""The MSEL table model and its filter: statuses, next-inject marking, filters, Qt model contract."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from crisisdesk.package.loader import load_package
from crisisdesk.session.state import InjectState, InjectStatus
from ui.console.timeline_model import (
    INJECT_ID_ROLE,
    STATUS_ROLE,
    Column,
    TimelineFilter,
    TimelineModel,
    display_status,
)
from ui.console.timeline_view import STATUS_GROUPS


@pytest.fixture
def states(mini_package_path):
    package = load_package(mini_package_path)
    return [InjectState(inject=i, planned_at=i.at, due_at=i.at) for i in package.injects]


def test_display_status_maps_core_states(states):
    first = states[0]
    assert display_status(first) == "pending"
    assert display_status(replace(first, delayed=True)) == "delayed"
    assert display_status(replace(first, status=InjectStatus.DUE)) == "due"
    assert display_status(replace(first, status=InjectStatus.DUE, overdue=True)) == "late"
    assert display_status(replace(first, status=InjectStatus.FIRED)) == "fired"
    assert display_status(replace(first, status=InjectStatus.SKIPPED)) == "skipped"


def test_model_passes_qt_model_tester_through_resets_and_updates(qapp, states):
    model = TimelineModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_states(states)
    assert model.rowCount() == len(states)
    model.set_states([replace(states[0], status=InjectStatus.FIRED), *states[1:]])
    model.set_states(states[:2])
    assert model.rowCount() == 2


def test_next_inject_is_marked_and_past_is_grey(qapp, states):
    model = TimelineModel()
    fired = replace(states[0], status=InjectStatus.FIRED)
    model.set_states([fired, *states[1:]], next_id=states[1].inject.id)  # the core's next_to_fire
    assert model.next_id == states[1].inject.id
    next_time = model.data(model.index(1, Column.TIME))
    assert next_time.startswith("▶ ")
    assert model.data(model.index(1, Column.STATUS)) == "Prochain"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.FontRole).bold()
    grey = model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert grey.name() == "#8c8c8c"
    assert model.data(model.index(0, Column.STATUS)) == "Déclenché"


def test_a_due_next_inject_keeps_its_due_colour_with_the_mark(qapp, states):
    model = TimelineModel()
    model.set_states([replace(states[0], status=InjectStatus.DUE), *states[1:]], next_id="I01")
    assert model.data(model.index(0, Column.TIME)) == "▶ T+0:02"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole).name() == "#ffd97a"
    assert model.data(model.index(0, Column.STATUS)) == "À déclencher"
    assert not model.data(model.index(1, Column.TIME)).startswith("▶")
    model.set_states(states, ended=True, next_id="I01")  # after ENDEX nothing is next
    assert model.next_id is None


def test_due_is_amber_and_overdue_red(qapp, states):
    model = TimelineModel()
    model.set_states([replace(states[0], status=InjectStatus.DUE),
                      replace(states[1], status=InjectStatus.DUE, overdue=True), *states[2:]])
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole).name() == "#ffd97a"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole).name() == "#f5a3a3"
    assert model.data(model.index(1, Column.STATUS)) == "En retard"


def test_route_and_channel_columns(qapp, states):
    model = TimelineModel()
    model.set_states(states, next_id="I01")
    row = model.row_of("I03")
    assert model.data(model.index(row, Column.ROUTE)) == "Chaîne d'info → Tous"
    assert model.data(model.index(row, Column.CHANNEL)) == "Flash info"
    assert model.data(model.index(model.row_of("I01"), Column.TIME)) == "▶ T+0:02"


def test_filters_by_role_status_and_text(qapp, states):
    model = TimelineModel()
    model.set_states([replace(states[0], status=InjectStatus.FIRED), *states[1:]])
    proxy = TimelineFilter()
    proxy.setSourceModel(model)

    def shown():
        return [proxy.data(proxy.index(r, 0), INJECT_ID_ROLE) for r in range(proxy.rowCount())]

    proxy.set_role("DSOL")
    assert shown() == ["I02", "I03", "I03b", "I04"]  # I03 and I04 go to all
    proxy.set_role(None)
    proxy.set_statuses(STATUS_GROUPS["fired"])
    assert shown() == ["I01"]
    proxy.set_statuses(STATUS_GROUPS["open"])
    assert "I01" not in shown()
    proxy.set_statuses(None)
    proxy.set_text("rumeur")
    assert shown() == ["I05"]
    proxy.set_text("PLATEFORME")
    assert shown() == ["I02", "I03b"]
    assert all(proxy.data(proxy.index(r, 0), STATUS_ROLE) for r in range(proxy.rowCount()))
