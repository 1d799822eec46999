"""The start screen shows the readiness check of the bundled package, with the details on demand."""

from __future__ import annotations

import os
from pathlib import Path

from crisisdesk.package.loader import load_package
from crisisdesk.readiness import check_package
from tests.readiness_packages import inject, variant, write


def save_shot(widget, name: str) -> None:
    folder = os.environ.get("CRISISDESK_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def start_screen(qtbot, package: Path):
    from ui.start_screen import StartScreen

    screen = StartScreen(package, [])
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    return screen


PARIS_FIRST = Path(__file__).resolve().parents[1] / "data" / "paris-50c-first-edition"


def test_paris_alerts_are_counted_and_listed_on_demand(qtbot):
    """On the first edition of the Paris package, frozen with its 54 alerts."""
    screen = start_screen(qtbot, PARIS_FIRST)
    summary = screen.readiness
    report = check_package(load_package(PARIS_FIRST))
    alerts = len(report.alerts)
    assert alerts > 3
    qtbot.waitUntil(summary.isVisible)
    assert summary.headline.text().startswith(f"{alerts} alertes de préparation")
    assert not summary.list.isVisible()
    save_shot(screen, "start-screen-readiness")
    summary.details_button.click()
    qtbot.waitUntil(summary.list.isVisible)
    assert summary.list.count() == len(report.findings)
    texts = [summary.list.item(row).text() for row in range(summary.list.count())]
    assert "⚠ BSPP : rien à recevoir ni à rendre de 0:00 à 1:13 (1:13)" in texts
    assert "⚠ P1-08 : la réponse de DIR est attendue à 0:46, après le point de situation PS1 (0:45)" in texts
    assert any("après le saut de temps (2:45)" in text for text in texts)
    assert summary.list.item(0).toolTip().endswith("roles.yaml:7")  # DIR's card
    assert summary.details_button.text() == "Masquer"
    save_shot(screen, "start-screen-readiness-details")
    summary.details_button.click()
    qtbot.waitUntil(lambda: not summary.list.isVisible())


def test_ready_package_says_so_without_details(qtbot, tmp_path):
    screen = start_screen(qtbot, write(variant(), tmp_path / "ok"))
    qtbot.waitUntil(screen.readiness.isVisible)
    assert screen.readiness.headline.text() == "Préparation : aucune alerte"
    assert not screen.readiness.details_button.isVisibleTo(screen)


def test_every_kind_is_worded(qtbot, tmp_path):
    from ui.readiness_summary import ReadinessSummary

    data = variant()
    data["exercise"]["duration"] = "1:20"
    data["files"]["media/oubli.pdf"] = "%PDF"
    inject(data, "I6")["expected"][0]["within"] = "0:30"
    folder = write(data, tmp_path / "pkg")
    widget = ReadinessSummary()
    qtbot.addWidget(widget)
    report = check_package(load_package(folder), folder)
    widget.show_report(report)
    texts = {f.kind: widget.describe(f) for f in report.findings}
    assert texts == {
        "early_end": "Dernier inject à 0:55, 0:25 avant la fin de l'exercice",
        "crosses_boundary": "I6 : la réponse de B est attendue à 1:25, après la fin de l'exercice (1:20)",
        "attachment_unused": "Fichier media/oubli.pdf : remis par aucun inject",
    }
    assert widget.headline.text() == "2 alertes de préparation · 1 remarque"


def test_broken_package_shows_no_summary(qtbot, tmp_path):
    folder = write(variant(), tmp_path / "pkg")
    (folder / "msel.yaml").write_text("- id: [\n", encoding="utf-8")
    screen = start_screen(qtbot, folder)
    assert not screen.readiness.isVisibleTo(screen)


def test_summary_in_english(qtbot, qapp, tmp_path):
    from ui.i18n import install_translators, remove_translators
    from ui.readiness_summary import ReadinessSummary

    data = variant()
    data["exercise"]["duration"] = "1:20"
    folder = write(data, tmp_path / "pkg")
    report = check_package(load_package(folder), folder)
    translators = install_translators(qapp, "en")
    try:
        widget = ReadinessSummary()
        qtbot.addWidget(widget)
        widget.show_report(report)
        assert widget.headline.text() == "1 readiness alert"
        assert widget.details_button.text() == "Details…"
        assert widget.list.item(0).text() == "⚠ Last inject at 0:55, 0:25 before the end of the exercise"
    finally:
        remove_translators(qapp, translators)


def test_bundled_paris_package_is_ready(qtbot, paris_package_path):
    screen = start_screen(qtbot, paris_package_path)
    qtbot.waitUntil(screen.readiness.isVisible)
    assert screen.readiness.headline.text().startswith("Préparation : aucune alerte")
    save_shot(screen, "start-screen-paris-ready")
