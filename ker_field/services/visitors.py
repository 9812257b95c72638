"""Gate use cases: check visitors in and out (invite or walk-in), sign NDAs, the roll call."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ker_field.domain.decision import Decision
from ker_field.domain.enums import AccessDirection, AccessMethod, AccessType, VisitorStatus
from ker_field.domain.models import AccessLog, Local, VisitorInvite, VisitorNDA
from ker_field.domain.rules import visitors as rules
from ker_field.domain.rules.rut import check_rut, mask_rut, normalize_rut
from ker_field.domain.scopes import site_scope
from ker_field.services.context import ServiceContext, after, get_or_raise, require, wire
from ker_field.store.local import enqueue_blob
from sync.protocol import MutationName


@dataclass(frozen=True)
class WalkIn:
    """A guard's manual entry of someone without an invite."""

    name: str
    rut: str
    company: str | None
    access_type: AccessType
    host_user_id: uuid.UUID | None = None
    id_photo_sha256: str | None = None


@dataclass(frozen=True)
class AccessReceipt:
    visit_id: uuid.UUID
    log_id: uuid.UUID
    person_name: str
    direction: AccessDirection
    access_type: AccessType
    at: datetime


@dataclass(frozen=True)
class OnSite:
    visit_id: uuid.UUID
    person_name: str
    rut_masked: str | None
    company: str | None
    access_type: AccessType
    since: datetime
    invite_id: uuid.UUID | None


def _visit_logs(session: Session, **where: object) -> list[AccessLog]:
    query = select(AccessLog).where(AccessLog.deleted.is_(False))
    for column, value in where.items():
        query = query.where(getattr(AccessLog, column) == value)
    return list(session.scalars(query.order_by(AccessLog.device_time, AccessLog.id)))


def _inside(logs: list[AccessLog]) -> bool:
    return rules.is_inside(log.direction for log in logs)


def _person_inside(
    session: Session, site_id: uuid.UUID, invite_id: uuid.UUID | None, rut: str | None
) -> bool:
    """Is this person inside the site now (by invite, or by RUT for anyone)?"""
    visits: dict[uuid.UUID, list[AccessLog]] = {}
    conditions = []
    if invite_id is not None:
        conditions.append(AccessLog.invite_id == invite_id)
    if rut:
        conditions.append(AccessLog.person_rut == rut)
    if not conditions:
        return False
    rows = session.scalars(
        select(AccessLog)
        .where(AccessLog.site_id == site_id, AccessLog.deleted.is_(False), or_(*conditions))
        .order_by(AccessLog.device_time, AccessLog.id)
    )
    for row in rows:
        visits.setdefault(row.visit_id, []).append(row)
    return any(_inside(logs) for logs in visits.values())


def _nda_decision(
    session: Session,
    site: Local,
    access_type: AccessType,
    invite_id: uuid.UUID | None,
    rut: str | None,
    now: datetime,
) -> Decision:
    if not rules.needs_nda(site.requires_nda, access_type):
        return Decision()
    conditions = []
    if invite_id is not None:
        conditions.append(VisitorNDA.invite_id == invite_id)
    if rut:
        conditions.append(VisitorNDA.signer_rut == rut)
    until: list[datetime] = []
    if conditions:
        until = list(
            session.scalars(
                select(VisitorNDA.valid_until).where(
                    VisitorNDA.site_id == site.id,
                    VisitorNDA.deleted.is_(False),
                    or_(*conditions),
                )
            )
        )
    return rules.check_nda(True, until, now)


def _write_access(
    ctx: ServiceContext,
    session: Session,
    *,
    visit_id: uuid.UUID,
    direction: AccessDirection,
    method: AccessMethod,
    gate: str,
    access_type: AccessType,
    person_name: str,
    person_rut: str | None,
    company: str | None,
    host_user_id: uuid.UUID | None,
    invite_id: uuid.UUID | None,
    id_photo_sha256: str | None = None,
    previous: AccessLog | None = None,
) -> AccessLog:
    now = after(ctx.now(), previous.device_time if previous else None)
    site = get_or_raise(session, Local, ctx.site_id)
    log = AccessLog(
        id=uuid.uuid4(),
        tenant_id=site.tenant_id,
        scope=site_scope(site.id),
        site_id=site.id,
        visit_id=visit_id,
        invite_id=invite_id,
        access_type=access_type,
        direction=direction,
        method=method,
        person_name=person_name,
        person_rut=person_rut,
        company=company,
        host_user_id=host_user_id,
        gate=gate,
        guard_id=ctx.actor.user_id,
        id_photo_sha256=id_photo_sha256,
        device_id=ctx.device_id,
        device_time=now,
    )
    session.add(log)
    if id_photo_sha256:
        enqueue_blob(session, ctx.store.blobs, id_photo_sha256, "image/jpeg")
    args = {
        "id": log.id,
        "visit_id": visit_id,
        "invite_id": invite_id,
        "access_type": access_type.value,
        "direction": direction.value,
        "method": method.value,
        "person_name": person_name,
        "person_rut": person_rut,
        "company": company,
        "host_user_id": host_user_id,
        "gate": gate,
        "id_photo_sha256": id_photo_sha256,
    }
    ctx.enqueue(
        session, MutationName.VISITOR_ACCESS, {k: wire(v) for k, v in args.items()}, device_time=now
    )
    return log


def check_in_visitor(
    ctx: ServiceContext,
    gate: str,
    *,
    invite_id: uuid.UUID | None = None,
    walk_in: WalkIn | None = None,
    method: AccessMethod | None = None,
) -> AccessReceipt:
    """Let a person in: with an invite (QR or roster) or as a guard's manual entry."""
    if (invite_id is None) == (walk_in is None):
        raise ValueError("give exactly one of invite_id or walk_in")
    now = ctx.now()
    with ctx.store.transaction() as session:
        site = get_or_raise(session, Local, ctx.site_id)
        if invite_id is not None:
            invite = get_or_raise(session, VisitorInvite, invite_id)
            inside = _person_inside(session, site.id, invite.id, invite.visitor_rut)
            facts = rules.InviteFacts(
                invite.site_id, invite.status, invite.valid_from, invite.valid_to
            )
            require(
                rules.check_invite(facts, site.id, now)
                & rules.check_check_in(invite.visitor_name, inside)
                & _nda_decision(
                    session, site, invite.access_type, invite.id, invite.visitor_rut, now
                )
            )
            invite.status = VisitorStatus.CHECKED_IN
            log = _write_access(
                ctx,
                session,
                visit_id=uuid.uuid4(),
                direction=AccessDirection.IN,
                method=method or AccessMethod.QR,
                gate=gate,
                access_type=invite.access_type,
                person_name=invite.visitor_name,
                person_rut=invite.visitor_rut,
                company=invite.visitor_company,
                host_user_id=invite.host_user_id,
                invite_id=invite.id,
            )
        else:
            assert walk_in is not None
            entry = rules.check_manual_entry(
                walk_in.name,
                walk_in.rut,
                walk_in.access_type,
                walk_in.host_user_id,
                site.requires_id_photo,
                walk_in.id_photo_sha256,
            )
            require(entry)
            rut = normalize_rut(walk_in.rut)
            inside = _person_inside(session, site.id, None, rut)
            nda = _nda_decision(session, site, walk_in.access_type, None, rut, now)
            require(rules.check_check_in(walk_in.name.strip(), inside) & nda)
            log = _write_access(
                ctx,
                session,
                visit_id=uuid.uuid4(),
                direction=AccessDirection.IN,
                method=method or AccessMethod.MANUAL,
                gate=gate,
                access_type=walk_in.access_type,
                person_name=walk_in.name.strip(),
                person_rut=rut,
                company=walk_in.company,
                host_user_id=walk_in.host_user_id,
                invite_id=None,
                id_photo_sha256=walk_in.id_photo_sha256,
            )
        session.flush()
        return AccessReceipt(
            log.visit_id, log.id, log.person_name, log.direction, log.access_type, now
        )


def check_out_visitor(
    ctx: ServiceContext, visit_id: uuid.UUID, gate: str, method: AccessMethod = AccessMethod.ROSTER
) -> AccessReceipt:
    with ctx.store.transaction() as session:
        logs = _visit_logs(session, visit_id=visit_id)
        name = logs[-1].person_name if logs else str(visit_id)
        require(rules.check_check_out(name, _inside(logs)))
        first = logs[0]
        if first.invite_id is not None:
            invite = get_or_raise(session, VisitorInvite, first.invite_id)
            invite.status = VisitorStatus.CHECKED_OUT
        log = _write_access(
            ctx,
            session,
            visit_id=visit_id,
            direction=AccessDirection.OUT,
            method=method,
            gate=gate,
            access_type=first.access_type,
            person_name=first.person_name,
            person_rut=first.person_rut,
            company=first.company,
            host_user_id=first.host_user_id,
            invite_id=first.invite_id,
            previous=logs[-1],
        )
        session.flush()
        return AccessReceipt(
            visit_id, log.id, log.person_name, log.direction, log.access_type, log.device_time
        )


def sign_nda(
    ctx: ServiceContext,
    *,
    signer_name: str,
    signer_rut: str | None,
    document_version: str,
    document_sha256: str,
    signature_sha256: str,
    invite_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Record an NDA signed on screen; the signature image is a blob already stored."""
    now = ctx.now()
    with ctx.store.transaction() as session:
        site = get_or_raise(session, Local, ctx.site_id)
        if invite_id is not None:
            get_or_raise(session, VisitorInvite, invite_id)
        rut = None
        if signer_rut:
            require(check_rut(signer_rut))
            rut = normalize_rut(signer_rut)
        enqueue_blob(session, ctx.store.blobs, signature_sha256, "image/png")
        nda = VisitorNDA(
            id=uuid.uuid4(),
            tenant_id=site.tenant_id,
            scope=site_scope(site.id),
            invite_id=invite_id,
            site_id=site.id,
            document_version=document_version,
            document_sha256=document_sha256,
            signature_sha256=signature_sha256,
            signer_name=signer_name.strip(),
            signer_rut=rut,
            signed_at=now,
            valid_until=now + timedelta(days=site.nda_validity_days),
        )
        session.add(nda)
        args = {
            "id": nda.id,
            "invite_id": invite_id,
            "signer_name": nda.signer_name,
            "signer_rut": rut,
            "document_version": document_version,
            "document_sha256": document_sha256,
            "signature_sha256": signature_sha256,
        }
        ctx.enqueue(session, MutationName.VISITOR_SIGN_NDA, {k: wire(v) for k, v in args.items()})
        return nda.id


def people_on_site(ctx: ServiceContext) -> list[OnSite]:
    """Who is inside now, by the gate log: the roll call, available offline."""
    with ctx.store.sessions() as session:
        visits: dict[uuid.UUID, list[AccessLog]] = {}
        for log in _visit_logs(session, site_id=ctx.site_id):
            visits.setdefault(log.visit_id, []).append(log)
        result = [
            OnSite(
                visit_id=visit_id,
                person_name=logs[0].person_name,
                rut_masked=mask_rut(logs[0].person_rut) if logs[0].person_rut else None,
                company=logs[0].company,
                access_type=logs[0].access_type,
                since=logs[-1].device_time,
                invite_id=logs[0].invite_id,
            )
            for visit_id, logs in visits.items()
            if _inside(logs)
        ]
    return sorted(result, key=lambda person: person.since)
