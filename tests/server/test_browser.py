"""The room pages in a real browser (Debian's chromium), against a real server process.

An observer types an entry with accents and finds it in the session file; loses the
network, types three entries, gets it back, and each is stored exactly once; a
player's page shows an inject the console fires, with no note or expected response.
Skipped cleanly where chromium is absent.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from crisisdesk.server.process import ServerProcess
from crisisdesk.session import Session
from tests.server.browser import chromium_or_skip, screenshot_dir, set_offline, set_viewport

WAIT = 20.0


def wait_until(condition: Callable[[], object], what: str, timeout: float = WAIT):
    """Wait for a condition (polled), never for a fixed time; fail naming what did not happen."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


@pytest.fixture
def browser():
    driver = chromium_or_skip()
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def room(tmp_path, mini_package_path):
    path = tmp_path / "salle.crisisdesk"
    Session.create(path, mini_package_path).close()
    with Session.open(path, observer="direction") as console:
        console.start()
        console.fire("I01")
    server = ServerProcess(path, "127.0.0.1", 0)
    server.start()
    assert server.wait_ready(), server.stderr_tail
    try:
        yield server
    finally:
        server.stop()


def link(server: ServerProcess, kind: str, role: str | None = None) -> str:
    return next(lk["url"] for lk in server.links if lk["kind"] == kind and lk["role"] == role)


def stored_texts(path) -> list[str]:
    with Session.open(path, read_only=True) as session:
        return [e.text for e in session.state.entry_history]


def join_as(driver, url: str, name: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(url)
    field = wait_until(lambda: driver.find_elements(By.ID, "join-name"), "the name form")[0]
    field.send_keys(name)
    driver.find_element(By.ID, "join-button").click()
    wait_until(lambda: driver.find_element(By.ID, "link-status").text == "en ligne", "the page to be online")


def type_entry(driver, text: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    line = driver.find_element(By.ID, "line")
    line.send_keys(text)
    line.send_keys(Keys.ENTER)


def queue_states(driver) -> list[str]:
    # Read in one script: the list is re-drawn as the server answers (no stale elements).
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#queue-note li'), li => li.className)")


def page_text(driver, element_id: str) -> str:
    return driver.execute_script(f"return document.getElementById('{element_id}').innerText")


def test_an_entry_typed_with_accents_reaches_the_session_file(browser, room):
    join_as(browser, link(room, "observer"), "Élodie Garçon")
    text = "Salle rafraîchie ouverte à Bercy — 40 lits, priorité aux aînés"
    type_entry(browser, "DSOL d: " + text + " #fort")
    wait_until(lambda: queue_states(browser) == ["q-stored"], "the entry to show 'enregistré'")
    assert "enregistré" in page_text(browser, "queue-note")
    with Session.open(room.session_path, read_only=True) as session:
        [entry] = session.state.entries
    assert (entry.text, entry.role, entry.kind, entry.tags, entry.observer) == (
        text, "DSOL", "decision", ("strength",), "Élodie Garçon")
    wait_until(lambda: text in page_text(browser, "entries"), "the entry in the live courante")


def test_entries_typed_while_offline_are_sent_once_when_the_network_returns(browser, room):
    join_as(browser, link(room, "observer"), "Observateur 2")
    set_offline(browser, True)
    lines = ["Premier point hors ligne", "Deuxième : évacuation du gymnase", "Troisième, café offert"]
    for line in lines:
        type_entry(browser, line)
    wait_until(lambda: queue_states(browser) == ["q-pending"] * 3, "three entries waiting")
    kept = browser.execute_script(
        "return Object.keys(localStorage).filter(k => k.endsWith(':queue'))"
        ".map(k => JSON.parse(localStorage.getItem(k)).length)")
    assert kept == [3]  # in the browser's storage: a reload would find them
    assert stored_texts(room.session_path) == []
    set_offline(browser, False)
    wait_until(lambda: queue_states(browser) == ["q-stored"] * 3, "the three entries stored", timeout=30)
    texts = stored_texts(room.session_path)
    assert sorted(texts) == sorted(lines) and len(texts) == 3


def test_a_player_page_shows_a_fired_inject_without_notes_or_expectations(browser, room, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get(link(room, "player", "DSOL"))
    wait_until(lambda: browser.find_element(By.ID, "link-status").text == "en ligne", "the page to be online")
    assert browser.find_elements(By.CSS_SELECTOR, ".msg") == []
    with Session.open(room.session_path, observer="direction") as console:
        console.fire("I02")  # to DSOL, with an expected response
        console.fire("I03")  # to all, with a controller's note
    wait_until(lambda: len(browser.find_elements(By.CSS_SELECTOR, ".msg")) == 2, "the two injects on the page")
    page = browser.page_source
    assert "Appel de la plateforme" in page and "420 personnes" in page and "Paris suffoque" in page
    for secret in ("Déclencher les visites à domicile", "Vérifier que la communication réagit", "Bulletin de vigilance"):
        assert secret not in page


def test_the_animation_team_marks_an_inject_delivered(browser, room):
    from selenium.webdriver.common.by import By

    join_as(browser, link(room, "animator"), "Équipe d'animation")
    button = wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, "[data-id='I01'] button.deliver"),
                        "the 'Livré' button of the fired inject")[0]
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-id='I04'] button.deliver")  # not fired yet
    button.click()
    wait_until(lambda: "livré par Équipe d'animation" in page_text(browser, "script"), "the delivery shown")
    with Session.open(room.session_path, read_only=True) as session:
        assert session.state.inject("I01").delivered_by == "Équipe d'animation"


def test_an_observer_checks_an_expected_response_in_the_glossary_words(browser, room):
    from selenium.webdriver.common.by import By

    with Session.open(room.session_path, observer="direction") as console:
        console.fire("I02")  # to DSOL, with an expected response
    join_as(browser, link(room, "observer"), "Claire")
    buttons = wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, ".check-buttons button"), "the verdicts")
    # The console and the report say obtenue / partielle / manquée (the core glossary), and so does the page.
    assert [b.text for b in buttons[:3]] == ["obtenue", "partielle", "manquée"]
    buttons[0].click()
    wait_until(lambda: "I02 : obtenue" in page_text(browser, "queue-note"), "the check listed")

    def stored_checks():
        with Session.open(room.session_path, read_only=True) as session:
            return [(c.inject_id, c.status, c.observer) for c in session.state.checks]
    wait_until(lambda: stored_checks() == [("I02", "met", "Claire")], "the check stored")


PAGES = (("observer", None), ("player", "DIR"), ("display", None), ("animator", None))


def test_screenshots_of_each_page_on_a_phone_and_a_laptop(browser, room, tmp_path):
    from selenium.webdriver.common.by import By

    with Session.open(room.session_path, observer="direction") as console:
        console.fire("I03")
        console.fire("I02")
        console.log_entry(observer="Chloé", role="DIR", kind="decision",
                          text="Activation de la cellule de crise à l'Hôtel de Ville", inject_id="I01")
        console.check_expectation("I01", 0, "met", observer="Chloé")
    folder = screenshot_dir(tmp_path)
    shots = []
    for kind, role in PAGES:
        url = link(room, kind, role)
        for label, (width, height, mobile) in {"phone": (390, 844, True), "laptop": (1366, 768, False)}.items():
            set_viewport(browser, width, height, mobile=mobile)
            browser.get(url)
            if browser.find_elements(By.ID, "join-name"):
                join_as(browser, url, "Chloé")
            wait_until(lambda: browser.find_element(By.ID, "link-status").text == "en ligne", f"{kind} online")
            path = folder / f"room-{kind}-{label}.png"
            browser.save_screenshot(str(path))
            shots.append(path)
    assert all(p.stat().st_size > 5_000 for p in shots)
