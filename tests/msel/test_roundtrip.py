"""Export the Paris package, import the file back: the same package, field by field."""

from __future__ import annotations

import shutil
from dataclasses import fields

import pytest
from openpyxl import load_workbook

from crisisdesk.msel.build import build_import, guess_mapping
from crisisdesk.msel.export import msel_tables
from crisisdesk.msel.sheets import read_workbook
from crisisdesk.msel.spreadsheet import write_tables
from crisisdesk.package.loader import load_package


def _differences(a, b) -> list[str]:
    out = []
    for f in fields(a):
        if f.name != "root" and getattr(a, f.name) != getattr(b, f.name):
            out.append(f.name)
    return out


@pytest.fixture
def paris(paris_package_path):
    return load_package(paris_package_path)


@pytest.fixture
def folder(tmp_path, paris_package_path):
    shutil.copytree(paris_package_path / "media", tmp_path / "media")  # attachments travel beside the file
    return tmp_path


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_paris_round_trip_is_equal_field_by_field(paris, folder, suffix):
    path = write_tables(msel_tables(paris), folder / f"paris{suffix}")
    book = read_workbook(path)
    result = build_import(book, guess_mapping(book))
    assert result.ok, [str(p) for p in result.problems]
    back = result.package
    assert back.exercise == paris.exercise, _differences(back.exercise, paris.exercise)
    assert back.roles == paris.roles
    assert len(back.injects) == len(paris.injects) > 50
    for ours, theirs in zip(paris.injects, back.injects, strict=True):
        assert ours == theirs, (ours.id, _differences(ours, theirs))
    assert result.created_roles == []


def test_csv_round_trip_keeps_every_inject_field_but_roles_come_from_names(paris, folder):
    """A CSV holds one sheet: the injects come back; roles, objectives and phases are inferred."""
    book = read_workbook(write_tables(msel_tables(paris), folder / "paris.csv"))
    result = build_import(book, guess_mapping(book))
    assert result.ok, [str(p) for p in result.problems]
    back = {i.id: i for i in result.package.injects}
    for inject in paris.injects:
        other = back[inject.id]
        assert (other.at, other.title, other.body, other.channel, other.notes, other.manual,
                other.contingency_for, other.attachments, other.sets, other.to_all) == (
            inject.at, inject.title, inject.body, inject.channel, inject.notes, inject.manual,
            inject.contingency_for, inject.attachments, inject.sets, inject.to_all)
        if not inject.to_all:
            assert other.to == inject.to
        assert other.expected == inject.expected
    # the phases come back from the scenario column: same starts of play and scales
    phases = result.package.exercise.phases
    assert [(p.scale, p.scenario_time) for p in phases] == [
        (p.scale, p.scenario_time) for p in paris.exercise.phases]


def test_a_package_edited_in_the_spreadsheet_comes_back_with_only_those_edits(paris, folder):
    path = write_tables(msel_tables(paris), folder / "paris.xlsx")
    book = load_workbook(path)
    sheet = book["Chronogramme"]
    headers = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "P1-03")
    row[headers.index("Titre")].value = "Titre corrigé en réunion"
    row[headers.index("Canal")].value = "SMS"
    book.save(path)
    book = read_workbook(path)
    result = build_import(book, guess_mapping(book))
    assert result.ok, [str(p) for p in result.problems]
    changed = {i.id: _differences(i, paris.inject(i.id)) for i in result.package.injects}
    assert {k: v for k, v in changed.items() if v} == {"P1-03": ["title", "channel"]}
    assert result.package.inject("P1-03").title == "Titre corrigé en réunion"
    assert result.package.exercise == paris.exercise and result.package.roles == paris.roles


def test_readiness_thresholds_travel_in_the_exercise_sheet(tmp_path, mini_package_path):
    from dataclasses import replace

    from crisisdesk.package.model import ReadinessSettings

    mini = load_package(mini_package_path)
    settings = ReadinessSettings(window=600, max_injects_received=9, briefings=(mini.injects[0].id,))
    mini = replace(mini, exercise=replace(mini.exercise, readiness=settings))
    book = read_workbook(write_tables(msel_tables(mini), tmp_path / "mini.ods"))
    result = build_import(book, guess_mapping(book))
    assert result.ok and result.package.exercise == mini.exercise



def test_the_report_fields_of_the_exercise_survive_the_spreadsheet(paris, folder):
    """Issuer, distribution marking and time zone (the report's cover and times) come back from the sheet."""
    import dataclasses

    package = dataclasses.replace(paris, exercise=dataclasses.replace(paris.exercise, timezone="America/Martinique"))
    path = write_tables(msel_tables(package), folder / "paris.xlsx")
    book = read_workbook(path)
    result = build_import(book, guess_mapping(book))
    assert result.ok, [str(p) for p in result.problems]
    back = result.package.exercise
    assert (back.issuer, back.distribution, back.timezone) == (
        paris.exercise.issuer, "Diffusion restreinte", "America/Martinique")
    workbook = load_workbook(path)
    sheet = next(ws for ws in workbook.worksheets if any(row[0] == "timezone" for row in ws.iter_rows(values_only=True)))
    row = next(r for r in sheet.iter_rows() if r[0].value == "timezone")
    row[1].value = "Europe/Atlantide"
    workbook.save(path)
    book = read_workbook(path)
    result = build_import(book, guess_mapping(book))
    assert not result.ok and any("Europe/Atlantide" in str(p) for p in result.problems)
