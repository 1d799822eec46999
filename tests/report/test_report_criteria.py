"""Analysis per objective: each criterion with its observed result (issue 17).

A package links expected responses to criteria (``criterion: O2.3``); the report gives
each criterion the checks of its linked responses (obtenue / partielle / manquée / non
évaluée), the observers' notes and the findings written on those responses, and says
so honestly when no response is linked to a criterion. Real session files, played
through the engine.
"""

from __future__ import annotations

import re
from html import unescape

from crisisdesk.clock import FakeTime
from crisisdesk.report import build_figures, render_html
from crisisdesk.session import Session
from tests.report_sessions import T0, write_package

EXERCISE = """\
format: crisisdesk/1
id: crit
title: Exercice critères
language: fr
summary: Des réponses attendues rattachées aux critères.
duration: "0:30"
phases:
  - at: "0:00"
    title: J0
    scenario_time: "2032-06-22T07:00:00"
objectives:
  - id: O1
    title: Alerte
    criteria: [Cellule activée dans les 10 minutes, Main courante tenue]
  - id: O2
    title: Protection des personnes vulnérables
    criteria: [Personnes isolées appelées, Maire informé, Public informé]
"""

MSEL = """\
- id: A
  at: "0:05"
  title: Bulletin orange
  from: METEO
  to: [DIR, DSOL]
  channel: email
  body: Vigilance orange.
  expected:
    - role: DIR
      action: Activer la cellule
      within: "0:10"
      criterion: O1.1
    - role: DSOL
      action: Rejoindre la cellule
      within: "0:10"
      criterion: O1.1
  objectives: [O1]
- id: B
  at: "0:10"
  title: Appel plateforme
  from: METEO
  to: [DSOL, DIR]
  channel: phone
  body: 420 personnes ne répondent pas.
  expected:
    - role: DSOL
      action: Appeler les personnes isolées
      within: "0:15"
      criterion: O2.1
    - role: DIR
      action: Informer le maire
      within: "0:10"
      criterion: O2.2
  objectives: [O2]
- id: C
  at: "0:20"
  title: Flash info
  from: METEO
  to: [DIR]
  channel: news
  body: Paris suffoque.
  expected:
    - role: DIR
      action: Communiquer
      within: "0:10"
      criterion: O2.3
  objectives: [O2]
"""


def _play(tmp_path):
    package = write_package(tmp_path / "package")
    (package / "exercise.yaml").write_text(EXERCISE, encoding="utf-8")
    (package / "msel.yaml").write_text(MSEL, encoding="utf-8")
    clock = FakeTime(T0)
    path = tmp_path / "crit.crisisdesk"
    with Session.create(path, package, time_source=clock, observer="Claire") as s:
        s.set_autofire(False)
        s.start()
        clock.set(T0 + 300)
        s.fire("A")
        clock.set(T0 + 400)
        s.log_entry(observer="Claire", role="DIR", kind="decision", text="Cellule activée", inject_id="A")
        s.check_expectation("A", 0, "met", observer="Claire")  # A/1 (DSOL) is never checked
        clock.set(T0 + 600)
        s.fire("B")
        clock.set(T0 + 900)
        s.log_entry(observer="Marc", role="DSOL", kind="action", text="Appels lancés tard", inject_id="B")
        s.log_entry(observer="Marc", role="DIR", kind="communication", text="Le maire n'a pas été prévenu",
                    inject_id="B", tags=("improvement",))
        s.check_expectation("B", 0, "partial", observer="Marc", note="Appels lancés après 15 minutes")
        s.check_expectation("B", 1, "missed", observer="Marc")
        s.skip("C")  # its response to O2.3 is linked but never played
        clock.set(T0 + 1800)
        s.end()
    return path, clock


def _criterion_rows(html: str) -> dict[str, str]:
    """Each criterion row of the analysis as plain text, by its key."""
    rows = {}
    for row in re.findall(r'<tr class="criterion">(.*?)</tr>', html, re.S):
        text = " ".join(unescape(re.sub(r"<[^>]+>", " ", row)).replace("\u202f", " ").replace("\xa0", " ").split())
        rows[text.split()[0]] = text
    return rows


def test_each_criterion_gets_the_checks_of_its_linked_responses(tmp_path):
    path, clock = _play(tmp_path)
    with Session.open(path, time_source=clock, read_only=True) as session:
        fig = build_figures(session)
    by_key = {c.key: c for o in fig.objectives for c in o.criteria}
    assert list(by_key) == ["O1.1", "O1.2", "O2.1", "O2.2", "O2.3"]
    assert by_key["O1.1"].counts == {"met": 1, "partial": 0, "missed": 0, "unchecked": 1}
    assert (by_key["O1.1"].linked, by_key["O1.1"].evaluated) == (2, 1)
    assert by_key["O1.2"].linked == 0 and by_key["O1.2"].played == 0  # nothing links to it
    assert by_key["O2.1"].counts == {"met": 0, "partial": 1, "missed": 0, "unchecked": 0}
    assert [e.note for e in by_key["O2.1"].notes] == ["Appels lancés après 15 minutes"]
    assert by_key["O2.2"].counts == {"met": 0, "partial": 0, "missed": 1, "unchecked": 0}
    # The DIR's tagged entry on B is the finding on the response serving O2.2, not on O2.1's (DSOL).
    assert [f.text for f in by_key["O2.2"].findings] == ["Le maire n'a pas été prévenu"]
    assert by_key["O2.1"].findings == ()
    assert (by_key["O2.3"].linked, by_key["O2.3"].played) == (1, 0)  # C was skipped


def test_the_analysis_shows_each_criterion_with_its_result_in_french(tmp_path):
    path, clock = _play(tmp_path)
    with Session.open(path, time_source=clock, read_only=True) as session:
        html = render_html(build_figures(session))
    analysis = html[html.index('id="objectives"'):html.index('id="plan"')]
    assert "Critères et résultats observés" in analysis
    rows = _criterion_rows(analysis)
    # counts in the columns obtenues / partielles / manquées / non évaluées
    assert rows["O1.1"] == "O1.1 Cellule activée dans les 10 minutes 1 0 0 1"
    assert rows["O1.2"] == "O1.2 Main courante tenue aucune réponse attendue liée"
    assert "non réalisé" not in rows["O1.2"].lower()
    assert rows["O2.1"].endswith("0 1 0 0") and "« Appels lancés après 15 minutes » (Marc, DSOL, B)" in rows["O2.1"]
    assert rows["O2.2"].endswith("0 0 1 0")
    assert "axe d’amélioration Le maire n’a pas été prévenu (DIR — Marc)" in rows["O2.2"]
    assert rows["O2.3"] == "O2.3 Public informé réponses attendues liées : 1, aucune jouée (inject non envoyé)"
    header = analysis[analysis.index('class="data fixed compact criteria"'):]
    header = header[header.index("<thead>"):header.index("</thead>")]
    header = unescape(re.sub(r"<[^>]+>", " ", header)).replace("\u00ad", "")
    assert header.split() == ["Critère", "Obtenues", "Partielles", "Manquées", "Non", "évaluées"]


def test_the_analysis_shows_each_criterion_in_english(tmp_path):
    path, clock = _play(tmp_path)
    with Session.open(path, time_source=clock, read_only=True) as session:
        html = render_html(build_figures(session), language="en")
    analysis = html[html.index('id="objectives"'):html.index('id="plan"')]
    assert "Criteria and observed results" in analysis
    rows = _criterion_rows(analysis)
    assert rows["O1.2"] == "O1.2 Main courante tenue no expected response linked"
    assert rows["O1.1"].endswith("1 0 0 1")
    assert "area for improvement" in rows["O2.2"]
    assert rows["O2.3"].endswith("linked expected responses: 1, none played (inject not fired)")


def test_an_objective_without_criteria_has_no_criteria_table(tmp_path):
    package = write_package(tmp_path / "package")
    text = (package / "exercise.yaml").read_text(encoding="utf-8")
    (package / "exercise.yaml").write_text(text.replace("    criteria: [Cellule activée]\n", "    criteria: []\n"),
                                           encoding="utf-8")
    with Session.create(tmp_path / "s.crisisdesk", package, time_source=FakeTime(T0)) as session:
        fig = build_figures(session)
    assert fig.objectives[0].criteria == () and len(fig.objectives[1].criteria) == 1
    # O2's only criterion: the known package links no response to it; never "non réalisé"
    assert fig.objectives[1].criteria[0].linked == 0
