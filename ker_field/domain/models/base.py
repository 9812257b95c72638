"""Declarative base, column types and the sync columns every replicated row carries."""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Enum, ForeignKey, MetaData, String, Uuid
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them naive)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use timezone-aware UTC datetimes")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


def enum_type(enum_cls: type[enum.Enum]) -> Enum:
    """Enums are stored by value as VARCHAR (portable, no PostgreSQL type migrations)."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda cls: [member.value for member in cls],
        validate_strings=True,
    )


# Python annotation -> column type, for every declarative base of the project (the domain's,
# the device store's and the server's own tables).
TYPE_ANNOTATION_MAP: dict[Any, Any] = {
    datetime: UTCDateTime(),
    uuid.UUID: Uuid(),
    dict[str, Any]: JSON(),
    list[Any]: JSON(),
    str: String(255),
}


class Base(DeclarativeBase):
    """Base of the domain entities, shared by the device store and the central server."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = TYPE_ANNOTATION_MAP


class Synced:
    """Columns of every replicated row.

    ``id`` is made by the client (UUID4) so offline creations never collide;
    ``scope`` names the sync scope (see :mod:`ker_field.domain.scopes`);
    ``version`` is the server's version of the row (0 = not yet acknowledged);
    ``deleted`` is a tombstone: safety records are never hard-deleted.
    """

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    scope: Mapped[str] = mapped_column(String(80), index=True)
    version: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted: Mapped[bool] = mapped_column(default=False)


class TenantOwned(Synced):
    @declared_attr
    def tenant_id(cls) -> Mapped[uuid.UUID]:  # noqa: N805 (SQLAlchemy declared_attr)
        return mapped_column(ForeignKey("tenant.id"), index=True)


__all__ = ["Base", "Synced", "TenantOwned", "UTCDateTime", "enum_type", "utcnow"]
