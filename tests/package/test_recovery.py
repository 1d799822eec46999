"""A recovery copy survives a killed editor process and gives the unsaved work back."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from crisisdesk.package.document import PackageDocument
from crisisdesk.package.recovery import discard_recovery, find_recovery, write_recovery
from tests.package.test_document import demo  # noqa: F401  (fixture)


def test_recovery_after_a_killed_process(demo, tmp_path):  # noqa: F811
    base = tmp_path / "recovery"
    script = textwrap.dedent(f"""
        import os
        from crisisdesk.package.document import PackageDocument
        from crisisdesk.package.recovery import write_recovery
        doc = PackageDocument.open({str(demo)!r})
        doc.apply(("set", ("msel", 0, "title"), "Travail non enregistré"))
        write_recovery({str(base)!r}, doc.root, doc.texts())
        os._exit(9)  # dies without saving, like a crash
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=str(__import__("pathlib").Path(__file__).parents[2]))
    assert result.returncode == 9
    assert PackageDocument.open(demo).injects[0]["title"] != "Travail non enregistré"  # the files were not touched
    found = find_recovery(base, demo)
    assert found is not None
    doc = PackageDocument.open(demo, overlay=found.texts)
    assert doc.injects[0]["title"] == "Travail non enregistré" and doc.modified
    discard_recovery(base, demo)
    assert find_recovery(base, demo) is None


def test_a_recovery_equal_to_the_files_is_not_offered(demo, tmp_path):  # noqa: F811
    doc = PackageDocument.open(demo)
    write_recovery(tmp_path, demo, doc.texts())
    assert find_recovery(tmp_path, demo) is None
