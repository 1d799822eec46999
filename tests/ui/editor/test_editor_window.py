"""The editor window driven as a person would: typing, undo, save, problems, run, close, drag on the timeline."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMessageBox

from crisisdesk.package.loader import load_package, validate_package
from tests.qt_helpers import type_text
from tests.ui.editor.conftest import package_bytes


def row_of(window, inject_id: str) -> int:
    return next(i for i, inject in enumerate(window.doc.injects) if inject.get("id") == inject_id)


def test_typing_a_title_shows_in_the_table_marks_modified_and_undoes(qtbot, editor_window, paris_copy,
                                                                     paris_package_path):
    window = editor_window
    tab = window.injects_tab
    window.tabs.setCurrentIndex(window.TAB_INJECTS)
    tab.select_rows([2], 2)
    field = tab.form.title
    field.setFocus()
    field.selectAll()
    type_text(field, "Appel du COZ à 10 h")
    assert window.doc.injects[2]["title"] == "Appel du COZ à 10 h"
    shown = [tab.model.data(tab.model.index(r, 6)) for r in range(tab.model.rowCount())]
    assert "Appel du COZ à 10 h" in shown
    assert window.isWindowModified()
    assert package_bytes(paris_copy) == package_bytes(paris_package_path)  # nothing written before a save
    window.undo_action.trigger()  # the whole typing is one step
    assert field.text() == load_package(paris_package_path).injects[2].title
    assert not window.isWindowModified()
    window.redo_action.trigger()
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    assert load_package(paris_copy).inject(window.doc.injects[2]["id"]).title == "Appel du COZ à 10 h"


def test_new_duplicate_delete_and_shift_then_undo_everything(qtbot, editor_window, paris_copy, paris_package_path):
    window = editor_window
    tab = window.injects_tab
    count = len(window.doc.injects)
    p101 = row_of(window, "P1-01")
    tab.select_rows([p101], p101)
    window.new_action.trigger()
    assert len(window.doc.injects) == count + 1
    new_row = tab.current_row()
    assert window.doc.injects[new_row]["at"] == "0:02" and window.doc.injects[new_row]["to"] == "all"
    window.duplicate_action.trigger()
    assert window.doc.injects[tab.current_row()]["id"].endswith("-copie")
    window.delete_action.trigger()
    assert len(window.doc.injects) == count + 1
    # several injects shifted at once, as one step
    rows = [row_of(window, "P1-02"), row_of(window, "P1-03")]
    tab.select_rows(rows, rows[0])
    tab.shift(5 * 60)
    assert [window.doc.injects[r]["at"] for r in rows] == ["0:10", "0:13"]
    window.undo_action.trigger()
    assert [window.doc.injects[r]["at"] for r in rows] == ["0:05", "0:08"]
    while window.editor.undo_stack.canUndo():
        window.undo_action.trigger()
    assert len(window.doc.injects) == count and not window.doc.modified
    window.save()
    assert package_bytes(paris_copy) == package_bytes(paris_package_path)


def test_problems_show_validate_messages_and_a_click_selects_the_field(qtbot, editor_window, paris_copy):
    window = editor_window
    tab = window.injects_tab
    row = row_of(window, "P1-03")
    tab.select_rows([row], row)
    field = tab.form.at
    field.setFocus()
    field.selectAll()
    type_text(field, "9:00")
    qtbot.waitUntil(lambda: window.problems.list.count() > 0)
    texts = [window.problems.list.item(i).text() for i in range(window.problems.list.count())]
    assert any("after the end of the exercise" in t for t in texts)
    assert "pas exécutable" in window.problems.summary.text()
    window.save()  # work in progress can be saved
    _package, problems = validate_package(paris_copy)
    assert [p.message for p in problems] == [p.message for p in window.problems.problems]
    # click the problem: the injects tab, the row and the time field
    window.tabs.setCurrentIndex(window.TAB_EXERCISE)
    tab.select_rows([0], 0)
    item = next(window.problems.list.item(i) for i in range(window.problems.list.count())
                if "after the end" in window.problems.list.item(i).text())
    window.problems.list.itemClicked.emit(item)
    assert window.tabs.currentIndex() == window.TAB_INJECTS
    assert tab.current_row() == row
    assert window.focusWidget() is tab.form.at


def test_a_package_with_errors_is_not_run(qtbot, editor_window):
    window = editor_window
    window.editor.set(("msel", 0, "to"), ["PERSONNE"])
    runs = []
    window.run_requested.connect(runs.append)
    window.run_action.trigger()
    box = window.findChild(QMessageBox, "editorWarning")
    assert box is not None and "PERSONNE" in box.text()
    assert runs == []
    box.close()
    window.editor.undo_stack.undo()
    window.run_action.trigger()
    assert runs == [window.doc.root]


def test_closing_unsaved_asks_and_save_writes(qtbot, editor_window, paris_copy):
    window = editor_window
    window._closing_confirmed = False
    window.editor.set(("exercise", "title"), "Paris à 51 °C")
    window.close()
    box = window.findChild(QMessageBox, "editorCloseQuestion")
    assert box is not None and window.isVisible()
    box.button(QMessageBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert load_package(paris_copy).exercise.title == "Paris à 51 °C"


def test_a_recovery_copy_is_kept_while_unsaved_and_dropped_on_save(qtbot, editor_window, paris_copy, tmp_path):
    from crisisdesk.package.recovery import find_recovery

    window = editor_window
    window.recovery_timer.setInterval(10)
    window.editor.set(("msel", 1, "title"), "Non enregistré")
    qtbot.waitUntil(lambda: find_recovery(window.recovery_folder, paris_copy) is not None)
    assert "Non enregistré" in find_recovery(window.recovery_folder, paris_copy).texts["msel.yaml"]
    window.save()
    assert find_recovery(window.recovery_folder, paris_copy) is None


def test_launcher_offers_the_recovery_copy(qtbot, qapp, paris_copy, tmp_path):
    from crisisdesk.package.document import PackageDocument
    from crisisdesk.package.recovery import write_recovery
    from ui.editor.launcher import EditorLauncher

    doc = PackageDocument.open(paris_copy)
    doc.apply(("set", ("msel", 0, "title"), "Repris après la panne"))
    write_recovery(tmp_path / "rec", paris_copy, doc.texts())
    launcher = EditorLauncher(lambda path: None, recovery_folder=tmp_path / "rec")
    box = launcher.open_editor(paris_copy)
    assert isinstance(box, QMessageBox) and "Reprendre" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: bool(launcher.windows))
    window = launcher.windows[0]
    qtbot.addWidget(window)
    window._closing_confirmed = True
    assert window.doc.injects[0]["title"] == "Repris après la panne" and window.isWindowModified()


def test_dragging_a_mark_on_the_timeline_moves_the_inject_and_the_table_follows(qtbot, editor_window):
    window = editor_window
    window.tabs.setCurrentIndex(window.TAB_TIMELINE)
    timeline = window.timeline
    qtbot.waitUntil(lambda: timeline.width() > 600)
    row = row_of(window, "P1-05")  # at 0:15
    timeline.row_at(QPoint(0, 0).toPointF())  # lay the marks out
    rect = next(r for r, marked in timeline._marks if marked == row)
    start = rect.center().toPoint()
    target_x = round(timeline.x_of(40 * 60))
    QTest.mousePress(timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    assert window.injects_tab.current_row() == row  # pressing a mark selects it in the table
    QTest.mouseMove(timeline, QPoint(target_x + (start.x() - round(timeline.x_of(15 * 60))), start.y()))
    QTest.mouseRelease(timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(target_x + (start.x() - round(timeline.x_of(15 * 60))), start.y()))
    at = window.doc.injects[row]["at"]
    minutes = int(at.split(":")[0]) * 60 + int(at.split(":")[1])
    assert abs(minutes - 40) <= 1, at
    table = window.injects_tab
    assert table.model.data(table.model.index(table.model.row_of(row), 1)) == at
    assert table.current_row() == row  # still the selected inject, at its new place
    window.undo_action.trigger()
    assert window.doc.injects[row]["at"] == "0:15"


def test_attachment_is_copied_into_media(qtbot, editor_window, paris_copy, tmp_path):
    source = tmp_path / "plan de situation.pdf"
    source.write_bytes(b"%PDF-1.4 test")
    window = editor_window
    window.injects_tab.select_rows([1], 1)
    relative = window.injects_tab.form.attach(source)
    assert relative == "media/plan de situation.pdf"
    assert (paris_copy / relative).read_bytes() == b"%PDF-1.4 test"
    assert relative in window.doc.injects[1]["attachments"]
    assert window.injects_tab.form.attachments.item(window.injects_tab.form.attachments.count() - 1).text() == relative
    window.save()
    assert relative in load_package(paris_copy).injects[1].attachments or any(
        relative in i.attachments for i in load_package(paris_copy).injects)


def test_new_exercise_dialog_creates_a_runnable_package(qtbot, qapp, tmp_path):
    from ui.editor.new_dialog import NewExerciseDialog

    dialog = NewExerciseDialog(tmp_path)
    qtbot.addWidget(dialog)
    created = []
    dialog.created.connect(created.append)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    type_text(dialog.title, "Crue de la Seine")
    assert dialog.package_folder() == tmp_path / "crue-de-la-seine"
    dialog.ok_button.click()
    assert created and created[0].exercise["title"] == "Crue de la Seine"
    package = load_package(tmp_path / "crue-de-la-seine")
    assert package.exercise.duration == 3 * 3600
    # the same title again: refused with a message, nothing overwritten
    again = NewExerciseDialog(tmp_path)
    qtbot.addWidget(again)
    again.title.setText("Crue de la Seine")
    assert again.create() is None and "existe déjà" in again.error.text()


def test_exercise_and_role_forms_edit_the_document(qtbot, editor_window):
    window = editor_window
    window.tabs.setCurrentIndex(window.TAB_EXERCISE)
    window.exercise_tab.title.setFocus()
    window.exercise_tab.title.selectAll()
    type_text(window.exercise_tab.title, "Paris à 52 °C")
    assert window.doc.exercise["title"] == "Paris à 52 °C"
    assert window.windowTitle().startswith("Paris à 52 °C")
    window.tabs.setCurrentIndex(window.TAB_ROLES)
    window.roles_tab.table.select(1)
    decisions = window.roles_tab.decisions
    decisions.setPlainText("Décision une\nDécision deux")
    assert window.doc.roles[1]["decisions"] == ["Décision une", "Décision deux"]
    window.undo_action.trigger()
    assert decisions.toPlainText().splitlines()[0] != "Décision une"


def test_app_offers_the_editor_on_the_start_screen(qtbot, qloop, settings, fake_time, tmp_path):
    from ui.app import AppController

    controller = AppController(settings, fake_time, session_folder=tmp_path / "sessions")
    try:
        screen = controller.show_start()
        from PySide6.QtWidgets import QPushButton

        assert screen.findChild(QPushButton, "startNewExercise") is not None
        assert screen.findChild(QPushButton, "startEditExercise") is not None
        window = controller.open_path(Path(__file__).resolve().parents[3] / "tests" / "data" / "mini")
        names = [a.objectName() for a in window.menuBar().actions()[0].menu().actions()]
        assert "actionNewExercise" in names and "actionEditExercise" in names
    finally:
        controller.close_all()


def test_run_from_the_editor_opens_the_console(qtbot, qloop, settings, fake_time, tmp_path, paris_copy):
    from ui.app import AppController

    controller = AppController(settings, fake_time, session_folder=tmp_path / "sessions")
    try:
        editor = controller.editors().open_editor(paris_copy)
        qtbot.addWidget(editor)
        editor._closing_confirmed = True
        editor.run_action.trigger()
        assert controller.windows, "the console opened"
        console = controller.windows[-1]
        assert console.session.package.exercise.id == "paris-50c"
    finally:
        controller.close_all()


def test_line_edits_have_object_names(editor_window):
    unnamed = [w for w in editor_window.findChildren(QLineEdit) if not w.objectName()
               and w.parent() is not None and "Spin" not in type(w.parent()).__name__]
    assert not [w for w in unnamed if w.isVisible()]


def test_readiness_findings_are_listed_and_lead_to_their_role(qtbot, editor_window):
    window = editor_window
    window.problems.check_now()
    qtbot.waitUntil(lambda: window.problems.report is not None, timeout=10000)
    items = [window.problems.list.item(i) for i in range(window.problems.list.count())]
    findings = [item for item in items if item.data(Qt.ItemDataRole.UserRole) is not None
                and getattr(item.data(Qt.ItemDataRole.UserRole), "role", None)
                and not getattr(item.data(Qt.ItemDataRole.UserRole), "inject", None)]
    assert findings, "Paris has findings about roles (dead times, simulated roles that send nothing)"
    finding = findings[0].data(Qt.ItemDataRole.UserRole)
    assert findings[0].text().startswith(("préparation: ", "remarque: "))
    window.problems.list.itemClicked.emit(findings[0])
    assert window.tabs.currentIndex() == window.TAB_ROLES
    assert window.roles_tab.ident.text() == finding.role
    # an error stops the readiness check (it measures valid packages only), and the timeline says so
    window.editor.set(("msel", 0, "to"), ["PERSONNE"])
    window.problems.check_now()
    qtbot.waitUntil(lambda: window.problems.report is None and bool(window.problems.errors), timeout=10000)
    assert window.timeline.report is None


def test_editing_an_expected_response_keeps_its_criterion(qtbot, editor_window, paris_copy):
    window = editor_window
    row = next(i for i, inject in enumerate(window.doc.injects)
               if any(isinstance(e, dict) and e.get("criterion") for e in inject.get("expected") or []))
    window.injects_tab.select_rows([row], row)
    table = window.injects_tab.form.expected
    criterion = window.doc.injects[row]["expected"][0].get("criterion", "")
    assert table.item(0, 3).text() == criterion
    table.item(0, 1).setText("Action reformulée")  # as if typed in the cell
    assert window.doc.injects[row]["expected"][0]["action"] == "Action reformulée"
    assert window.doc.injects[row]["expected"][0].get("criterion", "") == criterion
    window.save()
    inject = load_package(paris_copy).inject(window.doc.injects[row]["id"])
    assert inject.expected[0].action == "Action reformulée"
    assert (inject.expected[0].criterion or "") == criterion
