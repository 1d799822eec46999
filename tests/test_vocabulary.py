"""The vocabulary is complete: every event kind has a payload type, a replay handler and a label in each language."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from crisisdesk import vocabulary
from crisisdesk.session import replay
from crisisdesk.vocabulary import (
    CODE_LABELS,
    EVENT_LABELS,
    GLOSSARY,
    LANGUAGES,
    PAYLOAD_TYPES,
    EventKind,
)


@pytest.mark.parametrize("kind", list(EventKind))
def test_every_kind_has_a_payload_type_a_replay_handler_and_labels(kind):
    payload_type = PAYLOAD_TYPES.get(kind)
    assert payload_type is not None, f"{kind}: no payload dataclass in PAYLOAD_TYPES"
    assert dataclasses.is_dataclass(payload_type) and payload_type.__dataclass_params__.frozen
    assert payload_type.kind == kind, f"{payload_type.__name__}.kind says {payload_type.kind}, not {kind}"
    handler = replay.HANDLERS.get(kind)
    assert handler is not None, f"{kind}: no replay handler in replay.HANDLERS"
    assert list(inspect.signature(handler).parameters) == ["self", "rec", "p"]
    for language in LANGUAGES:
        assert EVENT_LABELS[language].get(kind), f"{kind}: no {language} label in EVENT_LABELS"


def test_no_table_names_a_kind_that_does_not_exist():
    kinds = set(EventKind)
    assert set(PAYLOAD_TYPES) == kinds
    assert set(replay.HANDLERS) == kinds
    for language in LANGUAGES:
        assert set(EVENT_LABELS[language]) == kinds


def test_every_code_and_term_has_a_word_in_each_language():
    for language in LANGUAGES:
        assert set(GLOSSARY[language]) == set(GLOSSARY["fr"])
        assert all(GLOSSARY[language].values())
        for code_list, words in CODE_LABELS[language].items():
            assert set(words) == set(code_list), f"{language}: {code_list.__name__} words incomplete"
            assert all(words.values())


def test_the_french_terms_are_the_anssi_guide_s_and_the_english_hseep_s():
    assert (vocabulary.term("startex", "fr"), vocabulary.term("endex", "fr")) == ("DEBEX", "FINEX")
    assert (vocabulary.term("startex", "en"), vocabulary.term("endex", "en")) == ("STARTEX", "ENDEX")
    assert vocabulary.event_label("start", "en").startswith("STARTEX")


def test_a_kind_is_its_stored_string():
    assert EventKind.FIRE == "fire" and str(EventKind.FIRE) == "fire"
    assert replay.HANDLERS["fire"] is replay.Replayer._on_fire  # looked up by the string a file holds
    assert "entry" in vocabulary.OBSERVER_KINDS and "fire" not in vocabulary.OBSERVER_KINDS


def test_payloads_read_what_the_writers_store():
    entry = vocabulary.parse_payload("entry", {"entry_id": "e1", "kind": "decision", "text": "Ouvrir", "extra": 1})
    assert (entry.entry_id, entry.entry_kind, entry.revision) == ("e1", "decision", 1)
    assert entry.to_payload()["kind"] == "decision"
    finding = vocabulary.parse_payload("finding", {"kind": "strength", "text": "bien"})
    assert finding.to_payload()["kind"] == "strength"
    with pytest.raises(TypeError):
        vocabulary.parse_payload("fire", {})  # the inject id is required
    with pytest.raises(KeyError):
        vocabulary.parse_payload("teleport", {})


def test_the_code_lists_are_defined_once():
    from crisisdesk.report import figures
    from crisisdesk.session import state

    assert state.ENTRY_KINDS is vocabulary.ENTRY_KINDS
    assert state.RATINGS is vocabulary.RATINGS
    assert figures.EXPECTATION_STATUSES[:3] == vocabulary.CHECK_STATUSES


def test_the_vocabulary_is_the_bottom_floor():
    """It imports nothing from crisisdesk, so every layer (session, report, CLI, UI) may import it."""
    import ast
    from pathlib import Path

    tree = ast.parse(Path(vocabulary.__file__).read_text(encoding="utf-8"))
    imported = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert not [m for m in imported if m and m.split(".")[0] == "crisisdesk"]


def test_session_parts_use_each_other_only_through_their_public_members():
    """A part holds its collaborators (self._store, self._kept...) and never reaches into their private state."""
    import ast
    from pathlib import Path

    from crisisdesk import session

    folder = Path(session.__file__).parent
    offences = []
    for name in ("actions.py", "courante.py", "recovery.py", "pending.py", "core.py", "session.py"):
        for node in ast.walk(ast.parse((folder / name).read_text(encoding="utf-8"))):
            # self.<part>.<_private>: a collaborator's private member
            if (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                    and isinstance(node.value, ast.Attribute) and isinstance(node.value.value, ast.Name)
                    and node.value.value.id == "self"):
                offences.append(f"{name}:{node.lineno}: self.{node.value.attr}.{node.attr}")
    assert offences == []
