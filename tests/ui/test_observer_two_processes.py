"""Two observers in two processes logging into one session file at the same time: nothing lost."""

from __future__ import annotations

import subprocess
import sys

import pytest

from crisisdesk.clock import SystemTime
from crisisdesk.session import Session
from tests.conftest import ROOT
from tests.helpers.observer_support import observer_settings, stored_entries, type_entry
from ui.observer.window import ObserverWindow


@pytest.mark.slow
def test_widget_and_another_process_log_at_once(qtbot, tmp_path, mini_package_path):
    path = tmp_path / "deux.crisisdesk"
    Session.create(path, mini_package_path).close()
    session = Session.open(path, time_source=SystemTime())
    window = ObserverWindow(session, observer_name="Claire Dubois", settings=observer_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.observer_writer", str(path), "Marc Lefèvre", str(stop)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # Wait until the other process is writing, then type while it goes on.
        qtbot.waitUntil(lambda: len(stored_entries(path)) >= 5, timeout=20000)
        ours = [
            type_entry(qtbot, window.panel, f"DSOL d: Décision n° {number} : ouverture d'une salle rafraîchie")
            for number in range(1, 16)
        ]
        concurrent = len(stored_entries(path))
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    theirs = out.split()
    assert len(theirs) > 5

    rows = stored_entries(path)
    stored_ids = [row["entry_id"] for row in rows]
    assert len(stored_ids) == len(set(stored_ids)) == len(ours) + len(theirs)
    assert set(ours) | set(theirs) == set(stored_ids)
    # The other process was still writing while we typed (its entries interleave with ours).
    assert concurrent > len(ours) + 5
    positions = [stored_ids.index(entry_id) for entry_id in ours]
    assert any(stored_ids[i] in theirs for i in range(positions[0], positions[-1]))

    # The window's own poll shows the other observer's entries too.
    window.poll()
    assert window.panel.model.rowCount() == len(rows)
    assert "Marc Lefèvre" in window.panel.model.observers()
    reopened = Session.open(path)
    try:
        assert len(reopened.state.entries) == len(rows)
    finally:
        reopened.close()
        session.close()
