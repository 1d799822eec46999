"""The Session facade on a real file, driven by a fake clock: controller actions, scheduler, courante."""

from __future__ import annotations

import shutil
from datetime import datetime

import pytest

from crisisdesk.clock import ClockState, FakeTime
from crisisdesk.session import InjectStatus, InvalidActionError, Session, SessionError
from crisisdesk.session.replay import replay

T0 = 1_780_000_000.0


@pytest.fixture
def clock() -> FakeTime:
    return FakeTime(T0)


@pytest.fixture
def session(tmp_path, mini_package_path, clock):
    s = Session.create(tmp_path / "run.crisisdesk", mini_package_path, time_source=clock, observer="Alice")
    yield s
    s.close()


def statuses(session) -> dict[str, str]:
    return {s.id: s.status.value for s in session.state.injects}


def assert_replays_the_same(session, clock):
    assert session.state == replay(session.package, session.events_since(0), clock.now())


# -- the file and the snapshot ------------------------------------------------------------

def test_create_keeps_a_snapshot_of_the_package(tmp_path, mini_package_path, clock):
    package = tmp_path / "pkg"
    shutil.copytree(mini_package_path, package)
    (package / "media").mkdir(exist_ok=True)
    (package / "media" / "carte.txt").write_text("plan du quartier", encoding="utf-8")
    (package / "media" / "brouillon.txt").write_text("pas listé", encoding="utf-8")  # no inject lists it
    msel = package / "msel.yaml"
    msel.write_text(msel.read_text(encoding="utf-8").replace(
        "  body: Une rumeur circule.\n", "  body: Une rumeur circule.\n  attachments: [media/carte.txt]\n"),
        encoding="utf-8")
    Session.create(tmp_path / "s.crisisdesk", package, time_source=clock).close()
    msel.write_text(msel.read_text(encoding="utf-8").replace("Bulletin de vigilance orange", "CHANGÉ"),
                    encoding="utf-8")
    (package / "media" / "carte.txt").unlink()
    with Session.open(tmp_path / "s.crisisdesk", time_source=clock) as s:
        assert s.package.inject("I01").title == "Bulletin de vigilance orange"
        assert s.attachment_bytes("media/carte.txt") == b"plan du quartier"
        with pytest.raises(SessionError, match="no file media/brouillon.txt"):  # only what the package uses
            s.attachment_bytes("media/brouillon.txt")
        with pytest.raises(SessionError, match="no file media/absent.pdf"):
            s.attachment_bytes("media/absent.pdf")
        with pytest.raises(SessionError, match="not a path inside"):
            s.attachment_bytes("../msel.yaml")
        assert s.meta()["package_id"] == "mini-canicule"


def test_create_refuses_an_existing_file(session, mini_package_path):
    with pytest.raises(SessionError, match="already exists"):
        Session.create(session.path, mini_package_path)


def test_new_session_is_ready_with_the_planned_timeline(session):
    state = session.state
    assert state.clock_state is ClockState.READY
    assert state.stage == "briefing"
    assert [(s.id, s.due_at) for s in state.injects] == [
        ("I01", 120), ("I02", 300), ("I03", 600), ("I03b", 1200), ("I04", 1920), ("I05", 2400)]
    assert state.indicators == {"vigilance": "orange", "tmax": 41}
    assert state.autofire is True
    assert session.next_due_at() is None


# -- clock and controller events ---------------------------------------------------------

def test_each_action_is_an_event_with_real_exercise_and_scenario_time(session, clock):
    session.start()
    clock.advance(600)
    session.pause()
    clock.advance(300)
    session.resume()
    clock.advance(60)
    session.end()
    events = [e for e in session.state.events if e.kind in ("start", "pause", "resume", "end")]
    assert [(e.kind, e.real_time - T0, e.elapsed) for e in events] == [
        ("start", 0, 0.0), ("pause", 600, 600.0), ("resume", 900, 600.0), ("end", 960, 660.0)]
    assert events[1].scenario_time == datetime(2032, 6, 22, 8, 0)  # 10 min of play at x6
    assert session.state.clock_state is ClockState.ENDED
    assert session.state.stage == "hotwash"


def test_invalid_clock_actions_raise_a_clear_error(session):
    with pytest.raises(InvalidActionError, match="cannot pause the exercise"):
        session.pause()
    session.start()
    with pytest.raises(InvalidActionError, match="cannot start"):
        session.start()
    session.end()
    with pytest.raises(InvalidActionError, match="cannot resume"):
        session.resume()


def test_tick_fires_due_injects_and_applies_their_indicators(session, clock):
    session.start()
    assert session.next_due_at() == T0 + 120
    clock.advance(119)
    assert session.tick() == []
    clock.advance(1)
    assert session.tick() == ["I01"]
    fired = session.state.inject("I01")
    assert fired.status is InjectStatus.FIRED and fired.fired_auto
    assert (fired.fired_at, fired.fired_elapsed, fired.fired_scenario) == (T0 + 120, 120.0, datetime(2032, 6, 22, 7, 12))
    assert session.state.indicators["tmax"] == 42
    assert session.state.indicator_history[-1].source == "I01"
    assert session.next_due_at() == T0 + 300
    assert_replays_the_same(session, clock)


def test_manual_injects_wait_for_the_controller(session, clock):
    session.start()
    clock.set(T0 + 2400)
    assert session.tick() == ["I01", "I02", "I03", "I04"]  # I03b and I05 are manual
    due = [s.id for s in session.due_injects()]
    assert due == ["I03b", "I05"]
    assert session.tick() == []
    session.fire("I05")
    assert session.state.inject("I05").status is InjectStatus.FIRED
    assert session.state.inject("I04").late_seconds == 2400 - 1920


def test_autofire_off_leaves_due_injects_waiting(session, clock):
    session.start()
    session.set_autofire(False)
    clock.advance(300)
    assert session.tick() == []
    assert [s.id for s in session.due_injects()] == ["I01", "I02"]
    assert session.next_due_at() == T0 + 600  # the next status change only
    session.set_autofire(True)
    assert session.tick() == ["I01", "I02"]


def test_fire_early_skip_and_refusals(session, clock):
    with pytest.raises(InvalidActionError, match="has not started"):
        session.fire("I01")
    session.start()
    clock.advance(30)
    state = session.fire("I03", actor="Chef")
    assert state.fired_early and state.fired_by == "Chef" and state.fired_elapsed == 30
    with pytest.raises(InvalidActionError, match="already fired"):
        session.fire("I03")
    session.skip("I02")
    assert statuses(session)["I02"] == "skipped"
    with pytest.raises(InvalidActionError, match="unknown inject"):
        session.skip("NOPE")
    clock.advance(600)
    assert session.tick() == ["I01"]


def test_delay_moves_one_inject(session, clock):
    session.start()
    session.delay("I02", 5)
    assert session.state.inject("I02").due_at == 600 and session.state.inject("I02").delayed
    clock.set(T0 + 200)
    session.set_autofire(False)
    clock.set(T0 + 200)
    session.delay("I01", 3)  # already due at 120: postponed from now
    assert session.state.inject("I01").due_at == 380
    with pytest.raises(InvalidActionError, match="0 changes nothing"):
        session.delay("I03", 0)


def test_edit_before_firing_only(session, clock):
    session.start()
    edited = session.edit_inject("I02", title="Appel urgent", at="0:04", to=["DIR", "DSOL"],
                                 expected=[{"role": "DIR", "action": "Rappeler", "within": "0:05"}])
    assert edited.edited and edited.due_at == 240 and edited.planned_at == 300
    assert edited.inject.title == "Appel urgent" and edited.inject.to == ("DIR", "DSOL")
    assert edited.inject.expected[0].within == 300
    with pytest.raises(InvalidActionError, match="unknown role"):
        session.edit_inject("I02", to=["NOBODY"])
    with pytest.raises(InvalidActionError, match="cannot edit colour"):
        session.edit_inject("I02", colour="red")
    clock.advance(240)
    assert session.tick() == ["I01", "I02"]
    with pytest.raises(InvalidActionError, match="already fired"):
        session.edit_inject("I02", title="Trop tard")
    assert_replays_the_same(session, clock)


def test_add_inject_now_or_later(session, clock):
    session.start()
    clock.advance(60)
    first = session.add_inject(title="Appel du maire", body="Point de situation ?", to=["DIR"], channel="phone",
                               sender="Cabinet", fire_now=True)
    assert first == "ADHOC-1"
    assert session.state.inject(first).status is InjectStatus.FIRED and session.state.inject(first).adhoc
    second = session.add_inject(title="Rumeur", body="", to="all", channel="social", sender="X", at="0:03")
    assert session.state.inject(second).due_at == 180 and session.state.inject(second).inject.to_all
    clock.advance(120)
    assert session.tick() == ["I01", "ADHOC-2"]


def test_jump_to_next_phase_moves_it_and_the_injects_after_it(session, clock):
    session.start()
    clock.set(T0 + 700)
    session.tick()  # I01..I03
    session.jump_to_next_phase()
    state = session.state
    assert state.phase_starts == (0, 700)
    assert state.clock.current_phase(clock.now()).title == "J+1 — après-midi"
    assert state.clock.scenario_time(clock.now()) == datetime(2032, 6, 23, 14, 0)
    # I04 was 2 min into phase 2: it stays 2 min into it; I03b (phase 1, manual) is left behind.
    assert state.inject("I04").due_at == 820 and state.inject("I05").due_at == 1300
    assert state.inject("I03b").overdue and state.inject("I03b").status is InjectStatus.DUE
    with pytest.raises(InvalidActionError, match="last phase"):
        session.jump_to_next_phase()
    clock.set(T0 + 820)
    assert session.tick() == ["I04"]
    assert_replays_the_same(session, clock)


def test_shift_timeline_moves_what_is_left(session, clock):
    session.start()
    clock.set(T0 + 130)
    session.tick()
    session.shift_timeline(10)
    state = session.state
    assert state.inject("I01").due_at == 120  # fired: untouched
    assert state.inject("I02").due_at == 900 and state.phase_starts == (0, 2400)
    session.shift_timeline(-30)
    state = session.state
    assert state.inject("I02").due_at == 130  # never earlier than when the shift was asked
    assert state.phase_starts == (0, 600)
    assert_replays_the_same(session, clock)


def test_set_indicator_by_hand(session):
    session.set_indicator("vigilance", "rouge")
    assert session.state.indicators["vigilance"] == "rouge"
    with pytest.raises(InvalidActionError, match="unknown indicator"):
        session.set_indicator("pluie", 3)


# -- main courante and evaluation ---------------------------------------------------------

def test_log_entry_before_during_and_after_play(session, clock):
    briefing = session.log_entry(observer="Alice", role="DIR", kind="information", text="Briefing fait")
    assert (briefing.stage, briefing.elapsed, briefing.scenario_time) == ("briefing", None, None)
    session.start()
    clock.advance(120)
    session.tick()
    entry = session.log_entry(observer="Bob", role="DIR", kind="decision", text="Activation de la cellule",
                              inject_id="I01", tags=["strength", "O1"])
    assert (entry.stage, entry.elapsed, entry.scenario_time, entry.tags) == (
        "play", 120.0, datetime(2032, 6, 22, 7, 12), ("strength", "O1"))
    session.end()
    hotwash = session.log_entry(observer="Alice", role=None, kind="observation", text="RETEX à chaud")
    assert hotwash.stage == "hotwash"
    assert [e.entry_id for e in session.state.entries] == [briefing.entry_id, entry.entry_id, hotwash.entry_id]
    assert session.state.entries_for_inject("I01") == (entry,)
    assert session.state.observers == ("Alice", "Bob")


def test_same_entry_id_twice_is_stored_once(session):
    first = session.log_entry(observer="Alice", role="DIR", kind="decision", text="Une fois", entry_id="abc123")
    again = session.log_entry(observer="Alice", role="DIR", kind="decision", text="Une fois", entry_id="abc123")
    assert again == first
    assert len(session.state.entry_history) == 1
    assert sum(1 for e in session.events_since(0) if e.kind == "entry") == 1


def test_a_correction_is_a_new_revision_and_history_stays(session):
    first = session.log_entry(observer="Alice", role="DSOL", kind="action", text="Appels lancés à 9h")
    fixed = session.log_entry(observer="Alice", role="DSOL", kind="action", text="Appels lancés à 10h",
                              supersedes=first.entry_id)
    other = session.log_entry(observer="Bob", role="DIR", kind="request", text="Demande de renfort")
    state = session.state
    assert fixed.revision == 2 and fixed.supersedes == first.entry_id
    assert [e.text for e in state.entries] == ["Appels lancés à 10h", "Demande de renfort"]  # keeps its place
    assert [e.text for e in state.entry_history] == ["Appels lancés à 9h", "Appels lancés à 10h", "Demande de renfort"]
    assert [e.entry_id for e in state.revisions(first.entry_id)] == [first.entry_id, fixed.entry_id]
    assert state.revisions(other.entry_id) == (other,)
    with pytest.raises(InvalidActionError, match="already corrected"):
        session.log_entry(observer="Bob", role="DSOL", kind="action", text="x", supersedes=first.entry_id)


@pytest.mark.parametrize("bad, match", [
    ({"kind": "rumour"}, "entry kind"),
    ({"role": "ZZZ"}, "unknown role"),
    ({"tags": ["great"]}, "unknown tag"),
    ({"text": "  "}, "entry text must not be empty"),
    ({"observer": ""}, "observer must not be empty"),
    ({"inject_id": "I99"}, "unknown inject"),
])
def test_log_entry_refuses_bad_fields(session, bad, match):
    fields = {"observer": "Alice", "role": "DIR", "kind": "decision", "text": "ok", **bad}
    with pytest.raises(InvalidActionError, match=match):
        session.log_entry(**fields)
    assert session.state.entries == ()


def test_expectation_checks_latest_wins(session, clock):
    session.start()
    with pytest.raises(InvalidActionError, match="has not been fired"):
        session.check_expectation("I01", 0, "met", observer="Bob")
    clock.advance(120)
    session.tick()
    clock.advance(420)
    session.check_expectation("I01", 0, "partial", observer="Bob")
    clock.advance(60)
    session.check_expectation("I01", 0, "met", observer="Bob", note="cellule activée")
    check = session.state.check_for("I01", 0)
    assert (check.status, check.role, check.action, check.delay_since_fire, check.note) == (
        "met", "DIR", "Activer la cellule de crise", 480.0, "cellule activée")
    assert len(session.state.checks) == 1 and len(session.state.check_history) == 2
    with pytest.raises(InvalidActionError, match="no item 3"):
        session.check_expectation("I01", 3, "met", observer="Bob")
    with pytest.raises(InvalidActionError, match="check status"):
        session.check_expectation("I01", 0, "ok", observer="Bob")


def test_ratings_improvements_findings(session):
    session.rate_objective("O1", "S", "Activation rapide mais main courante incomplète", observer="Eva")
    session.rate_objective("O1", "P", "Revu en équipe", observer="Eva")
    with pytest.raises(InvalidActionError, match="rating 'X'"):
        session.rate_objective("O1", "X", "", observer="Eva")
    assert [r.rating for r in session.state.ratings] == ["P"]
    assert len(session.state.rating_history) == 2
    assert session.add_improvement(action="Former les suppléants", owner_role="DIR", priority="haute",
                                   due_date="2033-01-31", objective_id="O1") == 1
    assert session.add_improvement(action="Annuaire à jour", owner_role=None, priority="moyenne", due_date=None) == 2
    assert session.add_finding("strength", "Bonne coordination", "O2", observer="Eva") == 1
    assert session.state.improvements[0].due_date == "2033-01-31"
    assert session.state.findings[0].stage == "briefing"
    with pytest.raises(InvalidActionError, match="not a date"):
        session.add_improvement(action="x", owner_role=None, priority="basse", due_date="demain")


# -- state and refresh ---------------------------------------------------------------------

def test_state_is_cached_until_something_changes(session, clock):
    first = session.state
    assert session.state is first
    session.start()
    running = session.state
    assert running is not first and session.state is running
    clock.advance(0.4)
    assert session.state is running  # same second of play
    clock.advance(1)
    assert session.state is not running


def test_refresh_reads_what_another_session_object_wrote(session, clock):
    other = Session.open(session.path, time_source=clock)
    try:
        assert session.refresh() is False
        other.log_entry(observer="Bob", role="DIR", kind="decision", text="Vu par l'autre")
        other.start()
        assert session.refresh() is True
        assert session.state.entries[-1].text == "Vu par l'autre"
        assert session.state.clock_state is ClockState.RUNNING
        assert session.refresh() is False
        # A write checks against the latest state even without a refresh first.
        clock.advance(120)
        assert other.tick() == ["I01"]
        with pytest.raises(InvalidActionError, match="already fired"):
            session.fire("I01")
        assert session.tick() == []
    finally:
        other.close()


# -- after a crash -------------------------------------------------------------------------

def test_reopening_a_running_exercise_counts_the_downtime_and_holds_what_fell_due(tmp_path, mini_package_path, clock):
    path = tmp_path / "crash.crisisdesk"
    s = Session.create(path, mini_package_path, time_source=clock)
    s.start()
    for _ in range(4):  # the controller's timer ticks: I01 fires, heartbeats are written
        clock.advance(60)
        s.tick()
    assert statuses(s)["I01"] == "fired"
    s._engine.dispose()  # the app dies: no clean-up, no last write
    clock.advance(240)  # 4 minutes down while the room keeps playing; I02 (0:05) falls due
    with Session.open(path, time_source=clock) as again:
        assert again.elapsed() == 480  # the 4 minutes count
        assert again.state.inject("I02").status is InjectStatus.DUE
        assert again.tick() == []  # never fired by itself
        state = again.state
        assert state.inject("I02").overdue
        assert state.downtime == ((T0 + 240, T0 + 480),)
        assert [s.id for s in again.due_injects()] == ["I02"]
        clock.set(T0 + 600)
        assert again.tick() == ["I03"]  # what falls due after the restart fires as usual
        again.fire("I02")
        assert again.state.inject("I02").status is InjectStatus.FIRED
        assert_replays_the_same(again, clock)


def test_a_quick_restart_records_no_downtime(tmp_path, mini_package_path, clock):
    path = tmp_path / "quick.crisisdesk"
    s = Session.create(path, mini_package_path, time_source=clock)
    s.start()
    clock.advance(100)
    s.tick()
    s.close()
    clock.advance(5)
    with Session.open(path, time_source=clock) as again:
        assert again.tick() == []
        assert again.state.downtime == ()
        assert [e.kind for e in again.state.events][-1] == "start"  # nothing to record


def test_the_first_tick_after_reopening_records_downtime_even_with_nothing_overdue(tmp_path, mini_package_path,
                                                                                    clock):
    path = tmp_path / "idle.crisisdesk"
    s = Session.create(path, mini_package_path, time_source=clock)
    s.start()
    clock.advance(130)
    assert s.tick() == ["I01"]
    s._engine.dispose()  # dies at 0:02:10
    clock.advance(60)  # back at 0:03:10: nothing fell due meanwhile
    with Session.open(path, time_source=clock) as again:
        assert again.tick() == []
        assert again.state.downtime == ((T0 + 130, T0 + 190),)
        assert not any(s.overdue for s in again.state.injects)
        clock.set(T0 + 300)  # I02 falls due with the app up: it fires as usual
        assert again.tick() == ["I02"]


def test_session_files_and_journals_kept_in_the_package_folder_are_not_snapshotted(tmp_path, mini_package_path,
                                                                                  clock):
    package = tmp_path / "pkg"
    shutil.copytree(mini_package_path, package)
    for name in ("run.crisisdesk", "run.crisisdesk-wal", "run.crisisdesk-pending", "run.crisisdesk-pending-0a1b",
                 "run.crisisdesk.bak-v1"):
        (package / name).write_bytes(b"x")
    with Session.create(tmp_path / "s.crisisdesk", package, time_source=clock) as s:
        for name in ("run.crisisdesk-pending-0a1b", "run.crisisdesk-pending", "run.crisisdesk"):
            with pytest.raises(SessionError, match="no file"):
                s.attachment_bytes(name)


# -- a controller action that pulls an inject into the past holds it ------------------------------

def test_a_negative_shift_holds_what_it_pulls_into_the_past(session, clock):
    session.start()
    clock.set(T0 + 130)
    assert session.tick() == ["I01"]
    session.shift_timeline(-240)  # everything left would be due before now
    state = session.state
    assert [(s.id, s.due_at, s.overdue) for s in state.injects if not s.done] == [
        ("I02", 130, True), ("I03", 130, True), ("I03b", 130, True), ("I04", 130, True), ("I05", 130, True)]
    assert session.tick() == []  # nothing fires by itself, not even phase 2's I04
    assert session.next_due_at() is None
    session.fire("I02")  # the controller decides, one at a time
    assert session.state.inject("I02").status is InjectStatus.FIRED
    assert_replays_the_same(session, clock)


def test_a_negative_shift_that_stays_in_the_future_does_not_hold(session, clock):
    session.start()
    clock.set(T0 + 130)
    session.tick()
    session.shift_timeline(-2)
    assert session.state.inject("I02").due_at == 180 and not session.state.inject("I02").overdue
    clock.set(T0 + 180)
    assert session.tick() == ["I02"]


def test_a_negative_delay_or_an_edit_into_the_past_holds_the_inject(session, clock):
    session.start()
    clock.set(T0 + 100)
    session.delay("I02", -4)  # 0:05 -> 0:01, already past
    session.delay("I03", -5)  # 0:10 -> 0:05, still to come
    session.edit_inject("I04", at="0:01")
    state = session.state
    assert (state.inject("I02").due_at, state.inject("I02").overdue) == (60, True)
    assert (state.inject("I03").due_at, state.inject("I03").overdue) == (300, False)
    assert (state.inject("I04").due_at, state.inject("I04").overdue) == (60, True)
    clock.set(T0 + 120)
    assert session.tick() == ["I01"]
    clock.set(T0 + 300)
    assert session.tick() == ["I03"]
    assert [s.id for s in session.due_injects()] == ["I02", "I04"]
    session.delay("I02", 10)  # the controller puts it back in the future: it fires by itself again
    assert not session.state.inject("I02").overdue
    assert_replays_the_same(session, clock)


def test_an_entry_made_just_after_another_windows_endex_is_stamped_hot_wash(session, clock, monkeypatch):
    other = Session.open(session.path, time_source=clock)
    try:
        session.start()
        clock.advance(600)
        other.refresh()
        ended = []
        read = session.refresh

        def read_then_endex_elsewhere() -> bool:
            changed = read()
            if not ended:  # ENDEX lands between this window's last read and its write
                clock.advance(2)
                other.end()
                ended.append(clock.now())
            return changed

        monkeypatch.setattr(session, "refresh", read_then_endex_elsewhere)
        entry = session.log_entry(observer="Bob", role="DIR", kind="observation", text="Juste après ENDEX")
        finding = session.add_finding("improvement", "Fin d'exercice confuse", observer="Bob")
        assert ended
        assert (entry.stage, entry.elapsed, entry.phase_index) == ("hotwash", 602.0, 0)
        assert entry.real_time >= ended[0]
        assert session.state.findings[finding - 1].stage == "hotwash"
    finally:
        other.close()


def test_a_jump_moves_every_inject_with_the_phase_its_time_falls_in(session, clock):
    session.start()
    clock.set(T0 + 130)
    assert session.tick() == ["I01"]
    press = session.add_inject(title="Point presse", body="", to=["DIR"], channel="phone", sender="Cabinet",
                               at="0:35")  # 5 min into phase 2
    call = session.add_inject(title="Relance", body="", to=["DIR"], channel="phone", sender="Cabinet",
                              at="0:15")  # still phase 1
    session.edit_inject("I03", at="0:31")  # moved by hand into phase 2
    session.delay("I02", 30)  # 0:05 -> 0:35, phase 2
    clock.set(T0 + 200)
    session.jump_to_next_phase()  # phase 2 (planned at 0:30) starts now, at 0:03:20
    state = session.state
    assert state.phase_starts == (0, 200)
    moved = {s.id: (s.due_at, s.overdue) for s in state.injects if not s.done}
    assert moved == {
        "I03": (260, False), "I04": (320, False), "I02": (500, False), press: (500, False), "I05": (800, False),
        "I03b": (200, True), call: (200, True),  # phase 1's, left behind: held for the controller
    }
    clock.set(T0 + 500)
    assert session.tick() == ["I03", "I04", "I02", press]
    assert_replays_the_same(session, clock)


def test_fire_next_fires_the_first_due_else_the_next_to_come(session, clock):
    session.start()
    session.set_autofire(False)
    clock.set(T0 + 320)  # I01 and I02 due
    assert session.next_to_fire().id == "I01"
    assert session.fire_next(actor="Chef").id == "I01"
    assert session.fire_next().id == "I02"
    fired = session.fire_next()  # nothing due: the next to come, early
    assert (fired.id, fired.fired_early, fired.status) == ("I03", True, InjectStatus.FIRED)
    assert [session.fire_next().id for _ in range(3)] == ["I03b", "I04", "I05"]
    assert session.next_to_fire() is None
    with pytest.raises(InvalidActionError, match="no inject left to fire"):
        session.fire_next()
    session.end()
    with pytest.raises(InvalidActionError, match="has ended"):
        session.fire_next()


# -- errors: an English message, a stable code for the interface ---------------------------------

def _refusal(action) -> tuple[str, dict]:
    with pytest.raises(SessionError) as refused:
        action()
    return refused.value.code, refused.value.params


def test_refusals_carry_a_stable_code_and_their_params(session, clock):
    assert _refusal(session.pause) == ("not_started", {"action": "pause", "state": "ready"})
    assert _refusal(lambda: session.fire("I01")) == ("not_started", {"action": "fire an inject"})
    session.start()
    assert _refusal(session.resume) == ("not_paused", {"action": "resume", "state": "running"})
    assert _refusal(lambda: session.fire("NOPE")) == ("unknown_inject", {"inject_id": "NOPE"})
    session.fire("I01")
    assert _refusal(lambda: session.fire("I01")) == ("already_fired", {"inject_id": "I01"})
    session.skip("I02")
    assert _refusal(lambda: session.delay("I02", 5)) == ("already_skipped", {"inject_id": "I02"})
    assert _refusal(lambda: session.log_entry(observer="A", role="ZZZ", kind="decision", text="x")) == (
        "unknown_role", {"role": "ZZZ"})
    assert _refusal(lambda: session.rate_objective("O1", "X", "", observer="Eva")) == (
        "unknown_rating", {"value": "X", "allowed": ["P", "S", "M", "U"]})
    assert _refusal(lambda: session.edit_inject("I03", colour="red"))[0] == "not_editable"
    assert _refusal(lambda: session.edit_inject("I03", to=["NOBODY"]))[0] == "unknown_role"
    session.end()
    assert _refusal(lambda: session.skip("I03")) == ("ended", {"action": "skip an inject"})
    assert _refusal(session.fire_next) == ("ended", {"action": "fire an inject"})
