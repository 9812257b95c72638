"""Wire rows to what the device's SQLite stores: the fast column encoders give exactly what
SQLAlchemy's own bind processors give, for every column of every replicated table, and a
value a column cannot take is refused. Pull pages of the wrong shape are refused."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import orjson
import pytest
from sqlalchemy import Column
from sqlalchemy.dialects import sqlite
from sqlalchemy.types import JSON, Boolean, Date, DateTime, Enum, Float, Integer, String, Uuid

from sync.protocol.pull import MalformedPage, parse_pull_page
from sync.protocol.rows import (
    MalformedRow,
    column_encoder,
    entity_tables,
    row_from_json,
    storage_rows,
    to_json,
)

DIALECT = sqlite.dialect()
MOMENTS = [
    dt.datetime(2026, 3, 1, 6, 0, 5, 123456, tzinfo=dt.UTC),
    dt.datetime(2026, 3, 1, 6, 0, 5, tzinfo=dt.UTC),  # no microseconds on the wire
    dt.datetime(2026, 3, 1, 3, 0, 5, 7, tzinfo=dt.timezone(dt.timedelta(hours=-3))),
]


def wire_values(column: Column[Any]) -> list[Any]:
    """Values of the column's type as a server sends them (None included when nullable)."""
    kind = column.type
    values: list[Any]
    if isinstance(kind, Uuid):
        values = [str(uuid.uuid4()) for _ in range(3)]
    elif isinstance(kind, DateTime) or isinstance(getattr(kind, "impl", None), DateTime):
        values = [m.isoformat() for m in MOMENTS] + ["2026-03-01T06:00:05"]  # naive: UTC
    elif isinstance(kind, Enum):
        values = list(kind.enums)
    elif isinstance(kind, Date):
        values = ["2026-03-01", "2025-12-31"]
    elif isinstance(kind, Boolean):
        values = [True, False]
    elif isinstance(kind, Integer):
        values = [0, 7, -3]
    elif isinstance(kind, Float):
        values = [1.5, 2, 0.0]
    elif isinstance(kind, String):
        values = ["Diésel", "", "Portón norte"]
    elif isinstance(kind, JSON):
        values = [{"a": [1, "ñ"]}, [1, 2]]
    else:
        pytest.fail(f"no sample values for {kind!r}")
    return [*values, None] if column.nullable else values


def expected(column: Column[Any], values: list[Any]) -> list[Any]:
    """What SQLAlchemy sends the driver for these values (column values first)."""
    process = column.type.dialect_impl(DIALECT).bind_processor(DIALECT)
    decoded = [row_from_json(column.table, {column.key: v})[column.key] for v in values]  # type: ignore[arg-type]
    return [process(v) if process else v for v in decoded]


COLUMNS = [
    pytest.param(column, id=f"{table.name}.{column.key}")
    for table in entity_tables().values()
    for column in table.columns
]


@pytest.mark.parametrize("column", COLUMNS)
def test_each_column_is_stored_as_sqlalchemy_would_store_it(column: Column[Any]) -> None:
    values = wire_values(column)
    got = list(column_encoder(column, DIALECT)(values))
    assert got == expected(column, values)
    # each value alone too (a column of one form takes the fast path)
    for value in values:
        assert list(column_encoder(column, DIALECT)([value])) == expected(column, [value])


def _first(kind: type) -> Column[Any]:
    for table in entity_tables().values():
        for column in table.columns:
            kinds = (column.type, getattr(column.type, "impl", None))
            if any(isinstance(k, kind) for k in kinds) and not isinstance(column.type, Enum):
                return column
    raise LookupError(kind)


@pytest.mark.parametrize(
    ("kind", "bad"),
    [
        (Uuid, "not-a-uuid"),
        (Uuid, "12345"),
        (Uuid, 42),
        (DateTime, "yesterday"),
        (DateTime, "2026-13-01T00:00:00+00:00"),
        (Enum, "no-such-member"),
        (Boolean, "yes"),
        (Date, "2026-02-30"),
    ],
)
def test_a_value_the_column_cannot_take_is_refused(kind: type, bad: object) -> None:
    if kind is Enum:
        column = next(
            c
            for t in entity_tables().values()
            for c in t.columns
            if isinstance(c.type, Enum) and c.type.enum_class is not None
        )
    else:
        column = _first(kind)
    good = wire_values(column)[0]
    with pytest.raises(MalformedRow, match=column.key):
        column_encoder(column, DIALECT)([good, bad])


def test_rows_become_tuples_in_key_order_without_unknown_keys() -> None:
    table = entity_tables()["access_log"]
    ident = uuid.uuid4()
    row = {
        "id": str(ident),
        "scope": "site:x",
        "deleted": False,
        "device_time": "2026-03-01T06:00:05+00:00",
        "from_a_newer_server": 1,
    }
    names, values = storage_rows(table, DIALECT, tuple(row), [row])
    assert names == ["id", "scope", "deleted", "device_time"]
    assert values == [(ident.hex, "site:x", False, "2026-03-01 06:00:05.000000")]


def page(**overrides: Any) -> bytes:
    body = {
        "scope": "site:x",
        "changes": [
            {
                "seq": 3,
                "scope": "site:x",
                "entity": "asset",
                "id": str(uuid.uuid4()),
                "op": "upsert",
                "row": {"name": "Tablero"},
            }
        ],
        "next_cursor": 3,
        "has_more": False,
        "remaining": 0,
        "reset": False,
        "server_time": to_json(dt.datetime.now(dt.UTC)),
    }
    body.update(overrides)
    return orjson.dumps(body)


def test_a_pull_page_is_read() -> None:
    parsed = parse_pull_page(page())
    assert (parsed.scope, parsed.next_cursor, parsed.has_more, parsed.reset) == (
        "site:x",
        3,
        False,
        False,
    )
    assert parsed.changes[0]["row"] == {"name": "Tablero"}


@pytest.mark.parametrize(
    "body",
    [
        page()[:-20],  # truncated
        b"<html>502 Bad Gateway</html>",
        b"[]",
        page(next_cursor="3"),
        page(has_more=None),
        page(changes={"seq": 1}),
        page(changes=[{"seq": 1, "entity": "asset", "id": "x", "op": "merge", "row": None}]),
        page(changes=[{"seq": 1, "entity": "asset", "id": "x", "op": ["upsert"], "row": None}]),
        page(changes=[{"seq": 1, "entity": "asset", "id": "x", "op": "upsert", "row": [1]}]),
        page(changes=[{"entity": "asset", "id": "x", "op": "upsert", "row": None}]),
        page(changes=[7]),
    ],
)
def test_a_body_that_is_no_pull_page_is_refused(body: bytes) -> None:
    with pytest.raises(MalformedPage):
        parse_pull_page(body)
