"""Run every crisisdesk benchmark and print the table: metric | median | p99/max | target | met?

    .venv/bin/python benchmarks/run.py [--quick] [--only NAME ...] [--xvfb] [--json OUT.json]

Each measurement runs in its own child process under QT_QPA_PLATFORM=offscreen (no
display: cheaper than a real one; ``--xvfb`` also measures the cold start under Xvfb when
``xvfb-run`` is installed). The large session (50,000 entries, 2,000 injects, 40 roles)
and the Paris rehearsal are generated once through the real Session API and cached in
benchmarks/.cache (the first run takes several minutes for that). ``--quick`` uses fewer
runs and a 5,000-entry session: a smoke run, not the published figures.

Names for ``--only``: startup, lateness, entry, filter, report, open, editor.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.common import (  # noqa: E402
    BENCH,
    PARIS,
    PYTHON,
    child_env,
    large_session,
    machine_line,
    median,
    paris_session,
    percentile,
    run_child,
)

GROUPS = ("startup", "lateness", "entry", "filter", "report", "open", "editor")


@dataclass
class Row:
    """One line of the table."""

    metric: str
    median: float | None
    spread: float | None  # p99 or max, as ``spread_kind`` says
    unit: str
    target: float | None = None
    spread_kind: str = "max"
    target_on: str = "spread"  # which figure the target applies to: "median" or "spread"
    note: str = ""

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        value = self.median if self.target_on == "median" else self.spread
        return value is not None and value <= self.target

    def cells(self) -> list[str]:
        def fmt(value: float | None) -> str:
            if value is None:
                return "—"
            if self.unit == "s":
                return f"{value:.2f} s"
            if self.unit == "MiB":
                return f"{value:.0f} MiB"
            return f"{value:.1f} ms"

        spread = f"{fmt(self.spread)} ({self.spread_kind})" if self.spread is not None else "—"
        target = "—"
        if self.target is not None:
            which = "median" if self.target_on == "median" else self.spread_kind
            target = f"{which} ≤ {fmt(self.target)}"
        met = {True: "yes", False: "**NO**", None: ""}[self.met]
        return [self.metric, fmt(self.median), spread, target, met]


# -- the measurements ------------------------------------------------------------------------


def bench_startup(runs: int, rows: list[Row], *, xvfb: bool) -> None:
    platforms = [("offscreen", [])]
    if xvfb and shutil.which("xvfb-run"):
        platforms.append(("Xvfb", ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24"]))
    for platform, wrapper in platforms:
        bare, painted, usable, rss, bare_rss = [], [], [], [], []
        for _ in range(runs):
            with tempfile.TemporaryDirectory(prefix="crisisdesk-bench-home-") as home:
                env = _isolated_env(Path(home), platform)
                # Alternate the two so a burst of load on the machine hits both alike.
                result = run_child([*wrapper, PYTHON, str(BENCH / "startup_probe.py"), "bare"], env=env)
                bare.append(result.data["painted"] - result.started)
                bare_rss.append(result.max_rss_mib)
                result = run_child([*wrapper, PYTHON, str(BENCH / "startup_probe.py"), "app", str(PARIS)], env=env)
                painted.append(result.data["painted"] - result.started)
                usable.append(result.data["usable"] - result.started)
                rss.append(result.max_rss_mib)
        suffix = f" [{platform}]"
        if wrapper:  # xvfb-run itself starts a server first: its time is in every figure
            suffix += " (incl. xvfb-run)"
        rows.append(Row(f"bare PySide6 window painted (floor){suffix}", median(bare), max(bare), "s"))
        rows.append(Row(f"cold start: main window painted{suffix}", median(painted), max(painted), "s",
                        0.5, target_on="median"))
        rows.append(Row(f"cold start: usable, paris-50c loaded{suffix}", median(usable), max(usable), "s",
                        1.0, target_on="median"))
        rows.append(Row(f"cold start: peak RSS (bare window {median(bare_rss):.0f} MiB){suffix}", median(rss),
                        max(rss), "MiB", 150, target_on="median"))


def _isolated_env(home: Path, platform: str) -> dict[str, str]:
    """A child environment whose settings and documents folder are fresh and thrown away."""
    config = home / "config"
    config.mkdir()
    (home / "Documents").mkdir()
    (config / "user-dirs.dirs").write_text(f'XDG_DOCUMENTS_DIR="{home / "Documents"}"\n')
    env = child_env(XDG_CONFIG_HOME=str(config), XDG_DATA_HOME=str(home / "data"))
    if platform != "offscreen":
        env.pop("QT_QPA_PLATFORM", None)
    return env


def bench_lateness(quick: bool, rows: list[Row], large: Path, paris: Path) -> None:
    injects = 20 if quick else 90
    reports = [f"{paris}:pdf", f"{large}:html", f"{paris}:html"]
    args = [PYTHON, str(BENCH / "lateness.py"), "--injects", str(injects)]
    for spec in reports:
        args += ["--report", spec]
    result = run_child(args, timeout=injects * 3 + 120)
    late = result.data["lateness_ms"]
    made = len(result.data["reports"])
    rows.append(Row(f"inject lateness, {injects} injects 1 s apart, {made} reports rendered meanwhile",
                    percentile(late, 50), percentile(late, 99), "ms", 50, spread_kind="p99"))


def bench_entry(quick: bool, rows: list[Row], large: Path) -> None:
    count = 60 if quick else 300
    for label, extra in (("fresh paris-50c session", []), (f"{large.stem} copy", ["--session", str(large)])):
        result = run_child([PYTHON, str(BENCH / "entry_latency.py"), "--entries", str(count), *extra], timeout=600)
        data = result.data
        rows.append(Row(f"Enter → committed ({label})", percentile(data["committed_ms"], 50),
                        percentile(data["committed_ms"], 99), "ms", 10, spread_kind="p99"))
        rows.append(Row(f"Enter → row shown saved ({label})", percentile(data["shown_ms"], 50),
                        percentile(data["shown_ms"], 99), "ms", spread_kind="p99"))
    floor = data["sqlite_floor_ms"]
    rows.append(Row("floor: bare sqlite3 commit, WAL + synchronous=FULL", percentile(floor, 50),
                    percentile(floor, 99), "ms", spread_kind="p99"))


def bench_filter(quick: bool, rows: list[Row], large: Path) -> None:
    repeat = 2 if quick else 5
    data = run_child([PYTHON, str(BENCH / "log_filter.py"), str(large), "--repeat", str(repeat)], timeout=900).data
    n = f"{data['entries']:,}"
    rows.append(Row(f"log view: fill with {n} entries", data["open_ms"], None, "ms"))
    rows.append(Row(f"log view: filter {n} entries by role", median(data["role_ms"]), max(data["role_ms"]), "ms", 50))
    rows.append(Row(f"log view: filter {n} entries by text", median(data["text_ms"]), max(data["text_ms"]), "ms", 50))
    rows.append(Row(f"log view: clear the filter ({n})", median(data["clear_ms"]), max(data["clear_ms"]), "ms", 50))


def bench_report(quick: bool, rows: list[Row], large: Path, paris: Path, *, large_pdf: bool) -> None:
    runs = 1 if quick else 3
    cases = [(paris, "html", 1.0), (paris, "pdf", 5.0), (large, "html", 5.0)]
    if large_pdf:
        cases.append((large, "pdf", None))
    with tempfile.TemporaryDirectory(prefix="crisisdesk-bench-report-") as tmp:
        for session, kind, target in cases:
            walls = []
            for n in range(runs):
                out = Path(tmp) / f"{session.stem}-{n}.{kind}"
                result = run_child([str(Path(PYTHON).parent / "crisisdesk"), "report", str(session), "-o", str(out)],
                                   timeout=1800)
                walls.append(result.wall)
            rows.append(Row(f"report {kind.upper()} of {session.stem} (`crisisdesk report`, whole process)",
                            median(walls), max(walls), "s", target, target_on="median"))


def bench_open(quick: bool, rows: list[Row], large: Path) -> None:
    runs = 3 if quick else 5
    code = (
        "import json, sys, time\n"
        "from crisisdesk.session import Session\n"
        "import crisisdesk.session.session\n"  # the import is not the opening
        "t0 = time.perf_counter()\n"
        "s = Session.open(sys.argv[1])\n"
        "state = s.state\n"
        "t1 = time.perf_counter()\n"
        "print(json.dumps({'seconds': t1 - t0, 'entries': len(state.entries), 'events': state.last_seq}))\n"
        "s.close()\n"
    )
    seconds = []
    with tempfile.TemporaryDirectory(prefix="crisisdesk-bench-open-") as tmp:
        copy = Path(tmp) / "large.crisisdesk"
        shutil.copyfile(large, copy)
        for _ in range(runs):
            data = run_child([PYTHON, "-c", code, str(copy)]).data
            seconds.append(data["seconds"])
    rows.append(Row(f"open the large session ({data['events']:,} events, replayed)", median(seconds), max(seconds),
                    "s", 2.0, target_on="median"))


# -- the table ---------------------------------------------------------------------------------


def table(rows: list[Row]) -> str:
    head = ["metric", "median", "p99 / max", "target", "met?"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def bench_editor(quick: bool, rows: list[Row]) -> None:
    from benchmarks.common import large_package

    repeat = 2 if quick else 5
    data = run_child([PYTHON, str(BENCH / "editor.py"), str(large_package()), "--repeat", str(repeat)],
                     timeout=900).data
    rows.append(Row("editor: open the 2,000-inject package, window usable", median(data["open_s"]),
                    max(data["open_s"]), "s", 1.0, target_on="median"))
    rows.append(Row("editor: the same, CPU time of the process", median(data["open_cpu_s"]),
                    max(data["open_cpu_s"]), "s"))
    rows.append(Row("editor: the same until the first check is shown (validate + readiness)",
                    median(data["check_s"]), max(data["check_s"]), "s"))
    rows.append(Row("editor: longest wait for a frame while that check runs",
                    median(data["stall_ms"]), max(data["stall_ms"]), "ms", 50, target_on="median"))
    rows.append(Row("editor: drag an inject on the timeline (2,000 injects), one frame",
                    percentile(data["drag_ms"], 50), percentile(data["drag_ms"], 99), "ms", 50, spread_kind="p99"))
    rows.append(Row("editor: drop it (undoable change, table re-ordered, timeline redrawn)",
                    median(data["drop_ms"]), max(data["drop_ms"]), "ms"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, a 5,000-entry session (smoke run)")
    parser.add_argument("--only", nargs="+", choices=GROUPS, help="run only these groups")
    parser.add_argument("--runs", type=int, help="cold-start runs (default 7, quick 3)")
    parser.add_argument("--xvfb", action="store_true", help="also measure the cold start under Xvfb")
    parser.add_argument("--large-pdf", action="store_true",
                        help="also print the large session's report to PDF (thousands of pages: very slow)")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = parser.parse_args()
    groups = args.only or GROUPS
    machine = machine_line()
    print(f"machine: {machine}", flush=True)
    entries = 5_000 if args.quick else 50_000
    need_large = any(g in groups for g in ("lateness", "entry", "filter", "report", "open"))
    large = large_session(entries) if need_large else None
    paris = paris_session() if any(g in groups for g in ("lateness", "report")) else None
    rows: list[Row] = []
    steps = {
        "startup": lambda: bench_startup(args.runs or (3 if args.quick else 7), rows, xvfb=args.xvfb),
        "lateness": lambda: bench_lateness(args.quick, rows, large, paris),
        "entry": lambda: bench_entry(args.quick, rows, large),
        "filter": lambda: bench_filter(args.quick, rows, large),
        "report": lambda: bench_report(args.quick, rows, large, paris, large_pdf=args.large_pdf),
        "open": lambda: bench_open(args.quick, rows, large),
        "editor": lambda: bench_editor(args.quick, rows),
    }
    for group in GROUPS:
        if group in groups:
            print(f"  {group}...", file=sys.stderr, flush=True)
            steps[group]()
    print(table(rows))
    print(f"\nmachine: {machine}; Qt platform: offscreen unless marked; times are wall clock.")
    if args.json:
        args.json.write_text(json.dumps({"machine": machine, "rows": [asdict(r) for r in rows]}, indent=1))
    return 0 if all(r.met is not False for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
