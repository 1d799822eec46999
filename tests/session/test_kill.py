"""Kill test: an app writing to a session file is SIGKILLed at random moments, many times.

Every id it printed (after its commit) must be in the file, and the state rebuilt
from the file must equal a fresh replay of its events and the state a second window
kept up to date incrementally with refresh() while the kills went on.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from crisisdesk.clock import FakeTime
from crisisdesk.session import InjectStatus, Session
from crisisdesk.session.replay import replay
from tests.conftest import ROOT

WRITER = ROOT / "tests" / "helpers" / "kill_writer.py"
ROUNDS = int(os.environ.get("CRISISDESK_KILL_ROUNDS", "25"))


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_at_random_moments_loses_nothing_acknowledged(tmp_path, mini_package_path):
    # The kill moments come from this seed, printed first (pytest shows it with any failure):
    # CRISISDESK_KILL_SEED=<seed> replays the same schedule.
    seed = int(os.environ.get("CRISISDESK_KILL_SEED", time.time_ns() % 100_000))
    replay_with = f"replay with CRISISDESK_KILL_SEED={seed} CRISISDESK_KILL_ROUNDS={ROUNDS}"
    print(f"\nkill test seed {seed} ({replay_with})")
    rng = random.Random(seed)
    path = tmp_path / "killed.crisisdesk"
    Session.create(path, mini_package_path).close()
    watcher_clock = FakeTime(time.time())
    watcher = Session.open(path, time_source=watcher_clock)  # a second window following along
    acked_entries: list[str] = []
    acked_fires: list[str] = []
    killed_while_writing = 0
    try:
        for round_no in range(ROUNDS):
            out_path = tmp_path / f"round-{round_no}.out"
            with open(out_path, "wb") as out:
                proc = subprocess.Popen([sys.executable, str(WRITER), str(path)], stdout=out,
                                        stderr=subprocess.PIPE, cwd=ROOT)
                early = round_no % 5 == 0  # one round in five dies while starting, opening or taking over
                if early:
                    kill_at = time.monotonic() + rng.uniform(0.05, 0.8)
                else:  # the others once writing, at a random moment of it
                    ready_by = time.monotonic() + 60
                    while b"READY" not in out_path.read_bytes() and time.monotonic() < ready_by:
                        if proc.poll() is not None:
                            break
                        time.sleep(0.01)
                    kill_at = time.monotonic() + rng.uniform(0.0, 0.5)
                while time.monotonic() < kill_at and proc.poll() is None:
                    time.sleep(0.01)
                    watcher.refresh()
                assert proc.poll() is None, f"{replay_with}: {proc.stderr.read().decode()}"
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                proc.stderr.close()
            lines = out_path.read_bytes().decode().split("\n")[:-1]  # only complete lines
            killed_while_writing += "READY" in lines
            if not early:
                assert "READY" in lines, replay_with
            acked_entries += [line[2:] for line in lines if line.startswith("E ")]
            acked_fires += [line[2:] for line in lines if line.startswith("F ")]
        watcher.refresh()
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",), replay_with
        end = FakeTime(time.time())
        watcher_clock.set(end.now())
        with Session.open(path, time_source=end) as reopened:
            state = reopened.state
            stored_entries = {e.entry_id for e in state.entry_history}
            lost_entries = [e for e in acked_entries if e not in stored_entries]
            lost_fires = [i for i in acked_fires if state.inject(i).status is not InjectStatus.FIRED]
            unacked = len(stored_entries) - len(set(acked_entries))
            print(f"\nkill test: {ROUNDS} rounds ({killed_while_writing} killed while writing), "
                  f"{len(acked_entries)} entries and {len(acked_fires)} firings acknowledged, "
                  f"{len(lost_entries) + len(lost_fires)} lost, {unacked} committed but not acknowledged, "
                  f"{len(reopened.events_since(0))} events in the file")
            assert lost_entries == [] and lost_fires == [], replay_with
            assert len(acked_entries) == len(set(acked_entries)), replay_with
            assert state == replay(reopened.package, reopened.events_since(0), end.now()), replay_with
            assert watcher.state == state, replay_with
            assert state.anomalies == (), replay_with
    finally:
        watcher.close()
