"""Opening a package for editing reads values as written, with the faster text-only YAML resolution."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisisdesk.package.document import PackageDocument, plain
from crisisdesk.package.loader import PACKAGE_FILES
from crisisdesk.package.yamlsource import read_yaml


@pytest.mark.parametrize("name", PACKAGE_FILES)
def test_text_only_resolution_gives_the_same_data_as_the_full_one(paris_package_path, name):
    full, problems = read_yaml(paris_package_path / name, name)
    fast, fast_problems = read_yaml(paris_package_path / name, name, texts_only=True)
    assert problems == fast_problems == []
    assert plain(fast) == plain(full)


def test_nulls_and_typed_looking_values_stay_as_written(tmp_path: Path):
    path = tmp_path / "msel.yaml"
    path.write_text("- a:\n  b: ~\n  c: null\n  d: 1:05\n  e: yes\n  f: 'null'\n  g: 012\n", encoding="utf-8")
    node, problems = read_yaml(path, "msel.yaml", texts_only=True)
    full, _ = read_yaml(path, "msel.yaml")
    assert problems == []
    assert plain(node) == plain(full)
    assert plain(node) == [{"a": "", "b": "~", "c": "null", "d": "1:05", "e": "yes", "f": "null", "g": "012"}]
    assert [value.tag.rsplit(":", 1)[1] for _key, value in node.value[0].value] == [
        "null", "null", "null", "str", "str", "str", "str"]


def test_an_explicit_tag_is_still_refused(tmp_path: Path):
    path = tmp_path / "msel.yaml"
    path.write_text("- id: I1\n  title: !!python/object:os.system echo\n", encoding="utf-8")
    node, problems = read_yaml(path, "msel.yaml", texts_only=True)
    assert node is None
    assert "python/object" in problems[0].message and problems[0].line == 2


def test_a_file_without_any_exclamation_mark_skips_nothing_it_should_not(tmp_path: Path, paris_package_path):
    doc = PackageDocument.open(paris_package_path)
    assert doc.injects and all(isinstance(i, dict) for i in doc.injects)
    assert not doc.modified
