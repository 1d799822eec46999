"""Generate a large but valid session file: a whole exercise played through the real Session API.

Default size: the generated 2,000-inject / 40-role package (``generate.py``) played from
STARTEX to ENDEX with 50,000 main-courante entries (5 % of them corrected later by a
revision), an expected-response check for most expected items of every fired inject
(some re-checked), objective ratings, hot-wash findings and an improvement plan. Text
lengths follow a real main courante (a few words to a short paragraph). Deterministic for
a given seed. Every write goes through ``Session`` (one committed transaction each, WAL +
synchronous=FULL, as the app ships): nothing is written behind the store's back.

    python benchmarks/generate_session.py OUT.crisisdesk [--package DIR] [--entries 50000]

Without ``--package`` the large package is generated beside OUT (``OUT.package/``).
"""

from __future__ import annotations

import argparse
import heapq
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate import WORDS  # noqa: E402
from benchmarks.generate import build as build_package  # noqa: E402

START_EPOCH = 1_782_108_000.0  # 2026-06-22 06:00 UTC: a fixed start makes the file reproducible
OBSERVERS = (
    "Claire Dubois", "Mehdi Benali", "Sophie Martin", "Étienne Lefèvre", "Nadia Haddad", "Julien Moreau",
    "Aurélie Petit", "Thomas N'Diaye", "Camille Roux", "François Girard", "Inès Fontaine", "Lucas Bernard",
)
KIND_WEIGHTS = {"decision": 20, "action": 25, "information": 25, "request": 10, "communication": 12,
                "observation": 8}
OPENINGS = (
    "Décision :", "Point de situation :", "Demande de", "Appel reçu de", "Information transmise à",
    "Le directeur valide", "Action engagée :", "Message envoyé à", "Retour terrain :", "Constat :",
)
# A main courante line is short: most entries are one sentence, a few are a paragraph.
WORD_COUNTS = (4, 6, 8, 10, 12, 14, 16, 18, 22, 26, 30, 40, 55, 70)
WORD_WEIGHTS = (4, 8, 12, 14, 14, 12, 10, 8, 6, 4, 3, 2, 2, 1)


@dataclass
class Summary:
    """What was generated and how long it took."""

    path: Path
    entries: int
    revisions: int
    checks: int
    fired: int
    seconds: float

    def __str__(self) -> str:
        return (f"{self.path}: {self.entries} entries + {self.revisions} revisions, {self.checks} checks, "
                f"{self.fired} injects fired, in {self.seconds:.1f} s")


def entry_text(rng: random.Random) -> str:
    """Return one realistic main-courante text (French words, 4 to 70 words)."""
    count = rng.choices(WORD_COUNTS, WORD_WEIGHTS)[0]
    words = [rng.choice(WORDS) for _ in range(count)]
    if rng.random() < 0.4:
        words.insert(0, rng.choice(OPENINGS))
    if rng.random() < 0.2:
        words.append(f"{rng.randint(2, 950)} personnes")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def build_session(out: Path, package_dir: Path | None = None, *, entries: int = 50_000,
                  corrected: float = 0.05, checked: float = 0.85, seed: int = 11,
                  progress=None) -> Summary:
    """Play the package in a new session file at ``out`` with ``entries`` courante entries."""
    from crisisdesk.clock import FakeTime
    from crisisdesk.session import InjectStatus, Session

    started = time.perf_counter()
    out = Path(out)
    if package_dir is None:
        package_dir = build_package(out.with_name(out.name + ".package"))
    rng = random.Random(seed)
    fake = FakeTime(START_EPOCH)
    session = Session.create(out, package_dir, time_source=fake, observer="Animation")
    try:
        package = session.package
        duration = package.exercise.duration
        played = [r.id for r in package.roles if r.played]
        objectives = [o.id for o in package.exercise.objectives]
        kinds, kind_weights = zip(*KIND_WEIGHTS.items(), strict=True)
        latest_for_role: dict[str, str] = {}  # the last fired inject sent to each role
        counts = {"entries": 0, "revisions": 0, "checks": 0, "fired": 0}

        def log(role: str | None, *, supersedes: str | None = None, text: str | None = None):
            inject_id = latest_for_role.get(role) if role and rng.random() < 0.6 else None
            tags: list[str] = []
            roll = rng.random()
            if roll < 0.05:
                tags.append("strength")
            elif roll < 0.11:
                tags.append("improvement")
            if objectives and rng.random() < 0.05:
                tags.append(rng.choice(objectives))
            return session.log_entry(
                observer=rng.choice(OBSERVERS), role=role, kind=rng.choices(kinds, kind_weights)[0],
                text=text or entry_text(rng), inject_id=inject_id, tags=tags, supersedes=supersedes,
            )

        # A few entries at the briefing, before STARTEX.
        briefing = max(1, entries // 200)
        for _ in range(briefing):
            fake.advance(rng.uniform(5, 40))
            log(rng.choice(played))
        counts["entries"] += briefing
        fake.advance(60)
        session.start()
        clock = session.state.clock

        # Everything to do during play, in exercise-time order: ticks at each inject's due
        # time, entries spread over the play time, and what those cause (checks, corrections).
        hotwash = max(1, entries // 100)
        play_entries = max(0, entries - briefing - hotwash)
        plan: list[tuple[float, int, str, object]] = []
        order = 0

        def push(at: float, kind: str, data: object = None) -> None:
            nonlocal order
            order += 1
            heapq.heappush(plan, (at, order, kind, data))

        for inject in package.injects:
            push(inject.at, "tick")
        for at in sorted(rng.uniform(30, duration - 60) for _ in range(play_entries)):
            push(at, "entry")
        done = 0
        while plan:
            at, _, kind, data = heapq.heappop(plan)
            fake.set(max(fake.now(), clock.wall_time_at(at)))
            if kind == "tick":
                fired = session.tick()
                fired += [s.id for s in session.due_injects()]  # manual ones: the controller fires them
                for inject_id in fired:
                    state = session.state.inject(inject_id)
                    if state.status is not InjectStatus.FIRED:
                        state = session.fire(inject_id, actor="Animation")
                    counts["fired"] += 1
                    for role in state.inject.to:
                        latest_for_role[role] = inject_id
                    for index, _item in enumerate(state.inject.expected):
                        if rng.random() < checked:
                            push(at + rng.uniform(60, 1500), "check", (inject_id, index))
            elif kind == "entry":
                entry = log(rng.choice(played))
                counts["entries"] += 1
                done += 1
                if rng.random() < corrected:
                    push(at + rng.uniform(20, 900), "correct", entry)
                if progress and done % 5000 == 0:
                    progress(done, play_entries)
            elif kind == "correct":
                entry = data
                text = entry.text.rstrip(".") + " — " + rng.choice(("précision :", "rectificatif :", "lire :")) + \
                    " " + entry_text(rng)
                log(entry.role, supersedes=entry.entry_id, text=text)
                counts["revisions"] += 1
            elif kind == "check":
                inject_id, index = data
                status = rng.choices(("met", "partial", "missed"), (70, 20, 10))[0]
                session.check_expectation(inject_id, index, status, observer=rng.choice(OBSERVERS),
                                          note=entry_text(rng) if rng.random() < 0.3 else "")
                counts["checks"] += 1
                if rng.random() < 0.1:  # re-checked later: the latest wins
                    push(at + rng.uniform(120, 900), "check", (inject_id, index))
        fake.set(max(fake.now(), clock.wall_time_at(duration)))
        session.end()

        # Hot wash: entries, findings, ratings and the improvement plan.
        for _ in range(hotwash):
            fake.advance(rng.uniform(5, 30))
            log(rng.choice(played))
        counts["entries"] += hotwash
        for _ in range(12):
            fake.advance(rng.uniform(20, 90))
            session.add_finding(rng.choice(("strength", "improvement")), entry_text(rng),
                                rng.choice(objectives) if objectives else None, observer=rng.choice(OBSERVERS))
        for objective in objectives:
            session.rate_objective(objective, rng.choice("PSSMMU"), entry_text(rng), observer=rng.choice(OBSERVERS))
        for _ in range(min(10, len(played))):
            session.add_improvement(action=entry_text(rng), owner_role=rng.choice(played),
                                    priority=rng.choice(("haute", "moyenne", "basse")), due_date="2026-12-31",
                                    objective_id=rng.choice(objectives) if objectives else None,
                                    observer=rng.choice(OBSERVERS))
    finally:
        session.close()
    return Summary(out, counts["entries"], counts["revisions"], counts["checks"], counts["fired"],
                   time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the session file to create (must not exist)")
    parser.add_argument("--package", type=Path, help="package folder to play (default: generate the large one)")
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--injects", type=int, default=2000, help="size of the generated package")
    parser.add_argument("--roles", type=int, default=40, help="size of the generated package")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    package = args.package
    if package is None:
        package = build_package(args.out.with_name(args.out.name + ".package"), injects=args.injects,
                                roles=args.roles)
    summary = build_session(args.out, package, entries=args.entries, seed=args.seed,
                            progress=lambda n, total: print(f"  {n}/{total} entries", file=sys.stderr, flush=True))
    print(summary)


if __name__ == "__main__":
    main()
