"""The console on a 1366×768 laptop: the log beside the timeline, nothing cut, selection kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from tests.ui.test_console_screens import play, save_shot
from ui.console.timeline_model import Column
from ui.observer.log_model import Column as LogColumn


def test_main_courante_is_beside_the_timeline_with_its_text_column_in_view(qtbot, paris_console):
    window = paris_console
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.courante_dock.isVisible() and window.courante.view.isVisible())
    # Not a hidden tab: the log and the timeline are on screen together.
    assert not window.courante_dock.visibleRegion().isEmpty()
    assert window.courante_dock not in window.tabifiedDockWidgets(window.detail_dock)
    view = window.courante.view
    text_left = view.columnViewportPosition(LogColumn.TEXT)
    assert 0 <= text_left < view.viewport().width() - 150, "the 'Entrée' column is off-screen"
    rows_shown = view.viewport().height() // view.verticalHeader().defaultSectionSize()
    assert rows_shown >= 5
    save_shot(window, "console-1366-courante")


def test_countdown_is_never_elided_by_a_long_title(qtbot, paris_console, fake_time):
    window = paris_console
    window.resize(1366, 768)
    window.actions.start.trigger()
    window.actions.autofire.setChecked(False)
    assert window.controller.fire_next()  # P1-00 is due at STARTEX; the next one is minutes away
    window.tick()
    when = window.clock_bar.next_when
    assert when.text().startswith("Prochain dans 0:")
    assert when.width() >= when.sizeHint().width()
    title = window.clock_bar.next_label
    assert title.full_text().startswith("P1-01 ")
    # The long title gives way (elided, whole in its tooltip), not the countdown.
    assert "…" in title.text() or title.fontMetrics().horizontalAdvance(title.full_text()) <= title.width()
    assert title.toolTip() == title.full_text()
    assert window.clock_bar.wall_label.text().startswith("Heure réelle ")


def test_short_columns_fit_their_longest_text(qtbot, paris_console, fake_time):
    window = paris_console
    window.actions.start.trigger()
    window.session.add_inject(title="Appel imprévu du préfet", sender="ANIM", to=["DIR"], body="x", channel="phone")
    window.refresh()
    table, model = window.timeline.table, window.model
    metrics = table.fontMetrics()
    for row in range(model.rowCount()):
        for column in (Column.TIME, Column.ID, Column.STATUS):
            text = model.data(model.index(row, column))
            assert metrics.horizontalAdvance(text) <= table.columnWidth(column) - 8, (column, text)


def test_another_inject_opens_at_its_title_and_clearing_the_search_keeps_the_selection(qtbot, paris_console):
    window = paris_console
    window.resize(1366, 768)
    window.timeline.select("P1-11")
    bar = window.detail.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    window.timeline.select("P1-09")
    assert window.detail.browser.verticalScrollBar().value() == 0

    window.timeline.select("P1-05")
    qtbot.keyClicks(window.timeline.search, "zzz-introuvable")
    assert window.timeline.selected_id() is None
    window.timeline.search.clear()
    assert window.timeline.selected_id() == "P1-05"
    assert window.detail.inject_id == "P1-05"


def test_endex_times_and_statuses_whole(qtbot, paris_console, fake_time):
    window = paris_console
    window.actions.start.trigger()
    play(window, fake_time, 30 * 60)
    window.session.end()
    window.driver.poke()
    window.tick()
    table, model = window.timeline.table, window.model
    metrics = table.fontMetrics()
    for row in range(model.rowCount()):
        for column in (Column.TIME, Column.STATUS):
            text = model.data(model.index(row, column))
            assert metrics.horizontalAdvance(text) <= table.columnWidth(column) - 8, (column, text)
    assert table.horizontalHeader().sectionResizeMode(Column.TITLE).name == "Stretch"


def test_room_display_cards_use_the_width_and_show_formatted_text(qtbot, paris_console, fake_time):
    from ui.room_display import FeedCard

    window = paris_console
    window.actions.start.trigger()
    play(window, fake_time, 30 * 60)  # P1-09 (FIL INFO 24, a news flash) has gone out
    window.actions.room_display.setChecked(True)
    room = window.room_control.room
    room.showNormal()
    room.resize(1920, 1080)
    qtbot.waitUntil(lambda: room.height() == 1080)
    window.tick()
    cards = room.findChildren(FeedCard)
    assert cards and all(card.isVisible() for card in cards)
    used = sum(card.width() for card in cards)
    assert used > room.width() * 0.8, "the cards must share the whole width"
    shown = "\n".join(label.text() for card in cards for label in card.findChildren(QLabel))
    assert "*(" not in shown and "**" not in shown
    save_shot(room, "room-1080p")


def test_escape_on_the_room_display_gives_the_console_back(qtbot, paris_console):
    window = paris_console
    window.actions.room_display.setChecked(True)
    room = window.room_control.room
    qtbot.waitUntil(room.isVisible)
    qtbot.keyClick(room, Qt.Key.Key_Escape)
    assert not room.isVisible()
    assert not window.actions.room_display.isChecked()  # F10 shows it again
    window.actions.room_display.trigger()
    assert room.isVisible()


def test_room_card_cut_never_leaves_a_raw_emphasis_mark():
    from ui.room_display import shorten

    body = "Premier paragraphe assez court.\n\n" + "« Ne buvez plus l'eau du robinet, partagez ! » " * 3 + "*(visuel imitant le logo d'Eau de Paris)*"
    for limit in range(60, len(body), 7):
        text = shorten(body, limit)
        assert text.count("*") % 2 == 0, (limit, text)


def test_each_window_has_its_own_author(qtbot, qloop, console, settings):
    """An observer's window naming itself never renames the director at the console."""
    from ui.observer.window import ObserverWindow

    console.courante.set_observer_name("Directrice Martin")
    observer = ObserverWindow(console.session, settings=settings.qsettings, auto_refresh=False)
    qtbot.addWidget(observer)
    assert observer.panel.observer_name != "Directrice Martin"
    observer.panel.set_observer_name("Observateur Dupont")
    # A console opened later on this machine (same settings) is still the director's.
    from ui.observer.panel import ObserverPanel

    again = ObserverPanel(console.session, settings=settings.qsettings, seat="console")
    qtbot.addWidget(again)
    assert again.observer_name == "Directrice Martin"
    assert console.courante.observer_name == "Directrice Martin"
    console.side_windows.open_hotwash()
    hotwash = console.side_windows.windows[-1]
    assert hotwash._observer == "Directrice Martin"
    console.courante.set_observer_name("Directrice Leroy")
    assert hotwash._observer == "Directrice Leroy"


def test_after_a_crash_the_recovery_message_and_the_due_banner_count_the_same_injects(
        qtbot, qloop, tmp_path, paris_package_path, fake_time, settings):
    import re

    from crisisdesk.contingency import awaiting_controller
    from crisisdesk.session import Session
    from ui.main_window import MainWindow

    path = tmp_path / "crash.crisisdesk"
    first = Session.create(path, paris_package_path, time_source=fake_time)
    first.start()
    for _ in range(10):  # the first ten minutes play with auto-fire
        fake_time.advance(60)
        first.tick()
    first.close()  # the laptop dies at T+0:10
    fake_time.advance(25 * 60)  # back at T+0:35: several injects and the contingency C-01 fell due
    session = Session.open(path, time_source=fake_time)
    window = MainWindow(session, fake_time, settings)
    window.quit_guard.confirm_while_running = False
    qtbot.addWidget(window)
    window.show()
    try:
        waiting, offered = awaiting_controller(session.state, session.state.clock.elapsed(fake_time.now()))
        expected = [s.inject.id for s in waiting] + [s.inject.id for s, _ in offered]
        assert "C-01" in expected
        text = window.recovery.text.text()
        count = int(re.search(r"(\d+) inject\(s\) vous attendent", text).group(1))
        assert count == len(expected)
        for inject_id in expected[:8]:
            assert inject_id in text
        window.tick()
        def shown(text: str, visible: bool) -> int:
            if not visible:
                return 0
            more = re.search(r"\(\+(\d+) autres\)", text)
            return 1 + int(more.group(1)) if more else 1

        alert = window.alert
        banner_count = (shown(alert.message.text(), alert._due_row.isVisibleTo(alert))
                        + shown(alert.contingency.text(), alert._contingency_row.isVisibleTo(alert)))
        assert banner_count == count  # the banner and the recovery message: one number
    finally:
        window.driver.stop()
        session.close()


def test_after_endex_the_console_leads_to_the_hot_wash_then_the_report(qtbot, console, tmp_path, fake_time):
    from PySide6.QtWidgets import QFileDialog

    window = console
    assert not window.endex_banner.isVisible()
    window.actions.start.trigger()
    fake_time.advance(600)
    window.session.end()
    window.driver.poke()
    window.refresh()
    assert window.endex_banner.isVisible()
    assert not window.alert.isVisible()  # nothing is offered for firing after ENDEX
    qtbot.mouseClick(window.endex_banner.hotwash_button, Qt.MouseButton.LeftButton)
    assert any(w.windowTitle().startswith("Retour à chaud") for w in window.side_windows.windows)

    opened = []
    window.documents.report_opener = opened.append
    window.documents.ask_report("html", open_when_ready=True)
    dialog = window.findChild(QFileDialog, "reportDialog")
    target = tmp_path / "retex.html"
    dialog.fileSelected.emit(str(target))  # as if the director chose the file
    qtbot.waitUntil(lambda: opened == [target], timeout=60000)  # the report opens once written
    assert target.exists()


def test_checklist_stops_counting_down_at_endex(qtbot, console, fake_time):
    from ui.observer.panel import ObserverPanel

    window = console
    window.actions.start.trigger()
    fake_time.advance(121)
    window.driver.on_deadline()  # I01 fires, its expected responses start their windows
    panel = ObserverPanel(window.session, "Claire", settings=window.settings.qsettings)
    qtbot.addWidget(panel)
    panel.refresh_from_session()
    tree = panel.checklist.tree
    texts = lambda: [tree.topLevelItem(i).child(j).text(1) for i in range(tree.topLevelItemCount())  # noqa: E731
                     for j in range(tree.topLevelItem(i).childCount())]
    assert any(text.startswith("reste ") for text in texts())
    window.session.end()
    panel.refresh_from_session()
    panel.update_clock()
    assert texts() and all(text == "à évaluer (FINEX)" for text in texts())


def test_startex_asks_first_and_a_second_f5_does_not_start(qtbot, console):
    from PySide6.QtWidgets import QMessageBox

    window = console
    window.controller.ask_before_start = True  # as in the app
    qtbot.keyClick(window, Qt.Key.Key_F5)
    box = window.controller.dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "confirmStartDialog"
    assert window.session.state.clock_state.name == "READY"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    box.done(QMessageBox.StandardButton.No)
    assert window.session.state.clock_state.name == "READY"
    qtbot.mouseClick(window.clock_bar.start_button, Qt.MouseButton.LeftButton)
    window.controller.dialog.done(QMessageBox.StandardButton.Yes)
    assert window.session.state.clock_state.name == "RUNNING"


def test_situation_briefing_timer_counts_down_then_shows_the_overrun(qtbot, console, fake_time):
    window = console
    bar = window.clock_bar
    window.tick()
    assert not bar.briefing_label.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = window.controller.dialog
    dialog.setIntValue(10)
    dialog.accept()
    fake_time.advance(90)
    window.tick()
    assert bar.briefing_label.isVisible()
    assert bar.briefing_label.text() == "Point de situation : reste 0:08:30"
    assert bar.briefing_label.property("overrun") is False
    fake_time.advance(10 * 60)
    window.tick()
    assert bar.briefing_label.text() == "Point de situation : dépassé de 0:01:30"
    assert bar.briefing_label.property("overrun") is True
    window.actions.briefing_timer.trigger()  # again: stop it
    window.tick()
    assert not bar.briefing_label.isVisible()


def test_undo_a_mistaken_skip_then_mark_a_mistaken_firing(qtbot, console):
    window = console
    window.actions.start.trigger()
    window.actions.autofire.setChecked(False)
    assert not window.actions.undo.isEnabled()
    window.timeline.select("I03")
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # skip by mistake
    assert window.session.state.inject("I03").status.name == "SKIPPED"
    assert window.actions.undo.isEnabled() and window.actions.undo.text() == "Annuler « ignorer I03 »"
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.state.inject("I03").status.name == "PENDING"
    assert not window.actions.undo.isEnabled()

    window.timeline.select("I04")
    window.actions.fire.trigger()
    assert window.actions.undo.text() == "Signaler I04 comme déclenché par erreur"
    window.actions.undo.trigger()
    box = window.controller.dialog  # it cannot be taken back: asked first, "No" by default
    assert box.objectName() == "confirmMisfireDialog"
    assert not window.session.state.inject("I04").mistaken
    box.done(QMessageBox.StandardButton.Yes)
    state = window.session.state.inject("I04")
    assert state.status.name == "FIRED" and state.mistaken
    model = window.model
    assert model.data(model.index(model.row_of("I04"), Column.STATUS)) == "Déclenché par erreur"


def test_ctrl_z_in_the_main_courante_is_the_text_fields_own(qtbot, console):
    from tests.qt_helpers import type_text

    window = console
    window.actions.start.trigger()
    window.timeline.select("I03")
    window.actions.skip.trigger()
    window.courante.set_observer_name("Claire")
    window.focus_new_entry()
    line = window.courante.quick.line
    type_text(line, "Texte à garder")
    qtbot.keyClick(line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.state.inject("I03").status.name == "SKIPPED"  # not undone from the log


def test_the_director_corrects_an_indicator_by_hand(qtbot, paris_console):
    window = paris_console
    window.actions.start.trigger()
    panel = window.situation
    indicators = window.package.exercise.indicators
    row = next(n for n, i in enumerate(indicators) if isinstance(i.initial, int | float))
    indicator = indicators[row]
    panel.indicators.setCurrentCell(row, 0)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = window.controller.dialog
    assert dialog.objectName() == "indicatorDialog"
    dialog.setTextValue("47,6")
    dialog.accept()
    assert window.session.state.indicators[indicator.id] == 47.6
    assert "47.6" in panel.indicators.item(row, 1).text()
    [change] = [c for c in window.session.state.indicator_history if c.source == "manual"]
    assert change.indicator_id == indicator.id
    window.controller.set_indicator(indicator.id, "beaucoup")  # refused, with a message, nothing stored
    assert window.session.state.indicators[indicator.id] == 47.6
    again = window.controller.dialog
    assert again.objectName() == "indicatorDialog" and again.textValue() == "beaucoup"  # the text comes back
    again.setTextValue(f"48 {indicator.unit}".strip())  # with its unit, as the label shows it
    again.accept()
    assert window.session.state.indicators[indicator.id] == 48


def test_the_timeline_follows_the_next_inject_as_the_exercise_moves_on(qtbot, paris_console, fake_time):
    window = paris_console
    window.resize(1366, 768)
    window.actions.start.trigger()
    play(window, fake_time, 110 * 60)
    window.tick()
    table, model = window.timeline.table, window.model
    index = window.timeline.proxy.mapFromSource(model.index(model.row_of(model.next_id), 0))
    qtbot.waitUntil(lambda: table.viewport().rect().contains(table.visualRect(index)))
    text_column = window.courante.view.columnViewportPosition(LogColumn.TEXT)
    assert window.courante.width() <= window.courante_dock.width()  # the compact log needs no sideways scroll
    assert text_column >= 0


def test_editing_an_inject_keeps_the_criterion_its_responses_serve(qtbot, paris_console):
    window = paris_console
    window.actions.start.trigger()
    state = next(s for s in window.session.state.injects
                 if not s.done and s.inject.expected and s.inject.expected[0].criterion)
    criterion = state.inject.expected[0].criterion
    window.timeline.select(state.inject.id)
    window.actions.edit.trigger()
    dialog = window.controller.dialog
    assert dialog.expected_table.cellWidget(0, 3).currentData() == criterion
    dialog.title_edit.setText(state.inject.title + " (modifié)")
    dialog.accept()
    edited = window.session.state.inject(state.inject.id).inject
    assert edited.title.endswith("(modifié)")
    assert edited.expected[0].criterion == criterion


def test_any_skipped_inject_is_put_back_and_any_firing_marked_from_the_inject_menu(qtbot, console):
    window = console
    window.actions.start.trigger()
    window.actions.autofire.setChecked(False)
    for inject_id in ("I02", "I03"):
        window.timeline.select(inject_id)
        window.actions.skip.trigger()
    window.timeline.select("I04")
    window.actions.fire.trigger()
    window.timeline.select("I02")  # not the last action
    assert window.actions.unskip.isEnabled() and not window.actions.mark_misfired.isEnabled()
    window.actions.unskip.trigger()
    assert window.session.state.inject("I02").status.name == "PENDING"
    window.timeline.select("I04")
    assert window.actions.mark_misfired.isEnabled() and not window.actions.unskip.isEnabled()
    window.actions.mark_misfired.trigger()
    window.controller.dialog.done(QMessageBox.StandardButton.No)
    assert not window.session.state.inject("I04").mistaken
    window.actions.mark_misfired.trigger()
    window.controller.dialog.done(QMessageBox.StandardButton.Yes)
    assert window.session.state.inject("I04").mistaken
    assert not window.actions.mark_misfired.isEnabled()


def test_the_timeline_does_not_pull_back_a_director_who_scrolled_away(qtbot, paris_console, fake_time):
    window = paris_console
    window.resize(1366, 768)
    window.actions.start.trigger()
    play(window, fake_time, 10 * 60)
    window.tick()
    table = window.timeline.table
    bar = table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())  # reading the last injects of the exercise
    assert not window.timeline.next_in_view()
    play(window, fake_time, 40 * 60)
    window.tick()
    assert bar.value() == bar.maximum()  # left where the director put it
