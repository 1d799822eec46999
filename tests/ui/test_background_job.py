"""The runner the report and the kits share (ui/background_job.py): real child processes, and the
frozen build's thread path doing the same work."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from crisisdesk.clock import FakeTime
from tests.report_sessions import play_known_session
from ui.job_workers import ChildProcess
from ui.kit_action import KitController
from ui.report_action import ReportController

pytest.importorskip("PySide6.QtWebEngineCore")


def run_child(qtbot, how: str) -> tuple[list[str], list[str], bool]:
    child = ChildProcess("tests.helpers.job_child", [how], what="report")
    lines: list[str] = []
    errors: list[str] = []
    succeeded: list[bool] = []
    child.line.connect(lines.append)
    child.error.connect(errors.append)
    child.succeeded.connect(lambda: succeeded.append(True))
    with qtbot.waitSignal(child.finished, timeout=30_000):
        child.start()
    return lines, errors, bool(succeeded)


def test_a_child_that_says_done_succeeds_after_its_progress_lines(qtbot):
    assert run_child(qtbot, "ok") == (["step 0"], [], True)


def test_a_killed_child_is_a_failure_that_says_so(qtbot):
    lines, errors, succeeded = run_child(qtbot, "killed")
    assert lines == ["step 0"] and not succeeded
    assert errors == ["the report process stopped (CrashExit, code 9)"]


def test_a_child_that_stops_without_saying_done_is_a_failure(qtbot):
    _lines, errors, succeeded = run_child(qtbot, "silent")
    assert not succeeded and errors == ["the report process stopped (NormalExit, code 0)"]


def test_the_child_s_sentence_reaches_the_app_with_its_newlines(qtbot):
    _lines, errors, succeeded = run_child(qtbot, "error")
    assert not succeeded and errors == ["disque plein\nsur /tmp"]


def test_a_bug_in_the_child_is_named_not_hidden(qtbot):
    _lines, errors, _succeeded = run_child(qtbot, "bug")
    assert errors == ["KeyError: 'oops'"]


@pytest.fixture
def frozen(monkeypatch):
    """A frozen build: no Python to start, the work runs on a thread."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)


def test_a_frozen_build_makes_the_report_on_a_thread(qtbot, frozen, tmp_path):
    path, clock = play_known_session(tmp_path)
    out = tmp_path / "retex.html"
    controller = ReportController(path, time_source=FakeTime(clock.now()), show_progress=False)
    steps = []
    controller.progress.connect(lambda step, _text: steps.append(step))
    with qtbot.waitSignal(controller.finished, timeout=30_000):
        assert controller.start("html", out)
    assert steps == [0, 1, 3]
    assert 'id="annex-roles"' in out.read_text(encoding="utf-8")


def test_a_frozen_build_says_why_a_report_fails(qtbot, frozen, tmp_path):
    controller = ReportController(tmp_path / "absent.crisisdesk", show_progress=False)
    with qtbot.waitSignal(controller.failed, timeout=30_000) as failed:
        controller.start("html", tmp_path / "r.html")
    assert "absent.crisisdesk" in failed.args[0]


def test_a_frozen_build_lays_the_kits_out_on_a_thread(qtbot, frozen, mini_session, tmp_path):
    pytest.importorskip("PySide6.QtPdf")
    out = tmp_path / "kit"
    controller = KitController(mini_session.path, mini_session.package, show_progress=False)
    with qtbot.waitSignal(controller.finished, timeout=60_000) as finished:
        controller.start(out, kinds=["joueur"])
    assert [Path(p).name for p in finished.args[0]] == ["mini-canicule-kit-joueur.pdf"]


def test_cancelled_kits_leave_nothing(qtbot, mini_session, tmp_path):
    out = tmp_path / "kit"
    controller = KitController(mini_session.path, mini_session.package, show_progress=False)
    finished = []
    controller.finished.connect(finished.append)
    with qtbot.waitSignal(controller.cancelled, timeout=60_000):
        controller.start(out)
        controller.cancel()
    assert not out.exists() and not finished and not controller.busy
