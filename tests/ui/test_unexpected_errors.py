"""A bug (not a refused or failed write) goes to the error reporter, and what the user typed stays on screen."""

from __future__ import annotations

import pytest

from tests.helpers.observer_support import observer_settings
from tests.qt_helpers import press_enter, type_text
from ui.observer.expectations import ExpectationsChecklist
from ui.observer.hotwash import HotWashWidget
from ui.observer.log_model import Column, SaveState
from ui.observer.panel import ObserverPanel


def boom(*_args, **_kwargs):
    raise RuntimeError("boom: a bug in the save path")


def reported(captured) -> list[str]:
    return [str(exc_value) for _type, exc_value, _tb in captured]


def test_panel_reports_a_bug_once_and_keeps_the_entry(qtbot, tmp_path, mini_session, monkeypatch):
    panel = ObserverPanel(mini_session, "Claire Dubois", settings=observer_settings(tmp_path))
    qtbot.addWidget(panel)
    panel.show()
    monkeypatch.setattr(mini_session, "log_entry", boom)
    with qtbot.capture_exceptions() as captured:
        type_text(panel.quick.line, "DSOL d: Ouverture du gymnase Japy")
        press_enter(panel.quick.line)
        qtbot.waitUntil(lambda: panel.model.row_at(0).save is SaveState.FAILED)
        panel.retry_failed()  # the timer's retry: not a second report
    assert reported(captured) == ["boom: a bug in the save path"]
    assert panel.proxy.index(0, Column.TEXT).data() == "Ouverture du gymnase Japy"
    assert len(panel.pending_entry_ids) == 1
    monkeypatch.undo()
    assert panel.retry_failed() == 0  # once the bug is gone, the kept entry is stored
    assert [e.text for e in mini_session.state.entries] == ["Ouverture du gymnase Japy"]


def test_hot_wash_reports_a_bug_and_keeps_the_typed_finding(qtbot, mini_session, monkeypatch):
    widget = HotWashWidget(mini_session, observer_name="Claire Dubois")
    qtbot.addWidget(widget)
    widget.show()
    widget.finding_text.setText("La cellule a manqué de cartes papier")
    monkeypatch.setattr(mini_session, "add_finding", boom)
    with qtbot.capture_exceptions() as captured:
        widget._add_finding("improvement")
    assert reported(captured) == ["boom: a bug in the save path"]
    assert widget.finding_text.text() == "La cellule a manqué de cartes papier"
    assert widget.error_label.isVisibleTo(widget)
    assert "erreur inattendue" in widget.error_label.text()


def test_hot_wash_shows_a_refusal_without_reporting_it(qtbot, mini_session):
    widget = HotWashWidget(mini_session, observer_name="Claire Dubois")
    qtbot.addWidget(widget)
    with qtbot.capture_exceptions() as captured:
        assert not widget._run(lambda: mini_session.add_finding("nonsense", "texte"))
    assert captured == []
    assert widget.error_label.text().startswith("Valeur « nonsense » inconnue")


def test_checklist_reports_a_bug_and_keeps_working(qtbot, mini_session, fake_time, monkeypatch):
    checklist = ExpectationsChecklist(mini_session, "Claire Dubois")
    qtbot.addWidget(checklist)
    mini_session.start()
    mini_session.fire("I02")
    checklist.refresh()
    monkeypatch.setattr(mini_session, "check_expectation", boom)
    with qtbot.capture_exceptions() as captured, qtbot.waitSignal(checklist.check_failed) as failed:
        assert not checklist.check("I02", 0, "met")
    assert reported(captured) == ["boom: a bug in the save path"]
    assert "erreur inattendue" in failed.args[0]


@pytest.mark.parametrize("path", ["ui/observer/panel.py", "ui/observer/hotwash.py", "ui/observer/expectations.py",
                                  "ui/observer/window.py"])
def test_no_exception_is_swallowed(path):
    from pathlib import Path

    source = (Path(__file__).resolve().parents[2] / path).read_text(encoding="utf-8")
    for block in source.split("except Exception")[1:]:
        assert "report_unexpected(" in block.split("\n        except")[0][:400], path
