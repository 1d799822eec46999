"""The console's room dialog on a real server child: links with QR codes, devices, cut off, death and restart, stop."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
from urllib.parse import urlsplit

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from crisisdesk.session import Session
from ui.room.dialog import RoomDialog
from ui.room.server_controller import RoomServerController


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _http(base: str, method: str, path: str, body=None, headers=None) -> int:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        conn.request(method, path, body=json.dumps(body) if body is not None else None,
                     headers={"Content-Type": "application/json", "Origin": base, **(headers or {})})
        response = conn.getresponse()
        data = response.read()
        return response.status, (json.loads(data) if data else {})
    finally:
        conn.close()


@pytest.fixture
def room_dialog(qtbot, tmp_path, mini_package_path):
    path = tmp_path / "salle.crisisdesk"
    Session.create(path, mini_package_path).close()
    controller = RoomServerController(path, grace_minutes=None)
    dialog = RoomDialog(controller, {"DIR": "Direction de crise Ville"})
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    controller.stop()


def test_start_show_links_cut_a_device_survive_a_crash_and_stop(qtbot, room_dialog, tmp_path):
    dialog = room_dialog
    controller = dialog.controller
    dialog.interface.setCurrentIndex(dialog.interface.findData("127.0.0.1"))
    dialog.port.setValue(_free_port())
    qtbot.mouseClick(dialog.start_button, qtbot_button())
    qtbot.waitUntil(lambda: len(controller.links) == 6, timeout=20_000)
    qtbot.waitUntil(lambda: dialog.links_grid.count() == 6, timeout=5_000)
    dialog.resize(1366, 768)
    qtbot.waitUntil(lambda: all(dialog.links_grid.itemAt(i).widget().isVisible() for i in range(6)), timeout=5_000)
    qr_codes = [label for label in dialog.links_box.findChildren(QLabel) if label.pixmap() and not label.pixmap().isNull()]
    assert len(qr_codes) == 6
    base = controller.process.base
    assert base in dialog.status.text()
    dialog.grab().save(str(tmp_path / "room-dialog.png"))
    if os.environ.get("CRISISDESK_SCREENSHOTS"):
        dialog.grab().save(os.path.join(os.environ["CRISISDESK_SCREENSHOTS"], "room-dialog.png"))

    observer = next(lk for lk in controller.links if lk["kind"] == "observer")
    status, joined = _http(base, "POST", "/api/join", {"name": "Tablette 3"},
                           {"X-Crisisdesk-Link": observer["url"].split("/")[-2]})
    assert status == 200
    token = joined["device"]
    qtbot.waitUntil(lambda: dialog.devices_table.rowCount() == 1, timeout=10_000)
    assert dialog.devices_table.item(0, 1).text() == "Tablette 3"

    # The server dies: the console says so and restarts it with the same links and devices.
    os.kill(controller.process.pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: controller.deaths == 1, timeout=10_000)
    assert "redémarre" in dialog.status.text()
    qtbot.waitUntil(lambda: controller.running and _reachable(base), timeout=20_000)
    assert _http(base, "GET", "/api/view", headers={"X-Crisisdesk-Token": token})[0] == 200

    # Cut the device off from the console.
    cut = dialog.devices_table.cellWidget(0, 4)
    assert isinstance(cut, QPushButton)
    qtbot.mouseClick(cut, qtbot_button())
    qtbot.waitUntil(lambda: _http(base, "GET", "/api/view", headers={"X-Crisisdesk-Token": token})[0] == 401,
                    timeout=10_000)
    qtbot.waitUntil(lambda: dialog.devices_table.rowCount() == 0, timeout=10_000)

    # Replace the observers' link: the old one opens nothing, a new one appears in its place.
    qtbot.mouseClick(dialog.findChild(QPushButton, f"roomReplace_{observer['id']}"), qtbot_button())
    qtbot.waitUntil(lambda: sum(1 for lk in controller.links if lk["kind"] == "observer" and not lk["revoked"]) == 1
                    and all(lk["id"] != observer["id"] or lk["revoked"] for lk in controller.links), timeout=10_000)
    new = next(lk for lk in controller.links if lk["kind"] == "observer" and not lk["revoked"])
    assert new["url"] != observer["url"]
    path_of = urlsplit(observer["url"]).path
    qtbot.waitUntil(lambda: _get_status(base, path_of) == 404, timeout=10_000)
    assert _get_status(base, urlsplit(new["url"]).path) == 200
    qtbot.waitUntil(lambda: dialog.links_grid.count() == 6, timeout=5_000)

    # Stop: the links die with the server.
    qtbot.mouseClick(dialog.stop_button, qtbot_button())
    assert not controller.running and controller.links == []
    assert not _reachable(base)
    assert "ne fonctionnent plus" in dialog.status.text()


def _get_status(base: str, path: str) -> int:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        conn.request("GET", path)
        return conn.getresponse().status
    finally:
        conn.close()


def _reachable(base: str) -> bool:
    try:
        return _http(base, "GET", "/health")[0] == 200
    except OSError:
        return False


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_the_console_offers_the_room_in_its_exercise_menu(console):
    actions = [a.objectName() for menu in console.menuBar().findChildren(type(console.menuBar().actions()[0].menu()))
               for a in menu.actions()]
    assert "actionRoomServer" in actions
    dialog = console.room_server_menu.open_dialog()
    assert dialog.isVisible() and not console.room_server_menu.controller.running
    dialog.close()


def test_the_console_shows_a_delivery_made_from_the_room(qtbot, console, fake_time, tmp_path):
    window = console
    window.actions.start.trigger()
    fake_time.advance(121)
    window.driver.on_deadline()  # I01 fires
    with Session.open(window.session.path) as room_server:  # another process's write, as the server makes it
        room_server.mark_delivered("I01", animator="Équipe anim")
    qtbot.waitUntil(lambda: window.session.state.inject("I01").delivered_by is not None, timeout=5_000)
    window.timeline.select("I02")
    window.timeline.select("I01")
    assert "livré par Équipe anim" in window.detail.browser.toPlainText()


def test_closing_the_console_stops_the_room_server(qtbot, console):
    menu = console.room_server_menu
    menu.controller.start("127.0.0.1", _free_port())
    qtbot.waitUntil(lambda: menu.controller.process.base != "", timeout=20_000)
    base = menu.controller.process.base
    assert _reachable(base)
    console.close()
    qtbot.waitUntil(lambda: not menu.controller.running, timeout=10_000)
    assert not _reachable(base)
