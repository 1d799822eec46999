"""The editor's live check runs in a child process, not on a thread sharing the window's interpreter."""

from __future__ import annotations

import os

from crisisdesk.package.check_job import run_check
from crisisdesk.package.problems import Problem
from ui.editor import problems as problems_module


def test_the_live_check_runs_in_another_process_and_reports_like_validate(qtbot, editor_window):
    window = editor_window
    window.problems.check_now()
    qtbot.waitUntil(lambda: window.problems.up_to_date, timeout=30000)
    pool = problems_module.check_pool()
    children = [p.pid for p in pool._processes.values()]
    assert children and os.getpid() not in children
    expected, report = run_check(window.doc.root, window.doc.texts())
    assert window.problems.problems == expected
    assert window.problems.report is not None and report is not None
    assert len(window.problems.report.findings) == len(report.findings)
    assert window.problems.list.count() == len(expected) + len(report.findings)


def test_a_long_list_is_filled_in_slices_and_a_newer_check_wins(qtbot, editor_window, monkeypatch):
    window = editor_window
    pane = window.problems
    qtbot.waitUntil(lambda: pane.up_to_date, timeout=30000)
    monkeypatch.setattr(problems_module, "FILL_SLICE", 1)
    problems = [Problem(str(window.doc.root / "msel.yaml"), n, f"warning {n}", warning=True) for n in range(1, 6)]
    pane._generation += 1
    pane._show(pane._generation, (problems, None))
    assert pane.list.count() == 1 and not pane.up_to_date  # the rest comes on later turns
    pane._generation += 1
    pane._show(pane._generation, (problems[:3], None))  # a newer result replaces the one being listed
    qtbot.waitUntil(lambda: pane.up_to_date, timeout=10000)
    assert [pane.list.item(i).text() for i in range(pane.list.count())] == [
        f"msel.yaml:{n}: avertissement: warning {n}" for n in range(1, 4)]
