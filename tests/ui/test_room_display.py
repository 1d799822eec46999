"""The room display shows public content only, styled per channel, as the controller chooses."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from PySide6.QtWidgets import QLabel

from crisisdesk.package.loader import load_package
from crisisdesk.session.state import InjectState, InjectStatus
from tests.qt_helpers import save_shot
from ui.room_display import FeedCard, IndicatorTile, RoomDisplay, RoomSelection, RoomView


@pytest.fixture
def fired_states(mini_package_path):
    package = load_package(mini_package_path)
    states = []
    for number, inject in enumerate(package.injects):
        states.append(InjectState(inject=inject, planned_at=inject.at, due_at=inject.at,
                                  status=InjectStatus.FIRED, fired_at=1000.0 + number,
                                  fired_elapsed=float(inject.at)))
    return states


def _texts(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_feed_holds_fired_public_injects_newest_first(fired_states):
    selection = RoomSelection()
    feed = selection.feed(fired_states, lambda offset: datetime(2032, 6, 22, 7, 0))
    assert [item.inject_id for item in feed] == ["I05", "I03"]  # social and news only


def test_pending_public_inject_never_shown(fired_states):
    pending = [replace(s, status=InjectStatus.PENDING, fired_at=None) for s in fired_states]
    assert RoomSelection().feed(pending, lambda o: None) == ()


def test_controller_can_withdraw_and_pin(fired_states):
    selection = RoomSelection()
    by_id = {s.inject.id: s for s in fired_states}
    assert selection.toggle(by_id["I03"]) is False  # withdrawn public inject
    assert selection.toggle(by_id["I01"]) is True  # pinned e-mail
    feed = selection.feed(fired_states, lambda o: None)
    assert [item.inject_id for item in feed] == ["I05", "I01"]


def test_display_never_shows_notes_or_expected_responses(qtbot, fired_states):
    room = RoomDisplay()
    qtbot.addWidget(room)
    selection = room.selection
    for state in fired_states:
        if not state.inject.public:
            selection.toggle(state)  # even when pinned, only the public fields appear
    view = RoomView(
        exercise_title="Mini-exercice canicule",
        scenario_time=datetime(2032, 6, 22, 14, 5),
        phase_title="J0 — matin",
        indicators=(("Vigilance canicule", "rouge", ""), ("Température maximale", "45", "°C")),
        feed=selection.feed(fired_states, lambda o: datetime(2032, 6, 22, 14, 5)),
    )
    room.resize(1280, 720)
    room.show_view(view)
    room.show()
    text = _texts(room)
    assert "14:05" in text and "J0 — matin" in text
    assert "Vérifier que la communication réagit" not in text  # I03's controller note
    assert "Activer la cellule de crise" not in text  # I01's expected response
    assert len(room.findChildren(FeedCard)) == 3
    save_shot(room, "room-display-unit")


def test_vigilance_tile_takes_its_colour(qtbot):
    tile = IndicatorTile("Vigilance canicule", "rouge", "")
    qtbot.addWidget(tile)
    assert "#d62424" in tile.styleSheet()
    assert "ROUGE" in _texts(tile)
    plain = IndicatorTile("Température maximale", "45", "°C")
    qtbot.addWidget(plain)
    assert "#d62424" not in plain.styleSheet()


def test_controller_hides_parts(qtbot, fired_states):
    room = RoomDisplay()
    qtbot.addWidget(room)
    room.selection.show_indicators = False
    room.selection.show_feed = False
    view = RoomView("Titre", datetime(2032, 6, 22, 7, 0), "Phase", (("Vigilance", "orange", ""),), ())
    room.show_view(view)
    room.show()
    assert not room.indicator_box.isVisible()
    assert not room.feed_box.isVisible()
    assert room.clock_box.isVisible()


def test_room_display_text_grows_with_the_projector(qtbot):
    """The text scales with the window's height: a bigger projector picture reads from further back."""
    from PySide6.QtGui import QFontInfo

    from ui.room_display import RoomDisplay, scale_css

    assert scale_css("a { font-size: 20pt; border: 2px; }", 1.5) == "a { font-size: 30pt; border: 3px; }"
    room = RoomDisplay()
    qtbot.addWidget(room)
    room.show()
    # Sizes below the offscreen screen's, which caps a window's size.
    room.resize(1280, 720)
    qtbot.waitUntil(lambda: room.height() == 720 and abs(room.scale_factor - 1.0) < 0.01)
    large = QFontInfo(room.clock_label.font()).pixelSize()
    room.resize(720, 540)
    qtbot.waitUntil(lambda: room.height() == 540 and abs(room.scale_factor - 0.75) < 0.01)
    small = QFontInfo(room.clock_label.font()).pixelSize()
    assert large >= small * 1.25
