"""Operations: apply one validated intent to a database session.

Each operation loads the facts its rule needs through the shared domain model, asks the
rule (a pure function in :mod:`ker_field.domain.rules`), and writes its rows — or raises
:class:`~ker_field.domain.decision.RuleViolation`. The device's services call them and add
the outbox mutation in the same transaction; the central server calls the same operation
when that mutation arrives. One implementation, two places (DESIGN.md "Safety rules").
Operations never commit: the caller owns the transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy.orm import Session

from ker_field.domain.decision import Decision, RuleViolation
from ker_field.domain.rules.common import Actor

T = TypeVar("T")


class NotFound(LookupError):
    """A record the operation needs is not in this database."""

    def __init__(self, entity: str, ident: object) -> None:
        super().__init__(f"{entity} {ident} not found")
        self.entity = entity
        self.ident = ident


@dataclass(frozen=True)
class OpContext:
    session: Session
    actor: Actor
    site_id: uuid.UUID | None  # where the actor acts (gate, readings, handover)
    now: datetime  # when the rules are evaluated: the device's time of the action
    device_id: str
    received_at: datetime | None = None  # set on the server: its receipt time


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


def after(now: datetime, last: datetime | None) -> datetime:
    """``now``, or just after ``last``: the events of one lockout or one visit are folded in
    device-time order, so a clock that has not moved (or moved back) must not reorder them."""
    if last is not None and now <= last:
        return last + timedelta(microseconds=1)
    return now
