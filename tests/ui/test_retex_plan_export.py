"""The RETEX screen exports the plan d'actions for follow-up, as XLSX or CSV (issue 17)."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from ui.observer.retex_document import RetexDocumentWidget


@pytest.fixture
def document(qtbot, mini_session, fake_time):
    mini_session.start()
    fake_time.advance(30 * 60)
    mini_session.end()
    number = mini_session.add_finding("improvement", "Alerte lente", "O1", observer="Marc Lefèvre")
    mini_session.add_improvement(action="=Former les cadres", owner_role="DSOL", priority="high",
                                 due_date="2032-09-30", start_date="2032-07-01", finding_id=number,
                                 observer="Marc Lefèvre")
    widget = RetexDocumentWidget(mini_session, observer_name="Sophie Tran")
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def _answer(monkeypatch, name: str, chosen: str) -> list[str]:
    asked: list[str] = []

    def fake_dialog(parent, title, default, filters):
        asked.append(default)
        assert "*.xlsx" in filters and "*.csv" in filters
        return name, chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    return asked


def test_the_plan_is_exported_as_xlsx_from_the_retex_screen(qtbot, document, monkeypatch, tmp_path):
    target = tmp_path / "suivi" / "plan"
    asked = _answer(monkeypatch, str(target), "Classeur Excel (*.xlsx)")
    assert document.export_button.text() == "Exporter le plan d'actions…"
    qtbot.mouseClick(document.export_button, Qt.MouseButton.LeftButton)
    assert asked[0].endswith("-plan-actions.xlsx")
    written = target.with_suffix(".xlsx")
    sheet = load_workbook(written).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert row["Action corrective"] == "'=Former les cadres"  # neutralised, as in the CSV
    assert row["Constat"] == "1 — Alerte lente"
    assert row["Échéance"].date().isoformat() == "2032-09-30"
    assert str(written) in document.recorded.text() and not document.error.isVisible()
    assert document.recorded.toolTip() == str(written)
    assert document.minimumSizeHint().width() <= 1366  # a long path does not widen the screen
    folder = os.environ.get("CRISISDESK_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        qtbot.waitUntil(lambda: document.recorded.width() >= document.recorded.sizeHint().width())
        document.grab().save(str(Path(folder) / "retex-plan-export-1366x768.png"))


def test_the_plan_is_exported_as_csv_when_chosen(qtbot, document, monkeypatch, tmp_path):
    _answer(monkeypatch, str(tmp_path / "plan"), "CSV (*.csv)")
    document.export_button.click()
    raw = (tmp_path / "plan.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header, row = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert dict(zip(header, row, strict=True))["Début"] == "2032-07-01"


def test_a_plan_that_cannot_be_written_says_where_and_why(qtbot, document, monkeypatch, tmp_path):
    blocker = tmp_path / "un-fichier"
    blocker.write_text("pas un dossier", encoding="utf-8")
    _answer(monkeypatch, str(blocker / "plan.xlsx"), "Classeur Excel (*.xlsx)")
    document.export_button.click()
    assert document.error.isVisible()
    assert "Plan d'actions non exporté" in document.error.text() and "plan.xlsx" in document.error.text()
    assert blocker.read_text(encoding="utf-8") == "pas un dossier"
