"""The editor's Qt models keep Qt's model contract (QAbstractItemModelTester) through every kind of change."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtTest import QAbstractItemModelTester

from crisisdesk.package.document import PackageDocument
from ui.editor.models import SORT_ROLE, InjectTableModel, RecordListModel
from ui.editor.undo import EditorDocument

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def test_inject_table_model_contract_through_edits_and_undo(qapp, paris_copy):
    editor = EditorDocument(PackageDocument.open(paris_copy))
    model = InjectTableModel(editor)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setDynamicSortFilter(True)
    proxy.sort(0)
    testers = [QAbstractItemModelTester(model, FATAL), QAbstractItemModelTester(proxy, FATAL)]
    count = model.rowCount()
    first = proxy.mapToSource(proxy.index(0, 0)).row()
    assert model.data(model.index(first, 1)) == "0:00"
    assert model.data(model.index(first, 2)) == "22/06 07:00"  # phase 1 starts 22 June 07:00

    editor.push([("insert", ("msel", 0), {"id": "Z", "at": "2:59", "title": "Dernier", "from": "ANIM",
                                          "to": "all", "channel": "news", "body": "x"})], "new")
    assert model.rowCount() == count + 1
    assert proxy.data(proxy.index(proxy.rowCount() - 1, 6)) == "Dernier"  # sorted last by time
    assert proxy.data(proxy.index(proxy.rowCount() - 1, 0)) == str(count + 1)
    editor.set(("msel", 0, "at"), "0:00")
    assert proxy.data(proxy.index(0, 6)) == "Dernier" or proxy.data(proxy.index(1, 6)) == "Dernier"
    editor.set(("exercise", "phases", 0, "scenario_time"), "2032-06-22T08:00:00")
    assert model.data(model.index(first + 1, 2)) == "22/06 08:00"  # scenario time follows the phases, live
    editor.push([("remove", ("msel", 3)), ("remove", ("msel", 2))], "delete two")
    assert model.rowCount() == count - 1
    while editor.undo_stack.canUndo():
        editor.undo_stack.undo()
    assert model.rowCount() == count
    assert not editor.doc.modified
    assert len(testers) == 2


def test_inject_flags_say_manual_contingency_and_responses(qapp, paris_copy):
    editor = EditorDocument(PackageDocument.open(paris_copy))
    model = InjectTableModel(editor)
    row = next(i for i, inject in enumerate(editor.doc.injects) if inject.get("contingency_for"))
    flags = model.data(model.index(row, 7))
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
