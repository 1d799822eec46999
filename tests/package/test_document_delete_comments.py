"""Deleting an item keeps the comments that are not its own (a section title above it)."""

from __future__ import annotations

import shutil
from pathlib import Path

from crisisdesk.package.document import PackageDocument
from crisisdesk.package.loader import load_package

MSEL = """\
# Chronogramme de test.

# ===== Phase 1 =====

- id: A1
  at: "0:00"
  title: Premier

# ===== Phase 2 =====

# the inject below is the phase's jump
- id: B1
  at: "0:30"
  title: Saut de temps

- id: B2
  at: "0:40"
  title: Suite

# ===== Fin =====

- id: Z1
  at: "1:00"
  title: Dernier
# end of file
"""


def open_with(tmp_path: Path, paris_package_path: Path, msel: str) -> PackageDocument:
    root = tmp_path / "pkg"
    shutil.copytree(paris_package_path, root)
    (root / "msel.yaml").write_text(msel, encoding="utf-8")
    return PackageDocument.open(root)


def delete(doc: PackageDocument, ident: str) -> None:
    row = next(i for i, inject in enumerate(doc.injects) if inject["id"] == ident)
    doc.apply(("remove", ("msel", row)))


def test_a_section_title_above_a_deleted_item_is_kept_its_own_comment_goes(tmp_path, paris_package_path):
    doc = open_with(tmp_path, paris_package_path, MSEL)
    delete(doc, "B1")
    assert doc.text("msel") == MSEL.replace(
        "# the inject below is the phase's jump\n- id: B1\n  at: \"0:30\"\n  title: Saut de temps\n\n", "")


def test_deleting_every_item_of_a_section_keeps_its_title_and_the_end_comments(tmp_path, paris_package_path):
    doc = open_with(tmp_path, paris_package_path, MSEL)
    delete(doc, "B1")
    delete(doc, "B2")
    delete(doc, "Z1")
    text = doc.text("msel")
    assert "# ===== Phase 2 =====" in text and "# ===== Fin =====" in text and text.endswith("# end of file\n")
    assert "B1" not in text and "B2" not in text and "phase's jump" not in text
    assert text.index("# ===== Phase 2 =====") < text.index("# ===== Fin =====")


def test_undoing_the_delete_gives_the_file_back_byte_for_byte(tmp_path, paris_package_path):
    doc = open_with(tmp_path, paris_package_path, MSEL)
    row = 1
    inverse = doc.apply(("remove", ("msel", row)))
    doc.apply(inverse)
    assert doc.text("msel") == MSEL


def test_the_paris_phase_titles_survive_deleting_each_phase_first_inject(tmp_path, paris_package_path):
    root = tmp_path / "paris"
    shutil.copytree(paris_package_path, root)
    original = (root / "msel.yaml").read_text(encoding="utf-8")
    doc = PackageDocument.open(root)
    delete(doc, "P2-00")
    doc.save()
    text = (root / "msel.yaml").read_text(encoding="utf-8")
    assert text.count("# Phase ") == original.count("# Phase ")
    start = original.index("- id: P2-00")
    end = original.index("- id: P2-01")
    assert text == original[:start] + original[end:]  # exactly the inject went, its section title stayed
    assert "P2-00" not in [i.id for i in load_package(root).injects]
