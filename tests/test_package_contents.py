"""What a session keeps of a package folder, and loading a package from bytes without touching the disk."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from crisisdesk.package import contents
from crisisdesk.package.contents import PackageContentsError, package_members, read_member
from crisisdesk.package.loader import load_package, load_package_files, validate_package_files


def folder_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_package_from_bytes_is_the_package_from_its_folder(paris_package_path):
    on_disk = load_package(paris_package_path)
    in_memory = load_package_files(folder_files(paris_package_path), Path("run.crisisdesk"))
    assert (in_memory.exercise, in_memory.roles, in_memory.injects) == (
        on_disk.exercise, on_disk.roles, on_disk.injects)
    assert in_memory.root == Path("run.crisisdesk")


def test_a_package_from_bytes_reports_what_is_missing_or_outside(paris_package_path):
    files = folder_files(paris_package_path)
    attachment = next(name for name in files if name.startswith("media/"))
    del files[attachment]
    del files["roles.yaml"]
    files["msel.yaml"] += b"\n"  # still a valid file
    package, problems = validate_package_files(files, Path("run.crisisdesk"))
    assert package is None
    shown = [str(p) for p in problems]
    assert "run.crisisdesk/roles.yaml: file is missing from the stored package" in shown
    assert any(f'"{attachment}" is missing from the stored package' in text for text in shown)


@pytest.fixture
def cluttered(tmp_path, paris_package_path) -> Path:
    """The Paris package with what a real folder collects: drafts, a big video, links, a README."""
    root = tmp_path / "paris"
    shutil.copytree(paris_package_path, root)
    (root / "brouillon.yaml").write_text("pas: lu\n", encoding="utf-8")
    (root / "media" / "video.mp4").write_bytes(b"\0" * 3_000_000)
    (root / "media" / "passwd").symlink_to("/etc/passwd")
    (root / "notes").mkdir()
    (root / "notes" / "secret.txt").write_text("confidentiel", encoding="utf-8")
    return root


def test_a_session_keeps_only_the_three_files_and_the_listed_attachments(cluttered):
    package = load_package(cluttered)
    members = package_members(cluttered, package)
    listed = sorted({path for inject in package.injects for path in inject.attachments})
    assert [m.relpath for m in members] == ["exercise.yaml", "roles.yaml", "msel.yaml", *listed]
    assert all(m.size == (cluttered / m.relpath).stat().st_size for m in members)
    assert b"".join(read_member(members[2], chunk_bytes=1000)) == (cluttered / "msel.yaml").read_bytes()


def test_a_file_over_the_limit_is_refused_by_name(cluttered, monkeypatch):
    package = load_package(cluttered)
    msel = (cluttered / "msel.yaml").stat().st_size
    monkeypatch.setattr(contents, "MAX_MEMBER_BYTES", msel - 1)  # the biggest of the three files
    with pytest.raises(PackageContentsError, match=rf"msel\.yaml: {msel / 1024:.0f} KB is too big to keep in a "
                                                   rf"session file \(the limit is {(msel - 1) / 1024:.0f} KB a file\)"):
        package_members(cluttered, package)
    monkeypatch.setattr(contents, "MAX_MEMBER_BYTES", 10**9)
    monkeypatch.setattr(contents, "MAX_PACKAGE_BYTES", 50_000)
    with pytest.raises(PackageContentsError, match="its files add up to"):
        package_members(cluttered, package)


def test_a_file_swapped_for_a_link_after_the_check_is_refused(cluttered):
    package = load_package(cluttered)
    member = package_members(cluttered, package)[0]
    member.path.unlink()
    member.path.symlink_to("/etc/passwd")
    with pytest.raises(PackageContentsError, match="is a symbolic link"):
        b"".join(read_member(member))


def test_a_file_that_changed_size_after_the_check_is_refused(cluttered):
    package = load_package(cluttered)
    member = package_members(cluttered, package)[1]
    with open(member.path, "ab") as handle:
        handle.write(b"# plus\n")
    with pytest.raises(PackageContentsError, match="changed while the session was being created"):
        b"".join(read_member(member))


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_linked_package_file_is_refused(cluttered):
    package = load_package(cluttered)
    target = cluttered.parent / "roles-ailleurs.yaml"
    shutil.move(cluttered / "roles.yaml", target)
    (cluttered / "roles.yaml").symlink_to(target)
    with pytest.raises(PackageContentsError, match=r"roles\.yaml: is or goes through a symbolic link"):
        package_members(cluttered, package)


def test_new_keeps_only_what_the_package_uses_and_reads_it_back_without_a_folder(cluttered, tmp_path, capsys):
    import sqlite3

    from crisisdesk.cli import main
    from crisisdesk.session import Session

    session = tmp_path / "run.crisisdesk"
    assert main(["new", str(cluttered), "-o", str(session)]) == 0
    package = load_package(cluttered)
    listed = sorted({path for inject in package.injects for path in inject.attachments})
    with sqlite3.connect(session) as conn:
        stored = dict(conn.execute("SELECT path, length(data) FROM package_files").fetchall())
    assert sorted(stored) == sorted(["exercise.yaml", "roles.yaml", "msel.yaml", *listed])
    assert all(stored[name] == (cluttered / name).stat().st_size for name in stored)
    with Session.open(session, read_only=True) as s:
        assert s.attachment_bytes(listed[0]) == (cluttered / listed[0]).read_bytes()
        assert s.package.injects == package.injects


def test_new_refuses_a_package_over_the_limits_with_a_message(cluttered, tmp_path, capsys, monkeypatch):
    from crisisdesk.cli import main

    msel = (cluttered / "msel.yaml").stat().st_size
    monkeypatch.setattr(contents, "MAX_MEMBER_BYTES", msel - 1)
    session = tmp_path / "run.crisisdesk"
    assert main(["new", str(cluttered), "-o", str(session)]) == 2
    err = capsys.readouterr().err
    assert f"msel.yaml: {msel / 1024:.0f} KB is too big to keep in a session file" in err and "Traceback" not in err
    assert not session.exists() and list(tmp_path.glob("run.crisisdesk*")) == []
