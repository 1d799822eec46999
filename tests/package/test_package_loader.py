"""The crisisdesk/1 loader: typed objects from a valid package, every problem from a broken one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from crisisdesk.package.loader import load_package, validate_package
from crisisdesk.package.problems import PackageError

EXERCISE = """\
format: crisisdesk/1
id: test-pack
title: Exercice de test
language: fr
summary: |
  Un petit exercice pour les tests.
duration: "1:00"
phases:
  - at: "0:00"
    title: Matin
    scenario_time: "2032-06-22T07:00:00"
    scale: 2
  - at: "0:30"
    title: Lendemain
    scenario_time: "2032-06-23T14:00:00"
indicators:
  - id: tmax
    label: Température maximale
    unit: "°C"
    initial: 41
  - id: vigilance
    label: Vigilance
    initial: orange
objectives:
  - id: O1
    title: Alerter
    criteria:
      - La cellule est activée.
"""

ROLES = """\
- id: DIR
  name: Direction de crise
  kind: directorate
  mission: Coordonner la réponse.
  decisions: [Activer la cellule]
  resources: [Salle de crise]
  color: "#1f4e79"
- id: PP
  name: Préfecture de police
  kind: partner
  mission: Secours.
  decisions: []
  resources: []
  contacts: [COZ 01 02 03 04 05]
- id: METEO
  name: Météo-France (animation)
  kind: simulated
  mission: Bulletins.
"""

MSEL = """\
- id: I02
  at: "0:40"
  title: Flash info
  from: Radio
  to: all
  channel: news
  body: |
    **Paris suffoque**
  sets:
    vigilance: rouge
- id: I01
  at: "0:05"
  title: Bulletin
  from: METEO
  to: [DIR]
  channel: email
  body: Vigilance orange.
  expected:
    - role: DIR
      action: Activer la cellule
      within: "0:10"
  objectives: [O1]
  sets:
    tmax: 43.5
- id: I02b
  at: "0:50"
  title: Relance
  from: Radio
  to: [DIR, PP]
  channel: phone
  body: Toujours rien ?
  notes: Seulement si personne ne réagit.
  contingency_for: I02
"""

FILES = {"exercise.yaml": EXERCISE, "roles.yaml": ROLES, "msel.yaml": MSEL}


def make(tmp_path: Path, **changes: str) -> Path:
    """Write the base package into tmp_path/pkg, replacing files given as exercise=, roles=, msel=."""
    root = tmp_path / "pkg"
    root.mkdir(exist_ok=True)
    for name, text in FILES.items():
        (root / name).write_text(changes.get(name.removesuffix(".yaml"), text), encoding="utf-8")
    return root


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} must occur once"
    return text.replace(old, new)


def line(text: str, fragment: str) -> int:
    """The 1-based line of the text that is, or else holds, ``fragment``."""
    lines = text.splitlines()
    hits = [n for n, content in enumerate(lines, start=1) if content == fragment]
    hits = hits or [n for n, content in enumerate(lines, start=1) if fragment in content]
    assert len(hits) == 1, f"{fragment!r} is on lines {hits}"
    return hits[0]


def errors_of(root: Path) -> list[str]:
    package, problems = validate_package(root)
    errors = [str(p) for p in problems if not p.warning]
    assert (package is None) == bool(errors)
    return errors


def warnings_of(root: Path) -> list[str]:
    package, problems = validate_package(root)
    assert package is not None, [str(p) for p in problems]
    return [str(p) for p in problems if p.warning]


def test_base_package_loads_into_typed_objects(tmp_path):
    root = make(tmp_path)
    package, problems = validate_package(root)
    assert [str(p) for p in problems] == []
    ex = package.exercise
    assert (ex.id, ex.title, ex.language, ex.duration, ex.format) == (
        "test-pack", "Exercice de test", "fr", 3600, "crisisdesk/1",
    )
    assert ex.summary == "Un petit exercice pour les tests.\n"
    assert [(p.at, p.title, p.scenario_time, p.scale) for p in ex.phases] == [
        (0, "Matin", datetime(2032, 6, 22, 7, 0), 2.0),
        (1800, "Lendemain", datetime(2032, 6, 23, 14, 0), 1.0),  # scale defaults to 1
    ]
    assert [(i.id, i.initial, i.unit) for i in ex.indicators] == [("tmax", 41, "°C"), ("vigilance", "orange", None)]
    assert [(o.id, o.criteria) for o in ex.objectives] == [("O1", ("La cellule est activée.",))]
    assert [(r.id, r.kind, r.played, r.color) for r in package.roles] == [
        ("DIR", "directorate", True, "#1f4e79"),
        ("PP", "partner", True, None),
        ("METEO", "simulated", False, None),
    ]
    assert package.role("PP").contacts == ("COZ 01 02 03 04 05",)
    # injects come in `at` order whatever the file order
    assert [i.id for i in package.injects] == ["I01", "I02", "I02b"]
    first, flash, backup = package.injects
    assert (first.at, first.sender, first.to, first.to_all, first.channel) == (300, "METEO", ("DIR",), False, "email")
    assert [(e.role, e.action, e.within) for e in first.expected] == [("DIR", "Activer la cellule", 600)]
    assert first.objectives == ("O1",)
    assert first.sets == {"tmax": 43.5}
    assert (flash.to, flash.to_all, flash.sets, flash.manual) == (("DIR", "PP"), True, {"vigilance": "rouge"}, False)
    assert flash.body == "**Paris suffoque**\n"
    # a contingency is manual unless it says otherwise
    assert (backup.manual, backup.contingency_for, backup.notes) == (True, "I02", "Seulement si personne ne réagit.")
    assert package.root == root.resolve()
    assert package.scenario_time_at(first.at) == datetime(2032, 6, 22, 7, 10)


def test_mini_test_package_is_valid(mini_package_path):
    package, problems = validate_package(mini_package_path)
    assert [str(p) for p in problems] == []
    assert (len(package.exercise.phases), len(package.roles), len(package.injects)) == (2, 4, 6)


def test_load_package_raises_with_every_problem(tmp_path):
    root = make(
        tmp_path,
        roles=edit(ROLES, "kind: partner", "kind: partenaire"),
        msel=edit(MSEL, 'at: "0:05"', 'at: "0:5"'),
    )
    with pytest.raises(PackageError) as caught:
        load_package(root)
    assert caught.value.root == root
    messages = [p.message for p in caught.value.problems]
    assert len(messages) == 2
    assert "partenaire" in messages[0] and '"0:5"' in messages[1]
    assert str(caught.value).splitlines()[0].startswith(f"{root}/roles.yaml:{line(ROLES, 'partner')}:")


# -- times --------------------------------------------------------------------


def test_unquoted_h_mm_is_read_as_a_time_not_as_sexagesimal_seconds(tmp_path):
    exercise = edit(EXERCISE, 'duration: "1:00"', "duration: 2:00")
    msel = edit(MSEL, 'at: "0:40"', "at: 1:05")
    msel = edit(msel, 'within: "0:10"', "within: 0:10:30")
    package = load_package(make(tmp_path, exercise=exercise, msel=msel))
    assert package.exercise.duration == 7200
    assert package.inject("I02").at == 3900  # 1:05, never 65 seconds
    assert package.inject("I01").expected[0].within == 630


def test_integer_in_a_time_field_says_how_to_write_a_time(tmp_path):
    msel = edit(MSEL, 'at: "0:40"', "at: 65")
    errors = errors_of(make(tmp_path, msel=msel))
    assert errors == [
        f"{tmp_path}/pkg/msel.yaml:{line(msel, 'at: 65')}: inject I02 field 'at': 65 is not a time; "
        'write it "H:MM" or "H:MM:SS" in quotes, e.g. "0:10" for ten minutes'
    ]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ('"1h05"', '"1h05" is not a time of the form "H:MM" or "H:MM:SS"'),
        ('"0:75"', '"0:75" is not a time'),
        ('"-0:05"', '"-0:05" is negative'),
        ("-0:05", '"-0:05" is negative'),
        ('"1:30"', "1:30 is after the end of the exercise (duration 1:00)"),
        ("[0, 5]", 'expected a time "H:MM" or "H:MM:SS", got a list'),
    ],
)
def test_bad_inject_times(tmp_path, written, expected):
    msel = edit(MSEL, 'at: "0:40"', f"at: {written}")
    errors = errors_of(make(tmp_path, msel=msel))
    assert len(errors) == 1
    assert f"msel.yaml:{line(msel, 'at: ' + written)}: inject I02 field 'at': {expected}" in errors[0]


def test_phase_times(tmp_path):
    exercise = edit(EXERCISE, 'at: "0:00"', 'at: "0:10"')
    exercise = edit(exercise, 'at: "0:30"', 'at: "0:05"')
    errors = errors_of(make(tmp_path, exercise=exercise))
    assert [e.split("exercise.yaml:")[1] for e in errors] == [
        f"{line(exercise, '0:10')}: phase 1 field 'at': the first phase starts at \"0:00\", not 0:10",
        f"{line(exercise, '0:05')}: phase 2 field 'at': 0:05 is not after phase 1 (0:10); "
        "list phases in the order they are played",
    ]


def test_phase_after_the_end_and_bad_scenario_time_and_scale(tmp_path):
    exercise = edit(EXERCISE, 'at: "0:30"', 'at: "1:00"')
    exercise = edit(exercise, '"2032-06-23T14:00:00"', '"2032-06-23T14:00:00+02:00"')
    exercise = edit(exercise, "scale: 2", "scale: 0")
    errors = errors_of(make(tmp_path, exercise=exercise))
    assert len(errors) == 3
    assert "phase 1 field 'scale': 0 must be more than 0" in errors[0]
    assert "phase 2 field 'at': 1:00 is not before the end of the exercise (duration 1:00)" in errors[1]
    assert "phase 2 field 'scenario_time': \"2032-06-23T14:00:00+02:00\" has a time zone" in errors[2]


@pytest.mark.parametrize("written", ['"22/06/2032 07:00"', '"2032-06-31T07:00:00"', '"2032-06-22"'])
def test_scenario_time_must_be_a_local_date_time(tmp_path, written):
    exercise = edit(EXERCISE, '"2032-06-22T07:00:00"', written)
    errors = errors_of(make(tmp_path, exercise=exercise))
    assert len(errors) == 1
    assert f":{line(exercise, written)}: phase 1 field 'scenario_time': {written} is not a local date-time" in errors[0]


def test_unquoted_scenario_time_is_accepted(tmp_path):
    exercise = edit(EXERCISE, '"2032-06-22T07:00:00"', "2032-06-22T07:00:00")
    package = load_package(make(tmp_path, exercise=exercise))
    assert package.exercise.phases[0].scenario_time == datetime(2032, 6, 22, 7, 0)


def test_phases_are_required_and_not_empty(tmp_path):
    exercise = EXERCISE.split("phases:")[0] + "phases: []\n" + "indicators:" + EXERCISE.split("indicators:")[1]
    errors = errors_of(make(tmp_path, exercise=exercise))
    assert errors == [
        f"{tmp_path}/pkg/exercise.yaml:{line(exercise, 'phases')}: exercise field 'phases': "
        'needs at least one phase, starting at "0:00"'
    ]


def test_duration_and_within_must_not_be_zero(tmp_path):
    exercise = edit(EXERCISE, 'duration: "1:00"', 'duration: "0:00"')
    msel = edit(MSEL, 'within: "0:10"', 'within: "0:00"')
    errors = errors_of(make(tmp_path, exercise=exercise, msel=msel))
    assert "exercise field 'duration': must be longer than 0:00" in errors[0]
    assert "inject I01 expected response 1 field 'within': must be longer than 0:00" in errors[1]


# -- fields, types, ids ---------------------------------------------------------


def test_unknown_field_suggests_the_close_one(tmp_path):
    msel = edit(MSEL, "  title: Bulletin", "  titel: Bulletin")
    roles = edit(ROLES, "  mission: Secours.", "  mision: Secours.\n  budget: 12")
    errors = errors_of(make(tmp_path, msel=msel, roles=roles))
    assert errors == [
        f"{tmp_path}/pkg/roles.yaml:{line(roles, 'id: PP')}: role PP: missing required field 'mission'",
        f"{tmp_path}/pkg/roles.yaml:{line(roles, 'mision')}: role PP: unknown field 'mision' (did you mean 'mission'?)",
        f"{tmp_path}/pkg/roles.yaml:{line(roles, 'budget')}: role PP: unknown field 'budget' (expected one of: "
        "id, name, kind, mission, decisions, resources, contacts, color)",
        f"{tmp_path}/pkg/msel.yaml:{line(msel, 'id: I01')}: inject I01: missing required field 'title'",
        f"{tmp_path}/pkg/msel.yaml:{line(msel, 'titel')}: inject I01: unknown field 'titel' (did you mean 'title'?)",
    ]


def test_missing_and_empty_required_fields(tmp_path):
    exercise = edit(EXERCISE, "language: fr\n", "")
    msel = edit(MSEL, "  body: Vigilance orange.", "  body:")
    roles = edit(ROLES, "  name: Préfecture de police", '  name: ""')
    errors = errors_of(make(tmp_path, exercise=exercise, msel=msel, roles=roles))
    empty_name = line(roles, '""')
    assert [e.split("/pkg/")[1] for e in errors] == [
        "exercise.yaml:1: exercise: missing required field 'language'",
        f"roles.yaml:{empty_name}: role PP field 'name': is empty",
        f"msel.yaml:{line(msel, '  body:')}: inject I01 field 'body': is empty",
    ]


def test_played_roles_need_decisions_and_resources_simulated_ones_do_not(tmp_path):
    roles = edit(ROLES, "  decisions: [Activer la cellule]\n", "")
    errors = errors_of(make(tmp_path, roles=roles))
    assert errors == [
        f"{tmp_path}/pkg/roles.yaml:1: role DIR: missing required field 'decisions' "
        "(every role played at the table lists its decisions)"
    ]


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("msel", "  title: Bulletin", "  title: [Bulletin]", "inject I01 field 'title': expected text, got a list"),
        ("msel", "to: [DIR]", "to: DIR", 'inject I01 field \'to\': expected a list of role ids or all, got "DIR" (write [DIR])'),
        ("msel", "channel: email", "channel: mail", "inject I01 field 'channel': \"mail\" is not one of: phone, email, radio, news, social, field, document, face (did you mean 'email'?)"),
        ("msel", "  notes: Seulement", "  manual: \"yes\"\n  notes: Seulement", "inject I02b field 'manual': expected true or false, got \"yes\""),
        ("msel", "objectives: [O1]", "objectives: O1", "inject I01 field 'objectives': expected a list, got \"O1\""),
        ("msel", "  sets:\n    tmax: 43.5", "  sets: [tmax]", "inject I01 field 'sets': expected indicator: value lines, got a list"),
        ("msel", "    tmax: 43.5", "    tmax: [43]", "inject I01 field 'sets': expected a number or a text, got a list"),
        ("exercise", "scale: 2", 'scale: "2"', "phase 1 field 'scale': expected a number, got \"2\" (remove the quotes)"),
        ("exercise", "language: fr", "language: de", "exercise field 'language': \"de\" is not one of: fr, en"),
        ("exercise", "id: test-pack", "id: Test Pack", "exercise field 'id': \"Test Pack\" is not a slug"),
        ("exercise", "      - La cellule est activée.", "      - [a, b]", "objective O1 field 'criteria': each item must be text, got a list"),
        ("exercise", "    initial: orange", "    initial:", "indicator vigilance field 'initial': is empty"),
        ("roles", "- id: METEO", "- id: meteo", "role meteo field 'id': \"meteo\" is not a role code"),
        ("roles", "kind: partner", "kind: partenaire", "role PP field 'kind': \"partenaire\" is not one of: directorate, partner, simulated"),
        ("roles", 'color: "#1f4e79"', "color: #1f4e79", "role DIR field 'color': is empty; a color starting with # must be quoted"),
        ("roles", 'color: "#1f4e79"', "color: bleu", "role DIR field 'color': \"bleu\" is not a color"),
        ("roles", "  mission: Secours.", "  mission:\n    fr: Secours.", "role PP field 'mission': expected text, got a mapping"),
    ],
)
def test_wrong_types_and_values(tmp_path, file, old, new, message):
    base = FILES[f"{file}.yaml"]
    changed = edit(base, old, new)
    errors = errors_of(make(tmp_path, **{file: changed}))
    assert len(errors) == 1, errors
    where, text = errors[0].split(": ", 1)
    assert text.startswith(message), errors[0]
    assert where.startswith(f"{tmp_path}/pkg/{file}.yaml:")
    assert int(where.rsplit(":", 1)[1]) in range(line(changed, new.splitlines()[0]), line(changed, new.splitlines()[0]) + 2)


def test_whole_file_of_the_wrong_shape(tmp_path):
    errors = errors_of(make(tmp_path, roles="DIR: Direction\n", msel="[]\n", exercise="- a\n- b\n"))
    assert [e.split("/pkg/")[1] for e in errors] == [
        "exercise.yaml:1: exercise: expected a mapping of fields, got a list",
        "roles.yaml:1: roles.yaml must be a list of role cards (lines starting with '- id:'), "
        "got a mapping (key: value lines)",
        "msel.yaml:1: msel.yaml lists no inject",
    ]


def test_yaml_1_1_words_stay_text(tmp_path):
    roles = edit(ROLES, "- id: PP", "- id: NO")
    msel = edit(MSEL, "to: [DIR, PP]", "to: [DIR, NO]")
    msel = edit(msel, "  title: Relance", "  title: yes")
    package = load_package(make(tmp_path, roles=roles, msel=msel))
    assert package.role("NO").kind == "partner"
    assert package.inject("I02b").to == ("DIR", "NO")
    assert package.inject("I02b").title == "yes"


def test_duplicate_ids_and_keys(tmp_path):
    msel = edit(MSEL, "- id: I02b", "- id: I01")
    msel = edit(msel, "  channel: news", "  channel: news\n  channel: radio")
    roles = edit(ROLES, "- id: METEO", "- id: DIR")
    exercise = EXERCISE + "  - id: O1\n    title: Encore\n    criteria: []\n"
    errors = errors_of(make(tmp_path, msel=msel, roles=roles, exercise=exercise))
    tail = [e.split("/pkg/")[1] for e in errors]
    assert tail == [
        f"exercise.yaml:{len(exercise.splitlines()) - 2}: objective O1 field 'id': objective id O1 is used twice "
        f"(first at line {line(EXERCISE, 'id: O1')})",
        f"roles.yaml:{line(ROLES, 'id: METEO')}: role DIR field 'id': role id DIR is used twice (first at line 1)",
        f"msel.yaml:{line(msel, 'radio')}: inject I02: field 'channel' appears twice (first at line {line(msel, 'news')})",
        f"msel.yaml:{line(msel, 'title: Relance') - 2}: inject I01 field 'id': inject id I01 is used twice "
        f"(first at line {line(msel, 'title: Bulletin') - 2})",
    ]


# -- references -------------------------------------------------------------------


def test_undefined_references_suggest_the_close_id(tmp_path):
    msel = edit(MSEL, "to: [DIR, PP]", "to: [DIR, PPP]")
    msel = edit(msel, "    - role: DIR", "    - role: DRI")
    msel = edit(msel, "objectives: [O1]", "objectives: [O2]")
    msel = edit(msel, "    tmax: 43.5", "    tmx: 43.5")
    msel = edit(msel, "contingency_for: I02", "contingency_for: I20")
    errors = [e.split("/pkg/")[1] for e in errors_of(make(tmp_path, msel=msel))]
    assert errors == [
        f"msel.yaml:{line(msel, 'DRI')}: inject I01 expected response 1 field 'role': no role \"DRI\" in roles.yaml "
        "(did you mean 'DIR'?)",
        f"msel.yaml:{line(msel, 'O2')}: inject I01 field 'objectives': no objective \"O2\" in exercise.yaml "
        "(expected one of: O1)",
        f"msel.yaml:{line(msel, 'tmx')}: inject I01 field 'sets': no indicator \"tmx\" in exercise.yaml "
        "(did you mean 'tmax'?)",
        f"msel.yaml:{line(msel, 'PPP')}: inject I02b field 'to': no role \"PPP\" in roles.yaml (did you mean 'PP'?)",
        f"msel.yaml:{line(msel, 'I20')}: inject I02b field 'contingency_for': no inject \"I20\" in msel.yaml "
        "(did you mean 'I02'?)",
    ]


def test_contingency_for_itself_and_all_mixed_with_roles(tmp_path):
    msel = edit(MSEL, "contingency_for: I02", "contingency_for: I02b")
    msel = edit(msel, "to: [DIR, PP]", "to: [DIR, all]")
    errors = [e.split(": ", 1)[1] for e in errors_of(make(tmp_path, msel=msel))]
    assert errors == [
        "inject I02b field 'to': all cannot be mixed with role ids: write to: all alone",
        "inject I02b field 'contingency_for': \"I02b\" is this inject itself",
    ]


def test_references_to_a_broken_file_are_not_reported_as_undefined(tmp_path):
    errors = errors_of(make(tmp_path, roles="- id: DIR\n  name: [\n"))
    assert len(errors) == 1 and "roles.yaml:" in errors[0] and "YAML syntax error" in errors[0]


# -- attachments --------------------------------------------------------------------


def with_attachments(tmp_path: Path, *paths: str) -> tuple[Path, str]:
    listed = "".join(f"\n    - {p}" for p in paths)
    msel = edit(MSEL, "  body: Vigilance orange.", f"  body: Vigilance orange.\n  attachments:{listed}")
    return make(tmp_path, msel=msel), msel


def test_attachment_inside_the_package_is_accepted(tmp_path):
    root, _ = with_attachments(tmp_path, "media/carte.svg")
    (root / "media").mkdir()
    (root / "media" / "carte.svg").write_text("<svg/>", encoding="utf-8")
    assert load_package(root).inject("I01").attachments == ("media/carte.svg",)


def test_attachments_missing_outside_or_linked_are_refused(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("x", encoding="utf-8")
    root, msel = with_attachments(
        tmp_path, "media/absent.png", "../secret.txt", str(outside), "media/lien.txt", "media", "media\\\\carte.svg",
    )
    (root / "media").mkdir()
    (root / "media" / "lien.txt").symlink_to(outside)
    errors = [e.split(": ", 1)[1] for e in errors_of(root)]
    field = "inject I01 field 'attachments': "
    assert errors == [
        field + '"media/absent.png" is missing from the package folder',
        field + '"../secret.txt" goes outside the package folder (..); put the file inside the package',
        field + f'"{outside}" is an absolute path; give a path relative to the package folder (e.g. media/carte.png)',
        field + '"media/lien.txt" is or goes through a symbolic link; copy the file into the package instead',
        field + '"media" is not a regular file',
        field + '"media\\\\carte.svg" uses \\; separate folders with / (e.g. media/carte.png)',
    ]


def test_linked_folder_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "carte.svg").write_text("<svg/>", encoding="utf-8")
    root, msel = with_attachments(tmp_path, "media/carte.svg")
    (root / "media").symlink_to(elsewhere, target_is_directory=True)
    errors = errors_of(root)
    assert len(errors) == 1 and "symbolic link" in errors[0]
    assert f"msel.yaml:{line(msel, 'media/carte.svg')}:" in errors[0]


# -- format and files ------------------------------------------------------------------


def test_unknown_format_is_refused_with_the_readable_versions(tmp_path):
    exercise = edit(EXERCISE, "format: crisisdesk/1", "format: crisisdesk/2")
    # other files are not checked against a format this build does not know
    errors = errors_of(make(tmp_path, exercise=exercise, msel="- nonsense\n"))
    assert errors == [
        f"{tmp_path}/pkg/exercise.yaml:1: exercise field 'format': \"crisisdesk/2\" is not a format this build "
        "reads (it reads: crisisdesk/1)"
    ]


def test_missing_format(tmp_path):
    errors = errors_of(make(tmp_path, exercise=edit(EXERCISE, "format: crisisdesk/1\n", "")))
    assert errors == [f"{tmp_path}/pkg/exercise.yaml:1: exercise: missing required field 'format'"]


def test_missing_empty_and_non_utf8_files_are_all_reported(tmp_path):
    root = make(tmp_path, roles="")
    (root / "msel.yaml").unlink()
    (root / "exercise.yaml").write_bytes(EXERCISE.replace("Température", "Temp\xe9rature").encode("latin-1"))
    errors = [e.split("/pkg/")[1] for e in errors_of(root)]
    assert errors == [
        f"exercise.yaml:{line(EXERCISE, 'Température')}: is not UTF-8 text (byte 0xE9 cannot be read); "
        "save the file with the UTF-8 encoding",
        "roles.yaml: file is empty",
        "msel.yaml: file is missing (a package folder holds exercise.yaml, roles.yaml and msel.yaml)",
    ]


def test_not_a_package_folder(tmp_path):
    assert validate_package(tmp_path / "nowhere")[1][0].message == "no such package folder"
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    assert "is not a folder" in validate_package(tmp_path / "file.txt")[1][0].message


def test_alias_bomb_and_loops_are_refused_quickly(tmp_path):
    bomb = "".join(f"- &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 12))
    msel = "- &l0 lol\n" + bomb + "- id: X\n  title: &t [*t]\n"
    errors = errors_of(make(tmp_path, msel=msel))
    assert errors  # every item is refused for what it is; nothing is expanded


def test_every_problem_of_several_files_is_reported_at_once(tmp_path):
    errors = errors_of(make(
        tmp_path,
        exercise=edit(EXERCISE, "language: fr", "language: es"),
        roles=edit(ROLES, "kind: simulated", "kind: simulé"),
        msel=edit(edit(MSEL, 'at: "0:05"', "at: 5"), "channel: news", "channel: tv"),
    ))
    assert [e.split("/pkg/")[1].split(":")[0] for e in errors] == [
        "exercise.yaml", "roles.yaml", "msel.yaml", "msel.yaml",
    ]


# -- warnings -------------------------------------------------------------------------


def test_warnings_leave_the_package_usable(tmp_path):
    exercise = EXERCISE + "  - id: O2\n    title: Protéger\n    criteria: []\n"
    roles = ROLES + (
        "- id: DSOL\n  name: Solidarités\n  kind: directorate\n  mission: Protéger.\n"
        "  decisions: []\n  resources: []\n"
    )
    msel = edit(MSEL, "to: [DIR, PP]", "to: [PP, METEO]")
    msel = edit(msel, "to: all", "to: [DIR]")
    msel = edit(msel, "    - role: DIR", "    - role: PP")
    msel = edit(msel, 'at: "0:50"', 'at: "0:35"')
    msel = edit(msel, "    tmax: 43.5", "    tmax: caniculaire")
    msel = edit(msel, 'within: "0:10"', 'within: "0:58"')
    warnings = [w.split("/pkg/")[1] for w in warnings_of(make(tmp_path, exercise=exercise, roles=roles, msel=msel))]
    assert warnings == [
        f"exercise.yaml:{len(exercise.splitlines()) - 2}: warning: objective O2: no inject lists it in objectives",
        f"exercise.yaml:{len(exercise.splitlines())}: warning: objective O2 field 'criteria': "
        "lists no criterion for observers to check",
        f"roles.yaml:{line(roles, 'DSOL')}: warning: role DSOL: no inject is sent to this played role",
        f"msel.yaml:{line(msel, 'role: PP')}: warning: inject I01 expected response 1 field 'role': "
        "PP does not receive this inject (to: DIR)",
        f"msel.yaml:{line(msel, '0:58')}: warning: inject I01 expected response 1 field 'within': "
        "the response is due after the end of the exercise (1:03)",
        f"msel.yaml:{line(msel, 'caniculaire')}: warning: inject I01 field 'sets': "
        'indicator tmax starts as 41 but is set to "caniculaire"',
        f"msel.yaml:{line(msel, 'METEO]')}: warning: inject I02b field 'to': "
        "METEO is a simulated role: nobody at the table receives this",
        f"msel.yaml:{line(msel, 'contingency_for')}: warning: inject I02b field 'contingency_for': this contingency (0:35) "
        "is planned before I02 (0:40), which it backs up",
    ]


def test_explicitly_automatic_contingency_is_fine(tmp_path):
    msel = edit(MSEL, "  contingency_for: I02", "  contingency_for: I02\n  manual: false")
    package, problems = validate_package(make(tmp_path, msel=msel))
    assert problems == []
    assert package.inject("I02b").manual is False


def test_manual_inject(tmp_path):
    msel = edit(MSEL, "  channel: news", "  channel: news\n  manual: yes")
    assert load_package(make(tmp_path, msel=msel)).inject("I02").manual is True


# -- robustness: whatever the damage, a verdict and never a traceback ----------------


def mutations():
    for name, text in FILES.items():
        lines = text.splitlines(keepends=True)
        for index, content in enumerate(lines):
            yield name, index, "".join(lines[:index] + lines[index + 1:])  # line removed
            if ":" in content:
                key = content.split(":", 1)[0]
                for value in (" ~\n", " []\n", " {}\n", " 65\n", ' "x y"\n', " -1\n"):
                    yield name, index, "".join(lines[:index] + [key + ":" + value] + lines[index + 1:])


def test_no_damage_escapes_the_validator(tmp_path):
    root = make(tmp_path)
    checked = 0
    for name, _index, text in mutations():
        (root / name).write_text(text, encoding="utf-8")
        package, problems = validate_package(root)  # must not raise
        errors = [p for p in problems if not p.warning]
        assert (package is None) == bool(errors), (name, text, problems)
        assert all(p.message and p.file.endswith(".yaml") for p in problems)
        (root / name).write_text(FILES[name], encoding="utf-8")
        checked += 1
    assert checked > 300


def test_unreadable_file(tmp_path, monkeypatch):
    root = make(tmp_path)
    real_open = Path.open

    def refuse_roles(self, *args, **kwargs):
        if self.name == "roles.yaml":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse_roles)
    errors = errors_of(root)
    assert errors == [f"{root}/roles.yaml: cannot be read: Permission denied"]


def test_a_flood_of_errors_stops_at_a_hundred_per_file(tmp_path):
    msel = "- nonsense\n" * 150
    roles = edit(ROLES, "kind: partner", "kind: partenaire")
    package, problems = validate_package(make(tmp_path, msel=msel, roles=roles))
    assert package is None
    in_msel = [p for p in problems if p.file.endswith("msel.yaml")]
    assert len(in_msel) == 101
    assert str(in_msel[-1]).endswith("msel.yaml:100: 100 errors: stopped reading this file here")
    assert [p.message.split(":")[0] for p in problems if p.file.endswith("roles.yaml")] == ["role PP field 'kind'"]


def test_attachment_folder_that_cannot_be_searched(tmp_path, monkeypatch):
    root, msel = with_attachments(tmp_path, "media/carte.svg")
    real_is_symlink = Path.is_symlink

    def refuse_media(self):
        if self.parent.name == "media":
            raise PermissionError(13, "Permission denied")
        return real_is_symlink(self)

    monkeypatch.setattr(Path, "is_symlink", refuse_media)
    errors = errors_of(root)
    assert errors == [
        f"{root}/msel.yaml:{line(msel, 'media/carte.svg')}: inject I01 field 'attachments': "
        '"media/carte.svg" cannot be read: Permission denied'
    ]


def test_phase_setting_the_scenario_clock_back_is_a_warning(tmp_path):
    # phase 1 runs 30 min x 2 from 07:00, so it ends at 08:00; phase 2 restarting at 07:30 goes back
    exercise = edit(EXERCISE, '"2032-06-23T14:00:00"', '"2032-06-22T07:30:00"')
    assert warnings_of(make(tmp_path, exercise=exercise)) == [
        f"{tmp_path}/pkg/exercise.yaml:{line(exercise, '07:30')}: warning: phase 2 field 'scenario_time': "
        "2032-06-22 07:30:00 is earlier than the scenario clock at the end of phase 1: the scenario clock goes back"
    ]
