"""Pull pages are put together from the change log's stored JSON text: every page is still
a valid PullResponse, its rows are the logged rows, and paging walks the log exactly once."""

from __future__ import annotations

from sqlalchemy import select

from ker_field.domain import demo
from ker_field.domain.models import Asset
from sync.protocol import ChangeOp, PullResponse
from sync.server.db import session_factory
from sync.server.tables import ChangeLogEntry

STGO = f"site:{demo.SITE_IDS['STGO']}"
PANEL = demo.demo_id("asset", "STGO", "1")


def logged(server, scope):
    with session_factory(server.engine)() as session:
        return [
            (e.seq, e.entity, e.row_id, e.op, e.row)
            for e in session.scalars(
                select(ChangeLogEntry)
                .where(ChangeLogEntry.scope == scope)
                .order_by(ChangeLogEntry.seq)
            )
        ]


def test_pages_are_valid_pull_responses_holding_the_logged_rows(live_server, login):
    with session_factory(live_server.engine)() as session, session.begin():
        panel = session.get(Asset, PANEL)
        panel.name = 'Tablero "norte" — eléctrico\\01'  # quotes, a backslash, non-ASCII
        panel.deleted = True
    tech = login("tecnico")
    pages, cursor = [], 0
    while True:
        answer = tech.get("/sync/pull", params={"scope": STGO, "after": cursor, "limit": 7})
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"] == "application/json"
        page = PullResponse.model_validate_json(answer.content)  # the documented shape
        pages.append(page)
        cursor = page.next_cursor
        if not page.has_more:
            break
    changes = [c for p in pages for c in p.changes]
    assert [(c.seq, c.entity, c.id, c.op.value, c.row) for c in changes] == logged(
        live_server, STGO
    )
    assert all(len(p.changes) == 7 for p in pages[:-1])
    assert [p.remaining for p in pages] == [
        len(changes) - 7 * (n + 1) for n in range(len(pages) - 1)
    ] + [0]
    last = changes[-1]
    assert (last.id, last.op) == (PANEL, ChangeOp.DELETE)
    assert last.row is not None and last.row["name"] == 'Tablero "norte" — eléctrico\\01'


def test_a_cursor_at_the_end_gets_an_empty_page(live_server, login):
    tech = login("tecnico")
    end = logged(live_server, STGO)[-1][0]
    page = tech.get("/sync/pull", params={"scope": STGO, "after": end}).json()
    assert page["changes"] == [] and page["next_cursor"] == end
    assert page["has_more"] is False and page["remaining"] == 0


def test_remaining_is_counted_only_when_asked(live_server, login):
    tech = login("tecnico")
    counted = tech.get("/sync/pull", params={"scope": STGO, "limit": 5}).json()
    uncounted = tech.get("/sync/pull", params={"scope": STGO, "limit": 5, "count": "false"})
    assert counted["remaining"] == len(logged(live_server, STGO)) - 5
    assert uncounted.json()["remaining"] == -1  # more to come, not counted
    assert uncounted.json()["changes"] == counted["changes"]
    end = counted["next_cursor"] + 10_000_000
    last = tech.get("/sync/pull", params={"scope": STGO, "after": end, "count": "false"}).json()
    assert last["has_more"] is False and last["remaining"] == 0
