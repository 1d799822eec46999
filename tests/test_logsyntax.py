"""The quick-entry line syntax of the main courante (pure parsing, no Qt)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from crisisdesk.logsyntax import (
    complete_role,
    format_entry_line,
    latest_fired_inject_for_role,
    parse_entry_line,
)

ROLES = ("DIR", "DSOL", "PP")
INJECTS = ("I01", "I02", "I03", "I03b")
OBJECTIVES = ("O1", "O2")


def parse(line: str):
    return parse_entry_line(line, roles=ROLES, injects=INJECTS, objectives=OBJECTIVES)


def test_full_line_with_role_kind_tag_and_inject():
    entry = parse("DSOL d: Ouverture de 3 salles rafraîchies #fort >I02")
    assert entry.role == "DSOL"
    assert entry.kind == "decision"
    assert entry.text == "Ouverture de 3 salles rafraîchies"
    assert entry.tags == ("strength",)
    assert entry.inject_id == "I02"


def test_plain_text_keeps_everything_and_leaves_defaults_to_the_caller():
    entry = parse("Le préfet demande un point de situation à 15 h")
    assert (entry.role, entry.kind, entry.inject_id, entry.tags) == (None, None, None, ())
    assert entry.text == "Le préfet demande un point de situation à 15 h"


@pytest.mark.parametrize(
    ("line", "role", "kind"),
    [
        ("dsol d: x", "DSOL", "decision"),  # role code in lower case
        ("d: DSOL x", "DSOL", "decision"),  # kind first, then role
        ("DSOL: x", "DSOL", None),  # role with a colon
        ("dso: x", "DSOL", None),  # unique prefix of a role, with a colon
        ("PP dm : x", "PP", "request"),  # French space before the colon
        ("DIR décision: x", "DIR", "decision"),
        ("DIR Decision: x", "DIR", "decision"),
        ("c: x", None, "communication"),
        ("o : x", None, "observation"),
        ("? : x", None, "request"),
    ],
)
def test_forgiving_prefixes(line, role, kind):
    entry = parse(line)
    assert (entry.role, entry.kind, entry.text) == (role, kind, "x")


def test_french_words_at_the_start_are_not_taken_for_codes():
    entry = parse("DSOL a ouvert 3 salles")
    assert (entry.role, entry.kind) == ("DSOL", None)
    assert entry.text == "a ouvert 3 salles"
    entry = parse("Note : le standard est saturé")
    assert (entry.role, entry.kind, entry.unknown_role) == (None, None, None)
    assert entry.text == "Note : le standard est saturé"


def test_unknown_role_code_stays_in_the_text_and_is_reported():
    entry = parse("DSL d: visites lancées")
    assert entry.role is None
    assert entry.unknown_role == "DSL"
    assert entry.text == "DSL d: visites lancées"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("#fort", "strength"),
        ("#Fort", "strength"),
        ("#f", "strength"),
        ("#+", "strength"),
        ("#force", "strength"),
        ("#amélioration", "improvement"),
        ("#amelioration", "improvement"),
        ("#amé", "improvement"),
        ("#a", "improvement"),
        ("#-", "improvement"),
        ("#axe", "improvement"),
        ("#o2", "O2"),
    ],
)
def test_tag_spellings(tag, expected):
    entry = parse(f"DIR d: texte {tag}")
    assert entry.tags == (expected,)
    assert entry.text == "texte"


def test_several_tags_and_unknown_ones():
    entry = parse("DIR #fort visites #O1 en salle #3 #fort #zzz")
    assert entry.tags == ("strength", "O1")
    assert entry.unknown_tags == ("3", "zzz")
    assert entry.text == "visites en salle #3 #zzz"


def test_inject_reference_and_look_alikes():
    assert parse("DSOL visites >i03b").inject_id == "I03b"
    entry = parse("DSOL seuil > 40 °C dépassé")
    assert entry.inject_id is None and entry.unknown_injects == ()
    assert entry.text == "seuil > 40 °C dépassé"
    entry = parse("DSOL répond à >I99")
    assert entry.inject_id is None
    assert entry.unknown_injects == ("I99",)
    assert entry.text == "répond à >I99"


def test_format_then_parse_round_trips():
    line = format_entry_line(
        role="DSOL", kind="request", text="Demande de renforts : 20 agents", inject_id="I02",
        tags=("improvement", "O2"),
    )
    assert line == "DSOL dm: Demande de renforts : 20 agents #amélioration #O2 >I02"
    entry = parse(line)
    assert (entry.role, entry.kind, entry.text, entry.inject_id, entry.tags) == (
        "DSOL", "request", "Demande de renforts : 20 agents", "I02", ("improvement", "O2"),
    )


def test_complete_role():
    assert complete_role("d", ROLES) == ["DIR", "DSOL"]
    assert complete_role("ds", ROLES) == ["DSOL"]
    assert complete_role("x", ROLES) == []


def _state(inject_id, to, fired_at):
    return SimpleNamespace(inject=SimpleNamespace(id=inject_id, to=to), fired_at=fired_at)


def test_latest_fired_inject_for_role():
    states = [
        _state("I01", ("DIR", "PP"), 100.0),
        _state("I02", ("DSOL",), 200.0),
        _state("I03", ("DIR", "DSOL", "PP"), 300.0),
        _state("I04", ("DSOL",), None),  # not fired yet
    ]
    assert latest_fired_inject_for_role(states, "DSOL") == "I03"
    assert latest_fired_inject_for_role(states[:2], "DSOL") == "I02"
    assert latest_fired_inject_for_role(states[:2], "PP") == "I01"
    assert latest_fired_inject_for_role(states, "METEO") is None
    assert latest_fired_inject_for_role(states, None) is None


def test_a_long_capitalised_word_is_text_not_a_role():
    entry = parse("ATTENTION: le standard est saturé")
    assert (entry.role, entry.unknown_role) == (None, None)
    assert entry.text == "ATTENTION: le standard est saturé"


def _sent(inject_id, to, fired_at, expects=(), to_all=False):
    """A fired inject state; ``expects`` lists the roles of its expected responses, in order."""
    expected = tuple(SimpleNamespace(role=role, action="…", within=600) for role in expects)
    inject = SimpleNamespace(id=inject_id, to=to, to_all=to_all, expected=expected)
    return SimpleNamespace(inject=inject, fired_at=fired_at)


def _check(inject_id, index):
    return SimpleNamespace(inject_id=inject_id, index=index, status="met")


PLAYED = ("DIR", "DSOL", "PP")


def test_an_open_expected_response_beats_a_more_recent_inject():
    states = [
        _sent("P1-02", ("DIR",), 300.0, expects=("DIR", "DIR")),  # COZ audioconference: DIR must answer
        _sent("P1-05", ("PP", "DIR"), 900.0, expects=("PP",)),  # Airparif: only PP must answer
    ]
    assert latest_fired_inject_for_role(states, "DIR") == "P1-02"
    assert latest_fired_inject_for_role(states, "PP") == "P1-05"


def test_once_all_its_responses_are_checked_the_most_recent_named_inject_wins():
    states = [
        _sent("P1-02", ("DIR",), 300.0, expects=("DIR", "DIR")),
        _sent("P1-05", ("PP", "DIR"), 900.0, expects=("PP",)),
    ]
    assert latest_fired_inject_for_role(states, "DIR", [_check("P1-02", 0)]) == "P1-02"  # one still open
    assert latest_fired_inject_for_role(states, "DIR", [_check("P1-02", 0), _check("P1-02", 1)]) == "P1-05"


def test_checks_of_another_roles_response_do_not_close_this_roles():
    states = [
        _sent("P1-03", ("DSOL", "DIR"), 480.0, expects=("DSOL", "DIR")),
        _sent("P1-04", ("DSOL",), 720.0),
    ]
    assert latest_fired_inject_for_role(states, "DSOL", [_check("P1-03", 1)]) == "P1-03"
    assert latest_fired_inject_for_role(states, "DSOL", [_check("P1-03", 0)]) == "P1-04"


def test_among_open_responses_the_most_recent_inject_wins():
    states = [
        _sent("P1-01", ("DIR", "PP"), 120.0, expects=("DIR",)),
        _sent("P1-03", ("DSOL", "DIR"), 480.0, expects=("DSOL", "DIR")),
    ]
    assert latest_fired_inject_for_role(states, "DIR") == "P1-03"
    assert latest_fired_inject_for_role(list(reversed(states)), "DIR") == "P1-03"  # order of the list is irrelevant


def test_an_inject_named_for_the_role_beats_a_more_recent_broadcast():
    states = [
        _sent("P1-04", ("MAIRIES", "DSOL"), 720.0),
        _sent("P1-09", PLAYED, 1800.0, to_all=True),  # sent to all, expects nothing from DSOL
    ]
    assert latest_fired_inject_for_role(states, "DSOL") == "P1-04"


def test_a_broadcast_expecting_a_response_from_the_role_counts_as_open():
    states = [
        _sent("P1-00", PLAYED, 0.0, expects=("DIR",), to_all=True),  # DEBEX: DIR opens the main courante
        _sent("P1-02", ("DIR",), 300.0),
    ]
    assert latest_fired_inject_for_role(states, "DIR") == "P1-00"
    assert latest_fired_inject_for_role(states, "DIR", [_check("P1-00", 0)]) == "P1-02"


def test_a_broadcast_is_the_last_resort_and_an_unreached_role_gets_none():
    states = [
        _sent("P1-00", PLAYED, 0.0, expects=("DIR",), to_all=True),
        _sent("P1-02", ("DIR",), 300.0),
        _sent("P1-06", ("ENF",), None, expects=("ENF",)),  # not fired yet
    ]
    assert latest_fired_inject_for_role(states, "DSOL") == "P1-00"
    assert latest_fired_inject_for_role(states, "ENF") == "P1-00"  # P1-06, for ENF, has not gone out
    assert latest_fired_inject_for_role(states[1:], "ENF") is None
    assert latest_fired_inject_for_role(states[1:], "DSOL") is None


def test_the_rule_on_the_paris_package(tmp_path, paris_package_path):
    """Replayed on the bundled exercise: DIR's entries go to the inject still waiting for DIR."""
    from crisisdesk.clock import FakeTime
    from crisisdesk.session import Session

    clock = FakeTime(1_780_000_000.0)
    session = Session.create(tmp_path / "paris.crisisdesk", paris_package_path, time_source=clock)
    try:
        session.start()
        session.set_autofire(False)
        for inject_id, minute in (("P1-00", 0), ("P1-01", 2), ("P1-02", 5)):
            clock.set(1_780_000_000.0 + minute * 60)
            session.fire(inject_id)
        state = session.state
        assert latest_fired_inject_for_role(state.injects, "DIR", state.checks) == "P1-02"
        assert latest_fired_inject_for_role(state.injects, "DSOL", state.checks) == "P1-00"  # only DEBEX reached DSOL
        for index in (0, 1):
            session.check_expectation("P1-02", index, "met", observer="Claire Dubois")
        state = session.state
        # P1-02 answered: DIR's next open response is P1-01's (two DIR items), not the DEBEX one (older).
        assert latest_fired_inject_for_role(state.injects, "DIR", state.checks) == "P1-01"
        clock.set(1_780_000_000.0 + 8 * 60)
        session.fire("P1-03")
        state = session.state
        assert latest_fired_inject_for_role(state.injects, "DSOL", state.checks) == "P1-03"
    finally:
        session.close()


def test_awaiting_only_proposes_an_inject_only_while_it_waits_for_the_role():
    states = [
        _sent("P1-00", ("DIR", "PP"), 100.0, to_all=True),  # DEBEX: a broadcast, no response expected
        _sent("P1-02", ("DIR",), 300.0, expects=("DIR",)),
    ]
    assert latest_fired_inject_for_role(states, "DIR", awaiting_only=True) == "P1-02"
    assert latest_fired_inject_for_role(states, "DIR", [_check("P1-02", 0)], awaiting_only=True) is None
    assert latest_fired_inject_for_role(states, "PP", awaiting_only=True) is None
    assert latest_fired_inject_for_role(states, "PP") == "P1-00"  # the loose guess, for comparison
