"""Opening a session file writes nothing outside it: no extracted package, even when the app is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from crisisdesk.session import Session

ROOT = Path(__file__).resolve().parent.parent
HOLD_OPEN = """
import sys
from crisisdesk.session import Session
s = Session.open(sys.argv[1])
print(s.package.exercise.title, flush=True)
print(len(s.attachment_bytes("msel.yaml")), flush=True)
sys.stdin.read()  # killed here, the file open
"""


def test_opening_a_session_writes_no_temporary_copy_of_the_package(tmp_path, mini_package_path, monkeypatch):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    path = tmp_path / "run.crisisdesk"
    Session.create(path, mini_package_path).close()
    for read_only in (False, True, False):
        with Session.open(path, read_only=read_only) as session:
            assert session.package.exercise.id == "mini-canicule"
            assert list(scratch.iterdir()) == []
    assert list(scratch.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_app_leaves_no_temporary_folder(tmp_path, mini_package_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    path = tmp_path / "run.crisisdesk"
    Session.create(path, mini_package_path).close()
    env = {**os.environ, "TMPDIR": str(scratch)}
    for _ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", HOLD_OPEN, str(path)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, cwd=ROOT, env=env, text=True)
        assert proc.stdout.readline().strip() == "Mini-exercice canicule"
        assert int(proc.stdout.readline()) > 0
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        proc.stdin.close()
    assert list(scratch.iterdir()) == []
