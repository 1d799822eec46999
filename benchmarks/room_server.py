"""Room server under a room's load: simulated devices on loopback while a console fires the Paris timeline.

    .venv/bin/python benchmarks/room_server.py                 # 30 devices, 5 minutes
    .venv/bin/python benchmarks/room_server.py --duration 60   # a shorter run
    .venv/bin/python benchmarks/room_server.py --json out.json

What runs, each in its own process, all on 127.0.0.1:
- the room server (``python -m crisisdesk.server … --control``, as the console starts it);
- the console (``--console qt``, the default): the real console window and loop of
  ``benchmarks/lateness.py`` (offscreen) on a Paris session, firing an ad-hoc inject to DIR
  every ``--fire-every`` seconds by its own precise timer; lateness is read from the stored
  fire times. ``--console headless`` instead fires the Paris injects in order from a plain
  loop (no Qt), and players listen on every played role;
- this process: ``--observers`` devices posting an entry every 2 s (posted → the server's
  200, which it sends only once the file holds the entry) and ``--players`` devices
  listening to the live stream of a played role (inject fired, by the stored time → the
  view that shows it arrives on that page).

Targets (issue 16): entry posted → committed p99 ≤ 50 ms; inject fired → shown on every
player page p99 ≤ 1 s; the console's inject lateness p99 ≤ 50 ms; server memory ≤ 120 MiB.
Every loop is bounded by ``--duration`` and stops by itself; traffic goes to loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crisisdesk.server.process import ServerProcess  # noqa: E402
from crisisdesk.session import Session  # noqa: E402

PARIS = ROOT / "injects" / "paris-50c"

CONSOLE = textwrap.dedent("""
    import json, sys, time
    from crisisdesk.session import Session
    path, every, duration = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    session = Session.open(path, observer="direction")
    order = [s.id for s in session.state.injects if not s.inject.manual]
    t0 = time.monotonic() + 1.0
    late = []
    for n, inject_id in enumerate(order):
        due = t0 + n * every
        if due - t0 > duration:
            break
        while (left := due - time.monotonic()) > 0:
            time.sleep(min(left, 0.05))
        try:
            session.fire(inject_id)
        except Exception as exc:  # fired or skipped meanwhile
            print(json.dumps({"skip": inject_id, "why": str(exc)}), flush=True)
            continue
        late.append((time.monotonic() - due) * 1000)
    print(json.dumps({"lateness_ms": late}), flush=True)
    session.close()
""")


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


async def observer(base: str, token: str, n: int, until: float, out: list[float], errors: list[str]) -> None:
    import aiohttp

    headers = {"X-Crisisdesk-Token": token, "Origin": base}
    async with aiohttp.ClientSession() as http:
        i = 0
        next_at = time.monotonic() + (n % 20) * 0.1  # spread the observers over the 2 s
        while next_at < until:
            await asyncio.sleep(max(0.0, next_at - time.monotonic()))
            body = {"client_id": f"b{n}x{i}", "line": f"DIR i: point de situation n°{i} de l'observateur {n} — été"}
            started = time.monotonic()
            async with http.post(f"{base}/api/entries", json=body, headers=headers) as response:
                await response.read()
                if response.status == 200:
                    out.append((time.monotonic() - started) * 1000)
                else:
                    errors.append(f"observer {n}: HTTP {response.status}")
            i += 1
            next_at += 2.0


async def player(base: str, token: str, until: float, out: list[float], seen_total: list[int]) -> None:
    import aiohttp

    timeout = aiohttp.ClientTimeout(total=None, sock_read=None)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        async with http.get(f"{base}/api/live", params={"t": token}) as response:
            seen: set[str] = set()
            first = True
            buffer = b""
            while time.monotonic() < until:
                # Views can be larger than aiohttp's readline limit: split the stream ourselves.
                while b"\n\n" not in buffer:
                    try:
                        chunk = await asyncio.wait_for(response.content.readany(), max(0.1, until - time.monotonic()))
                    except TimeoutError:
                        return
                    if not chunk:
                        return
                    buffer += chunk
                block, buffer = buffer.split(b"\n\n", 1)
                data = [line[6:] for line in block.split(b"\n") if line.startswith(b"data: ")]
                if not data:
                    continue
                now = time.time()
                view = json.loads(b"\n".join(data))
                for message in view.get("messages", []):
                    if message["id"] in seen:
                        continue
                    seen.add(message["id"])
                    if not first:  # the first view holds what was fired before we listened
                        out.append((now - message["fired_at"]) * 1000)
                        seen_total[0] += 1
                first = False


def join(base: str, link: dict, name: str) -> str:
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("POST", "/api/join", body=json.dumps({"name": name}),
                 headers={"Content-Type": "application/json", "Origin": base,
                          "X-Crisisdesk-Link": link["url"].rstrip("/").split("/")[-1]})
    data = json.loads(conn.getresponse().read())
    conn.close()
    return data["device"]


def _has_started(path: Path) -> bool:
    """True once the console's session file exists and its clock runs (its injects are added)."""
    if not path.exists():
        return False
    try:
        with Session.open(path, read_only=True) as session:
            return any(s.adhoc for s in session.state.injects)
    except Exception:
        return False


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def devices(server: ServerProcess, args, until: float):
    observer_link = next(lk for lk in server.links if lk["kind"] == "observer")
    player_links = [lk for lk in server.links if lk["kind"] == "player"]
    commits: list[float] = []
    shown: list[float] = []
    errors: list[str] = []
    seen_total = [0]
    tasks = []
    for n in range(args.observers):
        tasks.append(observer(server.base, join(server.base, observer_link, f"obs {n}"), n, until, commits, errors))
    for n in range(args.players):
        if args.console == "qt":  # the console's measuring injects go to DIR
            link = next(lk for lk in player_links if lk["role"] == "DIR")
        else:
            link = player_links[n % len(player_links)]
        tasks.append(player(server.base, join(server.base, link, f"player {n}"), until + 2, shown, seen_total))
    await asyncio.gather(*tasks)
    return commits, shown, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=300, help="seconds of load (default 300)")
    parser.add_argument("--observers", type=int, default=20)
    parser.add_argument("--players", type=int, default=10)
    parser.add_argument("--fire-every", type=float, default=2.0, help="seconds between two injects (default 2)")
    parser.add_argument("--console", choices=("qt", "headless"), default="qt",
                        help="the real console window (default) or a plain firing loop")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="crisisdesk-room-bench-") as tmp:
        path = Path(tmp) / "paris.crisisdesk"
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        if args.console == "qt":
            spacing = max(1, round(args.fire_every))
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
            console_proc = subprocess.Popen(
                [sys.executable, str(ROOT / "benchmarks" / "lateness.py"), "--session-file", str(path),
                 "--injects", str(int(args.duration // spacing)), "--spacing", str(spacing), "--first-in", "8"],
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
            deadline = time.monotonic() + 60
            while not _has_started(path) and time.monotonic() < deadline:
                time.sleep(0.2)
        else:
            with Session.create(path, PARIS, observer="direction") as console:
                console.start()
        server = ServerProcess(path, "127.0.0.1", 0)
        server.start()
        if not server.wait_ready(30):
            print("server did not start:", "\n".join(server.stderr_tail))
            return 1
        if args.console == "headless":
            console_proc = subprocess.Popen([sys.executable, "-c", CONSOLE, str(path), str(args.fire_every),
                                             str(args.duration)], stdout=subprocess.PIPE, text=True, env=env)
        until = time.monotonic() + args.duration
        commits, shown, errors = asyncio.run(devices(server, args, until))
        out, _ = console_proc.communicate(timeout=args.duration + 60)
        lateness = next((json.loads(line)["lateness_ms"] for line in out.splitlines() if "lateness_ms" in line), [])
        rss = peak_rss_mib(server.pid)
        server.stop()

    rows = [
        ("entry posted → committed (HTTP 200)", commits, 50.0, "ms"),
        ("inject fired → shown on a player page", shown, 1000.0, "ms"),
        (f"{'console window' if args.console == 'qt' else 'headless console'}: inject lateness", lateness, 50.0, "ms"),
    ]
    figures = {}
    print(f"room server: {args.observers} observers (1 entry / 2 s), {args.players} players listening, "
          f"{args.duration:.0f} s, an inject every {args.fire_every} s; {os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.1f}, Python {sys.version.split()[0]}")
    print(f"{'metric':<42} | {'n':>6} | {'median':>9} | {'p99':>9} | target p99 | met?")
    for name, values, target, unit in rows:
        med = statistics.median(values) if values else float("nan")
        p99 = pct(values, 99)
        figures[name] = {"n": len(values), "median": med, "p99": p99, "target": target}
        print(f"{name:<42} | {len(values):>6} | {med:>7.1f}{unit} | {p99:>7.1f}{unit} | ≤ {target:>5.0f} {unit} | "
              f"{'yes' if p99 <= target else 'NO'}")
    print(f"{'room server peak RSS':<42} | {'':>6} | {rss:>6.1f}MiB | {'':>9} | ≤   120 MiB | {'yes' if rss <= 120 else 'NO'}")
    figures["server_peak_rss_mib"] = rss
    if errors:
        print(f"{len(errors)} refused posts, e.g. {errors[:3]}")
    figures["refused_posts"] = len(errors)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
