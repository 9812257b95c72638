"""LOTO operations: record one lockout step after folding the lockout's log and checking it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from ker_field.domain.decision import Decision, RuleViolation, check
from ker_field.domain.enums import LotoEvent
from ker_field.domain.models import (
    Asset,
    EnergySource,
    LotoLog,
    LotoProcedure,
    ServiceTicket,
    Tenant,
    WorkPermit,
)
from ker_field.domain.operations import OpContext, after, get_or_raise, require
from ker_field.domain.operations.training import certificates_for_category
from ker_field.domain.rules import loto as rules
from ker_field.domain.rules import loto_chain as chain
from ker_field.domain.rules.common import check_role
from ker_field.domain.rules.permits import PermitFacts, check_work_start
from ker_field.domain.scopes import site_scope

E = LotoEvent

# Steps that put a person under a lock's protection: they need training, permit, inspection.
GUARDED = frozenset({E.LOCK_APPLIED, E.ISOLATION_VERIFIED, E.MEMBER_LOCK_ON, E.TRANSFER_ACCEPTED})


# The LotoEntry fields stored as LotoLog columns of the same name.
FACT_FIELDS = tuple(
    f.name for f in fields(rules.LotoEntry) if f.name not in ("id", "event", "user_id")
)


@dataclass(frozen=True)
class Lockout:
    lockout_id: uuid.UUID
    asset: Asset
    procedure: LotoProcedure
    ticket_id: uuid.UUID | None
    entries: list[LotoLog]

    @property
    def points(self) -> list[EnergySource]:
        return [src for src in self.procedure.energy_sources if not src.deleted]

    def state(self) -> rules.LockoutState:
        return rules.fold_lockout(
            (p.id for p in self.points), (entry_facts(e) for e in self.entries)
        )


def procedure_for(session: Session, asset: Asset) -> LotoProcedure:
    procedure = session.scalar(
        select(LotoProcedure).where(
            LotoProcedure.asset_id == asset.id, LotoProcedure.deleted.is_(False)
        )
    )
    if procedure is None:
        raise RuleViolation(check(False, rules.NO_PROCEDURE))
    return procedure


def entry_facts(row: LotoLog) -> rules.LotoEntry:
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


def load_lockout(session: Session, lockout_id: uuid.UUID) -> Lockout | None:
    entries = list(
        session.scalars(
            select(LotoLog)
            .where(LotoLog.lockout_id == lockout_id, LotoLog.deleted.is_(False))
            .order_by(LotoLog.device_time, LotoLog.id)
        )
    )
    if not entries:
        return None
    first = entries[0]
    asset = get_or_raise(session, Asset, first.asset_id)
    procedure = get_or_raise(session, LotoProcedure, first.procedure_id)
    return Lockout(lockout_id, asset, procedure, first.ticket_id, entries)


def permit_facts(permit: WorkPermit) -> PermitFacts:
    return PermitFacts(
        status=permit.status,
        risk_level=permit.calculated_risk_level,
        requested_by=permit.requested_by_id,
        approved_by=permit.approved_by_id,
        valid_from=permit.valid_from,
        valid_to=permit.valid_to,
    )


@dataclass(frozen=True)
class Prerequisites:
    """The three gates of a lockout, each with its own decision (the panel's ticks)."""

    training: Decision
    permit: Decision
    inspection: Decision

    @property
    def combined(self) -> Decision:
        return self.training & self.permit & self.inspection


def prerequisite_parts(
    oc: OpContext,
    asset: Asset,
    procedure: LotoProcedure,
    ticket_id: uuid.UUID | None,
    user_id: uuid.UUID,
) -> Prerequisites:
    session, now = oc.session, oc.now
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
        permit_decision = check_work_start(
            ticket.risk_level,
            tenant.permit_required_from,
            permit_facts(permit) if permit is not None else None,
            now,
        )
    inspection = rules.check_procedure_inspection(
        procedure.last_inspected_at,
        procedure.last_inspected_by_id,
        user_id,
        now,
        tenant.overdue_procedure_blocks,
    )
    return Prerequisites(training, permit_decision, inspection)


def prerequisites(
    oc: OpContext,
    asset: Asset,
    procedure: LotoProcedure,
    ticket_id: uuid.UUID | None,
    user_id: uuid.UUID,
) -> Decision:
    """Training for the asset's category, an active permit where the ticket's risk needs one,
    the procedure inspected within 12 months by someone else."""
    return prerequisite_parts(oc, asset, procedure, ticket_id, user_id).combined


def record_step(
    oc: OpContext,
    *,
    id: uuid.UUID,
    lockout_id: uuid.UUID,
    event: LotoEvent,
    asset_id: uuid.UUID | None = None,
    ticket_id: uuid.UUID | None = None,
    energy_source_id: uuid.UUID | None = None,
    lock_serial: str | None = None,
    lock_ref_id: uuid.UUID | None = None,
    photo_sha256: str | None = None,
    area_clear: bool | None = None,
    people_notified: bool | None = None,
    applier_absent_verified: bool | None = None,
    contact_attempt: str | None = None,
    applier_informed: bool | None = None,
    prev_hash: str | None = None,
    entry_hash: str | None = None,
) -> tuple[LotoLog, Lockout]:
    """Record one step of a lockout. The first step (NOTIFIED) names the asset and ticket.

    ``prev_hash`` / ``entry_hash`` are the recording device's claims, given when the server
    replays a pushed step: the row gets this side's chain and, when the claims disagree,
    a ``chain_flag`` (see :func:`chain_row`)."""
    require(check_role(oc.actor, "loto"))
    session = oc.session
    lockout = load_lockout(session, lockout_id)
    if lockout is None:
        if asset_id is None:
            raise ValueError("the first step of a lockout names its asset")
        asset = get_or_raise(session, Asset, asset_id)
        if ticket_id is not None:
            get_or_raise(session, ServiceTicket, ticket_id)
        lockout = Lockout(lockout_id, asset, procedure_for(session, asset), ticket_id, [])
    entry = rules.LotoEntry(
        id=id,
        event=event,
        user_id=oc.actor.user_id,
        energy_source_id=energy_source_id,
        lock_serial=lock_serial.strip() if lock_serial is not None else None,
        lock_ref_id=lock_ref_id,
        photo_sha256=photo_sha256,
        area_clear=area_clear,
        people_notified=people_notified,
        applier_absent_verified=applier_absent_verified,
        contact_attempt=contact_attempt.strip() if contact_attempt is not None else None,
        applier_informed=applier_informed,
    )
    prereq = None
    if event in GUARDED:
        prereq = prerequisites(
            oc, lockout.asset, lockout.procedure, lockout.ticket_id, oc.actor.user_id
        )
    require(rules.check_step(lockout.state(), entry, oc.actor, prereq))
    last = lockout.entries[-1].device_time if lockout.entries else None
    row = LotoLog(
        id=id,
        tenant_id=lockout.asset.tenant_id,
        scope=site_scope(lockout.asset.site_id),
        lockout_id=lockout.lockout_id,
        site_id=lockout.asset.site_id,
        asset_id=lockout.asset.id,
        procedure_id=lockout.procedure.id,
        ticket_id=lockout.ticket_id,
        event=event,
        user_id=oc.actor.user_id,
        device_id=oc.device_id,
        device_time=after(oc.now, last),
        server_time=oc.received_at,
        **{name: getattr(entry, name) for name in FACT_FIELDS},
    )
    chain_row(session, row, prev_hash, entry_hash, claimed=entry_hash is not None)
    session.add(row)
    session.flush()
    lockout.entries.append(row)
    return row, lockout


def row_facts(row: LotoLog) -> dict[str, object]:
    return {name: getattr(row, name) for name in chain.HASHED_FIELDS}


def chain_head(session: Session, asset_id: uuid.UUID) -> LotoLog | None:
    """The asset's last hashed entry: the one no other entry names as its previous (the
    latest by device time when two devices forked the chain before a sync)."""
    later = LotoLog.__table__.alias("later")
    return session.scalar(
        select(LotoLog)
        .where(
            LotoLog.asset_id == asset_id,
            LotoLog.entry_hash.is_not(None),
            ~exists().where(later.c.asset_id == asset_id, later.c.prev_hash == LotoLog.entry_hash),
        )
        .order_by(LotoLog.device_time.desc(), LotoLog.id.desc())
        .limit(1)
    )


def chain_row(
    session: Session,
    row: LotoLog,
    claimed_prev: str | None,
    claimed_entry: str | None,
    claimed: bool,
) -> None:
    """Link ``row`` to its asset's chain on this side and judge the recording device's
    claims. Runs the same on device and server, so in the normal case both hold the same
    hashes."""
    # One writer per asset at a time on PostgreSQL (a no-op on SQLite, whose writes are
    # serialized anyway), so two concurrent pushes cannot both chain to the same head.
    session.execute(select(Asset.id).where(Asset.id == row.asset_id).with_for_update())
    head_row = chain_head(session, row.asset_id)
    head = None
    if head_row is not None:
        head = chain.ChainHead(
            head_row.entry_hash,
            chain.entry_hash(row_facts(head_row), head_row.prev_hash),
            head_row.claimed_hash,
        )
    facts = row_facts(row)
    row.prev_hash = head.entry_hash if head is not None else None
    row.entry_hash = chain.entry_hash(facts, row.prev_hash)
    recomputed = chain.entry_hash(facts, claimed_prev) if claimed else None
    row.chain_flag = chain.judge_claim(
        head, row.entry_hash, claimed_prev, claimed_entry, recomputed, claimed
    )
    if claimed and claimed_entry is not None and claimed_entry != row.entry_hash:
        row.claimed_hash = claimed_entry
