"""What the user reads when the session refuses or fails: French sentences from the core's codes, never English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from crisisdesk.session import errors as session_errors
from crisisdesk.session.errors import InvalidActionError, SessionError, WriteFailedError
from ui.error_sentences import error_reason, error_text

ROOT = Path(__file__).resolve().parents[2]


def documented_codes() -> list[str]:
    """Every code listed in the table of crisisdesk/session/errors.py's docstring."""
    table = [line for line in session_errors.__doc__.splitlines() if line.startswith("| ``")]
    return sorted({code for line in table for code in re.findall(r"``([a-z_]+)``", line.split("|")[1])})


def test_every_documented_code_has_its_own_sentence():
    codes = documented_codes()
    assert "locked" in codes and "already_fired" in codes and len(codes) > 40
    generic = error_reason(SessionError("English detail", code="no_such_code_at_all"))
    for code in codes:
        text = error_reason(SessionError("English detail", code=code, params={}))
        assert text != generic, code
        assert "English detail" not in text, code


def test_params_are_named_in_the_sentence():
    refused = InvalidActionError("inject I03 is already fired", code="already_fired", params={"inject_id": "I03"})
    assert error_text(refused) == "L'inject I03 a déjà été déclenché (peut-être depuis une autre fenêtre)."
    tags = InvalidActionError("unknown tag x", code="unknown_tag", params={"value": ["x", "y"], "allowed": ["strength"]})
    assert error_text(tags) == "Valeur « x, y » inconnue (valeurs possibles : strength)."


def test_a_failed_write_says_whether_it_was_kept():
    params = {"path": "/data/exercice.crisisdesk", "reason": "the file is locked by another program"}
    kept = WriteFailedError("could not save", pending=True, code="locked", params=params)
    assert error_text(kept) == ("Non enregistré : le fichier « exercice.crisisdesk » est verrouillé par un autre "
                                "programme. La saisie est gardée et sera enregistrée dès que le fichier l'acceptera.")
    lost = WriteFailedError("could not save", pending=False, code="disk_full", params=params)
    assert error_text(lost) == "Non enregistré : le disque est plein (« exercice.crisisdesk »). Rien n'a été modifié : réessayez."
    memory = WriteFailedError("x", pending=True, code="disk_full", params={**params, "journaled": False})
    assert "exportez" in error_text(memory)


def test_an_unknown_error_keeps_its_english_detail_for_support():
    assert error_text(OSError("Input/output error")) == "L'opération n'a pas abouti. Détail : Input/output error"


def test_english_catalogue_translates_errors(qapp):
    from ui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "en")
    try:
        text = error_text(InvalidActionError("x", code="nothing_to_fire"))
    finally:
        remove_translators(qapp, translators)
    assert text == "No inject left to fire."


def test_a_refused_console_action_is_shown_in_french(qtbot, console):
    console.controller.skip("I01")
    console.controller.skip("I01")  # refused by the core: already skipped
    [box] = [w for w in console.findChildren(QMessageBox) if w.objectName() == "refusalDialog"]
    assert box.text() == "L'inject I01 a déjà été annulé (peut-être depuis une autre fenêtre)."


@pytest.mark.parametrize("path", ["ui/console/controller.py", "ui/observer/panel.py", "ui/observer/hotwash.py",
                                  "ui/observer/expectations.py", "ui/observer/window.py", "ui/app.py"])
def test_no_exception_text_is_shown_raw(path):
    source = (ROOT / path).read_text(encoding="utf-8")
    assert not re.search(r"str\((exc|error)\)|error=exc\b", source)


def test_session_files_that_cannot_be_opened_are_explained_in_french():
    # (A PackageError lists the package's own problems, file and line: shown as it is.)
    assert (ROOT / "ui/app.py").read_text(encoding="utf-8").count("details=error_text(error)") == 4  # + server sessions
