"""The console shows the room's real time in the exercise's time zone, not the machine's.

A laptop left on UTC in a Paris room must print the times the room lived (the report does):
the fake clock's START is 20:26:40 UTC, 22:26:40 in Paris (summer time).
"""

from __future__ import annotations

from tests.ui.conftest import START


def test_the_clock_bar_real_time_is_in_the_exercise_zone(machine_in_utc, mini_session):
    from ui.console.views import clock_view

    assert mini_session.package.exercise.timezone == "Europe/Paris"
    view = clock_view(mini_session, START)
    assert view.wall_time is not None
    assert view.wall_time.strftime("%H:%M:%S") == "22:26:40"


def test_the_reopening_banner_gives_downtime_in_the_exercise_zone(machine_in_utc, qtbot):
    from types import SimpleNamespace

    from crisisdesk.timefmt import exercise_timezone
    from ui.console.alerts import RecoveryBanner

    banner = RecoveryBanner()
    qtbot.addWidget(banner)
    zone = exercise_timezone(SimpleNamespace(timezone=None))  # an exercise naming no zone: Paris
    assert banner.show_recovery([(START, START + 600)], [], "PAUSED", zone)
    assert "de 22:26:40 à 22:36:40" in banner.text.text()


def test_the_main_courante_real_time_column_is_in_the_exercise_zone(machine_in_utc, qtbot, mini_session, fake_time, tmp_path):
    from tests.helpers.observer_support import observer_settings
    from ui.observer.log_model import Column
    from ui.observer.panel import ObserverPanel

    panel = ObserverPanel(mini_session, "Claire Dubois", settings=observer_settings(tmp_path))
    qtbot.addWidget(panel)
    mini_session.start()
    mini_session.log_entry(observer="Claire Dubois", role="DSOL", kind="decision", text="Salles rafraîchies ouvertes")
    panel.refresh_from_session()
    assert panel.proxy.index(0, Column.REAL).data() == "22:26:40"
