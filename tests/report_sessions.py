"""Session files with known numbers, built by the report tests through the real engine.

``play_known_session`` writes a three-inject package and plays it with a FakeTime so
every figure of the report is known in advance (see KNOWN below).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
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

# One inject per constant: other tests build their own MSEL from these (test_report_honest: B).
INJECT_A = """\
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
"""
INJECT_B = """\
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
"""
INJECT_C = """\
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
MSEL = INJECT_A + INJECT_B + INJECT_C

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


@contextmanager
def started_known_session(tmp_path: Path, name: str) -> Iterator[tuple[Session, FakeTime, Path]]:
    """A new session ``tmp_path/name`` on the known package, auto-fire off, started at T0.

    Yields (session, clock, path); the session is closed after the block.
    """
    clock = FakeTime(T0)
    path = tmp_path / name
    with Session.create(path, write_package(tmp_path / "package"), time_source=clock) as session:
        session.set_autofire(False)
        session.start()
        yield session, clock, path


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


PARIS_START = 1_760_427_000.0  # a Tuesday morning in October, 09:30 in Paris
OBSERVERS = ("Claire D.", "Marc L.", "Sophie T.", "Yann K.")


def play_paris_rehearsal(path: Path, package_path: Path, *, end: bool = True, seed: int = 50) -> FakeTime:
    """Play a full, deterministic rehearsal of ``package_path`` into the session ``path``.

    The clock steps by 20 s; injects fire on time by auto-fire (one is delayed 5 min,
    one skipped, a contingency and a reserve are fired by hand, one ad-hoc inject is
    added); most recipients answer 1 to 15 min after firing; observers check every
    expected response once its delay has passed (met, partial if late, missed);
    a 5-min pause; then ENDEX and a hot wash with ratings, findings and a plan.
    """
    import random

    rng = random.Random(seed)
    clock = FakeTime(PARIS_START - 900)
    session = Session.create(path, package_path, time_source=clock, observer=OBSERVERS[0])
    package = session.package
    played = {r.id: r for r in package.roles if r.played}
    try:
        session.log_entry(observer=OBSERVERS[0], role="DIR", kind="information",
                          text="Briefing des joueurs : règles du jeu et conventions d'exercice rappelées.")
        clock.set(PARIS_START)
        session.start()
        scripted = [i for i in package.injects if not i.manual]
        delayed_id, skipped_id = scripted[5].id, scripted[12].id
        manual = [i for i in package.injects if i.manual]
        fire_by_hand = {manual[0].id: manual[0].at + 240}
        if len(manual) > 2:
            fire_by_hand[manual[2].id] = manual[2].at + 60
        answers: list[tuple[float, str, str, str, str]] = []  # (elapsed, role, inject, kind, text)
        answered: dict[tuple[str, str], float] = {}
        to_check: list[tuple[float, str]] = []
        paused = adhoc_done = False
        end_at = package.exercise.phases[-1].at if len(package.exercise.phases) > 1 else package.exercise.duration
        while session.elapsed() < end_at:
            clock.advance(20)
            elapsed = session.elapsed()
            state = session.state
            if not state.inject(delayed_id).done and state.inject(delayed_id).due_at - elapsed < 120 \
                    and not state.inject(delayed_id).delayed:
                session.delay(delayed_id, 5)
            if not state.inject(skipped_id).done and state.inject(skipped_id).due_at - elapsed < 60:
                session.skip(skipped_id)
            fired = session.tick()
            for inject_id, at in list(fire_by_hand.items()):
                if elapsed >= at:
                    session.fire(inject_id, actor="Animation")
                    fired.append(inject_id)
                    del fire_by_hand[inject_id]
            if not adhoc_done and elapsed >= 80 * 60:
                fired.append(session.add_inject(
                    title="Appel d'un maire d'arrondissement", body="Le maire du 13e demande l'ouverture "
                    "d'un gymnase climatisé supplémentaire **ce soir**.", to=["MAIRIES", "DIR"], channel="phone",
                    sender="Cabinet du maire du 13e", fire_now=True))
                adhoc_done = True
            for inject_id in fired:
                inject = session.state.inject(inject_id).inject
                expected = {e.role: e for e in inject.expected}
                for role_id in dict.fromkeys([*inject.to, *expected]):
                    if role_id not in played or rng.random() > 0.8:
                        continue
                    if role_id in expected:
                        text = expected[role_id].action
                    else:
                        text = rng.choice(played[role_id].decisions or ("Prise en compte",))
                    kind = rng.choice(("decision", "decision", "action", "communication", "request"))
                    answers.append((elapsed + rng.randint(60, 900), role_id, inject_id, kind, text))
                for index, item in enumerate(inject.expected):
                    to_check.append((elapsed + item.within + 60, f"{inject_id}#{index}"))
            for answer in sorted(a for a in answers if a[0] <= elapsed):
                answers.remove(answer)
                _, role_id, inject_id, kind, text = answer
                tags = ("strength",) if rng.random() < 0.08 else ("improvement",) if rng.random() < 0.08 else ()
                objectives = session.state.inject(inject_id).inject.objectives
                if objectives and rng.random() < 0.3:
                    tags = (*tags, objectives[0])
                session.log_entry(observer=rng.choice(OBSERVERS), role=role_id, kind=kind, text=text,
                                  inject_id=inject_id, tags=tags)
                answered.setdefault((inject_id, role_id), elapsed)
            for due, key in sorted(c for c in to_check if c[0] <= elapsed):
                to_check.remove((due, key))
                if rng.random() < 0.1:
                    continue  # not every expected response gets checked
                inject_id, index = key.split("#")
                inject_state = session.state.inject(inject_id)
                item = inject_state.inject.expected[int(index)]
                when = answered.get((inject_id, item.role))
                if when is None:
                    status = "missed"
                elif when - inject_state.fired_elapsed <= item.within:
                    status = "met"
                else:
                    status = "partial"
                session.check_expectation(inject_id, int(index), status, observer=rng.choice(OBSERVERS))
            if not paused and elapsed >= 60 * 60:
                session.pause()
                clock.advance(300)
                session.resume()
                paused = True
        if end:
            session.end()
            clock.advance(120)
            ratings = "PSSMPU"
            for objective, rating in zip(package.exercise.objectives, ratings * 3, strict=False):
                session.rate_objective(objective.id, rating, f"Appréciation de l'équipe d'évaluation sur "
                                       f"« {objective.title} ».", observer="Évaluatrice principale")
            session.add_finding("strength", "La cellule de crise s'est réunie en moins de 10 minutes.",
                                package.exercise.objectives[0].id, observer=OBSERVERS[0])
            session.add_finding("strength", "Les directions ont tenu une main courante complète.",
                                observer=OBSERVERS[1])
            session.add_finding("improvement", "La remontée des informations des mairies d'arrondissement "
                                "a été lente.", observer=OBSERVERS[2])
            session.add_improvement(action="Mettre à jour l'annuaire de crise des mairies d'arrondissement",
                                    owner_role="MAIRIES", priority="high", due_date="2026-03-31",
                                    objective_id=package.exercise.objectives[0].id)
            session.add_improvement(action="Exercer la bascule du standard vers la plateforme 3975",
                                    owner_role="DSOL", priority="medium", due_date="2026-06-30")
            session.log_entry(observer=OBSERVERS[0], role="DIR", kind="observation",
                              text="Débriefing à chaud : tour de table des directions.")
    finally:
        session.close()
    return clock


SHORT_RUN_IMPROVEMENT_DUE = "2027-02-25"


def play_short_paris_run(path: Path, package_path: Path) -> FakeTime:
    """Play 6 minutes of ``package_path`` then ENDEX, as a new user did.

    Auto-fire runs; at 0:02 the controller moves P1-06 from 0:18 to 0:04; the app is
    down from 0:03:40 to 0:05:30 (P1-02 at 0:05 and P1-06 fall due meanwhile); the
    controller fires P1-06 at 0:05:35 (1:35 late) and leaves P1-02; ENDEX at 0:06:10;
    one improvement is planned for SHORT_RUN_IMPROVEMENT_DUE.
    """
    clock = FakeTime(PARIS_START - 300)
    session = Session.create(path, package_path, time_source=clock, observer=OBSERVERS[0])
    try:
        clock.set(PARIS_START)
        session.start()
        session.tick()
        while session.elapsed() < 120:
            clock.advance(20)
            session.tick()
        session.edit_inject("P1-06", at=240)
        while session.elapsed() < 220:
            clock.advance(20)
            session.tick()
        session.log_entry(observer=OBSERVERS[0], role="DIR", kind="decision",
                          text="Activation de la cellule de crise", inject_id="P1-01")
    finally:
        session.close()  # the app goes down
    clock.set(PARIS_START + 330)
    session = Session.open(path, time_source=clock)
    try:
        session.tick()  # takes over: what fell due meanwhile waits for the controller
        clock.set(PARIS_START + 335)
        session.fire("P1-06", actor="Animation")
        while session.elapsed() < 370:
            clock.advance(10)
            session.tick()
        session.end()
        clock.advance(60)
        session.add_improvement(action="Revoir l'annuaire de crise", owner_role="DIR", priority="high",
                                due_date=SHORT_RUN_IMPROVEMENT_DUE)
    finally:
        session.close()
    return clock
