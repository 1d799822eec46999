"""The bundled exercise in the console mid-exercise, its role cards and the room display (and screenshots).

Set CRISISDESK_SHOTS=/path/to/folder to also save PNGs of each screen.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QLabel

from crisisdesk.session import InjectStatus
from ui.room_display import FeedCard


def save_shot(widget, name: str) -> None:
    """Save a screenshot when CRISISDESK_SHOTS names a folder (not in normal test runs)."""
    folder = os.environ.get("CRISISDESK_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def play(window, fake_time, until: float, step: float = 20.0) -> None:
    """Let the exercise run to ``until`` seconds, the precise timer firing along the way."""
    clock = window.session.state.clock
    assert clock.state.name == "RUNNING", "start the exercise before playing it"
    while clock.elapsed(fake_time.now()) < until:
        fake_time.advance(step)
        window.driver.on_deadline()
        clock = window.session.state.clock


def test_start_screen_offers_the_bundled_exercise_first(qtbot, settings, tmp_path):
    from ui.app import BUNDLED_PACKAGE
    from ui.start_screen import StartScreen

    screen = StartScreen(BUNDLED_PACKAGE, [])
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    assert "Paris à 50 °C" in screen.bundled_button.text()
    assert "injects" in screen.bundled_summary.text()
    with qtbot.waitSignal(screen.package_chosen) as chosen:
        screen.bundled_button.click()
    assert chosen.args == [BUNDLED_PACKAGE]
    save_shot(screen, "start-screen")


def test_mid_exercise_console_and_room_display(qtbot, paris_console, fake_time):
    window = paris_console
    session = window.session
    window.actions.start.trigger()
    play(window, fake_time, 38 * 60)
    window.controller.skip("P1-13")
    window.controller.delay("PS1", 10)
    window.tick()
    state = session.state
    assert state.inject("P1-11").fired_elapsed < 37 * 60  # fired on time, not all at once
    fired = [s.id for s in state.injects if s.status is InjectStatus.FIRED]
    assert "P1-11" in fired
    due = [s for s in state.injects if s.status is InjectStatus.DUE]
    window.timeline.select("P1-11")
    browser_text = window.detail.browser.toPlainText()
    assert "VIGILANCE ROUGE" in browser_text
    assert window.detail.browser.images  # the vigilance map is previewed
    assert not next(iter(window.detail.browser.images.values())).isNull()
    if due:
        assert window.alert.isVisible()
    qtbot.waitUntil(lambda: window.timeline.width() > window.detail_dock.width())
    save_shot(window, "console-mid-exercise")

    window.actions.room_display.setChecked(True)
    room = window.room_control.room
    assert room is not None and room.isVisible()
    room.showNormal()
    room.resize(1280, 720)
    window.tick()
    assert room.size().height() <= 720, "the room display must fit a 720p projector"
    texts = "\n".join(label.text() for label in room.findChildren(QLabel))
    for inject_state in state.injects:
        if inject_state.inject.notes:
            assert inject_state.inject.notes.strip().splitlines()[0] not in texts
    save_shot(room, "room-display")
    room.resize(1920, 1080)  # the offscreen screen may cap this: the shot shows what fits
    # Cards are rebuilt at the new size and shown on a later turn of the loop.
    qtbot.waitUntil(lambda: all(card.isVisible() for card in room.findChildren(FeedCard)))
    save_shot(room, "room-display-1080p")
    assert room.size().height() <= 1080


def test_role_cards_panel_and_pdf_handouts(qtbot, paris_console, tmp_path):
    window = paris_console
    panel = window.role_cards
    window.cards_dock.show()
    window.cards_dock.raise_()
    played = [role for role in window.package.roles if role.played]
    panel.show_role(played[1].id)
    assert played[1].mission.split()[0] in panel.card.toPlainText()
    assert panel.isVisible()
    save_shot(window, "console-role-cards")

    out = tmp_path / "cartes.pdf"
    task = window.documents.export_cards(out)
    qtbot.waitUntil(task.done, timeout=20000)
    assert task.exception() is None
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    assert document.load(str(out)) == QPdfDocument.Error.None_
    assert document.pageCount() == len(window.package.roles)  # one card per page
    folder = os.environ.get("CRISISDESK_SHOTS")
    if folder:
        from PySide6.QtCore import QSize

        document.render(0, QSize(595, 842)).save(str(Path(folder) / "role-card-pdf-page1.png"))


def test_courante_tab_shot(paris_console, fake_time):
    """The main courante tab beside the situation, as the controller sees it (screenshot only)."""
    window = paris_console
    window.actions.start.trigger()
    play(window, fake_time, until=38 * 60)
    window.courante_dock.show()
    window.courante_dock.raise_()
    assert window.courante_dock.isVisible()
    assert window.courante.compact  # the dock keeps name, entry line and log only
    save_shot(window, "console-courante-tab")


def test_console_after_endex(qtbot, paris_console, fake_time):
    from ui.console.timeline_model import Column

    window = paris_console
    window.actions.start.trigger()
    play(window, fake_time, 12 * 60)
    window.controller.fire("P1-05")  # early: planned T+0:15
    window.session.end()
    window.driver.poke()
    window.tick()
    window.timeline.select("P1-05")
    model = window.model
    assert model.next_id is None
    assert window.clock_bar.next_label.full_text() == ""
    assert not any("▶" in model.data(model.index(row, Column.TIME)) for row in range(model.rowCount()))
    assert model.data(model.index(model.row_of("C-01"), Column.STATUS)) == "Non joué"
    assert "prévu T+0:15 · déclenché T+0:12" in window.detail.browser.toPlainText()
    qtbot.waitUntil(lambda: window.timeline.width() > window.detail_dock.width())
    badge = window.clock_bar.state_label

    def badge_fits() -> None:  # once the pending layout requests have run
        assert badge.width() >= badge.sizeHint().width(), "the clock state badge is cut"

    qtbot.waitUntil(badge_fits)
    save_shot(window, "console-after-endex")
