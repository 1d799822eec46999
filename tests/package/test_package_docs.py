"""The complete example of docs/package-format.md is a valid package and validates as documented."""

from __future__ import annotations

import re

from crisisdesk.cli import main
from crisisdesk.package.loader import load_package
from tests.conftest import ROOT

DOC = ROOT / "docs" / "package-format.md"


def example_files() -> dict[str, str]:
    """Each ```yaml block of the example, keyed by the file name announced above it."""
    text = DOC.read_text(encoding="utf-8").split("## A complete example", 1)[1]
    blocks = re.findall(r"`canicule-demo/(\w+\.yaml)`:\n\n```yaml\n(.*?)```", text, re.DOTALL)
    return dict(blocks)


def documented_output() -> list[str]:
    text = DOC.read_text(encoding="utf-8").split("then prints:", 1)[1]
    return re.search(r"```\n(.*?)```", text, re.DOTALL).group(1).splitlines()


def test_documented_example_validates_with_the_documented_summary(tmp_path, monkeypatch, capsys):
    files = example_files()
    assert sorted(files) == ["exercise.yaml", "msel.yaml", "roles.yaml"]
    root = tmp_path / "canicule-demo"
    (root / "media").mkdir(parents=True)
    for name, content in files.items():
        (root / name).write_text(content, encoding="utf-8")
    (root / "media" / "carte-vigilance.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "canicule-demo"]) == 0
    assert capsys.readouterr().out.splitlines() == documented_output()
    # the worked example of the scenario clock
    package = load_package(root)
    assert f"{package.scenario_time_at(10 * 60):%d %H:%M}" == "22 08:00"
    assert f"{package.scenario_time_at(40 * 60):%d %H:%M}" == "23 14:40"
