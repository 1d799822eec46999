"""kill -9 of the room server loses no acknowledged entry, and a restarted server keeps its links.

A real server process takes entries over HTTP; it is SIGKILLed at random moments
while entries are in flight, restarted with the same access (as the console does),
and the same device goes on posting. Every entry the server answered 200 for must
be in the session file, exactly once.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import signal
import sys
import time
from urllib.parse import urlsplit

import pytest

from crisisdesk.server.process import ServerProcess
from crisisdesk.session import Session

ROUNDS = int(os.environ.get("CRISISDESK_SERVER_KILL_ROUNDS", "4"))


def _request(base: str, method: str, path: str, body: dict | None, headers: dict) -> tuple[int, dict]:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        data = json.dumps(body).encode() if body is not None else None
        conn.request(method, path, body=data, headers={"Content-Type": "application/json", "Origin": base, **headers})
        response = conn.getresponse()
        return response.status, json.loads(response.read() or b"{}")
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_of_the_server_loses_no_acknowledged_entry(tmp_path, mini_package_path):
    rng = random.Random(int(os.environ.get("CRISISDESK_KILL_SEED", time.time_ns() % 100_000)))
    path = tmp_path / "kill.crisisdesk"
    Session.create(path, mini_package_path).close()
    server = ServerProcess(path, "127.0.0.1", 0)
    server.start()
    assert server.wait_ready(), server.stderr_tail
    link = next(lk for lk in server.links if lk["kind"] == "observer")
    status, joined = _request(server.base, "POST", "/api/join", {"name": "Zoé"}, {"X-Crisisdesk-Link": link["url"].split("/")[-2]})
    assert status == 200
    device = joined["device"]
    acked: list[str] = []
    sent = 0
    try:
        for round_ in range(ROUNDS):
            kill_at = time.monotonic() + rng.uniform(0.3, 1.5)
            while time.monotonic() < kill_at:
                client_id = f"r{round_}n{sent}"
                sent += 1
                try:
                    status, _ = _request(server.base, "POST", "/api/entries",
                                         {"client_id": client_id, "line": f"Entrée n°{sent} — été"},
                                         {"X-Crisisdesk-Token": device})
                except OSError:
                    continue
                if status == 200:
                    acked.append(client_id)
            os.kill(server.pid, signal.SIGKILL)
            while server.running:
                time.sleep(0.01)
            server.start()  # same port, same links and devices
            assert server.wait_ready(), server.stderr_tail
        status, view = _request(server.base, "GET", "/api/view", None, {"X-Crisisdesk-Token": device})
        assert status == 200 and view["kind"] == "observer"  # the device was not asked to join again
    finally:
        server.stop()
    assert len(acked) >= ROUNDS
    with Session.open(path, read_only=True) as session:
        stored = [e.entry_id for e in session.state.entry_history]
    assert set(acked) <= set(stored)
    assert len(stored) == len(set(stored))


def test_the_server_stops_by_itself_after_endex_and_its_grace(tmp_path, mini_package_path):
    path = tmp_path / "ended.crisisdesk"
    with Session.create(path, mini_package_path) as console:
        console.start()
        console.end()
    server = ServerProcess(path, "127.0.0.1", 0, grace_minutes=0)
    server.start()
    assert server.wait_ready(), server.stderr_tail
    deadline = time.monotonic() + 30
    while server.running and time.monotonic() < deadline:
        time.sleep(0.05)
    server.finish_reading()
    assert not server.running and server.stop_reason == "endex"
