"""The guards every request passes: headers, origin, host, sizes, rate.

Why each one:
- A strict Content-Security-Policy: pages load scripts, styles and images from this
  server only, never inline, so a text that slipped past escaping still cannot run.
- State changes need the device token in a header *and* a JSON body *and* an Origin
  equal to this server: another site's page can neither read the token nor send
  such a request without a CORS preflight, which this server never answers.
- The Host must be an address or a name we serve under (DNS rebinding).
- Bodies are small (an entry is a line of text) and each device and address has a
  budget of requests, so one device cannot flood the store or guess codes.
"""

from __future__ import annotations

import ipaddress
import time
from dataclasses import dataclass, field

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
# Attachments are shown, never run: an SVG opened on its own gets no script either.
ATTACHMENT_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

MAX_BODY = 16 * 1024  # bytes: an entry is a line; the largest request is far below
MAX_TEXT = 4000  # characters of an entry or a note
MAX_ID = 64  # a client id


def host_allowed(host_header: str | None, extra_names: frozenset[str]) -> bool:
    """True if the Host header is an IP literal, localhost, or a name the server was started with."""
    if not host_header:
        return False
    host = host_header.strip().lower()
    if host.startswith("["):  # [::1]:8765
        host = host[1:host.find("]")] if "]" in host else host
    elif host.count(":") == 1:
        host = host.rsplit(":", 1)[0]
    if host in ("localhost",) or host in extra_names:
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def origin_matches(origin: str | None, scheme: str, host_header: str | None) -> bool:
    return bool(origin) and bool(host_header) and origin == f"{scheme}://{host_header}"


@dataclass
class Budget:
    """A token bucket: ``rate`` requests a second on average, ``burst`` at once."""

    rate: float
    burst: float
    tokens: float = -1.0
    stamp: float = field(default_factory=time.monotonic)

    def take(self, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        if self.tokens < 0:
            self.tokens = self.burst
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


class Budgets:
    """One budget per key (a device, an address), forgotten when the table grows too large."""

    def __init__(self, rate: float, burst: float, limit: int = 10_000):
        self.rate, self.burst, self.limit = rate, burst, limit
        self._budgets: dict[str, Budget] = {}

    def take(self, key: str) -> bool:
        budget = self._budgets.get(key)
        if budget is None:
            if len(self._budgets) >= self.limit:
                self._budgets.clear()
            budget = self._budgets[key] = Budget(self.rate, self.burst)
        return budget.take()
