"""Links and devices: unguessable tokens, one kind of access each, revocation, hand-over to a restart."""

from __future__ import annotations

import base64

import pytest

from crisisdesk.server import access as acc
from crisisdesk.server.access import RIGHTS, AccessList, Kind


def test_tokens_carry_at_least_128_random_bits_and_differ():
    access = AccessList()
    links = [access.issue(Kind.OBSERVER) for _ in range(50)]
    tokens = {link.token for link in links}
    assert len(tokens) == 50
    for token in tokens:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        assert len(raw) * 8 >= 128


def test_no_kind_of_link_may_touch_the_clock_or_the_injects():
    every_right = set().union(*RIGHTS.values())
    assert every_right == {acc.READ_COURANTE, acc.WRITE_ENTRY, acc.CHECK_EXPECTATION, acc.DELIVER}
    assert RIGHTS[Kind.PLAYER] == frozenset() and RIGHTS[Kind.DISPLAY] == frozenset()
    assert acc.DELIVER not in RIGHTS[Kind.OBSERVER]
    assert acc.WRITE_ENTRY not in RIGHTS[Kind.ANIMATOR]


def test_a_player_link_names_one_role_and_only_a_player_link_does():
    access = AccessList()
    with pytest.raises(ValueError):
        access.issue(Kind.PLAYER)
    with pytest.raises(ValueError):
        access.issue(Kind.OBSERVER, role="DIR")


def test_revoking_a_device_or_its_link_cuts_it_off():
    access = AccessList()
    link = access.issue(Kind.OBSERVER)
    a = access.join(link, "A")
    b = access.join(link, "B")
    assert access.authenticate(a.token)[1].id == a.id
    assert access.revoke_device(a.id)
    assert access.authenticate(a.token) is None and access.is_revoked_device(a.token)
    assert access.authenticate(b.token) is not None
    assert access.revoke_link(link.id)
    assert access.authenticate(b.token) is None
    assert access.link_by_token(link.token) is None and access.link_by_code(link.code) is None


def test_short_codes_are_typed_forgivingly_but_only_a_live_one_opens():
    access = AccessList()
    link = access.issue(Kind.DISPLAY)
    typed = " " + "-".join([link.code[:4].lower(), link.code[4:]]) + " "
    assert access.link_by_code(typed) == link
    assert access.link_by_code("AAAAAAAA") is None or access.link_by_code("AAAAAAAA") == link


def test_the_state_handed_to_a_restarted_server_keeps_devices_and_revocations():
    access = AccessList()
    link = access.issue(Kind.PLAYER, role="DIR", label="Direction")
    kept = access.join(link, "tablette")
    cut = access.join(link, "téléphone")
    access.revoke_device(cut.id)
    again = AccessList.from_dict(access.to_dict())
    assert again.authenticate(kept.token)[0].role == "DIR"
    assert again.authenticate(cut.token) is None and again.is_revoked_device(cut.token)


def test_given_names_are_bounded_printable_text():
    assert acc.clean_name("  Zoé\x00\n Durand ") == "Zoé Durand"
    assert len(acc.clean_name("x" * 500)) == acc.NAME_MAX
    assert acc.clean_name(42) == ""
