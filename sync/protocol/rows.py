"""Rows on the wire: a replicated entity's columns as JSON, and back to column values."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from functools import cache
from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy.types import JSON, Date, DateTime, Enum, Uuid

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
