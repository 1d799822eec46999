"""Shared helpers of the benchmarks: statistics, child processes, the machine line, cached fixtures.

Every measurement runs in a child process (``run_child``) that prints one JSON object
on its last line of standard output, so one benchmark's imports, caches and memory
never flatter the next one.
"""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
CACHE = BENCH / ".cache"
PARIS = ROOT / "injects" / "paris-50c"
PYTHON = sys.executable
GENERATOR_VERSION = 1  # bump when generate.py / generate_session.py change what they write


def _cache_tag() -> str:
    """Version tag of cached session files: the generator's and the session schema's."""
    from crisisdesk.session.schema import SCHEMA_VERSION

    return f"v{GENERATOR_VERSION}s{SCHEMA_VERSION}"


def child_env(**extra: str) -> dict[str, str]:
    """Environment for a child: offscreen Qt, no sandbox for WebEngine (root), the repo importable."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.update(extra)
    return env


@dataclass
class ChildResult:
    """What a child process printed (its last JSON line), its wall time and its peak RSS."""

    data: dict
    wall: float  # seconds from just before the fork to its exit
    started: float  # time.time() just before the fork
    max_rss_mib: float
    stdout: str
    stderr: str


def run_child(args: list[str], *, env: dict[str, str] | None = None, timeout: float = 600,
              cwd: Path = ROOT) -> ChildResult:
    """Run ``args`` (a Python child) and return its JSON result with its own peak RSS (wait4)."""
    out_path = CACHE / f"child-{os.getpid()}.out"
    err_path = CACHE / f"child-{os.getpid()}.err"
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(out_path, "w+") as out, open(err_path, "w+") as err:
        started = time.time()
        t0 = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=err, env=env or child_env(), cwd=cwd)
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.002)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    out_path.unlink(missing_ok=True)
    err_path.unlink(missing_ok=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} exited with {proc.returncode}:\n{stderr[-3000:]}")
    data = {}
    for line in reversed(stdout.strip().splitlines()):
        if line.startswith("{"):
            data = json.loads(line)
            break
    # ru_maxrss is in KiB on Linux.
    return ChildResult(data, wall, started, usage.ru_maxrss / 1024, stdout, stderr)


def emit(result: dict) -> None:
    """Print a child's result as the JSON line ``run_child`` reads."""
    print(json.dumps(result), flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of ``values``."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def machine_line() -> str:
    """CPU count, load, Python, PySide6/Qt, SQLAlchemy and SQLite versions of this machine."""
    import sqlite3

    parts = [f"{os.cpu_count()} CPU", f"load {os.getloadavg()[0]:.1f}", f"Python {platform.python_version()}"]
    try:
        import PySide6
        from PySide6 import QtCore

        parts.append(f"PySide6 {PySide6.__version__} / Qt {QtCore.qVersion()}")
    except ImportError:
        parts.append("PySide6 missing")
    try:
        from importlib.metadata import version

        parts.append(f"SQLAlchemy {version('SQLAlchemy')}")
    except Exception:
        pass
    parts.append(f"SQLite {sqlite3.sqlite_version}")
    parts.append(platform.platform(terse=True))
    return ", ".join(parts)


def large_package() -> Path:
    """The generated 2,000-inject / 40-role package (written once, then cached)."""
    path = CACHE / f"large-package-v{GENERATOR_VERSION}"
    if not (path / "msel.yaml").exists():
        from benchmarks.generate import build

        build(path)
    return path


def large_session(entries: int) -> Path:
    """The large session file played on the large package (generated once, then cached)."""
    path = CACHE / f"large-e{entries}-{_cache_tag()}.crisisdesk"
    if not path.exists():
        _generate(path, ["--package", str(large_package()), "--entries", str(entries)])
    return path


def paris_session(entries: int = 400) -> Path:
    """A rehearsal of the bundled Paris exercise with a real-size main courante (cached)."""
    path = CACHE / f"paris-e{entries}-{_cache_tag()}.crisisdesk"
    if not path.exists():
        _generate(path, ["--package", str(PARIS), "--entries", str(entries)])
    return path


def _generate(path: Path, options: list[str]) -> None:
    import sqlite3

    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    print(f"  generating {path.name} (once; cached in {CACHE.relative_to(ROOT)})...", file=sys.stderr, flush=True)
    subprocess.run([PYTHON, str(BENCH / "generate_session.py"), str(tmp), *options], check=True,
                   env=child_env(), cwd=ROOT, stdout=subprocess.DEVNULL)
    # Fold the write-ahead log into the file so it can be renamed alone.
    conn = sqlite3.connect(tmp)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    os.replace(tmp, path)


class profiled:
    """Context manager: when $BENCH_PROFILE names a file, write a pyinstrument profile of the block there."""

    def __enter__(self):
        self._profiler = None
        if os.environ.get("BENCH_PROFILE"):
            from pyinstrument import Profiler

            self._profiler = Profiler(interval=0.0005)
            self._profiler.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._profiler is not None:
            self._profiler.stop()
            with open(os.environ["BENCH_PROFILE"], "w") as out:
                out.write(self._profiler.output_text(unicode=True, show_all=False))
