"""A controller-and-observer app that is killed with SIGKILL at random moments (run by test_kill.py).

Usage: kill_writer.py FILE
Opens the session (starting the exercise the first time), then logs entries, corrects
some, and fires injects (planned ones, then ad-hoc ones) as fast as it can. Each id
is printed only after the call that stored it has returned, i.e. after the commit:
"E <entry_id>" for an entry, "F <inject_id>" for a firing.
"""

from __future__ import annotations

import itertools
import sys
import uuid

from crisisdesk.session import ClockState, InjectStatus, Session


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> int:
    session = Session.open(sys.argv[1])
    if session.state.clock_state is ClockState.READY:
        session.start()
    say("READY")
    last = None
    for n in itertools.count():
        supersedes = last if n % 7 == 3 else None
        entry = session.log_entry(observer="kill", role="DIR", kind="observation", text=f"entrée {n}",
                                  entry_id=uuid.uuid4().hex, supersedes=supersedes)
        last = entry.entry_id
        say(f"E {entry.entry_id}")
        if n % 5 == 4:
            pending = [s.id for s in session.state.injects if s.status in (InjectStatus.PENDING, InjectStatus.DUE)]
            if pending:
                session.fire(pending[0])
                say(f"F {pending[0]}")
            else:
                inject_id = session.add_inject(title=f"Ad hoc {n}", body="", to=["DIR"], channel="phone",
                                               sender="Animation", fire_now=True)
                say(f"F {inject_id}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
