"""Honest figures: each test plays a small session through the real engine and reads the report.

Each one failed on the report before issue 17 (unchecked counted as missed, answers
after ENDEX counted, a response counted once per objective, on-time first and
unlabelled, times in the machine's zone, imported findings twice, raw payload keys).
"""

from __future__ import annotations

import re
from html import unescape

import pytest

from crisisdesk.clock import FakeTime
from crisisdesk.package.loader import load_package
from crisisdesk.report import build_figures, render_html
from crisisdesk.session import Session
from crisisdesk.tagged_findings import imported_finding_id
from tests.report_sessions import INJECT_B, PARIS_START, write_package

MSEL = """\
- id: A
  at: "0:05"
  title: Bulletin orange
  from: METEO
  to: [DIR]
  channel: email
  body: Vigilance orange.
  expected:
    - role: DIR
      action: Activer la cellule
      within: "0:10"
  objectives: [O1, O2]
  sets: {temp: 41}
""" + INJECT_B  # B as in the known package

INDICATORS = """\
indicators:
  - id: temp
    label: Température
    initial: 38
    unit: °C
"""


def _package(tmp_path, *, timezone: str | None = None):
    folder = write_package(tmp_path / "package")
    (folder / "msel.yaml").write_text(MSEL, encoding="utf-8")
    exercise = (folder / "exercise.yaml").read_text(encoding="utf-8") + INDICATORS
    if timezone:
        exercise += f"timezone: {timezone}\n"
    (folder / "exercise.yaml").write_text(exercise, encoding="utf-8")
    return folder


def _play(tmp_path, script, *, timezone: str | None = None):
    """Create a session at PARIS_START (09:30 in Paris), run ``script(session, clock)``, return the figures."""
    clock = FakeTime(PARIS_START - 60)
    path = tmp_path / "s.crisisdesk"
    session = Session.create(path, _package(tmp_path, timezone=timezone), time_source=clock, observer="Claire")
    try:
        clock.set(PARIS_START)
        session.set_autofire(False)
        session.start()
        script(session, clock)
    finally:
        session.close()
    reader = Session.open(path, time_source=FakeTime(clock.now()), read_only=True)
    try:
        return build_figures(reader)
    finally:
        reader.close()


def _text(html: str) -> str:
    # Keeps the narrow no-break spaces; typographic apostrophes read as typed.
    return unescape(re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", html))).replace("\u2019", "'")


def test_an_unchecked_response_is_not_evaluated_not_missed(tmp_path):
    def script(session, clock):
        clock.set(PARIS_START + 300)
        session.fire("A")
        session.check_expectation("A", 0, "met", observer="Claire")
        clock.set(PARIS_START + 600)
        session.fire("B")  # nobody checks B's two responses
        clock.set(PARIS_START + 1200)
        session.end()

    fig = _play(tmp_path, script)
    assert (fig.expected_met.count, fig.expected_met.total) == (1, 1)  # over checked responses
    assert fig.expected_counts["unchecked"] == 2
    text = _text(render_html(fig))
    assert "100 %" in text and "non évaluées\u202f: 2" in text
    assert "non évaluée" in text and "non vérifiée" not in text


def test_an_entry_logged_after_endex_is_no_response(tmp_path):
    def script(session, clock):
        clock.set(PARIS_START + 300)
        session.fire("A")
        clock.set(PARIS_START + 600)
        session.fire("B")
        clock.set(PARIS_START + 700)
        session.log_entry(observer="Marc", role="DSOL", kind="action", text="Appels lancés", inject_id="B")
        clock.set(PARIS_START + 1200)
        session.end()
        clock.set(PARIS_START + 1500)  # at the hot wash: what DIR says it did is no answer in play
        session.log_entry(observer="Claire", role="DIR", kind="decision", text="Cellule activée", inject_id="A")

    fig = _play(tmp_path, script)
    assert fig.response_count == 1 and fig.median_response == 100.0
    a = next(r for r in fig.injects if r.inject_id == "A")
    assert a.expectations[0].response_time is None
    dir_role = next(r for r in fig.roles if r.role.id == "DIR")
    assert dir_role.answered == 0


def test_a_response_tied_to_two_objectives_is_counted_once_in_totals(tmp_path):
    def script(session, clock):
        clock.set(PARIS_START + 300)
        session.fire("A")  # objectives O1 and O2
        session.check_expectation("A", 0, "met", observer="Claire")
        clock.set(PARIS_START + 1200)
        session.end()

    fig = _play(tmp_path, script)
    per_objective = {o.objective.id: o.expectations["met"] for o in fig.objectives}
    assert per_objective == {"O1": 1, "O2": 1}  # shown under each objective...
    assert fig.objectives_total["met"] == 1  # ...counted once
    html = render_html(fig)
    total_row = re.search(r'<tr class="total">(.*?)</tr>', html, re.S).group(1)
    assert re.findall(r'<td class="num">(\d+)</td>', total_row)[:1] == ["1"]


def test_player_figures_come_first_and_on_time_is_labelled_as_the_animation(tmp_path):
    def script(session, clock):
        clock.set(PARIS_START + 300)
        session.fire("A")
        clock.set(PARIS_START + 1200)
        session.end()

    text = _text(render_html(_play(tmp_path, script)))
    kpis = text[text.index("Trois chiffres clés"):]
    assert kpis.index("réponses attendues obtenues") < kpis.index("délai médian de réponse") \
        < kpis.index("injects envoyés à l'heure")
    assert "injects envoyés à l'heure par l'animation" in kpis



def test_times_are_in_the_exercise_time_zone_whatever_the_machine(tmp_path, machine_in_utc):
    def script(session, clock):
        clock.set(PARIS_START + 300)
        session.fire("A")
        session.log_entry(observer="Claire", role="DIR", kind="decision", text="Cellule activée", inject_id="A")
        clock.set(PARIS_START + 1200)
        session.end()

    fig = _play(tmp_path, script)
    text = _text(render_html(fig))
    assert "09:30" in text and "07:30" not in text  # STARTEX at 09:30 in Paris, 07:30 UTC
    assert "09:35:00" in text  # the firing, in the main courante and the event annex

    fig = _play(tmp_path / "mq", script, timezone="America/Martinique")
    assert "03:30" in _text(render_html(fig))


def test_a_time_zone_unknown_is_refused_with_its_file_and_field(tmp_path):
    folder = _package(tmp_path, timezone="Europe/Pariss")
    with pytest.raises(Exception) as caught:
        load_package(folder)
    message = str(caught.value)
    assert "exercise.yaml" in message and "timezone" in message and "Europe/Pariss" in message


def test_the_time_zone_defaults_to_paris(tmp_path):
    assert load_package(_package(tmp_path)).exercise.timezone == "Europe/Paris"


def test_a_finding_imported_from_a_tagged_entry_appears_once_credited_to_its_observer(tmp_path):
    def script(session, clock):
        clock.set(PARIS_START + 300)
        session.fire("A")
        entry = session.log_entry(observer="Claire", role="DIR", kind="decision", text="Cellule activée vite",
                                  inject_id="A", tags=("O1", "strength"))
        clock.set(PARIS_START + 1200)
        session.end()
        # Paul runs the hot wash and imports it (as the hot-wash screen does).
        state = session.state
        session.add_finding("strength", "DIR — Cellule activée vite", "O1", observer="Paul",
                            event_id=imported_finding_id(state, state.entry(entry.entry_id), "strength"))

    fig = _play(tmp_path, script)
    (finding,) = fig.findings
    assert (finding.observer, finding.role, finding.objective_ids) == ("Claire", "DIR", ("O1",))
    o1 = next(o for o in fig.objectives if o.objective.id == "O1")
    assert len(o1.strengths) == 1
    lists = "".join(re.findall(r'<ul class="findings">(.*?)</ul>', render_html(fig), re.S))
    assert lists.count("Cellule activée vite") == 1 and "Claire" in lists and "Paul" not in lists


def test_the_event_annex_speaks_the_report_language(tmp_path):
    def script(session, clock):
        clock.set(PARIS_START + 120)
        session.set_autofire(True)
        clock.set(PARIS_START + 200)
        session.set_autofire(False)
        session.delay("B", 5)
        clock.set(PARIS_START + 300)
        session.fire("A")
        clock.set(PARIS_START + 1200)
        session.end()

    fig = _play(tmp_path, script)
    for lang, words in (("fr", ("envoi automatique activé", "envoi automatique désactivé", "reporté de 5 min, à T+0:15",
                                "Température → 41\u202f°C")),
                        ("en", ("auto-fire switched on", "auto-fire switched off", "delayed by 5 min, to T+0:15",
                                "Température → 41\u202f°C"))):
        html = render_html(fig, language=lang)
        annex = _text(html[html.index('id="annex-events"'):html.index('id="annex-injects"')])
        for word in words:
            assert word in annex, (lang, word)
        for key in ("due_at", "sets:", "enabled", "inject_id", "from_elapsed", "minutes:"):
            assert key not in annex, (lang, key)
