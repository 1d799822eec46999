"""Helpers for the room-server tests: a session, the app on a real socket, and an HTTP client."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from crisisdesk.server.access import AccessList, Kind, Link
from crisisdesk.server.app import create_app
from crisisdesk.server.control import default_links
from crisisdesk.server.gateway import SessionGateway


@dataclass
class Room:
    client: TestClient
    access: AccessList
    path: Path

    @property
    def origin(self) -> str:
        return str(self.client.make_url("/")).rstrip("/")

    def link(self, kind: Kind, role: str | None = None) -> Link:
        return next(lk for lk in self.access.links.values() if lk.kind is kind and lk.role == role and not lk.revoked)

    async def join(self, kind: Kind, role: str | None = None, name: str = "Inès Müller") -> str:
        link = self.link(kind, role)
        response = await self.client.post("/api/join", json={"name": name},
                                          headers={"X-Crisisdesk-Link": link.token, "Origin": self.origin})
        assert response.status == 200, await response.text()
        return (await response.json())["device"]

    async def post(self, path: str, token: str, body: dict, *, origin: str | None = "same"):
        headers = {"X-Crisisdesk-Token": token}
        if origin is not None:
            headers["Origin"] = self.origin if origin == "same" else origin
        return await self.client.post(path, json=body, headers=headers)

    async def view(self, token: str) -> dict:
        response = await self.client.get("/api/view", headers={"X-Crisisdesk-Token": token})
        assert response.status == 200, await response.text()
        return await response.json()


@contextlib.asynccontextmanager
async def running_room(path: Path):
    gateway = SessionGateway(path)
    await gateway.open()
    access = AccessList()
    default_links(access, gateway.package)
    app = create_app(gateway, access)
    server = TestServer(app, host="127.0.0.1")
    client = TestClient(server)
    await client.start_server()
    try:
        yield Room(client, access, path)
    finally:
        await client.close()
        await gateway.close()


def run(coro):
    return asyncio.run(coro)
