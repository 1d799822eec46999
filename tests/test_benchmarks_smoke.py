"""The benchmark generators still build a valid package and a valid session (tiny sizes, no timing)."""

from __future__ import annotations

import sys
from pathlib import Path

from crisisdesk.package.loader import load_package
from crisisdesk.session import InjectStatus, Session

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import percentile  # noqa: E402
from benchmarks.generate import build  # noqa: E402
from benchmarks.generate_session import build_session  # noqa: E402


def test_generated_package_is_valid(tmp_path):
    package = load_package(build(tmp_path / "pkg", injects=40, roles=8))
    assert len(package.injects) == 40
    assert len(package.roles) == 8
    assert any(inject.manual for inject in package.injects)
    assert all(inject.expected for inject in package.injects)


def test_generated_session_plays_the_whole_package_with_entries_revisions_and_checks(tmp_path):
    package = build(tmp_path / "pkg", injects=30, roles=8)  # the last 4 roles are simulated
    summary = build_session(tmp_path / "s.crisisdesk", package, entries=300, corrected=0.2, seed=3)
    assert summary.entries == 300 and summary.fired == 30

    with Session.open(summary.path, read_only=True) as session:
        state = session.state
        assert state.clock_state.name == "ENDED"
        assert all(s.status is InjectStatus.FIRED for s in state.injects)
        assert len(state.entries) == 300
        assert len(state.entry_history) == 300 + summary.revisions > 300
        assert all(e.revision == 2 for e in state.entry_history if e.supersedes)
        assert {e.stage for e in state.entries} == {"briefing", "play", "hotwash"}
        assert len(state.checks) > 0 and summary.checks >= len(state.checks)
        assert state.ratings and state.findings and state.improvements
        assert not state.anomalies
        texts = [len(e.text) for e in state.entries]
        assert min(texts) >= 10 and max(texts) > 200  # a few words to a short paragraph


def test_percentile_is_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 50) == 50
    assert percentile(values, 99) == 99
    assert percentile([3.0], 99) == 3.0


def test_the_multisite_benchmark_runs_on_both_engines_and_sees_every_write(postgres_server, tmp_path):
    import json
    import subprocess

    out = tmp_path / "multisite.json"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "multisite.py"), "--seconds", "4",
                           "--consoles", "2", "--writers", "3", "--procs", "1", "--interval", "0.2",
                           "--url", postgres_server.url("exercises"), "--json", str(out)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    rows = json.loads(out.read_text(encoding="utf-8"))
    for engine in ("postgresql", "sqlite"):
        assert rows[engine]["writes"] > 0 and rows[engine]["missing"] == 0 and rows[engine]["failures"] == 0
    assert "| postgresql |" in done.stdout and postgres_server.password not in done.stdout
