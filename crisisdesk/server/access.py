"""Who may do what on the room network: links, the devices that joined through them, and rights.

A *link* is what the console shows (URL, QR code, short code): it carries a random
token of 128 bits and grants one kind of access (observer, animator, player of one
role, room display). A device that opens a link *joins*: it gets its own device
token (128 bits), kept in the browser, sent with every request. The console can
revoke a device (its token dies) or a whole link (the link and every device that
joined through it). Nothing is written to disk: the tokens die with the server,
unless the console hands the same state to a server it restarts after a crash.

Rights are a fixed table (``RIGHTS``): nothing on the network can control the
clock or fire, skip or edit an inject; there is no right for it to grant.
"""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum


class Kind(StrEnum):
    OBSERVER = "observer"
    ANIMATOR = "animator"
    PLAYER = "player"
    DISPLAY = "display"


# What each kind of link may do. Reading a view is always limited to that kind's view
# (views.py): a player never receives the courante, notes or expected responses.
READ_COURANTE = "read_courante"
WRITE_ENTRY = "write_entry"
CHECK_EXPECTATION = "check_expectation"
DELIVER = "deliver"

RIGHTS: dict[Kind, frozenset[str]] = {
    Kind.OBSERVER: frozenset({READ_COURANTE, WRITE_ENTRY, CHECK_EXPECTATION}),
    Kind.ANIMATOR: frozenset({DELIVER}),
    Kind.PLAYER: frozenset(),
    Kind.DISPLAY: frozenset(),
}

# URL prefix of each kind's page.
PREFIX = {Kind.OBSERVER: "o", Kind.ANIMATOR: "a", Kind.PLAYER: "p", Kind.DISPLAY: "d"}
KIND_OF_PREFIX = {v: k for k, v in PREFIX.items()}

TOKEN_BYTES = 16  # 128 bits
# Short codes: 8 letters from an alphabet without look-alikes (40 bits); guessing is
# further bounded by the rate limit on /code (see app.py).
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
NAME_MAX = 40


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())[:CODE_LENGTH * 2]


@dataclass(frozen=True)
class Link:
    """One link shown by the console: a kind of access (and a role for a player)."""

    id: str
    token: str
    code: str
    kind: Kind
    role: str | None = None
    label: str = ""
    revoked: bool = False

    def can(self, right: str) -> bool:
        return not self.revoked and right in RIGHTS[self.kind]

    def path(self) -> str:
        return f"/{PREFIX[self.kind]}/{self.token}/"


@dataclass(frozen=True)
class Device:
    """A browser that joined through a link."""

    id: str
    token: str
    link_id: str
    name: str
    joined_at: float
    last_seen: float = 0.0
    address: str = ""
    revoked: bool = False


@dataclass
class AccessList:
    """The links and devices of one server run, in memory."""

    links: dict[str, Link] = field(default_factory=dict)
    devices: dict[str, Device] = field(default_factory=dict)
    clock: object = time.time

    # -- links ------------------------------------------------------------------------

    def issue(self, kind: Kind | str, role: str | None = None, label: str = "") -> Link:
        kind = Kind(kind)
        if (kind is Kind.PLAYER) != (role is not None):
            raise ValueError("a player link names one role; other links name none")
        link = Link(id=secrets.token_hex(4), token=new_token(), code=new_code(), kind=kind, role=role,
                    label=label[:NAME_MAX])
        self.links[link.id] = link
        return link

    def link_by_token(self, token: str) -> Link | None:
        """The live link with this token (compared in constant time), or None."""
        found = None
        for link in self.links.values():
            if hmac.compare_digest(link.token.encode(), token.encode()):
                found = link
        return found if found is not None and not found.revoked else None

    def link_by_code(self, code: str) -> Link | None:
        code = normalise_code(code)
        found = None
        for link in self.links.values():
            if hmac.compare_digest(link.code.encode(), code.encode()):
                found = link
        return found if found is not None and not found.revoked else None

    def revoke_link(self, link_id: str) -> bool:
        link = self.links.get(link_id)
        if link is None:
            return False
        self.links[link_id] = replace(link, revoked=True)
        for device in list(self.devices.values()):
            if device.link_id == link_id:
                self.devices[device.id] = replace(device, revoked=True)
        return True

    # -- devices ----------------------------------------------------------------------

    def join(self, link: Link, name: str, address: str = "") -> Device:
        now = self.clock()
        device = Device(id=secrets.token_hex(4), token=new_token(), link_id=link.id, name=clean_name(name),
                        joined_at=now, last_seen=now, address=address)
        self.devices[device.id] = device
        return device

    def authenticate(self, token: str) -> tuple[Link, Device] | None:
        """The live link and device of a device token, or None (unknown, revoked, or its link revoked)."""
        found = None
        for device in self.devices.values():
            if hmac.compare_digest(device.token.encode(), token.encode()):
                found = device
        if found is None or found.revoked:
            return None
        link = self.links.get(found.link_id)
        if link is None or link.revoked:
            return None
        return link, found

    def is_revoked_device(self, token: str) -> bool:
        return any(d.revoked and hmac.compare_digest(d.token.encode(), token.encode()) for d in self.devices.values())

    def seen(self, device: Device, address: str = "") -> None:
        self.devices[device.id] = replace(device, last_seen=self.clock(), address=address or device.address)

    def revoke_device(self, device_id: str) -> bool:
        device = self.devices.get(device_id)
        if device is None:
            return False
        self.devices[device_id] = replace(device, revoked=True)
        return True

    # -- handing over to a restarted server (the console keeps this in memory only) ---

    def to_dict(self) -> dict:
        return {
            "links": [{**asdict(link), "kind": link.kind.value} for link in self.links.values()],
            "devices": [asdict(device) for device in self.devices.values()],
        }

    @classmethod
    def from_dict(cls, data: dict) -> AccessList:
        access = cls()
        for raw in data.get("links", []):
            link = Link(**{**raw, "kind": Kind(raw["kind"])})
            access.links[link.id] = link
        for raw in data.get("devices", []):
            device = Device(**raw)
            access.devices[device.id] = device
        return access


def clean_name(name: object) -> str:
    """A device's given name: printable text, at most NAME_MAX characters."""
    if not isinstance(name, str):
        return ""
    text = "".join(ch for ch in name if ch.isprintable()).strip()
    return text[:NAME_MAX]
