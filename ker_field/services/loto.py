"""LOTO use cases: follow a procedure, apply locks with photos, verify, remove, group, transfer.

Each step runs :func:`ker_field.domain.operations.loto.record_step` (fold the lockout's log,
check the rule, write the LotoLog row) and queues the same step as an outbox mutation, in
one transaction; the server replays that mutation through the same operation.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ker_field.domain.decision import Decision
from ker_field.domain.enums import EnergyType, LotoEvent, LotoStatus
from ker_field.domain.models import Asset, LotoLog
from ker_field.domain.operations import NotFound, get_or_raise
from ker_field.domain.operations import loto as ops
from ker_field.domain.rules import loto as rules
from ker_field.services.context import ServiceContext
from ker_field.store.local import enqueue_blob
from sync.protocol import LotoStepArgs, MutationName

E = LotoEvent


@dataclass(frozen=True)
class LockView:
    id: uuid.UUID
    serial: str
    applied_by: uuid.UUID
    held_by: uuid.UUID
    energy_source_id: uuid.UUID | None
    photo_sha256: str | None
    status: LotoStatus


@dataclass(frozen=True)
class IsolationPointView:
    id: uuid.UUID
    position: int
    energy_type: EnergyType
    magnitude: str
    isolation_point: str
    device: str
    verification_method: str
    lock: LockView | None


@dataclass(frozen=True)
class LockoutView:
    lockout_id: uuid.UUID
    asset_id: uuid.UUID
    procedure_id: uuid.UUID
    ticket_id: uuid.UUID | None
    notified: bool
    shut_down: bool
    energy_released: bool
    verified: bool
    ended: bool
    holder: uuid.UUID | None
    group_primary: uuid.UUID | None
    lockbox_serial: str | None
    points: tuple[IsolationPointView, ...]
    member_locks: tuple[LockView, ...]
    work_may_start: Decision


def _lock_view(lock: rules.Lock) -> LockView:
    return LockView(
        lock.id,
        lock.serial,
        lock.applied_by,
        lock.held_by,
        lock.energy_source_id,
        lock.photo_sha256,
        lock.status,
    )


def _view(lockout: ops.Lockout) -> LockoutView:
    state = lockout.state()
    active = {lk.energy_source_id: lk for lk in state.active_locks("point")}
    points = tuple(
        IsolationPointView(
            id=src.id,
            position=src.position,
            energy_type=src.energy_type,
            magnitude=src.magnitude,
            isolation_point=src.isolation_point,
            device=src.device,
            verification_method=src.verification_method,
            lock=_lock_view(active[src.id]) if src.id in active else None,
        )
        for src in lockout.points
    )
    return LockoutView(
        lockout_id=lockout.lockout_id,
        asset_id=lockout.asset.id,
        procedure_id=lockout.procedure.id,
        ticket_id=lockout.ticket_id,
        notified=state.notified,
        shut_down=state.shut_down,
        energy_released=state.energy_released,
        verified=state.verified,
        ended=state.ended,
        holder=state.holder,
        group_primary=state.group_primary,
        lockbox_serial=state.lockbox_serial,
        points=points,
        member_locks=tuple(_lock_view(lk) for lk in state.active_locks("member")),
        work_may_start=rules.check_work_may_start(state),
    )


def loto_prerequisites(
    ctx: ServiceContext, asset_id: uuid.UUID, ticket_id: uuid.UUID | None = None
) -> Decision:
    """Training for the asset's category, permit where required, procedure inspected: the
    ticks and crosses of the prerequisites panel, for the acting user."""
    with ctx.store.sessions() as session:
        oc = ctx.op(session)
        asset = get_or_raise(session, Asset, asset_id)
        procedure = ops.procedure_for(session, asset)
        return ops.prerequisites(oc, asset, procedure, ticket_id, ctx.actor.user_id)


def _step(
    ctx: ServiceContext, lockout_id: uuid.UUID, event: LotoEvent, **facts: Any
) -> LockoutView:
    args = LotoStepArgs(id=uuid.uuid4(), lockout_id=lockout_id, event=event, **facts)
    photo = args.photo_sha256
    if photo and not ctx.store.blobs.exists(photo):
        ctx.store.blobs.read(photo)  # raises BlobMissing naming the photo
    with ctx.store.transaction() as session:
        row, lockout = ops.record_step(ctx.op(session), **args.operation_kwargs())
        if photo:
            enqueue_blob(session, ctx.store.blobs, photo, "image/jpeg")
        ctx.enqueue(session, MutationName.LOTO_RECORD_STEP, args, device_time=row.device_time)
        return _view(lockout)


def notify_affected(
    ctx: ServiceContext, asset_id: uuid.UUID, ticket_id: uuid.UUID | None = None
) -> LockoutView:
    """Start a lockout on an asset: affected employees have been notified."""
    return _step(ctx, uuid.uuid4(), E.NOTIFIED, asset_id=asset_id, ticket_id=ticket_id)


def shut_down(ctx: ServiceContext, lockout_id: uuid.UUID) -> LockoutView:
    return _step(ctx, lockout_id, E.SHUT_DOWN)


def apply_lock(
    ctx: ServiceContext,
    lockout_id: uuid.UUID,
    energy_source_id: uuid.UUID,
    lock_serial: str,
    photo_sha256: str | None,
) -> LockoutView:
    return _step(
        ctx,
        lockout_id,
        E.LOCK_APPLIED,
        energy_source_id=energy_source_id,
        lock_serial=lock_serial,
        photo_sha256=photo_sha256,
    )


def release_stored_energy(ctx: ServiceContext, lockout_id: uuid.UUID) -> LockoutView:
    return _step(ctx, lockout_id, E.ENERGY_RELEASED)


def verify_isolation(ctx: ServiceContext, lockout_id: uuid.UUID) -> LockoutView:
    """Try-out done by the person in charge: work may start."""
    return _step(ctx, lockout_id, E.ISOLATION_VERIFIED)


def remove_lock(
    ctx: ServiceContext,
    lockout_id: uuid.UUID,
    lock_id: uuid.UUID,
    photo_sha256: str | None,
    area_clear: bool,
    people_notified: bool,
) -> LockoutView:
    return _step(
        ctx,
        lockout_id,
        E.LOCK_REMOVED,
        lock_ref_id=lock_id,
        photo_sha256=photo_sha256,
        area_clear=area_clear,
        people_notified=people_notified,
    )


def remove_lock_by_exception(
    ctx: ServiceContext,
    lockout_id: uuid.UUID,
    lock_id: uuid.UUID,
    photo_sha256: str | None,
    area_clear: bool,
    people_notified: bool,
    applier_absent_verified: bool,
    contact_attempt: str,
    applier_informed: bool,
) -> LockoutView:
    """Supervisor removal of someone else's lock, 1910.147(e)(3), with its facts on record."""
    return _step(
        ctx,
        lockout_id,
        E.LOCK_REMOVED_EXCEPTION,
        lock_ref_id=lock_id,
        photo_sha256=photo_sha256,
        area_clear=area_clear,
        people_notified=people_notified,
        applier_absent_verified=applier_absent_verified,
        contact_attempt=contact_attempt,
        applier_informed=applier_informed,
    )


def open_group_lockbox(
    ctx: ServiceContext, lockout_id: uuid.UUID, lockbox_serial: str
) -> LockoutView:
    return _step(ctx, lockout_id, E.GROUP_OPENED, lock_serial=lockbox_serial)


def join_group(ctx: ServiceContext, lockout_id: uuid.UUID, lock_serial: str) -> LockoutView:
    return _step(ctx, lockout_id, E.MEMBER_LOCK_ON, lock_serial=lock_serial)


def leave_group(ctx: ServiceContext, lockout_id: uuid.UUID, lock_id: uuid.UUID) -> LockoutView:
    return _step(ctx, lockout_id, E.MEMBER_LOCK_OFF, lock_ref_id=lock_id)


def accept_transfer(ctx: ServiceContext, lockout_id: uuid.UUID) -> LockoutView:
    """Shift change: the incoming person takes the locks over and must re-verify isolation."""
    return _step(ctx, lockout_id, E.TRANSFER_ACCEPTED)


def lockout_view(ctx: ServiceContext, lockout_id: uuid.UUID) -> LockoutView:
    with ctx.store.sessions() as session:
        lockout = ops.load_lockout(session, lockout_id)
        if lockout is None:
            raise NotFound("Lockout", lockout_id)
        return _view(lockout)


@dataclass(frozen=True)
class ActiveLock:
    lockout_id: uuid.UUID
    lock_id: uuid.UUID
    asset_id: uuid.UUID
    asset_name: str
    serial: str
    held_by: uuid.UUID
    isolation_point: str | None
    applied_at: datetime


def active_locks(ctx: ServiceContext, held_by: uuid.UUID | None = None) -> list[ActiveLock]:
    """Locks on now at the context's site (or only those held by ``held_by``)."""
    result: list[ActiveLock] = []
    with ctx.store.sessions() as session:
        lockout_ids = list(
            session.scalars(
                select(LotoLog.lockout_id)
                .where(
                    LotoLog.site_id == ctx.site_id,
                    LotoLog.event == E.LOCK_APPLIED,
                    LotoLog.deleted.is_(False),
                )
                .distinct()
            )
        )
        for lockout_id in lockout_ids:
            lockout = ops.load_lockout(session, lockout_id)
            assert lockout is not None
            by_id = {row.id: row for row in lockout.entries}
            points = {p.id: p.isolation_point for p in lockout.points}
            for lock in lockout.state().active_locks("point"):
                if held_by is not None and lock.held_by != held_by:
                    continue
                result.append(
                    ActiveLock(
                        lockout_id=lockout_id,
                        lock_id=lock.id,
                        asset_id=lockout.asset.id,
                        asset_name=lockout.asset.name,
                        serial=lock.serial,
                        held_by=lock.held_by,
                        isolation_point=points.get(lock.energy_source_id)
                        if lock.energy_source_id
                        else None,
                        applied_at=by_id[lock.id].device_time,
                    )
                )
    return sorted(result, key=lambda lock: lock.applied_at)
