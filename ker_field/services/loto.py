"""LOTO use cases: follow a procedure, apply locks with photos, verify, remove, group, transfer.

Each step runs :func:`ker_field.domain.operations.loto.record_step` (fold the lockout's log,
check the rule, write the LotoLog row) and queues the same step as an outbox mutation, in
one transaction; the server replays that mutation through the same operation.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ker_field.domain.decision import Decision, RuleViolation
from ker_field.domain.enums import (
    EnergyType,
    LotoEvent,
    LotoStatus,
    PermitStatus,
    RiskLevel,
    TicketStatus,
)
from ker_field.domain.models import Asset, Local, LotoLog, ServiceTicket, User, WorkPermit
from ker_field.domain.operations import NotFound, get_or_raise
from ker_field.domain.operations import loto as ops
from ker_field.domain.rules import loto as rules
from ker_field.domain.rules import loto_chain as chain
from ker_field.services.context import ServiceContext
from ker_field.store.local import enqueue_blob
from ker_field.store.tables import BlobQueueEntry
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
        # The server replays the step on its own chain and compares it with the device's.
        args = args.model_copy(update={"prev_hash": row.prev_hash, "entry_hash": row.entry_hash})
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


# -- the journey: find the asset, its procedure, the prerequisites panel, the record -------


@dataclass(frozen=True)
class TicketChoice:
    id: uuid.UUID
    number: str
    title: str
    risk_level: RiskLevel | None
    permit_status: PermitStatus | None


@dataclass(frozen=True)
class AssetLoto:
    """One asset as the LOTO journey shows it: the procedure with its energy sources, the
    three prerequisites for the acting person, the open tickets and the open lockout."""

    asset_id: uuid.UUID
    name: str
    qr_code: str
    category: str
    location: str | None
    procedure_code: str | None
    procedure_title: str | None
    procedure_revision: int | None
    last_inspected_at: datetime | None
    sources: tuple[IsolationPointView, ...]
    no_procedure: Decision
    ticket_id: uuid.UUID | None
    tickets: tuple[TicketChoice, ...]
    training: Decision
    permit: Decision
    inspection: Decision
    lockout: LockoutView | None
    last_lockout_id: uuid.UUID | None = None  # the latest lockout, open or ended

    @property
    def prerequisites(self) -> Decision:
        return self.no_procedure & self.training & self.permit & self.inspection


class AssetNotFound(Exception):
    """No asset of this site carries the scanned or typed tag."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def find_asset(ctx: ServiceContext, code: str) -> uuid.UUID:
    """The asset of the context's site whose QR tag is ``code`` (the scanned text or what
    the person typed: surrounding blanks and letter case do not matter)."""
    tag = code.strip()
    if not tag or len(tag) > 128:
        raise AssetNotFound(tag[:128])
    with ctx.store.sessions() as session:
        found = session.scalar(
            select(Asset.id).where(
                Asset.site_id == ctx.site_id,
                Asset.deleted.is_(False),
                func.upper(Asset.qr_code) == tag.upper(),
            )
        )
    if found is None:
        raise AssetNotFound(tag)
    return found


def _open_lockout(
    session: Session, asset_id: uuid.UUID, recent: int = 50
) -> tuple[ops.Lockout | None, uuid.UUID | None]:
    """The asset's lockout that has not ended (the latest one started, if several) among
    its ``recent`` latest, and the latest lockout's id (ended or not)."""
    starts = session.scalars(
        select(LotoLog.lockout_id)
        .where(
            LotoLog.asset_id == asset_id,
            LotoLog.event == E.NOTIFIED,
            LotoLog.deleted.is_(False),
        )
        .order_by(LotoLog.device_time.desc())
        .limit(recent)
    ).all()
    for lockout_id in starts:
        lockout = ops.load_lockout(session, lockout_id)
        if lockout is not None and not lockout.state().ended:
            return lockout, starts[0]
    return None, starts[0] if starts else None


def _tickets(session: Session, asset_id: uuid.UUID) -> list[TicketChoice]:
    rows = session.execute(
        select(ServiceTicket, WorkPermit.status)
        .outerjoin(
            WorkPermit,
            (WorkPermit.ticket_id == ServiceTicket.id) & WorkPermit.deleted.is_(False),
        )
        .where(
            ServiceTicket.asset_id == asset_id,
            ServiceTicket.status.in_([TicketStatus.OPEN, TicketStatus.IN_PROGRESS]),
            ServiceTicket.deleted.is_(False),
        )
        .order_by(ServiceTicket.number)
    ).all()
    return [TicketChoice(t.id, t.number, t.title, t.risk_level, status) for t, status in rows]


def asset_loto(
    ctx: ServiceContext,
    asset_id: uuid.UUID,
    ticket_id: uuid.UUID | None = None,
    *,
    ticket_chosen: bool = False,
) -> AssetLoto:
    """Everything the journey shows about one asset. Unless the person chose the ticket
    (``ticket_chosen``; None then means work without a ticket), it is the open lockout's,
    else the asset's first open ticket."""
    with ctx.store.sessions() as session:
        oc = ctx.op(session)
        asset = get_or_raise(session, Asset, asset_id)
        tickets = _tickets(session, asset_id)
        lockout, last_lockout_id = _open_lockout(session, asset_id)
        chosen = ticket_id
        if not ticket_chosen:
            if lockout is not None:
                chosen = lockout.ticket_id
            else:
                chosen = tickets[0].id if tickets else None
        try:
            procedure = ops.procedure_for(session, asset)
        except RuleViolation as missing:
            return AssetLoto(
                asset.id, asset.name, asset.qr_code, asset.category, asset.location,
                None, None, None, None, (), missing.decision, chosen, tuple(tickets),
                Decision(), Decision(), Decision(), None, last_lockout_id,
            )  # fmt: skip
        parts = ops.prerequisite_parts(oc, asset, procedure, chosen, ctx.actor.user_id)
        view = _view(lockout) if lockout is not None else None
        sources = (
            view.points
            if view is not None
            else tuple(
                IsolationPointView(
                    src.id,
                    src.position,
                    src.energy_type,
                    src.magnitude,
                    src.isolation_point,
                    src.device,
                    src.verification_method,
                    None,
                )
                for src in procedure.energy_sources
                if not src.deleted
            )
        )
        empty = rules.check_procedure_not_empty(len(sources))
        return AssetLoto(
            asset_id=asset.id,
            name=asset.name,
            qr_code=asset.qr_code,
            category=asset.category,
            location=asset.location,
            procedure_code=procedure.code,
            procedure_title=procedure.title,
            procedure_revision=procedure.revision,
            last_inspected_at=procedure.last_inspected_at,
            sources=sources,
            no_procedure=empty,
            ticket_id=chosen,
            tickets=tuple(tickets),
            training=parts.training,
            permit=parts.permit,
            inspection=parts.inspection,
            lockout=view,
            last_lockout_id=last_lockout_id,
        )


def store_photo(ctx: ServiceContext, jpeg: bytes) -> str:
    """Keep a photo taken for a lock in the blob store; its SHA-256 (the step that uses it
    records who, device, asset, isolation point and device time, and queues the upload)."""
    if not jpeg.startswith(b"\xff\xd8"):
        raise ValueError("not a JPEG image")
    return ctx.store.blobs.put(jpeg)


def pending_evidence(ctx: ServiceContext, hashes: Iterable[str]) -> frozenset[str]:
    """Which of these photos have not reached the server yet (still in the blob queue)."""
    wanted = {h for h in hashes if h}
    if not wanted:
        return frozenset()
    with ctx.store.sessions() as session:
        return frozenset(
            session.scalars(select(BlobQueueEntry.sha256).where(BlobQueueEntry.sha256.in_(wanted)))
        )


@dataclass(frozen=True)
class RecordEntry:
    id: uuid.UUID
    event: LotoEvent
    user_name: str
    device_id: str
    device_time: datetime
    server_time: datetime | None
    isolation_point: str | None
    lock_serial: str | None
    photo_sha256: str | None
    area_clear: bool | None
    people_notified: bool | None
    applier_absent_verified: bool | None
    contact_attempt: str | None
    applier_informed: bool | None
    prev_hash: str | None
    entry_hash: str | None
    chain_flag: str | None
    evidence_pending: bool


@dataclass(frozen=True)
class LockoutRecord:
    """A lockout as an auditor reads it: the procedure, every step with who, when, which
    device, the locks' photos and the evidence chain."""

    lockout_id: uuid.UUID
    site_name: str
    asset_name: str
    asset_tag: str
    procedure_code: str
    procedure_title: str
    procedure_revision: int
    ticket_number: str | None
    sources: tuple[IsolationPointView, ...]
    entries: tuple[RecordEntry, ...]
    people: tuple[str, ...]
    chain_problems: tuple[chain.ChainProblem, ...]
    ended: bool
    work_may_start: bool

    @property
    def evidence_pending(self) -> bool:
        return any(entry.evidence_pending for entry in self.entries)


def lockout_record(ctx: ServiceContext, lockout_id: uuid.UUID) -> LockoutRecord:
    with ctx.store.sessions() as session:
        lockout = ops.load_lockout(session, lockout_id)
        if lockout is None:
            raise NotFound("Lockout", lockout_id)
        view = _view(lockout)
        user_ids = {row.user_id for row in lockout.entries}
        names = dict(
            session.execute(select(User.id, User.full_name).where(User.id.in_(user_ids))).all()
        )
        site = session.get(Local, lockout.asset.site_id)
        ticket = session.get(ServiceTicket, lockout.ticket_id) if lockout.ticket_id else None
        points = {p.id: p.isolation_point for p in lockout.points}
        pending = pending_evidence(ctx, [row.photo_sha256 or "" for row in lockout.entries])
        known = frozenset(
            h
            for h in session.scalars(
                select(LotoLog.entry_hash).where(LotoLog.asset_id == lockout.asset.id)
            )
            if h is not None
        )
        links = [
            chain.ChainLink(
                row.id, ops.row_facts(row), row.prev_hash, row.entry_hash, row.chain_flag
            )
            for row in lockout.entries
        ]
        entries = tuple(
            RecordEntry(
                id=row.id,
                event=row.event,
                user_name=names.get(row.user_id, str(row.user_id)[:8]),
                device_id=row.device_id,
                device_time=row.device_time,
                server_time=row.server_time,
                isolation_point=points.get(row.energy_source_id) if row.energy_source_id else None,
                lock_serial=row.lock_serial,
                photo_sha256=row.photo_sha256,
                area_clear=row.area_clear,
                people_notified=row.people_notified,
                applier_absent_verified=row.applier_absent_verified,
                contact_attempt=row.contact_attempt,
                applier_informed=row.applier_informed,
                prev_hash=row.prev_hash,
                entry_hash=row.entry_hash,
                chain_flag=row.chain_flag,
                evidence_pending=bool(row.photo_sha256 and row.photo_sha256 in pending),
            )
            for row in lockout.entries
        )
        return LockoutRecord(
            lockout_id=lockout_id,
            site_name=site.name if site is not None else "",
            asset_name=lockout.asset.name,
            asset_tag=lockout.asset.qr_code,
            procedure_code=lockout.procedure.code,
            procedure_title=lockout.procedure.title,
            procedure_revision=lockout.procedure.revision,
            ticket_number=ticket.number if ticket is not None else None,
            sources=view.points,
            entries=entries,
            people=tuple(sorted({names.get(u, str(u)[:8]) for u in user_ids})),
            chain_problems=tuple(chain.verify_chain(links, known)),
            ended=view.ended,
            work_may_start=view.work_may_start.allowed,
        )


def user_names(ctx: ServiceContext) -> dict[uuid.UUID, str]:
    with ctx.store.sessions() as session:
        return dict(
            session.execute(
                select(User.id, User.full_name).where(User.tenant_id == ctx.tenant_id)
            ).all()
        )
