"""``package/writer.py``: a model written back to YAML loads as the same model, byte-stable."""

from __future__ import annotations

import shutil
from dataclasses import replace

from crisisdesk.package.loader import load_package
from crisisdesk.package.model import Expected
from crisisdesk.package.writer import dump_msel, write_package_files


def _rewrite(package, tmp_path, source):
    folder = tmp_path / "out"
    folder.mkdir()
    if (source / "media").is_dir():
        shutil.copytree(source / "media", folder / "media")
    write_package_files(package, folder)
    return load_package(folder), folder


def test_paris_and_mini_load_back_equal(tmp_path, paris_package_path, mini_package_path):
    for n, source in enumerate((paris_package_path, mini_package_path)):
        package = load_package(source)
        (tmp_path / str(n)).mkdir()
        back, _ = _rewrite(package, tmp_path / str(n), source)
        assert (back.exercise, back.roles, back.injects) == (package.exercise, package.roles, package.injects)


def test_output_is_deterministic_and_quotes_times(tmp_path, paris_package_path):
    package = load_package(paris_package_path)
    first = dump_msel(package.injects)
    assert first == dump_msel(package.injects)
    listed = next(i for i in package.injects if not i.to_all)
    assert f'at: "{listed.at // 3600}:{listed.at % 3600 // 60:02d}"' in first
    assert f"to: [{', '.join(listed.to)}]" in first and "to: all" in first
    assert "\n  body: |\n" in first


def test_awkward_text_and_values_survive(tmp_path, mini_package_path):
    package = load_package(mini_package_path)
    inject = package.injects[0]
    tricky = replace(
        inject,
        at=65,
        title="yes",
        body="  indented first line\nAlerte : rouge # pas un commentaire\n\n",
        notes="1:05",
        sets={key: "42" for key in list(inject.sets)[:1]} or inject.sets,
        expected=(Expected(role=inject.to[0], action="- tiret: deux points", within=90),),
    )
    package = replace(package, injects=(tricky, *package.injects[1:]))
    back, folder = _rewrite(package, tmp_path, mini_package_path)
    assert back.inject(tricky.id) == tricky
    assert 'at: "0:01:05"' in (folder / "msel.yaml").read_text(encoding="utf-8")


def test_contingency_manual_defaults_are_kept(tmp_path, mini_package_path):
    package = load_package(mini_package_path)
    contingency = next(i for i in package.injects if i.contingency_for)
    flipped = replace(contingency, manual=not contingency.manual)
    package = replace(package, injects=tuple(flipped if i is contingency else i for i in package.injects))
    back, _ = _rewrite(package, tmp_path, mini_package_path)
    assert back.inject(contingency.id).manual == flipped.manual


def test_readiness_thresholds_are_written_only_when_set(tmp_path, mini_package_path):
    from crisisdesk.package.model import ReadinessSettings

    package = load_package(mini_package_path)
    settings = ReadinessSettings(window=600, max_quiet=1200, max_responses_due=3, briefings=(package.injects[0].id,))
    package = replace(package, exercise=replace(package.exercise, readiness=settings))
    back, folder = _rewrite(package, tmp_path, mini_package_path)
    assert back.exercise.readiness == settings
    text = (folder / "exercise.yaml").read_text(encoding="utf-8")
    assert 'window: "0:10"' in text and "max_dead_time" not in text  # defaults are left out
