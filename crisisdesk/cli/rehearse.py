"""``crisisdesk rehearse PACKAGE [--speed N] [--db FILE]``: play a timeline headless at N x speed.

For exercise designers checking their timeline: the whole MSEL is played through a
real session (so it follows the same rules as the app), manual and contingency
injects included, and each inject is printed once its firing is committed. The
exercise clock is a fake clock stepped from deadline to deadline, so it never drifts;
between deadlines the command sleeps the real time divided by the speed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from crisisdesk.cli import UsageError
from crisisdesk.cli.numbers import bounded
from crisisdesk.cli.words import _, word
from crisisdesk.timefmt import format_offset

# A tenth of real time is as slow as a rehearsal is useful; 100,000x plays a week in six seconds.
MIN_SPEED = 0.1
MAX_SPEED = 100_000.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("package", metavar="PACKAGE", help=_("the package folder (holding exercise.yaml)"))
    parser.add_argument("--speed", type=bounded(MIN_SPEED, MAX_SPEED), default=60.0, metavar="N",
                        help=_("how many exercise seconds pass per real second (default 60)"))
    parser.add_argument("--db", metavar="FILE.crisisdesk", help=_("keep the rehearsal's session file here"))


def run(args: argparse.Namespace, *, sleep=time.sleep, out=None) -> int:
    from crisisdesk.cli.new import package_error_message
    from crisisdesk.package.problems import PackageError
    from crisisdesk.session import SessionError

    if not MIN_SPEED <= args.speed <= MAX_SPEED:  # a caller that built args without the parser
        raise UsageError(_("--speed must be between {low} and {high}, got {speed}", low=f"{MIN_SPEED:g}",
                           high=f"{MAX_SPEED:g}", speed=f"{args.speed:g}"))
    out = out or sys.stdout
    package = Path(args.package)
    try:
        if args.db:
            return _rehearse(package, Path(args.db), args.speed, sleep, out, keep=True)
        with tempfile.TemporaryDirectory(prefix="crisisdesk-rehearse-") as tmp:
            return _rehearse(package, Path(tmp) / "rehearsal.crisisdesk", args.speed, sleep, out, keep=False)
    except PackageError as exc:
        raise UsageError(package_error_message(package, exc)) from None
    except SessionError as exc:
        raise UsageError(str(exc)) from None


def _rehearse(package_path: Path, db: Path, speed: float, sleep, out, *, keep: bool) -> int:
    from crisisdesk.clock import FakeTime
    from crisisdesk.session import InjectStatus, Session

    fake = FakeTime(time.time())
    with Session.create(db, package_path, time_source=fake, observer="rehearsal") as session:
        ex = session.package.exercise
        _say(out, _("{title} — rehearsal at {speed}x ({duration} of play, {injects} injects)", title=ex.title,
                    speed=f"{speed:g}", duration=format_offset(ex.duration, with_seconds=False),
                    injects=len(session.state.injects)))
        session.start()
        clock = session.state.clock
        end_at = clock.wall_time_at(ex.duration)
        assert end_at is not None  # started just above: the clock runs
        shown_phase = -1
        fired = 0
        while True:
            phase = session.state.clock.current_phase_index(fake.now())
            if phase != shown_phase:
                shown_phase = phase
                p = session.state.clock.phases[phase]
                _say(out, _("-- {at}  phase {number}: {title} (scenario {scenario}, x{scale})",
                            at=format_offset(p.at), number=phase + 1, title=p.title,
                            scenario=f"{p.scenario_time:%Y-%m-%d %H:%M}", scale=f"{p.scale:g}"))
            fired_now = session.tick()  # the injects that fire by themselves
            fired_now += [s.id for s in session.due_injects()]  # manual ones: the rehearsal fires them too
            for inject_id in fired_now:
                if session.state.inject(inject_id).status is not InjectStatus.FIRED:
                    session.fire(inject_id, actor="rehearsal")
                _say(out, _line(session.state.inject(inject_id)))
            fired += len(fired_now)
            now = fake.now()
            targets = [t for t in (session.next_due_at(), _next_phase_start(session, now)) if t is not None]
            if not any(s.status is InjectStatus.PENDING for s in session.state.injects):
                targets = [t for t in targets if t < end_at] + ([end_at] if now < end_at else [])
            if not targets or (min(targets) <= now and not fired_now):
                break
            target = max(min(targets), now)
            sleep((target - now) / speed)
            fake.set(target)
        session.end()
        _say(out, _("{endex} at {elapsed}: {fired} inject(s) fired", endex=word("endex"),
                    elapsed=format_offset(session.elapsed()), fired=fired))
    if keep:
        _say(out, _("session kept in {db}", db=db))
    return 0


def _next_phase_start(session, now: float) -> float | None:
    clock = session.state.clock
    elapsed = clock.elapsed(now)
    upcoming = [p.at for p in clock.phases if p.at > elapsed]
    return clock.wall_time_at(min(upcoming)) if upcoming else None


def _line(state) -> str:
    inject = state.inject
    mark = ""
    if inject.contingency_for:
        mark = _("  [contingency for {id}]", id=inject.contingency_for)
    elif inject.manual:
        mark = _("  [manual]")
    recipients = _("all") if inject.to_all else ", ".join(inject.to)
    return (f"{inject.id:<8} {format_offset(state.fired_elapsed or 0)}  {state.fired_scenario:%Y-%m-%d %H:%M}  "
            f"{inject.title}  -> {recipients}{mark}")


def _say(out, text: str) -> None:
    from crisisdesk.printable import printable

    print(printable(text), file=out, flush=True)  # titles come from the package: escape sequences escaped
