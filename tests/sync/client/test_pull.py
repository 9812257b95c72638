"""Pulling pages from the real server: many small pages give the same device as one large
page, tombstones and the latest change of a row win, and a garbled page or row leaves the
device and its cursor as they were (the next round goes on from there)."""

from __future__ import annotations

from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import func, select

from ker_field.domain import demo
from ker_field.domain.models import Asset
from ker_field.store.tables import SyncState
from sync.client.api import ServerApi, ServerUnavailable
from sync.client.engine import SyncEngine
from sync.server.db import session_factory
from tests.helpers.live_server import LiveServer

STGO = demo.SITE_IDS["STGO"]
PANEL = demo.demo_id("asset", "STGO", "1")
PUMP = demo.demo_id("asset", "STGO", "2")


def rows_of(store: Any, entity: Any) -> dict[Any, tuple[Any, ...]]:
    with store.sessions() as session:
        return {
            row.id: (row.name, row.version, row.deleted)
            for row in session.scalars(select(entity).where(entity.site_id == STGO))
        }


def cursors(store: Any) -> dict[str, int]:
    with store.sessions() as session:
        return {s.scope: s.cursor for s in session.scalars(select(SyncState))}


def server_edit(server: LiveServer, asset_id: Any, **values: Any) -> None:
    with session_factory(server.engine)() as session, session.begin():
        asset = session.get(Asset, asset_id)
        assert asset is not None
        for key, value in values.items():
            setattr(asset, key, value)


def test_small_pages_fill_the_device_as_one_large_page_does(device_for, live_server):
    one, many = device_for("tecnico", "one-page"), device_for("tecnico", "many-pages")
    many.engine.page_size = 7
    progress: list[tuple[str, int, int]] = []
    big = one.engine.pull(one.scopes)
    small = many.engine.pull(many.scopes, lambda *p: progress.append(p))
    assert small.applied >= big.applied > 100  # a row changed twice may come in two pages
    assert rows_of(many.store, Asset) == rows_of(one.store, Asset)
    assert cursors(many.store) == cursors(one.store)
    site = [p for p in progress if p[0] == f"pull:site:{STGO}"]
    assert len(site) > 10  # page after page, each with its progress
    assert site[-1][1] == site[-1][2]  # ends complete
    assert all(done <= total for _, done, total in site)


def test_a_deleted_row_arrives_as_a_tombstone_and_the_latest_change_wins(device_for, live_server):
    tech = device_for("tecnico")
    tech.engine.pull(tech.scopes)
    server_edit(live_server, PANEL, name="Tablero renombrado")
    server_edit(live_server, PANEL, name="Tablero definitivo")  # same row, later change
    server_edit(live_server, PUMP, deleted=True)
    report = tech.engine.pull(tech.scopes)
    assert report.applied == 2  # one row each: the panel's two changes came as one
    assets = rows_of(tech.store, Asset)
    assert assets[PANEL] == ("Tablero definitivo", 3, False)
    assert assets[PUMP][1:] == (2, True)


class Garbling(httpx.BaseTransport):
    """The real network, except that the n-th pull answer is spoiled by ``spoil``."""

    def __init__(self, spoil: Any, at: int) -> None:
        self.inner, self.spoil, self.at, self.pulls = httpx.HTTPTransport(), spoil, at, 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path != "/sync/pull":
            return response
        self.pulls += 1
        body = response.read()
        if self.pulls == self.at:
            body = self.spoil(body)
        return httpx.Response(response.status_code, headers=response.headers, content=body)

    def close(self) -> None:
        self.inner.close()


def truncated(body: bytes) -> bytes:
    return body[: len(body) // 2]


def bad_uuid(body: bytes) -> bytes:
    page = orjson.loads(body)
    page["changes"][-1]["id"] = "not-a-uuid"
    return orjson.dumps(page)


def bad_time(body: bytes) -> bytes:
    page = orjson.loads(body)
    page["changes"][0]["row"]["updated_at"] = "yesterday"
    return orjson.dumps(page)


@pytest.mark.parametrize("spoil", [truncated, bad_uuid, bad_time])
def test_a_garbled_page_changes_nothing_and_the_next_round_goes_on(live_server, tmp_path, spoil):
    from ker_field.store.local import LocalStore

    store = LocalStore.open(tmp_path / "device")
    api = ServerApi(live_server.url, store.device_id, transport=Garbling(spoil, at=3))
    try:
        user = api.login("tecnico", "tecnico123")["user"]
        scopes = [f"tenant:{user['tenant_id']}", f"site:{STGO}", f"user:{user['id']}"]
        engine = SyncEngine(store, api, demo.USER_IDS["tecnico"], live_server.clock, page_size=5)
        with pytest.raises(ServerUnavailable, match="malformed"):
            engine.pull(scopes)
        # pages 1 and 2 (the tenant's first ten changes) are in, page 3 is not
        kept = cursors(store)
        assert kept[scopes[0]] > 0 and scopes[1] not in kept
        with store.sessions() as session:
            assert session.scalar(select(func.count()).select_from(Asset)) == 0
        report = engine.pull(scopes)  # the next round: the page comes again, unspoiled
        assert report.applied > 0 and len(rows_of(store, Asset)) == 25
        assert cursors(store)[scopes[0]] > kept[scopes[0]]
    finally:
        api.close()
        store.close()
