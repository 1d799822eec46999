"""The readiness thresholds (exercise.yaml ``readiness:``) edited in the Exercise tab and written back."""

from __future__ import annotations

from crisisdesk.package.document import PackageDocument
from crisisdesk.package.loader import load_package
from crisisdesk.package.model import ReadinessSettings
from tests.qt_helpers import type_text


def test_thresholds_show_the_defaults_and_round_trip_through_save(qtbot, editor_window, paris_copy):
    window = editor_window
    tab = window.exercise_tab
    fields = tab.readiness_fields
    assert fields["window"].text() == "" and fields["window"].placeholderText() == "0:15"
    assert fields["max_responses_due"].placeholderText() == str(ReadinessSettings().max_responses_due)
    assert fields["max_dead_time"].placeholderText() == "0:30"
    type_text(fields["max_responses_due"], "5")
    type_text(fields["max_dead_time"], "0:40")
    assert fields["briefings"].text() == "PS1, PS2, PS3"  # the package's own list
    type_text(fields["briefings"], ", P1-11")
    assert window.doc.exercise["readiness"] == {"briefings": ["PS1", "PS2", "PS3", "P1-11"],
                                                "max_responses_due": "5", "max_dead_time": "0:40"}
    assert window.save()
    text = (paris_copy / "exercise.yaml").read_text(encoding="utf-8")
    # new keys in the documented order, the author's list kept in its flow style
    assert 'readiness:\n  max_responses_due: 5\n  max_dead_time: "0:40"\n  briefings: [PS1, PS2, PS3, P1-11]\n' in text
    settings = load_package(paris_copy).exercise.readiness
    assert (settings.max_responses_due, settings.max_dead_time, settings.briefings) == (
        5, 40 * 60, ("PS1", "PS2", "PS3", "P1-11"))
    assert settings.window == ReadinessSettings().window  # untouched: the default

    reopened = PackageDocument.open(paris_copy)
    assert reopened.exercise["readiness"]["max_dead_time"] == "0:40"


def test_the_mapping_comes_and_goes_with_its_fields_and_undoes(qtbot, editor_window, paris_copy):
    window = editor_window
    field = window.exercise_tab.readiness_fields["max_quiet"]
    before = (paris_copy / "exercise.yaml").read_bytes()
    briefings = window.exercise_tab.readiness_fields["briefings"]
    type_text(field, "0:20")
    assert window.doc.exercise["readiness"] == {"briefings": ["PS1", "PS2", "PS3"], "max_quiet": "0:20"}
    for widget in (field, briefings):
        widget.selectAll()
        widget.del_()
        widget.textEdited.emit(widget.text())
    assert "readiness" not in window.doc.exercise  # no empty "readiness:" left behind
    window.save()
    assert "readiness" not in (paris_copy / "exercise.yaml").read_text(encoding="utf-8")
    assert load_package(paris_copy).exercise.readiness == ReadinessSettings()
    window.undo_action.trigger()
    assert window.doc.exercise["readiness"] == {"briefings": ["PS1", "PS2", "PS3"]}
    assert briefings.text() == "PS1, PS2, PS3"
    while window.editor.undo_stack.canUndo():
        window.undo_action.trigger()
    assert window.doc.exercise["readiness"] == {"briefings": ["PS1", "PS2", "PS3"]} and field.text() == ""
    window.save()
    assert (paris_copy / "exercise.yaml").read_bytes() == before


def test_a_wrong_threshold_is_a_problem_that_points_at_its_field(qtbot, editor_window):
    window = editor_window
    field = window.exercise_tab.readiness_fields["window"]
    type_text(field, "0:00")
    window.problems.check_now(wait=True)
    problem = next(p for p in window.problems.problems if "longer than 0:00" in p.message)
    window.tabs.setCurrentIndex(window.TAB_INJECTS)
    window.select_path(window.doc.locate(problem))
    assert window.tabs.currentIndex() == window.TAB_EXERCISE
    assert field.hasFocus() or window.focusWidget() is field
