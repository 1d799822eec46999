"""The command line speaks French by default, English on request, with the app's words."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crisisdesk.cli import words

ROOT = Path(__file__).resolve().parents[2]
PARIS = ROOT / "injects" / "paris-50c"


def cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items()
               if k not in ("CRISISDESK_LANG", "LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    environ.update(env)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=environ, cwd=ROOT, timeout=120)


def test_french_by_default_even_on_a_c_locale():
    done = cli("validate", str(PARIS), LANG="C.UTF-8")
    assert done.returncode == 0, done.stderr
    assert "dossier d'exercice crisisdesk/1 valide" in done.stdout
    assert "rôles" in done.stdout and "joués" in done.stdout and "durée" in done.stdout


@pytest.mark.parametrize("how", [("--language", "en"), ("LANG", "en_GB.UTF-8"), ("CRISISDESK_LANG", "en")])
def test_english_on_request(how):
    if how[0] == "--language":
        done = cli("--language", "en", "validate", str(PARIS))
    else:
        done = cli("validate", str(PARIS), **{how[0]: how[1]})
    assert "valid crisisdesk/1 package" in done.stdout


def test_errors_and_argparse_speak_french_too(tmp_path):
    done = cli("report", str(PARIS), "-o", str(tmp_path / "r.html"), LANG="fr_FR.UTF-8")
    assert done.returncode == 2
    assert "c'est un dossier d'exercice, pas un fichier de session" in done.stderr
    done = cli("rehearse", LANG="fr_FR.UTF-8")
    assert "arguments obligatoires manquants" in done.stderr and "erreur" in done.stderr
    done = cli("rehearse", str(PARIS), "--speed", "0", LANG="fr_FR.UTF-8")
    assert "0 n'est pas compris entre 0.1 et 100000" in done.stderr


def test_the_glossary_words_of_the_app(tmp_path):
    done = cli("rehearse", str(ROOT / "tests" / "data" / "mini"), "--speed", "100000", LANG="fr_FR.UTF-8")
    assert done.returncode == 0, done.stderr
    assert "FINEX à " in done.stdout  # the French glossary's term, as the console says it
    done = cli("--language", "en", "rehearse", str(ROOT / "tests" / "data" / "mini"), "--speed", "100000")
    assert "ENDEX at " in done.stdout


def _calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield node


# Words a message may show untranslated: the program's and its commands' names.
NAMES = {"crisisdesk", *__import__("crisisdesk.cli", fromlist=["COMMANDS"]).COMMANDS}


def _is_text(node) -> bool:
    """True when ``node`` is a literal text with words in it (layout such as f"  {label}" is not)."""
    if isinstance(node, ast.JoinedStr):
        literal = " ".join(part.value for part in node.values if isinstance(part, ast.Constant))
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        literal = node.value
    else:
        return False
    return any(any(c.isalpha() for c in w) and w.strip(":") not in NAMES for w in literal.split())


def test_every_message_of_the_command_line_is_translatable_and_translated():
    """print(), UsageError() and help= never take bare text; every _() text has its French."""
    bare, missing = [], []
    for path in sorted((ROOT / "crisisdesk" / "cli").glob("*.py")):
        if path.name == "words.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _calls(tree):
            name = getattr(call.func, "id", getattr(call.func, "attr", ""))
            if name == "_" and call.args and isinstance(call.args[0], ast.Constant):
                if call.args[0].value not in words.FRENCH:
                    missing.append(f"{path.name}:{call.lineno}: {call.args[0].value!r}")
            if name in ("print", "UsageError") and call.args and _is_text(call.args[0]):
                bare.append(f"{path.name}:{call.lineno}")
            for keyword in call.keywords:
                if keyword.arg in ("help", "description") and _is_text(keyword.value):
                    bare.append(f"{path.name}:{call.lineno}: {keyword.arg}=")
    from crisisdesk.cli import COMMANDS

    missing += [f"COMMANDS[{name!r}]" for name, (_module, text) in COMMANDS.items() if text not in words.FRENCH]
    assert bare == [], "wrap these in words._(): " + ", ".join(bare)
    assert missing == [], "add their French to words.FRENCH: " + ", ".join(missing)


def test_language_resolution_order():
    assert words.resolve_language("en", {"CRISISDESK_LANG": "fr"}) == "en"
    assert words.resolve_language(None, {"CRISISDESK_LANG": "en", "LANG": "fr_FR"}) == "en"
    assert words.resolve_language(None, {"LC_ALL": "en_US.UTF-8", "LANG": "fr_FR"}) == "en"
    assert words.resolve_language(None, {"LANG": "de_DE.UTF-8"}) == "fr"
    assert words.resolve_language(None, {}) == "fr"
