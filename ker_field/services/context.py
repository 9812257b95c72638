"""What every use case needs to know: the store, who acts, where, on which device, and when."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from ker_field.domain.decision import Decision, RuleViolation
from ker_field.domain.models.base import utcnow
from ker_field.domain.rules.common import Actor
from ker_field.store.local import LocalStore, enqueue_mutation

T = TypeVar("T")


class NotFound(LookupError):
    """A record the use case needs is not in the local store."""

    def __init__(self, entity: str, ident: object) -> None:
        super().__init__(f"{entity} {ident} not found")
        self.entity = entity
        self.ident = ident


@dataclass(frozen=True)
class ServiceContext:
    store: LocalStore
    actor: Actor
    tenant_id: uuid.UUID
    site_id: uuid.UUID
    clock: Callable[[], datetime] = field(default=utcnow)

    @property
    def device_id(self) -> str:
        return self.store.device_id

    def now(self) -> datetime:
        return self.clock()

    def enqueue(
        self,
        session: Session,
        name: str,
        args: dict[str, Any],
        *,
        base_version: int | None = None,
        device_time: datetime | None = None,
    ) -> None:
        enqueue_mutation(
            session,
            name=name,
            args=args,
            user_id=self.actor.user_id,
            device_time=device_time or self.now(),
            base_version=base_version,
        )


def after(now: datetime, last: datetime | None) -> datetime:
    """``now``, or just after ``last``: the events of one lockout or one visit are folded in
    device-time order, so a clock that has not moved (or moved back) must not reorder them."""
    if last is not None and now <= last:
        return last + timedelta(microseconds=1)
    return now


def require(decision: Decision) -> Decision:
    """Raise RuleViolation when refused; return the decision (with its warnings) otherwise."""
    if not decision.allowed:
        raise RuleViolation(decision)
    return decision


def get_or_raise(session: Session, entity: type[T], ident: uuid.UUID) -> T:
    row = session.get(entity, ident)
    if row is None or getattr(row, "deleted", False):
        raise NotFound(entity.__name__, ident)
    return row


def wire(value: object) -> Any:
    """A JSON-safe form of a value for outbox args."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
