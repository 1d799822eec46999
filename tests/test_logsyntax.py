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
