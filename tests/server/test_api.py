"""The room server over real HTTP: writes reach the session file, and every refusal holds.

Each test runs the aiohttp application on a real socket against a real session
file, with a second ``Session`` on the same file playing the console.
"""

from __future__ import annotations

import asyncio
import json

import pytest

from crisisdesk.clock import ClockState
from crisisdesk.server.access import Kind
from crisisdesk.session import Session
from tests.server.room import run, running_room

NOTE = "Vérifier que la communication réagit."
EXPECTED = "Activer la cellule de crise"


@pytest.fixture
def session_path(tmp_path, mini_package_path):
    path = tmp_path / "room.crisisdesk"
    Session.create(path, mini_package_path).close()
    return path


def _console(path):
    return Session.open(path, observer="direction")


def _play(path, *fires):
    with _console(path) as console:
        console.start()
        for inject_id in fires:
            console.fire(inject_id)


# -- writes -----------------------------------------------------------------------------

def test_an_observer_entry_with_accents_is_in_the_file_once_when_acknowledged(session_path):
    _play(session_path, "I01")

    async def scenario():
        async with running_room(session_path) as room:
            token = await room.join(Kind.OBSERVER, name="Hélène Baïlo")
            body = {"client_id": "c0ffee01", "line": "DIR d: Cellule de crise activée à l'Hôtel de Ville #fort"}
            first = await room.post("/api/entries", token, body)
            assert first.status == 200, await first.text()
            again = await room.post("/api/entries", token, body)
            assert again.status == 200
            return await first.json()

    stored = run(scenario())["entry"]
    assert stored == {"id": "c0ffee01", "role": "DIR", "kind": "decision", "revision": 1, "inject_id": "I01",
                      "text": "Cellule de crise activée à l'Hôtel de Ville", "tags": ["strength"]}
    with Session.open(session_path, read_only=True) as check:
        entries = [e for e in check.state.entries if e.entry_id == "c0ffee01"]
    assert len(entries) == 1 and entries[0].observer == "Hélène Baïlo"


def test_the_console_sees_the_entry_and_the_check_of_an_observer(session_path):
    _play(session_path, "I01")
    console = _console(session_path)
    try:
        async def scenario():
            async with running_room(session_path) as room:
                token = await room.join(Kind.OBSERVER)
                r1 = await room.post("/api/entries", token, {"client_id": "e1", "line": "Point de situation",
                                                             "role": "PP", "kind": "observation"})
                r2 = await room.post("/api/checks", token, {"client_id": "k1", "inject_id": "I01", "index": 0,
                                                            "status": "partial"})
                assert (r1.status, r2.status) == (200, 200)
        run(scenario())
        assert console.refresh()
        entry = console.state.entry("e1")
        assert (entry.role, entry.kind, entry.text) == ("PP", "observation", "Point de situation")
        assert console.state.check_for("I01", 0).status == "partial"
    finally:
        console.close()


def test_a_correction_supersedes_the_entry(session_path):
    _play(session_path)

    async def scenario():
        async with running_room(session_path) as room:
            token = await room.join(Kind.OBSERVER)
            await room.post("/api/entries", token, {"client_id": "first", "line": "Cellue activée"})
            fixed = await room.post("/api/entries", token, {"client_id": "second", "line": "Cellule activée",
                                                            "supersedes": "first"})
            assert fixed.status == 200
            view = await room.view(token)
            return [(e["id"], e["text"], e["revision"]) for e in view["entries"]]

    assert run(scenario()) == [("second", "Cellule activée", 2)]


def test_an_observer_cannot_correct_someone_elses_entry(session_path):
    _play(session_path)

    async def scenario():
        async with running_room(session_path) as room:
            alice = await room.join(Kind.OBSERVER, name="Alice")
            bob = await room.join(Kind.OBSERVER, name="Bob")
            await room.post("/api/entries", alice, {"client_id": "a1", "line": "Texte d'Alice"})
            hijack = await room.post("/api/entries", bob, {"client_id": "b1", "line": "Réécrit", "supersedes": "a1"})
            return hijack.status, (await hijack.json())["error"]

    assert run(scenario()) == (400, "not_yours")
    with Session.open(session_path, read_only=True) as check:
        assert [e.text for e in check.state.entries] == ["Texte d'Alice"]


def test_an_animator_records_a_delivery_that_the_console_sees(session_path):
    _play(session_path, "I02")

    async def scenario():
        async with running_room(session_path) as room:
            token = await room.join(Kind.ANIMATOR, name="Équipe anim")
            not_fired = await room.post("/api/delivered", token, {"client_id": "d0", "inject_id": "I04"})
            done = await room.post("/api/delivered", token, {"client_id": "d1", "inject_id": "I02"})
            view = await room.view(token)
            return not_fired.status, (await not_fired.json())["error"], done.status, view

    status_refused, error, status_done, view = run(scenario())
    assert (status_refused, error, status_done) == (400, "not_fired", 200)
    items = {i["id"]: i for g in view["groups"] for i in g["injects"]}
    assert items["I02"]["delivered_by"] == "Équipe anim"
    with Session.open(session_path, read_only=True) as check:
        assert check.state.inject("I02").delivered_by == "Équipe anim"
        assert check.state.inject("I04").delivered_at is None


def test_the_live_stream_pushes_a_fired_inject_to_the_player(session_path):
    _play(session_path)
    console = _console(session_path)

    async def scenario():
        async with running_room(session_path) as room:
            token = await room.join(Kind.PLAYER, role="DSOL")
            response = await room.client.get("/api/live", params={"t": token})
            assert response.headers["Content-Type"].startswith("text/event-stream")

            async def next_view():
                data = None
                while True:
                    line = (await response.content.readline()).decode()
                    if line.startswith("data: "):
                        data = json.loads(line[6:])
                    elif line == "\n" and data is not None:
                        return data

            first = await asyncio.wait_for(next_view(), 10)
            await asyncio.get_running_loop().run_in_executor(None, console.fire, "I02")
            second = await asyncio.wait_for(next_view(), 10)
            response.close()
            return first, second

    try:
        first, second = run(scenario())
    finally:
        console.close()
    assert first["messages"] == []
    assert [m["id"] for m in second["messages"]] == ["I02"]
    assert "420 personnes" in second["messages"][0]["body_html"]


# -- what a player and the display may read -------------------------------------------

def test_a_player_reads_only_its_fired_messages_never_notes_expectations_or_the_courante(session_path):
    _play(session_path, "I01", "I02", "I03")
    with _console(session_path) as console:
        console.log_entry(observer="obs", role="DIR", kind="decision", text="Entrée secrète de la main courante")

    async def scenario():
        async with running_room(session_path) as room:
            token = await room.join(Kind.PLAYER, role="DIR")
            plain = await room.client.get("/api/view", headers={"X-Crisisdesk-Token": token})
            asked = await room.client.get("/api/view", params={"kind": "observer"},
                                          headers={"X-Crisisdesk-Token": token})
            texts = [await plain.text(), await asked.text()]
            courante = await room.client.get("/api/entries", headers={"X-Crisisdesk-Token": token})
            return texts, courante.status

    texts, courante_status = run(scenario())
    assert courante_status in (403, 404, 405)
    for text in texts:
        view = json.loads(text)
        assert view["kind"] == "player"
        assert [m["id"] for m in view["messages"]] == ["I01", "I03"]  # I02 went to DSOL only
        for secret in (NOTE, EXPECTED, "Entrée secrète", "expected", "notes", "entries"):
            assert secret not in text


def test_the_room_display_shows_public_injects_only(session_path):
    _play(session_path, "I01", "I03")

    async def scenario():
        async with running_room(session_path) as room:
            token = await room.join(Kind.DISPLAY)
            response = await room.client.get("/api/view", headers={"X-Crisisdesk-Token": token})
            return await response.text()

    text = run(scenario())
    view = json.loads(text)
    assert [c["id"] for c in view["cards"]] == ["I03"]
    assert NOTE not in text and EXPECTED not in text
    assert {i["id"]: i["value"] for i in view["indicators"]}["tmax"] == 42


# -- refusals ---------------------------------------------------------------------------

@pytest.mark.parametrize("kind,role", [(Kind.PLAYER, "DIR"), (Kind.DISPLAY, None), (Kind.ANIMATOR, None)])
def test_links_without_the_right_cannot_write_entries_or_checks(session_path, kind, role):
    _play(session_path, "I01")

    async def scenario():
        async with running_room(session_path) as room:
            token = await room.join(kind, role)
            entry = await room.post("/api/entries", token, {"client_id": "x1", "line": "intrusion"})
            check = await room.post("/api/checks", token, {"client_id": "x2", "inject_id": "I01", "index": 0,
                                                           "status": "met"})
            return entry.status, check.status

    assert run(scenario()) == (403, 403)
    with Session.open(session_path, read_only=True) as check:
        assert check.state.entries == () and check.state.checks == ()


def test_an_observer_cannot_deliver_fire_skip_edit_or_touch_the_clock(session_path):
    _play(session_path, "I01")

    async def scenario():
        async with running_room(session_path) as room:
            token = await room.join(Kind.OBSERVER)
            statuses = [(await room.post("/api/delivered", token, {"client_id": "d", "inject_id": "I01"})).status]
            for path in ("/api/fire", "/api/skip", "/api/edit", "/api/clock", "/api/pause", "/api/end",
                         "/api/injects/I02/fire", "/api/start"):
                statuses.append((await room.post(path, token, {"client_id": "z", "inject_id": "I02"})).status)
            return statuses

    statuses = run(scenario())
    assert statuses[0] == 403
    assert all(s in (404, 405) for s in statuses[1:]), statuses
    with Session.open(session_path, read_only=True) as check:
        assert check.state.clock_state is ClockState.RUNNING
        assert [s.id for s in check.state.injects if s.fired_at] == ["I01"]
        assert check.state.inject("I01").delivered_at is None


def test_revoked_devices_and_links_are_refused(session_path):
    _play(session_path)

    async def scenario():
        async with running_room(session_path) as room:
            token = await room.join(Kind.OBSERVER, name="A")
            other = await room.join(Kind.OBSERVER, name="B")
            device = room.access.authenticate(token)[1]
            room.access.revoke_device(device.id)
            refused_view = await room.client.get("/api/view", headers={"X-Crisisdesk-Token": token})
            refused_post = await room.post("/api/entries", token, {"client_id": "r1", "line": "après"})
            still = await room.view(other)
            link = room.link(Kind.OBSERVER)
            room.access.revoke_link(link.id)
            page = await room.client.get(link.path())
            join = await room.client.post("/api/join", json={"name": "C"},
                                          headers={"X-Crisisdesk-Link": link.token, "Origin": room.origin})
            other_after = await room.client.get("/api/view", headers={"X-Crisisdesk-Token": other})
            return (refused_view.status, (await refused_view.json())["error"], refused_post.status,
                    still["kind"], page.status, join.status, other_after.status)

    assert run(scenario()) == (401, "revoked", 401, "observer", 404, 401, 401)


def test_unknown_tokens_and_a_link_used_under_another_kind_open_nothing(session_path):
    async def scenario():
        async with running_room(session_path) as room:
            player = room.link(Kind.PLAYER, "DIR")
            statuses = [
                (await room.client.get(f"/o/{player.token}/")).status,  # a player token on the observer page
                (await room.client.get("/o/AAAAAAAAAAAAAAAAAAAAAA/")).status,
                (await room.client.get("/api/view", headers={"X-Crisisdesk-Token": "guess"})).status,
                (await room.client.get("/api/view")).status,
                (await room.client.get("/api/view", headers={"X-Crisisdesk-Token": player.token})).status,
                (await room.client.get(player.path())).status,
            ]
            return statuses

    assert run(scenario()) == [404, 404, 401, 401, 401, 200]


def test_state_changes_need_this_servers_origin_json_and_the_token_header(session_path):
    _play(session_path)

    async def scenario():
        async with running_room(session_path) as room:
            token = await room.join(Kind.OBSERVER)
            body = {"client_id": "o1", "line": "forgé"}
            other_site = await room.post("/api/entries", token, body, origin="http://evil.example")
            no_origin = await room.post("/api/entries", token, body, origin=None)
            form = await room.client.post("/api/entries", data={"client_id": "o2", "line": "forgé"},
                                          headers={"X-Crisisdesk-Token": token, "Origin": room.origin})
            cookie_only = await room.client.post("/api/entries", json=body, headers={"Origin": room.origin},
                                                 cookies={"X-Crisisdesk-Token": token})
            bad_join = await room.client.post("/api/join", json={"name": "x"},
                                              headers={"X-Crisisdesk-Link": room.link(Kind.OBSERVER).token,
                                                       "Origin": "http://evil.example"})
            return [other_site.status, no_origin.status, form.status, cookie_only.status, bad_join.status]

    assert run(scenario()) == [403, 403, 415, 401, 403]
    with Session.open(session_path, read_only=True) as check:
        assert check.state.entries == ()


def test_oversize_bodies_and_fields_are_refused(session_path):
    _play(session_path)

    async def scenario():
        async with running_room(session_path) as room:
            token = await room.join(Kind.OBSERVER)
            huge = await room.client.post(
                "/api/entries", data=json.dumps({"client_id": "h", "line": "x" * 100_000}),
                headers={"X-Crisisdesk-Token": token, "Origin": room.origin, "Content-Type": "application/json"})
            long_line = await room.post("/api/entries", token, {"client_id": "l", "line": "y" * 4001})
            bad_id = await room.post("/api/entries", token, {"client_id": "a/b", "line": "ok"})
            not_json = await room.client.post(
                "/api/entries", data=b"{not json", headers={"X-Crisisdesk-Token": token, "Origin": room.origin,
                                                            "Content-Type": "application/json"})
            not_object = await room.post("/api/entries", token, ["a"])  # type: ignore[arg-type]
            bad_status = await room.post("/api/checks", token, {"client_id": "s", "inject_id": "I01", "index": 0,
                                                                "status": "bravo"})
            long_name = await room.client.post("/api/join", json={"name": "n" * 5000},
                                               headers={"X-Crisisdesk-Link": room.link(Kind.OBSERVER).token,
                                                        "Origin": room.origin})
            return ([huge.status, long_line.status, bad_id.status, not_json.status, not_object.status,
                     bad_status.status], (await long_name.json())["name"])

    statuses, name = run(scenario())
    assert statuses == [413, 400, 400, 400, 400, 400]
    assert name == "n" * 40


def test_a_device_posting_too_fast_is_slowed_down(session_path):
    _play(session_path)

    async def scenario():
        async with running_room(session_path) as room:
            token = await room.join(Kind.OBSERVER)
            statuses = []
            for i in range(60):
                r = await room.post("/api/entries", token, {"client_id": f"f{i}", "line": f"entrée {i}"})
                statuses.append(r.status)
            return statuses

    statuses = run(scenario())
    assert 429 in statuses
    stored = statuses.count(200)
    with Session.open(session_path, read_only=True) as check:
        assert len(check.state.entries) == stored


def test_an_unknown_host_name_is_refused(session_path):
    async def scenario():
        async with running_room(session_path) as room:
            rebound = await room.client.get("/", headers={"Host": "attacker.example:8765"})
            ip = await room.client.get("/", headers={"Host": "192.168.1.20:8765"})
            return rebound.status, ip.status

    assert run(scenario()) == (421, 200)


def test_pages_send_a_strict_policy_and_escape_what_they_show(session_path):
    async def scenario():
        async with running_room(session_path) as room:
            room.access.issue(Kind.OBSERVER, label='</script><script>alert("x")</script>')
            link = next(lk for lk in room.access.links.values() if "alert" in lk.label)
            page = await room.client.get(link.path())
            static = await room.client.get("/static/../access.py")
            static2 = await room.client.get("/static/%2e%2e%2faccess.py")
            return page.status, dict(page.headers), await page.text(), static.status, static2.status

    status, headers, html, static_status, static2_status = run(scenario())
    assert status == 200
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "no-referrer"
    assert '<script>alert("x")' not in html
    assert "http://" not in html and "https://" not in html  # nothing loaded from elsewhere
    assert static_status == 404 and static2_status == 404


def test_the_short_code_leads_to_its_link_and_guessing_is_bounded(session_path):
    async def scenario():
        async with running_room(session_path) as room:
            link = room.link(Kind.DISPLAY)
            good = await room.client.post("/code", data={"code": link.code.lower()}, allow_redirects=False,
                                          headers={"Origin": room.origin})
            guesses = [(await room.client.post("/code", data={"code": f"ZZZZZZ{i:02d}"},
                                               headers={"Origin": room.origin})).status for i in range(15)]
            return good.status, good.headers.get("Location"), link.path(), guesses

    status, location, path, guesses = run(scenario())
    assert (status, location) == (303, path)
    assert guesses[0] == 404 and guesses[-1] == 429


# -- attachments ------------------------------------------------------------------------

def test_attachments_only_of_injects_the_token_may_see_and_never_a_path(tmp_path, paris_package_path):
    path = tmp_path / "paris.crisisdesk"
    with Session.create(path, paris_package_path) as console:
        with_media = [i for i in console.package.injects if i.attachments]
        first, later = with_media[0], with_media[-1]
        role = next(r for r in first.to if console.package.role(r).played)
        console.start()
        console.fire(first.id)
    media = first.attachments[0]
    unfired = next(a for a in later.attachments if a not in first.attachments)

    async def scenario():
        async with running_room(path) as room:
            token = await room.join(Kind.PLAYER, role=role)
            get = room.client.get
            ok = await get(f"/api/att/{media}", params={"t": token})
            body = await ok.read()
            statuses = [
                (await get(f"/api/att/{unfired}", params={"t": token})).status,
                (await get("/api/att/../../../../etc/passwd", params={"t": token})).status,
                (await get("/api/att/media/..%2F..%2F..%2Fetc%2Fpasswd", params={"t": token})).status,
                (await get("/api/att/msel.yaml", params={"t": token})).status,
                (await get("/api/att/%2Fetc%2Fpasswd", params={"t": token})).status,
                (await get(f"/api/att/{media}")).status,
            ]
            return ok.status, dict(ok.headers), body, statuses

    status, headers, body, statuses = run(scenario())
    assert status == 200 and body.startswith(b"<") and "sandbox" in headers["Content-Security-Policy"]
    assert statuses == [404, 404, 404, 404, 404, 401]
