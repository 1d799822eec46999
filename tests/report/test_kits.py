"""The printed kits' HTML, from packages alone: what each kit holds and what it must never hold."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from crisisdesk.package.loader import load_package
from crisisdesk.report.glossary import glossary_for
from crisisdesk.report.kits import KitError, build_kit, french_spacing, kit_html, write_kits
from tests.conftest import ROOT

NOTES_I03 = "Vérifier que la communication réagit."


@pytest.fixture
def mini(mini_package_path):
    return load_package(mini_package_path)


def section(html: str, element_id: str) -> str:
    """The text of the element whose id is ``element_id`` (up to the next element of the same kind)."""
    start = html.index(f'id="{element_id}"')
    tag = html.rfind("<", 0, start)
    name = re.match(r"<(\w+)", html[tag:]).group(1)
    return html[tag:html.index(f"</{name}>", start)]


def test_run_sheet_holds_every_inject_in_time_order_with_body_expected_notes_and_a_tick_box(mini):
    html = kit_html(mini, "animateur")
    positions = [html.index(f'id="run-{i.id}"') for i in mini.injects]
    assert positions == sorted(positions)
    for number, inject in enumerate(mini.injects, start=1):
        block = section(html, f"run-{inject.id}")
        assert f"#{number} · {inject.id}" in block
        assert '<span class="box"></span>' in block  # the box to tick when delivered
        assert inject.title.replace("'", "’") in block or inject.title in block
        for expected in inject.expected:
            assert expected.action in block
    assert NOTES_I03 in section(html, "run-I03")
    # T+, the scenario time (phase 2 starts 23 June 14:00 at ×4: I04 at 0:32 is 14:08) and the route.
    block = section(html, "run-I04")
    assert "T+0:32" in block and "23 juin\u00a014:08" in block
    assert "Météo-France (animation) → tous les rôles joués" in block
    assert "courriel" in section(html, "run-I01")
    assert "inject de relance" in section(html, "run-I03b") and "I02" in section(html, "run-I03b")
    assert "sous 10\u00a0min · échéance T+0:12" in section(html, "run-I01")


def test_inject_cards_one_per_inject_without_notes_or_expected_responses(mini):
    html = kit_html(mini, "animateur")
    cards = html[html.index('id="card-'):]
    for inject in mini.injects:
        card = section(html, f"card-{inject.id}")
        assert "EXERCICE EXERCICE EXERCICE" in card
    assert cards.count('id="card-') == len(mini.injects)
    assert NOTES_I03 not in cards
    for inject in mini.injects:
        for expected in inject.expected:
            assert expected.action not in cards
    # The card names the addressees in full: it is handed to them.
    assert "Direction de crise Ville, Préfecture de police" in section(html, "card-I01")


def test_player_kit_holds_rules_played_role_cards_and_glossary_and_nothing_of_the_script(mini):
    html = kit_html(mini, "joueur")
    for role in mini.roles:
        assert (role.mission in html) == role.played  # a card per played role, none for the simulated
    assert "Météo-France (animation)" in html  # simulated roles are listed as whom to call
    assert "EXERCICE EXERCICE EXERCICE" in html
    assert "DEBEX" in html and "Main courante" in html  # glossary
    assert NOTES_I03 not in html
    decisions = {d for role in mini.roles for d in role.decisions}  # the cards list these on purpose
    for inject in mini.injects:
        assert inject.body.strip() not in html
        for expected in inject.expected:
            assert expected.action in decisions or expected.action not in html
    assert "Déclencher les visites à domicile" not in html
    # The console's own card markup (crisisdesk/report/role_cards.py), not a copy.
    assert "Décisions attendues de vous" in html and "background:#1f4e79" in html


def test_observer_kit_by_role_lists_each_expected_response_with_window_and_tick_boxes(mini):
    html = kit_html(mini, "observateur")
    dir_block = section(html, "group-DIR")
    assert "Activer la cellule de crise" in dir_block
    assert "T+0:02 → T+0:12" in dir_block
    assert "Obtenue" in dir_block and "Partielle" in dir_block and "Manquée" in dir_block
    assert "Déclencher les visites à domicile" in section(html, "group-DSOL")
    assert "Aucune réponse attendue de ce rôle." in section(html, "group-PP")
    for label in ("Réalisé sans difficulté", "Réalisé avec quelques difficultés",
                  "Réalisé avec des difficultés majeures", "Non réalisé"):
        assert label in html
    for objective in mini.exercise.objectives:
        for criterion in objective.criteria:
            assert criterion in html
    assert NOTES_I03 not in html


def test_observer_kit_by_objective_puts_criteria_above_the_responses_that_serve_them(mini):
    html = kit_html(mini, "observateur", by="objective")
    o1 = section(html, "group-O1")
    assert "La cellule de crise est activée dans les 10 minutes." in o1
    assert "Activer la cellule de crise" in o1
    assert "Déclencher les visites à domicile" not in o1
    assert "Déclencher les visites à domicile" in section(html, "group-O2")


def test_every_kit_puts_the_exercise_title_and_page_numbers_on_every_page(mini):
    for kind in ("animateur", "observateur", "joueur"):
        html = kit_html(mini, kind)
        page_rule = html[html.index("@page {"):html.index("</style>")]
        assert '@top-left { content: "Mini-exercice canicule"' in page_rule
        assert "counter(page)" in page_rule and "counter(pages)" in page_rule
        assert "size: A4" in page_rule


def test_what_the_package_says_is_escaped_everywhere(tmp_path, mini_package_path):
    package_dir = tmp_path / "evil"
    shutil.copytree(mini_package_path, package_dir)
    msel = package_dir / "msel.yaml"
    text = msel.read_text(encoding="utf-8")
    text = text.replace("title: Flash info", 'title: "<script>alert(1)</script>"')
    text = text.replace("notes: Vérifier que la communication réagit.", 'notes: "<img src=x onerror=alert(2)>"')
    msel.write_text(text, encoding="utf-8")
    package = load_package(package_dir)
    for kind in ("animateur", "observateur", "joueur"):
        html = kit_html(package, kind)
        assert "<script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in kit_html(package, "animateur")


def test_french_typography_in_the_kit():
    assert french_spacing("Objet : test ; « oui »") == "Objet\u202f: test\u202f; «\u202foui\u202f»"
    assert french_spacing("l'heure 10:30") == "l’heure 10:30"  # a time keeps its colon tight


def test_glossary_prints_exercise_words_and_only_the_domain_terms_the_package_uses(mini, paris_package_path):
    mini_terms = {t.term for t in glossary_for(mini, "fr")}
    assert "DEBEX / FINEX" in mini_terms and "Main courante" in mini_terms
    assert "BSPP" not in mini_terms  # the mini package never mentions the fire brigade
    paris_terms = {t.term for t in glossary_for(load_package(paris_package_path), "fr")}
    assert {"BSPP", "ARS", "COZ", "EHPAD", "REFLEX", "Délestage"} <= paris_terms
    assert "SDIS" not in paris_terms


def test_english_kits_use_english_words(mini):
    html = kit_html(mini, "observateur", language="en")
    assert "Performed with some challenges" in html and "Observer kit" in html
    assert "Réalisé" not in html


def test_unknown_kind_or_grouping_is_refused(mini):
    with pytest.raises(KitError):
        kit_html(mini, "controleur")
    with pytest.raises(KitError):
        build_kit(mini, by="phase")


def test_write_kits_as_html_names_files_after_the_exercise(tmp_path, mini):
    written = write_kits(mini, tmp_path / "kits", kinds=["joueur", "animateur"], fmt="html")
    assert [p.name for p in written] == ["mini-canicule-kit-joueur.html", "mini-canicule-kit-animateur.html"]
    assert all(p.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") for p in written)


def run_cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)


def test_command_line_writes_only_the_kit_asked_for(tmp_path, mini_package_path):
    result = run_cli("kit", str(mini_package_path), "-o", str(tmp_path / "out"), "--only", "observateur",
                     "--format", "html", "--by", "objective")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["mini-canicule-kit-observateur.html"]
    assert 'id="group-O1"' in (tmp_path / "out" / "mini-canicule-kit-observateur.html").read_text(encoding="utf-8")


def test_command_line_refuses_an_invalid_package_or_a_file_as_folder(tmp_path, mini_package_path):
    broken = tmp_path / "broken"
    shutil.copytree(mini_package_path, broken)
    (broken / "msel.yaml").write_text("- id: X\n  at: nope\n", encoding="utf-8")
    result = run_cli("kit", str(broken), "-o", str(tmp_path / "out"), "--format", "html")
    assert result.returncode == 2
    assert "msel.yaml" in result.stderr and "not a valid package" in result.stderr
    assert "Traceback" not in result.stderr
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = run_cli("kit", str(mini_package_path), "-o", str(blocker), "--format", "html")
    assert result.returncode == 2 and "is a file, not a folder" in result.stderr


def test_a_picture_attachment_is_printed_on_its_card_and_other_files_are_named(tmp_path, mini_package_path):
    package_dir = tmp_path / "with-media"
    shutil.copytree(mini_package_path, package_dir)
    (package_dir / "media").mkdir()
    (package_dir / "media" / "carte.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
        encoding="utf-8")
    (package_dir / "media" / "note.pdf").write_bytes(b"%PDF-1.4\n")
    msel = package_dir / "msel.yaml"
    msel.write_text(msel.read_text(encoding="utf-8").replace(
        "  sets:\n    tmax: 42\n", "  sets:\n    tmax: 42\n  attachments: [media/carte.svg, media/note.pdf]\n", 1),
        encoding="utf-8")
    package = load_package(package_dir)
    html = kit_html(package, "animateur")
    card = section(html, "card-I01")
    assert '<img src="data:image/svg+xml;base64,' in card
    assert "media/note.pdf" in card and "data:application/pdf" not in html
    # In the app the snapshot in the session file is read, not the folder (which may be gone).
    shutil.rmtree(package_dir / "media")
    assert "data:image/svg+xml" not in kit_html(package, "animateur")  # unreadable: named only
    snapshot = {"media/carte.svg": b'<svg xmlns="http://www.w3.org/2000/svg"/>'}
    html = kit_html(package, "animateur", read_attachment=lambda path: snapshot[path])
    assert "data:image/svg+xml;base64," in section(html, "card-I01")


def test_kit_words_come_from_one_source_each():
    import re

    from crisisdesk.report.kit_labels import KIT_LABELS, SHARED_WITH_REPORT, kit_labels
    from crisisdesk.report.labels import labels
    from crisisdesk.vocabulary import Rating, code_label, term

    assert set(KIT_LABELS["fr"]) == set(KIT_LABELS["en"])
    for lang in ("fr", "en"):
        kit, report = kit_labels(lang), labels(lang)

        def typeset(word: str, lang: str = lang) -> str:  # the kits' French apostrophe
            return word.replace("'", "\u2019") if lang == "fr" else word

        assert not set(KIT_LABELS[lang]) & set(SHARED_WITH_REPORT)  # a shared word is not spelled again
        assert {key: kit[key] for key in SHARED_WITH_REPORT} == {
            key: typeset(report[source]) for key, source in SHARED_WITH_REPORT.items()}
        assert kit["rating_P"] == typeset(code_label(Rating.P, lang))
        assert typeset(term("controller", lang)) in kit["simulated"]
        # Every placeholder is filled but the template's own.
        assert {p for text in kit.values() for p in re.findall(r"\{(\w+)\}", text)} == {"id", "duration"}
