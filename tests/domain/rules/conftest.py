"""Shared facts and builders for the safety-rule tests.

The rules are pure functions, so the helpers here are plain functions and constants
(importable from the Hypothesis tests too, which cannot use function-scoped fixtures).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from ker_field.domain.decision import Decision
from ker_field.domain.enums import LotoEvent, UserRole
from ker_field.domain.rules.common import Actor
from ker_field.domain.rules.loto import LockoutState, LotoEntry, apply_entry, check_step

NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)
PHOTO = "a" * 64
OTHER_PHOTO = "b" * 64

# People. Fixed ids keep failure output readable.
TECH_A = Actor(uuid.UUID(int=0xA), UserRole.TECHNICIAN)
TECH_B = Actor(uuid.UUID(int=0xB), UserRole.TECHNICIAN)
TECH_D = Actor(uuid.UUID(int=0xD), UserRole.TECHNICIAN)
SUPERVISOR = Actor(uuid.UUID(int=0x5), UserRole.SUPERVISOR)
OTHER_SUPERVISOR = Actor(uuid.UUID(int=0x6), UserRole.SUPERVISOR)
ADMIN = Actor(uuid.UUID(int=0x7), UserRole.ADMIN)
GUARD = Actor(uuid.UUID(int=0x8), UserRole.GUARD)

# Isolation points of a LOTO procedure (energy source ids), and one that is not in it.
POINT_1 = uuid.UUID(int=0x101)
POINT_2 = uuid.UUID(int=0x102)
UNKNOWN_POINT = uuid.UUID(int=0x1FF)
POINTS = (POINT_1, POINT_2)


def loto(event: LotoEvent, actor: Actor, **fields: object) -> LotoEntry:
    """A LotoLog entry recorded by ``actor``."""
    return LotoEntry(id=uuid.uuid4(), event=event, user_id=actor.user_id, **fields)  # type: ignore[arg-type]


def lock_on(
    actor: Actor, point: uuid.UUID | None, serial: str | None, **fields: object
) -> LotoEntry:
    """A LOCK_APPLIED entry with a photo unless overridden."""
    values: dict[str, object] = {"photo_sha256": PHOTO} | fields
    return loto(LotoEvent.LOCK_APPLIED, actor, energy_source_id=point, lock_serial=serial, **values)


def lock_off(actor: Actor, lock: LotoEntry, **fields: object) -> LotoEntry:
    """A normal LOCK_REMOVED entry with both confirmations and a photo unless overridden."""
    values: dict[str, object] = {
        "area_clear": True,
        "people_notified": True,
        "photo_sha256": OTHER_PHOTO,
    } | fields
    return loto(LotoEvent.LOCK_REMOVED, actor, lock_ref_id=lock.id, **values)


def lock_off_exception(actor: Actor, lock: LotoEntry, **fields: object) -> LotoEntry:
    """A supervisor-exception removal with the three facts on record unless overridden."""
    values: dict[str, object] = {
        "area_clear": True,
        "people_notified": True,
        "photo_sha256": OTHER_PHOTO,
        "applier_absent_verified": True,
        "contact_attempt": "Called +56 9 1234 5678 twice, no answer",
        "applier_informed": True,
    } | fields
    return loto(LotoEvent.LOCK_REMOVED_EXCEPTION, actor, lock_ref_id=lock.id, **values)


def accept(
    state: LockoutState,
    entry: LotoEntry,
    actor: Actor,
    prerequisites: Decision | None = None,
) -> LockoutState:
    """Record ``entry`` after asserting the rule allows it."""
    decision = check_step(state, entry, actor, prerequisites)
    assert decision.allowed, decision.codes
    return apply_entry(state, entry)


def locked_out(
    holder: Actor = TECH_A, *, verified: bool = True
) -> tuple[LockoutState, dict[uuid.UUID, LotoEntry]]:
    """A lockout on POINTS by ``holder``: notified, shut down, both points locked,
    energy released and (by default) isolation verified. Returns the state and the
    LOCK_APPLIED entry of each point."""
    state = LockoutState(points=POINTS)
    state = accept(state, loto(LotoEvent.NOTIFIED, holder), holder)
    state = accept(state, loto(LotoEvent.SHUT_DOWN, holder), holder)
    locks = {POINT_1: lock_on(holder, POINT_1, "L-001"), POINT_2: lock_on(holder, POINT_2, "L-002")}
    for entry in locks.values():
        state = accept(state, entry, holder)
    state = accept(state, loto(LotoEvent.ENERGY_RELEASED, holder), holder)
    if verified:
        state = accept(state, loto(LotoEvent.ISOLATION_VERIFIED, holder), holder)
    return state, locks
