"""Expected responses linked to the objective criterion they serve (`criterion: O1.2`)."""

from __future__ import annotations

import pytest

from crisisdesk.package.loader import load_package
from crisisdesk.readiness import check_package
from tests.package.test_package_loader import EXERCISE, MSEL, edit, errors_of, make, warnings_of

TWO_CRITERIA = edit(EXERCISE, "      - La cellule est activée.\n",
                    "      - La cellule est activée.\n      - La main courante est ouverte.\n")
ANSWER = "      within: \"0:10\"\n  objectives: [O1]"


def linked(criterion: str) -> str:
    return edit(MSEL, ANSWER, f"      within: \"0:10\"\n      criterion: {criterion}\n  objectives: [O1]")


def test_a_response_carries_its_criterion(tmp_path):
    package = load_package(make(tmp_path, exercise=TWO_CRITERIA, msel=linked("O1.2")))
    assert package.inject("I01").expected[0].criterion == "O1.2"
    assert package.inject("I02b").expected == ()


def test_without_the_field_nothing_changes(tmp_path):
    package = load_package(make(tmp_path))
    assert package.inject("I01").expected[0].criterion is None


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("O1.3", "objective O1 has 2 criteria, not 3"),
        ("O1.0", "\"O1.0\" is not an objective id and a criterion number, like O2.3"),
        ("O1", "\"O1\" is not an objective id and a criterion number, like O2.3"),
        ("O2.1", "no objective \"O2\" in exercise.yaml"),
        ("'[1]'", "is not an objective id and a criterion number"),
    ],
)
def test_wrong_criteria_are_errors_naming_the_line(tmp_path, written, message):
    errors = errors_of(make(tmp_path, exercise=TWO_CRITERIA, msel=linked(written)))
    assert len(errors) == 1, errors
    assert "/msel.yaml:22: inject I01 expected response 1 field 'criterion': " in errors[0], errors
    assert message in errors[0]


def test_a_criterion_of_an_objective_the_inject_does_not_test_is_a_warning(tmp_path):
    msel = edit(linked("O1.1"), "  objectives: [O1]\n", "")
    warnings = warnings_of(make(tmp_path, msel=msel))
    assert any("the response of DIR serves O1.1, but objectives does not list O1" in w for w in warnings)


def test_readiness_reports_each_criterion_no_response_serves(tmp_path):
    root = make(tmp_path, exercise=TWO_CRITERIA, msel=linked("O1.2"))
    report = check_package(load_package(root))
    unserved = [f for f in report.findings if f.kind == "criterion_unserved"]
    assert [f.detail for f in unserved] == ["La cellule est activée."]
    assert unserved[0].severity == "alert"


def test_readiness_without_links_keeps_the_objective_rule(tmp_path):
    report = check_package(load_package(make(tmp_path, exercise=TWO_CRITERIA)))
    assert not [f for f in report.findings if f.kind == "criterion_unserved"]


def test_an_edit_in_session_keeps_the_criterion_of_each_response(tmp_path):
    from crisisdesk.session import Session

    root = make(tmp_path, exercise=TWO_CRITERIA, msel=linked("O1.2"))
    with Session.create(tmp_path / "s.crisisdesk", root) as session:
        original = session.package.inject("I01").expected
        session.edit_inject("I01", expected=[*original, {"role": "PP", "action": "Appuyer", "within": "0:05"}])
        expected = session.state.inject("I01").inject.expected
    assert [(e.role, e.criterion) for e in expected] == [("DIR", "O1.2"), ("PP", None)]
    with Session.open(tmp_path / "s.crisisdesk") as again:  # replayed from the stored events
        assert [e.criterion for e in again.state.inject("I01").inject.expected] == ["O1.2", None]
