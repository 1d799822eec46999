"""Session files with known numbers, built by the report tests through the real engine.

``play_known_session`` writes a three-inject package and plays it with a FakeTime so
every figure of the report is known in advance (see KNOWN below).
"""

from __future__ import annotations

from pathlib import Path

from crisisdesk.clock import FakeTime
from crisisdesk.session import Session

T0 = 1_780_000_000.0  # STARTEX, epoch seconds
XSS = "<script>alert(1)</script>"

EXERCISE = """\
format: crisisdesk/1
id: known
title: Exercice "chiffres connus" <test>
language: {language}
summary: Trois injects, des réponses à des instants connus.
duration: "0:30"
phases:
  - at: "0:00"
    title: J0
    scenario_time: "2032-06-22T07:00:00"
objectives:
  - id: O1
    title: Alerte
    criteria: [Cellule activée]
  - id: O2
    title: Protection des personnes vulnérables
    criteria: [Personnes isolées appelées]
"""

ROLES = """\
- id: DIR
  name: Direction de crise
  kind: directorate
  mission: Coordonner.
  decisions: [Activer la cellule de crise]
  resources: [Salle de crise]
  color: "#1f4e79"
- id: DSOL
  name: Solidarités
  kind: directorate
  mission: Protéger les personnes vulnérables.
  decisions: [Déclencher les appels]
  resources: [Plateforme téléphonique]
- id: METEO
  name: Météo (animation)
  kind: simulated
  mission: Bulletins.
"""

MSEL = """\
- id: A
  at: "0:05"
  title: Bulletin orange
  from: METEO
  to: [DIR]
  channel: email
  body: |
    **Vigilance orange** <b>raw html</b>
  expected:
    - role: DIR
      action: Activer la cellule
      within: "0:10"
  objectives: [O1]
- id: B
  at: "0:10"
  title: Appel plateforme
  from: METEO
  to: [DSOL]
  channel: phone
  body: 420 personnes ne répondent pas.
  expected:
    - role: DSOL
      action: Appeler les personnes isolées
      within: "0:15"
    - role: DIR
      action: Informer le maire
      within: "0:10"
  objectives: [O2]
- id: C
  at: "0:20"
  title: Flash info
  from: METEO
  to: [DIR, DSOL]
  channel: news
  body: Paris suffoque.
  expected:
    - role: DIR
      action: Communiquer
      within: "0:10"
"""

# What the report must find in the session played by play_known_session().
KNOWN = {
    "on_time": (1, 3),  # A on time; B 5 min late; C skipped
    "expected": (1, 3),  # A/0 met, B/0 partial, B/1 missed (C skipped: not counted)
    "expected_counts": {"met": 1, "partial": 1, "missed": 1, "unchecked": 0},
    "responses": [90.0, 240.0, 300.0],  # A by DIR, B by DSOL, B by DIR
    "median": 240.0,
    "played": 1800.0,  # 30 min of play; the 10-min pause is not counted
    "paused": 600.0,
}


def write_package(folder: Path, *, language: str = "fr") -> Path:
    """Write the three-inject test package into ``folder`` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "exercise.yaml").write_text(EXERCISE.format(language=language), encoding="utf-8")
    (folder / "roles.yaml").write_text(ROLES, encoding="utf-8")
    (folder / "msel.yaml").write_text(MSEL, encoding="utf-8")
    return folder


def play_known_session(tmp_path: Path, *, end: bool = True, language: str = "fr") -> tuple[Path, FakeTime]:
    """Play the known scenario into ``tmp_path/known.crisisdesk``; return (path, time)."""
    package = write_package(tmp_path / "package", language=language)
    path = tmp_path / "known.crisisdesk"
    clock = FakeTime(T0 - 600)
    session = Session.create(path, package, time_source=clock, observer="Claire")
    try:
        session.log_entry(observer="Claire", role="DIR", kind="information", text="Briefing des joueurs")
        clock.set(T0)
        session.set_autofire(False)
        session.start()
        clock.set(T0 + 300)
        session.fire("A")  # on time
        clock.set(T0 + 360)
        session.log_entry(observer="Claire", role="DIR", kind="observation", text="Le DIR lit le bulletin",
                          inject_id="A")  # an observer's note: not an answer
        clock.set(T0 + 390)
        first = session.log_entry(observer="Claire", role="DIR", kind="decision",
                                  text=f"Activation de la cellule {XSS}", inject_id="A",
                                  tags=("O1", "strength"))
        clock.set(T0 + 420)
        session.check_expectation("A", 0, "met", observer="Claire")
        clock.set(T0 + 900)
        session.fire("B")  # planned 0:10, fired 0:15: 5 min late
        clock.set(T0 + 1140)
        session.log_entry(observer="Marc", role="DSOL", kind="action", text="Appels lancés", inject_id="B")
        clock.set(T0 + 1200)
        session.log_entry(observer="Marc", role="DIR", kind="communication", text="Maire informé",
                          inject_id="B", tags=("O2", "improvement"))
        session.skip("C")
        clock.set(T0 + 1250)
        session.check_expectation("B", 0, "partial", observer="Marc", note="Trop tard")
        session.check_expectation("B", 1, "missed", observer="Marc")
        clock.set(T0 + 1300)
        session.pause()
        clock.set(T0 + 1900)
        session.resume()
        clock.set(T0 + 2000)
        # A correction keeps the time of the first answer (0:06:30).
        session.log_entry(observer="Claire", role="DIR", kind="decision", text="Activation de la cellule de crise",
                          inject_id="A", tags=("O1", "strength"), supersedes=first.entry_id)
        if end:
            clock.set(T0 + 2400)
            session.end()
            clock.set(T0 + 2500)
            session.log_entry(observer="Claire", role="DSOL", kind="observation", text="Débriefing : RAS")
            session.rate_objective("O1", "S", f"Cellule activée en 90 s {XSS}", observer="Évaluatrice")
            session.rate_objective("O1", "P", "Cellule activée en 90 s", observer="Évaluatrice")
            session.add_finding("strength", "Bonne coordination", observer="Claire")
            session.add_finding("improvement", "Alerte des personnes isolées trop lente", "O2", observer="Marc")
            session.add_improvement(action="Former les cadres d'astreinte", owner_role="DSOL", priority="high",
                                    due_date="2026-06-01", objective_id="O2")
    finally:
        session.close()
    return path, clock
