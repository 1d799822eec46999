"""Shape of the bundled Paris à 50 °C package: what a director needs to run it as it is."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from crisisdesk.package.loader import validate_package
from crisisdesk.package.model import Package
from crisisdesk.timefmt import parse_offset
from tests.conftest import ROOT

MARK = "EXERCICE EXERCICE EXERCICE"


@pytest.fixture(scope="module")
def paris() -> Package:
    root = ROOT / "injects" / "paris-50c"
    package, problems = validate_package(root)
    assert package is not None, "\n".join(str(p) for p in problems)
    return package


def test_validates_with_no_error_and_no_warning(paris_package_path):
    package, problems = validate_package(paris_package_path)
    assert package is not None
    assert [str(p) for p in problems] == []


def test_frame_is_french_three_hours_with_hot_wash(paris):
    ex = paris.exercise
    assert ex.language == "fr"
    assert ex.duration == parse_offset("3:00")
    last = ex.phases[-1]
    assert last.at == parse_offset("2:35")  # FINEX: 25 minutes of hot wash for 18 cells
    assert "débriefing" in last.title.lower()
    assert paris.inject("FINEX").at == last.at
    hot_wash = [i for i in paris.injects if not i.manual and i.at > last.at]
    assert {i.id for i in hot_wash} == {"HW1", "HW2"}
    assert {e.role for e in paris.inject("HW1").expected} == {r.id for r in paris.roles if r.played}


def test_at_least_twelve_played_roles_of_both_kinds(paris):
    played = [r for r in paris.roles if r.played]
    assert len(played) >= 12
    kinds = {r.kind for r in played}
    assert kinds == {"directorate", "partner"}
    for role in played:
        assert role.mission.strip(), role.id
        assert role.decisions, f"{role.id} owns no decision"
        assert role.resources, f"{role.id} lists no resource"
        assert role.color, f"{role.id} has no colour for the room display"
    simulated = {r.id for r in paris.roles if not r.played}
    assert {"ANIM", "METEO", "MEDIAS", "RESEAUX", "RECTORAT"} <= simulated


def test_competences_follow_the_brief(paris):
    """The préfet de police is DOS, the ARS leads health, RTE/Enedis decide load shedding."""
    pp = paris.role("PP")
    assert "DOS" in pp.mission
    assert any("réquisition" in d.lower() for d in pp.decisions)
    sante = paris.role("SANTE")
    assert any(d.startswith("ARS") for d in sante.decisions)
    assert not any(d.startswith("AP-HP") for d in sante.decisions)  # the operator has its own seat
    assert any(d.startswith("AP-HP") for d in paris.role("SAMU").decisions)
    assert any("FR-Alert" in d for d in pp.decisions)
    ops = paris.role("OPS")
    assert any("délestage" in d for d in ops.decisions)
    assert not any("délestage" in d for d in paris.role("DIR").decisions)


def test_at_least_forty_scheduled_injects_over_six_channels(paris):
    timeline = [i for i in paris.injects if not i.manual]
    assert len(timeline) >= 40
    assert len({i.channel for i in paris.injects}) >= 6


def test_every_played_role_is_explicitly_targeted(paris):
    """Counting only injects addressed by name, not `to: all`."""
    targeted = {r for i in paris.injects if not i.to_all for r in i.to}
    played = {r.id for r in paris.roles if r.played}
    assert played - targeted == set()


def test_every_objective_is_tested_and_has_criteria(paris):
    tested = {o for i in paris.injects for o in i.objectives}
    for objective in paris.exercise.objectives:
        assert objective.id in tested, objective.id
        assert len(objective.criteria) >= 3, objective.id
    assert {o.id for o in paris.exercise.objectives} == {"O1", "O2", "O3", "O4", "O5", "O6"}


def test_expected_responses_name_played_recipients_with_realistic_delays(paris):
    for inject in paris.injects:
        assert inject.objectives, f"{inject.id} tests no objective"
        round_table = inject.id in {"PS1", "PS2", "PS3", "HW1"}  # every cell speaks
        assert round_table or len(inject.expected) <= 3, inject.id
        for exp in inject.expected:
            role = paris.role(exp.role)  # KeyError if the role does not exist
            assert role.played, f"{inject.id}: {exp.role} is not played"
            assert exp.role in inject.to, f"{inject.id}: {exp.role} does not receive it"
            assert 5 * 60 <= exp.within <= 30 * 60, f"{inject.id}: within {exp.within}s"
            assert exp.criterion, f"{inject.id}: the response of {exp.role} serves no criterion"
            assert exp.criterion.split(".")[0] in inject.objectives, f"{inject.id}: {exp.criterion}"


def test_contingencies_back_up_earlier_injects(paris):
    contingencies = [i for i in paris.injects if i.contingency_for]
    assert len(contingencies) >= 2
    for inject in contingencies:
        target = paris.inject(inject.contingency_for)  # KeyError if it does not exist
        assert inject.manual
        assert inject.at > target.at, inject.id
        assert target.expected, f"{target.id} expects nothing to back up"


def test_reserve_injects_are_manual(paris):
    reserves = [i for i in paris.injects if i.manual and not i.contingency_for]
    assert len(reserves) >= 3
    assert all(i.title.startswith("Réserve") for i in reserves)


def test_scenario_runs_from_22_to_25_june_2032(paris):
    days = {paris.scenario_time_at(i.at).date() for i in paris.injects}
    assert min(days) == date(2032, 6, 22)
    assert max(days) == date(2032, 6, 25)
    assert days == {date(2032, 6, d) for d in range(22, 26)}
    play = paris.exercise.phases[:-1]
    assert [p.scenario_time.date().day for p in play] == [22, 23, 24, 25]


def test_points_de_situation_precede_each_time_jump(paris):
    ps = sorted((i for i in paris.injects if i.id.startswith("PS")), key=lambda i: i.at)
    assert [i.at for i in ps] == [parse_offset(t) for t in ("0:36", "1:16", "1:55")]
    jumps = paris.exercise.phases[1:4]
    played = {r.id for r in paris.roles if r.played}
    for point, phase in zip(ps, jumps, strict=True):
        assert point.channel == "face" and point.to_all
        assert phase.at - point.at == 10 * 60  # ten minutes: 18 cells speak 30 s at most
        assert {e.role for e in point.expected} == played
    assert paris.exercise.readiness.briefings == ("PS1", "PS2", "PS3")


def test_vigilance_goes_from_orange_to_red_and_stays_red(paris):
    indicator = next(i for i in paris.exercise.indicators if i.id == "vigilance")
    values = [indicator.initial]
    values += [i.sets["vigilance"] for i in paris.injects if not i.manual and "vigilance" in i.sets]
    assert values[0] == "orange"
    assert values[-1] == "rouge"
    first_red = values.index("rouge")
    assert all(v == "rouge" for v in values[first_red:])
    tmax = [i.sets["tmax"] for i in paris.injects if not i.manual and "tmax" in i.sets]
    assert max(tmax) == 50 and tmax[-1] == 50


def test_every_body_is_marked_and_reads_like_a_message(paris):
    for inject in paris.injects:
        assert inject.body.count(MARK) == 2, inject.id
        lines = [ln for ln in inject.body.splitlines() if ln.strip() and MARK not in ln]
        assert 3 <= len(lines) <= 10, f"{inject.id}: {len(lines)} lines"


def test_unverified_or_outdated_names_are_not_used(paris):
    """The brief marks DICOM, DCPA and DSIN as not verified; DASES and DPSP are gone."""
    root = paris.root
    text = "".join(
        (root / name).read_text(encoding="utf-8")
        for name in ("exercise.yaml", "roles.yaml", "msel.yaml")
    )
    for word in ("DICOM", "DCPA", "DSIN", "DASES", "DPSP"):
        assert not re.search(rf"\b{word}\b", text), word


def test_attachments_are_our_own_marked_drawings(paris):
    paths = {a for i in paris.injects for a in i.attachments}
    assert paths
    for rel in paths:
        assert rel.startswith("media/") and rel.endswith(".svg"), rel
        tree = ET.parse(paris.root / rel)  # well-formed XML
        assert tree.getroot().tag.endswith("svg")
        assert "EXERCICE" in (paris.root / rel).read_text(encoding="utf-8")


def test_the_readiness_check_is_clean_with_default_thresholds(paris):
    from crisisdesk.readiness import check_package

    settings = paris.exercise.readiness
    assert (settings.window, settings.max_responses_due, settings.max_dead_time) == (900, 4, 1800)
    report = check_package(paris)
    assert [f.message for f in report.findings if f.severity == "alert"] == []


def test_no_body_promises_a_deadline_the_window_contradicts(paris):
    """A body saying "avant 19 h" has a response window ending by 19 h (scenario time)."""
    for inject in paris.injects:
        for match in re.finditer(r"avant (\d{1,2}) h(?: (\d\d))?|avant midi", inject.body):
            hour = 12 if match.group(0) == "avant midi" else int(match.group(1))
            minute = int(match.group(2) or 0) if match.group(0) != "avant midi" else 0
            promised = paris.scenario_time_at(inject.at).replace(hour=hour, minute=minute)
            if promised <= paris.scenario_time_at(inject.at):
                continue  # a standing rule ("remontée avant 10 h" each morning)
            # each deadline written in a body is the end of some response window, or later
            dues = [paris.scenario_time_at(inject.at + exp.within) for exp in inject.expected]
            assert any(due <= promised for due in dues), f"{inject.id}: nothing due by {match.group(0)}"


def test_content_errors_of_the_first_edition_are_gone(paris):
    body = {i.id: i.body for i in paris.injects}
    assert "47,6 °C" in body["P4-07"] and "42,6 °C" in body["P4-07"]
    assert "réunit les\nmaires" not in body["P1-02"] and "préfet de police" in body["P1-02"]
    assert "Premier tour" not in body["P1-03"]
    assert "Rungis" not in body["P3-08"] and "Rungis" not in paris.inject("P3-08").notes
    # load shedding: Ecowatt on J0, confirmation on J+1, list around 17 h on J+2, cut on J+3
    days = [paris.scenario_time_at(paris.inject(i).at) for i in ("P1-16", "P2-12", "P3-03", "P4-11")]
    assert [d.day for d in days] == [22, 23, 24, 25] and days[2].hour == 17
    assert any("FR-Alert" in i.title for i in paris.injects)
    assert "DOS" in paris.role("DIR").mission and "préfet de police" in paris.role("DIR").mission
