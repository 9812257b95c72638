"""Rows on the wire: a replicated entity's columns as JSON, and back to column values."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Callable, Sequence
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.types import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    String,
    Uuid,
)

from ker_field.domain.models import Base, Synced


def to_json(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    raise TypeError(f"cannot serialise {type(value).__name__}")


def row_to_json(obj: Synced) -> dict[str, Any]:
    mapper = obj.__mapper__  # type: ignore[attr-defined]
    return {attr.key: to_json(getattr(obj, attr.key)) for attr in mapper.column_attrs}


@cache
def entity_tables() -> dict[str, Table]:
    """Replicated entities by table name (the ``entity`` of a change)."""
    return {
        mapper.local_table.name: mapper.local_table  # type: ignore[misc,attr-defined]
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Synced)
    }


def _column_value(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    impl = getattr(kind, "impl", None)
    if isinstance(kind, Uuid):
        return uuid.UUID(str(value))
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return kind.enum_class(value)
    if isinstance(kind, DateTime) or isinstance(impl, DateTime):
        moment = dt.datetime.fromisoformat(value)
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    if isinstance(kind, Date):
        return dt.date.fromisoformat(value)
    if isinstance(kind, JSON):
        return value
    return value


def row_from_json(table: Table, data: dict[str, Any]) -> dict[str, Any]:
    """Column values of ``table`` from a wire row; unknown keys (a newer server) are ignored."""
    return {
        column.key: _column_value(column, data.get(column.key))
        for column in table.columns
        if column.key in data
    }


# -- wire rows to storage values, a column at a time -------------------------------------
#
# Applying a pull writes thousands of rows a page. Going through column values (UUID,
# datetime, enum objects) and back through SQLAlchemy's bind processors costs several times
# the insert itself, so the common wire forms go straight to what SQLite stores: a UUID's
# 32 hex digits, "YYYY-MM-DD HH:MM:SS.ffffff" for a UTC datetime, an enum's value, strings,
# numbers and booleans as they are. Each fast path checks a whole column first (mostly with
# set operations, which run in C); a column not in its form takes the general path
# (``_column_value`` and the bind processor), which gives the same values (a test compares
# both) and refuses what is malformed.


class MalformedRow(ValueError):
    """A wire row holds a value its column cannot take."""


ColumnEncoder = Callable[[Sequence[Any]], Sequence[Any]]
_UTC = "+00:00"
_NONE = type(None)


class _Slow(Exception):
    """This column is not in the fast path's form: take the general path."""


def _general(column: Column[Any], dialect: Dialect) -> ColumnEncoder:
    process = column.type.dialect_impl(dialect).bind_processor(dialect)

    def encode(values: Sequence[Any]) -> Sequence[Any]:
        try:
            if process is None:
                return [_column_value(column, v) for v in values]
            return [process(_column_value(column, v)) for v in values]
        except (ValueError, TypeError, AttributeError, LookupError) as exc:
            raise MalformedRow(f"{column.table.name}.{column.key}: {exc}") from None

    return encode


def _present(values: Sequence[Any]) -> Sequence[Any]:
    return [v for v in values if v is not None] if None in values else values


def _uuid_hex(values: Sequence[Any]) -> Sequence[Any]:
    present = _present(values)
    if not set(map(type, present)) <= {str}:
        raise _Slow()
    digits = "".join(present).replace("-", "")
    # 32 lowercase hex digits each (fromhex skips spaces: the byte count tells)
    if len(bytes.fromhex(digits)) != 16 * len(present) or digits.lower() != digits:
        raise _Slow()
    if len(present) == len(values):
        return [v.replace("-", "") for v in values]
    return [None if v is None else v.replace("-", "") for v in values]


def _datetime_text(values: Sequence[Any]) -> Sequence[Any]:
    present = _present(values)
    if not set(map(type, present)) <= {str} or not set(map(len, present)) <= {25, 32}:
        raise _Slow()
    for _ in map(dt.datetime.fromisoformat, present):  # real dates and times, or ValueError
        pass
    if {v[-6:] for v in present} - {_UTC} or {v[19] for v in present if len(v) == 32} - {"."}:
        raise _Slow()  # another offset (or none): the general path converts it
    return [
        None
        if v is None
        else v[:10] + " " + v[11:26]
        if len(v) == 32
        else v[:10] + " " + v[11:19] + ".000000"
        for v in values
    ]


def _date_text(values: Sequence[Any]) -> Sequence[Any]:
    present = _present(values)
    if not set(map(type, present)) <= {str} or not set(map(len, present)) <= {10}:
        raise _Slow()
    for _ in map(dt.date.fromisoformat, present):
        pass
    return values


def _of_types(*kinds: type) -> ColumnEncoder:
    allowed = {*kinds, _NONE}

    def encode(values: Sequence[Any]) -> Sequence[Any]:
        if not set(map(type, values)) <= allowed:
            raise _Slow()
        return values

    return encode


def _one_of(members: frozenset[str]) -> ColumnEncoder:
    allowed = {*members, None}

    def encode(values: Sequence[Any]) -> Sequence[Any]:
        if not set(values) <= allowed:  # an unhashable value raises TypeError: general path
            raise _Slow()
        return values

    return encode


def _fast(column: Column[Any], dialect: Dialect) -> ColumnEncoder | None:
    """The fast path of this column's type on SQLite, or None."""
    if dialect.name != "sqlite":
        return None
    kind = column.type
    impl = getattr(kind, "impl", None)
    if isinstance(kind, Uuid):
        return _uuid_hex
    if isinstance(kind, DateTime) or isinstance(impl, DateTime):
        return _datetime_text
    if isinstance(kind, Enum):
        return _one_of(frozenset(kind.enums))
    if isinstance(kind, Date):
        return _date_text
    if isinstance(kind, Boolean):
        return _of_types(bool)
    if isinstance(kind, Integer):
        return _of_types(int)
    if isinstance(kind, Float):
        return _of_types(int, float)
    if isinstance(kind, String):
        return _of_types(str)
    return None


@cache
def column_encoder(column: Column[Any], dialect: Dialect) -> ColumnEncoder:
    """Wire values of ``column`` to the values ``dialect`` stores for them;
    :class:`MalformedRow` for a value the column cannot take."""
    general = _general(column, dialect)
    fast = _fast(column, dialect)
    if fast is None:
        return general

    def encode(values: Sequence[Any]) -> Sequence[Any]:
        try:
            return fast(values)
        except (_Slow, ValueError, TypeError, AttributeError, IndexError):
            return general(values)

    return encode


def storage_rows(
    table: Table, dialect: Dialect, keys: tuple[str, ...], rows: list[dict[str, Any]]
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The column names and storage tuples of wire ``rows`` that all hold ``keys`` (keys
    that are no column of ``table``, say from a newer server, are left out).
    :class:`MalformedRow` when a value does not fit its column."""
    columns = [table.c[key] for key in keys if key in table.c]
    if not columns:
        return [], []
    if len(columns) == 1:
        by_column: list[Sequence[Any]] = [[r[columns[0].key] for r in rows]]
    else:  # row tuples, then columns, all in C
        by_column = list(zip(*map(itemgetter(*(c.key for c in columns)), rows), strict=True))
    encoded = [column_encoder(c, dialect)(v) for c, v in zip(columns, by_column, strict=True)]
    return [c.name for c in columns], list(zip(*encoded, strict=True))
