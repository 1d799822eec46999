"""Writes saved to a file when the disk was full come back into the session: app, CLI, and a real full disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crisisdesk.cli import main
from crisisdesk.clock import FakeTime
from crisisdesk.session import Session, SessionError, WriteFailedError
from tests.small_filesystem import fill, small_filesystem

T0 = 1_780_000_000.0


def write_on_a_full_disk(tmp_path: Path, mini_package_path: Path) -> tuple[Path, Path, list[str]]:
    """Play on a 1 MB filesystem until it is full; return the session, the saved writes and their texts."""
    small = tmp_path / "small"
    kept_file = tmp_path / "usb" / "saisies.json"  # elsewhere: a USB key
    kept_file.parent.mkdir()
    texts = [f"Décision {n} : évacuer le gymnase ; rappeler la DSOL" for n in range(4)]
    with small_filesystem(small, 1024):
        path = small / "run.crisisdesk"
        clock = FakeTime(T0)
        session = Session.create(path, mini_package_path, time_source=clock)
        session.start()
        clock.advance(60)
        session.log_entry(observer="Alice", role="DIR", kind="decision", text="Avant le disque plein",
                          entry_id="before")
        filler = fill(small)
        for n, text in enumerate(texts):
            clock.advance(30)
            with pytest.raises(WriteFailedError) as failed:
                session.log_entry(observer="Alice", role="DIR", kind="decision", text=text, entry_id=f"full-{n}")
            assert failed.value.pending and failed.value.code == "disk_full"
        assert [p.journaled for p in session.pending_writes] == [False] * 4  # not even beside the file
        assert session.export_pending(kept_file) == 4
        session.close()
        filler.unlink()
        with Session.open(path, read_only=True) as reopened:  # the file never had them
            assert [e.entry_id for e in reopened.state.entries] == ["before"]
        copy = tmp_path / "run.crisisdesk"
        copy.write_bytes(path.read_bytes())  # closed (checkpointed): the copy outlives the mount
    return copy, kept_file, texts


def test_writes_saved_on_a_full_disk_come_back_with_the_cli(tmp_path, mini_package_path, capsys):
    path, kept_file, texts = write_on_a_full_disk(tmp_path, mini_package_path)
    assert main(["import-pending", str(path), str(kept_file)]) == 0
    assert capsys.readouterr().out == f"{path}: 4 write(s) stored, 0 already in the file\n"
    with Session.open(path, read_only=True) as s:
        entries = s.state.entries
        assert [e.entry_id for e in entries] == ["before", "full-0", "full-1", "full-2", "full-3"]
        assert [e.text for e in entries[1:]] == texts
        assert all(e.observer == "Alice" and e.role == "DIR" for e in entries)
    # Again: nothing stored twice.
    assert main(["import-pending", str(path), str(kept_file)]) == 0
    assert capsys.readouterr().out == f"{path}: 0 write(s) stored, 4 already in the file\n"
    with Session.open(path, read_only=True) as s:
        assert len(s.state.entry_history) == 5


def test_importing_while_the_disk_is_still_full_keeps_the_writes(tmp_path, mini_package_path):
    path, kept_file, _ = write_on_a_full_disk(tmp_path, mini_package_path)
    small = tmp_path / "again"
    with small_filesystem(small, 1024):
        target = small / "run.crisisdesk"
        target.write_bytes(path.read_bytes())
        with Session.open(target, time_source=FakeTime(T0 + 600)) as s:
            filler = fill(small)  # full again once the file is open (opening itself needs some room)
            with pytest.raises(WriteFailedError) as failed:
                s.import_pending(kept_file)
            assert failed.value.pending
            assert len(s.pending_writes) == 4  # kept, not lost again
            filler.unlink()
            assert s.retry_pending() == 4
            assert len(s.state.entries) == 5


HOSTILE_FILES = {
    "not JSON": b"{\"application\": \"crisisdesk-pending",
    "another application": json.dumps({"application": "autre", "writes": []}).encode(),
    "a controller event": json.dumps({"application": "crisisdesk-pending-writes", "writes": [
        {"event_id": "x1", "kind": "fire", "real_time": T0, "payload": {"inject_id": "I01"}}]}).encode(),
    "a payload of the wrong type": json.dumps({"application": "crisisdesk-pending-writes", "writes": [
        {"event_id": "x2", "kind": "entry", "real_time": T0, "payload": {"entry_id": "x2", "kind": "decision",
                                                                          "text": ["pas", "un", "texte"]}}]}).encode(),
    "a time that is no time": json.dumps({"application": "crisisdesk-pending-writes", "writes": [
        {"event_id": "x3", "kind": "entry", "real_time": 1e300, "payload": {}}]}).encode(),
    "a list": b"[1, 2, 3]",
    "nested deep": b"[" * 100_000,
}


@pytest.mark.parametrize("content", HOSTILE_FILES.values(), ids=HOSTILE_FILES.keys())
def test_a_file_that_is_not_a_good_one_is_refused_whole(tmp_path, mini_package_path, content, capsys):
    path = tmp_path / "run.crisisdesk"
    Session.create(path, mini_package_path).close()
    bad = tmp_path / "saisies.json"
    bad.write_bytes(content)
    with Session.open(path) as s, pytest.raises(SessionError) as refused:
        s.import_pending(bad)
    assert refused.value.code == "pending_file_invalid" and str(bad) in str(refused.value)
    assert main(["import-pending", str(path), str(bad)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    with Session.open(path, read_only=True) as s:
        assert s.state.entry_history == ()
