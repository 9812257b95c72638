"""Gate operations: an entry or exit in the gate log, and a signed NDA."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from ker_field.domain.decision import Decision, check
from ker_field.domain.enums import AccessDirection, AccessMethod, AccessType, VisitorStatus
from ker_field.domain.invite_token import TOKEN_FORGED, verify_invite_token
from ker_field.domain.models import (
    AccessLog,
    GateAnomaly,
    Local,
    Tenant,
    VisitorInvite,
    VisitorNDA,
)
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
    token: str | None = None,
    admit_double: bool = False,
) -> AccessLog:
    """Let a person in (with an invite, or a guard's manual entry) or out (by visit).

    An entry by QR carries the scanned token: it must be the tenant's signature of this
    invite (checked offline with the public key, on the device and again on the server).
    ``admit_double`` is the server's replay of an entry a gate already let through offline:
    an invite already inside is then recorded with a :class:`GateAnomaly` for the guards
    instead of being refused (the person is physically in; the guards must look)."""
    require(check_role(oc.actor, "gate"))
    session = oc.session
    if oc.site_id is None:
        raise ValueError("a gate entry needs the gate's site")
    site = get_or_raise(session, Local, oc.site_id)
    previous: AccessLog | None = None
    overlapping: AccessLog | None = None
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
        if method is AccessMethod.QR:
            require(token_decision(session, invite, token))
        facts = rules.InviteFacts(invite.site_id, invite.status, invite.valid_from, invite.valid_to)
        is_in = person_inside(session, site.id, invite.id, invite.visitor_rut)
        require(
            rules.check_invite(facts, site.id, oc.now)
            & (Decision() if admit_double else rules.check_check_in(invite.visitor_name, is_in))
            & nda_decision(session, site, invite.access_type, invite.id, invite.visitor_rut, oc.now)
        )
        if admit_double:
            overlapping = open_visit_of_invite(session, invite.id, visit_id, oc.now)
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
    if overlapping is not None:
        session.add(
            GateAnomaly(
                id=uuid.uuid5(log.id, rules.DOUBLE_ADMISSION),
                tenant_id=site.tenant_id,
                scope=site_scope(site.id),
                site_id=site.id,
                kind=rules.DOUBLE_ADMISSION,
                invite_id=invite_id,
                access_log_id=log.id,
                first_access_log_id=overlapping.id,
                person_name=log.person_name,
                gates=f"{overlapping.gate} / {log.gate}"[:255],
                detected_at=oc.received_at or oc.now,
            )
        )
        session.flush()
    return log


def token_decision(session: Session, invite: VisitorInvite, token: str | None) -> Decision:
    """A QR entry's token must be the tenant's signature of exactly this invite."""
    tenant = get_or_raise(session, Tenant, invite.tenant_id)
    verified = verify_invite_token(token or "", tenant.invite_public_key or "")
    if isinstance(verified, str):
        return check(False, verified)
    return check(
        verified.invite_id == invite.id and verified.site_id == invite.site_id, TOKEN_FORGED
    )


def open_visit_of_invite(
    session: Session, invite_id: uuid.UUID, visit_id: uuid.UUID, entry_at: datetime
) -> AccessLog | None:
    """The entry of another visit on the same invite still open at ``entry_at``, if any."""
    visits: dict[uuid.UUID, list[AccessLog]] = {}
    for row in visit_logs(
        session, AccessLog.invite_id == invite_id, AccessLog.visit_id != visit_id
    ):
        visits.setdefault(row.visit_id, []).append(row)
    for logs in visits.values():
        entries = [row for row in logs if row.direction is AccessDirection.IN]
        last_out = None if inside(logs) else logs[-1].device_time
        if entries and rules.overlaps(last_out, entry_at):
            return entries[-1]
    return None


def resolve_anomaly(oc: OpContext, *, id: uuid.UUID, resolution: str) -> GateAnomaly:
    """A guard looked at a gate anomaly and says what they found."""
    require(check_role(oc.actor, "gate"))
    row = get_or_raise(oc.session, GateAnomaly, id)
    require(rules.check_resolve_anomaly(row.resolved_at is not None, resolution))
    row.resolved_at, row.resolved_by_id = oc.now, oc.actor.user_id
    row.resolution = resolution.strip()[:4000]
    oc.session.flush()
    return row


@dataclass(frozen=True)
class Anonymized:
    access_logs: int
    invites: int
    ndas: int
    blobs: tuple[str, ...]  # ID photos and signature images no longer needed


def anonymize_expired(session: Session, site: Local, now: datetime) -> Anonymized:
    """Chile's data-protection law asks for minimal, time-limited data: the personal data of
    visits that ended more than the site's retention period ago is replaced by a mark. The
    facts (who was let in by which guard, when) stay; names, RUTs, companies and photos go.
    Run by the server and by each device on its own copy."""
    cutoff = rules.retention_cutoff(now, site.visitor_retention_days)
    visits: dict[uuid.UUID, list[AccessLog]] = {}
    for row in visit_logs(session, AccessLog.site_id == site.id):
        visits.setdefault(row.visit_id, []).append(row)
    blobs: set[str] = set()
    logs = 0
    for rows in visits.values():
        if inside(rows) or rows[-1].device_time >= cutoff:
            continue
        for row in rows:
            if row.person_name == rules.ANONYMIZED_NAME and row.person_rut is None:
                continue
            if row.id_photo_sha256:
                blobs.add(row.id_photo_sha256)
            row.person_name, row.person_rut, row.company = rules.ANONYMIZED_NAME, None, None
            row.id_photo_sha256 = None
            logs += 1
    invites = 0
    for invite in session.scalars(
        select(VisitorInvite).where(
            VisitorInvite.site_id == site.id,
            VisitorInvite.anonymized_at.is_(None),
            VisitorInvite.valid_to < cutoff,
            VisitorInvite.status != VisitorStatus.CHECKED_IN,
        )
    ):
        invite.visitor_name, invite.visitor_rut, invite.visitor_company = (
            rules.ANONYMIZED_NAME,
            None,
            None,
        )
        invite.qr_token, invite.anonymized_at = None, now
        invites += 1
    ndas = 0
    for nda in session.scalars(
        select(VisitorNDA).where(
            VisitorNDA.site_id == site.id,
            VisitorNDA.valid_until < cutoff,
            VisitorNDA.signer_name != rules.ANONYMIZED_NAME,
        )
    ):
        nda.signer_name, nda.signer_rut = rules.ANONYMIZED_NAME, None
        blobs.add(nda.signature_sha256)
        ndas += 1
    for anomaly in session.scalars(
        select(GateAnomaly).where(
            GateAnomaly.site_id == site.id,
            GateAnomaly.detected_at < cutoff,
            GateAnomaly.person_name != rules.ANONYMIZED_NAME,
        )
    ):
        anomaly.person_name = rules.ANONYMIZED_NAME
    session.flush()
    return Anonymized(logs, invites, ndas, tuple(sorted(blobs)))


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
