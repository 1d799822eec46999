"""The application shell: what run_app opens, session files in the user's folder, unexpected errors."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from crisisdesk.session import Session
from ui.app import AppController, default_session_path, run_app


@pytest.fixture
def controller(qtbot, qloop, settings, fake_time, tmp_path):
    app_controller = AppController(settings, fake_time, session_folder=tmp_path / "sessions")
    yield app_controller
    app_controller.close_all()


def test_default_session_path_is_dated_and_never_overwrites(tmp_path):
    when = datetime(2026, 10, 17, 9, 30)
    first = default_session_path("paris-50c", when, folder=tmp_path)
    assert first.name == "paris-50c_2026-10-17_09h30.crisisdesk"
    first.write_bytes(b"")
    second = default_session_path("paris-50c", when, folder=tmp_path)
    assert second.name == "paris-50c_2026-10-17_09h30_2.crisisdesk"


def test_package_folder_opens_a_new_session_in_the_console(qtbot, controller, mini_package_path, settings, tmp_path):
    window = controller.open_path(mini_package_path)
    qtbot.addWidget(window)
    path = Path(window.session.path)
    assert path.parent == tmp_path / "sessions" and path.suffix == ".crisisdesk"
    assert path.exists()
    assert settings.recent_files[0] == path.resolve()
    assert window.isVisible()


def test_start_screen_bundled_choice_lands_in_the_console(qtbot, controller):
    screen = controller.show_start()
    screen.bundled_button.click()
    assert controller.windows, "the console opened"
    window = controller.windows[-1]
    assert window.package.exercise.id == "paris-50c"
    assert not screen.isVisible()


def test_session_file_reopens_with_its_history(qtbot, controller, mini_package_path, fake_time, tmp_path):
    path = tmp_path / "old.crisisdesk"
    session = Session.create(path, mini_package_path, time_source=fake_time)
    session.start()
    session.close()
    window = controller.open_path(path)
    assert window.session.state.clock_state.name == "RUNNING"
    assert window.clock_bar.pause_button.isVisibleTo(window)


def test_bad_inputs_are_explained_on_the_start_screen(qtbot, controller, tmp_path):
    not_a_session = tmp_path / "notes.crisisdesk"
    not_a_session.write_text("bonjour")
    assert controller.open_session(not_a_session) is None
    assert controller.start_screen.error_label.isVisibleTo(controller.start_screen)
    assert "notes.crisisdesk" in controller.start_screen.error_label.text()
    empty_folder = tmp_path / "vide"
    empty_folder.mkdir()
    assert controller.new_session(empty_folder) is None
    assert "erreurs" in controller.start_screen.error_label.text()


def test_dropping_a_non_session_file_is_refused(qtbot, controller, tmp_path):
    screen = controller.show_start()
    stray = tmp_path / "photo.jpg"
    stray.write_bytes(b"x")
    screen.open_path(stray)
    assert "photo.jpg" in screen.error_label.text()


def test_observer_mode_opens_only_an_observer_window(qtbot, controller, mini_package_path, fake_time, tmp_path):
    path = tmp_path / "obs.crisisdesk"
    Session.create(path, mini_package_path, time_source=fake_time).close()
    window = controller.open_observer(path)
    assert type(window).__name__ == "ObserverWindow"
    assert controller.start_screen is None


def test_run_app_rejects_bad_arguments_without_a_window(capsys, tmp_path):
    assert run_app([str(tmp_path / "absent")]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert run_app(["--observer"]) == 2


def test_unexpected_error_is_logged_and_shown_and_the_app_carries_on(qtbot, tmp_path):
    from ui.errors import ErrorReporter, setup_logging

    log_file = setup_logging(tmp_path)
    reporter = ErrorReporter(log_file)
    try:
        raise ZeroDivisionError("division par zéro dans un slot")
    except ZeroDivisionError as error:
        reporter.report(error)
    qtbot.waitUntil(lambda: bool(reporter.dialogs))
    box = reporter.dialogs[0]
    assert isinstance(box, QMessageBox)
    assert "ZeroDivisionError" in box.detailedText()
    assert str(log_file) in box.informativeText()
    for handler in logging.getLogger("crisisdesk").handlers:
        handler.flush()
    assert "division par zéro" in log_file.read_text(encoding="utf-8")
    box.close()


@pytest.mark.slow
def test_main_py_on_the_bundled_package_lands_in_the_console(tmp_path):
    """``python main.py injects/paris-50c`` (what tools/dev.py run does) creates a session and runs."""
    import os
    import subprocess
    import sys
    import time

    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    env.pop("XDG_DOCUMENTS_DIR", None)
    process = subprocess.Popen([sys.executable, str(root / "main.py"), str(root / "injects" / "paris-50c")],
                               cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        documents = tmp_path / "Documents" / "crisisdesk"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not list(documents.glob("paris-50c_*.crisisdesk")):
            assert process.poll() is None, process.communicate()[1]
            time.sleep(0.2)
        created = list(documents.glob("paris-50c_*.crisisdesk"))
        assert created, "no session file was created"
        # It keeps running while its timers fire: it must not exit within a moment and a half.
        with pytest.raises(subprocess.TimeoutExpired):
            process.wait(timeout=1.5)
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert "Traceback" not in stderr
    session = Session.open(created[0], read_only=True)
    try:
        assert session.package.exercise.id == "paris-50c"
    finally:
        session.close()


def test_every_ui_string_has_an_english_translation(tmp_path):
    """Every string of ui/ (console, observers, report actions) is in the committed catalogue."""
    import subprocess
    import sys
    import xml.etree.ElementTree as ET

    root = Path(__file__).resolve().parents[2]
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in sorted((root / "ui").rglob("*.py"))]
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *sources, "-source-language", "fr_FR", "-target-language", "en_GB",
                    "-ts", str(fresh)], check=True, capture_output=True)

    def messages(path: Path) -> dict[tuple[str, str], str | None]:
        found = {}
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                finished = translation is not None and translation.get("type") is None and translation.text
                found[(name, message.findtext("source"))] = translation.text if finished else None
        return found

    extracted = messages(fresh)
    committed = messages(root / "ui" / "i18n" / "crisisdesk_en.ts")
    assert len(extracted) > 200
    untranslated = [key for key in extracted if not committed.get(key)]
    assert untranslated == []


def test_english_catalogue_translates_the_console(qtbot, qapp, console):
    from ui.console.actions import ConsoleActions
    from ui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "en")
    try:
        actions = ConsoleActions()
        assert actions.fire.text() == "Fire now"
        assert actions.skip.text() == "Skip"
        from ui.labels import code_label

        assert code_label("status", "due") == "Due"
    finally:
        remove_translators(qapp, translators)
    assert ConsoleActions().fire.text() == "Déclencher maintenant"


def test_qt_calls_do_not_leak_references_to_none(qapp):
    """PySide6 6.12.0 dropped a reference to None per void call: on Python 3.11 a long exercise aborted."""
    import sys

    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("T+1:23:45")
    assert sys.getrefcount(None) - before > -100


def test_dropping_a_package_folder_starts_a_session(qtbot, controller, mini_package_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    screen = controller.show_start()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(mini_package_path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    screen.dropEvent(event)
    assert controller.windows and controller.windows[-1].package.exercise.id == "mini-canicule"
