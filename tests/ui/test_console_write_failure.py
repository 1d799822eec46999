"""A session file that refuses writes (held by another program): the console backs off and says so, once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from crisisdesk.session import InjectStatus
from tests.ui.test_console_flow import save_shot
from ui.console.driver import MAX_WAIT_MS, retry_delay_ms


@pytest.fixture
def window(qtbot, qloop, quick_session, fake_time, settings):
    from ui.main_window import MainWindow

    console = MainWindow(quick_session, fake_time, settings)
    console.quit_guard.confirm_while_running = False
    console.controller.ask_before_start = False
    qtbot.addWidget(console)
    console.show()
    yield console
    console.driver.stop()


def dialogs(window) -> list[QMessageBox]:
    return [w for w in window.findChildren(QMessageBox) if w.isVisible()]


def test_a_locked_file_backs_off_shows_a_banner_and_fires_once_released(qtbot, window, lock, fake_time, tmp_path):
    window.actions.start.trigger()
    fake_time.advance(120)  # I01 falls due
    held = lock()

    assert window.driver.on_deadline() == []  # no exception: no "Erreur inattendue" dialog
    assert window.session.state.inject("I01").status is InjectStatus.DUE
    assert window.session.next_due_at() <= fake_time.now()  # re-arming at the deadline would spin
    assert window.driver.armed_ms > MAX_WAIT_MS // 2  # backed off, not 0 ms
    assert window.driver.arm() > 0  # a poke (our own action, another window's write) keeps the back-off
    banner = window.write_banner
    assert banner.isVisible()
    assert banner.text.text() == ("Le fichier de session n'accepte plus d'écriture : le fichier « mini.crisisdesk » "
                                  "est verrouillé par un autre programme. Nouvel essai dans 1 s.")
    assert dialogs(window) == []
    for _ in range(3):
        QApplication.processEvents()  # let the layouts settle before the picture
    save_shot(window, "write-failure-banner")

    window.driver.on_deadline()  # still locked: the next wait is longer
    assert window.driver.armed_ms > retry_delay_ms(1)
    assert "Nouvel essai dans 2 s." in banner.text.text()
    assert dialogs(window) == []

    held.release()
    assert window.driver.on_deadline() == ["I01"]
    assert window.session.state.inject("I01").status is InjectStatus.FIRED
    assert not banner.isVisible()
    assert 0 <= window.driver.armed_ms <= MAX_WAIT_MS  # back to the normal rhythm


def test_the_construction_time_tick_is_guarded_too(qtbot, qloop, mini_session, quick_session, lock, fake_time,
                                                   settings):
    from ui.main_window import MainWindow

    quick_session.start()
    fake_time.advance(120)
    lock()
    console = MainWindow(quick_session, fake_time, settings)  # its first tick fails: no exception
    console.quit_guard.confirm_while_running = False
    console.controller.ask_before_start = False
    qtbot.addWidget(console)
    try:
        assert console.write_banner.isVisibleTo(console)
        assert console.driver.armed_ms > MAX_WAIT_MS // 2
    finally:
        console.driver.stop()


def test_kept_courante_writes_are_retried_with_back_off(qtbot, window, lock, fake_time):
    window.actions.start.trigger()
    held = lock()
    with pytest.raises(Exception):  # noqa: B017 - WriteFailedError: kept by the session
        window.session.log_entry(observer="Claire", role="DSOL", kind="decision", text="Ouverture du gymnase")
    assert len(window.session.pending_writes) == 1

    window.driver.on_poll()
    retry = window.findChild(type(window.driver._pending_timer), "pendingRetryTimer")
    assert retry.isActive() and retry.interval() == retry_delay_ms(1)
    assert window.driver.retry_pending_writes() == 0
    assert retry.isActive() and retry.interval() == retry_delay_ms(1)
    assert window.driver.retry_pending_writes() == 0  # still locked: the next wait is longer
    assert retry.interval() == retry_delay_ms(2) > retry_delay_ms(1)
    assert window.write_banner.isVisible()
    assert dialogs(window) == []

    held.release()
    assert window.driver.retry_pending_writes() == 1
    assert window.session.pending_writes == ()
    assert [e.text for e in window.session.state.entries] == ["Ouverture du gymnase"]
    assert not window.write_banner.isVisible()


def test_the_heartbeat_has_its_own_timer(qtbot, window, fake_time):
    beat = window.driver.findChild(type(window.driver._pending_timer), "beatTimer")
    assert beat.isActive() and beat.interval() == 5000
    window.actions.start.trigger()
    fake_time.advance(30)
    window.driver.on_beat()
    assert float(window.session.meta()["heartbeat"]) == fake_time.now()
