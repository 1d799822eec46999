"""Several sites on one session: 3 consoles and 60 writers, on PostgreSQL (loopback) and, for comparison, SQLite.

    .venv/bin/python benchmarks/multisite.py                  # both engines, 30 s of writing each
    .venv/bin/python benchmarks/multisite.py --seconds 10 --engines postgresql
    .venv/bin/python benchmarks/multisite.py --url 'postgresql://u:pw@host/db'   # an existing server

What it measures, from the writers' and consoles' own clocks (one machine, one clock):

- **write -> committed**: a writer calls ``log_entry`` until it returns (the entry is
  committed: acknowledged only after commit);
- **write -> visible**: from that call's start until each *other* console's state holds
  the entry. A console does what the observer window does: ``refresh()`` every 0.5 s (on
  PostgreSQL that refresh queries only when a NOTIFY announced a commit). Target: p99 <= 1 s.

The writers are ``--writers`` Session objects (one per thread, spread over a few
processes), each logging an entry every ~``--interval`` s (randomised), i.e. the main
courante of 60 observers typing at once. The PostgreSQL server is a private one started
here (``tests/helpers/pg_server.py``, fsync ON as a real server), unless ``--url`` names one.
Results go to standard output as a table, and to ``--json`` if given.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import child_env, machine_line, percentile  # noqa: E402

MINI = ROOT / "tests" / "data" / "mini"
REFRESH_PERIOD = 0.5  # the observer window's refresh timer (ui/observer/window.py; the console's is 0.25 s)


# -- children ---------------------------------------------------------------------------------

def console_main(where: str, stop_at: float, out: str) -> None:
    """A console: refresh every 0.5 s, note when each entry first appears."""
    from crisisdesk.session import Session

    seen: dict[str, float] = {}
    refreshes = queries = 0
    with Session.open(where) as session:
        next_at = time.monotonic()
        while time.time() < stop_at:
            next_at += REFRESH_PERIOD
            refreshes += 1
            if session.refresh():
                queries += 1
                now = time.time()
                for entry in session.state.entry_history:
                    if entry.entry_id not in seen:
                        seen[entry.entry_id] = now
            time.sleep(max(0.0, next_at - time.monotonic()))
    Path(out).write_text(json.dumps({"seen": seen, "refreshes": refreshes, "changed": queries}), encoding="utf-8")


def writers_main(where: str, threads: int, interval: float, start_at: float, stop_at: float, out: str,
                 seed: int) -> None:
    """``threads`` writers, each its own Session, logging entries until ``stop_at``."""
    from crisisdesk.session import Session, WriteFailedError

    results: list[tuple[str, float, float]] = []
    failures: list[str] = []
    lock = threading.Lock()

    def writer(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        with Session.open(where) as session:
            while time.time() < start_at:
                time.sleep(0.01)
            time.sleep(rng.uniform(0, interval))
            k = 0
            while time.time() < stop_at:
                entry_id = f"w{seed}-{n}-{k}"
                began = time.time()
                try:
                    session.log_entry(observer=f"obs{seed}-{n}", role="DIR", kind="observation",
                                      text=f"Point de situation {k}", entry_id=entry_id)
                except WriteFailedError as exc:
                    with lock:
                        failures.append(str(exc))
                else:
                    done = time.time()
                    with lock:
                        results.append((entry_id, began, done))
                k += 1
                time.sleep(rng.expovariate(1 / interval))

    pool = [threading.Thread(target=writer, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    Path(out).write_text(json.dumps({"writes": results, "failures": failures}), encoding="utf-8")


# -- the run --------------------------------------------------------------------------------------

def run(where: str, *, consoles: int, writers: int, procs: int, seconds: float, interval: float) -> dict:
    from crisisdesk.clock import SystemTime
    from crisisdesk.session import Session

    with Session.create(where, MINI, time_source=SystemTime()) as s:
        s.start()
    tmp = Path(tempfile.mkdtemp(prefix="crisisdesk-multisite-"))
    start_at = time.time() + 6.0  # everyone opened the session by then
    stop_at = start_at + seconds
    env = child_env()
    me = str(Path(__file__).resolve())
    children = []
    for c in range(consoles):
        children.append(subprocess.Popen([sys.executable, me, "_console", where, repr(stop_at + 3.0),
                                          str(tmp / f"console-{c}.json")], env=env))
    per = [writers // procs + (1 if i < writers % procs else 0) for i in range(procs)]
    for p, threads in enumerate(per):
        children.append(subprocess.Popen([sys.executable, me, "_writers", where, str(threads), repr(interval),
                                          repr(start_at), repr(stop_at), str(tmp / f"writers-{p}.json"), str(p)],
                                         env=env))
    for child in children:
        child.wait(timeout=seconds + 120)
    writes, failures = [], []
    for p in range(procs):
        data = json.loads((tmp / f"writers-{p}.json").read_text(encoding="utf-8"))
        writes += data["writes"]
        failures += data["failures"]
    seen = [json.loads((tmp / f"console-{c}.json").read_text(encoding="utf-8")) for c in range(consoles)]
    shutil.rmtree(tmp, ignore_errors=True)
    committed = [done - began for _id, began, done in writes]
    visible, missing = [], 0
    for console in seen:
        for entry_id, began, _done in writes:
            at = console["seen"].get(entry_id)
            if at is None:
                missing += 1
            else:
                visible.append(at - began)
    return {
        "writes": len(writes), "failures": len(failures), "missing": missing,
        "committed_p50": percentile(committed, 50), "committed_p99": percentile(committed, 99),
        "visible_p50": percentile(visible, 50), "visible_p99": percentile(visible, 99),
        "visible_max": max(visible) if visible else float("nan"),
        "refreshes": sum(c["refreshes"] for c in seen), "refreshes_that_read": sum(c["changed"] for c in seen),
    }


def main(argv: list[str]) -> int:
    if argv and argv[0] == "_console":
        console_main(argv[1], float(argv[2]), argv[3])
        return 0
    if argv and argv[0] == "_writers":
        writers_main(argv[1], int(argv[2]), float(argv[3]), float(argv[4]), float(argv[5]), argv[6], int(argv[7]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", nargs="+", default=["postgresql", "sqlite"], choices=("postgresql", "sqlite"))
    parser.add_argument("--seconds", type=float, default=30.0, help="how long the writers write")
    parser.add_argument("--consoles", type=int, default=3)
    parser.add_argument("--writers", type=int, default=60)
    parser.add_argument("--procs", type=int, default=4, help="processes the writers are spread over")
    parser.add_argument("--interval", type=float, default=1.0, help="mean seconds between two entries of a writer")
    parser.add_argument("--url", help="an existing server: postgresql://USER:PW@HOST/DB (a session is created)")
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args(argv)

    print(machine_line())
    rows = {}
    server = None
    try:
        for engine in args.engines:
            if engine == "postgresql":
                if args.url:
                    base = args.url
                else:
                    from tests.helpers.pg_server import TestServer

                    server = TestServer(durable=True)
                    server.start()
                    server.create_database("bench")
                    base = server.url("bench")
                where = f"{base}?session=bench_{os.getpid()}"
            else:
                where = str(Path(tempfile.mkdtemp(prefix="crisisdesk-bench-")) / "multisite.crisisdesk")
            rows[engine] = run(where, consoles=args.consoles, writers=args.writers, procs=args.procs,
                               seconds=args.seconds, interval=args.interval)
            if engine == "sqlite":
                shutil.rmtree(Path(where).parent, ignore_errors=True)
    finally:
        if server is not None:
            server.stop()
    print(f"\n{args.consoles} consoles, {args.writers} writers (1 entry / {args.interval:g} s each), "
          f"{args.seconds:g} s of writing")
    print("| engine | writes | failed | not seen | write -> committed p50 / p99 | write -> visible p50 / p99 (max) "
          "| refreshes that found news |")
    print("|---|---|---|---|---|---|---|")
    for engine, r in rows.items():
        print(f"| {engine} | {r['writes']} | {r['failures']} | {r['missing']} | "
              f"{r['committed_p50'] * 1000:.1f} / {r['committed_p99'] * 1000:.1f} ms | "
              f"{r['visible_p50'] * 1000:.0f} / {r['visible_p99'] * 1000:.0f} ms ({r['visible_max'] * 1000:.0f}) | "
              f"{r['refreshes_that_read']} of {r['refreshes']} |")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
