"""Hostile and clumsy packages, as data: each mutation of the mini package and what must come of it.

One table (``MUTATIONS``): a name, a mutation of a copy of ``tests/data/mini``, and the
message ``validate`` must give (or None when the package stays valid). Every row is
then run through the same checks: ``validate_package`` says it at the right place, the
CLI's ``validate`` exits 2 (or 0) without a traceback and escapes control characters,
and a package that stays valid goes through ``check``, ``new``, ``rehearse``, ``kit`` and ``report``. A
field added to the format gets its hostile values by adding rows here.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from crisisdesk.cli import main
from crisisdesk.package.loader import validate_package

MINI = Path(__file__).resolve().parent / "data" / "mini"
ESC_TITLE = "Exercice \x1b]0;pwned\x07\x1b[2J\x1b[31mrouge\u202e"


@dataclass(frozen=True)
class Mutation:
    name: str
    change: Callable[[Path], None]
    expected: str | None  # the message (a part of it) validate gives; None: still valid
    where: str | None = None  # "file:line" the problem is reported at
    warning: bool = False  # the expected message is a warning, the package stays valid


def replace(file: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        text = (root / file).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {file}"
        (root / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def append(file: str, text: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        with open(root / file, "a", encoding="utf-8") as handle:
            handle.write(text)
    return change


def write(file: str, text: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        (root / file).write_text(text, encoding="utf-8")
    return change


def link(file: str, target: str | Callable[[Path], Path]) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / file
        path.parent.mkdir(parents=True, exist_ok=True)
        destination = target(root) if callable(target) else Path(target)
        if path.exists():
            path.unlink()
        path.symlink_to(destination)
    return change


def both(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        for one in changes:
            one(root)
    return change


def outside_copy_of(name: str) -> Callable[[Path], Path]:
    def target(root: Path) -> Path:
        outside = root.parent / f"outside-{name}"
        shutil.copy(MINI / name, outside)
        return outside
    return target


def alias_bomb_list(items: int) -> str:
    """msel.yaml whose injects all share one ``expected`` list of ``items`` aliased responses."""
    text = (MINI / "msel.yaml").read_text(encoding="utf-8")
    shared = "  expected: &shared\n" + "    - &one {role: DIR, action: Agir, within: \"0:10\"}\n" + \
        "    - *one\n" * (items - 1)
    text = text.replace("  expected:\n    - role: DIR\n      action: Activer la cellule de crise\n"
                        "      within: \"0:10\"\n", shared, 1)
    return text.replace("  body: 420 personnes inscrites ne répondent pas.\n  expected:\n"
                        "    - role: DSOL\n      action: Déclencher les visites à domicile\n      within: \"0:15\"\n",
                        "  body: 420 personnes inscrites ne répondent pas.\n  expected: *shared\n", 1)


def billion_laughs() -> str:
    """Nine levels of ten aliases each: a few hundred bytes standing for a billion texts."""
    lines = ['a0: &a0 "rire"']
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def long_text_repeated() -> str:
    """A 1 MB text named 30 times: 30 million characters from a 1 MB file."""
    text = (MINI / "msel.yaml").read_text(encoding="utf-8")
    text = text.replace("  body: Une rumeur circule.\n", "  body: &long " + "x" * 1_000_000 + "\n", 1)
    return text + "".join(
        f"- {{id: R{n}, at: \"0:41\", title: R, from: X, to: [DIR], channel: social, body: *long, manual: true}}\n"
        for n in range(30))


MUTATIONS = [
    # -- resource exhaustion from tiny files
    Mutation("alias bomb: 20,000 aliased expected responses shared by injects",
             write("msel.yaml", alias_bomb_list(20_000)), "holds 20,000 items; the limit is 10,000",
             "msel.yaml:9"),
    Mutation("alias bomb: billion laughs", append("exercise.yaml", billion_laughs()),
             "once its aliases (*name) are expanded; the limit is 250,000 values"),
    Mutation("alias bomb: one long text aliased 30 times", write("msel.yaml", long_text_repeated()),
             "characters of text once its aliases (*name) are expanded"),
    Mutation("alias inside itself", append("exercise.yaml", "boucle: &loop [*loop]\n"),
             "an alias repeats the list at line 35 inside itself", "exercise.yaml:35"),
    Mutation("a list of 10,001 items", replace("exercise.yaml", "      - La main courante est tenue.\n",
                                                "      - x\n" * 10_001), "holds 10,002 items; the limit is 10,000"),
    # -- numbers
    Mutation("integer of 5,000 digits as an indicator", replace("exercise.yaml", "initial: 41", "initial: " + "9" * 5000),
             "is too large a number (at most 15 digits); quote it to show it as text", "exercise.yaml:24"),
    Mutation("integer of 5,000 digits as a scale", replace("exercise.yaml", "scale: 6", "scale: " + "9" * 5000),
             "is too large a number (at most 15 digits)", "exercise.yaml:12"),
    Mutation("scale 1.0e+300", replace("exercise.yaml", "scale: 6", "scale: 1.0e+300"),
             '"1.0e+300" is too large a number', "exercise.yaml:12"),
    Mutation("scale 20000", replace("exercise.yaml", "scale: 6", "scale: 20000"),
             "20000 must be more than 0 and at most 10,000", "exercise.yaml:12"),
    Mutation("scale 1.0e+400 (infinite)", replace("exercise.yaml", "scale: 6", "scale: 1.0e+400"),
             "is too large a number", "exercise.yaml:12"),
    Mutation("scale 1e-300", replace("exercise.yaml", "scale: 6", "scale: 1e-300"), None),
    Mutation("scale 1e3 unquoted is a number", replace("exercise.yaml", "scale: 6", "scale: 1e3"), None),
    Mutation("scale \"1e3\" quoted", replace("exercise.yaml", "scale: 6", 'scale: "1e3"'),
             'expected a number, got "1e3" (remove the quotes)'),
    Mutation("scale -4", replace("exercise.yaml", "scale: 6", "scale: -4"), "must be more than 0"),
    Mutation("indicator .nan stays text", replace("exercise.yaml", "initial: 41", "initial: .nan"), None),
    # -- times and dates
    Mutation("duration 999999999:00", replace("exercise.yaml", 'duration: "1:00"', 'duration: "999999999:00"'),
             '"999999999:00" is longer than an exercise can last (at most 999:59:59)', "exercise.yaml:7"),
    Mutation("duration of 5,000-digit hours", replace("exercise.yaml", 'duration: "1:00"',
                                                      f'duration: "{"9" * 5000}:00"'),
             "is longer than an exercise can last"),
    Mutation("within 1000:00", replace("msel.yaml", 'within: "0:10"', 'within: "1000:00"'),
             "is longer than an exercise can last"),
    Mutation("duration 999:00 is fine", replace("exercise.yaml", 'duration: "1:00"', 'duration: "999:00"'), None),
    Mutation("a phase at 9999-12-31T23:00:00 runs past the calendar",
             replace("exercise.yaml", '"2032-06-23T14:00:00"', '"9999-12-31T23:00:00"'),
             "runs past the year 9999 before 1:00, where the phase ends", "exercise.yaml:15"),
    Mutation("a phase at 9999-12-31T23:00:00 too fast for the first phase",
             replace("exercise.yaml", '"2032-06-22T07:00:00"', '"9999-12-31T23:00:00"'),
             "runs past the year 9999 before 0:30"),
    Mutation("a phase ending on 9999-12-31 is fine",
             replace("exercise.yaml", '"2032-06-23T14:00:00"', '"9999-12-31T21:00:00"'), None),
    Mutation("the year 1", replace("exercise.yaml", '"2032-06-23T14:00:00"', '"0001-01-01T00:00:00"'),
             "the scenario clock goes back", warning=True),
    # -- readiness thresholds (exercise.yaml, readiness:)
    Mutation("readiness window of one second", append("exercise.yaml", 'readiness:\n  window: "0:00:01"\n'),
             '0:00:01 is shorter than a minute; give "0:01" or more', "exercise.yaml:36"),
    Mutation("readiness count of 5,000 digits", append("exercise.yaml", "readiness:\n  max_responses_due: "
                                                                         + "9" * 5000 + "\n"),
             "is too large a number (at most 15 digits)"),
    Mutation("readiness time of 999999999 hours", append("exercise.yaml", 'readiness:\n  max_quiet: "999999999:00"\n'),
             "is longer than an exercise can last"),
    Mutation("readiness count 1e3", append("exercise.yaml", "readiness:\n  min_injects_per_objective: 1e3\n"),
             "1000.0 is not a whole number of 0 or more"),
    Mutation("readiness briefings of 10,001 items",
             append("exercise.yaml", "readiness:\n  briefings: [" + ", ".join(["I01"] * 10_001) + "]\n"),
             "holds 10,001 items"),
    # -- files from outside the package
    Mutation("exercise.yaml is a link to a file outside",
             link("exercise.yaml", outside_copy_of("exercise.yaml")),
             "is a symbolic link; copy the file into the package folder instead", "exercise.yaml"),
    Mutation("msel.yaml is a link to /dev/zero", link("msel.yaml", "/dev/zero"), "is a symbolic link"),
    Mutation("an attachment through a linked folder",
             both(link("media", "/etc"), replace("msel.yaml", "  body: Une rumeur circule.\n",
                                                 "  body: Une rumeur circule.\n  attachments: [media/passwd]\n")),
             "is or goes through a symbolic link"),
    Mutation("an unreferenced link in media/ (not copied, not an error)", link("media/passwd", "/etc/passwd"), None),
    Mutation("an image from the laptop in a body",
             replace("msel.yaml", "body: Une rumeur circule.", 'body: "Voir ![x](/root/secret.png)"'),
             'image "/root/secret.png" is not one of the package\'s attachments, so it is shown as text',
             "msel.yaml:60", warning=True),
    Mutation("an image from the web in notes",
             replace("msel.yaml", "notes: Vérifier que la communication réagit.",
                     "notes: |\n    Ligne\n\n    ![pixel](https://example.com/pixel.png)"),
             'image "https://example.com/pixel.png" is not one of the package\'s attachments', "msel.yaml:38",
             warning=True),
    Mutation("an image from the laptop in the summary",
             replace("exercise.yaml", "  Petit exercice de test", "  ![plan](/srv/plan.png) Petit exercice de test"),
             "exercise field 'summary': image \"/srv/plan.png\" is not one of the package's attachments",
             "exercise.yaml:6", warning=True),
    # -- hostile text
    Mutation("a title with terminal escape sequences",
             replace("exercise.yaml", "title: Mini-exercice canicule", f'title: "{ESC_TITLE.encode("unicode_escape").decode()}"'),
             None),
    Mutation("an unknown field named with escape sequences",
             replace("exercise.yaml", "language: fr", 'language: fr\n"\\e[2Jclear": 1'), "unknown field '\\x1b[2Jclear'"),
    Mutation("a format with a carriage return",
             replace("exercise.yaml", "format: crisisdesk/1", 'format: "crisisdesk/1\\rvalid"'),
             '"crisisdesk/1\\x0dvalid" is not a format this build reads'),
]


def mutated(tmp_path: Path, mutation: Mutation) -> Path:
    root = tmp_path / "pkg"
    shutil.copytree(MINI, root)
    mutation.change(root)
    return root


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_validate_says_what_is_wrong_and_where(tmp_path, mutation):
    if not hasattr(os, "symlink"):
        pytest.skip("needs symbolic links")
    root = mutated(tmp_path, mutation)
    package, problems = validate_package(root)
    shown = [str(p) for p in problems]
    errors = [str(p) for p in problems if not p.warning]
    if mutation.expected is None or mutation.warning:
        assert package is not None, errors
        assert errors == []
    else:
        assert package is None
    if mutation.expected is not None:
        hits = [text for text in shown if mutation.expected in text]
        assert hits, shown
        if mutation.where:
            assert any(text.startswith(str(root / mutation.where) + ":") for text in hits), hits
    for text in shown:  # what is printed never holds a control character
        assert not any(ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0 or c == "\u202e" for c in text), repr(text)


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_every_command_answers_without_a_traceback(tmp_path, mutation, capsys, monkeypatch):
    """validate, then new, rehearse and report on what is valid: a status and a message, never a crash."""
    monkeypatch.chdir(tmp_path)
    root = mutated(tmp_path, mutation)
    valid = mutation.expected is None or mutation.warning
    assert main(["validate", str(root)]) == (0 if valid else 2)
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out and "\u202e" not in out
    session = tmp_path / "run.crisisdesk"
    if not valid:
        assert main(["new", str(root), "-o", str(session)]) == 2
        err = capsys.readouterr().err
        assert "not a valid package" in err and "\x1b" not in err
        assert not session.exists()
        return
    assert main(["check", str(root)]) in (0, 1)  # 1: thresholds exceeded, as the readiness check says
    assert "\x1b" not in capsys.readouterr().out
    assert main(["new", str(root), "-o", str(session)]) == 0
    assert "\x1b" not in capsys.readouterr().out
    assert main(["rehearse", str(root), "--speed", "100000"]) == 0
    assert "\x1b" not in capsys.readouterr().out
    assert main(["kit", str(root), "-o", str(tmp_path / "kit"), "--format", "html"]) == 0
    assert "\x1b" not in capsys.readouterr().out
    assert main(["report", str(session), "-o", str(tmp_path / "r.html")]) == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "secret.png\"" not in html and "https://example.com/pixel.png\"" not in html  # never an <img src>


def test_the_escape_title_is_printed_escaped_by_validate(tmp_path, capsys):
    root = mutated(tmp_path, next(m for m in MUTATIONS if m.name.startswith("a title with terminal")))
    assert main(["validate", str(root)]) == 0
    out = capsys.readouterr().out
    assert "Exercice \\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mrouge\\u202e" in out


def test_a_body_image_shows_an_attachment_embedded_and_anything_else_as_text(tmp_path, capsys):
    root = tmp_path / "pkg"
    shutil.copytree(MINI, root)
    (root / "media").mkdir()
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    (root / "media" / "carte.svg").write_text(svg, encoding="utf-8")
    replace("msel.yaml", "  body: Une rumeur circule.\n",
            '  body: "Carte ![la carte](media/carte.svg) et ![vol](/etc/secret.png) ![web](https://x.example/p.png)"\n'
            "  attachments: [media/carte.svg]\n")(root)
    session = tmp_path / "run.crisisdesk"
    assert main(["rehearse", str(root), "--speed", "100000", "--db", str(session)]) == 0  # every inject played
    assert main(["report", str(session), "-o", str(tmp_path / "r.html")]) == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<img src="data:image/svg+xml;base64,' in html and 'alt="la carte"' in html
    assert "![vol](/etc/secret.png)" in html and "![web](https://x.example/p.png)" in html
    assert 'src="/etc' not in html and 'src="https://x.example' not in html
    # The printed kits render the same bodies: the same rule.
    assert main(["kit", str(root), "-o", str(tmp_path / "kit"), "--only", "animateur", "--format", "html"]) == 0
    kit = next((tmp_path / "kit").glob("*.html")).read_text(encoding="utf-8")
    assert '<img src="data:image/svg+xml;base64,' in kit and "![vol](/etc/secret.png)" in kit
    assert 'src="/etc' not in kit and 'src="https://x.example' not in kit
