"""LOTO use cases: follow a procedure, apply locks with photos, verify, remove, group, transfer.

Each step loads the lockout's log, folds it, asks :func:`ker_field.domain.rules.loto.check_step`,
and writes the LotoLog row and its outbox mutation in one transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ker_field.domain.decision import Decision, RuleViolation, check
from ker_field.domain.enums import EnergyType, LotoEvent, LotoStatus
from ker_field.domain.models import (
    Asset,
    EnergySource,
    LotoLog,
    LotoProcedure,
    ServiceTicket,
    Tenant,
    WorkPermit,
)
from ker_field.domain.rules import loto as rules
from ker_field.domain.rules.permits import PermitFacts, check_work_start
from ker_field.domain.scopes import site_scope
from ker_field.services.context import ServiceContext, after, get_or_raise, require, wire
from ker_field.services.training import certificates_for_category
from ker_field.store.local import enqueue_blob
from sync.protocol import MutationName

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


@dataclass(frozen=True)
class _Lockout:
    lockout_id: uuid.UUID
    asset: Asset
    procedure: LotoProcedure
    ticket_id: uuid.UUID | None
    entries: list[LotoLog]


def _procedure_for(session: Session, asset: Asset) -> LotoProcedure:
    procedure = session.scalar(
        select(LotoProcedure).where(
            LotoProcedure.asset_id == asset.id, LotoProcedure.deleted.is_(False)
        )
    )
    if procedure is None:
        raise RuleViolation(check(False, rules.NO_PROCEDURE))
    return procedure


def _points(procedure: LotoProcedure) -> list[EnergySource]:
    return [src for src in procedure.energy_sources if not src.deleted]


def _entry(row: LotoLog) -> rules.LotoEntry:
    return rules.LotoEntry(
        id=row.id,
        event=row.event,
        user_id=row.user_id,
        energy_source_id=row.energy_source_id,
        lock_serial=row.lock_serial,
        lock_ref_id=row.lock_ref_id,
        photo_sha256=row.photo_sha256,
        area_clear=row.area_clear,
        people_notified=row.people_notified,
        applier_absent_verified=row.applier_absent_verified,
        contact_attempt=row.contact_attempt,
        applier_informed=row.applier_informed,
    )


def _load(session: Session, lockout_id: uuid.UUID) -> _Lockout:
    entries = list(
        session.scalars(
            select(LotoLog)
            .where(LotoLog.lockout_id == lockout_id, LotoLog.deleted.is_(False))
            .order_by(LotoLog.device_time, LotoLog.id)
        )
    )
    if not entries:
        raise LookupError(f"lockout {lockout_id} not found")
    first = entries[0]
    asset = get_or_raise(session, Asset, first.asset_id)
    procedure = get_or_raise(session, LotoProcedure, first.procedure_id)
    return _Lockout(lockout_id, asset, procedure, first.ticket_id, entries)


def _state(lockout: _Lockout) -> rules.LockoutState:
    return rules.fold_lockout(
        (p.id for p in _points(lockout.procedure)), (_entry(row) for row in lockout.entries)
    )


def _prerequisites(
    ctx: ServiceContext,
    session: Session,
    asset: Asset,
    procedure: LotoProcedure,
    ticket_id: uuid.UUID | None,
    user_id: uuid.UUID,
) -> Decision:
    now = ctx.now()
    tenant = get_or_raise(session, Tenant, asset.tenant_id)
    training = certificates_for_category(session, asset.tenant_id, asset.category, user_id, now)
    permit_decision = Decision()
    if ticket_id is not None:
        ticket = get_or_raise(session, ServiceTicket, ticket_id)
        permit = session.scalar(
            select(WorkPermit).where(
                WorkPermit.ticket_id == ticket_id, WorkPermit.deleted.is_(False)
            )
        )
        facts = None
        if permit is not None:
            facts = PermitFacts(
                status=permit.status,
                risk_level=permit.calculated_risk_level,
                requested_by=permit.requested_by_id,
                approved_by=permit.approved_by_id,
                valid_from=permit.valid_from,
                valid_to=permit.valid_to,
            )
        permit_decision = check_work_start(
            ticket.risk_level, tenant.permit_required_from, facts, now
        )
    inspection = rules.check_procedure_inspection(
        procedure.last_inspected_at,
        procedure.last_inspected_by_id,
        user_id,
        now,
        tenant.overdue_procedure_blocks,
    )
    return training & permit_decision & inspection


def loto_prerequisites(
    ctx: ServiceContext, asset_id: uuid.UUID, ticket_id: uuid.UUID | None = None
) -> Decision:
    """Training for the asset's category, permit where required, procedure inspected: the
    ticks and crosses of the prerequisites panel, for the acting user."""
    with ctx.store.sessions() as session:
        asset = get_or_raise(session, Asset, asset_id)
        procedure = _procedure_for(session, asset)
        return _prerequisites(ctx, session, asset, procedure, ticket_id, ctx.actor.user_id)


_GUARDED = {E.LOCK_APPLIED, E.ISOLATION_VERIFIED, E.MEMBER_LOCK_ON, E.TRANSFER_ACCEPTED}


def _record(
    ctx: ServiceContext,
    session: Session,
    lockout: _Lockout,
    event: LotoEvent,
    **facts: Any,
) -> LotoLog:
    state = _state(lockout)
    row_id = uuid.uuid4()
    entry = rules.LotoEntry(id=row_id, event=event, user_id=ctx.actor.user_id, **facts)
    prereq = None
    if event in _GUARDED:
        prereq = _prerequisites(
            ctx, session, lockout.asset, lockout.procedure, lockout.ticket_id, ctx.actor.user_id
        )
    require(rules.check_step(state, entry, ctx.actor, prereq))
    photo = facts.get("photo_sha256")
    if photo:
        if not ctx.store.blobs.exists(photo):
            ctx.store.blobs.read(photo)  # raises BlobMissing with the hash
        enqueue_blob(session, ctx.store.blobs, photo, "image/jpeg")
    now = after(ctx.now(), lockout.entries[-1].device_time if lockout.entries else None)
    row = LotoLog(
        id=row_id,
        tenant_id=lockout.asset.tenant_id,
        scope=site_scope(lockout.asset.site_id),
        lockout_id=lockout.lockout_id,
        site_id=lockout.asset.site_id,
        asset_id=lockout.asset.id,
        procedure_id=lockout.procedure.id,
        ticket_id=lockout.ticket_id,
        event=event,
        user_id=ctx.actor.user_id,
        device_id=ctx.device_id,
        device_time=now,
        **facts,
    )
    session.add(row)
    args = {
        "id": row_id,
        "lockout_id": lockout.lockout_id,
        "asset_id": lockout.asset.id,
        "procedure_id": lockout.procedure.id,
        "ticket_id": lockout.ticket_id,
        "event": event.value,
        **facts,
    }
    ctx.enqueue(
        session,
        MutationName.LOTO_RECORD_STEP,
        {k: wire(v) for k, v in args.items()},
        device_time=now,
    )
    session.flush()
    lockout.entries.append(row)
    return row


def _view(ctx: ServiceContext, session: Session, lockout: _Lockout) -> LockoutView:
    state = _state(lockout)
    active = {lk.energy_source_id: lk for lk in state.active_locks("point")}

    def lock_view(lock: rules.Lock) -> LockView:
        return LockView(
            lock.id,
            lock.serial,
            lock.applied_by,
            lock.held_by,
            lock.energy_source_id,
            lock.photo_sha256,
            lock.status,
        )

    points = tuple(
        IsolationPointView(
            id=src.id,
            position=src.position,
            energy_type=src.energy_type,
            magnitude=src.magnitude,
            isolation_point=src.isolation_point,
            device=src.device,
            verification_method=src.verification_method,
            lock=lock_view(active[src.id]) if src.id in active else None,
        )
        for src in _points(lockout.procedure)
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
        member_locks=tuple(lock_view(lk) for lk in state.active_locks("member")),
        work_may_start=rules.check_work_may_start(state),
    )


def _step(
    ctx: ServiceContext, lockout_id: uuid.UUID, event: LotoEvent, **facts: Any
) -> LockoutView:
    with ctx.store.transaction() as session:
        lockout = _load(session, lockout_id)
        _record(ctx, session, lockout, event, **facts)
        return _view(ctx, session, lockout)


def notify_affected(
    ctx: ServiceContext, asset_id: uuid.UUID, ticket_id: uuid.UUID | None = None
) -> LockoutView:
    """Start a lockout on an asset: affected employees have been notified."""
    with ctx.store.transaction() as session:
        asset = get_or_raise(session, Asset, asset_id)
        procedure = _procedure_for(session, asset)
        if ticket_id is not None:
            get_or_raise(session, ServiceTicket, ticket_id)
        lockout = _Lockout(uuid.uuid4(), asset, procedure, ticket_id, [])
        _record(ctx, session, lockout, E.NOTIFIED)
        return _view(ctx, session, lockout)


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
        lock_serial=lock_serial.strip(),
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
        contact_attempt=contact_attempt.strip(),
        applier_informed=applier_informed,
    )


def open_group_lockbox(
    ctx: ServiceContext, lockout_id: uuid.UUID, lockbox_serial: str
) -> LockoutView:
    return _step(ctx, lockout_id, E.GROUP_OPENED, lock_serial=lockbox_serial.strip())


def join_group(ctx: ServiceContext, lockout_id: uuid.UUID, lock_serial: str) -> LockoutView:
    return _step(ctx, lockout_id, E.MEMBER_LOCK_ON, lock_serial=lock_serial.strip())


def leave_group(ctx: ServiceContext, lockout_id: uuid.UUID, lock_id: uuid.UUID) -> LockoutView:
    return _step(ctx, lockout_id, E.MEMBER_LOCK_OFF, lock_ref_id=lock_id)


def accept_transfer(ctx: ServiceContext, lockout_id: uuid.UUID) -> LockoutView:
    """Shift change: the incoming person takes the locks over and must re-verify isolation."""
    return _step(ctx, lockout_id, E.TRANSFER_ACCEPTED)


def lockout_view(ctx: ServiceContext, lockout_id: uuid.UUID) -> LockoutView:
    with ctx.store.sessions() as session:
        return _view(ctx, session, _load(session, lockout_id))


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
        lockout_ids = session.scalars(
            select(LotoLog.lockout_id)
            .where(
                LotoLog.site_id == ctx.site_id,
                LotoLog.event == E.LOCK_APPLIED,
                LotoLog.deleted.is_(False),
            )
            .distinct()
        )
        for lockout_id in list(lockout_ids):
            lockout = _load(session, lockout_id)
            state = _state(lockout)
            by_id = {row.id: row for row in lockout.entries}
            points = {p.id: p.isolation_point for p in _points(lockout.procedure)}
            for lock in state.active_locks("point"):
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
