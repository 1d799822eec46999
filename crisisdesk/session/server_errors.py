"""What a PostgreSQL error means for the user: a stable code and words, never a driver's traceback.

psycopg reports connection problems (refused, timed out, dropped) with no SQLSTATE,
only libpq's English text; server-side refusals carry a SQLSTATE. Both are read here.
The codes extend the table in ``errors.py``:

| code | when |
|---|---|
| ``unreachable`` | the server cannot be reached (refused, timed out, unknown host) |
| ``bad_password`` | authentication failed, or no password was given when one is needed |
| ``no_such_database`` | the database in the URL does not exist |
| ``permission_denied`` | the role may not connect, create or write there |
| ``connection_lost`` | the connection dropped mid-exercise (network, server restarted or stopped) |
| ``no_such_session`` | the database has no session of that name (``server_store.py``) |
| ``bad_url`` | the URL cannot name a session (``engines.py``) |
| ``locked`` | another console held the session's write lock past the wait |
| ``read_only``, ``disk_full`` | as for a file |
"""

from __future__ import annotations

from dataclasses import dataclass

_LOST = ("server closed the connection", "terminating connection", "connection is lost", "consuming input failed",
         "the connection is closed", "connection already closed", "ssl syscall error", "ssl connection has been closed",
         "could not receive data", "could not send data", "connection reset", "broken pipe",
         "the database system is shutting down", "the database system is starting up",
         "the database system is in recovery mode", "server conn crashed", "no connection to the server")
_UNREACHABLE = ("connection refused", "could not connect", "timeout expired", "could not translate host name",
                "name or service not known", "no route to host", "network is unreachable", "connection timed out",
                "temporary failure in name resolution", "host is down", "connection to server at")


CODES = ("unreachable", "bad_password", "no_such_database", "permission_denied", "connection_lost", "locked",
         "read_only", "disk_full", "server_busy")


@dataclass(frozen=True)
class ServerProblem:
    code: str
    words: str  # an English clause: "the server 10.0.0.5:5432 cannot be reached"


def classify(exc: BaseException, host: str = "the server") -> ServerProblem | None:
    """The problem a PostgreSQL error stands for; None if it is not one (then it is a bug to show as is)."""
    orig = getattr(exc, "orig", exc)
    if type(orig).__module__.split(".")[0] != "psycopg":
        return None
    state = getattr(orig, "sqlstate", None) or ""
    text = str(orig).strip()
    low = text.lower()
    if state in ("28P01", "28000") or "password authentication failed" in low or "no password supplied" in low:
        if "role" in low and "does not exist" in low:
            return ServerProblem("bad_password", f"the user name or password was refused by {host}")
        return ServerProblem("bad_password", f"the password was refused by {host} (or none was given)")
    if state == "3D000" or ("database" in low and "does not exist" in low):
        return ServerProblem("no_such_database", f"{_quoted_database(text)} does not exist on {host}")
    if state == "42501" or "permission denied" in low:
        return ServerProblem("permission_denied", f"permission denied on {host} ({_first_line(text)})")
    if state == "55P03" or "lock timeout" in low:
        return ServerProblem("locked", "another console is writing to this session; it was busy too long")
    if state == "25006" or "read-only transaction" in low:
        return ServerProblem("read_only", "the session is open read-only")
    if state == "53100" or "no space left" in low or "could not extend file" in low:
        return ServerProblem("disk_full", f"the disk of {host} is full")
    if state.startswith("57P") or state.startswith("08") or any(s in low for s in _LOST):
        return ServerProblem("connection_lost", f"the connection to {host} was lost")
    if any(s in low for s in _UNREACHABLE):
        return ServerProblem("unreachable", f"{host} cannot be reached")
    if state.startswith("53"):
        return ServerProblem("server_busy", f"{host} is out of resources ({_first_line(text)})")
    return None


def _first_line(text: str) -> str:
    return text.splitlines()[0] if text else text


def _quoted_database(text: str) -> str:
    # 'database "x" does not exist' -> 'database "x"'
    low = text.lower()
    start = low.find("database ")
    if start < 0:
        return "the database"
    end = low.find(" does not exist", start)
    return text[start:end] if end > start else "the database"
