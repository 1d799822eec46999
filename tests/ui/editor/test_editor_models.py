"""The editor's Qt models keep Qt's model contract (QAbstractItemModelTester) through every kind of change."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from crisisdesk.package import draft
from crisisdesk.package.document import PackageDocument
from ui.editor.models import InjectTableModel, RecordListModel
from ui.editor.undo import EditorDocument

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def test_inject_table_model_contract_through_edits_and_undo(qapp, paris_copy):
    editor = EditorDocument(PackageDocument.open(paris_copy))
    model = InjectTableModel(editor)
    tester = QAbstractItemModelTester(model, FATAL)
    count = model.rowCount()
    assert model.data(model.index(0, 1)) == "0:00"
    assert model.data(model.index(0, 2)) == "22/06 07:00"  # phase 1 starts 22 June 07:00
    times = [model.data(model.index(r, 1)) for r in range(count)]
    assert [draft.offset(t) for t in times] == sorted(draft.offset(t) for t in times)  # timeline order

    editor.push([("insert", ("msel", 0), {"id": "Z", "at": "2:59", "title": "Dernier", "from": "ANIM",
                                          "to": "all", "channel": "news", "body": "x"})], "new")
    assert model.rowCount() == count + 1
    assert model.data(model.index(count, 6)) == "Dernier"  # shown last: latest in time
    assert model.data(model.index(count, 0)) == str(count + 1)
    assert model.file_index(count) == 0 and model.row_of(0) == count
    # moving it in time moves its row, and a persistent index (a selection) follows it
    persistent = QPersistentModelIndex(model.index(count, 6))
    editor.set(("msel", 0, "at"), "0:00")
    assert model.row_of(0) in (0, 1)
    assert persistent.row() == model.row_of(0) and persistent.data() == "Dernier"
    editor.set(("exercise", "phases", 0, "scenario_time"), "2032-06-22T08:00:00")
    assert model.data(model.index(2, 2)) == "22/06 08:00" or model.data(model.index(1, 2)) == "22/06 08:00"
    editor.push([("remove", ("msel", 3)), ("remove", ("msel", 2))], "delete two")
    assert model.rowCount() == count - 1
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == [
        str(r + 1) for r in range(model.rowCount())]
    while editor.undo_stack.canUndo():
        editor.undo_stack.undo()
    assert model.rowCount() == count
    assert not editor.doc.modified
    assert tester is not None


def test_inject_flags_say_manual_contingency_and_responses(qapp, paris_copy):
    editor = EditorDocument(PackageDocument.open(paris_copy))
    model = InjectTableModel(editor)
    row = next(i for i, inject in enumerate(editor.doc.injects) if inject.get("contingency_for"))
    flags = model.data(model.index(model.row_of(row), 7))
    assert "manuel" in flags and "secours de" in flags


def test_record_list_model_contract_and_editing(qapp, paris_copy):
    editor = EditorDocument(PackageDocument.open(paris_copy))
    model = RecordListModel(editor, ("exercise", "phases"), [("at", "Début"), ("title", "Titre")],
                            {"at": "0:00", "title": "Nouvelle"})
    QAbstractItemModelTester(model, FATAL)
    phases = model.rowCount()
    assert model.setData(model.index(1, 1), "J+1 renommé", Qt.ItemDataRole.EditRole)
    assert editor.doc.exercise["phases"][1]["title"] == "J+1 renommé"
    row = model.add(1)
    assert row == 2 and model.rowCount() == phases + 1
    model.remove(0)
    assert model.rowCount() == phases
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert model.data(model.index(1, 1)) == "J+1 — mercredi 23 juin : vigilance rouge, 45 °C"
    # a list that does not exist yet (a package without indicators) is created by the first add
    editor.set(("exercise", "indicators"), __import__("crisisdesk.package.document", fromlist=["MISSING"]).MISSING)
    indicators = RecordListModel(editor, ("exercise", "indicators"), [("id", "Id")], {"id": "x", "label": "X",
                                                                                     "initial": "0"})
    QAbstractItemModelTester(indicators, FATAL)
    assert indicators.rowCount() == 0
    indicators.add()
    assert indicators.rowCount() == 1
