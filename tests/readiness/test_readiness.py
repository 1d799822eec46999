"""The readiness check on packages built to show each problem once, and on the Paris package."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from crisisdesk.cli import main
from crisisdesk.package.loader import load_package, validate_package
from crisisdesk.readiness import check_package
from crisisdesk.readiness.render import render_html, render_text
from tests.conftest import ROOT
from tests.readiness_packages import inject, variant, write

PARIS = ROOT / "injects" / "paris-50c"
# The first edition, frozen: the figures issue 15 counted on it stay measurable.
PARIS_FIRST = ROOT / "tests" / "data" / "paris-50c-first-edition"


def check(data: dict, tmp_path: Path):
    folder = write(data, tmp_path / "pkg")
    return check_package(load_package(folder), folder)


def kinds(report) -> list[str]:
    return sorted(f.kind for f in report.findings)


def test_the_balanced_package_has_nothing_to_report(tmp_path):
    report = check(variant(), tmp_path)
    assert report.findings == ()
    assert not report.exceeded
    load = report.load(15 * 60)
    assert load.starts == (0, 900, 1800, 2700)
    a = next(row for row in load.rows if row.role == "A")
    # I1 0:05, I2 0:15 (+I3 0:25), I4 0:35, I5 0:45 (+I6 0:55) received; A's responses due 0:10, 0:30, 0:50
    assert a.received == (1, 2, 1, 2) and a.due == (1, 0, 1, 1)
    assert report.load(30 * 60).rows[0].received == (3, 3)


def test_overload_of_responses_due(tmp_path):
    data = variant()
    inject(data, "I3")["expected"] = [{"role": "A", "action": f"Action {n}", "within": "0:05"} for n in range(5)]
    report = check(data, tmp_path)
    [finding] = report.findings
    assert (finding.kind, finding.role, finding.start, finding.value, finding.limit) == (
        "overload_responses", "A", 1800, 5, 4)
    assert finding.file.endswith("roles.yaml") and finding.line == 1
    assert report.exceeded


def test_overload_of_injects_received(tmp_path):
    data = variant()
    for n in range(6):
        data["msel"].append({
            "id": f"X{n}", "at": "0:20", "title": "Relance", "from": "SIM", "to": ["A"],
            "channel": "phone", "body": "Encore ?",
            "expected": [{"role": "A", "action": "Répondre", "within": "0:30"}] if n == 0 else [],
        })
    report = check(data, tmp_path)
    alerts = [f for f in report.findings if f.is_alert]
    assert [(f.kind, f.role, f.start, f.value) for f in alerts] == [("overload_injects", "A", 900, 8)]
    assert kinds(report).count("inject_without_response") == 5  # notes, not alerts


def test_threshold_set_in_exercise_yaml(tmp_path):
    data = variant()
    data["exercise"]["readiness"] = {"max_injects_received": 1, "window": "0:30"}
    report = check(data, tmp_path)
    assert [(f.kind, f.role, f.start) for f in report.findings] == [
        ("overload_injects", "A", 0), ("overload_injects", "A", 1800),
        ("overload_injects", "B", 0), ("overload_injects", "B", 1800),
    ]
    assert [t.window for t in report.loads] == [900, 1800]


def test_dead_time(tmp_path):
    data = variant()
    for ident in ("I2", "I3", "I4"):
        inject(data, ident)["to"] = ["A"]
        inject(data, ident)["expected"][0]["role"] = "A"
    report = check(data, tmp_path)
    [finding] = report.findings
    # B: I1 received at 0:05, then nothing until I5 at 0:45
    assert (finding.kind, finding.role, finding.start, finding.end) == ("dead_time", "B", 300, 2700)
    assert "from 0:05 to 0:45" in finding.message


def test_a_broadcast_does_not_end_dead_time(tmp_path):
    data = variant()
    for ident in ("I2", "I3", "I4"):
        inject(data, ident)["to"] = ["A"]
        inject(data, ident)["expected"][0]["role"] = "A"
    inject(data, "I3")["to"] = "all"
    report = check(data, tmp_path)
    assert [f.kind for f in report.findings] == ["dead_time"]


@pytest.mark.parametrize("boundary", ["phase", "briefing", "endex"])
def test_response_window_crossing_a_boundary(tmp_path, boundary):
    data = variant()
    if boundary == "phase":
        data["exercise"]["phases"].append(
            {"at": "0:28", "title": "J+1", "scenario_time": "2032-06-23T07:00:00", "scale": 4})
        crossing, name, due, at = "I3", "phase jump to J+1", 1800, 1680
    elif boundary == "briefing":
        inject(data, "I3")["expected"][0]["within"] = "0:15"
        inject(data, "I4")["title"] = "Point de situation n° 1"
        crossing, name, due, at = "I3", "situation briefing I4", 2400, 2100
    else:
        inject(data, "I6")["expected"][0]["within"] = "0:10"
        crossing, name, due, at = "I6", "ENDEX", 3900, 3600
    report = check(data, tmp_path)
    [finding] = report.findings
    assert (finding.kind, finding.inject, finding.value, finding.limit) == ("crosses_boundary", crossing, due, at)
    assert name in finding.message
    assert finding.file.endswith("msel.yaml") and finding.line is not None


def test_briefings_listed_in_exercise_yaml_replace_the_titles(tmp_path):
    data = variant()
    inject(data, "I3")["expected"][0]["within"] = "0:15"
    inject(data, "I4")["title"] = "Point de situation n° 1"
    data["exercise"]["readiness"] = {"briefings": ["I5"]}
    report = check(data, tmp_path)
    assert report.findings == ()
    assert (2700, "situation briefing I5") in report.boundaries


def test_objective_tested_by_one_inject(tmp_path):
    data = variant()
    data["exercise"]["objectives"].append({"id": "O3", "title": "Informer", "criteria": ["Un communiqué."]})
    inject(data, "I6")["objectives"].append("O3")
    [finding] = check(data, tmp_path).findings
    assert (finding.kind, finding.value, finding.limit) == ("objective_undertested", 1, 2)
    assert finding.file.endswith("exercise.yaml") and finding.line is not None


def test_criterion_no_expected_response_serves(tmp_path):
    data = variant()
    data["exercise"]["objectives"].append({"id": "O3", "title": "Informer", "criteria": ["Un communiqué."]})
    for ident, at in (("N1", "0:20"), ("N2", "0:40")):
        data["msel"].append({"id": ident, "at": at, "title": "Info", "from": "SIM", "to": ["A"],
                             "channel": "news", "body": "Info.", "objectives": ["O3"]})
    report = check(data, tmp_path)
    assert kinds(report) == ["criterion_unserved", "inject_without_response", "inject_without_response"]
    assert "Un communiqué." in next(f for f in report.findings if f.kind == "criterion_unserved").message


def test_played_role_never_addressed_and_simulated_role_never_sending(tmp_path):
    data = variant()
    data["roles"].append({"id": "C", "name": "Partenaire C", "kind": "partner", "mission": "Rien.",
                          "decisions": [], "resources": []})
    data["roles"].append({"id": "SIM2", "name": "Médias", "kind": "simulated", "mission": "Presse."})
    report = check(data, tmp_path)
    assert [(f.kind, f.role, f.severity) for f in report.findings] == [
        ("role_never_addressed", "C", "alert"), ("role_never_sends", "SIM2", "note")]
    lines = (tmp_path / "pkg" / "roles.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[report.findings[0].line - 1] == "- id: C"


def test_contingency_that_backs_up_nothing(tmp_path):
    data = variant()
    data["msel"].append({"id": "N1", "at": "0:20", "title": "Info", "from": "SIM", "to": ["A"],
                         "channel": "news", "body": "Info."})
    data["msel"].append({"id": "C1", "at": "0:30", "title": "Relance", "from": "SIM", "to": ["A"],
                         "channel": "phone", "body": "Alors ?", "contingency_for": "N1"})
    report = check(data, tmp_path)
    assert [(f.kind, f.inject) for f in report.findings] == [
        ("inject_without_response", "N1"), ("contingency_backs_nothing", "C1")]


def test_attachment_never_used(tmp_path):
    data = variant()
    data["files"]["media/oubli.pdf"] = "%PDF"
    data["files"]["README.md"] = "Notes de conception."
    [finding] = check(data, tmp_path).findings
    assert (finding.kind, finding.severity) == ("attachment_unused", "note")
    assert finding.file.endswith("media/oubli.pdf")


def test_long_stretch_without_any_inject(tmp_path):
    data = variant()
    data["msel"] = [item for item in data["msel"] if item["id"] != "I3"]
    report = check(data, tmp_path)
    [finding] = report.findings
    assert (finding.kind, finding.start, finding.end) == ("long_quiet", 900, 2100)
    assert (report.pace.quiet_start, report.pace.quiet_end) == (900, 2100)


def test_last_inject_long_before_the_end(tmp_path):
    data = variant()
    data["exercise"]["duration"] = "1:20"
    report = check(data, tmp_path)
    [finding] = report.findings
    assert (finding.kind, finding.start, finding.end, finding.value) == ("early_end", 3300, 4800, 1500)
    assert report.pace.last_inject == 3300


def test_busiest_quarter_hour(tmp_path):
    data = variant()
    for n, at in enumerate(("0:26", "0:30", "0:39")):
        data["msel"].append({"id": f"X{n}", "at": at, "title": "Info", "from": "SIM", "to": ["A"],
                             "channel": "news", "body": "Info.", "expected": [
                                 {"role": "A", "action": "Lire", "within": "0:05"}]})
    pace = check(data, tmp_path).pace
    # 0:25 I3, 0:26, 0:30, 0:35 I4, 0:39: five injects within 0:25–0:40
    assert (pace.busiest_start, pace.busiest_count) == (1500, 5)


# -- exercise.yaml readiness: block ---------------------------------------------------


def test_readiness_block_errors_name_file_and_line(tmp_path):
    data = variant()
    data["exercise"]["readiness"] = {
        "window": "0:00", "max_responses_due": "4", "max_dead_time": 30, "briefings": ["I4", "PS9"],
        "max_quiet": "0:10", "min_injects_per_objective": -1, "max_injets_received": 3,
    }
    folder = write(data, tmp_path / "pkg")
    package, problems = validate_package(folder)
    assert package is None
    messages = [str(p).split("exercise.yaml:", 1)[1] for p in problems]
    text = "\n".join(messages)
    assert "readiness field 'window': must be longer than 0:00" in text
    assert "readiness field 'max_responses_due': expected a number" in text and "remove the quotes" in text
    assert "readiness field 'max_dead_time': 30 is not a time" in text
    assert "readiness field 'min_injects_per_objective': -1 is not a whole number of 0 or more" in text
    assert "readiness: unknown field 'max_injets_received' (did you mean 'max_injects_received'?)" in text
    assert "readiness field 'briefings': no inject \"PS9\" in msel.yaml" in text
    assert all(message.split(":", 1)[0].isdigit() for message in messages)  # every one has its line


def test_readiness_block_values_reach_the_package(tmp_path):
    data = variant()
    data["exercise"]["readiness"] = {"max_dead_time": "0:45", "max_quiet": "0:10", "briefings": ["I4"]}
    settings = load_package(write(data, tmp_path / "pkg")).exercise.readiness
    assert (settings.max_dead_time, settings.max_quiet, settings.briefings) == (2700, 600, ("I4",))
    assert settings.max_responses_due == 4  # default kept


# -- the command ----------------------------------------------------------------------


def test_check_command_exit_0_1_2(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(variant(), tmp_path / "ok")
    assert main(["check", "ok"]) == 0
    assert "Ready: nothing exceeds a threshold." in capsys.readouterr().out
    data = variant()
    data["exercise"]["duration"] = "1:20"
    write(data, tmp_path / "late")
    assert main(["check", "late"]) == 1
    out = capsys.readouterr().out
    assert "late/msel.yaml: the last inject is at 0:55, 0:25 before ENDEX" in out
    (tmp_path / "ok" / "roles.yaml").write_text("- id: A\n", encoding="utf-8")
    assert main(["check", "ok"]) == 2
    err = capsys.readouterr().err
    assert "roles.yaml:1" in err and "not a valid package" in err


def test_check_command_json(tmp_path, capsys):
    data = variant()
    data["msel"] = [item for item in data["msel"] if item["id"] != "I3"]
    assert main(["check", str(write(data, tmp_path / "pkg")), "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["exceeded"] is True
    assert [(f["kind"], f["severity"], f["inject"]) for f in doc["findings"]] == [("long_quiet", "alert", "I4")]
    assert doc["roles"] == ["A", "B"]
    assert doc["settings"]["max_quiet"] == 900
    assert {table["window"] for table in doc["loads"]} == {900, 1800}


def test_check_command_html_is_escaped_and_self_contained(tmp_path, capsys):
    assert main(["check", str(write(variant(), tmp_path / "pkg")), "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert "Exercice &lt;prêt&gt; &amp; équilibré" in page and "<prêt>" not in page
    assert "<svg" in page and page.count("<rect") == 2 * 4  # 2 roles × 4 quarter-hours
    assert "http" not in page.replace("http://www.w3.org/2000/svg", "")  # nothing fetched


# -- the Paris package ---------------------------------------------------------------


@pytest.fixture(scope="module")
def paris():
    return check_package(load_package(PARIS_FIRST), "injects/paris-50c")


def test_the_bundled_second_edition_is_ready():
    report = check_package(load_package(PARIS), "injects/paris-50c")
    assert not report.exceeded
    assert [f.kind for f in report.findings] == ["role_never_sends"]  # ASSOS, a note


def test_paris_measures_what_the_issue_counted(paris):
    assert paris.exceeded
    received = {row.role: sum(row.received) for row in paris.load(900).rows}
    assert received["DIR"] == 41  # of the 50 timeline injects
    dead = {(f.role, f.start, f.end) for f in paris.findings if f.kind == "dead_time"}
    assert ("BSPP", 0, 4380) in dead  # nothing before T+1:13
    assert [name for _, name in paris.boundaries][:1] == ["situation briefing PS1"]
    assert paris.boundaries[-1] == (10800, "ENDEX")
    crossing = [f for f in paris.findings if f.kind == "crosses_boundary"]
    total = sum(len(i.expected) for i in load_package(PARIS_FIRST).injects)
    assert 0.2 < len(crossing) / total < 0.4  # "about a quarter"
    overloaded = {f.role for f in paris.findings if f.kind == "overload_responses"}
    assert overloaded == {"DIR"}


def test_paris_text_table_fits_100_columns(paris):
    text = render_text(paris)
    assert max(len(line) for line in text.splitlines()) <= 100
    header = next(line for line in text.splitlines() if line.startswith("role "))
    assert header.split()[1:] == [f"{h}:{m:02d}" for h in range(3) for m in (0, 15, 30, 45)]
    assert "DIR        4/3   2/4   3/1   4/7!" in text
    assert "<svg" in render_html(paris)


def test_long_exercise_table_falls_back_to_wider_windows(tmp_path):
    data = variant()
    data["exercise"]["duration"] = "8:00"
    text = render_text(check(data, tmp_path))
    header = next(line for line in text.splitlines() if line.startswith("role "))
    assert header.split()[1:4] == ["0:00", "1:00", "2:00"]  # 16 half-hours would not fit
    assert max(len(line) for line in text.splitlines()) <= 100


def test_documented_defaults_are_the_defaults():
    from crisisdesk.package.model import ReadinessSettings
    from crisisdesk.timefmt import parse_offset

    doc = (ROOT / "docs" / "package-format.md").read_text(encoding="utf-8")
    section = doc.split("### `readiness` (in `exercise.yaml`)", 1)[1].split("```yaml", 1)[0]
    rows = dict(re.findall(r"^\| `(\w+)` \| `?\"?([^|`\"]+)\"?`? \|", section, re.MULTILINE))
    defaults = ReadinessSettings()
    assert set(rows) == set(vars(defaults))
    for key, text in rows.items():
        expected = getattr(defaults, key)
        if key == "briefings":
            assert expected is None and text.strip() == "titles"
        elif ":" in text:
            assert parse_offset(text) == expected, key
        else:
            assert int(text) == expected, key


def test_check_runs_on_the_benchmark_package(tmp_path):
    import sys

    sys.path.insert(0, str(ROOT))
    from benchmarks.generate import build

    folder = build(tmp_path / "big", injects=60, roles=8)
    report = check_package(load_package(folder), folder)
    assert len(report.roles) == 4 and report.pace.busiest_count > 0
    assert all(f.line for f in report.findings if f.inject)  # ids found despite yaml.safe_dump's layout


def test_a_timeline_of_manual_injects_only(tmp_path):
    data = variant()
    for item in data["msel"]:
        item["manual"] = True
    report = check(data, tmp_path)
    assert report.pace.busiest_start is None and report.pace.last_inject is None
    assert sorted(f.kind for f in report.alerts) == ["dead_time", "dead_time", "early_end"]
    assert "Pace: no inject on the timeline" in render_text(report)


def test_long_role_ids_stay_whole_in_the_table(tmp_path):
    data = variant()
    data["roles"][1]["id"] = "SAMU_75_PARIS"
    for item in data["msel"]:
        item["to"] = ["A", "SAMU_75_PARIS"]
        for expected in item["expected"]:
            expected["role"] = expected["role"].replace("B", "SAMU_75_PARIS")
    data["exercise"]["duration"] = "3:00"
    data["exercise"]["readiness"] = {"max_dead_time": "3:00", "max_quiet": "3:00"}
    text = render_text(check(data, tmp_path))
    assert any(line.startswith("SAMU_75_PARIS  ") for line in text.splitlines())
    assert max(len(line) for line in text.splitlines()) <= 100
