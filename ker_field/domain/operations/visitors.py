"""Gate operations: an entry or exit in the gate log, and a signed NDA."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from ker_field.domain.decision import Decision
from ker_field.domain.enums import AccessDirection, AccessMethod, AccessType, VisitorStatus
from ker_field.domain.models import AccessLog, Local, VisitorInvite, VisitorNDA
from ker_field.domain.operations import OpContext, after, get_or_raise, require
from ker_field.domain.rules import visitors as rules
from ker_field.domain.rules.common import check_role
from ker_field.domain.rules.rut import check_rut, normalize_rut
from ker_field.domain.scopes import site_scope


def visit_logs(session: Session, *conditions: ColumnElement[bool]) -> list[AccessLog]:
    return list(
        session.scalars(
            select(AccessLog)
            .where(AccessLog.deleted.is_(False), *conditions)
            .order_by(AccessLog.device_time, AccessLog.id)
        )
    )


def inside(logs: list[AccessLog]) -> bool:
    return rules.is_inside(log.direction for log in logs)


def person_inside(
    session: Session, site_id: uuid.UUID, invite_id: uuid.UUID | None, rut: str | None
) -> bool:
    """Is this person inside the site now (by invite, or by RUT for anyone)?"""
    conditions = []
    if invite_id is not None:
        conditions.append(AccessLog.invite_id == invite_id)
    if rut:
        conditions.append(AccessLog.person_rut == rut)
    if not conditions:
        return False
    visits: dict[uuid.UUID, list[AccessLog]] = {}
    for row in visit_logs(session, AccessLog.site_id == site_id, or_(*conditions)):
        visits.setdefault(row.visit_id, []).append(row)
    return any(inside(logs) for logs in visits.values())


def nda_decision(
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
                    VisitorNDA.site_id == site.id, VisitorNDA.deleted.is_(False), or_(*conditions)
                )
            )
        )
    return rules.check_nda(True, until, now)


def access(
    oc: OpContext,
    *,
    id: uuid.UUID,
    visit_id: uuid.UUID,
    direction: AccessDirection,
    method: AccessMethod,
    gate: str,
    invite_id: uuid.UUID | None = None,
    access_type: AccessType | None = None,
    person_name: str | None = None,
    person_rut: str | None = None,
    company: str | None = None,
    host_user_id: uuid.UUID | None = None,
    id_photo_sha256: str | None = None,
) -> AccessLog:
    """Let a person in (with an invite, or a guard's manual entry) or out (by visit)."""
    require(check_role(oc.actor, "gate"))
    session = oc.session
    if oc.site_id is None:
        raise ValueError("a gate entry needs the gate's site")
    site = get_or_raise(session, Local, oc.site_id)
    previous: AccessLog | None = None
    if direction is AccessDirection.OUT:
        logs = visit_logs(session, AccessLog.visit_id == visit_id)
        name = logs[-1].person_name if logs else str(visit_id)
        require(rules.check_check_out(name, inside(logs)))
        first, previous = logs[0], logs[-1]
        invite_id, access_type, person_name = first.invite_id, first.access_type, first.person_name
        person_rut, company, host_user_id = first.person_rut, first.company, first.host_user_id
        if invite_id is not None:
            get_or_raise(session, VisitorInvite, invite_id).status = VisitorStatus.CHECKED_OUT
    elif invite_id is not None:
        invite = get_or_raise(session, VisitorInvite, invite_id)
        facts = rules.InviteFacts(invite.site_id, invite.status, invite.valid_from, invite.valid_to)
        is_in = person_inside(session, site.id, invite.id, invite.visitor_rut)
        require(
            rules.check_invite(facts, site.id, oc.now)
            & rules.check_check_in(invite.visitor_name, is_in)
            & nda_decision(session, site, invite.access_type, invite.id, invite.visitor_rut, oc.now)
        )
        invite.status = VisitorStatus.CHECKED_IN
        access_type, person_name, person_rut = (
            invite.access_type,
            invite.visitor_name,
            invite.visitor_rut,
        )
        company, host_user_id = invite.visitor_company, invite.host_user_id
    else:
        name = (person_name or "").strip()
        kind = access_type or AccessType.VISITOR
        require(
            rules.check_manual_entry(
                name,
                person_rut or "",
                kind,
                host_user_id,
                site.requires_id_photo,
                id_photo_sha256,
            )
        )
        rut = normalize_rut(person_rut or "")
        is_in = person_inside(session, site.id, None, rut)
        require(
            rules.check_check_in(name, is_in) & nda_decision(session, site, kind, None, rut, oc.now)
        )
        access_type, person_name, person_rut = kind, name, rut
    assert access_type is not None
    assert person_name is not None
    log = AccessLog(
        id=id,
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
        guard_id=oc.actor.user_id,
        id_photo_sha256=id_photo_sha256,
        device_id=oc.device_id,
        device_time=after(oc.now, previous.device_time if previous else None),
        server_time=oc.received_at,
    )
    session.add(log)
    session.flush()
    return log


def sign_nda(
    oc: OpContext,
    *,
    id: uuid.UUID,
    signer_name: str,
    signer_rut: str | None,
    document_version: str,
    document_sha256: str,
    signature_sha256: str,
    invite_id: uuid.UUID | None = None,
) -> VisitorNDA:
    """Record an NDA signed on screen; valid at this site for the site's NDA period."""
    require(check_role(oc.actor, "gate"))
    session = oc.session
    if oc.site_id is None:
        raise ValueError("an NDA is signed at a site")
    site = get_or_raise(session, Local, oc.site_id)
    if invite_id is not None:
        get_or_raise(session, VisitorInvite, invite_id)
    rut = None
    if signer_rut:
        require(check_rut(signer_rut))
        rut = normalize_rut(signer_rut)
    nda = VisitorNDA(
        id=id,
        tenant_id=site.tenant_id,
        scope=site_scope(site.id),
        invite_id=invite_id,
        site_id=site.id,
        document_version=document_version,
        document_sha256=document_sha256,
        signature_sha256=signature_sha256,
        signer_name=signer_name.strip(),
        signer_rut=rut,
        signed_at=oc.now,
        valid_until=oc.now + timedelta(days=site.nda_validity_days),
    )
    session.add(nda)
    session.flush()
    return nda
