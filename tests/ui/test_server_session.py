"""Opening a session held on PostgreSQL from the app: the start screen's dialog, the password asked, the console."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crisisdesk.session import Session
from ui.app import AppController

SHOTS = os.environ.get("CRISISDESK_SCREENSHOTS")  # a folder: the screens are saved there to look at


@pytest.fixture
def controller(qtbot, qloop, settings, fake_time, tmp_path):
    app_controller = AppController(settings, fake_time, session_folder=tmp_path / "sessions")
    yield app_controller
    app_controller.close_all()


@pytest.fixture
def on_server(postgres_url, mini_package_path, fake_time):
    """A session on the test server, started; its URL with, and without, the password."""
    with Session.create(postgres_url, mini_package_path, time_source=fake_time) as s:
        s.start()
        return s.location


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.resize(1366, 768) if widget.isWindow() and "Dialog" not in type(widget).__name__ else None
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_the_start_screen_asks_for_the_password_and_opens_the_console(qtbot, controller, on_server, settings,
                                                                      postgres_server):
    screen = controller.show_start()
    qtbot.addWidget(screen)
    _shot(screen, "start-screen")
    dialog = screen.ask_server()
    dialog.url_edit.setText(on_server.display)  # shown without any password
    dialog.password_edit.setText("faux")
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    _shot(dialog, "server-dialog")
    dialog.chosen.disconnect()
    dialog.chosen.connect(screen.server_session_chosen)
    dialog._on_accept()
    # refused: asked again, saying why, the address kept, never the password
    qtbot.waitUntil(lambda: getattr(controller, "server_dialog", None) is not None)
    again = controller.server_dialog
    assert again.url_edit.text() == on_server.display
    assert "mot de passe" in again.error_label.text().lower() or "password" in again.error_label.text().lower()
    _shot(again, "server-dialog-refused")
    again.password_edit.setText(postgres_server.password)
    again._on_accept()
    qtbot.waitUntil(lambda: bool(controller.windows))
    window = controller.windows[-1]
    assert window.session.location.on_server
    assert window.session.state.clock_state.name == "RUNNING"
    assert on_server.session in window.windowTitle()
    _shot(window, "console-on-server")
    # remembered without the password
    assert settings.recent_servers == [on_server.display]
    assert postgres_server.password not in str(settings.qsettings.allKeys()) + str(
        [settings.qsettings.value(k) for k in settings.qsettings.allKeys()])


def test_another_consoles_entry_reaches_this_console(qtbot, controller, on_server, postgres_server, fake_time):
    window = controller.open_session(on_server.display, postgres_server.password)
    assert window is not None
    with Session.open(on_server.with_password(postgres_server.password), time_source=fake_time) as other:
        other.log_entry(observer="Site préfecture", role="DIR", kind="decision", text="Ouverture du COD")
    qtbot.waitUntil(lambda: any(e.text == "Ouverture du COD" for e in window.session.state.entries), timeout=5000)


def test_an_unreachable_server_is_said_in_words(qtbot, controller):
    from tests.helpers.pg_server import free_port

    url = f"postgresql://anim@127.0.0.1:{free_port()}/exo?session=paris"
    dialog = controller.open_session(url, "x")
    assert not controller.windows and dialog is controller.server_dialog
    assert "127.0.0.1" in dialog.error_label.text()
    assert "Traceback" not in dialog.error_label.text()
    _shot(dialog, "server-unreachable")


def test_an_observer_window_on_a_server_session_writes_there(qtbot, controller, on_server, postgres_server,
                                                             fake_time):
    window = controller.open_observer(on_server.display, postgres_server.password)
    assert window is not None and window.isVisible()
    assert postgres_server.password not in window.windowTitle()
    window.resize(1366, 768)
    window._session.log_entry(observer="Obs préfecture", role="DIR", kind="decision", text="Activation du COD")
    with Session.open(on_server.with_password(postgres_server.password), read_only=True,
                      time_source=fake_time) as reader:
        assert [e.text for e in reader.state.entries] == ["Activation du COD"]
    window.refresh_from_session()
    _shot(window, "observer-on-server")


def test_the_console_says_when_the_server_is_away_and_carries_on_when_it_is_back(qtbot, qloop, settings, tmp_path,
                                                                               mini_package_path, fake_time,
                                                                               monkeypatch):
    from tests.helpers.pg_server import TestServer
    from ui.main_window import MainWindow

    monkeypatch.setenv("CRISISDESK_DATA_DIR", str(tmp_path / "data"))
    server = TestServer()  # its own: this test stops it
    server.start()
    try:
        server.create_database("exo")
        session = Session.create(server.url("exo", session="coupure"), mini_package_path, time_source=fake_time)
        console = MainWindow(session, fake_time, settings)
        console.quit_guard.confirm_while_running = False
        console.controller.ask_before_start = False
        qtbot.addWidget(console)
        console.show()
        try:
            console.actions.start.trigger()
            fake_time.advance(120)  # I01 falls due
            server.stop(remove=False)
            assert console.driver.on_deadline() == []  # no exception, no dialog
            assert console.write_banner.isVisible()
            text = console.write_banner.text.text()
            assert text.startswith("Le serveur de la session n'accepte plus d'écriture")
            assert "Traceback" not in text and server.password not in text
            _shot(console, "console-server-away")
            server.start()
            fake_time.advance(2)
            assert console.driver.on_deadline() == ["I01"]  # fired once the server is back
            assert not console.write_banner.isVisible()
        finally:
            console.driver.stop()
            console.close()
            session.close()
    finally:
        server.stop()
