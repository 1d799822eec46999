"""The console's plain logic, without a window: enabled actions, the projector's screen, the
question before quitting, the documents' names and folders (ui/console/*)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from crisisdesk.clock import ClockState
from ui.console.action_states import clock_action_states, inject_action_states
from ui.console.documents import cards_file_name, report_file_name, session_folder, session_source
from ui.console.quit_guard import QuitQuestion, must_ask_before_quit, quit_question
from ui.console.room_control import pick_room_screen, screen_label


def enabled(states: dict[str, bool]) -> set[str]:
    return {name for name, on in states.items() if on}


# -- which actions are enabled ------------------------------------------------------------

def test_clock_actions_follow_the_exercise_clock(mini_session):
    session = mini_session
    assert enabled(clock_action_states(session.state)) == {"start"}
    session.start()
    assert enabled(clock_action_states(session.state)) == {"pause", "end", "next_phase"}
    session.pause()
    assert enabled(clock_action_states(session.state)) == {"resume", "end", "next_phase"}
    session.resume()
    session.end()
    assert enabled(clock_action_states(session.state)) == set()


def test_undo_is_enabled_once_there_is_something_to_undo(mini_session):
    session = mini_session
    session.start()
    assert not clock_action_states(session.state)["undo"]
    session.skip("I02")
    assert clock_action_states(session.state)["undo"]


def test_inject_actions_follow_the_selected_inject(mini_session):
    session = mini_session
    assert enabled(inject_action_states(None, ClockState.READY)) == set()  # nothing selected
    session.start()
    running = ClockState.RUNNING
    assert enabled(inject_action_states(session.state.inject("I01"), running)) == {"fire", "skip", "delay", "edit"}
    session.fire("I01")
    assert enabled(inject_action_states(session.state.inject("I01"), running)) == {"mark_misfired", "show_in_room"}
    session.mark_misfired("I01")
    assert enabled(inject_action_states(session.state.inject("I01"), running)) == {"show_in_room"}
    session.skip("I02")
    assert enabled(inject_action_states(session.state.inject("I02"), running)) == {"unskip"}
    session.end()
    ended = ClockState.ENDED
    # After ENDEX nothing is fired or put back in play; a pending inject can still be marked not played.
    assert enabled(inject_action_states(session.state.inject("I02"), ended)) == set()
    pending = session.state.inject("I03")
    assert not pending.done
    assert enabled(inject_action_states(pending, ended)) == {"skip", "delay", "edit"}


def test_every_state_names_a_console_action(qapp):
    from PySide6.QtGui import QAction

    from ui.console.actions import ConsoleActions

    actions = ConsoleActions()
    names = set(clock_action_states(SimpleNamespace(
        clock=SimpleNamespace(state=ClockState.READY), last_undoable=None))) | set(inject_action_states(None, ClockState.READY))
    for name in names:
        assert isinstance(getattr(actions, name), QAction), name
    actions.enable({"fire": False, "start": True})
    assert not actions.fire.isEnabled() and actions.start.isEnabled()


# -- the projector's screen ---------------------------------------------------------------

def test_room_screen_is_the_saved_one_else_one_the_console_is_not_on():
    screens = ["eDP-1", "HDMI-1"]
    by_name = str  # the screens are their names here
    assert pick_room_screen(screens, None, "eDP-1", by_name) == "HDMI-1"
    assert pick_room_screen(screens, None, "HDMI-1", by_name) == "eDP-1"
    assert pick_room_screen(screens, "eDP-1", "eDP-1", by_name) == "eDP-1"  # chosen by the user: kept
    assert pick_room_screen(screens, "DP-3", "eDP-1", by_name) == "HDMI-1"  # the saved one is unplugged
    assert pick_room_screen(["eDP-1"], None, "eDP-1", by_name) is None  # a laptop alone: no other screen
    assert pick_room_screen([], "HDMI-1", None, by_name) is None


class Screen:
    """A screen told apart by identity, not by its name."""

    def __init__(self, name: str) -> None:
        self.name = name


def test_room_screen_compares_screens_not_names():
    console, projector = Screen("same"), Screen("same")
    assert pick_room_screen([console, projector], None, console, lambda s: s.name) is projector
    assert screen_label("HDMI-1", 1920, 1080) == "HDMI-1 (1920×1080)"


# -- the question before quitting ---------------------------------------------------------

@pytest.mark.parametrize("clock, asks", [
    (ClockState.READY, False), (ClockState.RUNNING, True), (ClockState.PAUSED, True), (ClockState.ENDED, False),
])
def test_quitting_mid_exercise_asks(clock, asks):
    assert must_ask_before_quit(clock, ask_while_running=True, confirmed=False) is asks
    # Answered "Quitter" already, or the question turned off (the app ending, a test's teardown): no question.
    assert not must_ask_before_quit(clock, ask_while_running=True, confirmed=True)
    assert not must_ask_before_quit(clock, ask_while_running=False, confirmed=False)


def test_the_question_says_whether_the_clock_goes_on():
    assert quit_question("RUNNING") is QuitQuestion.RUNNING
    assert quit_question("PAUSED") is QuitQuestion.PAUSED


# -- the documents' names and folders -----------------------------------------------------

def test_document_names_carry_the_exercise_and_the_day():
    now = 1_780_000_000.0
    day = datetime.fromtimestamp(now).date().isoformat()
    assert report_file_name("paris-50c", now, "pdf") == f"retex-paris-50c-{day}.pdf"
    assert report_file_name("paris-50c", now, "html").endswith(f"{day}.html")
    assert cards_file_name("paris-50c") == "cartes-de-role-paris-50c.pdf"


def test_documents_go_beside_the_session_file(mini_session):
    folder = session_folder(mini_session, lambda: pytest.fail("a local session needs no documents folder"))
    assert folder == Path(mini_session.path).resolve().parent
    assert session_source(mini_session) == Path(mini_session.path)


def test_a_server_session_puts_documents_in_the_users_documents(tmp_path):
    location = SimpleNamespace(on_server=True)
    on_server = SimpleNamespace(location=location, path=None)
    assert session_folder(on_server, lambda: str(tmp_path)) == tmp_path
    assert session_folder(on_server, lambda: "") == Path.home()  # no documents folder on this system
    assert session_source(on_server) is location  # the runners open the server, not a file
