"""The HTML report: sections, escaping of observers' text, languages, user templates, CLI."""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

import pytest

from crisisdesk.cli import main as cli_main
from crisisdesk.clock import FakeTime
from crisisdesk.report import ReportError, report_html, write_report
from crisisdesk.report.labels import LABELS
from crisisdesk.report.pdf import pdf_renderer_name, register_pdf_renderer
from crisisdesk.session import Session
from tests.report_sessions import XSS, play_known_session

SECTIONS = ["cover", "summary", "presentation", "objectives", "plan", "timeline", "roles", "annex-log", "annex-events",
            "annex-injects", "annex-roles", "annex-indicators", "annex-glossary", "hotwash"]


class _Tags(HTMLParser):
    """Collect start tags with their attributes, and the text, of an HTML document."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def plain(html: str) -> str:
    """The document's text, spaces collapsed, typographic apostrophes as typed (typography: test_report_typography.py)."""
    return " ".join("".join(parse(html).text).split()).replace("\u2019", "'")


@pytest.fixture
def ended_path(tmp_path) -> Path:
    return play_known_session(tmp_path)[0]


@pytest.fixture
def ended_html(ended_path) -> str:
    out = ended_path.with_suffix(".html")
    write_report(ended_path, out)
    return out.read_text(encoding="utf-8")


@pytest.fixture
def no_pdf_renderer():
    from crisisdesk.report import pdf

    saved = (pdf._renderer, pdf._renderer_name)
    register_pdf_renderer(None)
    yield
    pdf._renderer, pdf._renderer_name = saved


def test_sections_in_order_in_one_self_contained_file(ended_html):
    doc = parse(ended_html)
    ids = [attrs["id"] for tag, attrs in doc.tags if tag == "section"]
    assert ids == SECTIONS
    assert not [tag for tag, _ in doc.tags if tag in ("script", "link", "img", "iframe")]
    assert not [a for _, a in doc.tags if any(k in a for k in ("src", "href"))]
    assert sum(1 for tag, _ in doc.tags if tag == "svg") >= 1  # the inline chart
    assert "<style>" in ended_html and "@page" in ended_html


def test_observer_text_is_shown_as_text_never_as_markup(ended_html):
    doc = parse(ended_html)
    text = "".join(doc.text)
    assert XSS in text  # visible to the reader, as typed
    assert "<script" not in ended_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in ended_html
    # Markdown bodies are rendered, raw HTML in them is not.
    assert "<strong>Vigilance orange</strong>" in ended_html
    assert "&lt;b&gt;raw html&lt;/b&gt;" in ended_html
    # The exercise title lands in the <title>, the body and a CSS string: escaped in each.
    assert '<title>Retour d&#39;expérience (RETEX) — Exercice &#34;chiffres connus&#34; &lt;test&gt;</title>' in ended_html
    assert 'content: "Exercice \\22 chiffres connus\\22  \\3c test\\3e "' in ended_html


def test_key_figures_and_french_vocabulary(ended_html):
    text = plain(ended_html)
    for expected in ("Retour d'expérience (RETEX)", "33 %", "1 sur 3 injects programmés", "4 min",
                     "délai médian de réponse", "Chronologie : prévu / réalisé", "Points forts",
                     "Axes d'amélioration", "Plan d'actions", "Retour à chaud", "Main courante complète",
                     "Réalisé sans difficulté", "Former les cadres d'astreinte", "en retard", "annulé",
                     "remplacée par une correction", "correction de l'entrée du"):
        assert expected in text, expected
    assert "PROVISOIRE" not in text


def test_corrected_entries_are_struck_through_above_their_correction(ended_html):
    rows = [attrs.get("class", "") for tag, attrs in parse(ended_html).tags if tag == "tr"]
    assert rows.count("superseded") == 1
    first = ended_html.index(f"Activation de la cellule {XSS}".replace("<", "&lt;").replace(">", "&gt;"), ended_html.index('id="annex-log"'))
    correction = ended_html.index("Activation de la cellule de crise", first)
    assert first < correction


def test_a_long_main_courante_is_split_into_tables_in_order(ended_path, monkeypatch):
    from crisisdesk.report import render

    monkeypatch.setattr(render, "LOG_CHUNK_ROWS", 2)
    with Session.open(ended_path, time_source=FakeTime(0), read_only=True) as session:
        html = report_html(session)
        revisions = len(session.state.entry_history)
    annex = html[html.index('id="annex-log"'):html.index('id="annex-events"')]
    assert annex.count('<table class="data fixed compact log">') == (revisions + 1) // 2
    assert annex.count("<tr") - annex.count("<thead><tr") == revisions
    assert annex.index("Briefing des joueurs") < annex.index("Débriefing\u202f: RAS")  # French spacing


def test_a_running_session_is_marked_as_a_draft(tmp_path):
    path, clock = play_known_session(tmp_path, end=False)
    with Session.open(path, time_source=clock, read_only=True) as session:
        html = report_html(session)
    assert html.count("PROVISOIRE — exercice en cours") >= 3  # title, cover, summary (+ page header)
    assert "@top-center" in html


def test_english_exercise_and_language_override(tmp_path):
    path, _ = play_known_session(tmp_path, language="en")
    with Session.open(path, time_source=FakeTime(0), read_only=True) as session:
        english = report_html(session)
        french = report_html(session, language="fr")
    assert "After-action report (AAR)" in english and "Performed without challenges" in english
    assert "Retour d&#39;expérience" not in english
    assert "Retour d&#39;expérience (RETEX)" in french


def test_a_user_template_folder_overrides_the_style_or_a_block(ended_path, tmp_path):
    style = tmp_path / "style"
    style.mkdir()
    (style / "report.css.j2").write_text("body { color: rgb(1, 2, 3); }\n", encoding="utf-8")
    out = tmp_path / "styled.html"
    write_report(ended_path, out, templates=style)
    html = out.read_text(encoding="utf-8")
    assert "rgb(1, 2, 3)" in html and "--accent" not in html

    layout = tmp_path / "layout"
    layout.mkdir()
    (layout / "report.html.j2").write_text(
        '{% extends "default/report.html.j2" %}'
        "{% block cover %}<section id=\"cover\">Ville de Paris — {{ fig.exercise.title }}</section>{% endblock %}",
        encoding="utf-8",
    )
    write_report(ended_path, out, templates=layout)
    html = out.read_text(encoding="utf-8")
    assert "Ville de Paris — Exercice &#34;chiffres connus&#34; &lt;test&gt;" in html
    assert 'id="annex-roles"' in html


def test_a_broken_user_template_names_the_file_and_line(ended_path, tmp_path):
    (tmp_path / "report.html.j2").write_text("ligne 1\n{{ fig.no_such_figure }}\n", encoding="utf-8")
    with pytest.raises(ReportError, match=r"report\.html\.j2:2: .*no_such_figure"):
        write_report(ended_path, tmp_path / "out.html", templates=tmp_path)
    assert not (tmp_path / "out.html").exists()


def test_labels_exist_in_both_languages_and_never_shadow_dict_methods():
    assert LABELS["fr"].keys() == LABELS["en"].keys()
    assert not [k for k in LABELS["fr"] if hasattr(dict, k)]


def test_cli_writes_the_html_report(ended_path, tmp_path, capsys):
    out = tmp_path / "sub" / "rapport.html"
    assert cli_main(["report", str(ended_path), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    if os.name == "posix":
        assert out.stat().st_mode & 0o044 == 0o044  # readable by the people it is sent to
    assert "HTML report written" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "rapport.rtf"], "written as .html, .pdf, .docx or .odt"),
        (["-o", "rapport.html", "--templates", "/no/such/folder"], "template folder not found"),
    ],
)
def test_cli_usage_errors_are_one_line(ended_path, tmp_path, capsys, args, message):
    args = [a if not a.startswith("rapport") else str(tmp_path / a) for a in args]
    assert cli_main(["report", str(ended_path), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_cli_missing_or_foreign_session_file(tmp_path, capsys):
    assert cli_main(["report", str(tmp_path / "absent.crisisdesk"), "-o", str(tmp_path / "r.html")]) == 2
    assert "no such session file" in capsys.readouterr().err
    junk = tmp_path / "junk.crisisdesk"
    junk.write_text("not a database", encoding="utf-8")
    assert cli_main(["report", str(junk), "-o", str(tmp_path / "r.html")]) == 2
    assert "junk.crisisdesk" in capsys.readouterr().err


def test_cli_names_a_foreign_file_once(tmp_path, capsys):
    readme = tmp_path / "README.md"
    readme.write_text("# notes\n", encoding="utf-8")
    assert cli_main(["report", str(readme), "-o", str(tmp_path / "r.html")]) == 2
    assert capsys.readouterr().err == f"crisisdesk report: {readme}: not a crisisdesk session file\n"


@pytest.mark.parametrize("command", [["report", "-o", "r.html"], ["export", "--format", "json"]])
def test_cli_given_a_package_folder_says_how_to_make_a_session(paris_package_path, tmp_path, capsys, command):
    name, *options = command
    options = [str(tmp_path / o) if o.endswith(".html") else o for o in options]
    assert cli_main([name, str(paris_package_path), *options]) == 2
    err = capsys.readouterr().err
    assert err == (f"crisisdesk {name}: {paris_package_path}: this is an exercise package folder, not a session "
                   f"file: create a session with `crisisdesk new {paris_package_path} -o FILE.crisisdesk`, "
                   f"or run it with `crisisdesk rehearse {paris_package_path}`\n")
    assert cli_main([name, str(tmp_path), *options]) == 2  # any other folder
    assert capsys.readouterr().err == f"crisisdesk {name}: {tmp_path}: is a folder, not a session file (FILE.crisisdesk)\n"


def test_cli_output_that_cannot_be_written_is_one_line(ended_path, tmp_path, capsys):
    blocker = tmp_path / "rapports"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    out = blocker / "r.html"
    assert cli_main(["report", str(ended_path), "-o", str(out)]) == 2
    assert capsys.readouterr().err == f"crisisdesk report: {out}: cannot write the report: {blocker} is a file, not a folder\n"


def test_cli_pdf_without_a_renderer_says_why(ended_path, tmp_path, capsys, no_pdf_renderer):
    assert pdf_renderer_name() == ""
    assert cli_main(["report", str(ended_path), "-o", str(tmp_path / "r.pdf")]) == 2
    assert "no PDF renderer is available" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.pdf"))


def test_summary_reports_unplayed_injects_apart_after_an_early_endex(tmp_path):
    from tests.report_sessions import T0, started_known_session

    with started_known_session(tmp_path, "short.crisisdesk") as (session, clock, path):
        clock.set(T0 + 300)
        session.fire("A")
        clock.set(T0 + 360)
        session.end()
    out = tmp_path / "short.html"
    write_report(path, out)
    text = plain(out.read_text(encoding="utf-8"))
    assert "100 %" in text
    assert "1 sur 1 injects programmés dus avant la FINEX" in text
    assert "non joués : 2 (prévus après la FINEX, non comptés)" in text
    assert "non joués (prévus après la FINEX) : 2" in text


def test_chronology_shows_planned_effective_and_actual_times_of_a_moved_inject(tmp_path):
    from tests.report_sessions import T0, started_known_session

    with started_known_session(tmp_path, "moved.crisisdesk") as (session, clock, path):
        clock.set(T0 + 60)
        session.edit_inject("B", at=240)
        clock.set(T0 + 335)
        session.fire("B")
        clock.set(T0 + 360)
        session.end()
    out = tmp_path / "moved.html"
    write_report(path, out)
    html = out.read_text(encoding="utf-8")
    chrono = html[html.index('id="timeline"'):html.index('id="roles"')]
    row = next(r for r in chrono.split("<tr") if "<strong>B</strong>" in r)
    cells = [" ".join(" ".join(parse("<td" + c).text).split()) for c in row.split("<td")[1:]]
    assert cells[0] == "0:10 → 0:04"  # planned, then effective
    assert cells[1].startswith("0:05 ")  # actual (exercise time, then the clock)
    assert cells[2:4] == ["+1:35", "en retard modifié en cours de jeu"]
    text = plain(html)
    assert "envoyés : 1 (en retard : 1, en avance : 0)" in text
    assert "Prévu 0:10 (22 juin 07:10) · Effectif 0:04 · Réalisé 0:05" in text


@pytest.fixture(scope="module")
def short_paris_run(tmp_path_factory) -> Path:
    from tests.conftest import ROOT
    from tests.report_sessions import play_short_paris_run

    path = tmp_path_factory.mktemp("short") / "short.crisisdesk"
    play_short_paris_run(path, ROOT / "injects" / "paris-50c")
    return path


def test_unplayed_injects_of_an_ended_session_are_listed_compactly(short_paris_run, tmp_path):
    from crisisdesk.report import build_figures

    with Session.open(short_paris_run, time_source=FakeTime(0), read_only=True) as session:
        fig = build_figures(session)
        package = session.package
    not_played = [i for g in fig.unplayed for i in g.injects]
    reserves = [i for g in fig.unplayed for i in g.reserves]
    assert len(not_played) == fig.counts.not_reached == 62  # 66 scripted, 4 were due in the 6 minutes
    assert len(reserves) == fig.counts.unused == sum(1 for i in package.injects if i.manual)
    assert {r.status for r in not_played} == {"not_reached"}
    shown = [item.inject.inject_id for item in fig.chronology if item.inject]
    assert shown == ["P1-00", "P1-01", "P1-02", "P1-06"]  # P1-02 fell due while the app was down: a miss
    assert [g.phase_title for g in fig.unplayed][0].startswith("J0")

    out = tmp_path / "short.html"
    write_report(short_paris_run, out)
    html = out.read_text(encoding="utf-8")
    timeline = html[html.index('id="timeline"'):html.index('id="roles"')]
    assert "st-not_reached" not in timeline and "st-unused" not in timeline  # no detailed row each
    assert "Injects non joués" in timeline and "P2-00" in timeline
    annex = html[html.index('id="annex-injects"'):html.index('id="annex-roles"')]
    assert "<h3>P1-06 — " in annex and "<h3>P2-00 — " not in annex
    assert f"Les textes des {len(not_played) + len(reserves)} injects non joués" in annex


def test_improvement_plan_due_dates_are_written_in_the_report_language(short_paris_run):
    from crisisdesk.report.labels import format_day

    with Session.open(short_paris_run, time_source=FakeTime(0), read_only=True) as session:
        french = report_html(session)
        english = report_html(session, language="en")
    plan = french[french.index("Plan d\u2019actions"):french.index('id="annex-log"')]
    assert "25 février 2027" in plan and "2027-02-25" not in plan
    plan = english[english.index("Improvement plan"):english.index('id="annex-log"')]
    assert "25 February 2027" in plan and "2027-02-25" not in plan
    from datetime import date

    assert format_day(date(2026, 6, 1), "fr") == "1er juin 2026"
    assert format_day(date(2026, 6, 1), "en") == "1 June 2026"


def test_a_due_date_that_is_no_iso_date_is_shown_as_typed():
    from crisisdesk.report.render import make_environment

    env = make_environment()
    template = env.from_string("{{ value|day }}")
    assert template.render(value="fin du trimestre", lang="fr") == "fin du trimestre"
    assert template.render(value="2027-02-25", lang="fr") == "25 février 2027"
