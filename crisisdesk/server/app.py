"""The room server's routes: pages, the JSON API, the event stream, attachments and static files.

Every request passes the guards (``guards.py``). A page is served for a live link
token in its path; the page then *joins* (the link token in a header) and gets a
device token, sent in a header with every API call (``X-Crisisdesk-Token``) and in
the query of the two GETs a browser cannot add headers to (the event stream and
images). What a token may read is its kind's view (``views.py``); what it may
write is in ``access.RIGHTS``. There is no route that moves the clock or fires,
skips or edits an inject.
"""

from __future__ import annotations

import asyncio
import json
import mimetypes
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web
from jinja2 import Environment, FileSystemLoader, select_autoescape

from crisisdesk.server import access as acc
from crisisdesk.server import guards, views
from crisisdesk.server.access import AccessList, Device, Kind, Link
from crisisdesk.server.gateway import NotYetStored, SessionGateway
from crisisdesk.server.live import CLOSING, KEEPALIVE_SECONDS, Hub
from crisisdesk.session.errors import InvalidActionError, SessionError, WriteFailedError
from crisisdesk.session.state import CHECK_STATUSES
from crisisdesk.vocabulary import CheckStatus, code_label

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
TEMPLATES_DIR = HERE / "templates"
# Attachment types a page may show; anything else is offered as a download.
INLINE_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
                ".gif": "image/gif", ".webp": "image/webp", ".pdf": "application/pdf", ".txt": "text/plain"}

GATEWAY = web.AppKey("gateway", SessionGateway)
ACCESS = web.AppKey("access", AccessList)
HUB = web.AppKey("hub", Hub)
OPTIONS = web.AppKey("options", dict)

PAGE_TEMPLATES = {Kind.OBSERVER: "observer.html.j2", Kind.ANIMATOR: "animator.html.j2",
                  Kind.PLAYER: "player.html.j2", Kind.DISPLAY: "display.html.j2"}


def _json(data: Any, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=lambda d: json.dumps(d, ensure_ascii=False))


def _refuse(status: int, error: str, message: str = "") -> web.Response:
    return _json({"error": error, "message": message}, status=status)


# -- guards -----------------------------------------------------------------------------

@web.middleware
async def guard(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]):
    options = request.app[OPTIONS]
    if not guards.host_allowed(request.headers.get("Host"), options["names"]):
        return _refuse(421, "bad_host", "unknown host name")
    if request.method not in ("GET", "HEAD", "POST"):
        return _refuse(405, "method_not_allowed")
    if request.method == "POST":
        if not guards.origin_matches(request.headers.get("Origin"), request.scheme, request.headers.get("Host")):
            return _refuse(403, "bad_origin", "requests must come from this server's own pages")
        if request.content_length is not None and request.content_length > guards.MAX_BODY:
            return _refuse(413, "too_large")
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        # A refusal raised deep in a handler, answered as a plain response (with our headers below).
        response = web.Response(status=exc.status, body=exc.body, headers=exc.headers)
    for name, value in guards.SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if not request.path.startswith("/static/"):
        response.headers.setdefault("Cache-Control", "no-store")
    return response


async def _body(request: web.Request) -> dict[str, Any]:
    """The JSON object of a POST, bounded; raise an HTTP refusal otherwise."""
    if request.content_type != "application/json":
        raise web.HTTPUnsupportedMediaType(text='{"error":"json_only"}', content_type="application/json")
    try:
        raw = await request.content.read(guards.MAX_BODY + 1)
    except Exception:
        raise web.HTTPBadRequest(text='{"error":"bad_body"}', content_type="application/json") from None
    if len(raw) > guards.MAX_BODY:
        raise web.HTTPRequestEntityTooLarge(guards.MAX_BODY, len(raw), text='{"error":"too_large"}',
                                            content_type="application/json")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise web.HTTPBadRequest(text='{"error":"bad_json"}', content_type="application/json") from None
    if not isinstance(data, dict):
        raise web.HTTPBadRequest(text='{"error":"bad_json"}', content_type="application/json")
    return data


def _address(request: web.Request) -> str:
    return request.remote or ""


def _device(request: web.Request, token: str | None) -> tuple[Link, Device]:
    """The link and device of a device token, or an HTTP refusal (401: unknown or revoked)."""
    access = request.app[ACCESS]
    if not token or len(token) > 64:
        _count_failure(request)
        raise web.HTTPUnauthorized(text='{"error":"no_token"}', content_type="application/json")
    found = access.authenticate(token)
    if found is None:
        _count_failure(request)
        error = "revoked" if access.is_revoked_device(token) else "unknown_token"
        raise web.HTTPUnauthorized(text=json.dumps({"error": error}), content_type="application/json")
    link, device = found
    access.seen(device, _address(request))
    request.app[OPTIONS]["on_devices"]()
    return link, device


def _count_failure(request: web.Request) -> None:
    if not request.app[OPTIONS]["failures"].take(_address(request)):
        raise web.HTTPTooManyRequests(text='{"error":"too_many_requests"}', content_type="application/json")


def _header_device(request: web.Request) -> tuple[Link, Device]:
    return _device(request, request.headers.get("X-Crisisdesk-Token"))


def _writer(request: web.Request, right: str) -> tuple[Link, Device]:
    link, device = _header_device(request)
    if not link.can(right):
        raise web.HTTPForbidden(text='{"error":"forbidden"}', content_type="application/json")
    if not request.app[OPTIONS]["writes"].take(device.id):
        raise web.HTTPTooManyRequests(text='{"error":"too_many_requests"}', content_type="application/json")
    return link, device


def _text(data: dict, key: str, *, required: bool = False, limit: int = guards.MAX_TEXT) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise web.HTTPBadRequest(text=json.dumps({"error": "missing", "field": key}),
                                     content_type="application/json")
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise web.HTTPBadRequest(text=json.dumps({"error": "bad_value", "field": key}),
                                 content_type="application/json")
    return value


def _client_id(data: dict) -> str:
    value = _text(data, "client_id", required=True, limit=guards.MAX_ID)
    if not all(ch.isalnum() or ch in "-_" for ch in value):
        raise web.HTTPBadRequest(text='{"error":"bad_value","field":"client_id"}', content_type="application/json")
    return value


async def _store(write: Awaitable[Any]) -> Any:
    """Run a write; refusals of the store become 400, a kept write 503 (the client keeps and retries)."""
    try:
        return await write
    except (WriteFailedError, NotYetStored) as exc:
        raise web.HTTPServiceUnavailable(text=json.dumps({"error": "not_stored", "message": str(exc)}),
                                         content_type="application/json") from None
    except InvalidActionError as exc:
        raise web.HTTPBadRequest(text=json.dumps({"error": exc.code, "message": str(exc)}, ensure_ascii=False),
                                 content_type="application/json") from None
    except SessionError as exc:
        raise web.HTTPServiceUnavailable(text=json.dumps({"error": exc.code, "message": str(exc)},
                                                         ensure_ascii=False),
                                         content_type="application/json") from None


# -- views ------------------------------------------------------------------------------

def view_key(link: Link) -> tuple:
    return (link.kind.value, link.role)


def _compute_view(package, state, key: tuple) -> dict[str, Any]:
    kind, role = key
    if kind == Kind.OBSERVER.value:
        return views.observer_view(state, package)
    if kind == Kind.ANIMATOR.value:
        return views.animator_view(state, package)
    if kind == Kind.PLAYER.value:
        return views.player_view(state, package, role)
    return views.display_view(state, package)


class ViewCache:
    """Each kind's view as JSON, rebuilt only when what it depends on changed (``views.signature``).

    Thirty devices and an entry every 100 ms: the players' views would otherwise be
    rebuilt for every entry, which never changes them. The clock is added fresh.
    """

    def __init__(self):
        self._views: dict[tuple, tuple[tuple, str]] = {}

    def payload(self, package, state, key: tuple) -> tuple[tuple, str]:
        """(what the view depends on, the view as JSON) for ``key`` as of ``state``."""
        sig = views.signature(key[0], state)
        hit = self._views.get(key)
        if hit is None or hit[0] != sig:
            view = _compute_view(package, state, key)
            view.pop("clock", None)
            hit = (sig, json.dumps(view, ensure_ascii=False, separators=(",", ":")))
            self._views[key] = hit
        clock = json.dumps(views.clock_view(state), ensure_ascii=False, separators=(",", ":"))
        return sig, '{"clock":' + clock + "," + hit[1][1:]


async def view_payload(app: web.Application, key: tuple) -> tuple[tuple, str]:
    gateway = app[GATEWAY]
    state = await gateway.state()
    return app[OPTIONS]["views"].payload(gateway.package, state, key)


async def _allowed_attachments(app: web.Application, link: Link) -> set[str]:
    state = await app[GATEWAY].state()
    if link.kind is Kind.PLAYER:
        return views.player_attachments(state, link.role)
    if link.kind is Kind.DISPLAY:
        return views.display_attachments(state)
    if link.kind is Kind.ANIMATOR:
        return views.animator_attachments(state)
    return views.observer_attachments(state)


# -- handlers ---------------------------------------------------------------------------

async def index(request: web.Request) -> web.Response:
    return _page(request, "code.html.j2", {"error": None})


async def code_form(request: web.Request) -> web.StreamResponse:
    """A short code typed on a device: redirect to its link (rate-bounded per address)."""
    if not request.app[OPTIONS]["codes"].take(_address(request)):
        return _page(request, "code.html.j2", {"error": "too_many"}, status=429)
    if request.content_type != "application/x-www-form-urlencoded":
        return _page(request, "code.html.j2", {"error": "bad"}, status=400)
    form = await request.post()
    code = form.get("code")
    link = request.app[ACCESS].link_by_code(code if isinstance(code, str) else "")
    if link is None:
        return _page(request, "code.html.j2", {"error": "unknown"}, status=404)
    raise web.HTTPSeeOther(link.path())


async def page(request: web.Request) -> web.Response:
    kind = acc.KIND_OF_PREFIX.get(request.match_info["prefix"])
    link = request.app[ACCESS].link_by_token(request.match_info["token"])
    if kind is None or link is None or link.kind is not kind:
        _count_failure(request)
        return _page(request, "gone.html.j2", {}, status=404)
    package = request.app[GATEWAY].package
    boot = {"kind": kind.value, "link": link.token, "role": link.role, "label": link.label,
            "title": package.exercise.title,
            # The verdict words of the core glossary, as the console and the report say them.
            "check_words": {code.value: code_label(code, "fr") for code in CheckStatus}}
    return _page(request, PAGE_TEMPLATES[kind], {"boot": boot, "title": package.exercise.title,
                                                  "role_name": package.role(link.role).name if link.role else ""})


async def join(request: web.Request) -> web.Response:
    if not request.app[OPTIONS]["joins"].take(_address(request)):
        return _refuse(429, "too_many_requests")
    data = await _body(request)
    link = request.app[ACCESS].link_by_token(request.headers.get("X-Crisisdesk-Link", "")[:64])
    if link is None:
        _count_failure(request)
        return _refuse(401, "unknown_link")
    name = acc.clean_name(data.get("name"))
    if link.kind in (Kind.OBSERVER, Kind.ANIMATOR) and not name:
        return _refuse(400, "name_required", "give your name: it signs what you write")
    device = request.app[ACCESS].join(link, name or link.kind.value, _address(request))
    request.app[OPTIONS]["on_devices"](force=True)
    return _json({"device": device.token, "device_id": device.id, "kind": link.kind.value, "role": link.role,
                  "name": device.name})


async def view(request: web.Request) -> web.Response:
    link, _device_ = _header_device(request)
    _sig, payload = await view_payload(request.app, view_key(link))
    return web.Response(text=payload, content_type="application/json", charset="utf-8")


async def live(request: web.Request) -> web.StreamResponse:
    link, device = _device(request, request.query.get("t"))
    hub = request.app[HUB]
    if sum(1 for listener in hub.listeners if listener.device_id == device.id) >= 4:
        return _refuse(429, "too_many_streams")
    listener = hub.add(view_key(link), device.id)
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream; charset=utf-8",
                                           "Cache-Control": "no-store", "X-Accel-Buffering": "no"})
    for name, value in guards.SECURITY_HEADERS.items():
        response.headers[name] = value
    await response.prepare(request)
    try:
        _sig, first = await view_payload(request.app, view_key(link))
        await response.write(f"retry: 2000\nevent: view\ndata: {first}\n\n".encode())
        while True:
            try:
                payload = await asyncio.wait_for(listener.queue.get(), KEEPALIVE_SECONDS)
            except TimeoutError:
                await response.write(b": keep-alive\n\n")
                continue
            if payload == CLOSING:
                break  # the server stops: the page shows it is offline and tries again
            if payload is None or request.app[ACCESS].authenticate(device.token) is None:
                await response.write(b"event: revoked\ndata: {}\n\n")
                break
            await response.write(f"event: view\ndata: {payload}\n\n".encode())
            request.app[ACCESS].seen(device, _address(request))
    except (ConnectionResetError, asyncio.CancelledError):
        pass
    finally:
        hub.remove(listener)
    return response


async def post_entry(request: web.Request) -> web.Response:
    _link, device = _writer(request, acc.WRITE_ENTRY)
    data = await _body(request)
    role = _text(data, "role", limit=64)
    kind = _text(data, "kind", limit=32)
    stored = await _store(request.app[GATEWAY].log_entry(
        observer=device.name, line=_text(data, "line", required=True), role=role, kind=kind,
        inject_id=_text(data, "inject_id", limit=64), client_id=_client_id(data),
        supersedes=_text(data, "supersedes", limit=guards.MAX_ID)))
    request.app[HUB].poke()
    return _json({"stored": True, "entry": stored})


async def post_check(request: web.Request) -> web.Response:
    _link, device = _writer(request, acc.CHECK_EXPECTATION)
    data = await _body(request)
    status = _text(data, "status", required=True, limit=16)
    index = data.get("index")
    if status not in CHECK_STATUSES or isinstance(index, bool) or not isinstance(index, int):
        return _refuse(400, "bad_value")
    await _store(request.app[GATEWAY].check(
        observer=device.name, inject_id=_text(data, "inject_id", required=True, limit=64), index=index,
        status=status, note=_text(data, "note") or "", client_id=_client_id(data)))
    request.app[HUB].poke()
    return _json({"stored": True})


async def post_delivered(request: web.Request) -> web.Response:
    _link, device = _writer(request, acc.DELIVER)
    data = await _body(request)
    await _store(request.app[GATEWAY].deliver(
        animator=device.name, inject_id=_text(data, "inject_id", required=True, limit=64),
        client_id=_client_id(data)))
    request.app[HUB].poke()
    return _json({"stored": True})


async def attachment(request: web.Request) -> web.Response:
    """A package file, only if it belongs to an inject this token may see (no path is ever opened)."""
    link, _device_ = _device(request, request.query.get("t"))
    path = request.match_info["path"]
    if path not in await _allowed_attachments(request.app, link):
        return _refuse(404, "not_found")
    try:
        data = await request.app[GATEWAY].attachment(path)
    except SessionError:
        return _refuse(404, "not_found")
    suffix = Path(path).suffix.lower()
    headers = {"Content-Security-Policy": guards.ATTACHMENT_CSP}
    if suffix in INLINE_TYPES:
        content_type = INLINE_TYPES[suffix]
    else:
        content_type = "application/octet-stream"
        headers["Content-Disposition"] = "attachment"
    return web.Response(body=data, content_type=content_type, headers=headers)


def _static_files() -> dict[str, tuple[bytes, str]]:
    """Our own assets, read once: a name in the URL is looked up, never joined to a path."""
    files = {}
    for path in STATIC_DIR.iterdir():
        if path.is_file():
            files[path.name] = (path.read_bytes(), mimetypes.guess_type(path.name)[0] or "application/octet-stream")
    return files


async def static(request: web.Request) -> web.Response:
    found = request.app[OPTIONS]["static"].get(request.match_info["name"])
    if found is None:
        return _refuse(404, "not_found")
    data, content_type = found
    return web.Response(body=data, content_type=content_type, headers={"Cache-Control": "no-cache"})


async def health(request: web.Request) -> web.Response:
    return _json({"ok": True})


async def no_icon(request: web.Request) -> web.Response:
    return web.Response(status=204)  # browsers ask for it; an empty answer keeps their consoles quiet


# -- the application --------------------------------------------------------------------

_TEMPLATES = Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)), autoescape=select_autoescape(["j2", "html"]))


def _page(request: web.Request, template: str, context: dict[str, Any], status: int = 200) -> web.Response:
    html = _TEMPLATES.get_template(template).render(**context)
    return web.Response(text=html, content_type="text/html", charset="utf-8", status=status)


def create_app(gateway: SessionGateway, access: AccessList, *, names: frozenset[str] = frozenset(),
               on_devices: Callable[..., None] | None = None) -> web.Application:
    """The aiohttp application for an opened gateway; the hub starts with the app."""
    app = web.Application(middlewares=[guard], client_max_size=guards.MAX_BODY)
    app[GATEWAY] = gateway
    app[ACCESS] = access
    app[OPTIONS] = {
        "names": frozenset(n.lower() for n in names),
        "static": _static_files(),
        "writes": guards.Budgets(rate=5, burst=20),
        "joins": guards.Budgets(rate=2, burst=60),  # a whole room may join at once behind one address
        "codes": guards.Budgets(rate=0.2, burst=10),
        "failures": guards.Budgets(rate=0.5, burst=30),
        "on_devices": on_devices or (lambda force=False: None),
        "views": ViewCache(),
    }

    async def build(key: tuple) -> tuple[tuple, str]:
        return await view_payload(app, key)

    app[HUB] = Hub(gateway.refresh, build)

    async def start_hub(app_: web.Application) -> None:
        app_[HUB].start()

    async def stop_hub(app_: web.Application) -> None:
        await app_[HUB].stop()

    app.on_startup.append(start_hub)
    app.on_shutdown.append(stop_hub)
    app.router.add_get("/", index)
    app.router.add_post("/code", code_form)
    app.router.add_get("/health", health)
    app.router.add_get("/favicon.ico", no_icon)
    app.router.add_get("/static/{name}", static)
    app.router.add_post("/api/join", join)
    app.router.add_get("/api/view", view)
    app.router.add_get("/api/live", live)
    app.router.add_post("/api/entries", post_entry)
    app.router.add_post("/api/checks", post_check)
    app.router.add_post("/api/delivered", post_delivered)
    app.router.add_get("/api/att/{path:.+}", attachment)
    app.router.add_get(r"/{prefix:[a-z]}/{token:[A-Za-z0-9_-]{1,64}}/", page)
    return app
