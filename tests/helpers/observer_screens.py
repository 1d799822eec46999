"""Render the observer window mid-exercise and the hot-wash screen to PNG (offscreen), to look at them.

Usage: QT_QPA_PLATFORM=offscreen python -m tests.helpers.observer_screens [OUT_DIR]
Plays the bundled Paris à 50 °C package on a fake clock in a temporary folder: entries by
two observers, one corrected, expected responses checked and one left past its window.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from crisisdesk.clock import FakeTime  # noqa: E402
from crisisdesk.session import Session  # noqa: E402
from tests.qt_helpers import press_enter, type_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def _type(app: QApplication, window, line: str) -> None:
    type_text(window.panel.quick.line, line)
    press_enter(window.panel.quick.line)
    for _ in range(3):
        app.processEvents()


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "shots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    from ui.observer.window import ObserverWindow

    with tempfile.TemporaryDirectory() as tmp:
        clock = FakeTime(1_780_034_400.0)  # a morning, local time
        session = Session.create(Path(tmp) / "paris.crisisdesk", ROOT / "injects" / "paris-50c", time_source=clock)
        session.log_entry(observer="Claire Dubois", role="DIR", kind="information",
                          text="Briefing : rappel des conventions d'exercice et du rôle des observateurs")
        clock.advance(600)
        session.start()
        for inject_id, at in (("P1-00", 0), ("P1-01", 120), ("P1-02", 300), ("P1-03", 480), ("P1-04", 720), ("P1-05", 900)):
            clock.set(session.state.clock.started_at + at)
            session.fire(inject_id)
            if inject_id == "P1-01":
                clock.advance(200)
                session.log_entry(observer="Marc Lefèvre", role="DIR", kind="decision",
                                  text="Réunion de la cellule de crise à 10 h 30, points de situation toutes les heures",
                                  inject_id="P1-01")
                session.check_expectation("P1-01", 0, "met", observer="Marc Lefèvre")
            if inject_id == "P1-03":
                clock.advance(120)
                session.log_entry(observer="Marc Lefèvre", role="DSOL", kind="action",
                                  text="Cellule NRP4 activée, 12 équipes de visite constituées", inject_id="P1-03",
                                  tags=("strength",))
        clock.advance(400)
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = ObserverWindow(session, observer_name="Claire Dubois", settings=settings, auto_refresh=False)
        window.resize(1366, 768)
        window.show()
        app.processEvents()
        _type(app, window, "DSOL d: Ouverture anticipée de la salle rafraîchie du 13e, navette vers le gymnase Glacière #fort")
        clock.advance(45)
        _type(app, window, "MAIRIES dm: La mairie du 13e demande 200 bouteilles d'eau et des chaises")
        clock.advance(70)
        _type(app, window, "PP i: Circulation différenciée à l'étude, décision attendue à 14 h")
        clock.advance(30)
        _type(app, window, "DIR o: Pas de secrétaire de cellule : la main courante n'est tenue que par l'observateur #amélioration #O1")
        window.panel.checklist.check("P1-03", 0, "partial")
        window.panel.checklist.check("P1-02", 0, "met")
        # Correct the DIR decision (the meeting was at 10 h 15).
        decision = next(e for e in session.state.entries if e.text.startswith("Réunion de la cellule"))
        window.panel.select_entry(decision.entry_id)
        window.panel.correct_selected()
        window.panel.quick.line.setText(window.panel.quick.line.text().replace("10 h 30", "10 h 15"))
        press_enter(window.panel.quick.line)
        for _ in range(3):
            app.processEvents()
        clock.advance(20)
        window.refresh_from_session()
        type_text(window.panel.quick.line, "DSP a: Consignes canicule relayées aux centres de san")
        corrected = next(e for e in session.state.entries if e.revision == 2)
        window.panel.select_entry(corrected.entry_id)
        window.panel.quick.line.setFocus()
        app.processEvents()
        window.grab().save(str(out / "observer_mid_exercise_1366.png"))
        window.resize(1920, 1080)
        app.processEvents()
        window.grab().save(str(out / "observer_mid_exercise_1920.png"))

        # After ENDEX: the hot wash.
        window.panel.quick.line.clear()
        clock.advance(1800)
        session.end()
        window.refresh_from_session()
        window.tabs.setCurrentWidget(window.hotwash)
        hotwash = window.hotwash
        card = hotwash.cards["O1"]
        card.select_rating("S")
        card.justification.setPlainText("Cellule réunie en 20 min ; passage au niveau 4 préparé mais main courante tenue tard.")
        card.save_button.click()
        card = hotwash.cards["O2"]
        card.select_rating("P")
        card.justification.setPlainText("Visites NRP4 déclenchées en 2 min après l'alerte du 3975.")
        card.save_button.click()
        hotwash.cards["O4"].select_rating("M")
        hotwash.cards["O4"].justification.setPlainText("Audioconférence du COZ sans représentant désigné")
        hotwash.import_tagged_entries()
        session.add_finding("strength", "Bonne réactivité de la DSOL sur les personnes isolées", "O2", observer="Marc Lefèvre")
        session.add_improvement(action="Désigner et former deux secrétaires de cellule (main courante)", owner_role="DIR",
                                priority="high", due_date="2032-09-30", objective_id="O1", observer="Claire Dubois")
        session.add_improvement(action="Mettre à jour la liste REFLEX chaque semaine en été", owner_role="DSOL",
                                priority="medium", due_date="2032-06-01", objective_id="O2", observer="Claire Dubois")
        hotwash.refresh()
        window.resize(1366, 768)
        app.processEvents()
        window.grab().save(str(out / "hotwash_1366.png"))
        window.resize(1920, 1080)
        app.processEvents()
        window.grab().save(str(out / "hotwash_1920.png"))
        window.close()
        window.deleteLater()
        app.processEvents()
        session.close()
    print(f"screens written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
