"""Running the room server: the ``serve`` entry, and the line protocol with the console that started it.

With ``control=True`` (the console's child process) the server speaks JSON lines:

- stdin, first line: ``{"access": {...} | null}`` — the links and devices to keep
  (a server restarted after a crash gets the same ones, so no device must rejoin),
  or null for new links; then commands: ``{"cmd": "revoke_device" | "revoke_link",
  "id": ...}``, ``{"cmd": "issue", "kind": ..., "role": ...}``, ``{"cmd": "stop"}``.
  End of input (the console went away) stops the server: it never outlives its console.
- stdout: ``{"type": "ready", "port": ..., "links": [...]}`` once listening, then
  ``{"type": "access", "access": {...}}`` whenever a device joins, is seen or is cut
  off (at most every 2 s), and ``{"type": "stopped", "reason": ...}``.

Without it (``crisisdesk serve`` in a terminal) it prints the links and runs until
Ctrl+C or ENDEX plus the grace period.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crisisdesk.server.access import AccessList, Kind, Link
from crisisdesk.server.wire import read_object
from crisisdesk.session.naming import short_name

DEVICE_REPORT_SECONDS = 2.0
ENDEX_CHECK_SECONDS = 5.0


def default_links(access: AccessList, package) -> None:
    """One link per kind, and one player link per played role."""
    access.issue(Kind.OBSERVER, label="Observateurs")
    access.issue(Kind.ANIMATOR, label="Animation")
    access.issue(Kind.DISPLAY, label="Écran de salle")
    for role in package.roles:
        if role.played:
            access.issue(Kind.PLAYER, role=role.id, label=role.name)


def link_info(link: Link, base: str) -> dict[str, Any]:
    return {"id": link.id, "kind": link.kind.value, "role": link.role, "label": link.label, "code": link.code,
            "url": base + link.path(), "revoked": link.revoked}


async def serve(path: Path | str, host: str, port: int, *, control: bool = False, grace_minutes: float | None = None,
                url_host: str | None = None, emit: Callable[[str], None] | None = None,
                stdin=None) -> str:
    """Run the server until told to stop; return why it stopped."""
    from aiohttp import web

    from crisisdesk.server.app import HUB, create_app
    from crisisdesk.server.gateway import SessionGateway

    emit = emit or (lambda line: print(line, flush=True))
    stdin = stdin or sys.stdin
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[str | None] = asyncio.Queue()

    def read_stdin() -> None:
        for raw in stdin:
            loop.call_soon_threadsafe(lines.put_nowait, raw)
        loop.call_soon_threadsafe(lines.put_nowait, None)

    reader = None
    if control:
        # A daemon thread, not the loop's executor: asyncio.run would wait for it at exit,
        # and it only returns when the console closes our input.
        import threading

        reader = threading.Thread(target=read_stdin, daemon=True, name="control-input")
        reader.start()

    access = AccessList()
    if control:
        first = read_object(await lines.get())
        given = first.get("access") if first else None
        if given:
            access = AccessList.from_dict(given)

    gateway = SessionGateway(path)
    await gateway.open()
    if not access.links:
        default_links(access, gateway.package)

    last_report = [0.0]
    report_due: list[asyncio.TimerHandle | None] = [None]

    def report_access(force: bool = False) -> None:
        if not control:
            return
        now = time.monotonic()
        if force or now - last_report[0] >= DEVICE_REPORT_SECONDS:
            last_report[0] = now
            emit(json.dumps({"type": "access", "access": access.to_dict()}, ensure_ascii=False))
        elif report_due[0] is None:
            def later() -> None:
                report_due[0] = None
                report_access(force=True)
            report_due[0] = loop.call_later(DEVICE_REPORT_SECONDS, later)

    names = frozenset({url_host} if url_host else set()) | frozenset({host})
    app = create_app(gateway, access, names=names, on_devices=report_access)
    runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=2.0)
    await runner.setup()
    site = web.TCPSite(runner, host, port, reuse_address=True)
    await site.start()
    bound = runner.addresses[0][1] if runner.addresses else port
    shown = url_host or host
    base = f"http://{'[' + shown + ']' if ':' in shown else shown}:{bound}"
    links = [link_info(link, base) for link in access.links.values()]
    if control:
        emit(json.dumps({"type": "ready", "port": bound, "base": base, "links": links,
                         "access": access.to_dict()}, ensure_ascii=False))
    else:
        emit(f"crisisdesk serve: {short_name(path) if isinstance(path, str) else path.name} on {base}/ (Ctrl+C stops; the links die with the server)")
        for info in links:
            who = info["label"] + (f" ({info['role']})" if info["role"] else "")
            emit(f"  {info['kind']:<9} {who:<40} {info['url']}  code {info['code']}")

    stop = asyncio.Event()
    reason = ["stopped"]

    def stop_for(why: str) -> None:
        reason[0] = why
        stop.set()

    async def commands() -> None:
        while True:
            raw = await lines.get()
            if raw is None:
                stop_for("input closed")
                return
            cmd = read_object(raw)
            if cmd is None:
                continue
            name = cmd.get("cmd")
            if name == "stop":
                stop_for("asked")
                return
            if name == "revoke_device" and access.revoke_device(str(cmd.get("id"))):
                app[HUB].drop_device(str(cmd.get("id")))
                report_access(force=True)
            elif name == "revoke_link" and access.revoke_link(str(cmd.get("id"))):
                for device in access.devices.values():
                    if device.link_id == cmd.get("id"):
                        app[HUB].drop_device(device.id)
                report_access(force=True)
            elif name == "issue":
                try:
                    link = access.issue(str(cmd.get("kind")), role=cmd.get("role"), label=str(cmd.get("label") or ""))
                except ValueError:
                    continue
                emit(json.dumps({"type": "link", "link": link_info(link, base)}, ensure_ascii=False))
                report_access(force=True)

    async def endex_watch() -> None:
        while grace_minutes is not None:
            await asyncio.sleep(ENDEX_CHECK_SECONDS)
            state = await gateway.state()
            if state.ended_at is not None and time.time() - state.ended_at >= grace_minutes * 60:
                stop_for("endex")
                return

    tasks = [loop.create_task(endex_watch())]
    if reader is not None:
        tasks.append(loop.create_task(commands()))
    try:
        await stop.wait()
    finally:
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await runner.cleanup()
        await gateway.close()
        if control:
            emit(json.dumps({"type": "stopped", "reason": reason[0]}))
    return reason[0]
