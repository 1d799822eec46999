"""Editing a package: every change reaches the files, untouched text keeps its bytes, checks match validate."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from crisisdesk.package.document import (
    MISSING,
    DocumentError,
    PackageDocument,
    create_package,
    slugify,
)
from crisisdesk.package.loader import PACKAGE_FILES, load_package, validate_package
from crisisdesk.package.model import Expected
from tests.package.test_package_docs import example_files


@pytest.fixture
def paris(tmp_path, paris_package_path) -> Path:
    root = tmp_path / "paris"
    shutil.copytree(paris_package_path, root)
    return root


@pytest.fixture
def demo(tmp_path) -> Path:
    """The documented example package, which uses every field of the format."""
    root = tmp_path / "canicule-demo"
    (root / "media").mkdir(parents=True)
    for name, content in example_files().items():
        (root / name).write_text(content, encoding="utf-8")
    (root / "media" / "carte-vigilance.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    (root / "media" / "plan.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    return root


def file_bytes(root: Path) -> dict[str, bytes]:
    return {name: (root / name).read_bytes() for name in PACKAGE_FILES}


def saved_and_reloaded(doc: PackageDocument):
    doc.save()
    return load_package(doc.root)


def test_paris_unchanged_is_written_back_byte_for_byte(paris, paris_package_path):
    doc = PackageDocument.open(paris)
    assert doc.texts() == {name: (paris_package_path / name).read_text(encoding="utf-8") for name in PACKAGE_FILES}
    assert not doc.modified
    assert doc.save() == []  # nothing changed: nothing written
    assert file_bytes(paris) == file_bytes(paris_package_path)


def test_a_change_then_its_undo_leaves_the_bytes_unchanged(paris, paris_package_path):
    doc = PackageDocument.open(paris)
    inverse = doc.apply(("set", ("msel", 3, "title"), "Autre titre"))
    assert doc.modified
    doc.apply(inverse)
    assert not doc.modified
    doc.save()
    assert file_bytes(paris) == file_bytes(paris_package_path)


def test_one_inject_changed_touches_only_its_lines_and_keeps_comments(paris, paris_package_path):
    doc = PackageDocument.open(paris)
    index = next(i for i, inject in enumerate(doc.injects) if inject["id"] == "P1-03")
    doc.apply(("set", ("msel", index, "at"), "0:09"))
    assert doc.save() == ["msel.yaml"]
    before = (paris_package_path / "msel.yaml").read_text(encoding="utf-8").splitlines()
    after = (paris / "msel.yaml").read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [('  at: "0:08"', '  at: "0:09"')]  # same line count, one line differs, still quoted
    assert load_package(paris).inject("P1-03").at == 9 * 60
    assert file_bytes(paris)["roles.yaml"] == file_bytes(paris_package_path)["roles.yaml"]


def test_every_exercise_field_round_trips(demo):
    doc = PackageDocument.open(demo)
    doc.apply(("set", ("exercise", "id"), "autre-id"))
    doc.apply(("set", ("exercise", "title"), "Nouveau titre : canicule"))
    doc.apply(("set", ("exercise", "language"), "en"))
    doc.apply(("set", ("exercise", "summary"), "Ligne un\nLigne deux # pas un commentaire"))
    doc.apply(("set", ("exercise", "duration"), "1:30"))
    doc.apply(("set", ("exercise", "phases", 1, "at"), "0:40"))
    doc.apply(("set", ("exercise", "phases", 1, "title"), "J+2 : nuit"))
    doc.apply(("set", ("exercise", "phases", 1, "scenario_time"), "2032-06-24T22:00:00"))
    doc.apply(("set", ("exercise", "phases", 1, "scale"), "2.5"))
    doc.apply(("insert", ("exercise", "phases", 2), {"at": "1:00", "title": "Fin", "scenario_time": "2032-06-25T08:00:00"}))
    doc.apply(("set", ("exercise", "indicators", 1, "unit"), MISSING))
    doc.apply(("set", ("exercise", "indicators", 0, "unit"), "niveau"))
    doc.apply(("set", ("exercise", "indicators", 0, "label"), "Vigilance"))
    doc.apply(("set", ("exercise", "indicators", 1, "initial"), "39.5"))
    doc.apply(("insert", ("exercise", "indicators", 2), {"id": "appels", "label": "Appels", "initial": "0"}))
    doc.apply(("set", ("exercise", "objectives", 0, "criteria"), ["Critère A", "Critère B"]))
    doc.apply(("set", ("exercise", "objectives", 1, "title"), "Protéger"))
    package = saved_and_reloaded(doc)
    ex = package.exercise
    assert (ex.id, ex.title, ex.language, ex.duration) == ("autre-id", "Nouveau titre : canicule", "en", 90 * 60)
    assert ex.summary.startswith("Ligne un\nLigne deux # pas un commentaire")
    assert [(p.at, p.title, p.scale) for p in ex.phases] == [(0, "J0 — matin", 6), (2400, "J+2 : nuit", 2.5), (3600, "Fin", 1)]
    assert ex.phases[1].scenario_time == datetime(2032, 6, 24, 22)
    assert [(i.id, i.label, i.unit, i.initial) for i in ex.indicators] == [
        ("vigilance", "Vigilance", "niveau", "orange"), ("tmax", "Température maximale prévue", None, 39.5),
        ("appels", "Appels", None, 0)]
    assert ex.objectives[0].criteria == ("Critère A", "Critère B")
    assert ex.objectives[1].title == "Protéger"


def test_every_role_field_round_trips(demo):
    doc = PackageDocument.open(demo)
    doc.apply(("set", ("roles", 1, "name"), "Solidarités"))
    doc.apply(("set", ("roles", 1, "kind"), "partner"))
    doc.apply(("set", ("roles", 1, "mission"), "Mission\nsur deux lignes"))
    doc.apply(("set", ("roles", 1, "decisions"), ["Décider A", "Décider : B"]))
    doc.apply(("set", ("roles", 1, "resources"), []))
    doc.apply(("set", ("roles", 1, "contacts"), ["Tél. 01 02"]))
    doc.apply(("set", ("roles", 1, "color"), "#aa0011"))
    doc.apply(("set", ("roles", 0, "color"), MISSING))
    doc.apply(("insert", ("roles", 4), {"id": "NO", "name": "Nord", "kind": "simulated", "mission": "m"}))
    package = saved_and_reloaded(doc)
    dsol = package.role("DSOL")
    assert (dsol.name, dsol.kind, dsol.mission) == ("Solidarités", "partner", "Mission\nsur deux lignes\n")
    assert (dsol.decisions, dsol.resources, dsol.contacts, dsol.color) == (
        ("Décider A", "Décider : B"), (), ("Tél. 01 02",), "#aa0011")
    assert package.role("DIR").color is None
    assert package.role("NO").kind == "simulated"  # written so that NO stays a text


def test_every_inject_field_round_trips(demo):
    doc = PackageDocument.open(demo)
    i = 1  # I02
    doc.apply(("set", ("msel", i, "id"), "I02-bis"))
    doc.apply(("set", ("msel", i, "at"), "0:06:30"))
    doc.apply(("set", ("msel", i, "title"), "Appel : relance"))
    doc.apply(("set", ("msel", i, "from"), "METEO"))
    doc.apply(("set", ("msel", i, "to"), ["DSOL", "DIR"]))
    doc.apply(("set", ("msel", i, "channel"), "radio"))
    doc.apply(("set", ("msel", i, "body"), "**Gras**\n\n- point"))
    doc.apply(("set", ("msel", i, "expected"), [
        {"role": "DSOL", "action": "Agir", "within": "0:10", "criterion": "O2.1"},
        {"role": "DIR", "action": "Arbitrer", "within": "0:20"}]))
    doc.apply(("set", ("msel", i, "objectives"), ["O1", "O2"]))
    doc.apply(("set", ("msel", i, "attachments"), ["media/plan.svg"]))
    doc.apply(("set", ("msel", i, "sets"), {"tmax": "43", "vigilance": "rouge"}))
    doc.apply(("set", ("msel", i, "notes"), "Pour l'animation"))
    doc.apply(("set", ("msel", i, "manual"), True))
    doc.apply(("set", ("msel", 2, "contingency_for"), "I02-bis"))
    doc.apply(("set", ("msel", 2, "manual"), False))
    doc.apply(("set", ("msel", 3, "to"), "all"))
    package = saved_and_reloaded(doc)
    inject = package.inject("I02-bis")
    assert (inject.at, inject.title, inject.sender, inject.to, inject.channel) == (
        390, "Appel : relance", "METEO", ("DSOL", "DIR"), "radio")
    assert inject.body == "**Gras**\n\n- point\n"
    assert inject.expected == (Expected("DSOL", "Agir", 600, criterion="O2.1"), Expected("DIR", "Arbitrer", 1200))
    assert (inject.objectives, inject.attachments, inject.sets) == (("O1", "O2"), ("media/plan.svg",), {"tmax": 43, "vigilance": "rouge"})
    assert (inject.notes, inject.manual) == ("Pour l'animation", True)
    contingency = package.inject("I02b")
    assert (contingency.contingency_for, contingency.manual) == ("I02-bis", False)
    assert package.inject("I03").to_all
    text = (demo / "msel.yaml").read_text(encoding="utf-8")
    assert 'at: "0:06:30"' in text and "to: [DSOL, DIR]" in text and "manual: true" in text


def test_insert_duplicate_remove_and_undo(demo):
    doc = PackageDocument.open(demo)
    original = file_bytes(demo)
    copy_ = dict(doc.injects[0], id="I01-copie")
    undo_insert = doc.apply(("insert", ("msel", 1), copy_))
    undo_remove = doc.apply(("remove", ("msel", 3)))
    assert [i["id"] for i in doc.injects] == ["I01", "I01-copie", "I02", "I03"]
    assert load_package_after_save(doc).inject("I01-copie").title == "Bulletin de vigilance orange"
    doc.apply(undo_remove)
    doc.apply(undo_insert)
    doc.save()
    assert file_bytes(demo) == original


def load_package_after_save(doc):
    doc.save()
    return load_package(doc.root)


def test_check_gives_the_messages_of_validate_on_unsaved_text(demo):
    doc = PackageDocument.open(demo)
    doc.apply(("set", ("msel", 0, "to"), ["DIR", "NOBODY"]))
    doc.apply(("set", ("msel", 1, "at"), "9:00"))
    package, problems = doc.check()
    assert package is None
    doc.save()
    assert validate_package(demo)[1] == problems  # same text, same messages, same lines
    messages = [p.message for p in problems if not p.warning]
    assert any("no role \"NOBODY\"" in m for m in messages)
    assert any("after the end of the exercise" in m for m in messages)
    by_message = {p.message: doc.locate(p) for p in problems}
    assert by_message[next(m for m in by_message if "NOBODY" in m)] == ("msel", 0, "to")
    assert by_message[next(m for m in by_message if "after the end" in m)] == ("msel", 1, "at")


def test_locate_exercise_fields(demo):
    doc = PackageDocument.open(demo)
    doc.apply(("set", ("exercise", "phases", 1, "scale"), "-1"))
    doc.apply(("set", ("exercise", "objectives", 1, "criteria"), []))
    _, problems = doc.check()
    located = {doc.locate(p) for p in problems}
    assert ("exercise", "phases", 1, "scale") in located
    assert ("exercise", "objectives", 1, "criteria") in located


def test_unreadable_file_is_refused_with_its_location(demo):
    (demo / "msel.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(DocumentError) as error:
        PackageDocument.open(demo)
    assert "msel.yaml:" in str(error.value)


def test_recovery_overlay_keeps_unchanged_bytes(demo):
    doc = PackageDocument.open(demo)
    doc.apply(("set", ("msel", 0, "title"), "Titre récupéré"))
    texts = doc.texts()
    recovered = PackageDocument.open(demo, overlay=texts)
    assert recovered.modified and recovered.injects[0]["title"] == "Titre récupéré"
    assert recovered.texts() == texts


def test_create_package_is_valid_and_runnable(tmp_path):
    root = tmp_path / "Canicule 2032"
    doc = create_package(root, title="Canicule 2032", language="fr",
                         scenario_start=datetime(2032, 6, 22, 7), duration=2 * 3600,
                         startex=datetime(2026, 6, 1, 9, 30))
    package, problems = validate_package(root)
    assert package is not None, problems
    assert package.exercise.id == "canicule-2032" and package.exercise.duration == 7200
    assert (root / "exercise.yaml").read_text(encoding="utf-8").startswith("# STARTEX prévu : 2026-06-01 09:30\n")
    assert (root / "media").is_dir()
    assert not doc.modified
    with pytest.raises(FileExistsError):
        create_package(root, title="x", language="fr", scenario_start=datetime(2032, 1, 1), duration=60)


def test_slugify():
    assert slugify("Paris à 50 °C") == "paris-a-50-c"
    assert slugify("***") == "exercice"


def test_save_leaves_no_temporary_file(demo):
    doc = PackageDocument.open(demo)
    doc.apply(("set", ("msel", 0, "title"), "x"))
    doc.save()
    assert sorted(p.name for p in demo.iterdir()) == ["exercise.yaml", "media", "msel.yaml", "roles.yaml"]
